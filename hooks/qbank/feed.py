"""What's new: the questions of one language by ``updated``, newest first, as an Atom feed and a page.

A new question and a re-checked answer are the same event to a reader: a page
whose ``updated`` date moved. Each entry's ``id`` carries that date, so a feed
reader shows a re-check as a new item instead of silently refreshing an old one;
within one feed every question appears once, at its latest date. Nothing here
depends on the build date: the feed's own ``updated`` is its newest entry's.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .catalog import Catalog, Question

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_FILE = "feed.xml"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str  # absolute
    updated: datetime.date
    summary: str
    topic: str
    topic_name: str


def newest_first(catalog: Catalog, locale: str) -> list[Question]:
    """The questions ordered by their page's ``updated`` in this language, newest first; ties in catalog order."""
    return sorted(catalog.questions.values(), key=lambda q: q.pages[locale].meta.updated, reverse=True)


def timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(entries: list[FeedEntry], *, feed_url: str, page_url: str, title: str, subtitle: str, locale: str,
              author: str, author_uri: str | None = None, rights: str | None = None) -> bytes:
    """An Atom 1.0 document (RFC 4287); ElementTree escapes every text and attribute."""
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: locale})
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    _text(feed, "updated", timestamp(max((e.updated for e in entries), default=datetime.date(1970, 1, 1))))
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=page_url)
    person = ET.SubElement(feed, "author")
    _text(person, "name", author)
    if author_uri:
        _text(person, "uri", author_uri)
    if rights:
        _text(feed, "rights", rights)
    for entry in entries:
        item = ET.SubElement(feed, "entry")
        _text(item, "id", entry.id)
        _text(item, "title", entry.title)
        ET.SubElement(item, "link", rel="alternate", type="text/html", href=entry.url)
        _text(item, "updated", timestamp(entry.updated))
        ET.SubElement(item, "category", term=entry.topic, label=entry.topic_name)
        if entry.summary:
            _text(item, "summary", entry.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def entry_id(url: str, updated: datetime.date) -> str:
    """The page's URL with the review date as fragment: a new id for each re-check of the same question."""
    return f"{url}#updated-{updated.isoformat()}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element
