"""Values shaped like what the code does with them: file objects for parameters it reads or writes, objects
with the attributes it reads, the names it compares with, classes for `isinstance` arguments; and the
instances the module's own functions return, whose methods get tests too."""

import ast
import io
import subprocess
import sys
import textwrap
from pathlib import Path

from questmesh_harness.explore import command as explore
from questmesh_harness.explore.calls.blame import Blame
from questmesh_harness.explore.inputs.hints import collect

CODEC = textwrap.dedent('''\
    ESCAPE = b"="
    MAXLINE = 20


    def encode(input, output):
        """Copies lines from one binary file to another, escaping `=` and folding long lines."""
        while True:
            line = input.readline()
            if not line:
                break
            line = line.replace(ESCAPE, b"=3D")
            while len(line) > MAXLINE:
                output.write(line[:MAXLINE - 1] + b"=\\n")
                line = line[MAXLINE - 1:]
            output.write(line)


    def report(lines, out):
        for line in lines:
            print(line.strip(), file=out)
''')

VALIDATORS = textwrap.dedent('''\
    YEARLY, MONTHLY, DAILY = range(3)


    class _Below:
        def __init__(self, bound):
            self.bound = bound

        def __call__(self, field, value):
            if not value < self.bound:
                raise ValueError(f"{field.name} must be below {self.bound}")
            return value

        def __repr__(self):
            return f"<below {self.bound}>"


    def below(bound):
        """A validator: `below(5)(field, 3)` passes, `below(5)(field, 7)` raises."""
        return _Below(bound)


    def step(freq):
        if freq == YEARLY:
            return "year"
        if freq == MONTHLY:
            return "month"
        return "day"


    def check_kind(value, kind):
        return isinstance(value, kind)
''')


def generate(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / f"{name}.py").write_text(text)
    reply = explore.run({"project_dir": str(tmp_path), "target_file": f"{name}.py", "seed": 3, "budget_seconds": 5})
    assert reply["verified"] is True, reply["dropped_tests"]
    return reply["test_source"]


def passes(tmp_path: Path, source: str) -> None:
    (tmp_path / "test_written.py").write_text(source)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_written.py"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]


def test_parameters_read_or_written_as_files_get_file_objects_and_the_test_asserts_what_was_written(tmp_path):
    hints = collect(ast.parse(CODEC))
    source = generate(tmp_path, "codec", CODEC)

    assert hints.for_param("encode", None, "input").stream == {"read"}
    assert hints.for_param("encode", None, "output").stream == {"write"}
    assert hints.for_param("report", None, "out").stream == {"write"}
    assert hints.for_param("encode", None, "output").binary_stream  # its function works with bytes
    assert "io.BytesIO(" in source and "output.getvalue() == b'" in source
    # a line longer than the module's limit is folded: the written output shows the soft break
    assert "=\\n" in source
    passes(tmp_path, source)


def test_instances_the_module_returns_get_their_methods_called(tmp_path):
    source = generate(tmp_path, "checks", VALIDATORS)

    assert "below_value = below(" in source  # the private class's instance, built by its own factory
    assert "repr(below_value)" in source
    calls = [line for line in source.splitlines() if "below_value(" in line]
    assert calls, source
    passes(tmp_path, source)


def test_an_argument_whose_attributes_the_code_reads_is_an_object_with_them(tmp_path):
    hints = collect(ast.parse(VALIDATORS))
    source = generate(tmp_path, "checks", VALIDATORS)

    assert hints.for_param("_Below.__call__", "_Below", "field").attributes == ["name"]
    assert "types.SimpleNamespace(name=" in source and "import types" in source


def test_names_the_code_compares_with_and_classes_for_isinstance_are_tried(tmp_path):
    hints = collect(ast.parse(VALIDATORS))
    source = generate(tmp_path, "checks", VALIDATORS)

    assert hints.for_param("step", None, "freq").sources == ["YEARLY", "MONTHLY"]
    assert "step(YEARLY)" in source and "step(MONTHLY)" in source
    assert "type" in hints.for_param("check_kind", None, "kind").types
    assert any(f"check_kind('hello world', {kind})" in source for kind in ("int", "str", "(int, str)"))


def test_an_error_raised_while_a_raise_builds_its_message_is_not_the_targets_own(tmp_path):
    target = tmp_path / "owner.py"
    target.write_text("def check(field, value):\n"
                      "    if value < 0:\n"
                      "        raise ValueError(f'{field.name} is negative')\n"
                      "    return value\n")
    namespace: dict = {}
    exec(compile(target.read_text(), str(target), "exec"), namespace)
    errors = []
    for field in (type("F", (), {"name": "x"})(), "no name"):
        try:
            namespace["check"](field, -1)
        except (ValueError, AttributeError) as error:
            errors.append(error)
    blame = Blame(str(target))

    assert isinstance(errors[0], ValueError) and blame.own(errors[0])
    assert isinstance(errors[1], AttributeError) and not blame.own(errors[1]) and blame.misuse(errors[1])


def test_file_objects_are_varied_inside_their_contents():
    import random

    from questmesh_harness.explore.inputs.variation import mutate_inside

    rng = random.Random(7)
    changed = {mutate_inside("io.BytesIO(b'hello world\\n')", rng, []) for _ in range(20)}

    assert None not in changed and len(changed) > 5
    assert all(isinstance(eval(source, {"io": io}), io.BytesIO) for source in changed)
    assert mutate_inside("some_name", rng, []) is None
