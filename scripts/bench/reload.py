"""The worker's "did the workspace change?" check: what it adds to each event.

Usage: ``python scripts/bench/reload.py [N]``.

Before every event the worker's triage handler compares the files it reads (lock file,
``deskops.json``, ``rules.json``, every file under ``fields/``, ``forms/`` and
``templates/``) with what it saw, so an edit is used without a restart. This prints the cost
of that check on the largest example workspace (the ad network's: templates in four
locales), and, as the baseline measured in the same run, the cost of one triage decision
(`decide`, pure, no network) on the same workspace: the ratio is what the check adds.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from integrations.model import Ticket, TicketComment
from integrations.triage import TriageContext, decide, load_rules
from integrations.worker.triage import TriageHandler
from integrations.workspace import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "schemas" / "examples" / "ad-network"
T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 2_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        shutil.copytree(EXAMPLE, root)
        ws = load(root)
        ctx = TriageContext.build(
            ws, field_ids={1000 + i: k for i, k in enumerate(sorted(ws.fields))},
            form_ids={2000 + i: k for i, k in enumerate(sorted(ws.forms))},
            group_ids={"Publisher Support": 1, "Brazil Publisher Support": 2},
            rules=load_rules(root, ws), self_author_ids=[1])
        watch = [root / "locks" / "zendesk.json", root / "deskops.json", root / "rules.json",
                 root / "fields", root / "forms", root / "templates"]
        files = sum(1 for p in watch if p.is_file()) + sum(
            1 for d in watch if d.is_dir() for f in d.rglob("*") if f.is_file())
        handler = TriageHandler(ctx, rebuild=lambda: ctx, watch=watch)
        body = "Hello, my site ID is 1234567 and the dashboard shows no earnings since Monday."
        ticket = Ticket(id=1, subject="No earnings", description=body, status="new",
                        updated_at=T0, requester_id=10, form_id=None, fields={},
                        comments=(TicketComment(id=1, author_id=10, public=True, body=body,
                                                created_at=T0, from_requester=True),))
        decide(ticket, ctx)  # load the language model outside the timing

        start = time.perf_counter()
        for _ in range(n):
            handler._stamps()  # exactly what `_context` adds before each event
        check_s = (time.perf_counter() - start) / n
        start = time.perf_counter()
        for _ in range(n):
            decide(ticket, ctx)
        decide_s = (time.perf_counter() - start) / n
    print(f"change check: {files} files watched, {check_s * 1e6:,.0f} µs per event")
    print(f"baseline: one triage decision on the same workspace, {decide_s * 1e6:,.0f} µs")
    print(f"ratio: the check costs {check_s / decide_s:.2f}x a decision")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
