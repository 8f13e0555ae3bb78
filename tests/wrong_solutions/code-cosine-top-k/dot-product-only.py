"""Wrong on purpose: ranks by raw dot product, so long vectors win regardless of direction."""
import heapq
import math
from collections.abc import Sequence


def cosine_top_k(
    query: Sequence[float], docs: Sequence[Sequence[float]], k: int
) -> list[tuple[int, float]]:
    """Return the k docs most similar to query by cosine similarity.

    Result: [(index, similarity)], similarity descending, equal similarities by smaller index first.
    A zero-norm doc has similarity 0.0. k == 0 or no docs gives []; k > len(docs) gives all docs.
    Raises ValueError for k < 0, an empty or zero-norm query, or a doc whose dimension differs from the query.
    """
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if not query:
        raise ValueError("query is empty")
    q_norm = math.sqrt(math.fsum(x * x for x in query))
    if q_norm == 0.0:
        raise ValueError("cosine similarity is undefined for a zero query vector")

    def scored():
        for i, doc in enumerate(docs):
            if len(doc) != len(query):
                raise ValueError(f"doc {i} has dimension {len(doc)}, query has {len(query)}")
            d_norm = math.sqrt(math.fsum(x * x for x in doc))
            if d_norm == 0.0:
                yield i, 0.0  # zero vector: no direction, treat as unrelated
            else:
                yield i, math.fsum(a * b for a, b in zip(query, doc))  # forgot to divide by the norms

    # nlargest(k) keeps a heap of k items: O(n log k); key breaks ties by smaller index
    return heapq.nlargest(k, scored(), key=lambda item: (item[1], -item[0]))
