"""Builders for in-memory workspaces/remote states, and an in-memory `Helpdesk`.

`MemoryHelpdesk` implements the provisioning contract over plain dicts so the apply engine's
ordering, lock recording and resume logic are tested without I/O; the same behaviours are
tested end to end over HTTP against the sandbox in ``test_e2e.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from integrations.errors import NotFound, Unavailable
from integrations.helpdesk.base import CallCounter, Capabilities, Helpdesk
from integrations.model import Field, Form, Option, RemoteState, Workspace


def ws(fields: Sequence[Field] = (), forms: Sequence[Form] = (), *,
       default_locale: str = "en") -> Workspace:
    return Workspace(root=Path("."), default_locale=default_locale,
                     locales=(default_locale,), fields={f.key: f for f in fields},
                     forms={f.key: f for f in forms})


def dropdown(key: str, title: str, *values: str) -> Field:
    return Field(key=key, kind="dropdown", title=title,
                 options=tuple(Option(v, v.replace("_", " ").title()) for v in values))


class MemoryHelpdesk(Helpdesk):
    """A helpdesk account held in dicts; ``fail_after`` makes the N+1th write fail."""

    target = "zendesk"
    capabilities = Capabilities(multiselect=True, regexp=True, field_translations=True,
                                conditions=True, brands=True)

    def __init__(self) -> None:
        self.calls = CallCounter()
        self.fields: dict[int, Field] = {}
        self.forms: dict[int, Form] = {}
        self.form_order: list[int] = []
        self.positions: dict[int, int] = {}  # option id -> position
        self._ids = itertools.count(1000)
        self.fail_after: int | None = None

    def _write(self, endpoint: str) -> None:
        if self.fail_after is not None:
            if self.fail_after <= 0:
                raise Unavailable(f"helpdesk down (injected) on {endpoint}", status=503)
            self.fail_after -= 1
        self.calls.record("POST", endpoint)

    def state(self) -> RemoteState:
        return RemoteState(fields=tuple(self.fields[i] for i in sorted(self.fields)),
                           forms=tuple(self.forms[i] for i in self.form_order))

    def read_state(self) -> RemoteState:
        self.calls.record("GET", "state")
        return self.state()

    def create_field(self, field: Field) -> Field:
        self._write("fields")
        fid = next(self._ids)
        options = tuple(replace(o, id=next(self._ids)) for o in field.options)
        for i, o in enumerate(options):
            self.positions[o.id or 0] = i
        self.fields[fid] = replace(field, id=fid, key="", options=options)
        return self.fields[fid]

    def update_field(self, field_id: int, field: Field) -> None:
        self._write("fields/id")
        old = self._field(field_id)
        self.fields[field_id] = replace(field, id=field_id, key="", options=old.options,
                                        titles=old.titles, descriptions=old.descriptions)

    def _field(self, field_id: int) -> Field:
        if field_id not in self.fields:
            raise NotFound(f"field {field_id} not found", status=404)
        return self.fields[field_id]

    def delete_field(self, field_id: int) -> None:
        self._write("fields/id DELETE")
        self._field(field_id)
        del self.fields[field_id]

    def _sorted(self, field_id: int, options: Sequence[Option]) -> None:
        pos = self.positions
        self.fields[field_id] = replace(self.fields[field_id], options=tuple(
            sorted(options, key=lambda o: (pos[o.id or 0], o.id or 0))))

    def create_option(self, field_id: int, option: Option, position: int) -> Option:
        """Absolute positions, ties broken by id: what the sandbox (and Zendesk) do."""
        self._write("options")
        old = self._field(field_id)
        new = replace(option, id=next(self._ids))
        self.positions[new.id or 0] = position
        self._sorted(field_id, [*old.options, new])
        return new

    def update_option(self, field_id: int, option: Option, position: int) -> None:
        self._write("options/id")
        old = self._field(field_id)
        self.positions[option.id or 0] = position
        self._sorted(field_id, [option if o.id == option.id else o for o in old.options])

    def delete_option(self, field_id: int, option_id: int) -> None:
        self._write("options/id DELETE")
        old = self._field(field_id)
        self._sorted(field_id, [o for o in old.options if o.id != option_id])

    def set_field_translations(self, field_id: int, field: Field, *, prune: bool = False
                               ) -> None:
        self._write("translations")
        old = self._field(field_id)
        by_value = {o.value: o for o in field.options}
        options = tuple(replace(o, titles=by_value[o.value].titles) if o.value in by_value
                        else o for o in old.options)
        self.fields[field_id] = replace(old, titles=field.titles,
                                        descriptions=field.descriptions, options=options)

    def create_form(self, form: Form) -> int:
        self._write("forms")
        fid = next(self._ids)
        self.forms[fid] = replace(form, id=fid, key="")
        self.form_order.append(fid)
        return fid

    def update_form(self, form_id: int, form: Form) -> None:
        self._write("forms/id")
        if form_id not in self.forms:
            raise NotFound(f"form {form_id} not found", status=404)
        self.forms[form_id] = replace(form, id=form_id, key="")

    def delete_form(self, form_id: int) -> None:
        self._write("forms/id DELETE")
        self.forms.pop(form_id)
        self.form_order.remove(form_id)

    def reorder_forms(self, form_ids: Sequence[int]) -> None:
        self._write("forms/reorder")
        self.form_order = [i for i in form_ids if i in self.forms] + [
            i for i in self.form_order if i not in form_ids]

    def close(self) -> None:
        pass
