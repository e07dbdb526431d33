import ast
import textwrap

import pytest

from questmesh_harness import merge
from questmesh_harness.errors import HarnessError

BASE = textwrap.dedent('''\
    """Tests of shop."""
    import pytest

    from shop import price


    def test_price():
        assert price(1) == 1


    if __name__ == "__main__":
        pytest.main()
    ''')

ANSWER = textwrap.dedent('''\
    import math
    import pytest
    from shop import price, discount

    RATE = 0.5


    @pytest.fixture
    def amount():
        return 10


    def test_price():
        assert price(2) == 2


    @pytest.mark.parametrize("x", [1, 2])
    def test_discount(x, amount):
        assert math.isclose(discount(amount, x), amount * RATE * x)


    class TestShop:
        def test_zero(self):
            assert price(0) == 0
    ''')


def run(base, addition, names=None):
    return merge.run({"base": base, "addition": addition, "names": names})


def test_lists_the_additions_tests_and_takes_only_the_chosen_one():
    reply = run(BASE, ANSWER, ["test_discount"])

    assert reply["tests"] == ["test_price", "test_discount", "TestShop"]
    assert reply["added"] == ["test_discount"]
    source = reply["source"]
    assert "def test_discount(x, amount):" in source
    assert "@pytest.mark.parametrize" in source
    assert "class TestShop" not in source
    assert source.count("def test_price") == 1


def test_brings_missing_imports_and_helpers_and_keeps_the_main_guard_last():
    source = run(BASE, ANSWER, ["test_discount"])["source"]
    tree = ast.parse(source)

    assert "import math" in source and "from shop import price, discount" in source
    assert source.count("import pytest") == 1
    assert "RATE = 0.5" in source and "def amount():" in source
    assert isinstance(tree.body[-1], ast.If)
    assert source.startswith('"""Tests of shop."""\nimport pytest\n')
    assert source.index("import math") < source.index("def test_price")


def test_a_name_the_base_has_is_renamed():
    reply = run(BASE, ANSWER, ["test_price"])

    assert reply["renamed"] == {"test_price": "test_price_llm"}
    assert reply["added"] == ["test_price_llm"]
    assert "def test_price_llm():" in reply["source"]
    assert "assert price(2) == 2" in reply["source"]


def test_into_an_empty_base_gives_the_chosen_tests_with_their_imports():
    source = run("", ANSWER, ["TestShop"])["source"]

    namespace = ast.parse(source)
    assert [type(n).__name__ for n in namespace.body][:3] == ["Import", "Import", "ImportFrom"]
    assert "class TestShop:" in source and "def test_discount" not in source
    assert not source.startswith("\n")


def test_merged_module_runs(tmp_path):
    source = run(BASE.replace("from shop import price", "price = abs"), "def test_abs():\n    assert price(-3) == 3\n")["source"]
    namespace = {"__name__": "merged"}
    exec(compile(source, "merged.py", "exec"), namespace)
    namespace["test_abs"]()
    namespace["test_price"]()


def test_an_addition_that_does_not_parse_is_a_bad_request():
    with pytest.raises(HarnessError, match="the addition does not parse"):
        run(BASE, "def test_x(:\n")


def test_insert_line_is_the_main_guard_or_past_the_end():
    assert run(BASE, ANSWER, [])["insert_line"] == BASE.splitlines().index('if __name__ == "__main__":') + 1
    assert run("import x\n\n\ndef test_a():\n    pass\n", ANSWER, [])["insert_line"] == 6
    assert run("", ANSWER, [])["insert_line"] == 1


def test_the_snippet_is_what_was_added_and_inserted_at_insert_line_gives_a_module_that_parses():
    reply = run(BASE, ANSWER, ["test_discount"])

    assert reply["snippet"] == textwrap.dedent('''\
        import math
        from shop import price, discount


        RATE = 0.5


        @pytest.fixture
        def amount():
            return 10


        @pytest.mark.parametrize("x", [1, 2])
        def test_discount(x, amount):
            assert math.isclose(discount(amount, x), amount * RATE * x)
        ''')
    lines = BASE.splitlines(keepends=True)
    at = reply["insert_line"] - 1
    inserted = "".join(lines[:at]) + reply["snippet"] + "\n\n" + "".join(lines[at:])
    assert {n.name for n in ast.parse(inserted).body if isinstance(n, ast.FunctionDef)} >= {"test_price", "test_discount"}


def test_no_chosen_test_means_an_empty_snippet():
    assert run(BASE, ANSWER, [])["snippet"] == ""
