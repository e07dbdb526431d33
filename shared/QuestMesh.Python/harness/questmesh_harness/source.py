"""Python source files read the way Python reads them, and node text taken from them in linear time.

Only the standard library is imported here, and no project code is ever imported: a project's
`typing.py` or `json.py` cannot change how a file is read.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import os
import re
import stat
import tokenize
from dataclasses import dataclass
from pathlib import Path

from .errors import HarnessError

MAX_SOURCE_BYTES = 16 * 1024 * 1024
# Python counts lines at \n, \r\n and \r only (not at form feeds or Unicode line separators).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class SourceFile:
    """A module's text, or why it cannot be one: `problem` is {"kind", "message"} with kind
    `not_a_file`, `too_large`, `not_text`, `encoding` or `empty`."""

    text: str | None
    encoding: str | None
    problem: dict | None


def _refused(kind: str, message: str) -> SourceFile:
    return SourceFile(None, None, {"kind": kind, "message": message})


def read_source(path: Path, shown: str) -> SourceFile:
    """Reads `path` as Python does (PEP 263 coding line, UTF-8 BOM, UTF-8 default); `shown` names it in messages."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; its type is checked before any read.
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return _refused("not_a_file", f"'{shown}' cannot be opened: {error.strerror}")
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return _refused("not_a_file", f"'{shown}' is not a regular file")
        if info.st_size > MAX_SOURCE_BYTES:
            return _refused("too_large", f"'{shown}' is {info.st_size} bytes; a module larger than "
                                         f"{MAX_SOURCE_BYTES // (1024 * 1024)} MiB is not analysed")
        data = handle.read(MAX_SOURCE_BYTES + 1)
    return decode_source(data, shown)


def read_python_text(path: Path | str) -> str:
    """The text of a module that must be readable (the steps after `analyze` accepted it)."""
    source = read_source(Path(path), str(path))
    if source.problem is not None:
        raise HarnessError(source.problem["message"])
    return source.text or ""


def decode_source(data: bytes, shown: str) -> SourceFile:
    nul = data.find(b"\0")
    if nul >= 0:
        return _refused("not_text", f"'{shown}' is not Python source text: it contains a NUL byte (at byte {nul})")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        return _refused("encoding", f"'{shown}' {_encoding_detail(error.msg)}")
    try:
        text = importlib.util.decode_source(data)
    except (UnicodeDecodeError, LookupError, SyntaxError) as error:
        return _refused("encoding", f"'{shown}' is not valid {encoding} text ({_decode_detail(error)}); "
                                    "a file in another encoding needs a '# -*- coding: <name> -*-' line")
    if not text.strip():
        return _refused("empty", f"'{shown}' is empty: there is nothing to test")
    return SourceFile(text, encoding, None)


def _encoding_detail(message: str) -> str:
    if message.startswith("invalid or missing encoding declaration"):
        return "is not UTF-8 text and has no '# -*- coding: <name> -*-' line that names its encoding"
    if message.startswith("encoding problem"):
        return "starts with a UTF-8 byte order mark but its coding line names another encoding"
    return f"has an encoding problem: {message}"


def _decode_detail(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"byte 0x{error.object[error.start]:02x} at offset {error.start} cannot be decoded"
    return str(error)


class Segments:
    """`ast.get_source_segment` without its cost: the standard one splits the whole source into lines
    on every call, which makes reading every node of a module quadratic. The lines are split once
    here, and each line is encoded once (node columns are UTF-8 byte offsets)."""

    def __init__(self, source: str) -> None:
        self._lines = split_lines(source)
        self._encoded: dict[int, bytes] = {}

    def text(self, node: ast.AST) -> str | None:
        """The source text of `node`, or None when the node has no position."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[operator]
            start, end = node.col_offset, node.end_col_offset
        except AttributeError:
            return None
        if last is None or end is None or not 0 <= first <= last < len(self._lines):
            return None
        if first == last:
            return self._line(first)[start:end].decode("utf-8", "replace")
        head = self._line(first)[start:].decode("utf-8", "replace")
        tail = self._line(last)[:end].decode("utf-8", "replace")
        return "".join([head, *self._lines[first + 1:last], tail])

    def _line(self, index: int) -> bytes:
        line = self._encoded.get(index)
        if line is None:
            line = self._encoded[index] = self._lines[index].encode("utf-8")
        return line


def split_lines(source: str) -> list[str]:
    """The lines of `source` with their endings, counted the way the compiler counts them."""
    return _LINE.findall(source)
