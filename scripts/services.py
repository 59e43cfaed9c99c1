#!/usr/bin/env python3
"""Make sure the local PostgreSQL and Redis the scale-out tests need are running.

Run by ``make pytest`` before the suite. It starts a stopped service with the machine's own
commands, and exits non-zero under ``CI=true`` when a service cannot be reached, so a test
that needs it fails loudly instead of silently skipping.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _wait(port: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _reachable(port):
            return True
        time.sleep(0.3)
    return False


def _start_redis() -> None:
    if shutil.which("redis-server") is None:
        return
    subprocess.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
                    "--save", "", "--appendonly", "no"], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _start_postgres() -> None:
    etc = Path("/etc/postgresql")
    if shutil.which("pg_ctlcluster") is None or not etc.is_dir():
        return
    for version in sorted(p.name for p in etc.iterdir()):
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _ensure_test_database() -> None:
    """The suite uses database ``test`` with trust auth; create it on a fresh cluster."""
    if shutil.which("psql") is None:
        return
    probe = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc",
                            "SELECT 1 FROM pg_database WHERE datname='test'"],
                           capture_output=True, text=True, check=False)
    if probe.returncode == 0 and probe.stdout.strip() != "1":
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "CREATE DATABASE test"],
                       check=False, capture_output=True)


def main() -> int:
    ci = os.environ.get("CI", "").lower() == "true"
    failed = []
    for name, port, start in (("redis", 6379, _start_redis), ("postgresql", 5432, _start_postgres)):
        if not _reachable(port):
            start()
            if not _wait(port):
                failed.append(f"{name} on 127.0.0.1:{port}")
    if _reachable(5432):
        _ensure_test_database()
    if failed:
        print(f"services: cannot reach {', '.join(failed)}", file=sys.stderr)
        return 1 if ci else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
