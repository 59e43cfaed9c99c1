"""Zendesk uploads and ticket attachments, as ``Attaching ticket comments with the API``
describes them.

    POST   /api/v2/uploads?filename=x[&token=t]   raw bytes (Content-Type: the file's type);
                                                  201 {"upload": {token, attachment,
                                                  attachments}}; ``token`` adds to an upload
    DELETE /api/v2/uploads/{token}                204 (an upload not yet attached)
    GET    /api/v2/attachments/{id}               {"attachment": {...}}
    GET    /attachments/token/{token}/?name=x     the file's bytes (``content_url``)

A comment with ``"uploads": [token, ...]`` (ticket create/update, a requester's reply)
consumes the tokens: their files become that comment's ``attachments`` (`consume`). A
token is valid for 3 days; an unknown or used token is a 422 on the comment.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, invalid, ok

__all__ = ["ROUTES", "SEEDERS", "consume", "views"]

UPLOADS = "uploads"
ATTACHMENTS = "attachments"
TOKEN_DAYS = 3


def _view(request: Request, a: Record) -> dict[str, Any]:
    """An attachment as ``AttachmentObject`` (the bytes stay in the store)."""
    url = (f"{str(request.base_url).rstrip('/')}/attachments/token/{a['download']}/"
           f"?name={a['file_name']}")
    return {"id": a["id"], "file_name": a["file_name"], "content_type": a["content_type"],
            "content_url": url, "mapped_content_url": url, "size": a["size"],
            "inline": False, "deleted": False, "thumbnails": [],
            "malware_access_override": False, "malware_scan_result": "malware_not_found",
            "url": api_url(request, f"/api/v2/attachments/{a['id']}")}


async def upload(request: Request) -> Response:
    emu = emulator(request)
    name = request.query_params.get("filename", "").strip()
    if not name:
        raise BadRequest("filename is required", code="InvalidValue", field="filename")
    data = await request.body()
    token = request.query_params.get("token") or secrets.token_urlsafe(12)
    current = next((u for u in emu.store.all(UPLOADS) if u["token"] == token), None)
    if current is None:
        current = emu.store.insert(UPLOADS, {"token": token, "attachment_ids": [],
                                             "expires": emu.clock.now() + TOKEN_DAYS * 86400,
                                             "used": False})
    elif current["used"]:
        raise Invalid([invalid("token", "Token: has already been used")])
    attachment = emu.store.insert(ATTACHMENTS, {
        "file_name": name, "size": len(data),
        "content_type": request.headers.get("content-type") or "application/binary",
        "content": base64.b64encode(data).decode("ascii"),
        "download": secrets.token_urlsafe(16)})
    current["attachment_ids"].append(attachment["id"])
    emu.store.put(UPLOADS, current)
    views = [_view(request, a) for a in _attachments(emu, current)]
    return ok({"upload": {"token": token, "attachment": _view(request, attachment),
                          "attachments": views}}, 201)


def _attachments(emu: Emulator, u: Record) -> list[Record]:
    return [a for a in (emu.store.get(ATTACHMENTS, i) for i in u["attachment_ids"]) if a]


async def delete_upload(request: Request) -> Response:
    emu = emulator(request)
    token = request.path_params["token"]
    current = next((u for u in emu.store.all(UPLOADS) if u["token"] == token), None)
    if current is None or current["used"]:
        raise NotFound()
    for a in _attachments(emu, current):
        emu.store.delete(ATTACHMENTS, a["id"])
    emu.store.delete(UPLOADS, current["id"])
    return Response(status_code=204)


async def show(request: Request) -> Response:
    emu = emulator(request)
    found = emu.store.get(ATTACHMENTS, path_id(request))
    if found is None:
        raise NotFound()
    return ok({"attachment": _view(request, found)})


async def download(request: Request) -> Response:
    emu = emulator(request)
    key = request.path_params["token"]
    found = next((a for a in emu.store.all(ATTACHMENTS) if a["download"] == key), None)
    if found is None:
        raise NotFound()
    return Response(base64.b64decode(found["content"]), media_type=found["content_type"])


def consume(emu: Emulator, tokens: Any) -> list[int]:
    """The attachment ids of a comment's ``uploads`` tokens, which are used up (422 for an
    unknown, expired or used token)."""
    if tokens is None:
        return []
    if not isinstance(tokens, list):
        raise Invalid([invalid("uploads", "Uploads: must be a list of tokens")])
    out: list[int] = []
    for token in tokens:
        current = next((u for u in emu.store.all(UPLOADS) if u["token"] == token), None)
        if current is None or current["used"] or current["expires"] < emu.clock.now():
            raise Invalid([invalid("uploads", f"Uploads: token {token} is not valid")])
        current["used"] = True
        emu.store.put(UPLOADS, current)
        out += [int(a["id"]) for a in _attachments(emu, current)]
    return out


def views(emu: Emulator, request: Request, ids: Any) -> list[dict[str, Any]]:
    """The ``attachments`` of a comment that stored ``ids``."""
    found = (emu.store.get(ATTACHMENTS, int(i)) for i in ids or [])
    return [_view(request, a) for a in found if a is not None]


SEEDERS: dict[str, Any] = {}

ROUTES = [
    Route("/api/v2/uploads", upload, methods=["POST"]),
    Route("/api/v2/uploads/{token}", delete_upload, methods=["DELETE"]),
    Route("/api/v2/attachments/{id}", show, methods=["GET"]),
    Route("/attachments/token/{token}/", download, methods=["GET"]),
]
