"""Read and validate every question file; hold the catalog the other hooks use.

``on_files`` runs at the default priority, *before* mkdocs-static-i18n (-100)
narrows the files to the language being built, so the catalog always holds
every language and twin checks can see both sides. Every language pass reads the
same sources: the nested pass of each further language reuses the catalog of the
first (``qbank.catalog.cached_catalog``) instead of parsing every file again.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from qbank.catalog import cached_catalog, is_question_source, is_tests_source
from qbank.followups import check_followups
from qbank.freshness import DRIFTED
from qbank.languages import languages
from qbank.state import STATE
from qbank.tags import load_vocabulary
from qbank.topics import load_topics

log = get_plugin_logger("question_bank")


def on_config(config: MkDocsConfig) -> None:
    STATE.reset()


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    langs = languages(config)
    topics = load_topics(config.docs_dir, langs.locales)
    catalog = cached_catalog(
        [(f.src_uri, f.content_string) for f in files if not f.generated_by and is_question_source(f.src_uri)],
        topics=topics,
        vocabulary=load_vocabulary(config.docs_dir),
        locales=langs.locales,
        default_locale=langs.default,
        answer_titles={locale: text["answer_title"] for locale, text in langs.strings.items()},
        tests_files=[f.src_uri for f in files if not f.generated_by and is_tests_source(f.src_uri)],
    )
    # The follow-up questions of every answer, for questions.json; a malformed section is a problem like any other.
    labels = {locale: (text["followups"]["title"], text["followups"]["label"]) for locale, text in langs.strings.items()}
    STATE.followups, followup_problems = check_followups(
        (page for question in catalog.questions.values() for page in question.pages.values()), labels)
    # The nested pass of each further language sees the same sources: report once. (The catalog itself is shared
    # by the passes, so it is not changed here.)
    if langs.first_pass:
        for problem in sorted(catalog.problems + followup_problems):
            log.error(str(problem))
        log.info(f"{len(catalog.questions)} questions in {len(topics)} topics, {len(langs.locales)} languages")
        # Not a problem: the page shows a notice until the translation is brought in line.
        drifted = catalog.translations(DRIFTED)
        if drifted:
            log.info(f"{len(drifted)} translations changed in their {langs.default} original since they were brought in line "
                     f"(make drift): {', '.join(page.path for page in drifted)}")
    STATE.catalog = catalog
