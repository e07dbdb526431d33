import ast
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from questmesh_harness import analyze
from questmesh_harness import source as source_module
from questmesh_harness.errors import HarnessError
from questmesh_harness.source import Segments, read_source

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


def analyze_file(tmp_path: Path, relative: str, data: bytes) -> dict:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return analyze.run({"project_dir": str(tmp_path), "target_file": relative})


def test_a_latin1_file_with_a_coding_line_is_read_in_its_encoding(tmp_path):
    reply = analyze_file(tmp_path, "cafe.py", b'# -*- coding: latin-1 -*-\nNAME = "caf\xe9"\n\n\ndef is_cafe(x):\n'
                                              b'    return x == NAME\n')
    assert reply["target_problem"] is None and reply["syntax_error"] is None
    assert reply["encoding"] == "iso-8859-1"
    assert reply["constants"][0]["value"] == '"caf\u00e9"'
    assert [f["name"] for f in reply["functions"]] == ["is_cafe"]


def test_a_utf8_file_with_a_byte_order_mark_is_valid(tmp_path):
    reply = analyze_file(tmp_path, "bom.py", b'\xef\xbb\xbfdef g(y: str = "\xc3\xbc") -> str:\n    return y\n')
    assert reply["target_problem"] is None and reply["syntax_error"] is None
    assert reply["functions"][0]["signature"] == '(y: str = "\u00fc") -> str'


@pytest.mark.parametrize("data, kind, words", [
    (b"x = 1\x00\n", "not_text", "NUL byte"),
    (bytes(range(256)) * 4, "not_text", "NUL byte"),
    (b'x = "\xff\xfe"\n', "encoding", "no '# -*- coding: <name> -*-' line"),
    (b"# -*- coding: klingon -*-\nx = 1\n", "encoding", "unknown encoding: klingon"),
    (b"# -*- coding: ascii -*-\nx = '\xc3\xa9'\n", "encoding", "not valid ascii text"),
    (b"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n", "encoding", "byte order mark"),
    (b"  \n\n\t\n", "empty", "is empty: there is nothing to test"),
    (b"", "empty", "is empty"),
])
def test_a_file_that_is_not_python_text_is_a_target_problem(tmp_path, data, kind, words):
    reply = analyze_file(tmp_path, "pkg/mod.py", data)
    assert reply["target_problem"]["kind"] == kind
    assert reply["target_problem"]["message"].startswith("'pkg/mod.py' ")
    assert words in reply["target_problem"]["message"]
    assert reply["functions"] == [] and reply["syntax_error"] is None


def test_a_syntax_error_names_its_line_in_a_declared_encoding(tmp_path):
    reply = analyze_file(tmp_path, "bad.py", b"# coding: latin-1\nNAME = '\xe9'\ndef f(:\n    pass\n")
    assert reply["target_problem"] is None
    assert reply["syntax_error"]["line"] == 3


@pytest.mark.parametrize("relative, part", [
    ("my-module.py", "my-module"), ("my pkg/mod.py", "my pkg"), ("a;b/mod.py", "a;b"), ("pkg/v1.2.py", "v1.2"),
    ("src/bad-name/__init__.py", "bad-name")])
def test_a_path_that_is_not_an_import_name_is_a_target_problem(tmp_path, relative, part):
    reply = analyze_file(tmp_path, relative, b"def f(x):\n    return x\n")
    problem = reply["target_problem"]
    assert problem["kind"] == "module_name"
    assert f"'{part}' is not a Python identifier" in problem["message"]


def test_a_keyword_as_module_name_is_a_target_problem(tmp_path):
    reply = analyze_file(tmp_path, "pkg/class.py", b"x = 1\n")
    assert "'class' is a Python keyword" in reply["target_problem"]["message"]


def test_a_fifo_target_is_refused_without_being_opened_for_a_blocking_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    with pytest.raises(HarnessError, match="not a regular file"):
        analyze.run({"project_dir": str(tmp_path), "target_file": "pipe.py"})
    # Opened without a writer: the non-blocking open returns at once and the type check refuses it.
    assert read_source(tmp_path / "pipe.py", "pipe.py").problem["kind"] == "not_a_file"


def test_a_link_inside_the_project_is_analysed_as_the_file_it_points_to(tmp_path):
    write(tmp_path, "pkg/real.py", "def f(x):\n    return x\n")
    (tmp_path / "alias.py").symlink_to(tmp_path / "pkg" / "real.py")
    reply = analyze.run({"project_dir": str(tmp_path), "target_file": "alias.py"})
    assert reply["module"] == "pkg.real"
    assert [f["name"] for f in reply["functions"]] == ["f"]


def test_a_link_out_of_the_project_is_refused(tmp_path):
    outside = tmp_path / "outside.py"
    outside.write_text("x = 1\n")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "mod.py").symlink_to(outside)
    with pytest.raises(HarnessError, match="outside project_dir"):
        analyze.run({"project_dir": str(tmp_path / "project"), "target_file": "mod.py"})


SHADOWS = ("typing", "json", "ast", "tokenize", "re", "keyword", "dataclasses", "importlib", "pathlib", "io")


def plant_shadows(project: Path, names) -> Path:
    marker = project / "imported.txt"
    for name in names:
        (project / f"{name}.py").write_text(
            f"open({str(marker)!r}, 'a').write('{name}\\n')\nraise SystemExit('project {name}.py was imported')\n")
    write(project, "mod.py", "def f(x):\n    return x\n")
    return marker


def test_analyze_in_isolated_mode_never_imports_project_modules(tmp_path):
    marker = plant_shadows(tmp_path, SHADOWS)
    program = f"import sys; sys.path.insert(0, {str(HARNESS_ROOT)!r}); from questmesh_harness.cli import main; " \
              "sys.exit(main(['analyze']))"
    completed = subprocess.run([sys.executable, "-I", "-c", program], cwd=tmp_path, capture_output=True, text=True,
                               input=json.dumps({"project_dir": str(tmp_path), "target_file": "mod.py"}), timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["functions"][0]["name"] == "f"
    assert not marker.exists()


def test_a_project_typing_module_does_not_break_analyze_even_with_the_project_on_the_path(tmp_path):
    # `python -m` puts the working directory first on sys.path; analyze must not need `typing`.
    marker = plant_shadows(tmp_path, ["typing"])
    completed = subprocess.run([sys.executable, "-m", "questmesh_harness", "analyze"], cwd=tmp_path,
                               input=json.dumps({"project_dir": str(tmp_path), "target_file": "mod.py"}),
                               capture_output=True, text=True, env={"PYTHONPATH": str(HARNESS_ROOT)}, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["target_problem"] is None
    assert not marker.exists()


def test_analyze_leaves_sys_path_alone(tmp_path):
    write(tmp_path, "mod.py", "import json\n")
    before = list(sys.path)
    analyze.run({"project_dir": str(tmp_path), "target_file": "mod.py"})
    assert sys.path == before


def generated_module(functions: int) -> str:
    lines = ['"""Many functions."""', ""]
    for i in range(functions):
        lines += [f"def f{i}(x: int, y: str = 'a{i}') -> int:", f"    if x > {i}:",
                  f"        raise ValueError('v{i}')", f"    return x + {i}", ""]
    return "\n".join(lines) + "\n"


def test_analyze_splits_the_source_once_whatever_the_number_of_functions(tmp_path, monkeypatch):
    # The old code called ast.get_source_segment per node, which re-splits the whole source each time
    # (4,000 functions: minutes). Counting the splits proves the work is linear without timing it.
    splits = []
    real_split = source_module.split_lines
    monkeypatch.setattr(source_module, "split_lines", lambda text: splits.append(len(text)) or real_split(text))
    monkeypatch.setattr(analyze.ast, "get_source_segment", None)
    write(tmp_path, "big.py", generated_module(4000))

    started = time.perf_counter()
    reply = analyze.run({"project_dir": str(tmp_path), "target_file": "big.py"})
    elapsed = time.perf_counter() - started

    assert len(reply["functions"]) == 4000
    assert reply["functions"][3999]["signature"] == "(x: int, y: str = 'a3999') -> int"
    assert len(splits) == 1
    # A generous bound, only against a return of the quadratic cost (about 1 s here, many minutes before).
    assert elapsed < 60


def test_segments_match_the_standard_library_on_multibyte_and_multiline_nodes():
    text = ('def f(a: "h\u00e9" = "\u20ac\u00fc", *, b=(1,\r\n      2)) -> dict[\n  str, int]:\n'
            '    return {"\u03a9": a}\n')
    segments = Segments(text)
    for node in ast.walk(ast.parse(text)):
        if hasattr(node, "end_col_offset"):
            assert segments.text(node) == ast.get_source_segment(text, node)
