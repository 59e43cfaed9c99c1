"""The contract a knowledge-base adapter implements (Zendesk Guide, Freshdesk Solutions).

Adapters (`integrations.helpdesk.guide.GuideTarget`, `integrations.helpdesk.solutions.
SolutionsTarget`) speak neutral locales (``en``, ``fr``, ``ko``, ``pt-br``) and map them to
the vendor's spelling at their boundary (``en-us`` on Zendesk, ``pt-BR`` on Freshdesk).
Every method that writes is one HTTP write call, so the planner's operation count is the
number of writes; reading is a handful of paginated list calls (`read`), never per article.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import ClassVar, Literal

from integrations.errors import PlanError
from integrations.helpdesk.base import CallCounter
from integrations.kb.model import RemoteKnowledgeBase, RemoteTranslation, Visibility
from integrations.model import Target

__all__ = ["KbCapabilities", "KbTarget"]


@dataclass(frozen=True)
class KbCapabilities:
    """What the planner must know about a target's knowledge base."""

    #: where visibility lives: on each article (Zendesk user segments) or on its section
    #: (Freshdesk folder visibility)
    visibility_on: Literal["article", "section"]
    #: inline images can be uploaded as article attachments
    images: bool
    #: every article, category and section needs a version in the account's primary
    #: language before any translation (Freshdesk)
    primary_language_first: bool
    #: one translation can be deleted on its own (Zendesk; Freshdesk deletes whole articles)
    delete_translations: bool = False
    #: articles can name a user segment and a permission group (Zendesk Guide)
    access_names: bool = False
    #: an article's section can be changed by a metadata update (Zendesk); Freshdesk's API
    #: has no call that moves an article to another folder, so the planner refuses a move
    move_articles: bool = True


class KbTarget(ABC):
    """One helpdesk's knowledge base, seen through the verbs `kb sync` and `kb export` need."""

    target: ClassVar[Target]
    capabilities: ClassVar[KbCapabilities]
    calls: CallCounter

    @abstractmethod
    def read(self) -> RemoteKnowledgeBase:
        """Categories, sections, articles with all translations, enabled locales."""

    # -- categories and sections ---------------------------------------------------------------
    @abstractmethod
    def create_category(self, locale: str, title: str, description: str) -> int: ...

    @abstractmethod
    def put_category_translation(self, category_id: int, locale: str, title: str,
                                 description: str, *, create: bool) -> None: ...

    @abstractmethod
    def create_section(self, category_id: int, locale: str, title: str, description: str,
                       visibility: Visibility) -> int: ...

    @abstractmethod
    def put_section_translation(self, section_id: int, locale: str, title: str,
                                description: str, *, create: bool) -> None: ...

    @abstractmethod
    def update_section_visibility(self, section_id: int, visibility: Visibility) -> None: ...

    # -- articles ------------------------------------------------------------------------------
    @abstractmethod
    def create_article(self, section_id: int, locale: str, title: str, body: str, draft: bool,
                       labels: Sequence[str], visibility: Visibility, *,
                       user_segment: str | None = None, permission_group: str | None = None
                       ) -> tuple[int, RemoteTranslation]:
        """Create the article with its source translation; one call. ``user_segment`` and
        ``permission_group`` are names read by `read` (only with `KbCapabilities.access_names`).
        """

    @abstractmethod
    def put_translation(self, article_id: int, locale: str, title: str, body: str, draft: bool,
                        *, create: bool) -> RemoteTranslation:
        """Create (``create=True``) or replace one translation's title and body; one call."""

    @abstractmethod
    def update_article(self, article_id: int, section_id: int, labels: Sequence[str],
                       visibility: Visibility, *, user_segment: str | None = None,
                       permission_group: str | None = None) -> None:
        """Metadata only (never title or body)."""

    @abstractmethod
    def delete_article(self, article_id: int) -> None: ...

    def delete_translation(self, article_id: int, locale: str, translation_id: int | None
                           ) -> None:
        """Delete one translation (never the source one); one call. Only targets with
        `KbCapabilities.delete_translations` implement it: the planner never asks others."""
        raise PlanError(f"{self.target} cannot delete one translation of an article")

    @abstractmethod
    def upload_image(self, article_id: int, locale: str, file_name: str, data: bytes) -> str:
        """Attach an inline image to the article; return the URL bodies should use."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> KbTarget:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
