"""`patch`: edits of a test module by name or line, each validated by parsing (see `command.py`)."""

from .command import run
from .definitions import patch_source

__all__ = ["patch_source", "run"]
