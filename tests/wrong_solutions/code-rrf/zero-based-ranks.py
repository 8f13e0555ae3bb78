# Ranks from enumerate's default 0: every score is 1/(k + rank - 1).
def rrf(rankings, k=60):
    if k <= 0:
        raise ValueError("k must be positive")
    scores = {}
    for ranking in rankings:
        seen = set()
        for rank, doc in enumerate(ranking):
            if doc not in seen:
                seen.add(doc)
                scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
