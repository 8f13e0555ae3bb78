"""Exercise pages (``kind: exercise``): the editor, "Run tests", "Stop" and "Reset" around the starter code.

``on_page_content`` wraps the page's ``{ .python .starter }`` block in the controls of ``qbank.exercise`` (hidden until
``docs/assets/exercise.js`` shows them), with the URL of the exercise's tests file, which the site serves once for
every language at ``questions/<topic>/<id>.tests.py``, and the size of the Python runtime the first run downloads,
measured from the vendored files (``hooks/vendor_assets.py``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from qbank.exercise import controls_html, runtime_size
from qbank.languages import languages
from qbank.state import STATE

# The repository: node_modules/pyodide and docs/assets/ are measured here, whatever site is built (the fixtures too).
PROJECT = Path(__file__).resolve().parent.parent


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    question = STATE.require_catalog().by_src_uri(page.file.src_uri)
    if question is None or not question.is_exercise:
        return html
    return controls_html(
        html,
        exercise_id=question.id,
        # the site root-relative file, reached from this page's URL (the English page is one level deeper)
        tests_url=get_relative_url(question.tests_uri, page.url),
        strings=languages(config).text["exercise"],
        size=runtime_size(PROJECT, PROJECT / "docs"),
    )
