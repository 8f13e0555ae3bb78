"""Pieces of a question page's Markdown that the exports, the feeds and the page descriptions reuse."""

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


def focus_text(body: str, title: str) -> str:
    """The "what the interviewer is looking for" block (``!!! info "<title>"``) as one line of plain text.

    Only a block *before* the answer counts: a description or feed summary never reveals the answer.
    """
    focus = re.search(rf'^!!! +info +"{re.escape(title)}"[ \t]*$', body, re.M)
    answer = ANSWER_BLOCK.search(body)
    if not focus or (answer and answer.start() < focus.start()):
        return ""
    lines = lines_after(body, focus)
    return plain_text(strip_html(textwrap.dedent("\n".join(lines[:block_end(lines)]))))


def strip_html(markdown: str) -> str:
    return re.sub(r"<[^>\n]+>", "", markdown)


def shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters: whole sentences if they fill half of it, else whole words, then "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence_ends = [m.end() for m in re.finditer(r"[。！？；.!?;](?=\s|$)|[。！？；]", cut)]
    if sentence_ends and sentence_ends[-1] >= limit // 2:
        return cut[: sentence_ends[-1]].rstrip() + "…"
    space = cut.rfind(" ")
    return (cut[:space] if space >= limit // 2 else cut).rstrip(" ,，、:：") + "…"
