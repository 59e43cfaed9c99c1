"""Root fixtures: a real sandbox helpdesk (both emulators) on free loopback ports.

Fixtures (stable; other test packages rely on them):

* ``sandbox`` (session): a `RunningSandbox` — ``.zendesk_url``, ``.freshdesk_url``,
  ``.zendesk`` / ``.freshdesk`` control handles (`Emulator`: ``reset()``, ``seed()``,
  ``set_plan()``, ``set_faults()``, ``clock``, ``log``), ``.zendesk_env()``,
  ``.freshdesk_env()``. Plans: Zendesk ``enterprise`` (700/min, ticket forms), Freshdesk
  ``enterprise`` (700/min), so a busy test session rarely meets the limit by accident.
* ``fresh_sandbox`` (function): the same object, reset first (fresh account, empty
  request log, no faults, real clock, default plans of the session).
* ``zendesk_env`` / ``freshdesk_env`` (function): the environment variables a client needs
  (``DESKOPS_TARGET``, ``DESKOPS_SANDBOX_*_URL``, credentials), on a freshly reset sandbox.

Count writes server-side with ``fresh_sandbox.zendesk.log.writes("/api/v2/ticket_fields")``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from integrations.sandbox.server import RunningSandbox, start_sandbox

SESSION_PLANS = {"zendesk": "enterprise", "freshdesk": "enterprise"}

# `deskops worker` lowers its own CPU priority (--nice, default 10); tests that call it in
# this process would lower pytest's, for the rest of the session. The test of the default
# (tests/pipeline/test_cli_pipeline.py) runs the worker as a process without this.
os.environ.setdefault("DESKOPS_WORKER_NICE", "0")


@pytest.fixture(scope="session")
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(zendesk_plan=SESSION_PLANS["zendesk"],
                            freshdesk_plan=SESSION_PLANS["freshdesk"])
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def fresh_sandbox(sandbox: RunningSandbox) -> RunningSandbox:
    sandbox.reset()
    sandbox.zendesk.set_plan(SESSION_PLANS["zendesk"])
    sandbox.freshdesk.set_plan(SESSION_PLANS["freshdesk"])
    return sandbox


@pytest.fixture
def zendesk_env(fresh_sandbox: RunningSandbox) -> dict[str, str]:
    return fresh_sandbox.zendesk_env()


@pytest.fixture
def freshdesk_env(fresh_sandbox: RunningSandbox) -> dict[str, str]:
    return fresh_sandbox.freshdesk_env()


@pytest.fixture(autouse=True)
def _state_dir(tmp_path_factory: pytest.TempPathFactory,
               monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own state folder (secrets, event store, queue, run locks), so no
    test writes to the user's real one or sees another test's."""
    monkeypatch.setenv("DESKOPS_STATE_DIR", str(tmp_path_factory.mktemp("state")))
