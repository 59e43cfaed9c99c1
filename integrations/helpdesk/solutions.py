"""Freshdesk Solutions as a `KbTarget`, with requests on the guarded `HelpdeskSession`.

Shapes follow the Solutions chapter of ``freshdesk-api-v2-docs.txt``:

* objects are created in the account's primary language (``GET /api/v2/settings/helpdesk``)
  and translated through the language-coded endpoints (``/solutions/articles/{id}/fr``);
  parents first (category, then folder, then article);
* reading lists categories, their folders (subfolders included, read through
  ``/folders/{id}/subfolders`` unless the list says ``sub_folders_count`` 0, and seen as
  sections of the category) and each folder's articles, once per language
  (``/solutions/folders/{id}/articles/{lang}``), ``per_page=100`` with the ``Link`` header;
* visibility belongs to the folder (1 all users, 2 logged-in users, 3 agents); an article
  cannot carry its own, and the planner refuses a mismatch rather than publish it wider;
* status 1 is a draft, 2 published; the API has no article attachments, so images are
  left out with a warning (`KbCapabilities.images` is False), no call moves an article
  to another folder (`KbCapabilities.move_articles` is False: the planner refuses a move
  before any write), and no call deletes one translation (deleting an article deletes all
  its translations), so a translation removed from the workspace is kept and reported;
* the portal address of a translation is ``/{lang}/support/solutions/articles/{id}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import requests

from integrations.errors import PlanError
from integrations.helpdesk._common import to_vendor_locale
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk._kb_common import KbHttpTarget
from integrations.helpdesk.base import CallCounter
from integrations.kb.model import (
    RemoteArticle,
    RemoteCategory,
    RemoteKnowledgeBase,
    RemoteSection,
    RemoteTranslation,
    Visibility,
)
from integrations.kb.target import KbCapabilities
from integrations.model import Target
from integrations.settings import Settings

__all__ = ["SolutionsTarget"]

S = "/api/v2/solutions"
_VISIBILITY: dict[Visibility, int] = {"everyone": 1, "signed_in": 2, "agents": 3}
_FROM_VISIBILITY = {v: k for k, v in _VISIBILITY.items()}


class SolutionsTarget(KbHttpTarget):
    """One Freshdesk account's knowledge base (Solutions)."""

    target: ClassVar[Target] = "freshdesk"
    capabilities: ClassVar[KbCapabilities] = KbCapabilities(
        visibility_on="section", images=False, primary_language_first=True,
        move_articles=False)
    vendor: ClassVar[str] = "Freshdesk"
    credential: ClassVar[str] = "API key"
    check_hint: ClassVar[str] = "FRESHDESK_API_KEY"

    def _reset(self) -> None:
        self._primary = "en"
        self._folder_of: dict[int, int] = {}

    @staticmethod
    def _build_session(settings: Settings, calls: CallCounter | None,
                       retry: RetryPolicy | None) -> requests.Session:
        from integrations.helpdesk.freshdesk import build_session

        return build_session(settings, calls=calls, retry=retry)

    @staticmethod
    def _base_url(settings: Settings) -> str:
        return settings.freshdesk_base_url()

    @staticmethod
    def _error_parts(body: Mapping[str, Any]) -> tuple[str, list[str] | None]:
        from integrations.helpdesk.freshdesk import reason_from_body

        return reason_from_body(body)

    def _list(self, path: str, what: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        url: str | None = f"{self._base}{path}"
        params: dict[str, Any] | None = {"per_page": 100}
        with self._call(what):
            while url:
                response = self._session.get(url, params=params)
                page = response.json()
                items.extend(page if isinstance(page, list) else [])
                url = response.links.get("next", {}).get("url")
                params = None
        return items

    def _vlang(self, locale: str) -> str:
        return to_vendor_locale("freshdesk", locale)

    def _is_primary(self, locale: str) -> bool:
        return self._vlang(locale).lower() == self._primary.lower()

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> RemoteKnowledgeBase:
        settings = self._request("GET", "/api/v2/settings/helpdesk", "the helpdesk settings")
        settings = settings if isinstance(settings, dict) else {}
        self._primary = str(settings.get("primary_language") or "en")
        others = [str(x) for x in settings.get("supported_languages") or []]
        langs = [(self._primary, ""), *[(x, f"/{x}") for x in others]]

        cat_titles: dict[int, dict[str, str]] = {}
        cat_desc: dict[int, dict[str, str]] = {}
        for lang, suffix in langs:
            for raw in self._list(f"{S}/categories{suffix}", "the solution categories"):
                cid = int(raw["id"])
                cat_titles.setdefault(cid, {})[self._nloc(lang)] = str(raw.get("name") or "")
                cat_desc.setdefault(cid, {})[self._nloc(lang)] = str(raw.get("description")
                                                                     or "")
        categories = {cid: RemoteCategory(cid, titles, cat_desc[cid])
                      for cid, titles in cat_titles.items()}

        folders: dict[int, dict[str, Any]] = {}
        nested: dict[int, Any] = {}  # folder id -> sub_folders_count when the list gives it

        def add_folders(path: str, what: str, cid: int) -> list[int]:
            found: list[int] = []
            for lang, suffix in langs:
                for raw in self._list(f"{path}{suffix}", what):
                    fid = int(raw["id"])
                    nested.setdefault(fid, raw.get("sub_folders_count"))
                    entry = folders.setdefault(fid, {
                        "category": cid, "titles": {}, "descriptions": {},
                        "visibility": _FROM_VISIBILITY.get(int(raw.get("visibility") or 1))})
                    entry["titles"][self._nloc(lang)] = str(raw.get("name") or "")
                    entry["descriptions"][self._nloc(lang)] = str(raw.get("description") or "")
                    if fid not in found:
                        found.append(fid)
            return found

        for cid in categories:
            # a category lists its top folders only; folders inside folders (and their
            # articles) come from /folders/{id}/subfolders, read down to the last level and
            # seen as sections of the category, so their articles are never taken for missing
            todo = add_folders(f"{S}/categories/{cid}/folders", f"the folders of category {cid}",
                               cid)
            seen: set[int] = set()
            while todo:
                parent = todo.pop(0)
                seen.add(parent)
                if nested.get(parent) == 0:  # the list said it has none: no call
                    continue
                todo += [f for f in add_folders(f"{S}/folders/{parent}/subfolders",
                                                f"the subfolders of folder {parent}", cid)
                         if f not in seen and f not in todo]
        sections = {fid: RemoteSection(fid, f["category"], f["titles"], f["descriptions"],
                                       f["visibility"]) for fid, f in folders.items()}

        articles: dict[int, dict[str, Any]] = {}
        for fid in folders:
            for lang, suffix in langs:
                for raw in self._list(f"{S}/folders/{fid}/articles{suffix}",
                                      f"the articles of folder {fid}"):
                    aid = int(raw["id"])
                    entry = articles.setdefault(aid, {"folder": fid, "tags": (),
                                                      "translations": {}})
                    if not suffix:
                        entry["tags"] = tuple(raw.get("tags") or ())
                    translation = self._translation(aid, lang, raw)
                    entry["translations"][translation.locale] = translation
        self._folder_of = {aid: a["folder"] for aid, a in articles.items()}
        remote_articles = {
            aid: RemoteArticle(id=aid, section_id=a["folder"],
                               source_locale=self._nloc(self._primary),
                               translations=a["translations"], labels=a["tags"],
                               visibility=sections[a["folder"]].visibility)
            for aid, a in articles.items()}
        return RemoteKnowledgeBase(
            default_locale=self._nloc(self._primary),
            locales=tuple(self._nloc(lang) for lang, _ in langs),
            categories=categories, sections=sections, articles=remote_articles,
            article_url=self.article_url)

    def article_url(self, article_id: int, locale: str) -> str:
        """The portal page of an article in a locale."""
        return f"{self._base}/{self._vlang(locale)}/support/solutions/articles/{article_id}"

    def _translation(self, article_id: int, lang: str, raw: Mapping[str, Any]
                     ) -> RemoteTranslation:
        return RemoteTranslation(
            locale=self._nloc(lang), title=str(raw.get("title") or ""),
            body=str(raw.get("description") or ""), draft=int(raw.get("status") or 2) == 1,
            updated_at=str(raw.get("updated_at") or ""),
            url=self.article_url(article_id, self._nloc(lang)))

    # -- categories and folders ----------------------------------------------------------------
    def create_category(self, locale: str, title: str, description: str) -> int:
        self._need_primary(locale, "a category")
        raw = self._request("POST", f"{S}/categories", f"category {title!r}",
                            json={"name": title, "description": description})
        return int(raw["id"])

    def put_category_translation(self, category_id: int, locale: str, title: str,
                                 description: str, *, create: bool) -> None:
        self._put_parent("categories", category_id, locale, title, description, create)

    def create_section(self, category_id: int, locale: str, title: str, description: str,
                       visibility: Visibility) -> int:
        self._need_primary(locale, "a folder")
        raw = self._request("POST", f"{S}/categories/{category_id}/folders", f"folder {title!r}",
                            json={"name": title, "description": description,
                                  "visibility": _VISIBILITY[visibility]})
        return int(raw["id"])

    def put_section_translation(self, section_id: int, locale: str, title: str,
                                description: str, *, create: bool) -> None:
        self._put_parent("folders", section_id, locale, title, description, create)

    def _put_parent(self, kind: str, id_: int, locale: str, title: str, description: str,
                    create: bool) -> None:
        payload = {"name": title, "description": description}
        what = f"the {locale} version of {kind[:-1]} {id_}"
        if self._is_primary(locale):
            self._request("PUT", f"{S}/{kind}/{id_}", what, json=payload)
        else:
            self._request("POST" if create else "PUT", f"{S}/{kind}/{id_}/{self._vlang(locale)}",
                          what, json=payload)

    def update_section_visibility(self, section_id: int, visibility: Visibility) -> None:
        self._request("PUT", f"{S}/folders/{section_id}", f"folder {section_id}",
                      json={"visibility": _VISIBILITY[visibility]})

    def _need_primary(self, locale: str, what: str) -> None:
        if not self._is_primary(locale):
            raise PlanError(f"Freshdesk creates {what} in its primary language "
                            f"({self._primary}), not {locale}")

    # -- articles ------------------------------------------------------------------------------
    def create_article(self, section_id: int, locale: str, title: str, body: str, draft: bool,
                       labels: Sequence[str], visibility: Visibility, *,
                       user_segment: str | None = None, permission_group: str | None = None
                       ) -> tuple[int, RemoteTranslation]:
        self._need_primary(locale, "an article")
        raw = self._request("POST", f"{S}/folders/{section_id}/articles", f"article {title!r}",
                            json={"title": title, "description": body,
                                  "status": 1 if draft else 2, "tags": list(labels)})
        aid = int(raw["id"])
        self._folder_of[aid] = section_id
        return aid, self._translation(aid, self._primary, raw)

    def put_translation(self, article_id: int, locale: str, title: str, body: str, draft: bool,
                        *, create: bool) -> RemoteTranslation:
        payload = {"title": title, "description": body, "status": 1 if draft else 2}
        what = f"the {locale} version of article {article_id}"
        if self._is_primary(locale):
            raw = self._request("PUT", f"{S}/articles/{article_id}", what, json=payload)
            return self._translation(article_id, self._primary, raw)
        lang = self._vlang(locale)
        raw = self._request("POST" if create else "PUT", f"{S}/articles/{article_id}/{lang}",
                            what, json=payload)
        return self._translation(article_id, lang, raw)

    def update_article(self, article_id: int, section_id: int, labels: Sequence[str],
                       visibility: Visibility, *, user_segment: str | None = None,
                       permission_group: str | None = None) -> None:
        current = self._folder_of.get(article_id, section_id)
        if current != section_id:
            raise PlanError(f"article {article_id}: Freshdesk's API cannot move an article to "
                            "another folder; move it in Freshdesk, or delete it there and sync")
        self._request("PUT", f"{S}/articles/{article_id}", f"article {article_id}",
                      json={"tags": list(labels)})

    def delete_article(self, article_id: int) -> None:
        self._request("DELETE", f"{S}/articles/{article_id}", f"article {article_id}")

    def upload_image(self, article_id: int, locale: str, file_name: str, data: bytes) -> str:
        raise PlanError("Freshdesk's Solutions API cannot attach images to articles")

