"""Helpdesk adapter fixtures on the shared sandbox (root ``sandbox`` fixture, real HTTP)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from integrations.helpdesk._http import RetryPolicy
from integrations.settings import Secret, Settings

FAST = RetryPolicy(attempts=6, max_wait=0.5, budget=5.0, backoff=0.01)


class Control:
    """The sandbox's ``/_sandbox`` controls for one vendor, over plain HTTP."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        response = requests.request(method, f"{self.base}/_sandbox{path}", json=body, timeout=10)
        response.raise_for_status()
        return response.json()

    def reset(self) -> None:
        self._call("POST", "/reset")

    def faults(self, **faults: Any) -> None:
        self._call("PUT", "/faults", faults)

    def advance(self, seconds: float) -> None:
        self._call("POST", "/clock", {"advance": seconds})

    def requests(self, **query: str) -> list[dict[str, Any]]:
        params = "&".join(f"{k}={v}" for k, v in query.items())
        return list(self._call("GET", f"/requests?{params}")["requests"])

    def fastest_plan(self) -> None:
        info = self._call("GET", "/plan")
        self._call("PUT", "/plan", {"plan": list(info["plans"])[-1]})


@pytest.fixture
def zendesk_settings(sandbox: Any) -> Settings:
    from integrations import sandbox as sb

    return Settings(target="zendesk", zendesk_subdomain=sb.SUBDOMAIN,
                    zendesk_email=sb.ADMIN_EMAIL, zendesk_api_token=Secret(sb.API_TOKEN),
                    sandbox_zendesk_url=sandbox.zendesk_url)


@pytest.fixture
def freshdesk_settings(sandbox: Any) -> Settings:
    from integrations import sandbox as sb

    return Settings(target="freshdesk", freshdesk_domain=sb.FRESHDESK_DOMAIN,
                    freshdesk_api_key=Secret(sb.FRESHDESK_API_KEY),
                    sandbox_freshdesk_url=sandbox.freshdesk_url)


@pytest.fixture
def zd(sandbox: Any) -> Iterator[Control]:
    control = Control(sandbox.zendesk_url)
    control.reset()
    yield control
    control.reset()


@pytest.fixture
def fd(sandbox: Any) -> Iterator[Control]:
    control = Control(sandbox.freshdesk_url)
    control.reset()
    yield control
    control.reset()
