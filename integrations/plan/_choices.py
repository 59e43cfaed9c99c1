"""Freshdesk dropdown choices: the value people see is the option's title; its key is
deskops's own, kept in the lock file.

A Freshdesk choice has one text, ``value``, shown to customers and stored on tickets (the
API reference's example: ``{"value": "Refund"}``). deskops sends the option's title in the
workspace's default locale there and remembers key → choice id in the lock. Reading back,
`keyed_field` gives each remote option its key again:

1. the lock's choice id (a title renamed on either side keeps its key);
2. else a desired option with the same title (first run, or a lost lock);
3. else a desired option whose key is the text: a choice written by a deskops that still
   sent keys, which the plan migrates to the title in one update;
4. else the text stays (an option added by hand: unmanaged).

`choice_values` is the same table for tickets: per remote field id, option key → the value
a ticket holds, which the worker hands to the Freshdesk ticket adapter. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from integrations.model import Field, Option, Workspace

__all__ = ["choice_keys", "choice_values", "keyed_field"]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def keyed_field(remote: Field, want: Field | None, locked: Mapping[str, int]) -> Field:
    """``remote`` (options read as ``value == title == choice text``) with each option's
    ``value`` set to its workspace key, ``title`` kept as the text (see the module doc)."""
    by_id = {i: k for k, i in locked.items()}
    keys: dict[int, str] = {}  # index in remote.options -> key
    for i, o in enumerate(remote.options):
        key = by_id.get(o.id) if o.id is not None else None
        if key is not None and key not in keys.values():
            keys[i] = key
    wanted = want.options if want is not None else ()
    for same in (_same_title, _holds_key):
        for i, o in enumerate(remote.options):
            if i in keys:
                continue
            for w in wanted:
                if w.value not in keys.values() and w.value not in locked and same(w, o):
                    keys[i] = w.value
                    break
    return replace(remote, options=tuple(
        replace(o, value=keys[i]) if i in keys else o for i, o in enumerate(remote.options)))


def _same_title(want: Option, remote: Option) -> bool:
    return _norm(want.title) == _norm(remote.title)


def _holds_key(want: Option, remote: Option) -> bool:
    return remote.title in (want.value, want.was)


def choice_keys(keyed: Field) -> dict[str, str]:
    """Choice text → option key of a `keyed_field` (condition values are texts)."""
    return {o.title: o.value for o in keyed.options}


def choice_values(workspace: Workspace, field_ids: Mapping[int, str]
                  ) -> dict[int, dict[str, str]]:
    """Remote field id → option key → the choice value a ticket holds (its default-locale
    title), for every dropdown the lock maps (``field_ids``: remote id → key)."""
    out: dict[int, dict[str, str]] = {}
    for fid, key in field_ids.items():
        field = workspace.fields.get(key)
        if field is not None and field.kind == "dropdown" and field.options:
            out[fid] = {o.value: _shown(o) for o in field.options}
    return out


def _shown(option: Option) -> str:
    return option.title or option.value
