"""``deskops report`` through the real console script: text, JSON, HTML, bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from integrations.events import open_store

from .scenario import Clock, fill

DESKOPS = str(Path(sys.executable).with_name("deskops"))
UNTIL = "2027-01-17T08:00:00Z"  # scenario.UNTIL


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESKOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'events.db'}",
           "DESKOPS_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}"}
    return subprocess.run([DESKOPS, "-w", str(tmp_path), "report", *args], env=env,
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    clock = Clock()
    with open_store(f"sqlite:///{tmp_path / 'events.db'}", clock=clock, max_attempts=2) as s:
        fill(s, clock)
    return tmp_path


def test_text_for_a_terminal_or_cron_mail(filled: Path) -> None:
    done = _run(filled, "--since", "2d", "--until", UNTIL)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == ("funnel: received 7, triaged 5, asked 3, answered 2, completed 1, "
                        "complete on arrival 1, reminded 1, auto solved 1, reopened 1")
    assert "ask to answer: 2 answers, median 34.9 m, p90 59.8 m" in lines
    assert "  most missing: platform 3, build_id 2" in lines
    assert "receiver: 6 acks, 1 answered 503, rejected: 401 signature or secret 2" in lines


def test_json(filled: Path) -> None:
    done = _run(filled, "--since", "2d", "--until", UNTIL, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["funnel"]["asked"] == 3
    assert data["languages"] == [["en", 3], ["fr", 1], ["ko", 1]]


def test_html_is_one_self_contained_file(filled: Path) -> None:
    out = filled / "report.html"
    done = _run(filled, "--since", "2d", "--until", UNTIL, "--html", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"report written to {out}"
    html = out.read_text(encoding="utf-8")
    # nothing fetched from elsewhere: no script, no external link, image or style sheet
    assert "<script" not in html
    assert not re.search(r"""(src|href)\s*=\s*["'](?!data:)""", html), "external reference"
    assert "@import" not in html and "url(" not in html
    assert html.count("<svg") >= 10 and html.count('class="bar"') >= 30
    assert "helpdesk answered 500 (scripted)" in html  # the dead letter
    assert "<form" not in html  # the re-queue button exists on the dashboard only


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--since", "soon"], 2, "error: Invalid value: 'soon' is not a duration"),
    (["--since", "0d"], 2, "is an empty window"),
    (["--until", "tomorrow"], 2, "'tomorrow' is not a time"),
    (["--json", "--html", "x.html"], 2, "choose one of --json and --html"),
    (["--html", "/nonexistent/dir/r.html"], 1, "error: --html /nonexistent/dir/r.html: "
                                                "cannot write"),
])
def test_bad_input_is_one_line(tmp_path: Path, args: list[str], code: int,
                               message: str) -> None:
    done = _run(tmp_path, *args)
    assert done.returncode == code
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_an_unreachable_store_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "DESKOPS_DATABASE_URL": "postgresql://nobody:secret@127.0.0.1:1/x"}
    done = subprocess.run([DESKOPS, "report"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.startswith("error: event store")
    assert "secret" not in done.stderr and done.stderr.count("\n") == 1
