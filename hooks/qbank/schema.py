"""The front-matter schema of a question page, and the checks that enforce it.

Each check returns a problem message in the form "expected …, found …" so the
contributor reads in one line what to fix.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Callable

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# `source_hash` on a translation: the first 12 hex digits of the SHA-256 of the original's body (qbank.freshness).
SOURCE_HASH = re.compile(r"^[0-9a-f]{12}$")
DIFFICULTIES = ("easy", "medium", "hard")
# `kind`: an ordinary question, or an exercise (a task with starter code, a reference solution and a tests file).
KINDS = ("question", "exercise")
# The seed interview report lists 65 questions (shared/seed/questions.tsv).
SEED_RANGE = range(1, 66)


@dataclass(frozen=True)
class QuestionMeta:
    id: str
    topic: str
    tags: tuple[str, ...]
    difficulty: str
    updated: datetime.date
    seed: int | None = None
    companies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    # translations only: the original's text this translation was last brought in line with
    source_hash: str | None = None
    # Other names readers type for the concept; search weighs them like the title. Each language lists its own.
    aliases: tuple[str, ...] = ()
    kind: str = "question"

    @property
    def is_exercise(self) -> bool:
        return self.kind == "exercise"


Check = Callable[[Any], "str | None"]


def _found(value: Any) -> str:
    return f"found {value!r}" if not isinstance(value, (list, dict)) else f"found {type(value).__name__} {value!r}"


def _slug(value: Any) -> str | None:
    if isinstance(value, str) and SLUG.match(value):
        return None
    return f"expected a lowercase ASCII slug such as 'what-is-rag', {_found(value)}"


def _seed(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value in SEED_RANGE:
        return None
    return f"expected an integer from {SEED_RANGE.start} to {SEED_RANGE.stop - 1}, {_found(value)}"


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return f"expected a non-empty string, {_found(value)}"


def _difficulty(value: Any) -> str | None:
    if value in DIFFICULTIES:
        return None
    return f"expected one of {', '.join(DIFFICULTIES)}, {_found(value)}"


def _list_of(item_check: Check, *, non_empty: bool) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list) or (non_empty and not value):
            kind = "a non-empty list" if non_empty else "a list"
            return f"expected {kind}, {_found(value)}"
        for item in value:
            problem = item_check(item)
            if problem:
                return f"in the list, {problem}"
        if len(set(value)) != len(value):
            return f"expected no repeated entries, {_found(value)}"
        return None

    return check


def _kind(value: Any) -> str | None:
    if value in KINDS:
        return None
    return f"expected one of {', '.join(KINDS)}, {_found(value)}"


def _date(value: Any) -> str | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return None
    return f"expected a date as YYYY-MM-DD, {_found(value)}"


def _source_hash(value: Any) -> str | None:
    if isinstance(value, str) and SOURCE_HASH.match(value):
        return None
    return f"expected 12 hexadecimal digits in quotes, as `make translated ID=<id>` writes them, {_found(value)}"


# field -> (required, check)
FIELDS: dict[str, tuple[bool, Check]] = {
    "id": (True, _slug),
    "seed": (False, _seed),
    "topic": (True, _slug),
    "tags": (True, _list_of(_text, non_empty=True)),
    "difficulty": (True, _difficulty),
    "companies": (False, _list_of(_text, non_empty=False)),
    "related": (False, _list_of(_slug, non_empty=False)),
    "updated": (True, _date),
    "source_hash": (False, _source_hash),
    "aliases": (False, _list_of(_text, non_empty=False)),
    "kind": (False, _kind),
}


def check_meta(meta: dict[str, Any]) -> tuple[QuestionMeta | None, list[tuple[str, str]]]:
    """Validate front matter against ``FIELDS``; return the typed metadata or ``(field, message)`` pairs."""
    problems: list[tuple[str, str]] = []
    for field in sorted(set(meta) - set(FIELDS)):
        problems.append((field, f"expected one of the fields {', '.join(FIELDS)}, found unknown field"))
    for field, (required, check) in FIELDS.items():
        if field not in meta:
            if required:
                problems.append((field, "expected this field, found it missing"))
            continue
        message = check(meta[field])
        if message:
            problems.append((field, message))
    if problems:
        return None, problems
    return (
        QuestionMeta(
            id=meta["id"],
            topic=meta["topic"],
            tags=tuple(meta["tags"]),
            difficulty=meta["difficulty"],
            seed=meta.get("seed"),
            companies=tuple(meta.get("companies", ())),
            related=tuple(meta.get("related", ())),
            updated=meta["updated"],
            source_hash=meta.get("source_hash"),
            aliases=tuple(meta.get("aliases", ())),
            kind=meta.get("kind", "question"),
        ),
        [],
    )
