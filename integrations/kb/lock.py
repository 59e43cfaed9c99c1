"""The KB lock file, ``<workspace>/locks/<environment>.kb.json``: ids and last-synced hashes.

It is what makes a re-sync a no-op and a helpdesk edit a conflict: per article and locale it
keeps the hash of the workspace content last published (``hash``) and the fingerprint of
what the helpdesk held right after (``remote``). Readable JSON with sorted keys, no secrets,
safe to commit. Writes are atomic (temporary file + rename), and `KbLock.hold` takes an
exclusive OS lock beside it so two syncs never run at once on one environment.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from integrations._runlock import run_file
from integrations.errors import LockError
from integrations.plan._lock import check_environment

__all__ = ["LOCK_VERSION", "KbLock", "lock_path"]

LOCK_VERSION = 1


def lock_path(workspace: Path, environment: str) -> Path:
    """Where the KB lock file of one environment lives; the name is checked like the plan's
    (`check_environment`), since it becomes a file name under ``locks/``."""
    return workspace / "locks" / f"{check_environment(environment)}.kb.json"


class KbLock:
    """In-memory view of the lock file; mutate the sections, then `save`."""

    def __init__(self, path: Path, target: str, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.target = target
        data = data or {}
        self.categories: dict[str, dict[str, Any]] = data.get("categories", {})
        self.sections: dict[str, dict[str, Any]] = data.get("sections", {})
        self.articles: dict[str, dict[str, Any]] = data.get("articles", {})

    @classmethod
    def load(cls, path: Path, target: str) -> KbLock:
        """Read the lock (an absent file is an empty lock); a bad file is a `LockError`."""
        if not path.exists():
            return cls(path, target)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LockError(f"{path}: cannot read the KB lock file ({type(exc).__name__}); "
                            "fix it or delete it (objects are then adopted by title)") from exc
        if not isinstance(data, dict) or data.get("version") != LOCK_VERSION:
            raise LockError(f"{path}: not a version-{LOCK_VERSION} KB lock file")
        if data.get("target") not in (None, target):
            raise LockError(f"{path}: this lock belongs to {data.get('target')}, not {target}; "
                            "use another environment name")
        return cls(path, target, data)

    def as_dict(self) -> dict[str, Any]:
        return {"version": LOCK_VERSION, "target": self.target, "categories": self.categories,
                "sections": self.sections, "articles": self.articles}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.as_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".kb-lock-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Exclusive run lock (in the state folder, `run_file`); a second sync fails fast
        with `LockError`."""
        run = run_file(self.path, "run")
        run.parent.mkdir(parents=True, exist_ok=True)
        with open(run, "a+") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise LockError(f"another kb sync holds {run}; wait for it to finish") from exc
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
