"""Special methods the tests exercise through ordinary syntax (`a + b`, `len(a)`, `a[k]`), with how the
search runs each and how the written test spells it; the two must mean the same thing."""

from __future__ import annotations

import copy
import math
import operator
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Syntax:
    arity: tuple[int, ...]  # how many arguments besides the instance the syntax can take
    template: str  # {obj} the instance, {0} {1} the arguments, {rest} ", args" when there are any
    run: Callable[..., Any]  # (instance, *arguments) -> result
    module: str = ""  # a module the written expression needs
    statement: bool = False  # an assignment or del: no result to assert


_BINARY = {"add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%", "pow": "**",
           "matmul": "@", "and": "&", "or": "|", "xor": "^", "lshift": "<<", "rshift": ">>"}
_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}

DUNDERS: dict[str, Syntax] = {
    "__call__": Syntax((-1,), "{obj}({args})", lambda obj, *args, **kwargs: obj(*args, **kwargs)),
    "__len__": Syntax((0,), "len({obj})", len),
    "__iter__": Syntax((0,), "list({obj})", list),
    "__reversed__": Syntax((0,), "list(reversed({obj}))", lambda obj: list(reversed(obj))),
    "__next__": Syntax((0,), "next({obj})", next),
    "__contains__": Syntax((1,), "{0} in {obj}", lambda obj, item: item in obj),
    "__getitem__": Syntax((1,), "{obj}[{0}]", operator.getitem),
    "__setitem__": Syntax((2,), "{obj}[{0}] = {1}", operator.setitem, statement=True),
    "__delitem__": Syntax((1,), "del {obj}[{0}]", operator.delitem, statement=True),
    "__str__": Syntax((0,), "str({obj})", str),
    "__repr__": Syntax((0,), "repr({obj})", repr),
    "__format__": Syntax((1,), "format({obj}, {0})", format),
    "__bool__": Syntax((0,), "bool({obj})", bool),
    "__hash__": Syntax((0,), "hash({obj})", hash),
    "__int__": Syntax((0,), "int({obj})", int),
    "__float__": Syntax((0,), "float({obj})", float),
    "__complex__": Syntax((0,), "complex({obj})", complex),
    "__neg__": Syntax((0,), "-{obj}", operator.neg),
    "__pos__": Syntax((0,), "+{obj}", operator.pos),
    "__invert__": Syntax((0,), "~{obj}", operator.invert),
    "__abs__": Syntax((0,), "abs({obj})", abs),
    "__round__": Syntax((0, 1), "round({obj}{rest})", round),
    "__trunc__": Syntax((0,), "math.trunc({obj})", math.trunc, "math"),
    "__floor__": Syntax((0,), "math.floor({obj})", math.floor, "math"),
    "__ceil__": Syntax((0,), "math.ceil({obj})", math.ceil, "math"),
    "__copy__": Syntax((0,), "copy.copy({obj})", copy.copy, "copy"),
    "__divmod__": Syntax((1,), "divmod({obj}, {0})", divmod),
    "__rdivmod__": Syntax((1,), "divmod({0}, {obj})", lambda obj, other: divmod(other, obj)),
}
for _name, _symbol in _BINARY.items():
    _function = getattr(operator, _name + ("_" if _name in ("and", "or") else ""))
    DUNDERS[f"__{_name}__"] = Syntax((1,), f"{{obj}} {_symbol} {{0}}", _function)
    DUNDERS[f"__r{_name}__"] = Syntax((1,), f"{{0}} {_symbol} {{obj}}",
                                      lambda obj, other, f=_function: f(other, obj))
for _name, _symbol in _COMPARE.items():
    DUNDERS[f"__{_name}__"] = Syntax((1,), f"{{obj}} {_symbol} {{0}}", getattr(operator, _name))


def accepts(name: str, required: int, total: int) -> bool:
    """Whether a special method with this many required / total parameters fits its syntax."""
    arity = DUNDERS[name].arity
    if arity == (-1,):
        return True
    return any(required <= n <= total for n in arity)


def render(name: str, obj: str, arguments: list[str]) -> str:
    syntax = DUNDERS[name]
    rest = ", " + ", ".join(arguments) if arguments else ""
    return syntax.template.format(*arguments, obj=obj, args=", ".join(arguments), rest=rest)
