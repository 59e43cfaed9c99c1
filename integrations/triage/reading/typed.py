"""Typed values anywhere: a field whose format is recognisable (an e-mail address, a
numeric id with a declared pattern) is found anywhere in the text, not only after its label.

A format is *recognisable* when its pattern rejects ordinary words (`PROBES`): a pattern
that accepts "hello" (a free-form name) is left to `names`. One distinct candidate in
the whole ticket is written; several are written only when exactly one stands right after
one of the field's names (title, synonyms), or when several do, exactly one the requester
calls their own ("my SID", "le mien (SID …)", "eu sou o …", "제꺼는 …"); else nothing is
(precision first).

A candidate is not the requester's value when it is someone else's ("her own site
(3390114)", "meu sócio tem o SID 12093344", "meu cunhado também é publisher (SID …)", or in
a clause about someone the requester introduced by name: "mon associé Marc … Marc a aussi
un site (SID …)": `matcher.is_someone_elses`, `matcher.in_anothers_clause`; but the
address the requester's account was made with is the account's whoever reads it: "my
brother made my account with his email (…)", `_MADE_WITH`; and the person the requester
writes for owns the ticket: "je vous écris à la place de mon mari … son site c'est le …",
`words.on_behalf`), nor when
another label names it (`foreign`: "commande n° 40291177", "주문번호 77120456", "pedido
5530912", "MID 24016", an amount; any noun before "number" or "id" or after "numéro de"
names its thing: "member number is 55120984", `_NUMBER_OF`). Such a candidate is left out;
and while one labelled as something else stands in the ticket, a candidate that no label
names is not written either: the requester numbers other things, and a bare number may be
one of them.

A numeric id written in groups ("40 771 236", "90-114-27", "6.120.447") is read as its
digits, but only right after the field's own label ("site ID is 90-114-27"): unlabelled,
groups of digits are as often a phone number, a postcode or a date. The field's description,
echoed right before the value in most of its words, labels it as well ("the number at the
top right of the page was 509-1327": the form and deskops' questions show that description).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrations.model import Field
from integrations.triage.reading.choice import table_row_chosen
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.forwarded import contact_card
from integrations.triage.reading.matcher import clause_person, in_anothers_clause, is_someone_elses
from integrations.triage.reading.normalise import fold
from integrations.triage.reading.vocabulary import field_synonyms
from integrations.triage.reading.words import behalf_words, on_behalf

__all__ = ["TypedReader", "recognisable"]

#: Ordinary words and numbers: a pattern accepting one of them is not a recognisable format.
PROBES = ("hello", "Crash", "account", "the", "Windows 11", "42", "2024", "jules_b")
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_CANDIDATE = re.compile(r"[^\s,;()<>\"'«»“”]+")
ALONE = 0.85
LABELLED = 0.9
#: What labels an identifier of another thing, right before it: an order, an invoice, a
#: receipt, a transaction, a parcel, a reference, a ticket, a phone (en, fr, pt-br, ko).
_OTHER_THINGS = (
    r"orders?|invoices?|receipts?|transactions?|tracking|refs?|references?|tickets?|cases?|"
    r"confirmation|phone|commandes?|factures?|recus?|references?|suivi|colis|dossier|"
    r"telephone|pedidos?|faturas?|recibos?|notas?|protocolos?|compras?|rastreio|transacao|"
    r"telefone|boleto")
#: A numbering mark after a noun ("n°", "no.", "#", "number", "numéro", "número"), then an
#: optional copula; at the end of the text before a candidate (folded).
_MARK = (r"\s*(?:n[°º]|no\.?|nr\.?|#|number|numero|num\.?|id|code|codigo)?\s*"
         r"(?:(?:is|was|est|etait|e|eh|foi|era|c'est|[:=])\s*"
         r"(?:(?:the|le|la|l'|o|a)\s*)?)?$")
_OTHER_LABEL = re.compile(r"\b(?:" + _OTHER_THINGS + r")" + _MARK)
#: Any noun with an explicit numbering mark ("commande n° …", "ticket #…"): the word names
#: what the number is.
_MARKED = re.compile(r"\b([^\W\d_]+)\s*(?:n[°º]|#)\s*(?:[:=]\s*)?$")
#: Any noun right before a word for "number" or "id" ("member number is", "customer no.",
#: "advertiser id"), or after "numéro de"/"número de" ("numéro de membre", "número de
#: membro"), folded, at the end of the text before a candidate: the noun names what the
#: number is (`TypedReader.foreign`).
_NUMBER_OF = re.compile(
    r"\b([^\W\d_]+)\s+(?:number|no\.?|nr\.?|id|numero|num\.?)\s*"
    r"(?:is|was|est|etait|e|eh|foi|era|[:=]|c'est)?\s*(?:le\s+|o\s+)?$|"
    r"\b(?:numero|num\.?|codigo|identifiant)\s+(?:de|d'|du|do|da|des|dos|das)\s*"
    r"(?:l'|la\s+|le\s+|o\s+|a\s+)?([^\W\d_]+)\s*(?:est|e|eh|[:=]|c'est)?\s*"
    r"(?:le\s+|o\s+)?$")
#: Words before "number"/"id" that name no other thing: a determiner ("my number is"), or
#: the account the site belongs to, which requesters call their site's number by
#: ("account id", "publisher number", "numéro de compte", "id de afiliado").
_NUMBER_OF_ANY_WORDS = (
    "my your our his her their its the a an this that same new old mon ma mes ton ta notre "
    "votre son sa le la un une ce cette meu minha seu sua nosso nossa o um uma esse essa "
    "este esta account accounts publisher affiliate partner user compte comptes editeur "
    "affilie partenaire utilisateur conta contas afiliado parceiro usuario")
_NUMBER_OF_ANY = frozenset(_NUMBER_OF_ANY_WORDS.split())
#: A Korean noun compounded with 번호 (number) or a Korean word for another thing
#: ("주문번호 77120456", "주문 번호는", "송장번호", "영수증"), then a particle.
_KOREAN_LABEL = re.compile(
    r"([\uac00-\ud7a3]+)번호\s*(?:은|는|이|가)?\s*[:：]?\s*$|"
    r"(?:주문|송장|영수증|거래|운송장|전화)\S{0,3}(?:\s*번호\S{0,2})?"
    r"(?:\s*(?:중|가운데)\s*(?:하나|한\s*건|한\s*개)\S{0,2})?\s*[:：]?\s*$")
#: An acronym right before ("MID 24016", "PO 5512093"), in the text as written.
_ACRONYM = re.compile(r"(?<![\w])([A-Z]{2,5})\s*[:#]?\s*$")
#: An amount: a currency after the number ("12000 KRW", "50000원", "15000 reais").
_AMOUNT_AFTER = re.compile(r"^\s*(?:€|\$|£|usd|eur|brl|krw|gbp|원|reais|r\$|dollars?|euros?|"
                           r"won)(?!\w)", re.IGNORECASE)
#: A part of a URL or a path after a slash or an equals sign ("…/site/7719034/links",
#: "?sid=7719034"): a candidate only when the part before labels it (`TypedReader.read`).
_URL_PART = re.compile(r"(?<=[/=])[^/?#&=]+")
_TRAILING_HANGUL = re.compile(r"^(.*?\d)[\uac00-\ud7a3]{1,5}$")
#: Digits in groups with one separator throughout: a space (also a no-break one), a dot or
#: a hyphen ("40 771 236", "6.120.447", "445-120-77", "8830 221"), or one digit at a time
#: ("8 8 0 1 4 5 2").
_GROUPED = re.compile(
    r"(?<![\w.\-])\d{1,4}([ .\-\u00a0\u202f])\d{2,4}(?:\1\d{2,4})*(?![\w]|[.\-]\d)|"
    # or spelled digit by digit: "8 8 0 1 4 5 2"
    r"(?<![\w.\-])\d(?:([ \-])\d)(?:\2\d){3,11}(?![\w]|[.\-]\d)")
#: A count: what is counted after the number ("40000 visitors a month", "12 000 visiteurs",
#: "30000 acessos", "방문자 40000명"), or a word of approximation before it ("about 40000",
#: "environ", "cerca de", "약"): a quantity the requester reports, never an identifier.
_COUNTED_AFTER = re.compile(
    r"^\s*(?:k\b|\+?\s*(?:(?:unique|monthly|daily|active|page)\s+)?(?:visitors?|visits?|"
    r"views?|pageviews?|users?|clicks?|followers?|subscribers?|fans|members?|people|readers?|"
    r"sessions?|impressions?|downloads?|installs?|sales|orders|products|items|posts|articles|"
    r"hits|leads|times|visiteurs?|visites|vues|utilisateurs?|clics|abonn[eé]s|membres|"
    r"lecteurs?|ventes|commandes|produits|fois|pessoas|visitantes?|visitas|acessos|"
    r"visualiza[cç][oõ]es|usu[aá]rios|cliques|seguidores|inscritos|assinantes|membros|"
    r"leitores|vendas|pedidos|produtos|vezes)\b|(?:명|회|건|개|번|뷰))", re.IGNORECASE)
_COUNTED_BEFORE = re.compile(
    r"\b(?:about|around|approx\.?|approximately|roughly|over|nearly|almost|more than|"
    r"less than|up to|environ|pres de|plus de|moins de|quase|cerca de|mais de|menos de|"
    r"aproximadamente)\s*$|[~≈]\s*$|(?:약|대략)\s*$")


#: The requester's own possessive pronoun before the candidate, with at most a label
#: between: "mine is 55120981", "le mien c'est 5512…", "o meu é SID 5512…", "제 거는 5512…":
#: as much a label as the field's own name.
_MINE_IS = re.compile(
    r"(?<!\w)(?:mine|le mien|la mienne|o meu|a minha)\s*(?:is|was|est|etait|c'est|c’est|e|"
    r"eh|era|:|=)\s*(?:(?:the|a|le|la|o|a|um|uma|un|une)\s+)?(?:[^\W\d_]{1,12}\s*[#:]?\s*)?$|"
    # "le mien (SID 5810227)", "o meu (4455002)", "eu sou o 4455002", "je suis le 5810227"
    r"(?<!\w)(?:mine|le mien|la mienne|o meu|a minha)\s*\(\s*(?:[^\W\d_]{1,12}\s*[#:]?\s*)?$|"
    r"(?<!\w)(?:eu sou|je suis)\s+(?:o|a|le|la)\s+$|"
    r"(?:제|내)\s*(?:거|것|건|꺼)\s*(?:은|는)?\s*(?:[^\W\d_]{1,12}\s*)?$")


#: The requester's possessive right before the field's label ("my SID", "mon SID", "meu
#: SID", "제 사이트"), folded: with `_MINE_IS`, what tells the requester's own of several
#: labelled values.
_MY = re.compile(r"(?<!\w)(?:my|mon|ma|notre|our|meu|minha|nosso|nossa|제|내|저희)\s*$")


#: The requester's account made with someone else's address, right before it (folded):
#: "made my account … with his email (", "a créé mon compte … avec son adresse mail (",
#: "criou minha conta com o e-mail dele (".
_MADE_WITH = re.compile(
    r"\b(?:made|created|registered|set up|opened|signed (?:me )?up)\b[^.!?\n]{0,60}"
    r"\bwith\s+(?:his|her|their)\s+(?:e-?mail|mail)(?:\s+address)?\s*[(:]?\s*$|"
    r"\b(?:cree|ouvert|inscrit|fait)\b[^.!?\n]{0,60}\bavec\s+(?:son|sa|leur)\s+"
    r"(?:e-?mail|mail|adresse(?:\s+e?-?mail)?)\s*[(:]?\s*$|"
    r"\b(?:criou|fez|cadastrou|registrou|abriu)\b[^.!?\n]{0,60}\bcom\s+o\s+"
    r"(?:e-?mail|email)\s+(?:dele|dela)\s*[(:]?\s*$")


#: Another person's possessive between the label and the number (folded): "o SID dele é",
#: "o site da minha irmã é": Portuguese puts the owner after the thing.
_THEIRS_AFTER_LABEL = re.compile(
    r"\b(?:dele|dela|deles|delas|d[oa]\s+(?:meu|minha)\s+[^\W\d_]+)\s*(?:e|eh|:|=)?\s*$")


#: Words of a field's description that say nothing of the field (folded): articles,
#: possessives, prepositions.
_DESCRIPTION_STOP_WORDS = (
    "the your you our this that with for from and are was les des une votre vous notre dans "
    "sur pour avec est sont aux seu sua seus suas nosso nossa com para uma que dos das nos nas")
_DESCRIPTION_STOP = frozenset(_DESCRIPTION_STOP_WORDS.split())


def _content_words(text: str) -> frozenset[str]:
    """The words that say something (three letters at least); a Korean word by its first
    two syllables, its particles and endings off ("상단에", "번호는": 상단, 번호)."""
    words = set()
    for w in re.findall(r"[^\W\d_]{2,}", fold(text)):
        if "\uac00" <= w[0] <= "\ud7a3":
            words.add(w[:2])
        elif len(w) >= 3 and w not in _DESCRIPTION_STOP:
            words.add(w)
    return frozenset(words)


def _pattern(f: Field) -> str | None:
    if f.pattern:
        return f.pattern
    if isinstance(f.schema, dict) and f.schema.get("format") == "email":
        return _EMAIL
    return None


def recognisable(f: Field) -> bool:
    """True when the field's pattern tells its values from ordinary words."""
    pattern = _pattern(f)
    if pattern is None or f.kind not in ("regexp", "text", "integer"):
        return False
    try:
        compiled = re.compile(pattern)
    except re.error:
        return False
    return not any(compiled.search(p) for p in PROBES)


def _third(text: str, start: int, written_for: frozenset[str]) -> bool:
    """True when the clause of ``text[start:]`` is about a person (`clause_person`) whom no
    word of the person the requester writes for (``written_for``) names: a third person."""
    who = clause_person(text, start)
    # (the English "son" is also the French possessive: "… ma mère … son site c'est le …")
    return who is not None and who != "son" and \
        not set(re.findall(r"[^\W\d_]+", who)) & written_for


class TypedReader:
    """One recognisable field: its pattern and the names that label it."""

    def __init__(self, f: Field) -> None:
        self.field = f
        self._pattern = re.compile(_pattern(f) or "$^")
        names = sorted((fold(n) for n in field_synonyms(f)), key=len, reverse=True)
        self._label = re.compile(
            r"(?:" + "|".join(re.escape(n) for n in names if n) + r")"
            # "my site number is", "le numéro" after the name: the name's number, its value
            r"(?:\s*(?:number|no\.?|nr\.?|numero|num\.?|번호))?[^\w\n]{0,4}"
            r"(?:(?:is|est|c'est|e|:|=|은|는|이)\s*(?:(?:the|le|la|o|a)\s+)?)?$") if names else None
        #: an e-mail field: someone else's address the requester's account was made with
        #: is still the account's (`_MADE_WITH`)
        self._email = bool(self._pattern.search("someone@example.com"))
        #: every word of the field's names: a label made of one of them is the field's own
        self._words = frozenset(w for n in names for w in re.findall(r"[^\W_]+", n))
        #: the field's description in each locale, its words: a requester echoing it ("the
        #: number at the top right of the page was 509-1327", "o número do canto direito do
        #: painel: 3012877") labels the value as the field's name would (`_echoed`)
        self._described = [w for w in (_content_words(d) for d in {
            f.description, *f.descriptions.values()} if d) if len(w) >= 3]
        #: a numeric id: its digits may be written in groups (`_GROUPED`)
        self._digits = bool(self._pattern.search("12345678")) and \
            not self._pattern.search("12 345 678")

    def _echoed(self, text: str, start: int) -> bool:
        """True when the words right before ``text[start]``, on its line and in its sentence,
        hold most of the field's description in some locale (three words at least): the
        requester describes the field as its form and questions do."""
        if not self._described:
            return False
        begin = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start), start - 120)
        said = _content_words(text[begin + 1:start])
        return any(len(said & words) >= max(3, (len(words) + 1) // 2)
                   for words in self._described)

    def _url_parts(self, token: str, start: int) -> list[tuple[str, int, int, bool, bool]]:
        """The parts of a URL or path ``token`` (at ``start``) that match the pattern, as
        candidates needing a label; the part before one labels it when it is one of the
        field's words ("…/publisher/44910273/programs", "…/sites/4471023/reports")."""
        parts = []
        for part in _URL_PART.finditer(token):
            if not self._pattern.search(part.group()):
                continue
            segment = fold(token[:part.start() - 1]).rsplit("/", 1)[-1]
            segment = re.split(r"[?&]", segment)[-1]
            named = len(segment) >= 3 and (segment in self._words or (
                segment.endswith("s") and segment[:-1] in self._words))
            parts.append((part.group(), start + part.start(), start + part.end(), True, named))
        return parts

    def foreign(self, text: str, start: int, end: int) -> bool:
        """True when a label right before the candidate names another thing than the
        field ("commande n° 40291177", "주문번호 77120456", "pedido 5530912", "MID 24016"),
        a currency follows it (an amount) or it counts something (`_COUNTED_AFTER`,
        `_COUNTED_BEFORE`): the number is that thing's. A label made of
        the field's own words ("사이트 번호", "site number") is the field's."""
        before = text[max(0, start - 30):start]
        folded = fold(before)
        counted = _COUNTED_AFTER.search(text[end:end + 24])
        if counted and counted.group().strip() == "번" and end - start >= 5:
            counted = None  # "3345120번": a long number's 번 numbers it, it counts no times
        if _AMOUNT_AFTER.search(text[end:end + 8]) or counted or _COUNTED_BEFORE.search(folded):
            return True
        other = _OTHER_LABEL.search(folded)
        if other and not set(re.findall(r"[^\W_]+", other.group())) & self._words:
            return True
        marked = _MARKED.search(folded)
        if marked and marked.group(1) not in self._words:
            return True
        numbered = _NUMBER_OF.search(folded)
        noun = numbered and (numbered.group(1) or numbered.group(2))
        if noun and noun not in self._words and noun not in _NUMBER_OF_ANY:
            return True
        korean = _KOREAN_LABEL.search(folded)
        if korean and not any(w in (korean.group(1) or korean.group()) for w in self._words
                              if not w.isascii() and len(w) >= 2):
            return True
        acronym = _ACRONYM.search(before)
        return bool(acronym and fold(acronym.group(1)) not in self._words)

    def read(self, texts: Sequence[tuple[str, str]], locale: str) -> Evidence | None:
        found: dict[str, tuple[bool, str, str]] = {}
        mine: set[str] = set()  # labelled as the requester's own ("le mien (SID …)")
        others = False  # a candidate labelled as another thing stands in the ticket
        # written on someone's behalf: that person's numbers are the ticket's
        proxy = any(on_behalf(fold(text[:4000])) for _, text in texts)
        # … but not a third person's: "au nom de Mme Dubois … le site de son associé,
        # M. Leroy (SID …)" is the associate's
        written_for = frozenset(w for _, text in texts for w in behalf_words(fold(text[:4000])))
        for source, text in texts:
            # value, start, end, whether it needs a label (grouped digits, a URL's part), and
            # whether its URL labels it
            candidates: list[tuple[str, int, int, bool, bool]] = []
            for m in _CANDIDATE.finditer(text[:4000]):
                value = m.group().rstrip(".!?:")
                start = m.start()
                if ("/" in value or "=" in value) and not self._pattern.search(value):
                    candidates.extend(self._url_parts(value, start))
                if value and not self._pattern.search(value):
                    # "#55120983", "44012999예요": the mark or the particle off
                    bare = _TRAILING_HANGUL.sub(r"\1", value.lstrip("#№"))
                    start += len(value) - len(value.lstrip("#№"))
                    value = bare
                if value and self._pattern.search(value):
                    candidates.append((value, start, start + len(value), False, False))
            card = contact_card(text[:4000]) if self._email else None
            if card is not None:  # an address there is the sender's, the account's if labelled
                candidates = [(v, a, b, need or card[0] < a < card[1], url)
                              for v, a, b, need, url in candidates]
            for m in _GROUPED.finditer(text[:4000]) if self._digits else ():
                digits = re.sub(r"\D", "", m.group())
                if self._pattern.search(digits):
                    candidates.append((digits, m.start(), m.end(), True, False))
            for value, start, end, needs_label, url_labelled in candidates:
                before = fold(text[max(0, start - 40):start])
                if (is_someone_elses(text, start, end) or in_anothers_clause(text, start)
                        or _THEIRS_AFTER_LABEL.search(before)) and (
                            not proxy or _third(text, start, written_for)) \
                        and not (self._email and _MADE_WITH.search(
                            fold(text[max(0, start - 120):start]))):
                    continue  # another person's: never the requester's value
                label = self._label.search(before) if self._label else None
                own = bool(_MINE_IS.search(before) or (
                    label and _MY.search(before, 0, label.start())))
                labelled = bool(label) or own or url_labelled or self._echoed(text, start)
                if own:
                    mine.add(value)
                if needs_label and not labelled:
                    continue  # unlabelled: a phone, a postcode, a date, a URL's product id
                if self.foreign(text, start, end):
                    others = True
                    continue
                prior = found.get(value)
                if prior is None or (labelled and not prior[0]):
                    found[value] = (labelled, source, text[max(0, start - 24):end])
        if others:  # the requester numbers other things: only a labelled value is written
            found = {v: c for v, c in found.items() if c[0]}
        if not found:
            return None
        if len(found) == 1:
            value, (labelled, source, span) = next(iter(found.items()))
        else:
            attached = [v for v, (lab, _, _) in found.items() if lab]
            if len(attached) > 1:  # several labelled: the one the requester calls theirs
                attached = [v for v in attached if v in mine]
            if not attached:  # rows of a pasted table: the one row not said to work
                attached = [v for v in [table_row_chosen(texts, list(found))] if v]
            if len(attached) != 1:
                return None
            value = attached[0]
            labelled, source, span = found[value]
        return Evidence(key=self.field.key, value=value, span=clip(span), method="typed",
                        locale=locale, confidence=LABELLED if labelled else ALONE,
                        source=source)
