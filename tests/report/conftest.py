"""A fresh event store per test, on SQLite and on PostgreSQL (the real service).

PostgreSQL gets its own schema per test, dropped afterwards. Without the service the PG
variant fails under ``CI=true`` and is skipped elsewhere, like the pipeline tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from integrations.events import EventStore, open_store

from .scenario import Clock

POSTGRES_URL = os.environ.get("DESKOPS_TEST_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _postgres_url() -> Iterator[str]:
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.Error as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc}")
    sep = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[EventStore]:
    if request.param == "sqlite":
        url_iter: Iterator[str] = iter([f"sqlite:///{tmp_path / 'events.db'}"])
    else:
        url_iter = _postgres_url()
    url = next(url_iter)
    opened = open_store(url, clock=clock, max_attempts=2)
    try:
        yield opened
    finally:
        opened.close()
        next(url_iter, None)
