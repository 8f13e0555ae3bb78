"""Related questions: explicit ``related`` first, then the best-scored others.

Scores use only what is the same in every language (tags, topic) plus term
overlap over the text of *all* languages of a question, so every language shows
the same list. The text is what says what a question is about: its title, the
part before the deep dive ("what the interviewer is looking for" and the
30-second answer) and the deep dive's headings; segmenting whole answers with
jieba would cost ten times as much for little gain. Candidates come from
inverted indexes whose posting lists are capped, so the cost grows linearly
with the number of questions.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

import jieba

from .catalog import Catalog, Question

MIN_RELATED = 3
MAX_RELATED = 5
TERMS_PER_QUESTION = 30
# A term or tag shared by more questions than this says little about any pair and
# would make candidate generation quadratic; it still counts in the score.
MAX_POSTING = 150
WEIGHT_TAGS, WEIGHT_TEXT, WEIGHT_TOPIC = 1.0, 1.0, 0.25

HEADING = re.compile(r"^\s*#{2,6}\s+(.+)$", re.M)
CODE_OR_URL = re.compile(r"```.*?```|`[^`\n]*`|https?://\S+|\]\([^)]*\)", re.S)
TERM = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[a-z][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]*[0-9][a-z0-9]*)$")
STOPWORDS = frozenset(
    """the and for with that this are was were from into what when which how why you your our their its can
    not but all any has have had will would should could may might also more most than then them they there
    these those such each other only one two use used using like just very about over under out between
    是 的 了 在 和 与 或 就 也 都 而 及 等 把 被 让 对 从 到 为 以 于 中 上 下 一个 这个 那个 我们 你们 他们 什么 怎么 如何
    为什么 可以 需要 因为 所以 如果 但是 然后 还是 就是 这样 这些 那些 没有 不是 一般 比如 例如 以及 通过 进行 其中 已经 时候""".split()
)

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=None)
def terms(text: str) -> tuple[str, ...]:
    """Index terms of a text: jieba words (Chinese and Latin alike), lower-cased, minus stop words and code.

    Cached because every language build of a site scores the same texts.
    """
    plain = CODE_OR_URL.sub(" ", text.lower())
    return tuple(t for t in jieba.cut(plain) if TERM.match(t) and t not in STOPWORDS)


def compute_related(catalog: Catalog) -> dict[str, list[str]]:
    """``{question id: [related ids, in display order]}`` for every question in the catalog."""
    questions = list(catalog.questions.values())
    vectors = _term_vectors(questions)
    tags = {q.id: frozenset(t.lower() for t in q.meta.tags) for q in questions}

    postings: dict[str, list[str]] = defaultdict(list)
    for q in questions:
        for key in [f"tag:{t}" for t in sorted(tags[q.id])] + [f"term:{t}" for t in vectors[q.id]] + [f"topic:{q.meta.topic}"]:
            postings[key].append(q.id)

    related: dict[str, list[str]] = {}
    for q in questions:
        candidates = {
            other
            for key in [f"tag:{t}" for t in tags[q.id]] + [f"term:{t}" for t in vectors[q.id]] + [f"topic:{q.meta.topic}"]
            if len(postings[key]) <= MAX_POSTING
            for other in postings[key]
        }
        candidates.discard(q.id)
        scored = sorted(
            ((_score(q, catalog.questions[o], tags, vectors), o) for o in candidates),
            key=lambda item: (-item[0], item[1]),
        )
        related[q.id] = _pick(q, [o for score, o in scored if score > 0], catalog)
    return related


def _term_vectors(questions: list[Question]) -> dict[str, dict[str, float]]:
    """TF-IDF vectors, cut to each question's strongest terms and L2-normalised."""
    counts = {}
    for q in questions:
        counter: Counter[str] = Counter()
        for page in q.pages.values():
            counter.update(terms(page.title) * 3)
            counter.update(terms(_summary(page.body)))
        counts[q.id] = counter
    document_frequency = Counter(term for counter in counts.values() for term in counter)
    total = len(questions)
    vectors = {}
    for qid, counter in counts.items():
        weights = {
            term: (1 + math.log(n)) * math.log((1 + total) / document_frequency[term])
            for term, n in counter.items()
        }
        strongest = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:TERMS_PER_QUESTION]
        norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
        vectors[qid] = {term: w / norm for term, w in strongest}
    return vectors


def _summary(body: str) -> str:
    """The opening of a page (up to the first sub-heading of the answer) and all its headings."""
    opening = body.split("### ", 1)[0]
    return opening + "\n" + "\n".join(HEADING.findall(body))


def _score(q: Question, other: Question, tags, vectors) -> float:
    mine, theirs = tags[q.id], tags[other.id]
    tag_overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
    va, vb = vectors[q.id], vectors[other.id]
    cosine = sum(w * vb[t] for t, w in va.items() if t in vb)
    same_topic = 1.0 if q.meta.topic == other.meta.topic else 0.0
    return WEIGHT_TAGS * tag_overlap + WEIGHT_TEXT * cosine + WEIGHT_TOPIC * same_topic


def _pick(q: Question, ranked: list[str], catalog: Catalog) -> list[str]:
    chosen = [r for r in q.meta.related if r in catalog.questions and r != q.id]
    for other in ranked:
        if len(chosen) >= MAX_RELATED:
            break
        if other not in chosen:
            chosen.append(other)
    if len(chosen) < MIN_RELATED:
        # Too few scored neighbours (a tiny topic, a young site): the same topic first, then catalog order.
        fallback = sorted(catalog.questions, key=lambda o: catalog.questions[o].meta.topic != q.meta.topic)
        chosen += [o for o in fallback if o != q.id and o not in chosen][: MIN_RELATED - len(chosen)]
    return chosen
