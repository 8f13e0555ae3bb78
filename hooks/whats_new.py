"""What's new: a "recently updated" page and an Atom feed (``feed.xml``) per language.

Both list every question by its page's ``updated`` date, newest first
(``qbank.feed``). They are generated in ``on_files`` at priority -200, after
mkdocs-static-i18n (see ``qbank.generated``), when the files of the language being
built have their final URLs; feed URLs are absolute, from ``site_url``.
``overrides/main.html`` links the feed from every page's ``<head>``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from qbank.answers import focus_text, plain_text
from qbank.feed import FEED_FILE, FeedEntry, atom_feed, entry_id, newest_first
from qbank.generated import generated_page
from qbank.languages import languages
from qbank.listing import RECENT, recent_page
from qbank.state import STATE


@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    langs = languages(config)
    catalog = STATE.require_catalog()
    strings = langs.text["freshness"]
    recent = generated_page(config, langs, "", RECENT, recent_page(catalog, locale=langs.current, text=langs.text))
    files.append(recent)

    root = (config.site_url or "/").rstrip("/") + "/"
    entries = []
    for question in newest_first(catalog, langs.current):
        page = question.pages[langs.current]
        url = root + files.src_uris[page.src_uri].url
        entries.append(FeedEntry(
            id=entry_id(url, page.meta.updated), title=plain_text(page.title), url=url, updated=page.meta.updated,
            summary=focus_text(page.body, langs.text["focus_title"]), topic=question.meta.topic,
            topic_name=catalog.topics[question.meta.topic].name(langs.current),
        ))
    feed = atom_feed(
        entries, feed_url=root + langs.site_prefix() + FEED_FILE, page_url=root + recent.url,
        title=strings["feed_title"].format(site_name=config.site_name), subtitle=config.site_description or "",
        locale=langs.current, author=config.site_name, author_uri=config.repo_url, rights=config.copyright,
    )
    file = File.generated(config, FEED_FILE, content=feed)
    file.dest_uri = langs.site_prefix() + FEED_FILE
    files.append(file)
    return files
