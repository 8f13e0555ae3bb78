"""The site's own stylesheets, written into each page's head instead of linked.

Two more stylesheet requests held the first paint back (Lighthouse's render-blocking audit: about 0.3–0.6 s each
on its simulated mobile connection); inlined, they arrive with the HTML (about 3 KiB gzip). Comments and runs of
white space are dropped; nothing else changes.
"""

from __future__ import annotations

import os
import re

STYLESHEETS = ("assets/extra.css", "assets/diagrams.css")
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def compact(css: str) -> str:
    css = COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip()


def inline_css(docs_dir: str) -> str:
    parts = []
    for name in STYLESHEETS:
        with open(os.path.join(docs_dir, name), encoding="utf-8") as f:
            parts.append(compact(f.read()))
    return "\n".join(parts)
