"""The printable topic booklets as Chromium prints them (page.pdf, A4), measured on the PDF itself."""

from __future__ import annotations

import pypdfium2
import pytest
from playwright.sync_api import expect

# Chromium's default print margins: 0.4 in top and bottom.
MARGIN_PT = 0.4 * 72
MOST_BLANK = 0.8


DIAGRAMS_DRAWN = """() => [...document.querySelectorAll('article a.qbank-diagram__frame')]
    .every((frame) => frame.dataset.state === 'drawn')"""


def printed_pages(page) -> list[dict]:
    """Each printed page, as a reader prints it once the diagrams are drawn: its text, and the share of its
    printable height with no text on it."""
    page.wait_for_function(DIAGRAMS_DRAWN)
    document = pypdfium2.PdfDocument(page.pdf(format="A4"))
    pages = []
    for pdf_page in document:
        height = pdf_page.get_height() - 2 * MARGIN_PT
        text = pdf_page.get_textpage()
        boxes = [text.get_rect(i) for i in range(text.count_rects())]
        covered = (max(box[3] for box in boxes) - min(box[1] for box in boxes)) if boxes else 0
        pages.append({"text": text.get_text_bounded(), "blank": 1 - covered / height})
    return pages


LABELS = {"zh": ("考察点", "30 秒回答"), "en": ("What the interviewer is looking for", "The 30-second answer")}


@pytest.mark.parametrize("locale, prefix", [("zh", ""), ("en", "en/")])
def test_rag_booklet_prints_without_wasted_pages(visit, site_questions, locale, prefix):
    questions = [e for e in site_questions[locale] if e["topic"] == "rag"]
    page = visit.goto(f"{prefix}questions/rag/print/")
    pages = printed_pages(page)
    print(f"\n{locale} RAG booklet: {len(questions)} questions, {len(pages)} A4 pages, "
          f"blank share per page {[round(p['blank'], 2) for p in pages]}")
    # The booklet ends where its last answer ends; every other page is mostly text.
    wasted = [n + 1 for n, p in enumerate(pages[:-1]) if p["blank"] > MOST_BLANK]
    assert wasted == [], f"pages more than {MOST_BLANK:.0%} blank: {wasted}"
    # A question's heading stays with its brief and the first lines of its answer: no page holds them alone.
    # (PDF text comes in drawing order, not reading order: count the labels per page, do not look for a sequence.)
    flat = lambda text: "".join(text.split())  # noqa: E731 - PDF text breaks lines anywhere
    brief, answer = (flat(label) for label in LABELS[locale])
    pages_of = lambda label: [n for n, p in enumerate(pages) for _ in range(flat(p["text"]).count(label))]  # noqa: E731
    assert len(pages_of(brief)) == len(pages_of(answer)) == len(questions)
    for question, brief_page, answer_page in zip(questions, pages_of(brief), pages_of(answer), strict=True):
        assert flat(question["title"]) in flat(pages[brief_page]["text"]), question["id"]
        assert answer_page == brief_page, f"{question['id']}: its answer starts on page {answer_page + 1}, after its title"


def test_printing_hides_the_interactive_chrome(visit, site_questions):
    page = visit.goto("questions/rag/print/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("article .md-content__button").first).to_be_hidden()
    expect(page.locator("article .headerlink").first).to_be_hidden()
    arrows = page.evaluate("""() => [...document.querySelectorAll('article summary')]
        .map((summary) => getComputedStyle(summary, '::after').display)""")
    assert arrows and set(arrows) == {"none"}
