"""Zendesk OAuth client-credentials grant, as a ``requests`` auth that refreshes itself.

Zendesk API tokens stop working on 2027-04-30; the replacement for unattended tools is
``POST /oauth/tokens`` with ``grant_type=client_credentials``. Its access tokens expire
(30 minutes by default), so the token is cached and fetched again *before* it expires
(a margin of a tenth of its lifetime, at least 30 s): a long apply never hits a 401 midway.
The token request goes through the same guarded `HelpdeskSession`, so the client secret
can only ever reach the configured host.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import requests
from requests.auth import AuthBase

from integrations.settings import Secret

__all__ = ["ClientCredentials"]


class _NoAuth(AuthBase):
    """Keeps the session's own auth (this object) off the token request itself."""

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        return r


class ClientCredentials(AuthBase):
    """Bearer auth from the client-credentials grant; ``clock`` is injectable for tests."""

    def __init__(
        self,
        client_id: str,
        client_secret: Secret,
        *,
        scope: str = "read write",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client_id = client_id
        self._secret = client_secret
        self.scope = scope
        self.clock = clock
        self._session: requests.Session | None = None
        self._token_url = ""
        self._token: Secret | None = None
        self._refresh_at = 0.0
        self._lock = threading.Lock()
        self.granted_scopes: tuple[str, ...] = ()
        self.fetches = 0

    def bind(self, session: requests.Session, base_url: str) -> None:
        """Use ``session`` (the adapter's guarded session) for ``POST base_url/oauth/tokens``."""
        self._session = session
        self._token_url = f"{base_url.rstrip('/')}/oauth/tokens"

    def token(self) -> Secret:
        """The current access token, fetched again when it is about to expire."""
        with self._lock:
            if self._token is None or self.clock() >= self._refresh_at:
                self._fetch()
            assert self._token is not None
            return self._token

    def _fetch(self) -> None:
        if self._session is None:
            raise RuntimeError("ClientCredentials.bind() was not called")
        started = self.clock()
        response = self._session.post(
            self._token_url,
            json={"grant_type": "client_credentials", "client_id": self.client_id,
                  "client_secret": self._secret.reveal(), "scope": self.scope},
            auth=_NoAuth(),
        )
        body: dict[str, Any] = response.json()
        self._token = Secret(str(body["access_token"]))
        lifetime = float(body.get("expires_in") or 1800)
        margin = min(max(30.0, lifetime / 10), lifetime / 2)
        self._refresh_at = started + lifetime - margin
        self.granted_scopes = tuple(str(body.get("scope") or self.scope).split())
        self.fetches += 1

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        r.headers["Authorization"] = f"Bearer {self.token().reveal()}"
        return r
