"""Patterns built from a name field's names and its ``x-deskops.cues``, for
`names.NameReader`: a field's name as a pattern, a cue's words, one pattern
for all cues, the pronoun after a ``{name}`` cue, a brand's names.

A name field may also declare ``x-deskops.cues``: words next to which a proper noun is
its value ("lost her {Ayanad Bow}", "I'm {Sunnyhollow}"; with ``{name}``, a cue after
it: "{name} vanished", which then needs a possessive before the name: "my Lunarfall
Cloak vanished"); with a pronoun in its place ("it's gone", "elle a disparu", "ele
sumiu"), the one thing of two capitalised words named with an article in that sentence
or the one before ("traded me a Thunderstruck Tree sapling … now it's gone"). A proper
noun is a run of capitalised words (joined by at most one small word: "Lâmina do
Crepúsculo"), never a demonym, a language or a common word (`NOT_NAMES`: "I'm French" is
not a character), and must hold a lower-case letter (not "PC").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.model import Field
from integrations.triage.reading.normalise import fold
from integrations.triage.reading.words import (
    ARTICLES,
    COMMON,
    HANDLE,
    HANGUL,
    IDENTIFIER_NOUNS,
    NOT_NAMES,
    POSSESSIVE,
    PROPER,
    names_identifier,
)

#: A word ending in 로/으로 names the means ("Visa 카드로 결제했어요"), not the object.
_KO_NOT_MEANS = r"(?![\uac00-\ud7a3]{0,5}로(?![\uac00-\ud7a3]))"


def spaced(name: str) -> str:
    """A field's name as a pattern; Korean compounds are written with or without their
    spaces ("거래ID", "계정이름" for "거래 ID", "계정 이름"); a word of three letters or
    more is met without its accents too, as players type them ("id da transacao",
    "numero de referencia", "mon heros"; a short word keeps them: "é" is not "e", "and"),
    and a long one with a doubled letter typed once ("acount")."""
    if HANGUL.search(name):
        return re.escape(name).replace("\\ ", r"\s*")
    parts = [_unaccented(w) if len(w) >= 3 else re.escape(w) for w in re.split(r"(\s+)", name)]
    if len(parts) > 2 and fold(name.split()[0]) in _OWNERS:
        parts[1] += _OWN  # "my own char Oskarr", "mon propre perso", "meu próprio char"
    return "".join(parts)


#: Possessives after which "own" may stand ("my own char"), folded.
_OWNERS = frozenset(("my", "mon", "ma", "mes", "meu", "minha", "meus", "minhas"))
_OWN = r"(?:own\s+|propre\s+|pr[oó]pri[oa]\s+)?"


def _unaccented(word: str) -> str:
    """A word as a pattern meeting it with or without its accents, and (six letters or
    more) with a doubled letter typed once: "acount", "adress" for "account", "address"
    (not shorter: "nommé" typed "nomé" would meet Portuguese "nome")."""
    out = [f"[{c}{fold(c)}]" if fold(c) != c.casefold() and len(fold(c)) == 1
           else re.escape(c) for c in word]
    if len(word) >= 6:
        out = [p + "?" if i and c.isalpha() and c == word[i - 1] else p
               for i, (c, p) in enumerate(zip(word, out, strict=True))]
    return "".join(out)


#: A Korean noun with its count: "크레딧 5000", "크레딧 1000개짜리", "패트론 90일권" (not
#: "5000원", a sum).
KO_COUNTED = r"[\uac00-\ud7a3]{1,8}\s*\d[\d,]*(?:개짜리|개|짜리|일권|일|개월권|개월)?(?![\w])"
#: A sum of money after its figure ("33,000원", "10달러"): a price, never a count.
_KO_SUM = r"(?:원|달러|유로|엔)"
#: Korean nouns too generic to name a thing with their count ("아이템 3개": three items).
KO_GENERIC = frozenset(("아이템", "물건", "장비", "보상", "상품", "것", "개", "캐릭터"))


#: Nouns of people, places and games: the name after them is no item ("the player X").
_NOT_THING_KINDS = frozenset((
    "player", "joueur", "jogador", "guy", "dude", "friend", "pote", "ami", "amie", "amigo",
    "amiga", "cara", "mec", "type", "user", "utilisateur", "usuario", "character", "perso",
    "personagem", "char", "guild", "guilde", "guilda", "server", "serveur", "servidor",
    "game", "jeu", "jogo", "account", "compte", "conta", "brother", "sister", "frere",
    "soeur", "irmao", "irma", "son", "fils", "filho", "filha", "fille", "daughter",
    # the interface and what it says: "the error "Connection Lost" is gone", "le bouton
    # « Réclamer » a disparu"
    "error", "erreur", "erro", "message", "mensagem", "aviso", "popup", "button", "bouton",
    "botao", "tab", "onglet", "aba", "window", "fenetre", "janela", "menu", "screen", "ecran",
    "tela", "icon", "icone", "notification", "banner", "banniere", "option", "opcao"))


def cued_name(m: re.Match[str]) -> tuple[str, int, int] | None:
    """The name a cue pattern matched, with its place; a ``{name} Pack`` cue keeps its noun
    when the text capitalises it ("the Founder's Pack"), and only then may an article stand
    before a one-word name ("the Sword vanished" names no sword; "the Shadow Tower Key is
    not there" names a key)."""
    groups = m.groupdict()
    for k, v in groups.items():
        if v and k.startswith("s"):
            return (v, m.start(k), m.end(k)) if " " not in v.strip() else None
        if v and k == "nq":  # a quoted name: capitalised or shaped as a handle
            kind = groups.get("wf")
            words = v.split()
            if (kind and fold(kind) in _NOT_THING_KINDS) or \
                    all(fold(w) in NOT_NAMES or fold(w) in COMMON for w in words) or \
                    not (v[:1].isupper() or HANDLE.search(v)):
                return None
            return v.strip(), m.start(k), m.end(k)
        if v and k.startswith("n"):
            noun = "k" + k[1:]
            if groups.get(noun) and str(groups[noun])[:1].isupper():
                return f"{v} {groups[noun]}", m.start(k), m.end(noun)
            kind = groups.get("w" + k[1:])
            if kind and fold(kind) in _NOT_THING_KINDS:
                return None  # "the player Mordrake vanished": a person, not a thing
            if groups.get("a" + k[1:]) and " " not in v.strip() and not kind:
                # "the Sword vanished"; "the Shadow Tower Key is not there"; a kind of thing
                # between names one: "o pet Qubesly sumiu", "the mount Sunfire vanished"
                return None
            return v, m.start(k), m.end(k)
    index = next(i for i, g in enumerate(m.groups(), 1) if g)
    return m.group(index), m.start(index), m.end(index)


#: Korean cues of vanishing, whose subject is the thing ("없어졌", "사라졌", "증발했").
_KO_VANISH = re.compile(r"사라|없어|증발|날아")
#: Words of a Korean phrase that name no thing one owns: owners, pointers, times, people.
#: (a count too: "무기 하나가 사라졌어요" names no weapon)
_KO_NOT_THING = frozenset(("제", "내", "저", "나", "우리", "저희", "그", "이",
                           "그거", "이거", "모든", "다른", "어제", "오늘", "그제",
                           "그저께", "방금", "갑자기", "또", "다", "전부", "친구",
                           "친구의", "아이템", "물건", "아침", "점심", "저녁", "밤",
                           "새벽", "오전", "오후", "주말", "지난", "이번", "지난주",
                           "이번주", "골드", "돈", "캐시", "크레딧", "포인트",
                           "재화", "하나", "둘", "셋", "넷",
                           "다섯", "몇", "몇개", "여러", "여러개", "모두", "일부",
                           "한개", "두개", "세개", "개",
                           # the account, the interface, the chat: no thing one owns
                           "계정", "정보", "기록", "채팅", "창", "화면", "목록", "설정",
                           "메뉴", "버튼", "아이콘", "데이터", "파일"))
#: Korean grades of a thing (rarity tiers, written in Hangul or transliterated): a grade
#: before a category noun (`_KO_CATEGORIES`) names a class ("레전더리 무기", "에픽 방어구": a
#: legendary weapon), not the thing, as "legendary weapon" names none in English; before
#: a thing's own kind ("전설 활") it may be the item's name.
_KO_GRADES = frozenset(("레전더리", "레전드", "전설", "전설급", "에픽", "영웅", "영웅급", "유니크",
                        "레어", "희귀", "신화", "신화급", "미식", "커먼", "언커먼", "노말", "일반",
                        "고급", "최고급", "최상급", "매직", "고대", "한정판"))
_KO_CATEGORIES = frozenset(("무기", "방어구", "장신구", "장비", "템", "아이템", "소모품", "재료"))
#: The last syllables of a verb's modifier before a noun ("받은 망토", "산 활", "구매한 검").
_KO_MODIFIER_ENDS = ("은", "는", "을", "던", "한", "된", "간", "온", "준", "산", "든", "운", "린",
                     "할", "될", "줄", "살")


def ko_thing(phrase: str, own: frozenset[str]) -> bool:
    """True when two Hangul words name a thing: neither a generic noun, an owner, a time,
    nor a word with its particle; the first is no verb's modifier ("받은 망토", "산 활")
    nor a grade before a category (`_KO_GRADES`: "레전더리 무기" is a class of thing)."""
    words = [w.removesuffix("의") if i == 0 else w for i, w in enumerate(phrase.split())]
    first = words[0]  # (a genitive is part of a name: "용의 검")
    if any(w in KO_GENERIC or w in _KO_NOT_THING or w in own for w in words) or \
            (len(words) == 2 and first in _KO_GRADES and words[1] in _KO_CATEGORIES) or \
            first.endswith(("에서", "에", "를", "을", "는", "은", "도", "고", "서", "요", "로",
                            "다", "가", "한테", "께")):
        return False
    return not first.endswith(_KO_MODIFIER_ENDS)


#: A cue's present copula also meets its past: "his Frostmane Lion mount was simply gone".
_PAST = {"is": "(?:is|was)", "isn't": "(?:isn't|wasn't)", "n'est": "(?:n'est|n'était)"}


def _cue_words(cue: str) -> str:
    """A cue's words, an adverb allowed between two of them: "is just not in", "n'est
    simplement plus", "não está completamente" read as "is not in", "n'est plus"."""
    return (r"\s+" + _ADVERB).join(_PAST.get(w.casefold(), re.escape(w)) for w in cue.split())


#: A French "c'est" inside a cue ("moi c'est"), and how chat writes it: "moi c X", "moi
#: cé X", "moi, c'est X", "moi sé X", "moi ces X", "moi c est X".
_CEST = re.compile(r"\\ c\['’\]\?est$")
_CEST_ANY = r",?\\s+(?:c(?:['’]|\\s+)?est|c|cé|ces|sé)"


def cues_pattern(cues: dict[str, tuple[str, ...]]) -> re.Pattern[str] | None:
    """One pattern for a name field's cues: a proper noun after a cue (a possessive may
    come between, and a common noun after it: "lost her Ayanad Bow", "perdi minha espada
    Lâmina do Crepúsculo"), or, for a ``{name}`` cue, before the rest of it
    and after a possessive ("my Lunarfall Cloak vanished"); a ``{name}`` cue with nothing
    before it names a kind of thing ("{name} pack"): an article will do ("the Founder's
    Pack")."""
    # cues of one kind share one alternative (one pass of the engine per kind, not per cue)
    every = sorted({c for words in cues.values() for c in words}, key=len, reverse=True)
    kinds = [c for c in every if "{name}" in c and not c.split("{name}", 1)[0].strip()]
    framed = [c for c in every if "{name}" in c and c not in kinds]
    korean = [c for c in every if "{name}" not in c and HANGUL.match(c)]
    plain = [c for c in every if "{name}" not in c and not HANGUL.match(c)]
    parts: list[str] = []
    if kinds:
        afters = "|".join(_cue_words(c.split("{name}", 1)[1]) for c in kinds)
        parts.append(rf"(?<!\w)(?:{POSSESSIVE}|(?P<af>{ARTICLES})\s+)"
                     # a kind and its adjective: "minha arma lendaria Ark Hunter Rifle"
                     rf"(?-i:(?P<wf>[a-zà-ÿ]{{3,15}})(?:\s+(?!{ARTICLES}\s)[a-zà-ÿ]{{3,15}})?\s+)?"
                     # quotes bound a name whatever its case: "mon costume « Tenue de
                     # moine élégante » a disparu"
                     rf"(?:[«\"“]\s*(?P<nq>[^«»\"“”\n]{{2,40}}?)\s*[»\"”]|"
                     rf"{_OPEN_QUOTE}(?P<nf>(?:\d[\d.,]*\s+)?{PROPER}{_DE_NAME_TAIL})"
                     rf"{_CLOSE_QUOTE})\s+"
                     # an aside in brackets between it and its verb: "my Wolfhound (power
                     # 3000, …) just vanished"
                     rf"(?:\([^()\n]{{1,80}}\)\s+)?"
                     rf"(?:(?-i:[a-zà-ÿ]{{3,12}})\s+(?=\S))??{_ADVERB}"
                     rf"(?P<kf>{afters})(?!\w)")
    for cue in framed:
        head, tail = cue.split("{name}", 1)
        before, after = re.escape(head.strip()), _cue_words(tail)
        parts.append(rf"(?<!\w){before}\s*{POSSESSIVE}(?-i:[a-zà-ÿ]{{3,15}}\s+)?"
                     rf"{_OPEN_QUOTE}({PROPER}){_CLOSE_QUOTE}\s+{_ADVERB}{after}(?!\w)")
    if korean:  # Korean puts the object before its verb:
        # "Dragonbane 활이 사라졌어요" (a Latin name, a noun with its particle, the cue)
        # (Latin letters only: a particle written onto the name is not part of it)
        verbs = "|".join(re.escape(c) for c in korean)
        parts.append(rf"(?<!\w)(?P<nk>(?-i:(?:\d[\d,]*\s+)?[A-Za-z][A-Za-z0-9À-ÿ_'’-]{{1,30}}"
                     rf"(?:(?:\s+(?:of|the)){{0,2}}\s+[A-Z][A-Za-z0-9À-ÿ_'’-]{{1,30}}){{0,3}}"
                     # "Patron 30일", "Bits 2400", "RIFT 패트론 90일" (a Hangul noun before a count)
                     rf"(?:\s+[\uac00-\ud7a3]{{1,6}}(?=\s+\d))?"
                     # (a sum is no count: "Archeum Pack 33,000원 결제했" names the pack)
                     rf"(?:\s+\d[\d,]*(?:일|개월|개)?(?![\d,]|\s*{_KO_SUM}))?))"
                     rf"(?:\s+\d[\d,.]*\s*{_KO_SUM})?"
                     rf"(?=[\s가-힣])"
                     rf"(?:\s*{_KO_NOT_MEANS}[\uac00-\ud7a3]{{1,6}}|"
                     # its subject particle, then where it was: "Storm Blade 가 인벤토리에서"
                     rf"\s*(?:가|이|은|는|을|를|도)\s+[\uac00-\ud7a3]{{1,8}}(?:에서|에))?"
                     rf"\s*(?:{verbs})")
        # or a phrase of two Hangul words as the subject of a verb of vanishing ("인벤에서
        # 해적 망토가 없어졌어요"; a single word may be a generic noun: "골드가 사라졌어요")
        vanish = "|".join(re.escape(c) for c in korean if _KO_VANISH.match(c))
        if vanish:
            parts.append(rf"(?<![\uac00-\ud7a3])(?P<nkh>[\uac00-\ud7a3]{{1,6}}\s+"
                         rf"[\uac00-\ud7a3]{{1,6}})(?:이|가)\s+"
                         rf"(?:[\uac00-\ud7a3]{{1,8}}(?:에서|에)\s+)?(?:{vanish})")
        # or a Korean noun and its count, right before the verb ("크레딧 5000 결제하려고",
        # "크레딧 1000개짜리 사려고"): a sum of money ("5000원") names no product
        parts.append(rf"(?<![\w])(?P<nkq>{KO_COUNTED})\s*(?:을|를)?\s*(?:{verbs})")
        # or two Hangul words before what they cost ("아키움 패키지 33,000원 결제했는데")
        parts.append(rf"(?<![\uac00-\ud7a3])(?P<nkp>[\uac00-\ud7a3]{{1,6}}\s+"
                     rf"[\uac00-\ud7a3]{{1,6}})\s+\d[\d,.]*\s*{_KO_SUM}\s*(?:을|를)?\s*"
                     rf"(?:{verbs})")
        # or a name in quotes, which bound it whatever its script ("마운트 '별빛 고래'가
        # 컬렉션에서 사라졌어요")
        parts.append(rf"[\"'‘“«]\s*(?P<nkt>[^\"'’”»\n]{{1,30}}?)\s*[\"'’”»]\s*"
                     rf"(?:가|이|은|는|을|를|도)?(?:\s*[\uac00-\ud7a3]{{1,8}}(?:에서|에))?"
                     rf"\s*(?:{verbs})")
    # a cue that introduces oneself names one word: "my name is John Smith" is a person,
    # not a character
    # a copula's cue ("I'm", "je suis", "eu sou") takes no article after it: "I'm the Guild
    # Master" is a role, not a name
    others = [c for c in plain if not _SELF_INTRODUCTION.search(fold(c))]
    for group, chosen in (("sp", [c for c in plain if _SELF_INTRODUCTION.search(fold(c))]),
                          ("nc", [c for c in others if COPULA_CUE.search(fold(c))]),
                          ("np", [c for c in others if not COPULA_CUE.search(fold(c))])):
        if chosen:
            # casual writing drops the apostrophe: "im Lirael", "moi cest Aubepine"
            words = "|".join(_CEST.sub(_CEST_ANY, re.sub(r"(?<=\w)['’](?=\w)", "['’]?",
                                                         re.escape(c)))
                             for c in chosen)
            article = (rf"|{ARTICLES}\s+(?-i:[a-zà-ÿ]{{3,15}})\s+|"
                       # an article before two capitalised words ("lost the Frost Wyrm
                       # Egg"; not "lost the Sword")
                       rf"{ARTICLES}\s+(?=(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+\s+[A-ZÀ-ÖØ-Þ]))"
                       if group == "np" else "")
            # "pour moi c'est Grave", "selon moi": an opinion, no one introduced
            parts.append(rf"(?<!\w)(?<!pour )(?<!selon )(?<!à )(?<!chez )(?<!avec )"
                         rf"(?:{words})\s+{_ADVERB}(?:{POSSESSIVE}"
                         rf"(?-i:[a-zà-ÿ]{{3,15}}\s+)?{article})?"
                         # a count before a shop's unit: "le pack 1000 Bits"
                         rf"{_OPEN_QUOTE}(?P<{group}>{_COUNT if group == 'np' else ''}"
                         rf"{PROPER})")
    return re.compile("(?i)" + "|".join(parts)) if parts else None


#: A thing named with its article or possessive: two capitalised words at least ("a
#: Thunderstruck Tree sapling", "my Ayanad Bow"; one word alone may be a common noun
#: written with a capital: "a Sword").
NAMED_THING = re.compile(
    rf"(?i)(?<!\w)(?:{ARTICLES}|my|mon|ma|meu|minha|his|her|their|son|sa|seu|sua)\s+"
    r"((?-i:[A-ZÀ-ÖØ-Þ][\w'’-]{1,30}(?:(?:\s+(?:of|the|do|da|de|du|des))?"
    r"\s+[A-ZÀ-ÖØ-Þ0-9][\w'’-]{0,30}){1,3}))(?![\w'’-])")
KIND_THING = re.compile(
    r"(?i)(?<!\w)(?:my|mon|ma|mes|meu|minha)\s+(?-i:([a-zà-ÿ]{3,15})(?:\s+([a-zà-ÿ]{3,15}))?)"
    r"\s+((?-i:[A-ZÀ-ÖØ-Þ][\w'’-]{1,30}(?:(?:\s+(?:of|the|do|da|de|du|des))?"
    r"\s+[A-ZÀ-ÖØ-Þ0-9][\w'’-]{0,30}){0,3}))(?![\w'’-])")


def antecedent_name(m: re.Match[str]) -> str:
    """The name an antecedent match holds."""
    return m.group(1) if m.re is NAMED_THING else m.group(3)


def anaphor_pattern(cues: dict[str, tuple[str, ...]], nouns: Sequence[str] = ()
                    ) -> re.Pattern[str] | None:
    """A ``{name}`` cue whose name is a pronoun ("it's gone", "it just vanished", "il a
    disparu", "ela sumiu") or the field's own noun with an article ("the item is gone",
    "o item não apareceu"): the thing is the one named before it
    (`NameReader._antecedent`)."""
    own = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    definite = rf"|(?:the|this|that|o|a|esse|essa|este|esta|le|la|ce|cet|cette)\s+(?:{own})" \
        rf"|l['’](?:{own})" if own else ""
    afters = sorted({c.partition("{name}")[2].strip() for words in cues.values()
                     for c in words if "{name}" in c and not c.partition("{name}")[0].strip()
                     and not HANGUL.search(c)}, key=len, reverse=True)
    if not afters:
        return None
    # "it's gone" is "it is gone"
    copular = "|".join(re.escape(a[3:]) for a in afters if a.startswith("is "))
    verbs = "|".join(re.escape(a) for a in afters if not a.startswith("is "))
    # "il n'est plus possible de…": an impersonal "il" stands for no thing
    pronoun = rf"(?:it|il(?!\s+n['’])|elle|ele|ela{definite})"
    parts: list[str] = []
    if copular:
        # casual writing drops the apostrophe ("its just not in my collection")
        parts.append(rf"(?<!\w)(?:it{definite})\s*(?:(?:is|was)\s+|['’]?s\s+){_ADVERB}"
                     rf"(?:{copular})(?!\w)")
    if verbs:
        parts.append(rf"(?<!\w){pronoun}\s+{_ADVERB}(?:{verbs})(?!\w)")
    return re.compile("(?i)" + "|".join(parts)) if parts else None


def brand_names(f: Field) -> list[str]:
    """Short names of an identifier field whose title holds a brand: a capitalised word
    the same in every locale's title ("Glyph" in "Glyph account name", "Nom du compte
    Glyph", "Glyph 계정 이름"). Customers name it by the brand and any word of a title or
    any identifier noun, in either order: "my Glyph name is …", "Glyph login", "pseudo
    Glyph", "Glyph 아이디"."""
    titles = [f.title, *f.titles.values()]
    if len(titles) < 2 or f.kind not in ("text", "regexp"):
        return []
    brands = [w for w in re.findall(r"[^\W\d_]{3,}", f.title)
              if w[:1].isupper() and any(c.islower() for c in w)
              and fold(w) not in IDENTIFIER_NOUNS
              and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", t) for t in titles[1:])]
    if not brands or not any(names_identifier(t) for t in titles):
        return []
    words = {w.casefold() for t in titles for w in re.findall(r"\w{2,}", t)
             if len(w) > 2 or HANGUL.match(w)} | set(_BRAND_NOUNS)
    out: list[str] = []
    for brand in brands:
        for w in sorted(words - {brand.casefold()}):
            out.extend((f"{brand} {w}", f"{w} {brand}"))
    return out


def brand_pattern(branded: Sequence[str]) -> str:
    """`brand_names` as one pattern: the brand before its noun, or the noun before it,
    a preposition between at most ("login na Glyph", "compte sur Glyph", "conta da Glyph")."""
    pairs = [n.split(" ", 1) for n in branded]
    brands = {a for a, b in pairs if a[:1].isupper()} | {b for a, b in pairs if b[:1].isupper()}
    nouns = {w for pair in pairs for w in pair} - brands
    b = "|".join(re.escape(x) for x in sorted(brands, key=len, reverse=True))
    n = "|".join(spaced(x) for x in sorted(nouns, key=len, reverse=True))
    return (rf"(?:{b})\s*(?:{n})|(?:{n})\s+(?:(?:da|na|do|no|de|du|of|on|in|sur|em)\s+)?"
            rf"(?:{b})")


#: Identifier nouns a brand names an account by (not "id": a number may be another one).
_BRAND_NOUNS = ("name", "username", "user", "login", "nick", "nickname", "handle", "nom",
                "pseudo", "identifiant", "nome", "usuario", "usuário", "이름", "아이디", "닉네임")


#: Adverbs that may stand between a thing's name and the verb its cue ends with ("my Ayanad
#: Greatcloak just vanished", "ma monture a soudain disparu" is the verb's own form).
_ADVERB = (r"(?:(?:just|suddenly|simply|completely|also|somehow|randomly|juste|soudain|"
           r"simplement|complètement|aussi|simplesmente|completamente|também|do\s+nada|"
           r"de\s+repente|accidentally|by\s+(?:mistake|accident)|par\s+(?:erreur|accident)|"
           r"accidentellement|por\s+engano|sem\s+querer|acidentalmente)\s+)?")


#: A name may stand in quotes ("mon planeur « Eagle Glider » a disparu").
_OPEN_QUOTE = r"(?:[«\"“]\s*)?"
_CLOSE_QUOTE = r"(?:\s*[»\"”])?"
#: A count before a unit's name, as a shop writes it ("1000 Bits").
_COUNT = r"(?:\d[\d.,]*\s+)?"
#: A name's "de" complement inside a cue's pattern ("le Familier Dragon des neiges je l'ai
#: pas"); one that says whose, where or when is cut off after (`_NOT_TAIL`).
_DE_NAME_TAIL = (r"(?:\s+(?:(?:de|des|du|do|da|dos|das)\s+|d['’])(?:(?:la|le|les)\s+|l['’])?"
                 r"(?-i:[a-zà-ÿ][a-zà-ÿ'’-]{2,20}))?")
#: A cue that ends with a copula ("I'm", "I am", "je suis", "moi c'est", "eu sou").
COPULA_CUE = re.compile(r"(?:['’]m|(?<!\w)(?:im|am|is|suis|sou|est|c['’]?est|e|are|somos|"
                        r"sommes)|['’]re)$")
#: Cues by which requesters introduce themselves.
_SELF_INTRODUCTION = re.compile(r"\b(?:name|nom|nome|appelle|chamo)\b|이름")
