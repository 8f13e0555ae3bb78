"""Site search: a Pagefind index per language, built at the end of that language's pass, by the extended binary.

Each language's index lives in its own root (``pagefind/``, ``en/pagefind/``) and holds only its pages, so a
search from a Chinese page finds Chinese pages; the *extended* build segments Chinese text into words (the
standard build would index each run of Chinese characters as one token). ``on_post_build`` runs at priority -90,
before mkdocs-static-i18n's (-100) goes on to the next language (and leaves that one the current language); when
the languages build side by side (hooks/parallel_languages.py), the two indexes are built at the same time.

``overrides/main.html`` marks what is indexed (question pages only) and their
filters; ``on_page_content`` weighs each question's title, and the line of its other
names (``aliases``, written by hooks/page_header.py), above its body.
"""

from __future__ import annotations

import os
import re
import subprocess
import time

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from qbank.languages import languages
from qbank.state import STATE
from qbank.timing import span

log = get_plugin_logger("search_index")

BUNDLE_DIR = "pagefind"
QUESTION_PAGES = "questions/**/*.html"
# Not words a reader searches for, and noise in excerpts: permalink marks ("¶"), formulas
# (MathML), diagram sources. The related-questions list carries data-pagefind-ignore itself.
EXCLUDE_SELECTORS = ".headerlink, math, pre.diagram"
# The question outranks passing mentions: Pagefind weighs an h1 at 7 by default, body text at 1.
TITLE_WEIGHT = "10"
FIRST_H1 = re.compile(r"<h1(?=[\s>])")
ALIASES_LINE = '<p class="qbank-aliases"'


def pagefind_executable() -> str:
    """The extended Pagefind binary shipped by the pagefind-bin-extended wheel, never a plain build on PATH."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise PluginError("requirements.txt: pagefind-bin-extended: expected it installed, found it missing: run `make setup`") from None
    return str(get_executable())


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.require_catalog().by_src_uri(page.file.src_uri) is None:
        return html
    html = FIRST_H1.sub(f'<h1 data-pagefind-weight="{TITLE_WEIGHT}"', html, count=1)
    return html.replace(ALIASES_LINE, f'{ALIASES_LINE} data-pagefind-weight="{TITLE_WEIGHT}"', 1)


@event_priority(-90)
def on_post_build(*, config: MkDocsConfig) -> None:
    langs = languages(config)
    language_root = os.path.join(config.site_dir, langs.site_prefix())
    # Only the question pages carry data-pagefind-body; the other languages' pages lie below en/ (and so on).
    command = [pagefind_executable(), "--site", language_root, "--glob", QUESTION_PAGES, "--output-subdir", BUNDLE_DIR,
               "--exclude-selectors", EXCLUDE_SELECTORS]
    start = time.perf_counter()
    with span("pagefind"):
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"pagefind: expected an index, found exit code {result.returncode}: {result.stderr.strip() or result.stdout.strip()}")
    summary = ", ".join(re.findall(r"Indexed \d+ \w+", result.stdout))
    log.info(f"search index ({langs.current}): {summary} in {time.perf_counter() - start:.1f} s")
