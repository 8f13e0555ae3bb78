"""Virtual pages for the language being built, shaped like the pages mkdocs-static-i18n handles.

They are added in ``on_files`` at priority -200, *after* mkdocs-static-i18n (-100):
its ``on_files`` crashes on generated files it finds already there. So they get what
it gives real pages (see its ``suffix.create_i18n_file``): the language prefix in
``dest_uri`` and the attributes the language switcher and the sitemap read.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .languages import Languages


def source_uri(directory: str, name: str, locale: str, default: str) -> str:
    """``<directory>/<name>.md`` for the default language, ``<name>.<locale>.md`` for the others."""
    suffix = ".md" if locale == default else f".{locale}.md"
    return posixpath.join(directory, name + suffix)


def generated_page(config: MkDocsConfig, langs: Languages, directory: str, name: str, content: str,
                   *, in_nav: bool = True) -> File:
    file = File.generated(config, source_uri(directory, name, langs.current, langs.default), content=content,
                          inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV)
    file.name = name  # "index" makes Page.is_index hold, so navigation.indexes makes it the section page
    _localize(file, langs, langs.current, directory, name)
    file.alternates = {langs.current: file}
    for locale in langs.locales:
        if locale != langs.current:
            twin = File.generated(config, source_uri(directory, name, locale, langs.default), content="")
            _localize(twin, langs, locale, directory, name)
            file.alternates[locale] = twin
    return file


def _localize(file: File, langs: Languages, locale: str, directory: str, name: str) -> None:
    page_dir = directory if name == "index" else posixpath.join(directory, name)
    file.dest_uri = posixpath.join(langs.site_prefix(locale) + page_dir, "index.html")
    file.locale = locale
    file.localization = None if locale == langs.default else locale
    file.locale_alternate_of = langs.current
    file.norm_src_uri = posixpath.join(directory, f"{name}.md")
