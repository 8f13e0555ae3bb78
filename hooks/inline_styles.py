"""The site's own CSS inline in every page's head (``qbank.inline_css``): no render-blocking request of ours.

``overrides/main.html`` writes ``qbank_inline_css`` after Material's stylesheets, where ``extra_css`` used to link
them (so the cascade is unchanged). Read once per language pass, in ``on_env``.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from qbank.inline_css import inline_css


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    env.globals["qbank_inline_css"] = Markup(inline_css(config.docs_dir))
