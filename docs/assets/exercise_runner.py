"""The one runner of the exercises' tests: the browser's worker (Pyodide, docs/assets/exercise-worker.js) and the
test suite (CPython, tests/test_exercises.py) both call ``run_tests``.

A tests file (``docs/questions/<topic>/<id>.tests.py``) imports the reader's code as the module ``solution`` and
defines plain ``test_*`` functions, sync or ``async``, without arguments; each result names its test and, when it
failed, the assertion's message or the exception. Code that does not compile or import is one failed result.
"""

import inspect
import sys
import traceback
import types


def _error(error):
    return "".join(traceback.format_exception_only(type(error), error)).strip()


async def run_tests(solution_source, tests_source):
    """[{"name", "passed", "message"}] for each test of ``tests_source`` run against ``solution_source``."""
    solution = types.ModuleType("solution")
    try:
        exec(compile(solution_source, "solution.py", "exec"), solution.__dict__)
    except BaseException as error:  # noqa: BLE001 - the reader's code may raise anything
        return [{"name": "solution.py", "passed": False, "message": _error(error)}]
    sys.modules["solution"] = solution
    tests = types.ModuleType("tests")
    try:
        exec(compile(tests_source, "tests.py", "exec"), tests.__dict__)
    except BaseException as error:  # noqa: BLE001 - e.g. the reader's code lacks a name the tests import
        return [{"name": "tests.py", "passed": False, "message": _error(error)}]
    results = []
    for name, test in list(vars(tests).items()):
        if not (name.startswith("test_") and callable(test)):
            continue
        try:
            outcome = test()
            if inspect.isawaitable(outcome):
                await outcome
            results.append({"name": name, "passed": True, "message": ""})
        except AssertionError as error:
            results.append({"name": name, "passed": False, "message": str(error) or "assertion failed"})
        except BaseException as error:  # noqa: BLE001
            results.append({"name": name, "passed": False, "message": f"{type(error).__name__}: {error}"})
    return results
