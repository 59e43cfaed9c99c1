"""The dry half of ``make acceptance``: a unique prefix for everything a run creates, and
the cleanup plan that deletes exactly those objects, dependents first.

A live run names every object it creates ``<prefix> ...`` and records it here as it goes
(`Ledger.add`), so cleanup never depends on what the run got to. `cleanup_plan` orders the
deletions so nothing is deleted while something still points at it (a trigger before the
webhook it calls, a ticket before its requester, a form before its fields, an article before
its section and category) and refuses anything whose name lacks the prefix: an acceptance
run never touches objects it did not create.
"""

from __future__ import annotations

import re
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["DELETE_ORDER", "Created", "Ledger", "Step", "cleanup_plan", "materialize",
           "new_prefix", "tag_of"]

PREFIX_RE = re.compile(r"^deskops-acc-\d{8}T\d{6}-[0-9a-f]{6}$")

#: Kinds in deletion order (dependents first), per target.
DELETE_ORDER: dict[str, tuple[str, ...]] = {
    "zendesk": ("trigger", "webhook", "ticket", "user", "ticket_form", "ticket_field",
                "dynamic_content", "article", "section", "category", "group"),
    "freshdesk": ("automation_rule", "ticket", "contact", "ticket_form", "ticket_field",
                  "solution_article", "solution_folder", "solution_category", "group"),
}


def new_prefix(now: datetime | None = None, token: str | None = None) -> str:
    """``deskops-acc-20261204T190000-1a2b3c``: sortable, unique per run, easy to search."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    return f"deskops-acc-{stamp}-{token or secrets.token_hex(3)}"


def tag_of(prefix: str) -> str:
    """The prefix as a tag or option value (letters, digits and ``_`` only)."""
    return re.sub(r"[^a-z0-9]+", "_", prefix.lower()).strip("_")


def materialize(source: Path, target: Path, prefix: str) -> Path:
    """A copy of the workspace ``source`` at ``target`` with ``{{prefix}}`` and ``{{tag}}``
    filled in, so every title it provisions carries the run's prefix."""
    shutil.copytree(source, target)
    for path in target.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".yaml", ".txt", ".md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("{{prefix}}", prefix).replace("{{tag}}", tag_of(prefix)),
                            encoding="utf-8")
    return target


@dataclass(frozen=True)
class Created:
    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class Step:
    kind: str
    id: str
    name: str


@dataclass
class Ledger:
    """What one run created, in creation order."""

    target: str
    prefix: str
    items: list[Created] = field(default_factory=list)

    def name(self, title: str) -> str:
        return f"{self.prefix} {title}"

    def add(self, kind: str, id_: object, name: str) -> None:
        if kind not in DELETE_ORDER[self.target]:
            raise ValueError(f"unknown kind {kind!r} for {self.target}")
        self.items.append(Created(kind, str(id_), name))


def cleanup_plan(ledger: Ledger) -> list[Step]:
    """The deletions for ``ledger``: dependents first, newest first within a kind, each
    object once. Raises `ValueError` for an object not named with the run's prefix."""
    if not PREFIX_RE.match(ledger.prefix):
        raise ValueError(f"not an acceptance prefix: {ledger.prefix!r}")
    order = DELETE_ORDER[ledger.target]
    seen: set[tuple[str, str]] = set()
    steps: list[Step] = []
    for kind in order:
        for item in reversed([i for i in ledger.items if i.kind == kind]):
            if not item.name.startswith(ledger.prefix + " ") and \
                    not item.name.startswith(ledger.prefix + "@"):
                raise ValueError(f"{item.kind} {item.id} ({item.name!r}) was not created "
                                 f"by this run: refusing to delete it")
            if (item.kind, item.id) not in seen:
                seen.add((item.kind, item.id))
                steps.append(Step(item.kind, item.id, item.name))
    return steps
