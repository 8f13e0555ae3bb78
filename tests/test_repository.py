"""The project's GitHub furniture agrees with the site: issue forms, the pull-request template, CONTRIBUTING.md.

`make lint` validates the forms against GitHub's schemas (check-jsonschema); these tests check what a schema cannot.
"""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from test_units import load_hook

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


def form(name: str) -> dict:
    return yaml.safe_load((TEMPLATES / name).read_text(encoding="utf-8"))


def fields(name: str) -> dict[str, dict]:
    return {field["id"]: field for field in form(name)["body"] if "id" in field}


def test_report_link_fills_in_text_fields_of_the_answer_problem_form():
    page_header = load_hook("page_header")
    answer_fields = fields(page_header.REPORT_FORM)
    # GitHub fills in a field from the query parameter named after its id; a text input takes any value.
    assert {name: answer_fields[name]["type"] for name in page_header.REPORT_FIELDS} == {
        "question": "input", "language": "input", "page": "input"}
    assert answer_fields["question"]["validations"]["required"] and answer_fields["problem"]["validations"]["required"]


def test_propose_question_form_asks_what_a_maintainer_needs_and_offers_every_topic():
    proposal = fields("propose-question.yml")
    for name in ("question", "why", "topic", "source"):
        assert proposal[name]["validations"]["required"], name
    topics = yaml.safe_load((ROOT / "docs" / "questions" / "topics.yml").read_text(encoding="utf-8"))
    options = proposal["topic"]["attributes"]["options"]
    assert options[:-1] == [f"{t['id']} · {t['name']['zh']} · {t['name']['en']}" for t in topics]
    assert options[-1] == "其他 · Other"


def checklist(text: str) -> list[str]:
    return re.findall(r"^- \[ \] (.+)$", text, re.M)


def test_pull_request_checklist_is_the_one_in_contributing():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("## Before you open a pull request", 1)[1].split("\n## ", 1)[0]
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert checklist(section) and checklist(template) == checklist(section)
