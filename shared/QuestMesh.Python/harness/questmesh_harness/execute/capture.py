"""File-descriptor level capture of the code under test's output.

cli.py already points ``sys.stdout`` at stderr, but code under test can still write to fd 1
directly (``os.write(1, ...)``, a subprocess, a C extension) and corrupt the one JSON reply. So
while tests run, fds 1 and 2 point at temporary files; afterwards they are restored and the text
is read back, capped so a chatty test cannot blow up the reply.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass, field
from typing import IO, Iterator

CAP_CHARS = 20_000
_HEAD_CHARS = 4_000


@dataclass
class Captured:
    """Text written to fd 1 and fd 2 while the capture was active (filled in on exit)."""

    stdout: str = ""
    stderr: str = ""
    _files: dict[int, IO[bytes]] = field(default_factory=dict, repr=False)


def cap_text(text: str, limit: int = CAP_CHARS) -> str:
    """Keep the head (the start of the run) and the tail (pytest's summary) of long output."""
    if len(text) <= limit:
        return text
    head = min(_HEAD_CHARS, limit // 4)
    marker = f"\n... [{len(text) - limit} characters cut] ...\n"
    tail = limit - head - len(marker)
    return text[:head] + marker + text[-tail:]


def _read_capped(handle: IO[bytes], limit: int) -> str:
    size = handle.seek(0, os.SEEK_END)
    budget = limit * 4  # bytes; UTF-8 needs at most 4 per character
    handle.seek(0)
    if size <= budget:
        data = handle.read()
    else:
        head = handle.read(budget // 2)
        handle.seek(size - budget // 2)
        data = head + b"\n...\n" + handle.read()
    return cap_text(data.decode("utf-8", errors="replace"), limit)


def _flush_all() -> None:
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()


@contextlib.contextmanager
def capture_fds(capture: bool = True) -> Iterator[Captured]:
    """Redirect fds 1 and 2 for the duration of the block.

    With ``capture`` the output lands in temporary files and ``sys.stdout`` writes to fd 1 (so
    pytest's report reads as stdout). Without it, fd 1 is only pointed at fd 2: the reply is safe
    and the output stays visible on stderr for whoever started the harness.
    """
    result = Captured()
    _flush_all()
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    old_stdout = sys.stdout
    try:
        if capture:
            for fd in (1, 2):
                handle = tempfile.TemporaryFile()
                result._files[fd] = handle
                os.dup2(handle.fileno(), fd)
            sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)
        else:
            os.dup2(2, 1)
        yield result
    finally:
        _flush_all()
        if sys.stdout is not old_stdout:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
            sys.stdout = old_stdout
        for fd, copy in saved.items():
            os.dup2(copy, fd)
            os.close(copy)
        for fd, handle in result._files.items():
            text = _read_capped(handle, CAP_CHARS)
            handle.close()
            if fd == 1:
                result.stdout = text
            else:
                result.stderr = text
        result._files.clear()
