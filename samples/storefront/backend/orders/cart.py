"""A shopping cart with coupons."""

COUPONS = {"SAVE10": 0.10, "HALF": 0.50}
HALF_MINIMUM = 100.0


class Cart:
    def __init__(self):
        self.lines = {}
        self.discount = 0.0

    def add(self, name: str, price: float, quantity: int = 1) -> None:
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        if price < 0:
            raise ValueError("price cannot be negative")
        old_price, old_quantity = self.lines.get(name, (price, 0))
        self.lines[name] = (price, old_quantity + quantity)

    def remove(self, name: str) -> None:
        if name not in self.lines:
            raise KeyError(name)
        del self.lines[name]

    def item_count(self) -> int:
        return sum(quantity for _, quantity in self.lines.values())

    def subtotal(self) -> float:
        return round(sum(price * quantity for price, quantity in self.lines.values()), 2)

    def apply_coupon(self, code: str) -> float:
        """Apply a coupon and return the new total; HALF needs a subtotal of at least 100."""
        code = code.strip().upper()
        if code not in COUPONS:
            raise ValueError(f"unknown coupon {code}")
        if code == "HALF" and self.subtotal() < HALF_MINIMUM:
            raise ValueError("HALF needs a subtotal of at least 100")
        self.discount = COUPONS[code]
        return self.total()

    def total(self) -> float:
        return round(self.subtotal() * (1 - self.discount), 2)
