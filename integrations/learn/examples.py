"""History tickets → labelled examples: the agent's value per field, the ticket's locale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from integrations.language import detect
from integrations.model import Field, Workspace

__all__ = ["Example", "build_examples"]


@dataclass(frozen=True)
class Example:
    """One solved ticket: its texts (memory only), locale and the values agents set."""

    id: int
    created_at: str
    locale: str
    texts: tuple[str, ...]
    labels: Mapping[str, str]


def _option_value(f: Field, raw: Any) -> str | None:
    """The option an agent set (by value; Freshdesk may answer a title)."""
    if raw in (None, ""):
        return None
    for opt in f.options:
        if raw == opt.value or raw == opt.title or raw in opt.titles.values():
            return opt.value
    return None


def build_examples(tickets: Iterable[Any], workspace: Workspace,
                   field_ids: Mapping[str, int], keys: Sequence[str]) -> list[Example]:
    """Examples (oldest first) for the dropdowns ``keys`` from history tickets (anything
    with ``id``, ``created_at``, ``texts()`` and ``fields`` by remote id)."""
    dropdowns = {k: workspace.fields[k] for k in keys}
    out: list[Example] = []
    for t in tickets:
        labels = {k: v for k, f in dropdowns.items()
                  if k in field_ids
                  and (v := _option_value(f, t.fields.get(field_ids[k]))) is not None}
        if not labels:
            continue
        texts = tuple(t.texts())
        locale, _ = detect(texts, workspace.locales, fallback_locale=None,
                           default=workspace.default_locale)
        out.append(Example(int(t.id), str(t.created_at), locale, texts, labels))
    out.sort(key=lambda e: (e.created_at, e.id))
    return out
