"""`deskops webhooks install`: the helpdesk side of the pipeline, created or updated in place.

Zendesk: one webhook named ``deskops`` pointing at ``URL/webhooks/zendesk``, its signing
secret written to the receiver's secrets file (the previous one kept, for rotation), and
two triggers that call it with a body carrying ids and ``updated_at`` only — never ticket
text::

    deskops: ticket created                  update_type is Create
    deskops: ticket updated by requester     update_type is Change AND role is end_user

The ``role is end_user`` condition is what stops deskops's own updates (made as an agent)
from firing the trigger again. Re-running install changes nothing that is already right.

Freshdesk signs nothing: a shared secret (created once, kept in the same secrets file,
``"freshdesk": [current, previous]``) travels in the ``X-Deskops-Webhook-Secret`` header of
two automation rules whose ``trigger_webhook`` action posts ids only to
``URL/webhooks/freshdesk``::

    deskops: ticket created                (on ticket creation, type 1)  status not in Closed
    deskops: ticket updated by requester   (on ticket updates, type 4)   performer Requester,
                                           event "reply is sent", status not in Closed

Performer *Requester* is what stops deskops's own updates (made with the agent's API key)
from firing the rule again. Freshdesk has no ``updated_at`` placeholder, so these events
dedupe on nothing but are harmless twice: the worker re-reads the ticket and is idempotent.
The action nests ``content_type`` and ``content_layout`` in ``content``, as the reference's
schema does; the rule lists are read page by page (``Link``), so a re-run finds deskops's
rules on any page and writes nothing when they are right.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from integrations.errors import ConfigError
from integrations.helpdesk._common import zendesk_pages
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    map_http_error,
)
from integrations.settings import Settings
from integrations.webhooks.secrets import SecretBook

__all__ = ["FRESHDESK_BODIES", "TRIGGER_BODIES", "WEBHOOK_NAME", "install", "install_freshdesk",
           "install_zendesk", "rule_specs", "trigger_specs"]

WEBHOOK_NAME = "deskops"


def _body(event: str) -> str:
    return json.dumps({"event": event, "ticket_id": "{{ticket.id}}",
                       "updated_at": "{{ticket.updated_at_with_timestamp}}",
                       "requester_id": "{{ticket.requester.id}}"})


TRIGGER_BODIES = {"ticket_created": _body("ticket_created"),
                  "ticket_updated": _body("ticket_updated")}


def trigger_specs(webhook_id: str) -> list[dict[str, Any]]:
    """The Zendesk triggers deskops installs (also what ``doctor`` expects to find)."""
    def action(event: str) -> list[dict[str, Any]]:
        return [{"field": "notification_webhook", "value": [webhook_id, TRIGGER_BODIES[event]]}]

    return [
        {"title": "deskops: ticket created", "active": True,
         "conditions": {"all": [{"field": "update_type", "operator": "is", "value": "Create"}],
                        "any": []},
         "actions": action("ticket_created")},
        {"title": "deskops: ticket updated by requester", "active": True,
         "conditions": {"all": [{"field": "update_type", "operator": "is", "value": "Change"},
                                {"field": "role", "operator": "is", "value": "end_user"}],
                        "any": []},
         "actions": action("ticket_updated")},
    ]


#: (vendor error body -> reason and details) as the provisioning adapters read it
_Reason = Callable[[HTTPStatusError | ConnectionFailed], tuple[str, list[str] | None]]


class _Api:
    """The admin calls install makes, on the adapters' guarded session, errors mapped once
    and worded like the provisioning adapters' (the vendor's own reason; which credential
    variable to check)."""

    def __init__(self, session: HelpdeskSession, base: str, vendor: str, *,
                 reason: _Reason, credential: tuple[str, str]) -> None:
        self.session = session
        self.base = base
        self.vendor = vendor
        self.reason = reason
        self.credential = credential

    @classmethod
    def zendesk(cls, settings: Settings) -> _Api:
        from integrations.helpdesk.zendesk import build_zenpy, credential_names, error_reason

        session = build_zenpy(settings).tickets.session
        if not isinstance(session, HelpdeskSession):  # pragma: no cover - build_zenpy's own
            raise ConfigError("unexpected Zendesk session")
        return cls(session, settings.zendesk_base_url(), "Zendesk", reason=error_reason,
                   credential=credential_names(settings))

    @classmethod
    def freshdesk(cls, settings: Settings) -> _Api:
        from integrations.helpdesk.freshdesk import CREDENTIAL, build_session, error_reason

        session = build_session(settings)
        return cls(session, session.base_url, "Freshdesk", reason=error_reason,
                   credential=CREDENTIAL)

    def _send(self, method: str, path: str, what: str, body: Any = None) -> Any:
        try:
            url = path if path.startswith(("http://", "https://")) else f"{self.base}{path}"
            return self.session.request(method, url, json=body)
        except (HTTPStatusError, ConnectionFailed) as exc:
            reason, details = self.reason(exc)
            name, check = self.credential
            raise map_http_error(exc, vendor=self.vendor, what=what, reason=reason,
                                 details=details, credential=name, check=check,
                                 budget=self.session.retry.budget) from exc

    def call(self, method: str, path: str, what: str, body: Any = None) -> Any:
        resp = self._send(method, path, what, body)
        return resp.json() if resp.content else None

    def rules(self, kind: int) -> list[dict[str, Any]]:
        """Every Freshdesk automation rule of one type. The list pages like every Freshdesk
        list (30 a page; the next page's URL in the ``Link`` header), so deskops's own rules
        are found on an account with many, and never created twice."""
        rows: list[dict[str, Any]] = []
        url: str | None = f"/api/v2/automations/{kind}/rules"
        while url:
            resp = self._send("GET", url, "automation rules")
            body = resp.json() if resp.content else {}
            page = body.get("rules", []) if isinstance(body, dict) else body or []
            rows.extend(r for r in page if isinstance(r, dict))
            url = resp.links.get("next", {}).get("url")
        return rows


def _same(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(current.get(k) == v for k, v in wanted.items())


def install_zendesk(settings: Settings, url: str, book: SecretBook) -> Iterator[str]:
    api = _Api.zendesk(settings)
    endpoint = url.rstrip("/") + "/webhooks/zendesk"
    wanted = {"name": WEBHOOK_NAME, "endpoint": endpoint, "http_method": "POST",
              "request_format": "json", "status": "active",
              "subscriptions": ["conditional_ticket_events"]}
    found = api.call("GET", f"/api/v2/webhooks?filter[name_contains]={WEBHOOK_NAME}",
                     "webhooks")["webhooks"]
    hook = next((h for h in found if h.get("name") == WEBHOOK_NAME), None)
    if hook is None:
        hook = api.call("POST", "/api/v2/webhooks", "webhook deskops",
                        {"webhook": wanted})["webhook"]
        yield f"webhook {hook['id']}: created ({endpoint})"
    elif not _same(hook, wanted):  # the documented full update (PATCH wants a merge-patch
        # content type the references do not settle): every attribute deskops sets is sent
        api.call("PUT", f"/api/v2/webhooks/{hook['id']}", "webhook deskops",
                 {"webhook": wanted})
        yield f"webhook {hook['id']}: updated ({endpoint})"
    else:
        yield f"webhook {hook['id']}: up to date"
    webhook_id = str(hook["id"])
    secret = api.call("GET", f"/api/v2/webhooks/{webhook_id}/signing_secret",
                      "webhook signing secret")["signing_secret"]["secret"]
    if book.zendesk(webhook_id)[:1] != [secret]:
        book.set_zendesk(webhook_id, secret)
        yield f"signing secret: stored in {book.path}"
    existing: dict[Any, dict[str, Any]] = {}
    for row in zendesk_pages(lambda u: api.call("GET", u, "triggers"),
                             "/api/v2/triggers?page[size]=100", "triggers"):
        existing.setdefault(row.get("title"), row)
    for trig in trigger_specs(webhook_id):
        current = existing.get(trig["title"])
        if current is None:
            created = api.call("POST", "/api/v2/triggers", f"trigger {trig['title']!r}",
                               {"trigger": trig})["trigger"]
            yield f"trigger {created['id']} {trig['title']!r}: created"
        elif not _same(current, trig):
            api.call("PUT", f"/api/v2/triggers/{current['id']}", f"trigger {trig['title']!r}",
                     {"trigger": trig})
            yield f"trigger {current['id']} {trig['title']!r}: updated"
        else:
            yield f"trigger {current['id']} {trig['title']!r}: up to date"
    api.session.close()


FRESHDESK_BODIES = {event: json.dumps({"event": event, "ticket_id": "{{ticket.id}}"})
                    for event in ("ticket_created", "ticket_updated")}
#: Status is a dropdown: ``not_in`` with a list, as Freshdesk documents for dropdowns
#: (``is_not`` with a scalar is for dependent fields only).
_NOT_CLOSED = [{"name": "condition_set_1", "match_type": "all", "properties": [
    {"resource_type": "ticket", "field_name": "status", "operator": "not_in", "value": [5]}]}]


def rule_specs(endpoint: str, secret: str) -> list[tuple[int, dict[str, Any]]]:
    """The Freshdesk automation rules (type, rule) deskops installs; ``doctor`` checks them."""
    from integrations.webhooks.app import FRESHDESK_SECRET_HEADER

    def action(event: str) -> list[dict[str, Any]]:
        # ``content`` nests the encoding and the layout, as the reference's schema does
        # (``content.{content_type, content_layout}``); the advanced layout's body sits
        # beside them (assumed: see docs/real-api-notes.md)
        return [{"field_name": "trigger_webhook", "request_type": "POST", "url": endpoint,
                 "content": {"content_type": "JSON", "content_layout": "2",
                             "content": FRESHDESK_BODIES[event]},
                 "custom_headers": {FRESHDESK_SECRET_HEADER: secret}}]

    return [
        (1, {"name": "deskops: ticket created", "active": True, "conditions": _NOT_CLOSED,
             "actions": action("ticket_created")}),
        (4, {"name": "deskops: ticket updated by requester", "active": True,
             "performer": {"type": 2}, "events": [{"field_name": "reply_sent"}],
             "conditions": _NOT_CLOSED, "actions": action("ticket_updated")}),
    ]


def install_freshdesk(settings: Settings, url: str, book: SecretBook) -> Iterator[str]:
    """The shared secret (kept if one exists) and the two automation rules."""
    api = _Api.freshdesk(settings)
    endpoint = url.rstrip("/") + "/webhooks/freshdesk"
    secret = book.current_freshdesk()
    if secret is None:
        secret = book.rotate_freshdesk()
        yield f"shared secret: created, stored in {book.path}"
    listed: dict[int, list[dict[str, Any]]] = {}
    for kind, wanted in rule_specs(endpoint, secret):
        name = wanted["name"]
        if kind not in listed:
            listed[kind] = api.rules(kind)
        current = next((r for r in listed[kind] if r.get("name") == name), None)
        what = f"automation rule {name!r}"
        if current is None:
            created = api.call("POST", f"/api/v2/automations/{kind}/rules", what, wanted)
            yield f"automation rule {created['id']} {name!r}: created ({endpoint})"
        elif not _same(current, wanted):
            api.call("PUT", f"/api/v2/automations/{kind}/rules/{current['id']}", what, wanted)
            yield f"automation rule {current['id']} {name!r}: updated ({endpoint})"
        else:
            yield f"automation rule {current['id']} {name!r}: up to date"
    api.session.close()


def install(settings: Settings, target: str, url: str, book: SecretBook) -> Iterator[str]:
    """Create or update the helpdesk side; yields one line per object (never a secret)."""
    if target == "zendesk":
        return install_zendesk(settings, url, book)
    if target == "freshdesk":
        return install_freshdesk(settings, url, book)
    raise ConfigError(f"webhooks install: unknown target {target!r}: use zendesk or freshdesk")
