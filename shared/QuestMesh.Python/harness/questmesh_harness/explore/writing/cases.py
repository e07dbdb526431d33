"""Writes one kept call and its assertions as a test function, in pytest or unittest style."""

from __future__ import annotations

import ast
from dataclasses import dataclass, replace
from typing import Optional

from ..calls.runner import Call, sources, split
from ..calls.dunders import DUNDERS, render
from .names import free_name, snake
from ..selection.oracle import Check, Observation
from ..inputs.support import used_names
from ..calls.web import spell_route
from ..calls.targets import Target

LINE = 100
BIND_LONGER_THAN = 60


@dataclass
class Case:
    call: Call
    observation: Observation
    name: str
    instance: str  # the variable holding the instance, when the call needs one


def render_test(case: Case, style: str, taken: set[str]) -> str:
    """The test function (unittest: the method, indented one level) of one case."""
    indent = "    "
    tree = "tmp_path" in used_names(sources(case.call))
    fixtures = (["tmp_path"] if tree else []) + (["monkeypatch"] if case.call.patch else [])
    signature = f"def {case.name}(self):" if style == "unittest" else f"def {case.name}({', '.join(fixtures)}):"
    # The folder tree the search's paths point into, fresh for each test (pytest's tmp_path, or a
    # temporary folder the test case removes again).
    setup = ([] if not tree else ["make_files(tmp_path)"] if style == "pytest" else
             ["tmp_path = make_files(pathlib.Path(self.enterContext(tempfile.TemporaryDirectory())))"])
    # The `random` generator seeded where the call draws from it, so the test sees the same values every run.
    setup += [f"random.seed({case.call.seed})"] if case.call.seed is not None else []
    # Module names the call sets (an import fallback's None), undone when the test ends.
    setup += [f"monkeypatch.setattr({name!r}, {source})" if style == "pytest" else
              f"self.enterContext(unittest.mock.patch({name!r}, {source}))" for name, source in case.call.patch]
    lines = [signature] + [indent + line for line in setup + _body(case, style, taken)]
    text = "\n".join(lines)
    return "\n".join("    " + line if line else line for line in text.split("\n")) if style == "unittest" else text


def _body(case: Case, style: str, taken: set[str]) -> list[str]:
    call, observation = case.call, case.observation
    target = call.target
    names = set(taken) | {case.instance}
    lines: list[str] = []
    variables: dict[str, str] = {}
    for name, source in call.args:
        if name in observation.bound or len(source) > BIND_LONGER_THAN:
            variable = free_name(snake(name), names)
            names.add(variable)
            variables[name] = variable
            lines += _assign(variable, source)
    if target.needs_instance:
        made = call.make or f"{target.owner}({_arguments(target.ctor, call.ctor, {})})"
        if call.make and len(made) > BIND_LONGER_THAN:  # `text = '...'`, then `statement = pkg.parse(text)[0]`
            text = next((n for n in ast.walk(ast.parse(made, mode="eval"))
                         if isinstance(n, ast.Constant) and isinstance(n.value, str)), None)
            segment = ast.get_source_segment(made, text) if text is not None else None
            if segment:
                variable = free_name("text", names)
                names.add(variable)
                lines += _assign(variable, segment)
                made = made.replace(segment, variable, 1)
        lines += _assign(case.instance, made)
        lines += [_spell(prep_target, prep_args, case.instance, {}) for prep_target, prep_args in call.prep]
    action = _spell(target, call.args, case.instance, variables)
    if call.then:  # `function = cached(cache)`, `function = function(func)`, `function(1)`, then the last call
        lines += _assign("function", action)
        for step, rebind in call.then[:-1]:
            lines += _assign("function", f"function({', '.join(step)})") if rebind else \
                [f"function({', '.join(step)})"]
        action = f"function({', '.join(call.then[-1][0])})"
    checks = list(observation.checks)
    if observation.raises:
        manager = "pytest.raises" if style == "pytest" else "self.assertRaises"
        alias = ("excinfo" if style == "pytest" else "ctx") if any(c.kind == "message" for c in checks) else None
        lines.append(f"with {manager}({observation.raises})" + (f" as {alias}:" if alias else ":"))
        lines.append("    " + action)
    elif target.kind == "init":
        lines += _assign(case.instance, action)
    elif target.kind == "dunder" and DUNDERS[target.name].statement:
        lines.append(action)
    elif any(c.expr == "result" for c in checks):
        lines += _assign("result", action)
    else:
        lines.append(action)
    for check in checks:
        lines += _assertion(_renamed(check, variables), style)
    return lines


def _renamed(check: Check, variables: dict[str, str]) -> Check:
    """The check on an argument the test bound to a variable of another name (`input_value.getvalue()`)."""
    head, dot, rest = check.expr.partition(".")
    if head in variables and variables[head] != head:
        return replace(check, expr=variables[head] + dot + rest)
    return check


def _assign(name: str, source: str) -> list[str]:
    return _explode(f"{name} = ", source, "")


def _arguments(params: tuple, args: tuple, variables: dict[str, str]) -> str:
    return ", ".join(_argument_list(params, args, variables))


def _argument_list(params: tuple, args: tuple, variables: dict[str, str], keywords: bool = True) -> list[str]:
    sources = {name: variables.get(name, source) for name, source in args}
    positional, keyword = split(params, sources)
    kinds = {p.name: p.kind for p in params}
    parts: list[str] = []
    for name, source in positional:
        parts += _elements(source) if kinds.get(name) == "var_positional" else [source]
    parts += [f"{name}={source}" if keywords else source for name, source in keyword]
    return parts


def _elements(source: str) -> list[str]:
    """`[1, 'a']` given for *args becomes the arguments `1, 'a'`."""
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return [f"*{source}"]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [ast.get_source_segment(source, element) or ast.unparse(element) for element in node.elts]
    return [f"*{source}"]


def _spell(target: Target, args: tuple, obj: str, variables: dict[str, str]) -> str:
    """The expression that calls a target: `wrap(text, width=5)`, `cart.add('x')`, `cart[0]`, `len(cart)`."""
    arguments = _arguments(target.params, args, variables)
    if target.kind == "function":
        text = f"{target.name}({arguments})"
    elif target.kind == "init":
        text = f"{target.owner}({arguments})"
    elif target.kind in ("static", "classmethod"):
        text = f"{target.owner}.{target.name}({arguments})"
    elif target.kind == "route":
        text = spell_route(target, dict(args))
    elif target.kind == "property":
        text = f"{obj}.{target.name}"
    elif target.kind == "dunder":
        text = render(target.name, obj, _argument_list(target.params, args, variables,
                                                       keywords=target.name == "__call__"))
    else:
        text = f"{obj}.{target.name}({arguments})"
    if target.is_generator:
        return f"list({text})"
    if target.is_async:
        return f"asyncio.run({text})"
    return text


def _assertion(check: Check, style: str) -> list[str]:
    expr, expected = check.expr, check.expected
    if check.kind == "message":
        expr = "str(excinfo.value)" if style == "pytest" else "str(ctx.exception)"
    if style == "pytest":
        head, tail = {
            "eq": (f"assert {expr} == ", ""), "message": (f"assert {expr} == ", ""),
            "approx": (f"assert {expr} == pytest.approx(", ")"), "is": (f"assert {expr} is ", ""),
            "isinstance": (f"assert isinstance({expr}, ", ")"), "len": (f"assert len({expr}) == ", ""),
        }[check.kind]
    else:
        method = {"eq": "assertEqual", "message": "assertEqual", "approx": "assertAlmostEqual",
                  "isinstance": "assertIsInstance", "len": "assertEqual"}.get(check.kind)
        if check.kind == "is":
            method = "assertIsNone" if expected == "None" else "assertIs"
        subject = f"len({expr})" if check.kind == "len" else expr
        if method == "assertIsNone":
            return [f"self.assertIsNone({subject})"]
        head, tail = f"self.{method}({subject}, ", ")"
    return _explode(head, expected, tail)


def _explode(head: str, source: str, tail: str) -> list[str]:
    """One line when it fits; otherwise one element of a long list, tuple, set or dict per line."""
    if len(head) + len(source) + len(tail) <= LINE:
        return [head + source + tail]
    parts = _parts(source)
    if parts is None:
        return [head + source + tail]
    opening, items, closing = parts
    return [head + opening] + [f"    {item}," for item in items] + [closing + tail]


def _parts(source: str) -> Optional[tuple[str, list[str], str]]:
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return None
    segment = lambda n: ast.get_source_segment(source, n) or ast.unparse(n)  # noqa: E731 - local helper
    if isinstance(node, ast.List) and node.elts:
        return "[", [segment(e) for e in node.elts], "]"
    if isinstance(node, ast.Tuple) and node.elts and source.startswith("("):
        return "(", [segment(e) for e in node.elts], ")"
    if isinstance(node, ast.Set) and node.elts:
        return "{", [segment(e) for e in node.elts], "}"
    if isinstance(node, ast.Dict) and node.keys and all(k is not None for k in node.keys):
        return "{", [f"{segment(k)}: {segment(v)}" for k, v in zip(node.keys, node.values)], "}"
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        inner = _parts(segment(node.args[0]))  # frozenset({...}): open the container, not the call
        if inner is not None:
            return segment(node.func) + "(" + inner[0], inner[1], inner[2] + ")"
    if isinstance(node, ast.Call) and len(node.args) + len(node.keywords) > 1:
        items = [segment(a) for a in node.args]
        items += [f"{k.arg}={segment(k.value)}" if k.arg else f"**{segment(k.value)}" for k in node.keywords]
        return segment(node.func) + "(", items, ")"
    return None
