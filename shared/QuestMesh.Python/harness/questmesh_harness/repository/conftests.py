"""A `conftest.py` that fails to import, told as data.

pytest imports the conftest files beside the test paths it is given before it collects anything, and one that
raises ends the whole run with a usage error (exit code 4) before any test runs; pytest only prints why. This
plugin records the failure (which file, what it raised) so the .NET side can say so, or take out a conftest file
of its own making and run again.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _pytest.config import ConftestImportFailure


@dataclass(eq=False)  # pluggy keeps plugins in a dict: they must stay hashable
class ConftestGuard:
    relative: Callable[[Path], str]  # the path as the reply shows it
    failures: list[dict] = field(default_factory=list)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_load_initial_conftests(self) -> Generator[None, Any, None]:
        outcome = yield
        error = outcome.excinfo[1] if outcome.excinfo else None
        if isinstance(error, ConftestImportFailure):
            kind, value = error.excinfo[0], error.excinfo[1]
            self.failures.append({"path": self.relative(error.path), "error_type": kind.__name__,
                                  "message": str(value)})
