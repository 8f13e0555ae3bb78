"""Print build and page-weight figures (a benchmark, not a test: it asserts nothing).

    .venv/bin/python scripts/benchmark.py

1. wall time of a strict `mkdocs build` of the real site;
2. bytes one question page transfers in headless Chromium (raw and gzip-compressed);
3. related-question computation time on synthetic catalogs of 250 to 2,000 questions.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from qbank.catalog import build_catalog  # noqa: E402
from qbank.related import compute_related, terms  # noqa: E402
from qbank.topics import load_topics  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, check=True,
                   capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return time.perf_counter() - start


def page_weight(site: Path, path: str, *, open_answer: bool) -> dict[str, tuple[int, int]]:
    """{site path: (raw bytes, gzip bytes)} for everything the page loads from the site."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}/"
    urls: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("response", lambda response: urls.append(response.url))
        page.goto(origin + path, wait_until="networkidle")
        if open_answer:
            page.locator("article details.success > summary").click()
            page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()
    weights = {}
    for url in urls:
        name = url[len(origin):].split("#")[0].split("?")[0]
        local = site / name
        data = (local / "index.html" if local.is_dir() else local).read_bytes()
        weights[name or "/"] = (len(data), len(gzip.compress(data, compresslevel=6)))
    return weights


def synthetic_catalog(n: int):
    """n questions made by cycling the real pages under new ids and topics."""
    sources = sorted((p.relative_to(ROOT / "docs").as_posix(), p.read_text(encoding="utf-8"))
                     for p in (ROOT / "docs" / "questions").glob("*/*.md"))
    topics = load_topics(str(ROOT / "docs"), ["zh", "en"])
    originals = [(uri, text) for uri, text in sources if not uri.endswith(".en.md")]
    pages = []
    for i in range(n):
        uri, text = originals[i % len(originals)]
        topic = list(topics)[i % len(topics)]
        old_id, old_topic = uri.split("/")[2][:-3], uri.split("/")[1]
        new_id = f"{old_id}-{i}"
        for suffix in (".md", ".en.md"):
            body = dict(sources)[f"questions/{old_topic}/{old_id}{suffix}"]
            body = body.replace(f"id: {old_id}", f"id: {new_id}", 1).replace(f"topic: {old_topic}", f"topic: {topic}", 1)
            body = "\n".join(line for line in body.splitlines() if not line.startswith(("seed:", "related:")))
            body += f"\n\n    {new_id}\n"  # unique text, so tokenisation is measured, not the cache
            pages.append((f"questions/{topic}/{new_id}{suffix}", body))
    return build_catalog(pages, topics=topics, locales=["zh", "en"], default_locale="zh",
                         answer_titles={"zh": "参考答案", "en": "Reference answer"})


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        seconds = build(site)
        entries = json.loads((site / "questions.json").read_text(encoding="utf-8"))
        print(f"mkdocs build --strict: {seconds:.1f} s for {len(entries)} questions x 2 languages")
        for path in (entries[0]["url"], "en/" + entries[0]["url"]):
            for open_answer in (False, True):
                weights = page_weight(site, path, open_answer=open_answer)
                raw, compressed = (sum(w[i] for w in weights.values()) for i in (0, 1))
                state = "after opening the answer" if open_answer else "on load"
                print(f"/{path} ({state}): {len(weights)} requests, {raw / 1024:.0f} KiB raw, {compressed / 1024:.0f} KiB gzip")
            for name, (raw, compressed) in sorted(weights.items(), key=lambda item: -item[1][1]):
                print(f"    {compressed / 1024:7.1f} KiB gzip {raw / 1024:8.1f} KiB raw  {name}")
    for n in (250, 500, 1000, 2000):
        catalog = synthetic_catalog(n)
        terms.cache_clear()
        start = time.perf_counter()
        compute_related(catalog)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        compute_related(catalog)
        warm = time.perf_counter() - start
        print(f"related questions, {n} questions: {cold:.2f} s (first language pass), {warm:.2f} s (next pass, tokens cached)")


if __name__ == "__main__":
    main()
