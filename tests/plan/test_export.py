"""Export → write → load → plan shows no changes (the workspace writer and loader for real)."""

from __future__ import annotations

from pathlib import Path

from integrations import workspace as workspace_pkg
from integrations.helpdesk.base import Capabilities
from integrations.model import Condition, ConditionChild, Field, Form, Option, RemoteState
from integrations.plan import LockFile, compare, detect_drift, export_workspace, lock_path

ZENDESK = Capabilities(multiselect=True, regexp=True, field_translations=True,
                       conditions=True, brands=True)


def zendesk_like_state() -> RemoteState:
    """Shaped like `ZendeskHelpdesk.read_state` output (ids, system names, dc titles)."""
    fields = (
        Field(key="product", kind="dropdown", title="Product", id=11,
              titles={"en": "Product", "fr": "Produit"},
              options=(Option("game_a", "Game A", id=111), Option("game_b", "Game B", id=112))),
        Field(key="11", kind="text", title="Numéro de série", id=12),
        Field(key="13", kind="regexp", title="Order id", pattern="^[0-9]{6}$", id=13),
        Field(key="14", kind="checkbox", title="Refund", id=14, required_in_portal=True),
    )
    forms = (
        Form(key="20", title="Bug report", id=20,
             fields=("subject", "description", 11, 12, 13, "assignee"),
             conditions=(Condition(11, "game_a", (ConditionChild(12, True),)),)),
        Form(key="21", title="Refund", id=21, fields=("subject", 14), brands=("ads",)),
    )
    return RemoteState(fields=fields, forms=forms, brands={"ads": 5, "games": 6},
                       locales=("en", "fr"))


def test_export_then_plan_shows_no_changes(tmp_path: Path) -> None:
    state = zendesk_like_state()
    out = tmp_path / "exported"
    workspace, lock = export_workspace(state, root=out, slugify=workspace_pkg.slugify_key,
                                       capabilities=ZENDESK, environment="zendesk",
                                       target="zendesk")
    assert sorted(workspace.fields) == ["numero_de_serie", "order_id", "product", "refund"]
    workspace_pkg.write_workspace(workspace, out)
    lock.path = lock_path(out, "zendesk")
    lock.save()
    loaded = workspace_pkg.load(out, "zendesk")
    relock = LockFile.load(lock_path(out, "zendesk"), target="zendesk")
    plan = compare(loaded, state, relock, capabilities=ZENDESK, target="zendesk")
    assert [op.as_dict() for op in plan.ops] == []
    assert detect_drift(loaded, state, relock, ZENDESK, "zendesk") == []
