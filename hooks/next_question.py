"""The "next question" link under each answer, written into the page at build time.

``overrides/main.html`` renders the study toolbar's link from ``qbank_next`` (the next question's URL and title in
the language being built, in the site's order: that of ``questions.json``). ``docs/assets/study.js`` only shows it,
so a question page never fetches ``questions.json`` (1 MB at 2,000 questions) to find its successor. The last
question has none and its link stays hidden.

It runs in ``page_context``, after ``hooks/question_index.py`` has read every question's URL (``on_env``).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from qbank.languages import languages
from qbank.state import STATE


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    catalog = STATE.require_catalog()
    question = catalog.by_src_uri(page.file.src_uri)
    following = question and catalog.next_after(question.id)
    if following:
        context["qbank_next"] = {"url": STATE.urls[following.id], "title": following.title(languages(config).current)}
    return context
