"""Small pieces both adapters share: the locale mapping and the `Check` of ``deskops doctor``.

Locales: workspaces use lower-case BCP 47 tags (``en``, ``fr``, ``ko``, ``pt-br``); each
helpdesk spells some of them differently. This table is the one place that knows how.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from integrations.model import Target

__all__ = ["Check", "HookSpec", "from_vendor_locale", "redact_url", "to_vendor_locale",
           "zendesk_pages"]

#: workspace locale -> helpdesk locale, where they differ by more than letter case.
#: Freshdesk's own codes (``default_language`` choices in its API reference): most are bare
#: languages, a few carry a region whatever the workspace writes (``ru-RU``, ``sv-SE``,
#: ``ja-JP``, ``nb-NO``, ``lv-LV``, ``es-LA``); its bare ``ru``, ``ja``, ``no`` and
#: ``es-419`` are test languages, never the ones to use.
_TO_VENDOR: dict[Target, dict[str, str]] = {
    "zendesk": {"en": "en-US", "pt-br": "pt-BR", "pt": "pt-BR"},
    "freshdesk": {"pt-br": "pt-BR", "pt": "pt-PT", "ru": "ru-RU", "sv": "sv-SE",
                  "ja": "ja-JP", "nb": "nb-NO", "no": "nb-NO", "lv": "lv-LV",
                  "es-419": "es-LA", "es-la": "es-LA", "zh": "zh-CN"},
}


def to_vendor_locale(target: Target, locale: str) -> str:
    """``en`` -> ``en-US`` on Zendesk; ``ru`` -> ``ru-RU`` on Freshdesk; ``pt-br`` ->
    ``pt-BR`` on both."""
    key = locale.lower()
    if key in _TO_VENDOR[target]:
        return _TO_VENDOR[target][key]
    lang, _, region = key.partition("-")
    return f"{lang}-{region.upper()}" if region else lang


def from_vendor_locale(target: Target, locale: str, wanted: Iterable[str] = ()) -> str:
    """The workspace spelling of a helpdesk locale (``en-US`` -> ``en`` on Zendesk).

    When ``wanted`` (the workspace's locales) is given, a helpdesk locale that maps to one of
    them by the table or by letter case wins; otherwise the lower-cased tag is returned.
    """
    for ws, vendor in _TO_VENDOR[target].items():
        if vendor.lower() == locale.lower() and (not wanted or ws in wanted):
            return ws
    for ws in wanted:
        if to_vendor_locale(target, ws).lower() == locale.lower():
            return ws
    return locale.lower()


@dataclass(frozen=True)
class Check:
    """One line of ``deskops doctor``: what was checked, whether it passed, and why.

    A skipped check (nothing to check here, e.g. no ``kb/`` folder) counts as passed.
    """

    name: str
    ok: bool
    detail: str
    skipped: bool = False

    @classmethod
    def skip(cls, name: str, why: str) -> Check:
        return cls(name, True, why, skipped=True)

    def __str__(self) -> str:
        status = "skip" if self.skipped else "ok  " if self.ok else "FAIL"
        return f"{status} {self.name}: {self.detail}"


@dataclass(frozen=True)
class HookSpec:
    """What ``deskops webhooks install`` set up, as ``doctor`` looks for it in the helpdesk.

    ``endpoint`` is the receiver URL deliveries must go to; ``rules`` the Zendesk trigger
    titles (kind 0) or Freshdesk automation rules as (automation type, name).
    """

    endpoint: str
    name: str
    rules: tuple[tuple[int, str], ...]


def redact_url(url: str) -> str:
    """``url`` as doctor prints it: without userinfo or query (either may carry a secret)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        return "(unparseable URL)"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


#: Zendesk pages: "Returns a maximum of 100 records per page" on every list.
MAX_PAGES = 1000


def zendesk_pages(get: Callable[[str], Any], url: str, key: str) -> Iterator[dict[str, Any]]:
    """Every record of a Zendesk list, following ``links.next`` (cursor, while
    ``meta.has_more``) or ``next_page`` (offset). One page would hide deskops's own triggers
    on an account with more than 100 of them (and install would duplicate them)."""
    seen: set[str] = set()
    next_url: str | None = url
    while next_url and next_url not in seen and len(seen) < MAX_PAGES:
        seen.add(next_url)
        page = get(next_url) or {}
        yield from (row for row in page.get(key) or () if isinstance(row, dict))
        links, meta = page.get("links") or {}, page.get("meta") or {}
        if meta.get("has_more") and links.get("next"):
            next_url = str(links["next"])
        else:
            next_url = page.get("next_page") or None
