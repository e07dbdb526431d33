"""Names in the written tests: variables, and test names that say what the case checks."""

from __future__ import annotations

import keyword
import re
from typing import Any, Callable, Optional

from ._explore_calls import Call
from ._explore_oracle import Observation

MAX_NAME = 72
RESERVED = {"result", "error", "excinfo", "ctx", "self", "pytest", "unittest", "asyncio"}


def snake(name: str) -> str:
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name.strip("_"))
    return re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower() or "value"


def free_name(wanted: str, taken: set[str]) -> str:
    name = wanted if wanted.isidentifier() and not keyword.iskeyword(wanted) else f"{wanted}_value"
    if name in taken or name in RESERVED:
        name = f"{name}_value"
    return name


def instance_var(owner: str, taken: set[str]) -> str:
    return free_name(snake(owner), taken)


def subject(call: Call, with_owner: bool = True) -> str:
    """The part of a test name naming what is under test: `wrap`, `text_wrapper_fill`, `stack_len`."""
    target = call.target
    owner = snake(target.owner) if target.owner and with_owner else ""
    member = "" if target.kind == "init" else snake(target.name.strip("_"))
    return "_".join(part for part in (owner, member) if part) or snake(target.owner or target.name)


def _number(value: Any) -> str:
    text = repr(value).replace("-", "minus_").replace(".", "_").replace("+", "")
    return re.sub(r"[^0-9a-z_]", "", text.lower()) or "n"


def describe(name: str, value: Any, source: str) -> str:
    """A few words for one argument: `width_5`, `no_break_long_words`, `empty_text`, `items_of_3`."""
    name = snake(name)
    if value is None:
        return f"no_{name}"
    if value is True:
        return name
    if value is False:
        return f"without_{name}"
    if isinstance(value, (int, float)):
        return f"{name}_{_number(value)}"
    if isinstance(value, (str, bytes)):
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        if not text:
            return f"empty_{name}"
        if not text.strip():
            return f"blank_{name}"
        words = re.findall(r"[a-z0-9]+", text.lower())[:2]
        shape = "multiline_" if "\n" in text.strip() else ""
        return f"{shape}{name}_{'_'.join(words)}" if words else f"{shape}{name}_symbols"
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return f"empty_{name}" if not value else f"{name}_of_{len(value)}"
    if source.startswith("lambda"):
        return f"{name}_{snake(source.rsplit(':', 1)[-1])}"
    if re.match(r"[A-Z]\w*\(", source):
        return f"{name}_{snake(source.split('(', 1)[0])}"  # another instance: `other_fraction`
    return name


def test_name(call: Call, observation: Observation, evaluate: Callable[[str], Any], with_owner: bool = True,
              result: Optional[Any] = None) -> str:
    words: list[str] = []
    baseline = {p.name: p.pool[0] for p in call.target.params if not p.has_default and p.pool}
    for name, source in [*call.ctor, *call.args]:
        if baseline.get(name) == source and (name, source) in call.args and source[:1] in "'\"":
            continue  # the usual text of a required argument says nothing
        try:
            words.append(describe(name, evaluate(source), source)[:30].strip("_"))
        except Exception:
            words.append(snake(name))
    words[:0] = [f"after_{snake(prep.name.strip('_'))}" for prep, _ in call.prep]
    head = f"test_{subject(call, with_owner)}"
    if observation.raises:
        error = snake(observation.raises.rsplit(".", 1)[-1])
        if observation.raises in ("ValueError", "TypeError") and words:
            tail = "rejects_" + "_and_".join(words[:2])
        else:
            tail = f"raises_{error}" + ("_for_" + "_and_".join(words[:2]) if words else "")
    else:
        tail = "_and_".join(words[:2]) or ("defaults" if call.target.kind == "init" else "basic")
        if result is not None and _is_empty(result):
            tail += "_returns_empty"
    return f"{head}_{tail}"[:MAX_NAME].rstrip("_")


def _is_empty(value: Any) -> bool:
    try:
        return type(value) in (list, tuple, dict, set, str, bytes) and len(value) == 0
    except Exception:
        return False


def unique(name: str, taken: set[str]) -> str:
    candidate, index = name, 2
    while candidate in taken:
        candidate = f"{name}_{index}"
        index += 1
    taken.add(candidate)
    return candidate
