"""``deskops kb``: lint, sync (plan, progress, summary, exit codes), export — through the CLI
entry point, against the sandbox over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from integrations.cli.main import main
from integrations.sandbox.server import RunningSandbox


@pytest.fixture
def env(fresh_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> RunningSandbox:
    monkeypatch.chdir(tmp_path)  # no stray .env file
    for key, value in fresh_sandbox.zendesk_env().items():
        monkeypatch.setenv(key, value)
    return fresh_sandbox


def _writes(env: RunningSandbox) -> int:
    """Zendesk writes logged so far; one request first, as a barrier (the sandbox logs a
    request after answering it, in order)."""
    requests.get(f"{env.zendesk_url}/api/v2/deskops-test-barrier", timeout=10)
    return len(env.zendesk.log.writes())


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

    assert main([*ws, "kb", "sync", "--auto-approve"]) == 0
    out = capsys.readouterr().out
    assert "12 write(s), 0 conflict(s)" in out and "Published: 12 write(s)" in out
    assert (seeds_workspace / "locks/zendesk.kb.json").is_file()

    assert main([*ws, "kb", "sync", "--auto-approve"]) == 0
    assert "No changes" in capsys.readouterr().out

    (article,) = [a for a in env.zendesk.store.all("hc_articles")
                  if "ko" in a["_translations"]]
    env.zendesk.seed("hc_translation_edits", [{"article_id": article["id"], "locale": "ko",
                                               "body": "<p>수정됨</p>"}])
    assert main([*ws, "kb", "sync", "--auto-approve"]) == 1
    captured = capsys.readouterr()
    assert "! conflict stripchat-contact-support [ko]: edited in the helpdesk at" in captured.out
    assert "1 conflict(s) skipped" in captured.err
    assert main([*ws, "kb", "sync", "--auto-approve", "--force"]) == 0


def test_export_writes_a_workspace(env: RunningSandbox, seeds_workspace: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-w", str(seeds_workspace), "kb", "sync", "--auto-approve"]) == 0
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
    assert main(["-w", str(seeds_workspace), "kb", "sync", "--auto-approve"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    err = "\n".join(lines)
    assert len(lines) == 23 and all(": warning: " in line for line in lines[:22])
    # worded like the provisioning adapter: which credential, which variable to check
    assert lines[-1] == ("error: Zendesk rejected the credential for admin@deskops-sandbox.test "
                         "(401 Couldn't authenticate you): check ZENDESK_API_TOKEN")
    assert "wrong-token" not in err and "Traceback" not in err


def test_dry_run_writes_nothing_and_detailed_exitcode(env: RunningSandbox, seeds_workspace: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["-w", str(seeds_workspace)]
    assert main([*ws, "kb", "sync", "--dry-run", "--detailed-exitcode"]) == 2
    assert "12 write(s), 0 conflict(s)" in capsys.readouterr().out
    assert _writes(env) == 0 and env.zendesk.store.all("hc_articles") == []
    assert not (seeds_workspace / "locks").exists()  # no lock file, no run lock either

    # changes were made
    assert main([*ws, "kb", "sync", "--auto-approve", "--detailed-exitcode"]) == 2
    assert main([*ws, "kb", "sync", "--dry-run", "--detailed-exitcode"]) == 0
    assert main([*ws, "kb", "sync", "--auto-approve", "--detailed-exitcode"]) == 0
    assert "No changes" in capsys.readouterr().out

    page = seeds_workspace / "kb/gamigo/contact/000_110d4607b01e7c0f.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne ligne de plus.\n",
                    encoding="utf-8")
    writes = _writes(env)
    assert main([*ws, "kb", "sync", "--dry-run", "--detailed-exitcode"]) == 2
    assert "~ translation gamigo-contact [fr]" in capsys.readouterr().out
    assert _writes(env) == writes


def test_each_conflict_is_one_error_line_with_file_locale_and_time(
        env: RunningSandbox, seeds_workspace: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["-w", str(seeds_workspace)]
    assert main([*ws, "kb", "sync", "--auto-approve"]) == 0
    articles = env.zendesk.store.all("hc_articles")
    korean = next(a for a in articles if "ko" in a["_translations"])
    gamigo = next(a for a in articles if "Gamigo" in a["_translations"]["fr"]["title"])
    env.zendesk.clock.advance(3600)
    env.zendesk.seed("hc_translation_edits", [
        {"article_id": korean["id"], "locale": "ko", "body": "<p>수정됨</p>"},
        {"article_id": gamigo["id"], "locale": "fr", "body": "<p>Modifié</p>"}])
    capsys.readouterr()
    for flags in (["--dry-run"], []):
        assert main([*ws, "kb", "sync", "--auto-approve", *flags]) == 1
        errors = [line for line in capsys.readouterr().err.splitlines()
                  if line.startswith("error: ")]
        edited = {a["id"]: a for a in env.zendesk.store.all("hc_articles")}
        ko = edited[korean["id"]]["_translations"]["ko"]
        fr = edited[gamigo["id"]]["_translations"]["fr"]
        assert ko["updated_at"] and fr["updated_at"]
        assert errors == [
            "error: kb/gamigo/contact/000_110d4607b01e7c0f.txt: conflict: article gamigo-contact "
            f"{fr['title']!r} [fr] was edited in the helpdesk at {fr['updated_at']}; not "
            "overwritten (use --force to overwrite it)",
            "error: kb/stripchat/support/003_e725f0296155d17b.txt: conflict: article "
            f"stripchat-contact-support {ko['title']!r} [ko] was edited in the helpdesk at "
            f"{ko['updated_at']}; not overwritten (use --force to overwrite it)"]
    assert "<p>수정됨</p>" in str(env.zendesk.store.all("hc_articles"))


def test_lint_and_sync_print_each_warning_with_file_and_line(
        env: RunningSandbox, seeds_workspace: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-w", str(seeds_workspace), "kb", "lint"]) == 0
    lint = capsys.readouterr().err.splitlines()
    assert len(lint) == 22
    assert "kb/gamigo/contact/000_110d4607b01e7c0f.txt:1: warning: dropped web leftover " \
           "(site navigation): 'S’abonner'" in lint
    text = (seeds_workspace / "kb/rakuten/publishers/002_f0975df51c4ca947.txt").read_text(
        encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, start=1) if t.strip() == "mceclip0.png")
    assert any(w.startswith(f"kb/rakuten/publishers/002_f0975df51c4ca947.txt:{line}: warning: "
                            "image 'mceclip0.png' not found") for w in lint)
    assert main(["-w", str(seeds_workspace), "kb", "sync", "--dry-run"]) == 0
    assert capsys.readouterr().err.splitlines() == lint


def test_freshdesk_move_is_refused_with_exit_1(fresh_sandbox: RunningSandbox,
                                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               seeds_workspace: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from integrations.sandbox.freshdesk.settings import set_languages

    from .test_sync_http import _move_gamigo

    monkeypatch.chdir(tmp_path)
    for key, value in fresh_sandbox.freshdesk_env().items():
        monkeypatch.setenv(key, value)
    set_languages(fresh_sandbox.freshdesk, "fr", ["ko", "en"])
    ws = ["-w", str(seeds_workspace)]
    assert main([*ws, "kb", "sync", "--auto-approve"]) == 0
    _move_gamigo(seeds_workspace)
    assert main([*ws, "kb", "sync", "--dry-run"]) == 1
    assert main([*ws, "kb", "sync", "--auto-approve"]) == 1
    captured = capsys.readouterr()
    assert "! not moved gamigo-contact: gamigo/contact → rakuten/publishers" in captured.out
    assert ("error: kb/rakuten/publishers/000_110d4607b01e7c0f.txt: article gamigo-contact "
            "moved from folder gamigo/contact to rakuten/publishers, but Freshdesk's API cannot "
            "move an article") in captured.err
    assert "1 article move(s) refused" in captured.err
    assert "Traceback" not in captured.err
