"""Build tiny bilingual sites with the real hooks and assert exactly what they produce."""

from __future__ import annotations

import html
import logging
import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from mkdocs.exceptions import Abort

from conftest import ROOT

from fixture_site import (
    HOOK_MODULES, REPO_URL, TESTS, article, build_site, exercise, exercise_pair, pair, question, questions_json, write_site,
)
from qbank.freshness import body_hash, source_body

GOOD = {
    **pair("what-is-rag", "rag", "什么是 RAG？", "What is RAG?", tags=("rag", "retrieval"), seed=17, updated="2026-12-06",
           zh={"focus": "面试官想听你讲清 RAG 的两条链路。"}, en={"focus": 'The interviewer wants both "paths" of RAG.'}),
    **pair("chunking", "rag", "怎么切分文档？", "How do you chunk documents?", tags=("rag", "chunking"), difficulty="medium",
           updated="2026-10-01"),
    **pair("hybrid-search", "rag", "什么是多路召回？", "What is hybrid retrieval?", tags=("retrieval",), difficulty="hard"),
    **pair("tokenizer", "basics", "分词器是什么？", "What is a tokenizer?", tags=("tokenizer",), related=["chunking"],
           updated="2026-12-06"),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """Built once for the tests that only read it."""
    return build_site(write_site(tmp_path_factory.mktemp("good"), GOOD))


def test_generated_pages_exist_in_both_languages(good_site):
    for prefix in ("", "en/"):
        for path in ("questions/index.html", "questions/rag/index.html", "questions/basics/index.html"):
            assert (good_site / prefix / path).is_file(), prefix + path


def test_topic_index_lists_its_questions_in_order(good_site):
    zh = article((good_site / "questions/rag/index.html").read_text(encoding="utf-8"))
    en = article((good_site / "en/questions/rag/index.html").read_text(encoding="utf-8"))
    # seeded questions first, then by id
    assert zh.index("什么是 RAG？") < zh.index("怎么切分文档？") < zh.index("什么是多路召回？")
    assert en.index("What is RAG?") < en.index("How do you chunk documents?") < en.index("What is hybrid retrieval?")
    assert "分词器是什么" not in zh and "What is a tokenizer" not in en
    assert 'href="chunking/"' in zh and 'href="chunking/"' in en
    assert "进阶" in zh and "Medium" in en and "困难" in zh and "Hard" in en


def test_home_page_counts_questions_per_topic(good_site):
    zh = article((good_site / "index.html").read_text(encoding="utf-8"))
    en = article((good_site / "en/index.html").read_text(encoding="utf-8"))
    assert '<a href="questions/rag/">检索</a></td>\n<td>3</td>' in zh
    assert '<a href="questions/basics/">基础</a></td>\n<td>1</td>' in zh
    assert '<a href="questions/rag/">Retrieval</a></td>\n<td>3</td>' in en


def test_questions_json_per_language(good_site):
    zh, en = questions_json(good_site), questions_json(good_site, "en")
    assert [q["id"] for q in zh] == ["tokenizer", "what-is-rag", "chunking", "hybrid-search"]
    assert zh[1] == {
        "id": "what-is-rag",
        "seed": 17,
        "title": "什么是 RAG？",
        "url": "questions/rag/what-is-rag/",
        "topic": "rag",
        "tags": ["rag", "retrieval"],
        "difficulty": "easy",
        "kind": "question",
        # tokenizer shares nothing with it, so it comes last; the other two tie on tags and topic
        "related": ["hybrid-search", "chunking", "tokenizer"],
        "updated": "2026-12-06",
        "followups": [{"q": "还有呢？", "a": "还有。"}],
    }
    assert en[1]["followups"] == [{"q": "Anything else?", "a": "More."}]
    assert en[1]["title"] == "What is RAG?" and en[1]["url"] == "en/questions/rag/what-is-rag/"
    assert [q["related"] for q in zh] == [q["related"] for q in en]


def test_related_lists_explicit_first_then_scored(good_site):
    related = {q["id"]: q["related"] for q in questions_json(good_site)}
    assert related["tokenizer"][0] == "chunking"
    # what-is-rag shares a tag and the topic with both other RAG questions
    assert set(related["what-is-rag"][:2]) == {"chunking", "hybrid-search"}
    assert all(3 <= len(r) <= 5 and len(set(r)) == len(r) for r in related.values())
    assert all(qid not in r for qid, r in related.items())


def test_related_section_rendered_below_answer(good_site):
    html = (good_site / "en/questions/basics/tokenizer/index.html").read_text(encoding="utf-8")
    section = html[html.index('class="related-questions"'):]
    assert html.index("<details") < html.index('class="related-questions"')
    assert "Related questions" in section
    assert 'href="../../rag/chunking/">How do you chunk documents?</a>' in section


def test_generated_index_pages_lead_their_section_in_every_language(good_site):
    """generated.py sets ``File.name`` so that MkDocs' ``Page.is_index`` holds for ``index.en.md`` too."""
    en = (good_site / "en/questions/rag/chunking/index.html").read_text(encoding="utf-8")
    # the questions section of the primary nav, from the end of its <nav> tag
    section = en[en.index('aria-labelledby="__nav_2_label"'):].split(">", 1)[1]
    title, entries = section[:section.index("<ul")], section[section.index("<ul"):]
    assert re.sub(r"<[^>]+>|\s+", " ", title).split() == ["All", "questions"]  # the index page's title names the section
    assert re.match(r'<ul[^>]*>\s*<li class="md-nav__item">\s*<a href="\.\./\.\./" class="md-nav__link">', entries)


def test_language_switcher_of_generated_page_points_to_twin(good_site):
    zh = (good_site / "questions/rag/index.html").read_text(encoding="utf-8")
    en = (good_site / "en/questions/rag/index.html").read_text(encoding="utf-8")
    assert '<a href="../../en/questions/rag/" hreflang="en" class="md-select__link">' in zh
    assert '<a href="../../../questions/rag/" hreflang="zh" class="md-select__link">' in en


def test_sitemap_lists_generated_pages(good_site):
    sitemap = (good_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/fixture/questions/rag/" in sitemap
    assert "https://example.org/fixture/en/questions/rag/" in sitemap


BAD_INPUTS = {
    "broken YAML": (
        {"questions/rag/bad.md": "---\nid: bad\ntags: [rag\n---\n# 题\n"},
        "docs/questions/rag/bad.md: front matter: expected valid YAML, found: while parsing a flow sequence "
        'in "<unicode string>", line 2, column 7: tags: [rag ^ expected \',\' or \']\', but got \'<stream end>\' '
        'in "<unicode string>", line 3, column 1: ^',
    ),
    "missing id": (
        {"questions/rag/bad.md": "---\ntopic: rag\ntags: [rag]\ndifficulty: easy\nupdated: 2026-11-30\n---\n\n# 题\n\n??? success \"参考答案\"\n\n    答。\n"},
        "docs/questions/rag/bad.md: id: expected this field, found it missing",
    ),
    "duplicate id": (
        pair("what-is-rag", "basics", "重复", "Duplicate"),
        "docs/questions/rag/what-is-rag.en.md: id: expected a unique id, found 'what-is-rag' also in docs/questions/basics/what-is-rag.en.md",
        "docs/questions/rag/what-is-rag.md: id: expected a unique id, found 'what-is-rag' also in docs/questions/basics/what-is-rag.md",
    ),
    "unknown topic": (
        {"questions/agents/bad.md": question("bad", "agents", "题")},
        "docs/questions/agents/bad.md: topic: expected one of basics, rag, found 'agents'",
    ),
    "related to a missing id": (
        pair("bad", "rag", "题", "Q", related=["no-such-question"]),
        "docs/questions/rag/bad.md: related: expected ids of existing questions, found unknown id 'no-such-question'",
    ),
    "missing answer block": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.md": "---\nid: bad\ntopic: rag\ntags: [rag]\ndifficulty: easy\nupdated: 2026-11-30\n---\n\n# 题\n\n答案直接写出来。\n"},
        "docs/questions/rag/bad.md: answer: expected one closed answer block '??? success \"参考答案\"', found 0",
    ),
    "answer open by default": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.en.md": "---\nid: bad\ntopic: rag\ntags: [rag]\ndifficulty: easy\nupdated: 2026-11-30\n---\n\n# Q\n\n???+ success \"Reference answer\"\n\n    A.\n"},
        "docs/questions/rag/bad.en.md: answer: expected one closed answer block '??? success \"Reference answer\"', found it open by default ('???+')",
    ),
    "answer block ended by an unindented line": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.md": question("bad", "rag", "题") + "### 深入解析\n"},
        "docs/questions/rag/bad.md: answer: expected the rest of the page inside the answer block, indented four spaces, found '### 深入解析' outside it",
    ),
    "zh/en mismatch": (
        {**pair("bad", "rag", "题", "Q", difficulty="easy"), "questions/rag/bad.en.md": question("bad", "rag", "Q", locale="en", difficulty="hard")},
        "docs/questions/rag/bad.en.md: difficulty: expected 'easy' as in its twin docs/questions/rag/bad.md, found 'hard'",
    ),
    "missing en twin": (
        {"questions/rag/bad.md": question("bad", "rag", "题")},
        "docs/questions/rag/bad.md: translation: expected the en twin docs/questions/rag/bad.en.md, found none",
    ),
    "bad difficulty": (
        pair("bad", "rag", "题", "Q", difficulty="trivial"),
        "docs/questions/rag/bad.en.md: difficulty: expected one of easy, medium, hard, found 'trivial'",
        "docs/questions/rag/bad.md: difficulty: expected one of easy, medium, hard, found 'trivial'",
    ),
    "seed out of range": (
        pair("bad", "rag", "题", "Q", seed=99),
        "docs/questions/rag/bad.en.md: seed: expected an integer from 1 to 65, found 99",
        "docs/questions/rag/bad.md: seed: expected an integer from 1 to 65, found 99",
    ),
    "source_hash on the original": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.md": question("bad", "rag", "题", extra_meta='source_hash: "0123456789ab"')},
        "docs/questions/rag/bad.md: source_hash: expected it only on a translation (it records the zh text the translation "
        "follows), found it on the zh original",
    ),
    "missing review date": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.en.md": question("bad", "rag", "Q", locale="en").replace("updated: 2026-11-30\n", "")},
        "docs/questions/rag/bad.en.md: updated: expected this field, found it missing",
    ),
    "unknown tag with near spellings": (
        pair("bad", "rag", "题", "Q", tags=("rag", "chunkings")),
        "docs/questions/rag/bad.en.md: tags: expected tags from docs/questions/tags.yml, found 'chunkings': "
        "nearest known tags: 'chunking', or add it to docs/questions/tags.yml",
        "docs/questions/rag/bad.md: tags: expected tags from docs/questions/tags.yml, found 'chunkings': "
        "nearest known tags: 'chunking', or add it to docs/questions/tags.yml",
    ),
    "tag written as its alias": (
        pair("bad", "rag", "题", "Q", tags=("retrieval-augmented-generation",)),
        "docs/questions/rag/bad.en.md: tags: expected tags from docs/questions/tags.yml, found 'retrieval-augmented-generation': use 'rag'",
        "docs/questions/rag/bad.md: tags: expected tags from docs/questions/tags.yml, found 'retrieval-augmented-generation': use 'rag'",
    ),
    "answer without follow-ups": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.md": question("bad", "rag", "题", body="答。\n\n    ### 参考资料\n\n    - 某文档")
         .replace("### 追问", "### 参考")},
        "docs/questions/rag/bad.md: followups: expected a '### 追问' section in the answer, found none",
    ),
    "follow-ups section without items": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.en.md": question("bad", "rag", "Q", locale="en",
                                                                             body="A.\n\n    ### Follow-up questions\n\n    ### References\n\n    - Docs")},
        "docs/questions/rag/bad.en.md: followups: expected at least one '**Follow-up 1: …**' paragraph followed by its answer "
        "in '### Follow-up questions', found none",
    ),
    "follow-up without its answer": (
        {**pair("bad", "rag", "题", "Q"), "questions/rag/bad.md": question(
            "bad", "rag", "题", body="答。\n\n    ### 追问\n\n    **追问 1：为什么？**\n\n    因为。\n\n    **追问 2：然后呢？**\n\n    ### 参考资料\n")},
        "docs/questions/rag/bad.md: followups: expected an answer paragraph after '**追问 2：然后呢？**', found none",
    ),
    "id differs from file name": (
        {"questions/rag/bad.md": question("other", "rag", "题")},
        "docs/questions/rag/bad.md: id: expected 'bad' (the file name), found 'other'",
    ),
    # Exercises (kind: exercise): starter code, a reference solution and a tests file.
    "unknown kind": (
        exercise_pair("ex", "rag", zh={"kind": "quiz"}, en={"kind": "quiz"}),
        "docs/questions/rag/ex.en.md: kind: expected one of question, exercise, found 'quiz'",
        "docs/questions/rag/ex.md: kind: expected one of question, exercise, found 'quiz'",
    ),
    "exercise without its tests file": (
        exercise_pair("ex", "rag", tests=False),
        "docs/questions/rag/ex.md: tests: expected the exercise's tests file docs/questions/rag/ex.tests.py, found none",
    ),
    "exercise without starter code": (
        exercise_pair("ex", "rag", zh={"starter": 0}),
        "docs/questions/rag/ex.md: starter: expected exactly one ```{ .python .starter } block before the answer, found 0",
    ),
    "exercise with two starter blocks": (
        exercise_pair("ex", "rag", en={"starter": 2}),
        "docs/questions/rag/ex.en.md: starter: expected exactly one ```{ .python .starter } block before the answer, found 2",
    ),
    "exercise whose solution shows before the answer": (
        exercise_pair("ex", "rag", zh={"solution": 0, "solution_outside": True}),
        "docs/questions/rag/ex.md: solution: expected exactly one ```{ .python .solution } block inside the answer, found 0 and 1 outside it",
    ),
    "exercise without a solution": (
        exercise_pair("ex", "rag", en={"solution": 0}),
        "docs/questions/rag/ex.en.md: solution: expected exactly one ```{ .python .solution } block inside the answer, found 0",
    ),
    "starter code on a page that is not an exercise": (
        exercise_pair("ex", "rag", en={"kind": None}),
        "docs/questions/rag/ex.en.md: kind: expected 'kind: exercise' on a page with a ```{ .python .starter } block, found no kind",
    ),
    "translation of an exercise that is not one": (
        {**exercise_pair("ex", "rag"), "questions/rag/ex.en.md": question("ex", "rag", "Q", locale="en", extra_meta="kind: question")},
        "docs/questions/rag/ex.en.md: kind: expected 'exercise' as in its twin docs/questions/rag/ex.md, found 'question'",
    ),
    "tests file without its exercise": (
        {"questions/rag/orphan.tests.py": TESTS},
        "docs/questions/rag/orphan.tests.py: kind: expected the page docs/questions/rag/orphan.md with 'kind: exercise' these "
        "tests belong to, found no such page",
    ),
    "tests file beside an ordinary question": (
        {"questions/rag/chunking.tests.py": TESTS},
        "docs/questions/rag/chunking.tests.py: kind: expected the page docs/questions/rag/chunking.md with 'kind: exercise' these "
        "tests belong to, found 'kind: question' in docs/questions/rag/chunking.md",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_fails_with_one_exact_line(tmp_path, caplog, case):
    pages, *expected = BAD_INPUTS[case]
    config = write_site(tmp_path, {**GOOD, **pages})
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(config)
    assert problems_logged(caplog) == expected


def problems_logged(caplog) -> list[str]:
    prefix = "question_bank: "  # get_plugin_logger's prefix, shown before every line
    records = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.question_bank" and r.levelno >= logging.WARNING]
    assert all(message.startswith(prefix) for message in records)
    return [message[len(prefix):] for message in records]


def test_all_problems_reported_together(tmp_path, caplog):
    pages = {
        "questions/rag/one.md": question("one", "rag", "题", difficulty="trivial"),
        "questions/rag/two.md": question("two", "nowhere", "题"),
    }
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(write_site(tmp_path, {**GOOD, **pages}))
    assert problems_logged(caplog) == [
        "docs/questions/rag/one.md: difficulty: expected one of easy, medium, hard, found 'trivial'",
        "docs/questions/rag/two.md: topic: expected one of basics, rag, found 'nowhere'",
    ]


def test_cli_prints_the_line_and_no_traceback(tmp_path):
    config = write_site(tmp_path, {**GOOD, "questions/rag/bad.md": "---\nid: [oops\n---\n"})
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Aborted with 1 errors in strict mode!" in result.stdout
    assert "docs/questions/rag/bad.md: front matter: expected valid YAML, found:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_broken_tag_vocabulary_is_a_plugin_error(tmp_path):
    config = write_site(tmp_path, GOOD, tags="rag: [retrieval]\nretrieval: []\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True, text=True)
    assert result.returncode == 1
    assert ("docs/questions/tags.yml: rag: expected each alias once and never a tag, found 'retrieval' also under 'retrieval'"
            in result.stderr)
    assert "Traceback" not in result.stderr + result.stdout


def test_broken_topic_list_is_a_plugin_error(tmp_path):
    config = write_site(tmp_path, GOOD, topics="- id: rag\n  name: {zh: 检索}\n  description: {zh: a, en: b}\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "docs/questions/topics.yml: rag.name: expected text for every language, found none for en" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


# --- Freshness and feedback: review date, report link, descriptions, what's new, translation drift ---

def page_info(html: str) -> str:
    """The line the build puts under a question's title (hooks/page_header.py), checked to follow the H1 directly."""
    after_title = html[html.index("</h1>") + len("</h1>"):].lstrip("\n")
    assert after_title.startswith('<div class="qbank-page-info" data-pagefind-ignore>'), after_title[:200]
    return after_title[: after_title.index("</div>") + len("</div>")]


def report_query(info: str) -> dict[str, list[str]]:
    href = html.unescape(re.search(r'<a class="qbank-report" href="([^"]+)" target="_blank" rel="noopener">', info)[1])
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
    return parse_qs(parts.query)


def test_question_pages_show_review_date_and_report_link_under_the_title(good_site):
    zh = page_info(article((good_site / "questions/rag/what-is-rag/index.html").read_text(encoding="utf-8")))
    en = page_info(article((good_site / "en/questions/rag/chunking/index.html").read_text(encoding="utf-8")))
    assert zh.startswith('<div class="qbank-page-info" data-pagefind-ignore>基础 · 最后核对：<time datetime="2026-12-06">2026-12-06</time> · ')
    assert en.startswith('<div class="qbank-page-info" data-pagefind-ignore>Medium · Last checked: <time datetime="2026-10-01">2026-10-01</time> · ')
    assert zh.endswith(">纠错</a></div>") and en.endswith(">Report a problem</a></div>")
    assert report_query(zh) == {"template": ["answer-problem.yml"], "question": ["what-is-rag"], "language": ["zh"],
                                "page": ["https://example.org/fixture/questions/rag/what-is-rag/"], "title": ["纠错：什么是 RAG？"]}
    assert report_query(en) == {"template": ["answer-problem.yml"], "question": ["chunking"], "language": ["en"],
                                "page": ["https://example.org/fixture/en/questions/rag/chunking/"],
                                "title": ["Problem: How do you chunk documents?"]}


def test_descriptions_come_from_what_the_interviewer_looks_for(good_site):
    def description(path):
        return re.findall(r'<meta name="description" content="([^"]*)">', (good_site / path).read_text(encoding="utf-8"))

    assert description("questions/rag/what-is-rag/index.html") == ["面试官想听你讲清 RAG 的两条链路。"]
    assert description("en/questions/rag/what-is-rag/index.html") == ["The interviewer wants both &#34;paths&#34; of RAG."]
    assert description("en/questions/rag/chunking/index.html") == ["How do you chunk documents?"]  # no such block: the question
    assert description("questions/rag/index.html") == ["检索题。"] and description("en/questions/rag/index.html") == ["Retrieval questions."]
    assert description("en/questions/index.html") == ["Every interview question, grouped by topic."]
    assert description("index.html") == ["Fixture site."]


def feed_rows(site, prefix: str) -> list[tuple[str, str, str]]:
    parsed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10", parsed.get("bozo_exception")
    return [(e.title, e.link, e.updated[:10]) for e in parsed.entries]


def test_feeds_list_every_question_newest_first_with_absolute_urls(good_site):
    root = "https://example.org/fixture/"
    assert feed_rows(good_site, "") == [
        ("分词器是什么？", root + "questions/basics/tokenizer/", "2026-12-06"),
        ("什么是 RAG？", root + "questions/rag/what-is-rag/", "2026-12-06"),
        ("什么是多路召回？", root + "questions/rag/hybrid-search/", "2026-11-30"),
        ("怎么切分文档？", root + "questions/rag/chunking/", "2026-10-01"),
    ]
    assert [link for _, link, _ in feed_rows(good_site, "en")] == [
        root + "en/questions/basics/tokenizer/", root + "en/questions/rag/what-is-rag/",
        root + "en/questions/rag/hybrid-search/", root + "en/questions/rag/chunking/"]
    parsed = feedparser.parse((good_site / "en/feed.xml").read_bytes())
    assert parsed.feed.id == root + "en/feed.xml" and parsed.feed.updated == "2026-12-06T00:00:00Z"
    assert parsed.feed.language == "en" and parsed.feed.author == "LLM App Interview Guide"  # the en site_name from mkdocs.yml
    assert {link.rel: link.href for link in parsed.feed.links} == {"self": root + "en/feed.xml", "alternate": root + "en/recent/"}
    what_is_rag = parsed.entries[1]
    assert what_is_rag.id == root + "en/questions/rag/what-is-rag/#updated-2026-12-06"
    assert what_is_rag.summary == 'The interviewer wants both "paths" of RAG.'  # what the interviewer looks for, never the answer
    assert [tag.term for tag in parsed.entries[0].tags] == ["basics"]


def test_recently_updated_pages_follow_their_feed(good_site):
    zh = article((good_site / "recent/index.html").read_text(encoding="utf-8"))
    en = article((good_site / "en/recent/index.html").read_text(encoding="utf-8"))
    assert re.findall(r'<h2 id="([^"]+)"', zh) == ["2026-12-06", "2026-11-30", "2026-10-01"]
    assert re.findall(r'<li><a href="\.\./questions/([^"]+)">', zh) == [
        "basics/tokenizer/", "rag/what-is-rag/", "rag/hybrid-search/", "rag/chunking/"]
    assert re.findall(r'<li><a href="\.\./questions/([^"]+)">', en) == re.findall(r'<li><a href="\.\./questions/([^"]+)">', zh)
    assert '<li><a href="../questions/rag/chunking/">How do you chunk documents?</a> · Retrieval · Medium</li>' in en
    assert '<a href="../feed.xml">用 Atom 订阅更新</a>' in zh and '<a href="../feed.xml">Subscribe to updates (Atom)</a>' in en


# The drift fixture: the zh text each translation was brought in line with, as `make translated` would have recorded it.
ZH_NOW, ZH_BEFORE = "现在的答案。", "以前的答案。"


def zh_hash(qid: str, zh_answer: str) -> str:
    return body_hash(source_body(question(qid, "rag", "题目", body=zh_answer)))


def drift_pages() -> dict[str, str]:
    return {
        **GOOD,  # untracked: no source_hash
        **pair("in-line", "rag", "题目", "Question", zh={"body": ZH_NOW},
               en={"extra_meta": f'source_hash: "{zh_hash("in-line", ZH_NOW)}"'}),
        **pair("behind", "rag", "题目", "Question", zh={"body": ZH_NOW},
               en={"extra_meta": f'source_hash: "{zh_hash("behind", ZH_BEFORE)}"'}),
    }


DRIFT_NOTICE = (
    '<div class="admonition warning qbank-drift" data-pagefind-ignore>\n'
    '<p class="admonition-title">The Chinese original has changed</p>\n'
    "<p>The Chinese original of this question was revised after this translation was last brought in line with it, "
    'so this page may not reflect those changes yet. <a href="../../../../questions/rag/behind/">Read the Chinese original</a></p>\n'
    "</div>"
)


def test_drifted_translation_shows_a_notice_and_the_build_passes(tmp_path, caplog):
    with caplog.at_level(logging.INFO):
        site = build_site(write_site(tmp_path, drift_pages()))  # strict: a drifted twin is news, not an error
    behind = article((site / "en/questions/rag/behind/index.html").read_text(encoding="utf-8"))
    assert DRIFT_NOTICE in behind and behind.index(DRIFT_NOTICE) < behind.index("<details")
    for path in ("en/questions/rag/in-line/", "en/questions/rag/what-is-rag/", "questions/rag/behind/"):
        assert "qbank-drift" not in (site / path / "index.html").read_text(encoding="utf-8"), path
    assert ("question_bank: 1 translations changed in their zh original since they were brought in line (make drift): "
            "docs/questions/rag/behind.en.md") in caplog.messages


def test_resynced_translation_loses_its_notice_and_a_redated_original_flags_nothing(tmp_path):
    config = write_site(tmp_path, drift_pages())
    docs = tmp_path / "docs" / "questions" / "rag"
    before = (docs / "behind.en.md").read_text(encoding="utf-8")
    result = freshness_cli(config, "synced", "behind")
    assert result.stdout == f"docs/questions/rag/behind.en.md: source_hash: {zh_hash('behind', ZH_NOW)}\n"
    assert (docs / "behind.en.md").read_text(encoding="utf-8") == before.replace(zh_hash("behind", ZH_BEFORE), zh_hash("behind", ZH_NOW))
    # Re-dating and re-tagging the original changes its front matter, not its text: nothing drifts.
    original = docs / "in-line.md"
    original.write_text(original.read_text(encoding="utf-8").replace("updated: 2026-11-30", "updated: 2026-12-07")
                        .replace("tags: [rag]", "tags: [rag, retrieval]"), encoding="utf-8")
    english = docs / "in-line.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("tags: [rag]", "tags: [rag, retrieval]"), encoding="utf-8")
    site = build_site(config)
    for qid in ("behind", "in-line"):
        assert "qbank-drift" not in (site / f"en/questions/rag/{qid}/index.html").read_text(encoding="utf-8"), qid
    assert freshness_cli(config, "drift").stdout.startswith("Translations whose zh original changed after they were last brought in line (drifted): 0\n")


def freshness_cli(config, *args) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "freshness.py"), "--config", str(config), *args],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


ANSWER_WITH_SECTIONS = """**30 秒回答**

    答案。

    ### 深入解析

    | | A | B |
    | --- | --- | --- |
    | 速度 | 快 | 慢 |

    #### 细节

    ```python
    ### not a heading, a comment in code
    print(1)
    ```

    ### 追问

    **追问 1：为什么？**

    因为。"""


def test_answer_headings_follow_the_title_and_tables_and_code_are_accessible(tmp_path):
    """hooks/accessibility.py: h1 then h2, h3 with no gap; the empty corner of a table is a cell; code scrolls by keyboard."""
    pages = pair("a", "rag", "题", "Q", body=ANSWER_WITH_SECTIONS)
    site = build_site(write_site(tmp_path, pages, hooks=[*HOOK_MODULES, "accessibility"]))
    content = article((site / "questions/rag/a/index.html").read_text(encoding="utf-8"))
    assert re.findall(r"<h(\d)[ >]", content) == ["1", "2", "3", "2", "2"]
    assert re.findall(r"<h2[^>]*>([^<]+)", content) == ["深入解析", "追问", "相关问题"]
    assert "### not a heading" in html.unescape(re.sub(r"<[^>]+>", "", content))
    assert "<th></th>" not in content and re.search(r"<thead>\s*<tr>\s*<td></td>\s*<th>A</th>", content)
    assert re.search(r'<pre[^>]*>(<span></span>)?<code tabindex="0"', content)


def test_a_question_page_lists_the_questions_around_it_not_its_whole_topic(tmp_path):
    """hooks/nav_window.py: the open topic keeps its index and the ten questions either side; the topic page lists all
    in its article, and its sidebar the first ten."""
    pages = {}
    for n in range(1, 26):
        pages.update(pair(f"q{n:02d}", "rag", f"题{n:02d}", f"Q{n:02d}"))
    site = build_site(write_site(tmp_path, pages, hooks=[*HOOK_MODULES, "nav_window"]))

    def listed(path):
        sidebar = (site / path).read_text(encoding="utf-8").split('class="md-sidebar md-sidebar--primary"', 1)[1]
        sidebar = sidebar.split('class="md-sidebar md-sidebar--secondary"', 1)[0]
        here = path.split("/")[-2]  # the page itself is linked as "./"
        return sorted(set(re.findall(r'href="(?:\.\./)*(?:questions/rag/)?(q\d\d)/"', sidebar)) | {here})

    assert listed("questions/rag/q13/index.html") == [f"q{n:02d}" for n in range(3, 24)]
    assert listed("questions/rag/q01/index.html") == [f"q{n:02d}" for n in range(1, 12)]
    assert listed("en/questions/rag/q25/index.html") == [f"q{n:02d}" for n in range(15, 26)]
    # the topic page lists every question in its article: its sidebar only the first ten, not all 25 again
    assert listed("questions/rag/index.html") == [f"q{n:02d}" for n in range(1, 11)] + ["rag"]
    assert len(re.findall(r'<a href="q\d\d/"', (site / "questions/rag/index.html").read_text(encoding="utf-8"))) >= 25


# --- Exercises: the tests file served once, the controls around the starter code, questions.json ---

@pytest.fixture(scope="module")
def exercise_site(tmp_path_factory):
    return build_site(write_site(tmp_path_factory.mktemp("exercise"), {**GOOD, **exercise_pair("double", "rag")}))


def test_exercise_tests_file_is_served_once_and_both_pages_link_it(exercise_site):
    assert (exercise_site / "questions/rag/double.tests.py").read_text(encoding="utf-8") == TESTS
    assert not (exercise_site / "en/questions/rag/double.tests.py").exists()
    for prefix, url in (("", "../double.tests.py"), ("en/", "../../../../questions/rag/double.tests.py")):
        page = article((exercise_site / prefix / "questions/rag/double/index.html").read_text(encoding="utf-8"))
        assert f'data-tests="{url}"' in page, prefix


def test_exercise_controls_wrap_the_starter_code_and_stay_hidden_without_javascript(exercise_site):
    from qbank.exercise import PYODIDE_DIR, PYODIDE_FILES, RUNNER_FILES

    for prefix, run in (("", "运行测试"), ("en/", "Run tests")):
        page = article((exercise_site / prefix / "questions/rag/double/index.html").read_text(encoding="utf-8"))
        box = page[page.index('<div class="qbank-exercise"'):page.index("<details")]
        # the starter code is readable without JavaScript; the editor and buttons are not shown without it
        assert '<div class="starter highlight">' in box and "NotImplementedError" in box
        assert '<div class="qbank-exercise__ui" data-pagefind-ignore hidden>' in box and f">{run}</button>" in box
        assert 'role="status" aria-live="polite"' in box and '<label class="qbank-exercise__label" for="qbank-exercise-double">' in box
        # the runtime's size is measured from the files the first run downloads
        files = [ROOT / PYODIDE_DIR / name for name in PYODIDE_FILES] + [ROOT / "docs/assets" / name for name in RUNNER_FILES]
        assert f'data-runtime-bytes="{sum(f.stat().st_size for f in files)}"' in box
        assert re.search(r"\d+\.\d MB", box)
        # the solution stays inside the closed answer
        assert "solution highlight" not in box and "solution highlight" in page[page.index("<details"):]


def test_questions_json_tells_exercises_from_questions(exercise_site):
    for prefix in ("", "en"):
        kinds = {q["id"]: q["kind"] for q in questions_json(exercise_site, prefix)}
        assert kinds["double"] == "exercise" and kinds["chunking"] == "question"
