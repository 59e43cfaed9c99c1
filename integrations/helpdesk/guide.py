"""Zendesk Guide (Help Center) as a `KbTarget`, over the guarded `HelpdeskSession`.

Why the session and not zenpy's help-center API: zenpy 2.0.57 cannot sideload translations
on list calls nor upload inline article attachments to a given article, and the session
already carries the credential guard, the counting and the retries (`integrations.helpdesk.
_http`). Shapes follow ``zendesk-help-center-oas.yaml``:

* reading is five paginated lists (locales, user segments, categories, sections, articles,
  the last three with ``include=translations``), never one call per article;
* title and body live on translations; ``PUT /articles/{id}`` carries metadata only;
* visibility is the article's ``user_segment_id``: ``null`` for everyone, the built-in
  "Signed-in users" (``signed_in_users``) and "Agents and admins" (``staff``) segments for
  the others; an account without them cannot express those visibilities;
* locales are lower-case in Guide (``en-us``); the workspace's ``en`` maps to ``en-us``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import requests

from integrations.errors import ConfigError, HelpdeskError, PlanError
from integrations.helpdesk._common import from_vendor_locale, to_vendor_locale
from integrations.helpdesk._http import (
    ConnectionFailed,
    HelpdeskSession,
    HTTPStatusError,
    RetryPolicy,
    map_http_error,
)
from integrations.helpdesk.base import CallCounter
from integrations.kb.model import (
    RemoteArticle,
    RemoteCategory,
    RemoteKnowledgeBase,
    RemoteSection,
    RemoteTranslation,
    Visibility,
)
from integrations.kb.target import KbCapabilities, KbTarget
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


class GuideTarget(KbTarget):
    """One Zendesk account's Help Center."""

    target: ClassVar[Target] = "zendesk"
    capabilities: ClassVar[KbCapabilities] = KbCapabilities(
        visibility_on="article", images=True, primary_language_first=False)

    def __init__(self, session: requests.Session | None = None, *,
                 settings: Settings | None = None, calls: CallCounter | None = None,
                 retry: RetryPolicy | None = None) -> None:
        if session is None:
            if settings is None:
                raise ConfigError("GuideTarget needs a session or settings")
            from integrations.helpdesk.zendesk import build_zenpy

            session = build_zenpy(settings, calls=calls, retry=retry).ticket_fields.session
        self._session = session
        if isinstance(session, HelpdeskSession):
            self._base = session.base_url
            self.calls = session.calls
            self._budget = session.retry.budget
        elif settings is not None:
            self._base = settings.zendesk_base_url()
            self.calls = calls or CallCounter()
            self._budget = 0.0
        else:
            raise ConfigError("GuideTarget needs settings to know the helpdesk URL")
        self._segments: dict[Visibility, int] = {}
        self._permission_group: int | None = None

    # -- HTTP and errors: the one place --------------------------------------------------------
    @contextmanager
    def _call(self, what: str) -> Iterator[None]:
        try:
            yield
        except (HTTPStatusError, ConnectionFailed) as exc:
            reason, details = "", None
            if isinstance(exc, HTTPStatusError):
                body = exc.json()
                if isinstance(body, dict):
                    reason = str(body.get("description") or body.get("error") or "")
                    details = _details(body)
            raise map_http_error(exc, vendor="Zendesk", what=what, reason=reason,
                                 details=details, credential="credential",
                                 check="the ZENDESK_* credential settings",
                                 budget=self._budget) from exc
        except ValueError as exc:
            raise HelpdeskError(f"Zendesk gave an unexpected answer for {what}: {exc}") from exc

    def _request(self, method: str, path: str, what: str, *, json: Any = None,
                 files: Any = None, data: Any = None) -> dict[str, Any]:
        with self._call(what):
            response = self._session.request(method, f"{self._base}{path}", json=json,
                                             files=files, data=data)
            body = response.json() if response.content else {}
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

    @staticmethod
    def _nloc(locale: str) -> str:
        return from_vendor_locale("zendesk", locale)

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> RemoteKnowledgeBase:
        locales = self._request("GET", f"{HC}/locales", "the Help Center locales")
        for seg in self._list(f"{HC}/user_segments", "user_segments", "the user segments"):
            kind = _SEGMENT_TYPES.get(str(seg.get("user_type")))
            if kind and seg.get("built_in") and kind not in self._segments:
                self._segments[kind] = int(seg["id"])
        by_segment = {v: k for k, v in self._segments.items()}

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
            translations = {}
            for t in raw.get("translations") or []:
                translation = self._translation(t)
                translations[translation.locale] = translation
            segment = raw.get("user_segment_id")
            visibility: Visibility | None = "everyone" if segment is None else by_segment.get(
                int(segment))
            articles[int(raw["id"])] = RemoteArticle(
                id=int(raw["id"]), section_id=int(raw["section_id"]),
                source_locale=self._nloc(str(raw.get("source_locale") or raw.get("locale"))),
                translations=translations, labels=tuple(raw.get("label_names") or ()),
                visibility=visibility)
        return RemoteKnowledgeBase(
            default_locale=self._nloc(str(locales.get("default_locale") or "en-us")),
            locales=tuple(self._nloc(str(x)) for x in locales.get("locales") or ()),
            categories=categories, sections=sections, articles=articles,
            visibilities=("everyone", *sorted(self._segments)))

    def _translation(self, raw: Mapping[str, Any]) -> RemoteTranslation:
        return RemoteTranslation(
            locale=self._nloc(str(raw["locale"])), title=str(raw.get("title") or ""),
            body=str(raw.get("body") or ""), draft=bool(raw.get("draft")),
            updated_at=str(raw.get("updated_at") or raw.get("edited_at") or ""),
            url=str(raw.get("html_url") or ""))

    def _segment(self, visibility: Visibility) -> int | None:
        if visibility == "everyone":
            return None
        if visibility not in self._segments:
            raise PlanError(f"visibility {visibility!r} cannot be mapped on Zendesk: no built-in "
                            "user segment for it (read the helpdesk first)")
        return self._segments[visibility]

    def _group(self) -> int:
        if self._permission_group is None:
            groups = self._list("/api/v2/guide/permission_groups", "permission_groups",
                                "the Guide permission groups")
            if not groups:
                raise PlanError("Zendesk Guide has no permission group; create one in Guide "
                                "admin before publishing articles")
            builtin = [g for g in groups if g.get("built_in")] or groups
            self._permission_group = int(builtin[0]["id"])
        return self._permission_group

    # -- categories and sections ---------------------------------------------------------------
    def create_category(self, locale: str, title: str, description: str) -> int:
        body = self._request("POST", f"{HC}/{self._vloc(locale)}/categories",
                             f"category {title!r}", json={"category": {
                                 "name": title, "description": description,
                                 "locale": self._vloc(locale)}})
        return int(body["category"]["id"])

    def put_category_translation(self, category_id: int, locale: str, title: str,
                                 description: str, *, create: bool) -> None:
        self._put_parent("categories", category_id, locale, title, description, create)

    def create_section(self, category_id: int, locale: str, title: str, description: str,
                       visibility: Visibility) -> int:
        body = self._request("POST",
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
                       labels: Sequence[str], visibility: Visibility
                       ) -> tuple[int, RemoteTranslation]:
        payload = {"article": {
            "title": title, "body": body, "locale": self._vloc(locale), "draft": draft,
            "label_names": list(labels), "user_segment_id": self._segment(visibility),
            "permission_group_id": self._group()}, "notify_subscribers": False}
        raw = self._request("POST", f"{HC}/{self._vloc(locale)}/sections/{section_id}/articles",
                            f"article {title!r}", json=payload)["article"]
        translation = RemoteTranslation(
            locale=locale, title=str(raw.get("title") or ""), body=str(raw.get("body") or ""),
            draft=bool(raw.get("draft")),
            updated_at=str(raw.get("edited_at") or raw.get("updated_at") or ""),
            url=str(raw.get("html_url") or ""))
        return int(raw["id"]), translation

    def put_translation(self, article_id: int, locale: str, title: str, body: str, draft: bool,
                        *, create: bool) -> RemoteTranslation:
        payload = {"translation": {"locale": self._vloc(locale), "title": title, "body": body,
                                   "draft": draft}}
        what = f"the {locale} translation of article {article_id}"
        if create:
            raw = self._request("POST", f"{HC}/articles/{article_id}/translations", what,
                                json=payload)
        else:
            raw = self._request("PUT",
                                f"{HC}/articles/{article_id}/translations/{self._vloc(locale)}",
                                what, json=payload)
        return self._translation(raw["translation"])

    def update_article(self, article_id: int, section_id: int, labels: Sequence[str],
                       visibility: Visibility) -> None:
        self._request("PUT", f"{HC}/articles/{article_id}", f"article {article_id}",
                      json={"article": {"section_id": section_id, "label_names": list(labels),
                                        "user_segment_id": self._segment(visibility)}})

    def delete_article(self, article_id: int) -> None:
        self._request("DELETE", f"{HC}/articles/{article_id}", f"article {article_id}")

    def upload_image(self, article_id: int, locale: str, file_name: str, data: bytes) -> str:
        raw = self._request("POST", f"{HC}/articles/{article_id}/attachments",
                            f"image {file_name} of article {article_id}",
                            files={"file": (file_name, data)}, data={"inline": "true"})
        return str(raw["article_attachment"]["content_url"])

    def close(self) -> None:
        self._session.close()
