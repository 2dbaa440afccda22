"""Work a build hands to a second process so that it can go on: writing files that nothing later in the build reads
(search indexes, citation files, raw sources). The build is one Python process on one core; on a machine with two,
these writes then cost it little time (notes/bench.md).

`run(what, work)` queues `work`; `start()` forks one child that does the queued work in order and exits, and the
build goes on; `finish()` starts what is still queued, waits for every child and raises the first failure, naming
the work and the error. hooks/background_start.py calls `start()` at the end of each language pass (one fork per
pass: each fork of a process of several hundred MB costs copied pages) and hooks/background_finish.py calls
`finish()` after the last one, before anything that lists the site's files. Where forking is not safe, `run` does
the work at once, in this process: in a process with other threads (scripts/serve.py's server: a lock held by
another thread at the fork would stay held in the child), and where there is no fork.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass


class BackgroundError(Exception):
    pass


@dataclass
class _Child:
    pid: int
    errors: int  # the read end of a pipe: a line per failed work, '<what>: <error>'
    what: str  # the work it does, for an error without a report


_children: list[_Child] = []
_queued: list[tuple[str, Callable[[], None]]] = []


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def run(what: str, work: Callable[[], None]) -> None:
    """Queue `work()` for the next child process (or do it here, at once, where forking is not safe); `what` names
    it in errors."""
    if can_fork():
        _queued.append((what, work))
    else:
        work()


def start() -> None:
    """One child process for the queued work, in the order it was queued."""
    if not _queued:
        return
    queued = list(_queued)
    _queued.clear()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, report a failure, and leave without running the parent's exit handlers
        os.close(read)
        status = 0
        try:
            for what, work in queued:
                try:
                    work()
                except BaseException:  # noqa: BLE001 - whatever it is, the parent reports it
                    os.write(write, f"{what}: {traceback.format_exc().strip().splitlines()[-1]}\n".encode())
                    status = 1
        finally:
            os._exit(status)
    os.close(write)
    _children.append(_Child(pid, read, ", ".join(what for what, _ in queued)))


def finish() -> None:
    """Start what is queued, wait for every child; BackgroundError naming each failed work and its last error line."""
    start()
    failures = []
    while _children:
        child = _children.pop(0)
        with os.fdopen(child.errors, "rb") as pipe:
            report = pipe.read().decode("utf-8", "replace").strip()
        _, status = os.waitpid(child.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            failures += report.splitlines() or [f"{child.what}: the process ended with {code}"]
    if failures:
        raise BackgroundError("; ".join(failures))
