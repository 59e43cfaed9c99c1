"""A word the requester takes back as they write: "Mon pseudo est bella_rose — non pardon,
bella_roze", "desde segunda, quer dizer, terça", "윈도우 10... 아 아니다, 윈도우 11",
"sid 735521 sorry 735512"; a word spelled out letter by letter, "g-r-i-m-m-j-a-w",
which stands for the word (`unspelled`); and words the requester says are one ("pixel
paladin 88 all one word no spaces": pixelpaladin88, `joined`), and an e-mail address said
aloud ("mathis point r 9 2 arobase gmail point com": mathis.r92@gmail.com, `dictated`).

The word before a correction marker, in the same sentence, is struck with the marker
(`taken_back`), so every reader sees only the value that stands ("Mon pseudo est bella_roze",
"desde terça"). A marker after a sentence's end ("… this computer. I mean, it works") is a
filler, not a correction, and strikes nothing.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["dictated", "joined", "taken_back", "unspelled"]

#: A correction marker, in the workspace languages: "no sorry", "sorry, I mean", "non pardon",
#: "ou melhor", "não, desculpa", "non désolée", "아 아니다": it takes back the word before it
#: after a comma too.
_STRONG = (
    # an interjection may open it: "marie_lou92, ah non pardon, marie_lou93"
    r"(?:(?:ah|oh|euh|eh|oops|ops)[ \t]*,?[ \t]*)?"
    r"(?:no,? (?:wait|sorry)|wait,? no|sorry,? (?:I mean|I meant|no)|or rather|"
    r"actually,? no|non,? pardon|pardon,? non|enfin,? non|euh,? non|ou plut[ôo]t|"
    r"non,? attendez|ou melhor|n[ãa]o,? pera|n[ãa]o,? desculp[ae]|non,? d[ée]sol[ée]e?|"
    r"아 아니다|아 아니|아니 아니|아니다)")
#: A marker that is as often a filler or a rephrase ("Aelin, I mean Thorgar lost it too",
#: "Ayla, quer dizer, era ontem"): a correction only after a dash or dots ("modelo... quer
#: dizer, estúdio"). A name corrected into a near copy of itself after a comma ("Aelin, I
#: mean Aelinn") is the name reader's to see (`names`).
_WEAK = r"(?:I mean|I meant|quer dizer|je veux dire)"
#: The word taken back (a handle, a number, a word with its trailing dots), the separator
#: (a dash, comma, dots: never a sentence's end) and the marker with what follows it.
_WORD = r"(?<![\w@.-])\w[\w@.'-]*?"
#: A day and its part of the day, taken back together: "Tuesday night — no wait, it was
#: Monday", "mardi soir, non pardon, lundi", "terça à noite, quer dizer, segunda".
_DAY_PART = (r"(?<![\w@.-])(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[ \t]+(?:night|evening|"
             r"morning|afternoon)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[ \t]+"
             r"(?:soir|matin|midi|après-midi|apres-midi)|(?:segunda|terça|terca|quarta|quinta|"
             r"sexta|sábado|sabado|domingo)(?:-feira)?[ \t]+(?:à|a|de)[ \t]+(?:noite|tarde|manhã|"
             r"manha))")
#: The copula a correction may repeat: "name is grimsby-main no wait its grimsby_main"
#: (struck with it when the word taken back followed one: `_COPULA_BEFORE`).
_AGAIN = r"(?P<again>(?:it['’]?s|it is|it was|c['’]?est|c['’]?[ée]tait|[ée]|era)\b[ \t]*)?"
_COPULA_BEFORE = re.compile(r"(?i)(?:\b(?:is|was|est|c['’]?est|[ée]|era|[ée]tait)|[:=])[ \t]*$")
_TAKEN_BACK = re.compile(
    r"(?:" + _DAY_PART + "|" + _WORD + r")(?:\.{2,3}|…)?[ \t]*(?:[—–-]{1,2}|,|\.{2,3}|…)?[ \t]*\b"
    + _STRONG
    + r"\b[ \t]*[,:]?[ \t]*" + _AGAIN
    + r"|" + _WORD + r"(?:[ \t]*[—–]{1,2}|\.{2,3}|…)[ \t]*\b" + _WEAK + r"\b[ \t]*[,:]?[ \t]*"
    # a bare "no" only after a dash: "it was Tuesday — no, Wednesday"
    + r"|(?:" + _DAY_PART + "|" + _WORD + r")[ \t]*[—–]{1,2}[ \t]*(?:no|non|n[ãa]o|아니)\b"
    r"[ \t]*,[ \t]*",
    re.IGNORECASE)


#: A marker between two values of one shape: "sid 735521 sorry 735512", "jen_n_tonic sorry
#: autocorrect, jen_and_tonic", "8812034, quer dizer, 8812043": whatever the punctuation, a
#: number followed by a number of its length (a handle by a handle) is a correction.
_SLIP = (r"(?:sorry|I mean|I meant|quer dizer|je veux dire|pardon|desculpa|desculpe|oops|ops|"
         r"typo|auto-?correct|corretor|correcteur|correction|corre[çc][ãa]o|아니|정정|오타|"
         r"(?:아\s+)?잘못\s*(?:썼|적었|입력했|쳤)\S*)")
_MARKED = re.compile(r"\b" + _SLIP + r"(?:[ \t]+(?:(?:o|the|my|le|mon|meu)[ \t]+)?" + _SLIP
                     + r")?\b", re.IGNORECASE)
_VALUE = r"(?P<v>\d{4,}|[\w.-]*[_.\d][\w.-]*)"
#: The value after a marker; the one before it is the word before (`_before`).
_AFTER = re.compile(r"[ \t]*[,:]?[ \t]*" + _VALUE + r"(?![\w@-])")
_ONE_VALUE = re.compile(_VALUE)


def _same_shape(x: str, y: str) -> bool:
    """Two numbers of one length (give or take a digit), or two handles, alike enough for
    one to be the other mistyped (a number and another, "123456 sorry 7654321", are two)."""
    if x.isdigit() or y.isdigit():
        if not (x.isdigit() and y.isdigit() and abs(len(x) - len(y)) <= 1):
            return False
    elif not (any(c.isalpha() for c in x) and any(c.isalpha() for c in y)):
        return False
    return SequenceMatcher(None, x.casefold(), y.casefold()).ratio() >= 0.6


def _before(text: str, at: int, end: int) -> int | None:
    """Where the value right before ``end`` starts (past its separator), or None."""
    head = text[at:end].rstrip(" \t")
    head = head[:-1] if head.endswith((",", ";", ":")) else head.rstrip("—–-")
    head = head.rstrip(" \t")
    start = max(head.rfind(c) for c in " \t\n(\"'") + 1
    word = head[start:]
    return at + start if word and _ONE_VALUE.fullmatch(word) else None


def _slips(text: str) -> str:
    """``text`` without each value followed by a marker and a value of its shape."""
    out, at = [], 0
    for m in _MARKED.finditer(text):
        before = _before(text, at, m.start())
        after = _AFTER.match(text, m.end())
        if before is not None and after and _same_shape(text[before:m.start()].rstrip(
                " \t,;:—–-"), after.group("v")):
            out.append(text[at:before])
            at = after.start("v")
    return "".join(out) + text[at:] if out else text


#: A word each marker holds (a bare "no" only after a dash): most texts have none, and
#: looking for these is cheaper than the strike's search.
_WORDS = ("wait", "sorry", "mean", "rather", "actually", "pardon", "enfin", "euh", "dire",
          "plut", "attendez", "dizer", "melhor", "pera", "아니", "—", "–", "descul", "oops",
          "ops", "typo", "correct", "corre", "정정", "오타", "잘못", "desol", "désol")
_CUE = re.compile("|".join(re.escape(w) for w in _WORDS))


def taken_back(text: str) -> str:
    """``text`` with each word the requester takes back struck, with its marker."""
    lowered = text.casefold()
    if not _CUE.search(lowered):
        return text
    text = _slips(text)

    def strike(m: re.Match[str]) -> str:
        again = m.group("again")
        if again and not _COPULA_BEFORE.search(text, 0, m.start()):
            return again  # "Lundi, non pardon, c'était mardi": the copula stays
        return ""

    return _TAKEN_BACK.sub(strike, text)


#: A word spelled letter by letter with hyphens, "g-r-i-m-m-j-a-w", "b-e-l-a-c-o-r-v-o": five
#: letters or more, each alone (a hyphenated word, "re-roll", "e-mail", has longer pieces).
_SPELLED = re.compile(r"(?<![\w-])(?:[^\W_]-){4,}[^\W_](?![\w-])")


def unspelled(text: str) -> str:
    """``text`` with each word spelled letter by letter written whole, as the requester
    means it ("His account is g-r-i-m-m-j-a-w (grimmjaw, all one word)")."""
    if "-" not in text:
        return text
    return _SPELLED.sub(lambda m: m.group().replace("-", ""), text)


#: Words said to be one, then the saying: "pixel paladin 88 all one word", "ruby fox 12 (no
#: spaces)", "nuit blanche tout attaché", "lobo mau tudo junto", "blue whale 붙여서".
_JOINED = re.compile(
    r"(?<![\w@.-])((?:[^\W_]+[ \t]+){1,4}(?!(?:all|in|as|tout|tudo)\b)[^\W_]+)"
    r"[ \t]*,?[ \t]*[(\-—–]?[ \t]*"
    r"(?:(?:all (?:in )?one word|(?:as )?one word|no spaces?|without (?:any )?spaces?|"
    r"tout attach[ée]|tout coll[ée]|en un (?:seul )?mot|sans espaces?|tudo junto|"
    r"(?:tudo )?numa palavra s[óo]|sem espa[çc]os?)(?!\w)|붙여서|붙여\s?써|띄어쓰기\s?없이)",
    re.IGNORECASE)
#: A piece of the saying, which every text `_JOINED` matches holds (lower case).
_JOINED_SAID = ("one word", "space", "tout attach", "tout coll", "un mot", "seul mot",
                "sans espace", "junto", "palavra s", "sem espa", "붙여", "띄어쓰기")
#: Words that end a label rather than start the value: a copula, a possessive, the thing named
#: ("my account name is …", "mon pseudo c'est …", "meu nick é …").
_BEFORE_VALUE = frozenset((
    "is", "was", "its", "it's", "est", "c'est", "cest", "e", "é", "eh", "era", "name", "names",
    "username", "nick", "nickname", "handle", "account", "id", "my", "the", "a", "nom", "pseudo",
    "compte", "mon", "ma", "le", "la", "nome", "conta", "usuário", "usuario", "meu", "minha", "o",
    "called", "appelle", "chama", "tag", "gamertag", "et", "and", "e-mail", "email"))


def joined(text: str) -> str:
    """``text`` with words the requester says make one written as one ("my account name is
    pixel paladin 88 all one word": pixelpaladin88). A label's words before them stay."""
    low = text.lower()  # (cheap: the full pattern tries every word)
    if not any(said in low for said in _JOINED_SAID):
        return text

    def join(m: re.Match[str]) -> str:
        words = m.group(1).split()
        start = len(words)
        while start > 0 and words[start - 1].lower() not in _BEFORE_VALUE \
                and not _HANGUL.search(words[start - 1]):
            start -= 1
        if len(words) - start < 2 or (start == 0 and not _LABEL_END.search(text, 0, m.start())):
            return m.group()  # one word, or words that no label introduces: a phrase
        whole = "".join(words[start:])
        if re.search(rf"(?i)(?<![\w@.-]){re.escape(whole)}\w", text[m.end():m.end() + 60]):
            return m.group()  # "blue beard — no spaces, its bluebeardgaming": said whole next
        return " ".join([*words[:start], "".join(words[start:])]) + m.group()[len(m.group(1)):]

    return _JOINED.sub(join, text)


#: A label's end right before the words ("… is ", "… : ", "… 은 ").
_LABEL_END = re.compile(r"(?i)(?:\b(?:is|was|est|c['’]est|[ée]|era)|[:=]|[은는이가])[ \t]*$")
#: A Korean word ("계정은", "닉네임이": a noun and its particle): a label, not the value.
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


#: An address said aloud, from its "at" on: "arobase gmail point com", "at outlook dot com",
#: "arroba hotmail ponto com ponto br", "골뱅이 naver 점 com". The domain ends in a top-level
#: domain, so "at home" is no address.
_SPOKEN_AT = re.compile(
    r"[ \t]+(?:at|arobase|arroba|골뱅이)[ \t]+((?:[\w-]+[ \t]+(?:dot|point|ponto|점)[ \t]+)+"
    r"(?:com|net|org|fr|br|kr|co|uk|io|de|es|pt|be|ca|ch|info|me))(?![\w@]|\.\w)",
    re.IGNORECASE)
#: Words said for the signs of an address.
_SPOKEN_SIGNS = {"dot": ".", "point": ".", "ponto": ".", "점": ".", "underscore": "_",
                 "underline": "_", "dash": "-", "hyphen": "-", "tiret": "-", "hífen": "-",
                 "hifen": "-", "traço": "-"}
#: "tiret bas", "trait de soulignement", "sublinhado": an underscore in two words or one.
_SPOKEN_UNDERSCORE = re.compile(r"(?i)\b(?:tiret[ \t]+bas|tiret[ \t]+du[ \t]+8|sublinhado)\b")


def dictated(text: str) -> str:
    """``text`` with each e-mail address said aloud written as one ("m-a-t-h-i-s point r 9 2
    arobase gmail point com": mathis.r92@gmail.com, once `unspelled`). The address's local
    part is the words back to a label, a colon or the line's start (eight at most)."""
    low = text.lower()
    if not any(dot in low for dot in (" dot ", " point ", " ponto ", " 점 ")) or \
            not _SPOKEN_AT.search(text):
        return text
    text = _SPOKEN_UNDERSCORE.sub("underscore", text)
    out: list[str] = []
    at = 0
    for m in _SPOKEN_AT.finditer(text):
        line_start = text.rfind("\n", at, m.start()) + 1
        words = text[max(at, line_start):m.start()].split(" ")
        local: list[str] = []
        while words and len(local) < 8:
            word = words[-1]
            if not word or word.lower() in _BEFORE_VALUE or _HANGUL.search(word) \
                    or not re.fullmatch(r"[\w.-]+", word):
                break
            local.insert(0, words.pop())
        if not local or local[0].lower() in _SPOKEN_SIGNS:
            continue
        begin = m.start() - len(" ".join(local))
        address = "".join(_SPOKEN_SIGNS.get(w.lower(), w) for w in local) + "@" + "".join(
            _SPOKEN_SIGNS.get(w.lower(), w) for w in m.group(1).split())
        out.append(text[at:begin] + address)
        at = m.end()
    out.append(text[at:])
    return "".join(out)
