"""``scripts/corpus/learn_transfer.py``: the history it builds from the corpus (held-out split
left out, split order as written) and the proposals it writes into the workspace copy."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

from integrations.learn import FieldReport, Proposal
from integrations.workspace import load

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    path = ROOT / "scripts" / "corpus" / "learn_transfer.py"
    spec = importlib.util.spec_from_file_location("learn_transfer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["learn_transfer"] = module
    spec.loader.exec_module(module)
    return module


def test_history_leaves_out_the_held_split_and_follows_the_writing_order() -> None:
    lt = _script()
    items = lt._items("streaming-platform", "fresh17")
    splits = [i.get("split", "tune") for i in items]
    assert "fresh17" not in splits and "fresh16" in splits
    ranks = [lt._rank(s) for s in splits]
    assert ranks == sorted(ranks)
    # fresh10 comes after fresh9 (by number, not by file name)
    assert max(i for i, s in enumerate(splits) if s == "fresh9") < splits.index("fresh10")


def test_proposals_are_written_into_the_copy_only(tmp_path: Path) -> None:
    lt = _script()
    source = ROOT / "schemas" / "examples" / "streaming-platform"
    root = tmp_path / "streaming-platform"
    shutil.copytree(source, root)
    ws = load(root)
    report = FieldReport("occupation", proposals=[
        Proposal("occ_user", "fr", ("spectatrice assidue",), 30, 1.0, 0.1)])
    lt._write(root, ws, [report])
    rel = ws.fields["occupation"].source
    options = json.loads((root / rel).read_text(encoding="utf-8"))["oneOf"]
    user = next(o for o in options if o["const"] == "occ_user")
    assert "spectatrice assidue" in user["x-deskops"]["keywords"]["fr"]
    assert "spectatrice assidue" not in (source / rel).read_text(encoding="utf-8")
