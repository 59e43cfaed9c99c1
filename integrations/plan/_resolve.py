"""Identity: which remote object is which workspace key.

First the lock file (key → id, when that id still exists remotely), then title adoption for
desired objects the lock does not know (first run, or a lost lock): a remote object with the
same title (case- and space-insensitive) that no other key claims is adopted rather than
duplicated. Options are matched by their lock id first (a tag renamed by hand keeps its
identity), then by value; an option declaring ``was`` (renamed in the workspace) also
matches its old value.

On a target whose choice value is the shown title (Freshdesk), remote options are first
given their keys back (`keyed_field`), so everything after this sees keys on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from integrations.model import Field, Form, Option, RemoteState, Workspace
from integrations.plan._choices import choice_keys, keyed_field
from integrations.plan._lock import LockFile

__all__ = ["Resolution", "match_options", "resolve"]


@dataclass(frozen=True)
class Resolution:
    """Matches between workspace keys and remote objects."""

    fields: Mapping[str, Field]  # key -> remote field (desired and lock-only keys)
    forms: Mapping[str, Form]  # key -> remote form (refs still remote ids)
    field_keys: Mapping[int, str]  # remote id -> key
    adopted_fields: frozenset[str] = frozenset()
    adopted_forms: frozenset[str] = frozenset()
    #: lock keys whose remote object is gone (deleted by hand)
    missing_fields: frozenset[str] = frozenset()
    missing_forms: frozenset[str] = frozenset()
    brand_names: Mapping[str, str] = field(default_factory=dict)
    #: remote field id -> choice text -> option key (targets whose choices carry titles)
    choice_keys: Mapping[int, Mapping[str, str]] = field(default_factory=dict)


def _norm(title: str) -> str:
    return " ".join(title.split()).casefold()


def _match(desired_titles: Sequence[tuple[str, str]], remote: Iterable[tuple[int, str]],
           locked: Mapping[str, int]) -> tuple[dict[str, int], set[str], set[str]]:
    """Return key -> id, adopted keys, missing lock keys."""
    remote_ids = {rid: title for rid, title in remote}
    matched: dict[str, int] = {}
    missing: set[str] = set()
    for key, rid in locked.items():
        if rid in remote_ids:
            matched[key] = rid
        else:
            missing.add(key)
    claimed = set(matched.values())
    by_title: dict[str, list[int]] = {}
    for rid in sorted(remote_ids):
        if rid not in claimed:
            by_title.setdefault(_norm(remote_ids[rid]), []).append(rid)
    adopted: set[str] = set()
    for key, title in desired_titles:
        if key in matched:
            continue
        candidates = by_title.get(_norm(title))
        if candidates:
            matched[key] = candidates.pop(0)
            adopted.add(key)
    return matched, adopted, missing


def resolve(desired: Workspace, actual: RemoteState, lock: LockFile, *,
            choices_by_title: bool = False) -> Resolution:
    """Match keys to remote objects (pure; the lock is only read). ``choices_by_title``:
    the target's choice value is the option's title (see `keyed_field`)."""
    remote_fields = {f.id: f for f in actual.fields if f.id is not None}
    remote_forms = {f.id: f for f in actual.forms if f.id is not None}
    fmatch, fadopt, fmiss = _match(
        [(k, f.title) for k, f in desired.fields.items()],
        [(i, f.title) for i, f in remote_fields.items()],
        {k: e.id for k, e in lock.fields.items()})
    mmatch, madopt, mmiss = _match(
        [(k, f.title) for k, f in desired.forms.items()],
        [(i, f.title) for i, f in remote_forms.items()],
        {k: e.id for k, e in lock.forms.items()})
    fields = {k: remote_fields[i] for k, i in fmatch.items()}
    keyed: dict[int, Mapping[str, str]] = {}
    if choices_by_title:
        for k, f in fields.items():
            if f.options and f.id is not None:
                entry = lock.fields.get(k)
                fields[k] = keyed_field(f, desired.fields.get(k),
                                        entry.options if entry else {})
                keyed[f.id] = choice_keys(fields[k])
    return Resolution(
        fields=fields,
        forms={k: remote_forms[i] for k, i in mmatch.items()},
        field_keys={i: k for k, i in fmatch.items()},
        adopted_fields=frozenset(fadopt), adopted_forms=frozenset(madopt),
        missing_fields=frozenset(fmiss), missing_forms=frozenset(mmiss),
        brand_names={str(i): name for name, i in actual.brands.items()},
        choice_keys=keyed,
    )


def _ident(option: Option) -> int | str:
    return option.id if option.id is not None else f"value:{option.value}"


def match_options(desired: Sequence[Option], remote: Sequence[Option],
                  locked: Mapping[str, int]) -> tuple[dict[str, Option], list[Option]]:
    """Match desired option values to remote options; return (value -> remote, unmatched)."""
    by_id = {o.id: o for o in remote if o.id is not None}
    by_value: dict[str, Option] = {}
    for o in remote:
        by_value.setdefault(o.value, o)
    used: set[int | str] = set()
    matched: dict[str, Option] = {}
    for opt in desired:  # lock id first: keeps identity when a value was edited by hand
        for name in (opt.value, opt.was):  # ``was``: renamed in the workspace
            rid = locked.get(name) if name is not None else None
            if rid is not None and rid in by_id and rid not in used:
                matched[opt.value] = by_id[rid]
                used.add(rid)
                break
    for opt in desired:
        for name in (opt.value, opt.was):
            cand = by_value.get(name) if name is not None else None
            if opt.value not in matched and cand is not None and _ident(cand) not in used:
                matched[opt.value] = cand
                used.add(_ident(cand))
    unmatched = [o for o in remote if _ident(o) not in used]
    return matched, unmatched
