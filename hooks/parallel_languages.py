"""Build the two languages side by side: ``mkdocs build`` forks the second language's build while the first runs.

mkdocs-static-i18n builds the default language, then, in its ``on_post_build`` (priority -100), runs the whole
build again for each further language, one after the other; nearly all of that time is Python-Markdown and
Jinja on one core. Here the second language's pass is the same nested build, only started earlier, in a forked
process, so the two passes share the machine's cores. The output is the sequential build's, byte for byte
(tests/test_parallel_build.py); ``QBANK_SEQUENTIAL=1`` builds one language after the other.

- ``on_startup``: only the ``build`` and ``gh-deploy`` commands fork. ``serve`` rebuilds in a thread of a
  threaded process, where a fork is unsafe, and a build started from Python (the tests' fixtures) never says
  which command it is: both stay sequential.
- ``on_nav`` at priority -300, the last of that event, in the first pass: this language's pages have by then been
  recorded for the sitemap (i18n's ``i18n_files_per_language``, by i18n at -100 and by hooks/topic_pages.py at
  -200, after the hooks added theirs), which the last pass writes, and ``qbank.catalog`` has parsed the questions
  (the nested pass reuses them), so the forked process starts the nested build exactly as i18n's
  ``on_post_build`` would. The first pass then leaves out the theme's static templates (404.html, sitemap.xml):
  the sequential build's last pass overwrites them, and here that pass is the forked one; and it sets i18n's
  ``building`` flag, which i18n reads only in its ``on_post_build`` (-100): it then builds no further language.
- ``on_post_build`` at priority -150: after this language's search index (hooks/search_index.py, -90), so both
  indexes are built at once, waits for the forked build (its failure fails this build) and clears the flag, so
  what runs after (hooks/diagrams.py, -200) sees the end of the first pass, as after a sequential build.
- ``on_build_error``: a failed first pass stops the forked one.

Two languages only: with a third, the last pass's sitemap would miss the middle one's pages; the build then stays
sequential. The languages' timings (``QBANK_TIMING``) are merged: ``qbank.timing.absorb``.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs_static_i18n.utils import I18nLoggingFilter

from qbank import timing
from qbank.languages import languages

log = get_plugin_logger("parallel_languages")

SEQUENTIAL_ENV = "QBANK_SEQUENTIAL"
FORKING_COMMANDS = ("build", "gh-deploy")
WAITING = "waiting for the other language"  # a span of the build's timings (qbank.timing)


class Fork:
    command: str | None = None
    pid: int | None = None
    locale = ""
    timings = ""


FORK = Fork()


def on_startup(*, command: str, dirty: bool) -> None:
    FORK.command = command


@event_priority(-300)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    langs = languages(config)
    others = [locale for locale in config.plugins["i18n"].build_languages if locale != langs.current]
    if (not langs.first_pass or FORK.command not in FORKING_COMMANDS or os.environ.get(SEQUENTIAL_ENV)
            or len(others) != 1 or not hasattr(os, "fork")):
        return
    FORK.locale = others[0]
    FORK.timings = tempfile.mkstemp(prefix="qbank-timing-", suffix=".json")[1] if timing.TIMER else ""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:
        _build_in_child(config)
    FORK.pid = pid
    config.theme.static_templates.clear()
    config.plugins["i18n"].building = True


def _build_in_child(config: MkDocsConfig) -> None:
    """The nested build of the other language, as i18n's ``on_post_build`` runs it; never returns."""
    timing.forked()
    status = 1
    i18n = config.plugins["i18n"]
    try:
        i18n.building = True
        i18n.current_language = FORK.locale
        build_logger = logging.getLogger("mkdocs.commands.build")
        quiet = I18nLoggingFilter()
        quiet.filtered_prefixes.update(("Documentation built in", "Building documentation to directory"))
        build_logger.addFilter(quiet)
        utils.clean_directory = lambda directory: directory  # the first pass has cleaned it and is writing into it
        build(config, dirty="--dirty" in sys.argv)
        status = 0
    except Abort as abort:  # strict mode's warnings or a BuildError, logged already
        log.error(f"the '{FORK.locale}' build stopped: {abort.message}")
    except BaseException as error:  # noqa: BLE001 - the parent reports that this build failed
        log.error(f"the '{FORK.locale}' build failed: {type(error).__name__}: {error}")
    finally:
        if FORK.timings:
            timing.dump(FORK.timings)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(status)


@event_priority(-150)
def on_post_build(*, config: MkDocsConfig) -> None:
    if FORK.pid is None:
        return
    pid, FORK.pid = FORK.pid, None
    with timing.span(WAITING):
        _, status, usage = os.wait4(pid, 0)
    if FORK.timings:
        timing.absorb(FORK.timings, usage.ru_utime + usage.ru_stime, WAITING)
        os.unlink(FORK.timings)
    config.plugins["i18n"].building = False
    if os.waitstatus_to_exitcode(status) != 0:
        raise PluginError(f"the '{FORK.locale}' pages: expected them built, found their build failed (see above)")


def on_build_error(*, error: Exception) -> None:
    if FORK.pid is not None:
        os.kill(FORK.pid, signal.SIGTERM)
        os.waitpid(FORK.pid, 0)
        FORK.pid = None
