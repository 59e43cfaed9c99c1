"""Database and queue URLs as messages may show them: the password masked at the source.

``DESKOPS_DATABASE_URL`` / ``DESKOPS_QUEUE_URL`` may carry a password
(``postgresql://deskops:s3cret@db/deskops``, ``redis://:s3cret@cache:6379/0``, or libpq's
``?password=``). Every message that names such a URL goes through `masked_url`, so no
caller has to remember (the CLI's own redaction stays a last guard, not the only one).
"""

from __future__ import annotations

import re

__all__ = ["masked_url"]

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_PASSWORD_PARAM = re.compile(r"(?i)([?&]password=)[^&#]*")


def masked_url(url: str) -> str:
    """``url`` with its password shown as ``***``: ``scheme://user:***@host/...``.

    The user info ends at the LAST ``@`` (a password may hold an unescaped ``@`` or ``/``):
    masking too much is harmless, showing a piece of a password is not.
    """
    head = _SCHEME.match(url)
    text = url
    if head:
        rest = url[head.end():]
        at = rest.rfind("@")
        if at >= 0 and ":" in rest[:at]:
            user = rest[:at].split(":", 1)[0]
            text = f"{head.group(0)}{user}:***@{rest[at + 1:]}"
    return _PASSWORD_PARAM.sub(r"\g<1>***", text)
