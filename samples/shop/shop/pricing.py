"""Prices, discounts and carts for a small online shop."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

VAT_RATES = {"standard": Decimal("0.20"), "reduced": Decimal("0.05"), "zero": Decimal("0")}
FREE_SHIPPING_THRESHOLD = Decimal("50.00")
SHIPPING_FEE = Decimal("4.99")
MAX_QUANTITY = 99


class PricingError(ValueError):
    """A price, quantity or coupon that the shop cannot accept."""


def parse_price(text: str) -> Decimal:
    """Parse a price such as '12.50', '€12.50' or '12,50' into a Decimal with two places."""
    cleaned = text.strip().lstrip("€$£").replace(",", ".")
    if not cleaned:
        raise PricingError("empty price")
    if cleaned.count(".") > 1:
        raise PricingError(f"malformed price: {text!r}")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        raise PricingError(f"not a number: {text!r}") from None
    if value < 0:
        raise PricingError("a price cannot be negative")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def apply_vat(net: Decimal, category: str = "standard") -> Decimal:
    """Gross price of a net amount for a VAT category."""
    try:
        rate = VAT_RATES[category]
    except KeyError:
        raise PricingError(f"unknown VAT category: {category}") from None
    return (net * (1 + rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def bulk_discount(quantity: int) -> Decimal:
    """Discount rate for buying many of one item."""
    if quantity <= 0 or quantity > MAX_QUANTITY:
        raise PricingError(f"quantity must be between 1 and {MAX_QUANTITY}")
    if quantity >= 50:
        return Decimal("0.15")
    if quantity >= 10:
        return Decimal("0.10")
    if quantity >= 5:
        return Decimal("0.05")
    return Decimal("0")


def shipping_cost(subtotal: Decimal, express: bool = False) -> Decimal:
    """Shipping is free above the threshold unless express delivery is asked for."""
    if express:
        return SHIPPING_FEE * 2
    if subtotal >= FREE_SHIPPING_THRESHOLD:
        return Decimal("0.00")
    return SHIPPING_FEE


@dataclass
class Coupon:
    code: str
    percent: int = 0
    amount: Decimal = Decimal("0")
    minimum: Decimal = Decimal("0")

    def discount_for(self, subtotal: Decimal) -> Decimal:
        """How much this coupon takes off a subtotal (never more than the subtotal)."""
        if subtotal < self.minimum:
            return Decimal("0")
        if self.percent:
            off = subtotal * Decimal(self.percent) / 100
        else:
            off = self.amount
        return min(off, subtotal).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Cart:
    lines: dict[str, tuple[Decimal, int]] = field(default_factory=dict)
    coupon: Coupon | None = None

    def add(self, sku: str, unit_price: Decimal, quantity: int = 1) -> None:
        if not sku:
            raise PricingError("a cart line needs a SKU")
        price, held = self.lines.get(sku, (unit_price, 0))
        if held + quantity > MAX_QUANTITY:
            raise PricingError(f"at most {MAX_QUANTITY} of {sku}")
        self.lines[sku] = (price, held + quantity)

    def remove(self, sku: str, quantity: int = 1) -> None:
        if sku not in self.lines:
            raise KeyError(sku)
        price, held = self.lines[sku]
        if quantity >= held:
            del self.lines[sku]
        else:
            self.lines[sku] = (price, held - quantity)

    @property
    def item_count(self) -> int:
        return sum(quantity for _, quantity in self.lines.values())

    def subtotal(self) -> Decimal:
        total = Decimal("0")
        for price, quantity in self.lines.values():
            total += price * quantity * (1 - bulk_discount(quantity))
        return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def total(self, express: bool = False) -> Decimal:
        if not self.lines:
            return Decimal("0.00")
        subtotal = self.subtotal()
        if self.coupon is not None:
            subtotal -= self.coupon.discount_for(subtotal)
        return subtotal + shipping_cost(subtotal, express)
