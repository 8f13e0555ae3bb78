"""What the hooks need from mkdocs-static-i18n: the languages, the one being built, its UI strings.

The i18n plugin builds the default language first, then re-runs the whole build
once per other language; ``building`` is True during those nested passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Keys every language must define under ``extra.qbank`` in its i18n entry of mkdocs.yml.
STRING_KEYS = (
    "answer_title",
    "related_title",
    "all_questions_title",
    "all_questions_intro",
    "tags_intro",
    "topic_table_header",
    "question_table_header",
    "difficulty",
    "search_filter_topic",
    "search_filter_difficulty",
    "search_filter_any",
    "search_error",
    "short_answer_label",
    "focus_title",
    "og_locale",
    "aliases",
    "tags_label",
    "freshness",
    "printable",
    "downloads",
    "study",
    "followups",
    "diagram",
    "exercise",
    "not_found",
)


@dataclass(frozen=True)
class Languages:
    locales: list[str]
    default: str
    current: str
    first_pass: bool
    strings: dict[str, dict]

    def site_prefix(self, locale: str | None = None) -> str:
        """Where a language lives under the site root: '' for the default, 'en/' for English."""
        locale = locale or self.current
        return "" if locale == self.default else f"{locale}/"

    @property
    def text(self) -> dict:
        return self.strings[self.current]


def languages(config: MkDocsConfig) -> Languages:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml: plugins: expected the i18n plugin (mkdocs-static-i18n), found none")
    strings = {}
    for language in i18n.config.languages:
        qbank = (language.extra or {}).get("qbank") or {}
        missing = [key for key in STRING_KEYS if key not in qbank]
        if missing:
            raise PluginError(
                f"mkdocs.yml: plugins.i18n.languages[{language.locale}].extra.qbank: "
                f"expected {', '.join(STRING_KEYS)}, found no {', '.join(missing)}"
            )
        strings[language.locale] = qbank
    return Languages(
        locales=[language.locale for language in i18n.config.languages],
        default=i18n.default_language,
        current=i18n.current_language or i18n.default_language,
        first_pass=not i18n.building,
        strings=strings,
    )
