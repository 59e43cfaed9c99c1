"""The Freshdesk adapter, on ``requests`` through a guarded `HelpdeskSession`.

Shapes worth knowing:

- Custom fields live under ``/api/v2/admin/ticket_fields``; their ``cf_`` name is derived by
  Freshdesk from the label's ASCII letters, so a field whose title has none (a Korean title)
  is created with an ASCII label from its key first, then renamed.
- Choices change by diff, one entry per call: ``{"value", "position"}`` adds,
  ``{"id", "value", "position"}`` changes, ``{"id", "deleted": true}`` removes. The whole
  choice list is never sent. A choice has a single ``value`` (shown and stored), so an
  option's ``value`` is used and its title reads back equal to the value.
- Ticket forms (``/api/v2/ticket-forms``) must contain the requester and company fields:
  they are added when writing and left out when reading, like Zendesk, where every form
  shows them. Freshdesk has no form order and no per-locale field labels in API v2:
  `reorder_forms` and `set_field_translations` make no call.
- Freshdesk's list endpoints omit dropdown choices and form fields in their documented
  shape; when an item comes back without them it is read once on its own (the only
  per-object reads, forced by the API).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import requests

from integrations.errors import AuthError, ConfigError, HelpdeskError, NotFound, Rejected
from integrations.helpdesk._common import Check, from_vendor_locale, to_vendor_locale
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    RetryPolicy,
    map_http_error,
)
from integrations.helpdesk.base import CallCounter, Capabilities, Helpdesk
from integrations.model import Field, FieldKind, Form, Option, Ref, RemoteState, Target
from integrations.settings import Settings

__all__ = ["FreshdeskHelpdesk", "build_session"]

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
        multiselect=False, regexp=True, field_translations=False, conditions=False,
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
        if isinstance(session, HelpdeskSession):
            self._base = session.base_url
            self.calls = session.calls
            self._budget = session.retry.budget
        elif settings is not None:
            self._base = settings.freshdesk_base_url()
            self.calls = calls or CallCounter()
            self._budget = 0.0
        else:
            raise ConfigError("FreshdeskHelpdesk needs settings to know the helpdesk URL")
        self._raw_fields: dict[int, dict[str, Any]] | None = None

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
        reason, details = "", None
        if isinstance(exc, HTTPStatusError):
            body = exc.json()
            if isinstance(body, dict):
                reason = str(body.get("message") or body.get("description") or "")
                errors = body.get("errors")
                if isinstance(errors, list):
                    details = [f"{e.get('field') or '?'}: {e.get('message') or e.get('code')}"
                               if isinstance(e, dict) else str(e) for e in errors]
        return map_http_error(exc, vendor="Freshdesk", what=what, reason=reason,
                              details=details, credential="API key", check="FRESHDESK_API_KEY",
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
            raw = self._list("/api/v2/admin/ticket_fields", "the list of ticket fields")
            self._raw_fields = {int(f["id"]): f for f in raw}
        return self._raw_fields

    def _system_ids(self) -> dict[str, int]:
        by_name = {v: k for k, v in _SYSTEM_NAMES.items()}
        return {by_name[str(f.get("name"))]: fid for fid, f in self._fields().items()
                if f.get("default") and str(f.get("name")) in by_name}

    def read_state(self) -> RemoteState:
        raw_fields = self._fields(force=True)
        fields: list[Field] = []
        for fid, raw in raw_fields.items():
            if raw.get("default"):
                continue
            if raw.get("type") == "custom_dropdown" and "choices" not in raw:
                raw = self._request("GET", f"/api/v2/admin/ticket_fields/{fid}",
                                    f"ticket field {fid}")
                raw_fields[fid] = raw
            field = _field_from(raw)
            if field is not None:
                fields.append(field)
        system = {v: k for k, v in self._system_ids().items()}
        forms: list[Form] = []
        for raw_form in self._list("/api/v2/ticket-forms", "the list of ticket forms"):
            if "fields" not in raw_form:
                raw_form = self._request("GET", f"/api/v2/ticket-forms/{raw_form['id']}",
                                         f"ticket form {raw_form['id']}")
            forms.append(_form_from(raw_form, system))
        groups = {str(g["name"]): int(g["id"])
                  for g in self._list("/api/v2/groups", "the list of groups",
                                      {"per_page": 100})}
        return RemoteState(fields=tuple(fields), forms=tuple(forms), groups=groups,
                           brands={}, locales=self._locales())

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
            payload["choices"] = [{"value": o.value, "position": i}
                                  for i, o in enumerate(field.options, start=1)]
        what = f"ticket field '{field.key}'"
        created = self._request("POST", "/api/v2/admin/ticket_fields", what, json=payload)
        if isinstance(created, dict) and "ticket_field" in created:
            created = created["ticket_field"]
        fid = int(created["id"])
        if rename:
            created = self._request("PUT", f"/api/v2/admin/ticket_fields/{fid}", what,
                                    json=rename) or created
        if self._raw_fields is not None:
            self._raw_fields[fid] = created
        ids = {str(c.get("value")): int(c["id"]) for c in created.get("choices") or []}
        return dataclasses.replace(
            field, id=fid,
            options=tuple(dataclasses.replace(o, id=ids.get(o.value)) for o in field.options))

    def update_field(self, field_id: int, field: Field) -> None:
        payload = self._field_payload(field)
        payload.pop("type", None)  # Freshdesk cannot change a type in place
        updated = self._request("PUT", f"/api/v2/admin/ticket_fields/{field_id}",
                                f"ticket field '{field.key}' ({field_id})", json=payload)
        if self._raw_fields is not None and isinstance(updated, dict):
            self._raw_fields[field_id] = updated

    def delete_field(self, field_id: int) -> None:
        self._request("DELETE", f"/api/v2/admin/ticket_fields/{field_id}",
                      f"ticket field {field_id} (delete)")
        if self._raw_fields is not None:
            self._raw_fields.pop(field_id, None)

    def _choices(self, field_id: int, choice: dict[str, Any], what: str) -> dict[str, Any]:
        body = self._request("PUT", f"/api/v2/admin/ticket_fields/{field_id}", what,
                             json={"choices": [choice]})
        return body if isinstance(body, dict) else {}

    def create_option(self, field_id: int, option: Option, position: int) -> Option:
        what = f"choice '{option.value}' of ticket field {field_id}"
        body = self._choices(field_id, {"value": option.value, "position": position}, what)
        for choice in body.get("choices") or []:
            if str(choice.get("value")) == option.value:
                return dataclasses.replace(option, id=int(choice["id"]))
        raise HelpdeskError(f"Freshdesk did not return the new {what}")

    def update_option(self, field_id: int, option: Option, position: int) -> None:
        if option.id is None:
            raise ValueError("update_option needs option.id")
        self._choices(field_id, {"id": option.id, "value": option.value, "position": position},
                      f"choice '{option.value}' of ticket field {field_id}")

    def delete_option(self, field_id: int, option_id: int) -> None:
        self._choices(field_id, {"id": option_id, "deleted": True},
                      f"choice {option_id} of ticket field {field_id} (delete)")

    def set_field_translations(self, field_id: int, field: Field) -> None:
        """No call: Freshdesk API v2 has no per-locale field labels (capability off)."""

    # -- forms --------------------------------------------------------------------------------
    def _form_payload(self, form: Form) -> dict[str, Any]:
        if form.conditions:
            raise Rejected(f"Freshdesk: ticket form '{form.title}' has conditional fields, "
                           "which deskops does not provision on Freshdesk (dynamic sections)")
        system = self._system_ids()
        ids: list[int] = []
        for ref in (*_MANDATORY, *form.fields):
            fid = self._field_id(ref, system, form)
            if fid not in ids:
                ids.append(fid)
        raw = self._fields()
        fields = []
        for position, fid in enumerate(ids, start=1):
            info = raw.get(fid, {})
            fields.append({
                "id": fid, "position": position,
                "label_for_customers": info.get("label_for_customers") or info.get("label")
                or str(fid),
                "customers_can_edit": bool(info.get("customers_can_edit", True)),
                "required_for_customers": bool(info.get("required_for_customers", False)),
                "hint_for_customers": "", "placeholder_for_customers": "",
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
        return int(created["id"])

    def update_form(self, form_id: int, form: Form) -> None:
        self._request("PUT", f"/api/v2/ticket-forms/{form_id}",
                      f"ticket form '{form.title}' ({form_id})", json=self._form_payload(form))

    def delete_form(self, form_id: int) -> None:
        self._request("DELETE", f"/api/v2/ticket-forms/{form_id}",
                      f"ticket form {form_id} (delete)")

    def reorder_forms(self, form_ids: Sequence[int]) -> None:
        """No call: Freshdesk ticket forms have no order to set."""

    # -- doctor -------------------------------------------------------------------------------
    def check(self, locales: Sequence[str] = ()) -> list[Check]:
        """The ``deskops doctor`` lines for this account; never raises a `HelpdeskError`."""
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
            enabled = self._locales()
            vendor = {to_vendor_locale("freshdesk", loc).lower() for loc in enabled}
            missing = [loc for loc in locales
                       if to_vendor_locale("freshdesk", loc).lower() not in vendor]
            shown = ", ".join(enabled) or "none"
            if missing:
                checks.append(Check("locales", False, f"workspace locale(s) {', '.join(missing)}"
                                    f" not supported on Freshdesk (supported: {shown})"))
            else:
                checks.append(Check("locales", True, f"workspace locales "
                                    f"{', '.join(locales) or '(none)'} supported ({shown})"))
        except HelpdeskError as exc:
            checks.append(Check("locales", False, str(exc)))
        return checks

    def close(self) -> None:
        self._session.close()


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
