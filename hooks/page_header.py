"""The lines under each question's title: difficulty, when its facts were last checked, and a "report a problem" link;
the other names readers know the concept by (``aliases``); on a translation whose original changed since it was
brought in line, a notice that links the original.

All are raw HTML inserted right after the H1 in ``on_page_markdown``, outside the
hidden answer. The info line and the notice are marked ``data-pagefind-ignore`` so search
neither indexes nor excerpts them; the aliases are indexed (hooks/search_index.py weighs
them like the title: readers search by the name they know) and kept as Pagefind metadata,
so a result can show the alias that matched (docs/assets/search.js). The report link opens the issue form ``.github/ISSUE_TEMPLATE/answer-problem.yml``
on the repository of ``repo_url``, pre-filled through query parameters named after
the form's field ids. The notice links the original by its URL, not by its ``.md``
file: mkdocs-static-i18n would resolve a link to the Chinese file to the English page.
"""

from __future__ import annotations

import html
from urllib.parse import quote, urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from qbank.answers import plain_text
from qbank.freshness import DRIFTED
from qbank.languages import languages
from qbank.listing import difficulty_label
from qbank.page import after_title
from qbank.state import STATE

REPORT_FORM = "answer-problem.yml"
# Query parameter -> what it carries; each is the id of a field of the form.
REPORT_FIELDS = ("question", "language", "page")


def report_url(repo_url: str, *, question: str, language: str, page: str, title: str) -> str:
    query = {"template": REPORT_FORM, "question": question, "language": language, "page": page, "title": title}
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode(query, quote_via=quote)}"


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    question = STATE.require_catalog().by_src_uri(page.file.src_uri)
    if question is None:
        return markdown
    langs = languages(config)
    strings = langs.text["freshness"]
    source = question.pages[langs.current]
    day = source.meta.updated.isoformat()
    parts = [
        html.escape(difficulty_label(langs.text, question.meta.difficulty)),
        html.escape(strings["last_checked"]).format(date=f'<time datetime="{day}">{day}</time>'),
    ]
    if config.repo_url:
        url = report_url(config.repo_url, question=question.id, language=langs.current,
                         page=page.canonical_url or page.url,
                         title=strings["report_title"].format(title=plain_text(source.title)))
        parts.append(f'<a class="qbank-report" href="{html.escape(url)}" target="_blank" rel="noopener">'
                     f'{html.escape(strings["report"])}</a>')
    inserted = ['<div class="qbank-page-info" data-pagefind-ignore>' + " · ".join(parts) + "</div>"]
    if source.meta.aliases:
        inserted.append(_aliases_line(source.meta.aliases, langs.text["aliases"]))
    if question.translation_state(langs.current) == DRIFTED:
        inserted.append(_drift_notice(page, langs.site_prefix(), strings))
    return after_title(markdown, inserted)


def _aliases_line(aliases: tuple[str, ...], label: str) -> str:
    joined = html.escape(" · ".join(aliases))
    return (f'<p class="qbank-aliases" data-pagefind-meta="aliases:{joined}">'
            f'{html.escape(label).format(aliases=joined)}</p>')


def _drift_notice(page: Page, prefix: str, strings: dict) -> str:
    original = get_relative_url(page.url.removeprefix(prefix), page.url)
    return "\n".join([
        '<div class="admonition warning qbank-drift" data-pagefind-ignore>',
        f'<p class="admonition-title">{html.escape(strings["drift_title"])}</p>',
        f'<p>{html.escape(strings["drift_text"])} <a href="{html.escape(original)}">{html.escape(strings["drift_link"])}</a></p>',
        "</div>",
    ])
