"""Compare the workspace's knowledge base with a helpdesk's, through the KB lock: pure.

``plan_kb(desired, remote, lock, capabilities)`` returns small operation objects (creates,
translation writes, metadata updates, image uploads, deletions of articles and translations
with ``prune``) and the conflicts, and never talks to the network. Sections and categories
are never pruned: the plan lists those gone from the workspace as kept.

Order: parents first; then every new article's creation (its source translation), link
targets first; then the other writes. Links render with `RemoteKnowledgeBase.article_url`
(id + locale), so they resolve as soon as the target has an id: a link cycle between new
articles costs one follow-up write (the first article created links to one not yet made),
not one per translation. Rendering (`render_body`) replaces image paths
and ``kb:KEY`` links with the helpdesk's URLs; it is pure too, and shared with apply.

Identity: the lock's ids first; without them, adoption by title (categories), by category +
title (sections) and by section + title (articles), never duplication. Per article and
locale, the lock keeps ``hash`` (workspace content last published, links resolved) and
``remote`` (the helpdesk's fingerprint right after): a translation is written when the hash
changed; when the helpdesk's fingerprint changed since, someone edited it there and it is a
conflict, overwritten only with ``force``.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from integrations.errors import PlanError
from integrations.kb.lock import KbLock
from integrations.kb.model import (
    KbArticle,
    KbTranslation,
    KnowledgeBase,
    RemoteArticle,
    RemoteCategory,
    RemoteKnowledgeBase,
    RemoteSection,
    Visibility,
    content_hash,
)
from integrations.kb.sanitize import sanitize
from integrations.kb.target import KbCapabilities

__all__ = ["KbConflict", "KbOp", "KbPlan", "KbRefused", "effective_hash", "link_locale", "plan_kb",
           "render_body"]

Action = Literal[
    "create_category", "category_translation", "create_section", "section_translation",
    "section_visibility", "create_article", "translation", "update_article", "upload_image",
    "delete_article", "delete_translation",
]

_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)("[^>]*>)')
_HREF = re.compile(r'(<a\b[^>]*?\shref=")kb:([^"]*)(")')


@dataclass(frozen=True)
class KbOp:
    """One write: ``action`` on ``key`` (and ``locale``); ``detail`` says why, for the plan."""

    action: Action
    key: str
    locale: str = ""
    create: bool = False
    detail: str = ""

    def __str__(self) -> str:
        verb = {
            "create_category": "+ category",
            "category_translation": "+ category" if self.create else "~ category",
            "create_section": "+ section",
            "section_translation": "+ section" if self.create else "~ section",
            "section_visibility": "~ section visibility", "create_article": "+ article",
            "translation": "+ translation" if self.create else "~ translation",
            "update_article": "~ article metadata", "upload_image": "+ image",
            "delete_article": "- article", "delete_translation": "- translation",
        }[self.action]
        where = f" [{self.locale}]" if self.locale else ""
        return f"{verb} {self.key}{where}" + (f": {self.detail}" if self.detail else "")


@dataclass(frozen=True)
class KbConflict:
    """A translation edited in the helpdesk since the last sync (not overwritten without force)."""

    key: str
    locale: str
    updated_at: str
    source: str = ""  # the workspace file of this translation
    title: str = ""

    @property
    def when(self) -> str:
        return f"at {self.updated_at}" if self.updated_at else "at an unknown time"

    def __str__(self) -> str:
        return (f"! conflict {self.key} [{self.locale}]: edited in the helpdesk {self.when} "
                "since the last sync; re-run with --force to overwrite")

    def line(self) -> str:
        """The one-line error `kb sync` prints for a conflict it skipped."""
        where = f"{self.source}: " if self.source else ""
        title = f" {self.title!r}" if self.title else ""
        return (f"{where}conflict: article {self.key}{title} [{self.locale}] was edited in the "
                f"helpdesk {self.when}; not overwritten (use --force to overwrite it)")


@dataclass(frozen=True)
class KbRefused:
    """An article the target cannot change as asked (Freshdesk: moved to another folder).

    Like a conflict, it is reported and skipped: the article gets no write at all (its
    translations and metadata wait), the rest of the plan is applied, and `kb sync` exits 1.
    """

    key: str
    source: str  # the workspace file of its source translation
    old_section: str  # where the helpdesk has it (a section key, or its title)
    new_section: str  # where the workspace puts it
    vendor: str = "Freshdesk"

    def __str__(self) -> str:
        return (f"! not moved {self.key}: {self.old_section} → {self.new_section}; "
                f"{self.vendor}'s API cannot move an article (no write for it)")

    def line(self) -> str:
        """The one-line error `kb sync` prints for a move it refused."""
        return (f"{self.source}: article {self.key} moved from folder {self.old_section} to "
                f"{self.new_section}, but {self.vendor}'s API cannot move an article to another "
                f"folder; nothing was written for it. Move the file back to {self.old_section}, "
                f"or delete and re-create the article: remove it from the workspace, run "
                f"`kb sync --prune`, put it back in {self.new_section} and sync again (or "
                f"delete it in {self.vendor} and sync)")


@dataclass
class KbPlan:
    """The operations, in apply order, and what apply needs to resolve keys to ids."""

    ops: list[KbOp] = field(default_factory=list)
    conflicts: list[KbConflict] = field(default_factory=list)
    #: articles skipped because the target cannot do what they need (a Freshdesk move)
    refused: list[KbRefused] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    category_ids: dict[str, int] = field(default_factory=dict)
    section_ids: dict[str, int] = field(default_factory=dict)
    article_ids: dict[str, int] = field(default_factory=dict)
    #: lock entries to record without writing anything (adopted, already equal)
    adopted: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: per article: the visibility to publish and the metadata hash the lock keeps
    visibility: dict[str, Visibility] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    #: per article: Zendesk user segment and permission group names (None: the defaults)
    access: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: translations to delete (``delete_translation`` ops): (key, locale) -> remote id
    translation_ids: dict[tuple[str, str], int | None] = field(default_factory=dict)
    #: lock entries of translations gone from both sides, to forget
    forget: list[tuple[str, str]] = field(default_factory=list)

    @property
    def writes(self) -> int:
        return len(self.ops)

    def is_empty(self) -> bool:
        return not self.ops and not self.conflicts and not self.refused

    def render(self) -> str:
        lines = [str(op) for op in self.ops] + [str(c) for c in self.conflicts] + \
            [str(r) for r in self.refused] + self.notes
        refused = f", {len(self.refused)} refused" if self.refused else ""
        summary = (f"{len(self.ops)} write(s), {len(self.conflicts)} conflict(s){refused}"
                   if lines else "No changes: the helpdesk matches the workspace.")
        return "\n".join([*lines, summary])


def render_body(body: str, images: Mapping[str, str], links: Callable[[str], str | None]
                ) -> tuple[str, dict[str, str | None]]:
    """Replace image paths with uploaded URLs (unknown: the image is left out) and ``kb:KEY``
    links with article URLs (unknown: ``#``); return the HTML and the link URLs used."""
    used: dict[str, str | None] = {}

    def image(match: re.Match[str]) -> str:
        path = htmllib.unescape(match.group(2))
        if "://" in path:
            return match.group(0)
        url = images.get(path)
        return f"{match.group(1)}{htmllib.escape(url)}{match.group(3)}" if url else ""

    def link(match: re.Match[str]) -> str:
        key = htmllib.unescape(match.group(2))
        url = links(key)
        used[key] = url
        return f"{match.group(1)}{htmllib.escape(url or '#')}{match.group(3)}"

    out = _HREF.sub(link, _SRC.sub(image, body))
    return sanitize(re.sub(r"<p>\s*</p>", "", out)), used


def link_locale(kb: KnowledgeBase, key: str, locale: str) -> str:
    """The locale a link to article ``key`` from a ``locale`` page points at: the same
    locale when the article is written in it, else its source locale."""
    article = kb.articles.get(key)
    if article is None or locale in article.translations:
        return locale
    return article.source_locale


def effective_hash(translation: KbTranslation, kb: KnowledgeBase,
                   link_urls: Mapping[str, str | None], image_urls: Mapping[str, str]) -> str:
    """The lock's ``hash``: workspace content plus the link and image URLs it was rendered
    with (a translation written before its image was uploaded is written again later)."""
    return content_hash({"content": translation.hash(kb.images),
                         "links": {k: link_urls.get(k) for k in translation.links},
                         "images": {p: image_urls.get(p) for p in translation.images}})


def _norm(html: str) -> str:
    return re.sub(r"\s+", " ", sanitize(html)).strip()


class _Planner:
    def __init__(self, kb: KnowledgeBase, remote: RemoteKnowledgeBase, lock: KbLock,
                 caps: KbCapabilities, force: bool, prune: bool) -> None:
        self.kb, self.remote, self.lock, self.caps = kb, remote, lock, caps
        self.force, self.prune = force, prune
        self.plan = KbPlan()
        self.errors: list[str] = []

    # -- helpers ---------------------------------------------------------------------------
    def create_locale(self, titles: Mapping[str, str], preferred: str) -> str:
        if self.caps.primary_language_first:
            return self.remote.default_locale
        for loc in (preferred, self.remote.default_locale):
            if loc in titles:
                return loc
        return sorted(titles)[0]

    def article_visibility(self, article: KbArticle) -> Visibility:
        section = self.kb.sections[article.section]
        if self.caps.visibility_on == "section":
            if article.visibility not in (None, section.visibility):
                self.errors.append(
                    f"{article.key}: visibility {article.visibility!r} cannot be mapped on "
                    f"{self.caps_name()}: visibility belongs to the folder, which is "
                    f"{section.visibility!r}; move the article to a folder with that visibility")
            return section.visibility
        return article.visibility or section.visibility

    def caps_name(self) -> str:
        return "Freshdesk" if self.caps.visibility_on == "section" else "this helpdesk"

    def url_of(self, key: str, locale: str) -> str | None:
        article_id = self.plan.article_ids.get(key)
        remote = self.remote.articles.get(article_id) if article_id is not None else None
        if remote is None or article_id is None:
            return None
        if self.remote.article_url is not None:
            return self.remote.article_url(article_id, link_locale(self.kb, key, locale))
        translation = remote.translations.get(locale) or remote.translations.get(
            remote.source_locale)
        return translation.url if translation and translation.url else None

    # -- checks ----------------------------------------------------------------------------
    def check_locales(self) -> None:
        enabled = set(self.remote.locales)
        needed: dict[str, str] = {}
        for article in self.kb.articles.values():
            for loc, translation in article.translations.items():
                needed.setdefault(loc, translation.source)
            if self.caps.primary_language_first and \
                    self.remote.default_locale not in article.translations:
                self.errors.append(
                    f"{article.key}: no {self.remote.default_locale} version; Freshdesk publishes "
                    f"an article in the account's primary language "
                    f"({self.remote.default_locale}) before any translation")
        if self.caps.primary_language_first:
            primary = self.remote.default_locale
            parents: list[tuple[str, str, Mapping[str, str]]] = [
                *[("category", k, c.titles) for k, c in sorted(self.kb.categories.items())],
                *[("section", k, s.titles) for k, s in sorted(self.kb.sections.items())]]
            for kind, key, titles in parents:
                if primary not in titles:
                    self.errors.append(f"{kind} {key}: no {primary} title; the helpdesk "
                                       f"creates it in its primary language ({primary})")
        for loc, source in sorted(needed.items()):
            if loc not in enabled:
                self.errors.append(f"locale {loc} (used by {source}) is not enabled in the "
                                   f"helpdesk (enabled: {', '.join(sorted(enabled)) or 'none'}); "
                                   "enable it in the help center's language settings")
        for article in self.kb.articles.values():
            if article.section not in self.kb.sections:
                continue
            self.check_access(article)
            visibility = self.article_visibility(article)
            if article.user_segment is None and visibility not in self.remote.visibilities:
                self.errors.append(f"{article.key}: visibility {visibility!r} cannot be mapped on "
                                   "this helpdesk (no matching user segment); it is never "
                                   "published as public")

    def check_access(self, article: KbArticle) -> None:
        """Named user segment / permission group: known to the helpdesk, once per sync."""
        file = article.source_file
        segment, group = article.user_segment, article.permission_group
        if not self.caps.access_names:
            if segment is not None:
                self.errors.append(
                    f"{file}: user_segment {segment!r} cannot be mapped on {self.caps_name()}: "
                    "who sees an article is its folder's visibility; use `visibility`")
            if group is not None:
                self.plan.notes.append(f"  {file}: permission_group {group!r} ignored: "
                                       f"{self.caps_name()} has no permission groups")
            self.plan.access[article.key] = (None, None)
            return
        for name, value, known in (("user segment", segment, self.remote.user_segments),
                                   ("permission group", group, self.remote.permission_groups)):
            if value is not None and value not in known:
                self.errors.append(f"{file}: {name} {value!r} does not exist in the helpdesk "
                                   f"(known: {', '.join(repr(k) for k in known) or 'none'})")
        self.plan.access[article.key] = (segment, group)

    # -- parents ---------------------------------------------------------------------------
    def parents(self) -> None:
        remote_cats = self.remote.categories
        used_cats: set[int] = set()
        for key, cat in sorted(self.kb.categories.items()):
            cid = self.lock.categories.get(key, {}).get("id")
            if cid not in remote_cats:
                cid = next((i for i, rc in sorted(remote_cats.items()) if i not in used_cats and
                            any(rc.titles.get(loc) == t for loc, t in cat.titles.items())), None)
            if cid is not None:
                used_cats.add(cid)
                self.plan.category_ids[key] = cid
            self.parent_ops(("create_category", "category_translation"), key, cat.titles,
                            cat.descriptions, remote_cats[cid] if cid is not None else None)

        used_secs: set[int] = set()
        for key, sec in sorted(self.kb.sections.items()):
            cat_id = self.plan.category_ids.get(sec.category)
            sid = self.lock.sections.get(key, {}).get("id")
            if sid not in self.remote.sections:
                sid = next((i for i, rs in sorted(self.remote.sections.items())
                            if i not in used_secs and cat_id is not None
                            and rs.category_id == cat_id
                            and any(rs.titles.get(loc) == t for loc, t in sec.titles.items())),
                           None)
            if sid is not None:
                used_secs.add(sid)
                self.plan.section_ids[key] = sid
            rs = self.remote.sections[sid] if sid is not None else None
            self.parent_ops(("create_section", "section_translation"), key, sec.titles,
                            sec.descriptions, rs)
            if (rs is not None and self.caps.visibility_on == "section"
                    and rs.visibility != sec.visibility):
                self.plan.ops.append(KbOp("section_visibility", key,
                                          detail=f"{rs.visibility} → {sec.visibility}"))

    def parent_ops(self, actions: tuple[Action, Action], key: str, titles: Mapping[str, str],
                   descriptions: Mapping[str, str],
                   remote: RemoteCategory | RemoteSection | None) -> None:
        """The ops that make a category or section (``actions``: its create and translation
        actions) match: created when ``remote`` is None, else its changed translations."""
        create, translation = actions
        if remote is None:
            loc = self.create_locale(titles, self.default_source())
            self.plan.ops.append(KbOp(create, key, loc))
            for other in sorted(k for k in titles if k != loc):
                self.plan.ops.append(KbOp(translation, key, other, create=True))
            return
        for loc, title in sorted(titles.items()):
            if loc not in remote.titles:
                self.plan.ops.append(KbOp(translation, key, loc, create=True))
            elif remote.titles[loc] != title or (
                    remote.descriptions.get(loc, "") != descriptions.get(loc, "")):
                self.plan.ops.append(KbOp(translation, key, loc,
                                          detail=f"title {remote.titles[loc]!r} → {title!r}"))

    def default_source(self) -> str:
        counts: dict[str, int] = {}
        for article in self.kb.articles.values():
            counts[article.source_locale] = counts.get(article.source_locale, 0) + 1
        return max(sorted(counts), key=lambda loc: counts[loc]) if counts else ""

    # -- articles --------------------------------------------------------------------------
    def pair_articles(self) -> None:
        used: set[int] = set()
        by_section: dict[int, list[RemoteArticle]] = {}
        for ra in self.remote.articles.values():
            by_section.setdefault(ra.section_id, []).append(ra)
        for key in sorted(self.kb.articles):
            aid = self.lock.articles.get(key, {}).get("id")
            if isinstance(aid, int) and aid in self.remote.articles:
                used.add(aid)
                self.plan.article_ids[key] = aid
        for key, article in sorted(self.kb.articles.items()):
            if key in self.plan.article_ids:
                continue
            sid = self.plan.section_ids.get(article.section)
            if sid is None:
                continue
            for ra in sorted(by_section.get(sid, []), key=lambda r: r.id):
                if ra.id in used:
                    continue
                if any((rt := ra.translations.get(loc)) is not None and rt.title == t.title
                       for loc, t in article.translations.items()):
                    used.add(ra.id)
                    self.plan.article_ids[key] = ra.id
                    self.plan.notes.append(f"= adopted {key}: article {ra.id} found by section "
                                           "and title")
                    break

    def order(self) -> list[str]:
        """Articles with link targets first (cycles keep their file order)."""
        done: list[str] = []
        seen: set[str] = set()

        def visit(key: str, stack: set[str]) -> None:
            if key in seen or key in stack or key not in self.kb.articles:
                return
            stack.add(key)
            for translation in self.kb.articles[key].translations.values():
                for target in translation.links:
                    visit(target, stack)
            stack.discard(key)
            seen.add(key)
            done.append(key)

        for key in sorted(self.kb.articles):
            visit(key, set())
        return done

    def articles(self) -> None:
        creates: list[KbOp] = []
        rest: list[KbOp] = []
        for key in self.order():
            article = self.kb.articles[key]
            visibility = self.article_visibility(article)
            meta = article.meta_hash() + ":" + visibility
            self.plan.visibility[key] = visibility
            self.plan.meta[key] = meta
            aid = self.plan.article_ids.get(key)
            entry = self.lock.articles.get(key, {}) if aid is not None and \
                self.lock.articles.get(key, {}).get("id") == aid else {}
            remote = self.remote.articles.get(aid) if aid is not None else None
            uploads = self.uploads(key, article, entry)
            if remote is None:
                if key in self.lock.articles:
                    self.plan.notes.append(f"! {key}: article {self.lock.articles[key].get('id')} "
                                           "is gone from the helpdesk; publishing it again")
                loc = (self.remote.default_locale if self.caps.primary_language_first
                       else article.source_locale)
                creates.append(KbOp("create_article", key, loc))
                rest.extend(uploads)
                for other in sorted(article.translations):
                    if other != loc:
                        rest.append(KbOp("translation", key, other, create=True))
                continue
            if entry:
                changed = entry.get("meta") != meta
            else:
                changed = self.meta_differs(article, remote, visibility)
            if changed and self.refuse_move(article, remote):
                continue
            start = len(self.plan.ops)
            self.plan.ops.extend(uploads)
            adopted: dict[str, Any] = {}
            uploading = {op.detail for op in uploads}
            for loc, translation in sorted(article.translations.items()):
                self.translation(key, loc, translation, entry, remote,
                                 bool(uploading & set(translation.images)), adopted)
            self.removed_translations(key, article, entry, remote)
            if changed:
                self.plan.ops.append(KbOp("update_article", key, detail="section, labels or "
                                                                        "visibility changed"))
            elif not entry:
                adopted["meta"] = meta
            if adopted:
                self.plan.adopted[key] = adopted
            rest.extend(self.plan.ops[start:])
            del self.plan.ops[start:]
        self.plan.ops.extend(creates + rest)

    def refuse_move(self, article: KbArticle, remote: RemoteArticle) -> bool:
        """A target that cannot move articles (Freshdesk): an article whose metadata
        changed and whose section is not the helpdesk's is refused before any write, and
        nothing is written for it. (Moved in the helpdesk with the workspace unchanged: no
        metadata write is planned, so nothing is refused, as on Zendesk.)"""
        new_id = self.plan.section_ids.get(article.section)
        if self.caps.move_articles or remote.section_id == new_id:
            return False
        old = next((k for k, sid in sorted(self.plan.section_ids.items())
                    if sid == remote.section_id), None)
        if old is None:
            old = next((k for k, e in sorted(self.lock.sections.items())
                        if e.get("id") == remote.section_id), None)
        if old is None:
            rs = self.remote.sections.get(remote.section_id)
            title = (rs.titles.get(self.remote.default_locale) or next(iter(rs.titles.values()),
                                                                       "")) if rs else ""
            old = f"{title!r} (id {remote.section_id})" if title else f"id {remote.section_id}"
        self.plan.refused.append(KbRefused(article.key, article.source_file, old,
                                           article.section, vendor=self.caps_name()))
        return True

    def meta_differs(self, article: KbArticle, remote: RemoteArticle,
                     visibility: Visibility) -> bool:
        """Adopting without a lock entry: does the helpdesk's metadata differ?"""
        segment, group = self.plan.access.get(article.key, (None, None))
        return (remote.section_id != self.plan.section_ids.get(article.section)
                or sorted(remote.labels) != sorted(article.labels)
                or (segment is not None and remote.user_segment != segment)
                or (group is not None and remote.permission_group != group)
                or (segment is None and self.caps.visibility_on == "article"
                    and remote.visibility != visibility))

    def removed_translations(self, key: str, article: KbArticle, entry: Mapping[str, Any],
                             remote: RemoteArticle) -> None:
        """Translations this workspace published and no longer has: deleted with --prune
        only, never the helpdesk's source one; nothing the lock does not know is touched."""
        for loc in sorted(set(entry.get("translations", {})) - set(article.translations)):
            rt = remote.translations.get(loc)
            if rt is None:
                self.plan.forget.append((key, loc))
            elif loc == remote.source_locale:
                self.plan.notes.append(
                    f"! {key} [{loc}]: no longer in the workspace, but it is the article's "
                    "source language in the helpdesk; kept (delete the article there, or "
                    "remove the whole article from the workspace and use --prune)")
            elif not self.prune:
                self.plan.notes.append(f"  {key} [{loc}]: no longer in the workspace; kept (use "
                                       "--prune to delete it)")
            elif not self.caps.delete_translations:
                self.plan.notes.append(
                    f"! {key} [{loc}]: no longer in the workspace; kept: {self.caps_name()}'s "
                    "API cannot delete one translation (delete it in the helpdesk)")
            else:
                self.plan.ops.append(KbOp("delete_translation", key, loc,
                                          detail="no longer in the workspace"))
                self.plan.translation_ids[(key, loc)] = rt.id

    def uploads(self, key: str, article: KbArticle, entry: Mapping[str, Any]) -> list[KbOp]:
        paths = sorted({p for t in article.translations.values() for p in t.images})
        if not paths:
            return []
        if not self.caps.images:
            self.plan.notes.append(f"! {key}: this helpdesk's API cannot attach article images; "
                                   f"left out: {', '.join(paths)}")
            return []
        known = entry.get("images", {})
        ops = []
        for path in paths:
            if known.get(path, {}).get("sha") != self.kb.images[path].sha256:
                loc = next(loc for loc, t in sorted(article.translations.items())
                           if path in t.images)
                ops.append(KbOp("upload_image", key, loc, detail=path))
        return ops

    def translation(self, key: str, loc: str, translation: KbTranslation,
                    entry: Mapping[str, Any], remote: RemoteArticle, uploads: bool,
                    adopted: dict[str, Any]) -> None:
        links = {k: self.url_of(k, loc) for k in translation.links}
        images = {p: v["url"] for p, v in entry.get("images", {}).items()}
        wanted = effective_hash(translation, self.kb, links, images)
        rt = remote.translations.get(loc)
        last = entry.get("translations", {}).get(loc)
        if rt is None:
            detail = "deleted in the helpdesk; adding it again" if last else ""
            self.plan.ops.append(KbOp("translation", key, loc, create=True, detail=detail))
            return
        if last is None:
            body, _ = render_body(translation.body, images, lambda k: links.get(k))
            if (rt.title == translation.title and rt.draft == translation.draft
                    and _norm(rt.body) == _norm(body) and not uploads):
                adopted.setdefault("translations", {})[loc] = {
                    "hash": wanted, "remote": rt.fingerprint(), "updated_at": rt.updated_at,
                    "url": rt.url}
                return
            self.plan.ops.append(KbOp("translation", key, loc, detail="adopted; content differs"))
            return
        remote_changed = last.get("remote") != rt.fingerprint()
        if remote_changed and not self.force:
            self.plan.conflicts.append(KbConflict(key, loc, rt.updated_at, translation.source,
                                                  translation.title))
            return
        if remote_changed or last.get("hash") != wanted or uploads:
            detail = "overwriting an edit made in the helpdesk (--force)" if remote_changed else ""
            self.plan.ops.append(KbOp("translation", key, loc, detail=detail))

    def pruning(self) -> None:
        for key, entry in sorted(self.lock.articles.items()):
            if key in self.kb.articles:
                continue
            if entry.get("id") not in self.remote.articles:
                continue
            if self.prune:
                self.plan.ops.append(KbOp("delete_article", key, detail=f"id {entry.get('id')}"))
                self.plan.article_ids[key] = int(entry["id"])
            else:
                self.plan.notes.append(f"  {key}: no longer in the workspace; kept (use --prune "
                                       "to delete it)")
        parents = [("category", self.lock.categories, self.kb.categories,
                    self.remote.categories),
                   ("section", self.lock.sections, self.kb.sections, self.remote.sections)]
        for kind, recorded, desired, remote in parents:
            for key, entry in sorted(recorded.items()):
                if key not in desired and entry.get("id") in remote:
                    self.plan.notes.append(
                        f"  {kind} {key}: no longer in the workspace; kept: categories and "
                        "sections are never pruned (delete it in the helpdesk when it is empty)")

    def run(self) -> KbPlan:
        self.check_locales()
        if self.errors:
            raise PlanError("; ".join(self.errors))
        self.parents()
        self.pair_articles()
        self.articles()
        self.pruning()
        if self.errors:
            raise PlanError("; ".join(self.errors))
        return self.plan


def plan_kb(kb: KnowledgeBase, remote: RemoteKnowledgeBase, lock: KbLock,
            capabilities: KbCapabilities, *, force: bool = False, prune: bool = False) -> KbPlan:
    """What to write so the helpdesk matches ``kb``; `PlanError` for what cannot be mapped."""
    return _Planner(kb, remote, lock, capabilities, force, prune).run()
