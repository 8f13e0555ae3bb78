"""Serve third-party browser code from the site itself, never from a CDN.

The packages come from npm (``package.json`` pins them under ``dependencies``,
``package-lock.json`` locks them; ``make`` runs ``npm ci``). ``on_files`` adds
the files below to the build at the default priority, before
mkdocs-static-i18n, which passes non-page files through unchanged, so both
languages share one copy.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from qbank.exercise import PYODIDE_DIR, PYODIDE_FILES

# site path -> path below the repository root
VENDORED = {
    # Python in the browser for the exercises' "Run tests"; loaded by a Web Worker on the first click only.
    **{f"assets/vendor/pyodide/{name}": f"{PYODIDE_DIR}/{name}" for name in PYODIDE_FILES},
    # The spaced-review scheduler of practice mode.
    "assets/vendor/ts-fsrs.mjs": "node_modules/ts-fsrs/dist/index.mjs",
}


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    root = os.path.dirname(config.config_file_path)
    for site_path, source in VENDORED.items():
        path = os.path.join(root, source)
        if not os.path.isfile(path):
            raise PluginError(f"{source}: expected the npm package installed, found no file: run `npm ci` (or `make build`)")
        files.append(File.generated(config, site_path, abs_src_path=path))
