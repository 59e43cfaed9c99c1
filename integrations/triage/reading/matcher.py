"""One phrase matcher for dropdown options and rule keywords.

Phrases (titles, keywords) and text are compared as normalised keys (`normalise.key`).
A text word meets a phrase word when their keys are equal; for Korean, when the text
word starts with a keyword of two syllables or more ("해킹당했어요" ⊃ "해킹"); for Latin
words of six letters or more, when one typo apart (RapidFuzz's optimal string alignment
distance ≤ 1, first two letters kept: "comission" → "commission", but "spamming" is not
"scamming"). Words of a phrase follow
each other in one sentence with at most one other word (or a comma) between two of them,
besides function words ("charged for it twice" for "charged
twice", "pas encore reçu" for "pas reçu", "caiu na conta" for "caiu conta"); a function
word inside a phrase may be left out or changed ("moyen de paiement" meets "moyen paiement",
"erro da página" meets "erro na página"). French and Portuguese elisions split at the
apostrophe ("l'erreur" is "l" + "erreur"); a French phrase starting with "ne" also meets the
text without it ("ça charge pas" for "ne charge pas"), as customers write.

Korean phrases are also found with their spacing changed and a particle added or dropped
between their words ("로그인 안" in "로그인이안돼요" and "로그인이 안 돼요"), and a Korean word of
two syllables or more inside a compound ("오류" in "접속오류"): one regular expression per
matcher (`_korean_pattern`), run only on text holding Hangul.

A hit preceded by a simple negation ("not a crash", "pas un problème de paiement",
"não é problema técnico") or followed by one in Korean ("결제 문제는 아니고") is kept but
marked ``negated``: it never counts as evidence. So is a mention that only dates the
problem ("since the update", "depuis la dernière mise à jour", "업데이트 이후"), and a thing
the requester does not have installed ("Chrome isn't installed", "크롬은 안 깔려 있어서").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from integrations.triage.reading.normalise import (
    EN_SAME,
    KOREAN_PARTICLES,
    Token,
    fold,
    key,
    strip_korean,
    tokens,
)
from integrations.triage.reading.words import COLLEAGUES_KO

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

__all__ = [
    "FUNCTION",
    "FUNCTION_WRITTEN",
    "Hit",
    "Matcher",
    "Phrase",
    "in_anothers_clause",
    "is_denied",
    "is_negated",
    "is_someone_elses",
    "not_the_topic",
    "owned_by_another",
    "owner_before",
    "renews_a_document",
]

#: Words that say nothing on their own: a phrase made only of them never matches free text.
STOP = frozenset({"other", "autr", "autre", "outra", "outro", "기타", "question", "the", "a"})
_LATIN = re.compile(r"^[a-z]+$")
#: Shortest word a typo is forgiven in (shorter ones meet too many other words).
TYPO_MIN = 6
#: Keyboard rows (QWERTY, with the AZERTY swaps a/q, z/w and m beside l): a one-letter
#: substitution is a typo only between neighbouring keys ("pyament" is, but "changed" is no
#: typo of "charged": r and n stand apart; both are words).
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, frozenset[str]] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        _near = {_row[_c - 1] if _c else "", _row[_c + 1] if _c + 1 < len(_row) else ""}
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < len(_ROWS):
                _near.update(_ROWS[_other][max(0, _c - 1):_c + 2])
        _NEIGHBOURS[_ch] = frozenset(_near - {""})
for _a, _b in (("a", "q"), ("z", "w"), ("m", "l")):
    _NEIGHBOURS[_a] |= {_b}
    _NEIGHBOURS[_b] |= {_a}


_VOWELS = frozenset("aeiouy")


def plausible_typo(written: str, meant: str) -> bool:
    """False when ``written`` is ``meant`` with one consonant replaced by one far from it on
    the keyboard (then it is more likely another word than a slip); any other edit of one
    letter (missing, doubled, swapped, a vowel misspelt) is a plausible typo."""
    if len(written) != len(meant):
        return True
    diff = [i for i, (a, b) in enumerate(zip(written, meant, strict=True)) if a != b]
    if len(diff) != 1:
        return True  # two letters swapped (or equal)
    a, b = written[diff[0]], meant[diff[0]]
    if a in _VOWELS and b in _VOWELS:
        return True  # "paymant": spelt as heard
    return b in _NEIGHBOURS.get(a, frozenset({b}))


#: A negation written without its apostrophe, as dictated or typed fast ("didnt", "wasnt",
#: "havent", "cant"): English only ("dont" is a French word too).
_NT = r"\b(?:do|does|did|is|was|are|were|has|have|had|could|would|should|ca|wo|must|need)nt"
#: Words remembered per matcher (then forgotten all at once: memory stays bounded).
MEMO_MAX = 20_000
#: A denied kind of thing, the words after its noun: "not a refusal of my card", "ce n'est
#: pas un refus de carte", "não é recusa de cartão" (folded; the English "not a card
#: refusal" needs none).
_NOT_A_KIND_OF = {
    "en": r"(?:\bnot|n't)\s+(?:a|an)\s+[^\W\d]{3,}\s+(?:of|with)\s+(?:(?:my|the|a|an)\s+)?$",
    "fr": r"\bpas\s+(?:vraiment\s+)?(?:un|une)\s+[^\W\d]{3,}\s+(?:de\s+|d')"
          r"(?:(?:ma|mon|la|l')\s*)?$",
    "pt": r"(?:\bnao|\bn)\s+(?:e|eh|foi)\s+(?:(?:um|uma)\s+)?[^\W\d]{3,}\s+(?:de|do|da)\s+"
          r"(?:(?:meu|minha)\s+)?$",
}
#: A negation word ("never": "never performed or anything"), then at most three words that
#: keep its scope (articles, "really", a
#: copula or "use": "not a crash", "no studio", "without PayPal", "pas de souci de
#: paiement", "sans carte", "não sou modelo", "sem cartão", "I don't use Chrome"; a
#: progressive, "my card isn't being declined"; French "rien" before a participle, "j'ai
#: rien perdu"; a bug of the kind, "not a quest bug", "pas un bug de quête", "não é bug de
#: item"; "nothing is missing"; "il n'y a pas eu de piratage").
_NEGATION_BEFORE = {
    "en": re.compile(r"(?:\bnot|n't|" + _NT +
                     r"|\bno longer|\bno|\bwithout|\bnor|\bneither|\bnever)\s+"
                     r"(?:(?:a|an|the|really|just|about|related to|my|any|problem|issue|bug|"
                     r"question|query|with|of|use|using|used|have|own|even|being|getting|"
                     # a request withheld: "not asking for a refund", "don't want a refund"
                     r"asking|looking|requesting|seeking|wanting|want|for|"
                     # a topic set aside: "I'm not talking about my subscription"
                     r"talking|complaining|writing)\s+){0,3}$|"
                     r"\bnothing to do with\s+(?:(?:a|an|the|my|any)\s+)?$|"
                     r"\b(?:unrelated|not related|no relation)\s+to\s+(?:(?:a|an|the|my|any)\s+)?$|"
                     r"\bnothing\s+(?:is\s+|'s\s+)?wrong\s+with\s+(?:(?:a|an|the|my|any)\s+)?$|"
                     r"\bnothing\s+(?:is|was|has been|got|seems|went)\s+$|" + _NOT_A_KIND_OF["en"]),
    "fr": re.compile(_NOT_A_KIND_OF["fr"] + "|"
                     r"(?:\bpas|\bni|\baucune?|\bsans|\bplus|\brien)\s+(?:(?:un|une|de|du|"
                     r"des|d'|le|la|les|l'|vraiment|encore|probleme|souci|question|demande|bug|"
                     r"histoire|affaire|sujet|eu|ete|pour|"
                     r"utilise|j'utilise|avec)\s*){0,4}$|"
                     r"\b(?:rien a voir|aucun rapport|sans rapport|pas de rapport|rien a faire)\s+"
                     r"avec\s+(?:(?:le|la|les|l'|mon|ma|mes|un|une)\s*)?$|"
                     r"\bpas\s+(?:vraiment\s+)?(?:au sujet de|a propos de|concernant)\s+"
                     r"(?:(?:le|la|les|l'|mon|ma|mes|notre)\s*)?$"),
    # "n" is "não" in chat shorthand ("n é problema de pagamento"); "do nada" (out of
    # nowhere) is no negation: "o jogo fecha do nada e volta pra área de trabalho"
    "pt": re.compile(_NOT_A_KIND_OF["pt"] + "|"
                     r"(?:\bnao|\bn|\bnem|\bsem|(?<!\bdo\s)\bnada|\bnenhum|\bnenhuma)\s+"
                     r"(?:(?:e|um|uma|o|a|de|do|da|foi|eh|problema|questao|duvida|pergunta|"
                     r"assunto|bug|sou|somos|era|sao|uso|usei|usamos|"
                     r"tenho|temos|nenhum|nenhuma|sobre|estou|to|quero|pedindo|pedir|querendo|"
                     # a topic set aside: "não tô falando da assinatura"
                     r"falando|reclamando|perguntando|escrevendo)\s+)"
                     r"{0,4}$|"
                     r"\b(?:nada a ver|nao tem a ver|nao tem nada a ver|sem relacao|"
                     r"nao tem relacao)\s+com\s+(?:(?:o|a|os|as|meu|minha|um|uma)\s+)?$|"
                     r"\bnada de errado com\s+(?:(?:o|a|os|as|meu|minha|um|uma)\s+)?$|"
                     r"\bnao\s+(?:e|eh|foi)\s+(?:bem\s+)?sobre\s+(?:(?:o|a|os|as)\s+)?"
                     r"(?:(?:meu|minha|meus|minhas|nosso|nossa)\s+)?$"),
}
#: Negation carried over a coordination: "no studio or agency", "pas de carte ni de
#: PayPal", "sem estúdio ou agência", "no agency/studio": the second word is as negated as
#: the first.
_NEGATION_JOINED = {
    "en": re.compile(r"(?:\bnot|n't|" + _NT +
                     r"|\bno|\bwithout|\bneither|\bnothing\s+(?:is\s+|'s\s+)?wrong"
                     r"\s+with|\bnothing to do with)\s+(?:(?:a|an|the|any|really|use|using|have|"
                     r"own|issues?|problems?|with|my|our)\s+){0,3}[^\W\d]+(?:\s+[^\W\d]+)?(?:\s*,?\s+"
                     r"(?:or|nor)\s+(?:(?:a|an|the|any|my|our|with)\s+){0,2}|\s*/\s*)$"),
    "fr": re.compile(r"(?:\bpas|\bsans|\baucune?|\brien a voir avec)\s+(?:(?:un|une|de|du|des|"
                     r"d'|le|la|les|l'|mon|ma|mes)"
                     r"\s*){0,2}[^\W\d]+(?:\s+[^\W\d]+)?(?:\s*,?\s+(?:ou|ni)\s+"
                     r"(?:(?:un|une|de|du|des|d'|le|la|les|l'|mon|ma|mes|avec)\s*){0,2}|\s*/\s*)$"),
    "pt": re.compile(r"(?:\bnao|\bsem|\bnem|\bnada a ver com|\bnada de errado com)\s+"
                     r"(?:(?:e|um|uma|o|a|de|do|da|sou|uso|tenho|meu|minha)\s+)"
                     r"{0,2}[^\W\d]+(?:\s+[^\W\d]+)?(?:\s*,?\s+(?:ou|nem)\s+"
                     r"(?:(?:um|uma|o|a|de|do|da|com|meu|minha)\s+){0,2}|\s*/\s*)$"),
}
#: French negation after its verb, "ne" dropped as spoken ("ça plante pas", "je joue
#: plus"); "pas mal" (quite a lot) is no negation.
_NEGATION_AFTER_FR = re.compile(r"^\s*(?:pas|plus|jamais|rien)\b(?!\s+mal\b)")
#: Portuguese negation after its noun: "não perdi item nenhum", "problema nenhum".
_NEGATION_AFTER_PT = re.compile(r"\s*(?:nenhum|nenhuma)\b")
#: Denials: a negation that says what the problem is *not* ("not a crash", "pas un problème
#: de paiement", "não é problema técnico", "결제 문제는 아니고", "I don't use Chrome"),
#: unlike "not paid", which describes the problem. An option denied anywhere is not read
#: from another mention.
_DENIAL_BEFORE = {
    "en": re.compile(r"(?:\bnot|n't|" + _NT +
                     r")\s+(?:(?:a|an|the|really|just|about|related to|any|"
                     r"problem|issue|question|query|bug|with|of|use|using)\s+){1,3}$|"
                     # a topic of the requester's ruled out: "this is NOT about my membership"
                     r"(?:\bnot|n't)\s+(?:(?:really|just|even)\s+)?(?:about|related to)\s+"
                     r"(?:my|our)\s+$|"
                     r"\bnothing to do with\s+(?:(?:a|an|the|my|any)\s+)?$|"
                     r"\b(?:unrelated|not related|no relation)\s+to\s+(?:(?:a|an|the|my|any)\s+)?$|"
                     r"\bnothing\s+(?:is\s+|'s\s+)?wrong\s+with\s+(?:(?:a|an|the|my|any)\s+)?$|"
                     + _NOT_A_KIND_OF["en"]),
    "fr": re.compile(_NOT_A_KIND_OF["fr"] + "|"
                     r"(?:\bpas|\baucune?)\s+(?:(?:vraiment|pour|un|une|de|d'|du)\s*){0,3}"
                     r"(?:probleme|souci|question|demande|bug|histoire|affaire|sujet)s?\s+(?:(?:de|d'|du|des|"
                     r"avec|le|la|les|l'|"
                     r"mon|ma|mes)\s*){0,2}$|"
                     r"(?:\bpas|\baucune?)\s+(?:vraiment\s+)?(?:un|une|le|la|les|l')\s*$|"
                     r"\bni\s+(?:(?:un|une|de|du|d'|vraiment|probleme|souci)\s*){1,3}$|"
                     r"\b(?:n'|ne\s+)?(?:utilise|suis)\s+pas\s+(?:(?:un|une|de|d'|le|la|les|l')"
                     r"\s*){0,2}$|"
                     r"\b(?:rien a voir|aucun rapport|sans rapport|pas de rapport)\s+avec\s+"
                     r"(?:(?:le|la|les|l'|mon|ma|mes|un|une)\s*)?$|"
                     # "ce n'est pas au sujet de mon abonnement", "pas à propos de mon …"
                     r"\bpas\s+(?:vraiment\s+)?(?:au sujet de|a propos de|concernant)\s+"
                     r"(?:(?:le|la|les|l'|mon|ma|mes|notre)\s*)?$"),
    "pt": re.compile(_NOT_A_KIND_OF["pt"] + "|"
                     r"\bnao\s+(?:e|eh|foi)\s+(?:bem\s+)?sobre\s+(?:(?:o|a|os|as)\s+)?"
                     r"(?:(?:meu|minha|meus|minhas|nosso|nossa)\s+)?$|"
                     r"(?:\bnao|\bn|\bnem)\s+(?:e|eh|foi|sou|somos|uso|usei|usamos)\s+"
                     r"(?:(?:um|uma|o|a|de|do|da|problema|questao|duvida|pergunta|assunto|bug|"
                     r"sobre)\s+){0,3}$|"
                     r"\b(?:nada a ver|nao tem a ver|nao tem nada a ver|sem relacao|"
                     r"nao tem relacao)\s+com\s+(?:(?:o|a|os|as|meu|minha|um|uma)\s+)?$"),
}
#: Korean "not" after the words, in every register: 아니에요/아닌/아닙니다/아냐, and the
#: clipped written form 아님 ending its clause ("스튜디오 소속 아님)", "버그 아님."), also over
#: a nominalised clause ("아이템이 없어진 건 아닌 것 같은데": not that the item vanished); 아님
#: before another word is "or" ("크롬 아님 엣지"), no negation. A noun of topic may stand
#: between ("요금 쪽 문의는 아니고요", "결제 관련 문제는 아니에요", "구독 쪽 얘기는 아니구요"),
#: as "histoire", "affaire", "sujet", "assunto" do in French and Portuguese ("pas une
#: histoire de facturation").
_NEGATION_AFTER_KO = re.compile(r"^\S*\s*(?:\S+\s+)?(?:(?:문의|문제|질문|이슈|얘기|이야기)\S?\s+)?"
                                r"(?:\S+\s+(?:건|게|거|것은|것이)\s+)?"
                                r"(?:아니|아닌|아닙|아냐|아녜|"
                                r"아님(?![ \t]*[\uac00-\ud7a3A-Za-z0-9]))")
_KO_TOPIC = frozenset("은는도")
#: Korean, a list denied as one: "결제나 계정 문제는 아니에요", "결제랑 계정 쪽은 아니고": the
#: first topic, "or"/"and", the next one (and its noun or two: "결제나 구독 쪽 얘기는
#: 아니구요") and the negation.
_NEGATION_JOINED_KO = re.compile(r"^(?:이나|나|이랑|랑|하고|과|와|,)\s*\S+\s+(?:\S+\s+){0,2}"
                                 r"(?:아니|아닌|아닙|아냐)")
#: Korean negations after the words: "크롬은 안 써요" (not used), "스튜디오는 없어요" (none),
#: "방송은 안 하고" (I do not stream), "크롬 말고" (not Chrome, but), "카드 없이" (without): a
#: topic or "also" particle, then the negated verb of using, doing or having, or 말고/없이
#: right after the word ("결제를 안 했는데", with an object particle, tells what happened);
#: "계정 문제 같은 건 없어요", "결제 쪽은 없고" (no such problem). 없어졌어요, 없어진 (vanished)
#: is the problem itself, no denial: "인벤토리에서도 없어졌어요".
_DENIAL_AFTER_KO = re.compile(
    r"^(?:은|는|도)?\s*(?:안\s*(?:써|쓰|씀|사용)|사용\s*안)|^(?:은|는|도)\s*(?:없어(?![졌지진짐])|"
    r"없습|없고|"
    r"없음|없는데|안\s*(?:하|해|했|함|합))|^(?:은|는|이|가|을|를|도)?\s*(?:말고|없이)|"
    # an adnominal "without", no particle between: "소속 없는 개인 모델" (no agency)
    r"^\s*없는\s+(?=[\uac00-\ud7a3])|"
    r"^\s*(?:문제|이슈|쪽)?\s*(?:같은\s*(?:건|거|것은?)|는|은|도)\s*(?:전혀\s*)?(?:없어(?![졌지진짐])|"
    r"없습|없고|없음)|"
    # none of that: "튕기거나 그런 건 없고 그냥 버벅임" (no crash or the like)
    r"^\S*\s*그런\s*(?:건|거|것은?|일은?|적은?)\s*(?:전혀\s*)?(?:없어(?![졌지진짐])|없습|없고|없음|"
    r"없는데|없었)|"
    # not installed: "크롬은 안 깔려 있어서", "크롬은 설치가 안 돼 있어요", "깔려 있지 않아요"
    r"^(?:은|는|도|이|가)?\s*(?:안\s*(?:깔|설치)|설치\S*\s*안\s*(?:돼|되|했)|"
    r"(?:깔려|설치\S*\s*(?:돼|되어))\s*있지\s*않)")
#: Latin, after the words: a thing the requester does not have installed ("Chrome isn't
#: installed", "Chrome n'est pas installé", "o Chrome não está instalado"): none of theirs.
_NOT_INSTALLED_AFTER = re.compile(
    r"^\s*(?:is|was)(?:n't|\s+not)\s+(?:even\s+)?installed\b|"
    r"^\s*n'(?:est|etait)\s+(?:meme\s+)?pas\s+installee?\b|"
    r"^\s*(?:nao|nem)\s+(?:esta|ta|estava)\s+(?:nem\s+)?instalad[oa]\b")
#: "since the update", "since your patch", "depuis la dernière mise à jour", "desde a sua
#: atualização", "업데이트 이후", and the time before
#: it ("before the patch everything was fine", "avant la maj aucun souci", "antes da
#: atualização", "업데이트 전에는"): context, not the problem.
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:since|after|before)\s+(?:(?:the|a|an|my|your|ur|their)\s+)?(?:last\s+|latest\s+|"
    r"recent\s+|new\s+|[a-z]+'?s\s+)?|"
    r"\b(?:depuis|apres|avant)\s+(?:la|le|l'|une?|votre|vos)\s*(?:derniere\s+|dernier\s+|"
    r"nouvelle\s+)?|"
    r"\b(?:desde\s+|depois\s+d|antes\s+d)[ao]\s+(?:(?:sua|seu|nova|ultima|ultimo)\s+)?)"
    # a version between ("after the 5.2 hotfix", "depuis le 1.4 patch", "desde o 2.0 patch")
    r"(?:v?\d+(?:\.\d+)*[a-z]?\s+)?$")
#: A hedge or a change under way before the words: "we're kind of becoming an agency", "a
#: gente tá meio que virando agência", "on devient presque un studio": not what is, yet.
_HEDGE_BEFORE = re.compile(
    r"\b(?:kind of|sort of|almost|becoming|turning into|about to become|"
    r"presque|en train de devenir|devenir|devient|devenons|"
    r"meio que|quase|virando|virar|tornando|se tornar|nos tornando)\s+"
    r"(?:(?:a|an|the|un|une|um|uma|o|a|de|d'|like)\s*)?$")
#: A topic naming the team that handles it ("send me to the billing team", "the payments
#: department", "l'équipe facturation", "o setor de cobrança", "결제팀"): who answers, not
#: what the problem is, so no evidence of it (the problem's own words still are).
_TEAM_AFTER = re.compile(r"^\s*(?:team|teams|department|dept|desk|people|guys|folks)\b|^\s*팀")
_TEAM_BEFORE = re.compile(r"\b(?:equipe|departement|setor|pessoal|galera|"
                          r"departamento)\s+(?:(?:de|du|des|d'|da|do|dos|das)\s*)?"
                          r"(?:(?:la|le|l'|les|a|o|as|os)\s*)?$")
#: A topic named as where the ticket should (not) be sent: "before anyone forwards this to
#: payments", "don't pass this to billing", "qu'on me transfère vers la facturation",
#: "encaminhem isso pro financeiro", "결제 쪽으로 넘기지 마세요": a destination, like a team
#: (`_TEAM_AFTER`), not the problem. Only verbs of sending a ticket on ("pass", "passer",
#: "passar" also mean switching plans: "passer à l'abonnement premium").
_SENT_TO_BEFORE = re.compile(
    r"\b(?:forward|send|route|transfer|escalate|redirect|refer|bounce|kick)(?:s|ed|ing)?\s+"
    r"(?:(?:this|it|me|us|my\s+(?:ticket|message|request|case|email)|the\s+(?:ticket|case|"
    r"request|message))\s+)?(?:(?:over|back|straight|off|on|along)\s+)?(?:to|towards)\s+"
    r"(?:(?:the|your)\s+)?$|"
    r"\bpass(?:es|ed|ing)?\s+(?:this|it|me|us|my\s+ticket|the\s+ticket)\s+(?:(?:over|back|on|"
    r"along)\s+)?to\s+(?:(?:the|your)\s+)?$|"
    r"\b(?:transfer\w*|envoy\w*|renvoy\w*|redirig\w*|oriente\w*|transmet\w*|transmis\w*)\s+"
    r"(?:(?:ca|cela|ce\s+ticket|mon\s+ticket|ma\s+demande|le\s+ticket|mon\s+message)\s+)?"
    r"(?:a|au|aux|vers|chez)\s+(?:(?:la|le|l'|les|votre|vos)\s*)?(?:(?:service|equipe|pole)\s+"
    r"(?:(?:de|d'|du|des|la|l')\s*){0,2})?$|"
    r"\b(?:encaminh\w*|mand[aeo]\w*|transfer\w*|jog[aeu]\w*|redirecion\w*)\s+(?:(?:isso|isto|"
    r"meu\s+chamado|o\s+chamado|o\s+ticket|minha\s+mensagem)\s+)?(?:pro|pra|pros|pras|ao|aos|"
    r"para\s+(?:o|a|os|as)|para)\s+(?:(?:o|a|os|as)\s+)?(?:(?:setor|equipe|time|pessoal|"
    r"departamento|area)\s+(?:(?:de|do|da|dos|das)\s+)?)?$")
_SENT_TO_AFTER_KO = re.compile(r"^\s*(?:쪽|팀|부서|담당\S*)\s*(?:으로|로|에)?\s*"
                               r"(?:넘기|넘겨|보내|전달|돌리|돌려|이관)")
_CONTEXT_AFTER_KO = re.compile(r"^\S*\s*(?:이후|후에|후로|뒤로|뒤부터|이전|전에|전엔|전까지)")
#: A topic declared fine after it ("billing is fine", "payouts are fine", "mon abonnement est
#: actif", "o pagamento tá ok", "결제는 잘 됐는데"): the requester sets it aside as a denial
#: does, so it is no evidence of the problem. Only a present state (not "was fine until…"),
#: and never with a negation between ("is not fine", "ne marche pas", "잘 안 돼요").
_FINE_AFTER = re.compile(
    r"^\s*(?:(?:side|part|itself|wise)\s+)?(?:(?:is|are|'s|'re|seems?|looks?)\s+(?:(?:all|totally|"
    r"completely|perfectly|still|working|running)\s+)?"
    r"(?:(?!not\b|never\b)[a-z]+\s+and\s+)?(?:fine|ok|okay|good|active|normal|"
    r"in order|up to date)|(?:works?|is working|are working)\s+(?:fine|perfectly|normally|ok)|"
    # settled or paid, now: "the billing part is sorted already", "my membership is paid"
    r"(?:is|are|'s|'re|has been|have been)\s+(?:(?:already|all|fully)\s+)?(?:sorted|resolved|"
    r"settled|taken care of|paid(?:\s+up)?)|"
    # went through as it should: "my membership went through fine", "renewed normally"
    r"(?:(?:went|goes|has gone)\s+through|renewed|processed|was charged|got renewed|got "
    r"processed)\s+(?:just\s+)?(?:fine|ok|okay|normally|as usual|without\s+(?:(?:a|any)\s+)?"
    r"(?:problems?|issues?|hitch))(?!\w)(?!\s*(?:last\s+\w+\s*)?,?\s*but\b)"
    r")\b|"
    r"^\s*(?:(?:est|sont)\s+(?:(?:bien|toujours|tout a fait)\s+)?"
    r"(?:(?!pas\b)[a-z]+\s+et\s+)?(?:ok|actifs?|actives?|nickel|"
    r"en ordre|a jour|normale?|correcte?)|(?:va|vont|marche|marchent|fonctionne|"
    r"fonctionnent)\s+(?:tres\s+)?(?:bien|normalement|correctement|nickel)(?!\s+(?:sauf|mais)"
    r")|(?:est|sont)\s+(?:(?:deja|bien|tout)\s+)?(?:regle|reglee|resolu|resolue|paye|payee)|"
    r"(?:est|s'est|s est|a|ont)\s+bien\s+(?:ete\s+)?(?:passee?|renouvelee?|prelevee?|debitee?)"
    r"(?!\w)(?!\s*,?\s*mais\b))\b|"
    r"^\s*(?:(?:ta|esta|tao|estao|segue|continua)\s+(?:(?:tudo|bem|totalmente)\s+)?"
    r"(?:(?!nao\b)[a-z]+\s+e\s+)?(?:ok|certo|"
    r"certa|normal|ativo|ativa|ativos|ativas|em dia|funcionando|de boa|tranquilo|beleza|"
    r"resolvid[oa]|pag[oa]|quitad[oa])|(?:ja\s+)?foi\s+(?:resolvid[oa]|pag[oa]|quitad[oa])|"
    r"(?:funciona|funcionam)\s+(?:bem|normal|normalmente|certinho)|"
    r"(?:passou|renovou|foi renovad[oa]|foi aprovad[oa]|entrou)\s+(?:certinho|normal|normalmente|"
    r"de boa|sem problemas?)(?!\w)(?!\s*,?\s*mas\b))\b|"
    r"^(?:은|는|도|이|가)?\s*(?:잘\s*(?:됐|되었|됩|돼|되고|되는|되요|되어\s*있)|괜찮|멀쩡|문제\s*없|이상\s*없|"
    r"해결\s*(?:됐|되었|됨|돼)|(?:결제\s*)?(?:돼|되어)\s*있(?:어|습|음)|"
    # "구독은 잘 갱신됐어요", "정상적으로 연장됐고": a verb of its own, done as it should ("잘
    # 안돼요" is no such thing)
    r"(?:잘|정상적으로|문제\s*없이)\s*(?![안못])[\uac00-\ud7a3]{1,3}(?:됐|되었|됩니|되고)|"
    r"정상(?:이|입|인|적으로\s*(?:됐|되었|처리\s*됐|완료)))|"
    # the topic's own verb, then how it went: "renewed normally", "renovou certinho"
    r"^\s*(?:just\s+)?(?:fine|normally|as usual|without\s+(?:(?:a|any)\s+)?(?:problem|issue)s?)\b"
    r"(?!\s*,?\s*but\b)|"
    r"^\s*(?:normalement|sans (?:souci|probleme))\b(?!\s*,?\s*mais\b)|"
    # its clause closed on it: "I can see the charge, no problem there", "le prélèvement est
    # passé, aucun souci de ce côté", "a cobrança tá lá, sem problema nisso"
    r"^\s*[,;-]?\s*(?:no\s+(?:problems?|issues?)\s+(?:there|with\s+(?:that|it|this))|"
    r"(?:aucun|pas\s+de)\s+(?:souci|probleme)\s+(?:la|la-dessus|de ce cote|avec ca)|"
    r"(?:sem|nenhum)\s+problemas?\s+(?:ai|nisso|com isso|quanto a isso))\b"
    r"(?!\s*,?\s*(?:but|mais|mas)\b)|"
    r"^\s*(?:certinho|normalmente|de boa|sem problemas?)\b(?!\s*,?\s*mas\b)")


#: Before a topic declared fine, words that make it another one than the problem's: "other
#: advertisers are fine" (this one is not), "Dana's account works fine", "웹사이트에서는 로그인
#: 잘 됩니다" (elsewhere it works): then the topic may well be the problem.
_FINE_OTHER_BEFORE = re.compile(r"\b(?:other|others|another|autres?|outr[oa]s?)\s+(?:\S+\s+)?$|"
                                r"'s\s+(?:\S+\s+)?$|다른\s*(?:\S+\s+)?$|"
                                r"(?:에서는|에선|에서도)\s+(?:\S+\s+){0,2}$")
_FINE_OTHER_AFTER = re.compile(r"\b(?:elsewhere|other|ailleurs|autres?|outr[oa]s?)\b|다른")


#: After a Korean word ending "돼"/"되어", a state ("결제돼 있어요": it is paid).
_DONE_STATE_KO = re.compile(r"\s*있(?:어|습|음)")


#: Korean, fine said around the words: an adverb of "as it should" before them and their
#: verb done after ("멤버십은 잘 갱신됐어요", "정상적으로 결제됐고", "문제없이 연장됐어요").
_FINE_ADVERB_BEFORE_KO = re.compile(r"(?:잘|정상적으로|문제\s*없이|무사히|제대로)\s*$")
_DONE_AFTER_KO = re.compile(r"[\uac00-\ud7a3]+?\s*(?:됐|되었|됩니|돼|되고|됨|되어)")


def _declared_fine(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` are declared fine (`_FINE_AFTER`), in a
    clause about them, not about another of their kind (`_FINE_OTHER_BEFORE`). Such a mention
    is no evidence, but it denies nothing: "the card is fine" still names the card paid with."""
    before = fold(_CLAUSE_END.split(text[max(0, start - 40):start])[-1])
    if _FINE_OTHER_BEFORE.search(before):
        return False
    if end and text[end - 1] in _KO_TOPIC:
        end -= 1
    if text[max(start, end - 2):end].endswith(("돼", "되어")) and _DONE_STATE_KO.match(text, end):
        return True  # "구독은 결제돼 있어요": paid, a state
    if _FINE_ADVERB_BEFORE_KO.search(text[max(0, start - 8):start]) \
            and _DONE_AFTER_KO.match(text[start:end + 6]):
        return True  # "잘 갱신됐어요": renewed as it should
    after = fold(_SENTENCE_END.split(text[end:end + 30], maxsplit=1)[0])
    found = _FINE_AFTER.search(after)
    return found is not None and not _FINE_OTHER_AFTER.search(after, found.end())
_ANY_LANGUAGE = ("en", "fr", "pt")
#: Function words: inside a phrase they may be missing or different in the text, and
#: between a phrase's words they do not count against its one-word gap. Negations are not
#: function words ("not", "pas", "não" keep their place).
_FUNCTION_WORDS = {
    "en": "the a an my your our this that it its to of for in on at with me i is was be been "
          "has have had just still also really their any",
    "fr": "le la les l un une de du des d mon ma mes notre nos votre vos ce cette ces au aux "
          "en à a me m je j y il elle on est été sur pour par avec toujours encore",
    "pt": "o a os as um uma de do da dos das no na nos nas em ao meu minha meus minhas seu "
          "sua nosso nossa me eu é foi com para pra por ainda já",
}
FUNCTION = {lang: frozenset(key(w, lang) for w in ws.split())
            for lang, ws in _FUNCTION_WORDS.items()}
#: The same words as written (accents kept: "da" is a function word, "dá" a verb).
FUNCTION_WRITTEN = {lang: frozenset(ws.split()) for lang, ws in _FUNCTION_WORDS.items()}
#: Everyday words a stem can fall onto ("comme" and "commissions" are both "comm" to the
#: French stemmer): such a word in the text meets a keyword only when the keyword holds it
#: as written.
_COMMON_WORDS = {
    "en": "as so all more very well like then there here when where what which who how one "
          "can will would could should please thanks thank hello day days time times now",
    "fr": "comme comment pour avec plus tout tous toute toutes mais donc car quand bien fait "
          "faire etre avoir tres aussi alors merci bonjour jour jours fois meme deja chaque "
          "quelque quelques plusieurs",
    "pt": "como para com mais todo toda tudo mas entao quando bem muito tambem mesmo "
          "obrigado obrigada ola dia dias vez vezes cada algum alguma logo",
}
COMMON = {lang: frozenset(ws.split()) for lang, ws in _COMMON_WORDS.items()}
#: Endings of a person's noun a stemmer takes off ("accountant" -> "account", "comptable" ->
#: "compt"), per language (`Matcher._agent`).
_AGENT_SUFFIXES: dict[str, tuple[str, ...]] = {"en": ("ant", "ants"),
                                               "fr": ("able", "ables")}
#: Most words between two words of a phrase (function words aside), and the marks that end a
#: clause: a phrase never spans them.
GAP = 1
_CLAUSE_END = re.compile(r"[.!?;:\n]")
_SENTENCE_END = re.compile(r"[.!?\n]")
#: A comma or dash between two words of a phrase counts as one word of the gap.
_PAUSE = re.compile(r",|\s-\s")
#: Negation words (as keys): one standing between a phrase's words, and not in the phrase,
#: turns its meaning around ("paid, not charged" for "paid charged"; "결제 안 됨" for
#: "결제는 됐"), so the phrase does not meet the text there.
_GAP_NEGATIONS = frozenset({"not", "no", "never", "nor", "pas", "ne", "n", "jamais", "ni",
                            "nao", "nunca", "nem", "안", "못", "않"})
#: In a phrase that starts with a possessive, a copula in the gap starts a new predicate:
#: "my girlfriend is a model" is not "my models" (the copula counts as a word of the gap).
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "est", "sont", "etait", "e",
                      "foi", "era", "sao"})
_POSSESSIVES = frozenset({"my", "our", "mon", "ma", "mes", "notre", "nos", "meu", "minha",
                          "meus", "minhas", "nosso", "nossa", "nossos", "nossas"})
#: The first half of a French negation, which customers often leave out.
_FR_NE = frozenset({"ne", "n"})
_HANGUL_TEXT = re.compile("[\uac00-\ud7a3]")
_HANGUL_WORD = re.compile("^[\uac00-\ud7a3]+$")
#: Contracted forms of 되다 ("to work", in "안 돼요", "안됨"): one key, "되".
_DOE = "(?:되|돼|됐|됨|됩|된)"


def _after(text: str, end: int) -> str:
    """The dozen characters after a hit, up to the end of its sentence (a Korean negation
    follows what it negates: "충돌은 아니고", never across a full stop); a Korean hit's
    own last particle ("크롬은") starts it."""
    if end and text[end - 1] in _KO_TOPIC:
        end -= 1
    return _SENTENCE_END.split(text[end:end + 12], maxsplit=1)[0]


def _joined_ko(text: str, end: int) -> bool:
    """True when the Korean words ending at ``end`` open a list the sentence denies
    (`_NEGATION_JOINED_KO`); the joining particle may be the hit's own last syllable."""
    if not end or not _HANGUL_TEXT.match(text[end - 1]):
        return False
    after = _SENTENCE_END.split(text[end:end + 20], maxsplit=1)[0]
    if text[end - 1] in "나랑과와":
        after = "나" + after
    return bool(_NEGATION_JOINED_KO.search(after))


#: Korean "unrelated" after the words: "구독이랑은 상관없고", "결제랑 관계없는", "결제와 무관":
#: the topic ruled out, as "nothing to do with" is.
_UNRELATED_AFTER_KO = re.compile(r"^(?:이랑|랑|과|와|하고)?(?:은|는|도)?\s*(?:전혀\s*)?"
                                 r"(?:상관\s*(?:이\s*)?없|관계\s*(?:가\s*)?없|관련\s*(?:이\s*)?없|무관)")


#: A thing the requester disowns: the negation is of their own act, not of the thing ("it's
#: not a charge I made", "ce n'est pas un achat que j'ai fait", "não é uma compra que eu
#: fiz", "não foi compra minha", "제가 한 결제 아닌데", "내가 결제한 거 아님"). The thing is
#: there, unwanted: it is the problem, no denial of it.
_DISOWNED_AFTER = re.compile(
    r"^\s*(?:that\s+|which\s+)?(?:i|we)\s+(?:(?:ever|actually|even|myself)\s+)?(?:made|did|"
    r"authori[sz]ed|approved|recogni[sz]e|asked for|ordered|bought|placed|requested)\b|"
    r"^\s*(?:que|qu')\s*(?:j'ai|j ai|nous avons|on a|moi)\s*(?:fait|faite|autorise|autorisee|"
    r"effectue|effectuee|demande|demandee|passe|passee|reconnais)?\b|"
    r"^\s*(?:que\s+)?(?:eu|a gente|nos)\s+(?:fiz|fizemos|autorizei|autorizamos|reconheco|"
    r"pedi|realizei)\b|^\s*(?:minha|meu|nossa|nosso)\b")
_DISOWNED_BEFORE_KO = re.compile(r"(?:제가|내가|저희가|우리가|본인이)\s+(?:직접\s+)?"
                                 r"(?:[\uac00-\ud7a3]*(?:한|했던|산|샀던|낸|승인한)\s+)?$")
_DISOWNED_WORD_KO = re.compile(r"[\uac00-\ud7a3]*(?:한|했던|산)\s*(?:게|거|건|것)")


def _disowned(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` name a thing the requester disowns
    (`_DISOWNED_AFTER`): a negation there denies their act, not the thing."""
    if _DISOWNED_AFTER.search(fold(text[end:end + 40])):
        return True
    before = text[max(0, start - 16):start]
    if not _DISOWNED_BEFORE_KO.search(before):
        return False
    # "제가 한 결제", "내가 결제한 거": the requester's act before the thing, or in its word
    return not before.rstrip().endswith(("제가", "내가", "저희가", "우리가", "본인이")) \
        or bool(_DISOWNED_WORD_KO.match(text, start))


def is_negated(text: str, start: int, end: int, language: str) -> bool:
    """True when the words at ``text[start:end]`` are negated (see the module docstring);
    a thing the requester disowns is not (`_disowned`, looked at only then: it is rare)."""
    return _negated(text, start, end, language) and not _disowned(text, start, end)


def _negated(text: str, start: int, end: int, language: str) -> bool:
    after = _after(text, end)
    if _UNRELATED_AFTER_KO.search(text[end:end + 16]):
        return True
    if _NEGATION_AFTER_KO.search(after) or _CONTEXT_AFTER_KO.search(after) \
            or _DENIAL_AFTER_KO.search(after) or _joined_ko(text, end):
        return True
    if language == "fr" and _NEGATION_AFTER_FR.search(fold(after)):
        return True
    if language == "pt" and _NEGATION_AFTER_PT.match(fold(after)):
        return True
    if _NOT_INSTALLED_AFTER.search(fold(text[end:end + 40])):
        return True
    if _declared_fine(text, start, end) or _TEAM_AFTER.search(fold(after)):
        return True
    before = fold(text[max(0, start - 60):start])
    if _TEAM_BEFORE.search(before) or _SENT_TO_BEFORE.search(before) \
            or _SENT_TO_AFTER_KO.match(after):
        return True
    if _CONTEXT_BEFORE.search(before) or _HEDGE_BEFORE.search(before):
        return True
    if _FORGOTTEN_BEFORE.search(before):
        return False  # "je ne me souviens plus du mot de passe": the thing is what is lost
    langs = (language,) if language in _NEGATION_BEFORE else _ANY_LANGUAGE
    return any(_NEGATION_BEFORE[lang].search(before) or _NEGATION_JOINED[lang].search(before)
               for lang in langs)


#: A French verb of remembering, knowing or finding before its negation, then the words
#: (folded): "je ne me souviens plus du mot de passe", "je ne retrouve pas mon mot de
#: passe": the requester lost the thing, which is the problem, not a denial of it (in
#: English and Portuguese the negation stands before the verb: "não lembro a senha").
_FORGOTTEN_BEFORE = re.compile(
    r"\b(?:souviens|souvient|rappelle|rappelles|retrouve|retrouves|connais|sais)\s+"
    r"(?:plus|pas)\s+(?:(?:de|du|des|d'|mon|ma|mes|le|la|les|l')\s*)?$")


#: A verb of validity: renewing, extending, expiring ("renew", "renouveler", "renovar",
#: "vencer", "갱신", "연장", "만료"), as a word's folded start.
_VALIDITY = re.compile(r"renew|expir|extend|prolong|renouvel|renov|venc|갱신|연장|만료")
#: An identity document or its check ("my ID verification", "ma pièce d'identité", "meu
#: documento", "신분증", "본인 인증"), and a subscription ("membership", "abonnement",
#: "assinatura", "구독"): what a renewal may be of.
_DOCUMENT = re.compile(
    r"\b(?:id|ids|identity|identification|passport|licen[cs]e|verification|kyc|documents?|"
    r"paperwork|piece d'identite|carte d'identite|cni|passeport|titre de sejour|justificatifs?|"
    r"papiers|documentos?|identidade|rg|cnh|passaporte|verificacao)\b|신분증|여권|인증|신원|서류|면허")
_SUBSCRIPTION = re.compile(r"\b(?:subscription|membership|plan|premium|vip|abonnement|abo|formule|"
                           r"assinatura|plano|mensalidade)\b|구독|멤버십|요금제|정기\s*결제")


def renews_a_document(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` renew, extend or expire something and
    their sentence names an identity document or its check, and no subscription: "my ID
    verification is expiring, do I renew it through my agency", "신분증 인증 갱신은 어디서":
    the document's renewal, not a subscription's (a rule's billing keywords)."""
    if not _VALIDITY.search(fold(text[start:end])):
        return False
    first = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    last = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    sentence = fold(text[first:last])
    return bool(_DOCUMENT.search(sentence)) and not _SUBSCRIPTION.search(sentence)


#: Right before the words, someone handling them for the requester: "a studio who handles
#: my schedule and my payments", "qui gère mes horaires et mes paiements", "que cuida dos
#: meus pagamentos", "my agency takes care of all my payouts": an arrangement told, not the
#: problem (a rule's topic is named by what went wrong). Only a third person's verb: "I
#: can't manage my subscription" is the topic itself.
_HANDLED_BEFORE = re.compile(
    r"\b(?:handles|manages|takes\s+care\s+of|looks\s+after|controls|runs)\s+(?:all\s+)?"
    r"(?:of\s+)?(?:(?:my|our)\s+)?(?:[^\W\d]+\s+(?:and|&)\s+(?:(?:my|our)\s+)?)?$|"
    r"(?<!je )\b(?:gere|gerent|s'occupe\s+de|s'occupent\s+de|controle|controlent)\s+"
    r"(?:tout\s+|toute\s+)?(?:(?:mes|mon|ma|nos|notre)\s+)?(?:[^\W\d]+\s+et\s+"
    r"(?:(?:mes|mon|ma|nos|notre)\s+)?)?$|"
    r"\b(?:cuida|cuidam|gerencia|gerenciam|administra|administram|controla|controlam)\s+"
    r"(?:de\s+|d[oa]s?\s+)?(?:(?:meus|minhas|meu|minha|nossos|nossas)\s+)?(?:[^\W\d]+\s+e\s+"
    r"(?:(?:d[oa]s?\s+)?(?:meus|minhas|meu|minha)\s+)?)?$")


def not_the_topic(text: str, start: int, end: int) -> bool:
    """True when a rule keyword at ``text[start:end]`` names no topic of the ticket: what
    someone handles for the requester (`_HANDLED_BEFORE`: "a studio who handles my
    payments"), a renewal of an identity document (`renews_a_document`), or the
    requester's own guess at the category, taken back before they tell the problem
    (`_GUESSED_BEFORE`, `_BUT_AFTER`: "je pense que c'est plutôt un problème de
    facturation, …, mais bon : je n'arrive pas à changer ma photo")."""
    before = fold(text[max(0, start - 60):start])
    if _HANDLED_BEFORE.search(before) or renews_a_document(text, start, end):
        return True
    if _GUESSED_BEFORE.search(before):
        return _BUT_AFTER.search(fold(text[end:end + 120])) is not None
    # the same guess opening a line as a short question ("souci facturation ? photo de
    # profil", a subject): a doubt
    mark = _MARK_AFTER.match(text, end)
    return mark is not None and len(text[text.rfind("\n", 0, start) + 1:end].split()) <= 3


#: A question mark right after a keyword.
_MARK_AFTER = re.compile(r"[ \t]*\?")


#: A guess at the ticket's category right before a keyword, in its sentence (folded): "I
#: think it's a billing thing", "probably a billing problem", "je pense que c'est plutôt un
#: problème de", "acho que é coisa de", "deve ser problema de", "아마 결제 쪽".
_GUESSED_BEFORE = re.compile(
    r"(?:\b(?:i think|i guess|i'd say|probably|maybe|might be|must be|je pense que|je crois que|"
    r"sans doute|peut-etre|probablement|j'imagine que|acho que|deve ser|talvez|provavelmente|"
    r"imagino que)\b|아마)[^.!?\n]{0,40}$")
#: The guess taken back in its sentence: "but", "mais bon", "mas enfim", "anyway", or a
#: Korean "-인데"/"-같은데" turning to the problem.
_BUT_AFTER = re.compile(r"^[^.!?\n]*?(?:\b(?:but|anyway|mais|enfin|bref|mas|enfim|porem)\b|"
                        r"(?:같은데|인데|긴\s*한데|지만))")


def is_denied(text: str, start: int, end: int, language: str) -> bool:
    """True when the words at ``text[start:end]`` are denied as the problem's kind."""
    after = _after(text, end)
    if _NEGATION_AFTER_KO.search(after) or _DENIAL_AFTER_KO.search(after) \
            or _UNRELATED_AFTER_KO.search(text[end:end + 16]):
        return True
    before = fold(text[max(0, start - 40):start])
    langs = (language,) if language in _DENIAL_BEFORE else _ANY_LANGUAGE
    return any(_DENIAL_BEFORE[lang].search(before) for lang in langs)


#: Someone else's thing: a third-person possessive before the words, with at most four
#: words between and none of them the requester's ("on his Firefox on Ubuntu", "on her
#: Windows laptop with Chrome", "sur son PC sous Windows"), a person's
#: ("my friend's account", "친구 계정"), or after them ("no Firefox dele", "le compte de
#: mon ami", "a conta do meu sócio").
_PEOPLE = (r"(?:friend|colleague|coworker|co-worker|partner|associate|brother|sister|wife|"
           r"husband|boyfriend|girlfriend|boss|manager|client|mom|dad|son|daughter|cousin|"
           r"guildmate|guildie|clanmate|teammate)")
_SOMEONE_ELSES_BEFORE = re.compile(
    r"\b(?:his|her|their|son|sa|ses|leur|leurs)\s+(?:(?!(?:my|i|me|mon|ma|mes|je|meu|minha|"
    r"eu)\s)[^\W\d]+\s+){0,4}$|"
    # another's possessive pronoun as the subject: "hers is SID …", "le sien c'est le …",
    # "o dela é …" (the requester's "mine is …" follows as their own)
    r"\b(?:hers|theirs|le sien|la sienne|les siens|o dele|o dela|a dele|a dela|o deles|"
    r"o delas)\s+(?:[^\W\d]+(?:['’][^\W\d]*)?\s+){0,3}$|"
    r"\b" + _PEOPLE + r"'s\s+(?:[^\W\d]+\s+)?$|"
    # the owner after the thing, Portuguese's order: "o SID dele é", "o site da minha irmã é"
    r"\b(?:dele|dela|deles|delas|d[oa]\s+(?:meu|minha)\s+(?:amig[oa]|colega|soci[oa]|"
    r"irmao|irma|marido|esposa|namorad[oa]|chefe|cliente|cunhad[oa]|filh[oa]|mae|pai|"
    r"prim[oa]|parceir[oa]|sogr[oa]|ti[oa]))\s*(?:e|eh|=)?\s*$|"
    r"(?:친구|동료|지인|남편|아내|여자친구|남자친구|동생|형|누나|언니|오빠|파트너)(?:의)?\s*$")
_SOMEONE_ELSES_AFTER = re.compile(
    r"^\s*(?:dele|dela|deles|delas)\b|"
    r"^\s+(?:of|de|d')\s*(?:my|mon|ma|mes)\s+(?:" + _PEOPLE[3:-1] + r"|ami|amie|collegue|"
    r"associee?|frere|soeur|femme|mari|copain|copine|patron|client|pote)\b|"
    r"^\s+d[oa]s?\s+(?:meu|minha|meus|minhas)\s+(?:amig[oa]s?|colega|socio|socia|irmao|irma|"
    r"marido|esposa|namorad[oa]|chefe|cliente)\b|"
    r"^\s+of\s+(?:his|her|their)\b")
#: A thing of someone else's right before a name field's noun (raw text, its window only):
#: anyone's ("Bob's character"), "seu/sua", and the Korean owners of a player's thing
#: ("그 유저", "상대방의", "플레이어의"; not "제 플레이어").
_THING_OWNER_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:his|her|their|son|sa|ses|leur|seu|sua)|\w['’]s|그의|그 사람|친구(?:의)?|"
    r"그 유저(?:의)?|상대(?:방)?(?:의)?|그놈(?:의)?|"
    r"(?<!제 )(?<!내 )(?<!\w)(?:플레이어|유저)(?:의)?|"
    r"(?<!\w)(?:friend|ami|amie|pote|amigo|amiga)['’]?s?)\s*$")


def owner_before(text: str, at: int, window: int = 24) -> bool:
    """True when another person's possessive ends right before ``at`` ("his", "Bob's",
    "그 유저", in ``window`` characters): what is named there is theirs."""
    return bool(_THING_OWNER_BEFORE.search(text[max(0, at - window):at]))


def owned_by_another(text: str, start: int, end: int, window: int = 24) -> bool:
    """True when the thing named at ``text[start:end]`` is another person's: a possessive
    right before it (`owner_before`) or an owner after it (`_SOMEONE_ELSES_AFTER`, the
    option reader's too: "o personagem dele", "le perso de mon pote")."""
    return owner_before(text, start, window) or \
        bool(_SOMEONE_ELSES_AFTER.search(fold(text[end:end + window])))


def is_someone_elses(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` are another person's (see
    `_SOMEONE_ELSES_BEFORE`): "my colleague does the same on his Firefox" names no browser
    of the requester's."""
    before = fold(text[max(0, start - 40):start])
    # an opening bracket or quote is no word: "her own site (3390114)" is her site's number
    clause = _OPENING.sub(" ", _CLAUSE_END.split(before)[-1])
    return bool(_SOMEONE_ELSES_BEFORE.search(clause)
                or _SOMEONE_ELSES_AFTER.search(fold(text[end:end + 30])))


_OPENING = re.compile(r"\s*[(\[{\"'«“]+\s*$")
#: Another person, in any of the four languages (folded): the subject or the owner of a
#: clause ("my partner has SID 12093344", "mon collègue Julien (SID 7781200)", "친구 SID는").
_PERSON = re.compile(
    r"\b(?:" + _PEOPLE[3:-1] + r"|wife|sister|ami|amie|collegue|associee?|frere|soeur|femme|"
    r"mari|copain|copine|patron|cliente?|partenaire|cousine?|mere|pere|fils|fille|amig[oa]|"
    r"colega|socio|socia|irmao|irma|marido|esposa|namorad[oa]|chefe|parceir[oa]|prim[oa]|"
    r"mae|pai|filh[oa]|"
    # in-laws: "my brother-in-law", "mon beau-frère", "meu cunhado", "처남"
    r"(?:brother|sister|mother|father|son|daughter)-in-law|in-laws|beau-frere|belle-soeur|"
    r"beau-pere|belle-mere|belle-famille|cunhad[oa]|sogr[oa]|genro|nora)s?\b|"
    r"(?:친구|동료|지인|남편|아내|와이프|여자친구|남자친구|동생|형|누나|언니|오빠|파트너|고객|"
    r"길드원|클랜원|팀원|파티원|"
    r"처남|처제|처형|매형|매부|형부|제부|시누이|올케|동서|장인|장모|시아버지|시어머니|사촌|"
    # at work: "팀장님 계정이 6012377" is the team leader's
    + COLLEAGUES_KO + r"|부장님|과장님|실장님|매니저)")
#: A person's noun that only qualifies a thing: "le site partenaire", "a conta parceira",
#: "our partner site", "the client dashboard" (folded): no person ("my wifes site" is one).
_QUALIFIERS = frozenset(("partner", "partners", "client", "clients", "partenaire",
                         "partenaires", "parceiro", "parceira", "parceiros", "parceiras",
                         "cliente", "clientes"))
_THING_BEFORE = re.compile(r"\b(?:site|sites|compte|comptes|programme|espace|portail|lien|liens|"
                           r"conta|contas|programa|portal|area|painel|link|links)\s+$")
_THING_AFTER = re.compile(r"\s+(?:site|sites|account|accounts|program|programme|portal|area|"
                          r"dashboard|links?|id)\b")
#: "associé à l'adresse …", "associée au compte": the participle (associated), no partner.
#: Raw text: "mon associé a le site …" (has) is one.
_PARTICIPLE = re.compile(r"(?i)associée?s?\s+(?:à|au|aux|avec)\b")
#: The requester, after that person in the clause: it is theirs again ("my colleague told me
#: my SID is …", "제 친구는 … 저는").
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|me|my|mine|je|j'|moi|mon|ma|mes|m'|eu|meu|minha|meus|minhas|mim)(?!\w)|"
    r"(?:저는|저도|제가|전|나는|난|내가|제\s|내\s|저희|제꺼|내꺼)")
#: Where a clause ends, for `in_anothers_clause`: punctuation, a contrast or a Korean
#: clause ending ("…이고 저는", "…는데", "…인데 제꺼는", "…지만"), not before a bracket, which
#: belongs to what it follows ("동생도 퍼블리셔인데 (SID …)").
_CLAUSE_BREAK = re.compile(r"[.!?;:\n,]|\b(?:but|whereas|while|mais|alors que|tandis que|mas|"
                           r"enquanto|porem)\b|(?:고|는데|인데|지만)\s(?!\s*\()")


def in_anothers_clause(text: str, start: int) -> bool:
    """True when the words starting at ``start`` stand in a clause about another person:
    someone named earlier in it ("my business partner Dana logs in fine with her own
    site (3390114)", "meu sócio tem o SID 12093344", "같이 블로그 하는 친구 SID는
    44012378"), the requester not named after them. A number or a name there is theirs,
    not the requester's; the clause ends at punctuation and at a contrast ("but mine,
    3390877", "이고 저는 44012999")."""
    return clause_person(text, start) is not None


def clause_person(text: str, start: int) -> str | None:
    """The other person (folded: their noun or their name) the clause of ``text[start:]``
    is about (`in_anothers_clause`), ``None`` when it is about nobody else."""
    raw = text[max(0, start - 80):start]
    before = fold(raw)
    raw = raw if len(raw) == len(before) else before  # offsets shared, or no accents to see
    opened = before.rfind("(")
    if opened > before.rfind(")"):  # inside brackets, the clause they stand in: "mon fils
        before = before[:opened].rstrip()  # a aussi un compte (JulienTech, julien@…)"
    clause = _CLAUSE_BREAK.split(before)[-1]
    at = len(before) - len(clause)  # the clause's offset in ``raw``
    found = [(m.end(), m.group()) for m in _PERSON.finditer(clause)
             if not (m.group() in _QUALIFIERS and (_THING_BEFORE.search(clause, 0, m.start())
                                                   or _THING_AFTER.match(clause, m.end())))
             and not _PARTICIPLE.match(raw, at + m.start())
             and not _titled(raw, at + m.start(), at + m.end())
             and not (_WITH_ME_BEFORE.search(clause, 0, m.start())
                      or _WITH_ME_AFTER.match(clause, m.end()))]
    named = _people_named(text)
    if named:  # "mon associé Marc … Marc a aussi un site (SID …)": Marc's clause
        found += [(m.end(), m.group()) for m in named.finditer(clause)]
    if not found:
        return None
    last, who = max(found)
    return None if _FIRST_PERSON.search(clause, last) else who


#: The requester and the person together: "at me and my friend", "my friend and I", "moi
#: et mon frère", "eu e meu amigo" (folded): the clause is theirs as much as the
#: requester's.
_WITH_ME_BEFORE = re.compile(r"\b(?:me|i|moi|eu|mim)\s+(?:and|et|e)\s+(?:my|mon|ma|meu|minha)?\s*$")
_WITH_ME_AFTER = re.compile(r"\s+(?:and|et|e)\s+(?:i|me|moi|eu)\b")


def _titled(raw: str, start: int, end: int) -> bool:
    """True when the person's noun at ``raw[start:end]`` is written with a capital inside a
    sentence ("Bought Patron 90 days", "the Partner Program"): the name of a thing."""
    word = raw[start:end]
    return word[:1].isupper() and word[1:].islower() and \
        raw[:start].rstrip()[-1:] not in ("", ".", "!", "?", "\n", ":", "(", '"', "«", "“")


#: A capitalised first name, as written.
_FIRST_NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,20}(?![\w'’-])")
#: A person's noun right before a name ("mon associé Marc", "my partner Dana", "meu
#: cunhado Rui"), a comma and a title between them too ("son associé, M. Leroy", "my
#: partner, Mr. Hale", "meu sócio, Sr. Prado"), or after it in apposition ("Dana, my
#: partner"), folded.
_PERSON_BEFORE_NAME = re.compile(
    rf"(?:{_PERSON.pattern})(?:\s+d(?:el|ess)[ea]s?)?\s*(?:,\s*)?(?:(?:m|mme|mlle|mr|mrs|ms|dr|sr|sra|srta)\.?\s+)?$")
_PERSON_AFTER_NAME = re.compile(
    rf"^\s*,\s*(?:my|our|mon|ma|notre|meu|minha|nosso|nossa)\s+(?:{_PERSON.pattern})")


@functools.lru_cache(maxsize=256)
def _people_named(text: str) -> re.Pattern[str] | None:
    """The names (folded, as one pattern) the requester gives other people by a noun for
    them in ``text``: a clause with one of them as its subject is that person's
    (`in_anothers_clause`)."""
    names = {fold(m.group()) for m in _FIRST_NAME.finditer(text[:4000])
             if _PERSON_BEFORE_NAME.search(fold(text[max(0, m.start() - 30):m.start()]))
             or _PERSON_AFTER_NAME.match(fold(text[m.end():m.end() + 30]))}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")\b")


#: English words after a noun that make it the head of its phrase, not a modifier: verbs of
#: every day and auxiliaries ("my model can't log in", "my model said").
_EN_AFTER_HEAD_WORDS = (
    "can cannot could will would should must may might do does did doesn don didn has have "
    "had is are was were be been not and or but who which that when since because so says "
    "said told asked wants wanted keeps kept got gets")
_EN_AFTER_HEAD = frozenset(_EN_AFTER_HEAD_WORDS.split())


def _modifier(text: str, toks: Sequence[Token], last: int, written: str) -> bool:
    """True when English text word ``toks[last]`` is the singular of the phrase's plural last
    word ``written`` and another word follows it in the clause, a noun it qualifies: "my own
    model account" is a model's account, not "my models" (a studio's); "my model can't log
    in" keeps it (a verb follows)."""
    word = fold(toks[last].raw)
    if not (written.endswith("s") and written in (word + "s", word + "es")) \
            or last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    if text[toks[last].end:nxt.start].strip():
        return False  # punctuation: the clause ends on the word
    after = fold(nxt.raw)
    return not (after in _EN_AFTER_HEAD or after in FUNCTION["en"] or after in COMMON["en"]
                or after.endswith(("ed", "ing", "s")))


@dataclass(frozen=True)
class Phrase:
    """A title or keyword of one ``label`` (an option value, a rule), with its weight."""

    label: str
    text: str
    keys: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Hit:
    """A phrase found in a text: where, whether through a typo, whether negated; ``skipped``
    holds the character spans of the words its gap passed over ("favourite" when "my
    models" meets "my favourite model"): another option's words there explain them better."""

    phrase: Phrase
    start: int
    end: int
    fuzzy: bool
    negated: bool
    denied: bool = False
    skipped: tuple[tuple[int, int], ...] = ()

    @property
    def confidence(self) -> float:
        return self.phrase.weight - (0.1 if self.fuzzy else 0.0)


def _korean_pattern(phrases: Sequence[Phrase]) -> tuple[list[Phrase], re.Pattern[str] | None]:
    """One regular expression for a matcher's Korean phrases, each its own group: words
    joined by optional spaces and up to two stacked particles ("인벤에도 없": 에 and 도),
    a "되" key meeting its contracted
    forms, the last word open-ended (its ending is part of the hit). A phrase starts a word
    unless its first word has two syllables or more (compounds: "접속오류"). Character
    classes stand outside the alternatives: the expression compiles once per matcher, fast."""
    particles = "|".join(KOREAN_PARTICLES)
    kept: list[Phrase] = []
    inside: list[str] = []
    starting: list[str] = []
    for phrase in sorted(phrases, key=lambda p: -len(p.text)):
        raw = [strip_korean(w.casefold()) for w in _WORD.findall(phrase.text)]
        if not raw or not all(_HANGUL_WORD.match(w) for w in raw):
            continue
        if len(raw) == 1 and len(raw[0]) < 2:
            continue  # one syllable alone: the word-by-word pass (exact key) is enough
        body = rf"(?:{particles}){{0,2}}\s*".join(
            re.escape(w[:-1]) + _DOE if w.endswith("되") else re.escape(w) for w in raw)
        group = f"(?P<k{len(kept)}>{body})"
        if raw[0][:-1] if raw[0].endswith("되") else raw[0]:
            # the first syllable before the group, a literal: the engine then skips every
            # place no phrase starts at (a character set of first syllables) and every
            # alternative whose first syllable is not there; the group only names the
            # phrase (`lastgroup`), the match's span is the same
            group = f"{raw[0][0]}(?P<k{len(kept)}>{body[1:]})"
            if len(raw[0]) < 2:
                # no syllable right before: the same test, behind the first syllable
                group = f"{raw[0][0]}(?<![\uac00-\ud7a3].)(?P<k{len(kept)}>{body[1:]})"
        elif len(raw[0]) < 2:
            group = f"(?<![\uac00-\ud7a3]){group}"
        (inside if len(raw[0]) >= 2 else starting).append(group)
        kept.append(phrase)
    if not kept:
        return kept, None
    # every phrase that may start inside a word first, then those that start one
    return kept, re.compile(f"(?:{'|'.join([*inside, *starting])})[\uac00-\ud7a3]*")


class Matcher:
    """Phrases compiled once for one language: built per workspace context, not per event."""

    def __init__(self, phrases: Iterable[tuple[str, str, float]], language: str) -> None:
        self.language = language
        self._function = FUNCTION.get(language, frozenset())
        self._first: dict[str, list[Phrase]] = {}
        korean: list[Phrase] = []
        self._dropped_ne = False
        known: set[str] = set()
        raw: dict[str, str] = {}
        for label, text, weight in phrases:
            toks = tokens(text, language)
            keys = tuple(t.key for t in toks)
            for tok in toks:
                raw.setdefault(fold(tok.raw), tok.key)
            if not keys or all(k in STOP for k in keys):
                continue
            phrase = Phrase(label, text, keys, weight)
            self._first.setdefault(keys[0], []).append(phrase)
            if language == "fr" and len(keys) > 2 and keys[0] in _FR_NE:
                # spoken French drops "ne": "ça charge pas" for "ne charge pas"
                self._first.setdefault(keys[1], []).append(Phrase(label, text, keys[1:], weight))
                self._dropped_ne = True
            known.update(keys)
            if _HANGUL_TEXT.search(text):
                korean.append(phrase)
        self._ko_phrases, self._ko_pattern = _korean_pattern(korean)
        self._known = frozenset(known)
        # the shortest word each key is written as in the phrases (`_derived`)
        self._shortest: dict[str, int] = {}
        for form, k in raw.items():
            self._shortest[k] = min(len(form), self._shortest.get(k, len(form)))
        self._common = COMMON.get(language, frozenset()) - raw.keys()
        # keys some phrase writes as a person's noun ("accountant"): those words then match
        self._agents = frozenset(k for form, k in raw.items()
                                 if form.endswith(_AGENT_SUFFIXES.get(language, ("\0",))))
        self._korean = frozenset(k for k in known if len(k) >= 2 and not k.isascii())
        # typo candidates: keys and the unstemmed words they come from, by first letter and length
        self._typo: dict[str, str] = {**{k: k for k in known}, **raw}
        self._memo: dict[tuple[str, str], tuple[tuple[str, ...], bool]] = {}
        self._buckets: dict[tuple[str, int], list[str]] = {}  # (first two letters, length)
        for form in self._typo:
            if len(form) >= TYPO_MIN and _LATIN.match(form):
                self._buckets.setdefault((form[:2], len(form)), []).append(form)

    def __bool__(self) -> bool:
        return bool(self._first)

    def _canon(self, tok: Token) -> tuple[tuple[str, ...], bool]:
        """The vocabulary key this word stands for, and whether through a typo (remembered
        per word: words recur from ticket to ticket, the vocabulary does not change)."""
        memo = self._memo.get((tok.key, tok.raw))
        if memo is None:
            if len(self._memo) > MEMO_MAX:
                self._memo.clear()
            memo = self._memo[(tok.key, tok.raw)] = self._lookup(tok)
        return memo

    def _lookup(self, tok: Token) -> tuple[tuple[str, ...], bool]:
        k = tok.key
        if self._common and fold(tok.raw) in self._common:
            return (), False  # an everyday word whose stem a keyword happens to share
        if k in self._known:
            if self._derived(tok, k) or self._agent(tok, k):
                return (), False
            return (k,), False
        if not k.isascii():
            for n in range(len(k) - 1, 1, -1):
                if k[:n] in self._korean:
                    return (k[:n],), False
            return (), False
        for form in (fold(tok.raw),):
            if len(form) >= TYPO_MIN and _LATIN.match(form):
                near = [c for d in (-1, 0, 1)
                        for c in self._buckets.get((form[:2], len(form) + d), ())]
                found = [c for c in (extract(form, near, scorer=OSA.distance, score_cutoff=1,
                                             limit=None) if near else [])
                         if plausible_typo(form, str(c[0]))]
                if found:  # every word one typo away: the phrase around decides
                    return tuple(sorted({self._typo[str(c[0])] for c in found})), True
        return (), False

    def _agent(self, tok: Token, k: str) -> bool:
        """True when the text word is a person's noun the stemmer folds onto a phrase word
        ("accountant" onto "account", "comptable" onto "compte"): the one who keeps the
        accounts is no account, unless a phrase writes the noun itself."""
        suffixes = _AGENT_SUFFIXES.get(self.language)
        if not suffixes or k in self._agents:
            return False
        form = fold(tok.raw)
        return form.endswith(suffixes) and len(form) > len(k) + 2

    def _derived(self, tok: Token, k: str) -> bool:
        """True when the text word is three letters or more shorter than every phrase word
        of its stem: a stemmer folds derivations too ("assina", signs, and "assinante",
        subscriber; "performe" and "performeuse"), an inflection adds letters, it does not
        take off a suffix."""
        shortest = self._shortest.get(k)
        form = fold(tok.raw)
        if self.language == "en":
            form = EN_SAME.get(form, form)  # "acct" is "account" written short, no derivation
        return shortest is not None and k.isascii() and len(form) + 3 <= shortest

    def find(self, text: str, toks: Sequence[Token] | None = None) -> list[Hit]:
        """Every phrase found in ``text`` (negated ones marked): word by word, then the
        Korean phrases with their spacing or particles changed (`_korean_pattern`)."""
        toks = tokens(text, self.language) if toks is None else toks
        known = self._memo.get  # `_canon`, its memo looked up here (every word, every field)
        canon = [known((t.key, t.raw)) or self._canon(t) for t in toks]
        hits: list[Hit] = []
        for i, (firsts, _) in enumerate(canon):
            for first in firsts:
                for phrase in self._first.get(first, ()):
                    rest = self._rest(canon, i, phrase.keys, toks, text)
                    if rest is None:
                        continue
                    end_index, skipped = rest
                    if self.language == "en" and _modifier(
                            text, toks, end_index, fold(phrase.text.split()[-1])):
                        continue
                    typo = any(canon[j][1] for j in range(i, end_index + 1))
                    start, end = toks[i].start, toks[end_index].end
                    negated = is_negated(text, start, end, self.language)
                    hits.append(Hit(phrase, start, end, typo, negated,
                                    negated and is_denied(text, start, end, self.language),
                                    tuple((toks[m].start, toks[m].end) for m in skipped)))
        if self._ko_pattern is not None and _HANGUL_TEXT.search(text):
            korean = self._korean_hits(text, hits)
            if korean:  # a longer phrase of the same option ("다운로드가 멈" over "다운로드")
                hits = [h for h in hits if not any(
                    k.phrase.label == h.phrase.label and k.start <= h.start and h.end <= k.end
                    for k in korean)]
            hits.extend(korean)
        if self._dropped_ne and len(hits) > 1:  # "ne charge pas" found twice: keep the longer
            hits = [h for h in hits if not any(
                o.phrase.text == h.phrase.text and o.start <= h.start and h.end <= o.end
                and o.end - o.start > h.end - h.start for o in hits)]
        return hits

    def _korean_hits(self, text: str, found: Sequence[Hit]) -> list[Hit]:
        """Korean phrases the word-by-word pass missed (joined or split words), or found
        only in part: a phrase going on past a shorter one of its option replaces it."""
        assert self._ko_pattern is not None
        out: list[Hit] = []
        for m in self._ko_pattern.finditer(text):
            assert m.lastgroup is not None
            phrase = self._ko_phrases[int(m.lastgroup[1:])]
            start, end = m.span()
            if any(h.phrase.label == phrase.label and h.start < end and start < h.end
                   and not (h.start <= start and h.end < end and h.end - h.start < end - start)
                   for h in found):
                continue  # found already, unless this phrase goes on past it ("다운로드가 멈")
            negated = is_negated(text, start, end, self.language)
            out.append(Hit(phrase, start, end, False, negated,
                           negated and is_denied(text, start, end, self.language)))
        return out

    def _rest(self, canon: Sequence[tuple[tuple[str, ...], bool]], i: int,
              keys: tuple[str, ...], toks: Sequence[Token], text: str
              ) -> tuple[int, tuple[int, ...]] | None:
        """The index of the phrase's last word when its other words follow word ``i`` in
        the same clause (see the module docstring for the gaps allowed), and the indices of
        the other words passed over (function words aside)."""
        function = self._function
        gap = 0 if self.language == "ko" else GAP  # Korean words of a phrase stay together
        j = i
        last = len(keys) - 1
        skipped: list[int] = []
        owned = fold(toks[i].raw) in _POSSESSIVES
        for n, k in enumerate(keys[1:], start=1):
            found = None
            others = 0
            passed: list[int] = []
            m = j + 1
            while m < len(canon) and m - j <= GAP + 4:
                between = text[toks[m - 1].end:toks[m].start]
                if _CLAUSE_END.search(between):
                    break
                if _PAUSE.search(between):
                    others += 1
                    if others > gap:
                        break
                if k in canon[m][0]:
                    found = m
                    break
                if (fold(toks[m].raw) in _GAP_NEGATIONS or toks[m].key in _GAP_NEGATIONS) \
                        and toks[m].key not in keys:
                    break  # "결제 안 됨" is not "결제는 됐": a negation in the gap inverts it
                if toks[m].key in function and not (
                        owned and fold(toks[m].raw) in _COPULAS):
                    m += 1
                    continue
                others += 1
                if others > gap:
                    break
                passed.append(m)
                m += 1
            if found is None:
                if k in function and n != last:
                    continue  # a function word inside the phrase may be left out
                return None
            skipped.extend(passed)
            j = found
        return j, tuple(skipped)


#: Matchers already compiled, by their phrases and language (at most `SHARED_MAX`).
_SHARED: dict[tuple[tuple[tuple[str, str, float], ...], str], Matcher] = {}
SHARED_MAX = 1024


def shared_matcher(phrases: Iterable[tuple[str, str, float]], language: str) -> Matcher:
    """The `Matcher` of ``phrases`` in ``language``, compiled once per process: a field on
    several forms (the game publisher's platform on seven) has the same phrases on each,
    and compiling them (the Korean expression most of all) costs milliseconds. A matcher
    is a pure function of its phrases; its typo memo only remembers answers."""
    cache_key = (tuple(phrases), language)
    found = _SHARED.get(cache_key)
    if found is None:
        if len(_SHARED) >= SHARED_MAX:
            _SHARED.clear()
        found = _SHARED[cache_key] = Matcher(cache_key[0], language)
    return found


class PerLanguage:
    """One `Matcher` per language, compiled on first use and kept: a reader is compiled once
    per form and worker, and most of a workspace's languages may never come."""

    def __init__(self, phrases: Callable[[str], Iterable[tuple[str, str, float]]]) -> None:
        self._phrases = phrases
        self._built: dict[str, Matcher] = {}

    def __call__(self, language: str) -> Matcher:
        found = self._built.get(language)
        if found is None:
            found = self._built[language] = shared_matcher(self._phrases(language), language)
        return found
