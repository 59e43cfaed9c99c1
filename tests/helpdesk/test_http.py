"""The shared HTTP layer over real sockets: retries, budgets, Retry-After, credential guard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from integrations.errors import (
    AuthError,
    ConfigError,
    Conflict,
    RateLimited,
    Rejected,
    Unavailable,
)
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    RetryPolicy,
    endpoint_label,
    map_http_error,
    parse_retry_after,
)
from integrations.helpdesk.freshdesk import FreshdeskHelpdesk
from integrations.helpdesk.zendesk import ZendeskHelpdesk
from integrations.settings import Secret, Settings

from .stub import Answer, StubServer

FAST = RetryPolicy(attempts=5, max_wait=0.2, budget=2.0, backoff=0.01)


@pytest.fixture
def stub() -> Iterator[StubServer]:
    server = StubServer()
    yield server
    server.close()


@pytest.fixture
def evil() -> Iterator[StubServer]:
    server = StubServer()
    yield server
    server.close()


def _session(stub: StubServer, policy: RetryPolicy = FAST) -> HelpdeskSession:
    return HelpdeskSession(stub.url, vendor="Test", retry=policy)


def test_parse_retry_after_accepts_int_fraction_and_date() -> None:
    assert parse_retry_after("2") == 2.0
    assert parse_retry_after("0.25") == 0.25
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_endpoint_label_drops_ids_and_json() -> None:
    assert endpoint_label("https://a.zendesk.com/api/v2/ticket_fields/12/options/7.json?x=1") \
        == "/api/v2/ticket_fields/{id}/options/{id}"


def test_429_storm_with_fractional_retry_after_is_retried(stub: StubServer) -> None:
    stub.answer(*[Answer(429, {}, {"Retry-After": "0.05"})] * 3)
    session = _session(stub)
    assert session.get(f"{stub.url}/api/v2/x").json() == {"ok": True}
    assert session.calls.retries == 3 and session.calls.rate_limited == 3
    assert session.calls.reads == 4
    assert session.calls.by_endpoint["GET /api/v2/x"] == 4


def test_5xx_and_then_success(stub: StubServer) -> None:
    stub.answer(Answer(503, {}), Answer(500, {}))
    session = _session(stub)
    assert session.put(f"{stub.url}/api/v2/x", json={}).status_code == 200
    assert session.calls.retries == 2 and session.calls.rate_limited == 0
    assert session.calls.writes == 3


@pytest.mark.parametrize("method", ["POST", "PATCH", "PUT-once"])
def test_a_write_that_may_have_happened_is_not_repeated(stub: StubServer, method: str) -> None:
    """A 5xx after a POST (or a PUT marked `once`, e.g. one adding a comment) may follow a
    committed write: one attempt, raised as uncertain so the caller re-reads."""
    stub.answer(Answer(502, {}))
    session = _session(stub)
    verb = method.split("-")[0]
    with pytest.raises(HTTPStatusError) as info:
        if method.endswith("once"):
            with session.once():
                session.request(verb, f"{stub.url}/api/v2/x", json={})
        else:
            session.request(verb, f"{stub.url}/api/v2/x", json={})
    assert info.value.uncertain and info.value.status == 502
    assert len(stub.seen) == 1 and session.calls.retries == 0
    error = map_http_error(info.value, vendor="Zendesk", what="reply on ticket 7", reason="",
                           details=None, credential="token", check="X", budget=2.0)
    assert "may or may not have happened, so it was not repeated" in str(error)


def test_a_write_is_repeated_after_a_429(stub: StubServer) -> None:
    """429 means the helpdesk refused the request before doing anything: safe to repeat."""
    stub.answer(Answer(429, {}, {"Retry-After": "0.01"}))
    session = _session(stub)
    assert session.post(f"{stub.url}/api/v2/x", json={}).status_code == 200
    assert len(stub.seen) == 2 and session.calls.rate_limited == 1


def test_a_write_is_repeated_when_it_never_reached_the_server() -> None:
    """Connection refused: nothing was sent, so a POST is retried (and counted)."""
    server = StubServer()
    url = server.url
    server.close()
    session = _session(server)
    with pytest.raises(ConnectionFailed) as info:
        session.post(f"{url}/api/v2/x", json={})
    assert not info.value.uncertain and info.value.attempts == FAST.attempts
    assert session.calls.retries == FAST.attempts - 1


def test_retries_say_what_they_wait_for(stub: StubServer,
                                        caplog: pytest.LogCaptureFixture) -> None:
    stub.answer(Answer(503, {}), Answer(429, {}, {"Retry-After": "0.05"}))
    with caplog.at_level("INFO", logger="deskops.http"):
        _session(stub).get(f"{stub.url}/api/v2/x")
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith("Test unavailable (503), retry 2/5 in ")
    assert lines[1].startswith("Test rate limit reached (429), retry 3/5 in 0.05 s")
    assert all("(retry budget 2s" in line for line in lines)


def test_rate_limit_failure_names_the_limit_hit(stub: StubServer) -> None:
    """A Retry-After above the longest wait is not "the budget": say which limit it was."""
    stub.default = Answer(429, {}, {"Retry-After": "48"})
    with pytest.raises(HTTPStatusError) as info:
        _session(stub, RetryPolicy(max_wait=30, budget=120)).get(f"{stub.url}/api/v2/x")
    error = map_http_error(info.value, vendor="Freshdesk", what="ticket 3", reason="",
                           details=None, credential="key", check="X", budget=120)
    assert str(error) == (
        "Freshdesk kept rate-limiting ticket 3 (429, Retry-After 48s) beyond the longest "
        "wait allowed: it asked for 48s, DESKOPS_RETRY_MAX_WAIT is 30s: try again later")
    stub.default = Answer(429, {}, {"Retry-After": "0.01"})
    with pytest.raises(HTTPStatusError) as info:
        _session(stub).get(f"{stub.url}/api/v2/x")
    assert "beyond the retry attempts (5, DESKOPS_RETRY_ATTEMPTS is 5)" in info.value.limit


def test_4xx_is_not_retried(stub: StubServer) -> None:
    stub.answer(Answer(422, {"error": "RecordInvalid"}))
    with pytest.raises(HTTPStatusError) as info:
        _session(stub).get(f"{stub.url}/api/v2/x")
    assert info.value.status == 422 and len(stub.seen) == 1


def test_attempts_exhausted_gives_the_last_429(stub: StubServer) -> None:
    stub.default = Answer(429, {}, {"Retry-After": "0.01"})
    with pytest.raises(HTTPStatusError) as info:
        _session(stub).get(f"{stub.url}/api/v2/x")
    assert info.value.status == 429 and info.value.attempts == 5 and len(stub.seen) == 5


def test_retry_after_beyond_the_cap_gives_up_at_once(stub: StubServer) -> None:
    stub.default = Answer(429, {}, {"Retry-After": "60"})
    with pytest.raises(HTTPStatusError):
        _session(stub).get(f"{stub.url}/api/v2/x")
    assert len(stub.seen) == 1


def test_budget_stops_before_sleeping_past_it(stub: StubServer) -> None:
    stub.default = Answer(429, {}, {"Retry-After": "0.2"})
    policy = RetryPolicy(attempts=100, max_wait=0.2, budget=0.5, backoff=0.01)
    with pytest.raises(HTTPStatusError):
        _session(stub, policy).get(f"{stub.url}/api/v2/x")
    assert 2 <= len(stub.seen) <= 4  # 0.2 s waits within a 0.5 s budget


def test_connection_refused_becomes_unavailable() -> None:
    server = StubServer()
    url = server.url
    server.close()
    settings = Settings(target="freshdesk", freshdesk_api_key=Secret("k"),
                        sandbox_freshdesk_url=url)
    helpdesk = FreshdeskHelpdesk(settings=settings, retry=FAST)
    with pytest.raises(Unavailable, match="could not be reached"):
        helpdesk.read_state()
    assert helpdesk.calls.retries == 4


def test_session_refuses_other_origins(stub: StubServer, evil: StubServer) -> None:
    session = _session(stub)
    session.auth = ("user", "secret")
    with pytest.raises(ConfigError, match="refusing to send Test credentials"):
        session.get(f"{evil.url}/api/v2/x")
    with pytest.raises(ConfigError):
        session.get(stub.url.replace("http://", "https://") + "/api/v2/x")
    assert evil.seen == []


def _zendesk_settings(url: str, **kw: object) -> Settings:
    base: dict[str, object] = {"zendesk_subdomain": "acme", "zendesk_email": "admin@acme.test",
                               "zendesk_api_token": Secret("tok-123"),
                               "sandbox_zendesk_url": url}
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


def test_stray_zenpy_force_netloc_does_not_redirect_credentials(
        stub: StubServer, evil: StubServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZENPY_FORCE_NETLOC", evil.netloc)
    monkeypatch.setenv("ZENPY_FORCE_SCHEME", "http")
    helpdesk = ZendeskHelpdesk(settings=_zendesk_settings(stub.url), retry=FAST)
    with pytest.raises(ConfigError, match="refusing to send Zendesk credentials"):
        helpdesk.read_state()
    assert evil.seen == [] and stub.seen == []


def test_zendesk_host_is_rewritten_to_the_configured_sandbox(stub: StubServer) -> None:
    stub.answer(Answer(200, {"user": {"id": 1, "role": "admin"}}),
                Answer(200, {"ticket_forms": [], "next_page": None}),
                Answer(200, {"locales": [{"id": 1, "locale": "en-US", "name": "English"}]}))
    helpdesk = ZendeskHelpdesk(settings=_zendesk_settings(stub.url), retry=FAST)
    assert [c.ok for c in helpdesk.check(["en"])] == [True, True, True]
    assert stub.seen and all(s.path.startswith("/api/v2/") for s in stub.seen)
    assert stub.seen[0].authorization and stub.seen[0].authorization.startswith("Basic ")


def test_zendesk_401_is_one_line_without_the_secret(stub: StubServer) -> None:
    stub.default = Answer(401, {"error": "Couldn't authenticate you"})
    helpdesk = ZendeskHelpdesk(settings=_zendesk_settings(stub.url), retry=FAST)
    with pytest.raises(AuthError) as info:
        helpdesk.read_state()
    assert str(info.value) == ("Zendesk rejected the credential for admin@acme.test "
                               "(401 Couldn't authenticate you): check ZENDESK_API_TOKEN")
    assert "tok-123" not in str(info.value)
    assert len(stub.seen) == 1


def test_zendesk_exhausted_429_is_rate_limited(stub: StubServer) -> None:
    stub.default = Answer(429, {}, {"Retry-After": "0.01"})
    helpdesk = ZendeskHelpdesk(settings=_zendesk_settings(stub.url), retry=FAST)
    with pytest.raises(RateLimited) as info:
        helpdesk.read_state()
    assert info.value.retry_after == 0.01 and "beyond the retry attempts (5, " in str(info.value)


def test_freshdesk_422_details_are_in_the_message(stub: StubServer) -> None:
    stub.answer(Answer(400, {"description": "Validation failed", "errors": [
        {"field": "label", "message": "It should be a/an String", "code": "datatype_mismatch"}]}))
    settings = Settings(target="freshdesk", freshdesk_api_key=Secret("k"),
                        sandbox_freshdesk_url=stub.url)
    helpdesk = FreshdeskHelpdesk(settings=settings, retry=FAST)
    with pytest.raises(Rejected) as info:
        helpdesk.delete_form(5)
    assert str(info.value) == ("Freshdesk rejected ticket form 5 (delete): "
                               "label: It should be a/an String")


def test_freshdesk_409_duplicate_value_is_not_a_concurrent_change(stub: StubServer) -> None:
    stub.answer(Answer(409, {"description": "Validation failed", "errors": [
        {"field": "name", "message": "It should be a unique value", "code": "duplicate_value"}]}))
    settings = Settings(target="freshdesk", freshdesk_api_key=Secret("k"),
                        sandbox_freshdesk_url=stub.url)
    with pytest.raises(Conflict) as info:
        FreshdeskHelpdesk(settings=settings, retry=FAST).delete_form(5)
    assert "already taken (name: It should be a unique value)" in str(info.value)
    assert "changed meanwhile" not in str(info.value)


def test_zendesk_newer_error_bodies_keep_their_reason(stub: StubServer) -> None:
    """Webhooks and newer endpoints answer ``{"errors": [{code, title, detail}]}``."""
    stub.answer(Answer(400, {"errors": [{"code": "InvalidEndpoint", "title": "Invalid endpoint",
                                         "detail": "endpoint must use https"}]}))
    with pytest.raises(Rejected) as info:
        ZendeskHelpdesk(settings=_zendesk_settings(stub.url), retry=FAST).read_state()
    assert str(info.value).endswith("endpoint must use https")


def test_missing_credentials_name_the_variables() -> None:
    with pytest.raises(ConfigError, match="ZENDESK_EMAIL \\+ ZENDESK_API_TOKEN"):
        ZendeskHelpdesk(settings=Settings(zendesk_subdomain="acme"))
    with pytest.raises(ConfigError, match="ZENDESK_OAUTH_CLIENT_SECRET is not set"):
        ZendeskHelpdesk(settings=Settings(zendesk_subdomain="acme",
                                          zendesk_oauth_client_id="c"))
    with pytest.raises(ConfigError, match="FRESHDESK_API_KEY"):
        FreshdeskHelpdesk(settings=Settings(freshdesk_domain="acme"))


def test_doctor_prints_one_line_per_check_and_fails_on_missing_locale(
        stub: StubServer, tmp_path: Path) -> None:
    from integrations.cli.main import cli

    (tmp_path / "deskops.json").write_text(json.dumps({"locales": ["en", "ko"]}))
    stub.answer(Answer(200, {"user": {"id": 1, "role": "admin"}}),
                Answer(403, {"error": "Forbidden", "description": "forms off"}),
                Answer(200, {"locales": [{"id": 1, "locale": "en-US", "name": "English"}]}))
    env = {"DESKOPS_TARGET": "zendesk", "ZENDESK_SUBDOMAIN": "acme",
           "ZENDESK_EMAIL": "admin@acme.test", "ZENDESK_API_TOKEN": "tok-123",
           "DESKOPS_SANDBOX_ZENDESK_URL": stub.url, "DESKOPS_RETRY_ATTEMPTS": "1"}
    result = CliRunner().invoke(cli, ["-w", str(tmp_path), "doctor"], env=env)
    lines = result.output.splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == 5 and "tok-123" not in result.output
    assert lines[3:] == ["skip guide locales: the workspace has no kb/ folder",
                         "skip webhook receiver: no receiver URL (--webhook-url or "
                         "DESKOPS_WEBHOOK_URL)"]
    assert lines[0].startswith("ok   credential")
    assert lines[1] == ("FAIL ticket forms: ticket forms are not on this plan (403): "
                        "upgrade the plan or provision fields only")
    assert lines[2].startswith("FAIL locales: workspace locale(s) ko not enabled")
