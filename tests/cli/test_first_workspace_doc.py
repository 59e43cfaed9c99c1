"""docs/first-workspace.md works: its ``sh`` blocks are run, in order, as one bash script.

Only the fixed ports of the page are changed (to free ones, so parallel runs never
collide); the state folder is the test's own. The script runs with ``set -euo pipefail``,
so any failing command fails the test; the output is then checked at each step.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "first-workspace.md"
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_script() -> str:
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 7, "the page lost its command blocks"
    script = "\n".join(blocks)
    for port in ("8801", "8802", "8080"):
        assert port in script
        script = script.replace(port, str(_free_port()))
    return script


def test_every_command_of_the_first_workspace_page_runs(tmp_path: Path) -> None:
    assert shutil.which("curl"), "the page uses curl: install it"
    script = ("set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
              + page_script())
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "DESKOPS_STATE_DIR": str(tmp_path / "state")}
    for name in list(env):
        if name.startswith(("ZENDESK_", "FRESHDESK_", "DESKOPS_SANDBOX_")) or name in (
                "DESKOPS_TARGET", "DESKOPS_WORKSPACE", "DESKOPS_DATABASE_URL",
                "DESKOPS_QUEUE_URL"):
            del env[name]
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=240)
    out = done.stdout
    assert done.returncode == 0, f"exit {done.returncode}\n{out}\n{done.stderr}"
    assert "ok: 4 fields, 2 forms, locales en fr" in out
    assert "Apply complete:" in out and "No changes" in out
    assert "Published:" in out
    assert re.search(r"^ticket (\d+)$", out, re.MULTILINE)
    ticket = re.search(r"^ticket (\d+)$", out, re.MULTILINE).group(1)  # type: ignore[union-attr]
    assert re.search(rf"^event \d+ ticket {ticket}: ask \(\d+ ms\)$", out, re.MULTILINE), out
    assert "Product" in out  # explain names what is missing
    serve_log = (tmp_path / "acme-helpdesk" / "serve.log").read_text(encoding="utf-8")
    assert re.search(r"^delivery zendesk id=\S+: 202 ", serve_log, re.MULTILINE), serve_log
    assert sorted(p.name for p in (tmp_path / "acme-helpdesk" / "locks").iterdir()) == [
        "zendesk.json", "zendesk.kb.json"]
