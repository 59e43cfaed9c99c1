"""A word the requester takes back as they write: "Mon pseudo est bella_rose — non pardon,
bella_roze", "desde segunda, quer dizer, terça", "윈도우 10... 아 아니다, 윈도우 11".

The word before a correction marker, in the same sentence, is struck with the marker
(`taken_back`), so every reader sees only the value that stands ("Mon pseudo est bella_roze",
"desde terça"). A marker after a sentence's end ("… this computer. I mean, it works") is a
filler, not a correction, and strikes nothing.
"""

from __future__ import annotations

import re

__all__ = ["taken_back"]

#: A correction marker, in the workspace languages: "no sorry", "sorry, I mean", "non pardon",
#: "ou melhor", "아 아니다": it takes back the word before it after a comma too.
_STRONG = (
    r"(?:no,? (?:wait|sorry)|wait,? no|sorry,? (?:I mean|I meant|no)|or rather|"
    r"actually,? no|non,? pardon|pardon,? non|enfin,? non|euh,? non|ou plut[ôo]t|"
    r"non,? attendez|ou melhor|n[ãa]o,? pera|아 아니다|아 아니|아니 아니|아니다)")
#: A marker that is as often a filler or a rephrase ("Aelin, I mean Thorgar lost it too",
#: "Ayla, quer dizer, era ontem"): a correction only after a dash or dots ("modelo... quer
#: dizer, estúdio"). A name corrected into a near copy of itself after a comma ("Aelin, I
#: mean Aelinn") is the name reader's to see (`names`).
_WEAK = r"(?:I mean|I meant|quer dizer|je veux dire)"
#: The word taken back (a handle, a number, a word with its trailing dots), the separator
#: (a dash, comma, dots: never a sentence's end) and the marker with what follows it.
_WORD = r"(?<![\w@.-])\w[\w@.'-]*?"
_TAKEN_BACK = re.compile(
    _WORD + r"(?:\.{2,3}|…)?[ \t]*(?:[—–-]{1,2}|,|\.{2,3}|…)?[ \t]*\b" + _STRONG
    + r"\b[ \t]*[,:]?[ \t]*"
    + r"|" + _WORD + r"(?:[ \t]*[—–]{1,2}|\.{2,3}|…)[ \t]*\b" + _WEAK + r"\b[ \t]*[,:]?[ \t]*"
    # a bare "no" only after a dash: "it was Tuesday — no, Wednesday"
    + r"|" + _WORD + r"[ \t]*[—–]{1,2}[ \t]*(?:no|non|n[ãa]o|아니)\b[ \t]*,[ \t]*",
    re.IGNORECASE)


#: A word each marker holds (a bare "no" only after a dash): most texts have none, and
#: looking for these is cheaper than the strike's search.
_WORDS = ("wait", "sorry", "mean", "rather", "actually", "pardon", "enfin", "euh", "dire",
          "plut", "attendez", "dizer", "melhor", "pera", "아니", "—", "–")


def taken_back(text: str) -> str:
    """``text`` with each word the requester takes back struck, with its marker."""
    lowered = text.casefold()
    return _TAKEN_BACK.sub("", text) if any(w in lowered for w in _WORDS) else text
