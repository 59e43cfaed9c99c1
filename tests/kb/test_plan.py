"""Plan and apply without a network: ordering, no-op re-sync, conflicts, adoption, prune."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.errors import PlanError
from integrations.kb.apply import apply_kb
from integrations.kb.lock import KbLock
from integrations.kb.model import KnowledgeBase
from integrations.kb.plan import KbPlan, plan_kb, render_body
from integrations.kb.sources import load_kb
from integrations.kb.target import KbCapabilities

from .conftest import PNG, Writer
from .memory import MemoryKb

FRESHDESK = KbCapabilities(visibility_on="section", images=False, primary_language_first=True)


def sync(kb: KnowledgeBase, target: MemoryKb, lock: KbLock, **flags: bool) -> KbPlan:
    remote = target.read()
    plan = plan_kb(kb, remote, lock, target.capabilities, **flags)
    apply_kb(plan, kb, remote, lock, target)
    return plan


def test_first_sync_creates_parents_first_then_a_no_op(seeds_workspace: Path) -> None:
    kb, _ = load_kb(seeds_workspace)
    target = MemoryKb(locales=("en", "fr", "ko"))
    lock = KbLock(seeds_workspace / "locks/test.kb.json", "zendesk")
    plan = sync(kb, target, lock)
    actions = [op.action for op in plan.ops]
    assert actions.index("create_section") > actions.index("create_category")
    assert actions.index("create_article") > max(i for i, a in enumerate(actions)
                                                 if a.startswith(("create_s", "section")))
    assert [str(op) for op in plan.ops if op.action == "translation"] == [
        "+ translation stripchat-contact-support [ko]"]
    assert len(target.articles) == 3
    assert target.calls.writes == len(plan.ops) == 12

    again = plan_kb(kb, target.read(), KbLock.load(lock.path, "zendesk"), target.capabilities)
    assert again.is_empty() and again.writes == 0


def test_changing_one_translation_is_one_write(seeds_workspace: Path) -> None:
    kb, _ = load_kb(seeds_workspace)
    target = MemoryKb()
    lock = KbLock(seeds_workspace / "locks/t.kb.json", "zendesk")
    sync(kb, target, lock)
    korean = seeds_workspace / "kb/stripchat/support/003_e725f0296155d17b.txt"
    korean.write_text(korean.read_text(encoding="utf-8").replace("티켓", "티켓 안내"),
                      encoding="utf-8")
    kb2, _ = load_kb(seeds_workspace)
    plan = plan_kb(kb2, target.read(), lock, target.capabilities)
    assert [str(op) for op in plan.ops] == ["~ translation stripchat-contact-support [ko]"]


def test_an_edit_in_the_helpdesk_is_a_conflict_unless_forced(seeds_workspace: Path) -> None:
    kb, _ = load_kb(seeds_workspace)
    target = MemoryKb()
    lock = KbLock(seeds_workspace / "locks/t.kb.json", "zendesk")
    sync(kb, target, lock)
    aid = lock.articles["gamigo-contact"]["id"]
    target.edit(aid, "fr", "<p>edited by an agent</p>")
    plan = plan_kb(kb, target.read(), lock, target.capabilities)
    assert plan.ops == []
    assert [str(c) for c in plan.conflicts] == [
        "! conflict gamigo-contact [fr]: edited in the helpdesk at 2030-01-01T00:00:00Z since "
        "the last sync; re-run with --force to overwrite"]
    apply_kb(plan, kb, target.read(), lock, target)
    assert target.articles[aid].translations["fr"].body == "<p>edited by an agent</p>"
    forced = sync(kb, target, lock, force=True)
    assert [op.action for op in forced.ops] == ["translation"]
    assert "edited by an agent" not in target.articles[aid].translations["fr"].body


def test_lost_lock_adopts_by_section_and_title_without_writes(seeds_workspace: Path) -> None:
    kb, _ = load_kb(seeds_workspace)
    target = MemoryKb()
    sync(kb, target, KbLock(seeds_workspace / "locks/a.kb.json", "zendesk"))
    fresh = KbLock(seeds_workspace / "locks/b.kb.json", "zendesk")
    plan = sync(kb, target, fresh)
    assert plan.ops == [] and len(target.articles) == 3
    assert sum("adopted" in note for note in plan.notes) == 3
    assert set(fresh.articles) == set(kb.articles)
    assert plan_kb(kb, target.read(), fresh, target.capabilities).is_empty()


def test_disabled_locale_is_an_error_naming_it(seeds_workspace: Path) -> None:
    kb, _ = load_kb(seeds_workspace)
    target = MemoryKb(locales=("en", "fr"))
    with pytest.raises(PlanError, match=r"locale ko \(used by kb/stripchat/support/003_"):
        plan_kb(kb, target.read(), KbLock(seeds_workspace / "l.json", "zendesk"),
                target.capabilities)


def test_freshdesk_needs_the_primary_language_and_folder_visibility(write: Writer) -> None:
    write("kb/help/start/a.md", "---\nlocale: fr\nvisibility: agents\n---\n# A\n\nTexte.\n")
    root = write("kb/help/start/b.md", "---\nlocale: en\n---\n# B\n\nText.\n")
    kb, _ = load_kb(root)
    target = MemoryKb(locales=("en", "fr"), default="en")
    with pytest.raises(PlanError) as err:
        plan_kb(kb, target.read(), KbLock(root / "l.json", "freshdesk"), FRESHDESK)
    assert "a: no en version" in str(err.value)
    assert "visibility 'agents' cannot be mapped on Freshdesk" in str(err.value)


def test_prune_deletes_only_what_the_lock_recorded(write: Writer) -> None:
    write("kb/help/start/a.md", "---\nlocale: en\n---\n# A\n\nText a.\n")
    root = write("kb/help/start/b.md", "---\nlocale: en\n---\n# B\n\nText b.\n")
    kb, _ = load_kb(root)
    target = MemoryKb()
    lock = KbLock(root / "locks/t.kb.json", "zendesk")
    sync(kb, target, lock)
    sid = next(iter(target.sections))
    target.create_article(sid, "en", "Hand-made", "<p>x</p>", False, (), "everyone")
    (root / "kb/help/start/b.md").unlink()
    kb2, _ = load_kb(root)
    kept = plan_kb(kb2, target.read(), lock, target.capabilities)
    assert kept.ops == [] and any("use --prune" in n for n in kept.notes)
    pruned = sync(kb2, target, lock, prune=True)
    assert [str(op).split(":")[0] for op in pruned.ops] == ["- article b"]
    assert sorted(a.translations["en"].title for a in target.articles.values()) == [
        "A", "Hand-made"]


def test_images_are_uploaded_then_referenced_and_links_point_to_urls(write: Writer) -> None:
    write("kb/help/start/pic.png", PNG)
    write("kb/help/start/b.md", "---\nlocale: en\nkey: b\n---\n# B\n\nSee [A](a.md).\n")
    root = write("kb/help/start/a.md", "---\nlocale: en\nkey: a\n---\n# A\n\n![p](pic.png)\n\n"
                                       "Back to [B](b.md).\n")
    kb, _ = load_kb(root)
    target = MemoryKb()
    lock = KbLock(root / "locks/t.kb.json", "zendesk")
    sync(kb, target, lock)
    bodies = {a.translations["en"].title: a.translations["en"].body
              for a in target.articles.values()}
    assert 'src="https://hc.example/attachments/' in bodies["A"]
    a_id = lock.articles["a"]["id"]
    b_id = lock.articles["b"]["id"]
    assert f'href="https://hc.example/en/articles/{b_id}"' in bodies["A"]
    assert f'href="https://hc.example/en/articles/{a_id}"' in bodies["B"]
    assert plan_kb(kb, target.read(), lock, target.capabilities).is_empty()
    (root / "kb/help/start/pic.png").write_bytes(PNG + b"\0")
    kb2, _ = load_kb(root)
    assert [op.action for op in plan_kb(kb2, target.read(), lock, target.capabilities).ops] == [
        "upload_image", "translation"]


def test_render_body_drops_unknown_images_and_marks_unknown_links() -> None:
    body = '<p><img src="x/y.png" alt=""></p><p><a href="kb:k">k</a></p>'
    html, used = render_body(body, {}, lambda key: None)
    assert html == '<p><a href="#">k</a></p>' and used == {"k": None}
