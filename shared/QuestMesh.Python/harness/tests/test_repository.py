"""survey and measure: whole repositories, through the real JSON path (a harness subprocess)."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from _mutexec_support import run_harness, write_files


def survey(repo: Path) -> dict:
    code, reply, stderr = run_harness("survey", {"repo_dir": str(repo)})
    assert code == 0, stderr
    assert reply["meta"]["command"] == "survey" and reply["meta"]["format_version"] == 1
    return reply


def measure(root: Path, tests: list[str], modules: list[str], **extra) -> dict:
    request = {"project_dir": str(root), "tests": tests, "modules": modules, "timeout_seconds": 60, **extra}
    code, reply, stderr = run_harness("measure", request)
    assert code == 0, (stderr, reply)
    return reply


FULL_STACK = {
    "README.md": "a shop\n",
    "frontend/package.json": "{}\n",
    "frontend/src/app.js": "export const x = 1;\n",
    "frontend/tools/build.py": "def build():\n    return 1\n",
    "node_modules/left/index.py": "x = 1\n",
    "backend/requirements.txt": "flask==2.2\nflask-cors\n",
    "backend/.venv/lib/site.py": "x = 1\n",
    "backend/env/pyvenv.cfg": "home = /usr/bin\n",
    "backend/env/lib/thing.py": "x = 1\n",
    "backend/shop/__init__.py": "",
    "backend/shop/api.py": "from flask import Flask\n\napp = Flask(__name__)\n",
    "backend/shop/prices.py": "def price(n):\n    return n * 2\n",
    "backend/shop/migrations/0001_initial.py": "x = 1\n",
    "backend/tests/conftest.py": "",
    "backend/tests/helpers.py": "def make():\n    return 1\n",
    "backend/tests/test_prices.py": "from shop.prices import price\n\n\ndef test_price():\n    assert price(2) == 4\n",
    "backend/shop/prices_test.py": "def test_nothing():\n    pass\n",
    "backend/setup.py": "",
    "backend/my-script.py": "print(1)\n",
}


def test_survey_finds_the_back_end_and_skips_the_front_end_and_environments(tmp_path: Path) -> None:
    reply = survey(write_files(tmp_path, FULL_STACK))

    assert reply["python_root"] == "backend"
    assert reply["problem"] is None
    assert reply["modules"] == ["shop/__init__.py", "shop/api.py", "shop/prices.py"]
    assert reply["tests"] == ["shop/prices_test.py", "tests/test_prices.py"]
    assert reply["conftests"] == ["tests/conftest.py"]
    assert reply["test_helpers"] == ["tests/helpers.py"]
    left_out = {entry["path"]: entry["reason"] for entry in reply["left_out"]}
    assert left_out == {"setup.py": "a project script, not a module", "my-script.py": "its path is not an import name",
                        "shop/migrations/0001_initial.py": "inside migrations/"}
    skipped = {entry["path"]: entry["reason"] for entry in reply["skipped_folders"]}
    assert skipped["frontend"] == "front-end folder"
    assert skipped["node_modules"] == "tools' output or dependencies"
    assert skipped["backend/env"] == "virtual environment"
    assert reply["framework"]["name"] == "flask"
    assert reply["framework"]["evidence"]["declared"] == {"flask": ["requirements.txt"]}
    assert reply["test_style"] == "pytest"


@pytest.mark.parametrize("files, root", [
    ({"pyproject.toml": "", "pkg/__init__.py": "", "pkg/m.py": "x = 1\n", "backend/b/__init__.py": ""}, "."),
    ({"src/pkg/__init__.py": "", "src/pkg/m.py": "x = 1\n"}, "."),
    ({"server/manage.py": "", "server/site/__init__.py": "", "app/x.py": "x = 1\n"}, "server"),
    ({"services/api/billing/__init__.py": "", "services/api/billing/a.py": "x = 1\n",
      "services/api/billing/b.py": "x = 1\n", "tools/lint/rules/__init__.py": ""}, "services/api"),
    ({"main.py": "x = 1\n", "web/index.html": ""}, "."),
])
def test_survey_python_root_rules(tmp_path: Path, files: dict, root: str) -> None:
    assert survey(write_files(tmp_path, files))["python_root"] == root


def test_survey_without_python_says_so(tmp_path: Path) -> None:
    reply = survey(write_files(tmp_path, {"frontend/app.js": "", "docs/index.md": ""}))

    assert reply["python_root"] is None
    assert "no Python code found" in reply["problem"]


@pytest.mark.parametrize("files, name, conflict", [
    ({"manage.py": "", "site/__init__.py": "", "site/hooks.py": "import flask\n"}, "django", True),
    ({"svc/__init__.py": "", "svc/a.py": "from fastapi import FastAPI\napp = FastAPI()\n",
      "svc/b.py": "from flask import Flask\napp = Flask(__name__)\n"}, "fastapi", True),
    ({"svc/__init__.py": "", "svc/a.py": "from flask import Flask\napp = Flask(__name__)\n",
      "svc/b.py": "import fastapi\n"}, "flask", True),
    ({"svc/__init__.py": "", "svc/a.py": "from fastapi import APIRouter\n"}, "fastapi", False),
    ({"svc/__init__.py": "", "requirements.txt": "django-environ\nDjango>=4\n"}, "django", False),
    ({"svc/__init__.py": "", "requirements.txt": "pytest-django\nflask-cors\n"}, "plain", False),
])
def test_survey_framework_and_its_conflict_rules(tmp_path: Path, files: dict, name: str, conflict: bool) -> None:
    framework = survey(write_files(tmp_path, files))["framework"]

    assert framework["name"] == name, framework
    assert (framework["conflict"] is not None) == conflict, framework


PROJECT = {
    "calc/__init__.py": "",
    "calc/ops.py": """
        def add(a, b):
            return a + b


        def div(a, b):
            if b == 0:
                raise ZeroDivisionError("b")
            return a / b


        class Meter:
            def __init__(self):
                self.n = 0

            def tick(self):
                self.n += 1
                return self.n

            def reset(self):
                self.n = 0
    """,
    "calc/unused.py": """
        def never(x):
            if x:
                return 1
            return 2
    """,
    "tests/test_ops.py": """
        from calc.ops import add, div, Meter


        def test_add():
            assert add(1, 2) == 3


        def test_div_wrong():
            assert div(4, 2) == 3


        def test_meter():
            assert Meter().tick() == 1
    """,
}
MODULES = ["calc/__init__.py", "calc/ops.py", "calc/unused.py"]


def test_measure_runs_the_suite_and_measures_every_module(tmp_path: Path) -> None:
    reply = measure(write_files(tmp_path, PROJECT), ["tests/test_ops.py"], MODULES, path_prefix="backend")

    assert reply["status"] == "failed"
    assert reply["totals"] == {"tests": 3, "passed": 2, "failed": 1, "errors": 0, "skipped": 0,
                               "collection_errors": 0}
    failed = next(t for t in reply["tests"] if t["outcome"] == "failed")
    assert failed["id"] == "tests/test_ops.py::test_div_wrong"
    assert failed["failure"]["frames"][-1]["kind"] == "test"
    files = {f["file"]: f for f in reply["files"]}
    assert files["calc/unused.py"]["percent"] == 0.0
    assert files["calc/unused.py"]["path"] == "backend/calc/unused.py"
    assert files["calc/unused.py"]["module"] == "calc.unused"
    coverage = reply["coverage"]
    assert coverage["statements"] == sum(f["statements"] for f in reply["files"])
    assert 0 < coverage["percent"] < 100
    assert reply["reports"] is None


def test_measure_gaps_name_functions_classes_and_uncovered_methods(tmp_path: Path) -> None:
    gaps = measure(write_files(tmp_path, PROJECT), ["tests/test_ops.py"], MODULES)["gaps"]

    assert [f["file"] for f in gaps["files"]] == ["calc/unused.py", "calc/ops.py"]
    assert gaps["complete_files"] == ["calc/__init__.py"]
    ops = gaps["files"][1]
    assert {f["qualname"]: f["missing_lines"] for f in ops["functions"]} == {"div": [7], "Meter.reset": [20]}
    assert ops["missing_ranges"] == [[7, 7], [20, 20]]
    meter = ops["classes"][0]
    assert (meter["qualname"], meter["start_line"], meter["end_line"]) == ("Meter", 11, 20)
    assert meter["uncovered_methods"] == ["reset"] and meter["uncovered"] is False
    unused = gaps["files"][0]
    assert unused["functions"][0] | {"missing_lines": None} == {
        "name": "never", "qualname": "never", "kind": "function", "start_line": 1, "end_line": 4,
        "statements": 4, "missing_lines": None, "uncovered": True}


def test_measure_reports_match_the_figures(tmp_path: Path) -> None:
    reply = measure(write_files(tmp_path, PROJECT), ["tests/test_ops.py"], MODULES, path_prefix="backend",
                    reports=True)

    coverage = reply["coverage"]
    cobertura = ElementTree.fromstring(reply["reports"]["cobertura"])
    assert int(cobertura.get("lines-valid")) == coverage["statements"]
    assert int(cobertura.get("lines-covered")) == coverage["covered_statements"]
    assert int(cobertura.get("branches-valid")) == coverage["branches"]
    assert int(cobertura.get("branches-covered")) == coverage["covered_branches"]
    assert [s.text for s in cobertura.iter("source")] == ["."]
    assert sorted(c.get("filename") for c in cobertura.iter("class")) == [f"backend/{m}" for m in MODULES]
    junit = ElementTree.fromstring(reply["reports"]["junit"]).find("testsuite")
    assert (junit.get("tests"), junit.get("failures"), junit.get("errors")) == ("3", "1", "0")
    html = {f["path"]: base64.b64decode(f["base64"]) for f in reply["reports"]["html"]}
    assert b"calc/unused.py" in html["index.html"]
    assert any(path.endswith("ops_py.html") for path in html)


def test_measure_without_tests_counts_every_module_as_missing(tmp_path: Path) -> None:
    reply = measure(write_files(tmp_path, PROJECT), [], MODULES)

    assert reply["status"] == "no-tests"
    assert reply["totals"]["tests"] == 0
    assert reply["coverage"]["percent"] == 0.0
    assert reply["coverage"]["statements"] > 0


def test_measure_refuses_a_prefix_that_climbs_out(tmp_path: Path) -> None:
    write_files(tmp_path, PROJECT)
    code, reply, _ = run_harness("measure", {"project_dir": str(tmp_path), "tests": [], "modules": MODULES,
                                             "path_prefix": "../x"})

    assert code == 2
    assert "path_prefix" in reply["error"]
