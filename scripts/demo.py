#!/usr/bin/env python3
"""``make demo``: the main job end to end on the embedded defaults, with no account anywhere.

Starts the sandbox helpdesk (Zendesk and Freshdesk emulators on free loopback ports), copies
an example workspace to a temporary folder (so the repository stays clean), and drives the
real ``deskops`` command in subprocesses, exactly as a user or CI would. Every step must exit
as expected, or the demo stops with a non-zero exit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from integrations.sandbox.server import RunningSandbox, start_sandbox

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "schemas" / "examples" / "game-publisher"
DESKOPS = str(Path(sys.executable).with_name("deskops"))


def banner(text: str) -> None:
    print(f"\n\033[1m== {text}\033[0m", flush=True)


def run(args: Sequence[str], env: Mapping[str, str], *, expect: Sequence[int] = (0,)) -> int:
    """Run ``deskops ARGS`` as a user would; stop the demo on an unexpected exit code."""
    print(f"$ deskops {' '.join(args)}", flush=True)
    code = subprocess.run([DESKOPS, *args], env={**os.environ, **env}, check=False).returncode
    if code not in expect:
        raise SystemExit(f"demo: `deskops {' '.join(args)}` exited {code}, expected {list(expect)}")
    return code


def _groups_named(node: object) -> set[str]:
    """Every ``"group"`` a rules file routes to, wherever it stands."""
    if isinstance(node, dict):
        found = {node["group"]} if isinstance(node.get("group"), str) else set()
        return found.union(*(_groups_named(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_groups_named(v) for v in node))
    return set()


def prepare_account(sandbox: RunningSandbox, workspace: Path) -> None:
    """Give the sandbox accounts what a real account already has: the workspace's brand and
    the groups its rules route to (deskops references these; it never creates them)."""
    settings = json.loads((workspace / "deskops.json").read_text(encoding="utf-8"))
    rules = workspace / "rules.json"
    groups = sorted(_groups_named(json.loads(rules.read_text(encoding="utf-8")))) \
        if rules.is_file() else []
    brand = settings.get("brand")
    if brand:
        sandbox.zendesk.seed("brands", [{"name": brand, "subdomain": brand}])
    for emulator in (sandbox.zendesk, sandbox.freshdesk):
        emulator.seed("groups", [{"name": name} for name in groups])
    print(f"sandbox accounts prepared: brand {brand or '(default)'}, "
          f"groups {', '.join(groups) or '(none)'}")


def provision(sandbox: RunningSandbox, workspace: Path) -> None:
    """Validate, plan, apply, then prove the second plan is empty — on both helpdesks."""
    for target, env in (("zendesk", sandbox.zendesk_env()), ("freshdesk", sandbox.freshdesk_env())):
        ws = ["-w", str(workspace), "--target", target]
        banner(f"{target}: validate, plan, apply")
        run([*ws, "validate"], env)
        run([*ws, "plan", "--detailed-exitcode"], env, expect=(2,))
        run([*ws, "apply", "--auto-approve"], env)
        banner(f"{target}: a second plan has nothing to do")
        run([*ws, "plan", "--detailed-exitcode"], env, expect=(0,))
        run([*ws, "drift"], env)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="deskops-demo-") as tmp, start_sandbox() as sandbox:
        banner(f"sandbox: Zendesk at {sandbox.zendesk_url}, Freshdesk at {sandbox.freshdesk_url}")
        workspace = Path(tmp) / "game-publisher"
        shutil.copytree(EXAMPLE, workspace, ignore=shutil.ignore_patterns("locks"))
        prepare_account(sandbox, workspace)
        provision(sandbox, workspace)
        banner("done: the same workspace provisioned Zendesk and Freshdesk; locks in "
               f"{workspace.name}/locks/ (removed with the temporary folder)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
