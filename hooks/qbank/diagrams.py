"""Diagrams drawn before the site is built: the reader gets SVG, never a diagram library.

A ```mermaid fence renders as ``<pre class="diagram"><code>source</code></pre>`` (mkdocs.yml). Each source
is drawn once, by Mermaid in Chromium (``diagram_render.py``), into ``diagrams/<key>.svg`` in the repository.
The key hashes the source together with everything else that shapes the drawing (the Mermaid version
locked in package-lock.json, ``diagram_page.js``), so an edited diagram, a Mermaid update or a changed
renderer each ask for a new drawing, while a build needs neither Chromium nor Node. At build time each
fence becomes a figure (``figure_html``) whose link points at the themed copy of its SVG (``finish_svg``).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import markdown

from .diagram_render import PAGE_SCRIPT
from .page import FRONT_MATTER

CACHE_DIR = "diagrams"
SITE_DIR = "assets/diagrams"
MERMAID_PACKAGE = "@mermaid-js/tiny"
MERMAID_JS = f"node_modules/{MERMAID_PACKAGE}/dist/mermaid.tiny.js"
RENDER_COMMAND = "make diagrams"
# The smallest text a reader gets on any screen, in CSS px: a wider diagram scrolls sideways instead.
MIN_TEXT_PX = 11

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
DIAGRAM_PRE = re.compile(r'<pre class="diagram"><code>(.*?)</code></pre>', re.S)

# Mermaid's default theme, colour by colour, as what it is on this site: docs/assets/diagrams.css gives each
# --qbank-diagram-* variable a value in the light and the dark scheme, so inline diagrams follow the palette
# toggle. The literal stays as the fallback: an SVG opened on its own still looks like Mermaid's default.
THEME_COLOURS = {
    (51, 51, 51): "fg",  # text, lines and arrowheads (#333)
    (0, 0, 0): "fg",  # sequence labels (black)
    (102, 102, 102): "fg-muted",  # activation borders (#666)
    (153, 153, 153): "fg-muted",  # sequence lifelines (#999)
    (147, 112, 219): "accent",  # node, actor and loop borders (#9370DB)
    (236, 236, 255): "node",  # nodes and actors (#ECECFF)
    (234, 234, 234): "node",  # actors (#eaeaea)
    (244, 244, 244): "node",  # activation bars (#f4f4f4)
    (232, 232, 232): "bg",  # behind edge labels
    (255, 255, 255): "bg",  # sequence numbers (white)
    (255, 255, 222): "group",  # subgraphs (#ffffde)
    (255, 245, 173): "group",  # notes (#fff5ad)
    (170, 170, 51): "group-border",  # subgraph and note borders (#aaaa33)
}
NAMED_COLOURS = {"black": (0, 0, 0), "white": (255, 255, 255)}
COLOUR_PROPERTIES = {"fill", "stroke", "color", "background", "background-color", "stop-color", "flood-color", "filter"}
NOT_COLOURS = {"none", "transparent", "currentcolor", "inherit", "url", "var", "important", "drop-shadow", "px", "em"}
COLOUR = re.compile(r"rgba?\([^)]*\)|#[0-9a-fA-F]{3,8}\b|\b(?:black|white)\b")
DECLARATION = re.compile(r"(?<![\w-])([a-z-]+)\s*:\s*([^;{}\"]+)")
# Coordinates to a hundredth of a pixel: invisible, and a tenth of the bytes.
GEOMETRY = {"d", "points", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height"}
LONG_DECIMAL = re.compile(r"-?\d+\.\d{3,}")
# diagram_page.js measures text in this alias of the measuring font; readers get the site's own font stack.
MEASURE_ALIAS = "qbankfont"
SITE_FONT = "var(--md-text-font-family, sans-serif)"


class DiagramError(Exception):
    """A cached SVG the site cannot use; the message says what was expected."""


def renderer_fingerprint(project_root: Path) -> str:
    """What, besides its source, decides how a diagram is drawn."""
    lock = json.loads((project_root / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"][f"node_modules/{MERMAID_PACKAGE}"]["version"]
    return f"{MERMAID_PACKAGE}@{version} {hashlib.sha256(PAGE_SCRIPT.read_bytes()).hexdigest()}"


def normalized(source: str) -> str:
    """The source without trailing spaces and blank edge lines, which change nothing in the drawing."""
    return "\n".join(line.rstrip() for line in source.strip("\n").splitlines()).strip("\n")


def diagram_key(source: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\n{normalized(source)}".encode()).hexdigest()[:20]


def diagram_id(key: str) -> str:
    """The SVG's id, which Mermaid also prefixes to every id inside it: unique per diagram on a page."""
    return f"qd{key[:12]}"


def sources_in_html(content: str) -> list[str]:
    return [html.unescape(match[1]) for match in DIAGRAM_PRE.finditer(content)]


def diagrams_in_docs(docs_dir: Path, extensions: list, extension_configs: dict) -> dict[str, list[str]]:
    """Every page's diagram sources, {"docs/<path>": [source, ...]}, read as the build reads them: the page's
    Markdown converted with the site's extensions, the sources taken from the HTML."""
    converter = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        converter.reset()
        sources = sources_in_html(converter.convert(FRONT_MATTER.sub("", text, count=1)))
        if sources:
            found[f"docs/{path.relative_to(docs_dir).as_posix()}"] = sources
    return found


@dataclass(frozen=True)
class DiagramFacts:
    """What a page needs to know about a cached SVG, read from the SVG itself."""

    width: float
    height: float
    min_font_size: float
    title: str
    lines: list[str]

    @property
    def min_width(self) -> int:
        """The narrowest the diagram may be drawn with its smallest text still at MIN_TEXT_PX."""
        if self.min_font_size <= 0:
            return 0
        return min(math.ceil(self.width), math.ceil(self.width * MIN_TEXT_PX / self.min_font_size))


def read_facts(svg: str, name: str) -> DiagramFacts:
    try:
        root = ET.fromstring(svg)
        _, _, width, height = (float(n) for n in root.attrib["viewBox"].split())
        min_font_size = float(root.attrib["data-qbank-min-font-size"])
    except (ET.ParseError, KeyError, ValueError) as error:
        raise DiagramError(f"{name}: expected an SVG from `{RENDER_COMMAND}` with a viewBox and "
                           f"data-qbank-min-font-size, found {type(error).__name__}: {error}") from None
    title = root.findtext(f"{{{SVG_NS}}}title", "").strip()
    lines = [line for line in root.findtext(f"{{{SVG_NS}}}desc", "").splitlines() if line.strip()]
    return DiagramFacts(width, height, min_font_size, title, lines)


def _rgb(literal: str) -> tuple[int, int, int]:
    literal = literal.lower()
    if literal in NAMED_COLOURS:
        return NAMED_COLOURS[literal]
    if literal.startswith("#"):
        digits = literal[1:]
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    r, g, b = (round(float(n)) for n in re.findall(r"[\d.]+", literal)[:3])
    return r, g, b


def themed_css(css: str, name: str) -> str:
    """Every colour of Mermaid's theme in `css` as its --qbank-diagram-* variable; another colour is an error."""

    def declaration(match: re.Match) -> str:
        prop, value = match[1], match[2]
        if prop == "font-family":
            return f"{prop}: {SITE_FONT}" if MEASURE_ALIAS in value else match[0]
        if prop not in COLOUR_PROPERTIES:
            return match[0]

        def variable(colour: re.Match) -> str:
            role = THEME_COLOURS.get(_rgb(colour[0]))
            if role is None:
                raise DiagramError(f"{name}: {prop}: expected a colour of Mermaid's default theme that "
                                   f"qbank/diagrams.py THEME_COLOURS maps for the dark scheme, found {colour[0]} "
                                   "(drop `style` and `classDef` lines: the site sets the colours)")
            return f"var(--qbank-diagram-{role}, {colour[0]})"

        themed = COLOUR.sub(variable, value)
        words = set(re.findall(r"(?<![\w#-])[a-z][a-z-]*", COLOUR.sub("", value.lower()))) - NOT_COLOURS
        if words:
            raise DiagramError(f"{name}: {prop}: expected colours qbank/diagrams.py can map, found {', '.join(sorted(words))}")
        return f"{prop}: {themed}"

    return DECLARATION.sub(declaration, css)


def finish_svg(svg: str, name: str) -> str:
    """The SVG a reader gets: colours and font from the page, no layout data, no unused markers."""
    root = ET.fromstring(svg)
    for element in root.iter():
        element.attrib.pop("data-points", None)
        if not element.attrib.get("style", "x").strip(" ;"):
            del element.attrib["style"]
        for attribute in GEOMETRY.intersection(element.attrib):
            element.attrib[attribute] = LONG_DECIMAL.sub(lambda number: f"{float(number[0]):.2f}", element.attrib[attribute])
        if element.tag == f"{{{SVG_NS}}}style" and element.text:
            element.text = themed_css(element.text, name)
        if "style" in element.attrib:
            element.attrib["style"] = themed_css(element.attrib["style"], name)
        if MEASURE_ALIAS in element.attrib.get("font-family", ""):
            del element.attrib["font-family"]  # the <style> sets the site's font
    referenced = set(re.findall(r"url\(#([^)]+)\)", ET.tostring(root, encoding="unicode")))
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}marker" and child.get("id") not in referenced:
                parent.remove(child)
    _, _, width, height = root.attrib["viewBox"].split()
    for attribute in ("style", "width", "height"):
        root.attrib.pop(attribute, None)
    root.set("width", f"{float(width):.2f}")
    root.set("height", f"{float(height):.2f}")
    return ET.tostring(root, encoding="unicode")


def figure_html(facts: DiagramFacts, href: str, strings: dict) -> str:
    """The figure a fence becomes: a sized frame that links to the SVG (docs/assets/diagrams.js puts it inline
    when the answer opens), the text alternative for screen readers, and the dialog that shows it full screen."""
    size = (f"--qbank-diagram-width: {facts.width:g}; --qbank-diagram-height: {facts.height:g}; "
            f"--qbank-diagram-min-width: {facts.min_width}")
    name = html.escape(facts.title or strings["name"])
    caption = f"{html.escape(strings['text'])}{': ' + html.escape(facts.title) if facts.title else ''}"
    items = "".join(f"<li>{html.escape(line)}</li>" for line in facts.lines)
    return (
        f'<figure class="qbank-diagram" style="{size}" data-pagefind-ignore>'
        # The link's name is hidden text, not aria-label: the drawn SVG's labels are visible text, and a
        # name that leaves them out fails WCAG 2.5.3 (label in name). The SVG itself is aria-hidden.
        f'<div class="qbank-diagram__scroll"><a class="qbank-diagram__frame" href="{html.escape(href)}">'
        f'<span class="qbank-visually-hidden">{html.escape(strings["open"])}</span></a></div>'
        f'<figcaption class="qbank-diagram__text"><p>{caption}</p><ul>{items}</ul></figcaption>'
        f'<dialog class="qbank-diagram__viewer" aria-label="{name}">'
        f'<button type="button" class="qbank-diagram__close" aria-label="{html.escape(strings["close"])}">×</button>'
        f'<div class="qbank-diagram__canvas" tabindex="0"></div></dialog></figure>'
    )


def placeholder_html(source: str, reason: str) -> str:
    """A diagram not drawn yet (``mkdocs serve`` without Chromium): its source, and what to run."""
    return (f'<pre class="diagram"><code>{html.escape(source)}</code></pre>'
            f'<p class="qbank-diagram-missing">{html.escape(reason)}</p>')
