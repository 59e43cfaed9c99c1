"""Fidelity of the sandbox's Freshdesk Solutions: answers carry only the attributes the
reference documents (``tests/reference/freshdesk-api-v2-docs.txt``), and the documented
rules hold."""

from __future__ import annotations

from pathlib import Path

import requests

from integrations.sandbox import FRESHDESK_API_KEY
from integrations.sandbox.server import RunningSandbox

DOCS = Path(__file__).resolve().parents[1] / "reference" / "freshdesk-api-v2-docs.txt"
S = "/api/v2/solutions"
#: Documented attributes an answer may lack, with the reason (the strict-presence rule:
#: every other documented attribute is present).
CONDITIONAL = {
    "company_ids": "only for folders visible to selected companies (visibility 4)",
    "contact_segment_ids": "only for folders visible to contact segments (visibility 5, 7)",
    "company_segment_ids": "only for folders visible to company segments (visibility 6, 7)",
}


def documented(heading: str, stop: str) -> set[str]:
    """Attribute names of the table after ``heading`` (``name<TAB>type<TAB>description``)."""
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index(heading):]
    section = section[:section.index(stop)]
    return {line.split("\t")[0] for line in section.splitlines() if line.count("\t") >= 2}


def test_solutions_answers_use_documented_attributes(fresh_sandbox: RunningSandbox) -> None:
    s = requests.Session()
    s.trust_env = False
    s.auth = (FRESHDESK_API_KEY, "X")
    base = fresh_sandbox.freshdesk_url
    category = s.post(f"{base}{S}/categories", json={"name": "Aide", "description": "d"})
    assert category.status_code == 201
    cat_attrs = documented("id\tnumber\tUnique ID of the solution category",
                           "Create a Solution Category") | {"id"}
    assert set(category.json()) <= cat_attrs | {"visible_in_portals"}
    assert cat_attrs <= set(category.json()), cat_attrs - set(category.json())
    cid = category.json()["id"]
    folder = s.post(f"{base}{S}/categories/{cid}/folders",
                    json={"name": "Contact", "visibility": 2})
    assert folder.status_code == 201
    folder_attrs = documented("id\tnumber\tUnique ID of the solution folder",
                              "Folder Visibility Properties")
    assert set(folder.json()) <= folder_attrs | {"category_id"}  # in the documented example
    assert folder_attrs - set(CONDITIONAL) <= set(folder.json()), \
        folder_attrs - set(folder.json())
    fid = folder.json()["id"]
    article = s.post(f"{base}{S}/folders/{fid}/articles",
                     json={"title": "Bonjour", "description": "<p>x</p>", "status": 2,
                           "tags": ["a"]})
    assert article.status_code == 201
    article_attrs = documented("id\tnumber\tUnique ID of the solution article",
                               "Create a Solution Article")
    assert set(article.json()) <= article_attrs | {"type"}  # "type": 1 in every example
    assert article_attrs <= set(article.json()), article_attrs - set(article.json())
    aid = article.json()["id"]
    # Translations need supported languages and translated parents.
    assert s.post(f"{base}{S}/articles/{aid}/de", json={
        "title": "Hallo", "description": "x", "status": 2}).status_code == 400
    refused = s.post(f"{base}{S}/articles/{aid}/fr", json={
        "title": "Bonjour", "description": "x", "status": 2})
    assert refused.status_code == 400 and refused.json()["description"] == "Validation failed"
    for path in (f"categories/{cid}/fr", f"folders/{fid}/fr"):
        assert s.post(f"{base}{S}/{path}", json={"name": "Aide"}).status_code == 201
    translated = s.post(f"{base}{S}/articles/{aid}/fr", json={
        "title": "Bonjour", "description": "<p>y</p>", "status": 1})
    assert translated.status_code == 201 and translated.json()["status"] == 1
    assert set(translated.json()) <= article_attrs | {"type"}
    listed = s.get(f"{base}{S}/folders/{fid}/articles/fr", params={"per_page": 100})
    assert [a["title"] for a in listed.json()] == ["Bonjour"]
    assert s.put(f"{base}{S}/articles/{aid}", json={"colour": "red"}).status_code == 400
    assert s.delete(f"{base}{S}/articles/{aid}").status_code == 204
    assert s.get(f"{base}{S}/articles/{aid}").status_code == 404
