"""The maintainers' to-do list: how long ago each question page was checked, and which translations fell behind.

    make freshness                  report: pages by age of `updated` (oldest first), then drifted and untracked translations
    make drift                      drift: only the translations whose original changed since they were brought in line
    make translated ID=what-is-rag  synced: record that the translation now follows its original (several: ID="a b";
                                    every translation at once: ID=--all)

`synced` writes `source_hash` (see hooks/qbank/freshness.py) into each translation's front matter and changes nothing
else in the file. It reads the files as they are now: run it after bringing the translation in line, not before.
Nothing here needs git history, so it works the same in a shallow clone.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.utils.yaml import yaml_load  # noqa: E402

from qbank.catalog import QUESTIONS_DIR, Catalog, build_catalog, is_question_source  # noqa: E402
from qbank.freshness import DRIFTED, UNTRACKED, body_hash, by_age, source_body, with_source_hash  # noqa: E402
from qbank.tags import load_vocabulary  # noqa: E402
from qbank.topics import load_topics  # noqa: E402


@dataclass(frozen=True)
class Site:
    docs: Path
    locales: list[str]
    default: str
    answer_titles: dict[str, str]

    def sources(self) -> dict[str, str]:
        """``{src_uri: text}`` of every question file (``questions/<topic>/<id>[.<locale>].md``)."""
        files = sorted((self.docs / QUESTIONS_DIR).glob("*/*.md"))
        return {f.relative_to(self.docs).as_posix(): f.read_text(encoding="utf-8") for f in files
                if is_question_source(f.relative_to(self.docs).as_posix())}

    def catalog(self) -> Catalog:
        return build_catalog(self.sources().items(), topics=load_topics(str(self.docs), self.locales),
                             vocabulary=load_vocabulary(str(self.docs)), locales=self.locales, default_locale=self.default, answer_titles=self.answer_titles)


def load_site(config_file: Path) -> Site:
    """The languages and docs folder of a site, from its mkdocs.yml (the i18n plugin's entry)."""
    with open(config_file, encoding="utf-8") as f:
        config = yaml_load(f)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = i18n["languages"]
    return Site(
        docs=config_file.parent / config.get("docs_dir", "docs"),
        locales=[language["locale"] for language in languages],
        default=next(language["locale"] for language in languages if language.get("default")),
        answer_titles={language["locale"]: language["extra"]["qbank"]["answer_title"] for language in languages},
    )


def report(site: Site, today: datetime.date) -> None:
    catalog = _catalog(site)
    pages = [page for question in catalog.questions.values() for page in question.pages.values()]
    print(f"Question pages by the date their facts were last checked (`updated`), oldest first, as of {today}:")
    print(f"{'days':>6}  {'updated':<10}  page")
    for age in by_age(pages, today):
        print(f"{age.days:>6}  {age.updated.isoformat():<10}  {age.path}")
    print()
    _translations(site, catalog, DRIFTED)
    print()
    _translations(site, catalog, UNTRACKED)


def drift(site: Site) -> None:
    _translations(site, _catalog(site), DRIFTED)


def _translations(site: Site, catalog: Catalog, state: str) -> None:
    pages = catalog.translations(state)
    heading = {
        DRIFTED: f"Translations whose {site.default} original changed after they were last brought in line (drifted)",
        UNTRACKED: "Translations not tracked yet (no source_hash)",
    }[state]
    print(f"{heading}: {len(pages)}")
    for page in pages:
        print(f"  {page.path}")
    if pages:
        print("Once a translation follows its original again: make translated ID=<id>")


def _catalog(site: Site) -> Catalog:
    catalog = site.catalog()
    for problem in catalog.problems:  # such pages are left out of the report
        print(f"warning: {problem}", file=sys.stderr)
    return catalog


def synced(site: Site, ids: list[str]) -> list[str]:
    """Write the original's current fingerprint into each translation of each id; return what was done, one line each."""
    sources = site.sources()
    originals = {uri.rsplit("/", 1)[1][: -len(".md")]: uri for uri in sources if uri.count(".") == 1}
    done = []
    for qid in ids:
        original = originals.get(qid)
        if original is None:
            raise SystemExit(f"ID: expected the id of a question (docs/{QUESTIONS_DIR}/<topic>/<id>.md), found '{qid}'")
        value = body_hash(source_body(sources[original]))
        for locale in site.locales:
            if locale == site.default:
                continue
            uri = original[: -len(".md")] + f".{locale}.md"
            if uri not in sources:
                raise SystemExit(f"docs/{uri}: expected the {locale} translation of {qid}, found no such file")
            path = site.docs / uri
            text = path.read_bytes().decode("utf-8")
            try:
                updated = with_source_hash(text, value)
            except ValueError as error:
                raise SystemExit(f"docs/{uri}: front matter: {error}") from None
            if updated == text:
                done.append(f"docs/{uri}: source_hash: already {value}")
            else:
                path.write_bytes(updated.encode("utf-8"))
                done.append(f"docs/{uri}: source_hash: {value}")
    return done


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml (default: this project's)")
    commands = parser.add_subparsers(dest="command", required=True)
    report_command = commands.add_parser("report", help="pages by age of `updated`, then drifted and untracked translations")
    report_command.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                                help="count ages up to this day (YYYY-MM-DD; default: today)")
    commands.add_parser("drift", help="the translations whose original changed since they were brought in line")
    synced_command = commands.add_parser("synced", help="record that translations follow their original now")
    synced_command.add_argument("ids", nargs="*", metavar="ID", help="question ids")
    synced_command.add_argument("--all", action="store_true", help="every question")
    args = parser.parse_args(argv)
    site = load_site(args.config)
    if args.command == "report":
        report(site, args.today)
    elif args.command == "drift":
        drift(site)
    else:
        if bool(args.ids) == args.all:
            raise SystemExit("usage: make translated ID=<question id> (several: ID=\"a b\"; every question: ID=--all)")
        ids = sorted({uri.rsplit("/", 1)[1][: -len(".md")] for uri in site.sources() if uri.count(".") == 1}) if args.all else args.ids
        for line in synced(site, ids):
            print(line)


if __name__ == "__main__":
    main()
