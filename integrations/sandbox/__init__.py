"""``deskops sandbox``: local emulators of the Zendesk and Freshdesk APIs deskops uses.

Both vendors serve ``/api/v2``, so each runs as its own ASGI app on its own port
(`start_sandbox` runs both in a background thread; ``deskops sandbox`` runs them until
Ctrl-C). The sandbox shares no code with the clients or the webhook receiver: a shared
mistake would pass every test. Clients must never import this package.

Layout::

    core/            vendor-neutral: store (SQLite, memory or file), clock, request log,
                     rate limiter, faults, pagination, admin routes, `Emulator`, and
                     ``shapes`` (answers completed from the vendor's response schemas)
    middleware/      one small ``(app, emulator) -> app`` wrapper per concern
    zendesk/         one module per API area + ``app.py`` (spec, plans, error shape)
    freshdesk/       the same for Freshdesk
    server.py        `start_sandbox` / `RunningSandbox`

Adding an API area (Help Center, tickets, webhooks...): write a module next to the others,
e.g. ``zendesk/help_center.py``, exporting

* ``ROUTES: list[starlette.routing.Route]`` — paths under ``/api/v2/...``;
* ``SEEDERS: dict[str, Seeder]`` (may be empty) — ``emulator.seed("articles", [...])``;
* ``bootstrap(emu)`` (optional) — objects a fresh account already has;
* ``LIMITS: list[Rule]`` (optional) — per-endpoint rate limits (`core.ratelimit.endpoint`);

then append the module to ``AREAS`` in ``zendesk/app.py`` (or ``freshdesk/app.py``), and
run ``scripts/refresh_reference.py``: it writes ``zendesk/response_shapes.json`` (the spec's
response schemas for the routes, which `core.shapes` uses to give every Zendesk answer each
documented property, null when unknown) and the trimmed references the tests read.
Raise `core.errors` exceptions (`NotFound`, `Invalid`...) and the vendor's renderer turns
them into the vendor's error body. State lives in ``emu.store`` (JSON records by
collection); timestamps come from ``emu.clock``.

The default credentials below are public, fixed sandbox values (not secrets): tests and
the demo use them; the sandbox accepts nothing else.
"""

from __future__ import annotations

__all__ = [
    "ADMIN_EMAIL", "API_TOKEN", "FRESHDESK_AGENT_API_KEY", "FRESHDESK_API_KEY",
    "FRESHDESK_DOMAIN", "OAUTH_CLIENT_ID",
    "OAUTH_CLIENT_SECRET", "OAUTH_TOKEN", "SUBDOMAIN",
]

#: Zendesk account name (``ZENDESK_SUBDOMAIN``); the default brand's subdomain.
SUBDOMAIN = "deskops-sandbox"
#: Zendesk admin user (``ZENDESK_EMAIL``), authenticating as ``email/token:API_TOKEN``.
ADMIN_EMAIL = "admin@deskops-sandbox.test"
API_TOKEN = "sandbox-api-token-0000000000000000"
#: A pre-issued OAuth access token with ``read write`` scopes that never expires
#: (``ZENDESK_OAUTH_TOKEN``).
OAUTH_TOKEN = "sandbox-oauth-token-000000000000000"
#: The OAuth client for ``POST /oauth/tokens`` (client-credentials grant).
OAUTH_CLIENT_ID = "deskops_sandbox"
OAUTH_CLIENT_SECRET = "sandbox-oauth-secret-00000000000000"
#: Freshdesk helpdesk (``FRESHDESK_DOMAIN``) and API key (basic-auth user, password ``X``).
FRESHDESK_DOMAIN = "deskops-sandbox"
FRESHDESK_API_KEY = "sandboxfreshdeskapikey0000"
#: The API key of an agent without admin rights: Freshdesk answers 403 ``access_denied`` to
#: admin APIs (``/api/v2/admin/...``, automations), as it does for a least-privilege key.
FRESHDESK_AGENT_API_KEY = "sandboxfreshdeskagentkey00"
