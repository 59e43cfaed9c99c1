"""Typed values anywhere: a field whose format is recognisable (an e-mail address, a
numeric id with a declared pattern) is found anywhere in the text, not only after its label.

A format is *recognisable* when its pattern rejects ordinary words (`PROBES`): a pattern
that accepts "hello" (a free-form name) is left to `sentences`. One distinct candidate in
the whole ticket is written; several are written only when exactly one stands right after
one of the field's names (title, synonyms); else nothing is (precision first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.model import Field
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.normalise import fold
from integrations.triage.reading.vocabulary import field_synonyms

__all__ = ["TypedReader", "recognisable"]

#: Ordinary words and numbers: a pattern accepting one of them is not a recognisable format.
PROBES = ("hello", "Crash", "account", "the", "Windows 11", "42", "2024", "jules_b")
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_CANDIDATE = re.compile(r"[^\s,;()<>\"'«»“”]+")
ALONE = 0.85
LABELLED = 0.9


def _pattern(f: Field) -> str | None:
    if f.pattern:
        return f.pattern
    if isinstance(f.schema, dict) and f.schema.get("format") == "email":
        return _EMAIL
    return None


def recognisable(f: Field) -> bool:
    """True when the field's pattern tells its values from ordinary words."""
    pattern = _pattern(f)
    if pattern is None or f.kind not in ("regexp", "text", "integer"):
        return False
    try:
        compiled = re.compile(pattern)
    except re.error:
        return False
    return not any(compiled.search(p) for p in PROBES)


class TypedReader:
    """One recognisable field: its pattern and the names that label it."""

    def __init__(self, f: Field) -> None:
        self.field = f
        self._pattern = re.compile(_pattern(f) or "$^")
        names = sorted((fold(n) for n in field_synonyms(f)), key=len, reverse=True)
        self._label = re.compile(
            r"(?:" + "|".join(re.escape(n) for n in names if n) + r")[^\w\n]{0,4}"
            r"(?:(?:is|est|e|:|=|은|는|이)\s*)?$") if names else None

    def read(self, texts: Sequence[tuple[str, str]], locale: str) -> Evidence | None:
        found: dict[str, tuple[bool, str, str]] = {}
        for source, text in texts:
            for m in _CANDIDATE.finditer(text[:4000]):
                value = m.group().rstrip(".!?:")
                if not value or not self._pattern.search(value):
                    continue
                before = fold(text[max(0, m.start() - 40):m.start()])
                labelled = bool(self._label and self._label.search(before))
                prior = found.get(value)
                if prior is None or (labelled and not prior[0]):
                    found[value] = (labelled, source, text[max(0, m.start() - 24):m.end()])
        if not found:
            return None
        if len(found) == 1:
            value, (labelled, source, span) = next(iter(found.items()))
        else:
            attached = [v for v, (lab, _, _) in found.items() if lab]
            if len(attached) != 1:
                return None
            value = attached[0]
            labelled, source, span = found[value]
        return Evidence(key=self.field.key, value=value, span=clip(span), method="typed",
                        locale=locale, confidence=LABELLED if labelled else ALONE,
                        source=source)
