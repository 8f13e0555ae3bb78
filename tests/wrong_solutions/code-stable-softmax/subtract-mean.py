"""Wrong: shifts by the mean of the finite logits instead of the max; fine on a narrow range, overflows on a wide one."""
import math


def _check(logits: list[float]) -> float:
    if not logits:
        raise ValueError("logits must not be empty")
    if any(math.isnan(x) or x == math.inf for x in logits) or max(logits) == -math.inf:
        raise ValueError("bad logits")
    finite = [x for x in logits if x != -math.inf]
    return sum(finite) / len(finite)


def softmax(logits: list[float]) -> list[float]:
    c = _check(logits)
    exps = [math.exp(x - c) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def log_softmax(logits: list[float]) -> list[float]:
    c = _check(logits)
    lse = c + math.log(sum(math.exp(x - c) for x in logits))
    return [x - lse for x in logits]
