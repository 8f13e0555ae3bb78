"""Serve third-party browser code from the site itself, never from a CDN.

Mermaid comes from npm (``package.json`` pins it, ``package-lock.json`` locks it;
``make`` runs ``npm ci``). ``on_files`` adds it to the build at the default
priority, before mkdocs-static-i18n, which passes non-page files through
unchanged. ``docs/assets/diagrams.js`` loads it when a diagram comes into view;
diagrams do not carry material's ``mermaid`` class, so material never loads its
own copy from unpkg.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# site path -> path below the repository root
VENDORED = {
    "assets/vendor/mermaid.tiny.js": "node_modules/@mermaid-js/tiny/dist/mermaid.tiny.js",
}


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    root = os.path.dirname(config.config_file_path)
    for site_path, source in VENDORED.items():
        path = os.path.join(root, source)
        if not os.path.isfile(path):
            raise PluginError(f"{source}: expected the npm package installed, found no file: run `npm ci` (or `make build`)")
        files.append(File.generated(config, site_path, abs_src_path=path))
