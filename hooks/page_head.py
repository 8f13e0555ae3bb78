"""Keep hreflang alternates out of page heads; sitemap.xml carries them.

mkdocs-static-i18n points ``extra.alternate`` at the page's twin so the header's
language switcher lands on the same question. Material also writes those links
into ``<head>`` as ``<link rel="alternate" hreflang>``, and its bundle fetches
``<link href>/sitemap.xml`` for each: a 404 and a console error on every page.
The sitemap that static-i18n writes already lists every page's alternates with
absolute URLs, which is where search engines read them. The 404 page is a theme
template, not a page: ``on_post_template`` gives it the same treatment. The regex
matches only ``<link rel="alternate" href=… hreflang=…>``: the Atom feed link that
``overrides/main.html`` adds (``rel="alternate "``, with a ``type``) stays.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def without_head_alternates(html: str) -> str:
    head_end = html.find("</head>")
    return HEAD_ALTERNATE.sub("", html[:head_end]) + html[head_end:]


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return without_head_alternates(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return without_head_alternates(output_content) if template_name == "404.html" else output_content
