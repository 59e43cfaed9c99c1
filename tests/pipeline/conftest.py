"""Fixtures for the webhook pipeline: fake clock, and the real PostgreSQL and Redis services.

A test that needs PostgreSQL or Redis FAILS when ``CI=true`` and the service is unreachable;
it skips only outside CI (a laptop without the services).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from .support import FakeClock

POSTGRES_URL = os.environ.get("DESKOPS_TEST_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("DESKOPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _unreachable(what: str, exc: BaseException) -> None:
    message = f"{what} is unreachable: {exc}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: services are required, never skipped)")
    pytest.skip(message)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh schema in the test database, dropped afterwards; URL selects it."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - scale extra missing
        _unreachable("psycopg", exc)
        raise
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.Error as exc:
        _unreachable(f"PostgreSQL at {POSTGRES_URL}", exc)
    sep = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def redis_url() -> str:
    try:
        import redis
    except ImportError as exc:  # pragma: no cover
        _unreachable("redis client", exc)
        raise
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except (redis.RedisError, OSError) as exc:
        _unreachable(f"Redis at {REDIS_URL}", exc)
    return REDIS_URL
