"""The HTTP layer both adapters share: a guarded, counting, retrying ``requests.Session``.

Why a session of our own, and not zenpy's rate-limit handling: zenpy 2.0.57 sleeps without
limit on 429 and crashes on a fractional ``Retry-After``. `HelpdeskSession.send` is the one
place every request of an adapter goes through (zenpy calls ``session.get/post/...``, which
end in ``send``), so it can, for each single HTTP request:

1. refuse to send credentials anywhere but the configured origin (`ConfigError`): zenpy
   builds URLs from the process-global ``ZENPY_FORCE_NETLOC`` / ``ZENPY_FORCE_SCHEME`` on
   every request, so a stray variable must not redirect an API token;
2. rewrite ``https://SUB.zendesk.com`` to the sandbox origin when (and only when) one is
   explicitly configured (``DESKOPS_SANDBOX_*_URL``), restoring the URL on the response
   so zenpy's response handlers still recognise their own host;
3. count the call (`CallCounter`) and retry 429 / 5xx / connection errors with tenacity,
   honouring ``Retry-After`` (integer or fractional seconds) with a cap per wait and a
   total budget (`RetryPolicy`), logging what each wait is for; 4xx are never retried
   blindly. A write that is not idempotent (POST, PATCH, or any call made inside
   `HelpdeskSession.once`) is retried only when it provably never reached the server (the
   connection was never opened, or a 429 refused it): after a 5xx, a timeout or a dropped
   connection the write may have happened, so the failure is raised marked ``uncertain``
   and the caller re-reads to learn whether it did (the reply key, the option value);
4. raise `HTTPStatusError` for any final status >= 400, so zenpy never sees an error
   response (nor a 429 it would sleep on) and each adapter maps errors in one place.

Retrying per request (rather than around a whole zenpy call) keeps a paginated read from
starting over at page one after a 429 on page three.
"""

from __future__ import annotations

import contextvars
import email.utils
import logging
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from tenacity import RetryCallState, Retrying, retry_if_exception_type

from integrations.errors import (
    AuthError,
    ConfigError,
    Conflict,
    HelpdeskError,
    NotFound,
    RateLimited,
    Rejected,
    Unavailable,
)
from integrations.helpdesk.base import CallCounter
from integrations.settings import Settings

__all__ = [
    "ConnectionFailed",
    "HTTPStatusError",
    "HelpdeskSession",
    "RetryPolicy",
    "connection_reason",
    "endpoint_label",
    "map_http_error",
    "never_sent",
    "origin_of",
    "session_facts",
]

_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
#: Set by `HelpdeskSession.once`: the current call must not be repeated blindly.
_ONCE: contextvars.ContextVar[bool] = contextvars.ContextVar("deskops_once", default=False)

log = logging.getLogger("deskops.http")


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying: at most `attempts` tries, `max_wait` s per wait, `budget` s total.

    A ``Retry-After`` longer than `max_wait` is not shortened (retrying early only earns another
    429): the call gives up at once with `RateLimited` carrying the helpdesk's advice.
    """

    attempts: int = 8
    max_wait: float = 30.0
    budget: float = 120.0
    backoff: float = 0.5  # first wait when the helpdesk gives no Retry-After; doubles each time
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        """``DESKOPS_RETRY_ATTEMPTS`` / ``_MAX_WAIT`` / ``_BUDGET`` override the defaults."""
        extra = settings.extra
        values: dict[str, Any] = {}
        for name, attr, kind in (("DESKOPS_RETRY_ATTEMPTS", "attempts", int),
                                 ("DESKOPS_RETRY_MAX_WAIT", "max_wait", float),
                                 ("DESKOPS_RETRY_BUDGET", "budget", float)):
            raw = extra.get(name)
            if raw:
                try:
                    values[attr] = kind(raw)
                except ValueError:
                    raise ConfigError(f"{name} must be a number, got {raw!r}") from None
                if values[attr] < (1 if kind is int else 0):
                    raise ConfigError(f"{name} must be positive, got {raw!r}")
        return cls(**values)


class HTTPStatusError(Exception):
    """A final response >= 400 (after retries); adapters turn it into a `HelpdeskError`."""

    def __init__(self, response: requests.Response, attempts: int = 1, *,
                 uncertain: bool = False) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response
        self.attempts = attempts
        #: a write that may have been committed although its answer was an error (5xx)
        self.uncertain = uncertain
        #: which retry limit gave up (`HelpdeskSession._limit_hit`), "" when none did
        self.limit = ""

    @property
    def status(self) -> int:
        return self.response.status_code

    def json(self) -> Any:
        try:
            return self.response.json()
        except ValueError:
            return None

    def retry_after(self) -> float | None:
        return parse_retry_after(self.response.headers.get("Retry-After"))


class ConnectionFailed(Exception):
    """The helpdesk could not be reached (after retries)."""

    def __init__(self, cause: BaseException, attempts: int = 1, *,
                 uncertain: bool = False) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.attempts = attempts
        #: the request may have reached the server (timeout, dropped connection)
        self.uncertain = uncertain


_NOT_SENT = (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError)


def never_sent(exc: BaseException) -> bool:
    """True when a connection error happened before any byte of the request could reach the
    server (refused, unresolvable host, connect timeout): only then is a write safe to
    repeat. A reset or closed connection after sending is not proof of anything."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, _NOT_SENT):
            return True
        reason = getattr(cur, "reason", None)
        if isinstance(reason, BaseException):
            cur = reason
            continue
        args = getattr(cur, "args", ())
        nxt = next((a for a in args if isinstance(a, BaseException)), None)
        cur = nxt or cur.__cause__ or cur.__context__
    return False


class _Retry(Exception):
    """Internal: one attempt failed in a way worth retrying."""

    def __init__(self, response: requests.Response | None, cause: BaseException | None) -> None:
        super().__init__("retry")
        self.response = response
        self.cause = cause


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header: ``"2"``, ``"0.25"`` or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


Origin = tuple[str, str]


def origin_of(url: str) -> Origin:
    """``(scheme, host:port)`` with the default port made explicit, lower-cased."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, f"{host}:{port}"


_NUMERIC = re.compile(r"/\d+(?=/|$)")


def endpoint_label(url: str) -> str:
    """``/api/v2/ticket_fields/{id}/options`` from a full URL (ids and ``.json`` dropped)."""
    path = urlsplit(url).path
    if path.endswith(".json"):
        path = path[:-5]
    return _NUMERIC.sub("/{id}", path) or "/"


class HelpdeskSession(requests.Session):
    """A ``requests.Session`` that only talks to one helpdesk, counts, and retries.

    ``base_url`` is the configured helpdesk (``https://SUB.zendesk.com`` or a sandbox URL);
    ``aliases`` maps an origin zenpy builds (``https://SUB.zendesk.com``) to the sandbox base
    URL it must be sent to. Nothing else is reachable with this session.
    """

    #: zenpy leaves the auth of an ``authorized`` session alone (OAuth2Session convention).
    authorized = True

    def __init__(
        self,
        base_url: str,
        *,
        vendor: str,
        calls: CallCounter | None = None,
        retry: RetryPolicy | None = None,
        aliases: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> None:
        super().__init__()
        self.trust_env = False  # no proxy or netrc from the environment
        self.vendor = vendor
        self.base_url = base_url.rstrip("/")
        self.calls = calls if calls is not None else CallCounter()
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self._allowed: set[Origin] = {origin_of(self.base_url)}
        self._rewrite: dict[Origin, str] = {}
        for alias, target in (aliases or {}).items():
            self._rewrite[origin_of(alias)] = target.rstrip("/")
            self._allowed.add(origin_of(alias))
        adapter = HTTPAdapter(max_retries=0)  # retries are ours, counted and budgeted
        self.mount("https://", adapter)
        self.mount("http://", adapter)
        self.headers["User-Agent"] = "deskops"

    # -- the one path every request takes ------------------------------------------------
    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        url = request.url or ""
        origin = origin_of(url)
        if origin not in self._allowed:
            scheme, netloc = origin
            raise ConfigError(
                f"refusing to send {self.vendor} credentials to {scheme}://{netloc}: only "
                f"{self.base_url} is configured (a stray ZENPY_FORCE_NETLOC or proxy setting?)")
        target = url
        if origin in self._rewrite:
            parts = urlsplit(url)
            base = urlsplit(self._rewrite[origin])
            target = urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        kwargs.setdefault("timeout", self.timeout)
        method = (request.method or "GET").upper()
        label = endpoint_label(url)
        repeatable = method in _IDEMPOTENT and not _ONCE.get()
        tries = [0]

        def attempt() -> requests.Response:
            self.calls.record(method, label)
            tries[0] += 1
            request.url = target
            try:
                response = super(HelpdeskSession, self).send(request, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if repeatable or never_sent(exc):
                    raise _Retry(None, exc) from exc
                raise ConnectionFailed(exc, tries[0], uncertain=True) from exc
            finally:
                request.url = url
            response.url = url  # zenpy matches responses against the host it built
            if response.status_code == 429:  # refused before any work: safe to repeat
                raise _Retry(response, None)
            if response.status_code >= 500:
                if not repeatable:  # the write may be committed: the caller re-reads
                    raise HTTPStatusError(response, tries[0], uncertain=True)
                raise _Retry(response, None)
            return response

        policy = self.retry
        retrying = Retrying(
            retry=retry_if_exception_type(_Retry),
            wait=self._wait,
            stop=self._stop,
            sleep=policy.sleep,
            before_sleep=self._count_retry,
            reraise=True,
        )
        try:
            response: requests.Response = retrying(attempt)
        except _Retry as exc:
            attempts = retrying.statistics.get("attempt_number", 1)
            if exc.response is not None:
                error = HTTPStatusError(exc.response, attempts)
                error.limit = self._limit_hit(error, attempts)
                raise error from None
            assert exc.cause is not None
            raise ConnectionFailed(exc.cause, attempts) from exc.cause
        if response.status_code >= 400:
            raise HTTPStatusError(response)
        return response

    def _limit_hit(self, error: HTTPStatusError, attempts: int) -> str:
        """Which retry limit ended a 429/5xx, worded after "beyond": the one to raise."""
        policy = self.retry
        advice = error.retry_after()
        if advice is not None and advice > policy.max_wait:
            return (f"beyond the longest wait allowed: it asked for {advice:g}s, "
                    f"DESKOPS_RETRY_MAX_WAIT is {policy.max_wait:g}s")
        if attempts >= policy.attempts:
            return (f"beyond the retry attempts ({attempts}, DESKOPS_RETRY_ATTEMPTS "
                    f"is {policy.attempts})")
        return (f"beyond the retry budget ({attempts} attempt(s); the next wait would pass "
                f"DESKOPS_RETRY_BUDGET, {policy.budget:g}s)")

    @contextmanager
    def once(self) -> Iterator[None]:
        """Calls made inside are writes that must not be repeated blindly (a ``PUT`` that
        adds a comment), like every ``POST`` and ``PATCH``."""
        token = _ONCE.set(True)
        try:
            yield
        finally:
            _ONCE.reset(token)

    # -- tenacity hooks --------------------------------------------------------------------
    @staticmethod
    def _failure(state: RetryCallState) -> _Retry | None:
        exc = state.outcome.exception() if state.outcome else None
        return exc if isinstance(exc, _Retry) else None

    def _advice(self, state: RetryCallState) -> float | None:
        failure = self._failure(state)
        if failure is None or failure.response is None:
            return None
        return parse_retry_after(failure.response.headers.get("Retry-After"))

    def _wait(self, state: RetryCallState) -> float:
        advice = self._advice(state)
        if advice is not None:
            return min(advice, self.retry.max_wait)
        backoff = self.retry.backoff * (2 ** (state.attempt_number - 1))
        return float(min(backoff * (0.5 + random.random() / 2), self.retry.max_wait))

    def _stop(self, state: RetryCallState) -> bool:
        policy = self.retry
        if state.attempt_number >= policy.attempts:
            return True
        advice = self._advice(state)
        if advice is not None and advice > policy.max_wait:
            return True
        elapsed = state.seconds_since_start or 0.0
        return elapsed + state.upcoming_sleep > policy.budget

    def _count_retry(self, state: RetryCallState) -> None:
        failure = self._failure(state)
        limited = bool(failure and failure.response is not None
                       and failure.response.status_code == 429)
        self.calls.record_retry(rate_limited=limited)
        log.info("%s, retry %d/%d in %s (retry budget %gs, %gs used)",
                    self._what_failed(failure), state.attempt_number + 1, self.retry.attempts,
                    _seconds(state.upcoming_sleep), self.retry.budget,
                    round(state.seconds_since_start or 0.0, 1))

    def _what_failed(self, failure: _Retry | None) -> str:
        """What a retry waits for, in the words the user needs."""
        if failure is None:
            return f"{self.vendor} call failed"
        if failure.response is None:
            reason = connection_reason(failure.cause) if failure.cause else "no answer"
            return f"{self.vendor} unreachable ({reason})"
        status = failure.response.status_code
        if status == 429:
            return f"{self.vendor} rate limit reached (429)"
        return f"{self.vendor} unavailable ({status})"


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 10 else f"{value:.2g} s"


def session_facts(session: requests.Session, base_url: Callable[[], str] | None,
                  calls: CallCounter | None, owner: str) -> tuple[str, CallCounter, float]:
    """(base URL, call counter, retry budget) of a client given ``session``.

    A `HelpdeskSession` knows all three; a plain session (a test's own) takes the configured
    URL, read only then (``base_url``, None without settings), and retries nothing.
    """
    if isinstance(session, HelpdeskSession):
        return session.base_url, session.calls, session.retry.budget
    if base_url is None:
        raise ConfigError(f"{owner} needs settings to know the helpdesk URL")
    return base_url(), calls or CallCounter(), 0.0


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\"()\]\[]+)")
_HOST = re.compile(r"host='([^']+)', port=(\d+)")
_TICKET = re.compile(r"ticket #?\d+\b")


def connection_reason(cause: BaseException) -> str:
    """``connection refused at 127.0.0.1:8080`` rather than urllib3's chain of reprs, which
    repeats the URL (query included) and is cut mid-word when shortened."""
    text = str(cause)
    if isinstance(cause, requests.Timeout) or "timed out" in text.lower():
        reason = "timed out"
    elif "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        reason = "TLS certificate verification failed"
    elif match := _ERRNO.search(text):
        reason = match.group(1).strip().rstrip(".").lower()
    else:
        return _shorten(text, 160)
    host = _HOST.search(text)
    return f"{reason} at {host.group(1)}:{host.group(2)}" if host else reason


def _duplicate(body: Any) -> bool:
    """Freshdesk's 409 for a unique value: ``{"errors": [{"code": "duplicate_value"}]}``."""
    errors = body.get("errors") if isinstance(body, dict) else None
    return any(isinstance(e, dict) and e.get("code") == "duplicate_value"
               for e in errors or ())


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def map_http_error(
    exc: HTTPStatusError | ConnectionFailed,
    *,
    vendor: str,
    what: str,
    reason: str,
    details: Sequence[str] | None,
    credential: str,
    check: str,
    budget: float,
) -> HelpdeskError:
    """One `HelpdeskError` from a final failure: ``what`` names the object, ``reason`` is the
    helpdesk's one-line error, ``details`` its field-by-field reasons, ``credential`` says
    which credential was used, ``check`` which variable(s) to check."""
    if isinstance(exc, ConnectionFailed) and exc.uncertain:
        return Unavailable(
            f"{vendor} could not be reached while working on {what} "
            f"({connection_reason(exc.cause)}): the write may or may not have happened, so "
            "it was not repeated; check it, then try again")
    if isinstance(exc, ConnectionFailed):
        return Unavailable(
            f"{vendor} could not be reached while working on {what} "
            f"({connection_reason(exc.cause)}) after {exc.attempts} attempt(s): "
            "check the network and try again")
    status = exc.status
    said = f"{status} {reason}".strip()
    body = exc.json()
    if status == 401:
        return AuthError(f"{vendor} rejected the {credential} ({said}): check {check}",
                         status=status)
    if status == 403:
        return AuthError(
            f"{vendor} refused access to {what} ({said}): the credential lacks a permission "
            "or scope, or the plan lacks the feature", status=status)
    if status == 404:
        # Provisioned objects vanish when deleted by hand (plan sees it); a ticket id is
        # usually mistyped or the ticket was deleted: "run plan" would be the wrong advice.
        hint = ("check the ticket id" if _TICKET.match(what)
                else "was it deleted by hand? run plan again")
        return NotFound(f"{vendor} has no {what} ({said}): {hint}", status=status)
    if status == 409 and _duplicate(body):  # Freshdesk: a unique value already taken
        text = "; ".join(details) if details else said
        return Conflict(f"{vendor} refused {what}: a value that must be unique is already "
                        f"taken ({_shorten(text)}); rename it or adopt the existing one",
                        status=status)
    if status == 409:
        return Conflict(f"{vendor} reported a conflict on {what} ({said}): it changed "
                        "meanwhile; run plan again", status=status)
    if status in (400, 422):
        text = "; ".join(details) if details else said
        return Rejected(f"{vendor} rejected {what}: {_shorten(text)}", status=status,
                        details=body if isinstance(body, dict | list) else None)
    if status == 429:
        advice = exc.retry_after() or 0.0
        limit = exc.limit or (f"beyond the retry budget ({exc.attempts} attempt(s), "
                              f"budget {budget:g}s)")
        return RateLimited(f"{vendor} kept rate-limiting {what} (429, Retry-After "
                           f"{advice:g}s) {limit}: try again later", retry_after=advice)
    if status >= 500:
        if exc.uncertain:
            return Unavailable(f"{vendor} is unavailable for {what} ({said}): the write may "
                               "or may not have happened, so it was not repeated; check it, "
                               "then try again later", status=status)
        return Unavailable(f"{vendor} is unavailable for {what} ({said}) after "
                           f"{exc.attempts} attempt(s): try again later", status=status)
    return HelpdeskError(f"{vendor} refused {what} ({said})", status=status)
