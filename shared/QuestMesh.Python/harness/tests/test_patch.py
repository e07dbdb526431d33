import textwrap

import pytest

from questmesh_harness import patch
from questmesh_harness.errors import HarnessError

SUITE = textwrap.dedent('''\
    import pytest

    from shop import price


    @pytest.mark.slow
    @pytest.mark.parametrize("x", [1, 2])
    def test_one(x):
        assert price(x) == x


    # keep this comment
    def test_two():
        assert price(2) == 2


    class TestShop:
        def test_a(self):
            assert True

        def test_b(self):
            assert True
    ''')


def apply(op, name, code=""):
    return patch.run({"source": SUITE, "op": op, "name": name, "code": code})


def test_replace_keeps_position_and_everything_else():
    reply = apply("replace", "test_one", "def test_one():\n    assert price(1) == 1\n")

    assert reply["changed"] is True
    expected = SUITE.replace('@pytest.mark.slow\n@pytest.mark.parametrize("x", [1, 2])\ndef test_one(x):\n'
                             '    assert price(x) == x\n', "def test_one():\n    assert price(1) == 1\n")
    assert reply["source"] == expected


def test_replace_a_method_reindents_the_code():
    reply = apply("replace", "TestShop.test_a", "def test_a(self):\n    assert 1 == 1\n")
    assert "    def test_a(self):\n        assert 1 == 1\n\n    def test_b" in reply["source"]
    assert reply["source"].startswith(SUITE.split("class TestShop")[0])


def test_delete_removes_the_decorators_and_keeps_the_spacing():
    source = apply("delete", "test_one")["source"]
    assert source == SUITE.replace('@pytest.mark.slow\n@pytest.mark.parametrize("x", [1, 2])\ndef test_one(x):\n'
                                   '    assert price(x) == x\n\n\n', "")


def test_delete_the_last_method_of_a_module():
    source = apply("delete", "TestShop.test_b")["source"]
    assert source == SUITE.replace("\n    def test_b(self):\n        assert True\n", "")


def test_delete_of_an_unknown_name_changes_nothing():
    assert apply("delete", "test_nope") == {"source": SUITE, "changed": False, "detail": ""}


def test_insert_appends_a_new_function_or_method():
    source = apply("insert", "test_three", "def test_three():\n    assert True")["source"]
    assert source == SUITE + "\n\ndef test_three():\n    assert True\n"
    method = apply("insert", "TestShop.test_c", "def test_c(self):\n    pass\n")["source"]
    assert method == SUITE + "\n    def test_c(self):\n        pass\n"


def test_insert_of_an_existing_name_replaces_it():
    reply = apply("insert", "test_two", "def test_two():\n    assert price(3) == 3\n")
    assert reply["source"].count("def test_two") == 1 and "price(3)" in reply["source"]


def test_insert_goes_above_the_main_guard():
    source = ("import unittest\n\n\nclass T(unittest.TestCase):\n    pass\n\n\n"
              "if __name__ == '__main__':\n    unittest.main()\n")
    patched = patch.patch_source(source, "insert", "U", "class U(unittest.TestCase):\n    pass\n")
    assert patched.index("class U") < patched.index("if __name__")


@pytest.mark.parametrize("request_", [
    {"source": SUITE, "op": "replace", "name": "test_nope", "code": "def test_nope():\n    pass\n"},
    {"source": SUITE, "op": "replace", "name": "test_one", "code": "def broken(:\n"},
    {"source": SUITE, "op": "rename", "name": "test_one"},
    {"source": SUITE, "op": "insert", "name": "test_one"},
])
def test_bad_requests_are_harness_errors(request_):
    with pytest.raises(HarnessError):
        patch.run(request_)
