"""Constructs in a test module that can make its verdict change from run to run, read from its syntax
tree: sleeps, unseeded randomness, reading the clock, network access."""

from __future__ import annotations

import ast

RANDOM = ("random.random", "random.randint", "random.choice", "random.choices", "random.shuffle", "random.sample",
          "random.uniform", "random.randrange", "uuid4", "os.urandom")
CLOCK = ("datetime.now", "datetime.utcnow", "datetime.today", "date.today", "time.time", "time.monotonic",
         "time.perf_counter")
NETWORK = ("requests", "httpx", "urllib.request", "socket", "http.client")


def dotted(node: ast.expr) -> str:
    """`a.b.c` for a name or attribute chain; '' for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(node.id)
    return ".".join(reversed(parts))


def _matches(name: str, wanted: tuple[str, ...]) -> bool:
    return any(name == w or name.endswith("." + w) for w in wanted)


def _seeded(call: ast.Call, name: str) -> bool:
    if _matches(name, ("random.seed",)):
        return True
    first = call.args[0] if call.args else None
    return name.split(".")[-1] == "Random" and isinstance(first, ast.Constant) and isinstance(first.value, int)


def flakiness_smells(tree: ast.Module) -> list[str]:
    calls = [(node, dotted(node.func)) for node in ast.walk(tree) if isinstance(node, ast.Call)]
    names = [name for _, name in calls if name]
    smells = []
    if any(name.split(".")[-1] == "sleep" for name in names):
        smells.append("sleeps")
    if any(_matches(name, RANDOM) for name in names) and not any(_seeded(call, name) for call, name in calls):
        smells.append("unseeded randomness")
    if any(_matches(name, CLOCK) for name in names):
        smells.append("reads the clock")
    if any(name.rpartition(".")[0] in NETWORK or _matches(name.rpartition(".")[0], NETWORK) for name in names):
        smells.append("network access")
    return smells
