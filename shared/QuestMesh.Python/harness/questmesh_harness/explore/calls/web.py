"""Web routes as call targets: a Flask app's rules through its test client, a FastAPI app's routes through
Starlette's TestClient. A route is called by the expression the written test uses
(`app.test_client().get('/items/1')`), so the search runs exactly what the test will."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from .targets import Param, Target

SAMPLES = {"int": ["1", "0", "42"], "float": ["1.5", "0.0"], "path": ["a/b.txt", "a"], "uuid":
           ["12345678-1234-5678-1234-567812345678"], "": ["a", "hello", "0"]}
BODIES = ["{'name': 'a', 'value': 1}", "{}", "{'name': '', 'value': -1}", "[]", "{'id': 1, 'items': [1, 2]}"]
PLACEHOLDER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>|\{(\w+)(?::(\w+))?\}")


def apps(module: ModuleType) -> list[tuple[str, str, Any]]:
    """(name, kind, app) for the module's own Flask and FastAPI applications."""
    found = []
    for name, value in vars(module).items():
        kind = type(value).__module__.split(".")[0]
        if name.startswith("_") or kind not in ("flask", "fastapi"):
            continue
        if kind == "flask" and hasattr(value, "url_map") or kind == "fastapi" and hasattr(value, "routes"):
            found.append((name, kind, value))
    return found


def route_targets(module: ModuleType) -> list[Target]:
    targets: list[Target] = []
    for name, kind, app in apps(module):
        for path, methods, endpoint in _routes(kind, app):
            code = getattr(endpoint, "__code__", None)
            line = code.co_firstlineno if code else 0
            params = (Param("path", "positional_or_keyword", False, None, tuple(_paths(path))),
                      Param("method", "positional_or_keyword", False, None, tuple(repr(m) for m in methods)),
                      Param("json", "keyword_only", True, "None", tuple(BODIES)))
            targets.append(Target("route", path, name, params, (), line, line, client=kind))
    return targets


def _routes(kind: str, app: Any) -> list[tuple[str, list[str], Any]]:
    found = []
    if kind == "flask":
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if rule.endpoint != "static":
                methods = sorted(set(rule.methods or ()) - {"HEAD", "OPTIONS"}) or ["GET"]
                found.append((rule.rule, methods, app.view_functions.get(rule.endpoint)))
    else:
        for route in app.routes:
            methods = sorted(set(getattr(route, "methods", None) or ()) - {"HEAD", "OPTIONS"})
            if methods and type(route).__name__ == "APIRoute":
                found.append((route.path, methods, getattr(route, "endpoint", None)))
    return found


def _paths(rule: str) -> list[str]:
    """Concrete URLs for a rule: each placeholder filled with a few values of its converter's type."""
    variants = []
    for index in range(3):
        def fill(match: re.Match) -> str:
            converter = match.group(1) or match.group(4) or ""
            values = SAMPLES.get(converter, SAMPLES[""])
            return values[index % len(values)]
        variants.append(repr(PLACEHOLDER.sub(fill, rule)))
    variants.append(repr(rule.rstrip("/") + "/missing"))
    return list(dict.fromkeys(variants))


def spell_route(target: Target, args: dict[str, str]) -> str:
    """`app.test_client().post('/items', json={...})`, or `TestClient(app).get('/items/1')`."""
    path, method, body = args.get("path", "'/'"), args.get("method", "'GET'"), args.get("json")
    verb = method.strip("'\"").lower()
    kind = target.client
    client = f"{target.owner}.test_client()" if kind == "flask" else f"TestClient({target.owner})"
    if body is None or body == "None":
        return f"{client}.{verb}({path})"
    if kind == "flask" or verb in ("post", "put", "patch"):
        return f"{client}.{verb}({path}, json={body})"
    return f"{client}.request({method}, {path}, json={body})"


def flask_views(module: ModuleType) -> set[str]:
    """Names of the module's Flask view functions: called directly they only raise "Working outside of
    request context", so the routes are their tests."""
    views = {id(view) for _, kind, app in apps(module) if kind == "flask" for view in app.view_functions.values()}
    return {name for name, value in vars(module).items() if id(value) in views}
