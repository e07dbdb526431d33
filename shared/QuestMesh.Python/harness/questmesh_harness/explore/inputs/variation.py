"""Small random changes to argument values, driven by one `random.Random` so a seed replays the search."""

from __future__ import annotations

import ast
import random
from typing import Any, Callable, Optional

from .values import STRINGS, to_source

MAX_STR = 160
MAX_ITEMS = 12
TOKENS = [" ", "  ", "\n", "\t", "-", "--", ".", ". ", ",", "x", "A", "0", "9", "_", "'", "\"", "/", ":", "#",
          "é", "hello", "world", "long-word", "aaaaaaaaaaaaaaaaaa"]


def mutate(value: Any, rng: random.Random, strings: list[str], pool: list[str]) -> Optional[str]:
    """Source of a value near `value`, or None when no changed value could be rendered."""
    for _ in range(4):
        try:
            changed = _change(value, rng, strings)
        except (ArithmeticError, ValueError, TypeError):
            continue  # inf, huge numbers, odd objects: try another change
        source = to_source(changed)
        if source is not None and changed != value:
            return source
    return rng.choice(pool) if pool else None


def mutate_inside(source: str, rng: random.Random, strings: list[str]) -> Optional[str]:
    """`io.BytesIO(b'a=b')` → `io.BytesIO(b'a=3b')`: a value built by a call from literals changes in one of
    its literal arguments, so file contents, instances and wrapped values are varied like plain ones. None
    when the source is not such a call."""
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(node, ast.Call):
        return None
    slots = [(i, arg) for i, arg in enumerate(node.args)] + [(k.arg, k.value) for k in node.keywords if k.arg]
    literals = [(where, value) for where, value in ((w, _literal(a)) for w, a in slots) if value is not _NOTHING]
    if not literals:
        return None
    where, value = rng.choice(literals)
    changed = mutate(value, rng, strings, [])
    if changed is None:
        return None
    replacement = ast.parse(changed, mode="eval").body
    if isinstance(where, int):
        node.args[where] = replacement
    else:
        for keyword in node.keywords:
            if keyword.arg == where:
                keyword.value = replacement
    return ast.unparse(node)


_NOTHING = object()


def _literal(node: ast.AST) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _NOTHING


def _change(value: Any, rng: random.Random, strings: list[str]) -> Any:
    kind = type(value)
    if kind is bool:
        return not value
    if kind is int:
        return _int(value, rng)
    if kind is float:
        return rng.choice([value + 0.5, value - 1.0, value * 2, -value, value / 3, 0.0, float(round(value))])
    if kind is str:
        return _str(value, rng, strings)[:MAX_STR]
    if kind is bytes:  # changed as text, kept to one byte per character
        return _str(value.decode("latin-1"), rng, strings)[:MAX_STR].encode("latin-1")
    if kind in (list, tuple):
        return kind(_sequence(list(value), rng, strings))
    if kind is dict:
        return _dict(dict(value), rng, strings)
    if kind in (set, frozenset):
        return kind(_sequence(sorted(value, key=repr), rng, strings))
    return value


def _int(value: int, rng: random.Random) -> int:
    choice = rng.randrange(7)
    if choice == 0:
        return value + 1
    if choice == 1:
        return value - 1
    if choice == 2:
        return -value
    if choice == 3:
        return value * 2 if abs(value) < 5000 else value // 2
    if choice == 4:
        return value // 2
    if choice == 5:
        return rng.randint(-3, 12)
    return rng.choice([0, 1, 2, 7, 10, 16, 32, 64, 80, 100])


def _token(rng: random.Random, strings: list[str]) -> str:
    source = rng.random()
    if strings and source < 0.4:
        return rng.choice(strings)
    if source < 0.55:
        return rng.choice(STRINGS)
    return rng.choice(TOKENS)


def _str(text: str, rng: random.Random, strings: list[str]) -> str:
    position = rng.randint(0, len(text))
    operations: list[Callable[[], str]] = [
        lambda: text[:position] + _token(rng, strings) + text[position:],
        lambda: text[:position] + text[position + rng.randint(1, 6):],
        lambda: text + rng.choice([" ", "\n", "-", "", ". "]) + _token(rng, strings),
        lambda: text + " " + text,
        lambda: _indent_lines(text, rng),
        lambda: text.upper() if rng.random() < 0.5 else text.title(),
        lambda: text[:position],
        lambda: text.replace(" ", rng.choice(["\n", "\t", "  ", "-", " - ", "\n  "]), rng.randint(1, 3)),
        lambda: text[:position] + _token(rng, strings) * rng.randint(2, 4) + text[position:],
    ]
    return rng.choice(operations)()


def _indent_lines(text: str, rng: random.Random) -> str:
    lines = text.split("\n") if "\n" in text else text.split(" ")
    prefix = rng.choice(["  ", "    ", "\t", " \t", "   "])
    return "\n".join(prefix + line if rng.random() < 0.6 else line for line in lines)


def _sequence(items: list, rng: random.Random, strings: list[str]) -> list:
    choice = rng.randrange(6)
    if choice == 0 and len(items) < MAX_ITEMS:
        item = _change(rng.choice(items), rng, strings) if items else rng.choice([0, 1, "a"])
        items.insert(rng.randint(0, len(items)), item)
    elif choice == 1 and items:
        del items[rng.randrange(len(items))]
    elif choice == 2 and items:
        index = rng.randrange(len(items))
        items[index] = _change(items[index], rng, strings)
    elif choice == 3 and len(items) > 1:
        i, j = rng.randrange(len(items)), rng.randrange(len(items))
        items[i], items[j] = items[j], items[i]
    elif choice == 4 and items and len(items) < MAX_ITEMS:
        items.append(items[rng.randrange(len(items))])
    else:
        items = items[::-1] if len(items) > 1 else []
    return items


def _dict(mapping: dict, rng: random.Random, strings: list[str]) -> dict:
    keys = list(mapping)
    choice = rng.randrange(3)
    if choice == 0 and keys:
        key = rng.choice(keys)
        mapping[key] = _change(mapping[key], rng, strings)
    elif choice == 1 and keys:
        del mapping[rng.choice(keys)]
    elif len(mapping) < MAX_ITEMS:
        mapping[_token(rng, strings)] = rng.choice([0, 1, -1, "a", None, True, [1]])
    return mapping
