"""Sandbox-side API errors, raised anywhere in a request and rendered in the vendor's own
error shape by one renderer per vendor (`VendorSpec.render_error`).

These are the *emulated server's* errors; they have nothing to do with the client-side
`integrations.errors` tree (the sandbox shares no code with the clients).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ApiError", "BadRequest", "Conflict", "FieldError", "Forbidden", "Injected", "Invalid",
    "NotFound", "RateLimited", "Unauthorized",
]


@dataclass(frozen=True)
class FieldError:
    """One validation problem: which attribute, what is wrong, and a vendor error code."""

    field: str
    message: str
    code: str


class ApiError(Exception):
    """Base: an HTTP status, a message, and extra response headers."""

    status = 500

    def __init__(self, message: str = "", *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers: dict[str, str] = dict(headers or {})


class BadRequest(ApiError):
    """Malformed request (bad JSON, bad pagination parameters)."""

    status = 400

    def __init__(self, message: str, *, code: str = "InvalidParameter", field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


class Unauthorized(ApiError):
    """Missing or wrong credentials. ``scheme`` is ``basic`` or ``bearer``."""

    status = 401

    def __init__(self, message: str = "Couldn't authenticate you", *,
                 scheme: str = "basic") -> None:
        super().__init__(message)
        self.scheme = scheme


class Forbidden(ApiError):
    """Authenticated but not allowed (scope, plan feature, system object)."""

    status = 403


class NotFound(ApiError):
    status = 404

    def __init__(self, message: str = "Not found", *, route: bool = False) -> None:
        super().__init__(message)
        self.route = route  # True when no route matched at all


class Conflict(ApiError):
    status = 409

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


class Invalid(ApiError):
    """Record validation failed (Zendesk 422 RecordInvalid, Freshdesk 400)."""

    status = 422

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def one(cls, field: str, message: str, code: str) -> Invalid:
        return cls([FieldError(field, message, code)])


class RateLimited(ApiError):
    status = 429

    def __init__(self, retry_after: str, headers: dict[str, str] | None = None) -> None:
        super().__init__("rate limit exceeded",
                         headers={**(headers or {}), "Retry-After": retry_after})
        self.retry_after = retry_after


class Injected(ApiError):
    """A fault injected on purpose (error rate)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"injected fault {status}")
        self.status = status
