using QuestMesh.Tests.Shared;

namespace QuestMesh.Fixer.Tests.Support;

/// <summary>
/// A real project whose one generated-looking suite carries every failure pattern the classifier knows (the
/// harness's own tests run the same suite: harness/tests/test_execute_patterns.py). <c>shop/db.py</c> and the
/// conftest stand in for pytest-django's database blocker, which honours the <c>django_db</c> mark.
/// </summary>
public static class FailurePatterns
{
    public const string Target = "src/shop/cart.py";
    public const string SuiteFile = "tests/test_cart.py";

    public const string Cart = """"
        """A small shop module with a few bugs for the fixer to find."""


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
        """";

    public const string Db = """"
        """Stands in for a database behind pytest-django's blocker (tests/conftest.py plays the plugin)."""
        ALLOWED = [False]


        def count_orders() -> int:
            if not ALLOWED[0]:
                raise RuntimeError('Database access not allowed, use the "django_db" mark, or the "db" or '
                                   '"transactional_db" fixtures to enable it.')
            return 0
        """";

    public const string Conftest = """
        import pytest

        from shop import db


        @pytest.fixture(autouse=True)
        def _database_blocker(request):
            db.ALLOWED[0] = request.node.get_closest_marker("django_db") is not None
            yield
            db.ALLOWED[0] = False
        """;

    public const string Suite = """
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
            assert b"\xff".decode("utf-8") == "?"


        def test_unicode_in_target():
            assert decode(b"caf\xc3\xa9") == "cafe"


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
        """;

    /// <summary>The project without the suite (the fixer's commands carry it).</summary>
    public static PythonProject Project() => PythonProject.Create(
        ("src/shop/__init__.py", ""), (Target, Cart), ("src/shop/db.py", Db),
        ("src/shop/cycle_a.py", "from shop.cycle_b import B\n\nA = 1\n"), ("src/shop/cycle_b.py", "from shop.cycle_a import A\n\nB = 2\n"),
        ("tests/conftest.py", Conftest));
}
