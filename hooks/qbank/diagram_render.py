"""Draw Mermaid sources as SVG in the system Chromium (``make diagrams`` and ``mkdocs serve``, never ``mkdocs build``).

One headless Chromium page holds Mermaid (the pinned npm package) and ``diagram_page.js``; each source is
rendered there and comes back as SVG plus what the site needs to know about it. Text is measured in
WenQuanYi Micro Hei, the CJK font the browser tests use too, so every machine that renders draws the same
boxes; the page checks the font is there rather than measure with a fallback.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

MEASURE_FONT = "WenQuanYi Micro Hei"
PAGE_SCRIPT = Path(__file__).with_name("diagram_page.js")
# Debian's chromium here and in .ci/run; CHROMIUM_PATH names another build (GitHub runners ship Google Chrome).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
INSTALL_HINT = "apt-get install chromium fonts-wqy-microhei (or set CHROMIUM_PATH)"

PAGE = f"""<!doctype html><meta charset="utf-8">
<style>@font-face {{ font-family: qbankfont; src: local("{MEASURE_FONT}"); }}</style>
<body><div id="host"></div></body>"""


class RenderError(Exception):
    """A diagram Mermaid cannot draw, or a machine that cannot draw any: the message says which and why."""


def chromium_executable() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.path.exists(path) else None


class Renderer:
    """A headless Chromium with Mermaid loaded: ``start()`` (or ``with``), any number of ``render()``, ``close()``."""

    def __init__(self, mermaid_js: Path):
        self.mermaid_js = mermaid_js
        self._playwright = self._browser = self._page = None

    def start(self) -> Renderer:
        chromium = chromium_executable()
        if chromium is None:
            raise RenderError(f"rendering diagrams needs Chromium: {INSTALL_HINT}")
        if not self.mermaid_js.is_file():
            raise RenderError(f"{self.mermaid_js}: expected the npm package installed, found no file: run `npm ci --ignore-scripts`")
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            self._page = self._browser.new_page()
            self._page.set_content(PAGE)
            self._page.add_script_tag(path=str(self.mermaid_js))
            self._page.add_script_tag(path=str(PAGE_SCRIPT))
            font_loaded = self._page.evaluate(
                "async () => (await document.fonts.load('16px qbankfont')).length > 0")
        except BaseException:
            self.close()
            raise
        if not font_loaded:
            self.close()
            raise RenderError(f"rendering diagrams needs the font {MEASURE_FONT}: {INSTALL_HINT}")
        return self

    def render(self, diagram_id: str, source: str) -> str:
        """The SVG of one diagram, as ``diagram_page.js`` leaves it (what the cache keeps)."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            return self._page.evaluate("([id, source]) => renderDiagram(id, source)", [diagram_id, source])
        except PlaywrightError as error:
            # Mermaid's message (a parse error points at the line), then a JavaScript stack: the message, on one line.
            lines = str(error).removeprefix("Page.evaluate: ").strip().splitlines()
            message = " ".join(line.strip() for line in itertools.takewhile(lambda line: not line.strip().startswith("at "), lines))
            raise RenderError(f"Mermaid cannot draw it: {message}") from None

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
        self._playwright = self._browser = self._page = None

    def __enter__(self) -> Renderer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
