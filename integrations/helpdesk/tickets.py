"""Ticket verbs for the webhook worker and the sweep: a small contract and one class per vendor.

`TicketDesk` is to tickets what `Helpdesk` is to provisioning: the worker reads the ticket
fresh (the webhook is only a hint), a handler decides, and the adapter writes one update.
Zendesk goes through zenpy on the adapters' guarded `HelpdeskSession`; Freshdesk through a
``requests`` session built the same way. Errors are mapped in one place per vendor into
`integrations.errors.HelpdeskError` subclasses.

Tag writes are merges (Zendesk ``PUT /tickets/{id}/tags``; Freshdesk read-merge-write,
since its ``tags`` replaces the whole set), so writing the same tag twice changes nothing.

Triage writes through `TicketDesk.apply_update` (one triage `Update`):

- Zendesk: ONE ``PUT /tickets/{id}`` carrying tags (the whole ``tags`` set merged from the
  ticket as read; ``additional_tags``/``remove_tags`` only without a stamp), properties,
  written-back fields and the public comment, with ``safe_update`` and
  ``updated_stamp`` = the ``updated_at`` read with the ticket; a 409 becomes `TicketChanged`
  (a `Conflict`) so the caller re-reads and re-decides instead of clobbering an agent's edit.
- Freshdesk has no single call for properties plus a reply: ``PUT /tickets/{id}`` first
  (tags merged from the ticket as read, plus the update's stage tag), then
  ``POST /tickets/{id}/reply``. A worker killed between the two leaves the stage tag without
  its reply; the triage handler detects that on the retry (see
  `integrations.worker.triage`) and sends only the reply, once (`post_comment`).

Reads per ticket: Zendesk two calls (the ticket; its comments with the users sideloaded, for
the requester's locale); Freshdesk one call (``include=requester,conversations``; a second
only past ten conversations) plus, once per requester, the contact (for its language) and,
once per adapter, the ticket-field list that maps ``cf_`` names to field ids.

Dropdown values: triage works on option keys. A Zendesk ticket holds the key (the tag); a
Freshdesk ticket holds the choice's text, the option's title. `TicketDesk.use_choices`
hands the Freshdesk adapter the table (remote field id → option key → value, built by the
caller from the workspace and the lock: `integrations.plan.choice_values`); it reads
values as keys and writes keys as values. A value it does not know (a choice added by
hand, or a key still held from before choices carried titles) passes through unchanged.
"""

from __future__ import annotations

import html
import json
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import requests

from integrations.errors import ConfigError, Conflict, HelpdeskError, Unavailable
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    map_http_error,
)
from integrations.helpdesk.base import CallCounter
from integrations.model import Ticket, TicketComment
from integrations.settings import Settings

if TYPE_CHECKING:
    from integrations.triage import Comment, Update

__all__ = ["FreshdeskTickets", "TicketChanged", "TicketDesk", "WriteUncertain",
           "ZendeskTickets", "connect_tickets"]

log = logging.getLogger("deskops.tickets")


class TicketChanged(Conflict):
    """The ticket changed between our read and our write (Zendesk 409 on ``safe_update``):
    re-read it and decide again — never retry the same write."""


class WriteUncertain(Unavailable):
    """A write whose answer was lost (5xx, timeout, dropped connection after sending): it
    may have happened. It was not repeated; re-read the ticket to learn whether it did."""


def _when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    text = str(value or "1970-01-01T00:00:00Z").replace("Z", "+00:00")
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _mapped(exc: HTTPStatusError | ConnectionFailed, vendor: str, what: str, session: Any,
            credential: tuple[str, str]) -> HelpdeskError:
    """One `HelpdeskError`, worded like the provisioning adapters': the vendor's own reason
    and details (`zendesk.error_reason` / `freshdesk.error_reason`), and ``credential`` =
    (its name, the variable(s) to check) from `zendesk.credential_names` /
    `freshdesk.CREDENTIAL`."""
    if vendor == "Zendesk":
        from integrations.helpdesk.zendesk import error_reason
    else:
        from integrations.helpdesk.freshdesk import error_reason
    reason, details = error_reason(exc)
    budget = session.retry.budget if isinstance(session, HelpdeskSession) else 0.0
    error = map_http_error(exc, vendor=vendor, what=what, reason=reason, details=details,
                           credential=credential[0], check=credential[1], budget=budget)
    if exc.uncertain:
        return WriteUncertain(str(error), status=error.status)
    return error


@contextmanager
def _once(session: Any) -> Iterator[None]:
    """A write that must not be repeated blindly (see `HelpdeskSession.once`)."""
    if isinstance(session, HelpdeskSession):
        with session.once():
            yield
    else:
        yield


_TAG = re.compile(r"<[^>]*>")


def _plain(text: str) -> str:
    """Comparable text of a comment: no tags, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


_ZD_SEARCH_LIMIT = 1000
#: Zendesk's incremental export refuses a start_time less than a minute old (+1 s of slack).
_EXPORT_LAG = timedelta(seconds=61)
_FD_SEARCH_PAGES = 10
_FD_SEARCH_PER_PAGE = 30
_FD_LIST_PAGES = 300


def _domain(email: Any) -> str | None:
    text = str(email or "")
    return text.rpartition("@")[2].lower() or None if "@" in text else None


def _iana(name: Any) -> str | None:
    """A known IANA time zone name, else None (a Rails name like "Chennai" is not one: see
    `_rails_zone`)."""
    if not isinstance(name, str) or not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


@cache
def _rails_zones() -> dict[str, str]:
    """ActiveSupport's zone names → IANA (``rails_time_zones.json``, its source noted there)."""
    data = json.loads((Path(__file__).with_name("rails_time_zones.json")).read_text("utf-8"))
    return {str(k): str(v) for k, v in data["zones"].items()}


def _rails_zone(name: Any) -> str | None:
    """A Freshdesk contact's ``time_zone`` as IANA: Freshdesk stores Rails names ("Eastern
    Time (US & Canada)", "Paris", "Seoul"); an IANA name passes through; anything else is
    None (triage then uses the workspace's time zone)."""
    if isinstance(name, str) and name in _rails_zones():
        return _iana(_rails_zones()[name])
    return _iana(name)


def _zendesk_comment(c: Mapping[str, Any], requester_id: int,
                     users: Mapping[int, Mapping[str, Any]]) -> TicketComment:
    author = int(c.get("author_id") or 0)
    role = str((users.get(author) or {}).get("role") or "")
    via = c.get("via") or {}
    headers = ((c.get("metadata") or {}).get("system") or {}) if isinstance(
        c.get("metadata"), Mapping) else {}
    auto = bool(via.get("source", {}).get("rel") == "auto_reply" if isinstance(
        via.get("source"), Mapping) else False) or "auto-submitted" in {
        str(k).lower() for k in headers}
    return TicketComment(
        id=int(c["id"]), author_id=author, public=bool(c.get("public", True)),
        body=str(c.get("body") or ""), created_at=_when(c.get("created_at")),
        from_requester=author == requester_id,
        from_agent=author != requester_id and role != "end-user",
        auto_submitted=auto,
        attachments=tuple(str(a.get("file_name") or "") for a in c.get("attachments") or ()
                          if isinstance(a, Mapping)))


class TicketDesk(ABC):
    """One helpdesk account seen through the ticket verbs the pipeline needs."""

    calls: CallCounter

    @abstractmethod
    def get_ticket(self, ticket_id: int) -> Ticket:
        """The ticket as it is now, with its comments and the requester's locale."""

    @abstractmethod
    def add_tags(self, ticket_id: int, tags: Sequence[str]) -> None:
        """Add ``tags`` to the ticket, keeping the others (idempotent)."""

    @abstractmethod
    def updated_since(self, since: datetime) -> Iterator[tuple[int, str]]:
        """``(ticket id, updated_at)`` of every ticket updated at or after ``since`` (sweep)."""

    # Triage verbs: concrete (not abstract) so desks written before them still load;
    # the two vendor adapters implement them all.
    def apply_update(self, ticket: Ticket, update: Update) -> None:
        """Write one triage decision on ``ticket`` (as read just before); see module doc."""
        raise HelpdeskError(f"{type(self).__name__} cannot apply triage updates")

    def post_comment(self, ticket_id: int, comment: Comment) -> None:
        """Send only a comment (the Freshdesk resume path: properties already written)."""
        raise HelpdeskError(f"{type(self).__name__} cannot post comments")

    def search_tag(self, tag: str, *, status: str | None = None) -> Iterator[int]:
        """Ids of tickets carrying ``tag`` (and in ``status``), by search: the cost grows
        with those tickets, not with all tickets. Sets `truncated` when the helpdesk's
        search limit hid some of them."""
        raise HelpdeskError(f"{type(self).__name__} cannot search tickets")

    def self_user_id(self) -> int:
        """The helpdesk user deskops writes as, so its own comments are told from agents'."""
        raise HelpdeskError(f"{type(self).__name__} cannot tell its own user id")

    def routing_ids(self) -> tuple[dict[str, int], dict[str, int]]:
        """Group and brand names → ids, read with the worker's own (least-privilege) key,
        so routing rules resolve without an admin API."""
        raise HelpdeskError(f"{type(self).__name__} cannot read group names")

    def forget_definitions(self) -> None:
        """Drop what the desk remembers of field definitions (read once per worker): called
        when a ``deskops apply`` or a workspace edit rebuilds the triage context."""
        return None  # nothing remembered by default

    def use_choices(self, table: Mapping[int, Mapping[str, str]]) -> None:
        """Remote field id → option key → the value a ticket holds (see the module doc).
        Nothing to do where a ticket holds the key itself (Zendesk tags)."""
        del table  # kept by the adapters whose tickets hold another value

    #: True after `search_tag` stopped at the helpdesk's result limit.
    truncated: bool = False
    #: Properties and comment go in separate calls (Freshdesk): a reply may need resuming.
    two_step_comments: bool = False

    @abstractmethod
    def close(self) -> None:
        """Release the HTTP session."""

    def __enter__(self) -> TicketDesk:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class ZendeskTickets(TicketDesk):
    """Zendesk tickets through zenpy (``tickets``, ``users``, ``comments``, incremental export)."""

    def __init__(self, zenpy_client: Any = None, *, settings: Settings | None = None,
                 calls: CallCounter | None = None) -> None:
        from integrations.helpdesk.zendesk import build_zenpy, credential_names

        if zenpy_client is None:
            if settings is None:
                raise ConfigError("ZendeskTickets needs a Zenpy client or settings")
            zenpy_client = build_zenpy(settings, calls=calls)
        self.zenpy = zenpy_client
        self._credential = credential_names(settings)
        session = zenpy_client.tickets.session
        self._session = session if isinstance(session, HelpdeskSession) else None
        self.calls = self._session.calls if self._session else (calls or CallCounter())

    @contextmanager
    def _call(self, what: str) -> Iterator[None]:
        from zenpy.lib.exception import ZenpyException

        try:
            yield
        except (HTTPStatusError, ConnectionFailed) as exc:
            raise _mapped(exc, "Zendesk", what, self._session, self._credential) from exc
        except ZenpyException as exc:
            raise HelpdeskError(f"Zendesk gave an unexpected answer for {what}: {exc}") from exc

    @property
    def _base(self) -> str:
        api = self.zenpy.tickets
        return f"{api.protocol}://{api.subdomain}.{api.domain}"

    def _raw(self, method: str, path: str, **kw: Any) -> Any:
        """One call through zenpy's guarded session (for what zenpy lacks: ``safe_update``,
        comment sideloads, search paging we control)."""
        resp = self.zenpy.tickets.session.request(method, f"{self._base}{path}", **kw)
        if resp.status_code >= 400:  # a plain session (HelpdeskSession raises itself)
            raise HTTPStatusError(resp)
        return resp.json() if resp.content else None

    def get_ticket(self, ticket_id: int) -> Ticket:
        what = f"ticket {ticket_id}"
        with self._call(what):
            raw = self.zenpy.tickets(id=ticket_id).to_dict()
            page = self._raw("GET", f"/api/v2/tickets/{ticket_id}/comments.json",
                             params={"include": "users"}) or {}
            comments = list(page.get("comments") or [])
            sideloaded = list(page.get("users") or [])
            while page.get("next_page"):  # more than 100 comments: rare, read them all
                resp = self.zenpy.tickets.session.get(page["next_page"])
                page = resp.json() if resp.content else {}
                comments += page.get("comments") or []
                sideloaded += page.get("users") or []  # each page sideloads its own authors
        requester_id = int(raw.get("requester_id") or 0)
        users = {int(u["id"]): u for u in sideloaded if isinstance(u, Mapping) and "id" in u}
        user = users.get(requester_id, {})
        if not user and requester_id:  # the requester never commented: one more read
            with self._call(f"requester of ticket {ticket_id}"):
                user = self.zenpy.users(id=requester_id).to_dict()
        via = raw.get("via") or {}
        return Ticket(
            id=int(raw["id"]),
            subject=str(raw.get("subject") or ""),
            description=str(raw.get("description") or ""),
            status=str(raw.get("status") or "new"),
            updated_at=_when(raw.get("updated_at")),
            requester_id=requester_id,
            requester_locale=user.get("locale"),
            requester_verified=bool(user.get("verified", True)),
            requester_domain=_domain(user.get("email")),
            time_zone=_iana(user.get("iana_time_zone")),
            form_id=raw.get("ticket_form_id"),
            brand_id=raw.get("brand_id"),
            group_id=raw.get("group_id"),
            priority=raw.get("priority"),
            type=raw.get("type"),
            channel=str(via.get("channel") or "web"),
            recipient=raw.get("recipient"),
            tags=tuple(raw.get("tags") or ()),
            fields={int(f["id"]): f.get("value") for f in raw.get("custom_fields") or ()
                    if isinstance(f, Mapping) and "id" in f},
            comments=tuple(_zendesk_comment(c, requester_id, users) for c in comments),
            # Zendesk's safe_update compares updated_stamp with the ticket's updated_at;
            # updated_stamp itself is write-only (never returned).
            version=raw.get("updated_at"),
            merged="closed_by_merge" in (raw.get("tags") or ()),
        )

    def apply_update(self, ticket: Ticket, update: Update) -> None:
        if update.empty:
            return
        body: dict[str, Any] = {}
        if ticket.version:
            body.update(safe_update=True, updated_stamp=ticket.version)
        tags = update.merged_tags(ticket.tags)
        if ticket.version and tags != list(ticket.tags):
            # the documented `tags` (the whole set, merged from the ticket as read):
            # safe_update refuses it if anyone changed the ticket since, tags included
            body["tags"] = tags
        elif not ticket.version:  # no stamp: add and remove one by one (Update Many's
            # additional_tags / remove_tags), never replacing tags we did not read
            if update.add_tags:
                body["additional_tags"] = list(update.add_tags)
            if update.remove_tags:
                body["remove_tags"] = list(update.remove_tags)
        for name in ("group_id", "priority", "type", "status"):
            if getattr(update, name) is not None:
                body[name] = getattr(update, name)
        if update.fields:
            body["custom_fields"] = [{"id": int(k), "value": v}
                                     for k, v in update.fields.items()]
        if update.comment is not None:
            body["comment"] = {"html_body": update.comment.html,
                               "public": update.comment.public}
        # With safe_update a repeat after a committed write gets 409 (the stamp moved on),
        # so the HTTP layer may retry it; without, a comment would be added twice.
        guard = _once(self.zenpy.tickets.session) if (
            "comment" in body and "safe_update" not in body) else nullcontext()
        try:
            with self._call(f"update of ticket {ticket.id}"), guard:
                self._raw("PUT", f"/api/v2/tickets/{ticket.id}.json", json={"ticket": body})
        except Conflict as exc:
            raise TicketChanged(f"Zendesk ticket {ticket.id} changed since it was read "
                                "(safe_update refused the write): re-read and decide again",
                                status=409) from exc

    def post_comment(self, ticket_id: int, comment: Comment) -> None:
        """A comment-only update has no ``safe_update`` stamp to make a repeat harmless: if
        its answer is lost, the comments are read again and it is sent once more only
        when it is not there."""
        what = f"comment on ticket {ticket_id}"
        body = {"ticket": {"comment": {"html_body": comment.html, "public": comment.public}}}
        try:
            with self._call(what), _once(self.zenpy.tickets.session):
                self._raw("PUT", f"/api/v2/tickets/{ticket_id}.json", json=body)
        except WriteUncertain:
            if self._has_comment(ticket_id, comment.html):
                log.info("ticket %s: the comment's answer was lost but it was saved", ticket_id)
                return
            with self._call(what), _once(self.zenpy.tickets.session):
                self._raw("PUT", f"/api/v2/tickets/{ticket_id}.json", json=body)

    def _has_comment(self, ticket_id: int, html_body: str) -> bool:
        wanted = _plain(html_body)
        return any((wanted and wanted in _plain(c.body)) or _plain(c.body) == wanted
                   for c in self.get_ticket(ticket_id).comments)

    def search_tag(self, tag: str, *, status: str | None = None) -> Iterator[int]:
        """``/api/v2/search.json``, 100 a page, oldest first; Zendesk stops at 1,000 results
        per query: past that `truncated` is set and the rest wait for a later run (tickets
        leave the set as they are answered or solved)."""
        self.truncated = False
        query = f"type:ticket tags:{tag}" + (f" status:{status}" if status else "")
        for page in range(1, _ZD_SEARCH_LIMIT // 100 + 1):
            with self._call(f"search {query!r}"):
                data = self._raw("GET", "/api/v2/search.json", params={
                    "query": query, "page": page, "per_page": 100,
                    "sort_by": "created_at", "sort_order": "asc"}) or {}
            for row in data.get("results") or []:
                if row.get("result_type", "ticket") == "ticket":
                    yield int(row["id"])
            if not data.get("next_page"):
                return
        self.truncated = True
        log.warning("Zendesk search %r: more than %s results; the rest wait for the next run",
                    query, _ZD_SEARCH_LIMIT)

    def self_user_id(self) -> int:
        with self._call("the API user (/users/me)"):
            return int(self.zenpy.users.me().id)

    def add_tags(self, ticket_id: int, tags: Sequence[str]) -> None:
        with self._call(f"tags of ticket {ticket_id}"):
            self.zenpy.tickets.add_tags(ticket_id, list(tags))

    def updated_since(self, since: datetime) -> Iterator[tuple[int, str]]:
        """The cursor-based incremental export (zenpy follows ``after_url`` to
        ``end_of_stream``). Its ``start_time`` "must be at least one minute in the past" (a
        400 otherwise): a shorter window starts a minute back — more states, which the
        sweep dedupes, rather than an error."""
        latest = datetime.now(UTC) - _EXPORT_LAG
        start = min(since if since.tzinfo else since.replace(tzinfo=UTC), latest)
        with self._call("incremental ticket export"):
            for ticket in self.zenpy.tickets.incremental(start_time=start):
                raw = ticket.to_dict()
                yield int(raw["id"]), _stamp(_when(raw.get("updated_at")))

    def routing_ids(self) -> tuple[dict[str, int], dict[str, int]]:
        """``/api/v2/groups`` and ``/api/v2/brands`` (agents may list both), all pages."""
        with self._call("the list of groups and brands"):
            groups = {str(g.name): int(g.id) for g in self.zenpy.groups(cursor_pagination=100)}
            brands = {str(b.name): int(b.id) for b in self.zenpy.brands(cursor_pagination=100)}
        return groups, brands

    def close(self) -> None:
        session = self._session or getattr(self.zenpy.tickets, "session", None)
        if session is not None:
            session.close()


_FD_STATUS = {2: "open", 3: "pending", 4: "solved", 5: "closed"}
_FD_STATUS_IDS = {"new": 2, "open": 2, "pending": 3, "hold": 3, "solved": 4, "closed": 5}
_FD_PRIORITY = {1: "low", 2: "normal", 3: "high", 4: "urgent"}
_FD_PRIORITY_IDS = {"low": 1, "normal": 2, "high": 3, "urgent": 4}
_FD_SOURCE = {1: "email", 2: "web", 3: "voice", 7: "chat", 9: "web", 10: "email"}


def _fd_recipient(raw: Mapping[str, Any]) -> str | None:
    """The support address an e-mail ticket was sent to (``to_emails``: "Email addresses to
    which the ticket was originally sent"), lower-cased, as Zendesk's ``recipient``; so
    recipient rules route alike on both targets. None for portal and API tickets."""
    for address in raw.get("to_emails") or ():
        text = str(address or "")
        if "<" in text and text.endswith(">"):  # "Name <address>"
            text = text.rpartition("<")[2][:-1]
        if "@" in text:
            return text.strip().lower()
    return None


class FreshdeskTickets(TicketDesk):
    """Freshdesk tickets through requests (``/api/v2/tickets``, ``/search/tickets``)."""

    def __init__(self, session: requests.Session | None = None, *,
                 settings: Settings | None = None, calls: CallCounter | None = None) -> None:
        if session is None:
            if settings is None:
                raise ConfigError("FreshdeskTickets needs a requests session or settings")
            from integrations.helpdesk.freshdesk import build_session

            session = build_session(settings, calls=calls)
        self.session = session
        base = session.base_url if isinstance(session, HelpdeskSession) else None
        if base is None and settings is None:
            raise ConfigError("FreshdeskTickets needs settings to know the helpdesk URL")
        self.base = base or (settings.freshdesk_base_url() if settings else "")
        self.calls = session.calls if isinstance(session, HelpdeskSession) else (
            calls or CallCounter())
        self._names: dict[str, int] | None = None
        self._languages: dict[int, str | None] = {}
        self._time_zones: dict[int, str | None] = {}
        self._to_value: dict[int, dict[str, str]] = {}
        self._to_key: dict[int, dict[str, str]] = {}

    two_step_comments = True

    def use_choices(self, table: Mapping[int, Mapping[str, str]]) -> None:
        self._to_value = {int(f): dict(m) for f, m in table.items()}
        self._to_key = {f: {v: k for k, v in m.items()} for f, m in self._to_value.items()}

    def key_of(self, field_id: int, value: Any) -> Any:
        """A ticket's value of field ``field_id`` as triage names it (see `use_choices`)."""
        return self._swap(self._to_key, field_id, value)

    @staticmethod
    def _swap(table: Mapping[int, Mapping[str, str]], field_id: int, value: Any) -> Any:
        if isinstance(value, str):
            return table.get(field_id, {}).get(value, value)
        return value

    def _request(self, method: str, path: str, what: str, **kw: Any) -> Any:
        try:
            resp = self.session.request(method, f"{self.base}{path}", **kw)
            if resp.status_code >= 400:  # a plain session (HelpdeskSession raises itself)
                raise HTTPStatusError(resp)
        except (HTTPStatusError, ConnectionFailed) as exc:
            from integrations.helpdesk.freshdesk import CREDENTIAL

            raise _mapped(exc, "Freshdesk", what, self.session, CREDENTIAL) from exc
        return resp.json() if resp.content else None

    def _field_names(self) -> dict[str, int]:
        """``cf_...`` name → field id, read once per adapter (tickets carry names, the lock
        file and triage use ids). The agents' ``/api/v2/ticket_fields``, not the admin one:
        the worker runs with a least-privilege (agent) key."""
        if self._names is None:
            rows = self._request("GET", "/api/v2/ticket_fields", "ticket fields") or []
            self._names = {str(f["name"]): int(f["id"]) for f in rows
                           if isinstance(f, Mapping) and not f.get("default")}
        return self._names

    def forget_definitions(self) -> None:
        self._names = None

    def routing_ids(self) -> tuple[dict[str, int], dict[str, int]]:
        """Group names from the agents' ``/api/v2/ticket_fields`` (the Group field's
        ``choices``: name → id): the groups APIs are admin-only. Freshdesk has no brands."""
        rows = self._request("GET", "/api/v2/ticket_fields", "the Group field",
                             params={"type": "default_group"}) or []
        for row in rows:
            choices = row.get("choices") if isinstance(row, Mapping) else None
            if row.get("type") == "default_group" and isinstance(choices, Mapping):
                return {str(k): int(v) for k, v in choices.items()}, {}
        return {}, {}

    def _language(self, contact_id: int) -> str | None:
        """A requester's language: on the contact only (``include=requester`` embeds email,
        id, mobile, name and phone), so read once per contact and remembered."""
        if contact_id and contact_id not in self._languages:
            contact = self._request("GET", f"/api/v2/contacts/{contact_id}",
                                    f"contact {contact_id}") or {}
            self._languages[contact_id] = contact.get("language") or None
            self._time_zones[contact_id] = _rails_zone(contact.get("time_zone"))
        return self._languages.get(contact_id)

    def get_ticket(self, ticket_id: int) -> Ticket:
        what = f"ticket {ticket_id}"
        raw = self._request("GET", f"/api/v2/tickets/{ticket_id}", what,
                            params={"include": "requester,conversations"})
        requester = raw.get("requester") or {}
        requester_id = int(raw.get("requester_id") or 0)
        convs = list(raw.get("conversations") or [])
        if len(convs) >= 10:  # include= embeds ten at most: read them all
            convs, page = [], 1
            while True:
                rows = self._request("GET", f"/api/v2/tickets/{ticket_id}/conversations",
                                     f"conversations of ticket {ticket_id}",
                                     params={"page": page, "per_page": 100}) or []
                convs += rows
                if len(rows) < 100:
                    break
                page += 1
        names = self._field_names()
        custom = raw.get("custom_fields") or {}
        return Ticket(
            id=int(raw["id"]),
            subject=str(raw.get("subject") or ""),
            description=str(raw.get("description_text") or raw.get("description") or ""),
            status=_FD_STATUS.get(int(raw.get("status") or 2), "open"),
            updated_at=_when(raw.get("updated_at")),
            requester_id=requester_id,
            requester_locale=self._language(requester_id),  # reads the contact once
            requester_domain=_domain(requester.get("email")),
            time_zone=self._time_zones.get(requester_id),
            form_id=raw.get("form_id"),
            group_id=raw.get("group_id"),
            priority=_FD_PRIORITY.get(int(raw.get("priority") or 1)),
            type=str(raw["type"]).lower() if raw.get("type") else None,
            channel=_FD_SOURCE.get(int(raw.get("source") or 2), "web"),
            recipient=_fd_recipient(raw),
            tags=tuple(raw.get("tags") or ()),
            fields={names[k]: self.key_of(names[k], v) for k, v in custom.items()
                    if k in names},
            comments=tuple(
                TicketComment(id=int(c["id"]), author_id=int(c.get("user_id") or 0),
                              public=not c.get("private", False),
                              body=str(c.get("body_text") or c.get("body") or ""),
                              created_at=_when(c.get("created_at")),
                              from_requester=int(c.get("user_id") or 0) == requester_id,
                              from_agent=int(c.get("user_id") or 0) != requester_id
                              and not c.get("incoming", False),
                              attachments=tuple(str(a.get("name") or "")
                                                for a in c.get("attachments") or ()
                                                if isinstance(a, Mapping)))
                for c in convs),
            attachments=tuple(str(a.get("name") or "") for a in raw.get("attachments") or ()
                              if isinstance(a, Mapping)),
            spam=bool(raw.get("spam")),
            deleted=bool(raw.get("deleted")),
        )

    def apply_update(self, ticket: Ticket, update: Update) -> None:
        """Properties (tags merged from ``ticket`` as read, stage tag included) in one PUT,
        then the reply: the order the triage handler's resume check relies on."""
        if update.empty:
            return
        props: dict[str, Any] = {}
        tags = update.merged_tags(ticket.tags)
        if tags != list(ticket.tags):
            props["tags"] = tags
        if update.status is not None:
            props["status"] = _FD_STATUS_IDS[update.status]
        if update.priority is not None:
            props["priority"] = _FD_PRIORITY_IDS[update.priority]
        if update.type is not None:
            props["type"] = update.type[:1].upper() + update.type[1:]
        if update.group_id is not None:
            props["group_id"] = update.group_id
        if update.fields:
            ids = {v: k for k, v in self._field_names().items()}
            unknown = [k for k in update.fields if int(k) not in ids]
            if unknown:
                raise HelpdeskError(f"Freshdesk has no custom field with id {unknown[0]} "
                                    f"(ticket {ticket.id}): run deskops apply again")
            props["custom_fields"] = {ids[int(k)]: self._swap(self._to_value, int(k), v)
                                      for k, v in update.fields.items()}
        if props:
            self._request("PUT", f"/api/v2/tickets/{ticket.id}", f"update of ticket {ticket.id}",
                          json=props)
        if update.comment is not None:
            self.post_comment(ticket.id, update.comment)

    def post_comment(self, ticket_id: int, comment: Comment) -> None:
        """A POST: never repeated blindly; a lost answer raises `WriteUncertain` and the
        triage handler re-reads the ticket for the comment's reply key."""
        if comment.public:
            self._request("POST", f"/api/v2/tickets/{ticket_id}/reply",
                          f"reply on ticket {ticket_id}", json={"body": comment.html})
        else:
            self._request("POST", f"/api/v2/tickets/{ticket_id}/notes",
                          f"note on ticket {ticket_id}",
                          json={"body": comment.html, "private": True})

    def search_tag(self, tag: str, *, status: str | None = None) -> Iterator[int]:
        """``/api/v2/search/tickets``: 30 a page, 10 pages at most (300 tickets). Past that
        `truncated` is set and the rest wait for a later run (tickets leave the set as they
        are answered or solved); the results come newest first, so the reminders of the
        oldest tickets are the ones delayed — logged as a warning."""
        self.truncated = False
        safe = tag.replace("'", "")
        query = f"tag:'{safe}'" + (f" AND status:{_FD_STATUS_IDS[status]}" if status else "")
        total = 0
        for page in range(1, _FD_SEARCH_PAGES + 1):
            data = self._request("GET", "/api/v2/search/tickets", f"search {query!r}",
                                 params={"query": f'"{query}"', "page": page}) or {}
            rows = data.get("results") or []
            total = int(data.get("total") or 0)
            for row in rows:
                yield int(row["id"])
            if len(rows) < _FD_SEARCH_PER_PAGE or page * _FD_SEARCH_PER_PAGE >= total:
                return
        if total > _FD_SEARCH_PAGES * _FD_SEARCH_PER_PAGE:
            self.truncated = True
            log.warning("Freshdesk search %r: %s results, only the first %s are reachable; "
                        "the rest wait for the next run", query, total,
                        _FD_SEARCH_PAGES * _FD_SEARCH_PER_PAGE)

    def self_user_id(self) -> int:
        return int(self._request("GET", "/api/v2/agents/me", "the API agent (/agents/me)")["id"])

    def add_tags(self, ticket_id: int, tags: Sequence[str]) -> None:
        current = self._request("GET", f"/api/v2/tickets/{ticket_id}",
                                f"ticket {ticket_id}").get("tags") or []
        merged = list(dict.fromkeys([*current, *tags]))
        if merged != list(current):  # `tags` replaces the whole set: write only a real change
            self._request("PUT", f"/api/v2/tickets/{ticket_id}", f"tags of ticket {ticket_id}",
                          json={"tags": merged})

    def updated_since(self, since: datetime) -> Iterator[tuple[int, str]]:
        """``/api/v2/tickets?updated_since=`` oldest first, 100 a page. The list stops at 300
        pages ("A maximum of 300 pages ... will be returned"): past that the listing starts
        again from the last ``updated_at`` seen (the sweep dedupes the overlap)."""
        stamp, page, last = _stamp(since), 1, None
        while True:
            rows = self._request("GET", "/api/v2/tickets", "ticket list", params={
                "updated_since": stamp, "per_page": 100, "page": page,
                "order_by": "updated_at", "order_type": "asc"}) or []
            for raw in rows:
                last = _stamp(_when(raw.get("updated_at")))
                yield int(raw["id"]), last
            if len(rows) < 100:
                return
            if page < _FD_LIST_PAGES:
                page += 1
            elif last is not None and last != stamp:
                stamp, page = last, 1
            else:  # 30,000 tickets updated in the same second: nothing more is reachable
                log.warning("Freshdesk ticket list: more than %s tickets updated at %s; the "
                            "rest wait for the next run", _FD_LIST_PAGES * 100, stamp)
                return

    def close(self) -> None:
        self.session.close()


def connect_tickets(settings: Settings, target: str | None = None, *,
                    calls: CallCounter | None = None) -> TicketDesk:
    """The `TicketDesk` for ``target`` (default ``settings.target``), built from settings."""
    name = target or settings.target
    if name == "zendesk":
        return ZendeskTickets(settings=settings, calls=calls)
    if name == "freshdesk":
        return FreshdeskTickets(settings=settings, calls=calls)
    raise ConfigError(f"unknown target {name!r}: use 'zendesk' or 'freshdesk'")

