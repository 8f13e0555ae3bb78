"""The study bar under each answer (``qbank.study_bar``), with the next question's link, written at build time.

The next question is the one after this in the site's order (that of ``questions.json``), in the language being
built; the last question has none. ``docs/assets/study.js`` only brings the bar to life: a question page never
fetches ``questions.json`` (1 MB at 2,000 questions) to find its successor, and nothing moves when the bar
appears (it is in place, invisible, from the first paint).

It runs in ``page_content``, when every page's URL is known (``files``), before the page is rendered.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from qbank.languages import languages
from qbank.state import STATE
from qbank.study_bar import study_bar, with_study_bar


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    catalog = STATE.require_catalog()
    question = catalog.by_src_uri(page.file.src_uri)
    if question is None:
        return html
    langs = languages(config)
    following = catalog.next_after(question.id)
    next_link = None
    if following:
        target = files.src_uris[following.pages[langs.current].src_uri]
        next_link = (get_relative_url(target.url, page.file.url), following.title(langs.current))
    return with_study_bar(html, study_bar(langs.text["study"], question.id, next_link))
