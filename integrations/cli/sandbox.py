"""``deskops sandbox``: run the Zendesk and Freshdesk emulators until Ctrl-C."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from types import FrameType

import click

from integrations.errors import ConfigError

__all__ = ["sandbox"]

_ZENDESK_PLANS = ["team", "growth", "professional", "enterprise", "high_volume"]
_FRESHDESK_PLANS = ["trial", "growth", "pro", "enterprise"]


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops the sandbox like Ctrl-C (clean shutdown under a process manager)."""
    raise KeyboardInterrupt


@click.command("sandbox")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--zendesk-port", type=int, default=8801, show_default=True,
              help="Port of the Zendesk emulator (0: any free port).")
@click.option("--freshdesk-port", type=int, default=8802, show_default=True,
              help="Port of the Freshdesk emulator (0: any free port).")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SQLite file keeping the state across restarts (default: in memory).")
@click.option("--plan", type=click.Choice(_ZENDESK_PLANS), default=None,
              help="Zendesk plan preset: rate limit and features (default professional; "
                   "team has no ticket forms).")
@click.option("--freshdesk-plan", type=click.Choice(_FRESHDESK_PLANS), default=None,
              help="Freshdesk plan preset (default pro).")
def sandbox(host: str, zendesk_port: int, freshdesk_port: int, state: Path | None,
            plan: str | None, freshdesk_plan: str | None) -> None:
    """Run local Zendesk and Freshdesk emulators (the embedded helpdesk) until Ctrl-C."""
    from integrations.sandbox import OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET
    from integrations.sandbox.server import start_sandbox

    try:
        running = start_sandbox(state, zendesk_port, freshdesk_port, host=host,
                                zendesk_plan=plan, freshdesk_plan=freshdesk_plan)
    except OSError as exc:
        raise ConfigError(f"sandbox: cannot listen on {host} (ports {zendesk_port}, "
                          f"{freshdesk_port}): {exc.strerror or exc}; try other ports with "
                          "--zendesk-port/--freshdesk-port") from exc
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        click.echo(f"Zendesk   sandbox: {running.zendesk_url}  (plan {running.zendesk.plan.name})")
        click.echo(f"Freshdesk sandbox: {running.freshdesk_url}  "
                   f"(plan {running.freshdesk.plan.name})")
        click.echo(f"State: {state if state else 'in memory'}; controls (reset, clock, "
                   f"faults, request log): GET {running.zendesk_url}/_sandbox/ lists them.")
        click.echo("\n# Fixed, public sandbox credentials (not secrets). Set these to use it:")
        for key, value in {**running.zendesk_env(), **running.freshdesk_env()}.items():
            if key != "DESKOPS_TARGET":
                click.echo(f"export {key}={value}")
        click.echo(f"# OAuth client credentials: ZENDESK_OAUTH_CLIENT_ID={OAUTH_CLIENT_ID} "
                   f"ZENDESK_OAUTH_CLIENT_SECRET={OAUTH_CLIENT_SECRET}")
        click.echo("\nPress Ctrl-C to stop.")
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        click.echo("stopping")
    finally:
        running.stop()
