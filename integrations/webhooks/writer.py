"""Group commit: one writer thread per receiver process, so a burst costs one commit per batch.

A request verifies its delivery, then `GroupWriter.submit` puts the event in a bounded inbox
and the request awaits its future. The writer takes whatever has gathered (up to
`MAX_BATCH`), stores it with one `EventStore.add_many` (one transaction: one fsync on SQLite,
one multi-row insert committing on its own on PostgreSQL), settles every future of the
batch, and only then nudges the queue for the new events. Nothing is answered before its batch is
durable; a failed batch fails every request in it with `StoreUnavailable` (the receiver's
503 + Retry-After). A full inbox refuses at once (`InboxFull`), so memory stays bounded.
The nudges go through a second thread, so the next batch's commit does not wait for the
queue's own write; it writes at most once per `NUDGE_INTERVAL` (whatever ids gathered), and
a nudge it cannot keep up with is dropped (`EventStore.due` re-sends it).

A commit that overruns ``stall_seconds`` (a server that stops answering without closing) is
cut by `EventStore.interrupt` from a watchdog thread, so the writer recovers on its own.
The threads start on the first event and stop after ``idle_seconds`` without one.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import queue
import sys
import threading
import time
from collections import defaultdict, deque
from contextlib import suppress

from prometheus_client import CollectorRegistry, Gauge, Histogram

from integrations.events import (
    MAX_BATCH,
    EventQueue,
    EventRecord,
    EventStore,
    NewEvent,
    QueueUnavailable,
    StoreUnavailable,
)

__all__ = ["DEFAULT_INBOX", "SWITCH_INTERVAL", "GroupWriter", "InboxFull", "tune_process"]

log = logging.getLogger("deskops.receiver")

#: Events waiting for the writer, at most (beyond that: 503 at once).
DEFAULT_INBOX = 2048

Stored = tuple[EventRecord, bool]

#: The receiver process's GIL switch interval (`sys.setswitchinterval`; Python's default is
#: 5 ms). The writer gives up the GIL in every SQLite step (its fsync among them) and must
#: win it back from the event loop's thread, which on its own drops it only at a system
#: call; a shorter interval bounds that wait. Interleaved runs (docs/deployment.md): SQLite
#: alone 0.43x -> 0.55x the bare endpoint (median of 14 rounds), mean commit 1.7 -> 1.3 ms;
#: PostgreSQL alone and SQLite with two workers running: no clear change; 0.2 ms was worse.
SWITCH_INTERVAL = 0.0005

#: Seconds between two queue writes of the nudging thread (workers see a nudge that much
#: later at most; their own polling is slower).
NUDGE_INTERVAL = 0.02

#: Seconds between two checkpoints of the store's write-ahead log by the checkpointing
#: thread (SQLite): a checkpoint on the commit path (SQLite's automatic one, every 1,000
#: pages) held the batch's acks 10-50 ms; interleaved runs (docs/deployment.md): SQLite
#: alone p99 4.1x -> 2.2x the bare endpoint's, throughput level.
CHECKPOINT_INTERVAL = 1.0


def tune_process() -> None:
    """Process-wide settings of a receiver process, once its code is loaded (`deskops serve`
    calls it; the app does not, as they reach past it): the GIL switch interval
    (`SWITCH_INTERVAL`), and the cyclic garbage collector's start-up objects frozen.

    A full (oldest-generation) collection visits every object alive, about 56,000 once the
    receiver's libraries are loaded: 20-60 ms with the GIL held, which stops the event loop
    and the writer alike and holds every request in flight. Under load one came every 10-20 s
    (the requests in flight at each younger collection survive it and pile up in the oldest
    generation until they reach a quarter of it). Frozen (`gc.freeze`: moved to a generation
    the collector never visits), the start-up objects leave a full collection only what was
    made since, and it takes well under a millisecond.
    """
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.collect()
    gc.freeze()


class InboxFull(Exception):
    """The writer's inbox is full: the receiver answers 503 + Retry-After without waiting."""


#: One event in the inbox: the event, its request's future, that future's loop (a plain
#: tuple: a frozen dataclass cost 1 us per delivery on the event loop).
_Item = tuple[NewEvent, asyncio.Future[Stored], asyncio.AbstractEventLoop]


def _settle(pairs: list[tuple[asyncio.Future[Stored], Stored | BaseException]]) -> None:
    """On the event loop: resolve each future not already given up (ack timeout)."""
    for future, outcome in pairs:
        if future.done():
            continue
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)


class GroupWriter:
    """The one writer of a receiver process (see the module docstring)."""

    def __init__(self, store: EventStore, nudges: EventQueue | None, *,
                 registry: CollectorRegistry, inbox_size: int = DEFAULT_INBOX,
                 max_batch: int = MAX_BATCH, stall_seconds: float | None = None,
                 idle_seconds: float = 10.0) -> None:
        self.store = store
        self.nudges = nudges
        self.max_batch = min(max_batch, MAX_BATCH)
        self.stall_seconds = stall_seconds if stall_seconds is not None else store.timeout + 1.0
        self.idle_seconds = idle_seconds
        # A deque and an Event rather than queue.Queue: an append wakes the writer only when
        # it sleeps, instead of a Condition notify per event (a tenth of the ack's CPU).
        self.inbox_size = inbox_size
        self._inbox: deque[_Item] = deque()
        self._wake = threading.Event()
        self._sleeping = False
        self._wake_pending = False
        self._nudge_inbox: queue.Queue[list[int]] = queue.Queue(inbox_size)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._busy_since: float | None = None
        self._batches = 0
        self.batch_size = Histogram(
            "deskops_webhook_batch_size", "Events per group commit", registry=registry,
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256))
        self.commit_seconds = Histogram(
            "deskops_webhook_commit_seconds", "Time to store one batch durably",
            registry=registry, buckets=(.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5,
                                        1, 2.5, 5))
        inbox_depth = Gauge("deskops_webhook_inbox_depth", "Events waiting for the writer",
                            registry=registry)
        inbox_depth.set_function(lambda: len(self._inbox))

    def submit(self, event: NewEvent) -> asyncio.Future[Stored]:
        """Queue ``event`` for the next batch; await the result. Raises `InboxFull`."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Stored] = loop.create_future()
        with self._lock:
            if len(self._inbox) >= self.inbox_size:
                raise InboxFull
            self._inbox.append((event, future, loop))
            if self._sleeping and not self._wake_pending:
                # Woken from the loop's next pass, once per pass: the deliveries this pass
                # still submits join the batch, and the pass is not cut by the wake-up.
                self._wake_pending = True
                loop.call_soon(self._wake_writer)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deskops-writer",
                                                daemon=True)
                self._thread.start()
                threading.Thread(target=self._watch, args=(self._thread,),
                                 name="deskops-writer-watchdog", daemon=True).start()
                if self.nudges is not None:
                    threading.Thread(target=self._nudger, args=(self._thread,),
                                     name="deskops-writer-nudges", daemon=True).start()
                if self.store.defer_checkpoints():
                    threading.Thread(target=self._checkpointer, args=(self._thread,),
                                     name="deskops-writer-checkpoints", daemon=True).start()
        return future

    def _next_batch(self) -> list[_Item] | None:
        inbox = self._inbox
        if not inbox:
            with self._lock:
                self._wake.clear()
                self._sleeping = True
                self._wake_pending = False  # a wake-up lost with its loop is not waited for
            try:
                if not inbox and not self._wake.wait(self.idle_seconds):
                    with self._lock:
                        if not inbox:
                            self._thread = None
                            return None
            finally:
                self._sleeping = False
        batch: list[_Item] = []
        while inbox and len(batch) < self.max_batch:
            batch.append(inbox.popleft())
        return batch

    def _wake_writer(self) -> None:
        """On the event loop, at the start of its next pass: wake the sleeping writer."""
        self._wake_pending = False
        self._wake.set()

    def _run(self) -> None:
        try:
            while (batch := self._next_batch()) is not None:
                if batch:  # a wake-up of an earlier sleep may find the inbox taken
                    self._write(batch)
        finally:
            self.store.close()  # this thread's connection

    def _write(self, batch: list[_Item]) -> None:
        started = time.perf_counter()
        self._busy_since = time.monotonic()
        outcomes: list[Stored | BaseException]
        try:
            outcomes = list(self.store.add_many([item[0] for item in batch]))
        except StoreUnavailable as exc:
            log.warning("event store unavailable, %d deliveries refused: %s", len(batch), exc)
            outcomes = [exc] * len(batch)
        except Exception as exc:  # never a 500, never a dead writer
            if len(batch) > 1:  # one bad event must not fail the others: one at a time
                self._busy_since = None
                for item in batch:
                    self._write([item])
                return
            log.exception("storing an event failed")
            outcomes = [StoreUnavailable(f"event store: {type(exc).__name__}")]
        finally:
            self._busy_since = None
            self._batches += 1
        self.batch_size.observe(len(batch))
        self.commit_seconds.observe(time.perf_counter() - started)
        by_loop: dict[asyncio.AbstractEventLoop,
                      list[tuple[asyncio.Future[Stored], Stored | BaseException]]]
        by_loop = defaultdict(list)
        for (_, future, loop), outcome in zip(batch, outcomes, strict=True):
            by_loop[loop].append((future, outcome))
        for loop, pairs in by_loop.items():
            with suppress(RuntimeError):  # the loop is closed (server stopped): nobody is waiting
                loop.call_soon_threadsafe(_settle, pairs)
        self._nudge(outcomes)

    def _nudge(self, outcomes: list[Stored | BaseException]) -> None:
        """After the commit: hand the new events' ids to the nudging thread."""
        ids = [o[0].id for o in outcomes
               if not isinstance(o, BaseException) and o[1] and o[0].status == "queued"]
        if ids and self.nudges is not None:
            try:
                self._nudge_inbox.put_nowait(ids)
            except queue.Full:
                log.warning("queue nudges lagging: %d events will be re-sent later", len(ids))

    def _nudger(self, writer: threading.Thread) -> None:
        """Nudge the queue for whatever ids have gathered, in one write (a lost nudge is
        re-sent by the store, see `EventStore.due`)."""
        assert self.nudges is not None
        while True:
            try:
                ids = self._nudge_inbox.get(timeout=0.5)
            except queue.Empty:
                if not writer.is_alive():
                    return
                continue
            while True:
                try:
                    ids += self._nudge_inbox.get_nowait()
                except queue.Empty:
                    break
            try:
                self.nudges.put_many(ids)
            except QueueUnavailable as exc:
                log.warning("queue unavailable, %d events will be re-sent: %s", len(ids), exc)
            except Exception:  # the events are stored; the store re-sends their nudges
                log.exception("queue nudge failed")
            # At most one queue write per interval: under load the next batches' ids gather
            # meanwhile (a queue transaction per batch cost a tenth of the ack's CPU); after
            # a quiet spell the first nudge still goes at once.
            time.sleep(NUDGE_INTERVAL)

    def _checkpointer(self, writer: threading.Thread) -> None:
        """Checkpoint the store's log beside the writer, never in its commits."""
        while writer.is_alive():
            time.sleep(CHECKPOINT_INTERVAL)
            try:
                self.store.checkpoint()
            except StoreUnavailable as exc:  # the next round tries again
                log.warning("event store checkpoint failed: %s", exc)

    def _watch(self, writer: threading.Thread) -> None:
        """Cut a commit that overruns ``stall_seconds`` (stalled server, no error)."""
        cut = -1
        while writer.is_alive():
            time.sleep(min(0.25, self.stall_seconds / 4))
            since, batch = self._busy_since, self._batches
            if since is not None and batch != cut and \
                    time.monotonic() - since > self.stall_seconds and writer.ident is not None:
                log.warning("event store stalled for %.1f s: cutting the connection",
                            time.monotonic() - since)
                self.store.interrupt(writer.ident)
                cut = batch
