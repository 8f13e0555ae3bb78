"""A question page's sidebar lists the questions around it, not its whole topic; a topic page's, its first ones.

``navigation.prune`` (mkdocs.yml) already leaves every other topic's questions out of a page; a topic of a
2,000-question bank still holds over a hundred, and each of its pages would carry them all. ``on_page_context``
hands the templates a copy of the navigation in which the open topic keeps its index page (the topic's
complete listing, linked from the section title) and the ``NEIGHBOURS`` questions before and after this one.
A topic page (the index page of its section) gets the same window, around itself: its own table lists every
question, and its sidebar need not repeat them. Previous/next (``navigation.footer``) still walk the whole bank.

It runs in ``page_context``: MkDocs marks the page and its sections active before that event
(``mkdocs.commands.build._build_page``), and the copies keep those marks. Only copies change: the shared
navigation, which every other page renders, stays whole.
"""

from __future__ import annotations

import copy

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from qbank.state import STATE

NEIGHBOURS = 10


def windowed(items: list, page: Page) -> list:
    """The index pages of ``items``, then the pages within ``NEIGHBOURS`` of ``page``, in their order."""
    at = items.index(page)
    return [item for i, item in enumerate(items)
            if abs(i - at) <= NEIGHBOURS or (isinstance(item, Page) and item.is_index)]


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    topic = page.parent
    is_question = STATE.require_catalog().by_src_uri(page.file.src_uri) is not None
    if topic is None or not (is_question or page.is_index):
        return context
    kept = windowed(topic.children, page)
    if len(kept) == len(topic.children):
        return context
    replacement: Section = copy.copy(topic)
    replacement.children = kept
    # Copy each section on the way up, so the copies lead from the top of the navigation to the window.
    original, section = topic, topic.parent
    while section is not None:
        above = copy.copy(section)
        above.children = [replacement if child is original else child for child in section.children]
        original, replacement, section = section, above, section.parent
    shown = copy.copy(nav)
    shown.items = [replacement if item is original else item for item in nav.items]
    context["nav"] = shown
    return context
