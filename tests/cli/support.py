"""Run the real ``deskops`` console script in child processes, many at once, and judge the
output the way a user sees it (exit code, stdout, stderr, files left behind).

Why child processes: the promise "never a traceback to a user" is about what the installed
entry point prints, not about what `main()` returns in-process; only a real process shows
an uncaught exception, a warning printed at import time, or a secret in a log line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DESKOPS = str(Path(sys.executable).with_name("deskops"))
#: A small workspace with two forms, four fields and rules naming a group.
WORKSPACE = REPO / "tests" / "triage_e2e" / "workspace"
#: A small, lint-clean knowledge base (one article in two languages), so ``kb sync`` has
#: work to do and prints no warning that could hide or pass for the error line.
KB = {
    "manifest.yaml": (
        "source_locale: en\nlocales: [en, fr]\n"
        "categories:\n  help:\n    title: {en: Help, fr: Aide}\n"
        "sections:\n  help/accounts:\n    title: {en: Accounts, fr: Comptes}\n"
        "    visibility: everyone\n"),
    "help/accounts/reset-password.en.md": (
        "---\nkey: reset-password\nlocale: en\ntitle: Reset your password\n---\n"
        "Open **Settings**, choose *Reset password* and follow the e-mail we send you.\n"),
    "help/accounts/reset-password.fr.md": (
        "---\nkey: reset-password\nlocale: fr\ntitle: Réinitialiser votre mot de passe\n"
        "---\nOuvrez **Paramètres**, choisissez *Réinitialiser le mot de passe* et suivez "
        "le courriel envoyé.\n"),
}

#: ``path:/json/pointer: message`` — how workspace problems are printed.
PROBLEM = re.compile(r"^\S+:/\S*: .+")

#: Small retry budgets, so a 500 or 429 storm gives up in about a second.
RETRY_ENV = {
    "DESKOPS_RETRY_ATTEMPTS": "3",
    "DESKOPS_RETRY_MAX_WAIT": "1",
    "DESKOPS_RETRY_BUDGET": "0.8",
}

#: A webhook signing secret already in the receiver's secrets file of every case.
WEBHOOK_SECRET = "whsec-known-5d41402abc4b2a76b9719d911017c592"


@dataclass(frozen=True)
class Result:
    """What a user saw: exit code, both streams, and the text of the files left behind."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    files: Mapping[str, str] = field(default_factory=dict)

    @property
    def err_lines(self) -> list[str]:
        # -v shows each retry's wait ("info: deskops.http: ... retry 2/3 in 0.5 s"): progress,
        # not part of the one error line
        return [line for line in self.stderr.splitlines() if line.strip()
                and not line.startswith("info: deskops.http: ")]

    def describe(self) -> str:
        return (f"deskops {' '.join(self.args)} -> exit {self.code}\n"
                f"--- stdout ---\n{self.stdout}--- stderr ---\n{self.stderr}")


def make_case_dir(root: Path, target: str, lock_from: Path | None = None) -> Path:
    """``root/ws``: the workspace, its knowledge base, and (when given) the lock files of an
    earlier apply; plus a secrets file holding `WEBHOOK_SECRET`. Returns ``root``."""
    ws = root / "ws"
    shutil.copytree(WORKSPACE, ws)
    if target == "freshdesk":
        # Freshdesk cannot choose its default form: the loader warns about default_form,
        # and a warning line would muddle "stderr is one line".
        settings = json.loads((ws / "deskops.json").read_text(encoding="utf-8"))
        settings.pop("default_form", None)
        (ws / "deskops.json").write_text(json.dumps(settings), encoding="utf-8")
    for rel, text in KB.items():
        (ws / "kb" / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / "kb" / rel).write_text(text, encoding="utf-8")
    if lock_from is not None and lock_from.is_dir():
        shutil.copytree(lock_from, ws / "locks")
    secrets = root / "secrets.json"
    secrets.write_text(json.dumps({"zendesk": {"01HOOK": [WEBHOOK_SECRET]},
                                   "freshdesk": [WEBHOOK_SECRET]}), encoding="utf-8")
    secrets.chmod(0o600)
    return root


def base_env(case: Path, helpdesk: Mapping[str, str]) -> dict[str, str]:
    """Only what the case needs: no stray settings from the test runner's environment."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(case),
        "LANG": "C.UTF-8",
        **RETRY_ENV,
        "DESKOPS_DATABASE_URL": f"sqlite:///{case}/events.db",
        "DESKOPS_QUEUE_URL": f"sqlite:///{case}/queue.db",
        "DESKOPS_WEBHOOK_SECRETS_FILE": str(case / "secrets.json"),
        **helpdesk,
    }


def _texts(root: Path, skip: Iterable[Path]) -> dict[str, str]:
    skipped = {p.resolve() for p in skip}
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.resolve() not in skipped:
            try:
                data = path.read_bytes()
            except FileNotFoundError:  # a temporary file another process just replaced
                continue
            out[str(path.relative_to(root))] = data.decode("utf-8", "replace")
    return out


def run(args: Sequence[str], env: Mapping[str, str], cwd: Path, *,
        timeout: float = 60) -> Result:
    """``deskops ARGS`` as a user would run it; collects every file left under ``cwd``
    (except the secrets file, whose job is to hold secrets, and its ``.tmp`` sibling: the
    same file mid-write, which a command running alongside ``webhooks install`` may see)."""
    proc = subprocess.run([DESKOPS, *args], env=dict(env), cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, check=False)
    files = _texts(cwd, [cwd / "secrets.json", cwd / "secrets.json.tmp"])
    return Result(tuple(args), proc.returncode, proc.stdout, proc.stderr, files)


def run_all(jobs: Sequence[tuple[Sequence[str], Mapping[str, str], Path]],
            workers: int = 4) -> list[Result]:
    """Run independent invocations concurrently (each in its own folder); same order back."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: run(*job), jobs))


def leaks(result: Result, secrets: Iterable[str]) -> list[str]:
    """Where any secret value shows up: ``stdout``, ``stderr`` or a file name."""
    found = []
    for secret in secrets:
        if secret in result.stdout:
            found.append(f"stdout has {secret[:6]}…")
        if secret in result.stderr:
            found.append(f"stderr has {secret[:6]}…")
        found += [f"{name} has {secret[:6]}…" for name, text in result.files.items()
                  if secret in text]
    return found
