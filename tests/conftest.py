"""Shared fixtures: fixture-site builder, the real site built once, and a subpath HTTP server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
sys.path.insert(0, str(HOOKS))  # unit tests import the hooks' library package `qbank`
# GitHub Pages serves a project site under /<repo>/: test the real site the same way.
SUBPATH = "/llm-app-interview-guide/"
# Where each language's pages live below the site root.
LOCALES = {"zh": "", "en": "en/"}


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


@pytest.fixture(scope="session")
def site_questions(built_site) -> dict[str, list[dict]]:
    """Each language's ``questions.json`` of the real site, by locale: the build's own list of its questions."""
    return {locale: json.loads((built_site / prefix / "questions.json").read_text(encoding="utf-8"))
            for locale, prefix in LOCALES.items()}


class _SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below its subpath, as GitHub Pages does; anything else is a 404.

    A missing page below the subpath gets the site's own 404.html with status 404, as on GitHub Pages."""

    subpath = SUBPATH

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.subpath):
            self.send_error(404)
            return None
        if not os.path.exists(self.translate_path(path)):
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def translate_path(self, path):
        return super().translate_path("/" + path[len(self.subpath):])

    def copyfile(self, source, outputfile):
        """``?pause-after=<text>``: the file arrives in two parts, the second half a second after the first, which
        ends with the first <text>: a slow network's load, where the browser paints what it has so far."""
        marker = parse_qs(urlsplit(self.path).query).get("pause-after")
        if not marker:
            return super().copyfile(source, outputfile)
        data = source.read()
        cut = data.index(marker[0].encode()) + len(marker[0].encode())
        outputfile.write(data[:cut])
        outputfile.flush()
        time.sleep(0.5)
        outputfile.write(data[cut:])

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, subpath: str = SUBPATH):
    """``http://127.0.0.1:<port><subpath>`` serving ``directory``."""
    handler = functools.partial(type("Handler", (_SubpathHandler,), {"subpath": subpath}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{subpath}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_server(built_site):
    """``http://127.0.0.1:<port>/llm-app-interview-guide/`` serving the built site."""
    with serve(built_site) as url:
        yield url


# Material fades content in: colour checks wait until no animation on the page is running. An animation cancelled
# on the way has ended too (its promise rejects, which is not a failure here), but the restyle that cancelled it may
# have started another: so the wait looks again until none runs (axe once read a button halfway through its fade).
ANIMATIONS_ENDED = """(async () => {
  for (let running; (running = document.getAnimations().filter((a) => a.playState === "running" || a.pending)).length;)
    await Promise.all(running.map((a) => a.finished.catch(() => null)));
})()"""


# Debian's chromium here and in .ci/run; CHROMIUM_PATH names another build (GitHub runners ship Google Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


# Browser tests never pass by being skipped: without Chromium they fail, unless the reader opts out by name,
# and then pytest's summary counts them as skipped.
SKIP_BROWSER = os.environ.get("SKIP_BROWSER_TESTS") == "1"


@pytest.fixture(scope="session")
def browser():
    if SKIP_BROWSER:
        pytest.skip("SKIP_BROWSER_TESTS=1: browser tests not run")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium fonts-wqy-microhei "
                    "(or set CHROMIUM_PATH, or SKIP_BROWSER_TESTS=1 to skip the browser tests)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# A phone as the issue reports were made on: 390×844 CSS pixels, touch, mobile viewport.
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


class Visit:
    """A page plus everything it requested and every console error it logged."""

    def __init__(self, browser, server, device: dict | None = None):
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
        self.server = server
        self.context = browser.new_context(**(device or {}))
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path: str):
        self.page.goto(self.server + path, wait_until="networkidle")
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.origin + "/") and not url.startswith("data:")]


@pytest.fixture
def visit(browser, site_server):
    v = Visit(browser, site_server)
    yield v
    v.context.close()


@pytest.fixture
def phone(browser, site_server):
    """A visit on a phone (PHONE)."""
    v = Visit(browser, site_server, PHONE)
    yield v
    v.context.close()


@pytest.fixture(params=["phone", "desktop"])
def device_visit(request, browser, site_server):
    """A visit on each of a phone and a desktop screen."""
    v = Visit(browser, site_server, PHONE if request.param == "phone" else DESKTOP)
    yield v
    v.context.close()
