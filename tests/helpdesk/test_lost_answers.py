"""A write whose answer is lost after the helpdesk committed it (issue 17, finding 2).

The sandbox answers 502 *after* the handler ran (``after_commit``): the reply, comment or
option exists, its answer does not. deskops must neither repeat it blindly (a second reply
to the customer, a spurious 422 on the option) nor give up without checking.
"""

from __future__ import annotations

from sandbox.support import zendesk_session
from triage_e2e.conftest import Harness, h  # noqa: F401  (the triage harness fixture)
from triage_e2e.test_triage_e2e import FR_BODY, FR_SUBJECT

from integrations.helpdesk.tickets import ZendeskTickets
from integrations.helpdesk.zendesk import ZendeskHelpdesk
from integrations.model import Option
from integrations.settings import Settings
from integrations.triage import Comment

from .conftest import FAST, Control
from .test_zendesk import PLATFORM


def _lose_answers(harness: Harness, path: str, method: str) -> None:
    harness.emu.set_faults(error_rate=1.0, error_status=502, after_commit=True,
                           path_prefix=path,
                           methods=[method])


def test_lost_answer_after_a_committed_reply_sends_it_once(h: Harness) -> None:  # noqa: F811
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    if h.target == "freshdesk":
        _lose_answers(h, f"/api/v2/tickets/{tid}/reply", "POST")
    else:
        _lose_answers(h, f"/api/v2/tickets/{tid}", "PUT")
    record = h.process(tid)
    h.emu.set_faults()
    assert record.status == "done", record
    [reply] = h.deskops_comments(tid)
    assert "Nom du compte Glyph" in reply
    assert h.process(tid).decision == "no_change"
    assert len(h.deskops_comments(tid)) == 1


def test_lost_answer_after_a_committed_comment_only_update(
        zendesk_settings: Settings, zd: Control) -> None:
    """Zendesk: a comment-only update has no safe_update stamp; after a lost answer the
    comments are read again and the comment is not sent twice."""
    http = zendesk_session()
    ticket = http.post(f"{zd.base}/api/v2/tickets.json", json={"ticket": {
        "subject": "Help", "comment": {"body": "My game crashes."}}}, timeout=10).json()
    tid = int(ticket["ticket"]["id"])
    zd.faults(error_rate=1.0, error_status=502, after_commit=True,
              path_prefix=f"/api/v2/tickets/{tid}", methods=["PUT"])
    with ZendeskTickets(settings=zendesk_settings) as desk:
        desk.post_comment(tid, Comment(html="<p>Merci, nous regardons.</p>", locale="fr",
                                       template="t"))
    zd.faults()
    comments = http.get(f"{zd.base}/api/v2/tickets/{tid}/comments.json",
                        timeout=10).json()["comments"]
    assert [c["body"] for c in comments].count("Merci, nous regardons.") == 1
    assert len([r for r in zd.requests(write="true") if r["method"] == "PUT"]) == 1


def test_lost_answer_after_a_committed_option(zendesk_settings: Settings, zd: Control) -> None:
    helpdesk = ZendeskHelpdesk(settings=zendesk_settings, retry=FAST)
    field = helpdesk.create_field(PLATFORM)
    assert field.id is not None
    zd.faults(error_rate=1.0, error_status=502, after_commit=True,
              path_prefix=f"/api/v2/ticket_fields/{field.id}/options", methods=["POST"])
    created = helpdesk.create_option(field.id, Option("xbox", "Xbox"), 3)
    zd.faults()
    assert created.id is not None
    posts = [r for r in zd.requests(write="true") if r["path"].endswith("/options")]
    assert len(posts) == 1  # not repeated: the re-read found it
    state = helpdesk.read_state()
    values = [o.value for f in state.fields if f.id == field.id for o in f.options]
    assert values.count("xbox") == 1
