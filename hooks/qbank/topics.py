"""Topics are declared once, in ``docs/questions/topics.yml``; everything else reads them from here."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from .datafile import read_data_file

TOPICS_FILE = "questions/topics.yml"


@dataclass(frozen=True)
class Topic:
    id: str
    order: int
    names: dict[str, str]
    descriptions: dict[str, str]

    def name(self, locale: str) -> str:
        return self.names[locale]

    def description(self, locale: str) -> str:
        return self.descriptions[locale]


def load_topics(docs_dir: str, locales: list[str]) -> dict[str, Topic]:
    """Read and check the topic list; a broken list is broken setup, so it raises ``PluginError``."""
    where = f"docs/{TOPICS_FILE}"
    entries = read_data_file(docs_dir, TOPICS_FILE, "the topic list")
    if not isinstance(entries, list) or not entries:
        raise PluginError(f"{where}: expected a non-empty list of topics")

    topics: dict[str, Topic] = {}
    for order, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise PluginError(f"{where}: topic #{order + 1}: expected a mapping with an 'id'")
        topic_id = entry["id"]
        if topic_id in topics:
            raise PluginError(f"{where}: {topic_id}: expected unique topic ids, found a duplicate")
        for field in ("name", "description"):
            value = entry.get(field)
            missing = [loc for loc in locales if not isinstance(value, dict) or not value.get(loc)]
            if missing:
                raise PluginError(
                    f"{where}: {topic_id}.{field}: expected text for every language, "
                    f"found none for {', '.join(missing)}"
                )
        topics[topic_id] = Topic(topic_id, order, dict(entry["name"]), dict(entry["description"]))
    return topics
