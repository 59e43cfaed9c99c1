"""`deskops explain` / `deskops chase` at the CLI edge: one clear line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.cli.main import main


def test_explain_without_credentials_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "game-publisher"
    for name in ("ZENDESK_SUBDOMAIN", "DESKOPS_SANDBOX_ZENDESK_URL", "ZENDESK_API_TOKEN",
                 "ZENDESK_OAUTH_TOKEN", "ZENDESK_EMAIL", "DESKOPS_TARGET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    code = main(["-w", str(example), "explain", "42"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_chase_without_a_workspace_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("DESKOPS_TARGET", "zendesk")
    code = main(["-w", str(tmp_path / "nowhere"), "chase", "--dry-run"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_self_user_ids_are_a_config_error() -> None:
    from integrations.cli.triage import _self_ids
    from integrations.errors import ConfigError

    assert _self_ids({"DESKOPS_SELF_USER_IDS": "12, 13"}) == [12, 13]
    with pytest.raises(ConfigError, match="DESKOPS_SELF_USER_IDS"):
        _self_ids({"DESKOPS_SELF_USER_IDS": "bot"})
