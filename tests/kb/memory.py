"""An in-memory `KbTarget` for pure plan/apply tests (the HTTP tests use the sandbox)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

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


class MemoryKb(KbTarget):
    target: ClassVar[Target] = "zendesk"
    capabilities: ClassVar[KbCapabilities] = KbCapabilities(
        visibility_on="article", images=True, primary_language_first=False)

    def __init__(self, locales: Sequence[str] = ("en", "fr", "ko"), default: str = "en") -> None:
        self.calls = CallCounter()
        self.locales = tuple(locales)
        self.default = default
        self.categories: dict[int, RemoteCategory] = {}
        self.sections: dict[int, RemoteSection] = {}
        self.articles: dict[int, RemoteArticle] = {}
        self.next_id = 100
        self.tick = 0

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _write(self, what: str) -> None:
        self.calls.record("POST", what)
        self.tick += 1

    def read(self) -> RemoteKnowledgeBase:
        return RemoteKnowledgeBase(self.default, self.locales, dict(self.categories),
                                   dict(self.sections), dict(self.articles),
                                   article_url=self.article_url)

    @staticmethod
    def article_url(article_id: int, locale: str) -> str:
        return f"https://hc.example/{locale}/articles/{article_id}"

    def create_category(self, locale: str, title: str, description: str) -> int:
        self._write("category")
        cid = self._id()
        self.categories[cid] = RemoteCategory(cid, {locale: title}, {locale: description})
        return cid

    def put_category_translation(self, category_id: int, locale: str, title: str,
                                 description: str, *, create: bool) -> None:
        self._write("category translation")
        c = self.categories[category_id]
        self.categories[category_id] = replace(c, titles={**c.titles, locale: title},
                                               descriptions={**c.descriptions,
                                                             locale: description})

    def create_section(self, category_id: int, locale: str, title: str, description: str,
                       visibility: Visibility) -> int:
        self._write("section")
        sid = self._id()
        self.sections[sid] = RemoteSection(sid, category_id, {locale: title},
                                           {locale: description}, visibility)
        return sid

    def put_section_translation(self, section_id: int, locale: str, title: str,
                                description: str, *, create: bool) -> None:
        self._write("section translation")
        s = self.sections[section_id]
        self.sections[section_id] = replace(s, titles={**s.titles, locale: title},
                                            descriptions={**s.descriptions, locale: description})

    def update_section_visibility(self, section_id: int, visibility: Visibility) -> None:
        self._write("section visibility")
        self.sections[section_id] = replace(self.sections[section_id], visibility=visibility)

    def _translation(self, aid: int, locale: str, title: str, body: str,
                     draft: bool) -> RemoteTranslation:
        return RemoteTranslation(locale, title, body, draft, f"t{self.tick}",
                                 self.article_url(aid, locale))

    def create_article(self, section_id: int, locale: str, title: str, body: str, draft: bool,
                       labels: Sequence[str], visibility: Visibility, *,
                       user_segment: str | None = None, permission_group: str | None = None
                       ) -> tuple[int, RemoteTranslation]:
        self._write("article")
        aid = self._id()
        t = self._translation(aid, locale, title, body, draft)
        self.articles[aid] = RemoteArticle(aid, section_id, locale, {locale: t}, tuple(labels),
                                           visibility)
        return aid, t

    def put_translation(self, article_id: int, locale: str, title: str, body: str, draft: bool,
                        *, create: bool) -> RemoteTranslation:
        self._write("translation")
        a = self.articles[article_id]
        assert (locale in a.translations) != create
        t = self._translation(article_id, locale, title, body, draft)
        self.articles[article_id] = replace(a, translations={**a.translations, locale: t})
        return t

    def edit(self, article_id: int, locale: str, body: str) -> None:
        """What an agent does in the helpdesk's editor."""
        a = self.articles[article_id]
        t = replace(a.translations[locale], body=body, updated_at="2030-01-01T00:00:00Z")
        self.articles[article_id] = replace(a, translations={**a.translations, locale: t})

    def update_article(self, article_id: int, section_id: int, labels: Sequence[str],
                       visibility: Visibility, *, user_segment: str | None = None,
                       permission_group: str | None = None) -> None:
        self._write("article metadata")
        self.articles[article_id] = replace(self.articles[article_id], section_id=section_id,
                                            labels=tuple(labels), visibility=visibility)

    def delete_article(self, article_id: int) -> None:
        self._write("delete")
        del self.articles[article_id]

    def upload_image(self, article_id: int, locale: str, file_name: str, data: bytes) -> str:
        self._write("image")
        return f"https://hc.example/attachments/{self._id()}/{file_name}"

    def close(self) -> None:
        pass
