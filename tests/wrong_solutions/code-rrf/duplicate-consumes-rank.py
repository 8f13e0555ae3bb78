"""Wrong on purpose: skips a repeated id but still lets it take a rank, so later ids are pushed down."""


def rrf(rankings, k=60, top_n=None):
    if k < 0 or (top_n is not None and top_n < 0):
        raise ValueError("k and top_n must be >= 0")
    scores = {}
    for ranking in rankings:
        seen = set()
        for rank, doc_id in enumerate(ranking, start=1):
            if doc_id in seen:
                continue  # bug: the duplicate already used up this rank
            seen.add(doc_id)
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (k + rank)
    fused = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return fused if top_n is None else fused[:top_n]
