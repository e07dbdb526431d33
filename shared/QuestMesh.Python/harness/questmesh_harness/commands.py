"""The harness's commands: each takes one JSON request (a dict) and returns one JSON reply (a dict)."""

from __future__ import annotations

import importlib

from .errors import HarnessError

# A command's module is imported when it runs, so each command pays only for its own imports.
_MODULES = {
    "analyze": ".analyze",
    "execute": ".execute.command",
    "mutate": ".mutate.command",
    "explore": ".explore.command",
    "static": ".static",
    "patch": ".patch.command",
    "brief": ".brief",
    "answer": ".answer",
    "merge": ".merge",
}
COMMANDS = tuple(_MODULES)


def run(command: str, request: dict) -> dict:
    """The reply to one request; a HarnessError when the request cannot be served."""
    if command not in _MODULES:
        raise HarnessError(f"unknown command {command!r}: one of {', '.join(COMMANDS)}")
    module = importlib.import_module(_MODULES[command], __package__)
    reply: dict = module.run(request)
    return reply
