"""kb sync / export over real HTTP against the sandbox, for Zendesk Guide and Freshdesk
Solutions; writes are counted on the server side (the sandbox's request log)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from integrations.errors import PlanError
from integrations.kb.apply import KbApplyResult, apply_kb
from integrations.kb.connect import connect_kb
from integrations.kb.export import export_kb
from integrations.kb.lock import KbLock, lock_path
from integrations.kb.plan import KbPlan, plan_kb
from integrations.kb.sources import load_kb
from integrations.sandbox import ADMIN_EMAIL, API_TOKEN, FRESHDESK_API_KEY
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.freshdesk.settings import set_languages
from integrations.sandbox.server import RunningSandbox
from integrations.sandbox.zendesk.help_center import set_hc_locales
from integrations.settings import Settings, load_settings

from .conftest import PNG


@dataclass
class Desk:
    """One sandbox helpdesk as the tests see it."""

    name: str
    settings: Settings
    emu: Emulator
    url: str

    @property
    def articles(self) -> list[dict[str, Any]]:
        return self.emu.store.all("hc_articles" if self.name == "zendesk" else "sol_articles")

    def bodies(self) -> list[str]:
        key = "body" if self.name == "zendesk" else "description"
        return [str(t.get(key)) for a in self.articles for t in a["_translations"].values()]

    def agent_edit(self, article_id: int, locale: str, body: str) -> None:
        """An agent edits a translation in the helpdesk, over its public API."""
        if self.name == "zendesk":
            response = requests.put(
                f"{self.url}/api/v2/help_center/articles/{article_id}/translations/{locale}",
                json={"translation": {"body": body}}, auth=(f"{ADMIN_EMAIL}/token", API_TOKEN),
                timeout=10)
        else:
            response = requests.put(f"{self.url}/api/v2/solutions/articles/{article_id}",
                                    json={"description": body}, auth=(FRESHDESK_API_KEY, "X"),
                                    timeout=10)
        assert response.status_code == 200, response.text

    def mark(self) -> int:
        """The request log's position once every earlier request is logged.

        The sandbox appends to its log after sending the response, so a mark taken right
        after a call could precede that call's entry; one more request through the server
        is a barrier (requests are handled, and logged, in order on its event loop).
        """
        requests.get(f"{self.url}/api/v2/deskops-test-barrier", timeout=10)
        return self.emu.log.mark()

    def writes(self, since: int) -> list[str]:
        """The writes logged after ``since``, once every earlier request is logged."""
        self.mark()
        return [f"{r.method} {r.path}" for r in self.emu.log.writes(since=since)]


@pytest.fixture(params=["zendesk", "freshdesk"])
def desk(request: pytest.FixtureRequest, fresh_sandbox: RunningSandbox) -> Desk:
    if request.param == "zendesk":
        env, emu, url = fresh_sandbox.zendesk_env(), fresh_sandbox.zendesk, \
            fresh_sandbox.zendesk_url
    else:
        env, emu, url = fresh_sandbox.freshdesk_env(), fresh_sandbox.freshdesk, \
            fresh_sandbox.freshdesk_url
        set_languages(emu, "fr", ["ko", "en"])  # the seeds are French first
    return Desk(request.param, load_settings(env, dotenv=None), emu, url)


def sync(workspace: Path, desk: Desk, **flags: bool) -> tuple[KbPlan, KbApplyResult]:
    kb, _ = load_kb(workspace)
    lock = KbLock.load(lock_path(workspace, desk.name), desk.name)
    with connect_kb(desk.settings) as target:
        remote = target.read()
        plan = plan_kb(kb, remote, lock, target.capabilities, **flags)
        result = apply_kb(plan, kb, remote, lock, target)
    return plan, result


def test_seeds_publish_as_three_articles_and_resync_writes_nothing(
        seeds_workspace: Path, desk: Desk) -> None:
    mark = desk.mark()
    plan, result = sync(seeds_workspace, desk)
    assert len(desk.writes(mark)) == result.writes == len(plan.ops)
    articles = desk.articles
    assert len(articles) == 3
    assert sorted(sorted(a["_translations"]) for a in articles) == [["fr"], ["fr"], ["fr", "ko"]]
    assert any("로그인" not in b and "고객 지원팀은" in b for b in desk.bodies())
    assert all("S’abonner" not in b and "utile ?" not in b for b in desk.bodies())

    mark = desk.mark()
    again, result = sync(seeds_workspace, desk)
    assert again.is_empty() and result.writes == 0
    assert desk.writes(mark) == []


def test_one_changed_translation_is_one_write(seeds_workspace: Path, desk: Desk) -> None:
    sync(seeds_workspace, desk)
    korean = seeds_workspace / "kb/stripchat/support/003_e725f0296155d17b.txt"
    korean.write_text(korean.read_text(encoding="utf-8").replace("티켓", "티켓 (1)"),
                      encoding="utf-8")
    mark = desk.mark()
    sync(seeds_workspace, desk)
    (write,) = desk.writes(mark)
    assert write.startswith("PUT ") and write.lower().endswith("/ko")


def test_an_edit_in_the_helpdesk_is_a_conflict_until_forced(seeds_workspace: Path,
                                                           desk: Desk) -> None:
    sync(seeds_workspace, desk)
    lock = KbLock.load(lock_path(seeds_workspace, desk.name), desk.name)
    article_id = lock.articles["gamigo-contact"]["id"]
    desk.agent_edit(article_id, "fr", "<p>Corrigé à la main</p>")
    mark = desk.mark()
    plan, result = sync(seeds_workspace, desk)
    assert [(c.key, c.locale) for c in plan.conflicts] == [("gamigo-contact", "fr")]
    assert plan.conflicts[0].updated_at  # the plan says when
    assert result.writes == 0 and desk.writes(mark) == []
    assert "<p>Corrigé à la main</p>" in desk.bodies()

    plan, result = sync(seeds_workspace, desk, force=True)
    assert result.writes == 1 and not plan.conflicts
    assert "<p>Corrigé à la main</p>" not in desk.bodies()


def test_export_then_sync_shows_no_changes(seeds_workspace: Path, desk: Desk,
                                           tmp_path: Path) -> None:
    sync(seeds_workspace, desk)
    out = tmp_path / "exported"
    with connect_kb(desk.settings) as target:
        export_kb(target.read(), out)
    kb, _ = load_kb(out)
    assert sorted(sorted(a.translations) for a in kb.articles.values()) == [
        ["fr"], ["fr"], ["fr", "ko"]]
    mark = desk.mark()
    plan, result = sync(out, desk)
    assert plan.ops == [] and not plan.conflicts, plan.render()
    assert result.writes == 0 and desk.writes(mark) == []
    assert sum("adopted" in n for n in plan.notes) == 3
    again, _ = sync(out, desk)
    assert again.is_empty()


def test_missing_image_warns_and_present_image_is_uploaded(seeds_workspace: Path,
                                                           desk: Desk) -> None:
    folder = seeds_workspace / "kb/rakuten/publishers"
    (folder / "mceclip0.png").write_bytes(PNG)
    _, warnings = load_kb(seeds_workspace)
    text = "\n".join(str(w) for w in warnings)
    assert "image 'Screen_Shot_2022-04-27_at_10.23.49_AM.png' not found" in text
    assert "mceclip0.png' not found" not in text
    plan, _ = sync(seeds_workspace, desk)
    assert len(desk.articles) == 3
    rakuten = next(b for b in desk.bodies() if "Rakuten" in b)
    assert "Screen_Shot" not in rakuten
    if desk.name == "zendesk":
        (attachment,) = desk.emu.store.all("hc_attachments")
        assert attachment["file_name"] == "mceclip0.png" and attachment["inline"] is True
        assert f'src="{attachment["content_url"]}"' in rakuten
    else:
        assert "mceclip0" not in rakuten
        assert any("cannot attach article images" in n for n in plan.notes)
    mark = desk.mark()
    again, _ = sync(seeds_workspace, desk)
    assert desk.writes(mark) == [] and again.is_empty()


def test_script_in_an_html_source_never_reaches_the_helpdesk(seeds_workspace: Path,
                                                            desk: Desk) -> None:
    (seeds_workspace / "kb/gamigo/contact/evil.html").write_text(
        "---\nlocale: fr\nkey: evil\n---\n<h1>Titre</h1><p>Texte <script>alert(1)</script>"
        '<a href="javascript:alert(2)">lien</a><img src="x.png" onerror="alert(3)"></p>'
        '<iframe src="https://evil.example"></iframe><svg><script>alert(4)</script></svg>',
        encoding="utf-8")
    sync(seeds_workspace, desk)
    bodies = desk.bodies()
    assert len(bodies) == 5
    for body in bodies:
        for bad in ("<script", "alert(", "javascript:", "onerror", "<iframe", "<svg"):
            assert bad not in body


def test_disabled_locale_is_a_clear_error(seeds_workspace: Path, desk: Desk) -> None:
    if desk.name == "zendesk":
        set_hc_locales(desk.emu, ["en-us", "fr"], "en-us")
    else:
        set_languages(desk.emu, "fr", ["en"])
    mark = desk.mark()
    with pytest.raises(PlanError, match=r"locale ko \(used by kb/stripchat/support/003_"):
        sync(seeds_workspace, desk)
    assert desk.writes(mark) == []


def test_lost_lock_adopts_instead_of_duplicating(seeds_workspace: Path, desk: Desk) -> None:
    sync(seeds_workspace, desk)
    shutil.rmtree(seeds_workspace / "locks")
    mark = desk.mark()
    plan, _ = sync(seeds_workspace, desk)
    assert desk.writes(mark) == [] and len(desk.articles) == 3, plan.render()



def test_locales_are_mapped_per_target(tmp_path: Path, desk: Desk) -> None:
    page = tmp_path / "kb/help/start/hello.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\nkey: hello\nlocale: en\ndraft: true\nlabels: [greeting]\n---\n"
                    "# Hello\n\nWelcome.\n", encoding="utf-8")
    if desk.name == "freshdesk":
        set_languages(desk.emu, "en", ["fr"])
    sync(tmp_path, desk)
    (article,) = desk.articles
    if desk.name == "zendesk":
        assert list(article["_translations"]) == ["en-us"]
        assert article["_translations"]["en-us"]["draft"] is True
        assert article["label_names"] == ["greeting"]
    else:
        assert list(article["_translations"]) == ["en"]
        assert article["_translations"]["en"]["status"] == 1
        assert article["tags"] == ["greeting"]
    mark = desk.mark()
    again, _ = sync(tmp_path, desk)
    assert again.is_empty() and desk.writes(mark) == []


def _forget(workspace: Path, prefix: str) -> None:
    """Remove what the manifest says about files, sections and categories under ``prefix``."""
    path = workspace / "kb/manifest.yaml"
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    for part in ("categories", "sections", "articles"):
        manifest[part] = {k: v for k, v in manifest[part].items()
                          if not (k + "/").startswith(prefix)}
    path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")


def _cycle(root: Path, locales: tuple[str, ...]) -> None:
    """Two new articles linking to each other, in every locale."""
    for key, other in (("a", "b"), ("b", "a")):
        for loc in locales:
            page = root / f"kb/help/start/{key}.{loc}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"---\nkey: {key}\nlocale: {loc}\n---\n# {key.upper()} {loc}\n\n"
                            f"See [the other]({other}.{loc}.md).\n", encoding="utf-8")


def test_a_link_cycle_costs_one_follow_up_write(tmp_path: Path, desk: Desk) -> None:
    if desk.name == "freshdesk":
        set_languages(desk.emu, "fr", ["ko"])
    _cycle(tmp_path, ("fr", "ko"))
    mark = desk.mark()
    plan, result = sync(tmp_path, desk)
    writes = desk.writes(mark)
    # 2 category + 2 section writes, 2 articles x 2 locales, and one follow-up: the first
    # article created links to one that had no id yet; nothing else is written twice.
    assert len(writes) == len(plan.ops) + 1 == 9 and result.follow_ups == 1, writes
    assert len(set(writes)) == len(writes) - 1  # the two article creations share a path
    assert [w for w in writes if w.startswith("PUT")] == [writes[-1]]
    bodies = desk.bodies()
    assert all('href="#"' not in b for b in bodies)
    for article in desk.articles:
        for loc, t in article["_translations"].items():
            other = next(a for a in desk.articles if a["id"] != article["id"])
            body = str(t.get("body") or t.get("description"))
            assert f"/{loc}" in body and f"articles/{other['id']}" in body
    mark = desk.mark()
    again, _ = sync(tmp_path, desk)
    assert again.is_empty() and desk.writes(mark) == []


def test_a_removed_translation_is_deleted_with_prune_only(seeds_workspace: Path,
                                                          desk: Desk) -> None:
    sync(seeds_workspace, desk)
    (seeds_workspace / "kb/stripchat/support/003_e725f0296155d17b.txt").unlink()
    _forget(seeds_workspace, "stripchat/support/003_")
    mark = desk.mark()
    plan, _ = sync(seeds_workspace, desk)
    assert "stripchat-contact-support [ko]: no longer in the workspace; kept (use --prune" \
        in plan.render()
    assert desk.writes(mark) == []

    plan, _ = sync(seeds_workspace, desk, prune=True)
    if desk.name == "zendesk":
        assert "- translation stripchat-contact-support [ko]" in plan.render()
        (write,) = desk.writes(mark)
        assert write.startswith("DELETE /api/v2/help_center/translations/")
        assert sorted(sorted(a["_translations"]) for a in desk.articles) == [
            ["fr"], ["fr"], ["fr"]]
    else:  # Freshdesk's API deletes whole articles only
        assert "cannot delete one translation" in plan.render()
        assert desk.writes(mark) == []
    mark = desk.mark()
    again, _ = sync(seeds_workspace, desk, prune=True)
    assert again.ops == [] and desk.writes(mark) == []


def test_prune_deletes_articles_but_never_sections(seeds_workspace: Path, desk: Desk) -> None:
    sync(seeds_workspace, desk)
    shutil.rmtree(seeds_workspace / "kb/gamigo")
    _forget(seeds_workspace, "gamigo/")
    mark = desk.mark()
    plan, _ = sync(seeds_workspace, desk, prune=True)
    text = plan.render()
    assert "- article gamigo-contact" in text
    assert "section gamigo/contact: no longer in the workspace; kept: categories and sections " \
           "are never pruned" in text
    assert "category gamigo: no longer in the workspace; kept" in text
    (write,) = desk.writes(mark)
    assert write.startswith("DELETE ") and len(desk.articles) == 2


def _named_access(root: Path, segment: str, group: str) -> None:
    page = root / "kb/help/start/vip.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\nkey: vip\nlocale: en\nuser_segment: {segment}\n"
                    f"permission_group: {group}\n---\n# VIP\n\nFor our best customers.\n",
                    encoding="utf-8")


def test_user_segment_and_permission_group_by_name(tmp_path: Path, desk: Desk) -> None:
    if desk.name == "freshdesk":
        set_languages(desk.emu, "en", [])
        _named_access(tmp_path, "VIP", "Editors")
        mark = desk.mark()
        with pytest.raises(PlanError, match=r"kb/help/start/vip.md: user_segment 'VIP' cannot "
                                            r"be mapped on Freshdesk"):
            sync(tmp_path, desk)
        assert desk.writes(mark) == []
        return
    (vip, gold) = desk.emu.seed("hc_user_segments", [{"name": "VIP"}, {"name": "Gold"}])
    (editors,) = desk.emu.seed("hc_permission_groups", [{"name": "Editors"}])
    _named_access(tmp_path, "VIP", "Editors")
    sync(tmp_path, desk)
    (article,) = desk.articles
    assert article["user_segment_id"] == vip["id"]
    assert article["permission_group_id"] == editors["id"]

    _named_access(tmp_path, "Gold", "Editors")
    mark = desk.mark()
    sync(tmp_path, desk)
    (write,) = desk.writes(mark)
    assert write == f"PUT /api/v2/help_center/articles/{article['id']}"
    assert desk.articles[0]["user_segment_id"] == gold["id"]
    out = tmp_path / "exported"
    with connect_kb(desk.settings) as target:
        export_kb(target.read(), out)
    assert "user_segment: Gold" in (out / "kb/help/start/vip.en.html").read_text(
        encoding="utf-8")
    mark = desk.mark()
    plan, _ = sync(out, desk)
    assert plan.ops == [] and desk.writes(mark) == [], plan.render()

    _named_access(tmp_path, "Platinum", "Editors")
    mark = desk.mark()
    with pytest.raises(PlanError, match=r"kb/help/start/vip.md: user segment 'Platinum' does "
                                        r"not exist in the helpdesk \(known: .*'VIP'"):
        sync(tmp_path, desk)
    assert desk.writes(mark) == []


def test_default_permission_group_is_the_first_built_in(
        tmp_path: Path, fresh_sandbox: RunningSandbox) -> None:
    desk = Desk("zendesk", load_settings(fresh_sandbox.zendesk_env(), dotenv=None),
                fresh_sandbox.zendesk, fresh_sandbox.zendesk_url)
    desk.emu.seed("hc_permission_groups", [{"name": "Editors"}])
    page = tmp_path / "kb/help/start/hello.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\nkey: hello\nlocale: en\n---\n# Hello\n\nHi.\n", encoding="utf-8")
    sync(tmp_path, desk)
    (article,) = desk.articles
    builtin = [g for g in desk.emu.store.all("hc_permission_groups") if g["built_in"]]
    assert article["permission_group_id"] == builtin[0]["id"]
    assert article["user_segment_id"] is None


def _move_gamigo(workspace: Path) -> Path:
    """Move the gamigo article's file to the rakuten/publishers folder (and edit it)."""
    old = workspace / "kb/gamigo/contact/000_110d4607b01e7c0f.txt"
    new = workspace / "kb/rakuten/publishers/000_110d4607b01e7c0f.txt"
    new.write_text(old.read_text(encoding="utf-8") + "\nNouveau paragraphe.\n", encoding="utf-8")
    old.unlink()
    path = workspace / "kb/manifest.yaml"
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    manifest["articles"]["rakuten/publishers/000_110d4607b01e7c0f.txt"] = \
        manifest["articles"].pop("gamigo/contact/000_110d4607b01e7c0f.txt")
    path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return new


def test_a_moved_article_is_refused_on_freshdesk_and_updated_on_zendesk(
        seeds_workspace: Path, desk: Desk) -> None:
    sync(seeds_workspace, desk)
    lock_file = lock_path(seeds_workspace, desk.name)
    article_id = KbLock.load(lock_file, desk.name).articles["gamigo-contact"]["id"]
    _move_gamigo(seeds_workspace)
    korean = seeds_workspace / "kb/stripchat/support/003_e725f0296155d17b.txt"
    korean.write_text(korean.read_text(encoding="utf-8").replace("티켓", "티켓 (1)"),
                      encoding="utf-8")
    mark = desk.mark()
    plan, result = sync(seeds_workspace, desk)
    writes = desk.writes(mark)
    assert result.writes == len(writes) == len(plan.ops)
    moved = next(a for a in desk.articles if a["id"] == article_id)
    if desk.name == "zendesk":
        assert not plan.refused
        # the section change is one metadata update; the edited text one translation write
        assert writes.count(f"PUT /api/v2/help_center/articles/{article_id}") == 1
        assert f"PUT /api/v2/help_center/articles/{article_id}/translations/fr" in writes
        assert len(writes) == 3 and writes[-1].endswith("/ko"), writes
        rakuten = KbLock.load(lock_file, desk.name).sections["rakuten/publishers"]["id"]
        assert moved["section_id"] == rakuten
    else:
        (refused,) = plan.refused
        assert (refused.key, refused.source) == (
            "gamigo-contact", "kb/rakuten/publishers/000_110d4607b01e7c0f.txt")
        assert (refused.old_section, refused.new_section) == ("gamigo/contact",
                                                              "rakuten/publishers")
        line = refused.line()
        assert "moved from folder gamigo/contact to rakuten/publishers" in line
        assert "cannot move an article" in line and "--prune" in line
        assert "Move the file back to gamigo/contact" in line
        assert "! not moved gamigo-contact" in plan.render()
        # zero writes for the moved article; the rest of the plan is applied
        (write,) = writes
        assert write.startswith("PUT ") and write.endswith("/ko")
        assert all(str(article_id) not in w for w in writes)
        assert "Nouveau paragraphe" not in str(moved["_translations"])
        assert not plan.is_empty()
        # the lock still records it where it is: the next sync refuses again, writes nothing
        mark = desk.mark()
        again, _ = sync(seeds_workspace, desk)
        assert again.ops == [] and len(again.refused) == 1 and desk.writes(mark) == []
