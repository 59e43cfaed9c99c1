"""Text normalisation shared by option matching and rule keywords.

A word becomes a *key*: case-folded; stemmed with the Snowball stemmer of its language
(PyStemmer: en, fr, pt), so "refunded" and "refund", "paiements" and "paiement" meet;
accents removed after stemming, so "problème" and "probleme" meet; Korean words lose
their particles and endings through a tested suffix list (`strip_korean`), and a Korean
keyword also matches a longer word it starts ("해킹" in "해킹당했어요").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import Stemmer

__all__ = [
    "EN_SAME",
    "KOREAN_PARTICLES",
    "MENU_ARROW",
    "SAME",
    "SHORTHAND",
    "Token",
    "fold",
    "key",
    "spelled_out",
    "strip_korean",
    "substance",
    "tokens",
    "words",
]

#: What joins two steps of a menu path the requester followed ("Reports > Export",
#: "Settings › Billing", "Relatórios -> Vendas", "로그인 → 링크 메뉴"); read by the option reader
#: (a path names places, not the problem) and the clause reader (a path is the steps).
MENU_ARROW = r"(?:>|›|→|->|=>|⇒)"

_STEMMERS = {"en": "english", "fr": "french", "pt": "portuguese"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HANGUL = re.compile("[\uac00-\ud7a3]")
#: What `substance` does not count (the complement of a letter or digit), and runs of the
#: scripts it counts twice.
_NOT_SUBSTANCE = re.compile(r"[\W_]+")
_DENSE_RUN = re.compile("[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]+")

#: Korean particles and polite endings, longest first: removed from the end of a word
#: (only while at least one syllable remains). Checked by tests/triage/test_reading_normalise.
KOREAN_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "이었어요", "였어요", "이에요", "예요", "입니다", "합니다", "됩니다", "했어요", "해요",
    "이고", "이며", "인데", "에서", "에게", "한테", "으로", "부터", "까지", "처럼", "이라는",
    "라는", "이랑", "랑", "은", "는", "이", "가", "을", "를", "에", "로", "와", "과", "의",
    "도", "만", "요", "네요", "는데요", "거든요", "습니다", "어서", "아서", "지만", "면서",
    "고요", "던데", "더라고요",
}, key=lambda s: (-len(s), s)))
#: Particles that may stand between the words of a Korean phrase ("로그인이 안"), longest first.
KOREAN_PARTICLES: tuple[str, ...] = ("에서", "으로", "이랑", "은", "는", "이", "가", "을", "를",
                                     "에", "로", "도", "만", "의")
#: Contracted endings of 되다 ("돼요", "됐어요", "됨", "됩니다"): one key ending in "되", so
#: "안 돼요", "안되요" and "안됨" meet.
_DOE_ENDINGS: tuple[str, ...] = ("됐어요", "됩니다", "되네요", "돼요", "되요", "됐어", "되네",
                                 "됐", "됨", "돼")


def substance(text: str) -> int:
    """How much a free text says, in Latin-letter equivalents: letters and digits count one,
    Hangul syllables and CJK characters two; spaces, punctuation and symbols nothing. So a
    complete Korean sentence of 24 syllables (48) passes a floor of 30 that "help!!!!!!!"
    (4) does not, whatever the padding."""
    # counted by runs (words, spaces), not one match per character: the same counts, on
    # every ticket's description, in a fraction of the time
    count = len(text) - sum(map(len, _NOT_SUBSTANCE.findall(text)))
    return count if text.isascii() else count + sum(map(len, _DENSE_RUN.findall(text)))


def _combining_marks() -> re.Pattern[str]:
    """Every combining mark (planes 0 and 1 hold them all) as one character class: one
    regular-expression pass instead of a Python test per character."""
    marks = [c for c in range(0x20000) if unicodedata.combining(chr(c))]
    ranges: list[tuple[int, int]] = []
    for c in marks:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                                    for a, b in ranges) + "]")


_COMBINING = _combining_marks()


def fold(text: str) -> str:
    """Case and accents folded (Hangul untouched: NFC recomposes its syllables). Called
    on every window a reader looks at: ASCII text, most of it, only needs lower case."""
    if text.isascii():
        return text.lower()
    if len(text) <= _SHORT:
        return _fold_word(text)
    return _fold(text)


#: Up to this length a text folded is a word or a few: remembered (`_fold_word`).
_SHORT = 24


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    """`fold` of a word, remembered: the readers fold each word of the text they look at
    (forty times a ticket), words recur from ticket to ticket, and decomposing then
    recomposing a Hangul or accented word costs microseconds."""
    return _fold(text)


def strip_korean(word: str) -> str:
    """One particle or ending removed from a Korean word ("계정이" → "계정"; "안돼요" →
    "안되")."""
    for ending in _DOE_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + "되"
    for suffix in KOREAN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    name = _STEMMERS.get(language)
    return Stemmer.Stemmer(name) if name else None


#: Words written for another, the same in every sense (`key`), per language: "somebody
#: changed my pw" is "someone changed my password"; chat shorthand ("u", "pk", "vc", "q")
#: is the word it stands for. A shorthand of several words is in `SHORTHAND`.
SAME: dict[str, dict[str, str]] = {
    "en": {"somebody": "someone", "pw": "password", "pwd": "password", "passwd": "password",
           "acct": "account", "u": "you", "ur": "your", "pls": "please", "plz": "please",
           "bc": "because", "cuz": "because", "coz": "because", "b4": "before",
           "ppl": "people", "msg": "message", "thx": "thanks"},
    "fr": {"pk": "pourquoi", "pq": "pourquoi", "bcp": "beaucoup", "tt": "tout",
           "qd": "quand", "pr": "pour", "ds": "dans", "dc": "donc", "tjrs": "toujours",
           "tjs": "toujours", "pb": "probleme", "pbm": "probleme", "msg": "message",
           "slt": "salut"},
    "pt": {"q": "que", "vc": "você", "vcs": "vocês", "pq": "porque", "tb": "também",
           "tbm": "também", "msm": "mesmo", "n": "não", "hj": "hoje", "ngm": "ninguém",
           "td": "tudo", "tds": "todos", "cmg": "comigo", "dps": "depois", "qdo": "quando",
           "qnd": "quando", "mt": "muito", "mto": "muito", "agr": "agora", "msg": "mensagem",
           "obg": "obrigado"},
}
EN_SAME = SAME["en"]
#: Chat shorthand of several words, read as those words (each at the shorthand's place):
#: "idk" is "I do not know", "jsp" "je sais pas", "jai" "j'ai".
SHORTHAND: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"idk": ("i", "do", "not", "know"), "im": ("i", "am"), "ive": ("i", "have"),
           "rn": ("right", "now")},
    "fr": {"jsp": ("je", "sais", "pas"), "jsais": ("je", "sais"), "jai": ("j", "ai"),
           "jsuis": ("je", "suis"), "chui": ("je", "suis"), "jpeux": ("je", "peux"),
           "jpx": ("je", "peux"), "jveux": ("je", "veux"), "jarrive": ("j", "arrive"),
           "ya": ("il", "y", "a"), "qqn": ("quelqu", "un")},
    "pt": {"fds": ("fim", "de", "semana"), "dnv": ("de", "novo")},
}

#: The languages whose chat shorthand is written out in the text itself (`spelled_out`):
#: Brazilian Portuguese shortens its small words more than any other ("sei q n tem volta").
_SPELLED_OUT = ("pt",)


@lru_cache(maxsize=4)
def _shorthand_words(language: str) -> re.Pattern[str] | None:
    table = [*SAME.get(language, {}), *SHORTHAND.get(language, {})]
    if not table:
        return None
    return re.compile(r"(?<![\w°º#@./-])(" + "|".join(sorted(map(re.escape, table), key=len,
                                                             reverse=True))
                      + r")(?![\w°º@/-]|\.\w)", re.IGNORECASE)


def spelled_out(text: str, language: str) -> str:
    """``text`` with the chat shorthand of ``language`` written out ("sei q n tem volta":
    "sei que não tem volta"), so that readers matching whole phrases see the words `key`
    sees (Portuguese only: `_SPELLED_OUT`)."""
    pattern = _shorthand_words(language) if language in _SPELLED_OUT else None
    if pattern is None:
        return text
    same, short = SAME.get(language, {}), SHORTHAND.get(language, {})

    def out(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        return same.get(word) or " ".join(short[word])

    return pattern.sub(out, text)


@lru_cache(maxsize=65536)
def key(word: str, language: str) -> str:
    """The normalised form of one word in ``language`` (``en``, ``fr``, ``ko``, ``pt``);
    a word written for another (`SAME`) is that word."""
    lowered = word.casefold()
    same = SAME.get(language)
    if same:
        lowered = same.get(lowered, lowered)
    if _HANGUL.search(lowered):
        return strip_korean(lowered)
    if language == "pt" and fold(lowered) == "nao":
        return "nao"  # the stemmer makes "não" "na" (a function word) but leaves "nao"
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(lowered) if stemmer else lowered)


class Token(NamedTuple):
    """A word of the text: its key, and where it stands (for evidence spans). A named tuple
    (immutable, compared by value, as a frozen dataclass would be), built for every word
    of every text at half a frozen dataclass's cost."""

    key: str
    start: int
    end: int
    raw: str


#: English negative contractions, written any way ("doesn't", "doesnt", "does not"): the
#: verb and "not" as two words, so "doesn't load" meets "does not load" and "not paid"
#: meets "isn't paid".
_EN_NOT_JOINED = {
    "cant": "can", "cannot": "can", "wont": "will", "dont": "do", "doesnt": "does",
    "didnt": "did", "isnt": "is", "wasnt": "was", "arent": "are", "werent": "were",
    "havent": "have", "hasnt": "has", "hadnt": "had", "wouldnt": "would", "couldnt": "could",
    "shouldnt": "should", "aint": "is",
}
#: The word before "n't" when it is not the verb minus its "n" ("can't", "won't").
_EN_NOT_BEFORE = {"ca": "can", "can": "can", "wo": "will", "won": "will", "ai": "is"}
_APOSTROPHE = ("'", "\u2019")


def tokens(text: str, language: str, memo: dict[tuple[str, str], list[Token]] | None = None
           ) -> list[Token]:
    """Every word of ``text`` with its key in ``language`` (kept in ``memo``, one ticket's
    scratch space, so the fields of a form share one tokenisation); in English a negative
    contraction is its verb and "not" (`_EN_NOT_JOINED`)."""
    if memo is not None and (text, language) in memo:
        return memo[(text, language)]
    out = [Token(key(w := m.group(), language), *m.span(), w) for m in _WORD.finditer(text)]
    if language == "en":
        out = _english_not(out, text)
    short = SHORTHAND.get(language)
    if short and any(t.raw.casefold() in short for t in out):
        out = [s for t in out for s in (
            [Token(key(w, language), t.start, t.end, w) for w in short[t.raw.casefold()]]
            if t.raw.casefold() in short else [t])]
    if memo is not None:
        memo[(text, language)] = out
    return out


def _english_not(toks: list[Token], text: str) -> list[Token]:
    out: list[Token] = []
    for tok in toks:
        low = tok.raw.casefold()
        if low == "t" and out and text[out[-1].end:tok.start] in _APOSTROPHE \
                and out[-1].raw.casefold().endswith("n"):
            prev = out[-1].raw.casefold()
            verb = _EN_NOT_BEFORE.get(prev, prev[:-1])
            out[-1] = Token(key(verb, "en"), out[-1].start, out[-1].end, verb)
            out.append(Token("not", tok.start, tok.end, "not"))
        elif low in _EN_NOT_JOINED:
            verb = _EN_NOT_JOINED[low]
            out.append(Token(key(verb, "en"), tok.start, tok.end, verb))
            out.append(Token("not", tok.start, tok.end, "not"))
        else:
            out.append(tok)
    return out


def words(phrase: str, language: str) -> tuple[str, ...]:
    """A keyword or title as a tuple of keys (tokenised as text is)."""
    return tuple(t.key for t in tokens(phrase, language))
