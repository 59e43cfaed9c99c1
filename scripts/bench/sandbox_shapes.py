"""Benchmark the sandbox's response completion (``core/shapes.py``): what building every
Zendesk answer from the spec's schemas costs per request.

Two sandboxes run side by side over real HTTP: one as shipped, and a baseline whose shape
table is empty (the area modules' bodies as they are). Both are seeded alike (tickets with
comments, 50 ticket fields, users), then the same calls are timed in alternating rounds:
a ticket, a ticket's comments, the ticket field list, a user, a search page. It prints the
median time per call for each, and the ratio completed ÷ baseline (ratios matter, not
absolute times). Run: ``.venv/bin/python scripts/bench/sandbox_shapes.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from integrations.sandbox import ADMIN_EMAIL, API_TOKEN
from integrations.sandbox.server import RunningSandbox, start_sandbox
from integrations.sandbox.zendesk import app as zendesk_app


def _seed(sandbox: RunningSandbox) -> dict[str, int]:
    z = sandbox.zendesk
    z.seed("ticket_fields", [{"type": "text", "title": f"Field {i}"} for i in range(50)])
    (user,) = z.seed("users", [{"name": "Ana", "email": "ana@example.org"}])
    (ticket,) = z.seed("tickets", [{"subject": "Crash", "comment": {"body": "It crashes"},
                                    "requester_id": user["id"]}])
    s = _session()
    for i in range(9):
        s.put(f"{sandbox.zendesk_url}/api/v2/tickets/{ticket['id']}.json",
              json={"ticket": {"comment": {"body": f"reply {i}"}}}).raise_for_status()
    return {"ticket": int(ticket["id"]), "user": int(user["id"])}


def _session() -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.auth = (f"{ADMIN_EMAIL}/token", API_TOKEN)
    return s


def _calls(ids: dict[str, int]) -> list[tuple[str, str]]:
    return [("ticket", f"/api/v2/tickets/{ids['ticket']}.json"),
            ("comments (10)", f"/api/v2/tickets/{ids['ticket']}/comments.json"),
            ("ticket fields (50+)", "/api/v2/ticket_fields.json"),
            ("user", f"/api/v2/users/{ids['user']}.json"),
            ("search page", "/api/v2/search.json?query=type:ticket")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    shipped = start_sandbox()
    real_shapes = zendesk_app.response_shapes
    zendesk_app.response_shapes = lambda: {"operations": {}, "schemas": {}}  # type: ignore[assignment]
    try:
        baseline = start_sandbox()
    finally:
        zendesk_app.response_shapes = real_shapes  # type: ignore[assignment]
    try:
        ids = _seed(shipped)
        assert _seed(baseline) == ids, "the two sandboxes must hold the same ids"
        sessions = {"completed": _session(), "baseline": _session()}
        bases = {"completed": shipped.zendesk_url, "baseline": baseline.zendesk_url}
        for sandbox in (shipped, baseline):
            sandbox.zendesk.set_plan("high_volume")
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for name, path in _calls(ids):
                for variant in ("completed", "baseline"):
                    start = time.perf_counter()
                    r = sessions[variant].get(bases[variant] + path)
                    times.setdefault((name, variant), []).append(time.perf_counter() - start)
                    r.raise_for_status()
        print(f"sandbox response completion, median of {args.rounds} calls each (ms)")
        print(f"{'call':22} {'completed':>10} {'baseline':>10} {'ratio':>7}")
        for name, _ in _calls(ids):
            done = statistics.median(times[(name, "completed")]) * 1000
            base = statistics.median(times[(name, "baseline")]) * 1000
            print(f"{name:22} {done:10.2f} {base:10.2f} {done / base:7.2f}")
    finally:
        shipped.stop()
        baseline.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
