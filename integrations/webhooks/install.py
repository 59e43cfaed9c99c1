"""`deskops webhooks install`: the helpdesk side of the pipeline, created or updated in place.

Zendesk: one webhook named ``deskops`` pointing at ``URL/webhooks/zendesk``, its signing
secret written to the receiver's secrets file (the previous one kept, for rotation), and
two triggers that call it with a body carrying ids and ``updated_at`` only — never ticket
text::

    deskops: ticket created                  update_type is Create
    deskops: ticket updated by requester     update_type is Change AND role is end_user

The ``role is end_user`` condition is what stops deskops's own updates (made as an agent)
from firing the trigger again. Re-running install changes nothing that is already right.

Freshdesk (automation rules with ``trigger_webhook``): not implemented yet — it raises.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from integrations.errors import ConfigError
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    map_http_error,
)
from integrations.settings import Settings
from integrations.webhooks.secrets import SecretBook

__all__ = ["TRIGGER_BODIES", "WEBHOOK_NAME", "install"]

WEBHOOK_NAME = "deskops"


def _body(event: str) -> str:
    return json.dumps({"event": event, "ticket_id": "{{ticket.id}}",
                       "updated_at": "{{ticket.updated_at_with_timestamp}}",
                       "requester_id": "{{ticket.requester.id}}"})


TRIGGER_BODIES = {"ticket_created": _body("ticket_created"),
                  "ticket_updated": _body("ticket_updated")}


def _triggers(webhook_id: str) -> list[dict[str, Any]]:
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


class _Zendesk:
    def __init__(self, settings: Settings) -> None:
        from integrations.helpdesk.zendesk import build_zenpy

        session = build_zenpy(settings).tickets.session
        if not isinstance(session, HelpdeskSession):  # pragma: no cover - build_zenpy's own
            raise ConfigError("unexpected Zendesk session")
        self.session = session
        self.base = settings.zendesk_base_url()

    def call(self, method: str, path: str, what: str, body: Any = None) -> Any:
        try:
            resp = self.session.request(method, f"{self.base}{path}", json=body)
        except (HTTPStatusError, ConnectionFailed) as exc:
            raise map_http_error(exc, vendor="Zendesk", what=what, reason="", details=None,
                                 credential="Zendesk credential",
                                 check="the Zendesk credential settings",
                                 budget=self.session.retry.budget) from exc
        return resp.json() if resp.content else None


def _same(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(current.get(k) == v for k, v in wanted.items())


def install_zendesk(settings: Settings, url: str, book: SecretBook) -> Iterator[str]:
    api = _Zendesk(settings)
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
    elif not _same(hook, wanted):
        api.call("PATCH", f"/api/v2/webhooks/{hook['id']}", "webhook deskops",
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
    existing = {t.get("title"): t for t in
                api.call("GET", "/api/v2/triggers", "triggers").get("triggers", [])}
    for trig in _triggers(webhook_id):
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


def install(settings: Settings, target: str, url: str, book: SecretBook) -> Iterator[str]:
    """Create or update the helpdesk side; yields one line per object."""
    if target == "zendesk":
        return install_zendesk(settings, url, book)
    raise ConfigError("webhooks install: Freshdesk automation rules are not implemented yet "
                      "(create a rule with a trigger_webhook action and the "
                      "X-Deskops-Webhook-Secret header by hand)")
