"""Carry out a `KbPlan` through a `KbTarget`, recording ids and hashes in the KB lock.

Operations run in plan order (parents first, link targets first). The lock is saved after
the run *and* when it stops on an error, so what was published is never published twice.
Two follow-ups keep one run complete: a translation written before its images were
uploaded (a new article) is written again with their URLs, and one written before the
article it links to existed (a link cycle) is written again with the link's URL. Links are
rendered from the target's id (`RemoteKnowledgeBase.article_url`), and the plan creates
every new article before writing other translations, so a cycle costs one follow-up.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from integrations.errors import PlanError
from integrations.kb.lock import KbLock
from integrations.kb.model import KnowledgeBase, RemoteKnowledgeBase, RemoteTranslation
from integrations.kb.plan import KbOp, KbPlan, effective_hash, link_locale, render_body
from integrations.kb.target import KbTarget

__all__ = ["KbApplyResult", "apply_kb"]


@dataclass
class KbApplyResult:
    writes: int = 0
    follow_ups: int = 0


class _Applier:
    def __init__(self, plan: KbPlan, kb: KnowledgeBase, remote: RemoteKnowledgeBase,
                 lock: KbLock, target: KbTarget,
                 progress: Callable[[KbOp], None] | None) -> None:
        self.plan, self.kb, self.remote, self.lock, self.target = plan, kb, remote, lock, target
        self.progress = progress
        self.result = KbApplyResult()
        self.cat_ids = dict(plan.category_ids)
        self.sec_ids = dict(plan.section_ids)
        self.art_ids = dict(plan.article_ids)
        self.urls: dict[tuple[str, str], str] = {}
        for key, aid in plan.article_ids.items():
            ra = remote.articles.get(aid)
            for loc, rt in (ra.translations.items() if ra else ()):
                if rt.url:
                    self.urls[(key, loc)] = rt.url
        self.written: dict[tuple[str, str], tuple[set[str], set[str]]] = {}

    # -- lock bookkeeping ------------------------------------------------------------------
    def entry(self, key: str) -> dict[str, Any]:
        entry = self.lock.articles.setdefault(key, {"id": self.art_ids[key]})
        if entry.get("id") != self.art_ids[key]:
            entry.clear()
            entry["id"] = self.art_ids[key]
        return entry

    def record_ids(self) -> None:
        for key, cid in self.cat_ids.items():
            self.lock.categories[key] = {"id": cid}
        for key, sid in self.sec_ids.items():
            self.lock.sections[key] = {"id": sid}
        for key, adopted in self.plan.adopted.items():
            entry = self.entry(key)
            entry.setdefault("translations", {}).update(adopted.get("translations", {}))
            if "meta" in adopted:
                entry["meta"] = adopted["meta"]
        for key, loc in self.plan.forget:
            self.lock.articles.get(key, {}).get("translations", {}).pop(loc, None)

    # -- rendering -------------------------------------------------------------------------
    def link_url(self, key: str, loc: str) -> str | None:
        if self.remote.article_url is not None:
            aid = self.art_ids.get(key)
            return None if aid is None else self.remote.article_url(
                aid, link_locale(self.kb, key, loc))
        source = self.kb.articles[key].source_locale if key in self.kb.articles else loc
        return self.urls.get((key, loc)) or self.urls.get((key, source))

    def write_translation(self, key: str, loc: str, create: bool) -> None:
        article = self.kb.articles[key]
        translation = article.translations[loc]
        entry = self.entry(key)
        images = {p: v["url"] for p, v in entry.get("images", {}).items()}
        body, used = render_body(translation.body, images, lambda k: self.link_url(k, loc))
        rt = self.target.put_translation(self.art_ids[key], loc, translation.title, body,
                                         translation.draft, create=create)
        self.remember(key, loc, rt, used, images)

    def remember(self, key: str, loc: str, rt: RemoteTranslation, used: dict[str, str | None],
                 images: dict[str, str]) -> None:
        translation = self.kb.articles[key].translations[loc]
        entry = self.entry(key)
        entry.setdefault("translations", {})[loc] = {
            "hash": effective_hash(translation, self.kb, used, images),
            "remote": rt.fingerprint(),
            "updated_at": rt.updated_at, "url": rt.url}
        if rt.url:
            self.urls[(key, loc)] = rt.url
        missing_images = {p for p in translation.images if p not in images}
        missing_links = {k for k, url in used.items() if url is None}
        self.written[(key, loc)] = (missing_images, missing_links)

    # -- operations ------------------------------------------------------------------------
    def run_op(self, op: KbOp) -> None:
        kb, target = self.kb, self.target
        if op.action == "create_category":
            cat = kb.categories[op.key]
            self.cat_ids[op.key] = target.create_category(
                op.locale, cat.titles[op.locale], cat.descriptions.get(op.locale, ""))
            self.lock.categories[op.key] = {"id": self.cat_ids[op.key]}
        elif op.action == "category_translation":
            cat = kb.categories[op.key]
            target.put_category_translation(self.cat_ids[op.key], op.locale, cat.titles[op.locale],
                                            cat.descriptions.get(op.locale, ""), create=op.create)
        elif op.action == "create_section":
            sec = kb.sections[op.key]
            self.sec_ids[op.key] = target.create_section(
                self.cat_ids[sec.category], op.locale, sec.titles[op.locale],
                sec.descriptions.get(op.locale, ""), sec.visibility)
            self.lock.sections[op.key] = {"id": self.sec_ids[op.key]}
        elif op.action == "section_translation":
            sec = kb.sections[op.key]
            target.put_section_translation(self.sec_ids[op.key], op.locale, sec.titles[op.locale],
                                           sec.descriptions.get(op.locale, ""), create=op.create)
        elif op.action == "section_visibility":
            target.update_section_visibility(self.sec_ids[op.key], kb.sections[op.key].visibility)
        elif op.action == "create_article":
            article = kb.articles[op.key]
            translation = article.translations[op.locale]
            body, used = render_body(translation.body, {},
                                     lambda k: self.link_url(k, op.locale))
            segment, group = self.plan.access.get(op.key, (None, None))
            aid, rt = target.create_article(
                self.sec_ids[article.section], op.locale, translation.title, body,
                translation.draft, article.labels, self.plan.visibility[op.key],
                user_segment=segment, permission_group=group)
            self.art_ids[op.key] = aid
            self.lock.articles[op.key] = {"id": aid, "meta": self.plan.meta[op.key]}
            self.remember(op.key, op.locale, rt, used, {})
        elif op.action == "upload_image":
            image = kb.images[op.detail]
            if image.path is None:
                raise PlanError(f"image {op.detail} disappeared during the sync")
            url = target.upload_image(self.art_ids[op.key], op.locale,
                                      posixpath.basename(op.detail), image.path.read_bytes())
            self.entry(op.key).setdefault("images", {})[op.detail] = {"sha": image.sha256,
                                                                      "url": url}
        elif op.action == "translation":
            self.write_translation(op.key, op.locale, op.create)
        elif op.action == "update_article":
            article = kb.articles[op.key]
            segment, group = self.plan.access.get(op.key, (None, None))
            target.update_article(self.art_ids[op.key], self.sec_ids[article.section],
                                  article.labels, self.plan.visibility[op.key],
                                  user_segment=segment, permission_group=group)
            self.entry(op.key)["meta"] = self.plan.meta[op.key]
        elif op.action == "delete_translation":
            target.delete_translation(self.art_ids[op.key], op.locale,
                                      self.plan.translation_ids.get((op.key, op.locale)))
            self.entry(op.key).get("translations", {}).pop(op.locale, None)
        elif op.action == "delete_article":
            target.delete_article(self.art_ids[op.key])
            self.lock.articles.pop(op.key, None)
        self.result.writes += 1
        if self.progress is not None:
            self.progress(op)

    def follow_ups(self) -> None:
        for (key, loc), (images, links) in sorted(self.written.items()):
            entry = self.lock.articles.get(key, {})
            uploaded = images & set(entry.get("images", {}))
            resolvable = {k for k in links if self.link_url(k, loc)}
            if uploaded or resolvable:
                self.write_translation(key, loc, create=False)
                self.result.writes += 1
                self.result.follow_ups += 1

    def run(self) -> KbApplyResult:
        self.record_ids()
        try:
            for op in self.plan.ops:
                self.run_op(op)
            self.follow_ups()
        finally:
            self.lock.save()
        return self.result


def apply_kb(plan: KbPlan, kb: KnowledgeBase, remote: RemoteKnowledgeBase, lock: KbLock,
             target: KbTarget, *, progress: Callable[[KbOp], None] | None = None
             ) -> KbApplyResult:
    """Run the plan's writes (conflicts are skipped: they are not in ``plan.ops``)."""
    return _Applier(plan, kb, remote, lock, target, progress).run()
