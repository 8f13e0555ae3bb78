"""One-line, contributor-facing reports of what is wrong with a question file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """``<path>: <field>: <what was expected, what was found>``; path is relative to the repo root."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"
