"""The tag vocabulary, ``docs/questions/tags.yml``: which tags a question may carry.

Free tags drift into one tag per question (175 of them for 65 questions), which
makes the tags page useless and weakens the related-question scores. Every tag
of a question must be in the vocabulary; for any other, the problem names the
tag that replaces it (an alias) or the nearest known tags, so a contributor or
an integrator re-maps it in one step (``scripts/check_tags.py``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from .datafile import read_data_file

TAGS_FILE = "questions/tags.yml"
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Vocabulary:
    """Known tags (in file order) and the alias -> tag map."""

    tags: tuple[str, ...]
    aliases: dict[str, str]

    def problem(self, tag: str) -> str | None:
        """``None`` for a known tag, else what to write instead, as "expected …, found …"."""
        if tag in self.tags:
            return None
        return f"expected tags from docs/{TAGS_FILE}, found '{tag}': {self.advice(tag)}"

    def replacement(self, tag: str) -> str | None:
        """The one tag an unknown tag stands for: its alias entry, or a known tag that differs only in case."""
        folded = tag.casefold()
        for alias, target in self.aliases.items():
            if alias.casefold() == folded:
                return target
        return next((known for known in self.tags if known.casefold() == folded), None)

    def nearest(self, tag: str) -> list[str]:
        """Up to three known tags spelled most like ``tag`` (or like one of their aliases)."""
        names = {known.casefold(): known for known in self.tags}
        names.update({alias.casefold(): target for alias, target in self.aliases.items()})
        close = difflib.get_close_matches(tag.casefold(), list(names), n=MAX_SUGGESTIONS * 2, cutoff=0.5)
        return list(dict.fromkeys(names[name] for name in close))[:MAX_SUGGESTIONS]

    def advice(self, tag: str) -> str:
        replacement = self.replacement(tag)
        if replacement:
            return f"use '{replacement}'"
        nearest = self.nearest(tag)
        if nearest:
            return "nearest known tags: " + ", ".join(f"'{name}'" for name in nearest) + f", or add it to docs/{TAGS_FILE}"
        return f"no known tag is close; choose one from docs/{TAGS_FILE} or add it there"


def load_vocabulary(docs_dir: str) -> Vocabulary:
    """Read and check the vocabulary; a broken file is broken setup, so it raises ``PluginError``."""
    where = f"docs/{TAGS_FILE}"
    entries = read_data_file(docs_dir, TAGS_FILE, "the tag vocabulary")
    if not isinstance(entries, dict) or not entries:
        raise PluginError(f"{where}: expected a mapping of tags to lists of aliases, found {type(entries).__name__}")
    aliases: dict[str, str] = {}
    for tag, names in entries.items():
        if not isinstance(tag, str) or not tag.strip() or tag != tag.strip():
            raise PluginError(f"{where}: expected tags as non-empty names without surrounding spaces, found {tag!r}")
        if names is None:
            names = []
        if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
            raise PluginError(f"{where}: {tag}: expected a list of aliases (or []), found {names!r}")
        for name in names:
            if name in entries or name in aliases:
                other = name if name in entries else aliases[name]
                raise PluginError(f"{where}: {tag}: expected each alias once and never a tag, found '{name}' also under '{other}'")
            aliases[name] = tag
    return Vocabulary(tuple(entries), aliases)
