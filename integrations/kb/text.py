"""Plain-text articles (like the seeds, copied from web pages) to a title and HTML.

Pages copied from a help centre carry the site around the article: a "S'abonner" button
before the title, "Cet article vous a-t-il été utile ?" and vote counts after it, a
"로그인 / 회원가입" footer, and the alt text of removed screenshots standing as lines. This
module finds the real title and body, keeps the structure (headings, paragraphs, ``•``
bullet lists with nesting, links, images referenced by file name) and reports every line it
dropped, so lint can show them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

__all__ = ["TextArticle", "autolink", "parse_text", "plain_text"]

# A line that is only one of these is site chrome, wherever it stands.
_CHROME = re.compile(
    r"^(s[’']abonner|se d[ée]sabonner|subscribe|unsubscribe|follow|suivre|"
    r"로그인\s*/\s*회원가입|로그인|회원가입|sign in\s*/\s*sign up|sign in|"
    r"se connecter\s*/\s*s[’']inscrire|"
    r"구독|팔로우)$",
    re.IGNORECASE,
)
# From one of these on, the rest of the page is feedback and comments, not the article.
_FOOTER = re.compile(
    r"^(cet article vous a-t-il été utile\s*\?|was this article helpful\?|"
    r"이 문서가 도움이 되었습니까\?|이 문서가 도움이 되었나요\?|"
    r"utilisateurs qui ont trouvé cela utile\s*:.*|\d+\s+out of\s+\d+\s+found this helpful|"
    r"\d+\s*명 중\s*\d+\s*명이 도움이 되었다고 평가함)$",
    re.IGNORECASE,
)
_IMAGE = re.compile(r"^[\w\-. ()]+\.(png|jpe?g|gif|webp)$", re.IGNORECASE)
_BULLET = re.compile(r"^(\s*)•\s*(.*)$")
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_URL = re.compile(r"https?://[^\s<>\"']+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TERMINAL = ".:;!?,…)»\"”"
HEADING_MAX_WORDS = 10
CAPTION_MAX_WORDS = 8


@dataclass
class TextArticle:
    """The article found in a plain-text page; ``dropped`` is ``(line number, text, why)``."""

    title: str
    body: str
    images: list[str] = field(default_factory=list)
    dropped: list[tuple[int, str, str]] = field(default_factory=list)


def _script(text: str) -> str:
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == 0 and latin == 0:
        return "other"
    return "hangul" if hangul >= latin else "latin"


def autolink(escaped: str) -> str:
    """Turn URLs and e-mail addresses in already-escaped text into links."""
    def url(m: re.Match[str]) -> str:
        raw = m.group(0)
        tail = ""
        while raw and raw[-1] in ".,;:!?)»":
            tail = raw[-1] + tail
            raw = raw[:-1]
        return f'<a href="{raw}">{raw}</a>{tail}'

    def email(m: re.Match[str]) -> str:
        raw = m.group(0).rstrip(".")
        tail = m.group(0)[len(raw):]
        return f'<a href="mailto:{raw}">{raw}</a>{tail}'

    parts = re.split(r"(<a [^>]*>.*?</a>)", _URL.sub(url, escaped))
    return "".join(p if p.startswith("<a ") else _EMAIL.sub(email, p) for p in parts)


def _inline(text: str) -> str:
    return autolink(html.escape(text.strip(), quote=False))


def _is_heading(line: str, following: str | None) -> bool:
    text = line.strip()
    if not text or following is None or _BULLET.match(line) or _IMAGE.match(text):
        return False
    if _URL.search(text) or _EMAIL.search(text) or text[-1] in _TERMINAL:
        return False
    return len(text.split()) <= HEADING_MAX_WORDS and len(text) <= 90


def parse_text(text: str) -> TextArticle:
    """Find title and body of a copied web page; see the module docstring."""
    raw = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    dropped: list[tuple[int, str, str]] = []
    kept: list[tuple[int, str]] = []
    for number, line in enumerate(raw, start=1):
        stripped = line.strip()
        if _FOOTER.match(stripped):
            for later, rest in enumerate(raw[number - 1:], start=number):
                if rest.strip():
                    dropped.append((later, rest.strip(), "feedback/comments footer"))
            break
        if _CHROME.match(stripped):
            dropped.append((number, stripped, "site navigation"))
            continue
        kept.append((number, line))

    script = _script(" ".join(line for _, line in kept))
    lines: list[tuple[int, str]] = []
    for number, line in kept:
        stripped = line.strip()
        if (stripped and not _BULLET.match(line) and not _IMAGE.match(stripped)
                and not _URL.search(stripped) and script != "other"
                and _script(stripped) not in (script, "other")
                and len(stripped.split()) <= CAPTION_MAX_WORDS
                and stripped[-1] not in _TERMINAL):
            dropped.append((number, stripped, "image caption in another script"))
            continue
        lines.append((number, line))

    title = ""
    while lines:
        _, first = lines.pop(0)
        if first.strip():
            title = first.strip()
            break

    images: list[str] = []
    out: list[str] = []
    nonblank = [line for _, line in lines]
    index = 0
    while index < len(nonblank):
        line = nonblank[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        if _BULLET.match(line):
            index = _list(nonblank, index, out)
            continue
        if _IMAGE.match(stripped):
            images.append(stripped)
            out.append(f'<p><img src="{html.escape(stripped)}" alt=""></p>')
            index += 1
            continue
        following = next((n for n in nonblank[index + 1:] if n.strip()), None)
        if _is_heading(line, following):
            out.append(f"<h2>{_inline(stripped)}</h2>")
        else:
            out.append(f"<p>{_inline(stripped)}</p>")
        index += 1
    return TextArticle(title=title, body="\n".join(out), images=images, dropped=dropped)


def _list(lines: list[str], start: int, out: list[str]) -> int:
    """Render consecutive bullets (blank lines allowed between them) as nested ``<ul>``."""
    items: list[tuple[int, str]] = []  # (indent, html text)
    index = start
    while index < len(lines):
        line = lines[index]
        match = _BULLET.match(line)
        if match:
            items.append((len(match.group(1).expandtabs(4)), _inline(match.group(2))))
            index += 1
            continue
        if not line.strip():
            following = next((n for n in lines[index + 1:] if n.strip()), None)
            if following is not None and _BULLET.match(following):
                index += 1
                continue
            break
        if items and line.startswith(" ") and len(line) - len(line.lstrip()) > items[-1][0]:
            indent, text = items[-1]
            items[-1] = (indent, f"{text} {_inline(line)}")  # continuation of the item
            index += 1
            continue
        break
    stack: list[int] = []
    parts: list[str] = []
    for indent, text in items:
        if not stack or indent > stack[-1]:
            parts.append("<ul>")
            stack.append(indent)
        else:
            while len(stack) > 1 and indent < stack[-1]:
                parts.append("</li></ul>")
                stack.pop()
            parts.append("</li>")
        parts.append(f"<li>{text}")
    while stack:
        parts.append("</li></ul>")
        stack.pop()
    out.append("".join(parts))
    return index


def plain_text(body_html: str) -> str:
    """The text of an HTML body, for language detection and emptiness checks."""
    return html.unescape(re.sub(r"<[^>]+>", " ", body_html)).strip()
