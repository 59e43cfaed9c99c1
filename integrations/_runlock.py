"""`RunLock`: one run at a time per lock file (``fcntl.flock``, non-blocking).

The kernel drops the lock when the holder exits, so a killed run never leaves a stale one.
The file holds the holder's pid, which a refused run names. `ApplyLock` (plan) and
`ChaseLock` (chase) are this lock with their own file and message.

Lock files are state, not workspace: `run_file` places them in the state folder
(``DESKOPS_STATE_DIR``), one per workspace lock file, so nothing in ``locks/`` but the
committed lock files themselves.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from integrations.errors import LockError

__all__ = ["RunLock", "run_file"]


def run_file(anchor: Path, suffix: str, state_dir: Path | None = None) -> Path:
    """The run-lock file of ``anchor`` (a workspace lock file) in the state folder:
    ``<state>/runs/<name>-<hash of its absolute path>.<suffix>``, so two workspaces with the
    same environment name never share a lock, and a workspace holds no lock files."""
    from integrations.settings import default_state_dir

    digest = hashlib.sha256(str(anchor.absolute()).encode()).hexdigest()[:12]
    return (state_dir or default_state_dir()) / "runs" / f"{anchor.name}-{digest}.{suffix}"


class RunLock:
    """Exclusive lock on ``path`` for a whole ``what`` run; ``advice`` ends the refusal."""

    def __init__(self, path: Path, what: str, advice: str) -> None:
        self.path = path
        self._what = what
        self._advice = advice
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise LockError(f"another {self._what} is running on this environment ({holder}; "
                            f"lock {self.path}); {self._advice}") from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}\n")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.truncate(0)
                fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
