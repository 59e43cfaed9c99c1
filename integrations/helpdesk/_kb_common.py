"""What the two knowledge-base adapters share: session set-up and the one error boundary.

`GuideTarget` (Zendesk) and `SolutionsTarget` (Freshdesk) both speak plain HTTP on the guarded
`HelpdeskSession` (credential guard, call counting, retries). Building or accepting that
session, sending one request and turning a vendor error into deskops's `HelpdeskError`
tree are the same for both; only the session factory, the base URL and where a vendor
puts its error reason differ, and subclasses give exactly those.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

import requests

from integrations.errors import ConfigError, HelpdeskError
from integrations.helpdesk._common import from_vendor_locale
from integrations.helpdesk._http import (
    ConnectionFailed,
    HTTPStatusError,
    RetryPolicy,
    map_http_error,
    session_facts,
)
from integrations.helpdesk.base import CallCounter
from integrations.kb.target import KbTarget
from integrations.settings import Settings

__all__ = ["KbHttpTarget"]


class KbHttpTarget(KbTarget):
    """A `KbTarget` over one `requests.Session`; the vendor client is passed in or built."""

    #: how messages name the vendor, its credential and the settings to check (the last two
    #: are defaults: `_credential_names` gives the ones of the auth actually in use)
    vendor: ClassVar[str]
    credential: ClassVar[str]
    check_hint: ClassVar[str]

    def __init__(self, session: requests.Session | None = None, *,
                 settings: Settings | None = None, calls: CallCounter | None = None,
                 retry: RetryPolicy | None = None) -> None:
        name = type(self).__name__
        if session is None:
            if settings is None:
                raise ConfigError(f"{name} needs a session or settings")
            session = self._build_session(settings, calls, retry)
        self._session = session
        self._base, self.calls, self._budget = session_facts(
            session, (lambda: self._base_url(settings)) if settings is not None else None,
            calls, name)
        self._credential, self._check = self._credential_names(settings)
        self._reset()

    def _reset(self) -> None:
        """Set the adapter's own state (what `read` learns); called once by ``__init__``."""

    # -- what a vendor gives -------------------------------------------------------------------
    @staticmethod
    @abstractmethod
    def _build_session(settings: Settings, calls: CallCounter | None,
                       retry: RetryPolicy | None) -> requests.Session:
        """The guarded session with the vendor's credential."""

    @staticmethod
    @abstractmethod
    def _base_url(settings: Settings) -> str: ...

    @classmethod
    def _credential_names(cls, settings: Settings | None) -> tuple[str, str]:
        """(the credential's name in a 401, the variable(s) to check); a vendor with several
        kinds of credential overrides this to name the one in use."""
        return cls.credential, cls.check_hint

    @staticmethod
    @abstractmethod
    def _error_parts(body: Mapping[str, Any]) -> tuple[str, list[str] | None]:
        """The reason and the per-field details of a vendor error body."""

    # -- HTTP and errors: the one place --------------------------------------------------------
    @contextmanager
    def _call(self, what: str) -> Iterator[None]:
        try:
            yield
        except (HTTPStatusError, ConnectionFailed) as exc:
            reason, details = "", None
            if isinstance(exc, HTTPStatusError):
                body = exc.json()
                if isinstance(body, dict):
                    reason, details = self._error_parts(body)
            raise map_http_error(exc, vendor=self.vendor, what=what, reason=reason,
                                 details=details, credential=self._credential,
                                 check=self._check, budget=self._budget) from exc
        except ValueError as exc:  # a body that is not JSON
            raise HelpdeskError(f"{self.vendor} gave an unexpected answer for {what}: "
                                f"{exc}") from exc

    def _request(self, method: str, path: str, what: str, *, json: Any = None,
                 files: Any = None, data: Any = None) -> Any:
        """One call; the decoded JSON body (None when empty)."""
        with self._call(what):
            response = self._session.request(method, f"{self._base}{path}", json=json,
                                             files=files, data=data)
            return response.json() if response.content else None

    def _nloc(self, locale: str) -> str:
        """The workspace spelling of a vendor locale (``en-us`` -> ``en`` on Zendesk)."""
        return from_vendor_locale(self.target, locale)

    def close(self) -> None:
        self._session.close()
