"""Wrong: the max shift is right, but nothing is validated: all -inf gives NaN (-inf - -inf), [] hits max() of an empty list."""
import math


def softmax(logits: list[float]) -> list[float]:
    m = max(logits)
    exps = [math.exp(x - m) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def log_softmax(logits: list[float]) -> list[float]:
    m = max(logits)
    lse = m + math.log(sum(math.exp(x - m) for x in logits))
    return [x - lse for x in logits]
