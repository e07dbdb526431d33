"""Carry one test function or class from another version of the module into this one: how the fixer
makes an edit planned on the suite as it last ran, and how it rolls an edit back. The other version's
module-level imports that this one lacks come along (an edit may have added `import pytest`)."""

from __future__ import annotations

import ast

from ..errors import HarnessError
from .definitions import find, patch_source
from .imports import add_import
from .text import parse

Import = (ast.Import, ast.ImportFrom)


def transplant(source: str, name: str, donor: str) -> tuple[str, str]:
    donor_tree = parse(donor, "from_source")
    donor_lines = donor.splitlines(keepends=True)
    span = find(donor_tree, donor_lines, name)
    if span is None:
        raise HarnessError(f"no function or class named {name} in from_source")
    code = "".join(donor_lines[span.start:span.end])
    present = find(parse(source, "the module"), source.splitlines(keepends=True), name) is not None
    patched = patch_source(source, "replace" if present else "insert", name, code)
    added = []
    for node in donor_tree.body:
        if isinstance(node, Import):
            statement = ast.get_source_segment(donor, node) or ast.unparse(node)
            before = patched
            patched = add_import(patched, statement)
            if patched != before:
                added.append(statement)
    parse(patched, "the patched module")
    detail = f"{name} {'replaced' if present else 'inserted'}"
    return patched, detail + (f" with {', '.join(f'`{line}`' for line in added)}" if added else "")
