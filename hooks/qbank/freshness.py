"""How current each page is: the age of its ``updated`` date, and whether a translation still follows its original.

Translation drift needs no git history (a shallow clone has none). A translation
records, in ``source_hash``, a fingerprint of the original's text at the time it
was brought in line with it; when the original's text changes, the fingerprints
differ and the translation is *drifted*. The fingerprint covers the body after the
front matter, so re-dating or re-tagging the original does not flag its twins, and
line endings and trailing whitespace are normalised, so an editor's habits do not
either. A translation without ``source_hash`` is *untracked*: no notice, but the
freshness report lists it. ``scripts/freshness.py synced`` writes the field.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass

from .page import FRONT_MATTER

HASH_LENGTH = 12
SYNCED, DRIFTED, UNTRACKED = "synced", "drifted", "untracked"
SOURCE_HASH_LINE = re.compile(r"^source_hash:[^\r\n]*", re.M)


def body_hash(body: str) -> str:
    """The fingerprint of a page body: SHA-256 of its text with line endings and trailing whitespace normalised."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def source_body(source: str) -> str:
    """A page file's text after its front matter (all of it when there is none)."""
    match = FRONT_MATTER.match(source)
    return source[match.end():] if match else source


def translation_state(recorded: str | None, original_hash: str) -> str:
    if recorded is None:
        return UNTRACKED
    return SYNCED if recorded == original_hash else DRIFTED


def with_source_hash(source: str, value: str) -> str:
    """The page file with ``source_hash: "<value>"`` in its front matter; every other byte unchanged."""
    match = FRONT_MATTER.match(source)
    if not match:
        raise ValueError("expected a YAML block between '---' lines at the top, found none")
    fields = match["yaml"]
    line = f'source_hash: "{value}"'
    if SOURCE_HASH_LINE.search(fields):
        fields = SOURCE_HASH_LINE.sub(line, fields, count=1)
    else:
        newline = "\r\n" if source[: match.end()].endswith("\r\n") or "\r\n" in fields else "\n"
        fields += line + newline
    return source[: match.start("yaml")] + fields + source[match.end("yaml"):]


@dataclass(frozen=True)
class Age:
    path: str
    updated: datetime.date
    days: int


def by_age(pages, today: datetime.date) -> list[Age]:
    """Question pages (``QuestionPage``), least recently checked first; ties in path order."""
    ages = [Age(page.path, page.meta.updated, (today - page.meta.updated).days) for page in pages]
    return sorted(ages, key=lambda age: (age.updated, age.path))
