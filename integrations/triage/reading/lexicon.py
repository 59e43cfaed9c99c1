"""Known words: is a lower-case token a word of a language the workspace writes, or a handle?

Requesters write their handles in lower case as often as not ("delete my Glyph account
nightfernz", "mon compte brumeazur", "user: nandarift"): no capital, digit or underscore
tells such a handle from a word ("my account settings", "mon compte principal"). A
word-frequency list does: a token that no language of the workspace uses is a coined
name. The lists are `wordfreq`'s (Wikipedia, subtitles, news, books, web text and social
media for each language, kept up to date by its authors, shipped inside the package: no
download at run time), read once per set of languages and kept as one set of words. A
word counts as known from `KNOWN_ZIPF` on the Zipf scale (2: once in a hundred million
words), low enough to hold slang and the common misspellings of web text ("glitched",
"nuked", "doesnt"), so that a typo is rarely taken for a handle; accented words are also
kept without their accents, as requesters often drop them ("bloquee"). A token one slip
from a common word ("hacekd", "acount") is a typo, not a handle (`misspelt_word`).

Korean has no Latin words to tell apart (a Korean requester's handle is in Latin letters
and checked against the Latin languages); a locale without a list is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from integrations.triage.reading.normalise import fold

__all__ = ["COMMON_ZIPF", "KNOWN_ZIPF", "common_word", "known_word", "lexicon_languages",
           "load", "misspelt_word"]

#: Least frequency, on the Zipf scale (log10 of occurrences per billion words), of a known
#: word; 2.0 is one occurrence in a hundred million words.
KNOWN_ZIPF = 2.0
#: Least frequency of a common word: one a typo of which is read as that word ("hacekd" is
#: "hacked"); 3.0 is once in a million words.
COMMON_ZIPF = 3.0
#: Languages always checked: English is written in every workspace's tickets (gaming and
#: web words: "login", "nerf", "smurf").
_ALWAYS = ("en",)


def lexicon_languages(locales: Iterable[str]) -> tuple[str, ...]:
    """The word-list languages for ``locales`` ("pt-br" → "pt"), English always, sorted."""
    wanted = {loc.split("-", 1)[0].lower() for loc in locales if loc and loc != "*"}
    return tuple(sorted(wanted | set(_ALWAYS)))


@cache
def _known(languages: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The words of ``languages`` at `KNOWN_ZIPF` or more, and those at `COMMON_ZIPF` or
    more, each also without its accents."""
    import wordfreq  # its import and lists cost half a second: only when first asked

    lists = wordfreq.available_languages("best")
    # a list holds buckets of words by centibel below 1 (index i: 10 ** (-i / 100)); Zipf
    # is that frequency's log10 plus 9
    known: set[str] = set()
    common: set[str] = set()
    for lang in languages:
        path = lists.get(lang)
        if path is None:
            continue
        buckets = wordfreq.read_cBpack(path)
        for i, bucket in enumerate(buckets[: round((9 - KNOWN_ZIPF) * 100) + 1]):
            known.update(bucket)
            if i <= round((9 - COMMON_ZIPF) * 100):
                common.update(bucket)
    for words in (known, common):
        words.update([fold(w) for w in words if not w.isascii()])
    return frozenset(known), frozenset(common)


def load(languages: tuple[str, ...]) -> None:
    """Read the lists of ``languages`` now (once per process): when a form is compiled, so
    that no ticket's decision pays the half second."""
    _known(languages)


def known_word(token: str, languages: tuple[str, ...] = _ALWAYS) -> bool:
    """True when ``token`` (one word) is a word of one of ``languages``, in any case and
    with or without its accents ("Settings", "bloquee"); False for a coined handle
    ("nightfernz", "brumeazur")."""
    known = _known(languages)[0]
    word = token.casefold()
    return word in known or fold(word) in known


def common_word(token: str, languages: tuple[str, ...] = _ALWAYS) -> bool:
    """True when ``token`` is a word of one of ``languages`` at `COMMON_ZIPF` or more:
    "Sunday", "Mobile", "Hardcore"; a rare one ("Kraken") may be a place's proper name."""
    common = _known(languages)[1]
    word = token.casefold()
    return word in common or fold(word) in common


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspelt_word(token: str, languages: tuple[str, ...] = _ALWAYS) -> bool:
    """True when ``token`` is one slip (a letter dropped, added, changed, or two swapped)
    from a common word of ``languages`` ("hacekd" for "hacked", "acount"): a typo, never
    a handle. Words under five letters are left alone: too many handles are that near a
    short word."""
    word = fold(token)
    if len(word) < 5:
        return False
    common = _known(languages)[1]
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = (
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in _LETTERS),
        *(a + c + b for a, b in splits for c in _LETTERS),
    )
    return any(e != word and e in common for e in edits)
