"""Write a helpdesk's knowledge base as a workspace ``kb/`` folder (backup, review, migration).

One HTML file per article and locale, ``kb/<category>/<section>/<key>.<locale>.html``, each
with front matter (key, locale, title, draft, labels, visibility or a custom Zendesk user
segment's name, ``source: true`` on the source locale), and ``kb/manifest.yaml`` with
category and section names per locale. Links between exported articles become relative
file links again, so a sync of the export to another helpdesk points them at the new
articles; a sync back to the same helpdesk adopts every article by section + title and
writes nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from integrations.kb.model import RemoteKnowledgeBase
from integrations.kb.sources import KB_DIR, MANIFEST

__all__ = ["export_kb"]


def _slug(text: str, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or f"{fallback}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _pick(titles: dict[str, str] | Any, default: str) -> str:
    return str(titles.get(default) or next(iter(titles.values()), ""))


def export_kb(remote: RemoteKnowledgeBase, out: Path) -> list[Path]:
    """Write ``out/kb/...``; returns the files written. Existing files are overwritten."""
    root = out / KB_DIR
    default = remote.default_locale
    cat_dirs: dict[int, str] = {}
    taken: set[str] = set()
    manifest: dict[str, Any] = {"source_locale": default,
                                "locales": sorted(set(remote.locales) | {default}),
                                "categories": {}, "sections": {}}
    for cid, cat in sorted(remote.categories.items()):
        name = _unique(_slug(_pick(cat.titles, default), "category"), taken)
        cat_dirs[cid] = name
        entry: dict[str, Any] = {"title": dict(sorted(cat.titles.items()))}
        if any(cat.descriptions.values()):
            entry["description"] = dict(sorted(cat.descriptions.items()))
        manifest["categories"][name] = entry
    sec_dirs: dict[int, str] = {}
    for sid, sec in sorted(remote.sections.items()):
        if sec.category_id not in cat_dirs:
            continue
        in_cat = {k.split("/", 1)[1] for k in manifest["sections"]
                  if k.startswith(cat_dirs[sec.category_id] + "/")}
        name = _unique(_slug(_pick(sec.titles, default), "section"), in_cat)
        key = f"{cat_dirs[sec.category_id]}/{name}"
        sec_dirs[sid] = key
        entry = {"title": dict(sorted(sec.titles.items()))}
        if any(sec.descriptions.values()):
            entry["description"] = dict(sorted(sec.descriptions.items()))
        if sec.visibility is not None:
            entry["visibility"] = sec.visibility
        manifest["sections"][key] = entry

    keys: dict[int, str] = {}
    taken_keys: set[str] = set()
    for aid, art in sorted(remote.articles.items()):
        source = art.translations.get(art.source_locale) or next(iter(art.translations.values()),
                                                                 None)
        if source is None or art.section_id not in sec_dirs:
            continue
        keys[aid] = _unique(_slug(source.title, "article"), taken_keys)
    files: dict[tuple[int, str], str] = {}
    for aid, key in keys.items():
        art = remote.articles[aid]
        for loc in art.translations:
            files[(aid, loc)] = f"{sec_dirs[art.section_id]}/{key}.{loc}.html"
    by_url = {t.url: (aid, loc) for aid in keys
              for loc, t in remote.articles[aid].translations.items() if t.url}

    written: list[Path] = []
    for aid, key in keys.items():
        art = remote.articles[aid]
        for loc, t in sorted(art.translations.items()):
            rel = files[(aid, loc)]

            def relink(match: re.Match[str], here: str = rel) -> str:
                target = by_url.get(match.group(2))
                if target is None:
                    return match.group(0)
                other = files[target].split("/")
                mine = here.split("/")
                path = other[-1] if other[:-1] == mine[:-1] else "../../" + "/".join(other)
                return f"{match.group(1)}{path}{match.group(3)}"

            body = re.sub(r'(<a\b[^>]*?\shref=")([^"]*)(")', relink, t.body)
            meta: dict[str, Any] = {"key": key, "locale": loc, "title": t.title}
            if loc == art.source_locale:
                meta["source"] = True
            if t.draft:
                meta["draft"] = True
            if art.labels:
                meta["labels"] = list(art.labels)
            section_vis = remote.sections[art.section_id].visibility
            if art.user_segment is not None:
                meta["user_segment"] = art.user_segment
            elif art.visibility is not None and art.visibility != section_vis:
                meta["visibility"] = art.visibility
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
            written.append(path)
    root.mkdir(parents=True, exist_ok=True)
    (root / MANIFEST).write_text(
        "# Exported by `deskops kb export`.\n"
        + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    written.append(root / MANIFEST)
    return written
