"""How the code uses a parameter beyond its kind: as a file (`fp.readline()`, `print(..., file=out)`), as
text a pattern of the module matches, and the module names an import fallback sets to None."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, Optional

from .syntax import add_new, dotted, literal, subject

if TYPE_CHECKING:
    from .hints import Hints

# Methods only a file object has: a parameter the code reads from or writes to this way is a stream.
STREAM_READS = frozenset({"read", "readline", "readlines", "readinto", "read1"})
STREAM_WRITES = frozenset({"write", "writelines", "flush"})
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
ParamKey = tuple[str, str]  # (function label, parameter name)


def fallbacks(tree: ast.Module) -> set[str]:
    """Names a module-level `except ImportError:` handler binds to None."""
    found: set[str] = set()
    for node in tree.body:
        if not isinstance(node, ast.Try):
            continue
        for handler in node.handlers:
            kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else \
                [handler.type] if handler.type is not None else []
            if not any(isinstance(k, ast.Name) and k.id in IMPORT_ERRORS for k in kinds):
                continue
            for statement in handler.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant) \
                        and statement.value.value is None:
                    found |= {t.id for t in statement.targets if isinstance(t, ast.Name)}
    return found


def through_passes(hints: "Hints", carry: Callable[[ParamKey, ParamKey], bool]) -> None:
    """For each parameter passed straight on to a module function (`encode(infile)` → `_copy(infile)`), lets
    `carry(parameter, callee's parameter)` take over what the callee's parameter is known to be, until
    nothing changes: through any number of helpers."""
    changed = True
    while changed:
        changed = False
        for callee, where, key in hints.passes:
            names = hints.param_names.get(callee, [])
            name = names[where] if isinstance(where, int) and where < len(names) else where
            if isinstance(name, str) and carry(key, (callee, name)):
                changed = True


def streams_passed_on(hints: "Hints") -> None:
    """A parameter passed straight on to a module function that reads or writes its parameter as a file is
    a file too (`encode(infile, outfile)` → `_copy(infile, outfile)`)."""
    def carry(key: ParamKey, callee: ParamKey) -> bool:
        uses = hints.streams.get(callee, set())
        if not uses - hints.streams.get(key, set()):
            return False
        hints.streams[key] |= uses
        return True

    through_passes(hints, carry)


def stream_use(hints: "Hints", node: ast.AST, params: set[str], scope: str, owner: Optional[str]) -> None:
    """`fp.readline()`, `out.write(...)`, `print(..., file=out)`: a parameter (or `self.attr`) used as a file."""
    if not isinstance(node, ast.Call):
        return
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in STREAM_READS | STREAM_WRITES:
        key = subject(func.value, params, scope, owner)
        if key:
            hints.streams[key].add("read" if func.attr in STREAM_READS else "write")
    elif isinstance(func, ast.Name) and func.id == "print":
        for keyword in node.keywords:
            key = subject(keyword.value, params, scope, owner) if keyword.arg == "file" else None
            if key:
                hints.streams[key].add("write")


REGEX_METHODS = {"match": 0, "fullmatch": 0, "search": 0, "split": 0, "findall": 0, "finditer": 0, "sub": 1,
                 "subn": 1}


def regex_use(hints: "Hints", node: ast.Call, params: set[str], scope: str, owner: Optional[str]) -> None:
    """`PATTERN.match(text)`, `self.pattern.sub(f, self.template)`, `re.match(r"...", text)`: the text is
    matched against a pattern, which says what texts the code takes."""
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in REGEX_METHODS:
        return
    where = REGEX_METHODS[func.attr]
    if isinstance(func.value, ast.Name) and func.value.id == "re":
        pattern: Optional[ast.AST] = node.args[0] if node.args else None
        where += 1
    else:
        pattern = func.value
    text = node.args[where] if len(node.args) > where else None
    key = subject(text, params, scope, owner) if text is not None else None
    if key is None or pattern is None:
        return
    ok, value = literal(pattern, hints.constants)
    if ok and isinstance(value, str):
        add_new(hints.patterns[key], repr(value))
    elif dotted(pattern) or (isinstance(pattern, ast.Attribute) and isinstance(pattern.value, ast.Name)
                             and pattern.value.id in ("self", "cls")):
        add_new(hints.patterns[key], ast.unparse(pattern))
