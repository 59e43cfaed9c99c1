"""Adding proposed keywords to a field schema file: text in, text out, nothing removed.

The file is rewritten in the seed workspaces' layout (two-space indent, each ``oneOf``
option on one line), so the diff shows the options that gained keywords and nothing else.
Keywords already there (in any spelling the reading stage reads the same) are not added
twice; keywords a person wrote are never removed or reordered.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["add_keywords", "add_rule_keywords", "diff", "dump"]


def dump(schema: Mapping[str, Any]) -> str:
    """``schema`` as text: indented, one line per ``oneOf``/``anyOf`` option."""
    marks: dict[str, str] = {}
    doc = dict(schema)
    for name in ("oneOf", "anyOf"):
        nodes = doc.get(name)
        if isinstance(nodes, list):
            placeholders = []
            for node in nodes:
                mark = f"@@deskops-option-{len(marks)}@@"
                marks[json.dumps(mark)] = json.dumps(node, ensure_ascii=False)
                placeholders.append(mark)
            doc[name] = placeholders
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    for mark, node in marks.items():
        text = text.replace(mark, node)
    return text + "\n"


def add_keywords(text: str, extra: Mapping[str, Mapping[str, Sequence[str]]]) -> str:
    """The field schema ``text`` with ``extra`` (option value → locale → keywords) added."""
    schema = json.loads(text)
    changed: list[tuple[Any, Any]] = []
    for node in schema.get("oneOf") or schema.get("anyOf") or []:
        more = extra.get(str(node.get("const"))) if isinstance(node, dict) else None
        if not more:
            continue
        old = json.loads(json.dumps(node))
        kw = node.setdefault("x-deskops", {}).setdefault("keywords", {})
        for loc, words in more.items():
            have = kw.setdefault(loc, [])
            for w in words:
                if w.casefold() not in {h.casefold() for h in have}:
                    have.append(w)
        if node != old:
            changed.append((old, node))
    return _in_place(text, changed) or dump(schema) if changed else text


def _in_place(text: str, changed: Sequence[tuple[Any, Any]]) -> str | None:
    """``text`` with each changed option's own line replaced, when every one stands on a
    line of its own (the seed layout); None otherwise."""
    lines = text.splitlines(keepends=True)
    for old, new in changed:
        for i, line in enumerate(lines):
            body = line.strip().rstrip(",")
            if body.startswith("{") and '"const"' in body:
                try:
                    if json.loads(body) != old:
                        continue
                except ValueError:
                    continue
                start = line[: len(line) - len(line.lstrip())]
                comma = "," if line.rstrip().endswith(",") else ""
                lines[i] = f"{start}{json.dumps(new, ensure_ascii=False)}{comma}\n"
                break
        else:
            return None
    return "".join(lines)


def diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file, as ``git diff`` prints it."""
    return "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        f"a/{path}", f"b/{path}"))


def add_rule_keywords(text: str, rule: str, extra: Mapping[str, Sequence[str]]) -> str:
    """rules.json ``text`` with ``extra`` (locale → keywords) added to the keyword condition
    of rule ``rule`` (its own, or the one in its ``any``); only that object's text changes
    when it stands as ``json.dumps`` writes it, else the file is rewritten indented."""
    doc = json.loads(text)
    target = next((r for r in doc.get("rules") or [] if r.get("name") == rule), None)
    if target is None:
        return text
    when = target.get("when") or {}
    holders = [when, *[c for c in when.get("any") or [] if isinstance(c, dict)]]
    holder = next((c for c in holders if isinstance(c.get("keywords"), dict)), None)
    if holder is None:
        return text
    old = json.dumps(holder["keywords"], ensure_ascii=False)
    for loc, words in extra.items():
        have = holder["keywords"].setdefault(loc, [])
        have.extend(w for w in words if w.casefold() not in {h.casefold() for h in have})
    new = json.dumps(holder["keywords"], ensure_ascii=False)
    if new == old:
        return text
    if text.count(old) == 1:
        return text.replace(old, new)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
