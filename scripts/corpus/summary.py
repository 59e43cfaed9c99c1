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


def clean(value: Any, rules: bool = False) -> Any:
    """The value without the vocabulary keys, at any depth. In ``rules.json`` a condition on
    words stays visible as ``"keywords": "(hidden)"``: dropped, it would leave a rule that
    reads as if it applied to every ticket (a rule with no ``when`` does)."""
    if isinstance(value, dict):
        return {k: ("(hidden)" if rules and k == "keywords" else clean(v, rules))
                for k, v in value.items() if k not in HIDDEN or (rules and k == "keywords")}
    if isinstance(value, list):
        return [clean(v, rules) for v in value]
    return value


def _block(title: str, path: Path, indent: int | None = None, rules: bool = False) -> str:
    text = json.dumps(clean(json.loads(path.read_text(encoding="utf-8")), rules),
                      ensure_ascii=False, indent=indent)
    return f"## {title}\n```json\n{text}\n```\n"


def summary(workspace: str) -> str:
    root = EXAMPLES / workspace
    parts = [f"# Workspace {workspace} (keyword-free summary)\n",
             _block("deskops.json", root / "deskops.json", 1)]
    parts += [_block(f"field {p.stem}", p) for p in sorted((root / "fields").glob("*.json"))]
    parts += [_block(f"form {p.stem}", p) for p in sorted((root / "forms").glob("*.json"))]
    parts.append(_block("rules.json (keyword lists hidden: a rule's name says what they are "
                        "about; a rule with no `when` applies to every ticket)",
                        root / "rules.json", 1, rules=True))
    return "\n".join(parts)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (EXAMPLES / sys.argv[1]).is_dir():
        sys.exit("usage: summary.py WORKSPACE (a folder of schemas/examples)")
    print(summary(sys.argv[1]))
