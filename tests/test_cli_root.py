"""The CLI root: help without any environment, and one-line errors with exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from integrations.cli.main import main


def test_help_needs_no_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "Run a hosted helpdesk" in capsys.readouterr().out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_bad_setting_is_one_line_without_traceback() -> None:
    """A wrong DESKOPS_TARGET reaches the user as one line and exit 1, from a real process."""
    env = {"DESKOPS_TARGET": "jira", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c",
                           "import sys; from integrations.cli.main import main; "
                           "sys.exit(main(['doctor']))"],
                          env=env, capture_output=True, text=True, check=False)
    if "No such command" in proc.stderr:
        pytest.fail("doctor command is not available")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "error: DESKOPS_TARGET must be 'zendesk' or 'freshdesk', got 'jira'"]
    assert "Traceback" not in proc.stderr
