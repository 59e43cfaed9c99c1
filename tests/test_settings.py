"""Settings: environment parsing, secret handling, and the explicit sandbox switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.errors import ConfigError
from integrations.settings import Secret, load_settings


def test_secrets_never_show_in_repr_or_str() -> None:
    settings = load_settings({"ZENDESK_API_TOKEN": "s3cr3t-token", "FRESHDESK_API_KEY": "k3y"},
                             dotenv=None)
    assert settings.zendesk_api_token is not None
    assert settings.zendesk_api_token.reveal() == "s3cr3t-token"
    for text in (repr(settings), str(settings), f"{settings.zendesk_api_token}"):
        assert "s3cr3t-token" not in text
        assert "k3y" not in text


def test_secret_from_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "token"
    secret_file.write_text("from-file\n", encoding="utf-8")
    settings = load_settings({"ZENDESK_API_TOKEN_FILE": str(secret_file)}, dotenv=None)
    assert settings.zendesk_api_token == Secret("from-file")


def test_unreadable_secret_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ZENDESK_API_TOKEN_FILE: cannot read"):
        load_settings({"ZENDESK_API_TOKEN_FILE": str(tmp_path / "missing")}, dotenv=None)


def test_bad_target_is_rejected() -> None:
    with pytest.raises(ConfigError, match="DESKOPS_TARGET must be"):
        load_settings({"DESKOPS_TARGET": "jira"}, dotenv=None)


def test_real_hosts_are_https_and_sandbox_is_explicit() -> None:
    real = load_settings({"ZENDESK_SUBDOMAIN": "acme", "FRESHDESK_DOMAIN": "acme"}, dotenv=None)
    assert real.zendesk_base_url() == "https://acme.zendesk.com"
    assert real.freshdesk_base_url() == "https://acme.freshdesk.com"
    sandbox = load_settings({"ZENDESK_SUBDOMAIN": "acme",
                             "DESKOPS_SANDBOX_ZENDESK_URL": "http://127.0.0.1:8801/"}, dotenv=None)
    assert sandbox.zendesk_base_url() == "http://127.0.0.1:8801"


def test_subdomain_must_not_be_a_url() -> None:
    with pytest.raises(ConfigError, match="account name only"):
        load_settings({"ZENDESK_SUBDOMAIN": "https://acme.zendesk.com"}, dotenv=None)


def test_sandbox_url_must_be_http() -> None:
    with pytest.raises(ConfigError, match="DESKOPS_SANDBOX_FRESHDESK_URL must be"):
        load_settings({"DESKOPS_SANDBOX_FRESHDESK_URL": "ftp://x"}, dotenv=None)


def test_missing_subdomain_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="ZENDESK_SUBDOMAIN is not set"):
        load_settings({}, dotenv=None).zendesk_base_url()


def test_dotenv_fills_only_unset_variables(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("DESKOPS_TARGET=freshdesk\nZENDESK_SUBDOMAIN=fromfile\n", encoding="utf-8")
    settings = load_settings({"ZENDESK_SUBDOMAIN": "fromenv"}, dotenv=dotenv)
    assert settings.target == "freshdesk"
    assert settings.zendesk_subdomain == "fromenv"
