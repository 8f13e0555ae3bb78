"""Wrong on purpose: a size-k min-heap of (score, index) evicts the SMALLER index on ties."""
import heapq
import math


def cosine_top_k(query, docs, k):
    if k < 0:
        raise ValueError("k must be >= 0")
    if not query:
        raise ValueError("query is empty")
    q_norm = math.sqrt(sum(x * x for x in query))
    if q_norm == 0.0:
        raise ValueError("zero query")
    heap = []
    for i, doc in enumerate(docs):
        if len(doc) != len(query):
            raise ValueError("dimension mismatch")
        d_norm = math.sqrt(sum(x * x for x in doc))
        sim = 0.0 if d_norm == 0.0 else sum(a * b for a, b in zip(query, doc)) / (q_norm * d_norm)
        if k == 0:
            continue
        if len(heap) < k:
            heapq.heappush(heap, (sim, i))
        else:
            heapq.heappushpop(heap, (sim, i))  # on equal scores pops the smaller index: keeps later docs
    return [(i, s) for s, i in sorted(heap, reverse=True)]
