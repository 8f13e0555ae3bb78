"""scripts/freshness.py, the maintainers' to-do list, run as `make freshness`, `make drift` and `make translated` run it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from fixture_site import pair, write_site
from test_fixture_site import drift_pages, zh_hash, ZH_NOW

SCRIPT = ROOT / "scripts" / "freshness.py"


def run(config, *args, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(SCRIPT), "--config", str(config), *args], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def docs(tmp_path):
    pages = {**drift_pages(), **pair("stale", "basics", "旧题", "Old", updated="2025-12-06")}
    return write_site(tmp_path, pages)


def test_report_lists_pages_oldest_first_then_drifted_and_untracked(docs):
    lines = run(docs, "report", "--today", "2026-12-06").stdout.splitlines()
    assert lines[:4] == [
        "Question pages by the date their facts were last checked (`updated`), oldest first, as of 2026-12-06:",
        "  days  updated     page",
        "   365  2025-12-06  docs/questions/basics/stale.en.md",
        "   365  2025-12-06  docs/questions/basics/stale.md",
    ]
    assert lines[4] == "    66  2026-10-01  docs/questions/rag/chunking.en.md" and lines[15] == "     0  2026-12-06  docs/questions/rag/what-is-rag.md"
    assert lines[16:] == [
        "",
        "Translations whose zh original changed after they were last brought in line (drifted): 1",
        "  docs/questions/rag/behind.en.md",
        "Once a translation follows its original again: make translated ID=<id>",
        "",
        "Translations not tracked yet (no source_hash): 5",
        "  docs/questions/basics/stale.en.md",
        "  docs/questions/basics/tokenizer.en.md",
        "  docs/questions/rag/what-is-rag.en.md",
        "  docs/questions/rag/chunking.en.md",
        "  docs/questions/rag/hybrid-search.en.md",
        "Once a translation follows its original again: make translated ID=<id>",
    ]


def test_drift_lists_only_drifted_translations(docs):
    assert run(docs, "drift").stdout == (
        "Translations whose zh original changed after they were last brought in line (drifted): 1\n"
        "  docs/questions/rag/behind.en.md\n"
        "Once a translation follows its original again: make translated ID=<id>\n")


def test_synced_all_tracks_every_translation_and_changes_one_line_each(docs):
    rag = docs.parent / "docs" / "questions" / "rag"
    before = {p.name: p.read_text(encoding="utf-8") for p in rag.glob("*.en.md")}
    out = run(docs, "synced", "--all").stdout.splitlines()
    assert f"docs/questions/rag/in-line.en.md: source_hash: already {zh_hash('in-line', ZH_NOW)}" in out
    assert f"docs/questions/rag/behind.en.md: source_hash: {zh_hash('behind', ZH_NOW)}" in out
    assert len(out) == 7
    for name, text in before.items():
        after = (rag / name).read_text(encoding="utf-8").splitlines()
        changed = [line for line in after if line not in text.splitlines()]
        assert len(after) - len(text.splitlines()) in (0, 1) and len(changed) <= 1, name
    assert run(docs, "report", "--today", "2026-12-06").stdout.endswith(
        "(drifted): 0\n\nTranslations not tracked yet (no source_hash): 0\n")


def test_synced_refuses_unknown_ids_and_a_missing_argument(docs):
    unknown = run(docs, "synced", "no-such-question", check=False)
    assert unknown.returncode == 1
    assert unknown.stderr == "ID: expected the id of a question (docs/questions/<topic>/<id>.md), found 'no-such-question'\n"
    missing = run(docs, "synced", check=False)
    assert missing.returncode == 1 and missing.stderr.startswith("usage: make translated ID=<question id>")
