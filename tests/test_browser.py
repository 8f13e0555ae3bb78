"""Headless Chromium against the built site, served under the project subpath as on GitHub Pages."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def first_question(site_questions):
    return site_questions["zh"][0], site_questions["en"][0]


def title(text: str) -> re.Pattern:
    """An H1 reading `text`, followed by material's permalink mark."""
    return re.compile(rf"^{re.escape(text)}\W*$")


def test_answer_starts_closed_and_opens_on_click(visit, first_question):
    zh, _ = first_question
    page = visit.goto(zh["url"])
    answer = page.locator("article details.success")
    expect(answer).to_have_count(1)
    expect(answer).to_have_js_property("open", False)
    body = answer.locator("> :not(summary)").first
    expect(body).to_be_hidden()
    answer.locator("summary").click()
    expect(answer).to_have_js_property("open", True)
    expect(body).to_be_visible()


def test_language_switch_keeps_the_question(visit, first_question):
    zh, en = first_question
    page = visit.goto(zh["url"])
    expect(page.locator("article h1")).to_have_text(title(zh["title"]))
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(visit.server + en["url"])
    expect(page.locator("article h1")).to_have_text(title(en["title"]))
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    expect(page).to_have_url(visit.server + zh["url"])
    expect(page.locator("article h1")).to_have_text(title(zh["title"]))


def test_server_answers_404_outside_the_subpath(site_server):
    """As GitHub Pages does for a project site: only /<repo>/ is the site."""
    origin = site_server[: -len("llm-app-interview-guide/")]
    for url in (origin, origin + "questions/", site_server + "no-such-page/"):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(url)
        assert error.value.code == 404, url


@pytest.mark.parametrize("path", ["", "en/", "questions/", "en/tags/"])
def test_pages_request_only_the_site_and_log_no_errors(visit, path):
    visit.goto(path)
    assert visit.foreign_requests() == []
    assert visit.errors == []


def test_question_pages_request_only_the_site_and_draw_diagrams_when_opened(visit, built_site, site_questions):
    entries = site_questions["zh"] + site_questions["en"]
    diagrams = 0
    for entry in entries:
        expected = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8").count('class="qbank-diagram__frame"')
        before = len(visit.requests)
        page = visit.goto(entry["url"])
        assert not any("/assets/diagrams/" in url for url in visit.requests[before:]), f"{entry['url']}: a diagram loaded before the answer opened"
        page.locator("article details.success > summary").click()
        expect(page.locator("article a.qbank-diagram__frame svg")).to_have_count(expected)
        diagrams += expected
        assert visit.foreign_requests() == [], entry["url"]
        assert visit.errors == [], entry["url"]
    assert diagrams > 0
