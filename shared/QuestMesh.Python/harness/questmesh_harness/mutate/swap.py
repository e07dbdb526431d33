"""Putting one mutant into the already-imported target module, inside a forked child.

Most mutants sit in function bodies. For those only the changed statement is recompiled, and the
new code objects are assigned to the ``__code__`` of every live function that carries the old
ones. Every reference (``from mod import f``, bound methods, decorators' wrapped functions,
closures made at import) sees the change, and nothing runs at import again. Mutants in code that
runs at import, and the rare function mutant whose code cannot be swapped (its closure would
change), re-run the module's statements through reconcile.py.
"""

from __future__ import annotations

import __future__
import ast
import gc
import inspect
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import CodeType, FunctionType, ModuleType
from typing import Callable, Optional

from .mutants import ParsedModule
from .model import FUNCTION_SCOPE, Mutant
from .reconcile import reexecute


class MutantDoesNotCompile(Exception):
    """The mutated tree is not valid Python (reported as status ``error``)."""


class MutantBreaksImport(Exception):
    """Re-running the module with the mutant raised: a fresh import would fail (``killed``)."""


def _future_flags(tree: ast.Module) -> int:
    flags = 0
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                feature = getattr(__future__, alias.name, None)
                flags |= getattr(feature, "compiler_flag", 0)
    return flags


def find_live_module(path: str) -> Optional[ModuleType]:
    real = os.path.realpath(path)
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and os.path.realpath(file) == real:
            return module
    return None


@dataclass
class LiveModule:
    """The imported target and what a child needs to swap a mutant into it."""

    module: ModuleType
    parsed: ParsedModule
    belongs_to_project: Callable[[Optional[str]], bool]
    flags: int = 0
    imports: list[ast.stmt] = field(default_factory=list)
    statement_codes: list[CodeType] = field(default_factory=list)
    statement_index: list[dict[tuple[str, int, int], CodeType]] = field(default_factory=list)
    functions: dict[CodeType, list[FunctionType]] = field(default_factory=dict)
    project_modules: list[ModuleType] = field(default_factory=list)  # the tests, mostly

    @property
    def filename(self) -> str:
        return self.module.__file__ or "<target>"

    def prepare(self) -> "LiveModule":
        """Compile each module-level statement once and find every live function of the file.

        Runs in the parent after the baseline, so closures made while tests ran are found too and
        the children share all of it through fork.
        """
        self.flags = _future_flags(self.parsed.tree)
        self.imports = _module_imports(self.parsed.tree)
        self.statement_codes = [self.compile_statement(s) for s in self.parsed.tree.body]
        self.statement_index = [_index_codes(self._compile_for_swap(s)) for s in self.parsed.tree.body]
        functions: dict[CodeType, list[FunctionType]] = defaultdict(list)
        filename = self.filename
        for obj in gc.get_objects():
            if type(obj) is FunctionType and obj.__code__.co_filename == filename:
                functions[obj.__code__].append(obj)
        self.functions = dict(functions)
        self.project_modules = [m for m in list(sys.modules.values()) if m is not self.module
                                and self.belongs_to_project(getattr(m, "__file__", None))]
        return self

    def compile_statement(self, statement: ast.stmt) -> CodeType:
        module = ast.Module(body=[statement], type_ignores=[])
        return compile(module, self.filename, "exec", flags=self.flags, dont_inherit=True)

    def _compile_for_swap(self, statement: ast.stmt) -> CodeType:
        """Compiled as it is inside the whole module, never to be run: the module's imports
        change the bytecode (3.11 uses LOAD_ATTR, not LOAD_METHOD, on an imported name), and
        the new code must match what the import made wherever the mutant did not change it."""
        module = ast.Module(body=[statement, *self.imports], type_ignores=[])
        try:
            return compile(module, self.filename, "exec", flags=self.flags, dont_inherit=True)
        except (SyntaxError, ValueError, TypeError) as error:
            raise MutantDoesNotCompile(f"{type(error).__name__}: {error}") from error

    def swap_in(self, mutant: Mutant, rerun_module: bool) -> str:
        """Apply ``mutant`` to this process's module; returns how ("code" or "reexec")."""
        mutant.apply()
        top = mutant.top_index
        if mutant.scope == FUNCTION_SCOPE and not rerun_module:
            # Only the enclosing function, inside empty shells of its classes (same qualified
            # names, same name mangling, same __class__ cell): much cheaper than the statement.
            unit = _class_shells(mutant.unit) if mutant.unit else self.parsed.tree.body[top]
            if self._swap_codes(top, unit):
                return "code"
        # Import-time code, or a function whose code cannot be swapped: run the module again.
        codes = list(self.statement_codes)
        codes[top] = self._compile(self.parsed.tree.body[top])
        try:
            reexecute(self.module, codes, self.project_modules)
        except Exception as error:
            raise MutantBreaksImport(f"{type(error).__name__}: {error}") from error
        return "reexec"

    def code_changes(self, mutant: Mutant) -> Optional[list[tuple[FunctionType, CodeType]]]:
        """A function-body mutant as (live function, the code it runs with the mutant) pairs, the tree changed
        only while they are compiled: explore swaps them in around one call and back, in its own process.
        None for import-time code, a function that is not alive, or a closure the change would alter."""
        if mutant.scope != FUNCTION_SCOPE:
            return None
        with mutant.applied():
            unit = _class_shells(mutant.unit) if mutant.unit else self.parsed.tree.body[mutant.top_index]
            try:
                changed = self._changed_functions(mutant.top_index, self._compile_for_swap(unit))
            except MutantDoesNotCompile:
                return None
        if not changed or any(old.co_freevars != new.co_freevars for old, new in changed):
            return None
        return [(function, new) for old, new in changed for function in self.functions.get(old, ())]

    def _compile(self, statement: ast.stmt) -> CodeType:
        try:
            return self.compile_statement(statement)
        except (SyntaxError, ValueError, TypeError) as error:
            raise MutantDoesNotCompile(f"{type(error).__name__}: {error}") from error

    def _swap_codes(self, top: int, unit: ast.stmt) -> bool:
        """Assign the mutated code objects to the live functions; False when that cannot be
        done faithfully (the outermost function is not alive, or its closure would differ)."""
        for attempt in range(2):
            changed = self._changed_functions(top, self._compile_for_swap(unit))
            if changed is None:
                return False
            lost = {old: set(old.co_freevars) - set(new.co_freevars) for old, new in changed
                    if old.co_freevars != new.co_freevars}
            if not lost:
                for old, new in changed:
                    for function in self.functions.get(old, ()):
                        function.__code__ = new
                return True
            if attempt or not _keep_free_variables(unit, lost):
                return False
        return False

    def _changed_functions(self, top: int, new_code: CodeType
                           ) -> Optional[list[tuple[CodeType, CodeType]]]:
        """(old, new) function code pairs that differ, outermost first."""
        old_index, new_index = self.statement_index[top], _index_codes(new_code)
        changed = [(old_index[key], new) for key, new in new_index.items()
                   if key in old_index and new.co_flags & inspect.CO_OPTIMIZED
                   and old_index[key] != new]
        if changed and not self.functions.get(changed[0][0]):
            return None
        return changed

    def clear_caches(self) -> None:
        """Empty functools caches the baseline filled, as a fresh import would have them."""
        owners = [self.module] + [v for v in vars(self.module).values() if isinstance(v, type)]
        for owner in owners:
            for value in list(vars(owner).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    try:
                        clear()
                    except Exception:
                        pass


def _class_shells(unit: tuple[ast.AST, ...]) -> ast.stmt:
    node = unit[-1]
    for outer in reversed(unit[:-1]):
        name = getattr(outer, "name")
        shell = ast.ClassDef(name=name, bases=[], keywords=[], body=[node], decorator_list=[])
        node = ast.copy_location(shell, outer)
    return node  # type: ignore[return-value]


def _module_imports(tree: ast.Module) -> list[ast.stmt]:
    """Import statements of the module scope (also inside module-level if/try blocks)."""
    found: list[ast.stmt] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom)
                                            and node.module != "__future__"):
            found.append(node)
        elif isinstance(node, ast.stmt):
            pending.extend(ast.iter_child_nodes(node))
    return found


def _keep_free_variables(unit: ast.stmt, lost: dict[CodeType, set[str]]) -> bool:
    """Keep the names a mutant removed (say ``return super().f()`` -> ``return None``) free
    variables of the function, with a dead ``if False: (name, ...)`` the compiler drops: the
    live function's closure cells then still fit the new code."""
    patched = 0
    for node in ast.walk(unit):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        for old, names in lost.items():
            if old.co_name == node.name and old.co_firstlineno == first:
                load = [ast.Name(id=name, ctx=ast.Load()) for name in sorted(names)]
                keep = ast.If(test=ast.Constant(value=False),
                              body=[ast.Expr(value=ast.Tuple(elts=load, ctx=ast.Load()))],
                              orelse=[])
                node.body.append(ast.fix_missing_locations(ast.copy_location(keep, node.body[-1])))
                patched += 1
    return patched == len(lost)


def _index_codes(code: CodeType) -> dict[tuple[str, int, int], CodeType]:
    """Nested code objects by (qualified name, first line, occurrence), outermost first."""
    seen: Counter = Counter()
    index: dict[tuple[str, int, int], CodeType] = {}
    stack = [code]
    while stack:
        current = stack.pop()
        key = (current.co_qualname, current.co_firstlineno)
        index[(*key, seen[key])] = current
        seen[key] += 1
        stack.extend(reversed([c for c in current.co_consts if isinstance(c, CodeType)]))
    return index
