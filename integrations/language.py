"""Offline language detection for tickets, restricted to the workspace's locales.

Order (each step says *how* the locale was found, for `deskops explain`):

1. ``script``: Hangul in the text → Korean (a script check is exact; no statistics needed);
2. ``detector``: `py3langid` (langid.py's model, about 5 MB, deterministic, no network),
   restricted to the candidate locales' languages, accepted above a confidence threshold,
   on the requester's own words (a message quoted in double quotes or guillemets is the
   product's, left out when enough letters remain);
3. ``requester``: the requester's own locale, when it is one of the candidates;
4. ``default``: the workspace's default locale.

Why py3langid: it ships its model inside the wheel (nothing to fetch at run time), is
deterministic (langdetect is random unless seeded), restricts itself to a language subset
natively (``set_languages``), gives normalised probabilities for a threshold, and classifies a
ticket in well under a millisecond. lingua is more accurate on very short texts but its wheel
is an order of magnitude larger.

Locales are workspace spellings (``en``, ``fr``, ``ko``, ``pt-br``); the detector works on the
language part (``pt``) and the answer is mapped back to the candidate's spelling.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Literal

__all__ = ["MIN_CONFIDENCE", "READING_LANGUAGES", "How", "detect", "detect_reading", "has_hangul",
           "language_of"]

How = Literal["script", "detector", "requester", "default"]

#: Languages the triage reading stage understands (stemmers, keywords, Korean endings),
#: whichever locales a workspace replies in.
READING_LANGUAGES = ("en", "fr", "ko", "pt")
#: Below this normalised probability the detector's answer is not trusted.
MIN_CONFIDENCE = 0.80
#: Text shorter than this (letters only) is not given to the detector: too little evidence.
MIN_LETTERS = 12
#: Only the first characters are looked at; a ticket's language shows in its first lines.
MAX_CHARS = 4000

# Hangul syllables, Jamo and compatibility Jamo.
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_lock = threading.Lock()


def language_of(locale: str) -> str:
    """``pt-BR`` → ``pt``: the part a detector knows."""
    return locale.replace("_", "-").split("-", 1)[0].lower()


def has_hangul(text: str) -> bool:
    """True when a real share of the letters are Hangul (one quoted Korean word is not enough)."""
    hangul = len(_HANGUL.findall(text))
    if hangul == 0:
        return False
    letters = len(_LETTER.findall(text))
    return hangul >= 2 and hangul * 4 >= letters


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """Load the model once per process (about a second); imported lazily to keep CLI start fast."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=16)
def _restricted(languages: tuple[str, ...]) -> Any:
    """A shallow copy of the model restricted to ``languages`` (built once per set: slicing
    the model costs milliseconds, classifying a ticket a fraction of one)."""
    with _lock:
        identifier = copy.copy(_identifier())
        identifier.set_languages(list(languages))
    return identifier


#: A message quoted in double quotes or guillemets, on one line: the product's words
#: ("Unexpected token < in JSON", « Fichier non valide »), not the requester's language.
_QUOTED = re.compile(r"\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|«[^»\n]{1,160}»")


def _own_words(text: str) -> str:
    """``text`` without its quoted messages (`_QUOTED`) when enough letters remain for the
    detector: an English error message pasted into Portuguese prose does not make it
    English, nor uncertain."""
    if '"' not in text and "“" not in text and "«" not in text:
        return text
    own = _QUOTED.sub(" ", text)
    return own if len(_LETTER.findall(own)) >= MIN_LETTERS else text


def _classify(text: str, languages: Sequence[str]) -> tuple[str, float]:
    lang, prob = _restricted(tuple(sorted(languages))).classify(_own_words(text))
    return str(lang), float(prob)


def _match(locale: str | None, candidates: Sequence[str]) -> str | None:
    """The candidate spelling for ``locale`` (exact, then by language part)."""
    if not locale:
        return None
    wanted = locale.replace("_", "-").lower()
    for cand in candidates:
        if cand.lower() == wanted:
            return cand
    for cand in candidates:
        if language_of(cand) == language_of(wanted):
            return cand
    return None


def detect(
    texts: Iterable[str],
    candidates: Sequence[str],
    *,
    fallback_locale: str | None,
    default: str,
    min_confidence: float = MIN_CONFIDENCE,
) -> tuple[str, How]:
    """Return ``(locale, how)``: the language of ``texts`` among ``candidates``.

    ``texts`` are what the requester wrote (subject, description, their replies), most
    telling first. ``fallback_locale`` is the requester's profile locale; ``default`` the
    workspace's default locale (returned even when not in ``candidates``).
    """
    text = "\n".join(t for t in texts if t)[:MAX_CHARS]
    korean = _match("ko", candidates)
    if korean and has_hangul(text):
        return korean, "script"
    others = [c for c in candidates if language_of(c) != "ko"]
    languages = sorted({language_of(c) for c in others})
    if languages and len(_LETTER.findall(text)) >= MIN_LETTERS:
        if len(languages) == 1:
            lang, prob = languages[0], 1.0
        else:
            lang, prob = _classify(text, languages)
        found = _match(lang, others)
        if found and prob >= min_confidence:
            return found, "detector"
    requester = _match(fallback_locale, candidates)
    if requester:
        return requester, "requester"
    return default, "default"


def detect_reading(
    texts: Iterable[str],
    candidates: Sequence[str],
    *,
    fallback_locale: str | None,
    default: str,
    min_confidence: float = MIN_CONFIDENCE,
) -> tuple[str, How, str]:
    """``detect``'s ``(locale, how)``, plus the language the requester *wrote* in, for
    reading: one of `READING_LANGUAGES` even when the workspace does not reply in it (a
    Brazilian player writing Portuguese to an en/fr/ko help desk is still read as
    Portuguese, and answered in a workspace locale). One classification over the reading
    languages and the candidates' serves both when it lands on a candidate."""
    texts = [t for t in texts if t]
    text = "\n".join(texts)[:MAX_CHARS]
    reading: str | None = None
    if has_hangul(text):
        reading = "ko"
    elif len(_LETTER.findall(text)) >= MIN_LETTERS:
        others = [c for c in candidates if language_of(c) != "ko"]
        wide = sorted({*(r for r in READING_LANGUAGES if r != "ko"),
                       *(language_of(c) for c in others)})
        lang, prob = _classify(text, wide)
        if prob >= min_confidence:
            reading = lang
            found = _match(lang, others)
            if found:
                return found, "detector", reading
            # a language the workspace does not answer in (Portuguese to an en/fr/ko
            # desk): forced to choose among the candidates, the detector would call it the
            # nearest one (French), with confidence; the requester's locale or the default
            # answers instead
            requester = _match(fallback_locale, candidates)
            if requester:
                return requester, "requester", reading
            return default, "default", reading
    locale, how = detect(texts, candidates, fallback_locale=fallback_locale, default=default,
                         min_confidence=min_confidence)
    return locale, how, reading or language_of(locale)
