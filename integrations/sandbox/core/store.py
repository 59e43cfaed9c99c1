"""State of an emulated helpdesk: JSON records in SQLite (``:memory:`` or a file).

One `Database` (one connection, one lock) can hold several vendors; each `Store` is a
namespace in it. Records are plain dicts, stored as JSON and returned as fresh copies, so a
handler can never change state by accident, only through `put`/`insert`/`delete`. With a
file, state survives restarts of the sandbox.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from integrations.sandbox.core.errors import NotFound

__all__ = ["Database", "Record", "Store"]

Record = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    ns TEXT NOT NULL, coll TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (ns, coll, id)
);
CREATE TABLE IF NOT EXISTS meta (
    ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (ns, key)
);
"""


class Database:
    """One SQLite connection shared by the emulators, serialised by a lock."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path) if path else ":memory:"
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.lock = threading.RLock()
        with self.lock:
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.executescript(_SCHEMA)
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All SQL goes through here; nested uses join the outer transaction."""
        with self.lock:
            outer = self._depth == 0
            if outer:
                self._conn.execute("BEGIN")
            self._depth += 1
            try:
                yield self._conn
            except BaseException:
                self._depth -= 1
                if outer:
                    self._conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self._conn.close()


class Store:
    """A vendor's records: ``collection -> id -> dict``, plus small JSON metadata."""

    def __init__(self, db: Database, ns: str, *, first_id: int = 1) -> None:
        self.db = db
        self.ns = ns
        self.first_id = first_id

    # -- records ------------------------------------------------------------------------
    def get(self, coll: str, id_: int) -> Record | None:
        with self.db.transaction() as conn:
            row = conn.execute("SELECT data FROM objects WHERE ns=? AND coll=? AND id=?",
                               (self.ns, coll, id_)).fetchone()
        return json.loads(row[0]) if row else None

    def require(self, coll: str, id_: int) -> Record:
        record = self.get(coll, id_)
        if record is None:
            raise NotFound()
        return record

    def all(self, coll: str) -> list[Record]:
        """Every record of a collection, by id."""
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT data FROM objects WHERE ns=? AND coll=? ORDER BY id",
                                (self.ns, coll)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def count(self, coll: str) -> int:
        with self.db.transaction() as conn:
            row = conn.execute("SELECT COUNT(*) FROM objects WHERE ns=? AND coll=?",
                               (self.ns, coll)).fetchone()
        return int(row[0])

    def put(self, coll: str, record: Record) -> Record:
        """Insert or replace ``record`` (which carries its ``id``)."""
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO objects (ns, coll, id, data) VALUES (?,?,?,?)",
                         (self.ns, coll, int(record["id"]), json.dumps(record)))
        return record

    def insert(self, coll: str, record: Record) -> Record:
        """Give ``record`` a fresh id and store it."""
        with self.db.transaction():
            record = {**record, "id": self.next_id()}
            return self.put(coll, record)

    def delete(self, coll: str, id_: int) -> bool:
        with self.db.transaction() as conn:
            cur = conn.execute("DELETE FROM objects WHERE ns=? AND coll=? AND id=?",
                               (self.ns, coll, id_))
        return cur.rowcount > 0

    def next_id(self) -> int:
        """Ids are unique across all collections of a vendor, like the real ones, so a
        form id used as a field id is a 404, not a silent hit."""
        with self.db.transaction():
            value = int(self.get_meta("next_id", self.first_id))
            self.set_meta("next_id", value + 1)
        return value

    # -- metadata -----------------------------------------------------------------------
    def get_meta(self, key: str, default: Any = None) -> Any:
        with self.db.transaction() as conn:
            row = conn.execute("SELECT value FROM meta WHERE ns=? AND key=?",
                               (self.ns, key)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (ns, key, value) VALUES (?,?,?)",
                         (self.ns, key, json.dumps(value)))

    def clear(self) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM objects WHERE ns=?", (self.ns,))
            conn.execute("DELETE FROM meta WHERE ns=?", (self.ns,))
