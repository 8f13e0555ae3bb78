"""Append a "related questions" section below each question's answer.

The lists are computed once per pass in ``on_files`` (after ``question_bank``,
same priority, later in the ``hooks:`` list) and rendered in
``on_page_markdown`` with links to the target's source file, resolved by
MkDocs like any other link.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from qbank.languages import languages
from qbank.listing import difficulty_label, md_link
from qbank.related import compute_related
from qbank.state import STATE


_LAST: dict = {}


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # The same for every language (qbank.related): each further language's pass, which gets the same catalog
    # (qbank.catalog.cached_catalog), reuses the lists.
    catalog = STATE.require_catalog()
    if _LAST.get("catalog") is not catalog:
        _LAST.update(catalog=catalog, related=compute_related(catalog))
    STATE.related = _LAST["related"]


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    catalog = STATE.require_catalog()
    question = catalog.by_src_uri(page.file.src_uri)
    if question is None:
        return markdown
    langs = languages(config)
    here = posixpath.dirname(page.file.src_uri)
    # A marked block, so styles, tests and the search indexer can find (or skip) it.
    lines = ['<div class="related-questions" data-pagefind-ignore="all" markdown>', "", f"## {langs.text['related_title']}", ""]
    for other_id in STATE.related[question.id]:
        other = catalog.questions[other_id].pages[langs.current]
        link = posixpath.relpath(other.src_uri, here)
        label = difficulty_label(langs.text, other.meta.difficulty)
        lines.append(f"- {md_link(other.title, link)} · {label}")
    lines += ["", "</div>"]
    return markdown.rstrip() + "\n\n" + "\n".join(lines) + "\n"
