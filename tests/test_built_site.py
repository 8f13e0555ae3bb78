"""Checks on the real site, built once with --strict under the GitHub Pages project subpath."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import LOCALES, ROOT, SUBPATH
from qbank.tags import load_vocabulary
from site_pages import html_pages, page_url_path, parse

SITE_ORIGIN = "http://127.0.0.1"  # what built_site sets SITE_URL to, with SUBPATH
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def test_question_index_lists_every_question_in_both_languages(built_site, site_questions):
    zh, en = site_questions["zh"], site_questions["en"]
    assert zh and [q["id"] for q in zh] == [q["id"] for q in en]
    for entry in zh + en:
        assert set(entry) == {"id", "seed", "title", "url", "topic", "tags", "difficulty", "related"}
        assert (built_site / entry["url"] / "index.html").is_file(), entry["url"]
        assert 3 <= len(entry["related"]) <= 6
    seeds = [q["seed"] for q in zh if q["seed"] is not None]
    assert len(seeds) == len(set(seeds))


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_every_question_page_has_one_closed_answer_and_related_section(built_site, locale, site_questions):
    for entry in site_questions[locale]:
        html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        details = re.findall(r"<details[^>]*>", article)
        answers = [d for d in details if 'class="success"' in d]
        assert len(answers) == 1, entry["url"]
        assert " open" not in answers[0], f"{entry['url']}: answer open by default"
        related = article.index('class="related-questions"')
        assert article.index(answers[0]) < related
        assert len(re.findall(r"<li>", article[related:])) == len(entry["related"])


def test_no_resource_from_another_host(built_site):
    offenders = []
    for page in html_pages(built_site):
        parsed = parse(page)
        for tag, url in parsed.resources:
            if urlsplit(url).netloc or url.startswith("//"):
                offenders.append(f"{page.relative_to(built_site)}: <{tag}> {url}")
        for url in parsed.canonical:
            if not url.startswith(SITE_ORIGIN + SUBPATH):
                offenders.append(f"{page.relative_to(built_site)}: canonical {url}")
    for css in built_site.rglob("*.css"):
        for url in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if not url.startswith("data:") and (urlsplit(url).netloc or url.startswith("//")):
                offenders.append(f"{css.relative_to(built_site)}: url({url})")
    assert offenders == []


def test_page_heads_carry_no_hreflang_alternates(built_site):
    """hooks/page_head.py removes Material's ``<link rel="alternate" hreflang>`` (sitemap.xml carries them): a change to
    that markup in a Material release would leave them in, and the bundle would fetch ``<page>/sitemap.xml`` again."""
    offenders = [str(page.relative_to(built_site)) for page in html_pages(built_site)
                 if "hreflang=" in page.read_text(encoding="utf-8").split("</head>", 1)[0]]
    assert offenders == []


def test_no_broken_internal_link_or_anchor_under_subpath(built_site):
    pages = {page_url_path(built_site, p, SUBPATH): parse(p) for p in html_pages(built_site)}
    broken = []
    for url_path, parsed in pages.items():
        base = SITE_ORIGIN + url_path
        targets = parsed.links + [url for _, url in parsed.resources]
        for href in targets:
            external = urlsplit(href).scheme in ("http", "https") and not href.startswith(SITE_ORIGIN)
            if external or href.startswith(("mailto:", "javascript:", "data:")):
                continue
            resolved = urlsplit(urljoin(base, href))
            path = unquote(resolved.path)
            if not path.startswith(SUBPATH):
                broken.append(f"{url_path}: {href} leaves {SUBPATH}")
                continue
            file = built_site / path[len(SUBPATH):]
            if path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{url_path}: {href} -> missing {path}")
            elif resolved.fragment and file.suffix == ".html":
                target = pages[path[: -len("index.html")] if path.endswith("/index.html") else path]
                if unquote(resolved.fragment) not in target.ids:
                    broken.append(f"{url_path}: {href} -> no anchor #{resolved.fragment}")
    assert broken == []


def test_formulas_are_mathml_and_diagrams_wait_for_the_site_s_own_mermaid(built_site):
    pages = [p.read_text(encoding="utf-8") for p in html_pages(built_site)]
    assert not any('class="arithmatex"' in html for html in pages)
    assert [html for html in pages if "<math" in html]
    assert [html for html in pages if '<pre class="diagram">' in html]
    # material's own class would make material fetch Mermaid from unpkg
    assert not any('class="mermaid"' in html for html in pages)
    assert (built_site / "assets/vendor/mermaid.tiny.js").stat().st_size > 100_000


def test_topic_pages_and_tags_exist_per_language(built_site, site_questions):
    for prefix in LOCALES.values():
        assert (built_site / prefix / "questions/index.html").is_file()
        assert (built_site / prefix / "tags/index.html").is_file()
    zh_tags = (built_site / "tags/index.html").read_text(encoding="utf-8")
    en_tags = (built_site / "en/tags/index.html").read_text(encoding="utf-8")
    assert "/en/questions/" not in zh_tags.split("<article", 1)[1]
    en_article = en_tags.split("<article", 1)[1].split("</article>", 1)[0]
    assert all(title in en_article for title in [q["title"] for q in site_questions["en"]][:3])
    assert not any(q["title"] in en_article for q in site_questions["zh"])


def test_tags_page_lists_the_vocabulary_with_counts(built_site, site_questions):
    """One overview line per language: every tag in use, with its number of questions, linked to its listing."""
    counts = {}
    for entry in site_questions["zh"]:
        for tag in entry["tags"]:
            counts[tag] = counts.get(tag, 0) + 1
    vocabulary = load_vocabulary(str(ROOT / "docs"))
    assert set(counts) <= set(vocabulary.tags)
    for prefix in LOCALES.values():
        html = (built_site / prefix / "tags/index.html").read_text(encoding="utf-8")
        overview = html.split('<p class="qbank-tag-overview">', 1)[1].split("</p>", 1)[0]
        links = re.findall(r'<a href="#(tag:[^"]+)">([^<]+)&nbsp;\((\d+)\)</a>', overview)
        assert {tag: int(count) for _, tag, count in links} == counts
        assert all(f'id="{anchor}"' in html for anchor, _, _ in links)
        ranked = [int(count) for _, _, count in links]
        assert ranked == sorted(ranked, reverse=True)


def test_chinese_headings_get_readable_anchors(built_site, site_questions):
    """pymdownx.slugs keeps the Chinese text, so links to a section survive and read well."""
    entry = site_questions["zh"][0]
    html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
    assert 'id="深入解析"' in html and 'id="追问"' in html and 'id="相关问题"' in html


def test_every_question_file_reaches_nav_topic_index_search_and_question_index(built_site, site_questions):
    """Nothing is silently dropped: each source file shows up everywhere, in both languages."""
    sources = ROOT / "docs" / "questions"
    ids = {p.stem for p in sources.glob("*/*.md") if p.name.count(".") == 1}
    assert ids == {p.name[: -len(".en.md")] for p in sources.glob("*/*.en.md")}
    entry_file = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    for locale, prefix in LOCALES.items():
        entries = site_questions[locale]
        assert {e["id"] for e in entries} == ids
        assert entry_file["languages"][locale]["page_count"] == len(ids)
        nav = (built_site / prefix / "questions" / "index.html").read_text(encoding="utf-8").split("<article", 1)[0]
        for entry in entries:
            page_dir = entry["url"][len(prefix):]
            assert f'href="{page_dir.removeprefix("questions/")}"' in nav, f"{entry['url']} missing from the nav"
            topic_index = (built_site / prefix / "questions" / entry["topic"] / "index.html").read_text(encoding="utf-8")
            assert f'href="{page_dir.split("/")[-2]}/"' in topic_index, f"{entry['url']} missing from its topic page"
            assert "data-pagefind-body" in (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
