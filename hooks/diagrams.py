"""Diagrams: each ```mermaid fence becomes a figure that links to an SVG drawn before the build.

The drawings live in ``diagrams/<key>.svg`` (see ``qbank.diagrams``), made by ``make diagrams``.
``mkdocs build`` (CI, the deploy job, the tests) never starts a browser: a fence without its drawing is a
warning naming the command, so ``--strict`` fails. ``mkdocs serve`` draws a missing one on the spot when
Chromium is at hand, so an author sees an edited diagram on save; without Chromium it shows the source.

``on_startup`` notes which command runs. ``on_page_content`` swaps each ``<pre class="diagram">`` for its
figure and adds the themed SVG to the build's files (they are copied after pages are read). The browser,
started at most once per build, is shut in ``on_post_build`` at priority -200, after mkdocs-static-i18n has
run the other languages' passes inside the first one's ``on_post_build`` (-100).
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from qbank.diagram_render import INSTALL_HINT, Renderer, RenderError, chromium_executable
from qbank.diagrams import (
    CACHE_DIR, DIAGRAM_PRE, MERMAID_JS, RENDER_COMMAND, SITE_DIR, DiagramError, diagram_id, diagram_key, figure_html,
    finish_svg, placeholder_html, read_facts, renderer_fingerprint, sources_in_html,
)
from qbank.languages import languages

log = get_plugin_logger("diagrams")


class _Session:
    """What lives for one `mkdocs` command rather than one pass: the command, and the browser of a serve build."""

    serving = False
    renderer: Renderer | None = None
    drawn = 0
    seconds = 0.0


SESSION = _Session()


def on_startup(*, command: str, dirty: bool) -> None:
    SESSION.serving = command == "serve"


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    sources = sources_in_html(html)
    if not sources:
        return html
    project = Path(config.config_file_path).parent
    fingerprint = renderer_fingerprint(project)
    strings = languages(config).text["diagram"]
    figures = iter([_figure(page, config, files, project, strings, n, len(sources), diagram_key(source, fingerprint), source)
                    for n, source in enumerate(sources, 1)])
    return DIAGRAM_PRE.sub(lambda _: next(figures), html)  # the fences in the order sources_in_html found them


def _figure(page: Page, config: MkDocsConfig, files: Files, project: Path, strings: dict,
            n: int, count: int, key: str, source: str) -> str:
    where = f"docs/{page.file.src_uri}: diagram {n} of {count}"
    cached = project / CACHE_DIR / f"{key}.svg"
    if not cached.is_file():
        problem = _draw(cached, key, source) if SESSION.serving else f"not drawn yet: run `{RENDER_COMMAND}`"
        if problem:
            if not page.file.generated_by:  # a printable page repeats a question file's diagram: reported there
                log.warning(f"{where}: {problem}")
            return placeholder_html(source, problem)
    svg = cached.read_text(encoding="utf-8")
    uri = f"{SITE_DIR}/{key}.svg"
    try:
        facts = read_facts(svg, f"{CACHE_DIR}/{key}.svg")
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=finish_svg(svg, f"{CACHE_DIR}/{key}.svg")))
    except DiagramError as error:
        raise PluginError(f"{where}: {error}") from None
    return figure_html(facts, get_relative_url(uri, page.url), strings)


def _draw(cached: Path, key: str, source: str) -> str | None:
    """Draw one diagram into the cache; the problem, if it could not be drawn."""
    start = time.perf_counter()
    try:
        if SESSION.renderer is None:
            if chromium_executable() is None:
                return f"not drawn yet, and no Chromium here to draw it ({INSTALL_HINT}); then run `{RENDER_COMMAND}`"
            SESSION.renderer = Renderer(cached.parent.parent / MERMAID_JS).start()
        svg = SESSION.renderer.render(diagram_id(key), source)
    except RenderError as error:
        return str(error)
    cached.parent.mkdir(exist_ok=True)
    cached.write_text(svg, encoding="utf-8")
    SESSION.drawn += 1
    SESSION.seconds += time.perf_counter() - start
    return None


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if languages(config).first_pass and SESSION.renderer is not None:
        log.info(f"drew {SESSION.drawn} new diagrams into {CACHE_DIR}/ in {SESSION.seconds:.1f} s: commit them")
        _close_browser()


def on_build_error(*, error: Exception) -> None:
    _close_browser()


def _close_browser() -> None:
    """A serve rebuild runs in another thread than the first build: each build has its own browser."""
    if SESSION.renderer is not None:
        SESSION.renderer.close()
    SESSION.renderer = None
    SESSION.drawn, SESSION.seconds = 0, 0.0
