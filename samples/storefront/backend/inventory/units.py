"""Weights in the units people type."""

GRAMS_PER_KILO = 1000


def to_kilos(grams: float) -> float:
    return grams / GRAMS_PER_KILO
