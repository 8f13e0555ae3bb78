"""Headless Chromium against the built site, served under the project subpath as on GitHub Pages."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import Visit, serve
from fixture_site import build_site, write_site
from test_fixture_site import drift_pages


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


@pytest.mark.parametrize("locale, label", [("zh", "最后核对："), ("en", "Last checked: ")])
def test_review_date_shows_under_the_title_while_the_answer_is_closed(visit, site_questions, locale, label):
    entry = site_questions[locale][-1]
    page = visit.goto(entry["url"])
    info = page.locator("article h1 + .qbank-page-info")
    expect(info).to_be_visible()
    expect(info).to_contain_text(label + entry["updated"])
    expect(info.locator("time")).to_have_attribute("datetime", entry["updated"])
    expect(page.locator("article details.success")).to_have_js_property("open", False)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_report_link_opens_the_answer_problem_form_filled_in(visit, site_questions, locale):
    entry = site_questions[locale][0]
    page = visit.goto(entry["url"])
    # GitHub itself is not part of the test: the new tab gets a stand-in page, and the test reads the URL it was sent to.
    page.context.route("https://github.com/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<p>form"))
    with page.expect_popup() as popup:
        page.locator("article .qbank-report").click()
    url = urlsplit(popup.value.url)
    assert (url.netloc, url.path) == ("github.com", "/llm-app-interview-guide/llm-app-interview-guide/issues/new")
    query = parse_qs(url.query)
    assert query["template"] == ["answer-problem.yml"]
    assert query["question"] == [entry["id"]] and query["language"] == [locale]
    assert query["page"] == ["http://127.0.0.1/llm-app-interview-guide/" + entry["url"]]  # site_url of the test build
    assert query["title"][0].endswith(entry["title"])


@pytest.fixture(scope="module")
def drift_server(tmp_path_factory):
    """A fixture site with one translation behind its original and one in line, served under its site_url's path."""
    site = build_site(write_site(tmp_path_factory.mktemp("drift"), drift_pages()))
    with serve(site, "/fixture/") as url:
        yield url


def test_drifted_translation_shows_the_notice_and_links_its_original(browser, drift_server):
    visit = Visit(browser, drift_server)
    page = visit.goto("en/questions/rag/behind/")
    notice = page.locator("article .qbank-drift")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("The Chinese original of this question was revised after this translation")
    notice.get_by_role("link", name="Read the Chinese original").click()
    expect(page).to_have_url(drift_server + "questions/rag/behind/")
    expect(page.locator("article h1")).to_have_text(title("题目"))
    expect(page.locator("article .qbank-drift")).to_have_count(0)
    in_line = visit.goto("en/questions/rag/in-line/")
    expect(in_line.locator("article h1 + .qbank-page-info")).to_be_visible()
    expect(in_line.locator("article .qbank-drift")).to_have_count(0)
    page.close()
