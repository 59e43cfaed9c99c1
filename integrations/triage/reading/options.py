"""Option matching: a dropdown's value from the words of a ticket.

Each option is found by its titles in every locale and its ``x-deskops.keywords``
(`vocabulary.option_phrases`) with one `Matcher` per language. Negated hits do not count,
and an option the requester denies ("결제 문제는 아니고") is not read from another mention.
An option's confidence is its best hit's (title 0.9, keyword 0.85, 0.1 less through a
typo), plus `CORROBORATION` for each further passage naming it, in the same text or
another (the subject, a reply): a typo'd word alone (0.75) is not written, corroborated
it is. A hit inside a longer hit of another option gives way ("compte bancaire" is about
payments, not the account), unless it fills that hit's gap ("my favourite model" is not
"my models": `explained`).

One option found: a candidate. Two or more: the one with the stronger evidence wins when
it is clearly stronger (`strength`: the distinct words its passages cover, context
counting half in all: "an error on the Links tab when I create a link" is about the
error, not the links; at least `MARGIN` times the runner-up's) and the requester neither
hesitates between them nor joins them ("a crash or just lag?", "my links …, and my
payment …"); otherwise no value, and the two likeliest become the choices the question
offers (a wrong value costs more than a question). What counts as context is
`context`'s (a place, a step, the topic, another person, the source of another option's
thing …), plus a word inside another field's name ("사이트 아이디", the site ID), a stop
said where another option's thing stalls ("업데이트가 99%에서 멈춤": `stalled`) and, in a
subject naming two options, a word the body names only as context. On a person field,
who the requester is and who they tell about is `people`'s ("a model I follow").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from integrations.model import Field
from integrations.triage.reading.context import (
    ACTION,
    ADDRESS,
    AT_GAP,
    AT_KO,
    AT_TECHNICAL,
    ENVIRONMENT,
    HESITATION,
    REPORTED,
    SENTENCE_END,
    SOURCE_GAP,
    TRIED_CUE,
    a_means,
    before_the_doubt,
    between_alternatives,
    context,
    done,
    in_address,
    in_doubt,
    negated_quotes,
    offered,
    shown_messages,
    tried,
    whose_side,
)
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.matcher import (
    COMMON,
    FUNCTION_WRITTEN,
    Hit,
    PerLanguage,
    Phrase,
    is_negated,
)
from integrations.triage.reading.normalise import Token, fold, key, tokens
from integrations.triage.reading.people import (
    ALSO_BEFORE,
    LANGUAGES,
    NAME_WORD,
    a_things,
    denies_kind,
    ko_theirs,
    left_behind,
    person_words,
    said_of_them,
    says_self,
    self_named,
    someone_else,
    their_phrases,
    theirs,
    undecided,
    verb_after_gap,
    written_for,
)
from integrations.triage.reading.vocabulary import (
    KEYWORD_WEIGHT,
    is_person,
    option_phrases,
    quoted_option,
)

__all__ = ["OptionReader"]

#: What the requester cannot do, right before an option's words met only loosely (`loose`):
#: "nao consigo entrar mais na conta" is the symptom every reason has, not "entraram na
#: minha conta" (someone got in): context, like a place. Words meeting their phrase as
#: written ("je n'arrive plus à me connecter": "me connecter") still name the problem.
_UNABLE_BEFORE = re.compile(
    r"\b(?:can'?t|cannot|unable to|couldn'?t|nao consigo|nao conseguimos|nao consegui|"
    r"n'arrive (?:pas|plus) a|n'arrivons (?:pas|plus) a|arrive (?:pas|plus) a|impossible de|"
    r"(?:je )?(?:ne )?peux (?:pas|plus))\s+(?:(?:me|m'|se|s'|mais|more|anymore|get|plus)\s*)?$")
#: What the requester wanted or tried to do, right before an option's words met only
#: loosely (`loose`): "queria comprar o pacote mas …" for "comprei mas" (bought but), "I
#: wanted to buy it but" for "bought it but": an intention, not the act the option names
#: (not "quero trocar o email", "I want to change": the request itself). A need is an
#: intention too: "preciso entrar na minha conta" is no "entraram na minha conta" (they got
#: in), "I need to log in" no "logged in from".
_WANTED_BEFORE = re.compile(
    r"\b(?:(?:wanted|tried|trying|was going|meant|voulais|voulu|voulait|"
    r"essaye|essaie|essayais|queria|quis|tentei|tentando|tentava|ia)\s+(?:to\s+|de\s+|d')?|"
    # a need: "need to", "have to" (never the perfect's "have"), "besoin de", "preciso"
    r"(?:(?:need|needs|needed|have|has|had)\s+(?:(?:urgently|really|absolutely)\s+)?to|"
    r"dois|devais|doit|besoin\s+(?:de|d')|preciso|precisava|precisamos|tenho\s+que|tenho\s+de|"
    r"temos\s+que)\s*(?:(?:urgently|really|vraiment|absolument|urgente|urgentemente|muito)\s+)?"
    r"(?:de\s+|d'|e\s+)?)$")


#: Portuguese "baixar" said of a setting: "baixei os gráficos pro mínimo", "baixar a
#: qualidade" (lowered), not a download (folded, right after the verb).
_LOWERED_AFTER = re.compile(r"\s+(?:(?:o|a|os|as|tudo|todos os|todas as|um pouco|mais|ainda)"
                            r"\s+)*(?:grafico|qualidade|resoluc|configurac|config|detalhe|"
                            r"sombra|textura|brilho|volume|fps|taxa de quadros|settings|"
                            r"preset|efeito|particula)")


#: French "virer" said of a person put out of something: "ils m'ont viré du programme",
#: "viré de la plateforme", "on nous a virés" (folded; ``after`` starts right after the
#: word, ``before`` ends right before it), not money wired ("viré sur mon compte").
_OUSTED_AFTER = re.compile(r"^e?s?\s+(?:du|des|de\s+(?:la|l'|leur|leurs|son|sa|ses|ce|cette)?|"
                           r"d')\s*(?:programme|plateforme|reseau|partenariat|affiliation|"
                           r"liste|campagne|boutique|marque|annonceur|groupe)")
_OUSTED_BEFORE = re.compile(r"\b(?:m'|t'|l'|nous|vous|les|me|te)\s*(?:ont|a|avez|as|avaient|"
                            r"avait|ai|auraient|aurait)\s+(?:deja\s+|carrement\s+|juste\s+)?$|"
                            r"\b(?:me|m')\s*(?:faire|fait|suis fait|suis faite)\s+$")


#: A card named by its kind around a word: "debit card", "credit cards", "carte de débit",
#: "carte bancaire de crédit", "cartão de débito", "cartões de crédito", or after its
#: network: "a visa debit", "Mastercard crédito" (folded; ``before`` ends right before the
#: word, ``after`` starts right after it).
_CARD_AFTER = re.compile(r"^[\s-]+cards?\b")
_CARD_BEFORE = re.compile(r"\b(?:cartes?|carte bancaire|cartao|cartoes)\s+(?:de\s+)?$|"
                          r"\b(?:visa|mastercard|master card|maestro|amex|elo|hipercard)"
                          r"[\s-]+(?:de\s+)?$")


def other_sense(text: str, hit: Hit, language: str) -> bool:
    """True when the one word of ``hit`` is meant in a sense its phrase is not: an everyday
    word a keyword's stem falls onto ("resolvam isso logo", soon, met as "logar": `COMMON`,
    unless the phrase writes the word itself), a card's kind a stem falls onto ("my debit
    card", "a visa debit" met as "debited", "cartão de crédito" as "creditado": the payment
    method, not the act), or Portuguese "baixar" said of a setting (`_LOWERED_AFTER`: lowered, not
    downloaded)."""
    word = fold(text[hit.start:hit.end])
    if " " in word.strip():
        return False
    written = word in fold(hit.phrase.text).split()
    if word in COMMON.get(language, frozenset()) and not written:
        return True
    if not written and (_CARD_AFTER.match(fold(text[hit.end:hit.end + 12])) or
                        _CARD_BEFORE.search(fold(text[max(0, hit.start - 20):hit.start]))):
        return True
    if language == "fr" and word.startswith("vir") and (
            _OUSTED_AFTER.match(fold(text[hit.end:hit.end + 40])) or
            _OUSTED_BEFORE.search(fold(text[max(0, hit.start - 20):hit.start]))):
        return True  # "ils m'ont viré du programme": put out, no money wired
    return language == "pt" and word.startswith("baix") and bool(
        _LOWERED_AFTER.match(fold(text[hit.end:hit.end + 40])))


#: The last word of a phrase that states an act and its letdown ("bought but", "acheté
#: mais", "comprei mas").
_BUT_WORDS = frozenset({"but", "mais", "mas", "only", "however"})


def let_down_by_another(text: str, hit: Hit, hits: Sequence[Hit]) -> bool:
    """True when ``hit``'s phrase ends in "but" ("acheté mais") and the clause after it, in
    the same sentence, names another option ("… achetée au tabac mais la boutique dit que ce
    moyen de paiement n'est pas disponible"): the act is the setup, the other option what
    went wrong."""
    words = fold(hit.phrase.text).split()
    if not words or words[-1] not in _BUT_WORDS:
        return False
    stop = next((m.start() for m in SENTENCE_END.finditer(text, hit.end)), len(text))
    return any(o.phrase.label != hit.phrase.label and not o.negated
               and hit.end <= o.start < stop for o in hits)


#: A sentence opened by "now" right before a thing's symptom: "Now my password doesn't
#: work", "Maintenant mon mot de passe est incorrect", "Agora a senha dá incorreta", "이제
#: 비밀번호가 틀리다고" (folded, from the sentence's start): the outcome of what came before.
#: Not "now I forgot my password too": the requester's own act, a second reason.
_NOW_START = re.compile(r"(?:(?:and|so|et|du coup|e|ai)\s+)?(?:now|maintenant|agora|이제)\s*,?\s*"
                        r"(?:(?:my|the|mon|ma|le|la|l'|minha|meu|a|o)\s*)?")


#: A second thing added, in the words' sentence: "too", "also", "aussi", "também", "도".
_TOO = re.compile(r"\b(?:too|also|as well|either|aussi|egalement|en plus|tambem|tb)\b|"
                  r"[\uac00-\ud7a3]도\s")


def now_after_cause(text: str, hit: Hit, hits: Sequence[Hit]) -> bool:
    """True when ``hit`` opens a sentence after "now" (`_NOW_START`) and another option is
    named, as the problem, in an earlier sentence: the symptom is that cause's outcome
    ("someone logged into my account from Brazil. Now my password doesn't work")."""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, hit.start)), default=0)
    opening = fold(text[begin:hit.start]).strip()
    if not begin or not opening or not _NOW_START.fullmatch(opening + " "):
        return False
    stop = next((m.start() for m in SENTENCE_END.finditer(text, hit.end)), len(text))
    if _TOO.search(fold(text[hit.start:stop])):
        return False  # "maintenant mon compte est bloqué aussi": a second problem added
    return any(o.phrase.label != hit.phrase.label and not o.negated and o.end <= begin
               for o in hits)


def _option_words(f: Field, language: str) -> dict[str, frozenset[str]]:
    """Per option, the folded words of its phrases in ``language`` (titles, keywords)."""
    words: dict[str, set[str]] = {}
    for label, text, _ in option_phrases(f, language):
        words.setdefault(label, set()).update(_WORD.findall(fold(text)))
    return {label: frozenset(w) for label, w in words.items()}


_WORD = re.compile(r"[^\W\d_]+")
#: The word a bare hit is the complement of, or that it qualifies: "le code de la carte",
#: "the card code", "the card's code", "o código do cartão" (folded).
_OWNER_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:de la|de l'|du|de|of the|of|do|da)\s*$")
_OWNED_AFTER = re.compile(r"(?:'s)?\s+([^\W\d_]+)\s+(?:is|was|has|had|still|isn't|wasn't|"
                          r"hasn't|doesn't|didn't|won't|isnt|wasnt|doesnt|didnt|wont)\b")
#: A definite article right before the bare word: the thing named before ("the card", "la
#: carte", "do cartão").
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|la|le|l'|cette|ce|du|o|a|do|da|esse|essa|"
                              r"este|esta|desse|dessa)\s*$")


def part_of_another(text: str, hit: Hit, words: Mapping[str, frozenset[str]],
                    others: set[str], language: str) -> bool:
    """True when the one word of ``hit``, after a definite article (the thing named before),
    stands with a noun (`_OWNER_BEFORE`; `_OWNED_AFTER` in English: "le code de la carte",
    "the card code is …") that only another option named in the texts (``others``) holds in
    its phrases ("code prépayé"): the card with a prepaid code is that option's, the bare
    word no means of its own."""
    own = words.get(hit.phrase.label, frozenset())
    if " " in fold(text[hit.start:hit.end]).strip():
        return False
    if not _DEFINITE_BEFORE.search(fold(text[max(0, hit.start - 8):hit.start])):
        return False  # "my card", "une carte": a means of the requester's own
    near = []
    before = _OWNER_BEFORE.search(fold(text[max(0, hit.start - 24):hit.start]))
    if before:
        near.append(before.group(1))
    # English compounds a noun after ("the card code is …"), French and Portuguese a
    # complement before ("le code de la carte")
    after = _OWNED_AFTER.match(fold(text[hit.end:hit.end + 32])) if language == "en" else None
    if after:
        near.append(after.group(1))
    return any(w not in own and any(w in words.get(o, frozenset()) for o in others)
               for w in near)


def loose(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` meet its phrase only loosely: other endings or a word
    between ("entrar mais na conta" for "entraram na minha conta", someone got in)."""
    return bool(hit.skipped) or fold(text[hit.start:hit.end]).split() != fold(
        hit.phrase.text).split()


def _wider(text: str, hit: Hit) -> bool:
    """True when ``hit`` spans more words than its phrase has (a gap of function words:
    "don't have a credit" for "not credited")."""
    return len(text[hit.start:hit.end].split()) > len(hit.phrase.text.split())


#: A word every marker of `_UNABLE_BEFORE` holds (raw text, any case).
_UNABLE_CUE = re.compile(r"(?i)can|unable|could|consig|consegu|arriv|impossible|peux")
#: A quotation mark: a text without one quotes nothing (`negated_quotes`).
_QUOTE_MARK = re.compile("['\"«“‘「]")
#: What each further passage naming the option adds to its best hit's confidence, and the
#: most the sum can reach (a typo'd word alone, 0.75, stays below the default 0.8).
CORROBORATION = 0.05
CAP = 0.95
#: The confidence of an option named only as context (a place, what the requester was
#: doing, what the ticket is about): below every default threshold, so it is asked.
CONTEXT_ONLY = 0.5
#: How many times stronger than the runner-up an option's evidence must be to be written.
MARGIN = 2.0
#: What a word counts when it only names the place of the problem ("the Links tab").
PLACE_WEIGHT = 0.5
#: Two options joined by "or" (hesitation) or "and" (two problems in one ticket).
_JOINED = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:or|ou|soit|and|et|e|also|aussi|tambem)\b|"
                     r"아니면|혹은|거나|이나|그리고|"
                     r"도\s*(?:해\s*보고|해\s*봤고|써\s*보고|시도해\s*보고|해보고)")
_NOTHING_WORD = re.compile(r"(?i)\b(?:nothing|nada|rien)\b")
#: Nothing undergoes the option's act: "nothing got charged", "nada foi cobrado", "rien n'a
#: été débité": no charge, never the problem "charged but nothing received".
_NOTHING_BEFORE = re.compile(r"\b(?:nothing|nada|rien)\s+(?:(?:has|have|got|was|been|ever|"
                             r"is|are|were|foi|n'a|n'ont|n'est|a|ete|jamais|esta|ta)\s+){0,3}(?:n')?$")
#: A second problem added to the first, however far into the sentence or the next: "and on
#: top of that", "en plus", "de plus", "além disso", "e ainda", "게다가", "또한"; or a Korean
#: clause ending "…고" right after the first ("비번도 까먹었고 … 메일이 옛날"): two reasons
#: stated, a question offering both settles which the form wants.
_ADDED = re.compile(r"\b(?:on top of that|besides that|what'?s more|as well as|en plus|de plus|"
                    r"et puis|par dessus le marche|alem disso|e ainda|fora que|e tambem)\b|"
                    r"게다가|또한|뿐만 아니라")
_ADDED_KO = re.compile(r"^[\uac00-\ud7a3]*(?:었고|았고|였고|했고)\s")
#: A second symptom after the first in time or by turns: "… for a minute and then it throws
#: me back to the login screen", "then", "after that", "and sometimes", "other times", "puis",
#: "ensuite", "parfois", "des fois", "e depois", "e aí", "às vezes", "de vez em quando",
#: "그러다가", "가끔", "때로는", a Korean "…다가" or "…더니" clause: two things go wrong, and
#: which one the form wants is asked. Only between two options named as the problem.
_THEN = re.compile(r"\b(?:and then|then (?:it|i|the|my|we|you|he|she|they)|after that|"
                   r"and sometimes|sometimes it|other times|at times|and eventually|"
                   r"puis|ensuite|apres ca|parfois|des fois|d'autres fois|"
                   r"e depois|depois (?:disso|cai|fecha|trava|congela)|e ai|as vezes|"
                   r"outras vezes|de vez em quando|em seguida)\b|"
                   r"그러다가?|가끔|때로는|어쩔 때는|어떨 때는|그 다음|그리고 나서|"
                   r"[\uac00-\ud7a3](?:다가|더니)(?:\s|$)")
#: How far apart two options joined by `_ADDED` may stand (characters).
_ADDED_GAP = 100

#: A clause the requester denies as a whole, up to its end: "it's not that my payment gets
#: declined, …", "ce n'est pas que ma carte est refusée, …", "c'est pas parce que …", "não é
#: que o cartão foi recusado, …" (the Korean "… 건 아니고" is the matcher's). What it names
#: is what the problem is not: no evidence ("not that bad" is no such clause).
_DENIED_CLAUSE = re.compile(
    r"(?:\bnot|n['’]t)\s+(?:(?:just|really|simply|even)\s+)?(?:that|because|as if)\b"
    r"(?!\s+(?:bad|big|much|many|simple|easy|hard|important|long|often|old|far|great|good|"
    r"serious|bothered|worried|sure)\b)|"
    r"\b(?:est|etait)\s+pas\s+(?:(?:juste|seulement|vraiment)\s+)?(?:que\b|qu['’]|parce\s+qu)|"
    r"\bnao\s+(?:e|eh|foi|era|ta|esta)\s+(?:so\s+)?(?:que|porque|por que)\b")
#: A word every opener of `_DENIED_CLAUSE` holds (raw text, any case).
_DENIED_CUE = re.compile(r"(?i)not\b|n['’]t\b|\bpas\b|\bn[aã]o\b")
#: What ends a denied clause: a mark, or "but" ("… refusée, mais …").
_CLAUSE_STOP = re.compile(r"[,;:.!?\n(—–]|\s(?:but|mais|mas|c'est|it'?s)\s")


def denied_clauses(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` the requester denies as a clause (`_DENIED_CLAUSE`): from the
    opener's end to the clause's end."""
    if not _DENIED_CUE.search(text):
        return []
    folded = fold(text)
    if len(folded) != len(text):
        return []
    spans = []
    for m in _DENIED_CLAUSE.finditer(folded):
        stop = _CLAUSE_STOP.search(folded, m.end())
        spans.append((m.end(), stop.start() if stop else len(text)))
    return spans


#: After an option negated, what the requester has instead, made small: "no crash, just
#: freezes and stutters", "pas de crash hein, juste des saccades", "튕기진 않고 그냥
#: 버벅여요" (not "only", which lists what is offered: "só cartão").
_JUST_AFTER = re.compile(r"^\W{0,3}(?:\w+\W+){0,2}?(?:it\s+)?(?:just|merely|juste|simplement|"
                         r"que des)\b|"
                         r"^[^.!?\n]{0,12}?(?:그냥|그저|단지)")
#: The Korean long negation after a verb's stem: "튕기진 않고", "꺼지지는 않아요" (does not).
_KO_NOT = re.compile(r"[\uac00-\ud7a3]*(?:지|진|지는|지도)\s*않")
#: A word every marker of `_JUST_AFTER` (but Korean) holds (raw text, any case).
_JUST_CUE = re.compile(r"(?i)just|merely|juste|simplement|que des")
#: How far after the "just" another option must be named (characters).
_JUST_REACH = 60


def instead(text: str, hits: list[Hit], language: str) -> list[Hit]:
    """``hits`` without those an option negated and followed by what the requester has
    instead, made small (`_JUST_AFTER`), covers: the option's own words up to the end of the
    sentence, when another option is named there ("no crash, just freezes and stutters":
    the freezes are no crash; "no error, it just sits there" names no other kind, and
    changes nothing); in Korean, the words negated by the long negation as well ("튕기진
    않고 그냥 버벅여요")."""
    dropped: list[tuple[str, int, int]] = []
    for hit in hits:
        end = hit.end
        if language == "ko":
            m = _KO_NOT.match(text, end - 1 if end else end)
            if m is not None:
                end = m.end()
            elif not hit.negated:
                continue
        elif not hit.negated:
            continue
        just = _JUST_AFTER.search(fold(text[end:end + 30]))
        if just is None:
            continue
        start = end + just.end()
        stop = next((e.start() for e in SENTENCE_END.finditer(text, start)), len(text))
        if any(o.phrase.label != hit.phrase.label and not o.negated
               and start <= o.start < min(stop, start + _JUST_REACH) for o in hits):
            dropped.append((hit.phrase.label, hit.start, stop))
    if not dropped:
        return hits
    return [h for h in hits if not any(h.phrase.label == label and start <= h.start < stop
                                       for label, start, stop in dropped)]


#: "Nothing" before a word of loss: "nothing is missing", "rien n'a disparu", "j'ai rien
#: perdu", "nada sumiu": nothing was lost, so the option of a loss is denied (unlike "nothing
#: got charged", where a charge is only absent).
_NOTHING_LOST = re.compile(r"\b(?:missing|lost|gone|vanish|disappear|deleted|wiped|disparu|"
                           r"perdu|manqu|supprim|sumi|perd|desaparec|apagad)")
#: What the requester cannot use before the words: "can't use paysafecard", "je peux plus
#: utiliser ma paysafecard", "não consigo usar o pix": the thing tried, not one denied.
_UNABLE_USE = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|unable to|can no longer|won'?t let me)\s+(?:use|pay with|"
    r"select|choose|pick)\s+(?:(?:my|a|an|the|their)\s+)?$|"
    r"\b(?:peux|pouvons|pouvais|arrive|arrivons)\s+(?:pas|plus)\s+(?:a\s+)?(?:utiliser|"
    r"payer avec|choisir|selectionner)\s+(?:(?:ma|mon|une|un|la|le|l')\s*)?$|"
    r"\bimpossible d'(?:utiliser|payer avec)\s+(?:(?:ma|mon|une|un|la|le|l')\s*)?$|"
    r"\bnao\s+(?:consigo|consegui|posso|da pra|deu pra)\s+(?:mais\s+)?(?:usar|pagar com|"
    r"selecionar|escolher)\s+(?:(?:o|a|meu|minha|um|uma)\s+)?$")


#: A negation right after a hit (where a predicate of another field may deny something of it).
_NEGATION_NEAR = re.compile(r"\s*(?:is|are|was|were|wasn|isn|aren|weren|n'est|est|nao|não|"
                            r"ne|n'|não)?\W*(?:not|n[’']t|pas|nao|não|안|못)", re.IGNORECASE)
#: Between a subject and its negated predicate: a copula and the negation ("my card isn't
#: being", "ma carte n'est pas", "meu cartão não foi").
_SUBJECT_OF = re.compile(r"^\s*(?:is|are|was|were|has|have|had)?\s*(?:not|n[’']?t)\s*"
                         r"(?:being|been|getting|even)?\s*$|"
                         r"^\s*(?:n'|ne\s+)?(?:est|a|etait|as)\s+(?:pas|jamais)\s*(?:ete)?\s*$|"
                         r"^\s*(?:nao|nunca)\s+(?:foi|esta|ta|e)?\s*$")


class OptionReader:
    """One field's options, compiled per language on first use (then kept)."""

    def __init__(self, f: Field, names: Sequence[str] = (),
                 rivals: Sequence[Field] = ()) -> None:
        """``names``: what the form's other fields are called (titles, synonyms): an
        option's word inside one ("아이디" in "사이트 아이디", the site ID) names that field,
        not the problem. ``rivals``: the form's other dropdowns, whose negated option phrases
        take the negation of this field's words inside them (`_negated_by_rival`)."""
        self.field = f
        self.person = is_person(f)
        self.people = person_words(f) if self.person else {}
        self.matcher = PerLanguage(lambda language: option_phrases(f, language))
        self.their = PerLanguage(lambda language: their_phrases(f, language))
        self.quoted = quoted_option(f)
        self._words: dict[str, dict[str, frozenset[str]]] = {}  # per language
        self.names = PerLanguage(lambda language: [("", n, 1.0) for n in names]) \
            if names else None
        self.rivals = PerLanguage(lambda language: [
            (f"{r.key}:{label}", text, weight) for r in rivals
            for label, text, weight in option_phrases(r, language)]) if rivals else None

    def other_named(self, texts: Sequence[tuple[str, str]], locale: str, value: str
                    ) -> str | None:
        """Another option than ``value`` the texts name, however weakly: by a keyword, or
        on a person field by any one-word name of an option ("mon propre compte de
        modèle", not in the subject), neither negated nor someone else's. For a declared
        pattern's value the reader read only as context: a second option named makes it a
        question."""
        language = locale.split("-", 1)[0].lower()
        matcher = self.matcher(language)
        proxy = self.for_whom(texts, language)
        for source, text in texts:
            hits = [h for h in matcher.find(text) if not h.negated]
            # a bare name in the subject ("modèle suspendue") says whom the ticket is about
            for m in NAME_WORD.finditer(text) if self.people and source != "subject" else ():
                word = fold(m.group())
                if word not in self.people and word.endswith("s") and (
                        word[:-1] in self.people or word[:-2] in self.people):
                    continue  # "un studio de trois modèles": people, not the requester
                named = set().union(*(self.people.get(w, set()) for w in
                                      {word, *(key(word, lang) for lang in LANGUAGES)}))
                if len(named) == 1:
                    hits.append(Hit(Phrase(next(iter(named)), m.group(), (), KEYWORD_WEIGHT),
                                    m.start(), m.end(), False,
                                    is_negated(text, m.start(), m.end(), language)))
            hits += [h for h in proxy.get(text, ()) if h not in hits]
            for h in hits:
                if h.phrase.label != value and not h.negated and not (
                        self.person and _anothers(text, h, proxy)):
                    return h.phrase.label
        return None

    def for_whom(self, texts: Sequence[tuple[str, str]], language: str
                 ) -> dict[str, list[Hit]]:
        """On a person field, written on someone's behalf (`written_for`) and the requester
        saying of no kind that it is what they are: per text, the hits said of that person
        ("her room", "she's a model", "여자친구가 모델로 활동하는데", `theirs`), the ticket's
        as their SID is (`typed`). Empty otherwise: "I'm a viewer writing on behalf of my
        girlfriend" is the requester's kind."""
        if not self.person:
            return {}
        person = written_for(texts, self.people)
        if person is None:
            return {}
        matcher = self.matcher(language)
        found = {text: [h for h in matcher.find(text) if not h.negated] for _, text in texts}
        if any(says_self(t, h) for t, hs in found.items() for h in hs) or any(
                self_named(t, self.people) for _, t in texts):
            return {}
        out: dict[str, list[Hit]] = {}
        for _, text in texts:
            hits = found[text]
            # the person's own kind when the requester names them by it ("on behalf of a
            # model I assist"), after their "is" ("she's a paying member"), or in a Korean
            # clause they are the subject of
            ko = [h for h in hits if ko_theirs(text, h, person) or said_of_them(text, h)
                  or (person in self.people
                      and fold(text[h.start:h.end]).split()[-1:] == [person])]
            others = [h for h in hits if h not in ko and someone_else(text, h)]
            said = theirs(text, self.their(language).find(text), others, person, self.people)
            said += [h for h in ko if h not in said]
            if said:
                out[text] = said
        return out

    def said_self(self, texts: Sequence[tuple[str, str]], locale: str) -> set[str]:
        """On a person field, the options the requester says they are (`says_self`)."""
        if not self.person:
            return set()
        matcher = self.matcher(locale.split("-", 1)[0].lower())
        language = locale.split("-", 1)[0].lower()
        # and in any language's words ("now I'm independent", `self_named`)
        return {h.phrase.label for _, text in texts for h in matcher.find(text)
                if not h.negated and says_self(text, h)} | {
            value for _, text in texts for value, start, end in self_named(text, self.people)
            if not is_negated(text, start, end, language)}

    def undecided(self, texts: Sequence[tuple[str, str]], locale: str) -> bool:
        """On a person field, True when the requester asks which kind they are, holds two
        roles or works through another kind (`undecided`), or when every kind the texts
        name is someone the requester tells about ("the studio lost my payment"): for a
        declared pattern's value as for the reader's, a question."""
        if not self.person:
            return False
        language = locale.split("-", 1)[0].lower()
        matcher = self.matcher(language)
        hits = [(t, h) for _, t in texts for h in matcher.find(t) if not h.negated]
        proxy = self.for_whom(texts, language)
        hits += [(t, h) for t, said in proxy.items() for h in said if (t, h) not in hits]
        return undecided(texts, hits, self.people) or (
            bool(hits) and all(_anothers(t, h, proxy) for t, h in hits)) or len(
            {h.phrase.label for t, h in hits if says_self(t, h)}) > 1

    def only_left(self, texts: Sequence[tuple[str, str]], locale: str, value: str) -> bool:
        """On a person field, True when the texts name ``value`` and every time as a kind
        the requester has left (`left_behind`: "I left my studio", "saí do estúdio") or as
        a thing or a room (`a_things`: "mon studio à la maison"): a declared pattern's hit
        there is no value, the reader reads what they are."""
        if not self.person:
            return False
        matcher = self.matcher(locale.split("-", 1)[0].lower())
        mine = [(t, h) for _, t in texts for h in matcher.find(t)
                if h.phrase.label == value and not h.negated]
        return bool(mine) and all(left_behind(t, h) or a_things(t, h) for t, h in mine)

    def _not_the_rivals(self, text: str, toks: Sequence[Token], language: str,
                        hits: list[Hit]) -> list[Hit]:
        """This field's hits without those a negated phrase of another dropdown takes: one
        inside it ("c'est pas un problème de carte refusée" denies a refusal, not the card:
        "par carte bancaire" still names it), or its subject right before it ("my card
        isn't being declined" says nothing of the card paid with). The other matcher runs
        only when a hit may be concerned: negated, or followed by a negation."""
        if not any(h.negated or h.skipped or _NEGATION_NEAR.search(text, h.end, h.end + 24)
                   or _wider(text, h) for h in hits):
            return hits
        assert self.rivals is not None
        found = self.rivals(language).find(text, toks)
        # a hit over a gap (of any words, function words too) whose last word starts another
        # field's phrase ("I don't have a credit card" is no "not credited"): the words that
        # follow each other explain it
        hits = [h for h in hits if not ((h.skipped or _wider(text, h)) and any(
            h.start < r.start < h.end <= r.end for r in found))]
        negated = [r for r in found if r.negated]
        if not negated:
            return hits
        return [h for h in hits if not any(
            (r.start <= h.start and h.end <= r.end and r.end - r.start > h.end - h.start)
            or (not h.negated and h.end <= r.start
                and _SUBJECT_OF.match(fold(text[h.end:r.start])))
            for r in negated)]

    def read(self, texts: Sequence[tuple[str, str]], locale: str,
             memo: dict[tuple[str, str], list[Token]] | None = None) -> Evidence | None:
        """The option the requester's texts (``(source, text)``, newest first) name."""
        language = locale.split("-", 1)[0].lower()
        matcher = self.matcher(language)
        best: dict[str, tuple[Hit, str, str]] = {}
        score: dict[str, float] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        denied: set[str] = set()
        texts_of: dict[str, str] = {}
        kept: list[tuple[str, Hit]] = []
        naming: dict[str, set[str]] = {}  # the distinct texts naming each option
        named: set[tuple[str, int, int]] = set()  # hits inside another field's name
        proxy = self.for_whom(texts, language)  # said of the person written for
        for source, text in texts:
            toks = tokens(text, language, memo)
            hits = [h for h in explained(matcher.find(text, toks))
                    if not other_sense(text, h, language)]
            if self.person:
                hits = [h for h in hits if not verb_after_gap(text, h)
                        and not a_things(text, h)]
            if self.rivals is not None and hits:
                hits = self._not_the_rivals(text, toks, language, hits)
            if hits and _NOTHING_WORD.search(text):
                nothing = [h for h in hits if _NOTHING_BEFORE.search(
                    fold(text[max(0, h.start - 30):h.start]))]
                # "nothing is missing": no loss, the option of one is denied; not a word
                # inside a longer phrase of its own option ("rien reçu")
                denied.update(h.phrase.label for h in nothing
                              if _NOTHING_LOST.search(fold(text[h.start:h.end])) and not any(
                                  o.phrase.label == h.phrase.label and o.start < h.start
                                  and h.end <= o.end for o in hits))
                hits = [h for h in hits if h not in nothing]
            if hits and (language == "ko" or _JUST_CUE.search(text)):
                hits = instead(text, hits, language)
            if hits:
                clauses = denied_clauses(text)
                if clauses:
                    # "it's not that my payment gets declined, …": what it names is not the
                    # problem
                    hits = [h for h in hits if not any(s <= h.start < e for s, e in clauses)]
            hits += [h for h in proxy.get(text, ()) if not any(
                o.start < h.end and h.start < o.end for o in hits)]
            for value, start, end in self_named(text, self.people) if self.people else ():
                if not any(h.start < end and start < h.end for h in hits):
                    hits.append(Hit(Phrase(value, text[start:end], (), KEYWORD_WEIGHT),
                                    start, end, False, is_negated(text, start, end, language)))
            if hits and _QUOTE_MARK.search(text):
                quotes = negated_quotes(text)
                hits = [h for h in hits if not any(s <= h.start and h.end <= e
                                                   for s, e in quotes)]
            if hits and not self.person and TRIED_CUE.search(text):
                # a remedy tried ("tried verify files, didnt help") weighs for nothing
                hits = [h for h in hits if not tried(text, h)]
            if hits and ADDRESS.search(text):
                hits = [h for h in hits if not in_address(text, h.start, h.end)]
            shown = shown_messages(text) if self.quoted else []
            for start, end in shown:
                hits.append(Hit(Phrase(self.quoted or "", text[start:end], (), KEYWORD_WEIGHT),
                                start, end, False, False))
            for m in ENVIRONMENT.finditer(text) if shown else ():
                # a message the product shows, reported with the browser and the system it
                # showed on ("j'ai le message « Token invalide ». Je suis sur Edge, Windows
                # 10"): how a technical problem is reported, each a passage naming it
                hits.append(Hit(Phrase(self.quoted or "", m.group(), (), KEYWORD_WEIGHT),
                                m.start(), m.end(), False, False))
            denied.update(h.phrase.label for h in hits if h.denied and (
                not self.person or denies_kind(text, h)) and not REPORTED.search(
                fold(text[max(0, h.start - 48):h.start])) and not _UNABLE_USE.search(
                fold(text[max(0, h.start - 40):h.start])) and not any(
                o.phrase.label == h.phrase.label and not o.negated and not o.skipped
                and o.start <= h.start
                and h.end <= o.end and o.end - o.start > h.end - h.start for o in hits))
            # neither what the requester cannot use ("can't use paysafecard": the method
            # tried) nor a word inside its own option's phrase holding the negation ("je
            # suis pas patron", "패트론 아니라고": the problem itself) is denied
            fields = self.names(language).find(text, toks) if self.names and hits else []
            unable = bool(hits) and _UNABLE_CUE.search(text) is not None
            for hit in hits:
                if hit.negated or any(
                        o.start <= hit.start and hit.end <= o.end and (o.end - o.start) >
                        (hit.end - hit.start) and (o.phrase.label != hit.phrase.label
                                                   or o.negated)
                        for o in hits):
                    continue  # inside a longer phrase of another option (negated or not),
                    # or inside a negated one ("pas de message d'erreur": no "erreur")
                if any(n.start <= hit.start and hit.end <= n.end and not n.skipped
                       and n.end - n.start > hit.end - hit.start for n in fields) or any(
                        o.phrase.label != hit.phrase.label and not o.negated
                        and o.end < hit.start and SOURCE_GAP.match(fold(text[o.end:hit.start]))
                        for o in hits) or any(
                        o.phrase.label != hit.phrase.label and not o.negated
                        and ((o.end <= hit.start and hit.start - o.end <= 24 and (
                            AT_GAP.match(fold(text[o.end:hit.start]))
                            or AT_TECHNICAL.search(fold(text[max(0, o.start - 12):hit.start]))))
                             or (hit.end <= o.start and AT_KO.match(text[hit.end:o.start]))
                             or (o.end <= hit.start and hit.start - o.end <= 24
                                 and stalled(text, o.end, hit.start, hit.end))
                             or (o.end <= hit.start and hit.start - o.end <= 24
                                 and vanished(text, o, hit.start, hit.end)))
                        for o in hits) or (unable and loose(text, hit) and _UNABLE_BEFORE.search(
                            fold(text[max(0, hit.start - 28):hit.start]))) or (
                        loose(text, hit) and _WANTED_BEFORE.search(
                            fold(text[max(0, hit.start - 24):hit.start]))) or (
                        let_down_by_another(text, hit, hits)) or (
                        now_after_cause(text, hit, hits)) or (
                        self.person and _anothers(text, hit, proxy)) or (
                        not self.person and (offered(text, hit) or a_means(text, hit))):
                    named.add((text, hit.start, hit.end))
                kept.append((text, hit))
                naming.setdefault(hit.phrase.label, set()).add(text)
                value = hit.phrase.label
                score[value] = score.get(value, 0.0) + hit.confidence
                seen = spans.setdefault(value, [])
                if texts_of.setdefault(value, text) is text and not any(
                        s <= hit.start and hit.end <= e for s, e in seen):
                    seen[:] = [(s, e) for s, e in seen if not (hit.start <= s and e <= hit.end)]
                    seen.append((hit.start, hit.end))
                if value not in best or hit.confidence > best[value][0].confidence:
                    best[value] = (hit, source, text)
        for value in denied:  # "not a payment problem" anywhere outweighs "payment" elsewhere
            best.pop(value, None)
        if not best:
            return None
        if len(best) > 1 and not self.person:
            # "le code de la carte" after "une paysafecard": the card is the prepaid one
            words = self._words.get(language)
            if words is None:
                words = self._words[language] = _option_words(self.field, language)
            for t, h in kept:
                others = {o.phrase.label for x, o in kept if o.phrase.label != h.phrase.label
                          and (x, o.start, o.end) not in named}
                if others and part_of_another(t, h, words, others, language):
                    named.add((t, h.start, h.end))
        subject = next((t for src, t in texts if src == "subject"), None)
        strong, direct = weigh(kept, set(best), language, memo, frozenset(named), subject,
                               frozenset((t, h.start, h.end) for t, hs in proxy.items()
                                         for h in hs))
        ranked = sorted(best, key=lambda v: (-strong[v], -score[v], v))
        hit, source, text = best[ranked[0]]
        where = texts_of[ranked[0]]
        span = clip(" … ".join(where[s:e] for s, e in sorted(spans[ranked[0]])[:3]))
        # a runner-up named only as context is no second problem: "and" does not join it
        if len(ranked) > 1 and not (
                strong[ranked[0]] >= MARGIN * strong[ranked[1]]
                and not (ranked[1] in direct and hesitates(kept, ranked[0], ranked[1]))):
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        if self.person and undecided(texts, kept, self.people):
            # the requester asks which kind they are, or works through another kind (a
            # model through a studio): both are theirs, a question settles it
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        if self.person and len(ranked) > 1:
            said = {h.phrase.label for t, h in kept if says_self(t, h)}
            also = {h.phrase.label for t, h in kept
                    if ALSO_BEFORE.search(fold(t[max(0, h.start - 24):h.start]))}
            if said and also - said:
                # the requester says they are one and also another ("I'm a model and also
                # a viewer", "sou modelo e também assinante")
                return Evidence(key=self.field.key, value=None, span=span, method="option",
                                locale=locale, confidence=0.0, source=source,
                                choices=(sorted(said)[0], sorted(also - said)[0]))
            if said and ranked[0] not in said:
                # the requester says they are one option ("스튜디오 소속으로 활동하는
                # 모델인데요"), the words weigh for another: a question offering both
                return Evidence(key=self.field.key, value=None, span=span, method="option",
                                locale=locale, confidence=0.0, source=source,
                                choices=(ranked[0], sorted(said)[0]))
        doubted = [v for v in ranked if any(
            h.phrase.label == v and in_doubt(t, h.start, h.end) for t, h in kept)]
        if len(doubted) > 1 and not self.person:
            # the requester doubts between two options as the cause ("광고주가 주문을 취소한
            # 건지, 아니면 정산 쪽 오류인지 잘 모르겠습니다"): whatever else is named, the
            # field is in doubt; a question offering the two settles it
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(doubted[:2]))
        # an option stated in a clause before the doubt ("신용카드인데 … 건지 … 모르겠어요") is
        # no alternative of it
        torn = bool(doubted) and any(between_alternatives(t, h.start, h.end) for t, h in kept) \
            and not any(h.phrase.label == ranked[0] and before_the_doubt(t, h.start, h.end)
                        for t, h in kept)
        if not self.person and (torn or any(whose_side(t) for _, t in texts)):
            # the requester does not know which of two causes holds ("서류가 반영이 안 된 건지
            # 지급 쪽 문제인지 모르겠어요"), one of them perhaps named by no keyword, or asks on
            # whose side the cause lies ("is this on your end or theirs?"): a question
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        if doubted and ranked[0] not in doubted and not self.person:
            # the requester doubts whether another option holds ("je sais pas si c'est refusé
            # ou si c'est passé") beside what they state: the field is in doubt too
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=(ranked[0], doubted[0]))
        finished = {h.phrase.label for t, h in kept
                    if h.phrase.label in ranked[1:] and done(t, h)} if len(ranked) > 1 else set()
        if finished and not self.person:
            # another option the requester says they finished ("j'ai terminé la quête", "퀘스트
            # 끝냈는데 보상으로 받아야 할 글라이더가 가방에도 없어요"): what is wrong may be its
            # outcome (the quest's reward, or the item lost?), a question offering both
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=(ranked[0], sorted(finished)[0]))
        if not self.person and _added_unnamed(kept, ranked[0]):
            # a second thing added to the option the requester names ("j'ai oublié mon mot
            # de passe et en plus le compte est sur l'adresse de mon ancien taf"), named by
            # none of its words: two reasons may be stated, a question offering them settles
            # which the form wants
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        if ranked[0] not in direct:
            # named only as context ("it's about my account"): nothing says what is wrong
            return Evidence(key=self.field.key, value=ranked[0], span=span, method="option",
                            locale=locale, confidence=CONTEXT_ONLY, source=source)
        # each further passage naming the same option corroborates it a little, in the same
        # text or another one (the subject the requester wrote, a reply)
        further = len(spans[ranked[0]]) - 1 + len(naming[ranked[0]]) - 1
        if further == 0 and len(ranked) > 1 and ranked[1] in direct and not self.person \
                and not summed_up(kept, ranked[0], ranked[1], subject):
            # one passage alone, and another option named as the problem too: one keyword
            # is thin evidence against another's, a question offering both is safer. Not
            # on a person field: there one passage is often the requester saying what they
            # are ("I'm a regular member", "일반 유저고"), the strongest statement there is;
            # and not when the other is named only as context (measured: four times more
            # asks of values the text states than wrong values avoided); nor when the other
            # is only the subject's looser word for the body's statement (`summed_up`)
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        confidence = min(CAP, hit.confidence + CORROBORATION * further)
        if any(h.confidence < KEYWORD_WEIGHT for t, h in kept if h.phrase.label == ranked[0]):
            # a typo'd word the problem rests on ("journal" met as "journalière") is
            # corroborated by another passage naming the option as the problem, never by
            # context ("j'ai terminé la quête"): its own 0.75 then stays below the bar
            problem = [(t, h) for t, h in kept if h.phrase.label == ranked[0]
                       and (t, h.start, h.end) not in named and not context(t, h)]
            if problem and max(h.confidence for _, h in problem) < KEYWORD_WEIGHT:
                spread = len({(t, h.start) for t, h in problem}) + len({t for t, _ in problem})
                confidence = min(confidence, max(h.confidence for _, h in problem)
                                 + CORROBORATION * (spread - 2))
        return Evidence(key=self.field.key, value=ranked[0], span=span, method="option",
                        locale=locale, confidence=round(confidence, 2), source=source)


def summed_up(hits: Sequence[tuple[str, Hit]], value: str, other: str,
              subject: str | None) -> bool:
    """True when ``other`` is named only in the subject and ``value`` only past it: the
    subject sums the body up in a looser word ("paysafecard refusée" over "ce moyen de
    paiement n'est pas accepté"), the body's statement says which option it is."""
    if subject is None:
        return False
    return all(t == subject for t, h in hits if h.phrase.label == other) and not any(
        t == subject for t, h in hits if h.phrase.label == value)


#: Between another option's thing and a stop, the point of its progress where it stops, in
#: Korean: "업데이트가 99%에서 멈춤", "설치 단계에서만 멈춰요" (the update stalls there).
_STALLED_GAP_KO = re.compile(r"\s*(?:가|이|은|는|도)?\s*(?:\d+\s?%|단계)\s*(?:에서|에)\s*"
                             r"(?:(?:만|계속|자꾸|그냥)\s*)?$")
#: After a stop, the point of progress: "freezes at 99%", "bloque à 97 %", "trava em 99%".
_STALLED_AT = re.compile(r"\s*(?:at|on|a|à|em|no|na)\s+(?:around\s+|environ\s+|uns\s+)?"
                         r"\d+\s?%")
#: Between another option's thing and a stop told with the point of progress: a subject's
#: verb at most ("the update freezes", "la mise à jour bloque", "a atualização trava").
_STALLED_GAP = re.compile(r"\s*(?:(?:always|just|still|keeps|toujours|encore|sempre|"
                          r"ainda)\s+)?$")


def stalled(text: str, gap_start: int, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]``, right after another option's thing
    (ending at ``gap_start``), say where its progress stops (`_STALLED_GAP_KO`,
    `_STALLED_AT`): the thing stalls, the stop names no problem of its own."""
    gap = text[gap_start:start]
    if _STALLED_GAP_KO.fullmatch(gap):
        return True
    return bool(_STALLED_GAP.fullmatch(gap) and _STALLED_AT.match(text, end))


#: A word of loss: "vanished", "disappeared", "is gone", "a disparu", "sumiu", "사라졌어요".
_LOSS_HIT = re.compile(r"(?:vanish|disappear|gone|went missing|there anymore|no longer there|"
                       r"disparu|dispar|plus la|sumi|desaparec|mais la|사라|없어)")
#: Between another option's thing and a word of loss, a subject's verb at most ("the NPC
#: just vanished", "le PNJ a disparu", "o NPC simplesmente sumiu", "NPC가 갑자기 사라졌어요").
_LOSS_GAP = re.compile(r"\s*(?:(?:has|have|is|was|just|simply|suddenly|a|ont|est|simplement|"
                       r"soudain|simplesmente|de repente|tinha|ja)\s+)*|"
                       r"\s*(?:이|가|은|는|도)?\s*(?:(?:갑자기|그냥)\s*)?")


#: Before the other option's thing, the start of its clause, an article and a word at most:
#: the thing is the loss's subject ("The NPC vanished", "e o NPC sumiu"), not a word of a
#: complement ("la pierre que j'avais ramassée pour la quête a disparu": the stone).
_SUBJECT_START = re.compile(r"(?:^|[.!?,;:\n(]|\b(?:and|et|e|but|mais|mas|then|puis|now|agora|"
                            r"maintenant|because|since|as|when|parce que|car|quand|porque|pois|"
                            r"quando|que|qu')\s)\s*(?:(?:the|my|our|this|that|le|la|l'|les|mon|ma|"
                            r"ce|cette|o|a|os|as|meu|minha|esse|essa|este|esta)\s*)?"
                            r"(?:[^\W\d_]+\s+)?$")


def vanished(text: str, thing: Hit, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` are a loss said of another option's thing
    right before them (``thing``), the subject of its clause: "the NPC vanished" is the
    quest's NPC gone, no item lost."""
    return bool(_LOSS_GAP.fullmatch(text, thing.end, start)
                and _LOSS_HIT.search(fold(text[start:end]))
                and _SUBJECT_START.search(fold(text[max(0, thing.start - 40):thing.start])))


def explained(hits: list[Hit]) -> list[Hit]:
    """``hits`` without those whose gap another option's words fill: "my favourite model"
    is the model the viewer likes (``favourite model``), not "my models" with a word
    between; the words that follow each other explain the text better."""
    if not any(h.skipped for h in hits):
        return hits
    return [h for h in hits if not any(
        o.phrase.label != h.phrase.label and h.start <= o.start and o.end <= h.end
        and any(o.start < e and s < o.end for s, e in h.skipped) for o in hits)]


def _anothers(text: str, hit: Hit, proxy: Mapping[str, Sequence[Hit]]) -> bool:
    """A kind said of someone the requester tells about (`someone_else`), unless it is said
    of the person the ticket is written for (`OptionReader.for_whom`): that one is the
    ticket's."""
    return someone_else(text, hit) and not any(
        (o.start, o.end) == (hit.start, hit.end) for o in proxy.get(text, ()))


def strength(hits: Sequence[tuple[str, Hit]], values: set[str], language: str,
             memo: dict[tuple[str, str], list[Token]] | None = None) -> dict[str, float]:
    """Per option, the strength of its evidence (see `weigh`)."""
    return weigh(hits, values, language, memo)[0]


def weigh(hits: Sequence[tuple[str, Hit]], values: set[str], language: str,
          memo: dict[tuple[str, str], list[Token]] | None = None,
          named: frozenset[tuple[str, int, int]] = frozenset(), summary: str | None = None,
          theirs: frozenset[tuple[str, int, int]] = frozenset()
          ) -> tuple[dict[str, float], set[str]]:
    """Per option, the distinct content words (keys: "lien" and "liens" are one; function
    words do not count) its hits cover in the requester's texts, however many of its
    keywords meet them. Context is one thing however many words and passages name it: an
    option named only as context (`context`; or inside another field's name, ``named``:
    ``(text, start, end)``; or in a subject naming two options, ``summary``, a word the
    body names only as context) counts `PLACE_WEIGHT` in all. Also returns the options
    named at least once as the problem itself. A hit said of the person the requester
    writes for (``theirs``: "her room") is no other person's context."""
    covered: dict[str, dict[str, float]] = {v: {} for v in values}
    function = FUNCTION_WRITTEN.get(language, frozenset())
    direct: set[str] = set()  # options named at least once as the problem, not its context
    read: list[tuple[str, Hit, bool, list[Token]]] = []
    for text, hit in hits:
        if hit.phrase.label not in covered or any(
                t == text and o.phrase.label == hit.phrase.label and o.start <= hit.start
                and hit.end <= o.end and o.end - o.start > hit.end - hit.start
                for t, o in hits):
            continue  # a word of a longer passage of the same option counts with it
        place = (text, hit.start, hit.end) in named or (
            (text, hit.start, hit.end) not in theirs and context(text, hit))
        inside = [t for t in tokens(text, language, memo)
                  if hit.start <= t.start and t.end <= hit.end]
        # function words say nothing of the option ("logged in": one word, not two)
        content = [t for t in inside if t.raw.casefold() not in function] or inside
        read.append((text, hit, place, content))
    in_summary = {h.phrase.label for x, h, q, _ in read if x == summary and not q}
    in_body = {h.phrase.label for x, h, q, _ in read if x != summary and not q}
    if summary is not None and (len(in_summary) > 1 or bool(in_body - in_summary)):
        # the subject sums the body up: when it names two options, or the body names
        # another as the problem, a word the body uses only as context ("erreur liens" over
        # "erreur sur l'onglet Liens") is context in the subject as well
        said = {p: {(h.phrase.label, t.key) for x, h, q, c in read if x != summary and q == p
                    for t in c} for p in (True, False)}
        read = [(x, h, q or (x == summary and all(
                    (h.phrase.label, t.key) in said[True]
                    and (h.phrase.label, t.key) not in said[False] for t in c)), c)
                for x, h, q, c in read]
    for _text, hit, place, content in read:
        # context is one thing however many words name it ("a deep link")
        weight = PLACE_WEIGHT / max(1, len(content)) if place else 1.0
        if not place:
            direct.add(hit.phrase.label)
        words = covered[hit.phrase.label]
        for tok in content:
            words[tok.key] = max(words.get(tok.key, 0.0), weight)
    return ({v: sum(w.values()) if v in direct else min(PLACE_WEIGHT, sum(w.values()))
             for v, w in covered.items()}, direct)


def hesitates(hits: Sequence[tuple[str, Hit]], one: str, other: str) -> bool:
    """True when a text naming both options hesitates ("not sure", "two things") or joins
    them with "or" or "and" ("a crash or just lag", "my links stopped tracking, and my
    payment is late"), or adds the second to the first (`_ADDED`: "j'ai oublié mon mdp et en
    plus l'adresse … c'est une vieille adresse"): the requester may have two problems, a
    question settles it."""
    for text in {t for t, _ in hits}:
        mine = [h for t, h in hits if t is text or t == text]
        a = [h for h in mine if h.phrase.label == one]
        b = [h for h in mine if h.phrase.label == other]
        if not (a and b):
            continue
        if HESITATION.search(fold(text)):
            return True
        for x in a:
            for y in b:
                first, second = (x, y) if x.start < y.start else (y, x)
                gap = fold(text[first.end:second.start])
                if len(gap) <= 30 and _JOINED.search(gap):
                    return True
                if len(gap) <= _ADDED_GAP and (_ADDED.search(gap) or _ADDED_KO.match(
                        text[text.rfind(" ", first.start, first.end) + 1:second.start])):
                    return True
                if len(gap) <= _ADDED_GAP and _THEN.search(gap) and not SENTENCE_END.search(
                        gap) and not context(text, first) and not context(text, second) \
                        and not ACTION.search(fold(text[max((m.end() for m in SENTENCE_END.finditer(
                            text, 0, first.start)), default=0):second.start])):
                    # two symptoms in turn, in one sentence, each named as the problem; not
                    # steps ("je clique sur Annonceurs puis sur Mes programmes")
                    return True
    return False


#: How far after an option's words the addition of a second thing may start (characters).
_ADDED_NEAR = 24
#: A word every marker of `_ADDED` holds (raw text, any case).
_ADDED_CUE = re.compile(r"(?i)top of|besides|more|as well|plus|puis|march|disso|ainda|fora|"
                        r"tamb|게다가|또한|뿐만")
#: The fewest words a second thing added (`_added_unnamed`) is said in.
_ADDED_WORDS = 3


def _added_unnamed(hits: Sequence[tuple[str, Hit]], value: str) -> bool:
    """True when right after the words naming ``value`` the requester adds a second thing
    (`_ADDED`: "and on top of that", "en plus", "além disso", "게다가"), in the same
    sentence, and that second clause names ``value`` no more: what it adds may be another
    option, in words no keyword has."""
    for text, hit in hits:
        if hit.phrase.label != value or hit.negated or not _ADDED_CUE.search(text, hit.end):
            continue
        window = fold(text[hit.end:hit.end + _ADDED_NEAR + 24])
        m = _ADDED.search(window)
        if not m or m.start() > _ADDED_NEAR or SENTENCE_END.search(window, 0, m.start()):
            continue
        start = hit.end + m.end()
        stop = next((e.start() for e in SENTENCE_END.finditer(text, start)), len(text))
        if len(text[start:stop].split()) < _ADDED_WORDS:
            continue  # "des propos racistes en plus.": an adverb closing the sentence
        if not any(t == text and h.phrase.label == value and start <= h.start < stop
                   for t, h in hits):
            return True
    return False


def titles_of(f: Field, values: Sequence[str], locale: str) -> list[str]:
    """The options' titles in ``locale`` (for a question offering choices)."""
    by_value: Mapping[str, str] = {
        o.value: o.titles.get(locale) or o.titles.get(locale.split("-")[0]) or o.title
        for o in f.options}
    return [by_value.get(v, v) for v in values]
