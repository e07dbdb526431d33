from inventory.units import to_kilos


def test_to_kilos():
    assert to_kilos(1500) == 1.5
