"""Wrong: when rounding leaves u above the last cumulative value, returns the last index even if that token was filtered out."""
import math
import random


def _validate(logits: list[float], temperature: float, top_k: int | None, top_p: float | None) -> None:
    if not logits:
        raise ValueError("logits must not be empty")
    if any(math.isnan(x) or x == math.inf for x in logits):
        raise ValueError("logits must not contain NaN or +inf")
    if max(logits) == -math.inf:
        raise ValueError("every token is masked (-inf)")
    if math.isnan(temperature) or temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if top_k is not None and top_k < 1:
        raise ValueError(f"top_k must be >= 1 or None, got {top_k}")
    if top_p is not None and not 0 < top_p <= 1:
        raise ValueError(f"top_p must be in (0, 1] or None, got {top_p}")


def filter_probs(
    logits: list[float],
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
) -> list[float]:
    _validate(logits, temperature, top_k, top_p)
    if temperature == 0:
        raise ValueError("temperature 0 is greedy decoding and has no distribution")
    # 1) temperature: divide the logits, then a stable softmax (subtract the max)
    scaled = [x / temperature for x in logits]
    m = max(scaled)
    weights = [math.exp(x - m) for x in scaled]
    # rank once: higher probability first, the smaller index wins a tie
    order = sorted(range(len(logits)), key=lambda i: (-weights[i], i))
    keep = order
    # 2) top-k: exactly k survivors (all of them if k >= vocabulary size)
    if top_k is not None:
        keep = keep[:top_k]
    # 3) top-p on the distribution renormalised after top-k
    if top_p is not None:
        total = sum(weights[i] for i in keep)
        cumulative, cut = 0.0, len(keep)
        for n, i in enumerate(keep, start=1):
            cumulative += weights[i] / total
            if cumulative >= top_p:  # keep the token that crosses p
                cut = n
                break
        keep = keep[:cut]
    total = sum(weights[i] for i in keep)
    probs = [0.0] * len(logits)
    for i in keep:
        probs[i] = weights[i] / total
    return probs


def sample_next_token(
    logits: list[float],
    rng: random.Random,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
) -> int:
    if temperature == 0:  # greedy: argmax, smallest index on a tie; rng unused
        _validate(logits, temperature, top_k, top_p)
        return max(range(len(logits)), key=lambda i: (logits[i], -i))
    probs = filter_probs(logits, temperature, top_k, top_p)
    u = rng.random()  # exactly one draw per call
    cumulative = 0.0
    for i, p in enumerate(probs):  # inverse CDF in index order
        cumulative += p
        if u < cumulative:
            return i
    return len(probs) - 1  # rounding: last kept token
