"""`deskops serve --processes N`: N receiver processes accepting on one pre-bound socket.

One receiver process spends about half a core and its acks wait on its own writer's commits,
so a second process (its own event loop, group-commit writer and queue nudger) takes
deliveries while the first one's batch commits. The parent binds the sockets, forks the
children (they inherit the listening sockets; the kernel hands each connection to one of
them) and only supervises: a child that dies is forked again; SIGTERM or SIGINT is passed to
every child, which stops as `deskops serve` does (uvicorn stops accepting, finishes the
requests in flight, whose batches commit before their 202), and the parent waits for them.
Deduplication across processes is the store's (its unique keys), as between two hosts.

The parent forks before it starts any thread or opens any store connection, so a child
starts from a clean copy (a forked thread or connection would be a broken one). On Linux a
child dies with its parent (``PR_SET_PDEATHSIG``): ``kill -9`` of the parent leaves no
orphan holding the port.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from types import FrameType
from typing import Any

__all__ = ["supervise"]

log = logging.getLogger("deskops.receiver")

_PR_SET_PDEATHSIG = 1

#: Seconds the parent waits between two forks of the same slot (a child that dies at once,
#: e.g. a store that refuses, is not forked in a tight loop).
RESTART_DELAY = 1.0

#: Seconds the children get to finish after SIGTERM before they are killed.
STOP_GRACE = 30.0


def supervise(count: int, run_child: Callable[[int], None],
              on_restart: Callable[[int, int], None] | None = None) -> int:
    """Fork ``count`` children running ``run_child(slot)``; restart any that dies until
    SIGTERM/SIGINT, then pass the signal on and wait. Returns the exit status (0: stopped
    on a signal)."""
    stopping: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if not stopping:
            stopping.append(signum)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    children: dict[int, int] = {}  # pid -> slot
    started: dict[int, float] = {}  # slot -> monotonic time of its last fork
    try:
        for slot in range(count):
            children[_fork(slot, run_child, previous)] = slot
            started[slot] = time.monotonic()
        while not stopping:
            pid, status = _reap()
            if pid == 0:
                time.sleep(0.1)
                continue
            if pid not in children:
                continue
            slot = children.pop(pid)
            if stopping:
                break
            log.warning("receiver process %d (slot %d) exited (%s): starting another",
                        pid, slot, _describe(status))
            wait = RESTART_DELAY - (time.monotonic() - started[slot])
            if wait > 0:
                time.sleep(wait)
            if stopping:
                break
            new = _fork(slot, run_child, previous)
            children[new] = slot
            started[slot] = time.monotonic()
            if on_restart is not None:
                on_restart(slot, new)
        for pid in children:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while children:
            pid, _status = _reap()
            if pid:
                children.pop(pid, None)
                continue
            if not _any_child():
                break
            if time.monotonic() > deadline:
                for pid in children:
                    _signal(pid, signal.SIGKILL)
                deadline = float("inf")
            time.sleep(0.05)
        return 0
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _fork(slot: int, run_child: Callable[[int], None],
          previous: Mapping[signal.Signals, Any]) -> int:
    parent = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:  # the child: the default handlers back (uvicorn installs its own)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _die_with(parent)
        run_child(slot)
    except BaseException:  # a child never returns into the parent's code
        log.exception("receiver process (slot %d) failed", slot)
        code = 1
    finally:
        os._exit(code)
    return 0  # pragma: no cover - os._exit does not return


def _die_with(parent: int) -> None:
    """Linux: SIGKILL this child when the parent dies (``kill -9`` of the parent), so no
    orphan keeps the listening socket; what it acknowledged is already committed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's SIGTERM path only
        return
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)


def _reap() -> tuple[int, int]:
    try:
        return os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return 0, 0


def _any_child() -> bool:
    """Whether any child is left to wait for (``waitpid`` refuses when none is)."""
    try:
        os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return False
    return True


def _signal(pid: int, signum: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signum)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"status {os.waitstatus_to_exitcode(status)}"
