"""Freshdesk attachments: tickets, replies and notes sent as ``multipart/form-data``.

The docs' "Create a Ticket With Attachment", "Reply to a ticket" and "Create a Note": the
same attributes as the JSON body, as form fields (``tags[]``, ``cc_emails[]`` repeated,
``custom_fields[cf_x]``, ``private=true``), plus ``attachments[]`` files (20 MB in all).
Each file becomes an attachment object ``{id, name, content_type, size, attachment_url,
created_at, updated_at}`` on the ticket or the conversation; ``attachment_url`` serves the
bytes.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, NotFound
from integrations.sandbox.core.http import emulator, read_json

__all__ = ["ROUTES", "read_body"]

FILES = "fd_attachments"
MAX_BYTES = 20 * 1024 * 1024
#: Form fields that are numbers in the JSON body.
_NUMBERS = frozenset({"status", "priority", "source", "group_id", "responder_id",
                      "requester_id", "product_id", "email_config_id", "company_id",
                      "form_id", "user_id"})
#: Form fields that are booleans in the JSON body (``true``/``false``).
_BOOLEANS = frozenset({"private", "incoming"})


def _view(request: Request, f: dict[str, Any]) -> dict[str, Any]:
    base = str(request.base_url).rstrip("/")
    return {"id": f["id"], "name": f["name"], "content_type": f["content_type"],
            "size": f["size"], "created_at": f["created_at"], "updated_at": f["created_at"],
            "attachment_url": f"{base}/_sandbox/freshdesk/attachments/{f['key']}"}


async def read_body(request: Request) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The request's attributes (JSON or multipart form) and its stored attachments."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return await read_json(request), []
    emu = emulator(request)
    form = await request.form()
    data: dict[str, Any] = {}
    files: list[UploadFile] = []
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key != "attachments[]":
                raise BadRequest("files go in attachments[]", code="invalid_field", field=key)
            files.append(value)
        elif key.endswith("[]"):
            data.setdefault(key[:-2], []).append(value)
        elif key.startswith("custom_fields[") and key.endswith("]"):
            data.setdefault("custom_fields", {})[key[14:-1]] = value
        elif key in _BOOLEANS:
            if value not in ("true", "false"):
                raise BadRequest("It should be a/an Boolean", code="datatype_mismatch",
                                 field=key)
            data[key] = value == "true"
        elif key in _NUMBERS:
            try:
                data[key] = int(value)
            except ValueError:
                raise BadRequest("It should be a/an Positive Integer", code="datatype_mismatch",
                                 field=key) from None
        else:
            data[key] = value
    stored, total = [], 0
    for upload in files:
        content = await upload.read()
        total += len(content)
        if total > MAX_BYTES:
            raise BadRequest("The cumulative size of all attachments must not exceed 20 MB",
                             code="invalid_size", field="attachments")
        stored.append(_view(request, _store(emu, upload, content)))
    return data, stored


def _store(emu: Emulator, upload: UploadFile, content: bytes) -> dict[str, Any]:
    return emu.store.insert(FILES, {
        "name": upload.filename or "file", "size": len(content),
        "content_type": upload.content_type or "application/octet-stream",
        "content": base64.b64encode(content).decode("ascii"),
        "key": secrets.token_urlsafe(16), "created_at": emu.clock.iso()})


async def download(request: Request) -> Response:
    emu = emulator(request)
    found = next((f for f in emu.store.all(FILES) if f["key"] == request.path_params["key"]),
                 None)
    if found is None:
        raise NotFound()
    return Response(base64.b64decode(found["content"]), media_type=found["content_type"])


ROUTES = [Route("/_sandbox/freshdesk/attachments/{key}", download, methods=["GET"])]
