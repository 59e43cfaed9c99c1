"""Triage: decisions per second (pure), and API calls per processed event (sandbox).

Usage: ``python scripts/bench/triage.py [N]``.

1. Pure: N (default 10,000) tickets generated for the example workspace
   (``schemas/examples/game-publisher``) in English, French and Korean, about half complete.
   Prints the decision rate and, as a baseline, the rate of plain jsonschema validation of
   the same instances: the ratio is what triage costs beyond validation (language detection,
   extraction, rules, rendering the request). Two baselines: triage's compiled form schema
   (options as an enum) and the forms as the workspace writes them (options as ``oneOf``).
2. Network: the ad-network example applied to a sandbox Zendesk, 40 tickets filed by
   requesters (half complete, half missing information), each processed the way the worker
   does it (read the ticket, decide, write once), counting the adapter's calls per event,
   then processed again (same state: the goal is zero writes). Goal: one read and at most
   one write per event.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from jsonschema import Draft202012Validator

from integrations.model import Ticket, TicketComment
from integrations.triage import RuleSet, TriageContext, decide
from integrations.workspace import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "schemas" / "examples" / "game-publisher"
T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)

TEXTS = [
    ("fr", "Le jeu plante au lancement", "Bonjour, depuis la dernière mise à jour le jeu se "
     "ferme tout seul au lancement, avant même l'écran de connexion. Merci de votre aide."),
    ("en", "Game crashes on launch", "Hello, since the last update the game closes by itself "
     "when I launch it, before the login screen even shows. Thanks for your help."),
    ("ko", "게임 실행 시 충돌", "안녕하세요, 마지막 업데이트 이후 게임을 실행하면 로그인 화면이 "
     "나오기 전에 저절로 종료됩니다. 도와주세요."),
]


def _value(field: Any, rng: random.Random) -> Any:
    if field.options:
        return rng.choice(field.options).value
    if field.kind == "checkbox":
        return True
    if field.kind == "date":
        return "2024-05-01"
    if field.kind in ("integer", "decimal"):
        return 1
    return "value"


def generate(ctx: TriageContext, n: int, seed: int = 7) -> list[Ticket]:
    rng = random.Random(seed)
    form_ids = {key: rid for rid, key in ctx.form_ids.items()}
    field_ids = {key: rid for rid, key in ctx.field_ids.items()}
    tickets = []
    for i in range(n):
        spec = rng.choice(list(ctx.forms.values()))
        _, subject, body = rng.choice(TEXTS)
        complete = rng.random() < 0.5
        fields = {field_ids[k]: _value(f, rng) for k, f in spec.fields.items()
                  if complete or rng.random() < 0.5}
        files = ("DxDiag.txt",) if complete else ()
        tickets.append(Ticket(
            id=i + 1, subject=subject, description=body, status="new", updated_at=T0,
            requester_id=10_000 + i, form_id=form_ids[spec.form.key], fields=fields,
            attachments=files,
            comments=(TicketComment(id=1, author_id=10_000 + i, public=True, body=body,
                                    created_at=T0, from_requester=True),),
        ))
    return tickets


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 10_000
    ws = load(EXAMPLE)
    ctx = TriageContext.build(
        ws, field_ids={1000 + i: k for i, k in enumerate(sorted(ws.fields))},
        form_ids={2000 + i: k for i, k in enumerate(sorted(ws.forms))},
        group_ids={}, rules=RuleSet(), self_author_ids=[1])
    tickets = generate(ctx, n)
    decide(tickets[0], ctx)  # load the language model outside the timing

    start, cpu = time.perf_counter(), time.process_time()
    kinds: dict[str, int] = {}
    for t in tickets:
        d = decide(t, ctx)
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    triage_s, triage_cpu = time.perf_counter() - start, time.process_time() - cpu

    validators = {key: Draft202012Validator(spec.schema) for key, spec in ctx.forms.items()}
    # the form as the workspace writes it: options as a ``oneOf`` of consts, the shape a
    # plain JSON Schema validator meets (triage's compiled schema turns them into an enum)
    as_written = {key: Draft202012Validator({**spec.schema, "properties": {
        k: (spec.fields[k].schema or v) if k in spec.fields else v
        for k, v in spec.schema["properties"].items()}}) for key, spec in ctx.forms.items()}
    instances = []
    for t in tickets:
        key = ctx.form_ids[t.form_id or 0]
        inst = {ctx.field_ids[r]: v for r, v in t.fields.items()}
        inst.update(subject=t.subject, description=t.description)
        instances.append((key, inst))
    start, cpu = time.perf_counter(), time.process_time()
    for key, inst in instances:
        list(validators[key].iter_errors(inst))
    baseline_s, baseline_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    for key, inst in instances:
        list(as_written[key].iter_errors(inst))
    written_s, written_cpu = time.perf_counter() - start, time.process_time() - cpu

    rate, base = n / triage_s, n / baseline_s
    print(f"triage: {n} decisions in {triage_s:.2f} s = {rate:,.0f} decisions/s "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"baseline: plain jsonschema validation of the same instances = {base:,.0f}/s")
    print(f"ratio: a decision costs {base / rate:.1f}x a plain validation")
    # On a shared machine wall time swings with the neighbours' load; CPU time does not.
    cpu_rate, cpu_base = n / triage_cpu, n / baseline_cpu
    print(f"cpu time: {cpu_rate:,.0f} decisions per CPU-second, validation "
          f"{cpu_base:,.0f}/CPU-s, ratio {cpu_base / cpu_rate:.1f}x")
    cpu_written = n / written_cpu
    print(f"validation of the forms as written (options as oneOf): {n / written_s:,.0f}/s, "
          f"{cpu_written:,.0f}/CPU-s, ratio {cpu_written / cpu_rate:.1f}x")
    calls_per_event()
    calls_per_decision()
    return 0


AD_NETWORK = ROOT / "schemas" / "examples" / "ad-network"
COMPLETE = {"sid": "1234567", "problem_type": "pub_technical",
            "browser": "browser_firefox", "operating_system": "Windows 11",
            "steps_taken": "Opened the dashboard, clicked Reports"}


def calls_per_event(n: int = 40) -> None:
    """The figure the worker pays per event, counted by the adapter (see module doc)."""
    from integrations.cli.main import App
    from integrations.cli.main import main as deskops
    from integrations.cli.triage import build_context
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.sandbox import ADMIN_EMAIL, API_TOKEN
    from integrations.sandbox.server import start_sandbox
    from integrations.settings import load_settings
    from integrations.worker.triage import TriageHandler

    with tempfile.TemporaryDirectory() as tmp, start_sandbox() as sandbox:
        ws = Path(tmp) / "ad-network"
        shutil.copytree(AD_NETWORK, ws, ignore=shutil.ignore_patterns("locks"))
        rules = json.loads((ws / "rules.json").read_text(encoding="utf-8"))
        groups = sorted({r["then"]["group"] for r in rules["rules"] if "group" in r["then"]})
        sandbox.zendesk.seed("groups", [{"name": g} for g in groups])
        env = sandbox.zendesk_env()
        os.environ.update(env)
        with contextlib.redirect_stdout(io.StringIO()):  # the plan is not the figure
            applied = deskops(["-w", str(ws), "apply", "--auto-approve"])
        if applied != 0:
            raise SystemExit("bench: apply failed")
        lock = json.loads((ws / "locks" / "zendesk.json").read_text(encoding="utf-8"))
        field_ids = {k: int(v["id"]) for k, v in lock["fields"].items()}
        settings = load_settings(env, dotenv=None)
        ctx = build_context(App(workspace=ws, target="zendesk", verbose=False,
                                _settings=settings))
        http = requests.Session()
        http.auth = (f"{ADMIN_EMAIL}/token", API_TOKEN)

        def file(i: int, complete: bool) -> int:
            user = http.post(f"{sandbox.zendesk_url}/api/v2/users.json", json={"user": {
                "name": f"Publisher {i}", "email": f"pub{i}@example.org", "locale": "en"}},
                timeout=30).json()["user"]
            fields = [{"id": field_ids[k], "value": v} for k, v in COMPLETE.items()
                      if complete and k in field_ids]
            body = {"ticket": {"subject": "Reports page shows an error",
                               "comment": {"body": "The reports page shows an error since "
                                                   "this morning. Can you help?"},
                               "requester_id": user["id"], "custom_fields": fields}}
            return int(http.post(f"{sandbox.zendesk_url}/api/v2/tickets.json", json=body,
                                 timeout=30).json()["ticket"]["id"])

        with connect_tickets(settings, "zendesk") as desk:
            handler = TriageHandler(ctx)
            handler.prepare(desk)  # as `Worker` does before the desk's first read
            handler(desk.get_ticket(file(0, True)), desk)  # warm-up: own user id, once
            ids = [file(i, complete=i % 2 == 0) for i in range(1, n + 1)]
            for label in ("first", "again (same state)"):
                before = desk.calls.as_dict()
                kinds: dict[str, int] = {}
                for tid in ids:
                    kind = handler(desk.get_ticket(tid), desk).decision
                    kinds[kind] = kinds.get(kind, 0) + 1
                after = desk.calls.as_dict()
                reads = (after["reads"] - before["reads"]) / n
                writes = (after["writes"] - before["writes"]) / n
                print(f"zendesk, {label}: {reads:.2f} reads and {writes:.2f} writes per event "
                      f"over {n} events ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}"
                      f"); goal: 1 read, at most 1 write")
        http.close()


def calls_per_decision(n: int = 20) -> None:
    """API calls one worker pays per triage decision, Freshdesk beside Zendesk (issue 17).

    The ad-network example applied to each sandbox; ``n`` requesters each file a ticket
    (half complete) through the vendor's API and one worker (one desk, one handler, as
    ``deskops worker`` runs) decides on them in a row. Prints calls per decision, the
    endpoints behind them, and what ``n`` decisions cost against a 400/min plan.
    """
    from integrations.cli.main import App
    from integrations.cli.main import main as deskops
    from integrations.cli.triage import build_context
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.sandbox import ADMIN_EMAIL, API_TOKEN, FRESHDESK_API_KEY
    from integrations.sandbox.server import start_sandbox
    from integrations.settings import load_settings
    from integrations.worker.triage import TriageHandler

    figures: dict[str, float] = {}
    with start_sandbox() as sandbox:
        for target in ("zendesk", "freshdesk"):
            with tempfile.TemporaryDirectory() as tmp:
                ws = Path(tmp) / "ad-network"
                shutil.copytree(AD_NETWORK, ws, ignore=shutil.ignore_patterns("locks"))
                rules = json.loads((ws / "rules.json").read_text(encoding="utf-8"))
                groups = sorted({r["then"]["group"] for r in rules["rules"]
                                 if "group" in r["then"]})
                emu = sandbox.zendesk if target == "zendesk" else sandbox.freshdesk
                emu.seed("groups", [{"name": g} for g in groups])
                env = sandbox.zendesk_env() if target == "zendesk" else sandbox.freshdesk_env()
                os.environ.update(env)
                with contextlib.redirect_stdout(io.StringIO()):
                    if deskops(["-w", str(ws), "--target", target, "apply",
                                "--auto-approve"]) != 0:
                        raise SystemExit(f"bench: apply failed on {target}")
                settings = load_settings(env, dotenv=None)
                app = App(workspace=ws, target=target, verbose=False, _settings=settings)
                http = requests.Session()
                if target == "zendesk":
                    http.auth = (f"{ADMIN_EMAIL}/token", API_TOKEN)
                else:
                    http.auth = (FRESHDESK_API_KEY, "X")
                base = sandbox.zendesk_url if target == "zendesk" else sandbox.freshdesk_url

                def file(i: int, *, target: str = target, http: requests.Session = http,
                         base: str = base) -> int:
                    text = "The reports page shows an error since this morning. Can you help?"
                    if i % 2 == 0:
                        text += " My SID is 1234567, it is a technical problem."
                    if target == "zendesk":
                        user = http.post(f"{base}/api/v2/users.json", json={"user": {
                            "name": f"Publisher {i}", "email": f"p{i}@example.org"}},
                            timeout=30).json()["user"]
                        return int(http.post(f"{base}/api/v2/tickets.json", json={"ticket": {
                            "subject": "Reports page error", "comment": {"body": text},
                            "requester_id": user["id"]}}, timeout=30).json()["ticket"]["id"])
                    return int(http.post(f"{base}/api/v2/tickets", json={
                        "email": f"p{i}@example.org", "subject": "Reports page error",
                        "description": f"<div>{text}</div>", "status": 2, "priority": 1},
                        timeout=30).json()["id"])

                ids = [file(i) for i in range(n)]
                with connect_tickets(settings, target) as desk:
                    mark = emu.log.mark()
                    handler = TriageHandler(build_context(app))
                    # what `Worker` does before the desk's first read: hand it the dropdown
                    # key -> title table (a Freshdesk ticket holds the title; without it the
                    # key is sent and Freshdesk rejects it). Local: no API call.
                    handler.prepare(desk)
                    requests.get(f"{base}/api/v2/bench-barrier", timeout=30)  # log settles
                    built = len(emu.log.entries(since=mark)) - 1
                    before = desk.calls.as_dict()
                    endpoints = dict(desk.calls.by_endpoint)
                    for tid in ids:
                        handler(desk.get_ticket(tid), desk)
                    after = desk.calls.as_dict()
                    calls = (after["reads"] + after["writes"]
                             - before["reads"] - before["writes"]) / n
                    used = {k: v - endpoints.get(k, 0) for k, v in desk.calls.by_endpoint.items()
                            if v - endpoints.get(k, 0)}
                http.close()
                figures[target] = calls
                top = ", ".join(f"{k} {v / n:.2f}" for k, v in sorted(
                    used.items(), key=lambda kv: -kv[1])[:6])
                print(f"{target}: {calls:.2f} calls per decision over {n} decisions in a row "
                      f"(one-off reads amortised), plus {built} calls to build the context "
                      f"once per worker (and per rebuild); per decision: {top}")
    z, f = figures["zendesk"], figures["freshdesk"]
    print(f"calls per decision: freshdesk {f:.2f} vs zendesk {z:.2f} (ratio {f / z:.2f}); "
          f"{n} decisions cost {f * n:.0f} Freshdesk calls, {f * n / 400:.0%} of a 400/min plan")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
