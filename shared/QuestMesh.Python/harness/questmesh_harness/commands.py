"""The harness's commands: each takes one JSON request (a dict) and returns one JSON reply (a dict)."""

from __future__ import annotations

import importlib

from .errors import HarnessError

# A command's module (and function, when not `run`) is imported when it runs, so each command pays only for its
# own imports.
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
    "union": ".union",
    "minimise": ".union:minimise",
    "survey": ".repository.survey",
    "measure": ".repository.measure",
    "install": ".repository.install",
}
COMMANDS = tuple(_MODULES)


def run(command: str, request: dict) -> dict:
    """The reply to one request; a HarnessError when the request cannot be served."""
    if command not in _MODULES:
        raise HarnessError(f"unknown command {command!r}: one of {', '.join(COMMANDS)}")
    module_name, _, function = _MODULES[command].partition(":")
    module = importlib.import_module(module_name, __package__)
    reply: dict = getattr(module, function or "run")(request)
    return reply
