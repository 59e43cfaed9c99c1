"""Triage on the example workspace as the real loader reads it (form and field schema files)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from triage_support import BOT, T0, apply, hours, reply, ticket

from integrations.triage import RuleSet, TriageContext, chase, decide, reminder_tag
from integrations.workspace import load

EXAMPLE = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "game-publisher"


@pytest.fixture(scope="module")
def ctx() -> TriageContext:
    ws = load(EXAMPLE)
    field_ids = {1000 + i: key for i, key in enumerate(sorted(ws.fields))}
    form_ids = {2000 + i: key for i, key in enumerate(sorted(ws.forms))}
    return TriageContext.build(ws, field_ids=field_ids, form_ids=form_ids, group_ids={},
                               self_author_ids=[BOT], rules=RuleSet())


def ids(ctx: TriageContext) -> tuple[dict[str, int], dict[str, int]]:
    return ({k: i for i, k in ctx.field_ids.items()}, {k: i for i, k in ctx.form_ids.items()})


def test_technical_issue_in_french_asks_for_fields_condition_and_dxdiag(
        ctx: TriageContext) -> None:
    f, forms = ids(ctx)
    t = ticket(subject="Le jeu plante au lancement",
               description="Bonjour, depuis la dernière mise à jour le jeu se ferme tout seul "
                           "au lancement, avant même l'écran de connexion.",
               form_id=forms["technical-issues"], requester_locale="fr",
               fields={f["issue_type"]: "tech_crash"})
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "fr"
    keys = [m.key for m in d.missing]
    assert keys == ["product", "platform", "region", "account_name", "operating_system",
                    "dxdiag"]
    # DXDIAG is for PC only and the platform is asked too: asked now, on that condition
    assert [m.reason for m in d.missing][-2:] == ["condition", "if_choice"]
    html = d.update.comment.html if d.update.comment else ""
    assert "Plateforme" in html and "rapport DXDIAG" in html and "Bonjour" in html
    dxdiag_line = html.split("rapport DXDIAG")[1].split("</li>")[0]
    assert dxdiag_line.endswith("s&#39;agit de : PC"), dxdiag_line
    # the answer brings the rest, and the DXDIAG report
    t = apply(t, d.update, T0 + hours(1))
    t = dataclasses.replace(t, fields={**t.fields, f["product"]: ctx.workspace.fields[
        "product"].options[0].value, f["platform"]: "platform_pc", f["region"]: "region_eu",
        f["account_name"]: "nyx42", f["operating_system"]: "os_windows_11"})
    t = reply(t, "Voici le rapport", T0 + hours(2), attachments=("DxDiag.txt",))
    done = decide(t, ctx)
    assert done.missing == () and done.kind == "complete", [m.key for m in done.missing]


def test_short_description_is_asked_again_without_quoting_it(ctx: TriageContext) -> None:
    f, forms = ids(ctx)
    t = ticket(subject="Crash", description="<b>it crashes</b>",
               form_id=forms["technical-issues"], fields={f["issue_type"]: "tech_other"})
    d = decide(t, ctx)
    item = next(m for m in d.missing if m.key == "description")
    assert item.reason == "invalid" and item.value is None
    html = d.update.comment.html if d.update.comment else ""
    assert "it crashes" not in html and "<b>" not in html


def test_account_deletion_is_never_auto_solved(ctx: TriageContext) -> None:
    _, forms = ids(ctx)
    t = ticket(subject="Supprimer mon compte", description="Je veux supprimer mon compte, "
               "merci de le faire rapidement.", form_id=forms["account-deletion"],
               requester_locale="fr")
    t = apply(t, decide(t, ctx).update, T0)
    for h in (24, 72):
        d = chase(t, ctx, T0 + hours(h))
        assert d.kind == "remind"
        t = apply(t, d.update, T0 + hours(h))
    assert reminder_tag(2) in t.tags
    final = chase(t, ctx, T0 + hours(1000))
    assert final.kind == "skip" and "human" in final.summary
