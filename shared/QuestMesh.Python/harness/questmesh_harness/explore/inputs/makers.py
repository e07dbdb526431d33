"""Instances of the target's classes built the way users get them: through the package's own factory
functions (`sqlparse.parse(...)` hands back `Statement`s holding `Identifier`s, `Where`s, ...), found by
calling each factory on a few texts and walking what it returns. Each instance is kept as the source
that rebuilds it (`sqlparse.parse('select a from t')[0].tokens[2]`), so the written test builds it too.
"""

from __future__ import annotations

import inspect
import re
import sys
from types import ModuleType
from dataclasses import replace
from typing import Any, Callable

MAX_FACTORIES = 8
# Functions whose names say they build something from their input; others (`save`, `remove`) may act on the
# world, and a text that looks like SQL is no argument for them.
FACTORY_NAMES = re.compile(r"^(parse|loads?|from|make|create|build|compile|tokeni[sz]e|lex|decode|split|scan|new|"
                           r"of|read_str|to_)", re.IGNORECASE)
INPUTS_PER_FACTORY = 14
MAX_NODES = 300  # objects looked at per factory result
MAX_DEPTH = 4
PER_CLASS = 6
# Texts in common structured shapes: parsers' factories need more than "hello world" to build rich trees.
SHAPES = [
    "SELECT a.id AS x, count(*) FROM t1 JOIN t2 ON t1.id = t2.id",
    "select b from t where b = 'c' and d in (1, 2) order by x desc",
    "select * from foo where bar = 1 group by c having sum(e) > 2 limit 5",
    "insert into t (a, b) values (1, 'x'); update t set a = 2 where b is not null",
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20) DEFAULT 'x')",
    "SELECT CASE WHEN a > 1 THEN 'big' ELSE 'small' END, c::text, d[1] FROM t -- note",
    "/* c */ select f(x, y) over (partition by z) as w, t.* from s.t as t",
    "x = (1 + 2) * foo(3, y[0]) / 4",
    '{"a": [1, 2.5, null], "b": {"c": true}}',
    "<p class=\"a\">Hello <b>world</b></p>",
    "name,age\nalice,30\nbob,25\n",
]


def factories(module: ModuleType) -> list[tuple[str, Callable]]:
    """Public functions of the target and of its top-level package, as the test spells them."""
    found: list[tuple[str, Callable]] = []
    top_name = module.__name__.split(".")[0]
    top = sys.modules.get(top_name)
    for owner, prefix in ((module, ""), (top, f"{top_name}.")):
        if owner is None or (owner is module and prefix):
            continue
        for name, value in sorted(vars(owner).items()):
            if name.startswith("_") or not inspect.isfunction(value) or not FACTORY_NAMES.match(name):
                continue
            if not getattr(value, "__module__", "").startswith(top_name):
                continue
            found.append((prefix + name, value))
    return found[:MAX_FACTORIES]


def _inputs(function: Callable, pool: list[str]) -> list[str]:
    try:
        params = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return []
    required = [p for p in params if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(required) != 1:
        return []  # one text in, a structure out: the shape of a parser's entry point
    return list(dict.fromkeys([repr(s) for s in SHAPES] + pool))[:INPUTS_PER_FACTORY]


def harvest(module: ModuleType, evaluate: Callable[[str], Any], guarded: Callable[..., tuple[bool, Any]],
            pool: list[str]) -> dict[str, list[str]]:
    """Class name → sources of instances of it (exact type), found through the factories."""
    classes = {value: name for name, value in vars(module).items()
               if isinstance(value, type) and value.__module__ == module.__name__ and not name.startswith("_")}
    found: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for spelled, function in factories(module):
        for text in _inputs(function, pool):
            ok, result = guarded(evaluate, f"{spelled}({text})")
            if ok:
                _walk(f"{spelled}({text})", result, classes, found, seen, guarded)
    return found


def _walk(root: str, value: Any, classes: dict[type, str], found: dict[str, list[str]],
          seen: set[tuple[str, str]], guarded: Callable[..., tuple[bool, Any]]) -> None:
    queue: list[tuple[str, Any, int]] = [(root, value, 0)]
    looked = 0
    while queue and looked < MAX_NODES:
        source, node, depth = queue.pop(0)
        looked += 1
        name = classes.get(type(node))
        if name is not None:
            ok, text = guarded(str, node)
            key = (name, text if ok and isinstance(text, str) else source)
            if key not in seen and len(found.setdefault(name, [])) < PER_CLASS:
                seen.add(key)
                found[name].append(source)
        if depth >= MAX_DEPTH:
            continue
        if isinstance(node, (list, tuple)):
            queue += [(f"{source}[{i}]", item, depth + 1) for i, item in enumerate(node[:20])]
        elif name is not None:
            for attr, item in _attributes(node):
                if isinstance(item, (list, tuple)):
                    queue += [(f"{source}.{attr}[{i}]", child, depth + 1) for i, child in enumerate(item[:20])]


def _attributes(node: Any) -> list[tuple[str, Any]]:
    """Public data attributes, from `__dict__` or, for slotted classes (tokens often are), `__slots__`."""
    names = set(getattr(node, "__dict__", {}))
    for klass in type(node).__mro__:
        slots = getattr(klass, "__slots__", ())
        names |= {slots} if isinstance(slots, str) else set(slots)
    return [(name, getattr(node, name, None)) for name in sorted(names) if not name.startswith("_")]


def for_owner(module: ModuleType, owner: str, made: dict[str, list[str]]) -> list[str]:
    """Instances a method of `owner` can run on: its own class first, then its subclasses'."""
    cls = getattr(module, owner, None)
    if not isinstance(cls, type):
        return []
    exact = made.get(owner, [])
    others = [s for name, sources in made.items() if name != owner
              and issubclass(getattr(module, name, object), cls) for s in sources[:2]]
    return (exact + others)[:PER_CLASS + 4]


# Parameters that take one of the module's own objects (`token_index(token)`, `is_child_of(other)`).
OBJECT_NAMES = re.compile(r"(^|_)(token|tok|other|node|child|parent|item|where|elem|element|group|obj)$")


def with_made_arguments(target: Any, made: dict[str, list[str]]) -> Any:
    """The target with factory-built instances (one per class, a few classes) early in the pools of its
    object-like parameters."""
    sources = [found[0] for found in made.values() if found][:3]
    if not sources or not any(OBJECT_NAMES.search(p.name.lower()) for p in target.params):
        return target
    params = tuple(replace(p, pool=tuple(dict.fromkeys(p.pool[:1] + tuple(sources) + p.pool[1:])))
                   if OBJECT_NAMES.search(p.name.lower()) else p for p in target.params)
    return replace(target, params=params)
