"""Shared fixtures: fixture-site builder, the real site built once, and a subpath HTTP server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
sys.path.insert(0, str(HOOKS))  # unit tests import the hooks' library package `qbank`
# GitHub Pages serves a project site under /<repo>/: test the real site the same way.
SUBPATH = "/llm-app-interview-guide/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict under a project subpath."""
    site = tmp_path_factory.mktemp("site")
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1{SUBPATH}")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return site


class _SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below SUBPATH, as GitHub Pages does; anything else is a 404."""

    def translate_path(self, path):
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_server(built_site):
    """``http://127.0.0.1:<port>/llm-app-interview-guide/`` serving the built site."""
    handler = functools.partial(_SubpathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


@pytest.fixture
def copy_tree():
    def copy(src: Path, dest: Path) -> Path:
        shutil.copytree(src, dest)
        return dest

    return copy
