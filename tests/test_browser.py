"""Headless Chromium against the built site, served under the project subpath as on GitHub Pages."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def first_question(built_site):
    zh = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))[0]
    en = json.loads((built_site / "en/questions.json").read_text(encoding="utf-8"))[0]
    return zh, en


def test_answer_starts_closed_and_opens_on_click(visit, first_question):
    zh, _ = first_question
    page = visit.goto(zh["url"])
    answer = page.locator("article details.success")
    assert answer.count() == 1
    assert answer.get_attribute("open") is None
    body = answer.locator("> :not(summary)").first
    assert not body.is_visible()
    answer.locator("summary").click()
    assert answer.get_attribute("open") is not None
    assert body.is_visible()


def test_language_switch_keeps_the_question(visit, first_question):
    zh, en = first_question
    page = visit.goto(zh["url"])
    assert page.locator("article h1").inner_text().rstrip("¶ \n") == zh["title"]
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == visit.server + en["url"]
    assert page.locator("article h1").inner_text().rstrip("¶ \n") == en["title"]
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == visit.server + zh["url"]


@pytest.mark.parametrize("path", ["", "en/", "questions/", "en/tags/"])
def test_pages_request_only_the_site_and_log_no_errors(visit, path):
    visit.goto(path)
    assert visit.foreign_requests() == []
    assert visit.errors == []


def test_question_pages_request_only_the_site_and_draw_diagrams_when_opened(visit, built_site):
    entries = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    entries += json.loads((built_site / "en/questions.json").read_text(encoding="utf-8"))
    diagrams = 0
    for entry in entries:
        expected = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8").count('<pre class="diagram">')
        before = len(visit.requests)
        page = visit.goto(entry["url"])
        assert not any("mermaid" in url for url in visit.requests[before:]), f"{entry['url']}: Mermaid loaded before the answer opened"
        page.locator("article details.success > summary").click()
        if expected:
            page.wait_for_function(f"() => document.querySelectorAll('article div.mermaid svg').length === {expected}")
        assert page.locator("article pre.diagram").count() == 0, f"{entry['url']}: diagram source left undrawn"
        diagrams += page.locator("article div.mermaid svg").count()
        assert visit.foreign_requests() == [], entry["url"]
        assert visit.errors == [], entry["url"]
    assert diagrams > 0
