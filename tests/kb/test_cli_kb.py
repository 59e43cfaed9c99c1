"""``deskops kb``: lint, sync (plan, progress, summary, exit codes), export — through the CLI
entry point, against the sandbox over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.cli.main import main
from integrations.sandbox.server import RunningSandbox


@pytest.fixture
def env(fresh_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> RunningSandbox:
    monkeypatch.chdir(tmp_path)  # no stray .env file
    for key, value in fresh_sandbox.zendesk_env().items():
        monkeypatch.setenv(key, value)
    return fresh_sandbox


def test_lint_reports_leftovers_and_missing_images(seeds_workspace: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-w", str(seeds_workspace), "kb", "lint"]) == 0
    captured = capsys.readouterr()
    assert "0 error(s), 22 warning(s)" in captured.out
    assert "dropped web leftover (site navigation): 'S’abonner'" in captured.err
    assert "image 'mceclip0.png' not found" in captured.err
    assert "[email protected]" in captured.err


def test_lint_error_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "kb/help/start/a.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\nlocale: en\nvisibility: partners\n---\n# A\n\nx\n", encoding="utf-8")
    assert main(["-w", str(tmp_path), "kb", "lint"]) == 1
    assert "visibility 'partners' cannot be mapped" in capsys.readouterr().err


def test_sync_then_resync_then_conflict(env: RunningSandbox, seeds_workspace: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["-w", str(seeds_workspace)]
    assert main([*ws, "kb", "sync", "--dry-run"]) == 0
    assert "+ article gamigo-contact [fr]" in capsys.readouterr().out
    assert env.zendesk.log.writes() == []

    assert main([*ws, "kb", "sync"]) == 0
    out = capsys.readouterr().out
    assert "12 write(s), 0 conflict(s)" in out and "Published: 12 write(s)" in out
    assert (seeds_workspace / "locks/zendesk.kb.json").is_file()

    assert main([*ws, "kb", "sync"]) == 0
    assert "No changes" in capsys.readouterr().out

    (article,) = [a for a in env.zendesk.store.all("hc_articles")
                  if "ko" in a["_translations"]]
    env.zendesk.seed("hc_translation_edits", [{"article_id": article["id"], "locale": "ko",
                                               "body": "<p>수정됨</p>"}])
    assert main([*ws, "kb", "sync"]) == 1
    captured = capsys.readouterr()
    assert "! conflict stripchat-contact-support [ko]: edited in the helpdesk at" in captured.out
    assert "1 conflict(s) skipped" in captured.err
    assert main([*ws, "kb", "sync", "--force"]) == 0


def test_export_writes_a_workspace(env: RunningSandbox, seeds_workspace: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-w", str(seeds_workspace), "kb", "sync"]) == 0
    out = tmp_path / "backup"
    assert main(["kb", "export", "--out", str(out)]) == 0
    assert "Exported 3 article(s), 4 translation file(s)" in capsys.readouterr().out
    assert (out / "kb/manifest.yaml").is_file()
    assert main(["-w", str(out), "kb", "sync", "--dry-run"]) == 0
    assert "0 write(s), 0 conflict(s)" in capsys.readouterr().out


def test_wrong_credential_is_one_line(env: RunningSandbox, seeds_workspace: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ZENDESK_API_TOKEN", "wrong-token")
    assert main(["-w", str(seeds_workspace), "kb", "sync"]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "22 lint warning(s); `deskops kb lint` lists them",
        "error: Zendesk rejected the credential (401 Couldn't authenticate you): "
        "check the ZENDESK_* credential settings"]
    assert "wrong-token" not in err and "Traceback" not in err
