"""`deskops events` through the real CLI entry point (exit codes, one-line errors)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from integrations.cli.main import main
from integrations.events import NewEvent, open_store


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/e.db"
    monkeypatch.setenv("DESKOPS_DATABASE_URL", url)
    monkeypatch.setenv("DESKOPS_QUEUE_URL", f"sqlite:///{tmp_path}/q.db")
    monkeypatch.chdir(tmp_path)
    return url


def test_events_list_show_retry_purge(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(env, max_attempts=1)
    rec, _ = store.add(NewEvent(source="zendesk", kind="ticket_created", ticket_id=5,
                                invocation_id="i", requester_id=77))
    claimed = store.claim(rec.id, "w")
    assert claimed is not None
    store.fail(claimed, "Zendesk is unavailable for ticket 5 (503)")
    assert main(["events", "list", "--status", "dead"]) == 0
    out = capsys.readouterr().out
    header, row = out.splitlines()
    assert header.split()[:5] == ["ID", "STATUS", "SOURCE", "KIND", "TICKET"]
    assert row.split()[1] == "dead" and row.split()[4] == "5" and "(503)" in row
    assert main(["events", "show", str(rec.id)]) == 0
    assert "requester_id       77" in capsys.readouterr().out
    assert main(["events", "retry", str(rec.id)]) == 0
    assert store.get(rec.id).status == "queued"  # type: ignore[union-attr]
    assert main(["events", "retry", str(rec.id)]) == 1
    assert "not dead" in capsys.readouterr().err
    assert main(["events", "purge", "--requester", "77"]) == 0
    assert "erased 1 events" in capsys.readouterr().out
    assert store.get(rec.id) is None


def test_events_errors_are_one_line(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "show", "999"]) == 1
    assert capsys.readouterr().err.strip() == (
        "error: event 999: no such event (see `deskops events list`)")
    assert main(["events", "purge"]) == 2
    assert main(["sweep", "--since", "soon"]) == 2


def test_bad_database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKOPS_DATABASE_URL", "mysql://x")
    assert main(["events", "list"]) == 1
    assert "DESKOPS_DATABASE_URL" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "setting", "added"), [
    ([], None, 10),  # the default
    (["--nice", "0"], None, 0),
    ([], "3", 3),
    (["--nice", "5"], "3", 5),  # the option wins
])
def test_worker_lowers_its_cpu_priority(tmp_path: Path, zendesk_env: dict[str, str],
                                        args: list[str], setting: str | None,
                                        added: int) -> None:
    """`deskops worker` runs at a lower CPU priority than what started it (the receiver's
    acks win the CPU during a burst): its own nice value, read back from the OS."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **zendesk_env,
           "DESKOPS_DATABASE_URL": f"sqlite:///{tmp_path}/e.db",
           "DESKOPS_QUEUE_URL": f"sqlite:///{tmp_path}/q.db"}
    if setting is not None:
        env["DESKOPS_WORKER_NICE"] = setting
    code = ("import os, sys; from integrations.cli.main import main; code = main("
            f"{['worker', '--once', *args]!r}); print('nice now', os.nice(0)); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    expected = min(19, os.nice(0) + added)
    assert f"nice now {expected}" in done.stdout
    assert ("CPU priority lowered: nice" in done.stdout) == (added > 0)


def test_worker_nice_setting_must_be_a_number(tmp_path: Path, env: str,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKOPS_WORKER_NICE", "low")
    assert main(["worker", "--once"]) == 1
    assert "DESKOPS_WORKER_NICE must be a whole number" in capsys.readouterr().err
