"""What the target's own code says about good inputs: literals it compares parameters and attributes with,
lengths it checks, types it tests for, keys it reads, keyword arguments it forwards, defaults a name has
elsewhere, attributes it reads; `uses.py` adds files, patterns and import fallbacks, `syntax.py` reads the
expressions."""

from __future__ import annotations

import ast
import operator
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from .syntax import MAX_STR, Scalar, add_new, dotted, elements, is_self, len_subject, literal, parameters, subject
from .uses import ParamKey, fallbacks, regex_use, stream_use, streams_passed_on, through_passes

STR_METHODS = frozenset({"startswith", "endswith", "split", "rsplit", "find", "rfind", "index", "rindex",
                         "count", "replace", "strip", "lstrip", "rstrip", "partition", "rpartition", "removeprefix",
                         "removesuffix"})
TEXT_METHODS = STR_METHODS | {"lower", "upper", "join", "encode", "format", "title", "capitalize", "splitlines",
                              "isdigit", "isalpha", "isalnum", "isspace", "casefold", "zfill", "center", "ljust"}
ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
# Calls that take numbers: the kind of number they suggest for a parameter passed to them.
NUMBER_CALLS = {"abs": "int", "round": "float", "divmod": "int", "pow": "int", "range": "int"}
OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
             ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod}
UNIT = (0.0, 0.5, 1.0)  # compared with these, a float is most likely a fraction in [0, 1]
# What says a parameter holds bytes: methods only bytes-like values have, the types an isinstance check names,
# and calls that want bytes: (module or type, function) → the argument position that takes the bytes ("*": any
# function of the module, -1: every argument).
BYTES_METHODS = frozenset({"decode", "hex", "tobytes"})
BYTES_TYPES = frozenset({"bytes", "bytearray", "memoryview", "ByteString", "Buffer"})
BYTES_CALLS = {("binascii", "*"): 0, ("hashlib", "*"): 0, ("zlib", "*"): 0, ("struct", "unpack"): 1,
               ("struct", "unpack_from"): 1, ("struct", "iter_unpack"): 1, ("int", "from_bytes"): 0,
               ("bytes", "maketrans"): -1, ("", "memoryview"): 0}
MAX_BYTES = 16  # the module's own bytes values kept for its bytes parameters


@dataclass
class Hints:
    """Keys are (scope, name): scope is a function qualname for parameters, or `Class.` for attributes."""
    values: dict[tuple[str, str], list[Scalar]] = field(default_factory=lambda: defaultdict(list))
    lengths: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    types: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    keys: dict[tuple[str, str], list[Scalar]] = field(default_factory=lambda: defaultdict(list))
    # Class → {attribute: constructor parameter} from `self.attr = param` in __init__.
    attr_sources: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    # Function qualname → [(callee name, keyword names it passes explicitly)] for `callee(**kwargs)`.
    forwards: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=lambda: defaultdict(list))
    strings: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    # Module-level names bound to a literal: comparing with the name is comparing with its value(s).
    constants: dict[str, Any] = field(default_factory=dict)
    framework: str = "plain"  # django | flask | fastapi | plain: which framework values make sense
    classes: list[str] = field(default_factory=list)  # the module's public classes, for `cls`-like parameters
    # How the code uses a parameter: "int"/"float" for each use with numbers (arithmetic, comparisons, math
    # calls; "weak" for `x * 2`, which repeats text too), and a count of its uses as text (`x.split()`).
    numeric: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    textual: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    unit_scopes: set[str] = field(default_factory=set)  # functions comparing a float with 0.0, 0.5 or 1.0
    # Uses of a parameter as bytes (`x.decode()`, `x == b""`, `binascii.hexlify(x)`, passing it on to a module
    # function whose parameter is used so), and the module's own short bytes values (constants, compared
    # literals, docstring examples) for such parameters.
    binary: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    byte_strings: list[bytes] = field(default_factory=list)
    # Function qualname → its parameter names in order; and (callee, position or keyword, caller's key)
    # for each parameter passed straight on to a module function.
    param_names: dict[str, list[str]] = field(default_factory=dict)
    passes: list[tuple[str, Any, tuple[str, str]]] = field(default_factory=list)
    type_tuples: dict[str, list[str]] = field(default_factory=dict)  # `bytes_types = (bytes, bytearray)`
    # How the code uses a parameter as a file: "read" (`fp.readline()`), "write" (`out.write(...)`,
    # `print(..., file=out)`); and the functions that hold bytes literals (their streams are binary).
    streams: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    byte_scopes: set[str] = field(default_factory=set)
    # Data attributes the code reads from a parameter (`attr.name`, not `text.upper()`): an object with them.
    attributes: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    # Names the code compares a parameter with (`freq == YEARLY`, `func is re.match`, `kind in (A, B)`): the
    # module's own constants and other modules' functions, as source text.
    sources: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    # Parameter name → the literal defaults it has anywhere in the module (`header=False` in one function says
    # what `header` is in another that has no default).
    defaults: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    # Patterns a parameter is matched against (`_URI.match(url)`, `re.match(r"\d+", s)`): the pattern's source
    # text (`"_URI"`, `"self.pattern"`, or a literal's repr), resolved against the live module later.
    patterns: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    # Module-level names an import fallback sets to None (`try: from binascii import b2a_qp` / `except
    # ImportError: b2a_qp = None`), and for each function the ones it reads: the code behind `if b2a_qp is
    # None` runs only where the import fails, so a test sets the name to None to reach it.
    fallbacks: set[str] = field(default_factory=set)
    fallback_reads: dict[str, set[str]] = field(default_factory=dict)

    def for_param(self, qualname: str, owner: Optional[str], name: str) -> "ParamHints":
        keys = [(qualname, name)]
        if owner:
            # An __init__ parameter stored as self.attr inherits what methods compare self.attr with.
            keys += [(owner + ".", attr) for attr, param in self.attr_sources.get(owner, {}).items() if param == name]
        found = ParamHints()
        for key in keys:
            found.values += self.values.get(key, [])
            found.lengths += self.lengths.get(key, [])
            found.types += self.types.get(key, [])
            found.keys += self.keys.get(key, [])
            found.numeric += self.numeric.get(key, [])
            found.textual += self.textual.get(key, 0)
            found.binary += self.binary.get(key, 0)
            found.stream |= self.streams.get(key, set())
            found.attributes += [a for a in self.attributes.get(key, []) if a not in found.attributes]
            found.sources += [a for a in self.sources.get(key, []) if a not in found.sources]
            found.patterns += [a for a in self.patterns.get(key, []) if a not in found.patterns]
        found.binary_stream = qualname in self.byte_scopes or found.binary > 0
        tables: tuple[dict, ...] = (self.values, self.textual, self.numeric, self.binary, self.types, self.attributes)
        if not name.endswith("[]") and any((qualname, name + "[]") in table for table in tables):
            found.elements = self.for_param(qualname, None, name + "[]")
        found.unit = qualname in self.unit_scopes or bool(owner and any(
            scope.startswith(owner + ".") for scope in self.unit_scopes) and found.numeric)
        return found


@dataclass
class ParamHints:
    values: list[Scalar] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    keys: list[Scalar] = field(default_factory=list)
    numeric: list[str] = field(default_factory=list)
    textual: int = 0
    unit: bool = False  # its function compares floats with 0.0, 0.5 or 1.0
    binary: int = 0  # uses as bytes
    stream: set[str] = field(default_factory=set)  # "read" and/or "write": the code uses it as a file
    binary_stream: bool = False  # its function works with bytes literals: a binary file first
    attributes: list[str] = field(default_factory=list)  # data attributes the code reads from it
    sources: list[str] = field(default_factory=list)  # names it is compared with (see Hints.sources)
    elements: Optional["ParamHints"] = None  # what the code does with one of its elements
    patterns: list[str] = field(default_factory=list)  # see Hints.patterns

    def number_kind(self) -> Optional[str]:
        """"int" or "float" when the code uses the parameter as a number more than as text, else None."""
        strong = [kind for kind in self.numeric if kind != "weak"]
        if len(strong) + (len(self.numeric) - len(strong) if not self.textual else 0) <= self.textual:
            return None
        return "float" if "float" in strong or self.unit else "int"


def collect(tree: ast.Module) -> Hints:
    hints = Hints(constants=_module_constants(tree), type_tuples=_type_tuples(tree), fallbacks=fallbacks(tree))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _function(hints, node, node.name, None)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _function(hints, item, f"{node.name}.{item.name}", node.name)
    _globals(hints, tree)
    _passed_on(hints)
    streams_passed_on(hints)
    hints.byte_strings = _byte_strings(tree, hints.constants)
    return hints


def _type_tuples(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level names bound to a tuple of names (`bytes_types = (bytes, bytearray)`), for isinstance checks."""
    found: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple) \
                and all(isinstance(e, (ast.Name, ast.Attribute)) for e in node.value.elts):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = [ast.unparse(e) for e in node.value.elts]
    return found


def _passed_on(hints: Hints) -> None:
    """A parameter passed straight on to a module function whose parameter is used as bytes is bytes too
    (`b64decode(s)` → `_bytes_from_decode_data(s)`, which checks for bytes), through any number of helpers."""
    def carry(key: ParamKey, callee: ParamKey) -> bool:
        if hints.binary.get(callee, 0) <= hints.binary.get(key, 0):
            return False
        hints.binary[key] = hints.binary[callee]
        return True

    through_passes(hints, carry)


def _byte_strings(tree: ast.Module, constants: dict[str, Any]) -> list[bytes]:
    """Short bytes the module holds as constants, compares with, or shows in docstring examples."""
    found: list[bytes] = []
    for value in constants.values():
        for item in value if isinstance(value, (tuple, list, set, frozenset)) else [value]:
            if isinstance(item, bytes):
                found.append(item)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
            found.append(node.value)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and ">>> " in node.value:
            for line in node.value.splitlines():
                text = line.strip()
                if text.startswith(">>> "):
                    try:
                        example = ast.parse(text[4:])
                    except SyntaxError:
                        continue
                    found += [c.value for c in ast.walk(example)
                              if isinstance(c, ast.Constant) and isinstance(c.value, bytes)]
    return [b for b in dict.fromkeys(found) if len(b) <= MAX_STR][:MAX_BYTES]


def _module_constants(tree: ast.Module) -> dict[str, Any]:
    """Module-level names bound once to a literal (`CURRENCIES = ("EUR", "USD")`): comparing with the name
    is comparing with its values."""
    found: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                value = _folded(node.value, found)  # `ONE_THIRD = 1.0/3.0`
                if value is None:
                    continue
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value
    return found


def _folded(node: ast.AST, constants: dict[str, Any]) -> Optional[float]:
    """The number arithmetic on number literals and earlier constants comes to, or None."""
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        left, right = _folded(node.left, constants), _folded(node.right, constants)
        if left is None or right is None:
            return None
        try:
            return OPERATORS[type(node.op)](left, right)
        except ArithmeticError:
            return None
    ok, value = literal(node, constants)
    return value if ok and isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _function(hints: Hints, fn: ast.FunctionDef | ast.AsyncFunctionDef, scope: str, owner: Optional[str]) -> None:
    args = fn.args
    params = parameters(fn)
    hints.param_names[scope] = [a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]]
    positional = [*args.posonlyargs, *args.args]
    pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults))
    pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
    for arg, default in pairs:
        ok, value = literal(default, {})
        if ok and value is not None:
            hints.defaults[arg.arg].append(value)
    reads = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    if reads & hints.fallbacks:
        hints.fallback_reads[scope] = reads & hints.fallbacks
    called = {id(node.func) for node in ast.walk(fn) if isinstance(node, ast.Call)}
    for node in ast.walk(fn):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and id(node) not in called \
                and isinstance(node.value, ast.Name) and node.value.id in params and not node.attr.startswith("_"):
            if node.attr not in hints.attributes[(scope, node.value.id)]:
                hints.attributes[(scope, node.value.id)].append(node.attr)
        if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
            hints.byte_scopes.add(scope)
        stream_use(hints, node, params, scope, owner)
        if isinstance(node, ast.Call):
            regex_use(hints, node, params, scope, owner)
        _numbers(hints, node, params, scope, owner)
        if isinstance(node, ast.Compare):
            _compare(hints, node, params, scope, owner)
        elif isinstance(node, ast.Call):
            _call(hints, node, params, scope, owner, args.kwarg.arg if args.kwarg else None)
        elif isinstance(node, ast.Subscript):
            key = subject(node.value, params, scope, owner)
            ok, value = literal(node.slice, hints.constants)
            if key and ok:
                hints.keys[key].append(value)
        elif isinstance(node, ast.Assign) and owner and fn.name == "__init__" and isinstance(node.value, ast.Name) \
                and node.value.id in params:
            for target in node.targets:
                if isinstance(target, ast.Attribute) and is_self(target.value):
                    hints.attr_sources[owner][target.attr] = node.value.id


def _number(node: ast.AST, constants: dict[str, Any]) -> Optional[str]:
    """"int" or "float" when the expression is a number literal, a module constant holding one, or arithmetic
    on those; else None."""
    ok, value = literal(node, constants)
    if ok:
        return None if isinstance(value, bool) or not isinstance(value, (int, float)) else type(value).__name__
    if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC):
        kinds = {_number(node.left, constants), _number(node.right, constants)}
        return None if None in kinds else "float" if "float" in kinds or isinstance(node.op, ast.Div) else "int"
    return None


def _numbers(hints: Hints, node: ast.AST, params: set[str], scope: str, owner: Optional[str]) -> None:
    """What a parameter's uses say about it being a number: `0.3 * r`, `n - 1`, `x < 0.5`, `math.sqrt(x)`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC):
        for side, other in ((node.left, node.right), (node.right, node.left)):
            key, kind = subject(side, params, scope, owner), _number(other, hints.constants)
            if key and kind:
                weak = isinstance(node.op, ast.Mult) and kind == "int"  # `sep * 3` repeats text
                hints.numeric[key].append("weak" if weak else "float" if isinstance(node.op, ast.Div) else kind)
    elif isinstance(node, ast.AugAssign) and isinstance(node.op, ARITHMETIC):
        key, kind = subject(node.target, params, scope, owner), _number(node.value, hints.constants)
        if key and kind:
            hints.numeric[key].append("weak" if isinstance(node.op, ast.Mult) and kind == "int" else kind)
    elif isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        for (left, right), op in zip(zip(operands, operands[1:]), node.ops):
            for side, other in ((left, right), (right, left)):
                key, kind = subject(side, params, scope, owner), _number(other, hints.constants)
                if isinstance(op, ORDERING) and kind == "float" and literal(other, hints.constants)[1] in UNIT:
                    hints.unit_scopes.add(scope)
                if key and kind and isinstance(op, ORDERING):
                    hints.numeric[key].append(kind)
                elif key and literal(other, hints.constants)[0] \
                        and isinstance(literal(other, hints.constants)[1], bytes):
                    hints.binary[key] += 1
                elif key and isinstance(other, ast.Constant) and isinstance(other.value, str):
                    hints.textual[key] += 1
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("math", "cmath"):
            wants: Optional[str] = "float"
        elif isinstance(func, ast.Name) and func.id in NUMBER_CALLS:
            wants = NUMBER_CALLS[func.id]
        elif isinstance(func, ast.Name) and func.id in ("min", "max") \
                and any(_number(arg, hints.constants) for arg in node.args):
            wants = "float" if any(_number(arg, hints.constants) == "float" for arg in node.args) else "int"
        else:
            wants = None
        for arg in node.args if wants else []:
            key = subject(arg, params, scope, owner)
            if key and wants:
                hints.numeric[key].append(wants)
        if isinstance(func, ast.Attribute) and func.attr in TEXT_METHODS | BYTES_METHODS:
            key = subject(func.value, params, scope, owner)
            literals = [literal(arg, hints.constants)[1] for arg in node.args]
            if key and (func.attr in BYTES_METHODS or any(isinstance(v, bytes) for v in literals)):
                hints.binary[key] += 1  # `data.decode()`, `data.startswith(b"<~")`
            elif key:
                hints.textual[key] += 1
        _bytes_call(hints, node, params, scope, owner)


def _bytes_call(hints: Hints, node: ast.Call, params: set[str], scope: str, owner: Optional[str]) -> None:
    """`binascii.hexlify(x)`, `memoryview(x)`, `struct.unpack(fmt, x)`: a parameter a bytes function takes;
    `helper(x)`: a parameter passed on to a module function, bytes if that function's parameter is."""
    func = node.func
    if owner and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
        # `self._parse(fp)`: passed on to a method of the class (its first name is `self`, hence + 1)
        callee = f"{owner}.{func.attr}"
        for index, arg in enumerate(node.args):
            key = subject(arg, params, scope, owner)
            if key:
                hints.passes.append((callee, index + 1, key))
        for keyword in node.keywords:
            key = subject(keyword.value, params, scope, owner)
            if key and keyword.arg:
                hints.passes.append((callee, keyword.arg, key))
        return
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        where = BYTES_CALLS.get((func.value.id, func.attr), BYTES_CALLS.get((func.value.id, "*")))
    elif isinstance(func, ast.Name):
        where = BYTES_CALLS.get(("", func.id))
        for index, arg in enumerate(node.args):
            key = subject(arg, params, scope, owner)
            if key:
                hints.passes.append((func.id, index, key))
        for keyword in node.keywords:
            key = subject(keyword.value, params, scope, owner)
            if key and keyword.arg:
                hints.passes.append((func.id, keyword.arg, key))
    else:
        where = None
    if where is None:
        return
    for index, arg in enumerate(node.args):
        key = subject(arg, params, scope, owner)
        if key and where in (index, -1):
            hints.binary[key] += 1


def _compare(hints: Hints, node: ast.Compare, params: set[str], scope: str, owner: Optional[str]) -> None:
    operands = [node.left, *node.comparators]
    for (left, right), op in zip(zip(operands, operands[1:]), node.ops):
        for side, other in ((left, right), (right, left)):
            ok, value = literal(other, hints.constants)
            key = subject(side, params, scope, owner)
            length_key = len_subject(side, params, scope, owner)
            if key and not ok and dotted(other) and not isinstance(op, (ast.In, ast.NotIn)):
                add_new(hints.sources[key], ast.unparse(other))
            elif key and isinstance(op, (ast.In, ast.NotIn)) and side is left \
                    and isinstance(other, (ast.Tuple, ast.List, ast.Set)):
                for item in other.elts:
                    if dotted(item) and not literal(item, hints.constants)[0]:
                        add_new(hints.sources[key], ast.unparse(item))
            if ok and key:
                hints.values[key].append(value)
            elif ok and length_key and isinstance(value, int):
                hints.lengths[length_key].append(value)
            elif key and isinstance(op, (ast.In, ast.NotIn)) and side is left and elements(other, hints.constants):
                for element in elements(other, hints.constants):
                    ok, value = literal(element, hints.constants)
                    if ok:
                        hints.values[key].append(value)
            elif key and isinstance(op, (ast.In, ast.NotIn)) and side is right:
                ok, value = literal(left, hints.constants)
                if ok and isinstance(value, str):
                    hints.values[key].append(value)  # `"x" in text`: a text containing it
                    hints.keys[key].append(value)  # `"x" in mapping`: a mapping holding it


def _call(hints: Hints, node: ast.Call, params: set[str], scope: str, owner: Optional[str],
          kwargs_name: Optional[str]) -> None:
    func = node.func
    called = subject(func, params, scope, owner)
    if called:
        hints.types[called].append("callable")  # `self.__timer()`, `key(x)`: the parameter is called
    if isinstance(func, ast.Name) and func.id in ("isinstance", "issubclass") and len(node.args) == 2:
        key = subject(node.args[0], params, scope, owner)
        if key:
            kinds = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
            names = [ast.unparse(kind) for kind in kinds]
            named = [n for name in names for n in hints.type_tuples.get(name, [name])]
            hints.types[key] += named
            if any(n.rsplit(".", 1)[-1] in BYTES_TYPES for n in named):
                hints.binary[key] += 1
        kinds_key = subject(node.args[1], params, scope, owner)
        if kinds_key:  # `isinstance(value, self.type)`: the parameter holds classes
            hints.types[kinds_key].append("type")
    elif isinstance(func, ast.Attribute) and func.attr in STR_METHODS:
        key = subject(func.value, params, scope, owner)
        for arg in node.args[:1]:
            ok, value = literal(arg, hints.constants)
            if key and ok and isinstance(value, (str, bytes)):
                hints.values[key].append(value)
    elif isinstance(func, ast.Attribute) and func.attr in ("get", "pop", "setdefault"):
        key = subject(func.value, params, scope, owner)
        ok, value = literal(node.args[0], hints.constants) if node.args else (False, None)
        if key and ok:
            hints.keys[key].append(value)
    if kwargs_name and isinstance(func, ast.Name) and any(
            k.arg is None and isinstance(k.value, ast.Name) and k.value.id == kwargs_name for k in node.keywords):
        explicit = tuple(k.arg for k in node.keywords if k.arg)
        hints.forwards[scope].append((func.id, explicit + tuple(f"#{i}" for i in range(len(node.args)))))


def _globals(hints: Hints, tree: ast.Module) -> None:
    """Every short string and number the module compares with, for parameters no comparison names."""
    strings: list[str] = []
    numbers: list[float] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        for operand in [node.left, *node.comparators]:
            for element in elements(operand, hints.constants) or [operand]:
                ok, value = literal(element, hints.constants)
                if ok and isinstance(value, str) and value not in strings:
                    strings.append(value)
                elif ok and isinstance(value, (int, float)) and not isinstance(value, bool) and value not in numbers:
                    numbers.append(value)
    # The module's own numeric constants (`ONE_THIRD`, `MAXLINESIZE`) after the numbers it compares with.
    numbers += [v for v in hints.constants.values() if isinstance(v, (int, float)) and not isinstance(v, bool)
                and v not in numbers]
    hints.strings, hints.numbers = strings, numbers
