"""Freshdesk's own language codes (issue 17, finding 3): ``ru`` is ``ru-RU`` and ``sv`` is
``sv-SE`` there, so translations go to ``/ru-RU`` paths, doctor finds them and a second sync
writes nothing. The sandbox knows only Freshdesk's codes and refuses ``ru`` or ``sv``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from integrations.cli.main import cli
from integrations.helpdesk._common import from_vendor_locale, to_vendor_locale
from integrations.kb.apply import apply_kb
from integrations.kb.connect import connect_kb
from integrations.kb.lock import KbLock, lock_path
from integrations.kb.plan import plan_kb
from integrations.kb.sources import load_kb
from integrations.sandbox.freshdesk.settings import set_languages
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings


def _page(root: Path, locale: str, title: str) -> None:
    page = root / "kb" / "help" / "start" / f"hello.{locale}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\nkey: hello\nlocale: {locale}\n---\n# {title}\n\nText.\n",
                    encoding="utf-8")


def test_locale_table_uses_freshdesk_codes() -> None:
    for ws, fd in (("ru", "ru-RU"), ("sv", "sv-SE"), ("ja", "ja-JP"), ("nb", "nb-NO"),
                   ("lv", "lv-LV"), ("es-419", "es-LA"), ("pt-br", "pt-BR"), ("fr", "fr"),
                   ("zh-tw", "zh-TW")):
        assert to_vendor_locale("freshdesk", ws) == fd
        assert from_vendor_locale("freshdesk", fd, [ws]) == ws


def test_ru_and_sv_translations_sync_and_doctor(freshdesk_env: dict[str, str],
                                                fresh_sandbox: RunningSandbox,
                                                tmp_path: Path) -> None:
    emu = fresh_sandbox.freshdesk
    set_languages(emu, "en", ["ru-RU", "sv-SE"])
    ws = tmp_path / "w"
    ws.mkdir()
    (ws / "deskops.json").write_text('{"locales": ["en", "ru", "sv"]}')
    for locale, title in (("en", "Hello"), ("ru", "Привет"), ("sv", "Hej")):
        _page(ws, locale, title)
    settings = load_settings(freshdesk_env, dotenv=None)

    def sync() -> bool:
        kb, _ = load_kb(ws)
        lock = KbLock.load(lock_path(ws, "freshdesk"), "freshdesk")
        with connect_kb(settings) as target:
            remote = target.read()
            plan = plan_kb(kb, remote, lock, target.capabilities)
            apply_kb(plan, kb, remote, lock, target)
        return plan.is_empty()

    assert not sync()
    (article,) = emu.store.all("sol_articles")
    assert sorted(article["_translations"]) == ["en", "ru-RU", "sv-SE"]
    assert sync()  # nothing planned the second time: the codes round-trip
    result = CliRunner().invoke(cli, ["-w", str(ws), "doctor"], env=freshdesk_env)
    locales = next(ln for ln in result.output.splitlines() if ln[5:].startswith("locales:"))
    assert locales.startswith("ok   locales: workspace locales en, ru, sv supported"), locales
