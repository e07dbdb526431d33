"""Stock levels of a warehouse."""


class OutOfStock(Exception):
    """Raised when more items are reserved than the warehouse holds."""


class Warehouse:
    def __init__(self, items: dict):
        self.items = dict(items)

    def quantity(self, item: str) -> int:
        return self.items.get(item, 0)

    def reserve(self, item: str, count: int) -> int:
        """Take `count` items out of stock and return what is left."""
        if count <= 0:
            raise ValueError("count must be positive")
        available = self.quantity(item)
        if count > available:
            raise OutOfStock(f"{item}: {count} wanted, {available} in stock")
        self.items[item] = available - count
        return self.items[item]

    def restock(self, item: str, count: int) -> int:
        if count <= 0:
            raise ValueError("count must be positive")
        self.items[item] = self.quantity(item) + count
        return self.items[item]

    def low_stock(self, threshold: int = 2) -> list:
        """Items with at most `threshold` left, by name."""
        return sorted(item for item, count in self.items.items() if count < threshold)


def reorder_amount(current: int, target: int, pack: int = 6) -> int:
    """Items to order so that stock reaches `target`, in whole packs."""
    if current >= target:
        return 0
    missing = target - current
    packs = missing // pack
    if missing % pack:
        packs += 1
    return packs * pack
