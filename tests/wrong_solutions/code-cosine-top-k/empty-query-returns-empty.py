"""Wrong on purpose: treats an empty query like "no input" and returns [] instead of raising ValueError."""
import math
from collections.abc import Sequence


def cosine_top_k(
    query: Sequence[float], docs: Sequence[Sequence[float]], k: int
) -> list[tuple[int, float]]:
    """Return the k docs most similar to query by cosine similarity (see the page for the contract)."""
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if k == 0 or not query or not docs:  # bug: an empty query is a caller error, not an empty result
        return []
    q_norm = math.sqrt(sum(x * x for x in query))
    if q_norm == 0.0:
        raise ValueError("zero query vector")
    scored = []
    for i, doc in enumerate(docs):
        if len(doc) != len(query):
            raise ValueError(f"doc {i} has dimension {len(doc)}, query has {len(query)}")
        d_norm = math.sqrt(sum(x * x for x in doc))
        scored.append((i, sum(a * b for a, b in zip(query, doc)) / (q_norm * d_norm) if d_norm else 0.0))
    scored.sort(key=lambda item: -item[1])  # stable: ties keep index order
    return scored[:k]
