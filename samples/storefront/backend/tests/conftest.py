import pytest

from inventory.stock import Warehouse


@pytest.fixture
def warehouse():
    return Warehouse({"apple": 10, "pear": 2, "plum": 0})
