"""The sandbox clock: real time by default, can be advanced or frozen by tests.

Token expiry, rate-limit windows and timestamps all read this clock, so a test can
"wait a minute" for a rate-limit window without sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

__all__ = ["Clock", "iso"]


def iso(ts: float) -> str:
    """``2024-05-01T12:00:00Z``: the timestamp format both vendors use."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Clock:
    """Epoch seconds = real time + offset, or a fixed instant while frozen."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = 0.0
        self._frozen_at: float | None = None

    def now(self) -> float:
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return time.time() + self._offset

    def iso(self) -> str:
        return iso(self.now())

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def advance(self, seconds: float) -> float:
        """Move time forward (frozen or not); returns the new now."""
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += seconds
            else:
                self._offset += seconds
        return self.now()

    def freeze(self, at: float | None = None) -> float:
        """Stop time at ``at`` (epoch seconds) or at the current instant."""
        current = self.now()
        with self._lock:
            self._frozen_at = current if at is None else at
        return self.now()

    def unfreeze(self) -> float:
        """Let time run again from the frozen instant."""
        with self._lock:
            if self._frozen_at is not None:
                self._offset = self._frozen_at - time.time()
                self._frozen_at = None
        return self.now()

    def reset(self) -> None:
        """Back to real time."""
        with self._lock:
            self._offset = 0.0
            self._frozen_at = None

    def describe(self) -> dict[str, object]:
        now = self.now()
        return {"now": iso(now), "epoch": now, "frozen": self.frozen}
