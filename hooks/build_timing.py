"""Build timings for ``scripts/benchmark.py``: with ``QBANK_TIMING=<file>`` set, every plugin's and hook's events,
MkDocs' page rendering and Pagefind are timed inside the build and written to that file as JSON (``qbank.timing``).
Without it, nothing happens.

``on_config`` runs first of all (priority 100) and wraps the handlers; the wrapping is kept across the nested build
of each further language, whose ``on_config`` finds them wrapped already. ``on_shutdown`` runs once, after the last.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from qbank import timing


@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    timing.instrument(config.plugins)


def on_shutdown() -> None:
    timing.write_report()
