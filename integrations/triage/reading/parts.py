"""Two problems in one message: "two unrelated things sorry. 1) my payout looks short …
2) separately, the deep links … keep redirecting", "Deux choses. D'abord … Ensuite …",
"duas coisas: primeiro … segundo …", "두 가지 문의드려요. 첫째 … 둘째 …".

When the requester announces separate problems and marks where the second starts, each
part is read on its own (`parts`); a dropdown whose parts name different options is not
stated (the question offers both), as a careful agent would ask which one the ticket is
about. Parts that agree, or a part that names nothing, change nothing.

A later reply may also change the story: "update: login works now (clearing the cache did
it). But now the payments page shows nothing for November": the first problem is solved and
the ticket is about the new one (`latest_story`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.triage.reading.normalise import fold

__all__ = ["in_tried_list", "latest_story", "parts", "split_texts"]

#: The requester announcing more than one problem (folded).
_ANNOUNCED = re.compile(
    # the noun's plural optional: "two problem please help", as a learner writes it
    r"\b(?:two|2|couple\s+of|a\s+few|several)\s+(?:\w+\s+)?(?:things?|issues?|problems?|"
    r"questions?|requests?|bugs?)\b|"
    r"\bdeux\s+(?:\w+\s+)?(?:trucs?|choses?|problemes?|questions?|soucis|demandes?|"
    r"affaires?|sujets?|points?|bugs?)\b|"
    r"\b(?:duas|2)\s+(?:\w+\s+)?(?:coisas?|duvidas?|questoes|questao|perguntas?)\b|"
    r"\b(?:dois|2)\s+(?:\w+\s+)?(?:problemas?|assuntos?|pedidos?)\b|"
    r"두\s*가지|2\s*가지|두\s*개(?:의)?\s*(?:문제|문의|질문|여쭤|물어|궁금)|"
    # the first of them named as one: "First problem: …", "Premier problème :", "Primeiro
    # problema:", "첫 번째 문제는"
    r"(?:\bfirst\s+(?:problem|issue|thing|question)|\bpremier\s+(?:probleme|souci|point)|"
    r"\bpremiere\s+(?:chose|question)|\bprimeiro\s+(?:problema|assunto)|"
    r"\bprimeira\s+(?:coisa|duvida|questao))\s*(?:[:-]|is\b|c'est\b|e\b)|"
    r"첫\s*번째\s*(?:문제|문의|질문)|"
    # both named at the end: "fix both", "réglez les deux", "arruma os dois", "둘 다 고쳐"
    r"\b(?:fix|check|solve|sort)\s+(?:them\s+)?both\b|\b(?:reglez|reparez|corrigez|"
    r"regardez)\s+les\s+deux\b|\b(?:arruma|arrumem|resolve|resolvam|vejam)\s+(?:os|as)\s+"
    r"(?:dois|duas)\b|둘\s*다\s*(?:고쳐|해결|봐)")
#: Where the second problem starts: an ordinal, "2)" or "Two:" opening a sentence or a line
#: (folded); "1)" … "2)" marks parts without an announcement.
_SECOND = re.compile(
    r"(?:^|[.!?:;\n]\s*|\s)(?:2\s*[).-]|(?:two|deux|dois|duas)\s*[:)]|second(?:ly)?\b|and\s+second\b|deuxiemement\b|"
    r"ensuite\b|deuxieme\s+(?:probleme|souci|point|chose|question)\b|segundo\b|"
    r"segunda\s+(?:coisa|duvida|questao)\b|em\s+segundo\s+lugar\b|둘째|두\s*번째|또\s*하나는?)")
_FIRST_NUMBERED = re.compile(r"(?:^|[.!?:;\n]\s*|\s)1\s*[).-]\s")
#: Where the second of two announced problems starts without an ordinal: "and also …",
#: "et aussi …", "e também …", "on top of that …" (folded), after the first clause.
_ALSO = re.compile(r"(?:[,.;!?\n]\s*|\s)(?:and\s+also|et\s+aussi|e\s+tambem|"
                   r"(?:and\s+)?on\s+top\s+of\s+that|et\s+en\s+plus|(?:e\s+)?alem\s+disso)\b")


#: A list item's start: "1.", "2)", "-", "*", "•".
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-*•·])[ \t]")
#: A list's header telling what follows was already tried: "Things I already tried:", "Ce
#: que j'ai déjà fait :", "O que já tentei:", "해본 것들:" (folded).
_TRIED_HEADER = re.compile(
    r"\b(?:tried|did|done|checked|attempted|fait|essaye\w*|tente\w*|verifie\w*|tentei|fiz|"
    r"testei|tentativas|ja)\b|해\s*(?:봤|본|보았)|시도|확인한")


def in_tried_list(text: str, at: int) -> bool:
    """True when ``text[at]`` stands in an item of a list headed as what the requester
    already tried ("Ce que j'ai déjà fait :\n1. … 6. essayé avec le partage de connexion"):
    each item is a remedy, not the problem."""
    line = text.rfind("\n", 0, at) + 1
    if not _LIST_ITEM.match(text, line):
        return False
    while line > 0:  # back over the list's items to the line before them
        previous = text.rfind("\n", 0, line - 1) + 1
        if not _LIST_ITEM.match(text, previous):
            header = text[previous:line].strip()
            return header.endswith((":", "：")) and _TRIED_HEADER.search(fold(header)) is not None
        line = previous
    return False


def parts(text: str, announced: bool = False) -> tuple[str, str] | None:
    """``text`` cut where its second announced problem starts, or None when it announces
    none (or marks no second part); ``announced``: another text of the ticket (its
    subject: "two things") announced them."""
    folded = fold(text)
    if len(folded) != len(text):
        return None  # offsets would not match: never cut
    numbered = _FIRST_NUMBERED.search(folded)
    if numbered is not None and in_tried_list(text, numbered.end()):
        numbered = None  # "Ce que j'ai déjà fait :\n1. …": remedies, not problems
    if numbered is None and not announced and not _ANNOUNCED.search(folded):
        return None
    start = numbered.end() if numbered is not None else 0
    second = _SECOND.search(folded, start) or (
        _ALSO.search(folded) if numbered is None else None)
    if second is None:
        return None
    cut = second.start() + (len(second.group()) - len(second.group().lstrip(".,!?:;\n \t")))
    first, rest = text[:cut].strip(), text[cut:].strip()
    return (first, rest) if first and rest else None


def split_texts(texts: Sequence[tuple[str, str]]
                ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
    """The requester's texts as two readings, the first text that announces two problems
    (or follows a subject that does) cut in two (the others are left out of both), or
    None."""
    announced = any(_ANNOUNCED.search(fold(text)) for source, text in texts
                    if source == "subject")
    for source, text in texts:
        cut = parts(text, announced and source != "subject")
        if cut is not None:
            return [(source, cut[0])], [(source, cut[1])]
    return None


#: The first problem solved, then the turn to a new one, in a reply (folded): "works now …
#: but now", "ça marche maintenant … mais là", "agora funciona … mas agora", "이제 됩니다 …
#: 근데 이번엔". What follows the turn is the ticket's problem now.
_STORY_TURN = re.compile(
    r"(?:\b(?:works?|working|fixed|solved|resolved|sorted|fine|ok)\s+now\b|"
    r"\b(?:marche|fonctionne|c'est regle|c'est bon|c'est resolu)\s+(?:maintenant|mtn)\b|"
    r"\b(?:agora\s+(?:funciona|foi|deu certo|ta ok|esta ok)|(?:funciona|deu certo|resolveu)\s+"
    r"agora)\b|이제\s*(?:됩니다|돼요|되네요|잘\s*돼요|되요)|해결(?:됐|되었|했))"
    r"[^\n]{0,120}?(?:\bbut\s+now\b|\bnow\s+(?:the|my|it)\b|"
    r"\bmais\s+(?:maintenant|la|par contre)\b|\bmas\s+agora\b|"
    r"(?:근데|그런데|하지만)\s*(?:이번엔|이제는|지금은))")


def latest_story(texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """What the ticket is about now, when the newest reply says the first problem is solved
    and turns to another (`_STORY_TURN`): that reply from the turn on; None when no reply
    does (``texts`` newest first, as `evaluate` holds them)."""
    if not texts or not texts[0][0].startswith("comment"):
        return None
    source, text = texts[0]
    folded = fold(text)
    if len(folded) != len(text):
        return None  # (folding must keep the offsets)
    turn = _STORY_TURN.search(folded)
    return [(source, text[turn.end():])] if turn is not None else None
