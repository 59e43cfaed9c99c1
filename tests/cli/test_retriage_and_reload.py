"""Re-triage after a fix, and a running worker seeing every workspace file it uses.

The scenario of the issue: a ticket was asked for its account name although the requester
wrote it ("Pseudo : Pixelle_42"), because no extraction pattern knew that label. After the
pattern is added, ``explain`` shows the new decision, ``retriage`` writes it once, and a
worker that kept running decides with the new pattern (and new templates) too.
Real sandbox over HTTP, real worker, both targets (the triage end-to-end harness).
"""

from __future__ import annotations

import json
from pathlib import Path

from triage_e2e.conftest import Harness, h, run_cli  # noqa: F401 - h is the fixture

SUBJECT = "Impossible de me connecter"
BODY = ("Bonjour, depuis la mise à jour je n'arrive plus à me connecter à mon compte. "
        "Pseudo : Pixelle_42")
WIDER = r"(?i)(?:glyph\s*(?:account|compte|계정)?|pseudo)\s*[:#：]\s*(\S{3,64})"


def _add_pattern(ws: Path) -> None:
    path = ws / "fields" / "account_name.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["x-deskops"]["extract"] = [WIDER]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_retriage_writes_the_new_decision_once(h: Harness) -> None:  # noqa: F811
    tid = h.create(SUBJECT, BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    assert h.process(tid).decision == "ask"
    asked = len(h.deskops_comments(tid))
    _add_pattern(h.ws)
    code, out = run_cli(h, ["explain", str(tid), "--json"])
    assert code == 0 and json.loads(out)["decision"] != "ask"

    code, out = run_cli(h, ["retriage", str(tid)])
    assert code == 0, out
    assert out.startswith(f"ticket {tid}: ") and "(written)" in out
    assert h.ticket(tid).fields[h.lock.field_id("account_name")] == "Pixelle_42"
    assert len(h.deskops_comments(tid)) == asked  # nothing asked again

    code, out = run_cli(h, ["retriage", "--json", str(tid)])
    assert code == 0 and json.loads(out)["written"] is False  # a second run changes nothing


def test_retriage_of_a_missing_ticket_is_one_line_and_exit_1(h: Harness) -> None:  # noqa: F811
    code, out = run_cli(h, ["retriage", "999999"])
    assert code == 1 and out.startswith("ticket 999999: failed:")


def test_running_worker_sees_new_field_patterns_and_templates(h: Harness) -> None:  # noqa: F811
    handler = h.handler()  # built once, like a long-running `deskops worker`
    first = h.create(SUBJECT, BODY, locale="fr", form="account-issues",
                     fields={"product": "game_trove"})
    assert h.process(first, handler=handler).decision == "ask"

    _add_pattern(h.ws)
    second = h.create(SUBJECT, BODY, locale="fr", form="account-issues",
                      fields={"product": "game_trove"})
    assert h.process(second, handler=handler).decision != "ask"
    assert h.ticket(second).fields[h.lock.field_id("account_name")] == "Pixelle_42"

    fr = h.ws / "templates" / "fr"
    fr.mkdir(parents=True)
    (fr / "request.html").write_text(
        "<p>NOUVEAU MODÈLE : il nous manque {{ items|length }} élément(s).</p>",
        encoding="utf-8")
    (fr / "reminder.html").write_text("<p>Rappel.</p>", encoding="utf-8")
    (fr / "closing.html").write_text("<p>Fermeture.</p>", encoding="utf-8")
    third = h.create(SUBJECT, "Bonjour, je n'arrive plus à me connecter à mon compte.",
                     locale="fr", form="account-issues", fields={"product": "game_trove"})
    assert h.process(third, handler=handler).decision == "ask"
    assert "NOUVEAU MODÈLE" in h.deskops_comments(third)[-1]
