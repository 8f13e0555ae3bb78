"""Where a build's time goes, measured inside it: off unless ``QBANK_TIMING`` names a file to write.

``scripts/benchmark.py`` sets it. Every event handler of every plugin and hook module is wrapped in a span
named after its owner (``hooks/nav_window.py``, ``material/search``, ``i18n``…); MkDocs' own page work is
wrapped as two spans, ``mkdocs: markdown`` (reading and converting each page, ``_populate_page``) and
``mkdocs: templates`` (rendering and writing each page, ``_build_page``); ``pagefind`` is the indexer run by
``hooks/search_index.py``. Times are *exclusive*: a span's children (the page events inside
``mkdocs: markdown``, the nested build of every further language inside static-i18n's ``post_build``) count for
themselves only, so the parts add up to the whole. What no span covers is ``mkdocs: rest`` (collecting files,
the navigation, copying assets, checking anchors).

Each span has wall seconds and CPU seconds (this process's, plus those of the child processes it waited for:
Pagefind's). On a shared machine the wall time mostly measures the other users; the CPU time is what the build
itself costs.

When the second language builds in a forked process (hooks/parallel_languages.py), that process times its own
spans (``forked``, ``dump``) and the first adds them to its own (``absorb``): the CPU seconds still add up to the
whole, while the two processes' wall seconds overlap, so the spans' wall seconds add up to more than the build's.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from typing import Callable

ENV = "QBANK_TIMING"
REST = "mkdocs: rest"
WRAPPED = "_qbank_timed"


def clocks() -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its waited-for children)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime


class Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: Counter = Counter()
        self.events: dict[str, float] = defaultdict(float)  # "owner event" -> exclusive CPU seconds
        self._stack: list[list] = []  # [name, event, children's wall seconds, children's CPU seconds]
        self.start: tuple[float, float] | None = None
        self.absorbed_seconds: dict[str, float] = defaultdict(float)  # wall seconds of a forked process's spans

    @contextmanager
    def span(self, name: str, event: str = ""):
        wall, cpu = clocks()
        self._stack.append([name, event, 0.0, 0.0])
        try:
            yield
        finally:
            now_wall, now_cpu = clocks()
            wall, cpu = now_wall - wall, now_cpu - cpu
            _, _, child_wall, child_cpu = self._stack.pop()
            self.seconds[name] += wall - child_wall
            self.cpu[name] += cpu - child_cpu
            self.calls[name] += 1
            if event:
                self.events[f"{name} {event}"] += cpu - child_cpu
            if self._stack:
                self._stack[-1][2] += wall
                self._stack[-1][3] += cpu

    def timed(self, name: str, function: Callable, event: str = "") -> Callable:
        if getattr(function, WRAPPED, False):
            return function

        @functools.wraps(function)  # keeps mkdocs_priority, which orders the handlers
        def wrapper(*args, **kwargs):
            with self.span(name, event):
                return function(*args, **kwargs)

        setattr(wrapper, WRAPPED, True)
        return wrapper

    def spans(self) -> dict:
        return {"seconds": self.seconds, "cpu_seconds": self.cpu, "calls": self.calls, "events_cpu": self.events}

    def report(self) -> dict:
        wall, cpu = (now - then for now, then in zip(clocks(), self.start))
        seconds, cpu_seconds = dict(self.seconds), dict(self.cpu)
        seconds[REST] = wall - sum(seconds.values())
        cpu_seconds[REST] = cpu - sum(cpu_seconds.values())
        for name, value in self.absorbed_seconds.items():
            seconds[name] = seconds.get(name, 0.0) + value
        return {"wall": wall, "cpu": cpu, "seconds": seconds, "cpu_seconds": cpu_seconds, "calls": dict(self.calls),
                "events_cpu": dict(self.events), "pages": self.calls.get("mkdocs: templates", 0),
                "forked_wall": sum(self.absorbed_seconds.values())}


TIMER: Timer | None = Timer() if os.environ.get(ENV) else None


@contextmanager
def span(name: str):
    """Time a stretch of build work (a no-op unless ``QBANK_TIMING`` is set)."""
    if TIMER is None:
        yield
    else:
        with TIMER.span(name):
            yield


def instrument(plugins) -> None:
    """Wrap every event handler of ``plugins`` (MkDocs' PluginCollection) and MkDocs' page steps; idempotent."""
    from mkdocs.commands import build

    if TIMER is None:
        return
    if TIMER.start is None:
        TIMER.start = clocks()
    for name, step in (("mkdocs: markdown", "_populate_page"), ("mkdocs: templates", "_build_page")):
        setattr(build, step, TIMER.timed(name, getattr(build, step)))
    for event, handlers in plugins.events.items():
        for i, handler in enumerate(handlers):
            owner = plugins._event_origins.get(handler, "<unknown>")
            wrapped = TIMER.timed(owner, handler, event)
            if wrapped is not handler:
                handlers[i] = wrapped
                plugins._event_origins[wrapped] = owner


def forked() -> None:
    """In a forked process: forget the spans measured before the fork, which the parent reports."""
    if TIMER is not None:
        for spans in TIMER.spans().values():
            spans.clear()


def dump(path: str) -> None:
    """In a forked process, before it exits: its spans, for ``absorb``."""
    if TIMER is not None:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(TIMER.spans(), out)


def absorb(path: str, reaped_cpu: float, waiting: str) -> None:
    """Add a forked process's spans (``dump``) to this one's. Waiting for it (the span ``waiting``) counted its
    whole CPU time, reaped with it: that moves to its own spans, and what none of them covers to ``mkdocs: rest``."""
    if TIMER is None:
        return
    with open(path, encoding="utf-8") as source:
        spans = json.load(source)
    for name, value in spans["seconds"].items():
        TIMER.absorbed_seconds[name] += value
    for key in ("cpu_seconds", "calls", "events_cpu"):
        own = TIMER.spans()[key]
        for name, value in spans[key].items():
            own[name] += value
    TIMER.cpu[waiting] -= reaped_cpu


def write_report() -> None:
    if TIMER is None or TIMER.start is None:
        return
    with open(os.environ[ENV], "w", encoding="utf-8") as out:
        json.dump(TIMER.report(), out, indent=1)
