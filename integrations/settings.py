"""Settings from environment variables (and an optional ``.env`` file).

Secrets come only from the environment or from a file named by ``<NAME>_FILE``; they are
wrapped in `Secret`, whose ``repr``/``str`` never reveal the value, so a stray print or
log line cannot leak them. Pointing a client at anything but the vendor's HTTPS host is
only possible through the explicitly named ``DESKOPS_SANDBOX_*_URL`` variables.

State is not workspace: webhook secrets, the SQLite event store and queue, and the run
locks live in a state folder (``DESKOPS_STATE_DIR``, default the platform's user state
folder, e.g. ``~/.local/state/deskops``), so nothing deskops writes into a workspace is a
secret or requester data, and everything it writes there is safe to commit.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import platformdirs

from integrations.errors import ConfigError
from integrations.model import Target

__all__ = ["Secret", "Settings", "default_state_dir", "load_settings"]


class Secret:
    """A credential; only `reveal()` gives the value, for the one call that needs it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    target: Target = "zendesk"
    workspace: Path = Path(".")
    zendesk_subdomain: str | None = None
    zendesk_email: str | None = None
    zendesk_api_token: Secret | None = None
    zendesk_oauth_token: Secret | None = None
    zendesk_oauth_client_id: str | None = None
    zendesk_oauth_client_secret: Secret | None = None
    freshdesk_domain: str | None = None
    freshdesk_api_key: Secret | None = None
    #: Base URLs of a `deskops sandbox`; the only way to use plain HTTP or another host.
    sandbox_zendesk_url: str | None = None
    sandbox_freshdesk_url: str | None = None
    #: secrets, event store, queue, run locks: never inside the workspace.
    state_dir: Path = field(default_factory=lambda: default_state_dir())
    database_url: str = ""
    queue_url: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.state_dir}/events.db")
        if not self.queue_url:
            object.__setattr__(self, "queue_url", f"sqlite:///{self.state_dir}/queue.db")

    @property
    def webhook_secrets_file(self) -> Path:
        """``DESKOPS_WEBHOOK_SECRETS_FILE``, else ``webhook-secrets.json`` in the state folder."""
        named = self.extra.get("DESKOPS_WEBHOOK_SECRETS_FILE")
        return Path(named) if named else self.state_dir / "webhook-secrets.json"

    def zendesk_base_url(self) -> str:
        """``https://SUB.zendesk.com``, or the sandbox URL when explicitly configured."""
        if self.sandbox_zendesk_url:
            return self.sandbox_zendesk_url.rstrip("/")
        if not self.zendesk_subdomain:
            raise ConfigError("ZENDESK_SUBDOMAIN is not set (or set DESKOPS_SANDBOX_ZENDESK_URL "
                              "to use a local `deskops sandbox`)")
        return f"https://{self.zendesk_subdomain}.zendesk.com"

    def freshdesk_base_url(self) -> str:
        """``https://DOMAIN.freshdesk.com``, or the sandbox URL when explicitly configured."""
        if self.sandbox_freshdesk_url:
            return self.sandbox_freshdesk_url.rstrip("/")
        if not self.freshdesk_domain:
            raise ConfigError("FRESHDESK_DOMAIN is not set (or set DESKOPS_SANDBOX_FRESHDESK_URL "
                              "to use a local `deskops sandbox`)")
        domain = self.freshdesk_domain
        if "." not in domain:
            domain = f"{domain}.freshdesk.com"
        return f"https://{domain}"


_SECRETS = (
    "ZENDESK_API_TOKEN", "ZENDESK_OAUTH_TOKEN", "ZENDESK_OAUTH_CLIENT_SECRET", "FRESHDESK_API_KEY",
)


def default_state_dir(env: Mapping[str, str] | None = None) -> Path:
    """``DESKOPS_STATE_DIR`` (from ``env``, default the process environment), else the
    platform's user state folder for deskops. Absolute, so a later ``cd`` changes nothing."""
    source = os.environ if env is None else env
    named = (source.get("DESKOPS_STATE_DIR") or "").strip()
    path = Path(named).expanduser() if named else Path(platformdirs.user_state_dir("deskops"))
    return path.absolute()


def _read(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name)
    if value:
        return value.strip()
    path = env.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{name}_FILE: cannot read {path}: {exc.strerror}") from exc
    return None


def _secret(env: Mapping[str, str], name: str) -> Secret | None:
    value = _read(env, name)
    return Secret(value) if value else None


def _sandbox_url(env: Mapping[str, str], name: str) -> str | None:
    value = _read(env, name)
    if value and not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http:// or https:// URL, got {value!r}")
    return value


def load_settings(
    env: Mapping[str, str] | None = None, *, dotenv: Path | None = Path(".env")
) -> Settings:
    """Read settings; a ``.env`` file fills only variables the environment does not set."""
    merged: dict[str, str] = {}
    if dotenv is not None and dotenv.is_file():
        from dotenv import dotenv_values

        merged.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
    merged.update(os.environ if env is None else env)

    target = (merged.get("DESKOPS_TARGET") or "zendesk").strip().lower()
    if target not in ("zendesk", "freshdesk"):
        raise ConfigError(f"DESKOPS_TARGET must be 'zendesk' or 'freshdesk', got {target!r}")
    subdomain = _read(merged, "ZENDESK_SUBDOMAIN")
    if subdomain and ("/" in subdomain or ":" in subdomain):
        raise ConfigError("ZENDESK_SUBDOMAIN is the account name only (e.g. 'acme'), not a URL")
    return Settings(
        target=cast(Target, target),
        workspace=Path(merged.get("DESKOPS_WORKSPACE") or "."),
        zendesk_subdomain=subdomain,
        zendesk_email=_read(merged, "ZENDESK_EMAIL"),
        zendesk_api_token=_secret(merged, "ZENDESK_API_TOKEN"),
        zendesk_oauth_token=_secret(merged, "ZENDESK_OAUTH_TOKEN"),
        zendesk_oauth_client_id=_read(merged, "ZENDESK_OAUTH_CLIENT_ID"),
        zendesk_oauth_client_secret=_secret(merged, "ZENDESK_OAUTH_CLIENT_SECRET"),
        freshdesk_domain=_read(merged, "FRESHDESK_DOMAIN"),
        freshdesk_api_key=_secret(merged, "FRESHDESK_API_KEY"),
        sandbox_zendesk_url=_sandbox_url(merged, "DESKOPS_SANDBOX_ZENDESK_URL"),
        sandbox_freshdesk_url=_sandbox_url(merged, "DESKOPS_SANDBOX_FRESHDESK_URL"),
        state_dir=default_state_dir(merged),
        database_url=merged.get("DESKOPS_DATABASE_URL") or "",
        queue_url=merged.get("DESKOPS_QUEUE_URL") or "",
        extra={k: v for k, v in merged.items() if k.startswith("DESKOPS_") and k not in _SECRETS},
    )
