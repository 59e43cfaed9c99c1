"""Process-wide settings of a receiver process (`writer.tune_process`, called by `deskops
serve`): the GIL switch interval, and the collector's start-up objects frozen so a full
collection does not stop the receiver for tens of milliseconds under load."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from integrations.cli.main import cli
from integrations.webhooks.writer import SWITCH_INTERVAL

_PROBE = """
import gc, sys, weakref
import starlette.applications, uvicorn, prometheus_client  # what a receiver has loaded
import integrations.cli.pipeline, integrations.webhooks.app, integrations.events.sqlite
from integrations.webhooks.writer import SWITCH_INTERVAL, tune_process

before = len(gc.get_objects())
tune_process()

class Node:
    pass

a, b = Node(), Node()
a.other, b.other = b, a  # a cycle made after start-up: only the collector frees it
alive = weakref.ref(a)
del a, b
gc.collect()
print(before, gc.get_freeze_count(), len(gc.get_objects()), alive() is None,
      sys.getswitchinterval() == SWITCH_INTERVAL)
"""


def test_a_full_collection_visits_only_what_the_receiver_made_after_start_up() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         check=True, timeout=60).stdout.split()
    before, frozen, visited = (int(x) for x in out[:3])
    assert before > 20_000  # what a full collection visited, each time, before
    assert frozen > 20_000  # now out of the collector's sight
    assert visited < before // 10
    assert out[3] == "True"  # a cycle made afterwards is still collected
    assert out[4] == "True"  # and the GIL switch interval is the receiver's


def test_serve_tunes_its_process_before_it_answers(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def run(self: uvicorn.Server, sockets: Any = None) -> None:  # instead of serving
        seen["frozen"] = gc.get_freeze_count()
        seen["switch"] = sys.getswitchinterval()
        for sock in sockets or ():
            sock.close()

    monkeypatch.setenv("DESKOPS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(uvicorn.Server, "run", run)
    interval = sys.getswitchinterval()
    try:
        result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    finally:  # this test process's own settings back
        gc.unfreeze()
        sys.setswitchinterval(interval)
    assert result.exit_code == 0, result.output
    assert seen["frozen"] > 20_000
    assert seen["switch"] == SWITCH_INTERVAL
