"""`static`: size, complexity and pyflakes findings of a test module's source, without running it."""

from __future__ import annotations

import ast
import io
import re
from dataclasses import dataclass, field

from .analyze import module_name
from .errors import HarnessError
from .lint import run_linters
from .request import number
from .smells import flakiness_smells

MAX_OUTPUT_CHARS = 20_000
# pyflakes messages that mean the module fails when it runs, not just untidy code.
RUNTIME_ERRORS = frozenset({
    "UndefinedName", "UndefinedLocal", "UndefinedExport", "ImportStarUsage", "DuplicateArgument",
    "ReturnOutsideFunction", "YieldOutsideFunction", "ContinueOutsideLoop", "BreakOutsideLoop",
    "DefaultExceptNotLast", "TwoStarredExpressions", "TooManyExpressionsInStarredAssignment",
    "ForwardAnnotationSyntaxError", "PercentFormatInvalidFormat", "StringDotFormatInvalidFormat",
})
BROKEN = frozenset({"SyntaxError", "UnexpectedError"})  # the module could not even be read
TODO = re.compile(r"#.*\b(TODO|FIXME|XXX)\b")


def run(request: dict) -> dict:
    source = request.get("source")
    if not isinstance(source, str):
        raise HarnessError("source (the test module's text) is required")
    reply = analyze_tests(source)
    linters = request.get("linters") or {}
    if not isinstance(linters, dict):
        raise HarnessError("linters must be an object of linter names to true or false")
    timeout = number(request, "linter_timeout_seconds", 30.0, minimum=1.0)
    flake8 = {"max_line_length": int(number(request, "max_line_length", 120, minimum=20)),
              "max_complexity": int(number(request, "max_complexity", 10, minimum=1))}
    reply.update(run_linters(source, {name: bool(on) for name, on in linters.items()}, timeout, flake8))
    target = request.get("target_file")
    reply["target_module"] = module_name(target) if isinstance(target, str) and target.strip() else None
    return reply


def analyze_tests(source: str) -> dict:
    lines = source.splitlines()
    reply: dict = {
        "syntax_ok": True, "syntax_error": None, "line_count": len(lines), "function_count": 0,
        "class_count": 0, "test_count": 0, "avg_function_length": 0.0, "max_function_length": 0,
        "todo_count": sum(1 for line in lines if TODO.search(line)),
        "avg_complexity": 0.0, "max_complexity": 0, "pyflakes": pyflakes_report(source),
        "flakiness_smells": [],
    }
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        reply["syntax_ok"] = False
        reply["syntax_error"] = {"line": error.lineno, "offset": error.offset, "message": error.msg}
        return reply
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    reply["function_count"] = len(functions)
    reply["class_count"] = len(classes)
    reply["test_count"] = count_tests(tree)
    reply["flakiness_smells"] = flakiness_smells(tree)
    if functions:
        lengths = [f.end_lineno - f.lineno + 1 for f in functions]
        scores = [complexity(f) for f in functions]
        reply["avg_function_length"] = round(sum(lengths) / len(lengths), 2)
        reply["max_function_length"] = max(lengths)
        reply["avg_complexity"] = round(sum(scores) / len(scores), 2)
        reply["max_complexity"] = max(scores)
    return reply


def count_tests(tree: ast.Module) -> int:
    """Test functions pytest or unittest would collect: `test*` at top level or in a `Test*`/TestCase class."""
    count = 0
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            count += 1
        elif isinstance(node, ast.ClassDef):
            bases = [ast.unparse(b) for b in node.bases]
            if node.name.startswith("Test") or any(b.endswith("TestCase") for b in bases):
                count += sum(1 for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                             and item.name.startswith("test"))
    return count


class _Decisions(ast.NodeVisitor):
    """Counts McCabe decision points of one function; nested functions and classes score on their own."""

    def __init__(self) -> None:
        self.count = 0

    def generic_visit(self, node: ast.AST) -> None:
        if isinstance(node, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler,
                             ast.comprehension)):
            self.count += 1
        if isinstance(node, ast.comprehension):
            self.count += len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            self.count += len(node.values) - 1
        elif isinstance(node, ast.match_case) and not _is_wildcard(node):
            self.count += 1
        super().generic_visit(node)

    def visit_FunctionDef(self, node: ast.AST) -> None:  # noqa: N802 - ast visitor protocol
        return None

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef


def _is_wildcard(case: ast.match_case) -> bool:
    return isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None and case.guard is None


def complexity(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    visitor = _Decisions()
    for statement in function.body:
        visitor.visit(statement)
    return 1 + visitor.count


@dataclass
class _Finding:
    kind: str
    text: str
    line: int = 1
    column: int = 1
    message: str = ""

    def to_dict(self) -> dict:
        severity = "error" if self.kind in RUNTIME_ERRORS or self.kind in BROKEN else "warning"
        return {"line": self.line, "column": self.column, "code": self.kind, "severity": severity,
                "message": self.message or self.text}


@dataclass
class _Collector:
    findings: list[_Finding] = field(default_factory=list)


def pyflakes_report(source: str) -> dict:
    try:
        from pyflakes import api, reporter
    except ImportError:
        return {"available": False, "issue_count": 0, "error_count": 0, "output": "", "findings": []}
    collected = _Collector()

    class _Reporter(reporter.Reporter):
        # pyflakes hands over message objects; keeping their class names lets us tell errors from lint.
        def flake(self, message) -> None:
            collected.findings.append(_Finding(type(message).__name__, str(message), message.lineno or 1,
                                               (message.col or 0) + 1, message.message % message.message_args))

        def syntaxError(self, filename, msg, lineno, offset, text) -> None:  # noqa: N802 - pyflakes API
            collected.findings.append(_Finding("SyntaxError", f"{filename}:{lineno}:{offset or 0}: {msg}", lineno or 1,
                                               offset or 1, msg))

        def unexpectedError(self, filename, msg) -> None:  # noqa: N802 - pyflakes API
            collected.findings.append(_Finding("UnexpectedError", f"{filename}: {msg}"))

    api.check(source, "test_module.py", _Reporter(io.StringIO(), io.StringIO()))
    findings = collected.findings
    output = "\n".join(f.text for f in findings)
    return {
        "available": True,
        "issue_count": len(findings),
        "error_count": sum(1 for f in findings if f.kind in RUNTIME_ERRORS or f.kind in BROKEN),
        "output": output[:MAX_OUTPUT_CHARS],
        "findings": [f.to_dict() for f in findings],
    }
