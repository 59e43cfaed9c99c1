"""Keyword-free summary of an example workspace, for writers of a blind triage corpus split.

Usage: ``python scripts/corpus/summary.py WORKSPACE > summary.md`` (game-publisher,
streaming-platform, ad-network). A writer who reads only this (and ``writer-brief.md``) sees
the fields, option keys and titles, forms and rules, but none of the vocabulary the reading
stage matches (keywords, synonyms, cues, extract patterns), so the tickets they write measure
how triage reads text it was not tuned on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"
#: The vocabulary and the reading stage's hints (`person`, `quoted`): what the writer must not see.
HIDDEN = {"keywords", "synonyms", "cues", "extract", "phrases", "person", "quoted", "$schema"}


def clean(value: Any) -> Any:
    """The value without the vocabulary keys, at any depth (a rule left with an empty `when`
    loses it: its keywords were all it had)."""
    if isinstance(value, dict):
        kept = {k: clean(v) for k, v in value.items() if k not in HIDDEN}
        return {k: v for k, v in kept.items() if not (k == "when" and v == {})}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def _block(title: str, path: Path, indent: int | None = None) -> str:
    text = json.dumps(clean(json.loads(path.read_text(encoding="utf-8"))),
                      ensure_ascii=False, indent=indent)
    return f"## {title}\n```json\n{text}\n```\n"


def summary(workspace: str) -> str:
    root = EXAMPLES / workspace
    parts = [f"# Workspace {workspace} (keyword-free summary)\n",
             _block("deskops.json", root / "deskops.json", 1)]
    parts += [_block(f"field {p.stem}", p) for p in sorted((root / "fields").glob("*.json"))]
    parts += [_block(f"form {p.stem}", p) for p in sorted((root / "forms").glob("*.json"))]
    parts.append(_block("rules.json (keyword lists removed: a rule's name says what it is "
                        "about)", root / "rules.json", 1))
    return "\n".join(parts)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (EXAMPLES / sys.argv[1]).is_dir():
        sys.exit("usage: summary.py WORKSPACE (a folder of schemas/examples)")
    print(summary(sys.argv[1]))
