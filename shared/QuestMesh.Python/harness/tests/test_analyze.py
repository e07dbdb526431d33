import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from questmesh_harness import analyze
from questmesh_harness.errors import HarnessError

HARNESS_ROOT = Path(__file__).resolve().parents[1]

MODULE = textwrap.dedent('''\
    """Prices and carts.

    More words here.
    """
    import os.path
    from decimal import Decimal as D
    from typing import Optional

    CURRENCY = "EUR"
    LIMITS = (0, 100)
    computed = os.path.join("a", "b")


    def parse_price(text: str, *, strict: bool = True) -> Optional[float]:
        """Parses a price."""
        if text == "free":
            return 0.0
        if len(text) > 12:
            raise ValueError("too long")
        return float(text)


    async def fetch(url, /, retries=3, *args, **kwargs):
        return url


    class Cart(Base, metaclass=Meta):
        """A cart."""

        def __init__(self, owner="anon"):
            self.owner = owner

        @property
        def total(self) -> int:
            return 0

        @total.setter
        def total(self, value):
            pass

        @staticmethod
        def empty():
            raise KeyError("none")
    ''')


def write(tmp_path: Path, relative: str, text: str) -> None:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_analyze_reads_functions_classes_and_module_facts(tmp_path):
    write(tmp_path, "shop/prices.py", MODULE)
    reply = analyze.run({"project_dir": str(tmp_path), "target_file": "shop/prices.py"})

    assert reply["module"] == "shop.prices"
    assert reply["syntax_error"] is None
    assert reply["summary"] == "Prices and carts."
    assert reply["framework"] == "plain"
    parse, fetch = reply["functions"]
    assert parse["signature"] == "(text: str, *, strict: bool = True) -> Optional[float]"
    assert parse["params"][1] == {"name": "strict", "kind": "keyword_only", "annotation": "bool", "default": "True"}
    assert parse["docstring"] == "Parses a price."
    assert fetch["is_async"] and fetch["signature"] == "(url, /, retries=3, *args, **kwargs)"
    assert [p["kind"] for p in fetch["params"]] == ["positional_only", "positional_or_keyword", "var_positional",
                                                     "var_keyword"]
    cart = reply["classes"][0]
    assert cart["bases"] == ["Base"]
    assert [m["name"] for m in cart["methods"]] == ["__init__", "empty"]
    assert cart["methods"][1]["decorators"] == ["staticmethod"]
    assert [p["name"] for p in cart["properties"]] == ["total"]
    assert [c["name"] for c in reply["constants"]] == ["CURRENCY", "LIMITS"]
    assert reply["raises"] == ["ValueError", "KeyError"]
    compared = {lit["value"] for lit in reply["literals"] if lit["compared"]}
    assert compared == {"free", 12}
    assert "Parses a price." not in {lit["value"] for lit in reply["literals"]}
    assert [i["module"] for i in reply["imports"]] == ["os.path", "decimal", "typing"]
    assert reply["statements"] > 10


def test_analyze_reports_a_syntax_error_instead_of_failing(tmp_path):
    write(tmp_path, "broken.py", "def f(:\n    pass\n")
    reply = analyze.run({"project_dir": str(tmp_path), "target_file": "broken.py"})
    assert reply["syntax_error"]["line"] == 1
    assert reply["functions"] == []


@pytest.mark.parametrize("relative, expected", [
    ("src/pkg/mod.py", "pkg.mod"), ("pkg/__init__.py", "pkg"), ("mod.py", "mod"), ("./a/b.py", "a.b")])
def test_module_name_follows_the_path(relative, expected):
    assert analyze.module_name(relative) == expected


@pytest.mark.parametrize("imports, expected", [
    ("from django.db import models", "django"), ("import flask", "flask"),
    ("from fastapi import FastAPI", "fastapi"), ("import json", "plain")])
def test_analyze_detects_the_framework_from_imports(tmp_path, imports, expected):
    write(tmp_path, "app.py", imports + "\n")
    assert analyze.run({"project_dir": str(tmp_path), "target_file": "app.py"})["framework"] == expected


def test_analyze_rejects_a_missing_target(tmp_path):
    with pytest.raises(HarnessError, match="does not exist"):
        analyze.run({"project_dir": str(tmp_path), "target_file": "nope.py"})


def test_cli_runs_analyze_and_adds_meta(tmp_path):
    write(tmp_path, "mod.py", "def f(x):\n    return x\n")
    completed = subprocess.run([sys.executable, "-m", "questmesh_harness", "analyze"], cwd=tmp_path,
                               input=json.dumps({"project_dir": str(tmp_path), "target_file": "mod.py"}),
                               capture_output=True, text=True, env={"PYTHONPATH": str(HARNESS_ROOT)}, timeout=60)
    reply = json.loads(completed.stdout)
    assert completed.returncode == 0
    assert reply["meta"]["command"] == "analyze" and reply["meta"]["format_version"] == 1
    assert reply["functions"][0]["name"] == "f"
