"""HTML sanitising to the helpdesks' allowlist, after Markdown rendering.

Content comes from outside (scraped pages, translators, old helpdesks): whatever it holds,
no script, event handler, frame, SVG, style or ``javascript:`` URL reaches the helpdesk.
`nh3` (Rust's ammonia) parses like a browser and keeps only the allowlist below, which is
the common subset of Zendesk Guide's and Freshdesk's safe-HTML lists. Sanitising is
idempotent, so sanitising an exported body again yields the same bytes (round trips stay
no-ops).
"""

from __future__ import annotations

import nh3

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_TAGS", "URL_SCHEMES", "sanitize"]

ALLOWED_TAGS: frozenset[str] = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "ol": {"start"},
}

#: ``kb`` is deskops's own placeholder for links between articles (rewritten at apply time).
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel", "kb"})


def sanitize(html: str) -> str:
    """Keep only allowlisted tags, attributes and URL schemes; drop script/style contents."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    ).strip()
