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


SHAPES = textwrap.dedent('''\
    class Sequence:
        """Counts through `_items`, which only its subclasses define."""

        def total(self):
            return sum(self._items())

        def first(self):
            for item in self._items():
                return item
            return None


    class Countdown(Sequence):
        def __init__(self, start):
            self.start = start

        def _items(self):
            return list(range(self.start, 0, -1))


    def quote(text, header=False):
        return text.replace(" ", "_") if header else text


    def needs_quote(c, header):
        if c == " ":
            return header
        return False


    def options(args):
        found = []
        for arg in args:
            if arg == "--":
                break
            if arg.startswith("-"):
                found.append(arg[1:])
        return found
''')


def test_a_base_class_method_that_needs_a_subclass_is_tried_on_the_subclass_instances(tmp_path):
    source = generate(tmp_path, "shapes", SHAPES)

    assert "countdown.total()" in source and "countdown.first()" in source
    passes(tmp_path, source)


def test_a_parameter_without_hint_or_default_takes_the_kind_its_name_has_elsewhere_in_the_module():
    from questmesh_harness.explore.calls.targets import discover
    from types import ModuleType

    module = ModuleType("shapes")
    exec(compile(SHAPES, "shapes.py", "exec"), module.__dict__)
    tree = ast.parse(SHAPES)
    targets = {t.label: t for t in discover(module, tree, collect(tree))}
    header = next(p for p in targets["needs_quote"].params if p.name == "header")

    assert header.pool[:2] == ("True", "False")  # `header=False` in quote(): a flag, not an HTTP date
    assert not any("GMT" in value for value in header.pool)


def test_a_parameter_whose_items_the_code_uses_as_text_gets_lists_of_texts_first():
    from questmesh_harness.explore.inputs.values import pool, spec_from_name

    hints = collect(ast.parse(SHAPES))
    args = hints.for_param("options", None, "args")
    values = [ast.literal_eval(v) for v in pool(spec_from_name("args"), args, hints)[:4]]

    assert args.elements is not None and args.elements.values == ["--", "-"]
    assert all(isinstance(v, list) and v and all(isinstance(i, str) for i in v) for v in values)
    assert any("--" in v for v in values)  # the literals the items are compared with, in the lists
    assert any(item.startswith("-") and item != "--" for v in values for item in v)


SETTINGS = textwrap.dedent('''\
    import re

    _PAIR = re.compile(r"(?P<key>[a-z]+)\\s*=\\s*(?P<value>\\d{1,3})(?P<unit>ms|s)?$")


    def parse(text):
        found = _PAIR.match(text)
        if found is None:
            raise ValueError(f"not a setting: {text!r}")
        value = int(found.group("value"))
        return found.group("key"), value * 1000 if found.group("unit") == "s" else value
''')


def test_texts_a_pattern_of_the_module_accepts_are_built_from_the_pattern():
    from questmesh_harness.explore.inputs.regex import samples

    found = samples(re_compile(r"(?P<key>[a-z]+)\s*=\s*(?P<value>\d{1,3})(?P<unit>ms|s)?$"))

    assert found and all(re_compile(r"[a-z]+\s*=\s*\d{1,3}(ms|s)?$").match(text) for text in found)
    assert any(text.endswith("ms") for text in found) or any(text.endswith("s") for text in found)
    assert samples(b"bytes pattern") == []  # only text patterns


def test_a_parameter_matched_against_a_pattern_gets_texts_the_pattern_takes(tmp_path):
    source = generate(tmp_path, "settings", SETTINGS)

    returned = [line for line in source.splitlines() if line.strip().startswith("result = parse(")]
    assert returned, source  # a parse that got past the pattern, not only the ValueError
    passes(tmp_path, source)


def re_compile(text):
    import re

    return re.compile(text)


CLOCKED = textwrap.dedent('''\
    import datetime
    import os


    def tomorrow():
        return datetime.date.today() + datetime.timedelta(days=1)


    def next_year_same_time():
        now = datetime.datetime.now().replace(second=0, microsecond=0)
        return now.replace(year=now.year + 1)


    def config_path(name):
        return os.path.join(os.path.expanduser("~"), name + "rc")


    def fixed():
        return datetime.date(2020, 2, 29)
''')


def test_values_from_the_clock_or_the_home_folder_are_not_asserted(tmp_path):
    source = generate(tmp_path, "clocked", CLOCKED)

    assert "datetime.date(2020, 2, 29)" in source  # a fixed date is asserted
    tomorrow = (__import__("datetime").date.today() + __import__("datetime").timedelta(days=1))
    assert f"{tomorrow.year}, {tomorrow.month}, {tomorrow.day}" not in source
    assert f"{tomorrow.year + 1}, " not in source  # the same time next year shows the hour and minute
    assert __import__("os").path.expanduser("~") not in source
    passes(tmp_path, source)


FALLBACK = textwrap.dedent('''\
    try:
        from zlib import crc32
    except ImportError:
        crc32 = None


    def checksum(data):
        if crc32 is not None:
            return crc32(data)
        total = 0
        for byte in data:
            total = (total * 31 + byte) % 65521
        return total
''')


def test_code_behind_an_import_fallback_is_reached_by_setting_the_name_to_none(tmp_path):
    hints = collect(ast.parse(FALLBACK))
    source = generate(tmp_path, "sums", FALLBACK)

    assert hints.fallbacks == {"crc32"} and hints.fallback_reads["checksum"] == {"crc32"}
    assert "monkeypatch.setattr('sums.crc32', None)" in source
    assert "def test_checksum_without_crc32" in source
    passes(tmp_path, source)
    (tmp_path / "sums.py").write_text(FALLBACK)
    reply = explore.run({"project_dir": str(tmp_path), "target_file": "sums.py", "seed": 3, "budget_seconds": 5,
                         "style": "unittest"})
    assert "self.enterContext(unittest.mock.patch('sums.crc32', None))" in reply["test_source"]
    assert "import unittest.mock" in reply["test_source"] and reply["verified"] is True


def test_what_a_name_asks_for_comes_before_an_object_with_the_attributes_the_code_reads():
    from types import ModuleType

    from questmesh_harness.explore.calls.targets import discover

    text = "def view(request, field):\n    return request.META.get('HTTP_HOST'), field.name\n"
    module = ModuleType("views")
    exec(compile(text, "views.py", "exec"), module.__dict__)
    tree = ast.parse(text)
    hints = collect(tree)
    hints.framework = "django"
    params = {p.name: p for p in discover(module, tree, hints)[0].params}

    assert params["request"].pool[0].startswith("RequestFactory()")  # a real request, not a namespace
    assert "types.SimpleNamespace(META='hello world')" in params["request"].pool
    assert params["field"].pool[0] == "types.SimpleNamespace(name='hello world')"


def test_a_constructor_parameter_handed_to_a_method_of_the_class_takes_what_that_method_does_with_it():
    text = textwrap.dedent('''\
        class Reader:
            def __init__(self, fp=None, data=None):
                if fp is not None:
                    self._load(fp)
                if data is not None:
                    self._check(data)

            def _load(self, fp):
                self.text = fp.read()

            def _check(self, data):
                return data.decode()
    ''')
    hints = collect(ast.parse(text))

    assert hints.for_param("Reader.__init__", "Reader", "fp").stream == {"read"}
    assert hints.for_param("Reader.__init__", "Reader", "data").binary == 1


ITERATORS = textwrap.dedent('''\
    def evens(numbers):
        return (n for n in numbers if n % 2 == 0)


    def labelled(numbers):
        return map(lambda n: f"#{n}", numbers)
''')


def test_a_returned_iterator_is_listed_so_the_lines_making_its_items_run(tmp_path):
    source = generate(tmp_path, "iters", ITERATORS)

    assert "result = list(evens(" in source and "result = list(labelled(" in source
    assert "isinstance(result, map)" not in source
    passes(tmp_path, source)


DICE = textwrap.dedent('''\
    import random


    def roll(sides):
        if sides < 1:
            raise ValueError("a die has at least one side")
        return random.randint(1, sides)


    def shuffled(cards):
        cards = list(cards)
        random.shuffle(cards)
        return cards
''')


def test_a_call_that_draws_from_random_is_written_with_the_generator_seeded(tmp_path):
    source = generate(tmp_path, "dice", DICE)

    assert "import random" in source and "random.seed(0)" in source
    seeded = [test for test in source.split("\n\n\n") if "random.seed(0)" in test]
    assert any("roll(" in test for test in seeded) and any("shuffled(" in test for test in seeded)
    for _ in range(3):  # other processes draw other numbers unless the test seeds the generator
        passes(tmp_path, source)


DECORATORS = textwrap.dedent('''\
    def repeat(times):
        """A decorator factory: the function it returns calls its argument `times` times."""
        if times < 1:
            raise ValueError("times must be at least 1")

        def wrap(function):
            def run(*args):
                return [function(*args) for _ in range(times)]
            return run
        return wrap


    def countdown(start):
        """The numbers from `start` down to 1, lazily."""
        while start > 0:
            yield start
            start -= 1
''')


def test_a_result_of_a_built_in_type_that_builtins_does_not_name_is_checked_by_its_standard_name(tmp_path):
    source = generate(tmp_path, "wrappers", DECORATORS)

    # A function (what a decorator factory hands back) has no name in builtins; `types` names it.
    assert "isinstance(result, types.FunctionType)" in source, source
    assert "import types" in source
    passes(tmp_path, source)
