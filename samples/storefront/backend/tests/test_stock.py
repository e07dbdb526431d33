import pytest

from inventory.stock import OutOfStock


def test_quantity_of_a_known_item(warehouse):
    assert warehouse.quantity("apple") == 10


def test_reserve_takes_items_out(warehouse):
    assert warehouse.reserve("apple", 3) == 7


def test_reserve_more_than_in_stock_fails(warehouse):
    with pytest.raises(OutOfStock):
        warehouse.reserve("pear", 5)


def test_low_stock_includes_the_threshold(warehouse):
    # The docstring says "at most threshold": pear (2 left) is low at threshold 2.
    assert warehouse.low_stock(threshold=2) == ["pear", "plum"]
