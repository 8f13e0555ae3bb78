"""Read a built site the way a browser would: pages, their links and the resources they load."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class PageParser(HTMLParser):
    """Collects ids, links (<a href>) and loaded resources (<link href>, <script src>, <img src>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []  # (tag, url)
        self.canonical: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            if attrs.get("rel") == "canonical":  # names the page; the browser loads nothing from it
                self.canonical.append(attrs["href"])
            else:
                self.resources.append(("link", attrs["href"]))
        elif tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.resources.append((tag, attrs["src"]))


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url_path(site: Path, page: Path, subpath: str) -> str:
    """The URL path a page is served at, e.g. /repo/en/questions/x/ for en/questions/x/index.html."""
    relative = page.relative_to(site).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return subpath + relative


class HeadAndText(HTMLParser):
    """A page's ``<meta>`` tags and ``<head>`` links, and the text inside and outside its answer blocks (``details.success``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""  # of <html lang>
        self.meta: dict[str, list[str]] = {}
        self.head_links: list[dict[str, str]] = []
        self.answer: list[str] = []
        self.other: list[str] = []
        self._in_head = False
        self._answer_depth = 0  # > 0 inside an answer block: counts nested <details>
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = attrs.get("lang", "")
        elif tag == "head":
            self._in_head = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta.setdefault(attrs.get("name") or attrs["property"], []).append(attrs.get("content", ""))
        elif tag == "link" and self._in_head:
            self.head_links.append(attrs)
        elif tag in ("script", "style"):
            self._skip += 1
        elif tag == "details" and (self._answer_depth or "success" in attrs.get("class", "").split()):
            self._answer_depth += 1

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag in ("script", "style"):
            self._skip -= 1
        elif tag == "details" and self._answer_depth:
            self._answer_depth -= 1

    def handle_data(self, data):
        if not self._skip:
            (self.answer if self._answer_depth else self.other).append(data)


def head_and_text(path: Path) -> HeadAndText:
    parser = HeadAndText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser
