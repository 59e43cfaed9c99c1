"""The Zendesk adapter, on zenpy 2.0.57.

zenpy is given a `HelpdeskSession` (see `_http`): that session, not zenpy, handles 429s,
retries, the credential guard and the sandbox redirect, and raises `HTTPStatusError` on any
error status, which `_zendesk_error` turns into deskops errors -- the one place that does.
zenpy's cache is disabled (it would keep ticket fields forever).

Shapes worth knowing:

- Localized field titles are dynamic content: `set_field_translations` keeps one item
  ``deskops_<key>_title`` (and ``deskops_<key>_description``) with a variant per locale and
  points the field's raw title at ``{{dc.deskops_<key>_title}}``; `read_state` resolves such
  placeholders back into ``titles`` (and recovers the workspace key from the item name).
- Dropdown options change one at a time through ``/ticket_fields/{id}/options``: sending
  ``custom_field_options`` in a field update would delete every option left out.
- Forms reference built-in fields (subject, description, status, ...) by their ids, found
  by type in the field list. The requester and the organization are not ticket fields on
  Zendesk: every form shows them, so refs to ``requester``/``company`` are left out when
  writing (and never appear when reading).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from requests import PreparedRequest
from requests.auth import AuthBase
from zenpy import Zenpy
from zenpy.lib.api_objects import CustomFieldOption, Item, TicketField, TicketForm, Variant
from zenpy.lib.endpoint import Url
from zenpy.lib.exception import ZenpyException

from integrations.errors import AuthError, ConfigError, HelpdeskError, Rejected, Unavailable
from integrations.helpdesk._common import (
    Check,
    HookSpec,
    from_vendor_locale,
    redact_url,
    to_vendor_locale,
    zendesk_pages,
)
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    RetryPolicy,
    map_http_error,
)
from integrations.helpdesk._oauth import ClientCredentials
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

__all__ = ["ZendeskHelpdesk", "build_zenpy", "credential_names", "error_reason"]

_KIND_TO_TYPE: dict[FieldKind, str] = {
    "text": "text", "textarea": "textarea", "regexp": "regexp", "dropdown": "tagger",
    "multiselect": "multiselect", "checkbox": "checkbox", "integer": "integer",
    "decimal": "decimal", "date": "date",
}
_TYPE_TO_KIND: dict[str, FieldKind] = {v: k for k, v in _KIND_TO_TYPE.items()}

#: deskops system field name -> Zendesk built-in field type. requester/company: see module doc.
_SYSTEM_TYPES: dict[str, str] = {
    "subject": "subject", "description": "description", "status": "status",
    "type": "tickettype", "priority": "priority", "group": "group", "assignee": "assignee",
}
_ALWAYS_SHOWN = frozenset({"requester", "company"})
_DC = re.compile(r"^\{\{dc\.([A-Za-z0-9_.\-]+)\}\}$")
_DC_NAME = re.compile(r"^deskops_(.+)_(title|description)$")


def _credential(settings: Settings) -> tuple[Any, str, str]:
    """(requests auth, how to name it in a 401, which variables to check)."""
    cid, csecret = settings.zendesk_oauth_client_id, settings.zendesk_oauth_client_secret
    if cid or csecret:
        if not (cid and csecret):
            missing = "ZENDESK_OAUTH_CLIENT_SECRET" if cid else "ZENDESK_OAUTH_CLIENT_ID"
            raise ConfigError(f"{missing} is not set (both ZENDESK_OAUTH_CLIENT_ID and "
                              "ZENDESK_OAUTH_CLIENT_SECRET are needed for OAuth client "
                              "credentials)")
        return (ClientCredentials(cid, csecret), f"OAuth client credentials of '{cid}'",
                "ZENDESK_OAUTH_CLIENT_ID / ZENDESK_OAUTH_CLIENT_SECRET")
    if settings.zendesk_oauth_token:
        return (_Bearer(settings.zendesk_oauth_token.reveal()), "OAuth token",
                "ZENDESK_OAUTH_TOKEN")
    if settings.zendesk_api_token:
        if not settings.zendesk_email:
            raise ConfigError("ZENDESK_EMAIL is not set (needed with ZENDESK_API_TOKEN)")
        return ((f"{settings.zendesk_email}/token", settings.zendesk_api_token.reveal()),
                f"credential for {settings.zendesk_email}", "ZENDESK_API_TOKEN")
    raise ConfigError("no Zendesk credential: set ZENDESK_EMAIL + ZENDESK_API_TOKEN, or "
                      "ZENDESK_OAUTH_TOKEN, or ZENDESK_OAUTH_CLIENT_ID + "
                      "ZENDESK_OAUTH_CLIENT_SECRET")


def credential_names(settings: Settings | None) -> tuple[str, str]:
    """(how a 401 names the credential in use, which variable(s) to check): the one source
    for every Zendesk client (provisioning, tickets, Guide, webhook install), so a rejected
    credential always says ``check ZENDESK_API_TOKEN`` / ``ZENDESK_OAUTH_TOKEN`` / ... for
    the auth actually in use. Without settings (a client passed in), generic words."""
    if settings is not None:
        try:
            _, name, check = _credential(settings)
            return name, check
        except ConfigError:
            pass
    return "credential", "the Zendesk credential settings"


def error_reason(exc: HTTPStatusError | ConnectionFailed) -> tuple[str, list[str] | None]:
    """Zendesk's own one-line reason and field-by-field details from an error body."""
    reason, details = "", None
    if isinstance(exc, HTTPStatusError):
        body = exc.json()
        if isinstance(body, dict):
            error = body.get("error")
            if isinstance(error, dict):
                reason = str(error.get("title") or error.get("message") or "")
            elif error:
                reason = str(error)
            if exc.status == 403 and body.get("description"):
                reason = f"{reason}: {body['description']}" if reason else body["description"]
            details = _zendesk_details(body.get("details"))
            # newer endpoints (webhooks, custom objects): {"errors": [{code, title, detail}]}
            errors = [e for e in body.get("errors") or [] if isinstance(e, dict)]
            if errors and not reason:
                reason = str(errors[0].get("code") or errors[0].get("title") or "")
            if errors and details is None:
                details = [str(e.get("detail") or e.get("title") or e.get("code"))
                           for e in errors] or None
    return reason, details


class _Bearer(AuthBase):
    """A static OAuth token as a requests auth (kept off ``session.headers``)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, r: PreparedRequest) -> PreparedRequest:
        r.headers["Authorization"] = f"Bearer {self._token}"
        return r


def build_zenpy(
    settings: Settings,
    *,
    calls: CallCounter | None = None,
    retry: RetryPolicy | None = None,
    timeout: float = 60.0,
) -> Zenpy:
    """A ``Zenpy`` on a guarded `HelpdeskSession` for the configured account (or sandbox)."""
    base = settings.zendesk_base_url()
    auth, _, _ = _credential(settings)
    subdomain = settings.zendesk_subdomain or "sandbox"
    aliases = ({f"https://{subdomain}.zendesk.com": base}
               if settings.sandbox_zendesk_url else {})
    session = HelpdeskSession(base, vendor="Zendesk", calls=calls,
                              retry=retry or RetryPolicy.from_settings(settings),
                              aliases=aliases, timeout=timeout)
    session.auth = auth
    if isinstance(auth, ClientCredentials):
        auth.bind(session, base)
    return Zenpy(subdomain=subdomain, session=session, disable_cache=True, timeout=timeout)


def _translated(texts: Mapping[str, str]) -> bool:
    """True when ``texts`` holds more than one locale (the default one is always there)."""
    return len([loc for loc, text in texts.items() if text]) > 1


def _dc_name(*parts: str) -> str:
    """A dynamic content item name whose ``{{dc.…}}`` placeholder is the name itself
    (Zendesk derives the placeholder from the name: lowercase, ``_`` for anything else)."""
    return "deskops_" + "_".join(re.sub(r"[^a-z0-9]+", "_", p.lower()).strip("_")
                                 for p in parts)


def _raw(obj: Any) -> dict[str, Any]:
    result: dict[str, Any] = obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)
    return result


class ZendeskHelpdesk(Helpdesk):
    """One Zendesk account through zenpy; see the module docstring for the shapes."""

    target: ClassVar[Target] = "zendesk"
    capabilities: ClassVar[Capabilities] = Capabilities(
        multiselect=True, regexp=True, field_translations=True, conditions=True, brands=True)

    def __init__(
        self,
        zenpy_client: Zenpy | None = None,
        *,
        settings: Settings | None = None,
        calls: CallCounter | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if zenpy_client is None:
            if settings is None:
                raise ConfigError("ZendeskHelpdesk needs a Zenpy client or settings")
            zenpy_client = build_zenpy(settings, calls=calls, retry=retry)
        self._zenpy = zenpy_client
        session = zenpy_client.ticket_fields.session
        self._session: HelpdeskSession | None = (
            session if isinstance(session, HelpdeskSession) else None)
        self.calls = self._session.calls if self._session else (calls or CallCounter())
        self._budget = self._session.retry.budget if self._session else 0.0
        if settings is not None:
            _, self._cred_name, self._cred_check = _credential(settings)
        else:
            self._cred_name, self._cred_check = "credential", "the Zendesk credential settings"
        # Lists read once and kept current by our own writes (never one read per object).
        self._system_ids: dict[str, int] | None = None
        self._raw_fields: dict[int, dict[str, Any]] = {}
        self._dc: dict[str, dict[str, Any]] | None = None
        self._locales: dict[str, int] | None = None  # vendor locale (lower) -> id
        self._brands: dict[str, int] | None = None

    @property
    def zenpy(self) -> Zenpy:
        return self._zenpy

    @property
    def oauth(self) -> ClientCredentials | None:
        auth = self._session.auth if self._session else None
        return auth if isinstance(auth, ClientCredentials) else None

    # -- errors: the one place ------------------------------------------------------------
    @contextmanager
    def _call(self, what: str) -> Iterator[None]:
        try:
            yield
        except (HTTPStatusError, ConnectionFailed) as exc:
            raise self._error(exc, what) from exc
        except ZenpyException as exc:
            raise HelpdeskError(f"Zendesk gave an unexpected answer for {what}: {exc}") from exc

    _reason = staticmethod(error_reason)

    def _error(self, exc: HTTPStatusError | ConnectionFailed, what: str) -> HelpdeskError:
        reason, details = self._reason(exc)
        return map_http_error(exc, vendor="Zendesk", what=what, reason=reason, details=details,
                              credential=self._cred_name, check=self._cred_check,
                              budget=self._budget)

    # -- reading ----------------------------------------------------------------------------
    def read_state(self) -> RemoteState:
        z = self._zenpy
        with self._call("the list of ticket fields"):
            raw_fields = [_raw(f) for f in z.ticket_fields(cursor_pagination=100)]
        self._remember_fields(raw_fields)
        self._load_dc(force=True)
        self._load_locales(force=True)
        with self._call("the list of groups"):
            groups = {str(g.name): int(g.id) for g in z.groups(cursor_pagination=100)}
        self._load_brands(force=True)
        assert self._brands is not None and self._locales is not None
        raw_forms, unavailable = self._list_forms()
        fields = tuple(f for f in (self._field_from(r) for r in raw_fields) if f is not None)
        forms = tuple(sorted((self._form_from(r) for r in raw_forms),
                             key=lambda f: (f.position, f.id or 0)))
        return RemoteState(
            fields=fields, forms=forms, groups=groups, brands=dict(self._brands),
            locales=tuple(from_vendor_locale("zendesk", loc) for loc in self._locales),
            forms_unavailable=unavailable)

    def _list_forms(self) -> tuple[list[dict[str, Any]], str | None]:
        """(raw forms, None), or ([], why) when the plan has no ticket forms (Team: 403).

        Reading stays possible on such a plan, so a workspace of fields alone plans and
        applies; the planner turns a workspace with forms into one clear error.
        """
        what = "the list of ticket forms"
        try:
            return [_raw(f) for f in self._zenpy.ticket_forms()], None
        except HTTPStatusError as exc:
            if exc.status != 403:
                raise self._error(exc, what) from exc
            return [], f"403 {self._reason(exc)[0]}".strip()
        except ConnectionFailed as exc:
            raise self._error(exc, what) from exc
        except ZenpyException as exc:
            raise HelpdeskError(f"Zendesk gave an unexpected answer for {what}: {exc}") from exc

    def _remember_fields(self, raw_fields: Sequence[dict[str, Any]]) -> None:
        self._system_ids = {}
        by_type = {v: k for k, v in _SYSTEM_TYPES.items()}
        for raw in raw_fields:
            self._raw_fields[int(raw["id"])] = raw
            name = by_type.get(str(raw.get("type")))
            if name and name not in self._system_ids:
                self._system_ids[name] = int(raw["id"])

    def _load_dc(self, force: bool = False) -> dict[str, dict[str, Any]]:
        if self._dc is None or force:
            with self._call("the list of dynamic content items"):
                self._dc = {str(i["name"]): i for i in
                            (_raw(item) for item in
                             self._zenpy.dynamic_content(cursor_pagination=100))}
        return self._dc

    def _load_locales(self, force: bool = False) -> dict[str, int]:
        if self._locales is None or force:
            with self._call("the list of locales"):
                self._locales = {str(loc.locale).lower(): int(loc.id)
                                 for loc in self._zenpy.locales()}
        return self._locales

    def _load_brands(self, force: bool = False) -> dict[str, int]:
        if self._brands is None or force:
            with self._call("the list of brands"):
                self._brands = {str(b.name): int(b.id)
                                for b in self._zenpy.brands(cursor_pagination=100)}
        return self._brands

    def _system_field_ids(self) -> dict[str, int]:
        if self._system_ids is None:
            with self._call("the list of ticket fields"):
                raw = [_raw(f) for f in self._zenpy.ticket_fields(cursor_pagination=100)]
            self._remember_fields(raw)
        assert self._system_ids is not None
        return self._system_ids

    def _resolve(self, raw_text: str | None) -> tuple[str, dict[str, str], str | None]:
        """(default text, per-locale texts, deskops key) of a title that may be ``{{dc.x}}``."""
        text = raw_text or ""
        match = _DC.match(text.strip())
        if not match or self._dc is None or match.group(1) not in self._dc:
            return text, {}, None
        item = self._dc[match.group(1)]
        id_to_locale = {v: k for k, v in (self._locales or {}).items()}
        titles: dict[str, str] = {}
        default = ""
        for variant in item.get("variants") or []:
            vendor_locale = id_to_locale.get(int(variant.get("locale_id") or 0))
            content = str(variant.get("content") or "")
            if vendor_locale:
                titles[from_vendor_locale("zendesk", vendor_locale)] = content
            if variant.get("default") or int(variant.get("locale_id") or 0) == int(
                    item.get("default_locale_id") or -1):
                default = content
        key_match = _DC_NAME.match(match.group(1))
        return default or text, titles, key_match.group(1) if key_match else None

    def _field_from(self, raw: Mapping[str, Any]) -> Field | None:
        kind = _TYPE_TO_KIND.get(str(raw.get("type")))
        if kind is None:
            return None
        title, titles, key = self._resolve(raw.get("raw_title") or raw.get("title"))
        description, descriptions, _ = self._resolve(
            raw.get("raw_description") or raw.get("description"))
        options = []
        for o in raw.get("custom_field_options") or []:
            name, names, _ = self._resolve(str(o.get("raw_name") or o.get("name") or ""))
            options.append(Option(value=str(o.get("value")), title=name, titles=names,
                                  id=int(o["id"]) if o.get("id") is not None else None))
        return Field(
            key=key or str(raw["id"]), kind=kind, title=title, description=description,
            titles=titles, descriptions=descriptions, options=tuple(options),
            pattern=raw.get("regexp_for_validation") or None,
            required_in_portal=bool(raw.get("required_in_portal")),
            visible_in_portal=bool(raw.get("visible_in_portal", True)),
            editable_in_portal=bool(raw.get("editable_in_portal", True)),
            active=bool(raw.get("active", True)), id=int(raw["id"]))

    def _form_from(self, raw: Mapping[str, Any]) -> Form:
        system = {v: k for k, v in (self._system_ids or {}).items()}
        brand_names = {v: k for k, v in (self._brands or {}).items()}

        def ref(field_id: Any) -> Ref:
            return system.get(int(field_id), int(field_id))

        conditions: list[Condition] = []
        for audience, key in (("end_user", "end_user_conditions"), ("agent", "agent_conditions")):
            for c in raw.get(key) or []:
                conditions.append(Condition(
                    parent=ref(c["parent_field_id"]), value=c.get("value"),
                    children=tuple(ConditionChild(field=ref(ch["id"]),
                                                  required=bool(ch.get("is_required")))
                                   for ch in c.get("child_fields") or []),
                    audience="agent" if audience == "agent" else "end_user"))
        brands: tuple[str, ...] = ()
        if not raw.get("in_all_brands", True):
            brands = tuple(brand_names.get(int(b), str(b))
                           for b in raw.get("restricted_brand_ids") or [])
        title, titles, _ = self._resolve(raw.get("raw_name") or raw.get("name"))
        _, shown, _ = self._resolve(raw.get("raw_display_name") or raw.get("display_name"))
        titles = shown or titles  # translations live in the display name (dynamic content)
        return Form(
            key=str(raw["id"]), title=title, titles=titles,
            fields=tuple(ref(i) for i in raw.get("ticket_field_ids") or []),
            conditions=tuple(conditions), end_user_visible=bool(raw.get("end_user_visible", True)),
            default=bool(raw.get("default")), active=bool(raw.get("active", True)),
            brands=brands, position=int(raw.get("position") or 0), id=int(raw["id"]))

    # -- fields and options ---------------------------------------------------------------
    def _placeholder(self, key: str, part: str) -> str | None:
        name = f"deskops_{key}_{part}"
        return f"{{{{dc.{name}}}}}" if self._dc is not None and name in self._dc else None

    def _field_payload(self, field: Field) -> dict[str, Any]:
        title = self._placeholder(field.key, "title") or field.title
        payload: dict[str, Any] = {
            "type": _KIND_TO_TYPE[field.kind], "title": title, "title_in_portal": title,
            "description": self._placeholder(field.key, "description") or field.description,
            "required_in_portal": field.required_in_portal,
            "visible_in_portal": field.visible_in_portal,
            "editable_in_portal": field.editable_in_portal, "active": field.active,
        }
        if field.kind == "regexp":
            payload["regexp_for_validation"] = field.pattern
        payload.update(field.vendor.get("zendesk") or {})
        payload.pop("custom_field_options", None)  # options never travel in a field update
        return payload

    def create_field(self, field: Field) -> Field:
        payload = self._field_payload(field)
        if field.options:  # translated titles: the item first, so the option is made once
            payload["custom_field_options"] = [
                {"name": self._option_name(field.key, o), "value": o.value}
                for o in field.options]
        with self._call(f"ticket field '{field.key}' (create)"):
            created = _raw(self._zenpy.ticket_fields.create(TicketField(**payload)))
        self._raw_fields[int(created["id"])] = created
        ids = {str(o.get("value")): int(o["id"])
               for o in created.get("custom_field_options") or [] if o.get("id") is not None}
        return dataclasses.replace(
            field, id=int(created["id"]),
            options=tuple(dataclasses.replace(o, id=ids.get(o.value)) for o in field.options))

    def update_field(self, field_id: int, field: Field) -> None:
        payload = self._field_payload(field)
        payload.pop("type", None)  # a type cannot change in place (the plan replaces the field)
        with self._call(f"ticket field '{field.key}' ({field_id})"):
            updated = self._zenpy.ticket_fields.update(TicketField(id=field_id, **payload))
        self._raw_fields[field_id] = _raw(updated)

    def delete_field(self, field_id: int) -> None:
        with self._call(f"ticket field {field_id} (delete)"):
            self._zenpy.ticket_fields.delete(TicketField(id=field_id))
        self._raw_fields.pop(field_id, None)

    def _cached_options(self, field_id: int) -> list[dict[str, Any]]:
        cached = self._raw_fields.setdefault(field_id, {"id": field_id})
        options: list[dict[str, Any]] = cached.setdefault("custom_field_options", [])
        return options

    def create_option(self, field_id: int, option: Option, position: int) -> Option:
        """A POST: if its answer is lost the options are read again, and the option is
        created once more only when its value is not there (else a spurious 422)."""
        what = f"option '{option.value}' of ticket field {field_id}"
        for _ in range(2):
            with self._call(what):
                try:
                    created = _raw(self._zenpy.ticket_fields.options.create_or_update(
                        field_id, CustomFieldOption(name=option.title, value=option.value,
                                                    position=position)))
                except (HTTPStatusError, ConnectionFailed) as exc:
                    if not exc.uncertain:
                        raise
                    field = _raw(self._zenpy.ticket_fields(id=field_id))
                    found = next((o for o in field.get("custom_field_options") or []
                                  if o.get("value") == option.value), None)
                    if found is None:
                        continue
                    created = found
            self._cached_options(field_id).append(created)
            return dataclasses.replace(option, id=int(created["id"]))
        raise Unavailable(f"Zendesk lost the answer to {what} twice and the option is not "
                          "there: run apply again")

    def update_option(self, field_id: int, option: Option, position: int) -> None:
        """Change an option in place; a translated name (``{{dc.deskops_…}}``) is kept, its
        texts are the dynamic content item's (`set_field_translations`)."""
        if option.id is None:
            raise ValueError("update_option needs option.id")
        raw = next((o for o in self._cached_options(field_id) if o.get("id") == option.id), None)
        name = option.title
        if raw is not None and str(raw.get("raw_name") or "").startswith("{{dc.deskops_"):
            name = str(raw["raw_name"])
        with self._call(f"option '{option.value}' of ticket field {field_id}"):
            self._zenpy.ticket_fields.options.create_or_update(
                field_id, CustomFieldOption(id=option.id, name=name,
                                            value=option.value, position=position))
        if raw is not None:
            raw.update(value=option.value, raw_name=name)

    def delete_option(self, field_id: int, option_id: int) -> None:
        with self._call(f"option {option_id} of ticket field {field_id} (delete)"):
            self._zenpy.ticket_fields.options.delete(field_id, option_id)

    def count_tickets_with(self, field_id: int, value: str) -> int | None:
        """A dropdown option's value is a tag every ticket holding it carries: one search
        (``count`` of ``type:ticket tags:<value>``, one result page of one)."""
        if self._session is None:
            return None
        try:
            with self._call(f"the count of tickets tagged '{value}'"):
                params: dict[str, str | int] = {"query": f'type:ticket tags:"{value}"',
                                                "per_page": 1}
                found = self._session.get(f"{self._session.base_url}/api/v2/search.json",
                                          params=params).json()
        except HelpdeskError:
            return None  # a count is a hint: never stop a plan for it
        count = found.get("count") if isinstance(found, dict) else None
        return int(count) if isinstance(count, int) else None

    # -- translations: dynamic content ----------------------------------------------------
    def set_field_translations(self, field_id: int, field: Field, *, prune: bool = False
                               ) -> None:
        """One dynamic content item per translated text, with a variant per locale: the
        field's title and description (``deskops_<key>_title``, ``…_description``) and each
        option title (``deskops_<key>_option_<value>``); the field's and options' raw texts
        point at the items' placeholders."""
        cached = self._raw_fields.get(field_id) or {}
        updates: dict[str, str] = {}
        parts: list[tuple[str, Mapping[str, str], str, tuple[str, ...]]] = []
        titled = _translated(field.titles) or _translated(field.descriptions) or str(
            cached.get("raw_title") or "").startswith("{{dc.deskops_")
        if titled:
            parts.append(("title", field.titles or {}, field.title,
                          ("title", "title_in_portal", "raw_title", "raw_title_in_portal")))
            if field.description or any(field.descriptions.values()):
                parts.append(("description", field.descriptions or {}, field.description,
                              ("description", "raw_description")))
        for part, texts, default_text, attrs in parts:
            name = f"deskops_{field.key}_{part}"
            self._upsert_item(name, dict(texts), default_text, f"'{field.key}' {part}",
                              prune=prune)
            placeholder = f"{{{{dc.{name}}}}}"
            raw_attr = attrs[-1]
            if cached.get(raw_attr) != placeholder:
                updates.update(dict.fromkeys(attrs, placeholder))
        if updates:
            with self._call(f"ticket field '{field.key}' ({field_id}) titles"):
                updated = self._zenpy.ticket_fields.update(TicketField(id=field_id, **updates))
            self._raw_fields[field_id] = _raw(updated)
        self._set_option_translations(field_id, field, prune)

    def _option_name(self, field_key: str, option: Option) -> str:
        """An option's name: its title, or the placeholder of its (upserted) dynamic content
        item when the title is translated."""
        if not _translated(option.titles):
            return option.title
        name = _dc_name(field_key, "option", option.value)
        self._upsert_item(name, dict(option.titles), option.title,
                          f"'{field_key}' option '{option.value}'")
        return f"{{{{dc.{name}}}}}"

    def _set_option_translations(self, field_id: int, field: Field, prune: bool) -> None:
        """Translated option titles: an item per option and its name set to the placeholder;
        an option no longer translated gets its plain title back."""
        reread = False
        for option in field.options:
            name = _dc_name(field.key, "option", option.value)
            placeholder = f"{{{{dc.{name}}}}}"
            raw = next((o for o in self._cached_options(field_id)
                        if str(o.get("value")) == option.value), None)
            translated = _translated(option.titles)
            if not translated and (raw is None or raw.get("raw_name") != placeholder):
                continue
            if raw is None and not reread:  # created outside this adapter's view: read once
                reread = True
                with self._call(f"ticket field {field_id}"):
                    fresh = _raw(self._zenpy.ticket_fields(id=field_id))
                self._raw_fields[field_id] = fresh
                raw = next((o for o in self._cached_options(field_id)
                            if str(o.get("value")) == option.value), None)
            if raw is None:
                raise Rejected(f"ticket field '{field.key}' has no option '{option.value}' "
                               "to translate; run plan again")
            wanted = option.title
            if translated:
                self._upsert_item(name, dict(option.titles), option.title,
                                  f"'{field.key}' option '{option.value}'", prune=prune)
                wanted = placeholder
            if raw.get("raw_name") != wanted:
                with self._call(f"option '{option.value}' of ticket field {field_id}"):
                    self._zenpy.ticket_fields.options.create_or_update(
                        field_id, CustomFieldOption(id=int(raw["id"]), name=wanted,
                                                    value=option.value))
                raw["raw_name"] = wanted

    def _locale_id(self, locale: str, what: str) -> int:
        locales = self._load_locales()
        vendor = to_vendor_locale("zendesk", locale)
        if vendor.lower() in locales:
            return locales[vendor.lower()]
        raise Rejected(f"Zendesk has no locale {vendor} for {what} (enabled: "
                       f"{', '.join(sorted(locales)) or 'none'}): enable it in Admin Center "
                       "or remove it from the workspace")

    def _upsert_item(self, name: str, texts: dict[str, str], default_text: str,
                     what: str, *, prune: bool = False) -> None:
        """Create the item, or bring its variants up to date; ``prune`` deletes variants in
        locales ``texts`` does not have (never the default one)."""
        if not texts:
            texts = {"en": default_text}
        default_locale = next((loc for loc, t in texts.items() if t == default_text),
                              next(iter(texts)))
        wanted = {self._locale_id(loc, what): text for loc, text in texts.items()}
        default_id = self._locale_id(default_locale, what)
        items = self._load_dc()
        item = items.get(name)
        if item is None:
            variants = [Variant(locale_id=lid, content=text, default=lid == default_id)
                        for lid, text in wanted.items()]
            with self._call(f"dynamic content for {what}"):
                created = self._zenpy.dynamic_content.create(
                    Item(name=name, default_locale_id=default_id, variants=variants))
            items[name] = _raw(created)
            return
        have = {int(v["locale_id"]): v for v in item.get("variants") or []}
        for lid, text in wanted.items():
            variant = have.get(lid)
            with self._call(f"dynamic content for {what}"):
                if variant is None:
                    made = self._zenpy.dynamic_content.variants.create(
                        int(item["id"]), Variant(locale_id=lid, content=text, default=False))
                    item.setdefault("variants", []).append(_raw(made))
                elif variant.get("content") != text:
                    self._zenpy.dynamic_content.variants.update(
                        int(item["id"]), Variant(id=int(variant["id"]), content=text))
                    variant["content"] = text
        for lid, variant in have.items() if prune else ():
            if lid not in wanted and not variant.get("default"):
                with self._call(f"dynamic content for {what} (delete a variant)"):
                    self._zenpy.dynamic_content.variants.delete(int(item["id"]),
                                                                int(variant["id"]))
                item["variants"] = [v for v in item["variants"] if v is not variant]

    # -- forms --------------------------------------------------------------------------------
    def _field_id(self, ref: Ref, form: Form) -> int | None:
        if isinstance(ref, int):
            return ref
        if ref.isdigit():
            return int(ref)
        if ref in _ALWAYS_SHOWN:
            return None
        if ref in _SYSTEM_TYPES:
            ids = self._system_field_ids()
            if ref in ids:
                return ids[ref]
            raise Rejected(f"Zendesk has no built-in '{ref}' field for ticket form "
                           f"'{form.title}'")
        raise Rejected(f"ticket form '{form.title}' refers to '{ref}', which is neither a "
                       "remote field id nor a system field")

    def _form_payload(self, form: Form) -> dict[str, Any]:
        ids: list[int] = []
        for ref in form.fields:
            fid = self._field_id(ref, form)
            if fid is not None and fid not in ids:
                ids.append(fid)
        conditions: dict[str, list[dict[str, Any]]] = {"end_user": [], "agent": []}
        for cond in form.conditions:
            parent = self._field_id(cond.parent, form)
            children = []
            for child in cond.children:
                cid = self._field_id(child.field, form)
                if cid is None:
                    continue
                if cid not in ids:
                    ids.append(cid)  # Zendesk requires condition children on the form
                children.append({"id": cid, "is_required": child.required})
            conditions[cond.audience].append(
                {"parent_field_id": parent, "value": cond.value, "child_fields": children})
        payload: dict[str, Any] = {
            "name": form.title, "display_name": self._form_display_name(form),
            "ticket_field_ids": ids,
            "end_user_visible": form.end_user_visible, "default": form.default,
            "active": form.active, "end_user_conditions": conditions["end_user"],
            "agent_conditions": conditions["agent"], "in_all_brands": not form.brands,
        }
        if form.brands:
            brands = self._load_brands()
            unknown = [b for b in form.brands if b not in brands]
            if unknown:
                raise Rejected(f"ticket form '{form.title}' is restricted to unknown brand(s) "
                               f"{', '.join(unknown)} (Zendesk has: "
                               f"{', '.join(sorted(brands)) or 'none'})")
            payload["restricted_brand_ids"] = [brands[b] for b in form.brands]
        else:
            payload["restricted_brand_ids"] = []
        payload.update(form.vendor.get("zendesk") or {})
        return payload

    def _form_display_name(self, form: Form) -> str:
        """The title end users see: a ``{{dc.deskops_form_<key>_title}}`` placeholder when the
        form's title is translated (the item is created or brought up to date first)."""
        if not _translated(form.titles):
            return form.title
        name = _dc_name("form", form.key, "title")
        self._upsert_item(name, dict(form.titles), form.title, f"form '{form.key}' title")
        return f"{{{{dc.{name}}}}}"

    def create_form(self, form: Form) -> int:
        payload = self._form_payload(form)
        with self._call(f"ticket form '{form.title}' (create)"):
            created = self._zenpy.ticket_forms.create(TicketForm(**payload))
        return int(_raw(created)["id"])

    def update_form(self, form_id: int, form: Form) -> None:
        payload = self._form_payload(form)
        with self._call(f"ticket form '{form.title}' ({form_id})"):
            self._zenpy.ticket_forms.update(TicketForm(id=form_id, **payload))

    def delete_form(self, form_id: int) -> None:
        with self._call(f"ticket form {form_id} (delete)"):
            self._zenpy.ticket_forms.delete(TicketForm(id=form_id))

    def reorder_forms(self, form_ids: Sequence[int]) -> None:
        api = self._zenpy.ticket_forms
        with self._call("the order of ticket forms"):
            api._put(api._build_url(Url("ticket_forms/reorder.json")),
                     payload={"ticket_form_ids": [int(i) for i in form_ids]})

    # -- doctor -------------------------------------------------------------------------------
    def check(self, locales: Sequence[str] = (), *, kb_locales: Sequence[str] | None = None,
              hook: HookSpec | None = None) -> list[Check]:
        """The ``deskops doctor`` lines for this account; never raises a `HelpdeskError`.

        Always: credential, OAuth scopes (when OAuth is used), ticket forms on the plan,
        workspace locales enabled. With ``kb_locales`` (the workspace has a ``kb/``): those
        locales enabled in Guide. With ``hook``: the deskops webhook and its triggers.
        """
        checks: list[Check] = []
        try:
            with self._call("the current user"):
                me = _raw(self._zenpy.users.me())
            role = me.get("role") or "unknown role"
            if me.get("id") is None:
                checks.append(Check("credential", False, "Zendesk answered as an anonymous "
                                    f"user: check {self._cred_check}"))
                return checks
            checks.append(Check("credential", True, f"{self._cred_name} accepted ({role})"))
        except HelpdeskError as exc:
            checks.append(Check("credential", False, str(exc)))
            return checks
        scopes = self._check_scopes()
        if scopes is not None:
            checks.append(scopes)
        try:
            with self._call("ticket forms"):
                count = sum(1 for _ in self._zenpy.ticket_forms())
            checks.append(Check("ticket forms", True, f"available ({count} form(s))"))
        except AuthError as exc:
            if exc.status == 403:
                checks.append(Check("ticket forms", False, "ticket forms are not on this plan "
                                    "(403): upgrade the plan or provision fields only"))
            else:
                checks.append(Check("ticket forms", False, str(exc)))
        except HelpdeskError as exc:
            checks.append(Check("ticket forms", False, str(exc)))
        try:
            enabled = self._load_locales(force=True)
            missing = [loc for loc in locales
                       if to_vendor_locale("zendesk", loc).lower() not in enabled]
            shown = ", ".join(sorted(enabled)) or "none"
            if missing:
                checks.append(Check("locales", False, f"workspace locale(s) {', '.join(missing)}"
                                    f" not enabled on Zendesk (enabled: {shown})"))
            else:
                checks.append(Check("locales", True, f"workspace locales "
                                    f"{', '.join(locales) or '(none)'} enabled ({shown})"))
        except HelpdeskError as exc:
            checks.append(Check("locales", False, str(exc)))
        if kb_locales is not None:
            checks.append(self._check_guide_locales(kb_locales))
        if hook is not None:
            checks.extend(self._check_hook(hook))
        return checks

    def _get(self, path: str, what: str) -> Any:
        """One GET on the guarded session (doctor's reads zenpy has no model for)."""
        assert self._session is not None
        with self._call(what):
            url = path if path.startswith(("http://", "https://")) else \
                f"{self._session.base_url}{path}"
            return self._session.get(url).json()

    def _check_scopes(self) -> Check | None:
        """OAuth only: the granted scopes cover what deskops will do (None for API tokens)."""
        oauth = self.oauth
        if oauth is not None:
            granted = set(oauth.granted_scopes)
        elif self._session is not None and isinstance(self._session.auth, _Bearer):
            try:
                token = self._get("/api/v2/oauth/tokens/current", "the current OAuth token")
                granted = {str(x) for x in (token.get("token") or {}).get("scopes") or ()}
            except HelpdeskError as exc:
                return Check("oauth scopes", False, str(exc))
        else:
            return None
        # Zendesk's resource scopes are tickets, users, auditlogs, organizations, hc, apps,
        # triggers, automations, targets, webhooks and zis: ticket fields, forms and dynamic
        # content have none, so provisioning needs the broad ``write``.
        needed = ["read", "write"]
        missing = [n for n in needed if not _scope_covers(granted, n)]
        shown = " ".join(sorted(granted)) or "none"
        if missing:
            return Check("oauth scopes", False, f"granted: {shown}; missing: "
                         f"{' '.join(missing)} (grant them to the OAuth client; ticket fields, "
                         "forms and dynamic content have no narrower scope)")
        return Check("oauth scopes", True, f"granted: {shown}")

    def _check_guide_locales(self, wanted: Sequence[str]) -> Check:
        name = "guide locales"
        try:
            raw = self._get("/api/v2/help_center/locales", "the Help Center locales")
        except AuthError as exc:
            if exc.status in (403, 404):
                return Check(name, False, "the Help Center is not enabled or not reachable "
                             f"with this credential ({exc.status}): enable Guide")
            return Check(name, False, str(exc))
        except HelpdeskError as exc:
            return Check(name, False, str(exc))
        enabled = [str(x).lower() for x in (raw.get("locales") or [])]
        missing = [loc for loc in wanted if to_vendor_locale("zendesk", loc).lower()
                   not in enabled]
        shown = ", ".join(enabled) or "none"
        if missing:
            return Check(name, False, f"knowledge base locale(s) {', '.join(missing)} not "
                         f"enabled in Guide (enabled: {shown}): enable them in Guide's "
                         "language settings")
        return Check(name, True, f"knowledge base locales {', '.join(wanted) or '(none)'} "
                     f"enabled in Guide ({shown})")

    def _check_hook(self, hook: HookSpec) -> list[Check]:
        """The deskops webhook (active, pointing at the receiver) and its triggers."""
        shown = redact_url(hook.endpoint)
        fix = f"run `deskops webhooks install --url {shown.rsplit('/webhooks/', 1)[0]}`"
        try:
            found = self._get(f"/api/v2/webhooks?filter[name_contains]={hook.name}",
                              "the list of webhooks").get("webhooks") or []
        except HelpdeskError as exc:
            return [Check("webhook", False, str(exc))]
        current = next((h for h in found if h.get("name") == hook.name), None)
        if current is None:
            return [Check("webhook", False, f"no webhook named {hook.name!r}: {fix}")]
        problems = []
        if current.get("status") != "active":
            problems.append(f"status is {current.get('status')!r}, not 'active'")
        if str(current.get("endpoint") or "").rstrip("/") != hook.endpoint.rstrip("/"):
            problems.append(f"it posts to {redact_url(str(current.get('endpoint')))!r}, "
                            f"not {shown!r}")
        hook_id = str(current.get("id"))
        checks = [Check("webhook", not problems, f"{hook.name!r} ({hook_id}) "
                        + ("; ".join(problems) + f": {fix}" if problems else
                           f"active, posts to {shown}"))]
        try:
            triggers = list(zendesk_pages(  # more than 100 triggers: deskops's on a later page
                lambda url: self._get(url, "the list of triggers"),
                "/api/v2/triggers?page[size]=100", "triggers"))
        except HelpdeskError as exc:
            return [*checks, Check("triggers", False, str(exc))]
        by_title = {t.get("title"): t for t in triggers}
        bad: list[str] = []
        for _, title in hook.rules:
            trig = by_title.get(title)
            if trig is None:
                bad.append(f"{title!r} missing")
            elif not trig.get("active"):
                bad.append(f"{title!r} inactive")
            elif not any(a.get("field") == "notification_webhook" and isinstance(
                    a.get("value"), list) and a["value"] and str(a["value"][0]) == hook_id
                    for a in trig.get("actions") or []):
                bad.append(f"{title!r} does not call webhook {hook_id}")
        names = ", ".join(repr(t) for _, t in hook.rules)
        checks.append(Check("triggers", not bad, "; ".join(bad) + f": {fix}" if bad
                            else f"{names} active"))
        return checks

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


def _scope_covers(granted: set[str], needed: str) -> bool:
    """Zendesk scopes: ``read`` / ``write`` cover every resource; ``res:action`` one."""
    action = needed.partition(":")[2] or needed
    return needed in granted or action in granted


def _zendesk_details(details: Any) -> list[str] | None:
    """``{"title": [{"description": "Title: cannot be blank"}]}`` -> ``title: cannot be blank``."""
    if not isinstance(details, dict):
        return None
    lines: list[str] = []
    for key, errors in details.items():
        for err in errors if isinstance(errors, list) else [errors]:
            text = str(err.get("description") or err.get("error") or err) if isinstance(
                err, dict) else str(err)
            prefix = re.match(rf"^\s*{re.escape(str(key).replace('_', ' '))}\s*:\s*", text,
                              re.IGNORECASE) or re.match(rf"^\s*{re.escape(str(key))}\s*:\s*",
                                                         text, re.IGNORECASE)
            if prefix:
                text = text[prefix.end():]
            lines.append(f"{key}: {text}")
    return lines or None
