"""`deskops events` through the real CLI entry point (exit codes, one-line errors)."""

from __future__ import annotations

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
