"""``/_sandbox/...``: the emulator's controls over HTTP (same as the Python methods).

``GET /_sandbox/`` lists them (`CONTROLS`, also documented in ``docs/sandbox.md``):

    GET    /_sandbox/                            this list
    POST   /_sandbox/reset                       fresh account, empty log, no faults, real clock
    GET    /_sandbox/clock                       {"now", "epoch", "frozen"}
    POST   /_sandbox/clock                       {"advance": s} | {"freeze": true, "at"?: epoch}
                                                 | {"unfreeze": true} | {"real": true}
    GET|PUT|DELETE /_sandbox/faults              see `core.faults.Faults` for the keys
    GET|PUT /_sandbox/plan                       {"plan": "team"}
    GET|DELETE /_sandbox/requests                ?method=&path=&write=true|false
    POST   /_sandbox/seed/{collection}           {"objects": [...]} -> {"objects": [...]}
    GET    /_sandbox/objects/{collection}        raw stored records
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.sandbox.core.errors import BadRequest
from integrations.sandbox.core.faults import Faults
from integrations.sandbox.core.http import emulator, query_bool, read_json

__all__ = ["CONTROLS", "ROUTES"]

#: (methods, path, what it does): the index `GET /_sandbox/` answers with.
CONTROLS: list[tuple[str, str, str]] = [
    ("GET", "/_sandbox/", "this list of controls"),
    ("POST", "/_sandbox/reset", "fresh account: empty store and request log, no faults, "
                                "real clock"),
    ("GET|POST", "/_sandbox/clock", 'read the clock; POST {"advance": seconds} | {"freeze": '
                                    'true, "at"?: epoch} | {"unfreeze": true} | {"real": true}'),
    ("GET|PUT|DELETE", "/_sandbox/faults", "injected faults (latency, 5xx/429 rates, storms, "
                                           "dropped webhooks); PUT sets, DELETE clears"),
    ("GET|PUT", "/_sandbox/plan", 'the account plan (rate limit, features); PUT {"plan": '
                                  '"team"}'),
    ("GET|DELETE", "/_sandbox/requests", "the request log, ?method=&path=&write=true|false; "
                                         "DELETE empties it"),
    ("POST", "/_sandbox/seed/{collection}", 'store raw objects: {"objects": [{...}]}'),
    ("GET", "/_sandbox/objects/{collection}", "the raw stored objects of a collection"),
]


async def index(request: Request) -> Response:
    """Every ``/_sandbox/`` route of this emulator: the common ones (`CONTROLS`), then the
    vendor's own (webhook delivery, locales...), described by their handler's docstring."""
    emu = emulator(request)
    listed = [{"methods": m.split("|"), "path": p, "what": w} for m, p, w in CONTROLS]
    known = {p for _, p, _ in CONTROLS}
    for route in request.app.routes:
        path = getattr(route, "path", "")
        if not path.startswith("/_sandbox/") or path in known:
            continue
        doc = (getattr(route, "endpoint", None).__doc__ or "").strip().splitlines()
        listed.append({"methods": sorted(m for m in (getattr(route, "methods", None) or ())
                                         if m != "HEAD"),
                       "path": path, "what": doc[0].strip("` ") if doc else "see docs/sandbox.md"})
        known.add(path)
    return JSONResponse({"sandbox": emu.spec.name, "controls": listed,
                         "docs": "docs/sandbox.md in the deskops repository"})


async def reset(request: Request) -> Response:
    emulator(request).reset()
    return JSONResponse({"reset": True})


async def clock(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "POST":
        body = await read_json(request)
        if "advance" in body:
            emu.clock.advance(float(body["advance"]))
        elif body.get("freeze"):
            at = body.get("at")
            emu.clock.freeze(float(at) if at is not None else None)
        elif body.get("unfreeze"):
            emu.clock.unfreeze()
        elif body.get("real"):
            emu.clock.reset()
        else:
            raise BadRequest("expected one of advance, freeze, unfreeze, real")
    return JSONResponse(emu.clock.describe())


async def faults(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        try:
            emu.faults.set(Faults(**body))
        except TypeError as exc:
            raise BadRequest(f"bad fault settings: {exc}") from exc
    elif request.method == "DELETE":
        emu.clear_faults()
    return JSONResponse({**emu.faults.config.as_dict(), "storm_left": emu.faults.storm_left})


async def plan(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        emu.set_plan(str(body.get("plan", "")))
    current = emu.plan
    return JSONResponse({"plan": current.name, "per_minute": current.per_minute,
                         "features": sorted(current.features),
                         "plans": list(emu.spec.plans)})


async def requests_log(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "DELETE":
        emu.log.clear()
        return JSONResponse({"requests": [], "count": 0})
    q = request.query_params
    entries = emu.log.entries(method=q.get("method"), path=q.get("path"),
                              write=query_bool(request, "write"))
    return JSONResponse({
        "requests": [e.as_dict() for e in entries],
        "count": len(entries),
        "writes": sum(1 for e in entries if e.write),
    })


async def seed(request: Request) -> Response:
    emu = emulator(request)
    body: Any = await read_json(request)
    objects = body.get("objects")
    if not isinstance(objects, list) or not all(isinstance(o, dict) for o in objects):
        raise BadRequest('expected {"objects": [{...}, ...]}')
    created = emu.seed(request.path_params["collection"], objects)
    return JSONResponse({"objects": created}, status_code=201)


async def objects(request: Request) -> Response:
    emu = emulator(request)
    return JSONResponse({"objects": emu.store.all(request.path_params["collection"])})


ROUTES = [
    Route("/_sandbox/", index, methods=["GET"]),
    Route("/_sandbox/reset", reset, methods=["POST"]),
    Route("/_sandbox/clock", clock, methods=["GET", "POST"]),
    Route("/_sandbox/faults", faults, methods=["GET", "PUT", "DELETE"]),
    Route("/_sandbox/plan", plan, methods=["GET", "PUT"]),
    Route("/_sandbox/requests", requests_log, methods=["GET", "DELETE"]),
    Route("/_sandbox/seed/{collection}", seed, methods=["POST"]),
    Route("/_sandbox/objects/{collection}", objects, methods=["GET"]),
]
