"""One contract suite for the huey-backed queue, on SQLite and on real Redis."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from integrations.errors import ConfigError
from integrations.events import EventQueue, QueueUnavailable


@pytest.fixture(params=["sqlite", "redis"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/queue.db"
    return str(request.getfixturevalue("redis_url"))


@pytest.fixture
def queue(queue_url: str) -> Iterator[EventQueue]:
    q = EventQueue(queue_url, name=f"t{uuid.uuid4().hex[:10]}", read_timeout=0.1)
    yield q
    q.flush()
    q.close()


def test_fifo_roundtrip(queue: EventQueue) -> None:
    assert queue.get() is None
    for event_id in (3, 1, 2):
        queue.put(event_id)
    assert queue.size() == 3
    assert [queue.get(), queue.get(), queue.get()] == [3, 1, 2]
    assert queue.get() is None and queue.size() == 0


def test_duplicates_are_carried(queue: EventQueue) -> None:
    """The queue does not dedupe: the store's claim makes duplicates harmless."""
    queue.put(5)
    queue.put(5)
    assert [queue.get(), queue.get()] == [5, 5]


def test_two_handles_share_one_named_queue(queue_url: str) -> None:
    name = f"t{uuid.uuid4().hex[:10]}"
    producer = EventQueue(queue_url, name=name, read_timeout=0.1)
    consumer = EventQueue(queue_url, name=name, read_timeout=0.1)
    other = EventQueue(queue_url, name=name + "x", read_timeout=0.1)
    try:
        producer.put(42)
        assert other.get() is None
        assert consumer.get() == 42
    finally:
        for q in (producer, consumer, other):
            q.flush()
            q.close()


def test_bad_urls() -> None:
    with pytest.raises(ConfigError, match="DESKOPS_QUEUE_URL"):
        EventQueue("amqp://localhost")


def test_unreachable_redis_is_queue_unavailable() -> None:
    q = EventQueue("redis://127.0.0.1:1/0", read_timeout=0.1)
    with pytest.raises(QueueUnavailable, match="queue"):
        q.put(1)


def test_put_many_is_fifo_with_put_and_every_nudge_is_its_own_huey_task(
        queue: EventQueue, queue_url: str) -> None:
    """`put_many` writes huey's own messages (built from one prototype): another queue object
    (a worker in another process) reads them in order, between nudges sent one at a time,
    and each carries its own task id, also across two producers."""
    other = EventQueue(queue_url, name=queue.name, read_timeout=0.1)
    try:
        queue.put(1)
        queue.put_many([2, 3, 4])
        other.put_many([5, 6])
        queue.put_many([])
        tasks = []
        while (task := queue.huey.dequeue()) is not None:
            tasks.append(task)
        assert [t.args for t in tasks] == [(n,) for n in range(1, 7)]
        assert {t.name for t in tasks} == {"deskops.process_event"}
        assert len({t.id for t in tasks}) == 6
        other.put_many([7])
        assert other.get() == 7 and queue.get() is None
    finally:
        other.close()
