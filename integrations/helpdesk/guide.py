"""Zendesk Guide (Help Center) as a `KbTarget`, over the guarded `HelpdeskSession`.

Why the session and not zenpy's help-center API: zenpy 2.0.57 cannot sideload translations
on list calls nor upload inline article attachments to a given article, and the session
already carries the credential guard, the counting and the retries (`integrations.helpdesk.
_http`). Shapes follow ``zendesk-help-center-oas.yaml``:

* reading is six paginated lists (locales, user segments, permission groups, categories,
  sections, articles, the last three with ``include=translations``), never one call per article;
* title and body live on translations; ``PUT /articles/{id}`` carries metadata only;
* visibility is the article's ``user_segment_id``: ``null`` for everyone, the built-in
  "Signed-in users" (``signed_in_users``) and "Agents and admins" (``staff``) segments for
  the others; an account without them cannot express those visibilities. An article can
  also name any user segment and permission group (front matter ``user_segment`` /
  ``permission_group``): names are resolved to ids from the lists `read` fetched once per
  sync; without a name the permission group is the first built-in one;
* a link to an article is ``{host}/hc/{locale}/articles/{id}`` (`article_url`): Guide
  redirects it to the page with its title slug, so it is known as soon as the id is and
  does not change with the title;
* one translation is deleted with ``DELETE /translations/{id}`` (never the source one).
* locales are lower-case in Guide (``en-us``); the workspace's ``en`` maps to ``en-us``.
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

__all__ = ["GuideTarget"]

HC = "/api/v2/help_center"
_SEGMENT_TYPES: dict[str, Visibility] = {"signed_in_users": "signed_in", "staff": "agents"}


def _details(body: Any) -> list[str] | None:
    if not isinstance(body, dict):
        return None
    details = body.get("details") or body.get("errors")
    if not isinstance(details, dict):
        return None
    lines = []
    for key, errors in details.items():
        for err in errors if isinstance(errors, list) else [errors]:
            text = err.get("description") if isinstance(err, dict) else err
            lines.append(f"{key}: {text}")
    return lines or None


class GuideTarget(KbHttpTarget):
    """One Zendesk account's Help Center."""

    target: ClassVar[Target] = "zendesk"
    capabilities: ClassVar[KbCapabilities] = KbCapabilities(
        visibility_on="article", images=True, primary_language_first=False,
        delete_translations=True, access_names=True)
    vendor: ClassVar[str] = "Zendesk"
    credential: ClassVar[str] = "credential"
    check_hint: ClassVar[str] = "the ZENDESK_* credential settings"

    def _reset(self) -> None:
        self._segments: dict[Visibility, int] = {}
        self._segment_names: dict[str, list[int]] = {}
        self._group_names: dict[str, list[int]] = {}
        self._groups: list[dict[str, Any]] | None = None

    @staticmethod
    def _build_session(settings: Settings, calls: CallCounter | None,
                       retry: RetryPolicy | None) -> requests.Session:
        from integrations.helpdesk.zendesk import build_zenpy

        session: requests.Session = build_zenpy(settings, calls=calls,
                                                retry=retry).ticket_fields.session
        return session

    @staticmethod
    def _base_url(settings: Settings) -> str:
        return settings.zendesk_base_url()

    @classmethod
    def _credential_names(cls, settings: Settings | None) -> tuple[str, str]:
        """API token, OAuth token or client credentials: named like the other adapters."""
        from integrations.helpdesk.zendesk import credential_names

        return credential_names(settings)

    @staticmethod
    def _error_parts(body: Mapping[str, Any]) -> tuple[str, list[str] | None]:
        return str(body.get("description") or body.get("error") or ""), _details(body)

    def _object(self, method: str, path: str, what: str, **kwargs: Any) -> dict[str, Any]:
        body = self._request(method, path, what, **kwargs)
        return body if isinstance(body, dict) else {}

    def _list(self, path: str, key: str, what: str) -> list[dict[str, Any]]:
        """Every item, with cursor pagination (``page[size]=100``, ``links.next``)."""
        items: list[dict[str, Any]] = []
        url: str | None = f"{self._base}{path}"
        params: dict[str, Any] | None = {"page[size]": 100}
        with self._call(what):
            while url:
                page = self._session.get(url, params=params).json()
                items.extend(page.get(key) or [])
                more = (page.get("meta") or {}).get("has_more")
                url = (page.get("links") or {}).get("next") if more else None
                params = None
        return items

    @staticmethod
    def _vloc(locale: str) -> str:
        return to_vendor_locale("zendesk", locale).lower()

    def article_url(self, article_id: int, locale: str) -> str:
        """The public page of an article in a locale (Guide adds the title slug itself)."""
        return f"{self._base}/hc/{self._vloc(locale)}/articles/{article_id}"

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> RemoteKnowledgeBase:
        locales = self._object("GET", f"{HC}/locales", "the Help Center locales")
        segment_names: dict[int, str] = {}
        for seg in self._list(f"{HC}/user_segments", "user_segments", "the user segments"):
            kind = _SEGMENT_TYPES.get(str(seg.get("user_type")))
            segment_names[int(seg["id"])] = str(seg.get("name") or "")
            self._segment_names.setdefault(str(seg.get("name") or ""), []).append(int(seg["id"]))
            if kind and seg.get("built_in") and kind not in self._segments:
                self._segments[kind] = int(seg["id"])
        by_segment = {v: k for k, v in self._segments.items()}
        self._groups = self._list("/api/v2/guide/permission_groups", "permission_groups",
                                  "the Guide permission groups")
        group_names: dict[int, str] = {}
        for group in self._groups:
            group_names[int(group["id"])] = str(group.get("name") or "")
            self._group_names.setdefault(str(group.get("name") or ""), []).append(
                int(group["id"]))

        def texts(raw: Mapping[str, Any], title: str, body: str) -> tuple[dict[str, str],
                                                                          dict[str, str]]:
            titles: dict[str, str] = {}
            bodies: dict[str, str] = {}
            for t in raw.get("translations") or []:
                loc = self._nloc(str(t["locale"]))
                titles[loc] = str(t.get(title) or "")
                bodies[loc] = str(t.get(body) or "")
            return titles, bodies

        categories = {}
        for raw in self._list(f"{HC}/categories?include=translations", "categories",
                              "the Help Center categories"):
            titles, descriptions = texts(raw, "title", "body")
            categories[int(raw["id"])] = RemoteCategory(int(raw["id"]), titles, descriptions)
        sections = {}
        for raw in self._list(f"{HC}/sections?include=translations", "sections",
                              "the Help Center sections"):
            titles, descriptions = texts(raw, "title", "body")
            sections[int(raw["id"])] = RemoteSection(int(raw["id"]), int(raw["category_id"]),
                                                     titles, descriptions)
        articles = {}
        for raw in self._list(f"{HC}/articles?include=translations", "articles",
                              "the Help Center articles"):
            aid = int(raw["id"])
            translations = {}
            for t in raw.get("translations") or []:
                translation = self._translation(aid, t)
                translations[translation.locale] = translation
            segment = raw.get("user_segment_id")
            visibility: Visibility | None = "everyone" if segment is None else by_segment.get(
                int(segment))
            custom = (segment_names.get(int(segment)) if segment is not None
                      and visibility is None else None)
            group_id = raw.get("permission_group_id")
            articles[aid] = RemoteArticle(
                id=aid, section_id=int(raw["section_id"]),
                source_locale=self._nloc(str(raw.get("source_locale") or raw.get("locale"))),
                translations=translations, labels=tuple(raw.get("label_names") or ()),
                visibility=visibility, user_segment=custom,
                permission_group=(group_names.get(int(group_id)) if group_id is not None
                                  else None))
        return RemoteKnowledgeBase(
            default_locale=self._nloc(str(locales.get("default_locale") or "en-us")),
            locales=tuple(self._nloc(str(x)) for x in locales.get("locales") or ()),
            categories=categories, sections=sections, articles=articles,
            visibilities=("everyone", *sorted(self._segments)),
            user_segments=tuple(sorted(self._segment_names)),
            permission_groups=tuple(sorted(self._group_names)),
            article_url=self.article_url)

    def _translation(self, article_id: int, raw: Mapping[str, Any],
                     locale: str | None = None) -> RemoteTranslation:
        loc = locale or self._nloc(str(raw["locale"]))
        return RemoteTranslation(
            locale=loc, title=str(raw.get("title") or ""),
            body=str(raw.get("body") or ""), draft=bool(raw.get("draft")),
            updated_at=str(raw.get("updated_at") or raw.get("edited_at") or ""),
            url=self.article_url(article_id, loc),
            id=int(raw["id"]) if raw.get("id") is not None and "source_id" in raw else None)

    @staticmethod
    def _one(names: Mapping[str, list[int]], name: str, what: str) -> int:
        ids = names.get(name, [])
        if len(ids) != 1:
            problem = "does not exist" if not ids else f"is ambiguous (ids {ids})"
            raise PlanError(f"Zendesk Guide {what} {name!r} {problem}")
        return ids[0]

    def _segment(self, visibility: Visibility, name: str | None = None) -> int | None:
        if name is not None:
            return self._one(self._segment_names, name, "user segment")
        if visibility == "everyone":
            return None
        if visibility not in self._segments:
            raise PlanError(f"visibility {visibility!r} cannot be mapped on Zendesk: no built-in "
                            "user segment for it (read the helpdesk first)")
        return self._segments[visibility]

    def _group(self, name: str | None = None) -> int:
        if self._groups is None:
            raise PlanError("read the helpdesk before publishing: permission groups unknown")
        if name is not None:
            return self._one(self._group_names, name, "permission group")
        if not self._groups:
            raise PlanError("Zendesk Guide has no permission group; create one in Guide "
                            "admin before publishing articles")
        builtin = [g for g in self._groups if g.get("built_in")] or self._groups
        return int(builtin[0]["id"])

    # -- categories and sections ---------------------------------------------------------------
    def create_category(self, locale: str, title: str, description: str) -> int:
        body = self._object("POST", f"{HC}/{self._vloc(locale)}/categories",
                            f"category {title!r}", json={"category": {
                                "name": title, "description": description,
                                "locale": self._vloc(locale)}})
        return int(body["category"]["id"])

    def put_category_translation(self, category_id: int, locale: str, title: str,
                                 description: str, *, create: bool) -> None:
        self._put_parent("categories", category_id, locale, title, description, create)

    def create_section(self, category_id: int, locale: str, title: str, description: str,
                       visibility: Visibility) -> int:
        body = self._object("POST",
                            f"{HC}/{self._vloc(locale)}/categories/{category_id}/sections",
                            f"section {title!r}", json={"section": {
                                "name": title, "description": description,
                                "locale": self._vloc(locale)}})
        return int(body["section"]["id"])

    def put_section_translation(self, section_id: int, locale: str, title: str,
                                description: str, *, create: bool) -> None:
        self._put_parent("sections", section_id, locale, title, description, create)

    def _put_parent(self, kind: str, id_: int, locale: str, title: str, description: str,
                    create: bool) -> None:
        payload = {"translation": {"locale": self._vloc(locale), "title": title,
                                   "body": description}}
        what = f"the {locale} translation of {kind[:-1]} {id_}"
        if create:
            self._request("POST", f"{HC}/{kind}/{id_}/translations", what, json=payload)
        else:
            self._request("PUT", f"{HC}/{kind}/{id_}/translations/{self._vloc(locale)}", what,
                          json=payload)

    def update_section_visibility(self, section_id: int, visibility: Visibility) -> None:
        raise PlanError("Zendesk keeps visibility on articles, not sections")

    # -- articles ------------------------------------------------------------------------------
    def create_article(self, section_id: int, locale: str, title: str, body: str, draft: bool,
                       labels: Sequence[str], visibility: Visibility, *,
                       user_segment: str | None = None, permission_group: str | None = None
                       ) -> tuple[int, RemoteTranslation]:
        payload = {"article": {
            "title": title, "body": body, "locale": self._vloc(locale), "draft": draft,
            "label_names": list(labels), "user_segment_id": self._segment(visibility,
                                                                           user_segment),
            "permission_group_id": self._group(permission_group)}, "notify_subscribers": False}
        raw = self._object("POST", f"{HC}/{self._vloc(locale)}/sections/{section_id}/articles",
                           f"article {title!r}", json=payload)["article"]
        aid = int(raw["id"])
        translation = RemoteTranslation(
            locale=locale, title=str(raw.get("title") or ""), body=str(raw.get("body") or ""),
            draft=bool(raw.get("draft")),
            updated_at=str(raw.get("edited_at") or raw.get("updated_at") or ""),
            url=self.article_url(aid, locale))
        return aid, translation

    def put_translation(self, article_id: int, locale: str, title: str, body: str, draft: bool,
                        *, create: bool) -> RemoteTranslation:
        payload = {"translation": {"locale": self._vloc(locale), "title": title, "body": body,
                                   "draft": draft}}
        what = f"the {locale} translation of article {article_id}"
        if create:
            raw = self._object("POST", f"{HC}/articles/{article_id}/translations", what,
                               json=payload)
        else:
            raw = self._object("PUT",
                               f"{HC}/articles/{article_id}/translations/{self._vloc(locale)}",
                               what, json=payload)
        return self._translation(article_id, raw["translation"], locale)

    def update_article(self, article_id: int, section_id: int, labels: Sequence[str],
                       visibility: Visibility, *, user_segment: str | None = None,
                       permission_group: str | None = None) -> None:
        article: dict[str, Any] = {
            "section_id": section_id, "label_names": list(labels),
            "user_segment_id": self._segment(visibility, user_segment)}
        if permission_group is not None:
            article["permission_group_id"] = self._group(permission_group)
        self._request("PUT", f"{HC}/articles/{article_id}", f"article {article_id}",
                      json={"article": article})

    def delete_article(self, article_id: int) -> None:
        self._request("DELETE", f"{HC}/articles/{article_id}", f"article {article_id}")

    def delete_translation(self, article_id: int, locale: str, translation_id: int | None
                           ) -> None:
        if translation_id is None:
            raise PlanError(f"the {locale} translation of article {article_id} has no id; "
                            "read the helpdesk first")
        self._request("DELETE", f"{HC}/translations/{translation_id}",
                      f"the {locale} translation of article {article_id}")

    def upload_image(self, article_id: int, locale: str, file_name: str, data: bytes) -> str:
        raw = self._object("POST", f"{HC}/articles/{article_id}/attachments",
                           f"image {file_name} of article {article_id}",
                           files={"file": (file_name, data)}, data={"inline": "true"})
        return str(raw["article_attachment"]["content_url"])
