"""``questions.json`` at each language root: the site's public data export.

URLs are read in ``on_env``, when the files of the language being built are
final; the file is written in ``on_post_build`` into that language's folder.
"""

from __future__ import annotations

import json
import os

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from qbank.languages import languages
from qbank.state import STATE

INDEX_FILE = "questions.json"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    langs = languages(config)
    for question in STATE.require_catalog().questions.values():
        file = files.src_uris.get(question.pages[langs.current].src_uri)
        if file is None:
            raise PluginError(f"{question.pages[langs.current].path}: not among the {langs.current} files of this build")
        STATE.urls[question.id] = file.url


def on_post_build(*, config: MkDocsConfig) -> None:
    langs = languages(config)
    catalog = STATE.require_catalog()
    entries = [
        {
            "id": question.id,
            "seed": question.meta.seed,
            "title": question.title(langs.current),
            "url": STATE.urls[question.id],
            "topic": question.meta.topic,
            "tags": list(question.meta.tags),
            "difficulty": question.meta.difficulty,
            "kind": question.meta.kind,
            "related": STATE.related[question.id],
            "updated": question.pages[langs.current].meta.updated.isoformat(),
            "followups": [item.as_json() for item in STATE.followups.get(question.id, {}).get(langs.current, [])],
        }
        for question in catalog.questions.values()
    ]
    path = os.path.join(config.site_dir, langs.site_prefix(), INDEX_FILE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(entries, out, ensure_ascii=False, indent=1)
        out.write("\n")
