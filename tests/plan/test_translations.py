"""Translated option and form titles, over HTTP: on Zendesk they go through dynamic content
and a requester-locale read (``?locale=fr``) shows them; a French-only edit of an option
title is a planned change; export gives them back. Freshdesk cannot show them: `validate`
says so once, with the list, and the plan says "not provisioned on freshdesk"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import requests

from integrations import workspace as workspace_pkg
from integrations.model import Workspace
from integrations.sandbox.server import RunningSandbox

from .test_e2e import Env, make_env, model


@pytest.fixture
def zendesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env("zendesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


@pytest.fixture
def freshdesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env("freshdesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


def translated(ws: Workspace, fr_game_a: str = "Jeu A") -> Workspace:
    """Option game_a and the bug form titled in French and Korean."""
    product = ws.fields["product"]
    game_a = replace(product.options[0], titles={"en": "Game A", "fr": fr_game_a,
                                                  "ko": "게임 A"})
    product = replace(product, options=(game_a, *product.options[1:]))
    bug = replace(ws.forms["bug"], titles={"en": "Bug report", "fr": "Signaler un bug",
                                           "ko": "버그 신고"})
    return replace(ws, locales=("en", "fr", "ko"), fields={**ws.fields, "product": product},
                   forms={**ws.forms, "bug": bug})


def zendesk_get(env: Env, path: str, locale: str) -> Any:
    auth = (f"{env.vars['ZENDESK_EMAIL']}/token", env.vars["ZENDESK_API_TOKEN"])
    response = requests.get(f"{env.vars['DESKOPS_SANDBOX_ZENDESK_URL']}{path}",
                            params={"locale": locale}, auth=auth, timeout=10)
    response.raise_for_status()
    return response.json()


def test_option_and_form_titles_read_back_in_the_requester_locale(zendesk: Env,
                                                                 tmp_path: Path) -> None:
    env = zendesk
    env.write(translated(model(env.target, env.root)))
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    lock = env.lock()
    fid, form_id = lock.fields["product"].id, lock.forms["bug"].id
    option_id = lock.fields["product"].options["game_a"]
    for locale, option_title, form_title in (("fr", "Jeu A", "Signaler un bug"),
                                             ("ko", "게임 A", "버그 신고"),
                                             ("en-US", "Game A", "Bug report")):
        field = zendesk_get(env, f"/api/v2/ticket_fields/{fid}", locale)["ticket_field"]
        names = {o["id"]: o["name"] for o in field["custom_field_options"]}
        assert names[option_id] == option_title
        form = zendesk_get(env, f"/api/v2/ticket_forms/{form_id}", locale)["ticket_form"]
        assert form["display_name"] == form_title
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0, out
    # a French-only edit of an option title is a change, applied as one variant update
    env.write(translated(model(env.target, env.root), fr_game_a="Jeu Alpha"))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2 and 'option game_a[fr]: "Jeu A" → "Jeu Alpha"' in out
    mark = env.emu.log.mark()
    assert env.cli("apply", "--auto-approve")[0] == 0
    assert [w for w in env.writes(mark) if "dynamic_content" in w] == [
        w for w in env.writes(mark)]  # only the variant: no field, option or form write
    field = zendesk_get(env, f"/api/v2/ticket_fields/{fid}", "fr")["ticket_field"]
    assert {o["id"]: o["name"] for o in field["custom_field_options"]}[option_id] == "Jeu Alpha"
    # export gives the translations back, and plans empty against the same helpdesk
    out_dir = tmp_path / "exported"
    assert env.cli("export", "--out", str(out_dir))[0] == 0
    exported = workspace_pkg.load(out_dir, "zendesk")
    form = next(f for f in exported.forms.values() if f.title == "Bug report")
    assert form.titles.get("ko") == "버그 신고"
    product = next(f for f in exported.fields.values() if f.title == "Product")
    assert next(o for o in product.options if o.value == "game_a").titles["fr"] == "Jeu Alpha"
    code, out, _ = env.cli("plan", "--detailed-exitcode", root=out_dir)
    assert code == 0, out


def test_freshdesk_says_what_it_cannot_show(freshdesk: Env) -> None:
    env = freshdesk
    ws = translated(model(env.target, env.root))
    product = replace(ws.fields["product"], titles={"en": "Product", "fr": "Produit"})
    env.write(replace(ws, fields={**ws.fields, "product": product}))
    report = workspace_pkg.check(env.root, "freshdesk")
    warnings = [str(w) for w in report.warnings if "translations" in str(w)]
    assert len(warnings) == 1, report.warnings
    assert "fields/product.json" in warnings[0] and "forms/bug.json" in warnings[0]
    assert "option game_a" in warnings[0]
    code, out, _ = env.cli("plan")
    assert code == 0
    assert "not provisioned on freshdesk" in out and "forms/bug.json" in out


def test_a_translation_added_by_hand_is_shown_kept_out_of_the_lock_and_pruned(
        zendesk: Env) -> None:
    env = zendesk
    env.write(model(env.target, env.root))  # product: en + fr titles
    assert env.cli("apply", "--auto-approve")[0] == 0
    auth = (f"{env.vars['ZENDESK_EMAIL']}/token", env.vars["ZENDESK_API_TOKEN"])
    base = env.vars["DESKOPS_SANDBOX_ZENDESK_URL"]
    items = requests.get(f"{base}/api/v2/dynamic_content/items.json", auth=auth,
                         timeout=10).json()["items"]
    item = next(i for i in items if i["name"] == "deskops_product_title")
    locales = requests.get(f"{base}/api/v2/locales.json", auth=auth, timeout=10).json()
    pt = next(loc["id"] for loc in locales["locales"] if loc["locale"] == "pt-BR")
    requests.post(f"{base}/api/v2/dynamic_content/items/{item['id']}/variants.json", auth=auth,
                  json={"variant": {"locale_id": pt, "content": "Produto"}},
                  timeout=10).raise_for_status()
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2, out
    fid = env.lock().fields["product"].id
    assert f'? translation product.title[pt-br] "Produto" (#{fid}): on the helpdesk' in out
    mark = env.emu.log.mark()
    assert env.cli("apply", "--auto-approve")[0] == 0
    assert env.writes(mark) == []  # kept, not written
    assert env.cli("drift")[0] == 3  # and not recorded as managed
    code, out, _ = env.cli("plan", "--prune")
    assert 'title[pt-br]: "Produto" → (none)' in out
    mark = env.emu.log.mark()
    assert env.cli("apply", "--auto-approve", "--prune")[0] == 0  # not destructive
    assert [w.split(" ")[0] for w in env.writes(mark)] == ["DELETE"]
    assert env.cli("plan", "--detailed-exitcode")[0] == 0
    assert env.cli("drift")[0] == 0
