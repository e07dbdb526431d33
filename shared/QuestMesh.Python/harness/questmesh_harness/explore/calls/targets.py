"""What the explore search can call: public functions, classes (construction), their methods and properties."""

from __future__ import annotations

import ast
import enum
import functools
import inspect
import re
import typing
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any, Callable, Optional

from .dunders import DUNDERS, accepts
from ..inputs.hints import Hints
from ..skips import Skips
from ..inputs.regex import samples
from ..inputs.special import special_values
from ..inputs.values import (Spec, duck, kinds_of, pool, spec_from_annotation, spec_from_name, spec_from_use,
                             spec_from_value, stream_pool, to_source)

CLASS_NAMES = re.compile(r"(^|_)(cls|class|klass|group_cls|class_|base)$")
MAX_INHERITED = 30  # methods of base classes tried on one class's instances
CALL_KINDS = ("positional_only", "positional_or_keyword", "var_positional", "keyword_only")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    has_default: bool
    default: Optional[str]  # source of the default when it renders
    pool: tuple[str, ...]


@dataclass(frozen=True)
class Target:
    kind: str  # function | init | method | static | classmethod | property | dunder
    name: str
    owner: Optional[str]
    params: tuple[Param, ...]
    ctor: tuple[Param, ...]  # constructor parameters, when the call needs an instance first
    lineno: int
    end_lineno: int
    is_async: bool = False
    is_generator: bool = False
    client: str = ""  # routes: "flask" or "fastapi", whose test client calls them
    inherits: str = ""  # a base class's method on this class's instances: the base's own target label

    @property
    def label(self) -> str:
        return f"{self.owner}.{self.name}" if self.owner else self.name

    @property
    def needs_instance(self) -> bool:
        return self.kind in ("method", "property", "dunder")


def discover(module: ModuleType, tree: ast.Module, hints: Hints, private: bool = False,
             skips: Optional[Skips] = None) -> list[Target]:
    """Public functions and classes in source order (`private`: `_helpers` too, for modules without an API).
    A function or class (or a class's member) the harness cannot take apart is left out and noted in `skips`."""
    skips = skips if skips is not None else Skips()
    exported = set(getattr(module, "__all__", None) or [])
    targets: list[Target] = []
    nodes = _class_nodes(tree)
    for node in tree.body:
        name = getattr(node, "name", "__")
        wanted = not name.startswith("_") or name in exported or (private and not name.startswith("__"))
        if wanted and name not in skips:
            targets += skips.attempt(name, "discover", _node_targets, module, node, name, hints, skips, nodes) or []
    return targets


def _node_targets(module: ModuleType, node: ast.stmt, name: str, hints: Hints, skips: Skips,
                  nodes: dict[str, ast.ClassDef]) -> list[Target]:
    live = getattr(module, name, None)
    if live is None or getattr(live, "__module__", None) != module.__name__:
        return []
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and callable(live):
        params = _params(live, node.name, None, hints, module)
        return [_target("function", node, None, params, (), live)] if params is not None else []
    if isinstance(node, ast.ClassDef) and isinstance(live, type):
        return _class_targets(live, node, hints, module, skips, nodes)
    return []


def members(module: ModuleType, tree: ast.Module, hints: Hints, name: str, skips: Skips) -> list[Target]:
    """The methods, properties and special methods of one class of the module, private or not (its instances
    come from the module's own functions: `lt(5)` returns a `_NumberValidator`), without its constructor."""
    node = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name), None)
    live = getattr(module, name, None)
    if node is None or not isinstance(live, type) or getattr(live, "__module__", None) != module.__name__:
        return []
    return [t for t in _class_targets(live, node, hints, module, skips, _class_nodes(tree)) if t.kind != "init"]


def _class_targets(cls: type, node: ast.ClassDef, hints: Hints, module: ModuleType, skips: Skips,
                   nodes: dict[str, ast.ClassDef]) -> list[Target]:
    if issubclass(cls, (BaseException, enum.Enum)) or inspect.isabstract(cls) or typing.Protocol in cls.__mro__:
        return []
    ctor = _params(cls, f"{cls.__name__}.__init__", cls.__name__, hints, module)
    if ctor is None:
        return []
    found = [_target("init", node, cls.__name__, ctor, (), cls)]
    # Other instances are the natural argument of `a + b`, `a == b`, `a.merge(b)`.
    instances = _instance_sources(cls.__name__, ctor)
    own = set()
    for item, name in _members(node):
        label = f"{cls.__name__}.{name}"
        own.add(name)
        if (name.startswith("_") and name not in DUNDERS) or label in skips:
            continue
        member = skips.attempt(label, "discover", _member_target, cls, item, name, ctor, instances, hints, module)
        found += [member] if member is not None else []
    return found + _inherited(cls, own, ctor, instances, hints, module, skips, nodes)


def _inherited(cls: type, own: set[str], ctor: tuple[Param, ...], instances: tuple[str, ...], hints: Hints,
               module: ModuleType, skips: Skips, nodes: dict[str, ast.ClassDef]) -> list[Target]:
    """Methods the class gets from the module's own base classes, called on its instances: a base class's
    methods often work only on a subclass (`rrulebase.__iter__` needs the `_iter` that `rrule` defines)."""
    found: list[Target] = []
    seen = set(own)
    for base in cls.__mro__[1:]:
        node = nodes.get(base.__name__) if base.__module__ == module.__name__ else None
        if node is None:
            continue
        for item, name in _members(node):
            label = f"{cls.__name__}.{name}"
            if name in seen or (name.startswith("_") and name not in DUNDERS) or label in skips:
                continue
            seen.add(name)
            if inspect.getattr_static(cls, name, None) is not base.__dict__.get(name) \
                    or isinstance(base.__dict__.get(name), (staticmethod, classmethod)):
                continue
            member = skips.attempt(label, "discover", _member_target, cls, item, name, ctor, instances, hints, module,
                                   base.__name__)
            found += [replace(member, inherits=f"{base.__name__}.{name}")] if member is not None else []
            if len(found) >= MAX_INHERITED:
                return found
    return found


def _class_nodes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    """The module's top-level class definitions by name."""
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def _member_target(cls: type, item: ast.stmt, name: str, ctor: tuple[Param, ...], instances: tuple[str, ...],
                   hints: Hints, module: ModuleType, defined_in: str = "") -> Optional[Target]:
    static = inspect.getattr_static(cls, name, None)
    qualname = f"{defined_in or cls.__name__}.{name}"  # hints are keyed by the class that defines the method
    if isinstance(static, (property, functools.cached_property)):
        return _target("property", item, cls.__name__, (), ctor, None, name)
    if isinstance(static, staticmethod):
        params = _params(static.__func__, qualname, cls.__name__, hints, module, extra=instances)
        return _target("static", item, cls.__name__, params, (), static.__func__, name) if params is not None else None
    if isinstance(static, classmethod):
        params = _params(getattr(cls, name), qualname, cls.__name__, hints, module, extra=instances)
        return _target("classmethod", item, cls.__name__, params, (), static.__func__, name) \
            if params is not None else None
    if inspect.isfunction(static):
        params = _params(static, qualname, cls.__name__, hints, module, drop_first=True, extra=instances)
        if params is None or (name in DUNDERS and not _fits(name, params)):
            return None
        return _target("dunder" if name in DUNDERS else "method", item, cls.__name__, params, ctor, static, name)
    return None


def _members(node: ast.ClassDef) -> list[tuple[ast.stmt, str]]:
    """Methods in source order: `def`s, and names bound by assignment (`__add__, __radd__ = make(...)`)."""
    members: list[tuple[ast.stmt, str]] = []
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            members.append((item, item.name))
        elif isinstance(item, ast.Assign):
            for target in item.targets:
                names = target.elts if isinstance(target, ast.Tuple) else [target]
                members += [(item, n.id) for n in names if isinstance(n, ast.Name)]
    return members


def _fits(name: str, params: tuple[Param, ...]) -> bool:
    if any(p.kind in ("var_positional", "keyword_only") and not p.has_default for p in params):
        return False
    plain = [p for p in params if p.kind in ("positional_only", "positional_or_keyword")]
    return accepts(name, sum(1 for p in plain if not p.has_default), len(plain))


def _instance_sources(owner: str, ctor: tuple[Param, ...]) -> tuple[str, ...]:
    required = [p for p in ctor if not p.has_default]
    if not ctor:
        return (f"{owner}()",)
    first = ctor[0]
    if len(required) > 1 or (required and required[0] is not first) or first.kind == "keyword_only":
        return ()
    values = ([] if required else [""]) + list(first.pool[:2])
    return tuple(f"{owner}({value})" for value in values) + _rich_instances(owner, ctor)


def _rich_instances(owner: str, ctor: tuple[Param, ...]) -> tuple[str, ...]:
    """Instances with several fields set (`Span(days=1, hours=11)`): `a + b` with only defaults on one side
    cannot tell `+` from `-`."""
    keyword = [p for p in ctor if p.has_default and p.kind in ("positional_or_keyword", "keyword_only")]
    found = []
    for index in (0, 1):
        parts = [f"{p.name}={p.pool[index]}" for p in keyword if len(p.pool) > index and _plain(p.pool[index])]
        if len(parts) >= 2:
            found.append(f"{owner}({', '.join(parts[:6])})")
    return tuple(found)


def _plain(source: str) -> bool:
    try:
        value = ast.literal_eval(source)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return value is not None and not isinstance(value, bool)


def _target(kind: str, node: ast.AST, owner: Optional[str], params: tuple[Param, ...], ctor: tuple[Param, ...],
            live: Any, name: str = "") -> Target:
    function = live if inspect.isfunction(live) else None
    name = "__init__" if kind == "init" else name or node.name
    return Target(kind, name, owner, params, ctor, node.lineno,
                  node.end_lineno, is_async=bool(function and inspect.iscoroutinefunction(function)),
                  is_generator=bool(function and inspect.isgeneratorfunction(function)))


def _resolved_hints(obj: Any) -> dict:
    target = obj.__init__ if isinstance(obj, type) else obj
    try:
        return typing.get_type_hints(target)
    except Exception:
        return dict(getattr(target, "__annotations__", {}) or {})


def _params(obj: Callable, qualname: str, owner: Optional[str], hints: Hints, module: ModuleType,
            drop_first: bool = False, extra: tuple[str, ...] = ()) -> Optional[tuple[Param, ...]]:
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    parameters = list(signature.parameters.values())[1 if drop_first else 0:]
    annotations = _resolved_hints(obj)
    # A private parameter with a default (`_normalize=True`) is the code's own business, not the API's.
    found = [_param(p, annotations.get(p.name, p.annotation), qualname, owner, hints, module, extra)
             for p in parameters if p.kind.name.lower() in CALL_KINDS
             and not (p.name.startswith("_") and p.default is not p.empty)]
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        found += _forwarded(qualname, {p.name for p in found}, hints, module)
    return tuple(found)


def _param(p: inspect.Parameter, annotation: Any, qualname: str, owner: Optional[str], hints: Hints,
           module: ModuleType, extra: tuple[str, ...] = ()) -> Param:
    has_default = p.default is not p.empty
    spec: Optional[Spec] = None
    if annotation is not p.empty:
        spec = spec_from_annotation(annotation, vars(module))
    if spec is None and has_default:
        spec = spec_from_value(p.default)
    param_hints = hints.for_param(qualname, owner, p.name)
    # Only names a test can spell from the module: its public names and the modules it imports.
    param_hints.sources = [s for s in param_hints.sources if _spellable(s, module)]
    if spec is None:  # how the body uses it (`0.3 * r`, `x < 0.5`) says more than its name (`s`)
        spec = spec_from_use(param_hints)
    if spec is None and hints.defaults.get(p.name):  # `header=False` elsewhere in the module
        spec = spec_from_value(hints.defaults[p.name][0])
    if spec is None:
        spec = spec_from_name(p.name)
    if has_default and p.default is None and "none" not in kinds_of(spec):
        spec = ("union", spec or ("any",), ("none",))
    values = pool(spec, param_hints, hints)
    special = special_values(p.name, hints.framework, kinds_of(spec) - {"none"})
    if CLASS_NAMES.search(p.name.lower()):  # `within(group_cls)`: a class of the module, not a text
        special = hints.classes[:8] + special
    if param_hints.stream and not (has_default and p.default is not None and spec is not None
                                   and kinds_of(spec) & {"bool", "int", "float"}):
        special = stream_pool(param_hints, hints) + special  # `fp.readline()`: a file object, not its name
    if special:
        values = list(dict.fromkeys(special + values))[:40]
    if extra and kinds_of(spec) & {"any", "class"}:
        values = list(dict.fromkeys(values[:1] + list(extra) + values[1:]))
    matching = [repr(text) for ref in param_hints.patterns for text in samples(_pattern(ref, owner, module))]
    if matching and kinds_of(spec) & {"str", "any"}:  # `_URI.match(url)`: texts the pattern takes, first
        values = list(dict.fromkeys(matching + values))
    shaped = duck(param_hints, hints) if kinds_of(spec) <= {"any", "none"} else None
    if shaped is not None:  # `attr.name` read, nothing else known: an object with a name first
        # (after what the name asks for: a Django `request` reads `request.META`, and is a real request)
        at = len(special)
        values = values[:at] + [shaped] + [v for v in values[at:] if v != shaped]
    if p.kind is p.VAR_POSITIONAL:
        values = ["[]"] + [f"[{v}]" for v in values[:3]] + [f"[{', '.join(values[:3])}]"]
    default = to_source(p.default) if has_default else None
    if default is not None:
        values = [v for v in values if v != default]  # passing the default again explores nothing
    return Param(p.name, p.kind.name.lower(), has_default or p.kind is p.VAR_POSITIONAL, default, tuple(values))


def _pattern(ref: str, owner: Optional[str], module: ModuleType) -> Any:
    """The pattern a hint names: a literal, a module-level name, or an attribute of the owner class."""
    if ref[:1] in "'\"":
        try:
            return ast.literal_eval(ref)
        except (ValueError, SyntaxError):
            return None
    head, _, rest = ref.partition(".")
    value: Any = getattr(module, owner, None) if head in ("self", "cls") and owner else vars(module).get(head)
    for part in rest.split(".") if rest else ():
        value = inspect.getattr_static(value, part, None) if value is not None else None
    return value


def _spellable(source: str, module: ModuleType) -> bool:
    root = source.split(".")[0]
    return not root.startswith("_") and root in vars(module)


def _forwarded(qualname: str, taken: set[str], hints: Hints, module: ModuleType) -> list[Param]:
    """Keyword parameters a `**kwargs` passes on to another callable of the module (`Klass(**kwargs)`)."""
    found: list[Param] = []
    for callee_name, explicit in hints.forwards.get(qualname, []):
        callee = getattr(module, callee_name, None)
        if callee is None or not callable(callee):
            return found
        owner = callee_name if isinstance(callee, type) else None
        params = _params(callee, f"{callee_name}.__init__" if owner else callee_name, owner, hints, module)
        positional_taken = sum(1 for name in explicit if name.startswith("#"))
        for index, param in enumerate(params or ()):
            if index < positional_taken or param.name in explicit or param.name in taken or not param.has_default:
                continue
            if param.kind in ("positional_only", "var_positional"):
                continue
            found.append(Param(param.name, "keyword_only", True, param.default, param.pool))
            taken.add(param.name)
    return found
