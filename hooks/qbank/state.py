"""Build state shared by the hook modules.

MkDocs loads a hook module once and keeps it across ``mkdocs serve`` rebuilds,
and mkdocs-static-i18n re-runs the build once per language: everything learnt
during a pass lives here and is reset in ``on_config`` at the start of each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Catalog
from .exports import Export
from .followups import Followup


@dataclass
class BuildState:
    catalog: Catalog | None = None
    related: dict[str, list[str]] = field(default_factory=dict)
    # question id -> URL (relative to the site root) in the language being built
    urls: dict[str, str] = field(default_factory=dict)
    # question id -> locale -> its follow-up questions (qbank.followups)
    followups: dict[str, dict[str, list[Followup]]] = field(default_factory=dict)
    # the downloads of the language being built (hooks/downloads.py)
    exports: list[Export] = field(default_factory=list)
    # question id -> its page's body HTML in the language being built, for the printable pages (hooks/downloads.py)
    bodies: dict[str, str] = field(default_factory=dict)

    def reset(self) -> None:
        self.__init__()

    def require_catalog(self) -> Catalog:
        if self.catalog is None:
            raise RuntimeError("the question catalog is built in on_files; an event ran before it")
        return self.catalog


STATE = BuildState()
