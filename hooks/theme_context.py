"""What the templates in ``overrides/`` need from the question bank, as Jinja globals.

``on_env`` runs once per language pass, after the catalog is built (``on_files``)
and before any page renders.

- ``qbank_topic_names``: topic id -> name in the language being built (search
  filters, practice mode);
- ``qbank_language_root``: where that language lives under the site root ('' or
  'en/'), so templates can link its ``questions.json``;
- ``qbank_languages``: every language with its root and interface strings, for the
  one 404 page that GitHub Pages serves for every language (overrides/404.html).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from qbank.languages import languages
from qbank.state import STATE


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    langs = languages(config)
    topics = STATE.require_catalog().topics.values()
    env.globals["qbank_topic_names"] = {topic.id: topic.name(langs.current) for topic in topics}
    env.globals["qbank_language_root"] = langs.site_prefix()
    env.globals["qbank_languages"] = [
        {"locale": locale, "root": langs.site_prefix(locale), "strings": langs.strings[locale]} for locale in langs.locales
    ]
