"""The provider-neutral knowledge-base model: what the workspace says, and what a helpdesk holds.

Desired objects (read from ``<workspace>/kb/`` by `integrations.kb.sources`) are keyed by
workspace keys: a category key (its folder name), a section key (``category/section``) and an
article key (declared in front matter or the manifest, so translations of one article share
it). Remote objects (read by a KB adapter) carry remote ids; `integrations.kb.plan` pairs the
two through the KB lock file, or adopts by section + title when the lock knows nothing.

Bodies are sanitised HTML. Images stay references by file name (``<img src="mceclip0.png">``)
and links to other articles stay ``kb:KEY`` until `integrations.kb.render` rewrites them
with the helpdesk's URLs at apply time, so the content hash does not depend on remote ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "VISIBILITIES",
    "KbArticle",
    "KbCategory",
    "KbImage",
    "KbSection",
    "KbTranslation",
    "KnowledgeBase",
    "RemoteArticle",
    "RemoteCategory",
    "RemoteKnowledgeBase",
    "RemoteSection",
    "RemoteTranslation",
    "Visibility",
    "content_hash",
]

#: Neutral visibilities; anything else in a source is an error (never silently "everyone").
Visibility = Literal["everyone", "signed_in", "agents"]
VISIBILITIES: tuple[Visibility, ...] = ("everyone", "signed_in", "agents")


def content_hash(value: Any) -> str:
    """A stable short hash of JSON-able content (sorted keys), used in the KB lock."""
    raw = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class KbImage:
    """An image referenced by file name; ``path`` is None when the file does not exist."""

    name: str
    path: Path | None
    sha256: str = ""


@dataclass(frozen=True)
class KbCategory:
    """A category (Zendesk) / solution category (Freshdesk); ``titles`` per locale."""

    key: str
    titles: Mapping[str, str]
    descriptions: Mapping[str, str] = field(default_factory=dict)
    position: int = 0


@dataclass(frozen=True)
class KbSection:
    """A section (Zendesk) / folder (Freshdesk); ``key`` is ``category/section``."""

    key: str
    category: str
    titles: Mapping[str, str]
    descriptions: Mapping[str, str] = field(default_factory=dict)
    visibility: Visibility = "everyone"
    position: int = 0


@dataclass(frozen=True)
class KbTranslation:
    """One language of an article, as it will be published (before URL rewriting)."""

    locale: str
    title: str
    body: str
    draft: bool = False
    source: str = ""  # workspace-relative file, for messages
    images: tuple[str, ...] = ()  # referenced file names, in order
    links: tuple[str, ...] = ()  # article keys linked from the body

    def hash(self, images: Mapping[str, KbImage]) -> str:
        """Content hash: what was written, plus the bytes of the images it shows."""
        return content_hash({
            "title": self.title, "body": self.body, "draft": self.draft,
            "images": {n: images[n].sha256 if n in images else "" for n in self.images},
        })


@dataclass(frozen=True)
class KbArticle:
    """An article: metadata shared by all its translations, and the translations by locale."""

    key: str
    section: str
    source_locale: str
    translations: Mapping[str, KbTranslation]
    labels: tuple[str, ...] = ()
    visibility: Visibility | None = None  # None: inherit the section's
    position: int = 0
    #: Zendesk Guide names (resolved to ids once per sync); None: the built-in defaults
    user_segment: str | None = None
    permission_group: str | None = None

    def meta_hash(self) -> str:
        access = ({"user_segment": self.user_segment, "permission_group": self.permission_group}
                  if self.user_segment or self.permission_group else {})
        return content_hash({"section": self.section, "labels": sorted(self.labels),
                             "visibility": self.visibility, **access})

    @property
    def source_file(self) -> str:
        """The workspace file of the source translation, for messages."""
        first = self.translations.get(self.source_locale) or next(
            iter(self.translations.values()), None)
        return first.source if first is not None and first.source else self.key


@dataclass(frozen=True)
class KnowledgeBase:
    """A loaded, valid ``kb/`` folder (`integrations.kb.sources.load_kb`)."""

    root: Path
    categories: Mapping[str, KbCategory]
    sections: Mapping[str, KbSection]
    articles: Mapping[str, KbArticle]
    images: Mapping[str, KbImage] = field(default_factory=dict)

    def locales(self) -> tuple[str, ...]:
        found = {loc for a in self.articles.values() for loc in a.translations}
        return tuple(sorted(found))


# -- remote side ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RemoteTranslation:
    """One translation as the helpdesk returns it (body already rewritten and maybe normalised)."""

    locale: str
    title: str
    body: str
    draft: bool = False
    updated_at: str = ""
    url: str = ""  # the public page of this translation
    id: int | None = None  # the translation's own id, where the helpdesk has one (Zendesk)

    def fingerprint(self) -> str:
        """What the lock remembers to notice an edit made in the helpdesk."""
        return content_hash({"title": self.title, "body": self.body, "draft": self.draft})


@dataclass(frozen=True)
class RemoteCategory:
    id: int
    titles: Mapping[str, str]
    descriptions: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RemoteSection:
    id: int
    category_id: int
    titles: Mapping[str, str]
    descriptions: Mapping[str, str] = field(default_factory=dict)
    visibility: Visibility | None = None  # Freshdesk folders; None where not a section property


@dataclass(frozen=True)
class RemoteArticle:
    id: int
    section_id: int
    source_locale: str
    translations: Mapping[str, RemoteTranslation]
    labels: tuple[str, ...] = ()
    visibility: Visibility | None = None
    #: inline images already attached: file name -> URL
    attachments: Mapping[str, str] = field(default_factory=dict)
    #: Zendesk: the names of a custom (not built-in) user segment and of the permission group
    user_segment: str | None = None
    permission_group: str | None = None


@dataclass(frozen=True)
class RemoteKnowledgeBase:
    """Everything a KB adapter read, with paginated list calls (never per article)."""

    default_locale: str
    locales: tuple[str, ...]
    categories: Mapping[int, RemoteCategory]
    sections: Mapping[int, RemoteSection]
    articles: Mapping[int, RemoteArticle]
    #: visibilities the account can express (Zendesk: built-in user segments exist)
    visibilities: tuple[Visibility, ...] = VISIBILITIES
    #: Zendesk: names of the user segments and permission groups (empty where none exist)
    user_segments: tuple[str, ...] = ()
    permission_groups: tuple[str, ...] = ()
    #: the public address of an article in a locale, from its id alone (pure): links are
    #: rendered with it, so they resolve as soon as the target article has an id and do
    #: not change when a title (and a vendor's slug) changes
    article_url: Callable[[int, str], str] | None = None
