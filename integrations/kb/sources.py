"""Read ``<workspace>/kb/`` into the neutral `KnowledgeBase`, with every finding for lint.

Layout: ``kb/<category>/<section>/<article files>``; the folders give category and section
keys. Sources are Markdown (``.md``), HTML (``.html``) or plain text (``.txt``, like the
seeds), each with optional YAML front matter between ``---`` lines (``yaml.safe_load``; a
mapping of the keys in `FRONT_MATTER_KEYS`). ``kb/manifest.yaml`` names categories and
sections per locale, sets visibilities, and can give any file the front-matter keys it
cannot carry itself (the seeds stay byte for byte as they were)::

    source_locale: fr            # the locale published first when an article has several
    locales: [fr, ko, en]        # candidates for detection (default: en, fr, ko)
    categories:
      stripchat: {title: {fr: StripChat, ko: 스트립챗}}
    sections:
      stripchat/contact: {title: {fr: Contact, ko: 연락처}, visibility: everyone}
    articles:
      stripchat/contact/001_a6d583860daf9ff7.txt: {key: stripchat-contact}

Translations are paired by the declared ``key`` (never by file names); the language is
declared (``locale``) or detected (`integrations.language.detect`). File references (images,
links) must stay inside ``kb/``: no absolute paths, no ``..`` out of it, no symlinks.
HTML is sanitised (`integrations.kb.sanitize`) after Markdown rendering and after the
references are rewritten.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal, cast
from urllib.parse import unquote, urlsplit

import yaml

from integrations.errors import Problem, WorkspaceError
from integrations.kb.model import (
    VISIBILITIES,
    KbArticle,
    KbCategory,
    KbImage,
    KbSection,
    KbTranslation,
    KnowledgeBase,
    Visibility,
)
from integrations.kb.sanitize import sanitize
from integrations.kb.text import parse_text, plain_text

__all__ = [
    "DEFAULT_LOCALES",
    "FRONT_MATTER_KEYS",
    "KB_DIR",
    "MANIFEST",
    "Finding",
    "load_kb",
    "scan_kb",
    "split_front_matter",
]

KB_DIR = "kb"
MANIFEST = "manifest.yaml"
DEFAULT_LOCALES: tuple[str, ...] = ("en", "fr", "ko")
SOURCE_KINDS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                ".txt": "text"}
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
FRONT_MATTER_KEYS = frozenset({"title", "key", "locale", "section", "labels", "tags", "draft",
                               "visibility", "source", "position", "user_segment",
                               "permission_group"})
#: Zendesk Guide names an article may carry (front matter, manifest article or section entry)
ACCESS_KEYS = ("user_segment", "permission_group")
SECTION_KEYS = frozenset({"title", "description", "visibility", "position", *ACCESS_KEYS})
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_REF = re.compile(r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")([^"]*)(")')
_IMG_TAG = re.compile(r'<img\b[^>]*\ssrc="([^"]*)"[^>]*>')
_EMPTY_P = re.compile(r"<p>\s*</p>")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.IGNORECASE | re.DOTALL)
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_PROTECTED = re.compile(r"\[email(?:\s|&nbsp;|\xa0)protected\]", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One lint finding, printed ``file:line: level: message`` (one line, like a compiler,
    so editors and CI annotations jump to it); errors stop a sync, warnings do not.
    ``column`` (1-based) is known for syntax errors, printed ``file:line:col: ...``."""

    level: Literal["error", "warning", "info"]
    file: str
    message: str
    line: int = 1
    column: int | None = None

    @property
    def where(self) -> str:
        """``line`` or ``line:col``: what follows the file name."""
        return f"{self.line}:{self.column}" if self.column else str(self.line)

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.level}: {self.message}"


_QUOTED = re.compile("'([^']+)'|\"([^\"]+)\"")
_WHERE = re.compile(r"^(?:categories|sections|articles): ([^:]+):")


@dataclass
class _Source:
    rel: str  # kb-relative posix path
    file: str  # workspace-relative, for messages
    meta: dict[str, Any]
    title: str
    body: str
    locale: str = ""
    key: str = ""
    section: str = ""
    images: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(front matter mapping, rest)``; YAML is read with ``safe_load`` only."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ValueError(f"front matter is not valid YAML{where}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValueError("front matter must be a mapping of keys to values")
    return data, text[match.end():]


def _yaml_problem(exc: yaml.YAMLError) -> tuple[int, int | None, str]:
    """``(line, column, message)`` of a YAML syntax error, 1-based, in PyYAML's own words
    (``expected ',' or ']', but got ':'``), rather than the bare class name."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = (getattr(exc, "problem", None)
               or (str(exc).splitlines() or [type(exc).__name__])[0])
    context = getattr(exc, "context", None)
    cmark = getattr(exc, "context_mark", None)
    if context:
        start = f" started at line {cmark.line + 1}" if cmark is not None else ""
        problem = f"{problem} ({context}{start})"
    if mark is None:
        return 1, None, f"invalid YAML: {problem}"
    return mark.line + 1, mark.column + 1, f"invalid YAML: {problem}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or hashlib.sha256(text.encode()).hexdigest()[:12]


def _render_markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark", {"html": True, "linkify": False}).render(text))


class _Scanner:
    def __init__(self, workspace: Path, detect_language: bool) -> None:
        self.workspace = workspace
        self.root = workspace / KB_DIR
        self.findings: list[Finding] = []
        self.detect_language = detect_language
        self.images: dict[str, KbImage] = {}
        self.texts: dict[str, str] = {}  # file -> text, to give findings a line

    # -- findings ------------------------------------------------------------------------------
    def error(self, file: str, message: str, line: int | None = None,
              column: int | None = None) -> None:
        self.findings.append(Finding("error", file, message, line or self.locate(file, message),
                                     column))

    def warn(self, file: str, message: str, line: int | None = None) -> None:
        self.findings.append(Finding("warning", file, message,
                                     line or self.locate(file, message)))

    def info(self, file: str, message: str) -> None:
        self.findings.append(Finding("info", file, message))

    def locate(self, file: str, message: str) -> int:
        """The line a finding is about: the first line of ``file`` holding the manifest entry
        (``sections: KEY: ...``) or the first quoted value the message names; else 1."""
        if file not in self.texts:
            path = self.workspace / file
            try:
                self.texts[file] = path.read_text(encoding="utf-8") if path.is_file() else ""
            except (OSError, UnicodeDecodeError):
                self.texts[file] = ""
        lines = self.texts[file].replace("\xa0", " ").splitlines()
        where = _WHERE.match(message)
        needles = [where.group(1)] if where else []
        needles += [a or b for a, b in _QUOTED.findall(message)]
        for needle in needles:
            for number, text in enumerate(lines, start=1):
                if needle in text:
                    return number
        return 1

    def _file(self, rel: str) -> str:
        return f"{KB_DIR}/{rel}" if rel else KB_DIR

    # -- manifest ------------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.is_file():
            return {}
        name = self._file(MANIFEST)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            line, column, message = _yaml_problem(exc)
            self.error(name, message, line, column)
            return {}
        except UnicodeDecodeError as exc:
            self.error(name, f"cannot read the manifest: not UTF-8 text (byte {exc.start})")
            return {}
        except OSError as exc:
            self.error(name, f"cannot read the manifest: {exc.strerror or exc}")
            return {}
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.error(name, "the manifest must be a mapping")
            return {}
        allowed = {"source_locale", "locales", "categories", "sections", "articles"}
        for key in sorted(set(data) - allowed):
            self.error(name, f"unknown manifest key {key!r} "
                             f"(allowed: {', '.join(sorted(allowed))})")
        for key in ("categories", "sections", "articles"):
            if key in data and not isinstance(data[key], dict):
                self.error(name, f"{key} must be a mapping")
                data[key] = {}
        return data

    def titles(self, file: str, where: str, value: Any, fallback: str) -> dict[str, str]:
        if value is None:
            return {"": fallback}
        if isinstance(value, str):
            return {"": value}
        if isinstance(value, dict) and all(isinstance(v, str) and v for v in value.values()):
            return {str(k): str(v) for k, v in value.items()}
        self.error(file, f"{where}: title must be a string or a mapping of locale to title")
        return {"": fallback}

    def visibility(self, file: str, where: str, value: Any) -> Visibility | None:
        if value is None:
            return None
        if value in VISIBILITIES:
            return cast(Visibility, value)
        self.error(file, f"{where}: visibility {value!r} cannot be mapped (use one of "
                         f"{', '.join(VISIBILITIES)}); it is never published as public")
        return None

    # -- references ----------------------------------------------------------------------------
    def resolve(self, rel: str, ref: str) -> str | None:
        """kb-relative path of a reference from source ``rel``; None (+ error) if it escapes."""
        path = unquote(urlsplit(ref).path)
        file = self._file(rel)
        if not path:
            return None
        if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
            self.error(file, f"reference {ref!r} is an absolute path; keep files inside kb/")
            return None
        parts: list[str] = []
        for part in (PurePosixPath(rel).parent / path).parts:
            if part in ("", "."):
                continue
            if part == "..":
                if not parts:
                    self.error(file, f"reference {ref!r} leaves the kb/ folder")
                    return None
                parts.pop()
            else:
                parts.append(part)
        target = self.root.joinpath(*parts)
        probe = self.root
        for part in parts:
            probe = probe / part
            if probe.is_symlink():
                self.error(file, f"reference {ref!r} goes through a symbolic link; "
                                 "links are not followed")
                return None
        if target.exists() and not target.resolve().is_relative_to(self.root.resolve()):
            self.error(file, f"reference {ref!r} leaves the kb/ folder")
            return None
        return "/".join(parts)

    def image(self, rel: str, ref: str) -> str | None:
        """Register an image; its kb path, or None when missing/unsafe (the tag is dropped)."""
        target = self.resolve(rel, ref)
        if target is None:
            return None
        path = self.root / target
        if PurePosixPath(target).suffix.lower() not in IMAGE_SUFFIXES:
            self.error(self._file(rel), f"image {ref!r} is not a .png/.jpg/.gif/.webp file")
            return None
        if not path.is_file():
            self.warn(self._file(rel), f"image {ref!r} not found (looked for kb/{target}); "
                                       "the article publishes without it")
            return None
        if target not in self.images:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            self.images[target] = KbImage(name=target, path=path, sha256=digest)
        return target

    # -- sources -------------------------------------------------------------------------------
    def read_source(self, path: Path, overrides: Mapping[str, Any]) -> _Source | None:
        rel = path.relative_to(self.root).as_posix()
        file = self._file(rel)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.error(file, "not UTF-8 text")
            return None
        try:
            meta, rest = split_front_matter(text)
        except ValueError as exc:
            self.error(file, str(exc))
            return None
        for key in sorted(set(meta) - FRONT_MATTER_KEYS):
            self.error(file, f"unknown front matter key {key!r} "
                             f"(allowed: {', '.join(sorted(FRONT_MATTER_KEYS))})")
        merged = {**dict(overrides), **meta}
        kind = SOURCE_KINDS[path.suffix.lower()]
        title = ""
        if kind == "text":
            article = parse_text(rest)
            title, body = article.title, article.body
            offset = text[:len(text) - len(rest)].count("\n")
            for number, line, why in sorted(article.dropped):
                self.warn(file, f"dropped web leftover ({why}): {line!r}", number + offset)
        elif kind == "markdown":
            body = _render_markdown(rest)
            match = _H1.search(body)
            if match and not body[:match.start()].strip():
                title = plain_text(match.group(1))
                body = body[match.end():]
        else:
            found = _TITLE.search(rest)
            content = _BODY.search(rest)
            body = content.group(1) if content else rest
            match = _H1.search(body)
            if match and not plain_text(body[:match.start()]):
                title = plain_text(match.group(1))
                body = body[match.end():]
            elif found:
                title = plain_text(found.group(1))
        if "title" in merged:
            if not isinstance(merged["title"], str) or not merged["title"].strip():
                self.error(file, "title must be a non-empty string")
            else:
                title = merged["title"].strip()
        source = _Source(rel=rel, file=file, meta=merged, title=htmllib.unescape(title),
                         body=sanitize(body))
        if _PROTECTED.search(source.body) or _PROTECTED.search(source.title):
            self.warn(file, "contains '[email protected]': an address hidden by the page it was "
                            "copied from; write the real address")
        return source

    def rewrite_refs(self, source: _Source, keys_by_file: Mapping[str, str]) -> None:
        """Images to kb paths (dropped when missing), links to sources to ``kb:KEY``."""
        def ref(match: re.Match[str]) -> str:
            before, value, after = match.groups()
            value = htmllib.unescape(value)
            is_img = before.lstrip().lower().startswith("<img")
            parsed = urlsplit(value)
            if parsed.scheme or value.startswith(("#", "//")):
                if parsed.scheme == "kb" and not is_img:
                    key = value[3:]
                    if key not in keys_by_file.values():
                        self.error(source.file, f"link to unknown article key {key!r}")
                    else:
                        source.links.append(key)
                return match.group(0)
            if is_img:
                target = self.image(source.rel, value)
                if target is None:
                    return f"{before}{_DROP}{after}"
                source.images.append(target)
                return f"{before}{htmllib.escape(target)}{after}"
            target = self.resolve(source.rel, value)
            if target is None:
                return f"{before}#{after}"
            if target in keys_by_file:
                key = keys_by_file[target]
                source.links.append(key)
                return f"{before}kb:{key}{after}"
            if (self.root / target).is_file():
                self.warn(source.file, f"link {value!r} is a file, not an article; "
                                       "it is published as written")
            else:
                self.warn(source.file, f"broken link {value!r} (no such file in kb/)")
            return match.group(0)

        body = _REF.sub(ref, source.body)
        body = _IMG_TAG.sub(lambda m: "" if m.group(1) == _DROP else m.group(0), body)
        source.body = sanitize(_EMPTY_P.sub("", body))

    def scan(self) -> KnowledgeBase | None:
        if not self.root.is_dir():
            self.error(KB_DIR, "no kb/ folder in the workspace")
            return None
        manifest = self.manifest()
        mfile = self._file(MANIFEST)
        default_source = str(manifest.get("source_locale") or "")
        locales_value = manifest.get("locales") or list(DEFAULT_LOCALES)
        if not isinstance(locales_value, list) or \
                not all(isinstance(x, str) for x in locales_value):
            self.error(mfile, "locales must be a list of locale codes")
            locales_value = list(DEFAULT_LOCALES)
        candidates: list[str] = [str(x) for x in locales_value]
        art_over: dict[str, Any] = manifest.get("articles") or {}

        sources: list[_Source] = []
        seen_dirs: set[tuple[str, str]] = set()
        for path in sorted(self.root.rglob("*")):
            rel = path.relative_to(self.root).as_posix()
            if path.is_symlink():
                self.error(self._file(rel), "symbolic links are not followed inside kb/")
                continue
            if path.is_dir() or rel == MANIFEST:
                continue
            suffix = path.suffix.lower()
            if suffix in IMAGE_SUFFIXES or path.name.startswith("."):
                continue
            if suffix not in SOURCE_KINDS:
                self.warn(self._file(rel), "not an article source (.md, .html, .txt); ignored")
                continue
            parts = PurePosixPath(rel).parts
            if len(parts) != 3:
                self.error(self._file(rel), "articles live in kb/<category>/<section>/")
                continue
            over = art_over.get(rel, {})
            if not isinstance(over, dict):
                self.error(mfile, f"articles: {rel}: must be a mapping")
                over = {}
            for key in sorted(set(over) - FRONT_MATTER_KEYS):
                self.error(mfile, f"articles: {rel}: unknown key {key!r}")
            source = self.read_source(path, over)
            if source is None:
                continue
            seen_dirs.add((parts[0], f"{parts[0]}/{parts[1]}"))
            sources.append(source)
        for rel in sorted(set(art_over) - {s.rel for s in sources}):
            self.error(mfile, f"articles: {rel}: no such article file")

        # key, locale, section
        for source in sources:
            meta = source.meta
            key = meta.get("key")
            if key is None:
                key = _slug(PurePosixPath(source.rel).stem)
            if not isinstance(key, str) or not _KEY.match(key):
                self.error(source.file,
                           f"key {key!r} must be lowercase letters, digits, '-', '_', '.'")
                key = _slug(str(key))
            source.key = key
            section = meta.get("section") or "/".join(PurePosixPath(source.rel).parts[:2])
            if not isinstance(section, str) or section.count("/") != 1:
                self.error(source.file, f"section {section!r} must be 'category/section'")
                section = "/".join(PurePosixPath(source.rel).parts[:2])
            source.section = section
            seen_dirs.add((section.split("/")[0], section))
            locale = meta.get("locale")
            if locale is not None:
                if not isinstance(locale, str) or not re.match(r"^[a-z]{2,3}(-[a-z0-9]{2,4})?$",
                                                                locale.lower()):
                    self.error(source.file,
                               f"locale {locale!r} is not a locale code like fr or pt-br")
                    locale = "und"
                source.locale = str(locale).lower()
            elif self.detect_language:
                from integrations.language import detect

                text = f"{source.title}\n{plain_text(source.body)}"
                found, how = detect([text], candidates, fallback_locale=None,
                                    default=default_source or candidates[0])
                if how in ("script", "detector"):
                    self.info(source.file, f"language detected as {found} ({how})")
                else:
                    self.warn(source.file, f"language not detected, assumed {found}; declare "
                                           "`locale` in front matter or the manifest")
                source.locale = found
            else:
                self.error(source.file, "no locale declared")
                source.locale = "und"

        keys_by_file = {s.rel: s.key for s in sources}
        for source in sources:
            self.rewrite_refs(source, keys_by_file)

        return self.assemble(manifest, sources, seen_dirs, default_source)

    def assemble(self, manifest: Mapping[str, Any], sources: Sequence[_Source],
                 seen_dirs: set[tuple[str, str]], default_source: str) -> KnowledgeBase:
        mfile = self._file(MANIFEST)
        cats_meta: dict[str, Any] = manifest.get("categories") or {}
        secs_meta: dict[str, Any] = manifest.get("sections") or {}
        grouped: dict[str, list[_Source]] = {}
        for source in sources:
            grouped.setdefault(source.key, []).append(source)

        articles: dict[str, KbArticle] = {}
        section_locales: dict[str, set[str]] = {}
        for key, group in sorted(grouped.items()):
            translations: dict[str, KbTranslation] = {}
            homes = {s.section for s in group}
            if len(homes) > 1:
                self.error(group[0].file, f"translations of {key!r} live in several sections: "
                                          f"{', '.join(sorted(homes))}")
            for source in group:
                if source.locale in translations:
                    other = translations[source.locale].source
                    self.error(source.file, f"key {key!r} has two {source.locale} versions "
                                            f"(also {other}); declare the right key or locale")
                    continue
                if not source.title:
                    self.error(source.file, "no title found (set `title` in front matter)")
                if not plain_text(source.body) and "<img" not in source.body:
                    self.error(source.file, "empty article: no body after cleaning")
                draft = source.meta.get("draft", False)
                if not isinstance(draft, bool):
                    self.error(source.file, "draft must be true or false")
                    draft = False
                translations[source.locale] = KbTranslation(
                    locale=source.locale, title=source.title, body=source.body, draft=draft,
                    source=source.file, images=tuple(dict.fromkeys(source.images)),
                    links=tuple(dict.fromkeys(source.links)))
            declared = [s for s in group if s.meta.get("source")]
            if declared:
                source_locale = declared[0].locale
            elif default_source in translations:
                source_locale = default_source
            else:
                source_locale = sorted(translations)[0] if translations else "und"
            labels_value: Any = next((s.meta.get("labels", s.meta.get("tags")) for s in group
                                      if s.meta.get("labels", s.meta.get("tags")) is not None),
                                     [])
            if not isinstance(labels_value, list) or \
                    not all(isinstance(x, str) for x in labels_value):
                self.error(group[0].file, "labels must be a list of strings")
                labels_value = []
            vis_values = {s.meta.get("visibility") for s in group} - {None}
            if len(vis_values) > 1:
                self.error(group[0].file, f"translations of {key!r} declare different visibilities")
            visibility = self.visibility(group[0].file, "visibility",
                                         next(iter(vis_values)) if vis_values else None)
            position = group[0].meta.get("position", 0)
            section = group[0].section
            access = self.access(group, secs_meta.get(section))
            if access["user_segment"] is not None and visibility is not None:
                self.error(group[0].file, f"{key!r} sets both visibility and user_segment; the "
                                          "user segment decides who sees it: keep one")
            articles[key] = KbArticle(
                key=key, section=section, source_locale=source_locale, translations=translations,
                labels=tuple(sorted(set(labels_value))), visibility=visibility,
                position=position if isinstance(position, int) else 0,
                user_segment=access["user_segment"], permission_group=access["permission_group"])
            section_locales.setdefault(section, set()).update(translations)

        categories: dict[str, KbCategory] = {}
        sections: dict[str, KbSection] = {}
        for cat_key in sorted({c for c, _ in seen_dirs} | set(cats_meta)):
            meta = cats_meta.get(cat_key) or {}
            if not isinstance(meta, dict):
                self.error(mfile, f"categories: {cat_key}: must be a mapping")
                meta = {}
            locales = set().union(*[section_locales.get(s, set()) for c, s in seen_dirs
                                    if c == cat_key]) if seen_dirs else set()
            titles = self.localized(mfile, f"categories: {cat_key}", meta.get("title"), cat_key,
                                    locales, default_source)
            descriptions = self.localized(mfile, f"categories: {cat_key}",
                                          meta.get("description"), "", locales, default_source)
            categories[cat_key] = KbCategory(key=cat_key, titles=titles,
                                             descriptions=descriptions,
                                             position=int(meta.get("position", 0) or 0))
        for sec_key in sorted({s for _, s in seen_dirs} | set(secs_meta)):
            meta = secs_meta.get(sec_key) or {}
            if not isinstance(meta, dict):
                self.error(mfile, f"sections: {sec_key}: must be a mapping")
                meta = {}
            for unknown in sorted(set(meta) - SECTION_KEYS):
                self.error(mfile, f"sections: {sec_key}: unknown key {unknown!r} "
                                  f"(allowed: {', '.join(sorted(SECTION_KEYS))})")
            cat_key = sec_key.split("/")[0]
            if cat_key not in categories:
                self.error(mfile, f"sections: {sec_key}: unknown category {cat_key!r}")
                continue
            locales = section_locales.get(sec_key, set())
            name = sec_key.split("/", 1)[-1]
            titles = self.localized(mfile, f"sections: {sec_key}", meta.get("title"), name,
                                    locales, default_source)
            descriptions = self.localized(mfile, f"sections: {sec_key}",
                                          meta.get("description"), "", locales, default_source)
            visibility = self.visibility(mfile, f"sections: {sec_key}",
                                         meta.get("visibility")) or "everyone"
            sections[sec_key] = KbSection(key=sec_key, category=cat_key, titles=titles,
                                          descriptions=descriptions, visibility=visibility,
                                          position=int(meta.get("position", 0) or 0))
        for article in articles.values():
            if article.section not in sections:
                self.error(next(iter(article.translations.values())).source
                           if article.translations else KB_DIR,
                           f"unknown section {article.section!r}")
        self.lint_titles(articles)
        return KnowledgeBase(root=self.root, categories=categories, sections=sections,
                             articles=articles, images=dict(self.images))

    def access(self, group: Sequence[_Source], section_meta: Any) -> dict[str, str | None]:
        """``user_segment`` / ``permission_group`` names: the article's, else its section's."""
        found: dict[str, str | None] = {}
        defaults = section_meta if isinstance(section_meta, dict) else {}
        for name in ACCESS_KEYS:
            values = {s.meta.get(name) for s in group} - {None}
            file = group[0].file
            if len(values) > 1:
                self.error(file, f"translations of {group[0].key!r} declare different "
                                 f"{name}s: {', '.join(sorted(map(str, values)))}")
            value = next(iter(values)) if values else defaults.get(name)
            if values:
                file = next(s.file for s in group if s.meta.get(name) is not None)
            else:
                file = self._file(MANIFEST)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                kind = name.replace("_", " ")
                self.error(file, f"{name} must be the name of a Zendesk Guide {kind}, "
                                 f"not {value!r}")
                value = None
            found[name] = value.strip() if isinstance(value, str) else None
        return found

    def localized(self, file: str, where: str, value: Any, fallback: str,
                  locales: set[str], default_source: str) -> dict[str, str]:
        """Titles for every locale the parent needs; missing ones fall back with a warning
        (no title at all: the folder name, in every locale, with a warning too)."""
        if value is None and fallback:
            needed = ", ".join(sorted(locales)) or default_source or DEFAULT_LOCALES[0]
            self.warn(file, f"{where}: no title; the folder name {fallback!r} is shown in "
                            f"every locale ({needed}): add title: {{{needed.split(', ')[0]}: "
                            "...} for each")
        given = self.titles(file, where, value, fallback)
        if "" in given:
            plain = given.pop("")
            return {loc: plain for loc in sorted(locales)} if locales else (
                {default_source or DEFAULT_LOCALES[0]: plain} if plain else {})
        if not fallback and value is None:
            return {}
        result = dict(given)
        for loc in sorted(locales - set(given)):
            base = given.get(default_source) or next(iter(given.values()))
            if fallback or value is not None:
                self.warn(file, f"{where}: no {loc} title; the {loc} articles need one "
                                f"(using {base!r})")
            result[loc] = base
        return result

    def lint_titles(self, articles: Mapping[str, KbArticle]) -> None:
        seen: dict[tuple[str, str, str], str] = {}
        for article in articles.values():
            for locale, translation in article.translations.items():
                ident = (article.section, locale, translation.title.casefold())
                if ident in seen:
                    self.warn(translation.source, f"title {translation.title!r} is also used by "
                                                  f"{seen[ident]} in the same section")
                else:
                    seen[ident] = translation.source


_DROP = "deskops-missing-image"


def scan_kb(workspace: Path, *, detect_language: bool = True
            ) -> tuple[KnowledgeBase | None, list[Finding]]:
    """Read the knowledge base and return it with every finding (errors included)."""
    scanner = _Scanner(workspace, detect_language)
    kb = scanner.scan()
    return kb, scanner.findings


def load_kb(workspace: Path, *, detect_language: bool = True
            ) -> tuple[KnowledgeBase, list[Finding]]:
    """The knowledge base and its warnings; `WorkspaceError` listing every error if any."""
    kb, findings = scan_kb(workspace, detect_language=detect_language)
    errors = [f for f in findings if f.level == "error"]
    if errors or kb is None:
        raise WorkspaceError([Problem(f.file, f.where, f.message) for f in errors]
                             or "the knowledge base cannot be read")
    return kb, [f for f in findings if f.level != "error"]
