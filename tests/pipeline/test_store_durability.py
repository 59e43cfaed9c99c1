"""What the receiver acknowledges is committed to disk; the workers' state changes are not
made to wait for it (they would hold the write lock for an fsync, in the receiver's tail)."""

from __future__ import annotations

from pathlib import Path

from integrations.events import NewEvent, open_store
from integrations.events.postgres import PostgresEventStore
from integrations.events.sqlite import SqliteEventStore


def _event(n: int) -> NewEvent:
    return NewEvent("zendesk", "ticket_updated", n, f"2024-05-01T10:00:{n:02d}Z", f"inv-{n}")


def test_sqlite_adds_are_full_and_worker_changes_are_normal(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/e.db")
    assert isinstance(store, SqliteEventStore)

    def synchronous() -> int:  # this thread's connection, as the store left it
        return int(store._connection().execute("PRAGMA synchronous").fetchone()[0])

    record, _ = store.add(_event(1))
    assert synchronous() == 2  # FULL
    claimed = store.claim(record.id, "w")
    assert claimed is not None and synchronous() == 1  # NORMAL
    assert store.complete(claimed, decision="tagged", reason="r")
    assert synchronous() == 1
    store.add_many([_event(2), _event(3)])
    assert synchronous() == 2
    assert store.due() == [] and synchronous() == 1
    store.add(_event(4))
    assert synchronous() == 2
    store.close()


def test_postgresql_relaxed_commits_never_reach_a_durable_write(postgres_url: str) -> None:
    """A worker's writes turn the session's synchronous_commit off (one statement each, no
    BEGIN / SET LOCAL / COMMIT round trips); every durable write turns it on first."""
    store = open_store(postgres_url)
    assert isinstance(store, PostgresEventStore)

    def setting() -> str:
        return str(store._connection().execute("SHOW synchronous_commit").fetchone()[0])

    record, _ = store.add(_event(1))
    assert setting() == "on"
    claimed = store.claim(record.id, "w")
    assert claimed is not None
    assert setting() == "off"
    store.add(_event(2))  # the receiver's insert: durable again before it runs
    assert setting() == "on"
    assert store.complete(claimed, decision="tagged", reason="r")
    assert setting() == "off"
    store.ping()  # a durable transaction (BEGIN ... COMMIT) turns it on as well
    assert setting() == "on"
    assert store.due() == [] and setting() == "off"
    store.purge_before(0)
    assert setting() == "on"
    store.close()
