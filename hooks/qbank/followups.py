"""The follow-up questions of an answer ("### 追问" / "### Follow-up questions"), for the question index.

A section is its heading line, then paragraphs up to the next heading of its level or above (or the end of the
block it is indented in). Each item is a bold paragraph ``**追问 1：…？**`` / ``**Follow-up 1: …?**`` followed by
its short answer (one paragraph or more). The parser reads nothing but that section, so any page that writes
one (a question, an exercise) can be parsed the same way.

Items are kept as minimal Markdown: inline code in backticks and formulas in ``$…$`` as written; links become
their text and emphasis marks are dropped. The browser shows code and formulas as code, everything else as text.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from .problems import Problem

FIELD = "followups"
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<indent>[ \t]*)(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True)
class Followup:
    q: str
    a: str

    def as_json(self) -> dict[str, str]:
        return {"q": self.q, "a": self.a}


def parse_followups(markdown: str, *, heading: str, label: str) -> tuple[list[Followup], str | None]:
    """The items of the ``### <heading>`` section: (items, None), or ([], what is wrong, in one phrase)."""
    section = _section(markdown, heading)
    example = _item_text(label, 1)
    if section is None:
        return [], f"expected a '### {heading}' section in the answer, found none"
    item = re.compile(rf"^\*\*{re.escape(label)}[ \t]*(?P<n>\d+)[ \t]*[：:][ \t]*(?P<q>.+?)\*\*$", re.S)
    items: list[tuple[int, str, list[str]]] = []
    for paragraph in _paragraphs(section):
        match = item.match(paragraph)
        if match:
            items.append((int(match["n"]), " ".join(match["q"].split()), []))
        elif not items:
            return [], f"expected '{example}' as the first paragraph of '### {heading}', found {_start(paragraph)}"
        else:
            items[-1][2].append(paragraph)
    if not items:
        return [], f"expected at least one '{example}' paragraph followed by its answer in '### {heading}', found none"
    followups = []
    for expected, (number, question, answer) in enumerate(items, start=1):
        shown = _item_text(label, number, question)
        if number != expected:
            return [], f"expected '{_item_text(label, expected)}' next in '### {heading}', found '{shown}'"
        if not answer:
            return [], f"expected an answer paragraph after '{shown}', found none"
        followups.append(Followup(minimal_markdown(question), "\n\n".join(minimal_markdown(p) for p in answer)))
    return followups, None


def check_followups(pages, labels: dict[str, tuple[str, str]]) -> tuple[dict[str, dict[str, list[Followup]]], list[Problem]]:
    """Parse every page's follow-ups: ({question id: {locale: items}}, problems), one problem per malformed page.

    ``pages`` are ``QuestionPage`` objects; ``labels`` maps a locale to its (section heading, item label)."""
    from .answers import answer_block  # the answer of a question page; another kind of page passes its own text

    found: dict[str, dict[str, list[Followup]]] = {}
    problems = []
    for page in pages:
        heading, label = labels[page.locale]
        items, problem = parse_followups(answer_block(page.body), heading=heading, label=label)
        if problem:
            problems.append(Problem(page.path, FIELD, problem))
        else:
            found.setdefault(page.meta.id, {})[page.locale] = items
    return found, problems


def minimal_markdown(text: str) -> str:
    """One paragraph as one line: links reduced to their text, emphasis dropped; `code` and $formulas$ kept."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match[0])
        return f"\x00{len(kept) - 1}\x00"

    text = re.sub(r"`[^`\n]+`|(?<![\\$])\$(?!\s)(?:\\.|[^\\$\n])+?(?<!\s)\$", keep, " ".join(text.split()))
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", text)
    text = re.sub(r"<[^>\n]+>", "", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], text).strip()


def _section(markdown: str, heading: str) -> list[str] | None:
    lines = markdown.split("\n")
    fence = None  # the opening fence of the code block we are in: only the same or a longer one closes it
    start = level = indent = None
    for i, line in enumerate(lines):
        match = FENCE.match(line)
        if fence:
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence) and not match["info"].strip():
                fence = None
            continue
        if match:
            fence = match["fence"]
            continue
        match = HEADING.match(line)
        if start is None:
            if match and len(match["marks"]) == 3 and match["text"] == heading:
                start, level, indent = i + 1, 3, len(match["indent"].expandtabs(4))
            continue
        if match and len(match["marks"]) <= level:
            return textwrap.dedent("\n".join(lines[start:i])).split("\n")
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            return textwrap.dedent("\n".join(lines[start:i])).split("\n")
    return None if start is None else textwrap.dedent("\n".join(lines[start:])).split("\n")


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _item_text(label: str, number: int, question: str = "…") -> str:
    separator = "：" if re.search(r"[^\x00-\x7f]", label) else ": "
    return f"**{label} {number}{separator}{question if len(question) <= 40 else question[:39] + '…'}**"


def _start(paragraph: str) -> str:
    line = " ".join(paragraph.split())
    return repr(line if len(line) <= 60 else line[:59] + "…")
