"""compare() is pure: two in-memory states in, operations out (no I/O)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from integrations.errors import PlanError
from integrations.helpdesk.base import Capabilities
from integrations.model import Condition, ConditionChild, Field, Form, Option, RemoteState
from integrations.plan import (
    CreateField,
    CreateForm,
    CreateOption,
    DeleteField,
    DeleteForm,
    DeleteOption,
    FieldEntry,
    FormEntry,
    LockFile,
    ReorderForms,
    ReplaceField,
    SetTranslations,
    UpdateField,
    UpdateForm,
    UpdateOption,
    compare,
    render_json,
    render_text,
)

from .memory import dropdown, ws

FRESHDESK = Capabilities(multiselect=False, regexp=False, field_translations=False,
                         conditions=True, brands=False)
FRESHDESK_NO_CONDITIONS = replace(FRESHDESK, conditions=False)


def remote_dropdown(fid: int, title: str, *values: str, first_option_id: int = 100) -> Field:
    return Field(key="", kind="dropdown", title=title, id=fid, options=tuple(
        Option(v, v.replace("_", " ").title(), id=first_option_id + i)
        for i, v in enumerate(values)))


def lock_for(**fields: FieldEntry) -> LockFile:
    return LockFile(fields=dict(fields))


def names(plan: object) -> list[tuple[str, str]]:
    return [(op.name, op.key) for op in plan.ops]  # type: ignore[attr-defined]


def test_everything_is_created_from_empty() -> None:
    product = dropdown("product", "Product", "game_a", "game_b")
    serial = Field(key="serial", kind="text", title="Serial")
    form = Form(key="bug", title="Bug report", fields=("subject", "product", "serial"))
    plan = compare(ws([product, serial], [form]), RemoteState(), LockFile())
    assert names(plan) == [("create_field", "product"), ("create_field", "serial"),
                           ("create_form", "bug")]
    assert plan.summary() == {"create": 3, "change": 0, "delete": 0, "destructive": 0}
    assert "Plan: 3 to create, 0 to change, 0 to delete." in render_text(plan)


def test_same_state_is_a_noop() -> None:
    product = dropdown("product", "Product", "game_a", "game_b")
    remote = remote_dropdown(1, "Product", "game_a", "game_b")
    plan = compare(ws([product]), RemoteState(fields=(remote,)),
                   lock_for(product=FieldEntry(1)))
    assert plan.ops == ()
    assert not plan.has_changes
    assert "No changes" in render_text(plan)
    assert plan.fields_seen["product"][0] == 1
    assert plan.fields_seen["product"][2] == {"game_a": 100, "game_b": 101}


def test_rename_is_an_update_not_a_create() -> None:
    product = dropdown("product", "Game", "game_a")
    remote = remote_dropdown(1, "Product", "game_a")
    plan = compare(ws([product]), RemoteState(fields=(remote,)), lock_for(product=FieldEntry(1)))
    assert len(plan.ops) == 1
    op = plan.ops[0]
    assert isinstance(op, UpdateField)
    assert op.id == 1
    assert [(c.attr, c.old, c.new) for c in op.changes] == [("title", "Product", "Game")]
    assert 'title: "Product" → "Game"' in render_text(plan)


def test_adoption_by_title_without_lock_never_duplicates() -> None:
    product = dropdown("product", "Product", "game_a")
    form = Form(key="bug", title="Bug report", fields=("product",))
    remote_field = remote_dropdown(7, "  product ", "game_a")
    remote_form = Form(key="", title="Bug Report", fields=(7,), id=70)
    plan = compare(ws([product], [form]),
                   RemoteState(fields=(remote_field,), forms=(remote_form,)), LockFile())
    # adopted (no create), and the title's case/spacing is then brought in line
    assert names(plan) == [("update_field", "product"), ("update_form", "bug")]
    assert plan.fields_seen["product"][0] == 7
    assert plan.forms_seen["bug"][0] == 70
    assert any("adopts" in n for n in plan.notes)


def test_lock_id_wins_over_title() -> None:
    a = Field(key="a", kind="text", title="Same")
    remote = (Field(key="", kind="text", title="Same", id=1),
              Field(key="", kind="text", title="Other", id=2))
    plan = compare(ws([a]), RemoteState(fields=remote), lock_for(a=FieldEntry(2)))
    assert names(plan) == [("update_field", "a")]
    assert plan.ops[0].id == 2  # type: ignore[attr-defined]


def test_field_deleted_by_hand_is_recreated() -> None:
    a = Field(key="a", kind="text", title="A")
    plan = compare(ws([a]), RemoteState(), lock_for(a=FieldEntry(5)))
    assert names(plan) == [("create_field", "a")]
    assert any("deleted on the helpdesk by hand" in n for n in plan.notes)


def test_option_added_appended_and_inserted() -> None:
    want = dropdown("p", "P", "a", "new1", "b", "c", "new2")
    have = remote_dropdown(1, "P", "a", "b", "c")
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    # positions are absolute: the options after an insertion move down by one
    assert [(type(op), op.key, getattr(op, "position", None)) for op in plan.ops] == [
        (CreateOption, "p.new1", 1), (CreateOption, "p.new2", 4),
        (UpdateOption, "p.b", 2), (UpdateOption, "p.c", 3)]


def test_appending_an_option_is_one_call() -> None:
    want = dropdown("p", "P", "a", "b", "c", "d")
    have = remote_dropdown(1, "P", "a", "b", "c")
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    assert [(type(op), op.key, op.position) for op in plan.ops] == [  # type: ignore[attr-defined]
        (CreateOption, "p.d", 3)]


def test_option_reorder_moves_only_options_whose_index_changes() -> None:
    want = dropdown("p", "P", "a", "c", "b", "d")
    have = remote_dropdown(1, "P", "a", "b", "c", "d")
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    assert [(op.option.value, op.option.id, op.position)  # type: ignore[attr-defined]
            for op in plan.ops] == [("c", 102, 1), ("b", 101, 2)]
    assert "position: 2 → 1" in render_text(plan)


def test_kept_option_keeps_its_place_without_prune() -> None:
    want = dropdown("p", "P", "a", "c", "d")
    have = remote_dropdown(1, "P", "a", "b", "c")
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    # b (hand-made, not in the lock) stays between a and c: only d is added
    assert [(type(op), op.key, op.position) for op in plan.ops] == [  # type: ignore[attr-defined]
        (CreateOption, "p.d", 3)]


def test_option_title_change_keeps_its_id() -> None:
    want = Field(key="p", kind="dropdown", title="P", options=(Option("a", "Alpha"),))
    have = remote_dropdown(1, "P", "a")
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    op = plan.ops[0]
    assert isinstance(op, UpdateOption)
    assert op.option.id == 100
    assert [(c.attr, c.new) for c in op.changes] == [("title", "Alpha")]


def test_option_value_edited_by_hand_is_matched_by_lock_id() -> None:
    want = dropdown("p", "P", "a", "b")
    have = remote_dropdown(1, "P", "a", "bb")  # "b" (id 101) renamed to "bb" by hand
    plan = compare(ws([want]), RemoteState(fields=(have,)),
                   lock_for(p=FieldEntry(1, options={"a": 100, "b": 101})))
    assert len(plan.ops) == 1
    op = plan.ops[0]
    assert isinstance(op, UpdateOption)
    assert op.option.id == 101
    assert ("value", "bb", "b") in [(c.attr, c.old, c.new) for c in op.changes]


def test_option_removed_is_kept_without_prune_and_destructive_with_it() -> None:
    want = dropdown("p", "P", "a")
    have = remote_dropdown(1, "P", "a", "b")
    lock = lock_for(p=FieldEntry(1, options={"a": 100, "b": 101}))
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock)
    assert plan.ops == ()
    assert any("p.b" in n and "--prune" in n for n in plan.notes)
    pruned = compare(ws([want]), RemoteState(fields=(have,)), lock, prune=True)
    assert len(pruned.ops) == 1
    op = pruned.ops[0]
    assert isinstance(op, DeleteOption)
    assert op.destructive and op.id == 101
    assert pruned.summary()["destructive"] == 1
    assert "(destructive)" in render_text(pruned)


def test_option_added_by_hand_is_shown_pending_and_pruned_only_on_request() -> None:
    want = dropdown("p", "P", "a")
    have = remote_dropdown(1, "P", "a", "by_hand")
    lock = lock_for(p=FieldEntry(1, options={"a": 100}))
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock)
    assert plan.ops == () and plan.pending and not plan.has_changes
    assert [(u.kind, u.key, u.title, u.id) for u in plan.unmanaged] == [
        ("option", "p.by_hand", "By Hand", 101)]
    text = render_text(plan)
    assert '? option p.by_hand "By Hand" (#101): on the helpdesk, not in the workspace' in text
    assert "No changes" not in text
    assert json.loads(render_json(plan))["pending"] is True
    # the lock hash covers managed options only, so drift keeps seeing the hand-made one
    assert plan.fields_seen["p"][2] == {"a": 100}
    pruned = compare(ws([want]), RemoteState(fields=(have,)), lock, prune=True)
    assert pruned.unmanaged == ()
    [op] = pruned.ops
    assert isinstance(op, DeleteOption) and op.destructive and not op.managed and op.id == 101
    assert '- option p.by_hand "By Hand" (#101) (on the helpdesk only)' in render_text(pruned)


def test_kept_removal_is_pending() -> None:
    want = dropdown("p", "P", "a")
    have = remote_dropdown(1, "P", "a", "b")
    plan = compare(ws([want]), RemoteState(fields=(have,)),
                   lock_for(p=FieldEntry(1, options={"a": 100, "b": 101})))
    assert plan.ops == () and plan.kept == ("option p.b",) and plan.pending
    assert "No changes" not in render_text(plan)


def test_translations_of_a_new_field_count_in_its_create() -> None:
    want = replace(dropdown("p", "P", "a"), titles={"en": "P", "fr": "Pé"})
    plan = compare(ws([want]), RemoteState(), LockFile())
    assert [op.name for op in plan.ops] == ["create_field", "set_translations"]
    assert plan.summary() == {"create": 1, "change": 0, "delete": 0, "destructive": 0}


def test_summary_does_not_ask_for_a_flag_already_given() -> None:
    want = dropdown("p", "P", "a")
    have = remote_dropdown(1, "P", "a", "b")
    plan = compare(ws([want]), RemoteState(fields=(have,)),
                   lock_for(p=FieldEntry(1, options={"a": 100, "b": 101})), prune=True)
    assert "apply needs --allow-destructive" in render_text(plan)
    text = render_text(plan, allow_destructive=True)
    assert "apply needs" not in text and "allowed by --allow-destructive" in text


def test_type_change_is_a_destructive_replace_and_forms_follow() -> None:
    want = Field(key="age", kind="decimal", title="Age")
    have = Field(key="", kind="integer", title="Age", id=3)
    form = Form(key="f", title="F", fields=("age",))
    rform = Form(key="", title="F", fields=(3,), id=30)
    plan = compare(ws([want], [form]), RemoteState(fields=(have,), forms=(rform,)),
                   LockFile(fields={"age": FieldEntry(3)}, forms={"f": FormEntry(30)}))
    assert [type(op) for op in plan.ops] == [ReplaceField, UpdateForm]
    assert plan.ops[0].destructive
    assert plan.summary() == {"create": 1, "change": 1, "delete": 1, "destructive": 1}
    assert "integer → decimal" in render_text(plan)


def test_regexp_is_text_on_freshdesk_and_translations_are_ignored() -> None:
    want = Field(key="id", kind="regexp", title="Id", pattern="^[0-9]+$",
                 titles={"en": "Id", "fr": "Identifiant"})
    have = Field(key="", kind="text", title="Id", id=4)
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(id=FieldEntry(4)),
                   capabilities=FRESHDESK)
    assert plan.ops == ()
    zendesk = compare(ws([want]), RemoteState(fields=(have,)), lock_for(id=FieldEntry(4)))
    assert [type(op) for op in zendesk.ops] == [ReplaceField, SetTranslations]


def test_translations_diff_per_locale() -> None:
    want = Field(key="p", kind="dropdown", title="Product",
                 titles={"en": "Product", "fr": "Produit", "ko": "제품"},
                 options=(Option("a", "A", titles={"fr": "A fr"}),))
    have = Field(key="", kind="dropdown", title="Product", titles={"fr": "Produit"}, id=1,
                 options=(Option("a", "A", id=10),))
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    assert len(plan.ops) == 1
    op = plan.ops[0]
    assert isinstance(op, SetTranslations)
    # option titles are translated too (Zendesk: one dynamic content item per option)
    assert {(c.attr, c.old, c.new) for c in op.changes} == {
        ("title[ko]", None, "제품"), ("option a[en]", None, "A"), ("option a[fr]", None, "A fr")}


def test_renaming_a_translated_field_changes_its_default_translation() -> None:
    want = Field(key="p", kind="text", title="Game", titles={"en": "Game", "fr": "Jeu"})
    have = Field(key="", kind="text", title="Product", id=1,
                 titles={"en": "Product", "fr": "Jeu"})
    plan = compare(ws([want]), RemoteState(fields=(have,)), lock_for(p=FieldEntry(1)))
    assert [type(op) for op in plan.ops] == [UpdateField, SetTranslations]
    assert [(c.attr, c.old, c.new) for c in plan.ops[1].changes] == [  # type: ignore[attr-defined]
        ("title[en]", "Product", "Game")]


def test_new_field_with_translations_gets_them_after_create() -> None:
    want = Field(key="p", kind="text", title="P", titles={"fr": "P fr"})
    plan = compare(ws([want]), RemoteState(), LockFile())
    assert [type(op) for op in plan.ops] == [CreateField, SetTranslations]


def test_form_fields_order_and_conditions() -> None:
    product = dropdown("product", "Product", "game_a")
    serial = Field(key="serial", kind="text", title="Serial", id=None)
    cond = Condition(parent="product", value="game_a",
                     children=(ConditionChild("serial", required=True),))
    form = Form(key="bug", title="Bug", fields=("subject", "product", "serial"),
                conditions=(cond,))
    rform = Form(key="", title="Bug", fields=("subject", 2, 1), id=50)
    remote = (remote_dropdown(1, "Product", "game_a"),
              Field(key="", kind="text", title="Serial", id=2))
    lock = LockFile(fields={"product": FieldEntry(1), "serial": FieldEntry(2)},
                    forms={"bug": FormEntry(50)})
    plan = compare(ws([product, serial], [form]), RemoteState(fields=remote, forms=(rform,)),
                   lock)
    assert len(plan.ops) == 1
    op = plan.ops[0]
    assert isinstance(op, UpdateForm)
    assert {c.attr for c in op.changes} == {"fields", "conditions"}
    # the same form with ids on the remote side is a no-op
    rform2 = Form(key="", title="Bug", fields=("subject", 1, 2), id=50, conditions=(
        Condition(parent=1, value="game_a", children=(ConditionChild(2, True),)),))
    plan2 = compare(ws([product, serial], [form]),
                    RemoteState(fields=remote, forms=(rform2,)), lock)
    assert plan2.ops == ()


def test_form_order_follows_the_workspace_and_leaves_other_forms_in_place() -> None:
    forms = [Form(key="a", title="A", fields=(), position=1),
             Form(key="b", title="B", fields=(), position=0)]
    remote = (Form(key="", title="Other brand", fields=(), id=9),
              Form(key="", title="A", fields=(), id=1),
              Form(key="", title="B", fields=(), id=2))
    plan = compare(ws([], forms), RemoteState(forms=remote),
                   LockFile(forms={"a": FormEntry(1), "b": FormEntry(2)}))
    assert len(plan.ops) == 1
    op = plan.ops[0]
    assert isinstance(op, ReorderForms)
    assert op.order == (9, "b", "a")
    assert "form order" in render_text(plan)


def test_new_forms_appended_in_order_need_no_reorder() -> None:
    forms = [Form(key="a", title="A", fields=()), Form(key="b", title="B", fields=())]
    plan = compare(ws([], forms), RemoteState(), LockFile())
    assert [type(op) for op in plan.ops] == [CreateForm, CreateForm]


def test_prune_deletes_only_what_the_lock_records() -> None:
    remote_fields = (Field(key="", kind="text", title="Mine", id=1),
                     Field(key="", kind="text", title="Other brand's", id=2))
    remote_forms = (Form(key="", title="My form", fields=(1,), id=10),
                    Form(key="", title="Their form", fields=(2,), id=20))
    lock = LockFile(fields={"mine": FieldEntry(1)}, forms={"my_form": FormEntry(10)})
    state = RemoteState(fields=remote_fields, forms=remote_forms)
    plan = compare(ws(), state, lock)
    assert plan.ops == ()
    assert len(plan.notes) == 2
    pruned = compare(ws(), state, lock, prune=True)
    assert [(type(op), op.key) for op in pruned.ops] == [(DeleteForm, "my_form"),
                                                        (DeleteField, "mine")]


def test_brands_compare_by_name() -> None:
    form = Form(key="a", title="A", fields=(), brands=("game_publisher",))
    rform = Form(key="", title="A", fields=(), id=1, brands=("77",))
    state = RemoteState(forms=(rform,), brands={"game_publisher": 77, "ads": 78})
    lock = LockFile(forms={"a": FormEntry(1)})
    assert compare(ws([], [form]), state, lock).ops == ()
    other = replace(form, brands=("ads",))
    plan = compare(ws([], [other]), state, lock)
    assert [(c.attr, c.old, c.new) for c in plan.ops[0].changes] == [  # type: ignore[attr-defined]
        ("brands", ["game_publisher"], ["ads"])]


def test_json_rendering_is_machine_readable() -> None:
    plan = compare(ws([dropdown("p", "P", "a")]), RemoteState(), LockFile())
    data = json.loads(render_json(plan))
    assert data["has_changes"] is True
    assert data["summary"]["create"] == 1
    assert data["changes"][0]["op"] == "create_field"
    assert data["changes"][0]["options"] == ["a"]


def test_conditions_on_a_target_without_them_are_refused() -> None:
    form = Form(key="f", title="F", fields=("p",), source="forms/f.json",
                conditions=(Condition("p", "a", (ConditionChild("q"),)),))
    with pytest.raises(PlanError, match=r"forms/f\.json: conditional fields .* on freshdesk"):
        compare(ws([dropdown("p", "P", "a")], [form]), RemoteState(), LockFile(),
                capabilities=FRESHDESK_NO_CONDITIONS, target="freshdesk")


def test_forms_on_an_account_without_forms_are_one_error_fields_alone_plan() -> None:
    """A Zendesk Team plan: the adapter reads no forms and says why; the plan refuses the
    workspace's forms before any write, and plans its fields alone."""
    field = Field(key="serial", kind="text", title="Serial")
    form = Form(key="f", title="F", fields=("serial",), source="forms/f.json")
    actual = RemoteState(forms_unavailable="403 Forbidden: no forms on the team plan")
    with pytest.raises(PlanError) as info:
        compare(ws([field], [form]), actual, LockFile(), target="zendesk")
    assert str(info.value) == (
        "forms/f.json: this zendesk account's plan has no ticket forms (403 Forbidden: no "
        "forms on the team plan); upgrade the plan, or remove the forms from the workspace "
        "to provision its fields only")
    plan = compare(ws([field]), actual, LockFile(), target="zendesk")
    assert [op.name for op in plan.ops] == ["create_field"]


def test_renamed_field_form_and_option_are_kept_not_recreated() -> None:
    want = replace(dropdown("game", "P", "alpha", "b"), was="p")
    want = replace(want, options=(replace(want.options[0], was="a"), want.options[1]))
    form = Form(key="new_form", title="F", fields=("game",), was="old_form")
    have = remote_dropdown(1, "P", "a", "b")
    rform = Form(key="", title="F", fields=(1,), id=30)
    lock = LockFile(fields={"p": FieldEntry(1, options={"a": 100, "b": 101})},
                    forms={"old_form": FormEntry(30)})
    plan = compare(ws([want], [form]), RemoteState(fields=(have,), forms=(rform,)), lock)
    assert names(plan) == [("rename_field", "game"), ("rename_form", "new_form"),
                           ("update_option", "game.alpha")]
    op = plan.ops[2]
    assert isinstance(op, UpdateOption) and op.option.id == 100
    text = render_text(plan)
    assert "~ renamed field p → game (#1)" in text
    assert "~ renamed form old_form → new_form (#30)" in text
    assert "~ renamed option game.a → game.alpha (#100)" in text
    assert plan.kept == () and plan.renamed_fields == {"game": "p"}
    assert lock.fields.keys() == {"p"}  # compare is pure
