"""typefit: whether a value fits a type hint (for `call_fits_hints` and possible bugs), and when two compared values are
equal but for float rounding (for `assertion.close`)."""

from __future__ import annotations

import typing
from typing import Any, Callable, Literal, Optional, Protocol, TypeVar, Union

import pytest

from questmesh_harness.typefit import fits
from questmesh_harness.execute.operands import close

T = TypeVar("T")


class Shape(Protocol):
    def area(self) -> float: ...


@pytest.mark.parametrize("value, hint, expected", [
    (1, int, True), ("1", int, False), (1, float, True), (1.5, float, True), ("x", float, False),
    (None, Optional[int], True), (2, Optional[int], True), ("2", Optional[int], False),
    (2, int | str, True), (b"", Union[int, str], False),
    ([1], list[int], True), ((1,), list[int], False), ({}, dict[str, int], True), ({}, typing.Dict, True),
    ("a", Literal["a", "b"], True), ("c", Literal["a", "b"], False), (True, Literal[1], False),
    (len, Callable[[str], int], True), (3, Callable[..., int], False),
    (object(), Any, True), (3, T, True), (3, Shape, None), (None, None, True), (0, None, False),
])
def test_fits_decides_what_a_run_can_show_and_leaves_the_rest_open(value, hint, expected):
    assert fits(value, hint) is expected


@pytest.mark.parametrize("left, right, expected", [
    (0.30000000000000004, 0.3, True), (0.3333333333333333, 0.3, False), (3, 3.0000000001, True),
    (3, 4, False), (1.0, 1.0, False), ([0.1 + 0.2, 1.0], [0.3, 1.0], True), ([0.1 + 0.2], [0.3, 1.0], False),
    ({"a": 0.1 + 0.2}, {"a": 0.3}, True), ({"a": 0.1 + 0.2}, {"b": 0.3}, False), ("0.3", 0.3, False),
    (True, 1.0000000001, False),
])
def test_close_is_float_rounding_only(left, right, expected):
    assert close(left, right) is expected
