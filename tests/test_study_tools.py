"""Practice features in headless Chromium: marks, progress, practice mode, random question, export/import."""

from __future__ import annotations

import json

import pytest


PROGRESS_KEY = "qbank.progress.v1"
FORMAT = "llm-app-interview-guide/progress"


def entries(site, prefix=""):
    return json.loads((site / prefix / "questions.json").read_text(encoding="utf-8"))


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS_KEY}') || '{{}}'")).get("marks", {})


def test_mark_persists_and_shows_as_topic_progress(visit, built_site):
    entry = entries(built_site)[0]
    in_topic = [e for e in entries(built_site) if e["topic"] == entry["topic"]]
    page = visit.goto(entry["url"])
    page.locator("article details.success > summary").click()
    got_it = page.locator(".qbank-study button[data-mark=mastered]")
    got_it.click()
    assert got_it.get_attribute("aria-pressed") == "true"
    assert page.locator(".qbank-study [role=status]").inner_text() == "已标记为“我会了”"
    page.reload(wait_until="networkidle")
    assert page.locator(".qbank-study button[data-mark=mastered]").get_attribute("aria-pressed") == "true"
    assert stored(page)[entry["id"]]["state"] == "mastered"

    topic_page = visit.goto(f"questions/{entry['topic']}/")
    assert topic_page.locator(".qbank-progress").inner_text() == f"已掌握 1/{len(in_topic)}，待复习 0"
    assert topic_page.locator(".qbank-badge--mastered").count() == 1
    all_page = visit.goto("questions/")
    progress = all_page.locator(f".qbank-progress[data-topic={entry['topic']}]").inner_text()
    assert progress == f"已掌握 1/{len(in_topic)}，待复习 0"
    # the same mark shows in English: progress belongs to the question, not the language
    en_topic = visit.goto(f"en/questions/{entry['topic']}/")
    assert en_topic.locator(".qbank-progress").inner_text().startswith(f"1/{len(in_topic)} mastered")
    assert visit.errors == []


def test_practice_mode_shows_only_chosen_topics_and_works_by_keyboard(visit, built_site):
    all_entries = entries(built_site)
    topic = all_entries[-1]["topic"]
    chosen = {e["url"] for e in all_entries if e["topic"] == topic}
    page = visit.goto("practice/")
    for box in page.locator("input[name=topics]").all():
        if box.get_attribute("value") != topic:
            box.uncheck()
    page.get_by_role("button", name="开始练习").click()
    seen = []
    for n in range(len(chosen)):
        link = page.locator(".qbank-practice__question a")
        seen.append(link.get_attribute("href"))
        answer = page.locator(".qbank-practice__answer")
        assert not answer.is_visible()
        if n == 0:
            page.keyboard.press(" ")
        else:
            page.get_by_role("button", name="显示答案（空格）").click()
        page.wait_for_function("() => document.querySelector('.qbank-practice__answer').textContent.length > 100")
        assert answer.is_visible()
        page.keyboard.press("1" if n % 2 == 0 else "2")
        page.keyboard.press("ArrowRight")
    assert page.get_by_text("这一轮练完了。").is_visible()
    resolved = {page.evaluate(f"new URL({json.dumps(h)}, location.href).href") for h in seen}
    assert resolved == {visit.server + url for url in chosen}
    marks = stored(page)
    assert {marks[e["id"]]["state"] for e in all_entries if e["topic"] == topic} <= {"mastered", "review"}
    assert len([e for e in all_entries if e["topic"] == topic and e["id"] in marks]) == len(chosen)
    assert visit.errors == []


def test_weakest_first_puts_unseen_before_marked(visit, built_site):
    all_entries = [e for e in entries(built_site) if e["topic"] == entries(built_site)[0]["topic"]]
    marked = all_entries[0]
    page = visit.goto("practice/")
    page.evaluate("""([key, format, id]) => localStorage.setItem(key, JSON.stringify(
        {format, version: 1, marks: {[id]: {state: "mastered", at: "2026-11-30T00:00:00Z"}}}))""",
                  [PROGRESS_KEY, FORMAT, marked["id"]])
    page.reload(wait_until="networkidle")
    for box in page.locator("input[name=topics]").all():
        if box.get_attribute("value") != marked["topic"]:
            box.uncheck()
    page.locator("input[name=order][value=weakest]").check()
    page.get_by_role("button", name="开始练习").click()
    order = []
    for _ in all_entries:
        order.append(page.locator(".qbank-practice__question a").inner_text())
        page.keyboard.press("ArrowRight")
    assert order[-1] == marked["title"] and len(set(order)) == len(all_entries)


def test_random_question_lands_on_a_question_page(visit, built_site):
    page = visit.goto("en/")
    with page.expect_navigation():
        page.locator(".md-header [data-qbank-random]").click()
    assert page.url in {visit.server + e["url"] for e in entries(built_site, "en/")}


def test_export_then_import_restores_progress(visit, built_site):
    ids = [e["id"] for e in entries(built_site)[:3]]
    page = visit.goto("practice/")
    page.evaluate("""([key, format, ids]) => localStorage.setItem(key, JSON.stringify({format, version: 1, marks: {
        [ids[0]]: {state: "mastered", at: "2026-11-01T10:00:00Z"}, [ids[1]]: {state: "review", at: "2026-11-02T10:00:00Z"}}}))""",
                  [PROGRESS_KEY, FORMAT, ids])
    before = stored(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出进度").click()
    exported = open(download.value.path(), encoding="utf-8").read()
    assert json.loads(exported)["marks"] == before
    page.evaluate(f"localStorage.removeItem('{PROGRESS_KEY}')")
    page.locator(".qbank-transfer input[type=file]").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": exported.encode()}])
    page.wait_for_function("() => document.querySelector('.qbank-transfer__status').textContent !== ''")
    assert page.locator(".qbank-transfer__status").inner_text() == "已导入 2 条标记。"
    assert stored(page) == before


HOSTILE = [
    "not json at all",
    json.dumps([1, 2, 3]),
    json.dumps({"format": FORMAT, "version": 2, "marks": {}}),
    json.dumps({"format": FORMAT, "version": 1, "marks": {"what-is-rag": {"state": "<img src=x onerror=alert(1)>", "at": "2026-11-30"}}}),
    json.dumps({"format": FORMAT, "version": 1, "marks": {"<img src=x onerror=alert(1)>": {"state": "mastered", "at": "2026-11-30"}}}),
    json.dumps({"format": FORMAT, "version": 1, "marks": {"ok": {"state": "mastered", "at": "<img src=x onerror=alert(1)>"}}}),
    json.dumps({"format": FORMAT, "version": 1, "marks": {"ok": {"state": "mastered", "at": "2026-11-30", "extra": 1}}}),
]


@pytest.mark.parametrize("content", HOSTILE, ids=range(len(HOSTILE)))
def test_malformed_or_hostile_import_changes_nothing(visit, built_site, content):
    page = visit.goto("practice/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    keep = {"format": FORMAT, "version": 1, "marks": {entries(built_site)[0]["id"]: {"state": "review", "at": "2026-11-30T00:00:00Z"}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [PROGRESS_KEY, json.dumps(keep)])
    page.locator(".qbank-transfer input[type=file]").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": content.encode()}])
    status = page.locator(".qbank-transfer__status")
    page.wait_for_function("() => document.querySelector('.qbank-transfer__status').textContent !== ''")
    assert status.inner_text().startswith("无法导入")
    assert json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS_KEY}')")) == keep
    assert page.locator("img[onerror]").count() == 0 and dialogs == []


def test_expand_all_is_remembered(visit, built_site):
    first, second = entries(built_site)[:2]
    page = visit.goto(first["url"])
    toggle = page.locator("[data-expand-all]")
    toggle.click()
    assert page.locator("article details.success").get_attribute("open") is not None
    page = visit.goto(second["url"])
    assert page.locator("article details.success").get_attribute("open") is not None
    page.locator("[data-expand-all]").click()
    page = visit.goto(first["url"])
    assert page.locator("article details.success").get_attribute("open") is None


def test_without_javascript_pages_still_read(browser, site_server, built_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    entry = entries(built_site)[0]
    page.goto(site_server + entry["url"])
    assert page.locator("article h1").inner_text().rstrip("¶ \n") == entry["title"]
    answer = page.locator("article details.success")
    assert answer.get_attribute("open") is None
    answer.locator("summary").click()
    assert answer.get_attribute("open") is not None
    assert not page.locator(".qbank-study").is_visible()
    page.goto(site_server + "practice/")
    assert page.locator(".qbank-nojs").is_visible()
    context.close()


CONTRAST = """() => {
  const lum = (rgb) => { const c = rgb.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const background = (el) => { for (; el; el = el.parentElement) { const bg = getComputedStyle(el).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(bg) && bg !== 'transparent') return bg; } return 'rgb(255, 255, 255)'; };
  return [...document.querySelectorAll('.qbank-study button:not([hidden]), .qbank-study__status')].map(el => {
    const [a, b] = [lum(getComputedStyle(el).color), lum(background(el))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_study_controls_meet_wcag_aa_contrast(visit, built_site, scheme):
    entry = entries(built_site)[0]
    page = visit.goto(entry["url"])
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.locator(".qbank-study button[data-mark=review]").click()  # one pressed, one not
    ratios = page.evaluate(CONTRAST)
    assert len(ratios) == 4 and min(ratios) >= 4.5, ratios
