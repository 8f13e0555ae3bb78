"""Unit tests of the hooks' helpers (hooks/qbank and the small hook functions)."""

from __future__ import annotations

import datetime
import importlib.util
import re
import shutil
import sys

import pytest

from conftest import HOOKS, ROOT
from qbank.answers import focus_text, shortened
from qbank.catalog import build_catalog, is_question_source
from qbank.freshness import body_hash, by_age, source_body, with_source_hash
from qbank.listing import md_link
from qbank.page import parse_question
from qbank.related import MAX_RELATED, MIN_RELATED, compute_related, terms
from qbank.schema import check_meta
from qbank.tags import Vocabulary, load_vocabulary
from qbank.topics import Topic, load_topics

sys.path.insert(0, str(ROOT / "scripts"))
from new_question import scaffold  # noqa: E402

TOPICS = {
    "rag": Topic("rag", 0, {"zh": "检索", "en": "Retrieval"}, {"zh": "检索题", "en": "Retrieval questions"}),
    "agents": Topic("agents", 1, {"zh": "智能体", "en": "Agents"}, {"zh": "智能体题", "en": "Agent questions"}),
}
TITLES = {"zh": "参考答案", "en": "Reference answer"}
# Every tag the catalog tests use.
VOCABULARY = Vocabulary(("rag", "agent", "vector", "w", "x", "y", "z"), {})


def load_hook(name):
    spec = importlib.util.spec_from_file_location(f"test_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source(qid, topic="rag", *, title="题目", tags=("rag",), answer="参考答案", body="答案。", focus="", **meta):
    lines = [f"id: {qid}", f"topic: {topic}", f"tags: [{', '.join(tags)}]", f"difficulty: {meta.pop('difficulty', 'easy')}",
             f"updated: {meta.pop('updated', '2026-11-30')}"]
    lines += [f"{key}: {value}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + f'\n---\n\n# {title}\n\n{focus}??? success "{answer}"\n\n    {body}\n'


def catalog_of(pages: dict[str, str]):
    return build_catalog(pages.items(), topics=TOPICS, vocabulary=VOCABULARY, locales=["zh", "en"], default_locale="zh",
                         answer_titles=TITLES)


def pair(qid, topic="rag", *, zh_body="答案。", en_body="Answer.", en_meta=None, **meta):
    return {
        f"questions/{topic}/{qid}.md": source(qid, topic, body=zh_body, **meta),
        f"questions/{topic}/{qid}.en.md": source(qid, topic, title="Question", answer="Reference answer", body=en_body,
                                                 **meta, **(en_meta or {})),
    }


class TestSchema:
    def test_valid_meta_is_typed(self):
        meta, problems = check_meta({"id": "a-b", "topic": "rag", "tags": ["x"], "difficulty": "hard", "seed": 3,
                                     "updated": datetime.date(2026, 11, 30), "related": ["c"]})
        assert problems == [] and meta.seed == 3 and meta.tags == ("x",) and meta.related == ("c",)

    @pytest.mark.parametrize("field, value, message", [
        ("id", "Not A Slug", "expected a lowercase ASCII slug such as 'what-is-rag', found 'Not A Slug'"),
        ("seed", True, "expected an integer from 1 to 65, found True"),
        ("seed", 0, "expected an integer from 1 to 65, found 0"),
        ("tags", [], "expected a non-empty list, found list []"),
        ("tags", "rag", "expected a non-empty list, found 'rag'"),
        ("tags", ["rag", "rag"], "expected no repeated entries, found list ['rag', 'rag']"),
        ("related", ["Bad Id"], "in the list, expected a lowercase ASCII slug such as 'what-is-rag', found 'Bad Id'"),
        ("updated", "yesterday", "expected a date as YYYY-MM-DD, found 'yesterday'"),
        ("difficulty", "easy-ish", "expected one of easy, medium, hard, found 'easy-ish'"),
        ("source_hash", 123456789012, "expected 12 hexadecimal digits in quotes, as `make translated ID=<id>` writes them, found 123456789012"),
        ("source_hash", "0123456789AB", "expected 12 hexadecimal digits in quotes, as `make translated ID=<id>` writes them, found '0123456789AB'"),
    ])
    def test_each_bad_value_names_field_expectation_and_finding(self, field, value, message):
        meta = {"id": "a", "topic": "rag", "tags": ["x"], "difficulty": "easy", "updated": datetime.date(2026, 11, 30), field: value}
        assert check_meta(meta) == (None, [(field, message)])

    def test_unknown_and_missing_fields(self):
        _, problems = check_meta({"id": "a", "topic": "rag", "tag": ["x"], "difficulty": "easy"})
        assert problems == [
            ("tag", "expected one of the fields id, seed, topic, tags, difficulty, companies, related, updated, source_hash, aliases, kind, "
                    "found unknown field"),
            ("tags", "expected this field, found it missing"),
            ("updated", "expected this field, found it missing"),
        ]


class TestPage:
    def test_parses_title_and_answer(self):
        page, problems = parse_question("questions/rag/a.md", source("a", title="什么是 RAG？"), locale="zh", answer_title="参考答案")
        assert problems == [] and page.title == "什么是 RAG？" and page.meta.id == "a"

    def test_no_front_matter(self):
        _, problems = parse_question("questions/rag/a.md", "# 题\n", locale="zh", answer_title="参考答案")
        assert [str(p) for p in problems] == [
            "docs/questions/rag/a.md: front matter: expected a YAML block between '---' lines at the top, found none"]

    def test_front_matter_not_a_mapping(self):
        _, problems = parse_question("questions/rag/a.md", "---\n- a\n---\n# 题\n", locale="zh", answer_title="参考答案")
        assert [str(p) for p in problems] == ["docs/questions/rag/a.md: front matter: expected a mapping of fields, found list"]

    def test_missing_title_and_two_answers(self):
        text = source("a").replace("# 题目\n", "") + '\n??? success "参考答案"\n\n    again\n'
        _, problems = parse_question("questions/rag/a.md", text, locale="zh", answer_title="参考答案")
        assert [p.field for p in problems] == ["title", "answer"]
        assert problems[1].message.endswith("found 2")

    def test_answer_with_another_title(self):
        _, problems = parse_question("questions/rag/a.md", source("a", answer="答案"), locale="zh", answer_title="参考答案")
        assert problems[0].message == 'expected one closed answer block \'??? success "参考答案"\', found the title "答案"'


class TestCatalog:
    def test_question_sources_exclude_generated_indexes(self):
        assert is_question_source("questions/rag/a.md") and is_question_source("questions/rag/a.en.md")
        assert not is_question_source("questions/rag/index.md") and not is_question_source("questions/index.en.md")
        assert not is_question_source("index.md")

    def test_orders_by_topic_then_seed_then_id(self):
        catalog = catalog_of({**pair("b", "agents"), **pair("z", seed=2), **pair("a"), **pair("y", seed=1)})
        assert list(catalog.questions) == ["y", "z", "a", "b"]
        assert catalog.problems == []

    def test_path_outside_topic_folders(self):
        catalog = catalog_of({"questions/loose.md": source("loose")})
        assert [str(p) for p in catalog.problems] == [
            "docs/questions/loose.md: path: expected docs/questions/<topic>/<slug>.md or <slug>.<language>.md "
            "with a language of zh, en, found questions/loose.md"]

    def test_translation_without_original(self):
        pages = pair("a")
        del pages["questions/rag/a.md"]
        assert [str(p) for p in catalog_of(pages).problems] == [
            "docs/questions/rag/a.en.md: translation: expected the zh page docs/questions/rag/a.md it translates, found none"]

    def test_duplicate_seed_and_self_reference(self):
        catalog = catalog_of({**pair("a", seed=5, related="[a]"), **pair("b", seed=5)})
        assert [str(p) for p in catalog.problems] == [
            "docs/questions/rag/a.md: related: expected ids of other questions, found the question's own id",
            "docs/questions/rag/b.md: seed: expected each seed number once, found 5 also in docs/questions/rag/a.md",
        ]

    def test_by_src_uri_knows_both_languages(self):
        catalog = catalog_of(pair("a"))
        assert catalog.by_src_uri("questions/rag/a.en.md").id == "a"
        assert catalog.by_src_uri("questions/rag/index.md") is None


class TestRelated:
    def test_terms_segment_chinese_and_keep_english(self):
        assert "检索" in terms("向量检索和 BM25 检索") and "bm25" in terms("向量检索和 BM25 检索")
        assert "the" not in terms("the retrieval step") and "retrieval" in terms("the retrieval step")
        assert "print" not in terms("```python\nprint(1)\n```")

    def test_explicit_first_then_by_score_deterministically(self):
        pages = {
            **pair("vector-db", tags=("rag", "vector"), zh_body="向量数据库 HNSW 索引", en_body="vector database HNSW index"),
            **pair("hnsw", tags=("vector",), zh_body="HNSW 图索引 向量数据库", en_body="HNSW graph index vector database"),
            **pair("chunking", tags=("rag",), zh_body="文档切分 chunk", en_body="document chunking"),
            **pair("memory", "agents", tags=("agent",), zh_body="记忆", en_body="memory"),
            **pair("planner", "agents", tags=("agent",), related="[chunking]", zh_body="规划", en_body="planning"),
        }
        catalog = catalog_of(pages)
        first, second = compute_related(catalog), compute_related(catalog_of(dict(reversed(pages.items()))))
        assert first == second
        assert first["vector-db"][0] == "hnsw"
        assert first["planner"][:2] == ["chunking", "memory"]
        assert all(MIN_RELATED <= len(r) <= MAX_RELATED and q not in r for q, r in first.items())

    def test_fallback_fills_small_sites(self):
        catalog = catalog_of({**pair("a", tags=("x",)), **pair("b", "agents", tags=("y",)), **pair("c", "agents", tags=("z",)),
                              **pair("d", tags=("w",))})
        assert compute_related(catalog)["a"] == ["d", "b", "c"]


def test_md_link_escapes_brackets_and_pipes():
    assert md_link("a [b] | c", "x.md") == r"[a \[b\] \| c](x.md)"


def test_math_becomes_mathml():
    render_math = load_hook("math_render").render_math
    html = '<p>x <span class="arithmatex">\\(a &lt; b\\)</span></p><div class="arithmatex">\\[\n\\frac{1}{2}\n\\]</div>'
    out = render_math(html)
    assert 'class="arithmatex"' not in out
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in out and "<mo>&#x0003C;</mo>" in out
    assert '<div class="math-block"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow><mfrac>' in out


def test_page_head_drops_only_head_alternates():
    on_post_page = load_hook("page_head").on_post_page
    feed = '<link rel="alternate " type="application/atom+xml" title="T" href="feed.xml">'
    html = (f'<head>\n  <link rel="alternate" href="./" hreflang="zh">\n  <link rel="canonical" href="x">\n  {feed}\n</head>'
            '<body><a href="./" hreflang="zh" class="md-select__link">中文</a></body>')
    out = on_post_page(html, page=None, config=None)
    assert 'rel="alternate"' not in out and 'rel="canonical"' in out and 'class="md-select__link"' in out
    assert feed in out



def test_make_new_scaffolds_a_pair_that_passes_validation(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "questions", docs / "questions", ignore=shutil.ignore_patterns("*.md"))
    created = scaffold("rag", "what-is-new", docs=docs, today=datetime.date(2026, 11, 30))
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in created}
    topics = load_topics(str(docs), ["zh", "en"])
    catalog = build_catalog(pages.items(), topics=topics, vocabulary=load_vocabulary(str(docs)), locales=["zh", "en"],
                            default_locale="zh", answer_titles=TITLES)
    # Everything is valid but the placeholder tags, which the contributor must choose from the vocabulary.
    assert {(problem.field, problem.message.split(": ", 1)[0]) for problem in catalog.problems} == {
        ("tags", "expected tags from docs/questions/tags.yml, found 'tag-one'"),
        ("tags", "expected tags from docs/questions/tags.yml, found 'tag-two'")}
    assert len(catalog.problems) == 4 and list(catalog.questions) == ["what-is-new"]
    assert catalog.questions["what-is-new"].meta.updated == datetime.date(2026, 11, 30)
    with pytest.raises(SystemExit, match="expected a new file"):
        scaffold("rag", "what-is-new", docs=docs)
    with pytest.raises(SystemExit, match="TOPIC: expected one of"):
        scaffold("nowhere", "x", docs=docs)


class TestFreshness:
    """Translation drift (qbank.freshness, Catalog.translations) and the age report's order."""

    def test_fingerprint_ignores_line_endings_trailing_spaces_and_front_matter(self):
        body = "\n# 题目\n\n??? success \"参考答案\"\n\n    答案。\n"
        same = body.replace("\n", "\r\n").replace("答案。", "答案。  \t")
        assert body_hash(body) == body_hash(same) == body_hash(source_body(source("a", body="答案。")))
        assert body_hash(source_body(source("a", body="答案。", updated="2027-01-01", tags=("x", "y")))) == body_hash(body)
        assert body_hash(body) != body_hash(body.replace("答案。", "答案！"))
        assert len(body_hash(body)) == 12 and int(body_hash(body), 16) >= 0

    def test_translation_states(self):
        zh_hash = body_hash(source_body(source("a", body="原文。")))
        old_hash = body_hash(source_body(source("a", body="旧的原文。")))
        catalog = catalog_of({
            **pair("a", zh_body="原文。", en_meta={"source_hash": f'"{zh_hash}"'}),
            **pair("b", zh_body="原文。", en_meta={"source_hash": f'"{old_hash}"'}),
            **pair("c"),
        })
        assert catalog.problems == []
        assert [q.translation_state("en") for q in catalog.questions.values()] == ["synced", "drifted", "untracked"]
        assert catalog.questions["a"].translation_state("zh") is None
        assert [p.path for p in catalog.translations("drifted")] == ["docs/questions/rag/b.en.md"]
        assert [p.path for p in catalog.translations("untracked")] == ["docs/questions/rag/c.en.md"]

    def test_source_hash_on_the_original_is_one_line_error(self):
        pages = pair("a")
        pages["questions/rag/a.md"] = source("a", source_hash='"0123456789ab"')
        assert [str(p) for p in catalog_of(pages).problems] == [
            "docs/questions/rag/a.md: source_hash: expected it only on a translation (it records the zh text the "
            "translation follows), found it on the zh original"]

    @pytest.mark.parametrize("newline", ["\n", "\r\n"])
    def test_with_source_hash_changes_only_that_line(self, newline):
        text = source("a", title="Q").replace("\n", newline)
        once = with_source_hash(text, "0123456789ab")
        assert once.split(newline) == text.split(newline)[:6] + ['source_hash: "0123456789ab"'] + text.split(newline)[6:]
        twice = with_source_hash(once, "ba9876543210")
        assert twice == once.replace("0123456789ab", "ba9876543210")
        assert with_source_hash(twice, "ba9876543210") == twice
        with pytest.raises(ValueError):
            with_source_hash("# no front matter\n", "0123456789ab")

    def test_age_report_orders_oldest_first_without_reading_the_clock(self):
        catalog = catalog_of({**pair("new", updated="2026-12-01"), **pair("old", updated="2026-01-15")})
        pages = [p for q in catalog.questions.values() for p in q.pages.values()]
        ages = by_age(pages, datetime.date(2026, 12, 6))
        assert [(a.path, a.days) for a in ages] == [
            ("docs/questions/rag/old.en.md", 325), ("docs/questions/rag/old.md", 325),
            ("docs/questions/rag/new.en.md", 5), ("docs/questions/rag/new.md", 5)]


class TestDescriptions:
    FOCUS = '!!! info "考察点"\n\n    面试官想听你讲清 [RAG](../rag/what-is-rag.md) 的**两条链路**和 `chunk` 的取舍。\n\n'

    def test_focus_text_is_plain_and_never_the_answer(self):
        body = source_body(source("a", focus=self.FOCUS, body="**30 秒回答**\n\n    答案里的秘密。"))
        assert focus_text(body, "考察点") == "面试官想听你讲清 RAG 的两条链路和 chunk 的取舍。"
        # inside the answer, indented: part of the answer
        hidden = source_body(source("a", body='答案。\n\n    !!! info "考察点"\n\n        答案里的秘密。'))
        assert focus_text(hidden, "考察点") == ""
        # after the answer's start, even unindented (the build rejects such a page; the text is still never used)
        after = source_body(source("a", body="答案。")) + '\n!!! info "考察点"\n\n    答案后面的块。\n'
        assert focus_text(after, "考察点") == ""

    def test_question_description_falls_back_to_the_title(self):
        describe = load_hook("page_meta").question_description
        assert describe(source_body(source("a", title="什么是 `RAG`？")), "什么是 `RAG`？", "考察点") == "什么是 RAG？"

    def test_shortened_at_a_sentence_or_word(self):
        assert shortened("短句。", 10) == "短句。"
        assert shortened("第一句话说完了。第二句话还有很多很多内容", 16) == "第一句话说完了。…"
        assert shortened("one two three four five six", 16) == "one two three…"
        assert shortened("没有标点的一长串中文字符没有标点的一长串中文字符", 10) == "没有标点的一长串中…"


class TestFeed:
    def entries(self):
        from qbank.feed import FeedEntry, entry_id
        url = "https://example.org/site/questions/a/"
        return [FeedEntry(entry_id(url, datetime.date(2026, 12, 6)), 'A <b> & "c"', url, datetime.date(2026, 12, 6),
                          "考察点 <script>alert(1)</script> & more", "rag", "检索 & 生成")]

    def test_atom_feed_escapes_and_parses(self):
        import feedparser

        from qbank.feed import atom_feed
        xml = atom_feed(self.entries(), feed_url="https://example.org/site/feed.xml", page_url="https://example.org/site/recent/",
                        title="T & <T>", subtitle="S", locale="zh", author="Site")
        parsed = feedparser.parse(xml)
        assert not parsed.bozo and parsed.version == "atom10"
        assert parsed.feed.title == "T & <T>" and parsed.feed.updated == "2026-12-06T00:00:00Z"
        entry = parsed.entries[0]
        assert entry.id == "https://example.org/site/questions/a/#updated-2026-12-06"
        assert entry.link == "https://example.org/site/questions/a/"
        assert entry.title == 'A <b> & "c"' and entry.tags[0].label == "检索 & 生成"
        assert b"<script>" not in xml and b"&lt;script&gt;" in xml

    def test_newest_first_keeps_catalog_order_for_ties(self):
        from qbank.feed import newest_first
        catalog = catalog_of({**pair("a", seed=1, updated="2026-01-01"), **pair("b", seed=2, updated="2026-06-01"),
                              **pair("c", seed=3, updated="2026-01-01"), **pair("d", seed=4, updated="2026-06-01")})
        assert [q.id for q in newest_first(catalog, "zh")] == ["b", "d", "a", "c"]


def test_report_url_round_trips_every_field():
    from urllib.parse import parse_qs, urlsplit
    page_header = load_hook("page_header")
    url = page_header.report_url("https://github.com/o/r/", question="what-is-rag", language="en",
                                 page="https://o.github.io/r/en/questions/rag/what-is-rag/", title="Problem: A & B? #1")
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("github.com", "/o/r/issues/new")
    assert parse_qs(parts.query) == {"template": ["answer-problem.yml"], "question": ["what-is-rag"], "language": ["en"],
                                     "page": ["https://o.github.io/r/en/questions/rag/what-is-rag/"], "title": ["Problem: A & B? #1"]}


def test_every_question_tag_is_in_the_vocabulary_and_every_tag_is_used():
    """The real site: scripts/check_tags.py finds nothing to report, and the vocabulary has no unused entry."""
    from check_tags import question_files, tags_of

    vocabulary = load_vocabulary(str(ROOT / "docs"))
    used = {tag for path in question_files(ROOT / "docs") for tag in tags_of(path.read_text(encoding="utf-8"))}
    assert used <= set(vocabulary.tags), sorted(used - set(vocabulary.tags))
    assert set(vocabulary.tags) <= used, sorted(set(vocabulary.tags) - used)


def test_unknown_tags_get_their_replacement_or_the_nearest_known_tags():
    vocabulary = Vocabulary(("RAG", "hybrid-retrieval", "retrieval", "reranking"), {"BM25": "hybrid-retrieval"})
    assert vocabulary.problem("RAG") is None
    assert vocabulary.advice("bm25") == "use 'hybrid-retrieval'"  # an alias, in any case
    assert vocabulary.advice("rag") == "use 'RAG'"
    assert vocabulary.advice("hybrid-search") == ("nearest known tags: 'hybrid-retrieval', or add it to docs/questions/tags.yml")
    assert vocabulary.advice("retreival") == "nearest known tags: 'retrieval', 'hybrid-retrieval', or add it to docs/questions/tags.yml"
    assert vocabulary.advice("kubernetes") == "no known tag is close; choose one from docs/questions/tags.yml or add it there"


def test_check_tags_fix_rewrites_aliases_and_keeps_the_rest(tmp_path):
    from check_tags import fixed

    vocabulary = Vocabulary(("RAG", "hybrid-retrieval"), {"BM25": "hybrid-retrieval", "RRF": "hybrid-retrieval"})
    text = "---\nid: a\ntags: [RAG, BM25, RRF, mystery]\ndifficulty: easy\n---\n\n# tags: [BM25]\n"
    assert fixed(text, vocabulary) == "---\nid: a\ntags: [RAG, hybrid-retrieval, mystery]\ndifficulty: easy\n---\n\n# tags: [BM25]\n"


# --- qbank.followups: the follow-up questions of an answer ---

from qbank.followups import Followup, minimal_markdown, parse_followups  # noqa: E402

FOLLOWUP_SECTION = """\
答。

### 深入解析

```python
### 追问
~~~ not a fence end
```

### 追问

**追问 1：为什么用 `BM25`？**

因为 [BM25](../rag/bm25.md) 对**专有名词**稳，$k_1$ 控制饱和。

**追问 2：还有呢？**

第一段。

第二段。

#### 细节

还是第二个追问的答案。

### 参考资料

- 某文档
"""


def test_followups_are_read_from_their_section_only():
    items, problem = parse_followups(FOLLOWUP_SECTION, heading="追问", label="追问")
    assert problem is None
    assert items == [
        Followup("为什么用 `BM25`？", "因为 BM25 对专有名词稳，$k_1$ 控制饱和。"),
        Followup("还有呢？", "第一段。\n\n第二段。\n\n#### 细节\n\n还是第二个追问的答案。"),
    ]


@pytest.mark.parametrize("section, expected", [
    ("答。\n", "expected a '### 追问' section in the answer, found none"),
    ("### 追问\n\n### 参考资料\n", "expected at least one '**追问 1：…**' paragraph followed by its answer in '### 追问', found none"),
    ("### 追问\n\n先说一句。\n\n**追问 1：问？**\n\n答。\n", "expected '**追问 1：…**' as the first paragraph of '### 追问', found '先说一句。'"),
    ("### 追问\n\n**追问 1：问？**\n\n答。\n\n**追问 3：问？**\n\n答。\n", "expected '**追问 2：…**' next in '### 追问', found '**追问 3：问？**'"),
    ("### 追问\n\n**追问 1：问？**\n", "expected an answer paragraph after '**追问 1：问？**', found none"),
])
def test_a_malformed_followups_section_is_one_phrase(section, expected):
    assert parse_followups(section, heading="追问", label="追问") == ([], expected)


def test_minimal_markdown_keeps_code_and_formulas_and_drops_the_rest():
    assert minimal_markdown("**粗** *斜* [链接](x.md) `a*b*c` $x^2$ costs $5 and $6") == "粗 斜 链接 `a*b*c` $x^2$ costs $5 and $6"


# --- Build timings (qbank.timing, read by scripts/benchmark.py) ---

def test_build_timer_counts_each_span_without_its_children(monkeypatch):
    from qbank import timing

    ticks = iter([(0, 0), (1, 1), (4, 2), (10, 5)])  # outer starts, inner starts, inner ends, outer ends
    monkeypatch.setattr(timing, "clocks", lambda: next(ticks))
    timer = timing.Timer()
    with timer.span("hooks/a.py", "files"):
        with timer.span("pagefind"):
            pass
    assert timer.seconds == {"pagefind": 3, "hooks/a.py": 7}  # wall: 10 in all, 3 of them in the child
    assert timer.cpu == {"pagefind": 1, "hooks/a.py": 4}
    assert timer.events == {"hooks/a.py files": 4}


def test_a_forked_language_pass_adds_its_spans_and_its_cpu_leaves_the_wait(monkeypatch, tmp_path):
    """hooks/parallel_languages.py: the forked pass's spans join the build's; waiting for it counted its CPU (reaped
    with it), which moves to those spans, so the CPU seconds still add up to the whole."""
    from qbank import timing

    child = timing.Timer()
    monkeypatch.setattr(timing, "TIMER", child)
    ticks = iter([(0, 0), (8, 5)])
    monkeypatch.setattr(timing, "clocks", lambda: next(ticks))
    with child.span("mkdocs: templates"):
        pass
    timing.dump(str(tmp_path / "child.json"))

    parent = timing.Timer()
    monkeypatch.setattr(timing, "TIMER", parent)
    ticks = iter([(0, 0), (2, 1), (12, 6), (12, 7)])  # build starts; the wait starts, ends (5 s of CPU reaped); the report
    parent.start = timing.clocks()
    with parent.span("waiting for the other language"):
        pass
    timing.absorb(str(tmp_path / "child.json"), 5, "waiting for the other language")
    report = parent.report()
    assert report["cpu_seconds"] == {"waiting for the other language": 0, "mkdocs: templates": 5, timing.REST: 2}
    assert sum(report["cpu_seconds"].values()) == report["cpu"] == 7
    # Wall: the parent's own spans and the rest add up to its wall time; the forked pass's overlap it.
    assert report["seconds"] == {"waiting for the other language": 10, timing.REST: 2, "mkdocs: templates": 8}
    assert report["forked_wall"] == 8 and report["pages"] == 1


def test_study_bar_goes_between_the_answer_and_the_related_questions():
    from qbank.study_bar import study_bar, with_study_bar

    strings = {"prompt": "P", "mastered": "M", "review": "R", "practice_next": "Next <", "expand_all": "E"}
    bar = study_bar(strings, "q1", ("../q2/", 'Q "2"'))
    assert '<a class="md-button" data-qbank-next href="../q2/" title="Q &quot;2&quot;">Next &lt;</a>' in bar
    assert "data-qbank-next" not in study_bar(strings, "q9", None)  # the last question has none
    page = '<details class="success"></details>\n<div class="related-questions" data-pagefind-ignore>'
    assert with_study_bar(page, bar) == '<details class="success"></details>\n' + bar + '\n<div class="related-questions" data-pagefind-ignore>'


def test_each_language_pass_reuses_the_catalog_of_the_same_sources(monkeypatch):
    from qbank import catalog as catalog_module

    built = []
    monkeypatch.setattr(catalog_module, "build_catalog", lambda sources, **settings: built.append(sources) or object())
    monkeypatch.setattr(catalog_module, "_CACHE", {})
    sources = [("questions/rag/a.md", "A"), ("questions/rag/a.en.md", "A (en)")]
    first = catalog_module.cached_catalog(sources, locales=["zh", "en"])
    assert catalog_module.cached_catalog(list(reversed(sources)), locales=["zh", "en"]) is first  # the next language
    assert catalog_module.cached_catalog([*sources[:1], ("questions/rag/a.en.md", "B")], locales=["zh", "en"]) is not first
    assert catalog_module.cached_catalog(sources, locales=["zh"]) is not first
    assert len(built) == 3


class TestPrintable:
    """A printable page takes each question page's body HTML as the page's own conversion made it."""

    MARKDOWN = ('# 题目\n\n!!! info "考察点"\n\n    看什么。\n\n??? success "参考答案"\n\n    ## 深入\n\n'
                '    见[下文](#深入)，代码 `<h2 id="x">` 不动。\n\n    ```python\n    x = 1\n    ```\n')

    @staticmethod
    def convert(markdown: str) -> str:
        import markdown as python_markdown
        from pymdownx.slugs import slugify

        extensions = ["toc", "admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight"]
        settings = {"toc": {"slugify": slugify(case="lower")}, "pymdownx.highlight": {"anchor_linenums": True}}
        return python_markdown.Markdown(extensions=extensions, extension_configs=settings).convert(markdown)

    def test_the_marked_page_converts_to_the_same_html_and_gives_up_its_body(self):
        from qbank.printable import BODY_END, BODY_START, mark_body, take_body

        marked = mark_body(self.MARKDOWN)
        assert marked.split("\n")[:3] == ["# 题目", "", BODY_START] and marked.rstrip().endswith(BODY_END)
        page, body = take_body(self.convert(marked))
        assert page == self.convert(self.MARKDOWN)
        assert body.startswith('<div class="admonition info">') and body.endswith("</details>")

    def test_a_body_fits_a_printable_page(self):
        from qbank.printable import for_print, mark_body, take_body

        _, body = take_body(self.convert(mark_body(self.MARKDOWN)))
        printed = for_print(body, "q1")
        assert '<details class="success" open="open">' in printed and '<details class="success">' not in printed
        assert '<h3 id="q1--深入">深入' in printed and "</h3>" in printed and "<h2" not in printed
        assert '<a href="#q1--深入">下文</a>' in printed
        assert "<code>&lt;h2 id=\"x\"&gt;</code>" in printed  # text in code is not markup
        code_ids = re.findall(r'id="(__codelineno[^"]*)"', body)
        assert code_ids and all(f'id="q1--{code_id}"' in printed for code_id in code_ids)

    def test_fill_replaces_each_placeholder_and_names_a_missing_body(self):
        from qbank.printable import PrintableError, fill, placeholder

        page = f"<section>{placeholder('q1')}</section><section>{placeholder('q2')}</section>"
        answer = '<details class="success"><h2 id="a">A</h2><details class="success"></details></details>'
        assert fill(page, {"q1": "<p>一</p>", "q2": answer}) == (  # only the answer block opens: the page's first
            '<section><p>一</p></section><section><details class="success" open="open"><h3 id="q2--a">A</h3>'
            '<details class="success"></details></details></section>')
        with pytest.raises(PrintableError, match="question q2"):
            fill(page, {"q1": ""})

    def test_a_page_whose_marks_were_lost_is_an_error(self):
        from qbank.printable import PrintableError, take_body

        with pytest.raises(PrintableError, match="found neither"):
            take_body("<h1>T</h1><p>x</p>")
