"""Export → write → load → plan shows no changes (the workspace writer and loader for real)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from integrations import workspace as workspace_pkg
from integrations.helpdesk.base import Capabilities
from integrations.model import Condition, ConditionChild, Field, Form, Option, RemoteState
from integrations.plan import (
    LockFile,
    compare,
    detect_drift,
    export_workspace,
    lock_path,
    pull_workspace,
)

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


def test_pull_keeps_keys_and_worker_parts_and_names_hand_typed_choices(tmp_path: Path) -> None:
    state = zendesk_like_state()
    out = tmp_path / "ws"
    exported, lock = export_workspace(state, root=out, slugify=workspace_pkg.slugify_key,
                                      capabilities=ZENDESK, target="zendesk")
    # the workspace's own keys and worker-only parts, which the helpdesk does not hold
    product = replace(exported.fields["product"], key="game", extract=(r"\bgame [ab]\b",))
    fields = {("game" if k == "product" else k): (product if k == "product" else f)
              for k, f in exported.fields.items()}
    lock.fields["game"] = lock.fields.pop("product")
    mine = replace(exported, fields=fields, forms={
        k: replace(f, fields=tuple("game" if r == "product" else r for r in f.fields),
                   conditions=tuple(replace(c, parent="game") for c in f.conditions),
                   attachments=({"name": "logs", "pattern": "log$"},))
        for k, f in exported.forms.items()})
    # by hand: a choice typed as a title ("Tandem Bike"), and the field renamed
    remote = state.fields[0]
    remote = replace(remote, title="Game", options=(*remote.options,
                                                   Option("Tandem Bike", "Tandem Bike", id=113)))
    state = replace(state, fields=(remote, *state.fields[1:]))
    pulled = pull_workspace(state, mine, lock, slugify=workspace_pkg.slugify_key,
                            capabilities=ZENDESK, target="zendesk")
    game = pulled.workspace.fields["game"]
    assert game.title == "Game" and game.extract == (r"\bgame [ab]\b",)
    assert [o.value for o in game.options] == ["game_a", "game_b", "tandem_bike"]
    assert pulled.lock.fields["game"].options["tandem_bike"] == 113
    assert pulled.changed_fields == {"game"} and pulled.new_fields == frozenset()
    assert all(f.attachments for f in pulled.workspace.forms.values())
    assert pulled.changed_forms == frozenset()
