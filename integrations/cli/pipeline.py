"""CLI for the webhook pipeline: ``serve``, ``worker``, ``events``, ``sweep``, ``webhooks``.

Thin shells: parse, build the store / queue / helpdesk client from settings, call the
library, print one line per thing. Secrets are never printed.
"""

from __future__ import annotations

import json
import re
import signal
import socket
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

import click

from integrations.cli.main import App, pass_app, redact
from integrations.errors import ConfigError
from integrations.events import EventRecord, queue_from_settings, store_from_settings

__all__ = ["events", "serve", "sweep", "webhooks", "worker"]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_duration(text: str) -> timedelta:
    """``90s``, ``15m``, ``2h``, ``1d`` (a bare number is seconds)."""
    match = _DURATION.match(text)
    if not match:
        raise click.BadParameter(f"{text!r} is not a duration like 15m, 2h or 1d")
    value, unit = float(match.group(1)), match.group(2) or "s"
    return timedelta(seconds=value * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit])


def _when(epoch: float | None) -> str:
    if epoch is None:
        return "-"
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


#: the columns of ``events list`` (header and rows share one format).
_ROW = "{:>6}  {:<10} {:<9} {:<16} {:<14} {:>5}  {:<20}  {}"
_HEADER = _ROW.format("ID", "STATUS", "SOURCE", "KIND", "TICKET", "TRIES", "RECEIVED (UTC)",
                      "OUTCOME")


def _line(rec: EventRecord) -> str:
    outcome = rec.decision or rec.error or rec.reason or ""
    return _ROW.format(rec.id, rec.status, rec.source, rec.kind,
                       rec.ticket_id if rec.ticket_id is not None else "-", rec.attempts,
                       _when(rec.received_at), outcome).rstrip()


def _handler(app: App) -> object:
    """Triage when the workspace has forms (it needs them to know what is missing); the
    minimal language tagger otherwise (no workspace, or one without forms)."""
    from integrations.worker import LanguageTagger

    if (app.workspace / "deskops.json").is_file():
        from integrations.workspace import load

        workspace = load(app.workspace, app.target_name())
        if workspace.forms:
            from integrations.cli.triage import build_context
            from integrations.plan import lock_path
            from integrations.triage import TriageContext
            from integrations.worker.triage import TriageHandler

            def rebuild() -> TriageContext:
                return build_context(app, workspace=load(app.workspace, app.target_name()))

            # A later `deskops apply` (new ids in the lock file) or any edited workspace
            # file it reads (fields' patterns, forms, rules, templates) is picked up before
            # the next event, without restarting the worker; folders are watched whole.
            watch = [lock_path(app.workspace, app.environment()), app.workspace / "deskops.json",
                     app.workspace / "rules.json", app.workspace / "fields",
                     app.workspace / "forms", app.workspace / "templates"]
            return TriageHandler(build_context(app, workspace=workspace),
                                 rebuild=rebuild, watch=watch)
    extra = app.settings.extra
    locales = [x.strip() for x in (extra.get("DESKOPS_LOCALES") or "en,fr,ko").split(",")
               if x.strip()]
    return LanguageTagger(locales, default=extra.get("DESKOPS_DEFAULT_LOCALE") or locales[0])


_Scope = MutableMapping[str, Any]
_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_ASGI = Callable[[_Scope, _Receive, _Send], Awaitable[None]]


class DeliveryLog:
    """ASGI wrapper printing one line per webhook delivery: source, delivery id, outcome
    (the receiver's own short answer: stored event id, duplicate, or the refusal) and
    milliseconds. Request bodies are never read: they hold requester data."""

    def __init__(self, app: _ASGI, echo: Callable[[str], None]) -> None:
        self.app = app
        self.echo = echo

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not path.startswith("/webhooks/"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        answer = bytearray()

        async def capture(message: _Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body" and len(answer) < 4096:
                answer.extend(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                       for k, v in scope.get("headers", [])}
            ident = headers.get("x-zendesk-webhook-invocation-id") or "-"
            ms = (time.perf_counter() - started) * 1000
            self.echo(f"delivery {path.rsplit('/', 1)[-1]} id={ident}: {status} "
                      f"{_outcome(bytes(answer))} ({ms:.0f} ms)")


def _outcome(answer: bytes) -> str:
    """The receiver's answer in a few words (``stored event 12``, ``duplicate event 12``)."""
    try:
        data = json.loads(answer or b"{}")
    except ValueError:
        return "-"
    if not isinstance(data, dict):
        return "-"
    if "event_id" in data:
        return f"{data.get('status', 'stored')} event {data['event_id']}"
    return str(data.get("error") or data.get("status") or "-")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int,
              help="Port to listen on (0: any free port; the line printed names it).")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              envvar="DESKOPS_SERVE_PROCESSES",
              help="Receiver processes accepting on the one socket, each with its own "
                   "writer; the parent restarts one that dies (docs/deployment.md).")
@click.option("--dashboard", is_flag=True,
              help="Also serve the dashboard (needs DESKOPS_DASHBOARD_TOKEN) on its own port.")
@click.option("--dashboard-host", default="127.0.0.1", show_default=True)
@click.option("--dashboard-port", default=8081, show_default=True, type=int,
              help="Port of the dashboard (0: any free port; the line printed names it).")
@click.option("--read-timeout", default=10.0, show_default=True,
              type=click.FloatRange(0.1, 300),
              help="Seconds a client has to send a whole request (headers and body); a "
                   "slower one is disconnected.")
@pass_app
def serve(app: App, host: str, port: int, processes: int, dashboard: bool,
          dashboard_host: str, dashboard_port: int, read_timeout: float) -> None:
    """Receive helpdesk webhooks (uvicorn); events are stored before the 202.

    Prints where it listens; with ``-v`` one line per delivery (id, outcome, ms). With
    ``--dashboard``, the dashboard listens on its own socket (docs/report.md); with
    ``--processes N`` it is served by the first receiver process only."""
    from integrations.webhooks import receiver_config

    config = receiver_config(app.settings)
    config.store.setup()  # fail now, in one line, if the store is unreachable
    if dashboard:  # its token is checked before anything listens
        _dashboard_app(app, config)
    if processes > 1:  # the children open their own connections (none crosses a fork)
        config.store.close()
        if config.queue is not None:
            config.queue.close()
    sock, bound, shown = _listen(host, port, "--port")
    click.echo(f"deskops receiver listening on http://{shown}:{bound} (webhooks at "
               "/webhooks/zendesk and /webhooks/freshdesk; /healthz, /readyz, /metrics)"
               + (f"; {processes} processes" if processes > 1 else ""))
    click.echo(f"store: {redact(app.settings.database_url)}; secrets: "
               f"{app.settings.webhook_secrets_file}")
    inner: tuple[socket.socket, int] | None = None
    if dashboard:
        inner_sock, inner_port, inner_shown = _listen(dashboard_host, dashboard_port,
                                                      "--dashboard-port")
        click.echo(f"dashboard on http://{inner_shown}:{inner_port}/ (sign in with "
                   "DESKOPS_DASHBOARD_TOKEN)")
        inner = (inner_sock, inner_port)
    if processes == 1:
        _serve_one(app, config, sock, inner, read_timeout)
        return
    from integrations.webhooks.processes import supervise

    def child(slot: int) -> None:
        if inner is not None and slot != 0:
            inner[0].close()  # the dashboard is the first process's alone
        _serve_one(app, receiver_config(app.settings), sock,
                   inner if slot == 0 else None, read_timeout)

    def restarted(slot: int, pid: int) -> None:
        click.echo(f"receiver process {slot} restarted (pid {pid})", err=True)

    supervise(processes, child, restarted)


def _dashboard_app(app: App, config: Any) -> Any:
    """The dashboard's ASGI app (raises now when its token is missing)."""
    from integrations.cli.report import report_title
    from integrations.dashboard import create_dashboard, dashboard_config

    return create_dashboard(dashboard_config(app.settings, store=config.store,
                                             queue=config.queue, title=report_title(app)))


def _serve_one(app: App, config: Any, sock: socket.socket,
               inner: tuple[socket.socket, int] | None, read_timeout: float) -> None:
    """One receiver process on the listening socket (and the dashboard's, if given)."""
    import uvicorn

    from integrations.webhooks import create_app
    from integrations.webhooks.health import ReceiverHealth
    from integrations.webhooks.read_timeout import read_timeout_protocol
    from integrations.webhooks.writer import tune_process

    asgi: Any = ReceiverHealth(create_app(config), config.store)  # for `deskops report`
    if app.verbose:
        asgi = DeliveryLog(asgi, lambda line: click.echo(line))
    sockets = [sock]
    if inner is not None:
        from integrations.dashboard import by_port

        asgi = by_port({inner[1]: _dashboard_app(app, config)}, default=asgi)
        sockets.append(inner[0])
    server = uvicorn.Server(uvicorn.Config(asgi, log_level="warning", access_log=False,
                                           server_header=False,
                                           http=read_timeout_protocol(read_timeout)))
    tune_process()  # process-wide, so here (a receiver process) and not by the app
    server.run(sockets=sockets)


def _listen(host: str, port: int, option: str) -> tuple[socket.socket, int, str]:
    """A listening socket, its port (``port`` 0: any free one) and the host as printed."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY only on sockets whose proto says TCP,
    # and without it every response waits ~40 ms on Nagle and delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # connections wait in the backlog from the moment the line prints
    except OSError as exc:
        sock.close()
        raise ConfigError(f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}; "
                          f"choose another {option}") from exc
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    return sock, int(sock.getsockname()[1]), shown


@click.command()
@click.option("--concurrency", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker threads in this process (run more processes to scale out).")
@click.option("--once", is_flag=True, help="Stop when nothing is left to do (cron, tests).")
@click.option("--nice", "niceness", type=click.IntRange(0, 19), default=None,
              help="Lower this process's CPU priority by N (0 keeps it; default "
                   "DESKOPS_WORKER_NICE or 10): on a host shared with `deskops serve`, the "
                   "receiver's acks win the CPU during a burst, and the workers still get "
                   "all the CPU it leaves idle.")
@pass_app
def worker(app: App, concurrency: int, once: bool, niceness: int | None) -> None:
    """Process stored events: fetch each ticket, decide, update it once."""
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.worker import DEFAULT_NICE, Handler, Worker, lower_priority

    settings = app.settings
    if niceness is None:
        raw = (settings.extra.get("DESKOPS_WORKER_NICE") or "").strip()
        try:
            niceness = int(raw) if raw else DEFAULT_NICE
        except ValueError:
            raise ConfigError(f"DESKOPS_WORKER_NICE must be a whole number from 0 to 19, "
                              f"got {raw!r}") from None
        if not 0 <= niceness <= 19:
            raise ConfigError(f"DESKOPS_WORKER_NICE must be from 0 to 19, got {raw!r}")
    lowered = lower_priority(niceness)
    if lowered is not None:
        click.echo(f"worker CPU priority lowered: nice {lowered} (--nice 0 keeps it)")
    store = store_from_settings(settings)
    store.setup()
    handler: Handler = _handler(app)  # type: ignore[assignment]
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    def report(rec: EventRecord, ms: float) -> None:
        outcome = rec.decision or (f"failed, retried later: {rec.error}" if rec.error else "-")
        click.echo(f"event {rec.id} ticket {rec.ticket_id if rec.ticket_id is not None else '-'}"
                   f": {outcome} ({ms:.0f} ms)")

    loops = [Worker(store, queue_from_settings(settings), connect_tickets(settings, app.target),
                    handler, on_done=report) for _ in range(concurrency)]
    threads = [threading.Thread(target=w.run, kwargs={"stop": stop, "until_idle": once},
                                daemon=True) for w in loops]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.5)
    for loop in loops:
        loop.desk.close()
    click.echo(f"processed {sum(w.processed for w in loops)} events")


@click.group()
def events() -> None:
    """What arrived, what was done, what failed and why."""


@events.command("list")
@click.option("--status", type=click.Choice(["queued", "processing", "retry", "done", "dead",
                                             "ignored"]))
@click.option("--ticket", type=int, help="Only this ticket id.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_app
def events_list(app: App, status: str | None, ticket: int | None, limit: int,
                as_json: bool) -> None:
    """Newest events first (a header line, then one line per event)."""
    store = store_from_settings(app.settings)
    records = store.find(status=status, ticket_id=ticket, limit=limit)
    if not as_json:
        click.echo(_HEADER)
    for rec in records:
        click.echo(json.dumps(rec.as_dict()) if as_json else _line(rec))


@events.command("show")
@click.argument("event_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@pass_app
def events_show(app: App, event_id: int, as_json: bool) -> None:
    """Everything stored about one event (ids, times, decision, reason, error)."""
    rec = store_from_settings(app.settings).get(event_id)
    if rec is None:
        raise ConfigError(f"event {event_id}: no such event (see `deskops events list`)")
    if as_json:
        click.echo(json.dumps(rec.as_dict(), ensure_ascii=False, indent=2))
        return
    for key, value in rec.as_dict().items():
        if key.endswith(("_at", "_until", "not_before")) and isinstance(value, float):
            value = _when(value)
        audit = _audit(value) if key == "reason" else None
        if audit is None:
            click.echo(f"{key:<18} {value if value is not None else '-'}")
            continue
        click.echo(f"{key:<18} (the triage decision, as recorded)")
        for name, part in audit.items():
            shown = part if isinstance(part, str) else json.dumps(part, ensure_ascii=False)
            click.echo(f"  {name:<16} {shown}")


def _audit(value: object) -> dict[str, Any] | None:
    """A reason holding the worker's audit JSON, as a dict (None for plain text)."""
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


@events.command("retry")
@click.argument("event_ids", type=int, nargs=-1)
@click.option("--all-dead", is_flag=True, help="Every dead-lettered event.")
@pass_app
def events_retry(app: App, event_ids: tuple[int, ...], all_dead: bool) -> None:
    """Bring dead-lettered (or waiting) events back to the queue now."""
    store = store_from_settings(app.settings)
    queue = queue_from_settings(app.settings)
    ids = list(event_ids)
    if all_dead:
        ids += [r.id for r in store.find(status="dead", limit=100000)]
    if not ids:
        raise click.UsageError("give EVENT_ID(s) or --all-dead")
    missing = []
    for event_id in ids:
        rec = store.retry(event_id)
        if rec is None:
            missing.append(event_id)
            continue
        queue.put(rec.id)
        click.echo(f"event {event_id}: queued again")
    if missing:
        raise ConfigError(f"event(s) {', '.join(map(str, missing))}: not dead or waiting "
                          "for a retry (see `deskops events show`)")


@events.command("purge")
@click.option("--requester", type=int, help="Erase every event of this requester id.")
@click.option("--expired", is_flag=True,
              help="Erase finished events older than DESKOPS_EVENTS_RETENTION_DAYS (30).")
@pass_app
def events_purge(app: App, requester: int | None, expired: bool) -> None:
    """Erase one person's traces, or apply the retention period."""
    from integrations.events import DEFAULT_RETENTION_DAYS, setting_number

    if requester is None and not expired:
        raise click.UsageError("give --requester ID or --expired")
    store = store_from_settings(app.settings)
    if requester is not None:
        click.echo(f"erased {store.purge_requester(requester)} events of requester {requester}")
    if expired:
        days = setting_number(app.settings, "DESKOPS_EVENTS_RETENTION_DAYS",
                              DEFAULT_RETENTION_DAYS)
        click.echo(f"erased {store.purge_expired(days)} events older than {days:g} days")


@click.command()
@click.option("--since", "window", default="1h", show_default=True,
              help="Look at tickets updated in this window (15m, 2h, 1d).")
@pass_app
def sweep(app: App, window: str) -> None:
    """Enqueue tickets whose events never arrived or never finished (for cron)."""
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.worker.sweep import sweep as run_sweep

    since = datetime.now(UTC) - parse_duration(window)
    store = store_from_settings(app.settings)
    store.setup()  # a wrong DESKOPS_DATABASE_URL fails now, even when no ticket changed
    with connect_tickets(app.settings, app.target) as desk:
        report = run_sweep(store, queue_from_settings(app.settings), desk, since)
    click.echo(str(report))


@click.group()
def webhooks() -> None:
    """The helpdesk side of the pipeline: webhook, signing secret, triggers."""


@webhooks.command("install")
@click.option("--url", required=True, help="Public base URL of `deskops serve`.")
@pass_app
def webhooks_install(app: App, url: str) -> None:
    """Create or update the webhook and triggers (Zendesk) or automation rules (Freshdesk)."""
    install_webhooks(app, url, param_hint="--url")


def install_webhooks(app: App, url: str, *, param_hint: str) -> None:
    """`webhooks install`, also run by ``apply --webhook-url``: idempotent, one line each."""
    from integrations.webhooks import secret_book
    from integrations.webhooks.install import install

    if not url.startswith(("https://", "http://")):
        raise click.BadParameter(f"{url!r} must be an http(s) URL", param_hint=param_hint)
    for line in install(app.settings, app.target_name(), url, secret_book(app.settings)):
        click.echo(line)
