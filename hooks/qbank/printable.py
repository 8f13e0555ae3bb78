"""A topic's printable page made of its question pages' own HTML, so no answer is converted from Markdown twice.

Converting the answers again for the printable pages was close to half of all Markdown work in a build
(measured in scripts/benchmark.py). Instead, a question page's body (all that follows its title) is marked in
its Markdown before any other hook inserts lines (``mark_body``); its HTML between the marks is kept
(``take_body``); the printable page holds one placeholder per question (``placeholder``), which gets that HTML
fitted to its new place (``fill``): the answer open, each heading one level down (under the question's own
``h2``), and every id, and every link to one, prefixed with the question's id, since the booklet holds many
pages' worth of them. Nothing here knows MkDocs: hooks/downloads.py calls it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .page import after_title

BODY_START = "<!-- qbank:body -->"
BODY_END = "<!-- qbank:body-end -->"
PLACEHOLDER = re.compile(r"<!-- qbank:printed (?P<id>[^ ]+) -->")

# An id, a name or a link within the page, inside a tag: in text and code Python-Markdown has escaped every "<"
# and ">", so only in a tag does a ">" follow before the next "<". Found in one pass, not tag by tag: a booklet
# holds every tag of its topic's pages.
ANCHOR = re.compile(r'(\s(?:id|name)="|\shref="#)(?=[^"]+"[^<>]*>)')
HEADING = re.compile(r"<(/?)h([2-5])(?=[\s>])")
# The answer block (qbank.page.ANSWER_BLOCK, the first "??? success" of the page) as pymdownx.details writes it.
ANSWER = '<details class="success">'


class PrintableError(ValueError):
    """A question page or a printable page that is not shaped as this module expects."""


def mark_body(markdown: str) -> str:
    """The question page's Markdown with its body between the two marks: the start right after the title, so
    lines later inserted after the title fall before it, and the end last, so blocks later appended fall after it."""
    return "\n".join([after_title(markdown, [BODY_START]), "", BODY_END, ""])


def take_body(html: str) -> tuple[str, str]:
    """(the page's HTML without the marks, the HTML between them)."""
    start, end = html.find(BODY_START), html.find(BODY_END)
    if start < 0 or end < start:
        raise PrintableError(f"expected the marks {BODY_START} and {BODY_END} around the body in its HTML, found "
                             f"{'neither' if start < 0 and end < 0 else 'one'}: did a hook drop or move them?")
    body = html[start + len(BODY_START):end].strip("\n")
    return html[:start] + body + html[end + len(BODY_END):], body


def placeholder(question_id: str) -> str:
    return f"<!-- qbank:printed {question_id} -->"


def for_print(body: str, question_id: str) -> str:
    """A question's body HTML fitted into a printable page."""
    body = ANCHOR.sub(lambda match: f"{match[1]}{question_id}--", body)
    body = HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", body)
    return body.replace(ANSWER, '<details class="success" open="open">', 1)


def fill(html: str, bodies: Mapping[str, str]) -> str:
    """A printable page's HTML with each placeholder replaced by that question's body, fitted for print."""
    def body(match: re.Match) -> str:
        if match["id"] not in bodies:
            raise PrintableError(f"expected the page of question {match['id']} to be rendered before this one, "
                                 "found it was not (a build with --dirty renders only the changed pages)")
        return for_print(bodies[match["id"]], match["id"])

    return PLACEHOLDER.sub(body, html)
