"""Wrong: softmax is stable, but log_softmax takes log(softmax(x)); a probability that underflows to 0 breaks it."""
import math


def softmax(logits: list[float]) -> list[float]:
    if not logits:
        raise ValueError("logits must not be empty")
    if any(math.isnan(x) or x == math.inf for x in logits) or max(logits) == -math.inf:
        raise ValueError("bad logits")
    m = max(logits)
    exps = [math.exp(x - m) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def log_softmax(logits: list[float]) -> list[float]:
    return [math.log(p) if p > 0 else -math.inf for p in softmax(logits)]
