"""Generated listings: one index page per topic, an all-questions page, the home-page topic table.

Pages are added in ``on_files`` at priority -200, *after* mkdocs-static-i18n
(-100): its ``on_files`` crashes on generated files it finds already there.
Because they arrive after it, this module gives them what it gives real pages:
the language prefix in ``dest_uri`` and the i18n attributes the language
switcher and the sitemap read. ``on_nav`` (also after i18n) then puts topics in
their declared order and names sections after their topic.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from qbank.catalog import QUESTIONS_DIR
from qbank.languages import Languages, languages
from qbank.listing import all_questions_page, index_src_uri, topic_dir, topic_page, topic_summary_table
from qbank.state import STATE

HOME_MARKER = "<!-- qbank:topics -->"


@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    langs = languages(config)
    catalog = STATE.require_catalog()
    pages = {QUESTIONS_DIR: all_questions_page(catalog, locale=langs.current, text=langs.text)}
    for topic in catalog.topics.values():
        pages[topic_dir(topic)] = topic_page(catalog, topic, locale=langs.current, text=langs.text)
    for directory, content in pages.items():
        files.append(_generated_index(config, langs, directory, content))
    # The i18n sitemap lists what it recorded in its own on_files; add ours to it.
    config.plugins["i18n"].i18n_files_per_language[langs.current] = files.documentation_pages()
    return files


def _generated_index(config: MkDocsConfig, langs: Languages, directory: str, content: str) -> File:
    file = File.generated(config, index_src_uri(directory, langs.current, langs.default), content=content)
    file.name = "index"  # so Page.is_index holds and navigation.indexes makes it the section page
    _localize(file, langs, langs.current, directory)
    file.alternates = {langs.current: file}
    for locale in langs.locales:
        if locale != langs.current:
            twin = File.generated(config, index_src_uri(directory, locale, langs.default), content="")
            _localize(twin, langs, locale, directory)
            file.alternates[locale] = twin
    return file


def _localize(file: File, langs: Languages, locale: str, directory: str) -> None:
    """The attributes mkdocs-static-i18n sets on the files it handles (see its suffix.create_i18n_file)."""
    file.dest_uri = posixpath.join(langs.site_prefix(locale) + directory, "index.html")
    file.locale = locale
    file.localization = None if locale == langs.default else locale
    file.locale_alternate_of = langs.current
    file.norm_src_uri = posixpath.join(directory, "index.md")


@event_priority(-200)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    langs = languages(config)
    catalog = STATE.require_catalog()
    titles = {QUESTIONS_DIR: langs.text["all_questions_title"]}
    titles.update({topic_dir(topic): topic.name(langs.current) for topic in catalog.topics.values()})
    order = {topic_dir(topic): topic.order for topic in catalog.topics.values()}
    position = {page.src_uri: i for i, q in enumerate(catalog.questions.values()) for page in q.pages.values()}
    for section in _sections(nav.items):
        section.title = titles.get(_section_dir(section), section.title)
        section.children.sort(key=lambda item: _nav_key(item, order, position))
    return nav


def _sections(items):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def _nav_key(item, order: dict[str, int], position: dict[str, int]) -> tuple:
    """Index page first, then topic sections in declared order, then questions in catalog order."""
    if isinstance(item, Page):
        return (0 if item.is_index else 2, position.get(item.file.src_uri, len(position)), item.file.src_uri)
    return (1, order.get(_section_dir(item), len(order)), item.title or "")


def _section_dir(section: Section) -> str:
    """A section stands for the folder of its index page (navigation.indexes puts it first)."""
    index = section.children[0] if section.children else None
    return posixpath.dirname(index.file.src_uri) if isinstance(index, Page) and index.is_index else ""


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if HOME_MARKER not in markdown:
        return markdown
    langs = languages(config)
    table = topic_summary_table(
        STATE.require_catalog(),
        locale=langs.current,
        default=langs.default,
        text=langs.text,
        from_dir=posixpath.dirname(page.file.src_uri),
    )
    return markdown.replace(HOME_MARKER, table)
