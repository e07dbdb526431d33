"""Shipping prices by weight."""

BANDS = [(1.0, 4.5), (5.0, 9.0), (20.0, 19.0)]
HEAVY_PER_KILO = 1.2
EXPRESS_FACTOR = 1.5


def shipping_cost(weight: float, express: bool = False) -> float:
    """Price of shipping a parcel of `weight` kilos.

    >>> shipping_cost(0.5)
    4.5
    >>> shipping_cost(30)
    36.0
    """
    if weight <= 0:
        raise ValueError("weight must be positive")
    for limit, price in BANDS:
        if weight <= limit:
            cost = price
            break
    else:
        cost = round(weight * HEAVY_PER_KILO, 2)
    if express:
        cost = round(cost * EXPRESS_FACTOR, 2)
    return cost


def parcels(weights: list, max_weight: float = 20.0) -> int:
    """How many parcels the items need when no parcel may weigh more than `max_weight`."""
    count, load = 0, max_weight
    for weight in weights:
        if weight > max_weight:
            raise ValueError(f"an item of {weight} kg is heavier than a parcel may be")
        if load + weight > max_weight:
            count += 1
            load = 0.0
        load += weight
    return count


def average_weight(weights: list) -> float:
    """Mean weight of an order's items in kilos; an empty order weighs 0.0."""
    return round(sum(weights) / len(weights), 3)
