"""Study exports of the question bank, one set per language: Anki deck, TSV, llms.txt, llms-full.txt.

Each is built in memory from the catalog (so the downloads page can state sizes
and counts before it renders) and published as a generated file of the build.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
from dataclasses import dataclass

import genanki
import markdown

from .answers import plain_text, short_answer, unfolded, without_title
from .catalog import Catalog, Question
from .exercise import task_markdown

PROJECT = "llm-app-interview-guide"


@dataclass(frozen=True)
class Export:
    name: str  # file name, e.g. "llm-app-interview-guide-zh.apkg"
    kind: str  # key of the downloads strings: anki, tsv, llms, llms_full
    content: bytes
    count: int


def stable_id(*parts: str) -> int:
    """A 31-bit id that depends only on the parts, as Anki model and deck ids must stay fixed."""
    return int(hashlib.sha256("/".join(parts).encode()).hexdigest()[:8], 16) >> 1


class QuestionText:
    """The language-specific texts of a question that the exports need."""

    def __init__(self, question: Question, locale: str, label: str, link: str):
        page = question.pages[locale]
        self.question = question
        self.title = page.title
        self.short = short_answer(page.body, label)
        self.full = unfolded(without_title(page.body))
        self.link = link
        # An exercise's card shows its task (statement, requirements, examples, starter code), never its solution.
        self.task = task_markdown(page.body) if question.is_exercise else ""


def anki_deck(texts: list[QuestionText], *, locale: str, site_name: str, topic_names: dict[str, str]) -> bytes:
    model = genanki.Model(
        stable_id(PROJECT, "model", locale),
        f"{site_name} ({locale})",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Topic"}, {"name": "Link"}, {"name": "Task"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "<div class=topic>{{Topic}}</div><h2>{{Question}}</h2>{{#Task}}<div class=task>{{Task}}</div>{{/Task}}",
            "afmt": '{{FrontSide}}<hr id=answer>{{Answer}}<p><a href="{{Link}}">{{Link}}</a></p>',
        }],
        css=".card{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:18px;text-align:left}"
            ".topic{font-size:14px;color:#666}pre{white-space:pre-wrap;font-size:15px}",
    )
    deck = genanki.Deck(stable_id(PROJECT, "deck", locale), f"{site_name} ({locale})")
    for text in texts:
        meta = text.question.meta
        deck.add_note(genanki.Note(
            model=model,
            fields=[text.title, _anki_html(text.short), topic_names[meta.topic], text.link,
                    _anki_html(text.task) if text.task else ""],
            tags=[meta.topic, *(re.sub(r"\s+", "_", tag) for tag in meta.tags)],
            # The note's identity in Anki: re-importing a newer deck updates these notes instead of duplicating them.
            guid=genanki.guid_for(PROJECT, locale, text.question.id),
        ))
    out = io.BytesIO()
    # Build time as the modification time, so Anki sees a re-import as newer.
    genanki.Package(deck).write_to_file(out, timestamp=time.time())
    return out.getvalue()


def _anki_html(short: str) -> str:
    # Anki renders MathJax between \( and \); the site writes $...$.
    return markdown.markdown(re.sub(r"\$([^$\n]+)\$", r"\\(\1\\)", short), extensions=["fenced_code"])


def tsv_table(texts: list[QuestionText], *, header: list[str], topic_names: dict[str, str], difficulty: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    for text in texts:
        meta = text.question.meta
        writer.writerow([text.question.id, plain_text(text.title), plain_text(text.short), text.link,
                         topic_names[meta.topic], " ".join(meta.tags), difficulty[meta.difficulty]])
    return out.getvalue().encode("utf-8")


def llms_index(texts: list[QuestionText], catalog: Catalog, *, locale: str, site_name: str, summary: str,
               full_url: str, other_languages: dict[str, str]) -> bytes:
    """llms.txt: title, summary, then every question under its topic with its 30-second answer."""
    lines = [f"# {site_name}", "", f"> {summary}", ""]
    for topic in catalog.topics.values():
        in_topic = [t for t in texts if t.question.meta.topic == topic.id]
        if not in_topic:
            continue
        lines += [f"## {topic.name(locale)}", ""]
        lines += [f"- [{t.title}]({t.link}): {plain_text(t.short)}" for t in in_topic]
        lines.append("")
    lines += ["## Optional", "", f"- [{site_name}: full text]({full_url})"]
    lines += [f"- [{name}]({url})" for name, url in other_languages.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def llms_full(texts: list[QuestionText], *, site_name: str, summary: str) -> bytes:
    """llms-full.txt: every question page as plain Markdown, answers unfolded."""
    parts = [f"# {site_name}\n\n> {summary}\n"]
    parts += [f"\n---\n\n# {t.title}\n\nURL: {t.link}\n\n{t.full}" for t in texts]
    return "".join(parts).encode("utf-8")
