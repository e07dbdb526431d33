"""execute: the facts the fixer's rules decide on, read off real failures of one real suite that carries each
pattern (a missing module or name, an import cycle, Django settings, a blocked database, a recursion, a float
that is off by rounding, an exception inside pytest.raises, exceptions the target raises on purpose or Python
raises inside it, and whether the test's call fit the target's type hints)."""

from __future__ import annotations

import pytest

from _mutexec_support import run_harness, write_files

CART = """
    \"\"\"A small shop module with a few bugs for the fixer to find.\"\"\"


    class InvalidAmount(ValueError):
        pass


    class Cart:
        def __init__(self, owner: str = "ann") -> None:
            self.owner = owner
            self.items: list[str] = []


    def average(values: list[float]) -> float:
        return sum(values) / len(values)


    def first(items: list[str]) -> str:
        return items[0]


    def price_of(prices: dict[str, float], name: str) -> float:
        return prices[name]


    def describe(count: int) -> str:
        return "count: " + count


    def pay(amount: int) -> int:
        if amount < 0:
            raise InvalidAmount("amount must be positive")
        return amount


    def parse(text: str) -> int:
        return int(text)


    def shout(text: str) -> str:
        return text.upper()


    def total(a: float, b: float) -> float:
        return a + b


    def depth(n: int) -> int:
        return depth(n + 1)


    def decode(data: bytes) -> str:
        return data.decode("ascii")


    def debug_mode() -> bool:
        from django.conf import settings
        return bool(settings.DEBUG)
"""

# Stands in for the database behind pytest-django's blocker; the conftest plays the plugin's part.
DB = """
    \"\"\"Stands in for a database behind pytest-django's blocker (tests/conftest.py plays the plugin).\"\"\"
    ALLOWED = [False]


    def count_orders() -> int:
        if not ALLOWED[0]:
            raise RuntimeError('Database access not allowed, use the "django_db" mark, or the "db" or '
                               '"transactional_db" fixtures to enable it.')
        return 0
"""

CONFTEST = """
    import pytest

    from shop import db


    @pytest.fixture(autouse=True)
    def _database_blocker(request):
        db.ALLOWED[0] = request.node.get_closest_marker("django_db") is not None
        yield
        db.ALLOWED[0] = False
"""

SUITE = """
    import json

    import pytest

    from shop import db
    from shop.cart import (Cart, InvalidAmount, average, decode, debug_mode, depth, describe, first, parse, pay,
                           price_of, shout, total)


    @pytest.fixture
    def broken_cart():
        raise RuntimeError("no cart today")


    def test_module_not_found():
        import shop.nothing_here  # noqa: F401


    def test_cannot_import_name():
        from shop.cart import refund  # noqa: F401


    def test_import_cycle():
        from shop.cycle_a import A
        assert A == 1


    def test_name_error():
        assert discount(3) == 1


    def test_unbound_local():
        if False:
            value = 1
        assert value == 1


    def test_attribute_error():
        assert Cart().count == 0


    def test_fixture_missing(cart_with_items):
        assert cart_with_items


    def test_fixture_error(broken_cart):
        assert broken_cart


    def test_call_mismatch():
        assert pay(1, 2) == 3


    def test_unexpected_keyword():
        assert pay(amount=1, tip=2) == 3


    def test_django_settings():
        assert debug_mode() is False


    def test_database_blocked():
        assert db.count_orders() == 0


    def test_recursion():
        assert depth(0) == 0


    def test_assertion_mismatch():
        assert pay(2) == 3


    def test_float_mismatch():
        assert total(0.1, 0.2) == 0.3


    def test_assertion_failed():
        assert pay(2) > 5


    def test_did_not_raise():
        with pytest.raises(InvalidAmount):
            pay(1)


    def test_wrong_exception():
        with pytest.raises(TypeError):
            pay(-1)


    def test_type_error_in_test():
        assert len(pay(3)) == 1


    def test_file_not_found():
        with open("no-such-file.txt") as handle:
            assert handle.read() == ""


    def test_key_error_in_test():
        prices = {"tea": 2.5}
        assert prices["coffee"] == 3.0


    def test_index_error_in_test():
        assert [pay(1)][1] == 1


    def test_unicode_in_test():
        assert b"\\xff".decode("utf-8") == "?"


    def test_unicode_in_target():
        assert decode(b"caf\\xc3\\xa9") == "cafe"


    def test_library_error_in_test():
        assert json.loads("{") == {}


    def test_raised_on_purpose():
        assert pay(-1) == 0


    def test_value_error_by_python():
        assert parse("x") == 0


    def test_misuse():
        assert shout(3) == "3"


    def test_bug_zero_division():
        assert average([]) == 0.0


    def test_bug_index():
        assert first([]) == ""


    def test_bug_key():
        assert price_of({"tea": 2.5}, "coffee") == 0.0


    def test_bug_type():
        assert describe(2) == "count: 2"


    def test_passes():
        assert pay(1) == 1
"""


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, dict]:
    root = write_files(tmp_path_factory.mktemp("patterns"), {
        "src/shop/__init__.py": "", "src/shop/cart.py": CART, "src/shop/db.py": DB,
        "src/shop/cycle_a.py": "from shop.cycle_b import B\n\nA = 1\n",
        "src/shop/cycle_b.py": "from shop.cycle_a import A\n\nB = 2\n",
        "tests/conftest.py": CONFTEST, "tests/test_cart.py": SUITE,
    })
    request = {"project_dir": str(root), "target_file": "src/shop/cart.py", "test_file": "tests/test_cart.py",
               "framework": "auto", "timeout_seconds": 60}
    code, reply, stderr = run_harness("execute", request)
    assert code == 0, stderr
    return {test["name"]: test["failure"] for test in reply["tests"] if test["failure"]}


@pytest.mark.parametrize("test, on_purpose, function, call, fits", [
    ("test_raised_on_purpose", True, "pay", "pay(-1)", True),
    ("test_value_error_by_python", False, "parse", 'parse("x")', True),
    ("test_bug_zero_division", False, "average", "average([])", True),
    ("test_bug_index", False, "first", "first([])", True),
    ("test_bug_key", False, "price_of", 'price_of({"tea": 2.5}, "coffee")', True),
    ("test_bug_type", False, "describe", "describe(2)", True),
    ("test_misuse", False, "shout", "shout(3)", False),
    ("test_recursion", False, "depth", "depth(0)", True),
    ("test_unicode_in_target", False, "decode", 'decode(b"caf\\xc3\\xa9")', True),
    ("test_django_settings", False, "debug_mode", "debug_mode()", None),
    ("test_assertion_mismatch", None, None, None, None),
    ("test_key_error_in_test", None, None, None, None),
])
def test_a_failure_says_who_raised_it_and_which_call_led_there(found, test, on_purpose, function, call, fits):
    failure = found[test]

    assert (failure["raised_on_purpose"], failure["target_function"]) == (on_purpose, function)
    assert (failure["target_call"], failure["call_fits_hints"]) == (call, fits)


def test_a_deep_recursion_keeps_the_test_frame_that_started_it(found):
    recursion = found["test_recursion"]

    assert len(recursion["frames"]) == 12
    assert recursion["frames"][0]["kind"] == "test" and recursion["test_line"] == recursion["frames"][0]["line"]
    assert {frame["kind"] for frame in recursion["frames"][1:]} == {"target"}


def test_pytest_raises_around_another_exception_names_what_it_expected(found):
    wrong = found["test_wrong_exception"]

    assert (wrong["exception_name"], wrong["expected_exception"], wrong["raised_on_purpose"]) == (
        "InvalidAmount", "TypeError", True)
    assert found["test_did_not_raise"]["expected_exception"] is None
    assert found["test_raised_on_purpose"]["expected_exception"] is None


def test_framework_and_import_conditions_are_flagged(found):
    assert found["test_database_blocked"]["database_blocked"]
    assert found["test_import_cycle"]["import_cycle"]
    assert found["test_import_cycle"]["missing_name"] == "A"
    assert not found["test_cannot_import_name"]["import_cycle"]
    assert found["test_django_settings"]["exception_type"] == "django.core.exceptions.ImproperlyConfigured"
    assert not any(found[name]["database_blocked"] for name in found if name != "test_database_blocked")


def test_a_float_off_by_rounding_is_close_and_other_mismatches_are_not(found):
    assert found["test_float_mismatch"]["assertion"]["close"] is True
    assert found["test_assertion_mismatch"]["assertion"]["close"] is False
    assert found["test_assertion_failed"]["assertion"]["close"] is False


def test_each_test_frame_names_the_first_line_of_its_function(found):
    mismatch = found["test_assertion_mismatch"]

    assert mismatch["test_line"] - mismatch["test_function_line"] == 1
    assert found["test_unbound_local"]["test_line"] - found["test_unbound_local"]["test_function_line"] == 3
