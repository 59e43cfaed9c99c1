"""The same tickets decide the same way on Freshdesk as on Zendesk (issue 17, findings 6-7):
the recipient of an e-mail ticket is read (``to_emails``), and an out-of-office text is
caught whatever the channel."""

from __future__ import annotations

import dataclasses

from examples.examples_support import context

from integrations.helpdesk.tickets import FreshdeskTickets
from integrations.sandbox.freshdesk import tickets as fd
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings
from integrations.triage import decide


def _read(env: dict[str, str], ticket_id: int) -> object:
    with FreshdeskTickets(settings=load_settings(env, dotenv=None)) as desk:
        return desk.get_ticket(ticket_id)


def test_email_to_the_brazil_address_is_routed_to_brazil(
        freshdesk_env: dict[str, str], fresh_sandbox: RunningSandbox) -> None:
    ctx = dataclasses.replace(context("ad-network"), target="freshdesk")
    ticket = fd.inbound_email(
        fresh_sandbox.freshdesk, to="BR Publishers <BrPubSupport@rakuten.com>",
        from_email="joao@example.com", subject="Pagamento de comissões atrasado",
        body="Olá, meu SID é 4567890. Não recebi o pagamento das comissões de abril.")
    read = _read(freshdesk_env, int(ticket["id"]))
    assert read.recipient == "brpubsupport@rakuten.com"  # type: ignore[attr-defined]
    decision = decide(read, ctx)  # type: ignore[arg-type]
    assert "pub_brazil" in decision.update.add_tags, decision.summary
    rule = next(r for r in decision.rules if r.group == "Brazil Publisher Support")
    assert rule.reasons == ("any: recipient address matches",)


def test_out_of_office_text_on_a_portal_ticket_is_skipped(
        freshdesk_env: dict[str, str], fresh_sandbox: RunningSandbox) -> None:
    ctx = dataclasses.replace(context("ad-network"), target="freshdesk")
    ticket = fd.create_ticket(fresh_sandbox.freshdesk, {
        "email": "pub@example.org", "subject": "Réponse automatique : absent du bureau",
        "description": "<div>Je suis absent du bureau jusqu'au 12 mai.</div>",
        "source": 2, "status": 2, "priority": 1})
    read = _read(freshdesk_env, int(ticket["id"]))
    assert read.channel == "web"  # type: ignore[attr-defined]
    decision = decide(read, ctx)  # type: ignore[arg-type]
    assert not decision.should_write and decision.update.comment is None
    assert "auto-reply" in decision.summary, decision.summary
