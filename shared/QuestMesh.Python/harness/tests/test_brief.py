import textwrap

import pytest

from questmesh_harness import brief
from questmesh_harness.errors import HarnessError

MODULE = textwrap.dedent('''\
    LIMIT = 10


    def discount(kind, amount):
        if kind == "gold":
            return amount * 0.8
        return amount


    class Cart:
        def total(self, items):
            if not items:
                raise ValueError("empty")
            return sum(items)
    ''')


@pytest.fixture()
def project(tmp_path):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "prices.py").write_text(MODULE)
    return tmp_path


def test_gaps_come_with_their_source_text_and_function(project):
    result = brief.run({
        "project_dir": str(project), "target_file": "shop/prices.py",
        "missing_lines": [6, 13],
        "missing_branches": [{"from": 5, "to": 6}, {"from": 12, "to": -11}],
        "surviving_mutants": [{"line": 6, "original": "amount * 0.8", "mutated": "amount / 0.8"}],
    })
    assert result["module"] == "shop.prices"
    assert result["test_style"] == "pytest"
    assert result["context"]["functions"][0]["name"] == "discount"
    assert result["lines"] == [
        {"line": 6, "text": "return amount * 0.8", "function": "discount"},
        {"line": 13, "text": 'raise ValueError("empty")', "function": "Cart.total"},
    ]
    assert result["branches"][0] == {"from": 5, "to": 6, "from_text": 'if kind == "gold":',
                                     "to_text": "return amount * 0.8", "function": "discount"}
    assert result["branches"][1]["to_text"] is None
    assert result["mutants"] == [{"line": 6, "text": "return amount * 0.8", "original": "amount * 0.8",
                                  "mutated": "amount / 0.8", "function": "discount"}]


def test_the_style_follows_the_existing_unittest_suite(project):
    suite = "import unittest\n\nclass TestShop(unittest.TestCase):\n    def test_a(self):\n        pass\n"
    result = brief.run({"project_dir": str(project), "target_file": "shop/prices.py", "existing_tests": suite})
    assert result["test_style"] == "unittest"


def test_a_django_project_gets_django_tests(project):
    (project / "manage.py").write_text("import django\n")
    result = brief.run({"project_dir": str(project), "target_file": "shop/prices.py"})
    assert result["test_style"] == "django"


def test_malformed_gaps_are_refused(project):
    with pytest.raises(HarnessError):
        brief.run({"project_dir": str(project), "target_file": "shop/prices.py", "missing_lines": ["6"]})
