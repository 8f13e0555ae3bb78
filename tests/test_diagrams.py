"""Diagrams drawn before the build: the cache, the themed SVG, the figure, and the build's and CI's checks."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import ROOT
from fixture_site import HOOK_MODULES, article, build_site, pair, with_real_fences, write_site
from qbank.diagrams import (
    DiagramError, DiagramFacts, diagram_key, figure_html, finish_svg, read_facts, renderer_fingerprint,
)

sys.path.insert(0, str(ROOT / "scripts"))
from diagrams import survey  # noqa: E402  (scripts/diagrams.py, `make diagrams`)

# What diagram_page.js leaves in the cache, cut down to one of each thing finish_svg changes.
RAW = ('<svg xmlns="http://www.w3.org/2000/svg" id="qd1" width="100%" viewBox="0 0 400.123456 100" '
       'style="max-width: 400px;" data-qbank-min-font-size="16"><title>流程</title><desc>A → B\n[A] a &lt;note&gt;</desc>'
       '<style>#qd1 .node rect { fill: rgb(236, 236, 255); stroke: rgb(147, 112, 219); }\n'
       '#qd1 { font-family: qbankfont; fill: rgb(51, 51, 51); }</style>'
       '<marker id="qd1_used"/><marker id="qd1_unused"/>'
       '<path d="M1.23456,2L3,4" style="" data-points="abc" marker-end="url(#qd1_used)"/>'
       '<text style="fill: black;" font-family="qbankfont">A</text></svg>')
STRINGS = {"name": "图示", "text": "图示的文字版", "open": "全屏查看图示", "close": "关闭全屏"}


def test_finished_svg_takes_colours_and_font_from_the_page_and_drops_what_readers_do_not_need():
    assert finish_svg(RAW, "diagrams/x.svg") == (
        '<svg xmlns="http://www.w3.org/2000/svg" id="qd1" viewBox="0 0 400.123456 100" data-qbank-min-font-size="16" '
        'width="400.12" height="100.00"><title>流程</title><desc>A → B\n[A] a &lt;note&gt;</desc>'
        '<style>#qd1 .node rect { fill: var(--qbank-diagram-node, rgb(236, 236, 255)); '
        'stroke: var(--qbank-diagram-accent, rgb(147, 112, 219)); }\n'
        '#qd1 { font-family: var(--md-text-font-family, sans-serif); fill: var(--qbank-diagram-fg, rgb(51, 51, 51)); }</style>'
        '<marker id="qd1_used" /><path d="M1.23,2L3,4" marker-end="url(#qd1_used)" />'
        '<text style="fill: var(--qbank-diagram-fg, black);">A</text></svg>'
    )


UNMAPPED = ("expected a colour of Mermaid's default theme that qbank/diagrams.py THEME_COLOURS maps for the dark scheme, "
            "found {} (drop `style` and `classDef` lines: the site sets the colours)")


@pytest.mark.parametrize("css, found", [
    ("fill: rgb(1, 2, 3)", "fill: " + UNMAPPED.format("rgb(1, 2, 3)")),
    ("stroke: #ff0000", "stroke: " + UNMAPPED.format("#ff0000")),
    ("fill: red", "fill: expected colours qbank/diagrams.py can map, found red"),
])
def test_a_colour_that_would_not_follow_the_dark_scheme_is_an_error(css, found):
    svg = RAW.replace("fill: black;", css)
    with pytest.raises(DiagramError) as error:
        finish_svg(svg, "diagrams/x.svg")
    assert str(error.value) == f"diagrams/x.svg: {found}"


def test_facts_and_the_narrowest_legible_width():
    facts = read_facts(RAW, "diagrams/x.svg")
    assert facts == DiagramFacts(400.123456, 100.0, 16.0, "流程", ["A → B", "[A] a <note>"])
    assert facts.min_width == 276  # 400.12 * 11 / 16, rounded up: its 16 px text drawn at 11 px
    assert DiagramFacts(300, 100, 10, "", []).min_width == 300  # text under 11 px: never narrower than drawn


def test_a_cached_svg_without_its_facts_is_an_error():
    with pytest.raises(DiagramError) as error:
        read_facts('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', "diagrams/x.svg")
    assert str(error.value) == ("diagrams/x.svg: expected an SVG from `make diagrams` with a viewBox and "
                                "data-qbank-min-font-size, found KeyError: 'data-qbank-min-font-size'")


def test_key_follows_the_source_and_the_renderer_not_blank_space():
    fingerprint = renderer_fingerprint(ROOT)
    key = diagram_key("flowchart TD\n    A --> B", fingerprint)
    assert key == diagram_key("\nflowchart TD  \n    A --> B\n\n", fingerprint)
    assert key != diagram_key("flowchart TD\n    A --> C", fingerprint)
    assert key != diagram_key("flowchart TD\n    A --> B", fingerprint + " another Mermaid")


def test_figure_links_the_svg_and_carries_its_text_alternative():
    facts = read_facts(RAW, "diagrams/x.svg")
    assert figure_html(facts, "../../assets/diagrams/k.svg", STRINGS) == (
        '<figure class="qbank-diagram" style="--qbank-diagram-width: 400.123; --qbank-diagram-height: 100; '
        '--qbank-diagram-min-width: 276" data-pagefind-ignore><div class="qbank-diagram__scroll">'
        '<a class="qbank-diagram__frame" href="../../assets/diagrams/k.svg"><span class="qbank-visually-hidden">全屏查看图示</span></a></div>'
        '<figcaption class="qbank-diagram__text"><p>图示的文字版: 流程</p><ul><li>A → B</li><li>[A] a &lt;note&gt;</li></ul>'
        '</figcaption><dialog class="qbank-diagram__viewer" aria-label="流程"><button type="button" '
        'class="qbank-diagram__close" aria-label="关闭全屏">×</button><div class="qbank-diagram__canvas" tabindex="0">'
        '</div></dialog></figure>'
    )


# A question whose answer holds a diagram, in both languages (the same source, so one drawing).
FENCE = "```mermaid\n    flowchart TD\n        A[开始] --> B[结束]\n    ```"
PAGES = pair("what-is-rag", "rag", "什么是 RAG？", "What is RAG?", body=FENCE)


@pytest.fixture
def diagram_site(tmp_path):
    """A fixture project with the diagrams hook, the site's fences and package-lock.json (the key needs it)."""
    config_file = write_site(tmp_path, PAGES, hooks=[*HOOK_MODULES, "diagrams"])
    shutil.copy(ROOT / "package-lock.json", tmp_path)
    return config_file


def test_a_drawn_diagram_becomes_a_figure_and_its_themed_svg_a_file_of_the_site(diagram_site):
    found = survey(load_config(str(diagram_site), **with_real_fences(diagram_site)))
    [(key, (where, source))] = found.wanted.items()
    assert (where, source) == ("docs/questions/rag/what-is-rag.en.md: diagram 1 of 1", "flowchart TD\n    A[开始] --> B[结束]")
    (diagram_site.parent / "diagrams").mkdir()
    (diagram_site.parent / "diagrams" / f"{key}.svg").write_text(RAW, encoding="utf-8")
    site = build_site(diagram_site, **with_real_fences(diagram_site))
    zh = article((site / "questions/rag/what-is-rag/index.html").read_text(encoding="utf-8"))
    en = article((site / "en/questions/rag/what-is-rag/index.html").read_text(encoding="utf-8"))
    facts = read_facts(RAW, "")
    assert figure_html(facts, f"../../../assets/diagrams/{key}.svg", STRINGS) in zh
    assert figure_html(facts, f"../../../../assets/diagrams/{key}.svg",
                       {"name": "Diagram", "text": "The diagram as text", "open": "Open the diagram full screen",
                        "close": "Close full screen"}) in en
    assert '<pre class="diagram">' not in zh + en
    assert (site / "assets/diagrams" / f"{key}.svg").read_text(encoding="utf-8") == finish_svg(RAW, "")


def test_a_diagram_not_drawn_fails_the_strict_build_naming_the_command(diagram_site, caplog):
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(diagram_site, **with_real_fences(diagram_site))
    assert [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.diagrams"] == [
        "diagrams: docs/questions/rag/what-is-rag.md: diagram 1 of 1: not drawn yet: run `make diagrams`",
        "diagrams: docs/questions/rag/what-is-rag.en.md: diagram 1 of 1: not drawn yet: run `make diagrams`",
    ]


def test_survey_names_each_missing_and_each_unused_drawing(diagram_site):
    (diagram_site.parent / "diagrams").mkdir()
    (diagram_site.parent / "diagrams" / "0123456789abcdef0123.svg").write_text(RAW, encoding="utf-8")
    found = survey(load_config(str(diagram_site), **with_real_fences(diagram_site)))
    assert found.problems() == [
        "docs/questions/rag/what-is-rag.en.md: diagram 1 of 1: not drawn yet: run `make diagrams`",
        "diagrams/0123456789abcdef0123.svg: no diagram uses it any more: run `make diagrams`, which deletes it",
    ]


def test_every_diagram_of_the_site_is_drawn_and_every_drawing_used():
    """CI's check of the committed SVGs: an edited, new or deleted diagram needs `make diagrams`, and says so."""
    result = subprocess.run([sys.executable, "scripts/diagrams.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
