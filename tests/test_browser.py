"""Headless Chromium against the built site, served under the project subpath as on GitHub Pages."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, quote, urlsplit

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
    visit.context.close()


CALLS_TO_ACTION = {"": ("开始练习", "随机一题", "全部题目"), "en/": ("Start practising", "Random question", "All questions")}


@pytest.mark.parametrize("prefix", list(CALLS_TO_ACTION))
def test_home_calls_to_action_are_above_the_fold(device_visit, site_questions, prefix):
    page = device_visit.goto(prefix)
    cta = page.locator("article .qbank-cta")
    for name in CALLS_TO_ACTION[prefix]:
        expect(cta.get_by_text(name, exact=True)).to_be_in_viewport(ratio=1)
    overall = page.locator('article .qbank-progress[data-topic=""]')
    expect(overall).to_be_hidden()  # no marks yet: nothing to report
    entry = site_questions["zh"][0]
    page.evaluate("""(id) => localStorage.setItem('qbank.progress.v1', JSON.stringify({format: 'llm-app-interview-guide/progress',
        version: 1, marks: {[id]: {state: 'review', at: '2026-11-30T00:00:00Z'}}}))""", entry["id"])
    page.reload(wait_until="networkidle")
    total = len(site_questions["zh"])
    expect(overall).to_have_text(f"已掌握 0/{total}，待复习 1" if prefix == "" else f"0/{total} mastered, 1 to review")
    expect(overall).to_be_in_viewport(ratio=1)


def pages_with_answer_tables(built_site, site_questions) -> list[str]:
    urls = [e["url"] for locale in ("zh", "en") for e in site_questions[locale]]
    return [url for url in urls if "<table>" in (built_site / url / "index.html").read_text(encoding="utf-8").split("<details", 1)[1]]


# Per table in the open answer: how far its visible part (its scroll container) reaches past the box's content
# edge, whether it scrolls, and whether its container draws the scroll hint.
ANSWER_TABLES = """() => {
  const box = document.querySelector('article details.success');
  const style = getComputedStyle(box);
  const edge = box.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
  return [...box.querySelectorAll('table')].map((table) => {
    const frame = table.closest('.md-typeset__scrollwrap');
    return {past: frame.getBoundingClientRect().right - edge, scrolls: frame.scrollWidth > frame.clientWidth,
            hint: getComputedStyle(frame).backgroundImage.includes('gradient'), text: table.textContent.trim().slice(0, 30)};
  });
}"""


def test_answer_tables_fit_the_answer_box_on_a_phone(phone, built_site, site_questions):
    """Cells wrap to fit the box; the rare table still wider (six columns of long words) scrolls inside it, hinted."""
    urls = pages_with_answer_tables(built_site, site_questions)
    assert len(urls) > 20
    tables = scrolling = 0
    for url in urls:
        page = phone.goto(url)
        page.locator("article details.success > summary").tap()
        expect(page.locator("article details.success .md-typeset__scrollwrap").first).to_be_visible()
        for table in page.evaluate(ANSWER_TABLES):
            tables += 1
            scrolling += table["scrolls"]
            assert table["past"] <= 0.5, f"{url}: {table['text']!r} reaches {table['past']:.0f} px past the answer's content"
            assert table["hint"] or not table["scrolls"], f"{url}: {table['text']!r} scrolls without a hint"
    print(f"\n{tables} answer tables on a phone, {scrolling} scroll sideways inside their box")
    assert scrolling <= tables // 10


def test_topic_tables_on_a_phone_show_title_difficulty_and_mark(phone, site_questions):
    entries = [e for e in site_questions["zh"] if e["topic"] == "rag"]
    page = phone.goto("questions/rag/")
    page.evaluate("""(id) => localStorage.setItem('qbank.progress.v1', JSON.stringify({format: 'llm-app-interview-guide/progress',
        version: 1, marks: {[id]: {state: 'review', at: '2026-11-30T00:00:00Z'}}}))""", entries[0]["id"])
    page.reload(wait_until="networkidle")
    table = page.locator("article .qbank-questions table")
    expect(table.locator("tbody tr")).to_have_count(len(entries))
    expect(table.locator("tbody td:nth-child(3)").first).to_be_hidden()  # the tags are on each question page
    expect(table.locator(".qbank-chip").first).to_be_visible()
    badge = table.locator(".qbank-badge--review")
    expect(badge).to_have_text("再复习")
    one_line = "(el) => el.getClientRects().length === 1 && el.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(el).lineHeight)"
    assert badge.evaluate(one_line)
    assert all(chip.evaluate(one_line) for chip in table.locator(".qbank-chip").all())
    assert table.evaluate("(t) => t.scrollWidth <= t.clientWidth")


def test_question_pages_show_their_difficulty(visit, site_questions):
    for locale in ("zh", "en"):
        entry = next(e for e in site_questions[locale] if e["difficulty"] == "hard")
        page = visit.goto(entry["url"])
        expect(page.locator("article .qbank-chip")).to_have_text("困难" if locale == "zh" else "Hard")


NOT_FOUND = {
    "questions/no-such-question/": ("页面不存在", "", {"回到首页": "", "全部题目": "questions/", "搜索题目": "#search"}),
    "en/questions/no-such-question/": ("Page not found", "en/", {"Home": "en/", "All questions": "en/questions/",
                                                                 "Search the questions": "en/#search"}),
}


@pytest.mark.parametrize("path", list(NOT_FOUND))
def test_not_found_page_speaks_the_language_of_the_address_and_leads_back(visit, path):
    heading, root, links = NOT_FOUND[path]
    response = visit.page.goto(visit.server + path, wait_until="networkidle")
    assert response.status == 404
    page = visit.page
    shown = page.locator(".qbank-not-found:visible")
    expect(shown).to_have_count(1)
    expect(shown.locator("h1")).to_have_text(heading)
    for name, target in links.items():
        expect(shown.get_by_role("link", name=name, exact=True)).to_have_attribute("href", "/llm-app-interview-guide/" + target)
    shown.get_by_role("link", name=list(links)[-1], exact=True).click()
    expect(page).to_have_url(visit.server + root + "#search")
    expect(page.locator(".md-search__input")).to_be_focused()
    assert visit.foreign_requests() == []
    # Chromium logs the 404 status of the page itself; nothing else may fail
    assert visit.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]


# Every layout shift the page has had since it started loading, with what moved (buffered: none is missed).
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push(
    [entry.value, entry.sources.map((s) => s.node?.className || s.node?.nodeName).join(", ")])))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 300);
})"""


@pytest.mark.parametrize("path", ["", "en/", "questions/", "questions/rag/", "questions/rag/hybrid-retrieval/",
                                  "en/questions/rag/hybrid-retrieval/"])
def test_nothing_moves_while_a_page_loads(phone, path):
    """Cumulative layout shift 0: the controls the scripts bring to life (study bar, progress, random question,
    Material's search button) are in place from the first paint."""
    page = phone.goto(path)
    expect(page.locator(".md-header [data-qbank-random]")).to_be_visible()  # study.js has run
    assert page.evaluate(LAYOUT_SHIFTS) == []


# Where a slow network may stop a page for a while: in the header, after the language menu and the search
# button (the buttons after them once pushed both aside: the first paint now waits for the whole header); in a
# listing table, after its header row and after its first row (a longer row arriving later once widened the
# columns: they are now sized by the header row).
PAUSES = {"header": 'for="__search">', "table header": "</th>\n</tr>", "first table row": "</td>\n</tr>"}


@pytest.mark.parametrize("pause", list(PAUSES))
@pytest.mark.parametrize("path", ["", "en/", "questions/rag/", "en/questions/"])
def test_nothing_moves_when_a_page_arrives_in_parts(device_visit, built_site, path, pause):
    """Cumulative layout shift 0 also when the browser paints a page before all of it has arrived."""
    marker = PAUSES[pause]
    assert marker in (built_site / path / "index.html").read_text(encoding="utf-8")
    page = device_visit.goto(f"{path}?pause-after={quote(marker)}")
    expect(page.locator(".md-header [data-qbank-random]")).to_be_visible()
    assert page.evaluate(LAYOUT_SHIFTS) == []
