"""Possible bugs: the search reports calls that contradict the target's own hints or docstring examples, and
writes no test that pins them."""

import textwrap
from pathlib import Path
from typing import Literal, Optional, Protocol, Union

from questmesh_harness.explore import command as explore
from questmesh_harness.typefit import fits as conforms

from test_explore import run_pytest

STATS = textwrap.dedent('''\
    """Small statistics helpers."""


    def average(values: list[float]) -> float:
        """Return the arithmetic mean of values; an empty list gives 0.0."""
        total = 0.0
        for value in values:
            total += value
        return total / len(values)


    def median(values: list[int]) -> float:
        """The middle value.

        >>> median([4, 1, 3, 2])
        2.5
        """
        ordered = sorted(values)
        return ordered[len(ordered) // 2]


    def ratio(part: int, whole: int) -> float:
        """part / whole; a whole of 0 raises ZeroDivisionError."""
        return part / whole


    def lookup(table: dict, key: str) -> int:
        if key not in table:
            raise KeyError(key)
        return table[key]


    def untyped_mean(values):
        return sum(values) / len(values)
''')


def explore_stats(tmp_path: Path) -> dict:
    (tmp_path / "stats.py").write_text(STATS)
    return explore.run({"project_dir": str(tmp_path), "target_file": "stats.py", "seed": 3, "budget_seconds": 4})


def test_a_call_the_hints_allow_that_python_fails_inside_the_target_is_a_possible_bug_and_no_test(tmp_path):
    reply = explore_stats(tmp_path)
    bugs = {(b["function"], b["outcome"]): b for b in reply["possible_bugs"]}

    average = bugs[("average", "ZeroDivisionError")]
    assert average["call"] == "average([])"
    assert average["found_by"] == "search"
    assert average["line"] == 9  # `return total / len(values)`
    assert "its type hints accept these arguments and promise float" in average["evidence"]
    assert "an empty list gives 0.0" in average["evidence"]
    source = reply["test_source"]
    lines = source.splitlines()
    raising = [lines[i + 1] for i, line in enumerate(lines) if "pytest.raises(ZeroDivisionError)" in line]
    assert "average([])" not in source and not any("average(" in line for line in raising)
    assert run_pytest(tmp_path, source).returncode == 0


def test_a_docstring_example_that_does_not_hold_is_a_possible_bug_and_its_call_is_not_pinned(tmp_path):
    reply = explore_stats(tmp_path)
    wrong = [b for b in reply["possible_bugs"] if b["outcome"] == "wrong-result"]

    assert wrong == [{"function": "median", "call": "median([4, 1, 3, 2])", "outcome": "wrong-result",
                      "message": "gives 3", "line": 15, "evidence": "the docstring's example shows 2.5",
                      "found_by": "doctest"}]
    assert "median([4, 1, 3, 2])" not in reply["test_source"]


def test_documented_raised_on_purpose_or_unannotated_behaviour_is_no_possible_bug(tmp_path):
    reply = explore_stats(tmp_path)
    functions = {b["function"] for b in reply["possible_bugs"]}

    assert "ratio" not in functions  # its docstring names ZeroDivisionError
    assert "lookup" not in functions  # its own `raise KeyError`
    assert "untyped_mean" not in functions  # no hints: nothing promised


class Sized(Protocol):
    def __len__(self) -> int: ...


def test_conforms_checks_values_against_plain_annotations_and_gives_up_on_the_rest():
    assert conforms([1, 2.5], list[float]) is True
    assert conforms([1, "a"], list[float]) is False
    assert conforms(True, float) is False
    assert conforms(None, Optional[int]) is True
    assert conforms("x", Union[int, str]) is True
    assert conforms({"a": 1}, dict[str, int]) is True
    assert conforms({"a": "b"}, dict[str, int]) is False
    assert conforms((1, "a"), tuple[int, str]) is True
    assert conforms((1, 2, 3), tuple[int, ...]) is True
    assert conforms("r", Literal["r", "w"]) is True
    assert conforms("x", Literal["r", "w"]) is False
    assert conforms([1], Sized) is None
