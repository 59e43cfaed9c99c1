"""The lock file (workspace keys ↔ remote ids, last-applied hashes) and the apply lock.

``<workspace>/locks/<environment>.json`` is readable, sorted, and safe to commit: it holds
ids and hashes, never credentials or ticket data::

    {"environment": "zendesk", "target": "zendesk", "version": 1,
     "fields": {"product": {"hash": "sha256:...", "id": 360001, "options": {"game_a": 11}}},
     "forms": {"bug_report": {"hash": "sha256:...", "id": 9001}}}

A ``hash`` of ``null`` means an apply touched the object and did not finish it. Apply saves
the file after every successful call (atomically), so an interrupted apply resumes where it
stopped. `ApplyLock` keeps two applies on one environment from running at once (an OS
file lock, released by the kernel even if the process is killed).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from integrations._runlock import RunLock, run_file
from integrations.errors import LockError

__all__ = ["ApplyLock", "FieldEntry", "FormEntry", "LockFile", "check_environment",
           "lock_path"]

VERSION = 1

#: An environment name becomes a file name under ``locks/`` (``<env>.json``, ``<env>.kb.json``).
_ENVIRONMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")


def check_environment(environment: str) -> str:
    """``environment`` if it is safe as a file name under ``locks/``, else a `LockError`.

    The one validator of both lock files (fields and forms here, the knowledge base's in
    `integrations.kb.lock`): ``../x`` or ``/etc/x`` would read or write outside the workspace.
    """
    if not _ENVIRONMENT.fullmatch(environment):  # not match(): "$" accepts a final "\n"
        raise LockError(f"invalid environment name {environment!r}: use letters, digits, "
                        "'-', '_' and '.' (not first)")
    return environment


def lock_path(workspace: Path, environment: str) -> Path:
    """Where the lock file of one environment lives (the name is checked first)."""
    return workspace / "locks" / f"{check_environment(environment)}.json"


@dataclass
class FieldEntry:
    id: int
    hash: str | None = None
    options: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "hash": self.hash, "options": dict(sorted(self.options.items()))}


@dataclass
class FormEntry:
    id: int
    hash: str | None = None
    #: conditions this workspace put on the form (`condition_ident`); others found on the
    #: helpdesk are unmanaged (kept unless --prune)
    conditions: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "hash": self.hash}
        if self.conditions:
            out["conditions"] = sorted(self.conditions)
        return out


@dataclass
class LockFile:
    """In-memory lock file; `save` writes it back when a path is set."""

    environment: str = ""
    target: str = ""
    fields: dict[str, FieldEntry] = field(default_factory=dict)
    forms: dict[str, FormEntry] = field(default_factory=dict)
    path: Path | None = None

    # -- reading and writing ------------------------------------------------------------
    @classmethod
    def load(cls, path: Path, *, environment: str = "", target: str = "") -> LockFile:
        """Read a lock file; a missing file is an empty lock (first run, or lock lost)."""
        if not path.exists():
            return cls(environment=environment, target=target, path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            lock = cls.from_json(data)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise LockError(f"{path}: unreadable lock file ({exc}); fix it or delete it "
                            "(objects are then adopted by title)") from exc
        if target and lock.target and lock.target != target:
            raise LockError(f"{path}: lock file is for target {lock.target!r}, not {target!r}; "
                            "use --env to pick another environment")
        lock.path = path
        lock.environment = lock.environment or environment
        lock.target = lock.target or target
        return lock

    @classmethod
    def from_json(cls, data: Any) -> LockFile:
        if not isinstance(data, dict):
            raise ValueError("top level is not an object")
        if data.get("version", VERSION) != VERSION:
            raise ValueError(f"unsupported version {data.get('version')!r}")
        fields = {
            str(k): FieldEntry(id=int(v["id"]), hash=v.get("hash"),
                               options={str(o): int(i)
                                        for o, i in (v.get("options") or {}).items()})
            for k, v in (data.get("fields") or {}).items()
        }
        forms = {str(k): FormEntry(id=int(v["id"]), hash=v.get("hash"),
                                   conditions=[str(c) for c in v.get("conditions") or []])
                 for k, v in (data.get("forms") or {}).items()}
        return cls(environment=str(data.get("environment", "")),
                   target=str(data.get("target", "")), fields=fields, forms=forms)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "environment": self.environment,
            "target": self.target,
            "fields": {k: self.fields[k].as_json() for k in sorted(self.fields)},
            "forms": {k: self.forms[k].as_json() for k in sorted(self.forms)},
        }

    def dumps(self) -> str:
        return json.dumps(self.as_json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a lock file."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = self.dumps()
        if self.path.exists() and self.path.read_text(encoding="utf-8") == text:
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    # -- lookups ------------------------------------------------------------------------
    def field_id(self, key: str) -> int:
        entry = self.fields.get(key)
        if entry is None:
            raise LockError(f"field {key!r} has no remote id in the lock file; run plan again")
        return entry.id

    def form_id(self, key: str) -> int:
        entry = self.forms.get(key)
        if entry is None:
            raise LockError(f"form {key!r} has no remote id in the lock file; run plan again")
        return entry.id


class ApplyLock(RunLock):
    """Exclusive per-environment lock held for a whole apply (see `RunLock`).

    The kernel drops it when the holder exits, so a killed apply never leaves a stale lock.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(run_file(path, "apply-lock"), "apply",
                         "wait for it to finish")
