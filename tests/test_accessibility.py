"""axe-core on every kind of page state a reader meets, in both languages and both colour schemes.

axe-core comes from npm (package.json, a dev dependency): the tests inject it into the page; the site never serves it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import ANIMATIONS_ENDED, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0-2.2 A and AA, plus axe's best practices (landmarks, headings, region): what Lighthouse's audit also runs.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = {"light": "default", "dark": "slate"}


def open_answer(page):
    page.locator("article details.success > summary").click()
    expect(page.locator("article details.success")).to_have_js_property("open", True)


def start_practice(page):
    page.locator("article .qbank-practice__setup button[type=submit]").click()
    expect(page.locator("article .qbank-practice__card")).to_be_visible()
    page.locator("article .qbank-practice__bar .md-button--primary").click()  # show the answer
    expect(page.locator("article .qbank-practice__answer")).to_be_visible()


def start_round(page, *, answer_first=False, interview=False):
    if answer_first:
        page.locator("article input[name=answer-first]").check()
    if interview:
        page.locator("article input[name=mode][value=interview]").check()
        page.locator("article input[name=count]").fill("1")
    page.locator("article .qbank-practice__setup button[type=submit]").click()
    expect(page.locator("article .qbank-practice__card")).to_be_visible()


def answer_box_and_timer(page):
    start_round(page, answer_first=True)
    page.locator("article .qbank-answer-box").fill("我的回答 / my answer")
    expect(page.locator("article .qbank-timer")).not_to_have_text("")


def answer_beside_reference(page):
    answer_box_and_timer(page)
    page.locator("article .qbank-practice__bar .md-button--primary").click()
    expect(page.locator("article .qbank-compare__reference")).not_to_be_empty()


def mock_interview_followup(page):
    start_round(page, interview=True)
    page.locator("article .qbank-practice__bar .md-button--primary").click()  # the answer
    page.locator("article .qbank-practice__bar .qbank-mark").first.click()
    page.keyboard.press("ArrowRight")  # the first follow-up
    page.locator("article .qbank-practice__bar .md-button--primary").click()
    expect(page.locator("article .qbank-practice__followup p")).to_be_visible()


def mock_interview_summary(page):
    start_round(page, interview=True)
    for _ in range(30):
        if page.locator("article .qbank-summary").count():
            break
        page.keyboard.press("ArrowRight")
    expect(page.locator("article .qbank-summary tbody tr")).to_have_count(1)


# Marks, one of them due today, so the home page shows the progress at a glance.
GLANCE_PROGRESS = """() => {
  const card = (due) => ({due, stability: 2.3, difficulty: 5, elapsed_days: 0, scheduled_days: 3, learning_steps: 0,
    reps: 1, lapses: 0, state: 2, last_review: "2026-12-01T00:00:00.000Z", prior: null});
  localStorage.setItem("qbank.progress.v1", JSON.stringify({format: "llm-app-interview-guide/progress", version: 2,
    marks: {"hybrid-retrieval": {state: "review", at: "2026-12-01T00:00:00.000Z"},
            "bm25": {state: "mastered", at: "2026-12-01T00:00:00.000Z"}},
    cards: {"hybrid-retrieval": card("2026-12-02T00:00:00.000Z"), "bm25": card("2099-01-01T00:00:00.000Z")}}));
}"""


def progress_at_a_glance(page):
    page.evaluate(GLANCE_PROGRESS)
    page.reload(wait_until="networkidle")
    expect(page.locator(".qbank-glance table")).to_be_visible()


def open_search(page):
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("RAG")
    page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length > 0")


def run_exercise(page):
    """A run with one failing test: the results list holds passes, a failure and its message."""
    code = (ROOT / "tests/wrong_solutions/code-rrf/duplicates-vote-twice.py").read_text(encoding="utf-8")
    page.locator(".qbank-exercise__editor").fill(code)
    page.locator("[data-exercise-run]").click()
    expect(page.locator(".qbank-exercise__result--fail")).to_have_count(1, timeout=120_000)


def question_url(site_questions, locale):
    return next(e["url"] for e in site_questions[locale] if e["id"] == "hybrid-retrieval")


# state -> (path below the language root, or None for a question page; what to do once it has loaded)
STATES = {
    "home": ("", None),
    "topic": ("questions/rag/", None),
    "question, answer closed": (None, None),
    "question, answer open": (None, open_answer),
    "practice": ("practice/", None),
    "practice, answer shown": ("practice/", start_practice),
    "practice, answer box and timer": ("practice/", answer_box_and_timer),
    "practice, own answer beside the reference": ("practice/", answer_beside_reference),
    "mock interview, a follow-up answered": ("practice/", mock_interview_followup),
    "mock interview, summary": ("practice/", mock_interview_summary),
    "home, progress at a glance": ("", progress_at_a_glance),
    "downloads": ("downloads/", None),
    "search open": ("", open_search),
    "exercise, answer closed": ("questions/coding/code-rrf/", None),
    "exercise, after a run": ("questions/coding/code-rrf/", run_exercise),
}


# One line per violated rule: its id, impact, help, and up to eight elements (for contrast, with the colours found).
AXE_RUN = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then((result) => result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -- ` + v.nodes.slice(0, 8).map((n) => {
    const data = n.any[0]?.data;
    const colours = data?.contrastRatio ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}]` : "";
    return n.target.join(" ") + colours;
  }).join(", ")))"""


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(AXE_RUN, AXE_TAGS)
    return found


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("locale", ["zh", "en"])
@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_violation(browser, site_server, site_questions, state, locale, scheme):
    path, action = STATES[state]
    prefix = "" if locale == "zh" else "en/"
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_server + (question_url(site_questions, locale) if path is None else prefix + path), wait_until="networkidle")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
        if action:
            action(page)
        page.evaluate(f"() => {ANIMATIONS_ENDED}")  # axe reads the colours the reader ends up seeing
        found = violations(page)
        assert found == [], "\n".join(found)
    finally:
        context.close()
