"""A dashboard over the scripted scenario's store (SQLite), served by a real uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pipeline.support import serve
from report.scenario import Clock, fill

from integrations.dashboard import Credentials, DashboardConfig, create_dashboard
from integrations.events import EventQueue, EventStore, open_store

from .support import TOKEN


@dataclass
class Served:
    url: str
    store: EventStore
    queue: EventQueue
    ids: dict[str, int]


@pytest.fixture
def dashboard(tmp_path: Path) -> Iterator[Served]:
    clock = Clock()
    store = open_store(f"sqlite:///{tmp_path / 'events.db'}", clock=clock, max_attempts=2)
    ids = fill(store, clock)
    queue = EventQueue(f"sqlite:///{tmp_path / 'queue.db'}", name="dash")
    config = DashboardConfig(store=store, queue=queue, credentials=Credentials(TOKEN),
                             title="deskops report: scenario", clock=clock)
    try:
        with serve(create_dashboard(config)) as url:
            yield Served(url + "/", store, queue, ids)
    finally:
        store.close()
