"""Tests a person would keep: no test of Python's own TypeError for a misused argument, messages only from the
target's own `raise`, and numbers for parameters the code does arithmetic with."""

import ast
import textwrap
from pathlib import Path
from types import ModuleType, SimpleNamespace

from questmesh_harness.explore import command as explore
from questmesh_harness.explore.calls.blame import Blame, raise_lines
from questmesh_harness.explore.calls.runner import Outcome
from questmesh_harness.explore.selection.choice import Candidate, choose
from questmesh_harness.explore.selection.oracle import Oracle
from questmesh_harness.explore.inputs.hints import collect
from questmesh_harness.explore.inputs.values import pool, spec_from_use

SHADES = textwrap.dedent('''\
    LIMIT = 1.0 / 2.0


    def mix(r, g, s):
        """A channel mix: arithmetic only, no checks."""
        return 0.25 * r + 0.5 * g + s * 0.25


    def clamp(level):
        if level < 0.0:
            return 0.0
        if level > 1.0:
            return 1.0
        return level


    def scaled(amount, factor, how):
        if not isinstance(how, str):
            raise TypeError("how must be text")
        if factor > 10:
            raise ValueError(f"factor {factor} is too large")
        return amount * factor


    def first_word(text):
        return text.split()[0]
''')


def generate(tmp_path: Path, seed: int = 3) -> str:
    (tmp_path / "shades.py").write_text(SHADES)
    reply = explore.run({"project_dir": str(tmp_path), "target_file": "shades.py", "seed": seed,
                         "budget_seconds": 4})
    assert reply["verified"] is True
    return reply["test_source"]


def functions_of(source: str) -> dict[str, str]:
    tree = ast.parse(source)
    return {node.name: ast.get_source_segment(source, node) or "" for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_no_test_pins_pythons_own_type_error_for_a_misused_argument(tmp_path):
    tests = functions_of(generate(tmp_path))

    assert any("mix(" in body for body in tests.values())
    assert not any("mix(" in body and "raises" in body for body in tests.values())
    assert "can't multiply sequence" not in "".join(tests.values())
    assert "not supported between" not in "".join(tests.values())


def test_the_targets_own_raise_is_kept_with_its_message(tmp_path):
    source = generate(tmp_path)

    assert "pytest.raises(ValueError)" in source and "is too large" in source
    assert "pytest.raises(TypeError)" in source and "'how must be text'" in source


def test_a_message_python_builds_is_not_asserted(tmp_path):
    target = tmp_path / "shades.py"
    target.write_text(SHADES)
    namespace: dict = {}
    exec(compile(SHADES, str(target), "exec"), namespace)
    oracle = Oracle(ModuleType("shades"), namespace, eval, lambda call: None, lambda call: "obj",
                    lambda function, *args: (True, function(*args)), (), Blame(str(target)))
    call = SimpleNamespace(target=SimpleNamespace(kind="function"))
    observed = {}
    for name, arguments in (("first_word", ("",)), ("scaled", (1, 11, "x")), ("mix", ("a", "b", "c"))):
        try:
            namespace[name](*arguments)
        except Exception as error:
            observed[name] = oracle.observe_once(call, Outcome("raised", error=error))

    assert observed["first_word"].raises == "IndexError" and observed["first_word"].checks == []
    assert observed["scaled"].raises == "ValueError"
    assert [c.expected for c in observed["scaled"].checks] == ["'factor 11 is too large'"]
    assert observed["mix"] is None  # Python's TypeError for text where numbers go: no test at all


def test_blame_tells_the_targets_raise_from_pythons(tmp_path):
    target = tmp_path / "blamed.py"
    target.write_text("def own(x):\n    raise TypeError('mine')\n\n\ndef python(x):\n    return x + 1\n")
    namespace: dict = {}
    exec(compile(target.read_text(), str(target), "exec"), namespace)
    blame = Blame(str(target))
    errors = []
    for function, argument in (("own", 1), ("python", "a")):
        try:
            namespace[function](argument)
        except TypeError as error:
            errors.append(error)

    assert raise_lines(target.read_text()) == frozenset({2})
    assert blame.own(errors[0]) and not blame.misuse(errors[0])
    assert not blame.own(errors[1]) and blame.misuse(errors[1])


def test_parameters_used_in_arithmetic_get_numbers_before_text():
    hints = collect(ast.parse(SHADES))

    for qualname, name in (("mix", "r"), ("mix", "s"), ("clamp", "level")):
        param = hints.for_param(qualname, None, name)
        spec = spec_from_use(param)
        values = pool(spec, param, hints)
        assert spec in (("float",), ("int",)), (qualname, name)
        assert all(isinstance(ast.literal_eval(v), (int, float)) for v in values[:6] if "inf" not in v)
    clamp = hints.for_param("clamp", None, "level")
    assert clamp.unit and pool(spec_from_use(clamp), clamp, hints)[0] == "0.5"  # fractions for a [0, 1] check
    assert "0.5" in pool(("float",), hints.for_param("mix", None, "g"), hints)  # LIMIT, the module's constant
    assert spec_from_use(hints.for_param("first_word", None, "text")) is None


def test_a_test_covering_nothing_the_other_tests_of_its_target_do_not_is_dropped():
    def candidate(arcs, kills=(), target="f"):
        found = SimpleNamespace(arcs=frozenset(arcs), call=SimpleNamespace(target=SimpleNamespace(label=target)))
        return Candidate(found, None, None, set(kills))  # type: ignore[arg-type]

    wide = candidate({(1, 2), (2, 3), (3, 4)})  # picked first: the most arcs
    left = candidate({(1, 2), (2, 3), (5, 6)})
    right = candidate({(3, 4), (6, 7)}, kills={1})
    twin = candidate({(1, 2), (2, 3), (5, 6)})  # same arcs, other values: a near-duplicate of `left`

    assert choose([wide, left, right, twin], set()) == [left, right]


def test_a_test_of_another_target_is_no_duplicate_though_others_cover_what_it_is_known_to_cover():
    def candidate(arcs, target):
        found = SimpleNamespace(arcs=frozenset(arcs), call=SimpleNamespace(target=SimpleNamespace(label=target)))
        return Candidate(found, None, None, set())  # type: ignore[arg-type]

    # A whole page rendered and asserted reaches only lines the others reach, but the screen samples mutants:
    # what it alone would kill may never have been screened.
    page = candidate({(1, 2), (2, 3), (3, 4)}, "format_page")
    week = candidate({(1, 2), (2, 3), (5, 6)}, "format_week")
    day = candidate({(3, 4), (6, 7)}, "format_day")

    assert choose([page, week, day], set()) == [page, week, day]


def test_names_say_what_the_values_are_and_fall_back_to_them_only_to_tell_two_tests_apart(tmp_path):
    names = list(functions_of(generate(tmp_path)))

    assert "test_clamp_negative_level" in names and "test_clamp_positive_level" in names
    assert not any(name.endswith(("hello_world",)) or "_of_" in name for name in names)
    assert len(set(names)) == len(names)


def test_a_function_body_mutant_is_swapped_into_the_module_for_the_call_and_taken_out_again(tmp_path):
    import importlib.util
    import random

    from questmesh_harness.explore.calls.runner import Call, Runner
    from questmesh_harness.explore.calls.session import test_namespace
    from questmesh_harness.explore.calls.targets import Target
    from questmesh_harness.explore.calls.trace import Alarm
    from questmesh_harness.explore.selection.choice import MutantLab
    from questmesh_harness.explore.selection.screen import generate

    target = tmp_path / "pricing.py"
    target.write_text("RATE = 2\n\n\ndef total(amount):\n    return amount * RATE + 1\n")
    spec = importlib.util.spec_from_file_location("pricing", target)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    original = module.total.__code__
    alarm = Alarm(1.0)
    runner = Runner(module, str(target), test_namespace(module), alarm)
    oracle = Oracle(module, test_namespace(module), runner.evaluate, runner.fresh_instance, lambda call: "obj",
                    runner.guarded, (), runner.blame)
    call = Call(Target("function", "total", None, (_param("amount"),), (), 4, 5), (), (("amount", "3"),))
    expected = oracle.observe(call, [runner.perform(call)])
    mutants, _ = generate(target.read_text(), str(target), {5}, 50, random.Random(1))
    lab = MutantLab("pricing", str(target), alarm, lambda call: "obj", 10_000, reach={5: frozenset({5})},
                    module=module)
    lab.mutants = {m.id: m for m in mutants}

    with alarm:
        verdicts = {m.mutated: lab.kills(m.id, call, expected) for m in mutants}

    assert verdicts["return amount / RATE + 1"] == 1 and verdicts["return amount * RATE - 1"] == 1
    assert lab._swaps[mutants[0].id] is not None  # swapped, not a module of its own
    assert not lab._envs
    assert module.total.__code__ is original and module.total(3) == 7


def _param(name):
    from questmesh_harness.explore.calls.targets import Param

    return Param(name, "positional_or_keyword", False, None, ("1",))


def test_looking_for_caches_to_clear_does_not_import_what_a_lazy_attribute_stands_for():
    import functools
    from types import ModuleType

    from questmesh_harness.explore.selection.choice import _cache_clearers

    class Lazy:
        def __call__(self):
            return None

        def __getattr__(self, name):
            raise ImportError(f"No module named {name!r}")

    module = ModuleType("moves")
    module.lazy = Lazy()  # type: ignore[attr-defined]
    module.cached = functools.lru_cache(lambda x: x)  # type: ignore[attr-defined]

    assert _cache_clearers(module) == [module.cached.cache_clear]  # type: ignore[attr-defined]


def test_every_target_gets_its_first_call_before_any_target_gets_its_others(tmp_path):
    import importlib.util
    import random

    from questmesh_harness.explore.calls.runner import Runner
    from questmesh_harness.explore.calls.search import Limits, Search
    from questmesh_harness.explore.calls.session import ArcMap, test_namespace
    from questmesh_harness.explore.calls.targets import discover
    from questmesh_harness.explore.calls.trace import Alarm

    text = "".join(f"def f{i}(n, text):\n    return n * {i} if n > 1 else text\n\n\n" for i in range(6))
    target = tmp_path / "many.py"
    target.write_text(text)
    spec = importlib.util.spec_from_file_location("many", target)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    tree = ast.parse(text)
    order: list[str] = []
    with Alarm(1.0) as alarm:
        runner = Runner(module, str(target), test_namespace(module), alarm)
        perform = runner.perform
        runner.perform = lambda call: (order.append(call.target.label), perform(call))[1]  # type: ignore[method-assign]
        search = Search(runner, discover(module, tree, collect(tree)), ArcMap.of(text, str(target)).translate,
                        random.Random(1), Limits(2000, 10**9, 100, 10**12), [])
        search.run()

    first_repeat = next(i for i, label in enumerate(order) if label in order[:i])
    assert sorted(order[:first_repeat]) == [f"f{i}" for i in range(6)]
