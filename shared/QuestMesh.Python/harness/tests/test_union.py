"""`union` and `minimise`: a run's final suite from its attempts' suites, on text and data alone."""

import pytest

from questmesh_harness import union
from questmesh_harness.errors import HarnessError

BEST = ("from calc import sign\n\n\ndef test_positive():\n    assert sign(3) == 1\n\n\n"
        "def test_zero():\n    assert sign(0) == 0\n")
LATER = ("from calc import sign\nimport math\n\n\ndef test_positive():\n    assert sign(3) == 1\n\n\n"
         "def test_zero():\n    assert sign(0) == 0 and math.pi\n\n\ndef test_negative():\n    assert sign(-2) == -1\n")


def test_union_adds_what_other_attempts_wrote_and_credits_the_first_attempt_that_held_each_test():
    reply = union.run({"suites": [{"attempt": 1, "source": BEST}, {"attempt": 0, "source": LATER}]})

    source = reply["source"]
    assert source.startswith(BEST.split("\n\n\n")[0])
    assert "import math" in source and "def test_negative():" in source
    assert "def test_zero_attempt0():" in source  # the same name with other code: renamed, both kept
    assert reply["origins"] == {"test_positive": 0, "test_zero": 1, "test_zero_attempt0": 0, "test_negative": 0}
    compile(source, "union", "exec")


def test_union_refuses_what_it_cannot_read():
    with pytest.raises(HarnessError, match="suites must be a non-empty list"):
        union.run({"suites": []})
    with pytest.raises(HarnessError, match="the suite of attempt 2 does not parse"):
        union.run({"suites": [{"attempt": 2, "source": "def test_x(:\n"}]})


ARCS = {
    "tests/test_s.py::test_positive": [[-1, 2], [2, 3], [3, -1]],
    "tests/test_s.py::test_positive_again": [[-1, 2], [2, 3], [3, -1]],
    "tests/test_s.py::TestSign::test_zero[0]": [[-1, 2], [2, 4], [4, 6], [6, -1]],
    "tests/test_s.py::TestSign::test_zero[1]": [[-1, 2], [2, 4], [4, 6]],
}
SUITE = ("import pytest\n\n\ndef test_positive():\n    assert True\n\n\n@pytest.mark.slow\n"
         "def test_positive_again():\n    assert True\n\n\nclass TestSign:\n    def test_zero(self):\n"
         "        assert True\n\n\ndef test_not_run():\n    assert True\n")


def test_minimise_keeps_the_tests_that_reach_new_arcs_and_deletes_the_others_with_their_decorators():
    reply = union.minimise({"source": SUITE, "test_arcs": ARCS, "killed_by": [], "passed": list(ARCS)})

    assert reply["kept"] == ["test_positive", "TestSign", "test_not_run"]  # a test it knows nothing about stays
    assert reply["dropped"] == ["test_positive_again"]
    assert "test_positive_again" not in reply["source"] and "@pytest.mark.slow" not in reply["source"]
    compile(reply["source"], "minimised", "exec")


def test_minimise_keeps_the_tests_credited_with_a_kill_and_never_drops_one_that_did_not_pass():
    killers = union.minimise({"source": SUITE, "test_arcs": ARCS, "passed": list(ARCS),
                              "killed_by": ["tests/test_s.py::test_positive_again"]})
    failing = union.minimise({"source": SUITE, "test_arcs": ARCS, "killed_by": [],
                              "passed": [t for t in ARCS if "again" not in t]})

    assert "test_positive_again" in killers["kept"] and killers["dropped"] == ["test_positive"]  # same arcs
    assert "test_positive_again" in failing["kept"]
