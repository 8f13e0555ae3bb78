"""Markdown for the generated listings: topic pages, the all-questions page, the home-page table.

Links point at source files (``x.md``, ``x.en.md``) relative to the page that
carries them, so MkDocs resolves and checks them like hand-written links.
"""

from __future__ import annotations

import html
import json
import posixpath

from .catalog import QUESTIONS_DIR, Catalog, Question
from .feed import FEED_FILE, newest_first
from .generated import source_uri
from .printable import placeholder
from .topics import Topic

PRINTABLE = "print"
RECENT = "recent"


def front_matter(*, description: str, hide: tuple[str, ...] = ()) -> list[str]:
    """YAML front matter lines; the description is JSON-quoted (JSON strings are YAML strings)."""
    lines = ["---", f"description: {json.dumps(' '.join(description.split()), ensure_ascii=False)}"]
    if hide:
        lines += ["hide:", *(f"  - {item}" for item in hide)]
    return lines + ["---", ""]


def md_link(text: str, target: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("|", "\\|")
    return f"[{escaped}]({target})"


def md_table(head: list[str], rows: list[list[str]], *, wrapper: str = "") -> str:
    """A Markdown table; with a wrapper, inside a ``<div>`` of that class (md_in_html) for extra.css to style."""
    lines = [f"| {' | '.join(head)} |", "|" + " --- |" * len(head), *(f"| {' | '.join(row)} |" for row in rows)]
    return "\n".join([f'<div class="{wrapper}" markdown>', "", *lines, "", "</div>"] if wrapper else lines)


def difficulty_label(text: dict, difficulty: str) -> str:
    return text["difficulty"][difficulty]


def difficulty_chip(text: dict, difficulty: str) -> str:
    """The chip that overrides/main.html also puts on each question page."""
    return f'<span class="qbank-chip qbank-chip--{difficulty}">{difficulty_label(text, difficulty)}</span>'


def topic_dir(topic: Topic) -> str:
    return f"{QUESTIONS_DIR}/{topic.id}"


def question_table(questions: list[Question], *, locale: str, text: dict, from_dir: str) -> str:
    if not questions:
        return ""
    rows = []
    for question in questions:
        page = question.pages[locale]
        link = md_link(page.title, posixpath.relpath(page.src_uri, from_dir))
        tags = " ".join(f"`{tag}`" for tag in question.meta.tags)
        rows.append([link, difficulty_chip(text, question.meta.difficulty), tags])
    # The wrapper gives the table its fixed column widths and drops the tags column on narrow screens (extra.css).
    return md_table(text["question_table_header"], rows, wrapper="qbank-questions")


def topic_page(catalog: Catalog, topic: Topic, *, locale: str, default: str, text: dict) -> str:
    questions = catalog.in_topic(topic.id)
    table = question_table(questions, locale=locale, text=text, from_dir=topic_dir(topic))
    parts = [*front_matter(description=topic.description(locale)), f"# {topic.name(locale)}", "", topic.description(locale), "",
             progress_placeholder(topic.id), "", table]
    if questions:
        printable = posixpath.basename(source_uri(topic_dir(topic), PRINTABLE, locale, default))
        parts += ["", md_link(text["printable"]["link"], printable)]
    return "\n".join(parts) + "\n"


def progress_placeholder(topic_id: str) -> str:
    """Where docs/assets/study.js shows the reader's progress: its line kept from the first paint (nothing moves when
    it fills in), absent without JavaScript."""
    return f'<p class="qbank-progress qbank-pending" data-topic="{topic_id}"></p>'


def printable_page(catalog: Catalog, topic: Topic, *, locale: str, text: dict) -> str:
    """Every question of a topic with its answer open, run on from one to the next (print rules in extra.css);
    each answer is a placeholder for its page's HTML (qbank.printable)."""
    strings = text["printable"]
    parts = [*front_matter(description=strings["intro"], hide=("navigation", "toc")),
             f"# {strings['title'].format(topic=topic.name(locale))}", "", strings["intro"], ""]
    for question in catalog.in_topic(topic.id):
        page = question.pages[locale]
        parts += ['<section class="qbank-print-question" markdown>', "", f"## {page.title}", "",
                  placeholder(question.id), "", "</section>", ""]
    return "\n".join(parts)


def all_questions_page(catalog: Catalog, *, locale: str, text: dict) -> str:
    parts = [*front_matter(description=text["all_questions_intro"]), f"# {text['all_questions_title']}", "",
             text["all_questions_intro"], ""]
    for topic in catalog.topics.values():
        questions = catalog.in_topic(topic.id)
        if not questions:
            continue
        parts += [
            f"## {topic.name(locale)}",
            "",
            progress_placeholder(topic.id),
            "",
            question_table(questions, locale=locale, text=text, from_dir=QUESTIONS_DIR),
            "",
        ]
    return "\n".join(parts)


def tag_overview(catalog: Catalog, *, text: dict, anchor) -> str:
    """Every tag with its number of questions, most used first, each a link to ``anchor(tag)`` in the listing below.

    Raw HTML: the headings it links to are written by material's tags plugin after MkDocs checks the anchors of
    Markdown links; the built-site tests check these links on the finished page.
    """
    counts: dict[str, int] = {}
    for question in catalog.questions.values():
        for tag in question.meta.tags:
            counts[tag] = counts.get(tag, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
    links = " · ".join(f'<a href="#{html.escape(anchor(tag))}">{html.escape(tag)}&nbsp;({count})</a>' for tag, count in ranked)
    return f'{text["tags_intro"].format(count=len(ranked))}\n\n<p class="qbank-tag-overview">{links}</p>\n'


def topic_summary_table(catalog: Catalog, *, locale: str, default: str, text: dict, from_dir: str) -> str:
    """The home page's table: every topic, its question count and what it covers."""
    rows = []
    for topic in catalog.topics.values():
        target = posixpath.relpath(source_uri(topic_dir(topic), "index", locale, default), from_dir or ".")
        rows.append([md_link(topic.name(locale), target), str(len(catalog.in_topic(topic.id))), topic.description(locale)])
    # The wrapper gives the table its fixed column widths (extra.css).
    return md_table(text["topic_table_header"], rows, wrapper="qbank-topics")


def recent_page(catalog: Catalog, *, locale: str, text: dict) -> str:
    """Every question by the date it was last checked, newest first: the same order as the language's feed."""
    strings = text["freshness"]
    parts = [*front_matter(description=strings["recent_intro"]), f"# {strings['recent_title']}", "",
             f"{strings['recent_intro']} {md_link(strings['feed_link'], FEED_FILE)}"]
    day = None
    for question in newest_first(catalog, locale):
        page = question.pages[locale]
        if page.meta.updated != day:
            day = page.meta.updated
            parts += ["", f"## {day.isoformat()}", ""]
        topic = catalog.topics[question.meta.topic].name(locale)
        parts.append(f"- {md_link(page.title, page.src_uri)} · {topic} · {difficulty_label(text, question.meta.difficulty)}")
    return "\n".join(parts) + "\n"
