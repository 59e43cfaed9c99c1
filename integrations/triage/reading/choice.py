"""Which of several values of one field a text names is the problem's: "tried Firefox,
works fine; tried Edge, also fine; so it's only Chrome that's broken", "회사 PC는 엣지 …
다른 데선 다 되는데 이건 집 맥북 사파리에서만 그래요".

A requester who lists the browsers, systems or devices they tried names the one with the
problem among others. One thing said twice, or more fully ("windows … windows 10", "linux
(ubuntu)"), is one value. Each value owns the words from it to the next value or its
sentence's end, a few words at most: a value whose words say it works, with no negation nor
"until", is set aside (`works`), and when every value is, none is the problem's ("No PC abre
normal no Firefox"); of those left, one the requester singles out ("only", "seulement", "só",
"…만") is the one (`singled_out`). When neither settles it, `choose` gives none, and the field
is asked, never guessed (a wrong value costs more than a question); for a dropdown the caller
may take the first, which the option reader then weighs against the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.triage.reading.context import SENTENCE_END
from integrations.triage.reading.normalise import fold

__all__ = ["choose", "table_row_chosen"]

#: It works, in the value's own words: "works fine", "also fine", "marche", "funciona",
#: "deu certo", "잘 돼요", "되는데" (folded).
_WORKS = re.compile(
    r"\b(?:works|worked|working|(?:is|was|all|also|its|it's|seems?)\s+(?:fine|ok|okay|good)|"
    r"no (?:problems?|issues?)|marche|marchait|fonctionne|fonctionnait|(?:tout|aussi)\s+bien|"
    r"nickel|funciona\w*|deu certo|(?:vai|abre|carrega|roda) (?:bem|normal\w*|certinho)|de boa|"
    r"(?:tudo|tambem) (?:certo|ok)|(?:loads?|opens?|runs?) (?:fine|ok|normally)|"
    r"s'ouvre (?:bien|normalement))\b|"
    # Korean: "잘 돼요", "크롬은 되는데", "다 돼요" (not a verb's own ending: "반복돼요")
    r"잘\s*(?:돼|되|됩)|(?:[은는]|다|선|서는)\s+(?:돼요|되는데|됩니다|되고|돼서|되요)|"
    r"정상|문제\s*없|괜찮")
#: A negation in those words, or a time it worked until: then they do not say it works
#: ("doesn't work", "ne marche pas", "não funciona", "안 돼요", "정상이 아니고", "it was fine
#: until yesterday") (folded).
_NOT = re.compile(r"\b(?:not|n't|never|no longer|pas|plus|jamais|nao|nunca|nem|until|"
                  r"jusqu'a|ate)\b|n'|안\s*[돼되]|못|않|아니|전까지")
#: Singled out, before the value: "only", "just", "seulement", "uniquement", "somente",
#: "apenas", a few words at most between; "que sur", "só no" (folded "so no": the
#: preposition tells it from English "so").
_ONLY_BEFORE = re.compile(r"(?:\b(?:only|just|seulement|uniquement|somente|apenas|exclusivement|"
                          r"exclusivamente)\s+(?:\S+\s+){0,2}|"
                          r"\b(?:que|so)\s+(?:sur|dans|avec|no|na|com|em)\s+(?:\S+\s+)?)$")
#: Singled out, after it: "Chrome only", "크롬에서만", "맥북만".
_ONLY_AFTER = re.compile(r"(?:\s+only\b|\s+seulement\b|\s+apenas\b|[가-힣]{0,3}만(?![가-힣]))")


#: How far a value's own words reach (a text with no stops runs on: "… its windows 11 and
#: my graphics is … my cousin plays on his laptop and his is fine").
_REACH_BEFORE, _REACH_AFTER = 30, 48


def _own_words(folded: str, spans: Sequence[tuple[int, int]], i: int) -> str:
    """The words of the ``i``-th value: from its end to the next value or its sentence's
    end, and back to its clause's start, a few words each way at most."""
    start, end = spans[i]
    later = [s for s, _ in spans if s >= end]
    stop = min([*later, len(folded), end + _REACH_AFTER])
    sentence = SENTENCE_END.search(folded, end, stop)
    stop = sentence.start() if sentence else stop
    begin = max([e for _, e in spans if e <= start] + [
        m.end() for m in re.finditer(r"[.!?\n,;]", folded[:start])] + [
        0, start - _REACH_BEFORE])
    return folded[begin:start] + " " + folded[end:stop]


def works(folded: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """True when the ``i``-th value's own words say it works (and negate nothing)."""
    words = _own_words(folded, spans, i)
    return _WORKS.search(words) is not None and _NOT.search(words) is None


def singled_out(folded: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """True when the requester singles the ``i``-th value out ("only Chrome", "사파리에서만")."""
    start, end = spans[i]
    before = folded[max(0, start - 30):start]
    return bool(_ONLY_BEFORE.search(before) or _ONLY_AFTER.match(folded, end))


def _same(a: str, b: str) -> bool:
    """True when one value is the other, or the other said more fully ("windows",
    "windows 10")."""
    short, long = sorted((fold(a).strip(), fold(b).strip()), key=len)
    return long.startswith(short) and (len(long) == len(short) or not long[len(short)].isalnum())


_JOINED = re.compile(r"[\s(\[/,-]{0,3}")


def _mentions(text: str, spans: Sequence[tuple[int, int]], values: Sequence[str]
              ) -> list[list[int]]:
    """The values grouped by the thing they name: the same value again, or said more
    fully ("windows … windows 10"), or next to each other ("linux (ubuntu)")."""
    groups: list[list[int]] = []
    for i, value in enumerate(values):
        for group in groups:
            last = group[-1]
            if any(_same(value, values[j]) for j in group) or \
                    _JOINED.fullmatch(text, spans[last][1], spans[i][0]):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def choose(text: str, spans: Sequence[tuple[int, int]], values: Sequence[str],
           undecided: bool = False) -> int | None:
    """The index of the value the problem is about, of ``values`` found at ``spans`` in
    ``text`` (in text order); of one thing named more than once, its fullest value. None
    when every value is said to work ("No PC abre normal no Firefox"), or when several
    things are named and nothing tells which (with ``undecided``, the first of them)."""
    groups = _mentions(text, spans, values)
    if not groups:
        return None

    def fullest(group: list[int]) -> int:
        best = group[0]
        for i in group[1:]:
            if _same(values[i], values[best]) and len(values[i].strip()) > len(values[best]):
                best = i
        return best

    folded = fold(text)
    if len(folded) != len(text):  # folding changed the offsets: read the text as it is
        folded = text.casefold()
    left = [g for g in groups if not all(works(folded, spans, i) for i in g)]
    if len(left) <= 1:
        return fullest(left[0]) if left else None
    only = [g for g in left if any(singled_out(folded, spans, i) for i in g)]
    if len(only) == 1:
        return fullest(only[0])
    return fullest(left[0]) if undecided else None


#: A row of a pasted table: cells between pipes or tabs.
_ROW = re.compile(r"(?m)^[^\n]*(?:\|[^\n]*\||\t[^\n]*\t)[^\n]*$")
_CELL = re.compile(r"[|\t]")


def table_row_chosen(texts: Sequence[tuple[str, str]], values: Sequence[str]) -> str | None:
    """Of ``values`` each in its own row of a pasted table, the one whose row the text
    outside the table does not say works, when every other row's name is said to work
    (rows "| 여행블로그 | 55012398 | … |" and "| 요리블로그 | 55012411 | … |", then
    "여행블로그는 정상이고, 요리블로그 쪽이 …": 55012411); else none. A row is named by its
    first cell with letters."""
    for _, text in texts:
        rows = {v: r for v in values for r in _ROW.finditer(text) if v in r.group()}
        if len(rows) != len(values) or len({r.start() for r in rows.values()}) != len(values):
            continue
        outside = fold(_ROW.sub(" ", text))
        fine = []
        for value, row in rows.items():
            cells = [c.strip() for c in _CELL.split(row.group()) if c.strip()]
            name = next((c for c in cells if c != value and re.search(r"[^\W\d_]", c)), None)
            if name is None:
                return None
            said = [m.end() for m in re.finditer(re.escape(fold(name)), outside)]
            if any(_WORKS.search(outside[at:at + 24]) and not _NOT.search(outside[at:at + 24])
                   for at in said):
                fine.append(value)
        left = [v for v in values if v not in fine]
        return left[0] if len(left) == 1 and fine else None
    return None
