"""Values inside sentences: "my main is a ranger called Aelin", "someone named Grimbolt",
"mon compte jules_b ne marche plus", "캐릭터 이름은 Haneul입니다", "Account: kira_sun",
"on the Kraken server".

A value stands after one of the field's names (its titles in every locale, its key, and
``x-deskops.synonyms``), optionally joined by a connector ("is", ":", "est", "은/는",
"called", "s'appelle"; a Hangul name only before a copula: "서버는 누이입니다"), or before
it: in Korean "<name>(이)라는 <field>", in English a
capitalised "on the <Name> <field>". It must look like a name — a digit, an underscore or
a capital letter in its first word (or, for a multi-word value, in a later one: "le pack
Marchand"), or an explicit connector before a word that is not a participle — and pass the
field's own schema (checked by the caller).
Several different values for one field: none is written.

Free-text fields (``textarea``) are read from a "<any of its names>: value" line, else
from ``x-deskops.cues``: words that start the clause giving the value ("I tried",
"j'ai vidé", "já limpei", "해 봤").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.model import Field
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.normalise import strip_korean
from integrations.triage.reading.vocabulary import field_synonyms, per_locale

__all__ = ["ClauseReader", "NameReader"]

NAMED = 0.85
CLAUSE = 0.8
LABELLED = 0.9
_CONNECT = (r"(?:\s*[:：=]\s*|\s+(?:is|was|est|é|called|named|nommée?|chamad[oa]|"
            r"s'appelle|se chama)\s+|\s*(?:은|는|이|가)\s*|\s+)")
_ARTICLE = r"(?:(?:a|an|the|un|une|le|la|o|a|de|d')\s+(?:\w+\s+(?:called|named|nommée?)\s+)?)?"
_NAME = r"([A-Za-z0-9][\w.'@-]{1,40}(?:\s+[A-Z0-9][\w'-]{1,20}){0,3})"
_KO_BEFORE = r"([A-Za-z0-9][\w.-]{1,40})\s*(?:이)?라는\s*(?:{names})"
#: A Hangul name is taken only when a copula states it ("서버는 누이입니다"), never from a
#: description ("서버가 다운됐어요").
_KO_NAMED = r"(?:{names})\s*(?:은|는)\s*([\uac00-\ud7a3]{1,10}?)(?:입니다|이에요|예요|이고|고요)"
#: English puts a proper name before the noun it names: "on the Kraken server".
_EN_BEFORE = r"(?<!\w)(?:on|in|at)\s+(?:the\s+)?([A-Z][\w'-]{1,30})\s+(?:{names})(?!\w)"
_HANGUL = re.compile("[\uac00-\ud7a3]")
_STATE_WORDS = frozenset({
    "not", "no", "now", "still", "also", "just", "being", "gone", "mine", "fine", "ok",
    "okay", "broken", "stuck", "down", "back", "bloque", "pirate", "pas", "plus", "aussi",
    "et", "and", "but", "mais", "with", "avec", "com", "nao", "the", "a", "on", "in", "is",
    "has", "had", "was", "to", "for", "sur", "de", "le", "la", "les", "un", "une",
})


def _looks_like_name(value: str, explicit: bool) -> bool:
    words = value.split()
    first = words[0]
    if any(c.isdigit() or c == "_" for c in first) or first[:1].isupper():
        return True
    if any(w[:1].isupper() for w in words[1:]):  # "le pack Marchand": a named product
        return True
    word = first.casefold()
    if not explicit or word in _STATE_WORDS or len(word) < 4:
        return False
    return not word.endswith(("ed", "ing", "é", "ée", "és", "ado", "ada", "ido", "ida"))


class NameReader:
    """A name-like value right after (or, in Korean, before) one of the field's names."""

    def __init__(self, f: Field) -> None:
        self.field = f
        names = sorted(field_synonyms(f), key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self._after = re.compile(rf"(?i)(?<!\w)(?:{alternation})(?![A-Za-z])({_CONNECT})"
                                 rf"{_ARTICLE}{_NAME}")
        self._before = re.compile(_KO_BEFORE.replace("{names}", alternation), re.IGNORECASE)
        self._ko_named = re.compile(_KO_NAMED.replace("{names}", alternation))
        nouns = "|".join(re.escape(n) for n in names if n.isascii() and n.isalpha())
        self._en_before = re.compile(_EN_BEFORE.replace("{names}", nouns), re.IGNORECASE) \
            if nouns else None
        self._multiword = f.kind in ("text", "textarea")
        # a word of the field's own names is never its value ("mon compte Glyph")
        self._own = frozenset(w.casefold() for n in names for w in re.findall(r"\w+", n))

    def read(self, texts: Sequence[tuple[str, str]], locale: str) -> Evidence | None:
        values: dict[str, tuple[str, str]] = {}
        for source, text in texts:
            capped = text[:4000]
            for m in self._after.finditer(capped):
                explicit = bool(m.group(1).strip())
                value = self._clean(m.group(2))
                if value and value.casefold() not in self._own and \
                        _looks_like_name(value, explicit):
                    values.setdefault(value, (source, m.group()))
            for m in self._before.finditer(capped):
                values.setdefault(m.group(1), (source, m.group()))
            for m in self._ko_named.finditer(capped):
                if m.group(1).casefold() not in self._own:
                    values.setdefault(m.group(1), (source, m.group()))
            for m in self._en_before.finditer(capped) if self._en_before else ():
                name = m.group(1)  # "the EU server" names a region, not a server
                if name[:1].isupper() and any(c.islower() for c in name) and \
                        name.casefold() not in self._own:
                    values.setdefault(name, (source, m.group()))
        if len(values) != 1:
            return None
        value, (source, span) = next(iter(values.items()))
        return Evidence(key=self.field.key, value=value, span=clip(span), method="sentence",
                        locale=locale, confidence=NAMED, source=source)

    def _clean(self, raw: str) -> str:
        words: list[str] = []
        for w in raw.split():  # a name ends with its sentence
            words.append(w)
            if w[-1:] in ".,;:!?":
                break
        if not self._multiword:
            words = words[:1]
        else:  # keep the capitalised run only ("Starter Pack", not "Pack and")
            kept = [words[0]]
            for w in words[1:]:
                if not (w[:1].isupper() or w[:1].isdigit()):
                    break
                kept.append(w)
            words = kept
        value = " ".join(words).rstrip(".,;:!?'").strip()
        hangul = _HANGUL.search(value)
        if hangul and hangul.start() > 0:  # "Haneul입니다": the name ends where Hangul starts
            value = value[:hangul.start()].rstrip(".,;:!?' ")
        elif hangul:
            value = strip_korean(value)
        return value


class ClauseReader:
    """A free-text value: the clause a cue starts, up to the end of its sentence (in
    Korean, where cues end a clause, the whole sentence)."""

    def __init__(self, f: Field) -> None:
        self.field = f
        cues = sorted({c for words in per_locale(
            (f.schema or {}).get("x-deskops", {}).get("cues")).values() for c in words},
            key=len, reverse=True)
        self._cue = re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + ")") \
            if cues else None
        names = "|".join(re.escape(n) for n in sorted(field_synonyms(f), key=len, reverse=True))
        self._line = re.compile(
            rf"(?im)^[ \t>*•·-]*(?:{names})[ \t]*[:：=][ \t]*([^\n]{{3,1000}})$")

    def read(self, texts: Sequence[tuple[str, str]], locale: str) -> Evidence | None:
        for source, text in texts:  # a "<any of its names>: value" line first
            m = self._line.search(text[:4000])
            if m:
                return Evidence(key=self.field.key, value=m.group(1).strip(),
                                span=clip(m.group()), method="label", locale=locale,
                                confidence=LABELLED, source=source)
        if self._cue is None:
            return None
        for source, text in texts:
            capped = text[:4000]
            m = self._cue.search(capped)
            if m is None:
                continue
            start = m.start()
            if _HANGUL.search(m.group()):
                start = max((capped.rfind(p, 0, start) for p in ".!?\n"), default=-1) + 1
            end = min((i for i in (capped.find(p, m.end()) for p in ".!?\n") if i >= 0),
                      default=len(capped))
            value = capped[start:end].strip(" ,;")
            if len(value) >= 8:
                return Evidence(key=self.field.key, value=value, span=clip(value),
                                method="sentence", locale=locale, confidence=CLAUSE,
                                source=source)
        return None
