"""Freshdesk Solutions subfolders are read (issue 17, finding 17): an article in a folder
inside a folder is seen, so a sync adopts it instead of publishing a duplicate."""

from __future__ import annotations

from pathlib import Path

from sandbox.support import freshdesk_session

from integrations.kb.connect import connect_kb
from integrations.sandbox.freshdesk.settings import set_languages
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings


def test_an_article_in_a_subfolder_is_read(freshdesk_env: dict[str, str],
                                           fresh_sandbox: RunningSandbox,
                                           tmp_path: Path) -> None:
    set_languages(fresh_sandbox.freshdesk, "en", [])
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    cat = s.post(f"{base}/api/v2/solutions/categories", json={"name": "Help"}, timeout=10).json()
    top = s.post(f"{base}/api/v2/solutions/categories/{cat['id']}/folders",
                 json={"name": "Start", "visibility": 1}, timeout=10).json()
    sub = s.post(f"{base}/api/v2/solutions/categories/{cat['id']}/folders", timeout=10,
                 json={"name": "Deeper", "visibility": 1, "parent_folder_id": top["id"]}).json()
    art = s.post(f"{base}/api/v2/solutions/folders/{sub['id']}/articles", timeout=10, json={
        "title": "Hidden", "description": "<p>In a subfolder.</p>", "status": 2}).json()
    with connect_kb(load_settings(freshdesk_env, dotenv=None)) as target:
        remote = target.read()
    assert art["id"] in remote.articles
    assert remote.articles[art["id"]].section_id == sub["id"]
    assert remote.sections[sub["id"]].category_id == cat["id"]
