"""``deskops learn``: trains learned.json into a workspace copy, which then loads; bad
inputs are one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from integrations.cli.main import cli, main
from integrations.workspace import load

pytest.importorskip("sklearn")

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "schemas" / "examples" / "ad-network"
LABELS = REPO / "tests" / "data" / "triage" / "ad-network-fresh20.yaml"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ad-network"
    shutil.copytree(EXAMPLE, root)
    (root / "learned.json").unlink(missing_ok=True)
    return root


def test_learn_writes_a_file_that_loads(workspace: Path) -> None:
    result = CliRunner().invoke(cli, ["-w", str(workspace), "learn", str(LABELS)])
    assert result.exit_code == 0, result.output
    assert "problem_type:" in result.output and "5-fold accuracy" in result.output
    ws = load(workspace)
    assert ws.learned is not None and "problem_type" in ws.learned.fields
    assert "ad-network-fresh20.yaml" in ws.learned.trained["source"]


def test_learn_writes_the_clause_reader(workspace: Path) -> None:
    """The file holds the clause reader of free-text fields, and the output says so."""
    labels = [str(LABELS), str(LABELS.with_name("ad-network-fresh21.yaml"))]
    result = CliRunner().invoke(cli, ["-w", str(workspace), "learn", *labels])
    assert result.exit_code == 0, result.output
    assert "clauses (free-text fields):" in result.output
    learned = load(workspace).learned
    assert learned is not None and learned.clauses is not None
    assert {"steps_taken", "error_message"} <= learned.clauses.fields


def test_learn_replaces_a_stale_model(workspace: Path) -> None:
    (workspace / "learned.json").write_text("{broken", encoding="utf-8")
    result = CliRunner().invoke(cli, ["learn", str(LABELS), "-w", str(workspace)])
    assert result.exit_code == 0, result.output
    assert load(workspace).learned is not None


def test_too_few_examples_write_nothing(workspace: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    doc = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    doc["tickets"] = doc["tickets"][:5]
    few = tmp_path / "few.yaml"
    few.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    code = main(["-w", str(workspace), "learn", str(few)])
    out = capsys.readouterr()
    assert code != 0
    assert "skipped: " in out.out and "fewer than 20" in out.out
    assert len(out.err.strip().splitlines()) == 1 and "nothing learned" in out.err
    assert not (workspace / "learned.json").exists()


@pytest.mark.parametrize(("text", "words"), [
    ("workspace: [unclosed\n", "unreadable labels"),
    ("workspace: game-publisher\ntickets: []\n", "tickets of workspace 'game-publisher'"),
])
def test_bad_labels_are_one_line(workspace: Path, tmp_path: Path, text: str, words: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["-w", str(workspace), "learn", str(path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and words in err[0]
    assert not (workspace / "learned.json").exists()
