"""QuestMesh's Python harness: analyse, execute, mutate, explore and patch Python test code.

Run as ``python -m questmesh_harness <command>`` with one JSON request on standard input;
see PROTOCOL.md beside this package.
"""

from .commands import COMMANDS, run
from .errors import HarnessError
from .meta import FORMAT_VERSION, HARNESS_VERSION

__all__ = ["COMMANDS", "FORMAT_VERSION", "HARNESS_VERSION", "HarnessError", "run"]
