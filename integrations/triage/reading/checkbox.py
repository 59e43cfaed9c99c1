"""Checkboxes: a boolean field ticked from what the requester states.

A boolean field's ``x-deskops.keywords`` (per locale, ``*`` for any) are statements that
tick it: for "I understand that deleting my account is permanent", "know … permanent",
"je sais que … irréversible", "복구 안 되는 거 알", "sei que … permanente". They are found
with the option `Matcher` (stems, accents, Korean particles, gaps), but the bar is far
higher than for a dropdown, because a tick is the requester's consent:

- an exact hit only (no typo), not negated (`Matcher` marks "I don't know it's permanent");
- in a sentence that asks nothing ("is it permanent?", "je sais que c'est définitif ?"),
  negates nothing outside the keyword ("je ne veux pas que ce soit définitif", "I know
  it's permanent but don't delete yet") and sets no condition or doubt ("if it's
  permanent", "not sure", "만약", "잘 모르");
- a reassurance ("pas de souci", "no problem", "문제없어요") negates no consent; a keyword
  is also stated with another verb of knowing ("understand" for "know", "이해" for "알");
- a verb of knowing over a restatement of irreversibility ("I get that there's no undo",
  "tô ciente que não tem volta") states the same in other words, and ticks alike; so does
  the holder's knowing, told by one who writes for them ("ela entende que não tem volta");
- a plain yes under the box's own question quoted back ("> … is permanent\nsim") ticks;
- the value read is only ever ``True``: nothing in a text unticks a box.

Its title is no keyword: a sentence this long is never written as is, and its words alone
("deleting my account") are the request, not the consent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.model import Field
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.forwarded import own_words
from integrations.triage.reading.matcher import PerLanguage
from integrations.triage.reading.normalise import Token, fold, tokens
from integrations.triage.reading.vocabulary import KEYWORD_WEIGHT, checkbox_keywords
from integrations.triage.reading.words import on_behalf

__all__ = ["CheckboxReader"]

#: Where a sentence ends (a question mark ends one too: the sentence it ends asks).
_SENTENCE = re.compile(r"[^.!?\n。]*[.!?\n。]?")
#: Words that negate, set a condition or doubt, in any of the four languages (folded).
_DOUBT = {
    "en": re.compile(r"\b(?:not|no|never|nor|if|unless|whether|maybe|perhaps|"
                     r"wait|yet|don't|doesn't|didn't|won't|can't|isn't|wasn't|aren't)\b|n't\b"),
    "fr": re.compile(r"\b(?:pas|ne|n'|plus|jamais|non|si|s'il|sauf|peut-etre|"
                     r"attendez|encore)\b|\bn'"),
    "pt": re.compile(r"\b(?:nao|nunca|nem|se|caso|talvez|espera|esperem|"
                     r"ainda)\b"),
}
#: Where a sentence's earlier clause ends before a consent (folded): ", so", ", and yes",
#: ", donc", ", então" … (`plain`).
_CLAUSE_CUT = re.compile(r"[,;]\s+(?:so|and|donc|alors|et|entao|e|mas|but|mais)\b")
#: A condition in an earlier clause still bears on the consent ("if …, I understand …").
_CONDITION = re.compile(r"\b(?:if|unless|whether|si|s'il|sauf|se|caso)\b")
_DOUBT_KO = re.compile(r"않|못|아니|아닌|모르|만약|혹시|인지|일까|나요|까요|말고|잠깐|아직")
#: Restatements of irreversibility whose negation is the statement itself ("there's no
#: going back", "sans retour possible", "não tem volta", "되돌릴 수 없어요"): beside a
#: ticking keyword in the same sentence they say the same thing again, no doubt (folded).
#: Alone they tick nothing (they are no keyword).
_RESTATED = re.compile(
    r"\b(?:there'?s\s+|there\s+is\s+)?no\s+going\s+back\b|\bno\s+way\s+back\b|"
    r"\b(?:can(?:'t|not)|won'?t)\s+be\s+(?:undone|reversed|recovered|restored)\b|"
    # as a translation app says it: "this is not able to be returned"
    r"\b(?:is\s+|are\s+)?not\s+able\s+to\s+be\s+(?:undone|reversed|recovered|restored|"
    r"returned|brought\s+back)\b|"
    # nothing to be recovered: "rien ne pourra être récupéré", "nada poderá ser recuperado"
    r"\b(?:rien|nada)\s+(?:ne\s+)?(?:pourra|peut|podera|pode)\s+(?:etre|ser)\s+"
    r"(?:recuperee?s?|restauree?s?|recuperad[oa]s?|restaurad[oa]s?)\b|"
    # what the requester will not get back ("I won't get anything back", "je ne récupérerai
    # rien", "não vou recuperar nada", "돌려받을 수 없")
    r"\b(?:i\s+)?(?:won'?t|will\s+not|can'?t|cannot|can\s+not)\s+(?:ever\s+)?get\s+"
    r"(?:anything|any\s+of\s+it|it|them|my\s+\w+|\w+\s+stuff)\s+back\b|"
    r"\b(?:je\s+)?(?:ne\s+|n')?(?:recupererai|pourrai\s+(?:rien\s+)?recuperer)\s+rien\b|"
    r"\bnao\s+(?:vou|irei|vai\s+dar\s+pra)\s+(?:recuperar|ter\s+de\s+volta)\s+nada\b|"
    r"돌려\s*받을\s*수\s*(?:없|가\s*없)|"
    r"\b(?:there'?s\s+|there\s+is\s+)?no\s+(?:undo(?:ing)?|way\s+to\s+(?:undo|reverse|"
    r"recover|restore|get\s+it\s+back))\b(?:\s+(?:it|this|that))?|"
    r"\b(?:il\s+n'y\s+a\s+|y\s+a\s+)?pas\s+de\s+retour(?:\s+en\s+arriere)?(?:\s+possible)?\b|"
    r"\bsans\s+retour(?:\s+possible)?\b|"
    r"\b(?:ne\s+)?(?:peut|pourra)\s+pas\s+etre\s+(?:annulee?|recuperee?|restauree?)\b|"
    r"\b(?:on\s+|je\s+)?(?:ne\s+|n')?(?:peut|pourra|pourrai|pourrais)\s+(?:pas|plus)\s+"
    r"(?:revenir\s+en\s+arriere|(?:l'|le\s+|la\s+)?(?:annuler|recuperer))\b|"
    r"\bnao\s+(?:tem|ha)\s+(?:volta|retorno|como\s+(?:voltar|desfazer|recuperar))\b|"
    r"\bsem\s+(?:volta|retorno)\b|\bnao\s+(?:pode|da)\s+(?:pra\s+|para\s+)?"
    r"(?:ser\s+)?(?:desfeit[ao]|desfazer|recuperad[ao]|recuperar|voltar\s+atras)\b|"
    r"(?:되돌릴|되살릴|살릴|복구할|복원할|취소할)\s*수\s*(?:없|가\s*없)|복구(?:가|는)?\s*안\s*(?:되|돼|됨)|"
    r"복구\s*불가|"
    # "다시 복구 못 하는", "복원을 못 한다는": the requester's own inability, said plainly
    r"(?:복구|복원|되돌리기)(?:를|을|는|도)?\s*못\s*(?:하|한|해|함)|"
    # "다시 못 살리는", "못 되돌리는": the requester's own "can't bring it back"
    r"못\s*(?:되살리|살리|되돌리|복구하|복원하)")
#: Reassurances whose negation agrees ("pas de souci", "no problem", "sem problema", "문제
#:없어요"): they doubt nothing, so they are taken out before looking for a negation.
_REASSURED = re.compile(
    r"\b(?:no|not\s+a)\s+(?:problem|worries|issue)s?\b|\bno\s+prob\b|"
    r"\b(?:(?:il\s+n'y\s+a\s+|y\s+a\s+)?pas\s+de\s+(?:souci|soucis|probleme|problemes)|"
    r"aucun\s+(?:souci|probleme))\b|"
    r"\b(?:sem\s+problemas?|(?:nao\s+)?tem\s+problema\s+nao|nao\s+tem\s+problema)\b|"
    r"문제\s*(?:없|가\s*없)\S*|상관\s*없\S*|괜찮\S*")
#: Indifference and reasons to leave, whose negation is about the game, not the consent
#: ("don't care", "je m'en fiche", "tanto faz"; "haven't played since 2019", "no point
#: keeping it", "je joue plus depuis", "não jogo mais", "안 한 지"; no more of the company's
#: mail: "je veux plus de mails de vous"): taken out with the
#: reassurances (folded).
_INDIFFERENT = re.compile(
    r"\b(?:i\s+)?(?:don'?t|do\s+not)\s+(?:really\s+)?(?:care|mind)\b|\bwhatever\b|"
    r"\b(?:i\s+)?(?:haven'?t|have\s+not|didn'?t|don'?t|never)\s+(?:really\s+)?"
    r"(?:played|play|logged\s+in|used|touched|opened)\b(?:\s+(?:it|the\s+game))?"
    r"(?:\s+(?:since|in|for)\b)?|"
    r"\bno\s+(?:point|reason|use)\s+(?:in\s+)?keeping\b|"
    r"\bje\s+m'en\s+(?:fiche|fous|moque)\b|\bpeu\s+importe\b|\bca\s+m'est\s+egal\b|"
    r"\b(?:je\s+)?(?:ne\s+)?(?:joue|jouais)\s+plus\b|\b(?:je\s+)?n'ai\s+pas\s+joue\b|"
    r"\btanto\s+faz\b|\bnao\s+(?:ligo|me\s+importo)\b|\bnao\s+(?:jogo|entro)\s+(?:mais|ha)\b|"
    r"안\s*(?:한|했던)\s*지|접은\s*지|"
    # no more of the company's mail, a reason to leave: "je veux (juste) plus de mails",
    # "I don't want any more emails", "não quero mais e-mails", "메일 그만"
    r"\b(?:i\s+)?(?:don'?t|do\s+not)\s+want\s+(?:any\s+more|anymore|more|your)\s+"
    r"(?:e-?mails?|mails?|newsletters?|messages?|spam)\b|"
    r"\b(?:je\s+)?(?:ne\s+)?veux\s+(?:juste\s+|simplement\s+)?plus\s+(?:de\s+|recevoir\s+"
    r"(?:de\s+|vos\s+)?)(?:e-?mails?|mails?|courriels?|newsletters?|messages?|spam)\b|"
    r"\bnao\s+quero\s+mais\s+(?:receber\s+)?(?:e-?mails?|newsletters?|mensagens?|spam)\b|"
    r"(?:메일|이메일|광고)\S*\s*그만")
#: Verbs of the requester's knowing, interchangeable in a ticking statement: a keyword
#: written with one ("know … permanent", "영구 삭제 알") is also stated with another
#: ("I understand it's permanent", "영구 삭제되는 것 이해했습니다").
_KNOWING = {
    "en": ("know", "understand", "am aware", "realise", "realize", "get that"),
    "fr": ("sais", "comprends", "suis conscient", "suis consciente", "ai compris",
           "suis au courant"),
    "pt": ("sei", "entendo", "estou ciente", "compreendo", "to ciente", "tô ciente",
           "entendi"),
    "ko": ("알", "이해"),
}
#: Korean reported speech says what the adnominal says ("되돌릴 수 없다는 거 알아요" for
#: "되돌릴 수 없는 거 알아요"): each keyword is also met in that form.
_KO_REPORTED = (("없는 ", "없다는 "), ("있는 ", "있다는 "), ("인 거", "이라는 거"))


def _with_knowing(keywords: Sequence[str], language: str) -> list[str]:
    """``keywords`` and their variants with each other verb of knowing of ``language``."""
    verbs = _KNOWING.get(language, ())
    out = list(keywords)
    for keyword in keywords:
        for verb in verbs:
            pattern = (rf"(?<![\uac00-\ud7a3]){re.escape(verb)}$" if language == "ko"
                       else rf"(?<!\w){re.escape(verb)}(?!\w)")
            if re.search(pattern, keyword):
                out.extend(re.sub(pattern, other, keyword) for other in verbs if other != verb)
    if language == "ko":
        out.extend(k.replace(a, b) for k in list(out) for a, b in _KO_REPORTED if a in k)
    return list(dict.fromkeys(out))


#: A keyword stated across a longer subject: "I understand that deleting my account is
#: permanent", "je comprends que la suppression de mon compte est définitive", "entendo que
#: a exclusão da minha conta é permanente". Between the verb of knowing and the keyword's
#: last words stand at most `_WIDE` words, one of them naming the deletion (`_DELETION`):
#: "I know that my ban was permanent" states nothing of the account's end. Not Korean, whose
#: keywords end with the verb and keep their words together.
_WIDE = 8
_DELETION = {
    "en": re.compile(r"\b(?:delet\w*|remov\w*|eras\w*|clos(?:e|ed|ing|ure)|account)\b"),
    "fr": re.compile(r"\b(?:supprim\w*|suppression|effac\w*|fermeture|fermer|compte)\b"),
    "pt": re.compile(r"\b(?:exclu\w*|exclusao|apag\w*|delet\w*|remov\w*|encerr\w*|conta)\b"),
}
#: A reason asked for inside the statement ("I don't understand why …").
_WHY = re.compile(r"\b(?:why|pourquoi|porque|por que|por\s+qual)\b")
#: What may stand between a verb of knowing and its clause ("that", "que", "de que").
_THAT = r"(?:\s+(?:that|que|qu'|de que))?"


def _wide(keywords: Sequence[str], language: str) -> list[re.Pattern[str]]:
    """For each keyword made of a verb of knowing and what is known ("understand
    permanent", "sais que définitif"), an expression finding them `_WIDE` words apart in
    one sentence, folded; the words between are the group ``gap``."""
    verbs = {fold(v.split()[-1]) for v in _KNOWING.get(language, ())}
    verbs |= {"aware", "ciente", "conscient", "consciente"}
    out: list[re.Pattern[str]] = []
    for keyword in keywords:
        words = fold(keyword).split()
        if len(words) < 2 or words[0] not in verbs:
            continue
        rest = [w for w in words[1:] if w not in ("that", "que", "de")]
        if not rest:
            continue
        known = r"\s+".join(re.escape(w[:max(4, len(w) - 2)]) + r"\w*" if i == len(rest) - 1
                            else re.escape(w) for i, w in enumerate(rest))
        out.append(re.compile(rf"\b{re.escape(words[0])}\b{_THAT}(?P<gap>(?:\s+[^\s.!?;:]+)"
                              rf"{{1,{_WIDE}}}?)\s+{known}(?!\w)"))
    return out


#: A verb of knowing over a restatement of irreversibility (`_RESTATED`, folded): "I get
#: that there's no undo", "je sais bien qu'il n'y a pas de retour en arrière", "tô ciente
#: que não tem volta", before it in Korean ("취소할 수 없다는 것도 알고 있어요"). The
#: requester states the consent's meaning in other words: it ticks like a keyword (the
#: restatement alone, "pas de retour possible, je crois", still ticks nothing).
_KNOWN_BEFORE = re.compile(
    r"\b(?:know|understand|(?:am|i'?m)\s+understanding|get|reali[sz]e|"
    r"(?:am|i'?m)\s+(?:(?:fully|well|totally|completely)\s+)?aware|accept|"
    r"sais|comprends|suis\s+(?:bien\s+)?conscient|suis\s+(?:bien\s+)?consciente|ai\s+compris|"
    r"suis\s+au\s+courant|accepte|sei|entendo|entendi|compreendo|(?:estou|to)\s+ciente|"
    r"aceito)\b(?:\s+(?:well|bien|fully|totally|completely|perfeitamente|parfaitement))?"
    r"(?:\s+(?:that|que|qu'|de\s+que)|\s+(?=qu'))?\s*(?:(?:it|this|that|il|ce|ca|on|je|isso|"
    r"ja|bem)\s+)?$")
_KNOWN_AFTER_KO = re.compile(r"\s*(?:다는|는|단)?\s*(?:거|것|걸|점)(?:을|를|도|은|는)?\s*"
                             r"(?:잘\s*|충분히\s*|다\s*)?(?:알|이해)")


#: The deletion named as the restatement's subject, between the verb of knowing and it
#: ("sei que a exclusão não tem volta", "I know deleting it can't be undone", "je sais que
#: la suppression, c'est sans retour"): at most four words, one naming the deletion
#: (`_DELETION`, any language), none ending a clause (folded).
_DELETION_SUBJECT = re.compile(
    r"(?:(?:a|o|la|le|l'|the|this|my|ma|mon|minha|meu|da|de|du|do)\s+)?"
    r"(?:exclusao|exclusao\s+da\s+conta|apagar|apagar\s+a\s+conta|delecao|suppression|"
    r"suppression\s+du\s+compte|fermeture\s+du\s+compte|deletion|deleting(?:\s+it)?|"
    r"deleting\s+(?:the|my)\s+account|(?:account\s+)?deletion)"
    r"(?:\s*,\s*(?:c'est|ca|isso|it'?s))?\s+(?:(?:e|est|is|will\s+be|sera)\s+)?$|"
    # the deletion as a time clause: "once it is deleted it", "une fois supprimé, il",
    # "depois de apagada ela"
    r"(?:once|after)\s+(?:(?:it|the\s+account|my\s+account|it'?s)\s+(?:is\s+|has\s+been\s+)?)?"
    r"(?:deleted|removed|erased|closed|gone)\s*,?\s+(?:it\s+|everything\s+|they\s+|"
    r"(?:the|my)\s+account(?:\s+and\s+(?:its|my|all\s+(?:its|my))\s+\w+)?\s+)?$|"
    # the account itself, and what goes with it: "I am aware that the account and its
    # characters cannot be restored"
    r"(?:the|my)\s+account(?:\s+and\s+(?:its|my|all\s+(?:its|my))\s+\w+)?\s+$|"
    r"une\s+fois\s+(?:le\s+compte\s+)?(?:supprime|efface|ferme)e?s?\s*,?\s+"
    r"(?:il\s+|on\s+|ca\s+|c'est\s+)?$|"
    r"depois\s+de\s+(?:apagad|excluid|deletad)[ao]s?\s*,?\s+(?:ela\s+|ele\s+|isso\s+)?$")


#: The holder's knowing, written by the one who writes for them ("ela entende que não tem
#: volta", "she knows it can't be undone", "elle sait que c'est sans retour"; folded).
_THEY_KNOW_BEFORE = re.compile(
    r"\b(?:he|she|they|il|elle|ils|elles|ele|ela|eles|elas)\s+(?:(?:fully|well|bien|bem)\s+)?"
    r"(?:knows?|understands?|gets|is\s+aware|are\s+aware|accepts?|sait|savent|comprend|"
    r"comprennent|est\s+(?:bien\s+)?consciente?|sabe|sabem|entende|entendem|esta\s+ciente|"
    r"aceita)\b(?:\s+(?:that|que|qu'|de\s+que)|\s+(?=qu'))?\s*(?:(?:it|this|that|ce|ca|isso)"
    r"\s+)?$")


def _known_irreversible(folded: str, behalf: bool = False) -> re.Match[str] | None:
    """The first restatement of irreversibility in ``folded`` that a verb of knowing
    governs (`_KNOWN_BEFORE`, `_KNOWN_AFTER_KO`; the holder's, `_THEY_KNOW_BEFORE`, when
    the requester writes on their ``behalf``), directly or over the deletion named as its
    subject (`_DELETION_SUBJECT`), or None."""
    for m in _RESTATED.finditer(folded):
        before = folded[max(0, m.start() - 80):m.start()]
        subject = _DELETION_SUBJECT.search(before)
        if subject is not None:
            before = before[:subject.start()]
        if _KNOWN_BEFORE.search(before[-48:]) or _KNOWN_AFTER_KO.match(folded, m.end()) or (
                behalf and _THEY_KNOW_BEFORE.search(before[-48:])):
            return m
    return None


#: A plain yes opening an answer (folded): "yes", "yes I confirm", "oui", "sim", "confirmo",
#: "네", "예", "확인했습니다".
_YES = re.compile(r"(?:yes|yep|yeah|confirmed|i\s+confirm|oui|je\s+confirme|confirme|sim|"
                  r"confirmo|confirmado|ok|okay|d'accord|claro)\b|(?:네|예|확인)")


def _answered_yes(text: str, titles: Sequence[str], language: str) -> tuple[int, int] | None:
    """Where the requester answers yes under the box's own question quoted back ("> Please
    confirm: I understand that deleting my account is permanent\nsim, ela entende"): the
    answer line's span, when it says nothing else that doubts (`plain`), or None."""
    if ">" not in text or len(fold(text)) != len(text):
        return None  # (folding must keep the offsets)
    lines = text.split("\n")
    at = 0
    for i, line in enumerate(lines):
        quoted = fold(line.lstrip())
        if quoted.startswith(">") and any(t in quoted for t in titles):
            start = at + len(line) + 1
            for answer in lines[i + 1:]:
                if answer.strip() and not answer.lstrip().startswith(">"):
                    break
                start += len(answer) + 1
            else:
                return None
            folded = fold(answer)
            yes = _YES.match(folded, len(folded) - len(folded.lstrip()))
            return (start, start + len(answer)) if yes is not None and plain(
                fold(text), start + yes.start(), start + yes.end(), language) else None
        at += len(line) + 1
    return None


#: Korean 안 negates a verb outside the keyword ("안 알아요" is rare; "안 지워" is common).
_KO_NOT = re.compile(r"(?<![\uac00-\ud7a3])안(?![\uac00-\ud7a3])")


class CheckboxReader:
    """One boolean field's ticking statements, compiled per language on first use."""

    def __init__(self, f: Field) -> None:
        self.field = f
        self.matcher = PerLanguage(lambda language: [
            ("true", w, KEYWORD_WEIGHT)
            for w in _with_knowing(checkbox_keywords(f, language), language)])
        self._wide: dict[str, list[re.Pattern[str]]] = {}
        #: the box's question in every locale, folded, as deskops asks it (`_answered_yes`)
        self._titles = [fold(t) for t in dict.fromkeys((f.title, *f.titles.values())) if t]

    def __bool__(self) -> bool:
        return bool(checkbox_keywords(self.field))

    def read(self, texts: Sequence[tuple[str, str]], locale: str,
             memo: dict[tuple[str, str], list[Token]] | None = None) -> Evidence | None:
        """``True`` with its evidence when one text states the box's statement plainly
        (in the requester's own words: a quoted or forwarded message's consent is not
        theirs), or answers yes under its question quoted back."""
        language = locale.split("-", 1)[0].lower()
        matcher = self.matcher(language)
        if not matcher:
            return None
        for source, text in texts:
            yes = _answered_yes(text, self._titles, language)
            if yes is not None:
                return Evidence(key=self.field.key, value=True, span=clip(text[yes[0]:yes[1]]),
                                method="checkbox", locale=locale, confidence=KEYWORD_WEIGHT,
                                source=source)
        own = [(source, own_words(text)) for source, text in texts]
        if own != list(texts):
            texts, memo = own, None
        # English statements too: customers who write another language often state this
        # one in English ("quero deletar minha conta … i know its permanent"); the sentence
        # must then be plain in both languages.
        for lang in dict.fromkeys((language, "en")):
            found = self._keyword(texts, lang, language, locale, memo)
            if found is not None:
                return found
        behalf = any(on_behalf(fold(text[:4000])) for _, text in texts)
        for source, text in texts:
            folded = fold(text)
            known = _known_irreversible(folded, behalf) if len(folded) == len(text) else None
            if known is not None and plain(folded, known.start(), known.end(), language):
                return Evidence(key=self.field.key, value=True,
                                span=clip(text[known.start():known.end()]), method="checkbox",
                                locale=locale, confidence=KEYWORD_WEIGHT, source=source)
        deletion = _DELETION.get(language)
        if deletion is None:
            return None
        wide = self._wide.get(language)
        if wide is None:
            wide = self._wide[language] = _wide(
                _with_knowing(checkbox_keywords(self.field, language), language), language)
        for source, text in texts:
            folded = fold(text)
            for pattern in wide:
                for m in pattern.finditer(folded):
                    gap = m.group("gap")
                    if deletion.search(gap) and not _DOUBT[language].search(gap) \
                            and not _WHY.search(gap) and plain(folded, m.start(), m.end(),
                                                               language):
                        return Evidence(key=self.field.key, value=True,
                                        span=clip(folded[m.start():m.end()]),
                                        method="checkbox", locale=locale,
                                        confidence=KEYWORD_WEIGHT, source=source)
        return None


    def _keyword(self, texts: Sequence[tuple[str, str]], lang: str, language: str,
                 locale: str, memo: dict[tuple[str, str], list[Token]] | None
                 ) -> Evidence | None:
        """The first plain, exact hit of ``lang``'s keywords in a text of ``language``."""
        matcher = self.matcher(lang)
        if not matcher:
            return None
        for source, text in texts:
            for hit in matcher.find(text, tokens(text, lang, memo)):
                if hit.fuzzy or hit.negated or not all(
                        plain(text, hit.start, hit.end, each)
                        for each in dict.fromkeys((language, lang))):
                    continue
                return Evidence(key=self.field.key, value=True, span=clip(text[hit.start:hit.end]),
                                method="checkbox", locale=locale,
                                confidence=hit.confidence, source=source)
        return None


def plain(text: str, start: int, end: int, language: str) -> bool:
    """True when the sentence around ``text[start:end]`` asks, negates, conditions and
    doubts nothing outside those words."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= start < max(m.end(), m.start() + 1):
            sentence_start, sentence_end = m.start(), m.end()
            break
    else:
        return False
    if end > sentence_end:
        return False  # a keyword never spans two sentences; be safe
    sentence = text[sentence_start:sentence_end]
    if "?" in sentence or "？" in sentence:
        return False
    before = fold(text[sentence_start:start])
    cut = max(_CLAUSE_CUT.finditer(before), key=lambda c: c.start(), default=None)
    if cut is not None:
        # an earlier clause's negation is its own ("I simply do not have the time anymore,
        # so I would like it removed, and yes, I understand …"); its condition is not
        if _CONDITION.search(before[:cut.start()]):
            return False
        before = before[cut.start():]
    around = before + " … " + fold(text[end:sentence_end])
    outside = _INDIFFERENT.sub(" ", _REASSURED.sub(" ", _RESTATED.sub(" ", around)))
    if _DOUBT_KO.search(outside) or _KO_NOT.search(outside):
        return False
    langs = (language,) if language in _DOUBT else tuple(_DOUBT)
    return not any(_DOUBT[lang].search(outside) for lang in langs)
