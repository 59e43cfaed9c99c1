"""Zendesk signature verification against fixed known-answer vectors.

The expected signatures were computed outside Python, with OpenSSL, e.g.::

    printf '%s' "$TIMESTAMP$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64

so a mistake shared by the receiver and the sandbox's signer cannot pass unnoticed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from integrations.webhooks.signature import (
    SIGNED_MESSAGE_ORDER,
    SignatureError,
    freshdesk_secret_matches,
    verify_zendesk,
    zendesk_signature,
)

SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3RpbmdfcHVycG9zZXNfb25seQ=="
STAMP = "2024-05-01T12:00:00Z"
BODY = b'{"ticket_id":"42","updated_at":"2024-05-01T11:59:58Z","event":"ticket_created"}'
# openssl: TIMESTAMP + BODY, key = SECRET
KNOWN = "scYpiw18mW5bjhOWS6ZLJYzoA7T6AhU1CXxT3Jmcxoc="

OLD_SECRET = "old-secret-1"
STAMP2 = "2023-10-25T09:17:43Z"
BODY2 = b'{"a":1}'
KNOWN2 = "v9kfUdcIOBOedffDg2Tyu/8/yRpYwbyREHOPDsuqlpo="  # TIMESTAMP + BODY
KNOWN2_REVERSED = "hrZGPzsP+JfE184IA2cR+R9TLh+mvUnWfmVa8eUuT48="  # BODY + TIMESTAMP (wrong)

NOW = datetime(2024, 5, 1, 12, 1, 0, tzinfo=UTC)


def test_order_is_timestamp_then_body() -> None:
    assert SIGNED_MESSAGE_ORDER == ("timestamp", "body")


@pytest.mark.parametrize(("secret", "stamp", "body", "expected"), [
    (SECRET, STAMP, BODY, KNOWN),
    (OLD_SECRET, STAMP2, BODY2, KNOWN2),
])
def test_known_answer_vectors(secret: str, stamp: str, body: bytes, expected: str) -> None:
    assert zendesk_signature(secret, stamp, body) == expected
    assert zendesk_signature(secret, stamp, body) != KNOWN2_REVERSED


def test_verify_accepts_known_vector() -> None:
    verify_zendesk([SECRET], signature=KNOWN, timestamp=STAMP, body=BODY, now=NOW)


def test_body_then_timestamp_is_rejected() -> None:
    with pytest.raises(SignatureError, match="does not match"):
        verify_zendesk([OLD_SECRET], signature=KNOWN2_REVERSED, timestamp=STAMP2, body=BODY2,
                       now=datetime(2023, 10, 25, 9, 18, tzinfo=UTC))


def test_rotation_accepts_old_and_new_secret() -> None:
    now2 = datetime(2023, 10, 25, 9, 18, tzinfo=UTC)
    verify_zendesk(["brand-new", OLD_SECRET], signature=KNOWN2, timestamp=STAMP2, body=BODY2,
                   now=now2)
    with pytest.raises(SignatureError):
        verify_zendesk(["brand-new"], signature=KNOWN2, timestamp=STAMP2, body=BODY2, now=now2)


@pytest.mark.parametrize("mutate", [
    lambda b: b + b" ",
    lambda b: b.replace(b"42", b"43"),
    lambda b: b[:-1],
])
def test_any_body_change_fails(mutate: object) -> None:
    assert callable(mutate)
    with pytest.raises(SignatureError, match="does not match"):
        verify_zendesk([SECRET], signature=KNOWN, timestamp=STAMP, body=mutate(BODY), now=NOW)


def test_timestamp_is_signed_too() -> None:
    with pytest.raises(SignatureError, match="does not match"):
        verify_zendesk([SECRET], signature=KNOWN, timestamp="2024-05-01T12:00:01Z", body=BODY,
                       now=NOW)


@pytest.mark.parametrize("offset", [301, -301, 86400])
def test_stale_or_future_timestamp_is_rejected(offset: int) -> None:
    with pytest.raises(SignatureError, match="window 300s"):
        verify_zendesk([SECRET], signature=KNOWN, timestamp=STAMP, body=BODY,
                       now=datetime(2024, 5, 1, 12, 0, tzinfo=UTC) + timedelta(seconds=offset))


def test_window_is_configurable() -> None:
    later = datetime(2024, 5, 1, 12, 0, tzinfo=UTC) + timedelta(seconds=301)
    verify_zendesk([SECRET], signature=KNOWN, timestamp=STAMP, body=BODY, now=later,
                   window_seconds=600)


@pytest.mark.parametrize(("signature", "stamp", "reason"), [
    (None, STAMP, "missing X-Zendesk-Webhook-Signature header"),
    (KNOWN, None, "missing X-Zendesk-Webhook-Signature-Timestamp header"),
    (KNOWN, "yesterday", "not ISO-8601"),
    ("not base64 ✓", STAMP, "does not match"),
])
def test_malformed_headers(signature: str | None, stamp: str | None, reason: str) -> None:
    with pytest.raises(SignatureError, match=reason):
        verify_zendesk([SECRET], signature=signature, timestamp=stamp, body=BODY, now=NOW)


def test_no_secret_known() -> None:
    with pytest.raises(SignatureError, match="no signing secret"):
        verify_zendesk([], signature=KNOWN, timestamp=STAMP, body=BODY, now=NOW)


def test_freshdesk_secret_header() -> None:
    assert freshdesk_secret_matches(["s3cret", "old"], "old")
    assert not freshdesk_secret_matches(["s3cret"], "s3cret ")
    assert not freshdesk_secret_matches(["s3cret"], None)
    assert not freshdesk_secret_matches([""], "")
