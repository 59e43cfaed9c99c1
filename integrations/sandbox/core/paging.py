"""Pagination as each vendor does it.

Zendesk: cursor pagination (``page[size]`` ≤ 100, ``page[after]``/``page[before]``,
``meta.has_more``, absolute ``links.next``) ordered by id; offset pagination
(``page``/``per_page`` with ``next_page``/``previous_page``/``count``, 400 past 10,000
records); or, for small lists, everything at once.
Freshdesk: ``page``/``per_page`` (default 30, max 100) with a ``Link: <...>; rel="next"``
header while more pages exist.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import Any

from starlette.requests import Request

from integrations.sandbox.core.errors import BadRequest
from integrations.sandbox.core.store import Record

__all__ = ["freshdesk_page", "zendesk_page"]

OFFSET_LIMIT = 10_000


def _int_param(request: Request, name: str, default: int, *, code: str,
               field: str | None = None, low: int = 1, high: int | None = None,
               message: str | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if value < low or (high is not None and value > high):
        bound = f" and at most {high}" if high is not None else ""
        raise BadRequest(message or f"{name} must be an integer of at least {low}{bound}",
                         code=code, field=field or name)
    return value


def _encode(id_: int) -> str:
    return base64.urlsafe_b64encode(f"id:{id_}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, value = text.partition(":")
        if kind != "id":
            raise ValueError(text)
        return int(value)
    except ValueError:
        raise BadRequest("the cursor is not valid", code="InvalidPaginationParameter",
                         field="page[after]") from None


def zendesk_page(request: Request, items: Sequence[Record], key: str,
                 render: Callable[[Record], dict[str, Any]], *,
                 unpaginated: bool = True,
                 order: Callable[[Record], Any] | None = None,
                 guide: tuple[str, str] | None = None,
                 cursor_only: bool = False) -> dict[str, Any]:
    """One page of ``items`` as Zendesk answers a list request. ``guide=(sort_by,
    sort_order)`` is the Help Center's envelope: cursor pages add ``links.first`` and
    ``links.last``; offset pages (30 by default) add ``page``, ``per_page``,
    ``page_count``, ``sort_by`` and ``sort_order``. ``cursor_only`` lists (webhooks) answer
    cursor pages even without ``page[size]``."""
    q = request.query_params
    if cursor_only or any(k in q for k in ("page[size]", "page[after]", "page[before]")):
        size = _int_param(request, "page[size]", 100, code="InvalidPaginationParameter",
                          high=100, message="page[size] must be between 1 and 100")
        by_id = sorted(items, key=lambda r: int(r["id"]))
        if "page[before]" in q:
            before = _decode(q["page[before]"])
            earlier = [r for r in by_id if r["id"] < before]
            page = earlier[-size:]
            has_more = len(earlier) > size
        else:
            after = _decode(q["page[after]"]) if "page[after]" in q else None
            later = [r for r in by_id if after is None or r["id"] > after]
            page = later[:size]
            has_more = len(later) > size
        after_cursor = _encode(page[-1]["id"]) if page else None
        before_cursor = _encode(page[0]["id"]) if page else None
        base = request.url.remove_query_params(["page[after]", "page[before]", "page[size]"])

        def link(param: str, cursor: str | None) -> str | None:
            if cursor is None:
                return None
            return str(base.include_query_params(**{param: cursor, "page[size]": size}))

        body: dict[str, Any] = {
            key: [render(r) for r in page],
            "meta": {"has_more": has_more, "after_cursor": after_cursor,
                     "before_cursor": before_cursor},
            "links": {"next": link("page[after]", after_cursor) if has_more else None,
                      "prev": link("page[before]", before_cursor)},
        }
        if guide is not None:
            past_end = _encode(int(by_id[-1]["id"]) + 1) if by_id else None
            body["links"] = {
                "first": str(base.include_query_params(**{"page[size]": size})),
                "last": link("page[before]", past_end) or str(
                    base.include_query_params(**{"page[size]": size})),
                **body["links"]}
        return body
    ordered = sorted(items, key=order or (lambda r: int(r["id"])))
    if not unpaginated or "page" in q or "per_page" in q:
        per_page = _int_param(request, "per_page", 30 if guide else 100,
                              code="InvalidPaginationParameter", high=100)
        page_no = _int_param(request, "page", 1, code="InvalidPaginationParameter")
        start = (page_no - 1) * per_page
        if start + per_page > OFFSET_LIMIT:
            raise BadRequest("Offset pagination is limited to the first 10000 records; use "
                             "cursor pagination instead", code="InvalidPaginationParameter",
                             field="page")
        chunk = ordered[start:start + per_page]
        base = request.url.remove_query_params(["page", "per_page"])

        def page_url(n: int) -> str:
            return str(base.include_query_params(page=n, per_page=per_page))

        body = {
            key: [render(r) for r in chunk],
            "next_page": page_url(page_no + 1) if start + per_page < len(ordered) else None,
            "previous_page": page_url(page_no - 1) if page_no > 1 else None,
            "count": len(ordered),
        }
        if guide is not None:
            body.update({"page": page_no, "per_page": per_page,
                         "page_count": max(1, -(-len(ordered) // per_page)),
                         "sort_by": guide[0], "sort_order": guide[1]})
        return body
    return {key: [render(r) for r in ordered], "next_page": None, "previous_page": None,
            "count": len(ordered)}


def freshdesk_page(request: Request,
                   items: Sequence[Record]) -> tuple[list[Record], dict[str, str]]:
    """The records of the requested page, and the ``Link`` header if a next page exists."""
    message = "It should be a Positive Integer less than or equal to 100"
    per_page = _int_param(request, "per_page", 30, code="invalid_value", high=100,
                          message=message)
    page_no = _int_param(request, "page", 1, code="invalid_value",
                         message="It should be a Positive Integer")
    start = (page_no - 1) * per_page
    chunk = list(items[start:start + per_page])
    headers: dict[str, str] = {}
    if start + per_page < len(items):
        url = request.url.remove_query_params(["page", "per_page"]).include_query_params(
            page=page_no + 1, per_page=per_page)
        headers["Link"] = f'<{url}>; rel="next"'
    return chunk, headers
