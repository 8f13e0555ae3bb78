"""Study downloads: Anki deck, TSV, llms.txt and llms-full.txt per language, printable topic pages,
and the tables of the downloads page.

Everything is generated in ``on_files`` at priority -200 (after mkdocs-static-i18n,
see ``qbank.generated``) as files of the build, so links to them resolve like any
other, and the sizes on the downloads page are the sizes of the files published.

A printable page is made of its question pages' own HTML (qbank.printable): each answer is converted once.
``on_page_markdown`` runs at priority 100, before page_header.py inserts its lines after the title and
related_questions.py appends its list, so the body marks hold only the author's text. ``on_page_content`` runs at
priority 100, before math_render.py, diagrams.py and accessibility.py: a body is kept as Markdown made it, and a
printable page, filled first, then passes through those hooks like any page. MkDocs renders the pages in the
order of the files, and the printable pages come after the question files, so every body is kept before a
printable page asks for it (``fill`` says so if one is missing).
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from qbank.catalog import Catalog
from qbank.exports import Export, QuestionText, anki_deck, llms_full, llms_index, tsv_table
from qbank.generated import generated_page, source_uri
from qbank.languages import Languages, languages
from qbank.listing import PRINTABLE, md_link, md_table, printable_page, topic_dir
from qbank.printable import PLACEHOLDER, PrintableError, fill, mark_body, take_body
from qbank.state import STATE

DOWNLOADS_DIR = "downloads"
FILES_MARKER = "<!-- qbank:downloads -->"
PRINTABLES_MARKER = "<!-- qbank:printables -->"


@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    langs = languages(config)
    catalog = STATE.require_catalog()
    for topic in catalog.topics.values():
        if catalog.in_topic(topic.id):
            content = printable_page(catalog, topic, locale=langs.current, text=langs.text)
            files.append(generated_page(config, langs, topic_dir(topic), PRINTABLE, content, in_nav=False))
    STATE.exports = _exports(config, langs, catalog, files)
    for export in STATE.exports:
        file = File.generated(config, export_src_uri(export), content=export.content)
        file.dest_uri = langs.site_prefix() + export_src_uri(export)
        files.append(file)
    return files


def export_src_uri(export: Export) -> str:
    return export.name if export.kind.startswith("llms") else posixpath.join(DOWNLOADS_DIR, export.name)


def _exports(config: MkDocsConfig, langs: Languages, catalog: Catalog, files: Files) -> list[Export]:
    locale, text = langs.current, langs.text
    site_root = (config.site_url or "/").rstrip("/") + "/"
    texts = [
        QuestionText(q, locale, text["short_answer_label"], site_root + files.src_uris[q.pages[locale].src_uri].url)
        for q in catalog.questions.values()
    ]
    topic_names = {topic.id: topic.name(locale) for topic in catalog.topics.values()}
    root = site_root + langs.site_prefix()
    others = {f"llms.txt ({other})": site_root + langs.site_prefix(other) + "llms.txt"
              for other in langs.locales if other != locale}
    base = f"llm-app-interview-guide-{locale}"
    n = len(texts)
    return [
        Export(f"{base}.apkg", "anki", anki_deck(texts, locale=locale, site_name=config.site_name, topic_names=topic_names), n),
        Export(f"{base}.tsv", "tsv", tsv_table(texts, header=text["downloads"]["tsv_header"], topic_names=topic_names,
                                                 difficulty=text["difficulty"]), n),
        Export("llms.txt", "llms", llms_index(texts, catalog, locale=locale, site_name=config.site_name,
                                              summary=config.site_description, full_url=root + "llms-full.txt",
                                              other_languages=others), n),
        Export("llms-full.txt", "llms_full", llms_full(texts, site_name=config.site_name, summary=config.site_description), n),
    ]


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.require_catalog().by_src_uri(page.file.src_uri) is not None:
        return mark_body(markdown)
    if FILES_MARKER not in markdown and PRINTABLES_MARKER not in markdown:
        return markdown
    langs = languages(config)
    here = posixpath.dirname(page.file.src_uri)
    strings = langs.text["downloads"]
    rows = []
    for export in STATE.exports:
        link = md_link(export.name, posixpath.relpath(export_src_uri(export), here or "."))
        rows.append([link, strings[export.kind].format(count=export.count), _size(len(export.content))])
    catalog = STATE.require_catalog()
    printables = []
    for topic in catalog.topics.values():
        count = len(catalog.in_topic(topic.id))
        if count:
            target = posixpath.relpath(source_uri(topic_dir(topic), PRINTABLE, langs.current, langs.default), here or ".")
            printables.append(f"- {md_link(topic.name(langs.current), target)} ({count})")
    return markdown.replace(FILES_MARKER, md_table(strings["header"], rows)).replace(PRINTABLES_MARKER, "\n".join(printables))


@event_priority(100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        question = STATE.require_catalog().by_src_uri(page.file.src_uri)
        if question is not None:
            html, STATE.bodies[question.id] = take_body(html)
        elif PLACEHOLDER.search(html):
            html = fill(html, STATE.bodies)
    except PrintableError as error:
        raise PluginError(f"docs/{page.file.src_uri}: printable page: {error}") from None
    return html


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} B"
