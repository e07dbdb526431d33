"""Fields of a JSON request, read with their defaults; a field of the wrong type is a bad request."""

from __future__ import annotations

from .errors import HarnessError


def number(request: dict, key: str, default: float, minimum: float = 0.0) -> float:
    """A numeric request field with a default; a wrong type is a bad request, not a crash."""
    value = request.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise HarnessError(f"{key} must be a number")
    if value < minimum:
        raise HarnessError(f"{key} must be at least {minimum}")
    return float(value)
