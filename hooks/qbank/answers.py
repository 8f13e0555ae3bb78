"""Pieces of a question page's Markdown that the exports reuse."""

from __future__ import annotations

import re
import textwrap

from .page import ANSWER_BLOCK, TITLE, block_end, lines_after


def without_title(body: str) -> str:
    lines = body.lstrip("\n").split("\n")
    return "\n".join(lines[1:]).strip("\n") + "\n" if lines and TITLE.match(lines[0]) else body


def answer_block(body: str) -> str:
    """The Markdown inside the closed answer block, dedented."""
    match = ANSWER_BLOCK.search(body)
    if not match:
        return ""
    lines = lines_after(body, match)
    return textwrap.dedent("\n".join(lines[:block_end(lines)])).strip("\n") + "\n"


def short_answer(body: str, label: str) -> str:
    """The '30-second answer': the paragraphs after its bold label, up to the next heading."""
    answer = answer_block(body)
    marker = f"**{label}**"
    if marker not in answer:
        return ""
    after = answer.split(marker, 1)[1]
    return re.split(r"^#{2,6} ", after, maxsplit=1, flags=re.M)[0].strip() + "\n"


def opened(body: str) -> str:
    """The page with its answer block open, for print."""
    return ANSWER_BLOCK.sub(lambda m: m[0].replace("???", "???+", 1), body, count=1)


def unfolded(body: str) -> str:
    """The page with the answer block's content as plain Markdown, for readers that do not know admonitions."""
    match = ANSWER_BLOCK.search(body)
    if not match:
        return body
    lines = lines_after(body, match)
    return body[:match.start()] + answer_block(body) + "\n".join(lines[block_end(lines):])


def plain_text(markdown: str) -> str:
    """One line of text: links reduced to their text, emphasis and code marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"`([^`]*)`", r"\1", text.replace("**", ""))
    text = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", text)  # *emphasis*, not a*b
    return " ".join(text.split())
