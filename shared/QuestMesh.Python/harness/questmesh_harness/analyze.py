"""`analyze`: the symbols of one Python module, read with `ast` only (the target is never imported).

Nothing here imports project code or needs the working directory on `sys.path`; only the standard
library (not even `typing`, which a project's own `typing.py` could shadow) and this package.
"""

from __future__ import annotations

import ast
import keyword

from .project import resolve_target
from .source import Segments, read_source

FRAMEWORKS = ("django", "fastapi", "flask")
MAX_LITERALS = 200
MAX_LITERAL_CHARS = 200


def run(request: dict) -> dict:
    project_dir, target = resolve_target(request)
    relative = target.relative_to(project_dir).as_posix()
    module = module_name(relative)
    problem = module_name_problem(relative)
    source = read_source(target, relative)
    if source.problem is not None:
        reply = empty_reply(module)
        reply["target_problem"] = problem or source.problem
        return reply
    reply = analyze_source(source.text or "", module)
    reply["encoding"] = source.encoding
    reply["target_problem"] = problem
    if reply["framework"] == "plain" and (project_dir / "manage.py").is_file():
        reply["framework"] = "django"
    return reply


def module_name(relative_path: str) -> str:
    """`pkg/mod.py` → `pkg.mod`; a leading `src/` (src layout) is not part of the name."""
    return ".".join(_module_parts(relative_path))


def _module_parts(relative_path: str) -> list[str]:
    parts = [part for part in relative_path.replace("\\", "/").split("/") if part not in ("", ".")]
    if len(parts) > 1 and parts[0] == "src":
        parts = parts[1:]
    parts[-1] = parts[-1].removesuffix(".py")
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return parts


def module_name_problem(relative_path: str) -> dict | None:
    """Why the file cannot be imported under the name its path gives it, or None when it can."""
    for part in _module_parts(relative_path):
        if not part.isidentifier():
            return {"kind": "module_name", "message": (
                f"'{relative_path}' cannot be imported: '{part}' is not a Python identifier, so it cannot be a "
                "module or package name (letters, digits and '_' only; no spaces, '-', '.' or ';'); rename it")}
        if keyword.iskeyword(part):
            return {"kind": "module_name", "message": (
                f"'{relative_path}' cannot be imported: '{part}' is a Python keyword, so it cannot be a module "
                "or package name; rename it")}
    return None


def empty_reply(module: str) -> dict:
    return {
        "module": module, "syntax_error": None, "target_problem": None, "encoding": None, "summary": "",
        "docstring": None, "statements": 0, "functions": [], "classes": [], "constants": [], "literals": [],
        "raises": [], "imports": [], "framework": "plain",
    }


def analyze_source(source: str, module: str) -> dict:
    reply = empty_reply(module)
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        reply["syntax_error"] = {"line": error.lineno, "message": error.msg}
        return reply
    except (RecursionError, MemoryError):
        reply["syntax_error"] = {"line": 1, "message": "the module is nested too deeply to be parsed"}
        return reply
    segments = Segments(source)
    docstring = ast.get_docstring(tree)
    reply["docstring"] = docstring
    reply["summary"] = docstring.strip().splitlines()[0] if docstring and docstring.strip() else ""
    reply["statements"] = sum(isinstance(node, ast.stmt) for node in ast.walk(tree))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            reply["functions"].append(function_info(node, segments, node.name))
        elif isinstance(node, ast.ClassDef):
            reply["classes"].append(class_info(node, segments))
    reply["constants"] = constants(tree, segments)
    reply["literals"] = literals(tree)
    reply["raises"] = raised_names(tree, segments)
    reply["imports"] = imports(tree)
    reply["framework"] = framework(reply["imports"])
    return reply


def _text(node: ast.AST | None, segments: Segments) -> str | None:
    if node is None:
        return None
    return segments.text(node) or ast.unparse(node)


def function_info(node: ast.FunctionDef | ast.AsyncFunctionDef, segments: Segments, qualname: str) -> dict:
    params = parameters(node.args, segments)
    returns = _text(node.returns, segments)
    signature = "(" + ", ".join(_param_text(p) for p in _with_markers(params)) + ")"
    if returns:
        signature += f" -> {returns}"
    return {
        "name": node.name, "qualname": qualname, "lineno": node.lineno, "end_lineno": node.end_lineno,
        "signature": signature, "params": params, "returns": returns,
        "docstring": ast.get_docstring(node),
        "decorators": [_text(d, segments) for d in node.decorator_list],
        "is_async": isinstance(node, ast.AsyncFunctionDef),
    }


def parameters(args: ast.arguments, segments: Segments) -> list[dict]:
    positional = [*args.posonlyargs, *args.args]
    # Defaults align with the last positional parameters.
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    result = []
    for index, arg in enumerate(positional):
        kind = "positional_only" if index < len(args.posonlyargs) else "positional_or_keyword"
        result.append(_param(arg, kind, defaults[index], segments))
    if args.vararg:
        result.append(_param(args.vararg, "var_positional", None, segments))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        result.append(_param(arg, "keyword_only", default, segments))
    if args.kwarg:
        result.append(_param(args.kwarg, "var_keyword", None, segments))
    return result


def _param(arg: ast.arg, kind: str, default: ast.expr | None, segments: Segments) -> dict:
    return {"name": arg.arg, "kind": kind, "annotation": _text(arg.annotation, segments),
            "default": _text(default, segments)}


def _with_markers(params: list[dict]) -> list[dict]:
    """Adds the `/` and bare `*` markers a signature needs, so the text reads like the source."""
    out: list[dict] = []
    kinds = [p["kind"] for p in params]
    for index, param in enumerate(params):
        if param["kind"] == "keyword_only" and "var_positional" not in kinds and (
                index == 0 or params[index - 1]["kind"] != "keyword_only"):
            out.append({"marker": "*"})
        out.append(param)
        if param["kind"] == "positional_only" and (index + 1 == len(params) or kinds[index + 1] != "positional_only"):
            out.append({"marker": "/"})
    return out


def _param_text(param: dict) -> str:
    if "marker" in param:
        return param["marker"]
    prefix = {"var_positional": "*", "var_keyword": "**"}.get(param["kind"], "")
    text = prefix + param["name"]
    if param["annotation"]:
        text += f": {param['annotation']}"
    if param["default"] is not None:
        text += f" = {param['default']}" if param["annotation"] else f"={param['default']}"
    return text


def class_info(node: ast.ClassDef, segments: Segments) -> dict:
    info = class_header(node, segments)
    for item in node.body:
        if not isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        method = function_info(item, segments, f"{node.name}.{item.name}")
        decorators = [d or "" for d in method["decorators"]]
        if any(d == "property" or d.endswith("cached_property") for d in decorators):
            info["properties"].append({"name": item.name, "lineno": item.lineno, "returns": method["returns"],
                                       "docstring": method["docstring"]})
            continue
        if any(d.endswith((".setter", ".getter", ".deleter")) for d in decorators):
            continue  # the other halves of a property already listed
        info["methods"].append(method)
    return info


def class_header(node: ast.ClassDef, segments: Segments) -> dict:
    return {
        "name": node.name, "qualname": node.name, "lineno": node.lineno, "end_lineno": node.end_lineno,
        "bases": [_text(b, segments) for b in node.bases], "docstring": ast.get_docstring(node),
        "decorators": [_text(d, segments) for d in node.decorator_list], "methods": [], "properties": [],
    }


def constants(tree: ast.Module, segments: Segments) -> list[dict]:
    found = []
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            try:
                literal = ast.literal_eval(value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
            found.append({"name": target.id, "value": _text(value, segments), "type": type(literal).__name__,
                          "lineno": node.lineno})
    return found


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def literals(tree: ast.Module) -> list[dict]:
    """Strings and numbers in the code (not docstrings); `compared` marks the ones a comparison uses."""
    compared: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for operand in [node.left, *node.comparators]:
                for inner in ast.walk(operand):
                    if isinstance(inner, ast.Constant):
                        compared.add(id(inner))
    skip = _docstring_nodes(tree)
    seen: dict[tuple[str, object], dict] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in skip:
            continue
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            continue
        if isinstance(value, str) and len(value) > MAX_LITERAL_CHARS:
            continue
        key = (type(value).__name__, value)
        entry = seen.get(key)
        if entry is None:
            if len(seen) >= MAX_LITERALS:
                continue
            entry = seen[key] = {"value": value, "type": type(value).__name__, "compared": False,
                                 "lineno": node.lineno}
        entry["compared"] = entry["compared"] or id(node) in compared
    return sorted(seen.values(), key=lambda e: (e["lineno"], e["type"], repr(e["value"])))


def raised_names(tree: ast.Module, segments: Segments) -> list[str]:
    names: dict[str, None] = {}  # insertion-ordered and without the cost of a list's `in`
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            text = _text(exc, segments)
            if text:
                names.setdefault(text)
    return list(names)


def imports(tree: ast.Module) -> list[dict]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append({"module": alias.name, "names": [], "lineno": node.lineno})
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found.append({"module": module, "names": [a.name for a in node.names], "lineno": node.lineno})
    return sorted(found, key=lambda entry: entry["lineno"])


def framework(found_imports: list[dict]) -> str:
    roots = {entry["module"].split(".")[0] for entry in found_imports}
    for name in FRAMEWORKS:
        if name in roots:
            return name
    return "plain"
