"""Render formulas to MathML at build time: no math script, no font, no CDN.

pymdownx.arithmatex (generic mode) wraps TeX in ``<span class="arithmatex">\\(…\\)</span>``
and ``<div class="arithmatex">\\[…\\]</div>``; ``on_page_content`` swaps those
for MathML from latex2mathml, which every current browser renders natively.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.S,
)


def render_math(content: str) -> str:
    def to_mathml(match: re.Match) -> str:
        inline = match["inline"] is not None
        tex = html.unescape(match["inline"] if inline else match["block"]).strip()
        mathml = convert(tex, display="inline" if inline else "block")
        return mathml if inline else f'<div class="math-block">{mathml}</div>'

    return ARITHMATEX.sub(to_mathml, content)


def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return render_math(html_content)
    except Exception as error:  # latex2mathml raises a zoo of exception types on bad TeX
        raise PluginError(f"docs/{page.file.src_uri}: math: expected TeX that latex2mathml can render, found an error: {error}") from None
