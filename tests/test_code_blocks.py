"""Every runnable Python block in a question page runs, offline and without API keys."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from code_blocks import code_blocks
from conftest import ROOT

QUESTION_FILES = sorted((ROOT / "docs" / "questions").glob("*/*.md"))
RUNNABLE = [p for p in QUESTION_FILES if any(b.runnable_python for b in code_blocks(p.read_text(encoding="utf-8")))]

# Runs the page's blocks in order, in one namespace, with sockets disabled.
RUNNER = """
import socket, sys
def _offline(*args, **kwargs):
    raise OSError("network access is not allowed in answer code")
socket.socket.connect = _offline
socket.create_connection = _offline
namespace = {"__name__": "__main__"}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        source = f.read()
    exec(compile(source, path, "exec"), namespace)
"""


def run_blocks(blocks, tmp_path: Path) -> subprocess.CompletedProcess:
    paths = []
    for n, block in enumerate(blocks):
        path = tmp_path / f"block{n}_line{block.line}.py"
        path.write_text(block.code, encoding="utf-8")
        paths.append(str(path))
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LANG": "C.UTF-8"}  # no API keys
    return subprocess.run([sys.executable, "-c", RUNNER, *paths], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


# An exercise's starter and reference solution define its names before any other block runs (its tests are
# tests/test_exercises.py); every other block runs after them, in page order.
EXERCISE_ORDER = {"starter": 0, "solution": 1}


def runnable_in_order(markdown: str):
    blocks = [b for b in code_blocks(markdown) if b.runnable_python]
    return sorted(blocks, key=lambda b: min([EXERCISE_ORDER.get(c, 2) for c in b.classes] or [2]))


@pytest.mark.parametrize("page", RUNNABLE, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_python_blocks_run(page, tmp_path):
    blocks = runnable_in_order(page.read_text(encoding="utf-8"))
    result = run_blocks(blocks, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]


def test_extractor_finds_indented_blocks_and_honours_the_fragment_marker():
    page = (
        "# Q\n\n??? success \"A\"\n\n    ```python\n    x = 1\n    assert x == 1\n    ```\n\n"
        "    ```{ .python .fragment }\n    import not_installed\n    ```\n\n```json\n{}\n```\n"
    )
    blocks = code_blocks(page)
    assert [(b.language, b.classes, b.runnable_python) for b in blocks] == [
        ("python", (), True), ("python", ("fragment",), False), ("json", (), False)]
    assert blocks[0].code == "x = 1\nassert x == 1\n"


def test_runner_reports_failures_and_blocks_the_network(tmp_path):
    blocks = code_blocks("```python\nimport socket\nsocket.create_connection(('127.0.0.1', 9))\n```\n")
    result = run_blocks(blocks, tmp_path)
    assert result.returncode != 0 and "network access is not allowed" in result.stderr


def test_blocks_share_one_namespace(tmp_path):
    blocks = code_blocks("```python\nvalue = 41\n```\n\ntext\n\n```python\nassert value + 1 == 42\n```\n")
    assert run_blocks(blocks, tmp_path).returncode == 0


def test_an_exercise_defines_its_names_before_the_other_blocks_run(tmp_path):
    page = (
        "# Q\n\n```python\nassert double(2) == 4\n```\n\n```{ .python .starter }\ndef double(x):\n    raise NotImplementedError\n```\n\n"
        "??? success \"A\"\n\n    ```{ .python .solution }\n    def double(x):\n        return 2 * x\n    ```\n\n"
        "    ```python\n    assert double(3) == 6\n    ```\n"
    )
    blocks = runnable_in_order(page)
    assert [b.classes for b in blocks] == [("starter",), ("solution",), (), ()]
    assert run_blocks(blocks, tmp_path).returncode == 0
