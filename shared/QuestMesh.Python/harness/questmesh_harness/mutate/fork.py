"""Run jobs in forked children of this (warm) process, a few at a time, each with a deadline.

A child reports over a pipe, one short line per event (``T <i>`` when it starts step i); the
parent never trusts a child to end on its own: at the deadline the child's whole process group
is killed. Children that look hung stop counting against ``workers`` (see watch.py).
"""

from __future__ import annotations

import gc
import os
import resource
import selectors
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional

from .watch import NICENESS, Watch, renice
from .workdir import WorkDirs

MAX_SUSPECTS = 8   # suspects only wait for their deadline; they hold little but memory
CHILD_MEMORY_BYTES = 512 << 20  # with MAX_SUSPECTS: at worst ~5 GiB in all children


@dataclass(frozen=True)
class Job:
    id: int
    timeout: float
    payload: object = None
    steps: Mapping[int, float] = field(default_factory=dict)  # step -> expected seconds


@dataclass
class ChildResult:
    lines: list[str]
    timed_out: bool
    exit_status: int
    duration: float


class Channel:
    """The child's end of its pipe."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def send(self, line: str) -> None:
        os.write(self.fd, (line.replace("\n", " ") + "\n").encode("utf-8", errors="replace"))


@dataclass
class _Running:
    job: Job
    pid: int
    fd: int
    started: float
    deadline: float
    watch: Watch
    buffer: bytearray = field(default_factory=bytearray)
    workdir: Optional[Path] = None
    scanned: int = 0  # bytes of ``buffer`` already read for progress lines
    eof: bool = False

    def take_progress(self, now: float) -> None:
        end = self.buffer.rfind(b"\n") + 1
        if end <= self.scanned:
            return
        for line in bytes(self.buffer[self.scanned:end]).split(b"\n"):
            if line.startswith(b"T ") and self.watch.progressed(int(line[2:]), now):
                renice(self.pid, 0)
        self.scanned = end


def _child(job: Job, write_fd: int, body: Callable[[Job, Channel], None],
           workdir: Optional[Path]) -> None:
    """Never returns: the child must not run the parent's cleanup (pytest's, atexit's)."""
    status = 0
    try:
        os.setpgid(0, 0)
        if workdir is not None:
            os.chdir(workdir)
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _limit_memory()
        gc.enable()
        body(job, Channel(write_fd))
    except BaseException as error:  # anything escaping the body is a crash of the child
        try:
            Channel(write_fd).send(f"C {type(error).__name__}: {error}")
        except BaseException:
            pass
        status = 70
    finally:
        os._exit(status)


class ForkRunner:
    def __init__(self, workers: int, body: Callable[[Job, Channel], None],
                 workdirs: Optional[WorkDirs] = None) -> None:
        self.workers = max(1, workers)
        self.body = body
        self.workdirs = workdirs
        self.results: dict[int, ChildResult] = {}
        self._selector = selectors.DefaultSelector()
        self._running: dict[int, _Running] = {}
        self._killed: list[int] = []  # killed children not yet reaped

    def run(self, jobs: Iterable[Job],
            on_result: Optional[Callable[[Job, ChildResult], None]] = None,
            prepare: Optional[Callable[[Job], Job]] = None) -> dict[int, ChildResult]:
        """Run every job; ``prepare`` may rewrite a job just before it starts (with what the
        finished ones, reported through ``on_result``, taught)."""
        pending = deque(jobs)
        gc.collect()
        gc.freeze()  # keep the children's copy-on-write pages untouched by the collector
        try:
            while pending or self._running:
                while pending and self._may_start():
                    job = prepare(pending[0]) if prepare is not None else pending[0]
                    if not self._start(job):
                        break  # out of processes or memory: wait for a child to end
                    pending.popleft()
                self._wait(on_result)
        finally:
            for running in list(self._running.values()):
                self._kill(running)
            for pid in self._killed:
                _reap(pid, block=True)
            gc.unfreeze()
            self._selector.close()
        return self.results

    def _may_start(self) -> bool:
        active = sum(1 for r in self._running.values() if not r.watch.suspect)
        return active < self.workers and len(self._running) < self.workers + MAX_SUSPECTS

    def _start(self, job: Job) -> bool:
        """Fork a child for ``job``; False when the system refuses a process and others are
        still running (the sandbox's process limit, say), so the job waits for one to end."""
        read_fd, write_fd = os.pipe()
        workdir = self.workdirs.acquire() if self.workdirs is not None else None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            if workdir is not None and self.workdirs is not None:
                self.workdirs.release(workdir)
            if not self._running:
                raise
            return False
        if pid == 0:
            os.close(read_fd)
            _child(job, write_fd, self.body, workdir)
        os.close(write_fd)
        try:
            os.setpgid(pid, pid)  # also done by the child: whichever runs first wins the race
        except OSError:
            pass
        now = time.monotonic()
        running = _Running(job, pid, read_fd, now, now + job.timeout,
                           Watch(now, job.timeout, job.steps), workdir=workdir)
        self._running[read_fd] = running
        self._selector.register(read_fd, selectors.EVENT_READ)
        return True

    def _wait(self, on_result: Optional[Callable[[Job, ChildResult], None]]) -> None:
        now = time.monotonic()
        wake = min(r.deadline if r.watch.suspect else min(r.deadline, r.watch.suspect_at)
                   for r in self._running.values())
        exiting = any(r.eof for r in self._running.values())
        timeout = max(0.0, wake - now)
        if exiting:
            timeout = min(timeout, 0.002)
        for key, _ in self._selector.select(timeout):
            running = self._running[key.fd]
            chunk = os.read(key.fd, 65536)
            if chunk:
                running.buffer.extend(chunk)
                running.take_progress(time.monotonic())
            else:
                running.eof = True
                self._selector.unregister(key.fd)
        self._killed = [pid for pid in self._killed if not _reap(pid, block=False)]
        now = time.monotonic()
        for running in list(self._running.values()):
            status = None
            if running.eof:
                pid, status = os.waitpid(running.pid, os.WNOHANG)
                if pid == 0:
                    status = None
            if status is not None:
                self._finish(running, False, os.waitstatus_to_exitcode(status), on_result)
            elif now >= running.deadline:
                self._kill(running)
                self._finish(running, True, -signal.SIGKILL, on_result)
            elif running.watch.check(now):
                renice(running.pid, NICENESS)

    def _kill(self, running: _Running) -> None:
        """Kill without waiting: a reniced child may need a while to get the CPU to exit, and the
        parent must keep scheduling meanwhile; it is reaped later."""
        if running.watch.suspect:
            renice(running.pid, 0)  # exiting takes CPU too
        for kill in (os.killpg, os.kill):
            try:
                kill(running.pid, signal.SIGKILL)
                break
            except (ProcessLookupError, PermissionError):
                continue
        self._killed.append(running.pid)
        if not running.eof:
            try:
                self._selector.unregister(running.fd)
            except (KeyError, ValueError):
                pass
            running.buffer.extend(_drain(running.fd))
        self._forget(running)

    def _forget(self, running: _Running) -> None:
        self._running.pop(running.fd, None)
        os.close(running.fd)
        if running.workdir is not None and self.workdirs is not None:
            self.workdirs.release(running.workdir)  # a killed child can no longer write there

    def _finish(self, running: _Running, timed_out: bool, exit_status: int,
                on_result: Optional[Callable[[Job, ChildResult], None]]) -> None:
        if not timed_out:
            self._forget(running)
        text = running.buffer.decode("utf-8", errors="replace")
        result = ChildResult([line for line in text.split("\n") if line], timed_out, exit_status,
                             time.monotonic() - running.started)
        self.results[running.job.id] = result
        if on_result is not None:
            on_result(running.job, result)


def _limit_memory() -> None:
    """A mutant that appends in an endless loop must hit MemoryError, not the sandbox's memory
    limit (which would take the whole harness down): each child may grow by CHILD_MEMORY_BYTES."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        used = int(fields["VmData"].split()[0]) * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        limit = used + CHILD_MEMORY_BYTES
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or limit < soft:
            resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (OSError, KeyError, ValueError):
        pass


def _reap(pid: int, block: bool) -> bool:
    try:
        done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
    except ChildProcessError:
        return True
    return done != 0


def _drain(fd: int) -> bytes:
    os.set_blocking(fd, False)
    chunks = []
    try:
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    except BlockingIOError:
        pass
    return b"".join(chunks)
