"""History tickets → labelled examples: the agent's value per field, the ticket's locale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from integrations.language import detect
from integrations.model import Field, Workspace

__all__ = ["Example", "KeywordRule", "build_examples", "keyword_rules"]


@dataclass(frozen=True)
class Example:
    """One solved ticket: its texts (memory only), locale and the values agents set."""

    id: int
    created_at: str
    locale: str
    texts: tuple[str, ...]
    labels: Mapping[str, str]


@dataclass(frozen=True)
class KeywordRule:
    """A rule with keyword conditions (its own, or in one of its ``any``), and the tags it
    adds: agents' tags on solved tickets say whether it should have fired."""

    name: str
    keywords: Mapping[str, Sequence[str]]
    tags: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"rule: {self.name}"


def keyword_rules(rules: Iterable[Any]) -> list[KeywordRule]:
    """The rules (`triage.Rule`) worth learning for: keyword conditions and tags to add."""
    out = []
    for rule in rules:
        when = rule.when
        found = [when] + [c for c in when.get("any", ()) if isinstance(c, Mapping)]
        keywords = next((c["keywords"] for c in found if isinstance(c.get("keywords"), Mapping)),
                        None)
        if keywords is not None and rule.tags:
            out.append(KeywordRule(rule.name, keywords, tuple(rule.tags)))
    return out


def _option_value(f: Field, raw: Any) -> str | None:
    """The option an agent set (by value; Freshdesk may answer a title)."""
    if raw in (None, ""):
        return None
    for opt in f.options:
        if raw == opt.value or raw == opt.title or raw in opt.titles.values():
            return opt.value
    return None


def build_examples(tickets: Iterable[Any], workspace: Workspace,
                   field_ids: Mapping[str, int], keys: Sequence[str],
                   rules: Sequence[KeywordRule] = ()) -> list[Example]:
    """Examples (oldest first) for the dropdowns ``keys`` and the ``rules`` from history
    tickets (anything with ``id``, ``created_at``, ``texts()``, ``tags`` and ``fields`` by
    remote id)."""
    dropdowns = {k: workspace.fields[k] for k in keys}
    out: list[Example] = []
    for t in tickets:
        labels = {k: v for k, f in dropdowns.items()
                  if k in field_ids
                  and (v := _option_value(f, t.fields.get(field_ids[k]))) is not None}
        tags = set(getattr(t, "tags", ()))
        labels.update({r.label: "yes" if set(r.tags) <= tags else "no" for r in rules})
        if not labels:
            continue
        texts = tuple(t.texts())
        locale, _ = detect(texts, workspace.locales, fallback_locale=None,
                           default=workspace.default_locale)
        out.append(Example(int(t.id), str(t.created_at), locale, texts, labels))
    out.sort(key=lambda e: (e.created_at, e.id))
    return out
