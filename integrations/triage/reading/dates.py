"""Dates written in natural language ("since the update on Tuesday", "avant-hier soir",
"지난 주말부터", "semana passada", "about an hour ago", "le 3 mars").

Date phrases are found with a short per-language list of expressions; relative ones
(yesterday, N days ago, last Friday, last weekend) are resolved here by calendar
arithmetic, the rest (month names, numeric dates) by ``dateparser``, always against the
ticket's creation time in the requester's time zone when known (``Ticket.time_zone``: a
Zendesk user's ``iana_time_zone``; Freshdesk's Rails names are not IANA and are left out),
else the workspace's (``settings.reading.timezone``, UTC by default). A date in the future
of the ticket is never a candidate. Periods ("last week", "last weekend") give their first
day with a lower confidence, so the workspace threshold decides whether they are written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.normalise import fold

__all__ = ["find_dates", "read_date"]

EXACT = 0.9
PERIOD = 0.7

_N = r"(?:\d{1,2}|an?|one|two|three|four|five|un|une|deux|trois|quatre|cinq|um|uma|dois|duas|" \
     r"tres|quatro|cinco|한|두|세|네|다섯)"
_WORDS = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "um": 1, "uma": 1, "한": 1,
          "two": 2, "deux": 2, "dois": 2, "duas": 2, "두": 2, "three": 3, "trois": 3, "tres": 3,
          "세": 3, "four": 4, "quatre": 4, "quatro": 4, "네": 4, "five": 5, "cinq": 5,
          "cinco": 5, "다섯": 5}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4,
    "samedi": 5, "dimanche": 6, "segunda": 0, "terca": 1, "quarta": 2, "quinta": 3,
    "sexta": 4, "sabado": 5, "domingo": 6, "월": 0, "화": 1, "수": 2, "목": 3, "금": 4,
    "토": 5, "일": 6,
}
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|fevrier|mars|avril|"
           r"mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janeiro|fevereiro|marco|"
           r"abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)")
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|" \
      r"jeudi|vendredi|samedi|dimanche|segunda|terca|quarta|quinta|sexta|sabado|domingo)"
_UNIT = r"(?:hours?|heures?|horas?|시간|days?|jours?|dias?|일|weeks?|semaines?|semanas?|주)"

#: Relative expressions, on accent-folded lower-case text: (pattern, days back or a rule).
_RELATIVE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), rule) for p, rule in (
        (r"\b(?:avant-hier|avant hier|anteontem|the day before yesterday)\b|그저께|그제|엊그제|"
         r"이틀\s*전", "d2"),
        (r"사흘\s*전", "d3"),
        (r"\b(?:yesterday(?:'?s)?|last night|hier|ontem)\b|어제|어젯밤", "d1"),
        (r"\b(?:today|this morning|this afternoon|this evening|tonight|aujourd'hui|ce matin|"
         r"cet apres-midi|ce soir|hoje|esta manha|hoje de manha|just now|a moment ago|"
         r"a l'instant|tout a l'heure|agora ha pouco|agora mesmo|ainda agora)\b|오늘|방금|아까",
         "d0"),
        (rf"(?:\b(?:about|around|environ|cerca de|ha|il y a)\s+)?\b{_N}\s*{_UNIT}\s*"
         rf"(?:ago|atras|전)|\b(?:il y a|ha|faz)\s+(?:environ\s+|uns\s+|umas\s+)?{_N}\s+{_UNIT}",
         "ago"),
        (rf"\b(?:last|this past|on|since)\s+{_WD}\b|\b{_WD}\s+(?:dernier|passad[oa])\b|"
         rf"\b(?:depuis|desde)\s+(?:(?:le|a|o|ultima|ultimo)\s+){{0,2}}{_WD}\b|"
         r"\b(?:na|no)\s+(?:ultima\s+)?(?:segunda|terca|quarta|quinta|sexta)-feira\b|"
         r"\bno\s+(?:ultimo\s+)?(?:sabado|domingo)\b|"
         r"지난\s*[월화수목금토일]요일|(?<![가-힣])[월화수목금토일]요일(?:에|부터|날)", "weekday"),
        (r"\b(?:last weekend|over the weekend|since the weekend|le week-end dernier|ce week-end|"
         r"le weekend dernier|depuis le week-end|fim de semana passado|no fim de semana|"
         r"desde o fim de semana)\b|지난\s*주말|주말에|주말부터", "weekend"),
        (r"\b(?:last week|la semaine derniere|semana passada)\b|지난\s*주", "week"),
    ))
_ABSOLUTE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?{_MONTHS}\b"
    rf"(?:\s+\d{{4}})?|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|"
    r"\d{1,2}월\s*\d{1,2}일|\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def _resolve(rule: str, phrase: str, today: date) -> tuple[date, float] | None:
    if rule.startswith("d"):
        return today - timedelta(days=int(rule[1:])), EXACT
    if rule == "ago":
        m = re.search(rf"(\d{{1,2}}|{_N})\s*({_UNIT})", phrase)
        if not m:
            return None
        n = int(m.group(1)) if m.group(1).isdigit() else _WORDS.get(m.group(1), 1)
        unit = m.group(2)
        if unit.startswith(("h", "시")):
            return None  # hours: resolved with the time of day by the caller
        days = n * 7 if unit.startswith(("w", "s", "주")) else n
        return today - timedelta(days=days), EXACT
    if rule == "weekday":
        found = next((d for name, d in _WEEKDAYS.items()
                      if (name in phrase if name.isascii() else f"{name}요일" in phrase)), None)
        if found is None:
            return None
        back = (today.weekday() - found) % 7 or 7
        return today - timedelta(days=back), EXACT
    if rule == "weekend":
        back = (today.weekday() - 5) % 7 or 7
        return today - timedelta(days=back), PERIOD
    if rule == "week":
        return today - timedelta(days=today.weekday() + 7), PERIOD
    return None


@lru_cache(maxsize=4096)
def _parse_absolute(phrase: str, language: str, base: datetime) -> date | None:
    """Month names and numeric dates, by dateparser (loaded on first use: it is slow to import)."""
    m = re.fullmatch(r"(\d{1,2})월\s*(\d{1,2})일", phrase)
    if m:
        phrase = f"{base.year}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    import dateparser

    parsed = dateparser.parse(
        phrase, languages=[language] if language in ("en", "fr", "pt", "ko") else None,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                  "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]})
    return parsed.date() if parsed else None


def find_dates(text: str, language: str, created: datetime) -> list[tuple[date, float, str]]:
    """Every date the text gives: ``(date, confidence, phrase)``, in text order."""
    local = created
    folded = fold(text)
    found: list[tuple[int, date, float, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _ABSOLUTE.finditer(folded):
        day = _parse_absolute(m.group(), language, local.replace(tzinfo=None, microsecond=0))
        if day is not None and day <= local.date():
            found.append((m.start(), day, EXACT, text[m.start():m.end()]))
            taken.append(m.span())
    for pattern, rule in _RELATIVE:
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e for s, e in taken):
                continue
            phrase = m.group()
            resolved = _resolve(rule, phrase, local.date())
            if resolved is None and rule == "ago":
                hours = re.search(rf"(\d{{1,2}}|{_N})\s*(?:hours?|heures?|horas?|시간)", phrase)
                if hours:
                    g = hours.group(1)
                    n = int(g) if g.isdigit() else _WORDS.get(g, 1)
                    resolved = (local - timedelta(hours=n)).date(), EXACT
            if resolved is not None:
                found.append((m.start(), resolved[0], resolved[1], text[m.start():m.end()]))
                taken.append(m.span())
    return [(d, c, p) for _, d, c, p in sorted(found, key=lambda x: x[0])]


def read_date(key: str, texts: Sequence[tuple[str, str]], locale: str, created: datetime,
              timezone: str) -> Evidence | None:
    """The one date the requester's texts give; none when they give different dates."""
    try:
        local = created.astimezone(ZoneInfo(timezone))
    except (KeyError, ValueError):
        local = created
    language = locale.split("-", 1)[0].lower()
    dates: dict[date, tuple[float, str, str]] = {}
    for source, text in texts:
        for day, confidence, phrase in find_dates(text[:4000], language, local):
            if day not in dates or confidence > dates[day][0]:
                dates[day] = (confidence, phrase, source)
    if len(dates) != 1:
        return None
    day, (confidence, phrase, source) = next(iter(dates.items()))
    return Evidence(key=key, value=day.isoformat(), span=clip(phrase), method="date",
                    locale=locale, confidence=confidence, source=source)
