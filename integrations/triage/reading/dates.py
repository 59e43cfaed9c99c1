"""Dates written in natural language ("since the update on Tuesday", "avant-hier soir",
"지난 주말부터", "semana passada", "about an hour ago", "le 3 mars", "depuis une heure",
"há duas semanas", "3일 전", "lundi", "on 12/03").

Date phrases are found with per-language expressions on accent-folded lower-case text:

- days named relative to today: yesterday, the day before, last night, this morning, the
  weekend, last week, in en, fr, ko and pt (and today's chat abbreviations, "hj", "auj");
- a quantity of time back: "N minutes/hours/days/weeks ago", "il y a N …", "depuis N …",
  "ça fait N …", "há/faz N …", "N … atrás", "N시간 전", "N일 전", "하루 전", "일주일 전"
  (numbers in digits or words; months, years and vague amounts — "a few days" — give none);
- weekdays, alone or with last/this/dernier/passada/지난/이번 ("lundi", "desde segunda",
  "월요일에"): the latest such day before today (with "this"/"이번", today included);
  never "next Monday", "every Monday", "lundi prochain", "tous les lundis", "na segunda
  vez" (Portuguese weekdays are also ordinals: without "-feira" they need a preposition and
  no noun after), "다음 주 월요일", "매주 월요일";
- numeric dates in the local order: day first in fr and pt, month first in ko, and in en
  month first for a requester in the Americas, day first elsewhere in the world, and only
  when both orders agree or one is impossible for a requester whose zone says neither. A
  date without its year needs a word that introduces a date before it ("on", "le", "dia",
  "desde") or a Korean particle after it ("3/10에"), so "10/10" as a rating is no date;
- month names ("le 3 mars", "March 8", "10 de março") by ``dateparser``, and "3월 10일";
  the day written in words too ("le vingt-sept novembre", "the twenty-third of November",
  "vinte e cinco de novembro", "November twenty-one"), or after "on the", "dia";
- a day of the month alone after a word that makes it one ("since the 3rd", "depuis le
  10", "desde o dia 5", "10일부터", "foi dia 25", "c'était le 25 au soir", "le 25." ending
  its clause, "dia 28," ending its clause but never "todo dia 28", every month; or opening
  a sentence before its subject or past verb: "Le 28 j'ai acheté", "Dia 28 comprei"): this
  month's, or last month's when still to come;
- a named day of the year after a word that dates by it ("on Black Friday", "since Cyber
  Monday", "à Noël", "no Natal", "블프에", "크리스마스 때"): its latest occurrence; never
  the words alone, which name a sale, an event or an item ("the Christmas pack").

Everything resolves against the ticket's creation in the requester's time zone when known
(``Ticket.time_zone``: a Zendesk user's ``iana_time_zone``, a Freshdesk contact's Rails zone
mapped to IANA), else the workspace's (``settings.reading.timezone``, UTC by default).
A date in the future of the ticket is never a candidate. Periods ("last week", "last
weekend") give their first day with a lower confidence, so the workspace threshold
decides whether they are written. "Since the update" is not dated: the ticket does not
say when the update was. A duration counted to now beside a wait for an answer ("já faz
uma semana e ninguém resolve", "ça fait 3 jours que j'attends") dates the wait: it counts
like a retry's date, only when the texts give no other. A date in another person's clause
dates their doing ("my friend finished that quest yesterday", `matcher.clause_person`),
when it tells their success ("finished", "worked": the requester's problem is
not theirs), unless the requester writes for them or dates their own try by it ("the same
day").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.matcher import clause_person
from integrations.triage.reading.normalise import fold
from integrations.triage.reading.words import on_behalf

__all__ = ["find_dates", "read_date"]

EXACT = 0.9
PERIOD = 0.7

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "um": 1, "uma": 1, "한": 1,
    "two": 2, "deux": 2, "dois": 2, "duas": 2, "두": 2, "three": 3, "trois": 3, "tres": 3,
    "세": 3, "four": 4, "quatre": 4, "quatro": 4, "네": 4, "five": 5, "cinq": 5, "cinco": 5,
    "다섯": 5, "six": 6, "seis": 6, "여섯": 6, "seven": 7, "sept": 7, "sete": 7, "일곱": 7,
    "eight": 8, "huit": 8, "oito": 8, "여덟": 8, "nine": 9, "neuf": 9, "nove": 9, "아홉": 9,
    "ten": 10, "dix": 10, "dez": 10, "열": 10, "twelve": 12, "douze": 12, "doze": 12,
    "half": 0.5, "half an": 0.5, "half a": 0.5, "une demi": 0.5, "meia": 0.5, "반": 0.5,
    # "a couple of": two for hours, too loose for days (see `_ago`)
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
_N = "(?:" + "|".join(sorted((re.escape(w) for w in _NUMBERS), key=len, reverse=True)) + \
     r"|\d{1,3})"
#: Units, folded, to days (hours and minutes are resolved with the time of day).
_UNITS = {
    "minute": "m", "minutes": "m", "min": "m", "mins": "m", "minuto": "m", "minutos": "m",
    "분": "m", "hour": "h", "hours": "h", "hr": "h", "hrs": "h", "heure": "h", "heures": "h",
    "hora": "h", "horas": "h", "시간": "h", "day": "d", "days": "d", "jour": "d", "jours": "d",
    "dia": "d", "dias": "d", "일": "d", "night": "d", "nights": "d", "nuit": "d",
    "nuits": "d", "noite": "d", "noites": "d", "week": "w", "weeks": "w", "semaine": "w",
    "semaines": "w", "semana": "w", "semanas": "w", "주": "w", "주일": "w",
}
_UNIT = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
#: Korean words that are a quantity and its unit at once.
_KO_SPANS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "일주일": 7}
_ABOUT = (r"(?:(?:about|around|roughly|maybe|like|almost|nearly|environ|a peu pres|presque|"
          r"pres de|genre|uns|umas|cerca de|quase|mais ou menos|tipo|uns)\s+)?")

#: A quantity of time back: each alternative's groups are (number, unit).
_AGO_PARTS: tuple[str, ...] = (
    rf"\b{_ABOUT}({_N})[\s-]*({_UNIT})\s+(?:or so\s+)?ago\b",
    r"\b(?:il y a|depuis|ca fait|cela fait|ha|faz)\s+(?:environ\s+|uns\s+)?(\d{1,2})(h)\b",
    rf"\bfor\s+the\s+(?:past|last)\s+({_N}\s+)?({_UNIT})\b",
    rf"\b(?:il y a|depuis|ca fait|cela fait|voila)\s+{_ABOUT}({_N})[\s-]*({_UNIT})\b",
    rf"\b(?:ha|faz|fazem)\s+{_ABOUT}({_N})\s*({_UNIT})\b",
    rf"\b({_N})\s*({_UNIT})\s+atras\b",
    rf"(?<![\w.])({_N})\s*({_UNIT})\s*전",
    rf"(?<![\w.])({_N})\s*(분|시간)\s*째",
    r"(?<![가-힣])(하루|이틀|사흘|나흘|일주일)\s*()전",
)
#: One pass over the text for all of them (leftmost first).
_AGO = re.compile("|".join(f"(?:{p})" for p in _AGO_PARTS))
_DIGIT = re.compile(r"\d")
#: Words one of which every quantity of time back contains: the patterns run only then.
_AGO_ANCHORS = ("ago", "il y a", "depuis", "fait", "voila", "ha ", "faz", "atras", "전", "째",
                "for the")

#: Days named relative to today (days back), and periods: (pattern, rule).
_RELATIVE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), rule) for p, rule in (
        (r"\b(?:avant-hier|avant hier|anteontem|(?:the\s+)?day before yesterday|"
         r"(?:the\s+)?night before last)\b|그저께|그제|엊그제",
         "d2"),
        (r"\b(?:yesterday(?:'?s)?|last night|hier|ontem|la nuit derniere|noite passada)\b|"
         r"어제|어젯밤|엊저녁", "d1"),
        (r"\b(?:today|this morning|this afternoon|this evening|tonight|aujourd'hui|ce matin|"
         r"cet apres-midi|ce midi|ce soir|auj|ajd|hoje|hj|esta manha|hoje de manha|esta tarde|"
         r"just now|"
         r"a moment ago|a l'instant|tout a l'heure|agora ha pouco|agora mesmo|ainda agora|"
         r"this noon|at noon today)\b|"
         r"오늘|방금|아까", "d0"),
        (r"\b(?:last weekend|over the weekend|during the weekend|on the weekend|"
         r"this past weekend|since the weekend|le week-end dernier|le weekend dernier|"
         r"ce week-end|pendant le week-end|depuis le week-end|ce weekend|"
         r"(?:fim|final) de semana passado|n?o (?:fim|final) de semana|"
         r"desde o (?:fim|final) de semana)\b|지난\s*주말|주말에|주말부터|주말 동안|주말 내내",
         "weekend"),
        (r"\b(?:last week|la semaine derniere|semana passada)\b|"
         r"지난\s*주(?!말|\s*[월화수목금토일]요일)", "week"),
    ))

#: A whole period: "the whole weekend", "tout le week-end", "o fim de semana todo" (folded):
#: a time the requester waited or played through, not the problem's day.
_WHOLE_AFTER = re.compile(r"\s+(?:tod[oa]|inteir[oa])\b")
_WHOLE_BEFORE = re.compile(r"\b(?:whole|entire|all)\s+(?:the\s+|last\s+)?$|"
                           r"\btout\s+(?:le\s+|la\s+)?$")

#: A demand ("I want my items today", "je veux être remboursé aujourd'hui", "quero meu
#: dinheiro hoje", "오늘 안에 환불해 주세요"): today in its clause is the requester's deadline
#: (folded).
_DEMAND = re.compile(r"\b(?:(?:i|we)\s+(?:want|need|expect|demand)|give me|je (?:veux|voudrais|"
                     r"exige)|j'exige|(?:eu\s+)?(?:quero|exijo)|rendez-moi|devolvam)\b|"
                     r"오늘\s*(?:안에|안으로|중으로|중에|까지)")

#: This evening, said before it came ("j'ai un event ce soir avec ma guilde", written at
#: 14:40): a time still to come dates no problem. From `_EVENING` on, it may be past.
_TONIGHT = re.compile(r"this evening|tonight|ce soir|esta noite|hoje a noite|hoje de noite|"
                      r"오늘\s*(?:밤|저녁)")
_EVENING = 18
#: A verb in the past in the words' clause ("my Visa got declined three times tonight",
#: "a été refusée ce soir", "caiu hoje à noite", "오늘 밤에 튕겼어요"): the evening is over.
_PAST_VERB = re.compile(
    r"(?i)\b(?:\w+ed|got|was|were|did|had|went|came|broke|lost|kept|"
    r"(?:ai|as|a|avons|avez|ont|est|suis|sont|été)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées)|\w+ait|"
    r"\w{2,}(?:ei|ou|eu|iu)|foi|era|estava)\b|"
    # Korean: a syllable ending in the past's ㅆ ("했", "었", "튕겼", "됐"; not "있", to be,
    # nor the future's "겠")
    "[" + "".join(c for i in range(399) if (c := chr(0xAC00 + 28 * i + 20)) not in "있겠")
    + "]")


def _told_past(text: str, start: int, end: int) -> bool:
    """True when the clause around ``text[start:end]`` tells something past (`_PAST_VERB`)."""
    return _PAST_VERB.search(text, *_clause_around(text, start, end)) is not None

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4,
    "samedi": 5, "dimanche": 6, "segunda": 0, "terca": 1, "quarta": 2, "quinta": 3,
    "sexta": 4, "sabado": 5, "domingo": 6, "월": 0, "화": 1, "수": 2, "목": 3, "금": 4,
    "토": 5, "일": 6,
}
_ANY_DAY = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
            r"jeudi|vendredi|samedi|dimanche|segunda|terca|quarta|quinta|sexta|sabado|domingo|"
            r"[월화수목금토일]요일")
_EN_FR_DAY = re.compile(
    r"\b(?:(last|this past|past|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(s)?\b"
    r"(\s+(?:dernier|passe))?")
_PT_DAY = re.compile(
    r"\b(?:(na|no|desde|desde a|desde o|nesta|neste|essa|esse|esta|este|ultima|ultimo|"
    r"na ultima|no ultimo|desde a ultima|desde o ultimo)\s+)?"
    r"(segunda|terca|quarta|quinta|sexta|sabado|domingo)(-feira|\s+feira)?(s)?\b"
    r"(\s+passad[oa])?")
_KO_DAY = re.compile(r"(?<![가-힣])(?:(지난|저번|이번)\s*(주)?\s*)?([월화수목금토일])요일(마다)?")
#: Words before a weekday that make it future or habitual ("next Monday", "tous les").
_NOT_PAST_BEFORE = re.compile(
    r"(?:\b(?:next|every|each|coming|until|till|by|before|black|cyber|good|prochain|chaque|"
    r"tous les|d'ici|"
    r"jusqu'a|avant|proxima|proximo|toda|todo|todas|todos|ate)|"
    r"(?<![가-힣])(?:다음\s*주|다음|담주|매주|매))\s*$")
#: A number after the weekday is its day of the month ("lundi 12"), unless it is a time or
#: a round-the-clock ("dimanche 14h", "sunday 9am", "depuis dimanche 24h/24", "desde segunda
#: 24 horas por dia"): the day stands.
_NOT_PAST_AFTER = re.compile(
    r"^(?:\s+(?:prochain|next|que vem|\d(?!\d?\s*(?:h\b|h\d|h/|:\d|heures?\b|hours?\b|hrs?\b|"
    r"am\b|pm\b|horas?\b|/\s*7\b)))|\s*마다)")
#: A Portuguese past act right before a weekday word makes it a day ("comprei sexta",
#: "travou segunda", "foi quarta"), not an ordinal ("a segunda", "sexta vez").
_PT_PAST = re.compile(r"\b(?:[a-z]{2,}(?:ei|ou|eu|iu)|foi|era)\s+$")
#: Or right after it, the weekday opening its clause ("segunda comprei o pacote", "sexta
#: eu tentei"): not after an article ("a segunda comprou": the second one).
_PT_PAST_AFTER = re.compile(r"^\s+(?:eu\s+)?[a-z]{2,}(?:ei|ou|eu|iu)\b")
_PT_ARTICLE = re.compile(r"\b(?:a|o|as|os|uma|um)\s+$")
#: Nouns after which a Portuguese weekday word is an ordinal ("na segunda vez").
_ORDINAL_NOUN = re.compile(
    r"^\s+(?:vez|vezes|tentativa|tentativas|etapa|parte|opcao|pagina|linha|fase|temporada|"
    r"compra|mensagem|conta|semana|mes|dia|ano|pessoa|classe|via|mao|chance|geracao|edicao|"
    r"serie|colocad[oa]|lugar|partida|rodada|missao)\b")

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|fevrier|mars|avril|"
           r"mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janeiro|fevereiro|marco|"
           r"abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)")
_NAMED_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?{_MONTHS}\b(?:\s+(?:de\s+)?\d{{4}})?|"
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_KO_MD = re.compile(r"(?<!\d)(\d{1,2})월\s*(\d{1,2})일")
_NUMERIC = re.compile(r"(?<![\w/.,:-])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?"
                      r"(?![A-Za-z0-9_/]|[.,:]\d)")
#: A word that introduces a date: a numeric date without its year needs one before it.
_DATE_CUE = re.compile(
    r"\b(?:on|since|from|le|du|depuis le|depuis|em|no dia|dia|desde|desde o dia|date|data|"
    r"the)\s*$")
_KO_PARTICLE = re.compile(r"^(?:에(?!서)|부터|날|쯤|경)")
#: A count of progress, no date: a counter or progress before the number, or a verb of
#: staying and a place word ("the counter is stuck on 7/8", "o contador fica em 7/8", "a
#: missão tá em 2/3", "le compteur reste le 7/8", "카운트가 7/8에서", "진행도가 4/5에 멈춰").
_COUNT_BEFORE = re.compile(
    r"\b(?:counter|count|progress|progression|compteur|contador|progresso|objectives?|"
    r"objectifs?|objetivos?|kills?|stuck|stays?|sits?|remains?|reste|restent|bloquee?s?|"
    r"fica|ficou|parad[oa]|parou|travad[oa]|travou|pres[oa]|esta|ta)\s+"
    r"(?:(?:on|at|em|no|na|le|sur|a)\s+)?$|"
    r"(?:카운트|진행도|진행률|진행|달성도?)[가이은는도]?\s*$")
#: A day of the month alone: "since the 3rd", "depuis le 10", "desde o dia 5", "10일부터".
_DAY_OF_MONTH = re.compile(
    r"\b(?:since|on|from) the (\d{1,2})(?:st|nd|rd|th)\b|"
    r"\bdepuis le (\d{1,2})(?:er)?\b(?!\s*(?:[h:%€$]|\w))|"
    r"(?<!\d et )\b(?:c'etait|c’etait|etait|(?<!\w)c|arrive|passe|depuis|depuis le|le|du) "
    r"(?:le )?(\d{1,2})(?:er)?\b(?=\s*(?:$|[.,;!)]|(?:au|dans la|en) (?:soir|matin|nuit|"
    r"apres-midi|soiree|journee)|vers\b|et\s+(?!(?:le\s+)?\d)))|"
    r"\b(?:desde o|no|do) dia (\d{1,2})\b(?!\s*(?:[h:%$/]|de\s+\w))|"
    r"\b(?:foi|era|aconteceu|desde|em|foi no|foi em|ocorreu) (?:(?:o|no) )?dia (\d{1,2})\b"
    r"(?!\s*(?:[h:%$/]|de\s+\w|dias?\b))|"
    r"(?<!\btodo )(?<!\bcada )(?<!\boutro )(?<!\bum )(?<!\bo )(?<!\bno )(?<!\bdo )\bdia (\d{1,2})\b"
    r"(?=\s*(?:$|[.,;!)]|(?:a|de) (?:noite|tarde|manha)\b|e\s+(?!(?:o\s+)?(?:dia\s+)?\d)))|"
    r"(?<![\d월/])(\d{1,2})일\s*(?:부터|에|날)|"
    # opening a sentence, before its subject or its past verb: "Le 28 j'ai acheté …",
    # "Dia 28 comprei …", "Dia 28, eu tentei …"
    r"(?:^|(?<=[.!?\n])|(?<=[.!?\n] ))le (\d{1,2})(?:er)?,?\s+(?=j'|je\s|on\s|nous\s|il\s|elle\s|"
    r"ils\s|elles\s)|"
    r"(?:^|(?<=[.!?\n])|(?<=[.!?\n] ))(?:no )?dia (\d{1,2}),?\s+(?=eu\s|a gente\s|"
    r"[a-z]{2,}(?:ei|ou|eu|iu)\b)")


#: A named day of the year after a word that dates by it ("on Black Friday", "à Noël",
#: "no Natal", "블프에", "크리스마스 때", "on Thanksgiving night", "à Halloween", "no Dia dos
#: Namorados", "할로윈 때"), folded: its latest occurrence, today included.
#: Without the cue the words name a sale, an event or an item ("the Christmas pack").
_HOLIDAY = re.compile(
    r"\b(?:on|since|over|at|during|depuis|pendant|au|le jour de|le soir de|la nuit de|"
    r"na|no|desde a|desde o|durante a|durante o|dia de|noite de)\s+(?:(?:the|le|la|o)\s+)?"
    r"(?:(?P<black>black friday)|(?P<cyber>cyber monday)|"
    r"(?P<eve>christmas eve|xmas eve|la veille de noel|(?:a\s+)?vespera de natal)|"
    r"(?P<christmas>christmas(?: day)?|xmas|noel|natal)|"
    r"(?P<new_eve>new year'?s eve|la saint-sylvestre|saint-sylvestre|reveillon de ano novo)|"
    r"(?P<new_year>new year'?s(?: day)?|nouvel an|jour de l'an|ano novo)|"
    r"(?P<thanks>thanksgiving(?: day| night| evening| eve)?|(?:dia de )?acao de gracas)|"
    r"(?P<halloween>halloween)|"
    r"(?P<valentine>valentine'?s(?: day)?|la saint-valentin|saint-valentin)|"
    r"(?P<namorados>dia dos namorados))\b|"
    r"(?:\ba\s+(?:(?P<christmas_fr>noel)|(?P<new_year_fr>nouvel an)|"
    r"(?P<halloween_fr>halloween))\b)|"
    r"(?:(?P<black_ko>블랙\s*프라이데이|블프)|(?P<eve_ko>크리스마스\s*이브)|"
    r"(?P<christmas_ko>크리스마스|성탄절)|(?P<halloween_ko>할로윈|핼러윈)|"
    r"(?P<valentine_ko>발렌타인\s*데이|밸런타인\s*데이))\s*(?:에|때|날|부터|당일)")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday(kind: str, year: int) -> date:
    """The day ``kind`` (a `_HOLIDAY` group name) falls on in ``year``."""
    kind = kind.removesuffix("_ko").removesuffix("_fr")
    if kind in ("black", "cyber", "thanks"):  # the 4th Thursday of November, the day
        # after, the Monday after
        thanksgiving = _nth_weekday(year, 11, 3, 4)
        return thanksgiving + timedelta(days={"thanks": 0, "black": 1, "cyber": 4}[kind])
    return {"eve": date(year, 12, 24), "christmas": date(year, 12, 25),
            "new_eve": date(year, 12, 31), "new_year": date(year, 1, 1),
            "halloween": date(year, 10, 31), "valentine": date(year, 2, 14),
            "namorados": date(year, 6, 12)}[kind]


def _holidays(folded: str, text: str, today: date) -> list[tuple[int, int, date, str]]:
    """``(start, end, day, phrase)`` for each named day of the year the text dates by."""
    out: list[tuple[int, int, date, str]] = []
    for m in _HOLIDAY.finditer(folded):
        kind = next(k for k, v in m.groupdict().items() if v)
        day = _holiday(kind, today.year)
        if day > today:
            day = _holiday(kind, today.year - 1)
        start = m.start(kind)
        out.append((start, m.end(kind), day, text[start:m.end(kind)]))
    return out


def _day_first(language: str, timezone: str) -> bool | None:
    """The order of a numeric date: day first (fr, pt; en outside the Americas), month first
    (ko; en in the Americas), None when the requester's zone does not tell (UTC)."""
    if language in ("fr", "pt"):
        return True
    if language == "ko":
        return False
    if timezone.startswith(("America/", "US/", "Canada/", "Pacific/Honolulu")):
        return False
    if timezone.startswith(("Europe/", "Africa/", "Australia/", "Asia/", "Pacific/Auckland",
                            "Atlantic/")):
        return True
    return None


def _back(today: date, weekday: int, *, today_counts: bool) -> date:
    back = (today.weekday() - weekday) % 7
    return today - timedelta(days=back if back or today_counts else 7)


#: A range of weekdays ("Monday to Friday", "de lundi à vendredi", "월요일~금요일"): no date.
_RANGE = re.compile(
    rf"(?:{_ANY_DAY})(?:-feira)?\s*(?:-|–|~|to|through|thru|till|until|a|au|ate|부터)\s*"
    rf"(?:{_ANY_DAY})")


def _weekdays(folded: str, text: str, today: date) -> list[tuple[int, int, date, str]]:
    """``(start, end, day, phrase)`` for each weekday the text names as a past day."""
    out: list[tuple[int, int, date, str]] = []
    for m in _EN_FR_DAY.finditer(folded):
        pre, name, plural, post = m.groups()
        if plural or _NOT_PAST_BEFORE.search(folded[max(0, m.start() - 16):m.start()]) or \
                _NOT_PAST_AFTER.match(folded[m.end():m.end() + 12]):
            continue
        if pre == "this":
            day = _back(today, _WEEKDAYS[name], today_counts=True)
        elif pre or post:
            day = _back(today, _WEEKDAYS[name], today_counts=False)
        elif _WEEKDAYS[name] == today.weekday():
            continue  # "on Thursday", written on a Thursday: today or a week ago
        else:
            day = _back(today, _WEEKDAYS[name], today_counts=False)
        out.append((m.start(), m.end(), day, text[m.start():m.end()]))
    for m in _PT_DAY.finditer(folded):
        pre, name, feira, plural, post = m.groups()
        after = folded[m.end():m.end() + 16]
        if plural or _NOT_PAST_BEFORE.search(folded[max(0, m.start() - 16):m.start()]) or \
                _NOT_PAST_AFTER.match(after):
            continue
        if name not in ("sabado", "domingo") and not feira and not post and \
                (not (pre or _PT_PAST.search(folded, 0, m.start()) or (
                    _PT_PAST_AFTER.match(after) and
                    not _PT_ARTICLE.search(folded, 0, m.start())))
                 or _ORDINAL_NOUN.match(after)):
            continue  # "segunda" alone is also "second", unless a past act dates it
        weekday = _WEEKDAYS[name]
        if weekday == today.weekday() and not (pre or post):
            continue
        same_week = pre in ("nesta", "neste", "essa", "esse", "esta", "este")
        day = _back(today, weekday, today_counts=same_week)
        out.append((m.start(), m.end(), day, text[m.start():m.end()]))
    for m in _KO_DAY.finditer(folded) if "요일" in folded else ():
        pre, week, name, every = m.groups()
        if every or _NOT_PAST_BEFORE.search(folded[max(0, m.start() - 8):m.start()]):
            continue
        weekday = _WEEKDAYS[name]
        if pre in ("지난", "저번") and week:  # 지난주 월요일: the Monday of last week
            day = today - timedelta(days=today.weekday() + 7 - weekday)
        elif pre == "이번":
            day = today - timedelta(days=today.weekday() - weekday)
            if day > today:
                continue
        elif pre:
            day = _back(today, weekday, today_counts=False)
        elif weekday == today.weekday():
            continue
        else:
            day = _back(today, weekday, today_counts=False)
        out.append((m.start(), m.end(), day, text[m.start():m.end()]))
    if not out:
        return out
    ranges = [m.span() for m in _RANGE.finditer(folded)]
    return [w for w in out if not any(s <= w[0] < e for s, e in ranges)]


def _ago(number: str, unit: str, local: datetime) -> date | None:
    n: float | None = int(number.strip()) if number.strip().isdigit() else \
        _NUMBERS.get(number.strip())
    if unit in _KO_SPANS:
        n, unit = _KO_SPANS[unit], "일"
    if n is None:
        n = 1 if not number.strip() else None  # "for the past hour"
    kind = "h" if unit == "h" else _UNITS.get(unit)
    if "couple" in number and kind in ("d", "w"):
        return None  # "a couple of days": two, or three, or a few
    if n is None or kind is None:
        return None
    if kind in ("h", "m"):
        return (local - timedelta(hours=n if kind == "h" else n / 60)).date()
    if n != int(n):
        return None  # "half a day": no date
    return local.date() - timedelta(days=int(n) * (7 if kind == "w" else 1))


def _numeric(m: re.Match[str], folded: str, language: str, timezone: str,
             today: date) -> date | None:
    a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
    cued = bool(_DATE_CUE.search(folded[max(0, m.start() - 14):m.start()]) or
                (language == "ko" and _KO_PARTICLE.match(folded[m.end():])))
    if not year and (sep == "." or not cued
                     or _COUNT_BEFORE.search(folded[max(0, m.start() - 30):m.start()])):
        return None
    orders = {True: (b, a), False: (a, b)}  # (month, day)
    first = _day_first(language, timezone)
    candidates = set()
    for day_first, (month, day) in orders.items():
        if first is not None and day_first != first:
            continue
        y = int(year) + (2000 if year and len(year) == 2 else 0) if year else today.year
        try:
            found = date(y, month, day)
        except ValueError:
            continue
        if not year and found > today:
            found = found.replace(year=y - 1) if (month, day) != (2, 29) else found
        candidates.add(found)
    return candidates.pop() if len(candidates) == 1 else None


def _day_of_month(day: int, today: date) -> date | None:
    """The latest ``day`` of a month, today included; none if that month has no such day."""
    year, month = today.year, today.month
    if day > today.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_named_month(phrase: str, language: str, base: datetime) -> date | None:
    """Month names, by dateparser (loaded on first use: it is slow to import)."""
    import dateparser

    parsed = dateparser.parse(
        phrase, languages=[language] if language in ("en", "fr", "pt", "ko") else None,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                  "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]})
    return parsed.date() if parsed else None


def _day_words() -> tuple[dict[str, tuple[int, str]], frozenset[str]]:
    """Days of the month written in words, folded, to ``(day, suffix)``: English
    ordinals keep theirs ("twenty-third" → 23, "rd"), so that "on the 23rd" still reads as
    one; and the English cardinals among them, which name a day only after its month
    ("November twenty-one"; "one of November's packs" is none)."""
    en = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
    en_th = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
             "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
    fr = ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf")
    pt = ("um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
          "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete", "dezoito",
          "dezenove")
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
    words: dict[str, tuple[int, str]] = {"premier": (1, ""), "primeiro": (1, ""),
                                         "quatorze": (14, ""), "dezasseis": (16, ""),
                                         "dezassete": (17, ""), "dezanove": (19, "")}
    for n, (e, t, f, p) in enumerate(zip(en, en_th, fr, pt, strict=True), start=1):
        words[e], words[t] = (n, ""), (n, suffix.get(n, "th"))
        if n > 1:  # "un novembre pluvieux", "um de novembro": an article; the 1st is premier
            words[f], words[p] = (n, ""), (n, "")
    counts = set(en)
    for tens, e, t, f, p in ((20, "twenty", "twentieth", "vingt", "vinte"),
                             (30, "thirty", "thirtieth", "trente", "trinta")):
        words[e], words[f], words[p], words[t] = ((tens, ""),) * 3 + ((tens, "th"),)
        counts.add(e)
        for n in range(1, 10 if tens == 20 else 2):
            for join in "- ":  # "twenty-one", "twenty one", "vingt-sept", "vingt sept"
                words[f"{e}{join}{en[n - 1]}"] = (tens + n, "")
                counts.add(f"{e}{join}{en[n - 1]}")
                words[f"{e}{join}{en_th[n - 1]}"] = (tens + n, suffix.get(tens + n, "th"))
                words[f"{f}{' et ' if n == 1 else join}{fr[n - 1]}"] = (tens + n, "")
            words[f"{p} e {pt[n - 1]}"] = (tens + n, "")
    return words, frozenset(counts)


_DAY_WORDS, _EN_COUNTS = _day_words()
#: A month before the words ("November twenty-one"): an English count is a day only there.
_AFTER_MONTH = re.compile(rf"{_MONTHS}\s+(?:the\s+)?")
#: What every day in words needs near it: most texts have none, and skip the long pattern.
_DAY_WORDS_CUE = re.compile(rf"\b(?:{_MONTHS}|(?:on|since|from) the|dia)\b")
#: A day of the month in words where a date's digits would stand: before a month ("vingt-sept
#: novembre", "the twenty-third of November", "vinte e cinco de novembro"), after one
#: ("November twenty-third") or after "on/since/from the" and "dia" ("dia vinte e cinco").
_WORD_DAY = re.compile(
    r"(?P<pre>\b(?:on|since|from) the\s+|\bdia\s+|\b" + _MONTHS + r"\s+(?:the\s+)?)?\b"
    r"(?P<n>" + "|".join(re.escape(w) for w in sorted(_DAY_WORDS, key=len, reverse=True)) +
    r")\b"
    r"(?P<post>\s+(?:of\s+|de\s+)?" + _MONTHS + r"\b)?")


def _in_digits(folded: str) -> tuple[str, dict[int, int]]:
    """``folded`` with each day written in words as digits, padded to the same length so
    that every offset still points into the original text; and, for a date ending on the
    digits, where its words end."""
    ends: dict[int, int] = {}
    if not _DAY_WORDS_CUE.search(folded):
        return folded, ends  # most texts: no month, no "on the", no "dia"

    def digits(m: re.Match[str]) -> str:
        word, pre = m.group("n"), m.group("pre") or ""
        if not (pre or m.group("post")) or (word in _EN_COUNTS
                                            and not _AFTER_MONTH.fullmatch(pre)):
            return m.group()
        day, suffix = _DAY_WORDS[word]
        ends[m.start("n") + len(f"{day}{suffix}")] = m.end("n")
        ends[m.start("n") + len(str(day))] = m.end("n")
        return (m.group("pre") or "") + f"{day}{suffix}".ljust(len(word)) + \
            (m.group("post") or "")
    return _WORD_DAY.sub(digits, folded), ends


def _absolute(folded: str, text: str, language: str, local: datetime,
              timezone: str) -> list[tuple[int, int, date, str]]:
    today = local.date()
    out: list[tuple[int, int, date, str]] = []
    folded, ends = _in_digits(folded)
    if not _DIGIT.search(folded):
        return out  # every absolute date has a digit
    for m in _ISO.finditer(folded):
        try:
            out.append((m.start(), m.end(), date(*map(int, m.groups())), m.group()))
        except ValueError:
            continue
    for m in _KO_MD.finditer(folded):
        month, day = int(m.group(1)), int(m.group(2))
        try:
            found = date(today.year, month, day)
            if found > today:
                found = found.replace(year=today.year - 1)
        except ValueError:
            continue
        out.append((m.start(), m.end(), found, text[m.start():m.end()]))
    for m in _NAMED_MONTH.finditer(folded):
        named = _parse_named_month(m.group(), language, local.replace(tzinfo=None,
                                                                       microsecond=0))
        if named is not None:
            out.append((m.start(), m.end(), named, text[m.start():m.end()]))
    for m in _DAY_OF_MONTH.finditer(folded):
        day_of_month = _day_of_month(int(next(g for g in m.groups() if g)), today)
        if day_of_month is not None:
            out.append((m.start(), m.end(), day_of_month, text[m.start():m.end()]))
    for m in _NUMERIC.finditer(folded):
        numeric = _numeric(m, folded, language, timezone, today)
        if numeric is not None:
            out.append((m.start(), m.end(), numeric, text[m.start():m.end()]))
    if ends:  # a date ending on a day written in words ends with its words
        out = [(a, ends.get(b, b), d, text[a:ends.get(b, b)]) for a, b, d, _ in out]
    return out


#: A side act the requester tells beside the problem, dated on its own: the drivers, the
#: system or the graphics card updated or installed, the game reinstalled, repaired or its
#: files verified, playing started ("drivers updatés hier", "I reinstalled the game
#: yesterday", "atualizei os drivers ontem", "어제 그래픽 드라이버 업데이트도 했어요"). Its
#: date is the act's, not the problem's, unless the clause dates the problem from it
#: (`_ONSET`: "since I updated my drivers yesterday", "depuis", "desde", "이후로").
_SIDE_THING = re.compile(
    r"\b(?:drivers?|pilotes?|windows|bios|directx|gpu|nvidia|geforce|radeon|"
    r"carte graphique|placa de video|placa grafica)\b|"
    r"드라이버|윈도우|그래픽\s*카드|그래픽카드|바이오스")
_SIDE_UPDATE = re.compile(
    r"\b(?:updat\w*|upgrad\w*|install\w*|mis a jour|mise a jour|maj|a jour|atualiz\w*|"
    r"instal\w*)\b|업데이트|업뎃|설치|깔았")
_SIDE_ACT = re.compile(
    r"\b(?:re-?install\w*|reinstal\w*|repair(?:ed)?|verified|reinstalle\w*|repare\w*|"
    r"verifie\w*|reparei|verifiquei|started playing|began playing|(?:ai\s+)?commence a jouer|"
    r"comecei a jogar|"
    # contacting someone: the date of the e-mail or the call, not of the problem
    r"(?:i|we|i've|we've)\s+(?:already\s+|also\s+)?(?:contact|email|e-mail|call|phon|messag)ed|"
    r"wrote to|reached out|ecrit a|ecrit au|"
    # "je vous avais déjà écrit mardi", "I already wrote you on Tuesday", "já escrevi"
    r"(?:vous|t')\s*(?:ai|avais|avons|avions)\s+(?:deja\s+)?(?:ecrit|contacte|relance)|"
    r"(?:already|also)\s+wrote|wrote (?:in|you)|ja\s+(?:escrevi|mandei|enviei)|"
    r"ecrit aux|appele|contacte|mandei (?:um )?e-?mail|liguei|contatei|"
    r"entrei em contato|falei com|"
    # an earlier ticket's fate: "my first ticket got closed on Monday", "ma demande a été
    # fermée lundi", "o chamado foi fechado segunda"
    r"(?:ticket|case|request|demande|dossier|chamado|pedido|protocolo)\b[^.!?\n]{0,40}?"
    r"\b(?:closed|opened|answered|submitted|ferme\w*|cloture\w*|ouvert\w*|fechad\w*|"
    r"encerrad\w*|abert\w*|respondid\w*))\b|재설치|다시 설치|무결성 검사|파일 검사|"
    r"문의\S*\s+(?:\S+\s+){0,3}?(?:닫|종료|종결)|"
    r"문의(?:했|드렸|남겼)|전화(?:했|해 ?봤|드렸)|연락(?:했|드렸)")
_ONSET = re.compile(r"\b(?:since|after|ever since|depuis|apres|desde|depois)\b|"
                    r"이후|후로|후부터|부터|그때부터|나서")
#: Where a clause ends: a mark; for a retry's clause also "and"/"but" ("it started Friday
#: and it's still …") and a Korean connective ending ("일요일에 결제됐고 | 오늘 …"), not for
#: a side act's ("à réparer hier et depuis il a disparu": the problem dates from it).
_CLAUSE = re.compile(r"[.!?;,\n]")
_CLAUSE_END = re.compile(r"[.!?;,\n]|\s(?:and|but|et|mais|e|mas)\s|"
                         r"(?<=[\uac00-\ud7a3])(?:고|는데|은데|지만|니까|면서)\s")


#: The thing said to work elsewhere ("my card works everywhere else, I bought groceries with
#: it this morning", "ma carte marche partout ailleurs", "funciona em outros lugares", "다른
#: 데서는 잘 돼요"): a date in that sentence is of the use that worked, not of the problem.
_ELSEWHERE = re.compile(r"\b(?:everywhere else|elsewhere|partout ailleurs|ailleurs|"
                        r"em outros lugares|em outro lugar|em qualquer outro lugar)\b|"
                        r"다른\s*(?:곳|데)\s*(?:에서|서)")


#: A personal occasion in the date's clause ("it's her birthday on the 5th", "notre
#: anniversaire de mariage le 12", "o aniversário dele é dia 5", "생일이 5일이라"): the
#: occasion's date, not the problem's (folded).
_OCCASION = re.compile(r"\b(?:birthday|bday|anniversary|wedding|anniversaire|mariage|"
                       r"aniversario|niver|casamento)\b|생일|결혼")


#: What went well for someone: "finished", "worked", "il a fini", "deu certo", "완료했다"
#: (folded).
_THEIR_SUCCESS = re.compile(
    r"\b(?:finished|completed|worked|works fine|went through|fini|termine|reussi|"
    r"fonctionne|marche|sans souci|terminou|completou|conseguiu|funcionou|deu certo|"
    r"de boa)\b|완료|성공|잘\s*(?:됐|되)")
#: A later clause dated by an earlier date: "the same day", "le même jour", "no mesmo dia",
#: "같은 날" (folded).
_SAME_DAY = re.compile(r"\b(?:(?:that|the) same day|le meme jour|ce jour-la|no mesmo dia|"
                       r"nesse mesmo dia|naquele dia)\b|같은\s*날|그날")


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``text[start:end]`` begins and stops (`_CLAUSE`)."""
    begin = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    stop = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    return begin, stop


def _side_act(folded: str, start: int, end: int) -> bool:
    """True when the date at ``folded[start:end]`` stands in a clause telling a side act
    (`_SIDE_THING` updated or installed, `_SIDE_ACT`) that no `_ONSET` ties the problem to,
    or after words telling the thing works elsewhere (`_ELSEWHERE`)."""
    begin, stop = _clause_around(folded, start, end)
    clause = folded[begin:stop]
    if _ONSET.search(clause):
        return False
    if (_SIDE_THING.search(clause) and _SIDE_UPDATE.search(clause)) or _SIDE_ACT.search(clause):
        return True
    # said before the date, in its clause or the one before it, in its sentence
    sentence = max((m.end() for m in _SENTENCE_STOP.finditer(folded, 0, start)), default=0)
    stops = [m.end() for m in _CLAUSE.finditer(folded, sentence, begin)]
    return _ELSEWHERE.search(folded, stops[-2] if len(stops) > 1 else sentence,
                             start) is not None


#: A retry: the requester's act done again ("tried again today", "j'ai réessayé ce
#: matin", "tentei de novo hoje", "오늘 다시 시도해도"). Its date is the retry's; the
#: problem's is the first try's, when the texts give one (`read_date`).
_RETRY = re.compile(
    r"\b(?:retr(?:y|ied|ying)|(?:tr(?:y|ied|ying)|check(?:ed|ing)?|look(?:ed)?|"
    r"refresh(?:ed)?)\b[^,.;!?]{0,24}\b(?:again|once more)|"
    # the problem still there: "still happening today", "continue aujourd'hui"
    r"still|continu\w*|(?:ate|jusqu'a) (?:hoje|aujourd'hui)|"
    r"(?:verifi|confer|olh|atualiz|recarreg)\w*\s+(?:de novo|novamente|outra vez)|"
    r"reverifi\w*|"
    r"reessay\w*|retent\w*|(?:essaye|essaie|essayer|tente|tenter)\w*\s+(?:a\s+|de\s+)?nouveau|"
    r"(?:encore|de nouveau)\s+(?:essaye|tente|reessaye)|"
    r"(?:tentei|tentar|tentando|testei|testar)\b[^,.;!?]{0,24}\b(?:de novo|novamente|"
    r"outra vez|mais uma vez))\b|"
    r"다시\s*(?:시도|해|했|결제|구매|눌러|눌렀|확인)|재시도|(?:오늘|지금)도|아직도")


#: A wait for the support's answer: "nobody answers", "personne ne répond", "j'attends",
#: "ninguém resolve", "sem resposta", "답이 없어요", "기다리고" (folded).
_WAITED = re.compile(
    r"\b(?:nobody|no one|no answer|no reply|no response|(?:still\s+)?waiting|"
    r"personne|sans reponse|pas de reponse|aucune reponse|j'attends|en attente|"
    r"ninguem|sem resposta|nenhuma resposta|esperando|aguardando)\b|"
    r"(?:답|답변|답장|연락)(?:이|도)?\s*없|기다리")
#: A duration counted to now ("ça fait une semaine", "faz uma semana", "depuis trois
#: jours", "일주일째"): with `_WAITED` in its sentence it dates the wait, not the problem
#: ("já faz uma semana e ninguém resolve"); read like a retry's date (`read_date`).
_DURATION_START = re.compile(r"(?:ca fait|cela fait|voila|depuis|ja faz|faz|fazem|ja ha|ha)\s|"
                             r"\S*째")
_SENTENCE_STOP = re.compile(r"[.!?\n]")


def _waited(folded: str, at: int, phrase: str) -> bool:
    """True when the date phrase at ``folded[at:]`` is a duration counted to now and its
    sentence tells a wait for an answer (`_WAITED`)."""
    if not _DURATION_START.match(fold(phrase)):
        return False
    begin = max((m.end() for m in _SENTENCE_STOP.finditer(folded, 0, at)), default=0)
    stop = next((m.start() for m in _SENTENCE_STOP.finditer(folded, at)), len(folded))
    return _WAITED.search(folded, begin, stop) is not None


def find_dates(text: str, language: str, created: datetime, timezone: str = "UTC"
               ) -> list[tuple[date, float, str]]:
    """Every date the text gives: ``(date, confidence, phrase)``, in text order; ``created``
    is the ticket's creation in the requester's time zone (``timezone``, which also tells
    the order of a numeric date written in English)."""
    return [(d, c, p) for d, c, p, _ in _find_dates(text, language, created, timezone)]


def _find_dates(text: str, language: str, created: datetime, timezone: str = "UTC"
                ) -> list[tuple[date, float, str, bool]]:
    """`find_dates`, each date told whether it stands in a retry's clause (`_RETRY`) or
    counts a wait for an answer (`_waited`)."""
    local = created
    today = local.date()
    folded = fold(text)
    found: list[tuple[int, date, float, str]] = []
    taken: list[tuple[int, int]] = []
    side = bool(_SIDE_ACT.search(folded) or (_SIDE_THING.search(folded)
                                             and _SIDE_UPDATE.search(folded))
                or _ELSEWHERE.search(folded))

    occasion = _OCCASION.search(folded) is not None
    # another person's success dates their doing, not the problem ("같은 길드원 Hoshi는 어제
    # 완료했다는데"), unless the requester writes for that person or dates their own try by
    # it ("… and I tried the same day")
    raw = text if len(text) == len(folded) else folded
    successes = _THEIR_SUCCESS.search(folded) is not None and not (
        on_behalf(folded) or _SAME_DAY.search(folded))

    def theirs(start: int, end: int) -> bool:
        return successes and _THEIR_SUCCESS.search(
            folded, *_clause_around(folded, start, end)) is not None and \
            clause_person(raw, start) is not None

    def add(start: int, end: int, day: date, confidence: float, phrase: str) -> None:
        if day <= today and not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            if not (side and _side_act(folded, start, end)) and not (
                    occasion and _OCCASION.search(folded, *_clause_around(folded, start, end))
            ) and not theirs(start, end):
                found.append((start, day, confidence, phrase))

    for start, end, day, phrase in _absolute(folded, text, language, local, timezone):
        add(start, end, day, EXACT, phrase)
    anchored = any(a in folded for a in _AGO_ANCHORS)
    for m in _AGO.finditer(folded) if anchored else ():
        i = next(i for i in range(1, len(_AGO_PARTS) * 2, 2) if m.group(i) is not None or
                 m.group(i + 1) is not None)
        number, unit = m.group(i) or "", m.group(i + 1) or m.group(i)
        ago = _ago(number, unit, local)
        if ago is not None:
            add(m.start(), m.end(), ago, EXACT, text[m.start():m.end()])
    for pattern, rule in _RELATIVE:
        for m in pattern.finditer(folded):
            if rule == "d0" and local.hour < _EVENING and _TONIGHT.match(folded, m.start()) \
                    and not _told_past(text, m.start(), m.end()):
                continue  # "j'ai un event ce soir", written in the afternoon: still to come
            if rule == "d0" and _DEMAND.search(folded, *_clause_around(folded, m.start(),
                                                                       m.end())):
                continue  # "I want my money back today": a deadline, not the problem's day
            if rule == "d1" and _NIGHT.fullmatch(m.group()) and _SMALL_HOURS.search(
                    folded, max(0, m.start() - 24), m.end() + 24):
                continue  # "around 1am last night": yesterday's night or today's small hours
            if not rule.startswith("d") and (
                    _WHOLE_AFTER.match(folded, m.end())
                    or _WHOLE_BEFORE.search(folded, max(0, m.start() - 12), m.start())):
                continue  # "esperei o fim de semana todo": a wait through it, no event's day
            if rule.startswith("d"):
                day, confidence = today - timedelta(days=int(rule[1:])), EXACT
            elif rule == "weekend":
                day, confidence = _back(today, 5, today_counts=False), PERIOD
            else:
                day, confidence = today - timedelta(days=today.weekday() + 7), PERIOD
            add(m.start(), m.end(), day, confidence, text[m.start():m.end()])
    for start, end, day, phrase in _weekdays(folded, text, today):
        add(start, end, day, EXACT, phrase)
    for start, end, day, phrase in _holidays(folded, text, today):
        add(start, end, day, EXACT, phrase)
    retry = [(m.start(), m.end()) for m in _RETRY.finditer(folded)]
    return [(d, c, p, not _SINCE.search(folded, max(0, at - 16), at) and (
        any(_same_clause(folded, at, r) for r in retry) or _waited(folded, at, p)))
            for at, d, c, p in sorted(found, key=lambda x: x[0])]


#: A night named relative to today, and a time in its small hours near it ("around 1am last
#: night", "hier soir vers minuit", "ontem de madrugada", "어젯밤 새벽 2시"): the night spans
#: two days and the text does not say which one the time fell on (folded).
_NIGHT = re.compile(r"last night|la nuit derniere|noite passada|어젯밤")
_SMALL_HOURS = re.compile(r"\b(?:[1-4]|12)\s*(?:am|a\.m\.|h\b|heures? du matin|da manha)|"
                          r"\b(?:midnight|minuit|meia-noite|madrugada)\b|새벽")
#: The problem's start told right before its date ("since yesterday's patch … STILL sits at
#: 99 %", "depuis lundi", "desde ontem"): the onset, never a retry's date, whatever "still"
#: says of the problem in its clause (folded).
_SINCE = re.compile(r"\b(?:since|depuis|desde)\s+(?:(?:the|le|la|o|a)\s+)?$")


def _same_clause(folded: str, at: int, span: tuple[int, int]) -> bool:
    """True when ``at`` and ``span`` stand in one clause (no `_CLAUSE_END` between: "it
    started Friday and | it's still …", "어제 저녁이었고 | 오늘 다시 시도해도")."""
    lo, hi = min(at, span[0]), max(at, span[1])
    return _CLAUSE_END.search(folded, lo, hi) is None


def read_date(key: str, texts: Sequence[tuple[str, str]], locale: str, created: datetime,
              timezone: str) -> Evidence | None:
    """The one date the requester's texts give; none when they give different dates."""
    try:
        local = created.astimezone(ZoneInfo(timezone))
    except (KeyError, ValueError):
        local = created
    language = locale.split("-", 1)[0].lower()
    dates: dict[date, tuple[float, str, str]] = {}
    retried: dict[date, tuple[float, str, str]] = {}
    for source, text in texts:
        for day, confidence, phrase, retry in _find_dates(text[:4000], language, local,
                                                          timezone):
            into = retried if retry else dates
            if day not in into or confidence > into[day][0]:
                into[day] = (confidence, phrase, source)
    if not dates:  # a retry's date alone: the only date the texts give
        dates = retried
    if len(dates) != 1:
        return None
    day, (confidence, phrase, source) = next(iter(dates.items()))
    return Evidence(key=key, value=day.isoformat(), span=clip(phrase), method="date",
                    locale=locale, confidence=confidence, source=source)
