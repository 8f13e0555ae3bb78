"""Headless Chromium against the built site, served under the project subpath as on GitHub Pages."""

from __future__ import annotations

import json
import os
import shutil
from urllib.parse import urlsplit

import pytest


# Debian's chromium here and in .ci/run; CHROMIUM_PATH names another build (GitHub runners ship Google Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI: apt-get install chromium fonts-wqy-microhei")
        pytest.skip("Chromium not installed (apt-get install chromium fonts-wqy-microhei)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page plus everything it requested and every console error it logged."""

    def __init__(self, browser, server):
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
        self.server = server
        self.page = browser.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path: str):
        self.page.goto(self.server + path, wait_until="networkidle")
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.origin + "/") and not url.startswith("data:")]


@pytest.fixture
def visit(browser, site_server):
    v = Visit(browser, site_server)
    yield v
    v.page.close()


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


def test_question_pages_request_only_the_site_and_render_diagrams_and_math(visit, built_site):
    entries = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    entries += json.loads((built_site / "en/questions.json").read_text(encoding="utf-8"))
    diagrams = 0
    for entry in entries:
        expected = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8").count('<pre class="mermaid">')
        page = visit.goto(entry["url"])
        page.locator("article details.success > summary").click()
        # material draws each diagram into a closed shadow root of a div.mermaid: an undrawn one has no height
        drawn = page.evaluate(
            "() => [...document.querySelectorAll('article div.mermaid')]"
            ".filter(el => el.getBoundingClientRect().height > 0).length")
        assert drawn == expected, f"{entry['url']}: {drawn} of {expected} diagrams drawn"
        diagrams += drawn
        assert visit.foreign_requests() == [], entry["url"]
        assert visit.errors == [], entry["url"]
    assert diagrams > 0
