"""Bytes for parameters the code uses as bytes, and other kinds of value for a parameter whose every call
ended in Python's own TypeError: a module of bytes functions gets tests that call them with bytes."""

import ast
import textwrap
from pathlib import Path

from questmesh_harness.explore import command as explore
from questmesh_harness.explore.inputs.hints import collect
from questmesh_harness.explore.inputs.values import pool, spec_from_use

PACKETS = textwrap.dedent('''\
    import binascii

    MARK = b"~>"


    def checksum(data):
        """The CRC of some bytes, as hex.

        >>> checksum(b"ping")
        """
        if data == b"":
            return "empty"
        return binascii.hexlify(binascii.crc32(data).to_bytes(4, "big")).decode("ascii")


    def _as_bytes(s):
        if isinstance(s, (bytes, bytearray)):
            return bytes(s)
        return memoryview(s).tobytes()


    def framed(s):
        return b"[" + _as_bytes(s) + b"]"


    def label(payload):
        return payload.decode("ascii").upper()


    def widened(name):
        return bytearray(name) + b"!"


    def greeting(text):
        return text.strip().title()
''')


def generate(tmp_path: Path) -> str:
    (tmp_path / "packets.py").write_text(PACKETS)
    reply = explore.run({"project_dir": str(tmp_path), "target_file": "packets.py", "seed": 5,
                         "budget_seconds": 4})
    assert reply["verified"] is True
    return reply["test_source"]


def test_parameters_used_as_bytes_get_bytes_first():
    hints = collect(ast.parse(PACKETS))

    for qualname, name in (("checksum", "data"), ("_as_bytes", "s"), ("framed", "s"), ("label", "payload")):
        param = hints.for_param(qualname, None, name)
        values = pool(spec_from_use(param), param, hints)
        assert spec_from_use(param) == ("bytes",), (qualname, name)
        assert all(isinstance(ast.literal_eval(v), bytes) for v in values), (qualname, name)
    values = pool(spec_from_use(hints.for_param("checksum", None, "data")), hints.for_param("checksum", None, "data"),
                  hints)
    assert "b'~>'" in values and "b'ping'" in values  # the module's constant and its docstring example
    assert spec_from_use(hints.for_param("greeting", None, "text")) is None
    assert spec_from_use(hints.for_param("widened", None, "name")) is None  # nothing in the code says bytes


def test_bytes_functions_get_non_raising_tests_with_bytes(tmp_path):
    tree = ast.parse(generate(tmp_path))
    calls = {}
    for test in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        raising = any(isinstance(n, ast.With) for n in ast.walk(test))
        for call in (n for n in ast.walk(test) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
            args = [ast.literal_eval(a) for a in call.args if isinstance(a, ast.Constant)]
            calls.setdefault(call.func.id, []).append((args, raising))

    for name in ("checksum", "framed", "label"):
        assert any(args and isinstance(args[0], bytes) and not raising for args, raising in calls.get(name, [])), name
    # `widened` gives no static sign of bytes: its text calls all misuse it, so other kinds were tried.
    assert any(args and isinstance(args[0], bytes) and not raising for args, raising in calls.get("widened", []))
    assert not any(isinstance(args[0], str) for args, _ in calls.get("widened", []) if args)
