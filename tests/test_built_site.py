"""Checks on the real site, built once with --strict under the GitHub Pages project subpath."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import feedparser
import pytest
import yaml

from conftest import LOCALES, ROOT, SUBPATH
from qbank.tags import load_vocabulary
from site_pages import head_and_text, html_pages, page_url_path, parse

SITE_ORIGIN = "http://127.0.0.1"  # what built_site sets SITE_URL to, with SUBPATH
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def test_question_index_lists_every_question_in_both_languages(built_site, site_questions):
    zh, en = site_questions["zh"], site_questions["en"]
    assert zh and [q["id"] for q in zh] == [q["id"] for q in en]
    for entry in zh + en:
        assert set(entry) == {"id", "seed", "title", "url", "topic", "tags", "difficulty", "kind", "related", "updated", "followups"}
        assert entry["kind"] in ("question", "exercise")
        assert (built_site / entry["url"] / "index.html").is_file(), entry["url"]
        assert 3 <= len(entry["related"]) <= 6
        # every answer's follow-up questions, each with its short answer, for the mock interview
        assert len(entry["followups"]) >= 3 and all(set(f) == {"q", "a"} and f["q"] and f["a"] for f in entry["followups"]), entry["url"]
    assert [len(q["followups"]) for q in zh] == [len(q["followups"]) for q in en]
    seeds = [q["seed"] for q in zh if q["seed"] is not None]
    assert len(seeds) == len(set(seeds))
    # each exercise's tests file is served once, at the site root, for every language
    for entry in (e for e in zh if e["kind"] == "exercise"):
        assert (built_site / "questions" / entry["topic"] / f"{entry['id']}.tests.py").is_file()
        assert not (built_site / "en/questions" / entry["topic"] / f"{entry['id']}.tests.py").exists()


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


SCRIPT_TAG = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")


def test_material_bundle_is_deferred_and_runs_before_our_modules(built_site):
    """The first paint does not wait for Material's bundle (overrides/main.html defers it), and the bundle still
    runs first: deferred scripts and modules run in the order of the page."""
    for page in html_pages(built_site):
        tags = SCRIPT_TAG.findall(page.read_text(encoding="utf-8"))
        name = page.relative_to(built_site)
        assert tags and "/javascripts/bundle." in tags[0] and " defer " in tags[0], (name, tags)
        assert all('type="module"' in tag for tag in tags[1:]), (name, tags)


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


def test_formulas_are_mathml(built_site):
    pages = [p.read_text(encoding="utf-8") for p in html_pages(built_site)]
    assert not any('class="arithmatex"' in html for html in pages)
    assert [html for html in pages if "<math" in html]


def test_diagrams_are_svg_files_and_no_diagram_library_is_served(built_site):
    pages = [p.read_text(encoding="utf-8") for p in html_pages(built_site)]
    assert not [html for html in pages if '<pre class="diagram">' in html], "a diagram left as Mermaid source"
    # material's own class would make material fetch Mermaid from unpkg
    assert not any('class="mermaid"' in html for html in pages)
    linked = {key for html in pages for key in re.findall(r'href="[^"]*assets/diagrams/([0-9a-f]{20})\.svg"', html)}
    served = {svg.stem for svg in (built_site / "assets/diagrams").glob("*.svg")}
    assert linked and linked == served == {svg.stem for svg in (ROOT / "diagrams").glob("*.svg")}
    # Mermaid's bundle names its API object; nothing the site serves does.
    assert [path for path in built_site.rglob("*") if path.is_file() and b"mermaidAPI" in path.read_bytes()] == []


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
    for locale, prefix in LOCALES.items():
        entries = site_questions[locale]
        assert {e["id"] for e in entries} == ids
        # Each language's own search index (hooks/search_index.py) holds its questions and nothing else.
        entry_file = json.loads((built_site / prefix / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert {name: language["page_count"] for name, language in entry_file["languages"].items()} == {locale: len(ids)}
        for entry in entries:
            page_dir = entry["url"][len(prefix):]
            # The navigation is pruned (navigation.prune, hooks/nav_window.py): a question's sidebar leads to its
            # topic's page, and that page's list (the article) names every question of the topic.
            article = (built_site / prefix / "questions" / entry["topic"] / "index.html").read_text(
                encoding="utf-8").split("<article", 1)[1]
            sidebar = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8").split("<article", 1)[0]
            assert 'href="../"' in sidebar, f"{entry['url']}: its topic's page missing from the nav"
            assert f'href="{page_dir.split("/")[-2]}/"' in article, f"{entry['url']} missing from its topic page"
            assert "data-pagefind-body" in (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")


# --- Freshness and feedback ---

@pytest.mark.parametrize("locale", ["zh", "en"])
def test_every_question_page_shows_its_review_date_and_report_link(built_site, locale, site_questions):
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/answer-problem.yml").read_text(encoding="utf-8"))
    field_ids = {field["id"] for field in form["body"] if "id" in field}
    for entry in site_questions[locale]:
        html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        info = re.search(r'</h1>\n<div class="qbank-page-info" data-pagefind-ignore>(.*?)</div>', html)
        assert info, f"{entry['url']}: no review line right under the title"
        day = entry["updated"]
        assert f'<time datetime="{day}">{day}</time>' in info[1], entry["url"]
        href = re.search(r'<a class="qbank-report" href="([^"]+)"', info[1])[1].replace("&amp;", "&")
        parts = urlsplit(href)
        assert parts.netloc == "github.com" and parts.path.endswith("/issues/new"), href
        query = parse_qs(parts.query)
        assert query.pop("template") == ["answer-problem.yml"] and set(query) - {"title"} <= field_ids
        assert query["question"] == [entry["id"]] and query["language"] == [locale]
        assert query["page"] == [SITE_ORIGIN + SUBPATH + entry["url"]]


# The longest run of characters a description may share with an answer without also appearing outside it.
WINDOW = 12


def test_every_page_has_a_description_and_social_tags_with_no_answer_text(built_site, site_questions):
    titles = {entry["url"]: entry["title"] for entries in site_questions.values() for entry in entries}
    problems = []
    for page in html_pages(built_site):
        name = page.relative_to(built_site).as_posix()
        parsed = head_and_text(page)
        tags = {key: parsed.meta.get(key, []) for key in ("description", "og:type", "og:site_name", "og:title", "og:description",
                                                           "og:url", "og:locale", "twitter:card", "twitter:title", "twitter:description")}
        if name == "404.html":  # a template, not a page: no URL of its own
            tags.pop("og:url")
        wrong = [key for key, values in tags.items() if len(values) != 1 or not values[0].strip()]
        if wrong:
            problems.append(f"{name}: missing, empty or repeated: {', '.join(wrong)}")
            continue
        value = {key: values[0] for key, values in tags.items()}
        description = " ".join(value["description"].split())
        if not value["og:description"] == value["twitter:description"] == value["description"]:
            problems.append(f"{name}: og/twitter descriptions differ from the description")
        if value["og:locale"] != {"zh": "zh_CN", "en": "en_US"}[parsed.lang]:
            problems.append(f"{name}: og:locale {value['og:locale']}")
        canonical = parse(page).canonical
        if name != "404.html" and [value["og:url"]] != canonical:
            problems.append(f"{name}: og:url {value['og:url']} is not the canonical URL {canonical}")
        url = name.removesuffix("index.html")
        if url in titles and value["og:title"] != titles[url]:
            problems.append(f"{name}: og:title {value['og:title']!r}, expected the question")
        answer = " ".join("".join(parsed.answer).split())
        other = " ".join("".join(parsed.other).split())
        if url in titles and description.rstrip("…")[:WINDOW] not in other:
            problems.append(f"{name}: description not from the page's visible text: {description[:40]!r}")
        leaked = {description[i:i + WINDOW] for i in range(len(description) - WINDOW + 1)
                  if description[i:i + WINDOW] in answer and description[i:i + WINDOW] not in other}
        if leaked:
            problems.append(f"{name}: description holds answer text: {sorted(leaked)[:3]}")
    assert problems == []


def feed_of(site, locale):
    parsed = feedparser.parse((site / LOCALES[locale] / "feed.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10", parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_feed_is_atom_listing_every_question_once_with_absolute_urls(built_site, locale, site_questions):
    feed = feed_of(built_site, locale)
    base = SITE_ORIGIN + SUBPATH
    assert feed.feed.id == base + LOCALES[locale] + "feed.xml" and feed.feed.title and feed.feed.author
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": base + LOCALES[locale] + "feed.xml", "alternate": base + LOCALES[locale] + "recent/"}
    entries = site_questions[locale]
    assert sorted(e.link for e in feed.entries) == sorted(base + entry["url"] for entry in entries)
    assert len({e.id for e in feed.entries}) == len(feed.entries) == len(entries)
    updated = {base + entry["url"]: entry["updated"] for entry in entries}
    assert [e.updated[:10] for e in feed.entries] == [updated[e.link] for e in feed.entries]
    assert [e.updated for e in feed.entries] == sorted((e.updated for e in feed.entries), reverse=True)
    assert feed.feed.updated == feed.entries[0].updated
    assert all(e.title and e.summary and e.tags for e in feed.entries)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_recently_updated_page_matches_the_feed(built_site, locale):
    prefix = LOCALES[locale]
    page = built_site / prefix / "recent" / "index.html"
    links = [urljoin(SITE_ORIGIN + SUBPATH + prefix + "recent/", href) for href in parse(page).links
             if "/questions/" in urljoin("/" + prefix + "recent/", href) and "#" not in href]
    article = page.read_text(encoding="utf-8").split("<article", 1)[1]
    listed = [urljoin(SITE_ORIGIN + SUBPATH + prefix + "recent/", href) for href in re.findall(r'<li><a href="([^"]+)"', article)]
    assert listed == [e.link for e in feed_of(built_site, locale).entries]
    assert set(listed) <= set(links)


def test_every_page_head_links_its_language_feed_and_home_pages_link_feed_and_recent(built_site):
    problems = []
    for page in html_pages(built_site):
        name = page.relative_to(built_site).as_posix()
        parsed = head_and_text(page)
        feeds = [link for link in parsed.head_links
                 if "alternate" in link.get("rel", "").lower().split() and link.get("type") == "application/atom+xml"]
        expected = SITE_ORIGIN + SUBPATH + LOCALES[parsed.lang] + "feed.xml"
        if [urljoin(SITE_ORIGIN + page_url_path(built_site, page, SUBPATH), link["href"]) for link in feeds] != [expected]:
            problems.append(f"{name}: {feeds}")
    assert problems == []
    for prefix in LOCALES.values():
        links = parse(built_site / prefix / "index.html").links
        assert "feed.xml" in links and "recent/" in links
