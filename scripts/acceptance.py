#!/usr/bin/env python3
"""``make acceptance``: the live scenario (``tests/acceptance/live_scenario.py``) against a
real account, for each target whose credentials are set; ``--keep`` leaves what it created.

Without credentials it prints one line saying why and exits 0, so it is safe in any CI.
``--sandbox`` runs the same scenario against a local sandbox, on both targets (how the
scenario itself is tested, in ``make test``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEEDS = {"zendesk": ("ZENDESK_SUBDOMAIN", "ZENDESK_EMAIL", "ZENDESK_API_TOKEN"),
         "freshdesk": ("FRESHDESK_DOMAIN", "FRESHDESK_API_KEY")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true",
                        help="leave the objects the run created (their prefix is printed)")
    parser.add_argument("--sandbox", action="store_true",
                        help="run the scenario against a local sandbox, both targets")
    args = parser.parse_args(argv)
    targets = [t for t, names in NEEDS.items()
               if args.sandbox or all(os.environ.get(n) for n in names)]
    if not targets:
        print("acceptance: skipped: no live credentials (set ZENDESK_SUBDOMAIN, "
              "ZENDESK_EMAIL, ZENDESK_API_TOKEN and/or FRESHDESK_DOMAIN, FRESHDESK_API_KEY; "
              "see README, 'Live acceptance tests')")
        return 0
    status = 0
    for target in targets:
        env = {**os.environ, "DESKOPS_ACCEPTANCE_TARGET": target,
               "DESKOPS_ACCEPTANCE_KEEP": "1" if args.keep else "0",
               "DESKOPS_ACCEPTANCE_SANDBOX": "1" if args.sandbox else "0"}
        for name in ("DESKOPS_SANDBOX_ZENDESK_URL", "DESKOPS_SANDBOX_FRESHDESK_URL"):
            env.pop(name, None)  # the real service, never the sandbox
        print(f"acceptance: {target}{' (sandbox)' if args.sandbox else ''}", flush=True)
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p",
                              "no:cacheprovider", "tests/acceptance/live_scenario.py"],
                             cwd=ROOT, env=env, check=False)
        status = status or run.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
