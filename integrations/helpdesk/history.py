"""Reading a helpdesk's solved and closed tickets, for ``deskops suggest``: bounded, resumable.

- Zendesk: the cursor-based incremental export (``/api/v2/incremental/tickets/cursor.json``,
  up to 1,000 tickets a page, 10 calls a minute); ``start_time`` is clamped to at least a
  minute in the past, as Zendesk requires. A page without ``after_cursor`` (an export that
  answers everything at once) ends the read too.
- Freshdesk: the filtered search (``/api/v2/search/tickets``), 30 a page and at most 10 pages
  a query, dates by the day only, newest first. The read starts with one window from
  ``since`` to today; a window holding more than 300 tickets is read for its 10 pages,
  then the next window ends on the oldest day seen (the tickets of that day already read are
  skipped), so every page but the last is full: the calls stay near the floor of
  ``ceil(tickets / 30)``. One more call reads the ``cf_`` names of the ticket fields.

Only what learning needs is kept, in memory: subject, description (plain text), tags, the
custom-field values by field id and, once `read_replies` ran, the requester's first reply:

- Zendesk: the time-based incremental ticket event export with the ``comment_events``
  sideload (``/api/v2/incremental/ticket_events``, 1,000 events a page, every ticket's
  updates in time order): the first public comment the requester wrote after the ticket's
  creation event. ``ceil(events / 1000)`` calls for the whole window, not one per ticket.
- Freshdesk: one call per ticket (``/api/v2/tickets/{id}/conversations``, first page): the
  first incoming public conversation by the requester. The cheap mode skips it.

The checkpoint (`Checkpoint`, a JSON file in the state
folder) holds the read's position and counts — never any ticket text: an interrupted read
continues from there (``--resume``). A page's position is taken only once all its tickets
were, so a read stopped by its bound resumes on that page (Freshdesk: on that date window)
and skips nothing. The reply read has its own position (Zendesk: the event export's next
``start_time`` and the tickets whose first reply was found; Freshdesk: the tickets whose
conversations were read, saved every `SAVE_EVERY` calls and when a call fails), so a
resume does not read those replies again.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from integrations.errors import ConfigError
from integrations.helpdesk.tickets import FreshdeskTickets, TicketDesk, ZendeskTickets

__all__ = ["Checkpoint", "HistoryTicket", "Replies", "read_history", "read_replies"]

#: Freshdesk search: results per page, and pages a query can reach.
SEARCH_PER_PAGE = 30
SEARCH_PAGES = 10
#: Zendesk: the incremental export's largest page, and how old ``start_time`` must be.
EXPORT_PER_PAGE = 1000
EXPORT_MIN_AGE = timedelta(minutes=1)
_SOLVED_ZENDESK = frozenset({"solved", "closed"})
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class HistoryTicket:
    """One solved ticket as learning sees it (never written anywhere)."""

    id: int
    created_at: str
    subject: str
    description: str
    tags: tuple[str, ...]
    fields: Mapping[int, Any]
    requester_id: int | None = None
    reply: str = ""  # the requester's first reply, once read

    def texts(self) -> list[str]:
        return [t for t in (self.subject, self.description, self.reply) if t]


@dataclass
class Checkpoint:
    """Where a read stands: positions and counts only (safe to keep: no requester text)."""

    path: Path | None
    target: str = ""
    since: str = ""
    cursor: str | None = None
    window_end: str | None = None
    seen_on_end_day: list[int] = field(default_factory=list)
    read: int = 0
    calls: int = 0
    done: bool = False
    #: the reply read's position: Zendesk the ticket event export's next ``start_time``;
    #: ticket ids done (Freshdesk: conversations read; Zendesk: first reply found)
    reply_start: int | None = None
    replied: list[int] = field(default_factory=list)
    reply_calls: int = 0
    reply_events: int = 0
    replies_done: bool = False
    #: Zendesk: the tickets the event walk was started for. A ticket read only on a resume
    #: (solved since) may have had its first reply before the walk's position: a later
    #: reply is not taken as its first unless the walk saw the ticket created.
    reply_for: list[int] = field(default_factory=list)

    @property
    def in_replies(self) -> bool:
        """Whether an earlier run stopped inside the reply read (the tickets were all read)."""
        return self.done and self.reply_calls > 0 and not self.replies_done

    def reread(self) -> None:
        """Read the tickets again from the start (their text was never kept), keeping the
        reply read's position: the replies already read are not read again."""
        self.cursor, self.window_end, self.seen_on_end_day = None, None, []
        self.read, self.done = 0, False

    def reset_replies(self) -> None:
        """Forget the reply read's position: the tickets of this run need all their replies."""
        self.reply_start, self.replied, self.replies_done = None, [], False
        self.reply_for = []
        self.reply_calls = self.reply_events = 0

    @classmethod
    def load(cls, path: Path, target: str, since: str) -> Checkpoint:
        """The saved position for the same target and ``since``, else a fresh one."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path, target, since)
        if not isinstance(data, dict) or data.get("target") != target or \
                data.get("since") != since:
            return cls(path, target, since)
        start = data.get("reply_start")
        return cls(path, target, since, data.get("cursor"), data.get("window_end"),
                   [int(i) for i in data.get("seen_on_end_day") or []],
                   int(data.get("read") or 0), int(data.get("calls") or 0),
                   bool(data.get("done")), int(start) if isinstance(start, int) else None,
                   [int(i) for i in data.get("replied") or []],
                   int(data.get("reply_calls") or 0), int(data.get("reply_events") or 0),
                   bool(data.get("replies_done")),
                   [int(i) for i in data.get("reply_for") or []])

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({
            "target": self.target, "since": self.since, "cursor": self.cursor,
            "window_end": self.window_end, "seen_on_end_day": self.seen_on_end_day,
            "read": self.read, "calls": self.calls, "done": self.done,
            "reply_start": self.reply_start, "replied": self.replied,
            "reply_calls": self.reply_calls, "reply_events": self.reply_events,
            "replies_done": self.replies_done, "reply_for": self.reply_for}) + "\n",
            encoding="utf-8")
        os.replace(tmp, self.path)


Progress = Callable[[int, int], None]
#: A page of tickets, and the checkpoint position once all of them are taken.
Page = tuple[list[HistoryTicket], dict[str, Any]]


def read_history(desk: TicketDesk, since: datetime, *, limit: int, checkpoint: Checkpoint,
                 progress: Progress | None = None, now: datetime | None = None
                 ) -> Iterator[HistoryTicket]:
    """Solved and closed tickets created or updated since ``since``, at most ``limit``,
    continuing from ``checkpoint`` (saved after every page); ``progress(read, calls)``."""
    now = now or datetime.now(UTC)
    if isinstance(desk, ZendeskTickets):
        pages = _zendesk(desk, since, now, checkpoint)
    elif isinstance(desk, FreshdeskTickets):
        pages = _freshdesk(desk, since, now, checkpoint)
    else:
        raise ConfigError(f"cannot read the history of {type(desk).__name__}")
    for batch, position in pages:
        for ticket in batch:
            if checkpoint.read >= limit:  # the page's position is not taken: a resume
                checkpoint.save()         # reads this page again, nothing is skipped
                return
            checkpoint.read += 1
            yield ticket
        for name, value in position.items():
            setattr(checkpoint, name, value)
        checkpoint.save()
        if progress is not None:
            progress(checkpoint.read, checkpoint.calls)
        if checkpoint.read >= limit:
            return


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def _zendesk(desk: ZendeskTickets, since: datetime, now: datetime,
             cp: Checkpoint) -> Iterator[Page]:
    start = min(since, now - EXPORT_MIN_AGE)
    cursor, done = cp.cursor, cp.done
    while not done:
        params: dict[str, Any] = {"per_page": EXPORT_PER_PAGE}
        if cursor:
            params["cursor"] = cursor
        else:
            params["start_time"] = int(start.timestamp())
        with desk._call("the incremental ticket export"):
            page = desk._raw("GET", "/api/v2/incremental/tickets/cursor.json",
                             params=params) or {}
        cp.calls += 1
        cursor = page.get("after_cursor") or cursor
        done = bool(page.get("end_of_stream", True)) or not page.get("after_cursor")
        yield [HistoryTicket(
            id=int(t["id"]), created_at=str(t.get("created_at") or ""),
            subject=str(t.get("subject") or ""), description=str(t.get("description") or ""),
            tags=tuple(t.get("tags") or ()),
            fields={int(f["id"]): f.get("value") for f in t.get("custom_fields") or ()
                    if isinstance(f, Mapping) and "id" in f},
            requester_id=_int(t.get("requester_id")))
            for t in page.get("tickets") or []
            if t.get("status") in _SOLVED_ZENDESK and str(t.get("created_at") or "") >=
            since.strftime("%Y-%m-%dT%H:%M:%SZ")], {"cursor": cursor, "done": done}


def _freshdesk(desk: FreshdeskTickets, since: datetime, now: datetime,
               cp: Checkpoint) -> Iterator[Page]:
    names = desk._field_names()
    cp.calls += 1
    first = since.strftime("%Y-%m-%d")
    window_end, seen, done = cp.window_end, list(cp.seen_on_end_day), cp.done
    while not done:
        end = window_end or now.strftime("%Y-%m-%d")
        skip = set(seen)
        query = (f"\"(status:4 OR status:5) AND created_at:>'{first}' AND "
                 f"created_at:<'{end}'\"")
        oldest, total, page_no = end, 0, 0
        on_oldest: list[int] = []
        window: list[list[HistoryTicket]] = []
        while page_no < SEARCH_PAGES:
            page_no += 1
            found = desk._request("GET", "/api/v2/search/tickets", "ticket search",
                                  params={"query": query, "page": page_no}) or {}
            cp.calls += 1
            total = int(found.get("total") or 0)
            batch = []
            for t in found.get("results") or []:
                day = str(t.get("created_at") or "")[:10]
                if day < oldest:
                    oldest, on_oldest = day, []
                if day == oldest:
                    on_oldest.append(int(t["id"]))
                if int(t["id"]) in skip:
                    continue
                custom = t.get("custom_fields") or {}
                batch.append(HistoryTicket(
                    id=int(t["id"]), created_at=str(t.get("created_at") or ""),
                    subject=str(t.get("subject") or ""),
                    description=_plain(str(t.get("description") or "")),
                    tags=tuple(t.get("tags") or ()),
                    fields={names[n]: desk.key_of(names[n], v)
                            for n, v in custom.items() if n in names},
                    requester_id=_int(t.get("requester_id"))))
            window.append(batch)
            if page_no * SEARCH_PER_PAGE >= total:
                break
        if total <= SEARCH_PAGES * SEARCH_PER_PAGE:
            done = True
        elif oldest == end:  # more than 300 on one day: the search cannot reach the rest
            window_end = (datetime.strptime(end, "%Y-%m-%d")
                          - timedelta(days=1)).strftime("%Y-%m-%d")
            seen = []
        else:
            window_end, seen = oldest, sorted(set(on_oldest))
        for batch in window[:-1]:
            yield batch, {}
        yield window[-1], {"window_end": window_end, "seen_on_end_day": seen, "done": done}


#: Zendesk's ticket event export: events a page (a page may run on to finish its second).
EVENTS_PER_PAGE = 1000


@dataclass
class Replies:
    """What `read_replies` found: ticket id -> first reply (memory only), and its cost."""

    texts: dict[int, str] = field(default_factory=dict)
    calls: int = 0
    events: int = 0  # Zendesk: distinct events the export walked (its paging floor's base)


def read_replies(desk: TicketDesk, since: datetime, tickets: list[HistoryTicket], *,
                 progress: Progress | None = None, now: datetime | None = None,
                 checkpoint: Checkpoint | None = None) -> Replies:
    """The requester's first reply of each of ``tickets`` (those read since ``since``),
    continuing from ``checkpoint``'s reply position (saved as the read goes, and when it
    fails): replies already read are not read again."""
    now = now or datetime.now(UTC)
    cp = checkpoint or Checkpoint(None)
    wanted = {t.id: t.requester_id for t in tickets if t.requester_id is not None}
    try:
        if isinstance(desk, ZendeskTickets):
            out = _zendesk_replies(desk, min(since, now - EXPORT_MIN_AGE), wanted, progress, cp)
        elif isinstance(desk, FreshdeskTickets):
            out = _freshdesk_replies(desk, wanted, progress, cp)
        else:
            raise ConfigError(f"cannot read the replies of {type(desk).__name__}")
        cp.replies_done = True
    finally:
        cp.save()
    return out


def _zendesk_replies(desk: ZendeskTickets, since: datetime, wanted: Mapping[int, int],
                     progress: Progress | None, cp: Checkpoint) -> Replies:
    out = Replies()
    resumed = cp.reply_start is not None
    start = cp.reply_start if cp.reply_start is not None else int(since.timestamp())
    if not resumed:
        cp.reply_for = sorted(wanted)
    walked = set(cp.reply_for)  # whose every event since the walk's start is walked
    seen: set[int] = set()
    done = set(cp.replied)  # first replies found before a resume: a later one is not first
    while True:
        with desk._call("the incremental ticket event export"):
            page = desk._raw("GET", "/api/v2/incremental/ticket_events.json",
                             params={"start_time": start, "include": "comment_events"}) or {}
        out.calls += 1
        events = page.get("ticket_events") or []
        fresh = [e for e in events if int(e.get("id") or 0) not in seen]
        seen.update(int(e.get("id") or 0) for e in fresh)  # a second may come again
        for e in fresh:
            tid = _int(e.get("ticket_id"))
            requester = wanted.get(tid) if tid is not None else None
            children = e.get("child_events") or []
            if tid is not None and any(c.get("event_type") == "Create" for c in children):
                walked.add(tid)
                continue  # the creation's comment is the description
            if requester is None or tid in out.texts or tid is None or tid in done or \
                    tid not in walked:
                continue
            body = next((str(c.get("body") or "") for c in children
                         if c.get("event_type") == "Comment" and c.get("public")
                         and _int(c.get("author_id")) == requester), "")
            if body.strip():
                out.texts[tid] = " ".join(body.split())
                cp.replied.append(tid)
        end = int(page.get("end_time") or start)
        cp.reply_calls += 1
        cp.reply_events += len(fresh)
        cp.reply_start = max(start, end)  # a page ending inside a second: that second again
        cp.save()
        if progress is not None:
            progress(len(out.texts), out.calls)
        if page.get("end_of_stream", True) or not fresh or end < start:
            break
        start = end
    out.events = cp.reply_events
    return out


#: Freshdesk: conversations read between two saves of the checkpoint.
SAVE_EVERY = 25


def _freshdesk_replies(desk: FreshdeskTickets, wanted: Mapping[int, int],
                       progress: Progress | None, cp: Checkpoint) -> Replies:
    out = Replies()
    done = set(cp.replied)
    todo = sorted((tid, r) for tid, r in wanted.items() if tid not in done)
    for n, (tid, requester) in enumerate(todo, start=1):
        found = desk._request("GET", f"/api/v2/tickets/{tid}/conversations",
                              "ticket conversations") or []
        out.calls += 1
        cp.reply_calls += 1
        cp.replied.append(tid)  # its reply is in memory now, or it has none
        mine = sorted((c for c in found if isinstance(c, Mapping) and c.get("incoming")
                       and not c.get("private") and _int(c.get("user_id")) == requester),
                      key=lambda c: str(c.get("created_at") or ""))
        text = str(mine[0].get("body_text") or _plain(str(mine[0].get("body") or ""))) \
            if mine else ""
        if text.strip():
            out.texts[tid] = " ".join(text.split())
        if n % SAVE_EVERY == 0:
            cp.save()
            if progress is not None:
                progress(len(out.texts), out.calls)
    return out
