"""HTML from outside never carries script to the helpdesk (allowlist, after rendering)."""

from __future__ import annotations

import pytest

from integrations.kb.sanitize import sanitize


@pytest.mark.parametrize("dirty, forbidden", [
    ('<p>hi<script>alert(1)</script></p>', "alert"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html,<script>1</script>">x</a>', "data:"),
    ('<img src=x onerror="alert(1)">', "onerror"),
    ('<p onclick="steal()">x</p>', "onclick"),
    ('<iframe src="https://evil.example"></iframe>', "iframe"),
    ('<svg><script>alert(1)</script><circle onload="x()"/></svg>', "svg"),
    ('<style>body{display:none}</style>', "display"),
    ('<object data="x.swf"></object><embed src="x">', "swf"),
    ('<form action="https://evil"><input name=p></form>', "form"),
    ('<p style="background:url(javascript:x)">x</p>', "style"),
])
def test_dangerous_markup_is_removed(dirty: str, forbidden: str) -> None:
    assert forbidden.lower() not in sanitize(dirty).lower()


def test_allowed_markup_survives_and_sanitising_is_idempotent() -> None:
    html = ('<h2>T</h2><p>a <strong>b</strong> <a href="https://x.example/p?q=1">l</a> '
            '<a href="mailto:a@b.example">m</a></p><ul><li>i</li></ul>'
            '<img src="https://x.example/i.png" alt="i"><a href="kb:other">o</a>')
    once = sanitize(html)
    assert 'href="https://x.example/p?q=1"' in once and "<ul><li>i</li></ul>" in once
    assert 'href="kb:other"' in once
    assert sanitize(once) == once
