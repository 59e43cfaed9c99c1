#!/usr/bin/env python3
"""``make demo``: deskops end to end on the embedded defaults, with no account anywhere.

1. Starts the sandbox helpdesk (Zendesk and Freshdesk emulators on free loopback ports, in
   this process) and ``deskops serve`` (the webhook receiver) in a subprocess, with its
   SQLite event store and queue in a temporary folder.
2. Provisions: the game publisher's workspace on both helpdesks (validate, plan, apply, an
   empty second plan, drift), then the ad network's workspace on Zendesk with the seed
   knowledge base (``deskops kb sync``) and ``deskops webhooks install``; then starts
   ``deskops worker`` on it.
3. Files tickets as requesters, in English, French, Korean and Portuguese — complete ones,
   incomplete ones, one with the site ID (SID) written in the text — and waits (polling the
   event store, with a deadline) until the worker has processed each one.
4. Shows what deskops did to each: tags, group, status, the request it wrote in the
   requester's language, and ``deskops explain`` for one ticket.
5. A requester answers what was asked: the ticket is reopened and routed.
6. Moves the sandbox clock forward and runs ``deskops chase``: reminders, then an auto-solve;
   a repeated run sends nothing new.
7. Prints a report and stops everything (exit 0; any failed step: one line, exit 1).

Every ``deskops`` command runs as a subprocess, exactly as a user or cron would run it.
`run_triage_flow` (steps 2-6 for the ad network) is also what ``tests/demo`` runs.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from integrations.events import EventRecord, EventStore, open_store
from integrations.sandbox import ADMIN_EMAIL, API_TOKEN
from integrations.sandbox.server import RunningSandbox, start_sandbox

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "schemas" / "examples"
EXAMPLE = EXAMPLES / "game-publisher"
AD_NETWORK = EXAMPLES / "ad-network"
KB_SEEDS = EXAMPLES / "kb-seeds" / "kb"
DESKOPS = str(Path(sys.executable).with_name("deskops"))
#: The user deskops writes as in the Zendesk sandbox (``/users/me``): its comments are the
#: ones deskops wrote.
API_USER_ID = 1
HOUR = 3600.0
#: Upper bound for one wait on the pipeline (a webhook through receiver, store, worker).
WAIT_SECONDS = 30.0

Echo = Callable[[str], None]


class DemoError(Exception):
    """A step of the demo did not go as expected: one line says which and why."""


def banner(text: str) -> None:
    print(f"\n\033[1m== {text}\033[0m", flush=True)


def _quiet(text: str) -> None:
    """An `Echo` that prints nothing (the test runs the flow silently)."""


def _child_env(extra: Mapping[str, str]) -> dict[str, str]:
    """This process's environment without any deskops/helpdesk setting the shell may carry
    (a stray ``ZENDESK_API_TOKEN`` must never reach the demo), plus ``extra``. The state
    folder is kept: the demo sets its own (in its temporary home) before anything runs."""
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("DESKOPS_", "ZENDESK_", "FRESHDESK_"))
            or k == "DESKOPS_STATE_DIR"}
    return {**base, **extra}


def run(args: Sequence[str], env: Mapping[str, str], *, expect: Sequence[int] = (0,),
        cwd: Path | None = None, echo: Echo = print, capture: bool = False) -> str:
    """Run ``deskops ARGS`` as a user would; stop the demo on an unexpected exit code.

    ``capture``: return the output instead of letting it through. A failure is one line:
    the command, its exit code and the last line it wrote (when captured)."""
    echo(f"$ deskops {' '.join(args)}")
    sys.stdout.flush()
    if capture or echo is _quiet:
        done = subprocess.run([DESKOPS, *args], env=_child_env(env), cwd=cwd, check=False,
                              capture_output=True, text=True)
        out, err = done.stdout, done.stderr
    else:
        done = subprocess.run([DESKOPS, *args], env=_child_env(env), cwd=cwd, check=False,
                              text=True)
        out, err = "", ""
    if done.returncode not in expect:
        said = [line for line in (err or out).strip().splitlines() if line.strip()]
        raise DemoError(f"`deskops {' '.join(args)}` exited {done.returncode}, expected "
                        f"{' or '.join(map(str, expect))}"
                        + (f": {said[-1].strip()}" if said else ""))
    return out


# -- the game publisher on both helpdesks (provisioning only) -------------------------------

def _groups_named(node: object) -> set[str]:
    """Every ``"group"`` a rules file routes to, wherever it stands."""
    if isinstance(node, dict):
        found = {node["group"]} if isinstance(node.get("group"), str) else set()
        return found.union(*(_groups_named(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_groups_named(v) for v in node))
    return set()


def prepare_account(sandbox: RunningSandbox, workspace: Path, *, echo: Echo = print,
                    freshdesk: bool = True) -> None:
    """Give the sandbox accounts what a real account already has: the workspace's brand and
    the groups its rules route to (deskops references these; it never creates them)."""
    settings = json.loads((workspace / "deskops.json").read_text(encoding="utf-8"))
    rules = workspace / "rules.json"
    groups = sorted(_groups_named(json.loads(rules.read_text(encoding="utf-8")))) \
        if rules.is_file() else []
    brand = settings.get("brand")
    if brand:
        sandbox.zendesk.seed("brands", [{"name": brand, "subdomain": brand}])
    for emulator in (sandbox.zendesk, sandbox.freshdesk) if freshdesk else (sandbox.zendesk,):
        emulator.seed("groups", [{"name": name} for name in groups])
    echo(f"sandbox account(s) prepared for {workspace.name}: brand {brand or '(default)'}, "
         f"groups {', '.join(groups) or '(none)'}")


def digest(out: str, head: int = 0) -> str:
    """The first ``head`` lines of a command's output, then its summary lines (plan, apply,
    no change, no drift): the demo shows what a long plan looks like, not all of it."""
    lines = out.rstrip().splitlines()
    keep = lines[:head]
    rest = [line for line in lines[head:]
            if line.startswith(("Plan:", "Apply complete", "No changes", "No drift"))]
    skipped = len(lines) - len(keep) - len(rest)
    if skipped:
        keep.append(f"    … ({skipped} more lines)")
    return "\n".join(keep + rest)


def provision(sandbox: RunningSandbox, workspace: Path, cwd: Path) -> None:
    """Validate, plan, apply, then prove the second plan is empty — on both helpdesks.
    (Plan and apply print every change: the demo shows the first lines and the summary.)"""
    for target, env in (("zendesk", sandbox.zendesk_env()), ("freshdesk", sandbox.freshdesk_env())):
        ws = ["-w", str(workspace), "--target", target]
        banner(f"game publisher on {target}: validate, plan, apply")
        run([*ws, "validate"], env, cwd=cwd)
        print(digest(run([*ws, "plan", "--detailed-exitcode"], env, expect=(2,), cwd=cwd,
                         capture=True), head=8))
        print(digest(run([*ws, "apply", "--auto-approve"], env, cwd=cwd, capture=True)))
        banner(f"game publisher on {target}: a second plan has nothing to do")
        print(digest(run([*ws, "plan", "--detailed-exitcode"], env, expect=(0,), cwd=cwd,
                         capture=True)))
        print(digest(run([*ws, "drift"], env, cwd=cwd, capture=True)))


# -- the pipeline: receiver and worker processes ----------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Services:
    """``deskops serve`` and ``deskops worker`` as child processes of this one, sharing a
    SQLite event store and queue in ``home``; `stop` ends every one of them."""

    home: Path
    env: dict[str, str]
    receiver_url: str = ""
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    killed: list[str] = field(default_factory=list)  # did not stop within 10 s of SIGTERM
    _store: EventStore | None = None

    @property
    def store(self) -> EventStore:
        """The event store, read from this process (what `deskops events list` reads)."""
        if self._store is None:
            self._store = open_store(self.env["DESKOPS_DATABASE_URL"])
        return self._store

    def _spawn(self, name: str, args: Sequence[str]) -> subprocess.Popen[bytes]:
        log = open(self.home / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen([DESKOPS, *args], env=_child_env(self.env), cwd=self.home,
                                stdout=log, stderr=subprocess.STDOUT)
        log.close()  # the child has its own descriptor
        self.procs[name] = proc
        return proc

    def log_tail(self, name: str, lines: int = 3) -> str:
        path = self.home / f"{name}.log"
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        return " / ".join(text.strip().splitlines()[-lines:]) or "(no output)"

    def check_alive(self) -> None:
        for name, proc in self.procs.items():
            if proc.poll() is not None:
                raise DemoError(f"deskops {name} exited {proc.returncode}: "
                                f"{self.log_tail(name)}")

    def start_receiver(self) -> str:
        port = free_port()
        self._spawn("serve", ["serve", "--host", "127.0.0.1", "--port", str(port)])
        self.receiver_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            self.check_alive()
            try:
                if requests.get(f"{self.receiver_url}/readyz", timeout=1).status_code == 200:
                    return self.receiver_url
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise DemoError(f"deskops serve was not ready after {WAIT_SECONDS:g} s: "
                                f"{self.log_tail('serve')}")
            time.sleep(0.05)

    def start_worker(self, workspace: Path, target: str) -> None:
        """Its readiness shows in the first processed event (see `wait_processed`)."""
        self._spawn("worker", ["-w", str(workspace), "--target", target, "worker"])

    def events(self, ticket_id: int) -> list[EventRecord]:
        """The ticket's events, oldest first."""
        return sorted(self.store.find(ticket_id=ticket_id, limit=1000), key=lambda r: r.id)

    def wait_processed(self, expected: Mapping[int, int],
                       hint: Callable[[int], str] = lambda _: "") -> dict[int, EventRecord]:
        """Wait until each ticket has at least ``expected[ticket]`` events, all finished;
        returns the latest event of each. Fails (one line) on a dead event or the deadline;
        ``hint(ticket_id)`` adds what the helpdesk knows (its webhook deliveries)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            self.check_alive()
            latest: dict[int, EventRecord] = {}
            for ticket_id, count in expected.items():
                records = self.events(ticket_id)
                dead = [r for r in records if r.status == "dead"]
                if dead:
                    raise DemoError(f"ticket {ticket_id}: event {dead[0].id} failed: "
                                    f"{dead[0].error}")
                if len(records) >= count and all(r.status in ("done", "ignored")
                                                 for r in records):
                    latest[ticket_id] = records[-1]
            if len(latest) == len(expected):
                return latest
            if time.monotonic() > deadline:
                waiting = sorted(set(expected) - set(latest))
                raise DemoError(f"the worker had not processed ticket(s) {waiting} after "
                                f"{WAIT_SECONDS:g} s{hint(waiting[0])} (worker: "
                                f"{self.log_tail('worker')}; receiver: "
                                f"{self.log_tail('serve')})")
            time.sleep(0.05)

    def stop(self) -> dict[str, int]:
        """SIGTERM every child, wait, SIGKILL what is still there: no stray process.
        Returns each child's exit code."""
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name, proc in self.procs.items():
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                self.killed.append(name)
                proc.kill()
                proc.wait(10)
        if self._store is not None:
            self._store.close()
            self._store = None
        return {name: int(proc.returncode) for name, proc in self.procs.items()}


@contextmanager
def services(home: Path, env: Mapping[str, str]) -> Iterator[Services]:
    running = Services(home, {
        **env,
        "DESKOPS_DATABASE_URL": f"sqlite:///{home / 'events.db'}",
        "DESKOPS_QUEUE_URL": f"sqlite:///{home / 'queue.db'}",
        "DESKOPS_WEBHOOK_SECRETS_FILE": str(home / "webhook-secrets.json"),
    })
    try:
        yield running
    finally:
        running.stop()


# -- the ad network: tickets as requesters ---------------------------------------------------

@dataclass(frozen=True)
class Scenario:
    """One ticket a requester files, and what deskops should make of it."""

    key: str
    language: str
    subject: str
    body: str
    email: str
    locale: str
    form: bool = False                        # filed through the web form (else: no form)
    fields: Mapping[str, str] = field(default_factory=dict)  # by workspace field key
    decision: str = "route"                   # what the worker must decide first


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("complete", "en", "April commissions not paid",
             "Hello, the commissions for April are validated in my reports but the payment "
             "has not arrived yet.", "maria@blog-example.com", "en-US", form=True,
             fields={"sid": "3456789", "problem_type": "pub_payments"}),
    Scenario("sid-in-text", "fr", "Rapport de commissions vide",
             "Bonjour, mon SID est 3456789. J'ai un problème technique : le rapport des "
             "commissions reste vide dans Chrome depuis lundi.", "lea@monsite-exemple.fr",
             "fr", decision="ask"),
    Scenario("missing", "ko", "대시보드 로그인 오류",
             "안녕하세요. 기술 문제가 있습니다: 대시보드에 로그인하면 빈 화면만 나옵니다. "
             "확인 부탁드립니다.", "minji@example.kr", "ko", decision="ask"),
    Scenario("missing-en", "en", "Affiliate links broken",
             "Hi, the advertiser links I promote on my site have led to an error page since "
             "yesterday. Can you check?", "sam@coupons-example.com", "en-US", decision="ask"),
    Scenario("cash-back", "en", "Where is my cash back?",
             "Hello, I bought shoes through Rakuten three weeks ago and my cash back still "
             "does not show in my account.", "jo@mail-example.com", "en-US",
             decision="answer"),
    Scenario("brazil", "pt-br", "Pagamento de comissões atrasado",
             "Olá, meu SID é 4567890. Não recebi o pagamento das comissões de abril, que já "
             "aparecem como aprovadas no painel.", "joao@editora-exemplo.com.br", "pt-BR",
             form=True, fields={"problem_type": "pub_payments"}),
)
#: The reply that completes the French ticket: one line per item, as the request asks.
FR_REPLY = ("Système : Windows 10\nActions effectuées : je me connecte, j'ouvre Rapports puis "
            "Commissions et je choisis le mois d'avril")


@dataclass
class TicketView:
    """A ticket as the sandbox holds it, in the words of the report."""

    id: int
    status: str
    tags: list[str]
    group: str
    fields: dict[str, Any]                 # by workspace field key
    comments: list[str]                    # deskops's public comments, oldest first

    @property
    def language(self) -> str:
        langs = [t.removeprefix("lang_").replace("_", "-") for t in self.tags
                 if t.startswith("lang_")]
        return langs[0] if langs else "-"


@dataclass
class FlowResult:
    """What the flow did, for the report and for ``tests/demo``.

    ``tickets``: ticket id by scenario key; ``decisions``: what deskops did to each, in
    order (worker decisions, then what chase sent); ``first``: each ticket right after the
    worker's first pass; ``views``: each ticket at the end; ``chase_runs``: the JSON lines
    of each ``deskops chase`` run; ``events``: every event stored (the receiver's and
    chase's), oldest first;
    ``exit_codes``: how ``deskops serve`` and ``deskops worker`` ended."""

    workspace: Path
    tickets: dict[str, int]
    decisions: dict[str, list[str]]
    first: dict[str, TicketView]
    views: dict[str, TicketView]
    chase_runs: list[list[dict[str, Any]]]
    events: list[EventRecord]
    exit_codes: dict[str, int]


class Requesters:
    """The requesters' side, over the sandbox's REST API (users with a locale; tickets; the
    Requests API for replies) — as the web form and the e-mail channel would file them."""

    def __init__(self, sandbox: RunningSandbox, workspace: Path) -> None:
        self.sandbox = sandbox
        self.base = sandbox.zendesk_url
        self.http = requests.Session()
        self.http.auth = (f"{ADMIN_EMAIL}/token", API_TOKEN)
        lock = json.loads((workspace / "locks" / "zendesk.json").read_text(encoding="utf-8"))
        self.field_ids = {k: int(v["id"]) for k, v in lock.get("fields", {}).items()}
        self.form_ids = {k: int(v["id"]) for k, v in lock.get("forms", {}).items()}
        self.default_form = json.loads(
            (workspace / "deskops.json").read_text(encoding="utf-8"))["default_form"]

    def _post(self, path: str, body: object) -> dict[str, Any]:
        resp = self.http.post(f"{self.base}{path}", json=body, timeout=30)
        if resp.status_code >= 400:
            raise DemoError(f"sandbox POST {path}: {resp.status_code} {resp.text[:200]}")
        data: dict[str, Any] = resp.json()
        return data

    def file(self, s: Scenario) -> int:
        user = self._post("/api/v2/users.json", {"user": {
            "name": s.email.split("@")[0].title(), "email": s.email, "locale": s.locale}})
        ticket: dict[str, Any] = {
            "subject": s.subject, "comment": {"body": s.body},
            "requester_id": user["user"]["id"],
            "custom_fields": [{"id": self.field_ids[k], "value": v}
                              for k, v in s.fields.items()]}
        if s.form:
            ticket["ticket_form_id"] = self.form_ids[self.default_form]
        return int(self._post("/api/v2/tickets.json", {"ticket": ticket})["ticket"]["id"])

    def reply(self, ticket_id: int, body: str) -> None:
        resp = self.http.put(f"{self.base}/api/v2/requests/{ticket_id}.json",
                             json={"request": {"comment": {"body": body}}}, timeout=30)
        if resp.status_code >= 400:
            raise DemoError(f"sandbox reply to ticket {ticket_id}: {resp.status_code}")

    def view(self, ticket_id: int) -> TicketView:
        """What the sandbox holds (server-side truth, not what a client says it sent)."""
        emu = self.sandbox.zendesk
        raw = emu.store.require("tickets", ticket_id)
        groups = {int(g["id"]): str(g["name"]) for g in emu.store.all("groups")}
        keys = {v: k for k, v in self.field_ids.items()}
        comments = sorted((c for c in emu.store.all("ticket_comments")
                           if c["ticket_id"] == ticket_id and c["author_id"] == API_USER_ID
                           and c["public"]), key=lambda c: int(c["id"]))
        return TicketView(
            id=ticket_id, status=str(raw["status"]), tags=sorted(raw["tags"]),
            group=groups.get(int(raw["group_id"]), "?") if raw.get("group_id") else "-",
            fields={keys[int(f["id"])]: f.get("value") for f in raw["custom_fields"]
                    if int(f["id"]) in keys and f.get("value") not in (None, "")},
            comments=[readable(str(c.get("html_body") or c["body"])) for c in comments])

    def close(self) -> None:
        self.http.close()


def readable(html_text: str) -> str:
    """A comment's HTML as its reader sees it: paragraphs, list items as bullets."""
    text = re.sub(r"<li[^>]*>", "• ", html_text, flags=re.IGNORECASE)
    text = re.sub(r"<(br|/p|/li|/ul|/ol|/div)[^>]*>", "\n", text, flags=re.IGNORECASE)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def _indent(text: str, prefix: str = "    │ ") -> str:
    return "\n".join(prefix + line for line in text.strip().splitlines())


def _show_ticket(s: Scenario, v: TicketView, decision: str, echo: Echo) -> None:
    filled = ", ".join(f"{k}={val}" for k, val in sorted(v.fields.items())) or "-"
    echo(f"ticket {v.id} [{s.key}, written in {s.language}]: {decision}")
    echo(f"    tags: {' '.join(v.tags)}")
    echo(f"    group: {v.group}   status: {v.status}   fields: {filled}")
    for comment in v.comments:
        echo("    deskops wrote:")
        echo(_indent(comment))


def _chase(ws_args: list[str], env: Mapping[str, str], sandbox: RunningSandbox, cwd: Path,
           echo: Echo) -> list[dict[str, Any]]:
    """``deskops chase --json --at <sandbox time>``: one JSON object per waiting ticket."""
    at = datetime.fromtimestamp(sandbox.zendesk.clock.now(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = run([*ws_args, "chase", "--json", "--at", at], env, cwd=cwd, echo=echo, capture=True)
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    for row in rows:
        written = "sent" if row.get("written") else "nothing sent"
        echo(f"    ticket {row.get('ticket_id')}: {row.get('summary', row.get('decision'))} "
             f"({written})")
    if not rows:
        echo("    no ticket waiting")
    return rows


def run_triage_flow(sandbox: RunningSandbox, home: Path, *, echo: Echo = print,
                    section: Echo = banner) -> FlowResult:
    """Steps 1-6 for the ad network on Zendesk: receiver, workspace + knowledge base,
    webhooks, worker, tickets, a reply that completes one, the chase timeline."""
    workspace = home / "ad-network"
    shutil.copytree(AD_NETWORK, workspace, ignore=shutil.ignore_patterns("locks"))
    shutil.copytree(KB_SEEDS, workspace / "kb")
    ws = ["-w", str(workspace), "--target", "zendesk"]

    def deliveries(ticket_id: int) -> str:
        seen = [str(d.get("status")) for d in sandbox.zendesk.store.all("webhook_deliveries")
                if d.get("ticket_id") == ticket_id]
        return f" (the sandbox's webhook deliveries for {ticket_id}: {seen or 'none'})"

    with services(home, sandbox.zendesk_env()) as svc:
        section("pipeline: the webhook receiver")
        url = svc.start_receiver()
        echo(f"deskops serve is listening on {url} (events in {home.name}/events.db)")

        section("ad network on Zendesk: workspace, knowledge base, webhooks")
        prepare_account(sandbox, workspace, echo=echo, freshdesk=False)
        run([*ws, "validate"], svc.env, cwd=home, echo=echo)
        echo(digest(run([*ws, "apply", "--auto-approve"], svc.env, cwd=home, echo=echo,
                        capture=True)))
        pages = sum(1 for _ in (workspace / "kb").rglob("*.txt"))
        echo(f"seed knowledge base copied into {workspace.name}/kb/ ({pages} pages copied "
             "from the seed help centres, French and Korean; lint warnings hidden)")
        out = run([*ws, "kb", "sync", "--auto-approve"], svc.env, cwd=home, echo=echo,
                  capture=True)
        echo(_indent("\n".join(line for line in out.splitlines() if line[:1] in "+~-"
                               or line.startswith(("Published", "No changes"))), "    "))
        out = run([*ws, "kb", "sync", "--auto-approve"], svc.env, cwd=home, echo=echo,
                  capture=True)
        echo(_indent(out, "    ") + "   (the second sync writes nothing)")
        out = run([*ws, "webhooks", "install", "--url", url], svc.env, cwd=home, echo=echo,
                  capture=True)
        echo(_indent(out, "    "))
        # The worker reads the workspace and its lock file (field and form ids) when it
        # starts: it starts once the workspace is applied, as after a deploy.
        svc.start_worker(workspace, "zendesk")
        echo("deskops worker started (SQLite queue; it reads the workspace once, at start)")

        section("requesters file tickets (the sandbox calls the receiver; the worker acts)")
        people = Requesters(sandbox, workspace)
        try:
            tickets: dict[str, int] = {}
            for s in SCENARIOS:
                tickets[s.key] = people.file(s)
                how = "web form" if s.form else "no form, as from e-mail"
                echo(f"ticket {tickets[s.key]} filed in {s.language} by {s.email} ({how}): "
                     f"{s.subject}")
            latest = svc.wait_processed({tid: 1 for tid in tickets.values()}, deliveries)
            decisions = {key: [str(latest[tid].decision)] for key, tid in tickets.items()}
            for s in SCENARIOS:
                _expect(tickets[s.key], s.key, decisions[s.key][0], s.decision)

            section("what deskops did to each ticket")
            first = {s.key: people.view(tickets[s.key]) for s in SCENARIOS}
            for s in SCENARIOS:
                _show_ticket(s, first[s.key], decisions[s.key][0], echo)

            section("why: deskops explain (reads the ticket, decides, sends nothing)")
            run([*ws, "explain", str(tickets["sid-in-text"])], svc.env, cwd=home, echo=echo)

            section("the French requester answers what was asked")
            tid = tickets["sid-in-text"]
            before = len(svc.events(tid))
            echo(_indent(FR_REPLY, "    > "))
            people.reply(tid, FR_REPLY)
            done = svc.wait_processed({tid: before + 1}, deliveries)[tid]
            decisions["sid-in-text"].append(str(done.decision))
            _expect(tid, "sid-in-text", str(done.decision), "complete")
            _show_ticket(SCENARIOS[1], people.view(tid), str(done.decision), echo)

            section("chase: the sandbox clock moves on; reminders, then an auto-solve")
            echo("(a real cron runs `deskops chase` without --at; here --at tells it the "
                 "sandbox's time)")
            runs: list[list[dict[str, Any]]] = []
            for hours, label in ((25, "25 h after the requests"),
                                 (0, "the same time again (a repeated or overlapping run)"),
                                 (48, "73 h after the requests"),
                                 (48, "121 h after the requests"),
                                 (0, "the same time again")):
                sandbox.zendesk.clock.advance(hours * HOUR)
                echo(f"-- {label}")
                runs.append(_chase(ws, svc.env, sandbox, home, echo))
            by_id = {t: k for k, t in tickets.items()}
            for row in (r for batch in runs for r in batch if r.get("written")):
                decisions[by_id[int(row["ticket_id"])]].append(str(row["decision"]))
            views = {s.key: people.view(tickets[s.key]) for s in SCENARIOS}
            for key in ("missing", "missing-en"):
                _expect(tickets[key], key, " → ".join(decisions[key]),
                        "ask → remind → remind → solve")
            last = views["missing"]
            echo(f"ticket {last.id}: {len(last.comments)} messages from deskops; the last:")
            echo(_indent(last.comments[-1]))
            events = sorted(svc.store.find(limit=10000), key=lambda r: r.id)
        finally:
            people.close()
    section("pipeline stopped")
    codes = {name: int(proc.returncode) for name, proc in svc.procs.items()}
    if svc.killed:
        raise DemoError(f"deskops {' and '.join(svc.killed)} did not stop within 10 s of "
                        "SIGTERM and had to be killed")
    echo(", ".join(f"deskops {name} {_ended(code)}" for name, code in codes.items())
         + f"; {len(events)} events stored: "
         + ", ".join(f"{n} {status}" for status, n in sorted(_count(events).items())))
    return FlowResult(workspace, tickets, decisions, first, views, runs, events, codes)


def _expect(ticket_id: int, key: str, got: str, wanted: str) -> None:
    """The demo stops when deskops does not do what the scenario shows."""
    if got != wanted:
        raise DemoError(f"ticket {ticket_id} ({key}): deskops did {got!r}, the demo expects "
                        f"{wanted!r}")


def _ended(code: int) -> str:
    # uvicorn shuts down gracefully on SIGTERM, then re-raises the signal: exit -15.
    return "stopped on SIGTERM" if code in (0, -signal.SIGTERM) else f"exited {code}"


def _count(events: Sequence[EventRecord]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rec in events:
        counts[rec.status] = counts.get(rec.status, 0) + 1
    return counts


def report(result: FlowResult, echo: Echo = print) -> None:
    """The table: ticket, language, decision(s), tags, group, status."""
    rows = [("ticket", "language", "decisions", "group", "status", "tags")]
    for s in SCENARIOS:
        v = result.views[s.key]
        tags = " ".join(t for t in v.tags if not t.startswith("lang_"))
        rows.append((str(v.id), v.language, " → ".join(result.decisions[s.key]), v.group,
                     v.status, tags))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for i, r in enumerate(rows):
        echo("  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True)) + "  " + r[5])
        if i == 0:
            echo("  ".join("-" * w for w in widths) + "  " + "-" * 4)


def write_html_report(home: Path, workspace: Path, echo: Echo = print) -> Path:
    """`deskops report --html` over the flow's event store, written outside the temporary
    folder (which the demo removes) so it can be opened afterwards."""
    target = Path(tempfile.gettempdir()) / "deskops-demo-report.html"
    run(["-w", str(workspace), "report", "--since", "1d", "--html", str(target)],
        {"DESKOPS_DATABASE_URL": f"sqlite:///{home / 'events.db'}"}, echo=echo)
    return target


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the demo as Ctrl-C does: children stopped first


def main() -> int:
    started = time.monotonic()
    signal.signal(signal.SIGTERM, _interrupt)
    if not Path(DESKOPS).is_file():
        print(f"demo failed: no deskops command next to {sys.executable}; run `make demo` "
              "(it installs the package in .venv)", file=sys.stderr)
        return 1
    try:
        # Two companies, two helpdesk accounts: each example gets its own sandbox (one
        # account may hold several brands of one company, never two companies' forms).
        with tempfile.TemporaryDirectory(prefix="deskops-demo-") as tmp, \
                start_sandbox() as publisher_desk, start_sandbox() as ad_network_desk:
            home = Path(tmp)
            os.environ["DESKOPS_STATE_DIR"] = str(home / "state")  # run locks: not the user's
            banner(f"sandbox accounts: game publisher on Zendesk {publisher_desk.zendesk_url} "
                   f"and Freshdesk {publisher_desk.freshdesk_url}; ad network on Zendesk "
                   f"{ad_network_desk.zendesk_url}")
            workspace = home / "game-publisher"
            shutil.copytree(EXAMPLE, workspace, ignore=shutil.ignore_patterns("locks"))
            prepare_account(publisher_desk, workspace)
            provision(publisher_desk, workspace, home)
            result = run_triage_flow(ad_network_desk, home)
            banner("report")
            report(result)
            html = write_html_report(home, result.workspace)
    except DemoError as exc:
        print(f"demo failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not a failed step: still one line, no traceback
        print(f"demo failed: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("demo interrupted: everything it started was stopped", file=sys.stderr)
        return 130
    banner(f"done in {time.monotonic() - started:.0f} s: the game publisher on Zendesk and "
           "Freshdesk, the ad network's tickets triaged and chased on Zendesk; receiver and "
           "worker stopped, temporary folder removed")
    print(f"the HTML report of what deskops did (open it in a browser): {html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
