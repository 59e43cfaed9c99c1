"""Free-text values: the clause a cue starts, and "Label: value" lines for
textareas (`ClauseReader`).

Free-text fields (``textarea``) are read from a "<any of its names>: value" line, else
from ``x-deskops.cues``: words that start the clause giving the value ("I tried",
"j'ai vidé", "já limpei", "해 봤"); a list of the requester's actions from its start;
multi-word cues without accents too; contacting someone is no step, nor what the product
did ("the page reloaded", "페이지가 계속 새로고침 돼요") or a concession ("even though I just
logged in"), nor a step denied ("I haven't tried another browser", "못 해봤어요", and what
"or" joins to it); a cue's clause ends before its result ("… and it went white").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.model import Field
from integrations.triage.reading.context import ENVIRONMENT
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.normalise import MENU_ARROW, fold, substance
from integrations.triage.reading.steps import (
    KO_ACT_JOIN,
    ONSET,
    ONSET_KO,
    acts_at,
    listed,
    opens_with_act,
    result_stop,
    run_on_stop,
    sequence,
)
from integrations.triage.reading.vocabulary import field_synonyms, per_locale
from integrations.triage.reading.words import HANGUL

__all__ = ["ClauseReader"]

CLAUSE = 0.8
#: Least `substance` of a clause read as a free-text value (Hangul syllables count two).
CLAUSE_MIN = 8
LABELLED = 0.9
#: Where a Korean clause ends inside a sentence: a comma or a connective ending + space.
_KO_JOIN = re.compile(r",\s*|(?<=[\uac00-\ud7a3])(?:고|는데|은데|지만|해서|어서|아서|니까)\s+")


class ClauseReader:
    """A free-text value: the clause a cue starts, up to the end of its sentence (in
    Korean, where cues end a clause, the whole sentence)."""

    def __init__(self, f: Field) -> None:
        self.field = f
        cues = sorted({c for words in per_locale(
            (f.schema or {}).get("x-deskops", {}).get("cues")).values() for c in words},
            key=len, reverse=True)
        # "{path}": a menu path the requester followed ("Reports > Export") is a step
        self._paths = PATH_CUE in cues
        # "{when}": the action a problem follows ("when I click Export, …", "… 누르면")
        self._when = WHEN_CUE in cues
        # "{steps}": a sentence of two acts or more ("I go to Reports, choose November, …")
        self._steps = STEPS_CUE in cues
        cues = [c for c in cues if c not in (PATH_CUE, WHEN_CUE, STEPS_CUE)]
        # a Korean cue is a verb ending: it joins the stem before it ("삭제해 봤어요")
        self._cue = re.compile("(?i)" + "|".join(
            re.escape(c) if HANGUL.match(c) else rf"(?<!\w){_with_adverb(c)}"
            for c in cues)) if cues else None
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
        # a path first: the sentence that follows a menu is the steps, a cue may be one
        # try ("tried 3 times") beside them
        for source, text in texts if self._paths else ():
            capped = text[:4000]
            for m in _PATH.finditer(capped):
                found = self._path_clause(capped, m, source, locale)
                if found is not None:
                    return found
        # a sentence of acts ("J'ouvre Rapports, je choisis la période, je clique sur
        # Générer et ça tourne"): from its first act to the sentence's end, the result
        # included, as a cue's clause, but not what a dictated sentence runs on to after
        # its acts ("… hit run and then nothing happens no error …": `run_on_stop`);
        # before a cue elsewhere ("tried twice")
        for source, text in texts if self._steps else ():
            capped = text[:4000]
            span = listed(capped)  # a list, one act a line: the lines from first to last
            if span is not None and substance(capped[span[0]:span[1]]) >= CLAUSE_MIN:
                value = capped[span[0]:span[1]]
                return Evidence(key=self.field.key, value=value, span=clip(value),
                                method="sentence", locale=locale, confidence=CLAUSE,
                                source=source)
            span = sequence(capped)
            if span is not None and not any(q.start() <= span[0] < q.end()
                                            for q in _QUOTE_SPAN.finditer(capped)):
                end = min((i for i in (capped.find(p, span[1]) for p in ".!?\n") if i >= 0),
                          default=len(capped))
                folded = fold(capped)
                if len(folded) == len(capped):
                    end = max(span[1], run_on_stop(folded, span[1], end))
                value = capped[span[0]:end].strip(" ,;")
                if not _CONTACT.search(fold(value)) and substance(value) >= CLAUSE_MIN:
                    return Evidence(key=self.field.key, value=value, span=clip(value),
                                    method="sentence", locale=locale, confidence=CLAUSE,
                                    source=source)
        # a chain of acts the problem follows ("로그인하고 링크 메뉴 누르면 …") is what the
        # requester did before it, as a Latin sequence is (above): before a remedy tried
        # after it ("캐시 삭제도 해봤는데"); one act alone ("보고서를 열면") comes after it
        whens: dict[int, list[re.Match[str]]] = {}  # each text's, for both passes
        for i, (source, text) in enumerate(texts) if self._when else ():
            capped = text[:4000]
            for m in whens.setdefault(i, _when_matches(capped)):
                if m.group().endswith(("는데", "더니")):
                    continue  # a past act: a cue's ("클릭했", "눌렀"), else after the cues
                found = self._when_clause(capped, m, source, locale, chained=True)
                if found is not None:
                    return found
        # a change the requester made that the problem dates from ("since I enabled
        # two-step login, …", "depuis que j'ai installé …", "설치한 이후로"): the act it follows
        for source, text in texts if self._when else ():
            found = self._onset_clause(text[:4000], source, locale)
            if found is not None:
                return found
        cue = self._cue
        for source, text in texts:
            capped = text[:4000]
            quoted = [q.span() for q in _QUOTE_SPAN.finditer(capped)]
            denied = -1  # where the last cue the requester denied ends
            for m in cue.finditer(capped) if cue is not None else ():
                if any(s <= m.start() < e for s, e in quoted):
                    continue  # the product's words ("다시 로그인해 주세요"), no step taken
                if _denied(capped, m, denied):
                    denied = m.end()  # "haven't tried", "못 해봤어요": no step taken
                    continue
                if _by_itself(capped, m):
                    continue  # what the product does ("새로고침 돼요", "the page reloaded")
                if _vague_when(capped, m):
                    continue  # "quand je me connecte, tout est vide": when, not steps
                if _time_only(capped, m):
                    continue  # "before that it was steady": how things were, no step
                found = self._clause(capped, m, source, locale)
                if found is not None:
                    return found
        # one act the problem follows last: what the requester tried is the better answer
        for i, (source, text) in enumerate(texts) if self._when else ():
            capped = text[:4000]
            for m in whens[i] if i in whens else _when_matches(capped):
                found = self._when_clause(capped, m, source, locale)
                if found is not None:
                    return found
        # last, a reply that is one act ("j'ai juste ouvert le rapport des clics comme
        # d'hab"): the answer to "what did you do?", one act being all there was
        for source, text in texts if self._steps else ():
            reply = _one_act_reply(source, text)
            if reply is not None:
                return Evidence(key=self.field.key, value=reply, span=clip(reply),
                                method="sentence", locale=locale, confidence=CLAUSE,
                                source=source)
        return None

    def _when_clause(self, capped: str, m: re.Match[str], source: str, locale: str,
                     chained: bool = False) -> Evidence | None:
        """The sentence from "when I <act>" to its end, the problem it brings included
        ("when I tap Get Link on an advertiser page nothing happens"); in Korean the
        clause up to the act in "-면", from its sentence's start or last comma. ``chained``:
        only a Korean chain of acts ("로그인하고 … 누르면")."""
        if m.re is _WHEN_KO:
            start = max((capped.rfind(p, 0, m.start()) for p in ".!?\n,"), default=-1) + 1
            # a chain of acts goes on over a comma ("먼저 로그인하고, 리포트 메뉴로 가서, …")
            while start > 0 and capped[start - 1] == "," and \
                    KO_ACT_JOIN.search(capped[:start - 1].rstrip()):
                start = max((capped.rfind(p, 0, start - 1) for p in ".!?\n,"),
                            default=-1) + 1
            value = capped[start:m.end()].strip(" ,;")
            if chained:  # an act's "-고"/"-서" before the act in "-면", not "에서"
                precise = any(KO_ACT_JOIN.search(value, 0, w.end())
                              for w in re.finditer(r"[^\s,]+(?=,?\s)", value))
            else:
                precise = bool(_KO_SEQUENCE.search(value) or _TARGET.search(value))
        elif chained:
            return None  # a Latin chain of acts is a `sequence`
        else:
            end = min((i for i in (capped.find(p, m.end()) for p in ".!?\n") if i >= 0),
                      default=len(capped))
            act = next(g for g in m.re.groupindex if m.group(g) is not None)
            value = capped[m.start(act):end].strip(" ,;")
            # the few words after the act: a named button or page ("tap Get Link",
            # "clique sur « Exporter »"), not the product at large ("open the dashboard")
            acted = re.sub(rf"(?i)^{_MODAL}", "", value)  # the act, not "try to"
            after = ENVIRONMENT.sub("", " ".join(acted.split()[1:5]))
            # or an act on a part itself ("whenever I export", "quando exporto")
            precise = bool(_TARGET.search(after) or _PART.search(fold(after))
                           or _PART.fullmatch(fold(acted.split()[0]).rstrip(".,;:!?")
                                              if acted.split() else ""))
        if not precise or _CONTACT.search(fold(value)) or substance(value) < CLAUSE_MIN:
            return None
        return Evidence(key=self.field.key, value=value, span=clip(value), method="sentence",
                        locale=locale, confidence=CLAUSE, source=source)

    def _onset_clause(self, capped: str, source: str, locale: str) -> Evidence | None:
        """The requester's change the problem dates from (`ONSET`, `ONSET_KO`): in a
        Latin script from the act to the problem's new subject, a comma or the sentence's
        end ("enabled two-factor login | the dashboard spins"); in Korean from the clause's
        start to the connective ("워드프레스 테마를 변경한 이후로")."""
        if HANGUL.search(capped):
            m = ONSET_KO.search(capped)
            if m is None:
                return None
            start = max((capped.rfind(p, 0, m.start()) for p in ".!?\n,"), default=-1) + 1
            value = capped[start:m.end()].strip(" ,;")
        else:
            folded = fold(capped)
            if len(folded) != len(capped):
                return None
            m = ONSET.search(folded)
            if m is None or any(q.start() <= m.start() < q.end()
                                for q in _QUOTE_SPAN.finditer(capped)):
                return None
            act = m.start(m.lastgroup or 0)
            end = min((i for i in (capped.find(p, act) for p in ".!?\n,;:") if i >= 0),
                      default=len(capped))
            # the verb's own object first ("instalei o plugin"), then a new subject ("… o
            # painel não carrega"), never one after a preposition ("on my blog")
            obj = _OBJECT_HEAD.match(folded, m.end())
            new = _NEW_SUBJECT.search(folded, obj.end() if obj else m.end(), end)
            end = result_stop(folded, act, new.start() if new else end)
            value = capped[act:end].strip(" ,;")
        if _CONTACT.search(fold(value)) or substance(value) < CLAUSE_MIN:
            return None
        return Evidence(key=self.field.key, value=value, span=clip(value), method="sentence",
                        locale=locale, confidence=CLAUSE, source=source)

    def _path_clause(self, capped: str, m: re.Match[str], source: str, locale: str
                     ) -> Evidence | None:
        """The sentence a menu path stands in, from the colon that announces it ("what I
        do: log in, go to Reports > Export") or, in Korean, from the clause it opens
        ("윈도우 10 쓰고요, 로그인 → 링크 메뉴 클릭")."""
        start = max((capped.rfind(p, 0, m.start()) for p in ".!?\n"), default=-1) + 1
        start = max(start, capped.rfind(":", start, m.start()) + 1,
                    capped.rfind("：", start, m.start()) + 1)
        if HANGUL.search(capped, start, m.start()):  # "-고" joins steps: only a comma ends
            start = max(start, capped.rfind(",", start, m.start()) + 1)
        end = min((i for i in (capped.find(p, m.end()) for p in ".!?\n") if i >= 0),
                  default=len(capped))
        value = capped[start:end].strip(" ,;")
        if _CONTACT.search(fold(value)) or substance(value) < CLAUSE_MIN:
            return None
        return Evidence(key=self.field.key, value=value, span=clip(value), method="sentence",
                        locale=locale, confidence=CLAUSE, source=source)

    def _clause(self, capped: str, m: re.Match[str], source: str, locale: str
                ) -> Evidence | None:
        """The clause cue ``m`` starts (or, in Korean, ends) in ``capped``."""
        start = m.start()
        if HANGUL.search(m.group()):
            start = max((capped.rfind(p, 0, start) for p in ".!?\n"), default=-1) + 1
            # the clause, not the sentence: after the last comma or clause ending
            # ("크롬, 맥 사용 중이고 | 쿠키 삭제해 봤어요")
            joins = list(_KO_JOIN.finditer(capped, start, m.start()))
            # an act's "-고"/"-서" ("들어가서 11월 선택하고 다운로드 클릭했어요") chains the
            # steps: the clause reaches back to the chain's first act
            while joins and KO_ACT_JOIN.search(capped[start:joins[-1].end()].rstrip()):
                joins.pop()
            if joins and substance(capped[joins[-1].end():m.end()]) >= CLAUSE_MIN:
                start = joins[-1].end()
        else:
            start = _listed_from(capped, start)
        end = min((i for i in (capped.find(p, m.end()) for p in ".!?\n") if i >= 0),
                  default=len(capped))
        if not HANGUL.search(m.group()):
            folded = fold(capped[:end])
            if len(folded) == end:  # the acts, not the result after them ("… and it went white")
                end = result_stop(folded, m.end(), end)
        value = capped[start:end].strip(" ,;")
        if _CONTACT.search(fold(value)):  # asking someone is no step taken
            return None
        if _run_on(value):
            return None  # dictated text with no end found: where the clause ends is unknown
        if _ONLY_COUNT.match(fold(capped[m.end():end])):
            return None  # "tried 3 times today": how often, nothing acted on
        if _WORKS_FINE.search(fold(value)):
            return None  # "je me connecte très bien": what works, no step before a problem
        if substance(value) >= CLAUSE_MIN:  # "캐시 지웠어요" says as much as "cleared it"
            return Evidence(key=self.field.key, value=value, span=clip(value),
                            method="sentence", locale=locale, confidence=CLAUSE,
                            source=source)
        return None


#: An act said to work, ending its clause (folded): "je me connecte très bien", "I log in
#: just fine", "entro normalmente", "consigo logar de boa": a state, no step taken.
_WORKS_FINE = re.compile(
    r"\b(?:(?:just\s+|totally\s+)?fine|normally|without\s+(?:a|any)\s+problem|no\s+problem|"
    r"(?:tres\s+|super\s+)?bien|normalement|sans\s+(?:aucun\s+)?(?:souci|probleme)|"
    r"normalmente|sem\s+(?:nenhum\s+)?problema|de\s+boa|numa\s+boa|tranquilo)\s*$")


#: Words of a clause with no punctuation past which, in a Latin script, its end is unknown.
RUN_ON_WORDS = 25


def _run_on(value: str) -> bool:
    """Whether ``value`` runs on with no mark of where its clause ends: many words and no
    comma, stop or colon between them ("troquei o tema depois disso aparece escrito no
    console … valeu"), as dictated text comes; precision first, nothing is written."""
    return not HANGUL.search(value) and len(value.split()) >= RUN_ON_WORDS and \
        not re.search(r"[,;:.!?()\n]", value)


#: After a cue, only a count of tries and when: "tried 3 times today", "j'ai essayé plusieurs fois
#: hier", "tentei umas 5 vezes", "tried again this morning" (folded): a retry counted,
#: no step named.
_ONLY_COUNT = re.compile(
    r"\s*(?:it\s+|again\s+|de nouveau\s+|de novo\s+|novamente\s+)?"
    r"(?:(?:about|like|around|environ|genre|umas?|uns|tipo)\s+)?"
    r"(?:\d+|once|twice|two|three|four|five|several|many|multiple|a few|a couple of|"
    r"deux|trois|quatre|cinq|plusieurs|maintes|duas|dois|tres|quatro|cinco|varias|muitas)"
    r"\s*(?:times?|x|fois|vezes)?\s*"
    r"(?:(?:today|yesterday|this morning|tonight|last night|now|already|in a row|"
    r"aujourd'hui|hier|ce matin|deja|d'affilee|hoje|ontem|ja|seguidas?)\s*)*[\s,;:]*$")


#: A denial right before a cue: "haven't" (or "havent", "didnt"), "did not", "never",
#: "(n'ai) pas (encore)", "jamais", "(ainda) não", "nunca", an adverb between ("not yet",
#: "pas encore", "não cheguei a"); in Korean "안"/"못" before the verb ("못 해봤어요",
#: "안 지웠어요").
_DENIAL_BEFORE = re.compile(
    r"(?i)(?:(?:\bnot|n't|\b(?:does|did|is|was|has|have|had|could|ca)nt|\bnever|\bpas|"
    r"\bjamais|\bn[aã]o|\bnunca)"
    r"(?:\s+(?:yet|even|really|ever|actually|encore|vraiment|ainda|sequer|cheguei\s+a))?"
    r"|(?<![\uac00-\ud7a3])(?:안|못))\s*$")
#: Between a denied cue and the next: only its object and "or" ("haven't cleared the cache
#: or reinstalled", "não limpei o cache nem reinstalei"), which the denial reaches too.
_DENIAL_GOES_ON = re.compile(r"(?i)^[^.!?\n,;]*?\b(?:or|nor|ou|ni|nem)\s+$")


def _denied(capped: str, m: re.Match[str], denied: int) -> bool:
    """Whether the requester says they did not take cue ``m``'s step ("I haven't tried
    another browser", "je n'ai pas encore vidé le cache", "não tentei", "다른 걸로는 못
    해봤어요"), or one "or" joins to a denied cue ending at ``denied``."""
    if _DENIAL_BEFORE.search(capped, max(0, m.start() - 40), m.start()):
        return True
    return 0 <= denied <= m.start() and bool(_DENIAL_GOES_ON.match(capped[denied:m.start()]))


#: An accented letter of a cue and the letters written for it when accents are dropped.
_ACCENTED = {c: f"[{c}{fold(c)}]" for c in "àâäãáéèêëîïíôöõóùûüúç"}


def _accents_optional(cue: str) -> str:
    """A cue of two words or more as a pattern that also meets it written without accents
    ("J'ai deja vide le cache": the other word makes "vide" the participle "vidé"); a
    one-word cue keeps its accents ("cliqué" is not the present "je clique")."""
    if " " not in cue.strip():
        return re.escape(cue)
    return "".join(_ACCENTED.get(c.lower(), re.escape(c)) for c in cue)


#: Words between the requester and the act of a cue ("I just logged in", "j'ai déjà
#: vidé", "eu só faço login", "I have already").
_ADVERB = (r"(?:\s+(?:just|only|already|also|simply|then|first|juste|d[eé]j[aà]|seulement|"
           r"simplement|aussi|s[oó]|j[aá]|apenas|tamb[eé]m|ent[aã]o))?")
#: The requester as a cue's first word, after which `_ADVERB` may stand.
_SUBJECT = re.compile(r"(?i)(?:i|i've|we|je|j'ai|nous|on|eu|a gente)(?=\s)")


def _with_adverb(cue: str) -> str:
    """`_accents_optional`, with an adverb allowed after the requester ("I just logged in"
    for the cue "I logged in")."""
    m = _SUBJECT.match(cue)
    if m is None:
        return _accents_optional(cue)
    return re.escape(m.group()) + _ADVERB + _accents_optional(cue[m.end():])


#: A Korean cue that is a noun ("새로고침", "재시작", "다시 로그인") is an act only with the
#: requester's verb after it ("새로고침 해 봤어요", "재부팅까지 했는데", "재시작 후"); with
#: "되다" the thing happens by itself ("페이지가 계속 새로고침 돼요", "재시작돼요"), alone it
#: names the problem ("대시보드 무한 새로고침"); a request, a need, a wish or what cannot
#: be done is none either ("다시 로그인하라고 나와요", "재설치 해야 하나요", "새로고침 할
#: 수가 없어요").
_KO_ACT_AFTER = re.compile(
    r"\s*(?:을|를|도|까지|만|은|는)?\s*(?!하라|하래|하세요|해\s*주세요|해야|할\s*수|하고\s*싶|하려)"
    r"(?:하|해|했|한|함|후|눌|누르|시도)")
#: The last syllable of a Korean cue that ends in a verb or a connective, not a noun.
_KO_VERB_END = ("봤", "요", "데", "고", "후", "했", "렀", "에")
#: What makes a clause the requester's background, not the steps: a concession ("even
#: though I just logged in", "bien que j'aie vidé", "mesmo tendo limpado").
_CONCESSION = re.compile(
    r"(?i)(?<!\w)(?:even though|even if|although|though|bien que|bien qu['’]|quoique|"
    r"alors que|alors qu['’]|m[eê]me si|embora|mesmo que|mesmo tendo|apesar de)\s*"
    r"(?:(?:i|we|j['’]|je|nous|on|eu|a gente)\s*(?:(?:'ve|have|had|ai|aie|avais|tenha|tinha)\s+)?"
    r"(?:(?:just|already|juste|d[eé]j[aà]|j[aá]|s[oó])\s+)?)?$")
#: Before a Latin cue's act, a subject that is not the requester ("the page reloaded", "my
#: laptop restarted", "la page s'est rechargée", "le tableau de bord a redémarré"): what
#: the product did.
_OTHER_SUBJECT = re.compile(
    r"(?i)(?:(?<!\w)(?:it|this|that|which|he|she|they|il|elle|ils|ca|ça|qui|se|s['’])|"
    r"(?<!\w)(?:the|my|our|his|her|their|its|this|le|la|les|l['’]|mon|ma|mes|notre|nos|son|sa|"
    r"ses|o|os|as|meu|minha|seu|sua)"
    r"(?:\s*(?!(?:and|et|e|then|puis|or|ou|but|mais|i|je|eu)\b)[^\W\d]+){1,3})"
    r"\s+(?:(?:has|had|just|also|a|avait|est|s['’]est|se)\s+)?$"
    # the requester undergoes it: "I keep getting logged out", "je suis déconnectée",
    # "fui deslogado" (not the French reflexive act "je me suis déconnecté")
    r"|(?<!\w)(?<!me )(?<!m['’])(?:get|gets|got|getting|gotten|been|being|am|is|are|was|"
    r"were|'m|suis|es|est|sommes|sont|etais|était|etait|retrouve|sou|foi|fui|estou|fico|"
    r"fiquei)\s+(?:(?:just|always|again|constantly|toujours|encore|souvent|sempre|"
    r"de novo)\s+)?$")


def _by_itself(text: str, m: re.Match[str]) -> bool:
    """True when the cue ``m`` in ``text`` tells what the product did, not the requester,
    or what the requester did only as background ("even though I just logged in")."""
    if HANGUL.search(m.group()):
        return not m.group().endswith(_KO_VERB_END) and \
            _KO_ACT_AFTER.match(text, m.end()) is None
    begin = max((text.rfind(p, 0, m.start()) for p in ".!?\n,;"), default=-1) + 1
    before = text[begin:m.start()]
    if _CONCESSION.search(before):
        return True
    return not _SUBJECT.match(m.group()) and _OTHER_SUBJECT.search(before) is not None


#: A cue that names only a time before the problem ("before that", "avant ça", "antes
#: disso", "그 전에"): a step only when an act of the requester follows it.
_TIME_CUE = re.compile(r"(?i)(?:before that|avant [cç]a|juste avant|antes disso|그 전에)$")
#: After the Korean time cue, a topic or a limit ("그 전에는", "그 전엔", "그 전까지는"):
#: how things were before the problem, no act.
_KO_TOPIC_AFTER = re.compile(r"(?:는|엔|까지|만\s*해도)(?![\uac00-\ud7a3])")


def _time_only(text: str, m: re.Match[str]) -> bool:
    """True when the cue ``m`` only names the time before the problem and what follows
    tells how things were, not what the requester did ("Before that it was steady $50 a
    day", "Avant ça tout marchait", "Antes disso era normal", "그 전에는 잘 됐어요"); a
    step the clause goes on to name has its own cue ("antes disso limpei o cache")."""
    if not _TIME_CUE.search(m.group()):
        return False
    if HANGUL.search(m.group()):
        return _KO_TOPIC_AFTER.match(text, m.end()) is not None
    end = min((i for i in (text.find(p, m.end()) for p in ".!?\n") if i >= 0),
              default=len(text))
    folded = fold(text[:end])
    if len(folded) != end:
        return False
    start = m.end() + len(folded[m.end():]) - len(folded[m.end():].lstrip(" ,;:"))
    return not acts_at(folded, start, end)


#: Right before a cue, what makes it the time of the problem ("when I log in", "quand je
#: me connecte", "quando eu faço login", "chaque fois que j'ai cliqué").
_WHEN_BEFORE = re.compile(
    r"(?i)(?<!\w)(?:when(?:ever)?|every time|each time|as soon as|quand|lorsque?|lorsqu['’]|"
    r"(?:à |a )?chaque fois que?|chaque fois qu['’]|d[eè]s que|quando|sempre que|"
    r"toda vez que|cada vez que|assim que)\s*$")


def _vague_when(text: str, m: re.Match[str]) -> bool:
    """True when the Latin cue ``m`` stands in a "when" clause ("Depuis lundi quand je me
    connecte mon tableau de bord est vide") and names no button nor page in the words
    after it: the time the problem shows, as a "when I …" clause without a target is
    (`ClauseReader._when_clause`), not steps an agent can follow."""
    if HANGUL.search(m.group()) or not _WHEN_BEFORE.search(text, 0, m.start()):
        return False
    after = " ".join(text[m.end():m.end() + 80].split()[:4])
    return not _TARGET.search(ENVIRONMENT.sub("", after))


#: The cue of a free-text field that reads a menu path the requester followed.
PATH_CUE = "{path}"
#: The cue of a free-text field that reads the requester's act a problem follows.
WHEN_CUE = "{when}"
#: The cue of a free-text field that reads a sentence of the requester's acts (`steps`).
STEPS_CUE = "{steps}"
#: Korean acts on the product: the nouns that "하다" makes a verb of, and the other verbs
#: as (stem, "-니까" form, past stem, "-ㄹ" form).
_KO_HA = ("클릭", "탭", "터치", "선택", "입력", "로그인", "접속", "실행", "저장", "업로드",
          "다운로드", "생성", "호출", "새로고침", "변경", "수정", "설정", "검색", "추가")
_KO_VERBS = (("누르", "누르니까", "눌렀", "누를"), ("눌러", "누르니까", "눌렀", "누를"),
             ("들어가", "들어가니까", "들어갔", "들어갈"), ("열", "여니까", "열었", "열"),
             ("내보내", "내보내니까", "내보냈", "내보낼"), ("바꾸", "바꾸니까", "바꿨", "바꿀"),
             ("고르", "고르니까", "골랐", "고를"))
#: The act a problem follows, in Korean: "-면" ("누르면"), "-니까" ("클릭하니까"), a past in
#: "-는데"/"-더니" ("선택했는데", "눌렀더니"), "-ㄹ 때(마다)" ("누를 때마다").
_KO_WHEN = (
    "(?:" + "|".join([*(f"{n}\\s*하" for n in _KO_HA), *(v[0] for v in _KO_VERBS)])
    + ")면(?![\\uac00-\\ud7a3])|(?:"
    + "|".join([*(f"{n}\\s*하니까" for n in _KO_HA), *(v[1] for v in _KO_VERBS)])
    + ")(?![\\uac00-\\ud7a3])|(?:"
    + "|".join([*(f"{n}\\s*했" for n in _KO_HA), *(v[2] for v in _KO_VERBS)])
    + ")(?:는데|더니)(?![\\uac00-\\ud7a3])|(?:"
    + "|".join([*(f"{n}\\s*할" for n in _KO_HA), *(v[3] for v in _KO_VERBS)])
    + ")\\s*때(?:마다)?(?![\\uac00-\\ud7a3])")
#: Trying or wanting, before an act in the infinitive: "try to", "want to", "veux",
#: "essaie de", "tento", "quero".
_MODAL = (r"(?:(?:try|tried|trying|want|wanted)\s+to|(?:veux|voulais|essaie|essaye|essayais|"
          r"tente|tentais)(?:\s+de|\s+d['’])?|(?:tento|tentei|tentava|quero|queria))\s+")
#: "When I <act>", "quand je <act>", "quando (eu) <act>": the act, in the first person
#: present or past, of using the product (not "when I joined", "when will I be paid");
#: in Korean an act in "-면" ("메뉴 누르면", "Reports 클릭하면").
_WHEN = re.compile(
    r"(?i)(?<!\w)(?:(?:when(?:ever)?|as soon as|once|every time|each time|any time|the moment)"
    r"\s+i|(?:quand|lorsque?|lorsqu['’]|d[eè]s que|d[eè]s qu['’]|(?:à |a )?chaque fois que?|"
    r"chaque fois qu['’]|une fois que?|une fois qu['’])\s*(?:j['’]|je\s+)|"
    r"(?:quando|assim que|sempre que|toda vez que|cada vez que|logo que|depois que)\s+(?:eu\s+)?)"
    r"(?P<act>\s*(?:"
    r"(?:click|tap|press|hit|open|go|select|choose|pick|enter|type|submit|log|sign|upload|"
    r"download|export|save|run|load|visit|paste|generate|refresh|change|filter|sort)"
    r"(?:s|d|ed|ped|ged)?|"
    r"(?:clique|tape|appuie|presse|ouvre|vais|sélectionne|selectionne|choisis|entre|saisis|"
    r"valide|filtre|trie|"
    r"me\s+connecte|télécharge|telecharge|exporte|enregistre|lance|charge|"
    r"colle|génère|genere|actualise|rafraîchis|rafraichis|change|modifie)|"
    r"(?:clico|toco|aperto|abro|vou|seleciono|escolho|entro|digito|faço|faco|baixo|exporto|"
    r"filtro|ordeno|"
    r"salvo|carrego|acesso|colo|gero|atualizo|mudo|troco|altero|cliquei|abri|entrei|"
    r"acessei|mudei|troquei)|"
    # an act tried or wanted ("whenever I try to export the CSV", "quand je veux
    # télécharger le rapport", "quando tento gerar o link"): the act, its modal first
    r"{modal}(?:click|tap|press|hit|open|select|choose|pick|enter|type|submit|log|sign|"
    r"upload|download|export|save|run|load|visit|paste|generate|refresh|change|create|add|"
    r"cliquer|appuyer|ouvrir|s[ée]lectionner|choisir|entrer|saisir|valider|me\s+connecter|"
    r"t[ée]l[ée]charger|exporter|enregistrer|lancer|charger|coller|g[ée]n[ée]rer|actualiser|"
    r"rafra[îi]chir|changer|modifier|cr[ée]er|ajouter|"
    r"clicar|tocar|apertar|abrir|selecionar|escolher|entrar|digitar|baixar|exportar|salvar|"
    r"carregar|acessar|colar|gerar|atualizar|mudar|trocar|alterar|criar|adicionar))"
    r"(?!\w))".replace("{modal}", _MODAL))
#: The act as a gerund or an infinitive: "clicking Export gives …", "en cliquant sur
#: « Exporter »", "après avoir cliqué sur", "ao clicar em Gerar", "depois de abrir".
_WHEN_FORM = re.compile(
    r"(?i)(?<!\w)(?P<ing>(?:click|tapp|press|hitt|open|select|choos|submitt|sav|export|"
    r"download|upload|generat|past)ing|logging\s+in(?:to)?)(?!\w)|"
    r"(?<!\w)(?:en|apr[eè]s avoir)\s+(?P<ant>(?:cliquant|appuyant|ouvrant|s[ée]lectionnant|"
    r"tapant|validant|choisissant|exportant|t[ée]l[ée]chargeant|g[ée]n[ée]rant|collant|"
    r"cliqu[ée]|ouvert|s[ée]lectionn[ée]|valid[ée]|choisi|export[ée]|coll[ée])(?!\w))|"
    r"(?<!\w)(?:ao|ap[oó]s|depois de)\s+(?P<inf>(?:clicar|tocar|apertar|abrir|selecionar|"
    r"escolher|entrar|acessar|gerar|exportar|baixar|salvar|colar|digitar|enviar)(?!\w))")
_WHEN_KO = re.compile(_KO_WHEN)


#: The first words of the act's object: a determiner, if any, and a word.
_OBJECT_HEAD = re.compile(r"\s+(?:(?:the|my|our|a|an|le|la|les|l'|un|une|mon|ma|mes|o|a|os|as|"
                          r"um|uma|meu|minha)\s+)?[^\s,.;:!?]+")
#: In a Latin onset clause, where the problem's subject starts after the act's object: a
#: determiner not after a preposition, or "and" and a determiner ("… two-factor login the
#: dashboard spins", "… o plugin novo o painel", "… and the banners vanished").
_NEW_SUBJECT = re.compile(
    r"(?<!\son)(?<!\sin)(?<!\sto)(?<!\sfor)(?<!\sof)(?<!\swith)(?<!\sat)(?<!\sfrom)"
    r"(?<!\sinto)(?<!\ssur)(?<!\sdans)(?<!\sde)(?<!\sdu)(?<!\sdes)(?<!\sa)(?<!\sau)"
    r"(?<!\spour)(?<!\savec)(?<!\sen)(?<!\sem)(?<!\sno)(?<!\sna)(?<!\sdo)(?<!\sda)"
    r"(?<!\spara)(?<!\spra)(?<!\scom)(?<!\spor)(?<!\spelo)(?<!\spela)"
    r"\s(?:(?:and|et|e)\s+)?(?:the|my|our|it|this|all|le|la|les|l'|mon|ma|mes|tout|tous|"
    r"ca|il|elle|o|a|os|as|meu|minha|meus|minhas|isso|tudo)\s")


def _when_matches(text: str) -> list[re.Match[str]]:
    """Every act a problem follows in ``text`` (`_WHEN`, `_WHEN_FORM`, `_WHEN_KO`), in
    text order; three patterns, not one: their union scans three times slower."""
    found = [*_WHEN.finditer(text), *_WHEN_FORM.finditer(text)]
    if HANGUL.search(text):
        found += _WHEN_KO.finditer(text)
    return sorted(found, key=lambda m: m.start())

#: What makes an act a step an agent can follow: a named target (a capitalised word, not
#: "I", or a quote), or in Korean two acts in sequence ("로그인 후 …", "들어가서 …").
_TARGET = re.compile(r"(?-i:(?<!\w)(?!I\b)[A-ZÀ-Ö][a-zà-ÿ])|[«\"“'‘]")
#: A part of the product named in lower case ("click on the reports tab", "abro os
#: relatórios", "clico pra gerar link"): as precise a target as a capitalised one, as the
#: labellers read it (folded).
_PART = re.compile(r"\b(?:reports?|rapports?|relatorios?|tab|onglet|aba|button|bouton|botao|"
                   r"links?|liens?|csv|spreadsheet|planilha|tableur|widget|filters?|filtres?|"
                   r"filtros?|generator|generateur|gerador|menu|export|exportar|exporter|"
                   # what a report is cut by: "pick a date range", "filtre par annonceur"
                   r"dates?|date\s+range|periode|periodo|advertisers?|annonceurs?|"
                   r"anunciantes?|monthly|mensuel|mensal)\b")
#: A quoted passage: a message the product shows or someone's words, never the
#: requester's own steps ('세션이 만료되었습니다. 다시 로그인해 주세요.', « Vous avez déjà
#: cliqué », "I tried to reload"); an apostrophe inside a word opens none.
_QUOTE_SPAN = re.compile(r"[\"“«「][^\"”»」\n]{2,200}[\"”»」]|(?<!\w)'[^'\n]{2,200}'(?!\w)")
_KO_SEQUENCE = re.compile(r"[\uac00-\ud7a3]\s*후\s|(?<=[\uac00-\ud7a3])(?<!에)(?:서|고)\s")
#: A menu path: two words joined by an arrow or a chevron ("Links > Deep Link Generator",
#: "Relatórios -> Exportar", "로그인 → 링크 메뉴"); never a quoted reply ("> on Monday"),
#: an amount ("> 100") nor a French quote ("« Erreur 403 » qui").
_PATH = re.compile(r"(?<=[^\W\d])[ \t]*" + MENU_ARROW + r"[ \t]*(?=[^\W\d])")
#: An act told as the time of the problem ("When I open the dashboard I get a blank page"):
#: the problem's moment, no step taken (folded).
_WHEN_LEAD = re.compile(r"\s*(?:when|whenever|every time|each time|as soon as|once|quand|"
                        r"lorsqu|des que|chaque fois|a chaque fois|quando|sempre que|"
                        r"toda vez|cada vez|assim que|logo que)\b")
#: What ends a clause or joins another to it.
_ONE_CLAUSE_ENDS = re.compile(r"[.!?\n,;:]|\s(?:and|then|but|et|puis|mais|e|depois|mas|ai)\s")


def _one_act_reply(source: str, text: str) -> str | None:
    """A requester's reply that is one clause starting with an act (`opens_with_act`), with
    no result after it ("je clique sur Performance et ça plante" tells when the problem
    shows, as one act alone does) and nothing joined to it (a sequence is `sequence`'s to
    read), whole."""
    value = text.strip().rstrip(".!")
    if not source.startswith("comment") or len(value) > 200 or _ONE_CLAUSE_ENDS.search(value):
        return None
    folded = fold(value)
    if len(folded) != len(value) or not opens_with_act(folded) or \
            _WHEN_LEAD.match(folded) or result_stop(folded, 0, len(folded)) < len(folded) or \
            _CONTACT.search(folded) or substance(value) < CLAUSE_MIN:
        return None
    return value


#: Contacting someone (a bank, support, a friend) is not a step taken on the problem.
_CONTACT = re.compile(
    r"(?<!\w)(?:contact(?:ed|ing|e|er|ei|ar)?|ask(?:ed|ing)|call(?:ed|ing)|email(?:ed|ing)|"
    r"reached out|wrote to|demande[rz]?|appele[rz]?|ecrit a|ligar|liguei|perguntei|perguntar|"
    r"contatei|contatar|fal(?:ei|ar) com|entrei em contato|mandei (?:um )?e-?mail|"
    r"(?:talk(?:ed|ing)?|spoke|speak(?:ing)?) (?:to|with)|parle[rz]? (?:a|au|aux|avec))(?!\w)|"
    r"문의|연락|전화|상담")
#: A first-person subject, or a Portuguese first-person past verb ("entrei", "cliquei";
#: the common ones in -i: "fui", "abri", "escolhi"): the start of a list of the requester's
#: actions.
_FIRST_PERSON = re.compile(r"(?i)^(?:j['’](?=[a-zà-ÿ])|(?:i|i've|we|je|nous|on|eu|a gente|"
                           r"[a-zà-ÿ]{2,}ei|fui|fiz|tive|vi|abri|escolhi|pedi|consegui|segui|"
                           r"subi|preenchi|recebi|perdi|vendi|devolvi|reabri|conferi)"
                           r"(?![a-zà-ÿ]))")
#: After the requester, what they are or use, no act ("je suis sous Ubuntu, j'ai déjà
#: vidé …", "I'm on Chrome and I already cleared …", "uso o Chrome e já limpei …").
_STATE = re.compile(r"(?i)\s*(?:suis|etais|étais|am|was|'m|utilise|use|used|using|uso|usei|usando|"
                    r"estou|estava|sou|tenho|avais)(?![a-zà-ÿ])")
#: What joins the actions of a list ("..., clicked Export, then chose CSV").
_LIST_JOIN = re.compile(r"(?i)(?:,|\bthen|\band|\bpuis|\bensuite|\bet|\bdepois|\be)\s*$")


def _listed_from(text: str, at: int) -> int:
    """Where the clause a cue at ``at`` starts: the first act of a list of the requester's
    actions the cue ends ("I picked last 90 days, clicked Export"), from the sentence's
    start or after a comma or a colon before it ("macOS 14, I logged in and clicked …",
    "Sous Windows 11, j'ouvre Liens, je colle l'URL et j'ai cliqué …": what the requester
    uses is no step), else the cue itself."""
    begin = max((text.rfind(p, 0, at) for p in ".!?\n"), default=-1) + 1
    prefix = text[begin:at]
    if not _LIST_JOIN.search(prefix.strip()):
        return at
    for start in (0, *(i + 1 for i, c in enumerate(prefix) if c in ",;:")):
        part = prefix[start:]
        lead = _FIRST_PERSON.match(part.lstrip()) if part.strip() else None
        if lead and not _STATE.match(part.lstrip(), lead.end()):
            return begin + start + len(part) - len(part.lstrip())
    return at
