"""Diagrams as a reader gets them: on a 390 px phone, in both colour schemes, full screen, with a screen reader."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


# For each drawn diagram: the smallest text as rendered (its font size times the SVG's scale on screen), and
# the flowchart labels that stick out of their shape. Then how far the page scrolls sideways.
MEASURE = """() => {
  const diagrams = [...document.querySelectorAll("article a.qbank-diagram__frame svg")].map((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text, tspan")]
      .filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim()));
    const outside = [...svg.querySelectorAll("g.node")].filter((node) => {
      const shape = node.querySelector(":scope > rect, :scope > polygon, :scope > path")?.getBoundingClientRect();
      const label = node.querySelector(".label text")?.getBoundingClientRect();
      return shape && label && (label.left < shape.left - 1 || label.right > shape.right + 1);
    }).map((node) => node.textContent.trim());
    return { smallest: Math.min(...texts.map((node) => parseFloat(getComputedStyle(node).fontSize) * scale)), outside };
  });
  return { diagrams, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
}"""


@pytest.fixture(scope="module")
def diagram_pages(built_site, site_questions) -> list[dict]:
    return [entry for entry in site_questions["zh"] + site_questions["en"]
            if 'class="qbank-diagram"' in (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")]


def open_answer(page):
    page.locator("article details.success > summary").click()
    frames = page.locator("article a.qbank-diagram__frame")
    expect(frames.locator("svg")).to_have_count(frames.count())


def test_on_a_phone_every_diagram_s_text_is_legible_inside_its_boxes_and_the_page_never_scrolls_sideways(phone, diagram_pages):
    problems = []
    for entry in diagram_pages:
        page = phone.goto(entry["url"])
        open_answer(page)
        found = page.evaluate(MEASURE)
        for n, diagram in enumerate(found["diagrams"], 1):
            if diagram["smallest"] < 11:
                problems.append(f"{entry['url']} diagram {n}: text at {diagram['smallest']:.1f} px")
            if diagram["outside"]:
                problems.append(f"{entry['url']} diagram {n}: labels outside their box: {diagram['outside']}")
        if found["overflow"] > 0:
            problems.append(f"{entry['url']}: the page scrolls {found['overflow']} px sideways")
    assert len(diagram_pages) > 50 and problems == []


def test_a_tap_shows_the_diagram_full_screen_at_its_own_size_to_pan_and_closes_back(phone, diagram_pages, built_site):
    # The widest diagram of the site: the one that needs it most.
    def width(entry):
        html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        return max(float(w) for w in re.findall(r"--qbank-diagram-width: ([\d.]+)", html))
    entry = max(diagram_pages, key=width)
    page = phone.goto(entry["url"])
    open_answer(page)
    figure = page.locator(f'article figure.qbank-diagram[style*="--qbank-diagram-width: {width(entry):g};"]').first
    frame = figure.locator("a.qbank-diagram__frame")
    frame.tap()
    dialog = figure.locator("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".qbank-diagram__canvas svg")).to_have_count(1)
    canvas = dialog.locator(".qbank-diagram__canvas")
    in_dialog = page.evaluate(MEASURE.replace("article a.qbank-diagram__frame svg", "dialog[open] svg"))["diagrams"]
    assert in_dialog[0]["smallest"] == pytest.approx(16, abs=0.05)  # Mermaid's 16 px, unscaled
    assert canvas.evaluate("c => c.scrollWidth > c.clientWidth")  # wider than the phone: it pans
    canvas.evaluate("c => { c.scrollLeft = 200; }")
    assert canvas.evaluate("c => c.scrollLeft") == 200
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(frame.locator("svg")).to_have_count(1)  # back in its place, one copy on the page
    dialog_close = figure.locator(".qbank-diagram__close")
    frame.tap()
    dialog_close.tap()
    expect(dialog).to_be_hidden()
    assert phone.errors == []


# The first node's text and fill and the first edge, as drawn (alpha blended over what is behind them), and
# the contrast of the text on the node.
COLOURS = """(svg) => {
  const context = Object.assign(document.createElement("canvas"), { width: 1, height: 1 }).getContext("2d");
  const over = (colour, below) => {
    context.fillStyle = below; context.fillRect(0, 0, 1, 1); context.fillStyle = colour; context.fillRect(0, 0, 1, 1);
    return `rgb(${[...context.getImageData(0, 0, 1, 1).data].slice(0, 3).join(", ")})`;
  };
  const style = (selector) => getComputedStyle(svg.querySelector(selector));
  const page = getComputedStyle(document.body).backgroundColor;
  const node = over(style("g.node > rect").fill, page);
  const text = over(style("g.node .label text").fill, node);
  const lum = (colour) => colour.match(/\\d+/g).map((v) => v / 255)
    .map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((sum, v, i) => sum + [0.2126, 0.7152, 0.0722][i] * v, 0);
  const [a, b] = [lum(text), lum(node)];
  return { text, node, line: over(style("path.flowchart-link").stroke, page), pageText: over(getComputedStyle(document.querySelector("article")).color, node),
           contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
}"""


def test_diagram_colours_follow_the_palette_toggle_without_reload(visit, diagram_pages):
    entry = next(e for e in diagram_pages if e["url"].startswith("questions/rag/what-is-rag"))
    page = visit.goto(entry["url"])
    open_answer(page)
    page.evaluate("window.notReloaded = true")
    svg = page.locator("article a.qbank-diagram__frame svg").first
    light = svg.evaluate(COLOURS)
    page.locator('[data-md-component="palette"] label:not([hidden])').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    dark = svg.evaluate(COLOURS)
    assert page.evaluate("window.notReloaded") is True
    assert dark["text"] != light["text"] and dark["node"] != light["node"] and dark["line"] != light["line"]
    assert (light["text"], dark["text"]) == (light["pageText"], dark["pageText"])  # the page's own text colour
    assert min(light["contrast"], dark["contrast"]) >= 4.5, (light, dark)
    page.locator('[data-md-component="palette"] label:not([hidden])').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert svg.evaluate(COLOURS) == light


def test_screen_readers_get_each_diagram_as_text_and_not_the_drawing(visit, diagram_pages):
    entry = next(e for e in diagram_pages if e["url"].startswith("questions/rag/what-is-rag"))
    page = visit.goto(entry["url"])
    open_answer(page)
    figure = page.locator("article figure.qbank-diagram").first
    expect(figure).to_have_accessible_name(re.compile(r"^图示的文字版.*原始文档 → 解析 \(PDF/表格/OCR\)"))
    expect(figure.locator("svg")).to_have_attribute("aria-hidden", "true")
    expect(figure.locator("a.qbank-diagram__frame")).to_have_accessible_name("全屏查看图示")
    figure.locator("a.qbank-diagram__frame").focus()
    page.keyboard.press("Enter")
    expect(figure.locator("dialog")).to_be_visible()
    expect(figure.locator(".qbank-diagram__close")).to_have_accessible_name("关闭全屏")
    page.keyboard.press("Escape")
    expect(figure.locator("a.qbank-diagram__frame")).to_be_focused()
