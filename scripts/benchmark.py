"""Print build, page-weight and search figures (a benchmark, not a test: it asserts nothing).

    .venv/bin/python scripts/benchmark.py [--baseline REV] [--questions 2000] [--builds-only]
    .venv/bin/python scripts/benchmark.py --lighthouse-only
    .venv/bin/python scripts/benchmark.py --exercise SITE   # only the exercise figures, on a built site

For the real site, then for a generated copy with --questions question pairs (made by
cloning the real pages under new ids): wall time of a strict `mkdocs build` with the machine's
load, its split as the build measured it (QBANK_TIMING, hooks/qbank/timing.py: MkDocs' rendering,
each hook module and plugin, Pagefind; CPU and wall seconds, ms per page-language), Pagefind
indexing time and index size, the bytes a question page transfers in headless Chromium
on load and after opening its answer (a page without diagrams, and the page with the
most), and the bytes the first search query adds and how long its first result takes;
the study scripts a question page, the practice page and the home page load, on load and
on the reader's first mark (the spaced-review scheduler, ts-fsrs, loads only then), each
new script marked.
For an exercise page: its bytes on load and what the first "Run tests" adds (Pyodide, the
worker, the runner, the tests), and the time from the click to the first test result (the
first run, which loads Python, then a second run).
Then the time `make diagrams` takes to draw every diagram from scratch.
With --baseline, the same figures for the project as committed at REV come first (its real
site, then its generated copy), from the same invocation: compare within one run, since this
machine is shared and noisy; the CPU seconds of the split are the fairer comparison.
Last, the related-question computation on synthetic catalogs of growing size.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from qbank.catalog import build_catalog  # noqa: E402
from qbank.related import compute_related, terms  # noqa: E402
from qbank.tags import load_vocabulary  # noqa: E402
from qbank.topics import load_topics  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
QUERY = {"zh": "向量检索", "en": "vector search"}


def build(project: Path, site: Path) -> tuple[float, str, dict | None]:
    """Wall seconds, the build's log, and its own timings (hooks/qbank/timing.py; None for a revision without them)."""
    timings = site.with_name("timings.json")
    timings.unlink(missing_ok=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project,
                            capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", QBANK_TIMING=str(timings)))
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}{result.stdout[-500:]}")
    return time.perf_counter() - start, result.stderr, json.loads(timings.read_text()) if timings.exists() else None


def load() -> str:
    """The machine's load averages (1, 5, 15 min) and cores: other users' work shows in every wall time."""
    return f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores"


def report_split(timings: dict, wall: float) -> None:
    """Where the build's time went: MkDocs' own rendering, each plugin and hook module, Pagefind."""
    seconds, cpu, pages = timings["seconds"], timings["cpu_seconds"], timings["pages"]
    mkdocs = [name for name in seconds if name.startswith("mkdocs: ")]
    hooks = sorted((name for name in seconds if name.startswith("hooks/")), key=lambda name: -cpu[name])
    waiting = [name for name in seconds if name.startswith("waiting ")]  # hooks/parallel_languages.py
    plugins = sorted((name for name in seconds if name not in mkdocs + hooks + waiting + ["pagefind"]), key=lambda name: -cpu[name])
    print(f"build split ({pages} page-languages; CPU seconds are the build's own, wall seconds include waiting for "
          f"other users of the machine; starting Python and loading the config is the rest of the wall time, "
          f"{wall - timings['wall']:.1f} s):")
    groups = [("MkDocs render", mkdocs), ("our hooks", hooks), ("other plugins (Material, i18n)", plugins),
              ("Pagefind", ["pagefind"]), ("waiting for the forked language", waiting)]
    for label, names in groups:
        print(f"  {label:32} {sum(cpu[n] for n in names):7.1f} s CPU {sum(seconds[n] for n in names):7.1f} s wall")
        if len(names) > 1:
            for name in names:
                if cpu[name] >= 0.05 or seconds[name] >= 0.05:
                    print(f"    {name:30} {cpu[name]:7.1f} s CPU {seconds[name]:7.1f} s wall")
    print(f"  {'total':32} {timings['cpu']:7.1f} s CPU {timings['wall']:7.1f} s wall; per page-language "
          f"{timings['cpu'] / pages * 1000:.0f} ms CPU, {timings['wall'] / pages * 1000:.0f} ms wall")
    if timings.get("forked_wall"):
        print(f"  (the second language built in a forked process, beside the first (hooks/parallel_languages.py): "
              f"its {timings['forked_wall']:.1f} wall seconds are in the lines above and overlap the first's)")


COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The site over HTTP, text gzipped when the browser asks for it, as GitHub Pages sends it."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
                path = os.path.join(path, "index.html")
            if "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(COMPRESSED) and os.path.isfile(path):
                data = gzip.compress(Path(path).read_bytes(), compresslevel=6)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def weigh(site: Path, origin: str, urls: list[str]) -> tuple[int, int]:
    """(raw bytes, gzip bytes) of the site files behind the URLs: what GitHub Pages would send compressed."""
    raw = compressed = 0
    for url in dict.fromkeys(urls):
        local = site / url[len(origin):].split("#")[0].split("?")[0]
        data = (local / "index.html" if local.is_dir() else local).read_bytes()
        raw += len(data)
        compressed += len(gzip.compress(data, compresslevel=6))
    return raw, compressed


def page_and_search_weight(site: Path, path: str, query: str) -> tuple[dict[str, tuple[int, int, int]], float]:
    """Requests and bytes: page load, opening the answer, then focusing search and the first query; and the seconds
    from the query's last keystroke to its first result."""
    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    stages: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        seen: list[str] = []
        page.on("response", lambda response: seen.append(response.url))

        def stage(name: str) -> None:
            page.wait_for_load_state("networkidle")
            stages[name] = seen[:]
            seen.clear()

        page.goto(origin + path, wait_until="networkidle")
        stage("page load")
        page.locator("article details.success > summary").click()
        # Both ways the site has drawn diagrams, so --baseline can weigh older revisions: Mermaid in the
        # browser (pre.diagram replaced by div.mermaid), or SVG drawn before the build (a.qbank-diagram__frame).
        page.wait_for_function("() => !document.querySelector('article pre.diagram') && [...document.querySelectorAll("
                               "'article div.mermaid, article a.qbank-diagram__frame')].every(d => d.querySelector('svg'))")
        stage("opening the answer (diagrams drawn)")
        box = page.locator(".md-search__input")
        box.click()
        box.fill(query)
        box.press("End")
        typed = time.perf_counter()
        page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length > 0")
        first_result = time.perf_counter() - typed
        stage(f"focus search + first query {query!r}")
        browser.close()
    server.shutdown()
    return {name: (len(urls), *weigh(site, origin, urls)) for name, urls in stages.items()}, first_result


def report_site(project: Path, label: str, builds_only: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        before = load()
        seconds, log, timings = build(project, site)
        entries = json.loads((site / "questions.json").read_text(encoding="utf-8"))
        indexing = re.findall(r"search_index: search index(?: \((\w+)\))?: (.*) in ([\d.]+) s", log)
        index_bytes = sum(f.stat().st_size for f in site.glob("**/pagefind/**/*") if f.is_file())
        print(f"\n== {label}: {len(entries)} questions x 2 languages ==")
        print(f"mkdocs build --strict: {seconds:.1f} s wall ({before} before, {load()} after)")
        if timings:
            report_split(timings, seconds)
        if builds_only:
            return
        for language, summary, indexing_seconds in indexing:  # `seconds` is the whole build's
            print(f"pagefind{f' ({language})' if language else ''}: {summary}; indexing {indexing_seconds} s")
        print(f"search index on disk {index_bytes / 1024:.0f} KiB")
        study = {name: (site / "assets" / name).read_bytes() for name in ("study.js", "progress.js", "practice.js")}
        for names, where in ((("study.js", "progress.js"), "every page"), (("practice.js",), "the practice page only")):
            raw = sum(len(study[n]) for n in names)
            packed = sum(len(gzip.compress(study[n], compresslevel=6)) for n in names)
            print(f"study-tools JavaScript on {where} ({' + '.join(names)}): {raw / 1024:.1f} KiB raw, {packed / 1024:.1f} KiB gzip")
        report_study_scripts(site, entries[0]["url"])
        for prefix, lang in (("", "zh"), ("en/", "en")):
            listed = json.loads((site / prefix / "questions.json").read_text(encoding="utf-8"))
            diagrams = {e["url"]: diagram_count((site / e["url"] / "index.html").read_text(encoding="utf-8")) for e in listed}
            without = [url for url, count in diagrams.items() if not count]
            most = max(diagrams, key=diagrams.get)
            print(f"{lang}: {len(listed) - len(without)} of {len(listed)} question pages have a diagram; "
                  f"the most, {diagrams[most]}, on /{most}")
            if without:
                report_page(site, without[len(without) // 2], QUERY[lang])
            report_page(site, most, QUERY[lang])
            exercises = [e["url"] for e in listed if e.get("kind") == "exercise"]
            if exercises:
                report_exercise(site, exercises[0])
        report_lighthouse(project, site)


# The site's study scripts; the last three came with spaced review, mock interviews and progress at a glance.
STUDY_SCRIPTS = ("study.js", "progress.js", "practice.js", "schedule.js", "glance.js", "vendor/ts-fsrs.mjs")
NEW_SCRIPTS = STUDY_SCRIPTS[3:]


def report_study_scripts(site: Path, question: str) -> None:
    """Each study script a question page and the practice page load, raw and gzip, and when: on load, or only once
    the reader grades a question (the scheduler, ts-fsrs)."""
    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    loaded: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        seen: list[str] = []
        page.on("response", lambda response: seen.append(response.url))

        def stage(name: str) -> None:
            page.wait_for_load_state("networkidle")
            loaded[name] = [url for url in seen if "/assets/" in url and url.endswith((".js", ".mjs"))]
            seen.clear()

        page.goto(origin + question, wait_until="networkidle")
        stage("question page, on load")
        page.locator(".qbank-study button[data-mark=review]").click()
        page.wait_for_function("() => localStorage.getItem('qbank.progress.v1')?.includes('cards')")
        stage("question page, on the first mark")
        page.evaluate("localStorage.clear()")
        page.goto(origin + "practice/", wait_until="networkidle")
        page.locator("input[name=answer-first]").check()
        page.locator(".qbank-practice__setup button[type=submit]").click()
        stage("practice page, on load")
        page.locator(".qbank-practice__bar .md-button--primary").click()
        page.locator(".qbank-practice .qbank-mark").first.click()
        page.wait_for_function("() => localStorage.getItem('qbank.progress.v1')?.includes('cards')")
        stage("practice page, on the first mark")
        page.goto(origin, wait_until="networkidle")
        stage("home page with marks (progress at a glance)")
        browser.close()
    server.shutdown()
    for name, urls in loaded.items():
        paths = [path for path in dict.fromkeys(url[len(origin):].split("?")[0] for url in urls)
                 if path.removeprefix("assets/") in STUDY_SCRIPTS]
        sizes = {path: ((site / path).stat().st_size, len(gzip.compress((site / path).read_bytes(), compresslevel=6))) for path in paths}
        shown = ", ".join(f"{path.removeprefix('assets/')}{' (new)' if path.removeprefix('assets/') in NEW_SCRIPTS else ''} "
                          f"{raw / 1024:.1f}/{packed / 1024:.1f}" for path, (raw, packed) in sizes.items())
        new_raw = sum(raw for path, (raw, _) in sizes.items() if path.removeprefix("assets/") in NEW_SCRIPTS)
        new_packed = sum(packed for path, (_, packed) in sizes.items() if path.removeprefix("assets/") in NEW_SCRIPTS)
        print(f"study scripts, {name} (KiB raw/gzip): {shown or 'none'}; the new ones add {new_raw / 1024:.1f} KiB raw, "
              f"{new_packed / 1024:.1f} KiB gzip")


LIGHTHOUSE_PAGES = {"home": "", "topic": "questions/rag/", "question": "questions/rag/hybrid-retrieval/"}
LIGHTHOUSE_RUNS = 5


def plain_site(project: Path, target: Path) -> Path:
    """A plain mkdocs-material site (no custom_dir, no hooks, no plugins but Material's defaults) holding the same
    Markdown as the benchmarked home, topic and question pages (zh), built into target/site; returns that."""
    from mkdocs.utils.yaml import yaml_load
    from qbank.catalog import build_catalog as catalog_of
    from qbank.listing import topic_page, topic_summary_table

    docs = project / "docs"
    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    text = next(language["extra"]["qbank"] for language in i18n["languages"] if language.get("default"))
    sources = [(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8"))
               for path in (docs / "questions").glob("*/*.md")]
    topics = load_topics(str(docs), ["zh", "en"])
    catalog = catalog_of(sources, topics=topics, vocabulary=load_vocabulary(str(docs)), locales=["zh", "en"],
                         default_locale="zh", answer_titles={"zh": "参考答案", "en": "Reference answer"})
    pages = {
        "index.md": (docs / "index.md").read_text(encoding="utf-8").replace(
            "<!-- qbank:topics -->", topic_summary_table(catalog, locale="zh", default="zh", text=text, from_dir="")),
        "questions/rag/index.md": topic_page(catalog, topics["rag"], locale="zh", default="zh", text=text),
        "questions/rag/hybrid-retrieval.md": (docs / "questions/rag/hybrid-retrieval.md").read_text(encoding="utf-8"),
    }
    for name, content in pages.items():
        (target / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (target / "docs" / name).write_text(content, encoding="utf-8")
    ours = (project / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:(?:  .*)?\n)+", ours, re.M)[0]
    (target / "mkdocs.yml").write_text(
        f"site_name: {config['site_name']}\ntheme:\n  name: material\n  language: zh\n  font: false\n{extensions}",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(target / "site")],
                            cwd=target, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if result.returncode != 0:
        raise SystemExit(f"plain Material build failed:\n{result.stderr[-3000:]}")
    return target / "site"


def lighthouse(jobs: list[dict]) -> list[dict]:
    """scripts/lighthouse.mjs (npm lighthouse, pinned) on the jobs; headless Chromium, only the local servers."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(jobs, f)
    try:
        result = subprocess.run(["node", str(ROOT / "scripts" / "lighthouse.mjs"), f.name], capture_output=True, text=True,
                                env=dict(os.environ, CHROME_PATH=CHROMIUM), cwd=ROOT)
    finally:
        os.unlink(f.name)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def report_lighthouse(project: Path, site: Path) -> None:
    """Home, a topic page and a question page, each beside a plain Material page of the same Markdown, in one run
    (mobile, simulated throttling); then accessibility on every page state in both languages and colour schemes."""
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_site(project, Path(tmp))
        ours_server, ours = serve(site)
        plain_server, theirs = serve(plain)
        try:
            # One load decides little: whether a script counts in the first paint depends on when it ran in that
            # load. Each page is loaded LIGHTHOUSE_RUNS times, ours and plain in turn; the table shows medians.
            jobs = [{"page": name, "site": label, "url": origin + path, "mode": "navigate"}
                    for _ in range(LIGHTHOUSE_RUNS) for name, path in LIGHTHOUSE_PAGES.items()
                    for label, origin in (("ours", ours), ("plain", theirs))]
            rows = lighthouse(jobs)
            print(f"\nLighthouse 12 (mobile, simulated throttling; median of {LIGHTHOUSE_RUNS} loads, worst CLS; {load()}):")
            print(f"  {'page':10} {'site':6} {'FCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'perf':>5} {'a11y':>5}  "
                  "FCP of each load; failing accessibility audits")
            for name in LIGHTHOUSE_PAGES:
                for label in ("ours", "plain"):
                    runs = [row for row in rows if row["page"] == name and row["site"] == label]
                    errors = [row["error"] for row in runs if "error" in row]
                    if errors:
                        print(f"  {name:10} {label:6} error: {errors[0]}")
                        continue
                    median = lambda key: statistics.median(row[key] for row in runs)  # noqa: E731
                    each = " ".join(f"{row['fcp']:.0f}" for row in runs)
                    failing = " ".join(sorted({audit for row in runs for audit in row["failing"]}))
                    print(f"  {name:10} {label:6} {median('fcp'):7.0f} {median('tbt'):7.0f} "
                          f"{max(row['cls'] for row in runs):6.3f} {median('performance') * 100:5.0f} "
                          f"{min(row['accessibility'] for row in runs) * 100:5.0f}  {each}; {failing}")
            states = {"home": ("", None), "topic": ("questions/rag/", None),
                      "question, answer closed": ("questions/rag/hybrid-retrieval/", None),
                      "question, answer open": ("questions/rag/hybrid-retrieval/", "answer"),
                      "practice": ("practice/", None), "practice, answer shown": ("practice/", "practice"),
                      "downloads": ("downloads/", None), "search open": ("", "search")}
            jobs = [{"state": state, "locale": locale, "scheme": scheme, "url": ours + prefix + path, "mode": "snapshot",
                     "action": action}
                    for state, (path, action) in states.items() for locale, prefix in (("zh", ""), ("en", "en/"))
                    for scheme in ("light", "dark")]
            rows = lighthouse(jobs)
            print("Lighthouse accessibility (snapshot of each page state):")
            for row in sorted(rows, key=lambda r: (list(states).index(r["state"]), r["locale"], r["scheme"])):
                score = "error: " + row["error"] if "error" in row else f"{row['accessibility'] * 100:.0f}"
                print(f"  {row['state']:24} {row['locale']} {row['scheme']:5} {score}  {' '.join(row.get('failing', []))}")
        finally:
            ours_server.shutdown()
            plain_server.shutdown()


def diagram_count(html: str) -> int:
    """Diagrams on a page, drawn in the browser (older revisions) or before the build."""
    return html.count('<pre class="diagram">') + html.count('class="qbank-diagram"')


def report_page(site: Path, url: str, query: str) -> None:
    stages, first_result = page_and_search_weight(site, url, query)
    for name, (count, raw, compressed) in stages.items():
        print(f"/{url} {name}: {count} requests, {raw / 1024:.0f} KiB raw, {compressed / 1024:.0f} KiB gzip")
    print(f"/{url} first search result {first_result * 1000:.0f} ms after the last keystroke of {query!r}")


def exercise_weight(site: Path, path: str) -> tuple[dict[str, tuple[int, int, int]], list[float]]:
    """Requests of an exercise page on load and on the first "Run tests" (its starter code, which fails fast), and the
    seconds from each of two clicks to the first test result."""
    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    stages: dict[str, list[str]] = {}
    seconds = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        seen: list[str] = []
        page.on("response", lambda response: seen.append(response.url))
        page.goto(origin + path, wait_until="networkidle")
        stages["page load"] = seen[:]
        seen.clear()
        for _ in range(2):
            page.evaluate("() => document.querySelector('.qbank-exercise__results').replaceChildren()")
            start = time.perf_counter()
            page.locator("[data-exercise-run]").click()
            page.wait_for_function("() => document.querySelector('.qbank-exercise__results').children.length > 0",
                                   timeout=300_000)
            seconds.append(time.perf_counter() - start)
            page.wait_for_load_state("networkidle")
            if len(seconds) == 1:
                stages["first Run tests (Python loaded)"] = seen[:]
        browser.close()
    server.shutdown()
    return {name: (len(urls), *weigh(site, origin, urls)) for name, urls in stages.items()}, seconds


def report_exercise(site: Path, url: str) -> None:
    stages, seconds = exercise_weight(site, url)
    for name, (count, raw, compressed) in stages.items():
        print(f"/{url} {name}: {count} requests, {raw / 1024:.0f} KiB raw, {compressed / 1024:.0f} KiB gzip")
    print(f"/{url} click to first test result: {seconds[0] * 1000:.0f} ms on the first run (loads Python), "
          f"{seconds[1] * 1000:.0f} ms on the second")


def checkout(rev: str, target: Path) -> None:
    """The project's files as committed at `rev`, beside this checkout's npm packages."""
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    (target / "node_modules").symlink_to(ROOT / "node_modules")


def clone_project(target: Path, questions: int, source: Path = ROOT) -> None:
    """A copy of the project at `source` whose docs hold the real questions plus clones of them, `questions` pairs in all."""
    for name in ("mkdocs.yml", "hooks", "overrides", "docs", "diagrams", "package-lock.json"):
        (shutil.copytree if (source / name).is_dir() else shutil.copy)(source / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    originals = sorted(p for p in (source / "docs" / "questions").glob("*/*.md") if not p.name.endswith(".en.md"))
    for i in range(questions - len(originals)):
        zh = originals[i % len(originals)]
        old_id, topic = zh.stem, zh.parent.name
        new_id = f"{old_id}-{i}"
        for source in (zh, zh.with_name(f"{old_id}.en.md")):
            text = source.read_text(encoding="utf-8").replace(f"id: {old_id}", f"id: {new_id}", 1)
            text = "\n".join(line for line in text.splitlines() if not line.startswith(("seed:", "related:")))
            text = re.sub(r"\]\((?!https?:)[^)]*\.md(#[^)]*)?\)", "]", text)  # cross-links would point at ids that no longer exist
            (target / "docs" / "questions" / topic / source.name.replace(old_id, new_id, 1)).write_text(text, encoding="utf-8")
        tests = zh.with_name(f"{old_id}.tests.py")  # an exercise's tests, which its clone needs as much
        if tests.exists():
            shutil.copy(tests, target / "docs" / "questions" / topic / f"{new_id}.tests.py")


def synthetic_catalog(n: int):
    """n questions made by cycling the real pages under new ids and topics, each text made unique."""
    sources = {p.relative_to(ROOT / "docs").as_posix(): p.read_text(encoding="utf-8")
               for p in (ROOT / "docs" / "questions").glob("*/*.md")}
    topics = load_topics(str(ROOT / "docs"), ["zh", "en"])
    originals = sorted(uri for uri in sources if not uri.endswith(".en.md"))
    pages = []
    for i in range(n):
        _, old_topic, name = originals[i % len(originals)].split("/")
        old_id, topic = name[:-3], list(topics)[i % len(topics)]
        for suffix in (".md", ".en.md"):
            body = sources[f"questions/{old_topic}/{old_id}{suffix}"]
            body = body.replace(f"id: {old_id}", f"id: {old_id}-{i}", 1).replace(f"topic: {old_topic}", f"topic: {topic}", 1)
            body = "\n".join(line for line in body.splitlines() if not line.startswith(("seed:", "related:")))
            pages.append((f"questions/{topic}/{old_id}-{i}{suffix}", body + f"\n\n    {old_id}-{i}\n"))
    return build_catalog(pages, topics=topics, vocabulary=load_vocabulary(str(ROOT / "docs")), locales=["zh", "en"],
                         default_locale="zh", answer_titles={"zh": "参考答案", "en": "Reference answer"})


def report_drawing() -> None:
    """Every diagram of the site drawn from scratch (what `make diagrams` does after a Mermaid update)."""
    from diagrams import survey
    from mkdocs.config import load_config
    from qbank.diagram_render import Renderer
    from qbank.diagrams import MERMAID_JS, diagram_id

    wanted = survey(load_config(str(ROOT / "mkdocs.yml"))).wanted
    start = time.perf_counter()
    with Renderer(ROOT / MERMAID_JS) as renderer:
        launched = time.perf_counter()
        for key, (_, source) in wanted.items():
            renderer.render(diagram_id(key), source)
    drawing = time.perf_counter() - launched
    print(f"\n== drawing diagrams (make diagrams, qbank/diagram_render.py) ==\n"
          f"{len(wanted)} diagrams: Chromium start {launched - start:.1f} s, drawing {drawing:.1f} s "
          f"({drawing / len(wanted) * 1000:.0f} ms each)")


def report_related() -> None:
    print("\n== related questions (hooks/qbank/related.py) ==")
    for n in (250, 500, 1000, 2000):
        catalog = synthetic_catalog(n)
        terms.cache_clear()
        start = time.perf_counter()
        compute_related(catalog)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        compute_related(catalog)
        warm = time.perf_counter() - start
        print(f"{n} questions: {cold:.2f} s (first language pass), {warm:.2f} s (next pass, tokens cached)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2000, help="size of the generated copy (0 to skip it)")
    parser.add_argument("--baseline", metavar="REV",
                        help="first measure the project as committed at this git revision (real site and generated copy)")
    parser.add_argument("--lighthouse-only", action="store_true",
                        help="build the real site and print only the Lighthouse table and accessibility scores")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the builds and their split: no browser, no diagram drawing, no related-question scaling")
    parser.add_argument("--exercise", metavar="SITE", type=Path,
                        help="only the exercise figures, on a site already built into SITE (mkdocs build -d SITE)")
    args = parser.parse_args()
    if args.exercise:
        for prefix in ("", "en/"):
            listed = json.loads((args.exercise / prefix / "questions.json").read_text(encoding="utf-8"))
            exercises = [e["url"] for e in listed if e.get("kind") == "exercise"]
            if exercises:
                report_exercise(args.exercise, exercises[0])
        return
    if args.lighthouse_only:
        with tempfile.TemporaryDirectory() as tmp:
            build(ROOT, Path(tmp) / "site")
            report_lighthouse(ROOT, Path(tmp) / "site")
        return
    projects = [(ROOT, "")]
    with tempfile.TemporaryDirectory() as tmp:
        if args.baseline:
            checkout(args.baseline, Path(tmp))
            projects.insert(0, (Path(tmp), f" at {args.baseline} (baseline)"))
        for project, label in projects:
            report_site(project, f"real site{label}", args.builds_only)
        for project, label in projects if args.questions else []:
            with tempfile.TemporaryDirectory() as copy:
                clone_project(Path(copy), args.questions, project)
                report_site(Path(copy), f"generated copy{label}", args.builds_only)
    if not args.builds_only:
        report_drawing()
        report_related()


if __name__ == "__main__":
    main()
