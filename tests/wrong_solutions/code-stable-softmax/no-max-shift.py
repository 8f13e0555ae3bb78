"""Wrong: exponentiates the raw logits (no max subtraction), so exp(1000) overflows."""
import math


def _check(logits: list[float]) -> None:
    if not logits:
        raise ValueError("logits must not be empty")
    if any(math.isnan(x) or x == math.inf for x in logits) or max(logits) == -math.inf:
        raise ValueError("bad logits")


def softmax(logits: list[float]) -> list[float]:
    _check(logits)
    exps = [math.exp(x) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def log_softmax(logits: list[float]) -> list[float]:
    _check(logits)
    lse = math.log(sum(math.exp(x) for x in logits))
    return [x - lse for x in logits]
