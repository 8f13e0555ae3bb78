"""The shape every answer promises readers, checked on the sources of all question pages."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from code_blocks import code_blocks
from conftest import ROOT

QUESTIONS = ROOT / "docs" / "questions"
ZH_PAGES = sorted(p for p in QUESTIONS.glob("*/*.md") if p.name.count(".") == 1)

# Markers of each part of an answer, per language (see CONTRIBUTING.md and templates/).
MARKERS = {
    "zh": {"focus": '!!! info "考察点"', "short": "**30 秒回答**", "followups": "### 追问",
           "followup": re.compile(r"^\s*\*\*追问 \d+："), "references": "### 参考资料"},
    "en": {"focus": '!!! info "What the interviewer is looking for"', "short": "**The 30-second answer**",
           "followups": "### Follow-up questions", "followup": re.compile(r"^\s*\*\*Follow-up \d+: "),
           "references": "### References"},
}
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def twin(zh: Path) -> Path:
    return zh.with_suffix(".en.md")


def references(text: str, heading: str) -> list[str]:
    section = text.split(heading, 1)[1]
    return LINK.findall(section)


def code_shape(code: str) -> list[tuple[int, str]]:
    """Python tokens without comments and string literals: translations may localise those, not the code."""
    skip = {tokenize.COMMENT, tokenize.STRING, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    skip |= {getattr(tokenize, name) for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END") if hasattr(tokenize, name)}
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return [(t.type, t.string) for t in tokens if t.type not in skip]


def pages() -> list:
    return [pytest.param(zh, id=str(zh.relative_to(QUESTIONS))) for zh in ZH_PAGES]


@pytest.mark.parametrize("zh", pages())
def test_answer_has_every_part_in_order(zh):
    for locale, path in (("zh", zh), ("en", twin(zh))):
        text, m = path.read_text(encoding="utf-8"), MARKERS[locale]
        positions = [text.find(m[key]) for key in ("focus", "short", "followups", "references")]
        assert -1 not in positions and positions == sorted(positions), f"{path.name}: parts missing or out of order"
        followups = [line for line in text.split(m["followups"], 1)[1].splitlines() if m["followup"].match(line)]
        assert len(followups) >= 3, f"{path.name}: {len(followups)} follow-up questions"
        assert len(references(text, m["references"])) >= 2, f"{path.name}: fewer than two references"


@pytest.mark.parametrize("zh", pages())
def test_twins_share_code_and_references(zh):
    zh_text, en_text = zh.read_text(encoding="utf-8"), twin(zh).read_text(encoding="utf-8")
    python = lambda text: [code_shape(b.code) for b in code_blocks(text) if b.language == "python"]
    assert python(zh_text) == python(en_text), "zh and en must show the same Python code"
    assert sorted(set(references(zh_text, MARKERS["zh"]["references"]))) == sorted(
        set(references(en_text, MARKERS["en"]["references"])))


@pytest.mark.parametrize("zh", pages())
def test_thirty_second_answer_is_short(zh):
    """≤ 150 Chinese characters / ≤ 100 English words, as CONTRIBUTING.md asks."""
    for locale, path, limit in (("zh", zh, 150), ("en", twin(zh), 100)):
        text = path.read_text(encoding="utf-8")
        short = text.split(MARKERS[locale]["short"], 1)[1].split("###", 1)[0]
        size = len(re.findall(r"[\u4e00-\u9fff]", short)) if locale == "zh" else len(short.split())
        assert size <= limit, f"{path.name}: 30-second answer is {size} (limit {limit})"
