"""Argument values for the explore search, always held as Python source text.

A value is its source (`'hello world'`, `[3, 1, 2]`, `lambda *args, **kwargs: True`): each call evaluates it
afresh, so a call that mutates its argument cannot spoil the next one, and the test written later builds
exactly the value the search ran.
"""

from __future__ import annotations

import ast
import collections.abc
import datetime
import math
import re
import typing
from types import NoneType
from typing import Any, Optional

from .hints import Hints, ParamHints
from .special import DATES, DATETIMES, TIMEDELTAS

Spec = tuple  # ("int",) ("list", elem) ("dict", key, value) ("tuple", *elems) ("union", *options) ("class", name)

INTS = [1, 0, -1, 2, 3, 5, 10, 100, -7, 1000]
FLOATS = [1.5, 0.0, -1.0, 0.5, 2.0, 100.0, 1e-09, math.inf]
FRACTIONS = [0.5, 0.0, 1.0, 0.25, 0.75, 0.1, 0.9]  # for floats the code compares with 0.0, 0.5 or 1.0
STRINGS = ["hello world", "", "a", " ", "Hello, World!", "The quick brown fox jumps over the lazy dog.",
           "foo-bar baz-qux", "  indented\n    deeper\n  back\n", "\tone\n\ttwo", "line one\nline two\n",
           "abc123", "42", "-1.5", "1/2", "2e3", "x" * 25, "snake_case_name", "CamelCase", "a,b,c", "key=value",
           "héllo wörld", "\n", "First sentence. Second one!  Third?",
           "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
           "et dolore magna aliqua."]
# Bytes for parameters the code uses as bytes: short ASCII (a word, hex digits, padding), empty, and raw.
BYTES = [b"hello world", b"", b"abc", b"\x00\xff", b"Hello, World!", b"0123456789abcdef", b"a", b"\n",
         bytes(range(8)), b"x" * 25]
CALLABLES = ["lambda *args, **kwargs: True", "lambda *args, **kwargs: False", "lambda x: x", "len",
             "lambda *args, **kwargs: 10"]
ANY = ["'hello world'", "1", "None", "'a'", "0", "[1, 2, 3]", "-1", "''", "{'a': 1}", "1.5", "True", "[]"]
MAX_POOL = 32
MAX_ATTRIBUTES = 6

NAME_KINDS = [
    ("bool", r"^(is|has|should|use|allow|enable|disable|can|do|with|include|ignore)_|^(flag|strict|verbose|force|"
             r"recursive|reverse|debug|quiet|dry_run|inplace|enabled|disabled)$"),
    ("callable", r"(^|_)(func|fn|callback|predicate|hook|handler|factory|transform|cmp|mapper|getsizeof|sizeof|"
                 r"ttu|choice|chooser|key_func|keyfunc|default_factory)$"),
    ("datetime", r"(^|_)(dt\d?|dtstart|dtend|date|datetime|when|moment|until|start_date|end_date)$"),
    ("float", r"(^|_)(rate|ratio|factor|amount|price|cost|weight|scale|percent|percentage|lat|lon|temperature|"
              r"threshold|alpha|tolerance|tol|balance|x|y|z|prob|probability|fraction|r|g|b|red|green|blue|hue|"
              r"saturation|lightness|luminance|brightness|angle|radius|radians|degrees|mean|mu|sigma|variance|"
              r"stddev|dx|dy|dz|[xyz]\d)$"),
    ("int", r"(^|_)(n|i|j|k|count|num|number|size|width|height|length|len|index|idx|pos|position|start|end|stop|"
            r"step|offset|limit|max|min|depth|level|times|year|month|day|hour|minute|second|port|age|total|"
            r"capacity|retries|tabsize|lineno|digits|precision|base|id|indent_size|ndigits)$|^(max|min|num|n)_|"
            r"(size|count|length|limit|capacity|ttl|timeout|maxlen)$"),
    ("type", r"^(type|types|exc_type|exc_types|exception_type|exception_types|expected_type)$"),
    ("dict", r"(^|_)(mapping|options|config|settings|params|headers|attrs|dict|dct|table|counts|kwargs|env|"
             r"environ|metadata|context|data_map)$"),
    ("list", r"(^|_)(items|values|lines|words|elements|seq|sequence|numbers|nums|xs|list|array|arr|chunks|names|"
             r"keys|records|rows|entries|args|parts|tokens|vector|matrix|stack|queue)$"),
    ("str", r"(^|_)(text|s|string|str|name|word|line|prefix|suffix|sep|separator|delimiter|delim|label|title|"
            r"message|msg|char|ch|pattern|fmt|format|key|placeholder|indent|path|filename|file|url|email|code|"
            r"query|token|encoding|lang|language|mode|status|source|src|content|sentence|value|char|username|"
            r"password|domain|host|address|description|comment|template|expression|expr)$"),
]


def spec_from_annotation(annotation: Any, module_globals: dict) -> Optional[Spec]:
    if annotation is None or annotation is NoneType:
        return ("none",)
    if isinstance(annotation, str):
        try:
            annotation = eval(annotation, dict(module_globals), vars(typing))  # noqa: S307 - the module's own text
        except Exception:
            return _spec_from_text(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Union or (origin is not None and getattr(origin, "__name__", "") == "UnionType"):
        return ("union", *[s for s in (spec_from_annotation(a, module_globals) for a in args) if s])
    if origin is typing.Literal:
        return ("literal", *[repr(a) for a in args])
    if annotation in (int, float, str, bool, bytes):
        return (annotation.__name__,)
    if annotation in (datetime.datetime, datetime.date, datetime.timedelta):  # datetime before date: a subclass
        return (annotation.__name__,)
    if origin in (list, set, frozenset) or annotation in (list, set, frozenset) or origin in _ABC_SEQUENCES \
            or annotation in _ABC_SEQUENCES:
        elem = spec_from_annotation(args[0], module_globals) if args else None
        return ("set" if (origin or annotation) in (set, frozenset) else "list", elem or ("any",))
    if origin is dict or annotation is dict or origin in _ABC_MAPPINGS or annotation in _ABC_MAPPINGS:
        key, value = (spec_from_annotation(a, module_globals) for a in args) if len(args) == 2 else (None, None)
        return ("dict", key or ("str",), value or ("any",))
    if origin is tuple or annotation is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return ("list_tuple", spec_from_annotation(args[0], module_globals) or ("any",))
        return ("tuple", *[spec_from_annotation(a, module_globals) or ("any",) for a in args])
    if annotation is typing.Any or annotation is object:
        return ("any",)
    if origin is not None and getattr(origin, "__name__", "") == "Callable" \
            or annotation in (typing.Callable, collections.abc.Callable):
        return ("callable",)
    if isinstance(annotation, type) and module_globals.get(annotation.__name__) is annotation:
        return ("class", annotation.__name__)
    return None


_ABC_SEQUENCES = tuple(getattr(typing, n).__origin__ for n in ("Sequence", "Iterable", "List", "Collection")
                       if hasattr(getattr(typing, n), "__origin__"))
_ABC_MAPPINGS = tuple(getattr(typing, n).__origin__ for n in ("Mapping", "MutableMapping", "Dict")
                      if hasattr(getattr(typing, n), "__origin__"))


TEXT_KINDS = {"int": "int", "float": "float", "str": "str", "bool": "bool", "bytes": "bytes",
              "bytearray": "bytes", "memoryview": "bytes", "none": "none",
              "list": "list", "sequence": "list", "iterable": "list", "collection": "list", "iterator": "list",
              "set": "set", "frozenset": "set", "abstractset": "set", "dict": "dict", "mapping": "dict",
              "mutablemapping": "dict", "ordereddict": "dict", "defaultdict": "dict", "tuple": "tuple",
              "callable": "callable", "type": "type", "datetime": "datetime", "date": "date", "timedelta": "timedelta",
              "any": "any", "object": "any"}


def _spec_from_text(text: str) -> Optional[Spec]:
    """A hint the module's names cannot resolve, read as text: `Dict[str, int]`, `t.List`, `'Sequence[Foo]'`."""
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return None
    return _spec_from_node(node)


def _spec_from_node(node: ast.expr) -> Optional[Spec]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _spec_from_text(node.value)
    if isinstance(node, ast.Constant) and node.value is None:
        return ("none",)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union([_spec_from_node(node.left), _spec_from_node(node.right)])
    head, args = (node.value, node.slice) if isinstance(node, ast.Subscript) else (node, None)
    items = list(args.elts) if isinstance(args, ast.Tuple) else [args] if args is not None else []
    name = head.attr if isinstance(head, ast.Attribute) else head.id if isinstance(head, ast.Name) else ""
    if name in ("Union", "Optional"):
        return _union([_spec_from_node(i) for i in items] + ([("none",)] if name == "Optional" else []))
    kind = TEXT_KINDS.get(name.lower())
    if kind in ("list", "set"):
        return (kind, (_spec_from_node(items[0]) if items else None) or ("any",))
    if kind == "dict":
        key, value = (_spec_from_node(i) for i in items) if len(items) == 2 else (None, None)
        return ("dict", key or ("str",), value or ("any",))
    if kind == "tuple":
        if len(items) == 2 and isinstance(items[1], ast.Constant) and items[1].value is Ellipsis:
            return ("list_tuple", _spec_from_node(items[0]) or ("any",))
        return ("tuple", *[_spec_from_node(i) or ("any",) for i in items])
    return (kind,) if kind else None


def _union(options: list[Optional[Spec]]) -> Optional[Spec]:
    found = [o for o in options if o]
    return found[0] if len(found) == 1 else ("union", *found) if found else None


def spec_from_value(value: Any) -> Optional[Spec]:
    if value is None:
        return None
    if isinstance(value, (bool, int, float, str, bytes)):
        return (type(value).__name__,)
    if isinstance(value, (list, set, frozenset)):
        return ("list", (spec_from_value(next(iter(value))) if value else None) or ("any",))
    if isinstance(value, dict):
        return ("dict", ("str",), ("any",))
    if isinstance(value, tuple):
        return ("tuple", *[spec_from_value(v) or ("any",) for v in value])
    if callable(value):
        return ("callable",)
    return None


def spec_from_name(name: str) -> Optional[Spec]:
    lowered = name.lower()
    for kind, pattern in NAME_KINDS:
        if re.search(pattern, lowered):
            return (kind, ("any",)) if kind == "list" else (kind,)
    return None


def to_source(value: Any, depth: int = 0) -> Optional[str]:
    """Canonical source text that evaluates back to an equal builtin value, or None."""
    kind = type(value)
    if depth > 8:
        return None
    if value is None or kind in (bool, int, str, bytes, complex):
        return repr(value)
    if kind is float:
        if math.isnan(value):
            return None
        return repr(value) if math.isfinite(value) else ("float('inf')" if value > 0 else "-float('inf')")
    if kind in (list, tuple, set, frozenset):
        items = [to_source(v, depth + 1) for v in value]
        if any(item is None for item in items):
            return None
        if kind is list:
            return "[" + ", ".join(items) + "]"
        if kind is tuple:
            return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
        body = "{" + ", ".join(sorted(items)) + "}"  # sorted: set order changes with the hash seed
        if kind is set:
            return body if items else "set()"
        return f"frozenset({body})" if items else "frozenset()"
    if kind is dict:
        pairs = [(to_source(k, depth + 1), to_source(v, depth + 1)) for k, v in value.items()]
        if any(k is None or v is None for k, v in pairs):
            return None
        return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    return None


def _neighbours(values: list, spec_kinds: set[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if isinstance(value, bool) or value is None:
            out.append(repr(value))
        elif isinstance(value, int):
            out += [repr(value), repr(value - 1), repr(value + 1)]
        elif isinstance(value, float):
            out += [repr(value), repr(value - 0.5), repr(value + 0.5)]
        elif isinstance(value, str) and ("str" in spec_kinds or "any" in spec_kinds):
            # The literal itself, inside other text, and followed by digits (`OFF5`, `v100`: prefixes
            # are often parsed further).
            out += [repr(value), repr(value.upper()), repr(f"abc {value} def"), repr(value * 2),
                    repr(f"{value}1"), repr(f"{value}100"), repr(f"1.5 {value}")]
        elif isinstance(value, bytes):
            out.append(repr(value))
    return out


def kinds_of(spec: Optional[Spec]) -> set[str]:
    if spec is None:
        return {"any"}
    if spec[0] == "union":
        return set().union(*(kinds_of(s) for s in spec[1:])) if len(spec) > 1 else {"any"}
    return {spec[0]}


def spec_from_use(hints: ParamHints) -> Optional[Spec]:
    """Bytes when the code uses the parameter as bytes (`x.decode()`, `x == b""`, `binascii.hexlify(x)`,
    passing it to a helper that does), text too when it also uses it as text; a number when it does
    arithmetic or comparisons with numbers on it."""
    kind = hints.number_kind()
    if hints.binary and hints.binary >= len([k for k in hints.numeric if k != "weak"]):
        return ("union", ("bytes",), ("str",)) if hints.textual or "str" in hints.types else ("bytes",)
    return (kind,) if kind else None


def pool(spec: Optional[Spec], hints: ParamHints, module_hints: Hints) -> list[str]:
    """Candidate sources for one parameter, most telling first; the first is the search's baseline."""
    kinds = kinds_of(spec)
    if hints.unit and "float" in kinds:
        spec = _fractions_first(spec)
    hinted = list(hints.sources) + _neighbours(hints.values, kinds)
    for length in hints.lengths:
        for n in (length - 1, length, length + 1):
            if n >= 0 and kinds & {"str", "any"}:
                hinted.append(repr(("abcdefghijklmnopqrstuvwxyz" * 4)[:n]) if n <= 100 else repr("a" * 100))
            if n >= 0 and kinds & {"list", "any"}:
                hinted.append(repr(list(range(1, n + 1))))
            if 0 <= n <= 100 and "bytes" in kinds:
                hinted.append(repr(b"abcdefghijklmnopqrstuvwxyz"[:n] if n <= 26 else b"a" * n))
    if hints.keys and kinds & {"dict", "any"}:
        keyed = {k: i + 1 for i, k in enumerate(dict.fromkeys(hints.keys))}
        hinted += [to_source(keyed) or "{}"] + [to_source({k: 1}) or "{}" for k in list(keyed)[:4]]
    for type_name in hints.types:
        hinted += typed(_spec_from_text(type_name) or ("any",), module_hints)[:3]
    typed_values = []
    for option in (spec[1:] if spec and spec[0] == "union" else [spec]):
        typed_values.append(typed(option or ("any",), module_hints))
    merged = _interleave(typed_values)
    baseline = merged[:1] if "none" not in kinds or len(merged) == 1 else [s for s in merged if s != "None"][:1]
    lists = _element_lists(hints.elements, module_hints) \
        if kinds & {"list", "set", "list_tuple", "any"} and not _text_itself(hints) else []
    if lists:  # `for line in lines: line.startswith('-')`: lists of such texts first
        baseline, hinted = lists[:1], lists[1:] + hinted
    return list(dict.fromkeys(baseline + hinted + merged))[:MAX_POOL]


def _text_itself(hints: ParamHints) -> bool:
    """Indexed like a sequence but used as a text too (`pat.find(']')`), or its items are single characters
    (`pat[i] == '*'`): a string, not a list of strings."""
    items = hints.elements.values if hints.elements is not None else []
    return bool(hints.textual or any(isinstance(v, str) for v in hints.values)
                or (items and all(isinstance(v, str) and len(v) == 1 for v in items)))


def _element_lists(elements: Optional[ParamHints], module_hints: Hints) -> list[str]:
    """Lists whose items are what the code does with one item: texts for `item.startswith('-')`, numbers
    for `item > 0`, the literals an item is compared with."""
    if elements is None:
        return []
    spec = spec_from_use(elements)
    if spec is None and (elements.textual or any(isinstance(v, str) for v in elements.values)):
        spec = ("str",)
    if spec is None and not elements.values and not elements.attributes:
        return []
    items = pool(spec, elements, module_hints)[:6]
    if not items:
        return []
    shapes = [items[:3], items[:1], items[1:4], list(reversed(items[:3])), items[3:6]]
    return ["[" + ", ".join(shape) + "]" for shape in shapes if shape]


def stream_pool(hints: ParamHints, module_hints: Hints) -> list[str]:
    """File objects for a parameter the code reads from or writes to (`io.BytesIO(b'...')`, `io.StringIO()`),
    binary first when its function works with bytes literals. One to read holds the module's own words and
    bytes, a line at a time, and lines as long as the module's larger numbers (a line-length limit);
    one only written to starts empty (the test then asserts what was written)."""
    texts = [t for t in module_hints.strings[:6] if t.strip()]
    widths = sorted({int(n) for n in module_hints.numbers if isinstance(n, int) and 16 <= n <= 200})[:2] or [100]
    lines = ["hello world\n", "", "line one\nline two\n"] + [f"{t}\n" for t in texts[:4]] + \
        [" ".join(texts[:3]) + " \t\n" if texts else "tab\there \n"] + ["x" * w + "\n" for w in widths]
    words = [b for b in module_hints.byte_strings[:6] if b.strip()]
    blobs = [b"hello world\n", b"", b"line one\r\nline two\n"] + [b + b"\n" for b in words[:4]] + \
        [b"a" + b"".join(words[:3]) + b" \t\n"] + [b"x" * w + b"\n" for w in widths] + \
        [t.encode("utf-8") for t in lines[3:5]]
    reading = "read" in hints.stream or not hints.stream
    binary = [f"io.BytesIO({b!r})" for b in dict.fromkeys(blobs)] if reading else ["io.BytesIO()"]
    text = [f"io.StringIO({t!r})" for t in dict.fromkeys(lines)] if reading else ["io.StringIO()"]
    first, second = (binary, text) if hints.binary_stream else (text, binary)
    return first + second[:3]


def duck(hints: ParamHints, module_hints: Hints) -> Optional[str]:
    """An object with the data attributes the code reads from the parameter (`attr.name` →
    `types.SimpleNamespace(name='hello world')`), each a value its name suggests."""
    if not hints.attributes:
        return None
    parts = []
    for name in hints.attributes[:MAX_ATTRIBUTES]:
        values = typed(spec_from_name(name) or ("str",), module_hints)
        parts.append(f"{name}={values[0]}")
    return f"types.SimpleNamespace({', '.join(parts)})"


def _fractions_first(spec: Optional[Spec]) -> Optional[Spec]:
    if spec is not None and spec[0] == "union":
        return ("union", *[_fractions_first(option) for option in spec[1:]])
    return ("fraction",) if spec == ("float",) else spec


def _collection(kind: str, items: list[str]) -> str:
    body = ", ".join(items)
    if kind == "set":
        return "{" + body + "}" if items else "set()"
    if kind == "list_tuple":
        return "(" + body + ("," if len(items) == 1 else "") + ")"
    return "[" + body + "]"


def _interleave(lists: list[list[str]]) -> list[str]:
    out: list[str] = []
    for index in range(max((len(values) for values in lists), default=0)):
        out += [values[index] for values in lists if index < len(values)]
    return out


def typed(spec: Spec, module_hints: Hints, depth: int = 0) -> list[str]:
    kind = spec[0]
    if kind == "int":
        extra = [int(n) + d for n in module_hints.numbers if isinstance(n, int) for d in (0, 1, -1)]
        return [repr(v) for v in dict.fromkeys(INTS + extra) if abs(v) <= 10_000]
    if kind in ("float", "fraction"):
        # The module's own numbers (`ONE_THIRD`) next to the usual ones; fractions first for code that
        # compares with 0.0, 0.5 or 1.0 (a colour channel, a probability).
        start = FRACTIONS if kind == "fraction" else FLOATS[:4]
        own = [float(n) for n in module_hints.numbers[:8] if math.isfinite(n)]
        return list(dict.fromkeys(to_source(v) or "0.0" for v in start + own + FLOATS + FRACTIONS))
    if kind == "str":
        words = [w for w in module_hints.strings[:10] if w.strip()]
        # Compared words next to a number ("1.5 EUR", "add 1"): the shape of many small parsers.
        combos = [f"1.5 {w}" for w in words[:4]] + [f"{w} 1" for w in words[:4]]
        return [repr(s) for s in dict.fromkeys(STRINGS[:6] + module_hints.strings[:10] + combos + STRINGS[6:])]
    if kind == "bytes":
        # The module's own bytes (an alphabet, a marker, a docstring example) after the first few usual ones.
        return [repr(b) for b in dict.fromkeys(BYTES[:3] + module_hints.byte_strings + BYTES[3:])]
    if kind == "bool":
        return ["True", "False"]
    if kind == "none":
        return ["None"]
    if kind == "callable":
        return list(CALLABLES)
    if kind in ("date", "datetime", "timedelta"):
        return list({"date": DATES, "datetime": DATETIMES + DATES[:1], "timedelta": TIMEDELTAS}[kind])
    if kind == "literal":
        return list(spec[1:])
    if kind == "class":
        return [f"{spec[1]}()"]
    if kind == "type":  # `isinstance(value, kinds)`: classes, one at a time and together
        return ["int", "str", "(int, str)", "float", "list", "dict", "bytes"] + module_hints.classes[:3]
    if depth >= 2:
        return ["None"]
    if kind in ("list", "set", "list_tuple"):
        elem_spec = _part(spec, 1) or ("any",)
        # Untyped lists get small ints (sortable, summable) and one string.
        elems = ["1", "2", "3", "'a'"] if elem_spec == ("any",) else typed(elem_spec, module_hints, depth + 1)[:4]
        shapes = [[], elems[:1], elems[:3], [elems[-1], elems[0]] + elems[1:2], elems[:1] * 2]
        return [_collection(kind, shape) for shape in shapes]
    if kind == "dict":  # a bare `dict` hint, or a name that sounds like one, has no key and value types
        keys = typed(_part(spec, 1) or ("str",), module_hints, depth + 1)[:3]
        vals = typed(_part(spec, 2) or ("any",), module_hints, depth + 1)[:3]
        return ["{}", f"{{{keys[0]}: {vals[0]}}}",
                "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, vals)) + "}"]
    if kind == "tuple":
        parts = [typed(s or ("any",), module_hints, depth + 1) for s in spec[1:]]
        parts = [p for p in parts if p]
        if not parts:
            return ["()", "(1, 2)"]
        return ["(" + ", ".join(p[i % len(p)] for p in parts) + ("," if len(parts) == 1 else "") + ")"
                for i in range(3)]
    return list(ANY)


def _part(spec: Spec, index: int) -> Optional[Spec]:
    """A container spec's parameter, or None when the hint gave none (`dict`, `List`, `Callable`)."""
    return spec[index] if len(spec) > index and spec[index] else None
