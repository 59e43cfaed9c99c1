"""Who may read the dashboard, and proof that a POST came from its own page.

One secret, ``DESKOPS_DASHBOARD_TOKEN``, accepted three ways: ``Authorization: Bearer``,
HTTP basic auth (the token as password; the user must be ``DESKOPS_DASHBOARD_USER`` when
that is set), or a session cookie issued by ``POST /login``. The cookie holds a random
nonce, its issue time and an HMAC of both under the token — nothing to store server-side,
and rotating the token signs everyone out.

CSRF: every form carries ``HMAC(token, "csrf:" + nonce)`` for the caller's session (the
nonce is ``header`` for header credentials); a POST without it, or with another session's,
is refused, and so is one whose ``Origin`` is not the dashboard's own.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field

__all__ = ["COOKIE", "SESSION_SECONDS", "Credentials"]

COOKIE = "deskops_dashboard"
SESSION_SECONDS = 12 * 3600.0


@dataclass(frozen=True)
class Credentials:
    """The dashboard's secret; ``user`` restricts basic auth to one user name."""

    token: str = field(repr=False)
    user: str | None = None

    def _sign(self, purpose: str, value: str) -> str:
        return hmac.new(self.token.encode(), f"{purpose}:{value}".encode(),
                        hashlib.sha256).hexdigest()

    def token_matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def new_session(self, now: float | None = None) -> str:
        """A cookie value: ``<issued>-<nonce>.<signature>``."""
        nonce = f"{int(now if now is not None else time.time())}-{secrets.token_urlsafe(16)}"
        return f"{nonce}.{self._sign('session', nonce)}"

    def session_nonce(self, cookie: str | None, now: float | None = None) -> str | None:
        """The nonce of a valid, unexpired session cookie, else None."""
        if not cookie or "." not in cookie:
            return None
        nonce, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign("session", nonce)):
            return None
        issued = nonce.partition("-")[0]
        if not issued.isdigit():
            return None
        age = (now if now is not None else time.time()) - int(issued)
        return nonce if 0 <= age <= SESSION_SECONDS else None

    def header_ok(self, authorization: str | None) -> bool:
        """Bearer token, or basic auth with the token as password."""
        if not authorization:
            return False
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() == "bearer":
            return self.token_matches(value.strip())
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return False
            user, _, password = decoded.partition(":")
            user_ok = self.user is None or hmac.compare_digest(user.encode(),
                                                               self.user.encode())
            return user_ok and self.token_matches(password)
        return False

    def csrf_token(self, nonce: str) -> str:
        return self._sign("csrf", nonce)

    def csrf_ok(self, nonce: str, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given, self.csrf_token(nonce))
