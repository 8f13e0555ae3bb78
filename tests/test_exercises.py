"""Every exercise's tests, run by the site's own runner (docs/assets/exercise_runner.py) under CPython: the reference
solution of each language passes them all; the starter code and every known-wrong solution fail at least one.

Each run is a subprocess with a time limit, so a wrong solution that never returns fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from qbank.catalog import build_catalog, is_question_source, is_tests_source
from qbank.tags import load_vocabulary
from qbank.topics import load_topics

DOCS = ROOT / "docs"
RUNNER = DOCS / "assets" / "exercise_runner.py"
WRONG = ROOT / "tests" / "wrong_solutions"
LOCALES = ["zh", "en"]
ANSWER_TITLES = {"zh": "参考答案", "en": "Reference answer"}
TIME_LIMIT = 60  # seconds for one run of an exercise's tests (the format asks for < 2 s)

# Reads the solution and the tests from files named on the command line; prints the results as JSON.
RUN = f"""
import asyncio, json, sys
sys.path.insert(0, {str(RUNNER.parent)!r})
from exercise_runner import run_tests
solution, tests = (open(path, encoding="utf-8").read() for path in sys.argv[1:3])
print(json.dumps(asyncio.run(run_tests(solution, tests))))
"""


def load_catalog():
    sources = [(p.relative_to(DOCS).as_posix(), p.read_text(encoding="utf-8")) for p in DOCS.glob("questions/*/*.md")]
    tests = [p.relative_to(DOCS).as_posix() for p in DOCS.glob("questions/*/*.tests.py")]
    return build_catalog(
        [(uri, text) for uri, text in sources if is_question_source(uri)],
        topics=load_topics(str(DOCS), LOCALES), vocabulary=load_vocabulary(str(DOCS)), locales=LOCALES,
        default_locale="zh", answer_titles=ANSWER_TITLES, tests_files=[uri for uri in tests if is_tests_source(uri)],
    )


CATALOG = load_catalog()
EXERCISES = [q for q in CATALOG.questions.values() if q.is_exercise]


def run(solution: str, tests: Path, tmp_path: Path) -> list[dict]:
    code = tmp_path / "solution.py"
    code.write_text(solution, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", RUN, str(code), str(tests)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=TIME_LIMIT,
                            env={"PYTHONHASHSEED": "0", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def exercise_tests(question) -> Path:
    return DOCS / question.tests_uri


def failures(results: list[dict]) -> list[str]:
    return [f"{r['name']}: {r['message']}" for r in results if not r["passed"]]


def wrong_solutions(question) -> list[Path]:
    return sorted((WRONG / question.id).glob("*.py"))


def test_there_are_exercises_and_the_catalog_accepts_them():
    assert EXERCISES, "no page has kind: exercise"
    exercise_problems = [str(p) for p in CATALOG.problems if p.field in ("kind", "starter", "solution", "tests")]
    assert exercise_problems == []


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("question", EXERCISES, ids=lambda q: q.id)
def test_reference_solution_passes_every_test(question, locale, tmp_path):
    results = run(question.pages[locale].solution, exercise_tests(question), tmp_path)
    assert results and failures(results) == [], f"{question.pages[locale].path}: " + "; ".join(failures(results))
    assert len(results) >= 3, f"{question.tests_uri}: expected several tests, found {len(results)}"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("question", EXERCISES, ids=lambda q: q.id)
def test_starter_code_fails(question, locale, tmp_path):
    results = run(question.pages[locale].starter, exercise_tests(question), tmp_path)
    assert failures(results), f"{question.pages[locale].path}: the starter code passes every test"


@pytest.mark.parametrize("question", EXERCISES, ids=lambda q: q.id)
def test_every_exercise_keeps_a_wrong_solution(question):
    assert wrong_solutions(question), f"expected at least one known-wrong solution in tests/wrong_solutions/{question.id}/, found none"


WRONG_CASES = [(q, path) for q in EXERCISES for path in wrong_solutions(q)]


@pytest.mark.parametrize("question, path", WRONG_CASES, ids=[f"{q.id}/{p.name}" for q, p in WRONG_CASES])
def test_known_wrong_solution_fails(question, path, tmp_path):
    results = run(path.read_text(encoding="utf-8"), exercise_tests(question), tmp_path)
    assert failures(results), f"{path.relative_to(ROOT)}: passes every test of {question.tests_uri}"


def test_every_wrong_solution_belongs_to_an_exercise():
    ids = {q.id for q in EXERCISES}
    assert sorted(d.name for d in WRONG.iterdir() if d.is_dir() and d.name not in ids) == []


RUNNER_TESTS = '''
import asyncio
from solution import double

def test_sync():
    assert double(2) == 4, f"expected 4, got {double(2)}"

async def test_async():
    await asyncio.sleep(0)
    assert double(3) == 6, f"expected 6, got {double(3)}"

def test_raises():
    raise KeyError("k")

def helper():
    raise AssertionError("not a test")
'''


def test_runner_reports_each_test_with_its_message(tmp_path):
    tests = tmp_path / "t.py"
    tests.write_text(RUNNER_TESTS, encoding="utf-8")
    assert run("def double(x):\n    return x + 2\n", tests, tmp_path) == [
        {"name": "test_sync", "passed": True, "message": ""},
        {"name": "test_async", "passed": False, "message": "expected 6, got 5"},
        {"name": "test_raises", "passed": False, "message": "KeyError: 'k'"},
    ]


def test_runner_reports_code_that_does_not_compile_or_import_as_one_error(tmp_path):
    tests = tmp_path / "t.py"
    tests.write_text(RUNNER_TESTS, encoding="utf-8")
    [syntax] = run("def double(x)\n    return 2 * x\n", tests, tmp_path)
    assert syntax["name"] == "solution.py" and not syntax["passed"] and "SyntaxError" in syntax["message"]
    [missing] = run("def triple(x):\n    return 3 * x\n", tests, tmp_path)
    assert missing["name"] == "tests.py" and "ImportError" in missing["message"] and "double" in missing["message"]


# The browser runs the tests in Pyodide, not CPython (no threads, its own event loop): the vendored Pyodide
# (node_modules/pyodide, the files the site serves) runs every reference solution under node, with the same runner.
PYODIDE_RUN = """
import { readFileSync } from "node:fs";
import { loadPyodide } from %(pyodide)s;
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
const out = [];
for (const [name, code, tests] of cases) {
  const namespace = pyodide.toPy({ solution_source: code, tests_source: tests });
  pyodide.runPython(readFileSync(%(runner)s, "utf8"), { globals: namespace });
  const results = await pyodide.runPythonAsync("await run_tests(solution_source, tests_source)", { globals: namespace });
  out.push([name, results.toJs({ dict_converter: Object.fromEntries })]);
}
console.log(JSON.stringify(out));
"""


def test_reference_solutions_pass_in_pyodide(tmp_path):
    cases = [(f"{question.pages[locale].path}", question.pages[locale].solution, exercise_tests(question))
             for question in EXERCISES for locale in LOCALES]
    (tmp_path / "cases.json").write_text(json.dumps([(name, code, tests.read_text(encoding="utf-8")) for name, code, tests in cases]))
    script = tmp_path / "run.mjs"
    script.write_text(PYODIDE_RUN % {"pyodide": json.dumps((ROOT / "node_modules/pyodide/pyodide.mjs").as_uri()),
                                     "runner": json.dumps(str(RUNNER))}, encoding="utf-8")
    result = subprocess.run(["node", str(script), str(tmp_path / "cases.json")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    outcomes = dict(json.loads(result.stdout.splitlines()[-1]))
    assert sorted(outcomes) == sorted(name for name, _, _ in cases)
    assert {name: failures(results) for name, results in outcomes.items() if not results or failures(results)} == {}
