"""Generated listings: one index page per topic, an all-questions page, the home-page topic table.

Pages are added in ``on_files`` at priority -200, after mkdocs-static-i18n (see
``qbank.generated``). ``on_nav`` (also after i18n) then puts topics in their
declared order and names sections after their topic.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from qbank.catalog import QUESTIONS_DIR
from qbank.generated import generated_page
from qbank.languages import languages
from qbank.listing import all_questions_page, tag_overview, topic_dir, topic_page, topic_summary_table
from qbank.state import STATE

HOME_MARKER = "<!-- qbank:topics -->"
TAGS_MARKER = "<!-- qbank:tags -->"


@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    langs = languages(config)
    catalog = STATE.require_catalog()
    pages = {QUESTIONS_DIR: all_questions_page(catalog, locale=langs.current, text=langs.text)}
    for topic in catalog.topics.values():
        pages[topic_dir(topic)] = topic_page(catalog, topic, locale=langs.current, default=langs.default, text=langs.text)
    for directory, content in pages.items():
        files.append(generated_page(config, langs, directory, "index", content))
    return files


@event_priority(-200)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    langs = languages(config)
    catalog = STATE.require_catalog()
    # The i18n sitemap lists the pages it saw in its own on_files; by now every hook has added its pages.
    config.plugins["i18n"].i18n_files_per_language[langs.current] = files.documentation_pages()
    titles = {QUESTIONS_DIR: langs.text["all_questions_title"]}
    titles.update({topic_dir(topic): topic.name(langs.current) for topic in catalog.topics.values()})
    order = {topic_dir(topic): topic.order for topic in catalog.topics.values()}
    position = {page.src_uri: i for i, q in enumerate(catalog.questions.values()) for page in q.pages.values()}
    for section in _sections(nav.items):
        section.title = titles.get(_section_dir(section), section.title)
        section.children.sort(key=lambda item: _nav_key(item, order, position))
    # Home first, then the questions; other top-level pages keep their (alphabetical) order.
    nav.items.sort(key=lambda item: 0 if item is nav.homepage else 1 if isinstance(item, Section) and _section_dir(item) == QUESTIONS_DIR else 2)
    return nav


def _tag_anchor(config: MkDocsConfig):
    """The id material's tags plugin gives a tag's heading in its listing (its own slug settings)."""
    tags = config.plugins["material/tags"].config
    return lambda tag: tags.tags_slugify_format.format(slug=tags.tags_slugify(tag, tags.tags_slugify_separator))


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
    if TAGS_MARKER in markdown:
        return markdown.replace(TAGS_MARKER, tag_overview(STATE.require_catalog(), text=languages(config).text,
                                                          anchor=_tag_anchor(config)))
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
