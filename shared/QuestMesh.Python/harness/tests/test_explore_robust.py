"""Explore on code it has never seen: constructs that once ended the run, targets that misbehave, and suites
that must pass wherever a user runs them (another hash seed, `python -O`, pytest's own collection)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from questmesh_harness.explore import command as explore
from questmesh_harness.explore.inputs.hints import Hints
from questmesh_harness.explore.inputs.values import _spec_from_text, spec_from_annotation, spec_from_name, typed

HARNESS_ROOT = Path(__file__).resolve().parents[1]


def write(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(textwrap.dedent(text))
    return folder


def run_pytest(folder: Path, source: str, *python_flags: str, hash_seed: str = "0") -> subprocess.CompletedProcess:
    (folder / "tests").mkdir(exist_ok=True)
    (folder / "tests" / "test_generated.py").write_text(source)
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, *python_flags, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/test_generated.py"], cwd=folder, capture_output=True, text=True, timeout=120, env=env)


def explore_in_sandbox(folder: Path, target: str, budget: float = 3) -> dict:
    """Explore as the .NET side starts it: a child process with the sandbox's fixed hash seed."""
    request = {"project_dir": str(folder), "target_file": target, "seed": 3, "budget_seconds": budget}
    env = {**os.environ, "PYTHONPATH": str(HARNESS_ROOT), "PYTHONHASHSEED": "0"}
    completed = subprocess.run([sys.executable, "-m", "questmesh_harness", "explore"], input=json.dumps(request),
                               capture_output=True, text=True, cwd=folder, env=env, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout)


def test_container_hints_without_parameters_give_values():
    hints = Hints()
    for spec in [("dict",), ("list",), ("tuple",), ("set",), ("list_tuple",), ("callable",), spec_from_name("attrs"),
                 spec_from_name("environ"), spec_from_name("_dict"), spec_from_name("options")]:
        values = typed(spec, hints)
        assert values and all(isinstance(v, str) for v in values), spec
    assert typed(("dict",), hints)[0] == "{}"
    assert _spec_from_text("Dict[str, int]") == ("dict", ("str",), ("int",))
    assert _spec_from_text("typing.List") == ("list", ("any",))
    assert _spec_from_text("Optional[Tuple[int, ...]]") == ("union", ("list_tuple", ("int",)), ("none",))
    import collections.abc
    import typing
    for annotation, kind in [(dict, "dict"), (list, "list"), (tuple, "tuple"), (typing.Callable, "callable"),
                             (collections.abc.Callable, "callable"), (typing.Dict, "dict"), (typing.List, "list"),
                             (typing.Tuple, "tuple"), (collections.abc.Mapping, "dict"), ("Dict", "dict")]:
        spec = spec_from_annotation(annotation, {})
        assert spec is not None and spec[0] == kind, annotation
        assert typed(spec, hints), annotation


BARE_HINTS = '''\
    import collections.abc
    import typing
    from typing import Callable, Dict


    def count_keys(d: dict) -> int:
        return len(d)


    def first(items: list):
        return items[0] if items else None


    def swap(pair: tuple) -> tuple:
        return tuple(reversed(pair))


    def apply(fn: Callable, value: int = 2):
        return fn(value)


    def total(m: typing.Dict) -> int:
        return sum(v for v in m.values() if isinstance(v, int))


    def lookup(table: "Dict[str, int]", key: str = "a") -> int:
        return table.get(key, -1)


    def names(mapping: collections.abc.Mapping) -> list:
        return sorted(mapping)


    def render(tag, attrs, options=None, environ=None, _dict=None):
        if not isinstance(attrs, dict):
            raise TypeError("attrs must be a dict")
        parts = [f'{k}="{v}"' for k, v in attrs.items()]
        if options and options.get("upper"):
            tag = str(tag).upper()
        return "<" + " ".join([str(tag)] + parts) + ">"
    '''


def test_bare_container_hints_and_dict_sounding_parameters_are_explored(tmp_path):
    folder = write(tmp_path, "shapes.py", BARE_HINTS)
    reply = explore.run({"project_dir": str(folder), "target_file": "shapes.py", "seed": 2, "budget_seconds": 3})
    source = reply["test_source"]

    assert reply["skipped"] == []
    for function in ("count_keys(", "first(", "swap(", "apply(", "total(", "lookup(", "names(", "render("):
        assert function in source, function
    assert reply["verified"] is True
    assert run_pytest(folder, source).returncode == 0


CLASS_PROPERTY = '''\
    class Box:
        def __init__(self, size: int = 1):
            self._size = size

        def _get_size(self):
            return self._size

        def _set_size(self, value):
            if value < 0:
                raise ValueError("negative size")
            self._size = value

        size = property(_get_size, _set_size)
        area = property(lambda self: self._size * self._size)

        def grow(self, by: int = 1) -> int:
            self.size = self._size + by
            return self._size
    '''


def test_a_class_level_property_call_is_a_property_target(tmp_path):
    folder = write(tmp_path, "box.py", CLASS_PROPERTY)
    reply = explore.run({"project_dir": str(folder), "target_file": "box.py", "seed": 2, "budget_seconds": 3})
    source = reply["test_source"]

    assert reply["skipped"] == []
    assert ".size ==" in source or ".size\n" in source
    assert ".grow(" in source
    assert run_pytest(folder, source).returncode == 0


MISBEHAVING = '''\
    """Targets that misbehave in every way a module can, beside two plain ones."""
    import warnings

    warnings.warn("this module is deprecated", DeprecationWarning)
    REGISTRY = []


    def add(a: int, b: int) -> int:
        if a > b:
            return a - b
        return a + b


    class _NoSignature:
        def __init__(self, function):
            self.function = function

        @property
        def __signature__(self):
            raise RuntimeError("no signature today")

        def __call__(self, *args, **kwargs):
            return self.function(*args, **kwargs)


    @_NoSignature
    def hidden(x):
        return x


    class Fragile:
        def __init__(self, x: int = 0):
            raise RuntimeError("never built")

        def value(self):
            return 1


    class Meter:
        def __init__(self, n: int = 0):
            self.n = n

        @property
        def broken(self):
            raise KeyError("no reading")

        @property
        def reading(self):
            return self.n * 2


    class Registering(type):
        def __call__(cls, *args, **kwargs):
            REGISTRY.append(cls.__name__)
            return super().__call__(*args, **kwargs)

        def __getattr__(cls, name):
            raise RuntimeError(f"the metaclass refuses {name}")


    class Plugin(metaclass=Registering):
        def __init__(self, name: str = "p"):
            self.name = name

        def greet(self) -> str:
            return "hi " + self.name


    class Loud:
        def __get__(self, obj, owner):
            if obj is None:
                return self
            REGISTRY.append("loud")
            raise ValueError("too loud")


    class Device:
        volume = Loud()

        def __init__(self, level: int = 1):
            self.level = level

        def louder(self) -> int:
            return self.level + 1
    '''


def test_misbehaving_targets_are_skipped_and_the_others_get_a_suite(tmp_path):
    folder = write(tmp_path, "odd.py", MISBEHAVING)
    reply = explore_in_sandbox(folder, "odd.py")
    source = reply["test_source"]

    skipped = {entry["target"]: entry for entry in reply["skipped"]}
    assert {"hidden", "Plugin"} <= set(skipped)
    for entry in skipped.values():
        assert entry["stage"] == "discover" and entry["error_type"] == "RuntimeError"
        assert entry["location"].startswith("explore/calls/targets.py:")
    assert "no signature today" in skipped["hidden"]["message"]
    assert "add(" in source and ".reading" in source and ".louder()" in source and "Fragile(" in source
    assert "hidden(" not in source and "Plugin(" not in source
    assert reply["import_error"] is None and reply["verified"] is True
    assert run_pytest(folder, source).returncode == 0


def test_a_failure_while_observing_or_writing_one_target_skips_only_that_target(tmp_path, monkeypatch):
    folder = write(tmp_path, "shapes.py", BARE_HINTS)
    real_observe, real_render = explore.observe, explore.render_test

    def observe(runner, oracle, call, *runs):
        if call.target.name == "swap":
            raise LookupError("the oracle cannot read this")
        return real_observe(runner, oracle, call, *runs)

    def render_test(case, style, taken):
        if case.call.target.name == "first":
            raise ValueError("the writer cannot spell this")
        return real_render(case, style, taken)

    monkeypatch.setattr(explore, "observe", observe)
    monkeypatch.setattr(explore, "render_test", render_test)
    reply = explore.run({"project_dir": str(folder), "target_file": "shapes.py", "seed": 2, "budget_seconds": 3})
    source = reply["test_source"]

    stages = {(e["target"], e["stage"], e["error_type"]) for e in reply["skipped"]}
    assert stages == {("swap", "observe", "LookupError"), ("first", "write", "ValueError")}
    assert all(e["location"].startswith("test_explore_robust.py:") is False for e in reply["skipped"])
    assert "swap(" not in source and "first(" not in source
    assert "count_keys(" in source and "render(" in source
    assert run_pytest(folder, source).returncode == 0


UNSTABLE = '''\
    def bucket(key: str, n: int = 8) -> int:
        return hash(key) % n


    def spread(words: list) -> list:
        return list({w for w in words})


    def checked(n: int) -> int:
        assert n >= 0, "n must not be negative"
        return n * 2


    def test(value: int) -> bool:
        return value > 3


    class TestRecord:
        def __init__(self, name: str = "r"):
            self.name = name

        def test_name(self) -> str:
            return self.name.upper()
    '''


def test_suites_pass_under_another_hash_seed_with_python_O_and_collect_no_target(tmp_path):
    folder = write(tmp_path, "unstable.py", UNSTABLE)
    reply = explore_in_sandbox(folder, "unstable.py")
    source = reply["test_source"]

    assert reply["verified"] is True and reply["tests"] > 0
    assert "from unstable import" in source and "test as _test" in source and "TestRecord as _TestRecord" in source
    assert "AssertionError" not in source  # the target's own asserts are gone under `python -O`
    for seed in ("0", "1", "2", "12345"):
        assert run_pytest(folder, source, hash_seed=seed).returncode == 0, seed
    assert run_pytest(folder, source, "-O").returncode == 0
    collected = run_pytest(folder, source)
    assert f"{reply['tests']} passed" in collected.stdout  # only the written tests ran, never the targets
