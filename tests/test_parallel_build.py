"""``mkdocs build`` builds the second language in a forked process (hooks/parallel_languages.py): same site, faster.

How much faster is measured by scripts/benchmark.py, never asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SUBPATH
from fixture_site import HOOK_MODULES, pair, write_site

if not hasattr(os, "fork"):
    pytest.skip("the languages build one after the other where there is no fork", allow_module_level=True)

# The Anki decks carry their build time on purpose (qbank.exports: Anki then sees a re-import as newer).
DIFFERENT_EVERY_BUILD = ".apkg"


def mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """The command line, as a reader of README runs it: only a command-line build says which command it is."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project,
                          env=dict(os.environ, **env), capture_output=True, text=True)


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and not path.name.endswith(DIFFERENT_EVERY_BUILD)}


def test_the_real_site_built_side_by_side_is_the_sequential_build_byte_for_byte(built_site, tmp_path):
    sequential = tmp_path / "site"
    result = mkdocs_build(ROOT, sequential, QBANK_SEQUENTIAL="1", SITE_URL=f"http://127.0.0.1{SUBPATH}")
    assert result.returncode == 0, result.stderr[-3000:]
    expected, found = files(sequential), files(built_site)
    assert sorted(found) == sorted(expected)
    assert [path for path in expected if found[path] != expected[path]] == []


FIXTURE = {
    **pair("what-is-rag", "rag", "什么是 RAG？", "What is RAG?"),
    **pair("chunking", "rag", "怎么切分文档？", "How do you chunk documents?"),
}


def test_a_command_line_build_forks_the_second_language(tmp_path):
    config = write_site(tmp_path, FIXTURE, hooks=["build_timing", "parallel_languages", *HOOK_MODULES])
    timings = tmp_path / "timings.json"
    result = mkdocs_build(config.parent, tmp_path / "site", QBANK_TIMING=str(timings))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(timings.read_text(encoding="utf-8"))
    assert report["forked_wall"] > 0
    pages = [path for path in (tmp_path / "site").rglob("*.html") if path.name != "404.html"]  # 404: a theme template
    assert report["calls"]["mkdocs: templates"] == report["pages"] == len(pages)  # both languages' pages counted
    assert (tmp_path / "site" / "en" / "questions" / "rag" / "chunking" / "index.html").exists()


def test_a_failure_in_the_forked_language_fails_the_build_and_names_its_page(tmp_path):
    pages = {**FIXTURE, "about.md": "# 关于\n", "about.en.md": "# About\n\n[gone](missing.md)\n"}
    config = write_site(tmp_path, pages, hooks=["parallel_languages", *HOOK_MODULES])
    result = mkdocs_build(config.parent, tmp_path / "site")
    assert result.returncode != 0
    assert "about.en.md" in result.stderr or "about.md" in result.stderr, result.stderr[-3000:]
    assert "the 'en' pages: expected them built, found their build failed" in result.stderr
    assert "Traceback" not in result.stderr
