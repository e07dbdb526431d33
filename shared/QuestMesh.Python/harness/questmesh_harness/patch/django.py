"""Django edits: configure minimal settings at the top of the suite (the explore writer's own block) when
the code reads settings nobody configured, and mark a test `django_db` when pytest-django blocked its
database access."""

from __future__ import annotations

import ast

from ..errors import HarnessError
from ..explore.inputs.support import DJANGO_SETUP
from .imports import add_import
from .statements import function_named
from .text import indent_of, parse

SETUP_IMPORTS = "import django\nfrom django.conf import settings\n"


def _configures(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "configure"
               and isinstance(node.func.value, ast.Name) and node.func.value.id == "settings"
               for node in ast.walk(tree))


def configure_django(source: str) -> tuple[str, str]:
    tree = parse(source, "the module")
    if _configures(tree):
        raise HarnessError("the suite configures Django's settings already")
    # Above every other import: importing the code under test may read the settings already.
    anchor = 0
    for index, node in enumerate(tree.body):
        docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) \
            and isinstance(node.value.value, str)
        future = isinstance(node, ast.ImportFrom) and node.module == "__future__"
        if not (docstring or future):
            break
        anchor = node.end_lineno or node.lineno
    lines = source.splitlines(keepends=True)
    head = "".join(lines[:anchor])
    block = SETUP_IMPORTS + "\n" + DJANGO_SETUP + "\n"
    patched = head + ("\n" if head else "") + block + "".join(lines[anchor:])
    parse(patched, "the patched module")
    return patched, "Django settings configured at the top of the module (settings.configure, django.setup)"


def mark_django_db(source: str, name: str) -> tuple[str, str]:
    tree = parse(source, "the module")
    function = function_named(tree, name)
    if any("django_db" in ast.unparse(decorator) for decorator in function.decorator_list):
        raise HarnessError(f"{name} is marked django_db already")
    first = min([function.lineno, *(d.lineno for d in function.decorator_list)])
    lines = source.splitlines(keepends=True)
    indent = indent_of(source, function)
    patched = "".join(lines[:first - 1]) + f"{indent}@pytest.mark.django_db\n" + "".join(lines[first - 1:])
    patched = add_import(patched, "import pytest")
    parse(patched, "the patched module")
    return patched, f"{name} marked @pytest.mark.django_db (database access allowed)"
