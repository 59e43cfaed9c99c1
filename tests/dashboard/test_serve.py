"""``deskops serve --dashboard`` as a real process: two sockets, webhooks unchanged."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from integrations.events import open_store
from integrations.events.history import receiver_counts

from .support import TOKEN

DESKOPS = str(Path(sys.executable).with_name("deskops"))


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "DESKOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'events.db'}",
            "DESKOPS_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}", **extra}


@pytest.mark.parametrize("processes", [1, 2])
def test_dashboard_beside_the_receiver(tmp_path: Path, processes: int) -> None:
    """With ``--processes 2`` the dashboard is the first child's; the receiver health rows
    are added up across processes."""
    proc = subprocess.Popen(
        [DESKOPS, "serve", "--port", "0", "--dashboard", "--dashboard-port", "0",
         "--processes", str(processes)],
        env=_env(tmp_path, DESKOPS_DASHBOARD_TOKEN=TOKEN), cwd=tmp_path,
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        found = re.search(r"receiver listening on (http://\S+) ", lines[0])
        assert found, lines
        assert lines[1].startswith("store: ")
        shown = re.search(r"^dashboard on (http://\S+/) ", lines[2])
        assert shown, lines
        receiver, dashboard = found.group(1) + "/", shown.group(1)
        assert dashboard.startswith("http://127.0.0.1:")
        for _ in range(100):  # the sockets listen before the lines; uvicorn answers soon
            try:
                requests.get(receiver + "healthz", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        assert requests.get(dashboard).status_code == 401
        page = requests.get(dashboard, headers={"Authorization": f"Bearer {TOKEN}"})
        assert page.status_code == 200 and "<svg" in page.text
        # the webhook side is unchanged, and the dashboard is not on its port
        assert requests.get(receiver + "healthz").json() == {"status": "ok"}
        assert requests.get(receiver, headers={"Authorization": f"Bearer {TOKEN}"}
                            ).status_code == 404
        assert requests.get(dashboard + "healthz").status_code == 404
        unsigned = requests.post(receiver + "webhooks/zendesk", json={"ticket": {"id": 1}})
        assert unsigned.status_code == 401
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
    # uvicorn re-raises the signal after a clean shutdown, as plain `serve` does
    assert proc.returncode in (0, -signal.SIGTERM), proc.stderr.read() if proc.stderr else ""
    # the receiver's answers were counted and written at shutdown, for `deskops report`
    with open_store(f"sqlite:///{tmp_path / 'events.db'}") as store:
        counts = receiver_counts(store, time.time() - 3600, time.time() + 3600)
    assert [(c.source, c.status, c.reason, c.count) for c in counts] == [
        ("zendesk", 401, "signature or secret", 1)]


def test_the_dashboard_needs_a_token(tmp_path: Path) -> None:
    for extra, message in (({}, "error: --dashboard needs DESKOPS_DASHBOARD_TOKEN"),
                           ({"DESKOPS_DASHBOARD_TOKEN": "short"}, "is too short")):
        env = _env(tmp_path, **extra)
        env.pop("DESKOPS_DASHBOARD_TOKEN", None) if not extra else None
        done = subprocess.run([DESKOPS, "serve", "--port", "0", "--dashboard"], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1 and message in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1
