"""Every question of the site, in every language, checked across files.

The catalog is built from the raw sources of *all* languages at once (before
mkdocs-static-i18n narrows the files to one language), so twin checks and the
related-question scores are the same whichever language is being built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from .freshness import body_hash, translation_state
from .page import QuestionPage, parse_question, source_path
from .problems import Problem
from .tags import Vocabulary
from .topics import Topic

QUESTIONS_DIR = "questions"
QUESTION_PATH = re.compile(rf"^{QUESTIONS_DIR}/(?P<topic>[^/]+)/(?P<slug>[^/.]+)(?:\.(?P<locale>[^/.]+))?\.md$")
# Fields a translation must repeat exactly, so every language lists the question in the same place.
TWIN_FIELDS = ("topic", "seed", "difficulty", "tags", "related", "kind")
# An exercise's tests: one file for every language, beside its pages, served by the site to the browser's runner.
TESTS_SUFFIX = ".tests.py"
TESTS_PATH = re.compile(rf"^{QUESTIONS_DIR}/(?P<topic>[^/]+)/(?P<slug>[^/.]+){re.escape(TESTS_SUFFIX)}$")


@dataclass
class Question:
    """One question: shared metadata and its page in each language."""

    pages: dict[str, QuestionPage]
    default_locale: str

    @property
    def meta(self):
        return self.pages[self.default_locale].meta

    @property
    def id(self) -> str:
        return self.meta.id

    def title(self, locale: str) -> str:
        return self.pages[locale].title

    @property
    def is_exercise(self) -> bool:
        return self.meta.is_exercise

    @property
    def tests_uri(self) -> str | None:
        """An exercise's tests file, relative to docs/ (and to the site root, where it is served once)."""
        return tests_uri(self.meta.topic, self.id) if self.is_exercise else None

    @cached_property
    def original_hash(self) -> str:
        """The fingerprint of the original's text, which a translation's ``source_hash`` records."""
        return body_hash(self.pages[self.default_locale].body)

    def translation_state(self, locale: str) -> str | None:
        """``synced``, ``drifted`` or ``untracked`` for a translation (see ``qbank.freshness``); None for the original."""
        if locale == self.default_locale:
            return None
        return translation_state(self.pages[locale].meta.source_hash, self.original_hash)


@dataclass
class Catalog:
    topics: dict[str, Topic]
    locales: list[str]
    default_locale: str
    questions: dict[str, Question] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def translations(self, state: str) -> list[QuestionPage]:
        """The translations in a state (``qbank.freshness``), in catalog order."""
        return [q.pages[locale] for q in self.questions.values() for locale in self.locales
                if q.translation_state(locale) == state]

    def in_topic(self, topic_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.meta.topic == topic_id]

    def next_after(self, question_id: str) -> Question | None:
        """The question after this one in the site's order (that of ``questions.json``), None after the last."""
        return self._next.get(question_id)

    @cached_property
    def _next(self) -> dict[str, Question]:
        # Read once the catalog is complete (build_catalog returns it sorted): one pass, not one per page.
        ordered = list(self.questions.values())
        return {question.id: following for question, following in zip(ordered, ordered[1:])}

    def by_src_uri(self, src_uri: str) -> Question | None:
        match = QUESTION_PATH.match(src_uri)
        question = self.questions.get(match["slug"]) if match else None
        if question and any(page.src_uri == src_uri for page in question.pages.values()):
            return question
        return None


def tests_uri(topic: str, question_id: str) -> str:
    return f"{QUESTIONS_DIR}/{topic}/{question_id}{TESTS_SUFFIX}"


def is_tests_source(src_uri: str) -> bool:
    return bool(TESTS_PATH.match(src_uri))


def is_question_source(src_uri: str) -> bool:
    """Markdown under ``questions/`` except the generated index pages."""
    return src_uri.startswith(f"{QUESTIONS_DIR}/") and src_uri.endswith(".md") and not _is_index(src_uri)


def _is_index(src_uri: str) -> bool:
    name = src_uri.rsplit("/", 1)[-1]
    return name == "index.md" or bool(re.fullmatch(r"index\.[^/.]+\.md", name))


def build_catalog(
    sources: Iterable[tuple[str, str]],
    *,
    topics: dict[str, Topic],
    vocabulary: Vocabulary,
    locales: list[str],
    default_locale: str,
    answer_titles: dict[str, str],
    tests_files: Iterable[str] = (),
) -> Catalog:
    """Parse ``(src_uri, source)`` pairs into a checked catalog; problems are collected, never raised.

    ``tests_files`` are the src_uris of the exercises' tests files (``<id>.tests.py``) that exist."""
    catalog = Catalog(topics, locales, default_locale)
    pages: dict[str, dict[str, QuestionPage]] = {}
    sources = sorted(sources)
    # A twin that exists but failed its own checks is reported once, for itself, not again as missing.
    existing = {src_uri for src_uri, _ in sources}
    for src_uri, source in sources:
        page = _parse(catalog, src_uri, source, answer_titles)
        if page is None:
            continue
        # An unknown tag is reported in every file that carries it (each must change), the page kept.
        catalog.problems.extend(Problem(page.path, "tags", message)
                                for message in map(vocabulary.problem, page.meta.tags) if message)
        twins = pages.setdefault(page.meta.id, {})
        if page.locale in twins:
            catalog.problems.append(Problem(page.path, "id", f"expected a unique id, found '{page.meta.id}' also in {twins[page.locale].path}"))
            continue
        twins[page.locale] = page

    for question_id, twins in pages.items():
        question = _join_twins(catalog, twins, existing)
        if question:
            catalog.questions[question_id] = question
    _check_references(catalog)
    _check_tests_files(catalog, set(tests_files), existing)
    catalog.questions = dict(sorted(catalog.questions.items(), key=lambda item: _order(topics, item[1])))
    catalog.problems.sort()
    return catalog


_CACHE: dict[str, tuple[tuple, Catalog]] = {}


def cached_catalog(sources: list[tuple[str, str]], **settings) -> Catalog:
    """``build_catalog``, reusing the catalog last built from the very same sources and settings.

    mkdocs-static-i18n builds each further language in a nested pass that reads the same files: parsing and checking
    2,000 questions again cost as much as the first time. Any change to a source (``mkdocs serve``) or to a setting
    (topics, vocabulary, languages) builds anew. The catalog is not changed by the hooks once built.
    """
    key = (tuple(sorted(sources)), repr(sorted(settings.items(), key=lambda item: item[0])))
    last = _CACHE.get("last")
    if last is None or last[0] != key:
        last = _CACHE["last"] = (key, build_catalog(sources, **settings))
    return last[1]


def _parse(catalog: Catalog, src_uri: str, source: str, answer_titles: dict[str, str]) -> QuestionPage | None:
    path = source_path(src_uri)
    match = QUESTION_PATH.match(src_uri)
    if not match or (match["locale"] and match["locale"] not in catalog.locales):
        catalog.problems.append(Problem(path, "path", f"expected docs/{QUESTIONS_DIR}/<topic>/<slug>.md or <slug>.<language>.md with a language of {', '.join(catalog.locales)}, found {src_uri}"))
        return None
    locale = match["locale"] or catalog.default_locale
    page, problems = parse_question(src_uri, source, locale=locale, answer_title=answer_titles[locale])
    catalog.problems.extend(problems)
    if page is None:
        return None
    meta = page.meta
    if meta.id != match["slug"]:
        catalog.problems.append(Problem(path, "id", f"expected '{match['slug']}' (the file name), found '{meta.id}'"))
        return None
    if meta.topic not in catalog.topics:
        catalog.problems.append(Problem(path, "topic", f"expected one of {', '.join(catalog.topics)}, found '{meta.topic}'"))
        return None
    if meta.topic != match["topic"]:
        catalog.problems.append(Problem(path, "topic", f"expected '{match['topic']}' (the folder the file is in), found '{meta.topic}'"))
        return None
    if locale == catalog.default_locale and meta.source_hash is not None:
        catalog.problems.append(Problem(path, "source_hash", f"expected it only on a translation (it records the {locale} text the translation follows), found it on the {locale} original"))
        return None
    return page


def _join_twins(catalog: Catalog, twins: dict[str, QuestionPage], existing: set[str]) -> Question | None:
    primary = twins.get(catalog.default_locale)
    if primary is None:
        some = next(iter(twins.values()))
        expected = some.src_uri.replace(f".{some.locale}.md", ".md")
        if expected not in existing:
            catalog.problems.append(Problem(some.path, "translation", f"expected the {catalog.default_locale} page {source_path(expected)} it translates, found none"))
        return None
    complete = True
    for locale in catalog.locales:
        twin = twins.get(locale)
        if twin is None:
            expected = primary.src_uri[: -len(".md")] + f".{locale}.md"
            if expected not in existing:
                catalog.problems.append(Problem(primary.path, "translation", f"expected the {locale} twin {source_path(expected)}, found none"))
            complete = False
            continue
        for name in TWIN_FIELDS:
            mine, theirs = getattr(twin.meta, name), getattr(primary.meta, name)
            if mine != theirs:
                catalog.problems.append(Problem(twin.path, name, f"expected {_show(theirs)} as in its twin {primary.path}, found {_show(mine)}"))
                complete = False
    return Question(twins, catalog.default_locale) if complete else None


def _check_references(catalog: Catalog) -> None:
    seeds: dict[int, Question] = {}
    for question in catalog.questions.values():
        path = question.pages[catalog.default_locale].path
        for other in question.meta.related:
            if other == question.id:
                catalog.problems.append(Problem(path, "related", "expected ids of other questions, found the question's own id"))
            elif other not in catalog.questions:
                catalog.problems.append(Problem(path, "related", f"expected ids of existing questions, found unknown id '{other}'"))
        seed = question.meta.seed
        if seed is not None:
            if seed in seeds:
                first = seeds[seed].pages[catalog.default_locale].path
                catalog.problems.append(Problem(path, "seed", f"expected each seed number once, found {seed} also in {first}"))
            else:
                seeds[seed] = question


def _check_tests_files(catalog: Catalog, tests_files: set[str], existing: set[str]) -> None:
    """Every exercise has its tests file; every tests file belongs to an exercise."""
    for question in list(catalog.questions.values()):
        if question.is_exercise and question.tests_uri not in tests_files:
            catalog.problems.append(Problem(question.pages[catalog.default_locale].path, "tests",
                                            f"expected the exercise's tests file {source_path(question.tests_uri)}, found none"))
    wanted = {q.tests_uri for q in catalog.questions.values() if q.is_exercise}
    for uri in sorted(tests_files - wanted):
        page_uri = uri[: -len(TESTS_SUFFIX)] + ".md"
        page = source_path(page_uri)
        question = catalog.by_src_uri(page_uri)
        if question is not None:
            found = f"'kind: {question.meta.kind}' in {page}"
        elif page_uri in existing:
            continue  # its page failed its own checks, reported there
        else:
            found = "no such page"
        catalog.problems.append(Problem(source_path(uri), "kind", f"expected the page {page} with 'kind: exercise' these tests belong to, found {found}"))


def _order(topics: dict[str, Topic], question: Question) -> tuple:
    meta = question.meta
    return (topics[meta.topic].order, meta.seed is None, meta.seed or 0, meta.id)


def _show(value) -> str:
    return repr(list(value)) if isinstance(value, tuple) else repr(value)
