"""Names in the written tests: variables, and test names that say what the case checks."""

from __future__ import annotations

import io
import keyword
import re
from typing import Any, Callable, Optional

from ..calls.runner import Call
from ..selection.oracle import Observation

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
    if target.kind == "route":  # `test_post_items_...`: the request, not the app variable
        return f"{snake(dict(call.args).get('method', 'GET'))}_{snake(target.name)}"
    owner = snake(target.owner) if target.owner and with_owner else ""
    member = "" if target.kind == "init" else snake(target.name.strip("_"))
    return "_".join(part for part in (owner, member) if part) or snake(target.owner or target.name)


def _number(value: Any) -> str:
    text = repr(value).replace("-", "minus_").replace(".", "_").replace("+", "")
    return re.sub(r"[^0-9a-z_]", "", text.lower()) or "n"


PLACEHOLDERS = {"hello world", "Hello, World!", "The quick brown fox jumps over the lazy dog."}


def _amount(name: str, value: float) -> str:
    """A number's kind in words (`zero_n`, `negative_x`, `fractional_ratio`), not its digits."""
    if value == 0:
        return f"zero_{name}"
    if value != value or value in (float("inf"), float("-inf")):
        return f"infinite_{name}" if value == value else f"nan_{name}"
    if value < 0:
        return f"negative_{name}"
    if value == 1:
        return f"unit_{name}"
    if value < 1:
        return f"fractional_{name}"
    return f"large_{name}" if value >= 100 else f"positive_{name}"


def _size(name: str, value: Any) -> str:
    count = len(value)
    return f"empty_{name}" if not count else f"single_{name}" if count == 1 else \
        f"several_{name}" if count <= 5 else f"many_{name}"


def describe(name: str, value: Any, source: str, precise: bool = False) -> str:
    """A few words for one argument: `positive_width`, `no_break_long_words`, `empty_text`, `several_items`;
    `precise` gives the value itself (`width_5`, `items_of_3`), for telling apart two tests the words do not."""
    name = snake(name)
    if not precise and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _amount(name, value)
    if not precise and isinstance(value, (list, tuple, set, frozenset, dict)):
        return _size(name, value)
    if not precise and isinstance(value, str) and value in PLACEHOLDERS:
        return f"plain_{name}"
    if isinstance(value, (io.BytesIO, io.StringIO)):  # a file object: what it holds, in a few words
        held = value.getvalue()
        return describe(f"{name}_file", held, repr(held)) if held else f"empty_{name}_file"
    if "tmp_path" in source:  # the folder tree: its random path says nothing
        tail = re.findall(r"'([^']*)'", source)
        return f"{name}_in_tmp_path" + (f"_{snake(tail[-1])}" if tail else "")
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
              result: Optional[Any] = None, precise: bool = False) -> str:
    """`test_<subject>[_after_<prep>]_<what>`: what is `rejects_<args>`, `raises_<error>_for_<args>`,
    `<args>`, `basic` or `defaults`, the argument words as many as fit."""
    words: list[str] = []
    baseline = {p.name: p.pool[0] for p in call.target.params if not p.has_default and p.pool}
    for name, source in [*([] if call.make else call.ctor), *call.args]:
        if baseline.get(name) == source and (name, source) in call.args and source[:1] in "'\"":
            continue  # the usual text of a required argument says nothing
        try:
            words.append(_cut(describe(name, evaluate(source), source, precise), 28))
        except Exception:
            words.append(snake(name))
    name = "_".join([f"test_{subject(call, with_owner)}"] + [f"after_{snake(p.name)}" for p, _ in call.prep]
                    + [f"without_{snake(dotted.rpartition('.')[2])}" for dotted, _ in call.patch])
    if observation.raises and observation.raises in ("ValueError", "TypeError") and words:
        first = "_rejects_"
    elif observation.raises:
        name += "_raises_" + snake(observation.raises.rsplit(".", 1)[-1])
        first = "_for_"
    else:
        first = "_"
        if not words:
            name += "_defaults" if call.target.kind == "init" else "_basic"
    for index, word in enumerate(words[:3]):
        glue = first if index == 0 else "_and_"
        if len(name) + len(glue) + len(word) > MAX_NAME:
            break
        name += glue + word
    if not observation.raises and result is not None and _is_empty(result) and len(name) + 14 <= MAX_NAME:
        name += "_returns_empty"
    return name


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[:cut.rfind("_")] if "_" in cut else cut


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
