"""deskops's own error hierarchy.

Vendor and library errors are translated into these at the boundary (the adapters, the
workspace loader, the receiver), so the CLI can turn any of them into one line and an exit
code in one place, and never show a traceback to a user::

    DeskopsError                      every error deskops raises on purpose
    ├── ConfigError                   settings / credentials missing or unsafe
    ├── WorkspaceError                the workspace folder cannot be read or is invalid
    ├── PlanError                     a plan cannot be applied as asked (e.g. destructive)
    ├── LockError                     another apply holds the lock, or the lock file is bad
    └── HelpdeskError                 the helpdesk answered with an error
        ├── AuthError                 401 / 403: wrong credential, missing scope or plan feature
        ├── RateLimited(retry_after)  429 that outlived the retry budget
        ├── NotFound                  404
        ├── Conflict                  409 (e.g. Zendesk safe_update)
        ├── Rejected(details)         422 / 400: the helpdesk refused the payload
        └── Unavailable               5xx or connection errors that outlived the retry budget

Each message says what failed, on which object, and what to try next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "AuthError",
    "ConfigError",
    "Conflict",
    "DeskopsError",
    "HelpdeskError",
    "LockError",
    "NotFound",
    "PlanError",
    "Problem",
    "RateLimited",
    "Rejected",
    "Unavailable",
    "WorkspaceError",
]


class DeskopsError(Exception):
    """Base of every error deskops raises on purpose; `str()` is the one-line message."""

    exit_code = 1


class ConfigError(DeskopsError):
    """A setting or credential is missing, malformed or unsafe (e.g. plain HTTP to a real host)."""


class Problem:
    """One workspace problem, printed as ``file:json-pointer: message``."""

    __slots__ = ("file", "message", "pointer", "target")

    def __init__(self, file: str, pointer: str, message: str, target: str | None = None) -> None:
        self.file = file
        self.pointer = pointer
        self.message = message
        self.target = target

    def __str__(self) -> str:
        where = f"{self.file}:{self.pointer or '/'}"
        suffix = f" (target: {self.target})" if self.target else ""
        return f"{where}: {self.message}{suffix}"

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class WorkspaceError(DeskopsError):
    """The workspace is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            super().__init__(problems)
        else:
            self.problems = list(problems)
            super().__init__("\n".join(str(p) for p in self.problems))


class PlanError(DeskopsError):
    """The plan cannot be applied as asked (destructive change without its flag, and so on)."""


class LockError(DeskopsError):
    """Another run holds the workspace lock, or the lock file cannot be read."""


class HelpdeskError(DeskopsError):
    """The helpdesk answered with an error; `details` keeps the helpdesk's own reasons."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        details: Mapping[str, Any] | Sequence[Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.details = details


class AuthError(HelpdeskError):
    """401/403: the credential is wrong, lacks a scope, or the plan lacks the feature."""


class RateLimited(HelpdeskError):
    """429 that outlived the retry budget; `retry_after` is the helpdesk's last advice."""

    def __init__(self, message: str, *, retry_after: float, status: int = 429) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class NotFound(HelpdeskError):
    """404: the object is gone (deleted by hand?)."""


class Conflict(HelpdeskError):
    """409: someone changed the object meanwhile; re-read and decide again."""


class Rejected(HelpdeskError):
    """422/400: the helpdesk refused the payload; `details` says why, field by field."""


class Unavailable(HelpdeskError):
    """5xx or connection failures that outlived the retry budget."""
