"""Markup that assistive technology needs and the Markdown sources do not say (checked by tests/test_accessibility.py).

``on_page_markdown`` (question pages): an answer's sections are written ``###`` inside the answer block, under
the page's ``#`` title (CONTRIBUTING.md, templates/), so the page would jump from h1 to h3. Every heading of
level 3 to 6 moves up one level, outside code fences, so the outline reads h1, h2, h3 (WCAG 1.3.1). The
headings' text, and so their anchors and the table of contents, stay the same.

``on_page_content`` (every page): the empty corner cell of a comparison table is not a header, so it becomes a
data cell (an empty ``th`` names no column); a code block gets ``tabindex="0"``, because a block wider than
the screen scrolls and a keyboard can only scroll what it can focus (WCAG 2.1.1).

``on_post_page`` (every page): with ``navigation.indexes`` a section's title is a link to its index page and
its expand toggle is a ``label`` holding only an icon; Material names the section's ``nav`` landmark by that
label, so two open sections are two navigation landmarks with no name (axe landmark-unique). The label gets the
section's title as hidden text (a ``label`` may not carry ``aria-label``).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from qbank.state import STATE

FENCE = re.compile(r"^\s*(```|~~~)")
DEEP_HEADING = re.compile(r"^(\s*)#(#{2,5} )")
EMPTY_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>\s*</th>")
# A section title: the index page's link, then its toggle label with no text of its own (Material's nav-item.html).
SECTION_TOGGLE = re.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a [^>]*>(?:(?!</a>).)*?<span class="md-ellipsis">\s*'
    r'(?P<title>[^<]*?)\s*</span>(?:(?!</a>).)*</a>\s*<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*"[^>]*>)', re.S)
CODE_BLOCK = re.compile(r"<pre([^>]*)>(\s*(?:<span></span>)?)<code(?![^>]*tabindex)")


def raise_answer_headings(markdown: str) -> str:
    lines, fence = [], None
    for line in markdown.split("\n"):
        match = FENCE.match(line)
        if match:
            fence = None if fence == match[1] else fence or match[1]
        elif fence is None:
            line = DEEP_HEADING.sub(r"\1\2", line)
        lines.append(line)
    return "\n".join(lines)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.require_catalog().by_src_uri(page.file.src_uri) is None:
        return markdown
    return raise_answer_headings(markdown)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = EMPTY_HEADER_CELL.sub(r"<td\1></td>", html)
    return CODE_BLOCK.sub(r'<pre\1>\2<code tabindex="0"', html)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return SECTION_TOGGLE.sub(lambda match: f'{match[1]}<span class="qbank-visually-hidden">{match["title"]}</span>', output)
