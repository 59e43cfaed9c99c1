"""What a workspace says about its fields, gathered once per form for the reading stage.

From each field schema: titles in every locale, ``x-deskops.synonyms`` (per locale, words
that name the field in a sentence: "my main" for a character) and, on each dropdown option,
``x-deskops.keywords`` (per locale, words and phrases customers use for that option), and
``x-deskops.person`` on a dropdown whose options are kinds of requester, ``x-deskops.quoted``
on the option a quoted message the product shows names; on a boolean
field, ``x-deskops.keywords`` are statements that tick it (`checkbox`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from integrations.model import Field

__all__ = ["checkbox_keywords", "field_synonyms", "is_person", "option_keywords",
           "option_phrases", "per_locale", "quoted_option"]

#: Confidence of a match on an option's own title, and on one of its keywords.
TITLE_WEIGHT = 0.9
KEYWORD_WEIGHT = 0.85


def per_locale(value: Any) -> dict[str, tuple[str, ...]]:
    """``{"en": [...], "*": [...]}`` as tuples; anything else is empty."""
    if not isinstance(value, Mapping):
        return {}
    return {str(k): tuple(str(w) for w in v if isinstance(w, str) and w.strip())
            for k, v in value.items() if isinstance(v, list)}


def _ext(node: Any) -> Mapping[str, Any]:
    ext = node.get("x-deskops") if isinstance(node, Mapping) else None
    return ext if isinstance(ext, Mapping) else {}


def is_person(f: Field) -> bool:
    """True when the dropdown's options say who the requester is (``x-deskops.person``: a
    user, a model, a studio): then a person the text names besides the requester is not
    the value."""
    return _ext(f.schema).get("person") is True


def option_keywords(f: Field) -> dict[str, dict[str, tuple[str, ...]]]:
    """Option value → locale → keywords, from the field schema's ``oneOf``/``anyOf``."""
    schema = f.schema or {}
    nodes = list(schema.get("oneOf") or schema.get("anyOf") or [])
    items = schema.get("items")
    if isinstance(items, Mapping):
        nodes += list(items.get("oneOf") or items.get("anyOf") or [])
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for node in nodes:
        if isinstance(node, Mapping) and "const" in node:
            words = per_locale(_ext(node).get("keywords"))
            if words:
                out[str(node["const"])] = words
    return out


def quoted_option(f: Field) -> str | None:
    """The option a message the product shows, quoted by the requester, names
    (``x-deskops.quoted: true`` on one option: "it says 'Access denied'" is a technical
    problem); None when no option declares it."""
    schema = f.schema or {}
    for node in schema.get("oneOf") or schema.get("anyOf") or ():
        if isinstance(node, Mapping) and "const" in node and _ext(node).get("quoted") is True:
            return str(node["const"])
    return None


def option_phrases(f: Field, language: str) -> list[tuple[str, str, float]]:
    """``(option value, phrase, weight)`` read in ``language``: every option's titles in
    every locale (a title is a title whatever the language around it), and its keywords
    for that language and ``*`` (another language's keywords would be false friends:
    "pagas" is not "page")."""
    keywords = option_keywords(f)
    out: list[tuple[str, str, float]] = []
    for opt in f.options:
        for title in sorted({opt.title, *opt.titles.values()}):
            out.append((opt.value, title, TITLE_WEIGHT))
        for loc, words in keywords.get(opt.value, {}).items():
            if loc == "*" or loc.split("-", 1)[0].lower() == language:
                out.extend((opt.value, w, KEYWORD_WEIGHT) for w in words)
    return out


def checkbox_keywords(f: Field, language: str | None = None) -> tuple[str, ...]:
    """A boolean field's ``x-deskops.keywords``: statements that tick it, for ``language``
    and ``*`` (every locale's when ``language`` is None)."""
    words = per_locale(_ext(f.schema).get("keywords"))
    return tuple(w for loc, ws in sorted(words.items())
                 if language is None or loc == "*" or loc.split("-", 1)[0].lower() == language
                 for w in ws)


def field_synonyms(f: Field) -> list[str]:
    """Every name of the field: key, titles in every locale, declared synonyms."""
    names: list[str] = [f.key.replace("_", " "), f.title, *f.titles.values()]
    for words in per_locale(_ext(f.schema).get("synonyms")).values():
        names.extend(words)
    return _unique(names)


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        if n and n.strip():
            seen.setdefault(n.strip(), None)
    return list(seen)
