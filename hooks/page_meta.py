"""Page descriptions for search engines and link previews; ``overrides/main.html`` adds the Open Graph and Twitter tags.

A question page is described by its "what the interviewer is looking for" block,
never by its answer (``qbank.answers.focus_text``), falling back to the question
itself. Generated pages carry a ``description`` in their front matter; any other
page falls back to the language's ``site_description`` (in the template).

Material writes ``page.meta.description`` into an attribute without escaping it
(MkDocs' Jinja environment does not autoescape), so ``on_page_context`` turns every
description into escaped ``Markup``: one line, quotes and ``<`` safe, never escaped twice.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from qbank.answers import focus_text, plain_text, shortened
from qbank.languages import languages
from qbank.state import STATE

# Search engines show about this much; longer text is cut at a sentence or word with "…".
DESCRIPTION_LIMIT = 160


def question_description(body: str, title: str, focus_title: str) -> str:
    return shortened(focus_text(body, focus_title) or plain_text(title), DESCRIPTION_LIMIT)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    question = STATE.require_catalog().by_src_uri(page.file.src_uri)
    if question is not None:
        langs = languages(config)
        source = question.pages[langs.current]
        page.meta["description"] = question_description(source.body, source.title, langs.text["focus_title"])
    return markdown


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    description = page.meta.get("description")
    if description and not isinstance(description, Markup):
        page.meta["description"] = Markup.escape(" ".join(str(description).split()))
    return context
