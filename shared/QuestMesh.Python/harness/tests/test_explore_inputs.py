"""The search's inputs beyond plain values: injected clocks, dates, a folder tree, docstring examples, and
instances built by the package's own factory functions."""

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path


from questmesh_harness.explore import command as explore
from questmesh_harness.explore.inputs.doctests import examples

TOOLS = textwrap.dedent('''\
    """Small tools."""
    import datetime
    import os


    def grade(score):
        """Letter grade.

        >>> grade(93)
        'A'
        >>> grade(score=71)
        'C'
        """
        if score >= 90:
            return "A"
        if score >= 80:
            return "B"
        return "C" if score >= 70 else "F"


    def weekday_name(when):
        if not isinstance(when, datetime.date):
            raise TypeError("a date, please")
        return when.strftime("%A")


    def biggest(folder):
        names = sorted(os.listdir(folder))
        if not names:
            return None
        return max(names, key=lambda n: os.path.getsize(os.path.join(folder, n)))


    class Lease:
        def __init__(self, ttl, timer):
            self.ttl = ttl
            self.timer = timer
            self.start = timer()

        def expired(self):
            return self.timer() - self.start >= self.ttl
    ''')


def write(folder: Path, files: dict) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def passes(folder: Path, source: str) -> bool:
    (folder / "tests").mkdir(exist_ok=True)
    (folder / "tests" / "test_generated.py").write_text(source)
    completed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                                "tests/test_generated.py"], cwd=folder, capture_output=True, text=True, timeout=120)
    return completed.returncode == 0


def test_clocks_dates_folders_and_docstring_examples_reach_the_branches(tmp_path):
    folder = write(tmp_path, {"tools.py": TOOLS})
    reply = explore.run({"project_dir": str(folder), "target_file": "tools.py", "seed": 5, "budget_seconds": 4})
    source = reply["test_source"]

    assert reply["verified"] is True
    assert "grade(93)" in source  # the docstring's own example
    assert "itertools.count(" in source and "import itertools" in source  # a clock for `timer`
    assert "weekday_name(datetime.date" in source and "import datetime" in source
    assert "make_files(tmp_path)" in source and "def make_files(folder):" in source
    assert "/tmp/" not in source.replace("# ", "")  # no assertion on the search's own folder
    assert passes(folder, source)


def test_methods_run_on_instances_the_package_factory_builds(tmp_path):
    folder = write(tmp_path, {
        "shapes/__init__.py": "from shapes.nodes import Group, Leaf\n\n\ndef parse(text):\n"
                              "    return Group([Leaf(word) for word in text.split()])\n",
        "shapes/nodes.py": textwrap.dedent('''\
            class Leaf:
                def __init__(self, word):
                    self.word = word


            class Group:
                def __init__(self, items):
                    if not all(isinstance(item, Leaf) for item in items):
                        raise TypeError("leaves only")
                    self.items = list(items)

                def longest(self):
                    if not self.items:
                        raise ValueError("empty group")
                    return max(self.items, key=lambda leaf: len(leaf.word)).word
            '''),
    })
    reply = explore.run({"project_dir": str(folder), "target_file": "shapes/nodes.py", "seed": 1, "budget_seconds": 4})
    source = reply["test_source"]

    assert "= shapes.parse(" in source and "import shapes" in source
    assert ".longest()" in source and reply["verified"] is True
    assert passes(folder, source)


def test_docstring_examples_are_read_with_their_keywords():
    import ast

    found = examples(ast.parse(TOOLS))
    assert found["grade"] == [(("93",), ()), ((), (("score", "71"),))]


def test_flask_routes_are_called_through_the_test_client(tmp_path):
    assert importlib.util.find_spec("flask"), "python3-flask is missing: ./quest test installs it"
    folder = write(tmp_path, {"shop.py": textwrap.dedent('''\
        from flask import Flask, jsonify, request

        app = Flask(__name__)


        @app.route("/items", methods=["POST"])
        def add_item():
            data = request.get_json(silent=True) or {}
            if "name" not in data:
                return jsonify({"error": "name required"}), 400
            return jsonify({"created": data["name"]}), 201
        ''')})
    reply = explore.run({"project_dir": str(folder), "target_file": "shop.py", "seed": 1, "budget_seconds": 4})
    source = reply["test_source"]

    assert "app.test_client().post('/items'" in source and "add_item()" not in source
    assert "result.status_code == 201" in source and "def test_post_items" in source
    assert passes(folder, source)


def test_a_decorator_factory_is_followed_into_its_wrapper(tmp_path):
    folder = write(tmp_path, {"memo.py": textwrap.dedent('''\
        def memoize(store):
            def decorator(func):
                def wrapper(*args):
                    if args in store:
                        return store[args]
                    store[args] = value = func(*args)
                    return value
                return wrapper
            return decorator
        ''')})
    reply = explore.run({"project_dir": str(folder), "target_file": "memo.py", "seed": 2, "budget_seconds": 4})
    source = reply["test_source"]

    assert "function = memoize(" in source and "function = function(lambda" in source
    assert reply["arcs_covered"] == reply["arcs_total"]  # the cache hit too: the wrapper is called twice
    assert passes(folder, source)
