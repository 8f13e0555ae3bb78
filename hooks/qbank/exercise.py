"""Exercise pages: the runner's controls around the starter code, the size of the Python runtime, the task as text.

No MkDocs here (``hooks/exercises.py`` calls it). The controls are server-rendered and ``hidden``: without JavaScript
the page shows the starter code and the answer as before; ``docs/assets/exercise.js`` shows them and, on the first
"Run tests" only, starts the Web Worker (``docs/assets/exercise-worker.js``) that loads Pyodide from the site itself.
"""

from __future__ import annotations

import html
import json
import re
import zlib
from functools import cache
from pathlib import Path

from .page import ANSWER_BLOCK

PYODIDE_DIR = "node_modules/pyodide"
# What the worker fetches from assets/vendor/pyodide/ when it loads Pyodide (hooks/vendor_assets.py serves them).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# The site's own files the first run adds (docs/assets/), besides the exercise's tests file.
RUNNER_FILES = ("exercise-worker.js", "exercise_runner.py")
# The starter block as pymdownx.highlight renders ```{ .python .starter }.
STARTER_HTML = re.compile(r'<div class="starter highlight">.*?</pre></div>', re.S)
TASK_HEADING = re.compile(r"^## +(?P<title>.+?)[ \t]*$", re.M)


@cache
def _sizes(path: str, mtime: float, size: int) -> tuple[int, int]:
    data = Path(path).read_bytes()
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip, as a web server sends it
    return len(data), len(compressor.compress(data) + compressor.flush())


def runtime_size(project: Path, docs: Path) -> tuple[int, int]:
    """Bytes the first run downloads (raw, gzip): Pyodide's files, the worker and the runner."""
    paths = [project / PYODIDE_DIR / name for name in PYODIDE_FILES] + [docs / "assets" / name for name in RUNNER_FILES]
    raw = packed = 0
    for path in paths:
        stat = path.stat()
        r, p = _sizes(str(path), stat.st_mtime, stat.st_size)
        raw, packed = raw + r, packed + p
    return raw, packed


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def controls_html(page_html: str, *, exercise_id: str, tests_url: str, strings: dict, size: tuple[int, int]) -> str:
    """The page's HTML with the starter block wrapped in the exercise's (hidden) controls; unchanged without one."""
    match = STARTER_HTML.search(page_html)
    if match is None:
        return page_html
    e = html.escape
    editor = f"qbank-exercise-{exercise_id}"
    note = strings["runtime_size"].format(size=megabytes(size[0]), gzip=megabytes(size[1]))
    dynamic = {key: strings[key] for key in ("loading", "running", "passed", "failed", "mastered", "error", "stopped",
                                            "timeout", "reset_done", "pass_label", "fail_label", "load_error")}
    wrapper = (
        # data-pagefind-meta: search ranks an exercise by whether the query asks for code (docs/assets/search-rank.js).
        f'<div class="qbank-exercise" data-exercise="{e(exercise_id)}" data-tests="{e(tests_url)}" data-pagefind-meta="kind:exercise" '
        f'data-strings="{e(json.dumps(dynamic, ensure_ascii=False))}">\n'
        f"{match[0]}\n"
        f'<div class="qbank-exercise__ui" data-pagefind-ignore hidden>\n'
        f'<label class="qbank-exercise__label" for="{editor}">{e(strings["editor_label"])}</label>\n'
        f'<p class="qbank-exercise__hint" id="{editor}-hint">{e(strings["editor_hint"])}</p>\n'
        f'<textarea class="qbank-exercise__editor" id="{editor}" aria-describedby="{editor}-hint" spellcheck="false" '
        f'autocomplete="off" autocapitalize="off" autocorrect="off" wrap="off"></textarea>\n'
        f'<div class="qbank-exercise__buttons">'
        f'<button type="button" class="md-button md-button--primary" data-exercise-run>{e(strings["run"])}</button> '
        f'<button type="button" class="md-button" data-exercise-stop disabled>{e(strings["stop"])}</button> '
        f'<button type="button" class="md-button" data-exercise-reset>{e(strings["reset"])}</button></div>\n'
        f'<p class="qbank-exercise__size" data-runtime-bytes="{size[0]}" data-runtime-gzip-bytes="{size[1]}">{e(note)}</p>\n'
        f'<p class="qbank-exercise__status" role="status" aria-live="polite"></p>\n'
        f'<ul class="qbank-exercise__results" aria-label="{e(strings["results_label"])}"></ul>\n'
        "</div>\n</div>"
    )
    return page_html[: match.start()] + wrapper + page_html[match.end():]


def task_markdown(body: str) -> str:
    """An exercise's task: its first ``## `` section before the answer (the task, requirements, examples, starter code),
    with the code fences made plain (``{ .python .starter }`` becomes ``python``)."""
    answer = ANSWER_BLOCK.search(body)
    head = body[: answer.start()] if answer else body
    match = TASK_HEADING.search(head)
    if match is None:
        return ""
    section = head[match.end():]
    following = TASK_HEADING.search(section)
    section = section[: following.start()] if following else section
    section = re.sub(r"^(?P<fence>[ \t]*(?:```|~~~))[ \t]*\{[^}\n]*\.(?P<lang>python|text)\b[^}\n]*\}", r"\g<fence>\g<lang>",
                     section, flags=re.M)
    return section.strip("\n") + "\n"
