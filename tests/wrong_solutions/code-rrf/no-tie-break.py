"""Wrong on purpose: sorts by score only, so equal scores come out in first-seen order, not by id."""
from collections.abc import Sequence


def rrf(
    rankings: Sequence[Sequence[str]], k: int = 60, top_n: int | None = None
) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: score(d) = sum over rankings of 1 / (k + rank(d)), rank from 1.

    Each ranking lists doc ids best first; a doc missing from a ranking gets nothing from it;
    a doc repeated inside one ranking counts once, at its first (best) position.
    Returns [(doc_id, score)], score descending, equal scores by doc id ascending; top_n=None keeps all.
    Raises ValueError if k < 0 or top_n < 0.
    """
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if top_n is not None and top_n < 0:
        raise ValueError(f"top_n must be >= 0, got {top_n}")
    scores: dict[str, float] = {}
    for ranking in rankings:
        seen: set[str] = set()
        rank = 0
        for doc_id in ranking:
            if doc_id in seen:
                continue  # a duplicate is not a second vote
            seen.add(doc_id)
            rank += 1
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (k + rank)
    fused = sorted(scores.items(), key=lambda item: -item[1])
    return fused if top_n is None else fused[:top_n]
