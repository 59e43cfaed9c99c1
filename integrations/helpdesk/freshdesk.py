"""The Freshdesk adapter, on ``requests`` through a guarded `HelpdeskSession`.

Shapes worth knowing:

- Custom fields live under ``/api/v2/admin/ticket_fields``; their ``cf_`` name is derived by
  Freshdesk from the label's ASCII letters, so a field whose title has none (a Korean title)
  is created with an ASCII label from its key first, then renamed.
- Choices change by diff, one entry per call: ``{"value", "position"}`` adds,
  ``{"id", "value", "position"}`` changes, ``{"id", "deleted": true}`` removes. The whole
  choice list is never sent. A choice has a single ``value``, shown to customers and
  stored on tickets (the reference's example: ``"value": "Refund"``), so an option is sent
  as its title (`_shown`) and reads back with ``value == title ==`` that text; the planner
  gives it its key back through the lock (`integrations.plan._choices`). Conditions name
  choices by that text too.
  Positions: the planner gives 0-based indexes in the final list; Freshdesk numbers
  choices from 1. `_position` is the one place that translates.
- Conditional fields are dynamic sections, which belong to the parent dropdown (account
  wide, not per form): a condition ``parent == value -> children`` puts the children in
  the parent's section for that choice (one section per choice, created on demand, label
  ``<parent label>: <value>``); a child joins a section through its ``section_mappings``.
  A child's "required" is the field's own ``required_for_customers`` (a field inside a
  section is hidden, so not required, outside it). Reading, a form's conditions are the
  sections of the dropdowns (custom ones and the built-in Type) on it, restricted to the
  fields on it; the sections come with the field list (``?include=section``), so they cost
  no extra call.
- Ticket forms (``/api/v2/ticket-forms``) must contain the requester and company fields:
  they are added when writing and left out when reading, like Zendesk, where every form
  shows them. Freshdesk has no form order and no per-locale field labels in API v2:
  `reorder_forms` and `set_field_translations` make no call.
- Freshdesk's list endpoints omit dropdown choices and form fields in their documented
  shape; when an item comes back without them it is read once on its own (the only
  per-object reads, forced by the API: ``/api/v2/ticket-forms`` documents no ``include``
  that returns form fields, so each form costs one read).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import requests

from integrations.errors import AuthError, ConfigError, HelpdeskError, NotFound, Rejected
from integrations.helpdesk._common import (
    Check,
    HookSpec,
    from_vendor_locale,
    redact_url,
    to_vendor_locale,
)
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    RetryPolicy,
    map_http_error,
    session_facts,
)
from integrations.helpdesk.base import CallCounter, Capabilities, Helpdesk
from integrations.model import (
    Condition,
    ConditionChild,
    Field,
    FieldKind,
    Form,
    Option,
    Ref,
    RemoteState,
    Target,
)
from integrations.settings import Settings

__all__ = ["CREDENTIAL", "FreshdeskHelpdesk", "build_session", "error_reason"]

#: (how a 401 names the Freshdesk credential, the variable to check): the one source for
#: every Freshdesk client (provisioning, tickets, Solutions, webhook install).
CREDENTIAL = ("API key", "FRESHDESK_API_KEY")

_KIND_TO_TYPE: dict[FieldKind, str] = {
    "text": "custom_text", "textarea": "custom_paragraph", "regexp": "custom_text",
    "dropdown": "custom_dropdown", "checkbox": "custom_checkbox", "integer": "custom_number",
    "decimal": "custom_decimal", "date": "custom_date",
}
_TYPE_TO_KIND: dict[str, FieldKind] = {
    "custom_text": "text", "custom_paragraph": "textarea", "custom_dropdown": "dropdown",
    "custom_checkbox": "checkbox", "custom_number": "integer", "custom_decimal": "decimal",
    "custom_date": "date",
}
#: deskops system field name -> Freshdesk default field name.
_SYSTEM_NAMES: dict[str, str] = {
    "subject": "subject", "description": "description", "requester": "requester",
    "company": "company", "status": "status", "priority": "priority", "group": "group",
    "type": "ticket_type", "assignee": "agent",
}
_MANDATORY = ("requester", "company")
#: Fields that can own dynamic sections: custom dropdowns and the built-in Type field. The
#: list answer carries neither's choices (the reference's sample), so both are read alone.
_SECTION_PARENTS = frozenset({"custom_dropdown", "default_ticket_type"})


def reason_from_body(body: Mapping[str, Any]) -> tuple[str, list[str] | None]:
    """Freshdesk's own reason (``message``, else ``description``) and its field-by-field
    ``errors[]`` (``field: message``), from an error body."""
    reason = str(body.get("message") or body.get("description") or "")
    errors = body.get("errors")
    details = None
    if isinstance(errors, list):
        details = [f"{e.get('field') or '?'}: {e.get('message') or e.get('code')}"
                   if isinstance(e, dict) else str(e) for e in errors]
    return reason, details


def error_reason(exc: HTTPStatusError | ConnectionFailed) -> tuple[str, list[str] | None]:
    """`reason_from_body` of the error's body; nothing for a connection failure."""
    if isinstance(exc, HTTPStatusError):
        body = exc.json()
        if isinstance(body, dict):
            return reason_from_body(body)
    return "", None


def build_session(
    settings: Settings,
    *,
    calls: CallCounter | None = None,
    retry: RetryPolicy | None = None,
    timeout: float = 60.0,
) -> HelpdeskSession:
    """A guarded session for the configured Freshdesk (or sandbox), with the API key as auth."""
    base = settings.freshdesk_base_url()
    if settings.freshdesk_api_key is None:
        raise ConfigError("FRESHDESK_API_KEY is not set")
    session = HelpdeskSession(base, vendor="Freshdesk", calls=calls,
                              retry=retry or RetryPolicy.from_settings(settings),
                              timeout=timeout)
    session.auth = (settings.freshdesk_api_key.reveal(), "X")
    return session


class FreshdeskHelpdesk(Helpdesk):
    """One Freshdesk account; see the module docstring for the shapes."""

    target: ClassVar[Target] = "freshdesk"
    capabilities: ClassVar[Capabilities] = Capabilities(
        multiselect=False, regexp=True, field_translations=False, conditions=True,
        brands=False)

    def __init__(
        self,
        session: requests.Session | None = None,
        *,
        settings: Settings | None = None,
        calls: CallCounter | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if session is None:
            if settings is None:
                raise ConfigError("FreshdeskHelpdesk needs a session or settings")
            session = build_session(settings, calls=calls, retry=retry)
        self._session = session
        self._base, self.calls, self._budget = session_facts(
            session, settings.freshdesk_base_url if settings is not None else None, calls,
            "FreshdeskHelpdesk")
        self._raw_fields: dict[int, dict[str, Any]] | None = None
        #: parent dropdown id -> its dynamic sections (id, label, choice_ids, ticket_field_ids)
        self._sections: dict[int, list[dict[str, Any]]] = {}

    # -- HTTP and errors: the one place -------------------------------------------------
    @contextmanager
    def _call(self, what: str) -> Iterator[None]:
        try:
            yield
        except (HTTPStatusError, ConnectionFailed) as exc:
            raise self._error(exc, what) from exc
        except ValueError as exc:  # a body that is not JSON
            raise HelpdeskError(f"Freshdesk gave an unexpected answer for {what}: {exc}") from exc

    def _error(self, exc: HTTPStatusError | ConnectionFailed, what: str) -> HelpdeskError:
        reason, details = error_reason(exc)
        credential, check = CREDENTIAL
        return map_http_error(exc, vendor="Freshdesk", what=what, reason=reason,
                              details=details, credential=credential, check=check,
                              budget=self._budget)

    def _request(self, method: str, path: str, what: str, *,
                 json: Any = None, params: Mapping[str, Any] | None = None) -> Any:
        url = path if path.startswith("http") else f"{self._base}{path}"
        with self._call(what):
            response = self._session.request(method, url, json=json, params=params)
            return response.json() if response.content else None

    def _list(self, path: str, what: str, params: Mapping[str, Any] | None = None
              ) -> list[dict[str, Any]]:
        """Every item of a list endpoint, following ``Link: <...>; rel="next"``."""
        items: list[dict[str, Any]] = []
        url: str | None = f"{self._base}{path}"
        query: Mapping[str, Any] | None = params
        with self._call(what):
            while url:
                response = self._session.get(url, params=query)
                page = response.json()
                items.extend(page if isinstance(page, list) else [])
                url = response.links.get("next", {}).get("url")
                query = None  # the next link carries its own query
        return items

    # -- reading ------------------------------------------------------------------------------
    def _fields(self, force: bool = False) -> dict[int, dict[str, Any]]:
        if self._raw_fields is None or force:
            raw = self._list("/api/v2/admin/ticket_fields", "the list of ticket fields",
                             {"include": "section"})
            self._raw_fields = {int(f["id"]): f for f in raw}
            self._sections = {fid: list(f.get("sections") or [])
                              for fid, f in self._raw_fields.items()}
        return self._raw_fields

    def _field(self, field_id: int) -> dict[str, Any]:
        """One field with its choices and sections (read on its own only when the cached
        list entry lacks its choices)."""
        fields = self._fields()
        raw = fields.get(field_id)
        if raw is None or (raw.get("type") in _SECTION_PARENTS and "choices" not in raw):
            raw = self._request("GET", f"/api/v2/admin/ticket_fields/{field_id}",
                                f"ticket field {field_id}", params={"include": "section"})
            fields[field_id] = raw
            self._sections[field_id] = list(raw.get("sections") or [])
        return raw

    def _remember(self, field_id: int, raw: Any) -> None:
        """Keep the cached field current from a write's answer (sections are kept apart)."""
        if self._raw_fields is not None and isinstance(raw, dict) and "id" in raw:
            self._raw_fields[field_id] = raw

    def _system_ids(self) -> dict[str, int]:
        by_name = {v: k for k, v in _SYSTEM_NAMES.items()}
        return {by_name[str(f.get("name"))]: fid for fid, f in self._fields().items()
                if f.get("default") and str(f.get("name")) in by_name}

    def read_state(self) -> RemoteState:
        raw_fields = self._fields(force=True)
        fields: list[Field] = []
        for fid in list(raw_fields):
            if raw_fields[fid].get("default"):
                continue
            field = _field_from(self._field(fid))
            if field is not None:
                fields.append(field)
        system = {v: k for k, v in self._system_ids().items()}
        forms: list[Form] = []
        unavailable: str | None = None
        try:
            raw_forms = self._list("/api/v2/ticket-forms", "the list of ticket forms")
        except AuthError as exc:
            if exc.status != 403:
                raise
            raw_forms, unavailable = [], "403 " + (_forbidden(exc) or "Forbidden")
        for raw_form in raw_forms:
            if "fields" not in raw_form:
                raw_form = self._request("GET", f"/api/v2/ticket-forms/{raw_form['id']}",
                                         f"ticket form {raw_form['id']}")
            form = _form_from(raw_form, system)
            ids = [int(f["id"]) for f in raw_form.get("fields") or []]
            forms.append(dataclasses.replace(form, conditions=self._conditions(ids, system)))
        groups = {str(g["name"]): int(g["id"])
                  for g in self._list("/api/v2/groups", "the list of groups",
                                      {"per_page": 100})}
        return RemoteState(fields=tuple(fields), forms=tuple(forms), groups=groups,
                           brands={}, locales=self._locales(), forms_unavailable=unavailable)

    def _conditions(self, field_ids: Sequence[int], system: Mapping[int, str]
                    ) -> tuple[Condition, ...]:
        """A form's conditions: the sections of the dropdowns on it, limited to its fields."""
        on_form = set(field_ids)
        fields = self._fields()
        out: list[Condition] = []
        for parent in dict.fromkeys(field_ids):
            sections = self._sections.get(parent)
            if not sections:
                continue
            values = {int(c["id"]): str(c["value"])
                      for c in self._field(parent).get("choices") or []}
            for section in sections:
                children = tuple(
                    ConditionChild(int(m), bool(fields.get(int(m), {})
                                                .get("required_for_customers")))
                    for m in section.get("ticket_field_ids") or [] if int(m) in on_form)
                if not children:
                    continue
                for cid in section.get("choice_ids") or []:
                    if int(cid) in values:
                        out.append(Condition(system.get(parent, parent), values[int(cid)],
                                             children))
        return tuple(out)

    def _locales(self) -> tuple[str, ...]:
        settings = self._request("GET", "/api/v2/settings/helpdesk", "the helpdesk settings")
        settings = settings if isinstance(settings, dict) else {}
        found: list[str] = []
        for loc in [settings.get("primary_language"), *(settings.get("supported_languages")
                                                       or [])]:
            if loc and from_vendor_locale("freshdesk", str(loc)) not in found:
                found.append(from_vendor_locale("freshdesk", str(loc)))
        return tuple(found)

    # -- fields and options ---------------------------------------------------------------
    @staticmethod
    def _field_payload(field: Field) -> dict[str, Any]:
        if field.kind not in _KIND_TO_TYPE:
            raise Rejected(f"Freshdesk cannot express the {field.kind} field '{field.key}' "
                           "(no such field type): change its type in the workspace")
        payload: dict[str, Any] = {
            "label": field.title, "label_for_customers": field.title,
            "type": _KIND_TO_TYPE[field.kind],
            "customers_can_edit": field.editable_in_portal,
            "displayed_to_customers": field.visible_in_portal,
            "required_for_customers": field.required_in_portal,
        }
        payload.update(field.vendor.get("freshdesk") or {})
        payload.pop("choices", None)
        return payload

    def create_field(self, field: Field) -> Field:
        payload = self._field_payload(field)
        rename = None
        if not re.search(r"[A-Za-z]", str(payload["label"])):
            # cf_ names come from the label's ASCII letters: create under the key, then rename
            rename = {"label": payload["label"], "label_for_customers":
                      payload["label_for_customers"]}
            payload["label"] = payload["label_for_customers"] = field.key
        if field.options:
            payload["choices"] = [{"value": _shown(o), "position": _position(i)}
                                  for i, o in enumerate(field.options)]
        what = f"ticket field '{field.key}'"
        created = self._request("POST", "/api/v2/admin/ticket_fields", what, json=payload)
        if isinstance(created, dict) and "ticket_field" in created:
            created = created["ticket_field"]
        fid = int(created["id"])
        if rename:
            created = self._request("PUT", f"/api/v2/admin/ticket_fields/{fid}", what,
                                    json=rename) or created
        self._remember(fid, created)
        self._sections.pop(fid, None)
        ids = {str(c.get("value")): int(c["id"]) for c in created.get("choices") or []}
        return dataclasses.replace(
            field, id=fid,
            options=tuple(dataclasses.replace(o, id=ids.get(_shown(o))) for o in field.options))

    def update_field(self, field_id: int, field: Field) -> None:
        payload = self._field_payload(field)
        payload.pop("type", None)  # Freshdesk cannot change a type in place
        updated = self._request("PUT", f"/api/v2/admin/ticket_fields/{field_id}",
                                f"ticket field '{field.key}' ({field_id})", json=payload)
        self._remember(field_id, updated)

    def delete_field(self, field_id: int) -> None:
        self._request("DELETE", f"/api/v2/admin/ticket_fields/{field_id}",
                      f"ticket field {field_id} (delete)")
        if self._raw_fields is not None:
            self._raw_fields.pop(field_id, None)
        self._sections.pop(field_id, None)  # Freshdesk deletes a dropdown's sections with it

    def _choices(self, field_id: int, choice: dict[str, Any], what: str) -> dict[str, Any]:
        body = self._request("PUT", f"/api/v2/admin/ticket_fields/{field_id}", what,
                             json={"choices": [choice]})
        self._remember(field_id, body)
        return body if isinstance(body, dict) else {}

    def create_option(self, field_id: int, option: Option, position: int) -> Option:
        what = f"choice '{_shown(option)}' of ticket field {field_id}"
        body = self._choices(field_id, {"value": _shown(option),
                                        "position": _position(position)}, what)
        for choice in body.get("choices") or []:
            if str(choice.get("value")) == _shown(option):
                return dataclasses.replace(option, id=int(choice["id"]))
        raise HelpdeskError(f"Freshdesk did not return the new {what}")

    def update_option(self, field_id: int, option: Option, position: int) -> None:
        if option.id is None:
            raise ValueError("update_option needs option.id")
        self._choices(field_id, {"id": option.id, "value": _shown(option),
                                 "position": _position(position)},
                      f"choice '{_shown(option)}' of ticket field {field_id}")

    def delete_option(self, field_id: int, option_id: int) -> None:
        self._choices(field_id, {"id": option_id, "deleted": True},
                      f"choice {option_id} of ticket field {field_id} (delete)")

    def count_tickets_with(self, field_id: int, value: str) -> int | None:
        """``/api/v2/search/tickets?query="cf_x:'value'"``: its ``total`` (one call)."""
        name = self._fields().get(field_id, {}).get("name")
        if not name:
            return None
        text = value.replace("\\", "\\\\").replace("'", "\\'")
        try:
            found = self._request("GET", "/api/v2/search/tickets",
                                  f"the count of tickets with {name} = {value!r}",
                                  params={"query": f"\"{name}:'{text}'\""})
        except HelpdeskError:
            return None  # a count is a hint: never stop a plan for it
        total = found.get("total") if isinstance(found, dict) else None
        return int(total) if isinstance(total, int) else None

    def set_field_translations(self, field_id: int, field: Field, *, prune: bool = False
                               ) -> None:
        """No call: Freshdesk API v2 has no per-locale field labels (capability off)."""

    # -- forms --------------------------------------------------------------------------------
    def _form_ids(self, form: Form) -> list[int]:
        """The form's field ids in order: requester and company first, condition children
        the form does not list appended."""
        system = self._system_ids()
        ids: list[int] = []
        children = (ch.field for cond in form.conditions for ch in cond.children)
        for ref in (*_MANDATORY, *form.fields, *children):
            fid = self._field_id(ref, system, form)
            if fid not in ids:
                ids.append(fid)
        return ids

    def _form_payload(self, form: Form) -> dict[str, Any]:
        ids = self._form_ids(form)
        raw = self._fields()
        fields = []
        for position, fid in enumerate(ids, start=1):
            info = raw.get(fid, {})
            label = info.get("label_for_customers") or info.get("label") or str(fid)
            fields.append({
                "id": fid, "position": position, "label_for_customers": label,
                "customers_can_edit": bool(info.get("customers_can_edit", True)),
                "required_for_customers": bool(info.get("required_for_customers", False)),
                # mandatory, and refused blank: the field's own label (issue 17, finding 10)
                "hint_for_customers": info.get("hint_for_customers") or label,
                "placeholder_for_customers": info.get("placeholder_for_customers") or label,
            })
        payload: dict[str, Any] = {"title": form.title, "description": form.description,
                                   "fields": fields}
        payload.update(form.vendor.get("freshdesk") or {})
        return payload

    @staticmethod
    def _field_id(ref: Ref, system: Mapping[str, int], form: Form) -> int:
        if isinstance(ref, int):
            return ref
        if ref.isdigit():
            return int(ref)
        if ref in system:
            return system[ref]
        raise Rejected(f"ticket form '{form.title}' refers to '{ref}', which is neither a "
                       "remote field id nor a Freshdesk default field")

    def create_form(self, form: Form) -> int:
        payload = self._form_payload(form)
        created = self._request("POST", "/api/v2/ticket-forms",
                                f"ticket form '{form.title}'", json=payload)
        self._sync_sections(form)
        return int(created["id"])

    def update_form(self, form_id: int, form: Form) -> None:
        self._request("PUT", f"/api/v2/ticket-forms/{form_id}",
                      f"ticket form '{form.title}' ({form_id})", json=self._form_payload(form))
        self._sync_sections(form)

    # -- conditions: dynamic sections ---------------------------------------------------------
    def _sync_sections(self, form: Form) -> None:
        """Make the form's conditions true as dynamic sections (see the module docstring).

        Only sections of dropdowns on this form, and only the membership of fields on this
        form, are touched: sections are account-wide, and other forms' fields keep theirs
        (`workspace.validate` makes every form agree on a field's conditions).
        """
        system = self._system_ids()
        ids = self._form_ids(form)
        wanted: dict[int, dict[tuple[int, str], int]] = {}  # child -> (parent, value) -> pos
        for cond in form.conditions:
            parent = self._field_id(cond.parent, system, form)
            for pos, child in enumerate(cond.children, start=1):
                cid = self._field_id(child.field, system, form)
                wanted.setdefault(cid, {})[(parent, str(cond.value))] = pos
        parents = [fid for fid in ids
                   if self._fields().get(fid, {}).get("type") in _SECTION_PARENTS]
        if not wanted and not any(self._sections.get(p) for p in parents):
            return
        for fid in ids:
            raw = self._fields().get(fid, {})
            if raw.get("default"):
                continue
            pairs = wanted.get(fid, {})
            desired = {self._section_for(p, v, form).get("id"): pos
                       for (p, v), pos in pairs.items()}
            for p in {p for p, _ in pairs}:
                self._check_section_choices(p, fid, {v for q, v in pairs if q == p}, form)
            scope = {int(s["id"]) for p in parents for s in self._sections.get(p, [])}
            current = {int(s["id"]) for p in parents for s in self._sections.get(p, [])
                       if fid in [int(m) for m in s.get("ticket_field_ids") or []]}
            if current == set(desired):
                continue
            kept = [m for m in raw.get("section_mappings") or []
                    if int(m["section_id"]) not in scope]
            mappings = kept + [{"section_id": sid, "position": pos}
                               for sid, pos in desired.items()]
            updated = self._request("PUT", f"/api/v2/admin/ticket_fields/{fid}",
                                    f"the sections of ticket field {fid} (form "
                                    f"'{form.title}')", json={"section_mappings": mappings})
            self._remember(fid, updated)
            for p in parents:
                for s in self._sections.get(p, []):
                    members = [int(m) for m in s.get("ticket_field_ids") or [] if int(m) != fid]
                    s["ticket_field_ids"] = members + ([fid] if s["id"] in desired else [])

    def _choice_ids(self, parent: int) -> dict[str, int]:
        return {str(c["value"]): int(c["id"]) for c in self._field(parent).get("choices") or []}

    def _section_for(self, parent: int, value: str, form: Form) -> dict[str, Any]:
        """The parent's section shown for ``value`` (a choice is in at most one), created
        when missing."""
        choice = self._choice_ids(parent).get(value)
        if choice is None:
            raise Rejected(f"ticket form '{form.title}': ticket field {parent} has no choice "
                           f"{value!r} for a dynamic section (was it removed by hand?)")
        for section in self._sections.get(parent, []):
            if choice in [int(c) for c in section.get("choice_ids") or []]:
                return section
        label = self._fields().get(parent, {}).get("label") or str(parent)
        body = self._request("POST", f"/api/v2/admin/ticket_fields/{parent}/sections",
                             f"the dynamic section {label}: {value}",
                             json={"label": f"{label}: {value}", "choice_ids": [choice]})
        sections = body.get("sections") if isinstance(body, dict) else None
        if isinstance(sections, list):
            self._sections[parent] = sections
        for section in self._sections.get(parent, []):
            if choice in [int(c) for c in section.get("choice_ids") or []]:
                return section
        raise HelpdeskError(f"Freshdesk did not return the new section {label}: {value}")

    def _check_section_choices(self, parent: int, child: int, values: set[str],
                               form: Form) -> None:
        """A section made by hand for several choices shows its fields for all of them."""
        names = {v: k for k, v in self._choice_ids(parent).items()}
        for section in self._sections.get(parent, []):
            shown = {names.get(int(c), str(c)) for c in section.get("choice_ids") or []}
            if shown & values and not shown <= values:
                raise Rejected(
                    f"ticket form '{form.title}': Freshdesk section '{section.get('label')}' "
                    f"of ticket field {self._label(parent)} shows its fields for "
                    f"{sorted(shown)}, but the workspace shows field {self._label(child)} "
                    f"only for {sorted(values & shown)}: split that section by hand (one "
                    "choice per section) and apply again")

    def _label(self, field_id: int) -> str:
        label = self._fields().get(field_id, {}).get("label")
        return f"'{label}'" if label else str(field_id)

    def delete_form(self, form_id: int) -> None:
        self._request("DELETE", f"/api/v2/ticket-forms/{form_id}",
                      f"ticket form {form_id} (delete)")

    def reorder_forms(self, form_ids: Sequence[int]) -> None:
        """No call: Freshdesk ticket forms have no order to set."""

    # -- doctor -------------------------------------------------------------------------------
    def check(self, locales: Sequence[str] = (), *, kb_locales: Sequence[str] | None = None,
              hook: HookSpec | None = None) -> list[Check]:
        """The ``deskops doctor`` lines for this account; never raises a `HelpdeskError`.

        Always: credential, ticket forms on the plan, workspace locales among the helpdesk's
        primary and supported languages. With ``kb_locales`` (the workspace has a ``kb/``):
        those languages available to Solutions. With ``hook``: the automation rules.
        """
        checks: list[Check] = []
        try:
            try:
                me = self._request("GET", "/api/v2/agents/me", "the current agent")
                who = (me.get("contact") or {}).get("name") if isinstance(me, dict) else None
            except NotFound:
                who = None
                self._request("GET", "/api/v2/settings/helpdesk", "the helpdesk settings")
            checks.append(Check("credential", True,
                                f"API key accepted{f' ({who})' if who else ''}"))
        except HelpdeskError as exc:
            checks.append(Check("credential", False, str(exc)))
            return checks
        try:
            count = len(self._list("/api/v2/ticket-forms", "ticket forms"))
            checks.append(Check("ticket forms", True, f"available ({count} form(s))"))
        except AuthError as exc:
            checks.append(Check("ticket forms", False,
                                "ticket forms are not on this plan (403): upgrade the plan "
                                "or provision fields only" if exc.status == 403 else str(exc)))
        except HelpdeskError as exc:
            checks.append(Check("ticket forms", False, str(exc)))
        try:
            languages = self._request("GET", "/api/v2/settings/helpdesk", "the helpdesk settings")
        except HelpdeskError as exc:
            checks.append(Check("locales", False, str(exc)))
            languages = None
        if isinstance(languages, dict):
            checks.append(_languages_check("locales", "workspace locale", locales, languages))
            if kb_locales is not None:
                checks.append(_languages_check("solutions languages", "knowledge base locale",
                                               kb_locales, languages, portal=True))
        elif languages is not None:
            checks.append(Check("locales", False, "Freshdesk gave no helpdesk settings object"))
        if hook is not None:
            checks.append(self._check_rules(hook))
        return checks

    def _rules(self, kind: int) -> list[dict[str, Any]]:
        """Every automation rule of one type, following ``Link`` pages (30 a page)."""
        rows: list[dict[str, Any]] = []
        url: str | None = f"{self._base}/api/v2/automations/{kind}/rules"
        with self._call("the automation rules"):
            while url:
                response = self._session.get(url)
                body = response.json() if response.content else {}
                page = body.get("rules", []) if isinstance(body, dict) else body or []
                rows.extend(r for r in page if isinstance(r, dict))
                url = response.links.get("next", {}).get("url")
        return rows

    def _check_rules(self, hook: HookSpec) -> Check:
        """The deskops automation rules: present, active, posting to the receiver."""
        shown = redact_url(hook.endpoint)
        fix = f"run `deskops webhooks install --url {shown.rsplit('/webhooks/', 1)[0]}`"
        bad: list[str] = []
        for kind in sorted({k for k, _ in hook.rules}):
            try:
                rows = self._rules(kind)
            except HelpdeskError as exc:
                return Check("automation rules", False, str(exc))
            by_name = {r.get("name"): r for r in rows if isinstance(r, dict)}
            for _, name in (r for r in hook.rules if r[0] == kind):
                rule = by_name.get(name)
                if rule is None:
                    bad.append(f"{name!r} missing")
                elif not rule.get("active"):
                    bad.append(f"{name!r} inactive")
                elif not any(a.get("field_name") == "trigger_webhook"
                             and str(a.get("url") or "").rstrip("/") == hook.endpoint.rstrip("/")
                             for a in rule.get("actions") or [] if isinstance(a, dict)):
                    bad.append(f"{name!r} does not post to {shown}")
        names = ", ".join(repr(n) for _, n in hook.rules)
        return Check("automation rules", not bad, "; ".join(bad) + f": {fix}" if bad
                     else f"{names} active, post to {shown}")

    def close(self) -> None:
        self._session.close()


def _languages_check(name: str, what: str, wanted: Sequence[str], settings: Mapping[str, Any],
                     *, portal: bool = False) -> Check:
    """``wanted`` locales against ``/settings/helpdesk``: the primary language and the
    supported ones (a translation needs one of them); with ``portal``, also say which would
    not be shown in the customer portal (``portal_languages``)."""
    primary = str(settings.get("primary_language") or "")
    supported = [str(x) for x in settings.get("supported_languages") or []]
    available = {x.lower() for x in [primary, *supported] if x}
    missing = [loc for loc in wanted if to_vendor_locale("freshdesk", loc).lower()
               not in available]
    shown = f"primary {primary or 'unknown'}, supported: {', '.join(supported) or 'none'}"
    if missing:
        return Check(name, False, f"{what}(s) {', '.join(missing)} not supported on Freshdesk "
                     f"({shown}): add them under Admin > Helpdesk > Languages")
    note = ""
    if portal:
        shown_in = {str(x).lower() for x in settings.get("portal_languages") or []}
        hidden = [loc for loc in wanted if to_vendor_locale("freshdesk", loc).lower()
                  not in shown_in | {primary.lower()}]
        if hidden:
            note = f"; not shown in the portal: {', '.join(hidden)}"
    return Check(name, True, f"{what}s {', '.join(wanted) or '(none)'} supported "
                 f"({shown}){note}")


def _forbidden(exc: HelpdeskError) -> str:
    """Freshdesk's own words from a 403 answer (``description`` or ``message``)."""
    cause = exc.__cause__
    body = cause.json() if isinstance(cause, HTTPStatusError) else None
    if isinstance(body, dict):
        return str(body.get("message") or body.get("description") or "")
    return ""


def _shown(option: Option) -> str:
    """The choice value Freshdesk shows and stores for an option: its title (default
    locale), the key only when it has none."""
    return option.title or option.value


def _position(index: int) -> int:
    """The planner's 0-based option index as Freshdesk's 1-based choice position."""
    return index + 1


def _field_from(raw: Mapping[str, Any]) -> Field | None:
    kind = _TYPE_TO_KIND.get(str(raw.get("type")))
    if kind is None:
        return None
    name = str(raw.get("name") or raw["id"])
    choices = sorted(raw.get("choices") or [], key=lambda c: int(c.get("position") or 0))
    return Field(
        key=name[3:] if name.startswith("cf_") else name, kind=kind,
        title=str(raw.get("label_for_customers") or raw.get("label") or ""),
        description=str(raw.get("description") or ""),
        options=tuple(Option(value=str(c["value"]), title=str(c["value"]), id=int(c["id"]))
                      for c in choices),
        required_in_portal=bool(raw.get("required_for_customers")),
        visible_in_portal=bool(raw.get("displayed_to_customers", True)),
        editable_in_portal=bool(raw.get("customers_can_edit", True)),
        active=not raw.get("archived", False), id=int(raw["id"]))


def _form_from(raw: Mapping[str, Any], system: Mapping[int, str]) -> Form:
    refs: list[Ref] = []
    for f in sorted(raw.get("fields") or [], key=lambda f: int(f.get("position") or 0)):
        ref: Ref = system.get(int(f["id"]), int(f["id"]))
        if ref not in _MANDATORY:
            refs.append(ref)
    return Form(key=str(raw.get("name") or raw["id"]), title=str(raw.get("title") or ""),
                fields=tuple(refs), description=str(raw.get("description") or ""),
                default=bool(raw.get("default")), id=int(raw["id"]))
