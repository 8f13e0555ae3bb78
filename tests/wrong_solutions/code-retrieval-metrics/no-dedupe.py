"""Wrong on purpose: counts a repeated doc again, so nDCG can exceed 1 and recall double-counts."""
import math
from collections.abc import Collection, Mapping, Sequence


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")


def _dedupe(ranked: Sequence[str]) -> list[str]:
    return list(ranked)  # duplicates kept


def recall_at_k(ranked: Sequence[str], relevant: Collection[str], k: int) -> float:
    """Share of the relevant docs that appear in the top k. Raises ValueError if relevant is empty or k < 1."""
    _check_k(k)
    if not relevant:
        raise ValueError("recall is undefined for a query with no relevant docs")
    hits = sum(1 for doc in _dedupe(ranked)[:k] if doc in relevant)
    return hits / len(set(relevant))


def mrr(ranked_lists: Sequence[Sequence[str]], relevant_sets: Sequence[Collection[str]]) -> float:
    """Mean over queries of 1 / rank of the first relevant doc (0 when none is retrieved).

    Raises ValueError if there are no queries, the two lists differ in length, or a query has no relevant docs.
    """
    if not ranked_lists or len(ranked_lists) != len(relevant_sets):
        raise ValueError("need one relevant set per ranked list, and at least one query")
    total = 0.0
    for ranked, relevant in zip(ranked_lists, relevant_sets):
        if not relevant:
            raise ValueError("MRR is undefined for a query with no relevant docs")
        for rank, doc in enumerate(_dedupe(ranked), start=1):
            if doc in relevant:
                total += 1.0 / rank
                break
    return total / len(ranked_lists)  # misses count as 0, they stay in the denominator


def ndcg_at_k(
    ranked: Sequence[str], relevance: Mapping[str, float], k: int, gain: str = "exponential"
) -> float:
    """nDCG@k with discount 1 / log2(rank + 1), rank from 1.

    gain="exponential" (default): g = 2**rel - 1; gain="linear": g = rel (Järvelin & Kekäläinen 2002, scikit-learn).
    relevance maps doc id -> grade >= 0; unjudged docs have grade 0. The ideal ranking is built from all
    judged grades, not just the retrieved ones. Raises ValueError if k < 1, gain is unknown, a grade is
    negative, or no doc has a grade > 0.
    """
    _check_k(k)
    if gain == "linear":
        g = lambda rel: rel  # noqa: E731
    elif gain == "exponential":
        g = lambda rel: 2.0**rel - 1.0  # noqa: E731
    else:
        raise ValueError(f"gain must be 'linear' or 'exponential', got {gain!r}")
    if any(rel < 0 for rel in relevance.values()):
        raise ValueError("relevance grades must be >= 0")
    ideal = sorted((rel for rel in relevance.values() if rel > 0), reverse=True)[:k]
    if not ideal:
        raise ValueError("nDCG is undefined for a query with no relevant docs")
    dcg = sum(g(relevance.get(doc, 0)) / math.log2(rank + 1)
              for rank, doc in enumerate(_dedupe(ranked)[:k], start=1))
    idcg = sum(g(rel) / math.log2(rank + 1) for rank, rel in enumerate(ideal, start=1))
    return dcg / idcg
