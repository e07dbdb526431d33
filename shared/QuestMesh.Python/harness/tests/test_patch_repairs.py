"""patch: the edits behind the fixer's further repairs (pytest.approx, the expected exception of a raises
block, a standard-library import, Django settings and the django_db mark) and the transplant that carries
an edited test into the suite, or rolls it back."""

from __future__ import annotations

import pytest

from questmesh_harness import patch
from questmesh_harness.errors import HarnessError

SUITE = (
    "import pytest\n"
    "from shop.cart import pay, total\n"
    "\n\n"
    "def test_wrong():\n"
    "    with pytest.raises(TypeError, match='positive'):\n"
    "        pay(-1)\n"
    "\n\n"
    "def test_float():\n"
    "    assert total(0.1, 0.2) == 0.3\n"
    "\n\n"
    "class TestCart:\n"
    "    @pytest.mark.slow\n"
    "    def test_orders(self):\n"
    "        assert count_orders() == 0\n"
)


def edit(source: str, op: str, **fields) -> dict:
    return patch.run({"source": source, "op": op, **fields})


def test_approx_expected_compares_the_expected_float_within_rounding():
    reply = edit(SUITE, "approx_expected", name="test_float", line=11)

    assert "    assert total(0.1, 0.2) == pytest.approx(0.3)\n" in reply["source"]
    assert reply["detail"] == "expected value `0.3` compared with pytest.approx (line 11)"


def test_approx_expected_adds_the_pytest_import_when_missing():
    reply = edit("def test_f():\n    assert 0.3 == total(0.1, 0.2)\n", "approx_expected", name="test_f", line=2)

    assert reply["source"] == "import pytest\ndef test_f():\n    assert pytest.approx(0.3) == total(0.1, 0.2)\n"


def test_replace_raises_expects_the_exception_raised_and_drops_its_match_pattern():
    reply = edit(SUITE, "replace_raises", name="test_wrong", line=7, exception="shop.cart.InvalidAmount",
                 exception_module="shop.cart")

    assert "    with pytest.raises(InvalidAmount):\n        pay(-1)\n" in reply["source"]
    assert "from shop.cart import InvalidAmount\n" in reply["source"]
    assert reply["detail"] == ("expected exception `TypeError` replaced by `InvalidAmount`, which the code under "
                               "test raised (line 6); its `match` pattern was dropped")


def test_replace_raises_handles_assert_raises_and_the_call_form():
    unit = "class T(unittest.TestCase):\n    def test_a(self):\n        with self.assertRaises(KeyError):\n" \
           "            pay(-1)\n"
    call = "def test_a():\n    pytest.raises(KeyError, pay, -1)\n"

    assert "self.assertRaises(ValueError)" in edit(unit, "replace_raises", name="T.test_a", line=4,
                                                    exception="ValueError")["source"]
    assert "pytest.raises(ValueError, pay, -1)" in edit(call, "replace_raises", name="test_a", line=2,
                                                         exception="ValueError")["source"]


@pytest.mark.parametrize("name, line, exception, reason", [
    ("test_float", 11, "ValueError", "line 11 of test_float is not inside pytest.raises or assertRaises"),
    ("test_wrong", 7, "TypeError", "test_wrong already expects TypeError"),
])
def test_replace_raises_refuses_what_it_cannot_change(name, line, exception, reason):
    with pytest.raises(HarnessError, match=reason):
        edit(SUITE, "replace_raises", name=name, line=line, exception=exception)


def test_import_module_imports_standard_modules_only():
    assert edit("def test_a():\n    assert math.pi\n", "import_module", name="math")["source"].startswith("import math\n")
    with pytest.raises(HarnessError, match="`numpy` is not a standard-library module"):
        edit("def test_a():\n    pass\n", "import_module", name="numpy")


def test_configure_django_goes_above_every_import_once():
    source = '"""Tests."""\nfrom __future__ import annotations\n\nfrom shop.views import home\n'

    reply = edit(source, "configure_django")

    assert reply["source"].startswith('"""Tests."""\nfrom __future__ import annotations\n\nimport django\n'
                                      'from django.conf import settings\n\nif not settings.configured:\n')
    assert reply["source"].index("django.setup()") < reply["source"].index("from shop.views import home")
    with pytest.raises(HarnessError, match="configures Django's settings already"):
        edit(reply["source"], "configure_django")


def test_mark_django_db_decorates_the_test_once():
    reply = edit(SUITE, "mark_django_db", name="TestCart.test_orders")

    assert "    @pytest.mark.django_db\n    @pytest.mark.slow\n    def test_orders(self):\n" in reply["source"]
    with pytest.raises(HarnessError, match="marked django_db already"):
        edit(reply["source"], "mark_django_db", name="TestCart.test_orders")


def test_transplant_carries_an_edited_test_and_its_new_imports_into_another_version():
    edited = edit("def test_float():\n    assert total(0.1, 0.2) == 0.3\n", "approx_expected", name="test_float",
                  line=2)["source"]
    current = "from shop.cart import total\n\n\ndef test_first():\n    pass\n\n\ndef test_float():\n" \
              "    assert total(0.1, 0.2) == 0.3\n"

    reply = edit(current, "transplant", name="test_float", from_source=edited)

    assert reply["source"] == ("from shop.cart import total\nimport pytest\n\n\ndef test_first():\n    pass\n\n\n"
                               "def test_float():\n    assert total(0.1, 0.2) == pytest.approx(0.3)\n")
    assert reply["detail"] == "test_float replaced with `import pytest`"


def test_transplant_rolls_a_method_back_and_inserts_a_test_that_is_gone():
    rolled = edit(SUITE.replace("== 0\n", "== 1\n"), "transplant", name="TestCart.test_orders", from_source=SUITE)
    inserted = edit("import pytest\n", "transplant", name="test_float", from_source=SUITE)

    assert rolled["source"] == SUITE and rolled["detail"] == "TestCart.test_orders replaced"
    assert inserted["source"].endswith("def test_float():\n    assert total(0.1, 0.2) == 0.3\n")
    with pytest.raises(HarnessError, match="no function or class named test_gone in from_source"):
        edit(SUITE, "transplant", name="test_gone", from_source=SUITE)
