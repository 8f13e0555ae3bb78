"""The study downloads: Anki decks, TSV, llms.txt, printable topic pages and the downloads page."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import zipfile

import genanki

from conftest import LOCALES
from fixture_site import HOOK_MODULES, build_site, exercise_pair, questions_json, write_site
from test_fixture_site import GOOD


def anki_notes(path) -> list[tuple[str, str, str]]:
    """(guid, fields, tags) of every note in an .apkg: a zip holding a SQLite collection."""
    with zipfile.ZipFile(path) as package, package.open("collection.anki2") as source:
        data = source.read()
    db_path = path.with_suffix(".anki2")
    db_path.write_bytes(data)
    with sqlite3.connect(db_path) as db:
        return db.execute("select guid, flds, tags from notes order by guid").fetchall()


def test_anki_deck_has_one_note_per_question_with_stable_ids(tmp_path):
    write_site(tmp_path / "one", GOOD, hooks=HOOK_MODULES)
    write_site(tmp_path / "two", GOOD, hooks=HOOK_MODULES)
    first = build_site(tmp_path / "one" / "mkdocs.yml")
    second = build_site(tmp_path / "two" / "mkdocs.yml")
    for locale, prefix in LOCALES.items():
        name = f"{prefix}downloads/llm-app-interview-guide-{locale}.apkg"
        notes_one, notes_two = anki_notes(first / name), anki_notes(second / name)
        ids = [q["id"] for q in questions_json(first, prefix)]
        assert len(notes_one) == len(ids)
        assert [n[0] for n in notes_one] == [n[0] for n in notes_two]  # same notes, build after build
        assert sorted(n[0] for n in notes_one) == sorted(genanki.guid_for("llm-app-interview-guide", locale, i) for i in ids)
        titles = {q["title"] for q in questions_json(first, prefix)}
        assert {fields.split("\x1f")[0] for _, fields, _ in notes_one} == titles


def test_an_exercise_card_shows_the_task_and_starter_code_not_the_solution(tmp_path):
    site = build_site(write_site(tmp_path, {**GOOD, **exercise_pair("double", "rag")}, hooks=HOOK_MODULES))
    for locale, prefix in LOCALES.items():
        notes = anki_notes(site / f"{prefix}downloads/llm-app-interview-guide-{locale}.apkg")
        by_guid = {guid: fields.split("\x1f") for guid, fields, _ in notes}
        title, answer, _, _, task = by_guid[genanki.guid_for("llm-app-interview-guide", locale, "double")]
        assert title == ("写出 double" if locale == "zh" else "Write double")
        assert "<p>Write <code>double(x)</code>: twice <code>x</code>.</p>" in task
        assert "raise NotImplementedError" in task and "return 2 * x" not in task + title
        # an ordinary question has no task on its card
        assert by_guid[genanki.guid_for("llm-app-interview-guide", locale, "chunking")][4] == ""


def test_tsv_has_a_row_per_question(built_site, site_questions):
    for locale, prefix in LOCALES.items():
        text = (built_site / prefix / "downloads" / f"llm-app-interview-guide-{locale}.tsv").read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
        entries = site_questions[locale]
        assert len(rows) == len(entries) + 1
        assert [row[0] for row in rows[1:]] == [e["id"] for e in entries]
        assert all(len(row) == len(rows[0]) and row[2] for row in rows[1:])  # every row has its 30-second answer


def test_printable_pages_contain_every_answer_open(built_site, site_questions):
    for locale, prefix in LOCALES.items():
        entries = site_questions[locale]
        for topic in {e["topic"] for e in entries}:
            html = (built_site / prefix / "questions" / topic / "print" / "index.html").read_text(encoding="utf-8")
            article = html[html.index("<article"):html.index("</article>")]
            in_topic = [e for e in entries if e["topic"] == topic]
            assert article.count('class="qbank-print-question"') == len(in_topic)
            assert len(re.findall(r'<details class="success" open[^>]*>', article)) == len(in_topic)
            for entry in in_topic:
                assert f">{entry['title']}" in article.replace("¶", "")


def test_printable_pages_hold_each_question_body_with_its_own_anchors(built_site, site_questions):
    """The answers come from the question pages' HTML (qbank.printable): many pages' ids in one page stay unique,
    every link within the page finds its target, and the answers' sections sit under their question's h2."""
    for locale, prefix in LOCALES.items():
        for topic in {e["topic"] for e in site_questions[locale]}:
            html = (built_site / prefix / "questions" / topic / "print" / "index.html").read_text(encoding="utf-8")
            ids = re.findall(r'<[^>]*\sid="([^"]+)"', html)
            assert len(ids) == len(set(ids)), f"{prefix}{topic}: ids used twice: {sorted({i for i in ids if ids.count(i) > 1})[:5]}"
            assert set(re.findall(r'<a [^>]*href="#([^"]+)"', html)) <= set(ids), f"{prefix}{topic}: a link finds no anchor"
            for section in re.findall(r'<section class="qbank-print-question">(.*?)</section>', html, re.S):
                assert re.findall(r"<h([1-6])", section)[0] == "2" and not re.findall(r"<h[12]", section)[1:], section[:200]


def test_llms_txt_lists_every_question(built_site, site_questions):
    for locale, prefix in LOCALES.items():
        index = (built_site / prefix / "llms.txt").read_text(encoding="utf-8")
        full = (built_site / prefix / "llms-full.txt").read_text(encoding="utf-8")
        assert index.startswith("# ")
        for entry in site_questions[locale]:
            assert f"/{entry['url']})" in index
            assert f"\n# {entry['title']}\n" in full
        assert "??? success" not in full  # answers unfolded into plain Markdown


def test_downloads_page_states_real_sizes_and_counts(built_site, site_questions):
    for locale, prefix in LOCALES.items():
        html = (built_site / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
        count = len(site_questions[locale])
        for name in (f"llm-app-interview-guide-{locale}.apkg", f"llm-app-interview-guide-{locale}.tsv"):
            size = (built_site / prefix / "downloads" / name).stat().st_size
            row = re.search(rf'<a href="{re.escape(name)}">.*?</tr>', html, re.S)[0]
            assert f"{size / 1024:.0f} KiB" in row and str(count) in row
        assert html.count('href="../questions/') >= 1  # the printable pages are linked
