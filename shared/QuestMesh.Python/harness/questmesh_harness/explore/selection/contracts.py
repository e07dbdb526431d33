"""Possible bugs: calls whose outcome contradicts what the target itself promises.

A test generator that pins whatever the code does turns a bug into an expected result. Two promises are
checked here, both the target's own words:

- its type hints: a call whose every argument has the annotated type (not `Any`), to a function annotated to
  return a value, that ends in a ZeroDivisionError, IndexError or KeyError Python raised in the target's own
  code (not one of its `raise` statements, not a library it called), while the docstring does not mention
  that exception;
- its docstring examples: `>>> average([1, 2])` followed by `1.5`, run as written, must show that result.

Such a call makes no test; it is reported as a possible bug with the call that shows it.
"""

from __future__ import annotations

import ast
import doctest
import inspect
import re
import typing
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Optional

from ..calls.blame import Blame
from ..calls.runner import Call, Outcome, split
from ...typefit import MAX_ITEMS, every, fits, promises_nothing

NONE_TYPE = type(None)
# What Python raises on the target's behalf when its code meets a value it did not plan for. A docstring example
# that ends in any of them is a possible bug; a call the search made only in the first three, since a TypeError or
# AttributeError there mostly means that values of the annotated types did not fit each other (a key function
# that does not suit the items), which hints cannot say.
BUG_TYPES = (ZeroDivisionError, IndexError, KeyError, TypeError, AttributeError)
VALUE_BUG_TYPES = (ZeroDivisionError, IndexError, KeyError)
WRONG_RESULT = "wrong-result"
MAX_MESSAGE = 200
CHECKED_KINDS = ("function", "method", "static", "classmethod", "property")
MAX_BUGS = 20


@dataclass
class PossibleBug:
    function: str
    call: str
    outcome: str  # the exception's type name, or WRONG_RESULT
    message: str
    line: Optional[int]
    evidence: str
    found_by: str

    def as_dict(self) -> dict:
        return {"function": self.function, "call": self.call, "outcome": self.outcome, "message": self.message,
                "line": self.line, "evidence": self.evidence, "found_by": self.found_by}


@dataclass
class Contracts:
    module: ModuleType
    blame: Blame
    found: dict[tuple, PossibleBug] = field(default_factory=dict)
    _hint_cache: dict[int, Optional[dict]] = field(default_factory=dict)
    wrong_examples: set[str] = field(default_factory=set)  # normalised calls of examples that did not hold

    def contradicts(self, call: Call, outcome: Outcome) -> bool:
        """Whether this outcome breaks a promise (and is recorded): the call then makes no test."""
        raised = outcome.status == "raised" and isinstance(outcome.error, VALUE_BUG_TYPES)
        if not raised and not self.wrong_examples:
            return False
        if call.prep or call.make or call.then or call.patch or call.target.kind not in CHECKED_KINDS:
            return False
        spelled = spell(call)
        if spelled is not None and _normal(spelled) in self.wrong_examples:
            return True  # a docstring example's call: the example says what it should give, and it does not
        error = outcome.error
        if not raised or error is None:
            return False
        line = self._raised_here(error)
        if line is None:
            return False
        function = _function(self.module, call)
        if function is None or _documents(function, type(error)):
            return False
        promise = _promise(self._hints(function), outcome.arg_values, call, self.module)
        if promise is None:
            return False
        docstring = _first_sentence(inspect.getdoc(function) or "")
        evidence = promise + (f"; the docstring says: \"{docstring}\"" if docstring else "")
        self._record(PossibleBug(call.target.label, spelled or call.target.label, type(error).__name__,
                                 _message(error), line, evidence, "search"))
        return True

    def check_examples(self, limit: Any) -> None:
        """Runs every docstring example of the target's own functions and classes as written; an example
        whose result differs from the one shown, or that raises what `contradicts` counts, is a possible bug.
        `limit` is a context manager that bounds each docstring's run (the search's alarm)."""
        finder = doctest.DocTestFinder(recurse=True, exclude_empty=True)
        try:
            tests = finder.find(self.module, self.module.__name__, globs=dict(vars(self.module)))
        except Exception:  # noqa: BLE001 - a module whose members cannot be looked into has no examples to run
            return
        for test in tests:
            if not test.examples or not _own(test, self.module):
                continue
            for example, got in _failures(test, limit):
                failing = _example_bug(test, example, got, self.module.__name__)
                if failing is not None:
                    self.wrong_examples.add(_normal(example.source))
                    self._record(failing)

    def bugs(self) -> list[dict]:
        return [bug.as_dict() for bug in self.found.values()]

    def _record(self, bug: PossibleBug) -> None:
        # One finding per place Python raised (several functions that reach the same line share its cause).
        key = (bug.outcome, bug.line) if bug.outcome != WRONG_RESULT else (bug.function, bug.call)
        known = self.found.get(key)
        if known is None and len(self.found) < MAX_BUGS:
            self.found[key] = bug
        elif known is not None and len(bug.call) < len(known.call):
            self.found[key] = bug  # the shortest call shows it best

    def _hints(self, function: Any) -> Optional[dict]:
        if id(function) not in self._hint_cache:
            self._hint_cache[id(function)] = _hints(function, self.module)
        return self._hint_cache[id(function)]

    def _raised_here(self, error: BaseException) -> Optional[int]:
        """The line of the target where Python itself raised the error (the innermost frame is the target's,
        and not one of its `raise` statements); None otherwise."""
        tb = error.__traceback__
        innermost = None
        while tb is not None:
            innermost = tb
            tb = tb.tb_next
        if innermost is None or innermost.tb_frame.f_code.co_filename != self.blame.filename:
            return None
        return None if self.blame.own(error) else innermost.tb_lineno


def spell(call: Call) -> Optional[str]:
    """`average([])`, `Cart(items=[]).total()`: the call as one expression, or None when it needs statements."""
    target = call.target
    head = {"function": target.name, "static": f"{target.owner}.{target.name}",
            "classmethod": f"{target.owner}.{target.name}"}.get(target.kind)
    if head is None:
        owner = f"{target.owner}({_arguments(target.ctor, call.ctor)})"
        if target.kind == "property":
            return f"{owner}.{target.name}"
        head = f"{owner}.{target.name}"
    return f"{head}({_arguments(target.params, call.args)})"


def _arguments(params: tuple, args: tuple) -> str:
    positional, keyword = split(params, dict(args))
    kinds = {p.name: p.kind for p in params}
    parts = [f"*{source}" if kinds.get(name) == "var_positional" else source for name, source in positional]
    return ", ".join(parts + [f"{name}={source}" for name, source in keyword])


def _normal(source: str) -> str:
    try:
        return ast.dump(ast.parse(source.strip(), mode="eval"))
    except SyntaxError:
        return source.strip()


def _function(module: ModuleType, call: Call) -> Any:
    target = call.target
    try:
        if target.kind == "function":
            return getattr(module, target.name)
        owner = getattr(module, target.owner or "")
        member = inspect.getattr_static(owner, target.name)
        if isinstance(member, property):
            return member.fget
        if isinstance(member, (staticmethod, classmethod)):
            return member.__func__
        return member if inspect.isfunction(member) else None
    except AttributeError:
        return None


def _documents(function: Any, error_type: type) -> bool:
    """The docstring names the exception (or says what the function raises): the behaviour is on purpose."""
    text = inspect.getdoc(function) or ""
    names = {klass.__name__ for klass in error_type.__mro__ if klass not in (BaseException, Exception, object)}
    return bool(re.search(r"\braise[sd]?\b", text, re.IGNORECASE)) or any(name in text for name in names)


def _hints(function: Any, module: ModuleType) -> Optional[dict]:
    try:
        return typing.get_type_hints(function, vars(module))
    except Exception:  # noqa: BLE001 - an annotation that does not evaluate promises nothing we can check
        return None


def _promise(hints: Optional[dict], values: dict[str, Any], call: Call, module: ModuleType) -> Optional[str]:
    """What the hints promise for these arguments ("its type hints accept these arguments and promise float"),
    or None when they promise nothing checkable: a parameter given a value without an annotation, a value
    that does not have its annotated type, a constructor argument likewise, or no result promised at all."""
    if not hints or "return" not in hints:
        return None
    returns = hints["return"]
    if returns in (None, NONE_TYPE, typing.NoReturn) or getattr(typing, "Never", None) is returns:
        return None
    kinds = {p.name: p.kind for p in call.target.params}
    for name, value in values.items():
        if name not in hints or not _conforms_param(value, hints[name], kinds.get(name)):
            return None
    if call.ctor:
        owner = getattr(module, call.target.owner or "", None)
        init = _hints(getattr(owner, "__init__", None), module) if owner is not None else None
        ctor_kinds = {p.name: p.kind for p in call.target.ctor}
        for name, source in call.ctor:
            if not init or name not in init:
                return None
            try:
                value = eval(source, vars(module))  # noqa: S307 - the search's own value source, in the sandbox
            except Exception:  # noqa: BLE001 - a source that does not evaluate here proves nothing
                return None
            if not _conforms_param(value, init[name], ctor_kinds.get(name)):
                return None
    return f"its type hints accept these arguments and promise {_spell_type(returns)}"


def _conforms_param(value: Any, annotation: Any, kind: Optional[str]) -> bool:
    """A value of the parameter's annotated type; `Any` or `object` promises nothing about the value, so no."""
    if promises_nothing(annotation):
        return False
    if kind == "var_positional":
        return isinstance(value, (list, tuple)) and every(fits(v, annotation) for v in value[:MAX_ITEMS]) is True
    if kind == "var_keyword":
        return isinstance(value, dict) and every(fits(v, annotation) for v in list(value.values())[:MAX_ITEMS]) is True
    return fits(value, annotation) is True


def _spell_type(annotation: Any) -> str:
    return annotation.__name__ if isinstance(annotation, type) else str(annotation).replace("typing.", "")


def _first_sentence(docstring: str) -> str:
    text = " ".join(docstring.strip().split("\n\n", 1)[0].split())
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + "…"


def _message(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + "…"


def _own(test: doctest.DocTest, module: ModuleType) -> bool:
    """A docstring of the target's file (not of a name it imported from elsewhere)."""
    return bool(test.filename) and test.filename == getattr(module, "__file__", None)


class _Collector(doctest.DocTestRunner):
    def __init__(self) -> None:
        super().__init__(verbose=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        self.failed: list[tuple[doctest.Example, Any]] = []

    def report_start(self, out: Any, test: Any, example: Any) -> None:
        pass

    def report_success(self, out: Any, test: Any, example: Any, got: Any) -> None:
        pass

    def report_failure(self, out: Any, test: Any, example: doctest.Example, got: str) -> None:
        self.failed.append((example, got))

    def report_unexpected_exception(self, out: Any, test: Any, example: doctest.Example, exc_info: Any) -> None:
        self.failed.append((example, exc_info[1]))


def _failures(test: doctest.DocTest, limit: Any) -> list[tuple[doctest.Example, Any]]:
    """The examples of one docstring that fail twice in a row (a result that changes between runs, a clock or
    an address, is no contract)."""
    runs = []
    for _ in range(2):
        collector = _Collector()
        try:
            with limit():
                collector.run(doctest.DocTest(test.examples, dict(test.globs), test.name, test.filename,
                                              test.lineno, test.docstring), out=lambda _: None, clear_globs=True)
        except BaseException:  # noqa: BLE001 - an example that hangs or exits proves nothing about the others
            return []
        runs.append({id(example): got for example, got in collector.failed})
    first, second = runs
    return [(example, first[id(example)]) for example in test.examples
            if id(example) in first and id(example) in second and _same(first[id(example)], second[id(example)])]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, BaseException) or isinstance(b, BaseException):
        return type(a) is type(b)
    return a == b


def _example_bug(test: doctest.DocTest, example: doctest.Example, got: Any,
                 module_name: str) -> Optional[PossibleBug]:
    """A failed example as a possible bug: an implicit exception of BUG_TYPES where a result is shown, or a
    literal result other than the literal shown. Other failures (output that is not a value, an example that
    depends on the machine) are left alone."""
    call = example.source.strip()
    line = test.lineno + example.lineno + 1 if test.lineno is not None else None
    function = test.name[len(module_name) + 1:] if test.name.startswith(module_name + ".") else test.name
    if isinstance(got, BaseException):
        if not isinstance(got, BUG_TYPES) or example.exc_msg is not None or not example.want.strip():
            return None
        return PossibleBug(function, call, type(got).__name__, _message(got), line,
                           f"the docstring's example shows {example.want.strip()}", "doctest")
    try:
        wanted, given = ast.literal_eval(example.want.strip()), ast.literal_eval(str(got).strip())
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    if wanted == given:
        return None
    return PossibleBug(function, call, WRONG_RESULT, f"gives {str(got).strip()}", line,
                       f"the docstring's example shows {example.want.strip()}", "doctest")
