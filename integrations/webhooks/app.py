"""The webhook receiver (`deskops serve`): a Starlette app declared as a routing table.

Contract with the helpdesk: acknowledge fast, never acknowledge what was not stored, never
a 500 for anything a client can send::

    401  wrong or missing signature / secret, unknown webhook id, stale timestamp (nothing stored)
    413  body over the limit (checked while reading, before anything else)
    415  content type is not JSON
    400  not JSON, not an object, or no ticket id: ``{"error": "<one-line reason>"}``
    202  stored (or a duplicate of a stored event, or an unknown event recorded as ignored)
    503  the event store cannot take the event, with a short ``Retry-After``

The event is committed to the store before the 202, by the process's one writer
(`writer.GroupWriter`: group commit, bounded inbox); the queue nudge comes after and may
fail without harm (the store re-sends nudges for events that are not done). Every store
fault, a full inbox or a commit slower than ``ack_timeout`` is a 503; a value no store can
keep is a 400. The ack never waits for the helpdesk. Headers and bodies are never logged
(secrets, e-mail addresses).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from integrations.errors import ConfigError
from integrations.events import (
    EventQueue,
    EventStore,
    NewEvent,
    QueueUnavailable,
    StoreUnavailable,
    canonical_timestamp,
)
from integrations.webhooks.health import answer_source
from integrations.webhooks.payload import BadPayload, parse_event
from integrations.webhooks.secrets import SecretBook
from integrations.webhooks.signature import (
    DEFAULT_WINDOW_SECONDS,
    SignatureError,
    freshdesk_secret_matches,
    verify_zendesk,
)
from integrations.webhooks.writer import DEFAULT_INBOX, GroupWriter, InboxFull

__all__ = ["DEFAULT_MAX_BODY", "FRESHDESK_SECRET_HEADER", "Receiver", "ReceiverConfig",
           "create_app"]

log = logging.getLogger("deskops.receiver")

DEFAULT_MAX_BODY = 256 * 1024
#: The shared-secret header deskops's Freshdesk automation rules send.
FRESHDESK_SECRET_HEADER = "X-Deskops-Webhook-Secret"
RETRY_AFTER_SECONDS = 5
#: Longest a request waits for its batch's commit before answering 503 (the helpdesks give
#: up after about 10 s; a resend of an event committed late is a deduplicated 202).
DEFAULT_ACK_TIMEOUT = 6.0
#: Longest ``/readyz`` waits for its probe write.
READY_TIMEOUT = 1.0


@dataclass
class ReceiverConfig:
    """Everything the receiver needs; `create_app` builds the app around it."""

    store: EventStore
    queue: EventQueue | None
    secrets: SecretBook
    window_seconds: float = DEFAULT_WINDOW_SECONDS
    max_body: int = DEFAULT_MAX_BODY
    inbox_size: int = DEFAULT_INBOX
    ack_timeout: float = DEFAULT_ACK_TIMEOUT
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)


class _Reject(Exception):
    def __init__(self, status: int, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.headers = headers or {}


class _Metrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter("deskops_webhook_requests", "Webhook deliveries by outcome",
                                ["source", "status"], registry=registry)
        self.ack = Histogram("deskops_webhook_ack_seconds", "Time to acknowledge a delivery",
                             ["source"], registry=registry,
                             buckets=(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5))
        self.events = Gauge("deskops_events", "Stored events by status", ["status"],
                            registry=registry)


#: The request headers the webhook routes read (ASGI names: lower-case bytes).
_WANTED = frozenset({b"content-length", b"content-type", b"x-zendesk-webhook-id",
                     b"x-zendesk-webhook-signature", b"x-zendesk-webhook-signature-timestamp",
                     b"x-zendesk-webhook-invocation-id", FRESHDESK_SECRET_HEADER.lower().encode(),
                     b"authorization"})
Headers = dict[bytes, str]


def _headers(scope: Scope) -> Headers:
    """The headers the webhook routes read, first occurrence wins (as Starlette's ``get``)."""
    found: Headers = {}
    for name, value in scope["headers"]:
        if name in _WANTED and name not in found:
            found[name] = value.decode("latin-1")
    return found


class _Disconnected(Exception):
    """The client went away before its body arrived."""


async def _read_body(headers: Headers, receive: Receive, limit: int) -> bytes:
    declared = headers.get(b"content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _Reject(413, f"body is larger than {limit} bytes")
    message = await receive()
    if message["type"] != "http.request":
        raise _Disconnected
    body: bytes = message.get("body", b"")
    if not message.get("more_body", False):  # the usual case: the whole body at once
        if len(body) > limit:
            raise _Reject(413, f"body is larger than {limit} bytes")
        return body
    chunks = [body]
    size = len(body)
    while True:
        if size > limit:
            raise _Reject(413, f"body is larger than {limit} bytes")
        message = await receive()
        if message["type"] != "http.request":
            raise _Disconnected
        chunk = message.get("body", b"")
        size += len(chunk)
        chunks.append(chunk)
        if not message.get("more_body", False):
            if size > limit:
                raise _Reject(413, f"body is larger than {limit} bytes")
            return b"".join(chunks)


def _json_body(headers: Headers, body: bytes) -> Any:
    ctype = headers.get(b"content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json" and not ctype.endswith("+json"):
        raise _Reject(415, f"content type must be application/json, got {ctype or 'none'!r}")
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Reject(400, "body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise _Reject(400, f"body is not valid JSON: {exc.msg} at line {exc.lineno} "
                           f"column {exc.colno}") from None
    except RecursionError:
        raise _Reject(400, "body is not valid JSON: nested too deeply") from None
    except ValueError:  # e.g. an integer literal past Python's 4300-digit conversion limit
        raise _Reject(400, "body is not valid JSON: a number in it is too large") from None


_JSON_HEADERS = [(b"content-type", b"application/json")]


async def _answer(send: Send, status: int, body: bytes,
                  extra: dict[str, str] | None = None) -> None:
    """A JSON response as Starlette's `JSONResponse` renders it, without building one."""
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1"))
               for k, v in extra.items()] if extra else []
    headers.append((b"content-length", str(len(body)).encode()))
    headers.extend(_JSON_HEADERS)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _json(content: dict[str, Any]) -> bytes:
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")


#: Longest value the receiver stores for a text the client sends (keeps indexed keys small).
#: (event attribute, as the client knows it, limit)
_STORED_TEXT = (("kind", "event", 100), ("ticket_updated_at", "updated_at", 64),
                ("invocation_id", "the invocation id", 200),
                ("webhook_id", "X-Zendesk-Webhook-Id", 200), ("reason", "event", 200))


def _storable(event: NewEvent) -> None:
    """Refuse, as the client's fault, any text no event store can keep.

    PostgreSQL's TEXT cannot hold NUL; neither back-end can encode a lone surrogate (JSON
    allows ``"\\ud800"``); an over-long value would bloat the unique dedupe keys.
    """
    for attr, name, limit in _STORED_TEXT:
        value = getattr(event, attr)
        if not isinstance(value, str):
            continue
        if len(value) > limit:
            raise _Reject(400, f"{name} is too long (at most {limit} characters)")
        if "\x00" in value:
            raise _Reject(400, f"{name} contains a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _Reject(400, f"{name} contains a lone surrogate (not valid Unicode)") from None
    try:
        canonical_timestamp(event.ticket_updated_at)
    except ValueError as exc:
        raise _Reject(400, str(exc)) from None


def _basic_password(header: str | None) -> str | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[2] or decoded.partition(":")[0]


def create_app(config: ReceiverConfig) -> Receiver:
    """The receiver app for ``config``; run it with uvicorn (`deskops serve`)."""
    metrics = _Metrics(config.registry)

    accepted = {s: metrics.requests.labels(s, "202") for s in ("zendesk", "freshdesk")}
    acked = {s: metrics.ack.labels(s) for s in ("zendesk", "freshdesk")}
    writer = GroupWriter(config.store, config.queue, registry=config.registry,
                         inbox_size=config.inbox_size)
    unavailable = _Reject(503, "event store unavailable, retry later",
                          {"Retry-After": str(RETRY_AFTER_SECONDS)})

    rejected = {(s, status): metrics.requests.labels(s, str(status))
                for s in ("zendesk", "freshdesk") for status in (400, 401, 413, 415, 503)}
    ack_timeout = config.ack_timeout

    async def store_event(source: str, event: NewEvent, started: float) -> bytes:
        future = writer.submit(event)  # raises InboxFull
        # One timer per request (cheaper than an asyncio.timeout scope): a commit slower
        # than ack_timeout fails the request with 503; its event may still be stored.
        timer = asyncio.get_running_loop().call_later(ack_timeout, _give_up, future)
        try:
            record, created = await future
        finally:
            timer.cancel()
        outcome = record.status if created else "duplicate"
        if record.status == "ignored":
            outcome = "ignored"
        accepted[source].inc()
        acked[source].observe(time.perf_counter() - started)
        return b'{"status":"%s","event_id":%d}' % (outcome.encode(), record.id)

    async def webhook(source: str, scope: Scope, receive: Receive) -> _Answer:
        """One delivery, on raw ASGI: the same contract as a Starlette route, less the
        Request/Response objects and middleware layers (most of the ack's CPU). Returns the
        answer; `Receiver` counts and sends it."""
        started = time.perf_counter()
        headers = _headers(scope)
        try:
            body = await _read_body(headers, receive, config.max_body)
            if source == "zendesk":
                check_zendesk(headers, body)
            else:
                check_freshdesk(headers, body)
            payload = _json_body(headers, body)
            try:
                event = parse_event(payload, source=source,
                                    invocation_id=headers.get(b"x-zendesk-webhook-invocation-id"),
                                    webhook_id=headers.get(b"x-zendesk-webhook-id"))
            except BadPayload as exc:
                raise _Reject(400, str(exc)) from None
            except ValueError:  # e.g. int("²"): digits Python's str.isdigit accepts, int refuses
                raise _Reject(400, "body is not a valid event: an id in it is not a "
                                   "plain integer") from None
            _storable(event)
            try:
                answer = await store_event(source, event, started)
            except InboxFull:
                log.warning("writer inbox full: delivery refused with 503")
                raise _Reject(503, "receiver busy, retry later",
                              {"Retry-After": str(RETRY_AFTER_SECONDS)}) from None
            except (StoreUnavailable, TimeoutError):
                raise unavailable from None
        except _Reject as rej:
            (rejected.get((source, rej.status))
             or metrics.requests.labels(source, str(rej.status))).inc()
            return rej.status, _json({"error": rej.reason}), rej.headers
        except _Disconnected:
            rejected[source, 400].inc()
            return 400, _json({"error": "client disconnected"}), None
        except ConfigError as exc:  # unreadable secrets file: our fault, not the client's
            log.error("%s", exc)
            rejected[source, 503].inc()
            return (503, _json({"error": "receiver misconfigured, retry later"}),
                    {"Retry-After": str(RETRY_AFTER_SECONDS)})
        return 202, answer, None

    def check_zendesk(headers: Headers, body: bytes) -> None:
        """The secrets from memory first; before a 401, once more from the file (a rotation
        made by another process is then seen at once, see `SecretBook`)."""
        webhook_id = headers.get(b"x-zendesk-webhook-id")
        known = config.secrets.zendesk(webhook_id, fresh=False)
        refused = zendesk_refusal(known, headers, body)
        if refused is None:
            return
        latest = config.secrets.zendesk(webhook_id)
        if latest != known:
            refused = zendesk_refusal(latest, headers, body)
            if refused is None:
                return
        raise _Reject(401, refused)

    def zendesk_refusal(secrets: list[str], headers: Headers, body: bytes) -> str | None:
        """Why ``secrets`` do not authenticate the delivery, or None when they do."""
        if not secrets:
            return "unknown or missing X-Zendesk-Webhook-Id"
        try:
            verify_zendesk(secrets,
                           signature=headers.get(b"x-zendesk-webhook-signature"),
                           timestamp=headers.get(b"x-zendesk-webhook-signature-timestamp"),
                           body=body, now=config.now(), window_seconds=config.window_seconds)
        except SignatureError as exc:
            return str(exc)
        return None

    freshdesk_header = FRESHDESK_SECRET_HEADER.lower().encode()

    def check_freshdesk(headers: Headers, body: bytes) -> None:
        given = (headers.get(freshdesk_header)
                 or _basic_password(headers.get(b"authorization")))
        known = config.secrets.freshdesk(fresh=False)
        if freshdesk_secret_matches(known, given):
            return
        latest = config.secrets.freshdesk()  # before a 401: the file once more
        if latest == known or not freshdesk_secret_matches(latest, given):
            raise _Reject(401, f"missing or wrong {FRESHDESK_SECRET_HEADER} (or basic auth)")

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        problems: dict[str, str] = {}
        try:  # a real write, bounded: another process's write lock cannot hold us here
            await asyncio.wait_for(run_in_threadpool(config.store.ping), READY_TIMEOUT)
        except StoreUnavailable as exc:
            problems["store"] = str(exc)
        except TimeoutError:
            problems["store"] = f"no write within {READY_TIMEOUT:g} s (locked or stalled)"
        if config.queue is not None:
            try:
                await run_in_threadpool(config.queue.size)
            except QueueUnavailable as exc:
                problems["queue"] = str(exc)
        if problems:
            return JSONResponse({"status": "unavailable", **problems}, status_code=503,
                                headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
        return JSONResponse({"status": "ready"})

    async def metrics_endpoint(request: Request) -> Response:
        try:
            counts = await run_in_threadpool(config.store.counts)
        except StoreUnavailable:
            counts = {}
        for status, count in counts.items():
            metrics.events.labels(status).set(count)
        return Response(generate_latest(config.registry), media_type=CONTENT_TYPE_LATEST)

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    async def other_method(request: Request) -> Response:  # never called: POST goes around
        raise AssertionError("webhook POSTs are answered by `webhook`")  # pragma: no cover

    routes = [  # the webhook routes here only answer other methods (405, as before)
        Route("/webhooks/zendesk", other_method, methods=["POST"]),
        Route("/webhooks/freshdesk", other_method, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics_endpoint, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    return Receiver(webhook, Starlette(routes=routes))


#: A webhook POST's answer: status, JSON body, extra headers.
_Answer = tuple[int, bytes, dict[str, str] | None]


class Receiver:
    """The receiver's ASGI app (`create_app`): the two webhook POST routes on raw ASGI, the
    rest on Starlette.

    `count_answers_with` hands it a counter of its answers under ``/webhooks/`` (the receiver
    health table's, `health.ReceiverHealth`): a webhook POST then calls it once with its
    source and status, instead of going through a wrapper of ``send`` (a closure and two
    more awaits per delivery; docs/deployment.md, task 11e).
    """

    def __init__(self, webhook: Callable[[str, Scope, Receive], Awaitable[_Answer]],
                 rest: ASGIApp) -> None:
        self._webhook = webhook
        self._rest = rest
        self._answered: Callable[[str, int], None] | None = None

    def count_answers_with(self, answered: Callable[[str, int], None]) -> None:
        """Call ``answered(source, status)`` for every answer to a path under ``/webhooks/``."""
        self._answered = answered

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            source = _WEBHOOKS.get(path)
            if source is not None and scope["method"] == "POST":
                status, body, extra = await self._webhook(source, scope, receive)
                if self._answered is not None:
                    self._answered(source, status)
                await _answer(send, status, body, extra)
                return
            if self._answered is not None and path.startswith("/webhooks/"):
                send = _counting(send, self._answered, answer_source(path))
        await self._rest(scope, receive, send)


def _counting(send: Send, answered: Callable[[str, int], None], source: str) -> Send:
    """``send``, calling ``answered`` at the start of the response (paths off the hot path:
    other methods and unknown paths under ``/webhooks/``, answered by Starlette)."""

    async def counting_send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answered(source, int(message["status"]))
        await send(message)

    return counting_send


def _give_up(future: asyncio.Future[Any]) -> None:
    if not future.done():
        future.set_exception(TimeoutError())


_WEBHOOKS = {"/webhooks/zendesk": "zendesk", "/webhooks/freshdesk": "freshdesk"}


def _error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": description, "content": {"application/json": {
        "schema": {"type": "object", "required": ["error"],
                   "properties": {"error": {"type": "string"}}}}}}
    if headers:
        answer["headers"] = headers
    return answer


# The published description is what `tests/pipeline/test_fuzz_receiver.py` fuzzes: request
# bodies are the three shapes `payload.parse_event` reads (each closed, so a generated
# "valid" body is one the receiver must accept), headers are declared with the limits
# the receiver enforces, and every status it can answer is listed.
_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying",
                                "schema": {"type": "string", "pattern": "^[0-9]+$"}}}
_ACCEPTED = {"description": "Stored (or duplicate, or unknown event recorded as ignored)",
             "content": {"application/json": {"schema": {
                 "type": "object", "required": ["status", "event_id"],
                 "properties": {"status": {"enum": ["queued", "duplicate", "ignored"]},
                                "event_id": {"type": "integer"}}}}}}
_ID = {"description": "A positive id, as a number or a string of ASCII digits",
       "oneOf": [{"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
                 {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}]}
_STAMP = {"type": "string", "format": "date-time", "maxLength": 64,
          "examples": ["2024-05-01T10:00:00Z"]}
_DESKOPS_EVENT = {
    "title": "deskops trigger / automation body (what `deskops webhooks install` sets up)",
    "type": "object", "required": ["ticket_id"], "additionalProperties": False,
    "properties": {"event": {"type": "string", "pattern": "^[^\\u0000]{0,100}$",
                             "examples": ["ticket_created", "ticket_updated"]},
                   "ticket_id": _ID, "updated_at": _STAMP, "requester_id": _ID}}
_ZENDESK_EVENT = {
    "title": "Zendesk event-subscription body",
    "type": "object", "required": ["type", "detail"], "additionalProperties": False,
    "properties": {
        "type": {"type": "string", "pattern": "^zen:event-type:ticket\\.[a-z_]{1,40}$"},
        "id": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,64}$"},
        "account_id": {"type": "integer"}, "subject": {"type": "string", "maxLength": 200},
        "time": _STAMP, "zendesk_event_version": {"type": "string", "maxLength": 40},
        "detail": {"type": "object", "required": ["id"], "additionalProperties": False,
                   "properties": {"id": _ID, "updated_at": _STAMP, "requester_id": _ID}}}}
_FRESHDESK_EVENT = {
    "title": "Freshdesk's default webhook wrapper",
    "type": "object", "required": ["freshdesk_webhook"], "additionalProperties": False,
    "properties": {"freshdesk_webhook": {
        "type": "object", "required": ["ticket_id"], "additionalProperties": False,
        "properties": {"ticket_id": _ID}}}}
_EVENT_BODY = {"required": True, "description": "Ids and timestamps only, never ticket text "
               f"(at most {DEFAULT_MAX_BODY} bytes by default)",
               "content": {"application/json": {"schema": {
                   "oneOf": [_DESKOPS_EVENT, _ZENDESK_EVENT, _FRESHDESK_EVENT]}}}}
_COMMON = {"202": _ACCEPTED,
           "400": _error("Not UTF-8 JSON, not an object, no or bad ticket id, or a value "
                         "that cannot be stored; `error` is a one-line reason"),
           "401": _error("Not authentic (nothing stored)"),
           "413": _error("Body over the limit"),
           "415": _error("Not application/json"),
           "503": _error("Event store unavailable, receiver busy (writer inbox full) or "
                         "misconfigured", _RETRY_AFTER)}
_TOKEN = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[\\x21-\\x7e]+$"}

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "deskops webhook receiver", "version": "1",
             "description": "Acknowledges helpdesk webhooks once stored. Never a 500 for "
                            "anything a client can send."},
    "paths": {
        "/webhooks/zendesk": {"post": {
            "summary": "Zendesk webhook delivery, signed base64(HMAC-SHA256(secret, "
                       "timestamp + body))",
            "parameters": [
                {"name": "X-Zendesk-Webhook-Id", "in": "header", "required": True,
                 "description": "Selects the signing secret(s)", "schema": _TOKEN},
                {"name": "X-Zendesk-Webhook-Signature", "in": "header", "required": True,
                 "schema": {"type": "string", "contentEncoding": "base64",
                            "maxLength": 200}},
                {"name": "X-Zendesk-Webhook-Signature-Timestamp", "in": "header",
                 "required": True, "description": "Within the replay window (300 s default)",
                 "schema": _STAMP},
                {"name": "X-Zendesk-Webhook-Invocation-Id", "in": "header", "required": False,
                 "description": "Deduplicates redeliveries", "schema": _TOKEN},
            ],
            "requestBody": _EVENT_BODY, "responses": _COMMON}},
        "/webhooks/freshdesk": {"post": {
            "summary": "Freshdesk automation webhook (shared secret header, or basic auth "
                       "with the secret as password)",
            "parameters": [
                {"name": FRESHDESK_SECRET_HEADER, "in": "header", "required": False,
                 "schema": {"type": "string", "maxLength": 200}},
                {"name": "Authorization", "in": "header", "required": False,
                 "schema": {"type": "string", "pattern": "^Basic [A-Za-z0-9+/=]{0,400}$"}},
            ],
            "requestBody": _EVENT_BODY, "responses": _COMMON}},
        "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {
            "description": "up", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"status": {"const": "ok"}}}}}}}}},
        "/readyz": {"get": {"summary": "Store and queue reachable", "responses": {
            "200": {"description": "ready", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"status": {"const": "ready"}}}}}},
            "503": {"description": "not ready; names the part that is down",
                    "headers": _RETRY_AFTER, "content": {"application/json": {"schema": {
                        "type": "object", "required": ["status"],
                        "properties": {"status": {"const": "unavailable"},
                                       "store": {"type": "string"},
                                       "queue": {"type": "string"}}}}}}}}},
        "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {
            "200": {"description": "text exposition format",
                    "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
        "/openapi.json": {"get": {"summary": "This description", "responses": {
            "200": {"description": "OpenAPI 3.1",
                    "content": {"application/json": {"schema": {"type": "object"}}}}}}},
    },
}
