"""Where the receiver finds webhook secrets, and where `deskops webhooks install` puts them.

One JSON file (``DESKOPS_WEBHOOK_SECRETS_FILE``, default ``webhook-secrets.json`` in the
state folder, ``DESKOPS_STATE_DIR``; mode 0600), never printed::

    {"zendesk": {"<X-Zendesk-Webhook-Id>": ["<current secret>", "<previous secret>"]},
     "freshdesk": ["<current shared secret>", "<previous>"]}

Zendesk secrets are looked up by the delivery's ``X-Zendesk-Webhook-Id``. During a rotation
both the new and the previous secret are accepted; the next rotation drops the oldest. The
file is re-read when it changes, so a rotation needs no restart of ``deskops serve``: at
once when a delivery does not match the secrets known (``fresh=True``), and otherwise at most
`RECHECK_SECONDS` after the change (a secret dropped by another process stops being accepted
within that time). Not looking at the file for every delivery saves a system call per ack,
and with it a hand-off of the GIL to the receiver's writer thread.
"""

from __future__ import annotations

import json
import os
import secrets as _random
import threading
import time
from pathlib import Path
from typing import Any

from integrations.errors import ConfigError

__all__ = ["DEFAULT_SECRETS_FILE", "SecretBook"]

DEFAULT_SECRETS_FILE = Path(".deskops/webhook-secrets.json")
#: Longest time the book answers from memory without looking whether the file changed.
RECHECK_SECONDS = 1.0


class SecretBook:
    """Webhook secrets on disk; values are only returned to the verifier, never shown."""

    def __init__(self, path: Path = DEFAULT_SECRETS_FILE) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._data: dict[str, Any] = {}
        self._checked = -RECHECK_SECONDS  # monotonic time of the last look at the file

    def __repr__(self) -> str:
        return f"SecretBook({str(self.path)!r})"

    def _load(self, fresh: bool = True) -> dict[str, Any]:
        """The file's content; without ``fresh``, what was read less than `RECHECK_SECONDS`
        ago is answered from memory."""
        now = time.monotonic()
        if not fresh and now - self._checked < RECHECK_SECONDS:
            return self._data
        with self._lock:
            self._checked = now
            try:
                st = self.path.stat()
            except FileNotFoundError:
                self._stamp, self._data = None, {}
                return self._data
            stamp = (st.st_mtime_ns, st.st_size)
            if stamp != self._stamp:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    raise ConfigError(f"{self.path}: cannot read webhook secrets "
                                      f"({type(exc).__name__})") from None
                if not isinstance(data, dict):
                    raise ConfigError(f"{self.path}: webhook secrets must be a JSON object")
                self._stamp, self._data = stamp, data
            return self._data

    def zendesk(self, webhook_id: str | None, *, fresh: bool = True) -> list[str]:
        """Accepted secrets for one Zendesk webhook (current first); empty if unknown.

        ``fresh=False``: possibly `RECHECK_SECONDS` old (the receiver asks again with
        ``fresh=True`` before it refuses a delivery)."""
        if not webhook_id:
            return []
        book = self._load(fresh).get("zendesk") or {}
        values = book.get(webhook_id) if isinstance(book, dict) else None
        return [v for v in values if isinstance(v, str) and v] if isinstance(values, list) else []

    def freshdesk(self, *, fresh: bool = True) -> list[str]:
        values = self._load(fresh).get("freshdesk") or []
        return [v for v in values if isinstance(v, str) and v] if isinstance(values, list) else []

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        with self._lock:
            self._stamp = None
            self._checked = -RECHECK_SECONDS  # this instance sees its own write at once

    def set_zendesk(self, webhook_id: str, secret: str) -> None:
        """Make ``secret`` current for ``webhook_id``, keeping the previous one (rotation)."""
        data = dict(self._load())
        book = dict(data.get("zendesk") or {})
        old = [s for s in book.get(webhook_id, []) if s != secret]
        book[webhook_id] = [secret, *old[:1]]
        data["zendesk"] = book
        self._write(data)

    def rotate_freshdesk(self, secret: str | None = None) -> str:
        """A new (or given) Freshdesk shared secret, keeping the previous one; returns it."""
        data = dict(self._load())
        value = secret or _random.token_urlsafe(32)
        old = [s for s in data.get("freshdesk", []) if s != value]
        data["freshdesk"] = [value, *old[:1]]
        self._write(data)
        return value

    def current_freshdesk(self) -> str | None:
        values = self.freshdesk()
        return values[0] if values else None
