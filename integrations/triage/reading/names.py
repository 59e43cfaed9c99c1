"""Values inside sentences: "my main is a ranger called Aelin", "someone named Grimbolt",
"mon compte jules_b ne marche plus", "캐릭터 이름은 Haneul입니다", "Account: kira_sun",
"on the Kraken server".

A value stands after one of the field's names (its titles in every locale, its key, and
``x-deskops.synonyms``), optionally joined by a connector ("is", ":", "est", "은/는",
"called", "s'appelle"; a Hangul name only before a copula: "서버는 누이입니다"), or before
it: in Korean "<name>(이)라는 <field>", in English a
capitalised "on the <Name> <field>". It must look like a name — a digit, an underscore or
a capital letter in its first word (or, for a multi-word value, in a later one: "le pack
Marchand"), or an explicit connector before a word that is not a participle — and pass the
field's own schema (checked by the caller). When the field's own word follows the name found
("mon compte Glyph c'est X"), a longer name of the field starting inside it is read instead.
A short number ending the clause belongs to the name ("serveur Europe 2"); an article
before a name whose owner it says may be dropped ("nome dele X" as "o nome dele X"). After
the field is named in a sentence, "mine is X", "le mien c'est X", "it's called X" give its
value unless another thing is named between. A code field's name after an identifier noun
labels a code after a colon ("ID do pedido na PSN: 1234-5678-9012"). A text field whose
own description gives a time-boxed example ("e.g. "Patron 30 days"") reads a name of that
shape after an article anywhere ("I DID get the Patron 90 days"). In Korean, a thing
"called X" (X라는 캐릭) the requester does not claim in its clause is not their own.
Several different values for one field: none is written. An identifier field whose title
holds a brand ("Glyph account name") is also named by the brand and an identifier noun
("my Glyph name is …", "pseudo Glyph"; `brand_names`); after such a name and its copula,
a one-word handle may end like a participle ("saltyhalfling").

Roles: a field whose names start with a first-person possessive ("my character", "제
캐릭터") is the requester's own; another person's ("his character", "o personagem dele")
is not its value, and a field that names someone else ("his name is") skips the
requester's own mention ("I'm the player Velka"). A field with a pattern reads a code
after its name, a few qualifying words and a copula ("the transaction number on the
receipt is PSN-88A1-F20K").

A lower-case handle needs no such shape when no language of the workspace knows it
(`lexicon`, word-frequency lists): right after a field's name that its role owns ("delete
my Glyph account nightfernz, …", "sur mon compte brumeazur : …"), ending its clause, and
not one slip from a common word ("my account hacekd" is a typo). Generic identifier labels
("user:", "login:", "pseudo:", "nick:", "ID:", "아이디:", "닉은") give their value to the
form's one person's identifier (`identifier_role`; an "ID" that names another field of the
form, "Transaction ID", is not such a label); on a form with two (the reporter's
character and the reported player), only a label whose owner names the role ("my nick:",
"his nick:", "그 유저 닉은").

A lone preposition among a place's cues ("on", "sur", "no") reads one coined capitalised
word after it in that locale's text ("im Lirael on Kyprosa"; never a known word, a day, a
platform). A field's name, a relative clause with a subject of its own and a naming verb
give its value ("the account he made for me is called OldOakWalt"); "the name is", "o
nome é" do for the requester's thing named before in the sentence. A name of a field that
says identifier labels a code across qualifying words and a colon ("Transaction ID on the
PlayStation receipt: …"); a field whose title says ID, number or code writes only values
holding a digit. A field whose examples count a unit ("5000 Credits") reads such a count
as the shop writes it; a count keeps its unit or duration ("5000 crédits", "Patron 30
days"), alone it names nothing, and a sum of money ("19,99€") is never a name. A parent
writing for their child: the child's thing ("my son's character", "son perso c'est X"
after "mon fils") is read when the requester names no own one.

A coined handle's clause also ends at a condition ("my Glyph login is varkhul if that
helps", "si ça aide", "caso precise") and at the participle of the act asked for ("my
account wrenlowe deleted"). On a form with an e-mail field, an e-mail address is that
field's, never a name's ("l'adresse du compte (x@y.fr)"). A count after the requester's
possessive is what they bought ("mes 1000 crédits"; a long unit by its stem:
"créditos"), and so is a Korean count after the shop's unit ("크레딧 5000개"). A terse
line drops the possessive of a field's name ("cleric Thessaly on Wolfsbane." for "my
cleric"). After a lone place preposition, a word the languages know but seldom use
("on Kraken a player") names the place when it ends its noun phrase.

Which span is the value, by the sentence's shape: a common word in capitals is emphasis
("came out of my acct TWICE"), a place after a preposition no name ("login feito da
Rússia"); casual French drops the apostrophe of "c'est" ("mon compte c est lutinbleu"). A
coined handle may go on with its predicate's verb ("mon compte ptitecrevette est
enregistré …"), end a terse list item ("Windows 11, account bretonwolf.") or come before
the next item's field name ("Conta luanaplays, email …"). A requester writing for someone
else ("je vous écris pour mon mari") is read as a parent writing for a child. In Korean,
"저는 X 으로 플레이해요" is the requester's character and "X 이라는 애가" someone else. The
offender may be named after a conjunction ("o problema é que o Malandro fica me
xingando") and by the act told before ("Because Goldkingzz just did it to me"); a name in
brackets after a person's noun ("친구(Kroo_99)") is that person's.

Patterns built from a field's names and cues live in `cues`, the word lists a name
is told from in `words`; free-text fields are read by `clauses`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from integrations.model import Field
from integrations.triage.reading.cues import (
    COPULA_CUE,
    KIND_THING,
    KO_COUNTED,
    KO_GENERIC,
    NAMED_THING,
    anaphor_pattern,
    antecedent_name,
    brand_names,
    brand_pattern,
    cued_name,
    cues_pattern,
    ko_thing,
    spaced,
)
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.lexicon import (
    common_word,
    known_word,
    lexicon_languages,
    load,
    misspelt_word,
)
from integrations.triage.reading.matcher import FUNCTION_WRITTEN, owned_by_another, owner_before
from integrations.triage.reading.normalise import fold, strip_korean
from integrations.triage.reading.typed import _OTHER_THINGS
from integrations.triage.reading.vocabulary import field_synonyms, per_locale
from integrations.triage.reading.words import (
    ACTS_ON,
    COMMON,
    DEMONYMS,
    ERROR_WORDS,
    FILE_ENDS,
    GROUPS,
    HANDLE,
    HANGUL,
    IDENTIFIER_NOUNS,
    KO_KINDS,
    MAIL_WORDS,
    NAME_JOINERS,
    NOT_ANAPHORS,
    NOT_NAMES,
    NOT_TAIL,
    PLACE_NOUNS,
    PLACES,
    RELATIVES_KO,
    RELATIVES_LATIN,
    SERVICES,
    STATE_PARTICIPLES,
    STATE_WORDS,
    names_identifier,
    on_behalf,
)

__all__ = ["NameReader", "identifier_nouns", "identifier_role", "unknown_to_requester"]

NAMED = 0.85
#: A number sign joins a name to its code ("order #A1B2C3", "commande n° 55821-X").
#: A relative pronoun may open the naming verb ("un joueur qui s'appelle Kraggor", "um
#: jogador que se chama X", "a player who is called X"); "c'est" states a value as "is" does.
#: After a label's mark, its value on the same line, or on the next when that line is no
#: label of its own ("Carte graphique :\nProblème : …" leaves the card empty).
COLON_VALUE = r"[ \t]*(?:\n[ \t]*(?![^\n:：=]{1,30}[:：=]))?"
_CONNECT = (r"(?:[ \t]*[:：=]" + COLON_VALUE + r"|\s*(?:#|n°|nº|no\.|n\.º)\s*|"
            # an aside between commas before the copula: "my account name, according to my
            # grandson, is X", "mon pseudo, si je me souviens bien, c'est X"
            r"\s*,[^,\n]{3,40},\s*(?:is|was|est|c['’]est|é|e|era)\s+|"
            # the form's question echoed with its answer: "char? Snaggletooth", "shard?
            # Deepwood" (the answer ends its line, a short one: not "meu login? Nao
            # entendi nada.")
            r"[ \t]*\?[ \t]+(?=[^\n?.!]{1,40}(?:\n|$))|"
            # a name's own label inside brackets after the field's name: "mon compte Glyph
            # (nom : Brasier_Noir, mail …)", "my account (username: x)", "계정(아이디: x)"
            r"\s*[(\[]\s*(?:user\s*name|name|nom|nome|login|pseudo|nick(?:name)?|ign|id|"
            r"usu[aá]rio|identifiant|이름|아이디|닉네임)\s*[:：=]\s*|"
            # "mon perso à moi, GrimOutrider": the requester's own, stressed
            r"(?:\s+[aà]\s+moi)?\s*[(\[,]\s*|"
            r"['’]s\s+name\s+(?:is|was)\s+|"
            # a hedge before the copula: "le nom du compte je crois que c'est Vieuxloup",
            # "my account I think is X", "a conta acho que é X" (stated, if unsure)
            r",?\s+(?:i\s+(?:think|believe)|je\s+(?:crois|pense)(?:\s+que)?|(?:acho|creio)"
            r"\s+que)\s+(?:it['’]?s\s+|it\s+is\s+|is\s+|c['’]est\s+|c\s+est\s+|[ée]\s+)|"
            # "my username's lunabelle_x": the contracted copula
            r"['’]s\s+|"
            r"\s+(?:is|was|est)\s+(?:called|named|appelée?|nommée?)\s+|"
            # (casual French drops the apostrophe: "mon compte c est lutinbleu")
            # "minha conta e rafa_m": "é" typed without its accent, before a handle only
            r"\s+(?:is|was|est|é|eh|e(?=\s+\w+[_.\d]\w*)|c'est|c’est|cest|c\s+est|c|called|"
            r"named|nommée?|chamad[oa]|"
            r"s'appelle|"
            r"s’appelle|se\s+chama|se\s+nomme|"
            # spoken Portuguese drops the "se": "meu personagem chama Luna Estelar"
            r"chama(?=\s+(?-i:[A-ZÀ-ÖØ-Þ])))\s+|"
            r"\s+(?:qui|que|who)\s+(?:s'appelle|s’appelle|se\s+chama|se\s+nomme|is\s+called|"
            r"is\s+named|'s\s+called)\s+|"
            # a name given with a noun for it: "a player with the name X", "um jogador com o
            # nome X", "un joueur avec le pseudo X"
            r"\s+(?:with\s+the\s+(?:name|nick|nickname)|com\s+(?:o\s+)?(?:nome|nick)|"
            r"avec\s+(?:le\s+)?(?:nom|pseudo))\s+|"
            r"\s*(?:은|는|이|가)\s*|"
            # a dash between the field's name and a handle: "my account - nightfern_22"
            r"\s+[-–—]\s+|"
            r"\s+)")
#: A field name that ends with its own copula ("my account is", "minha conta é", "the name
#: is") states the value as an explicit connector would.
_COPULA_END = re.compile(r"(?:^|\s)(?:is|was|est|c'est|é|s'appelle|se chama|called|named|"
                         r"chamad[oa]|nommée?|appelée?)$"
                         r"|(?:은|는)$")
#: Adjective endings: a lone word after a field's name in a label-less line that is an
#: adjective describes the thing ("nick ofensivo", "offensive name") rather than naming it.
_ADJECTIVE = re.compile(r"(?:ous|ive|ful|ible|able|ic|ique|if|eux|euse|ivo|iva|oso|osa|ivel|"
                        r"avel|ico|ica)$")
#: An article, and a kind before its naming verb ("a dwarf named", "une elfe qui s'appelle"),
#: described by a word or two ("a lady cleric named", "an old dwarf warrior called", "une
#: vieille prêtresse nommée").
_ARTICLE = (r"(?:(?:a|an|the|un|une|le|la|les|des|o|a|os|as|um|uma|de|d')\s+"
            r"(?:(?:\w+\s+){1,3}?(?:called|named|nommée?|chamad[oa]|"
            r"(?:qui|who|que)\s+(?:s'appelle|s’appelle|is\s+called|se\s+chama))\s+)?)?")
#: (a name stays on its line: "mon compte Glyph.\nnom de compte : X" is two lines)
#: A short number ending the clause is part of a name ("serveur Europe 2", "Kraken 3.").
_NAME = (r"([A-Za-zÀ-ÖØ-öø-ÿ0-9][\w.'@-]{1,40}(?:[ \t]+[A-ZÀ-ÖØ-Þ0-9][\w'-]{1,20}){0,3}"
         r"(?:[ \t]+\d{1,3}(?=[ \t]*(?:[,;!?)\n]|\.(?!\d)|$)))?)")
_KO_BEFORE = r"([A-Za-z0-9][A-Za-z0-9_.-]{1,40})\s*(?:(?:이)?라는|인)\s*(?:{names})"
#: After a name, a Korean relative that makes it another person's ("닉네임 Grom77 인 유저",
#: "Grom77 이라는 플레이어").
_KO_SOMEONE_AFTER = re.compile(
    r"^\s*(?:인|(?:이)?라는)\s*(?:유저|플레이어|사람|분|애|놈|녀석|상대)")
#: A Latin name "called" a person in Korean: "tr0vegoldshop 이라는 애가", "Grom77 이라는
#: 유저", "Kkang 인 사람이" (a friend, 친구, is no one reported).
_KO_SOMEONE_CALLED = re.compile(
    r"(?<![\w.])([A-Za-z0-9][A-Za-z0-9_.-]{1,40})\s*(?:(?:이)?라는|인)\s*"
    r"(?:유저|플레이어|사람|분|애|놈|녀석|상대|넘|새끼|캐릭|캐릭터)"
    r"(?=[이가은는을를도의한]|님|\s|$|[.,!?])")
#: A Hangul name is taken only when a copula states it ("서버는 누이입니다"), never from a
#: description ("서버가 다운됐어요").
_KO_NAMED = r"(?:{names})\s*(?:은|는)\s*([\uac00-\ud7a3]{1,10}?)(?:입니다|이에요|예요|이고|고요)"
#: English puts a proper name before the noun it names: "on the Kraken server".
_EN_BEFORE = r"(?<!\w)(?:on|in|at)\s+(?:the\s+)?([A-Z][\w'-]{1,30})\s+(?:{names})(?!\w)"
#: A name of a field that starts with a first-person possessive: the field is the
#: requester's own thing.
_FIRST_PERSON_OWNER = re.compile(r"(?i)(?:my|mon|ma|mes|meu|minha|meus|minhas|제|내)\s")
#: A name of a field that says it is a third person's ("his name is", "son pseudo").
_THIRD_PERSON_OWNER = re.compile(r"(?i)(?:^|\s)(?:his|her|their|son|sa|dele|dela)(?:\s|$)")
#: The requester speaking of themself right before a field's name: "I'm the player",
#: "my player name", "je suis le joueur", "eu sou o jogador", "제", "내".
_SELF_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:i'm|i am|je suis|eu sou|sou)\s+(?:the|a|le|la|un|une|o|a|um|uma)?|"
    r"(?<!\w)(?:my|mon|ma|meu|minha)(?:\s+[\w'’-]+(?:\s+(?:is|was|est|é))?)?|제|내)\s*$")


#: A friend or a relative named earlier in the sentence: "mon pote Tibo (son perso c'est
#: Tiboulet)", "meu filho joga … com o perso Trovinho".
_RELATIVE = re.compile(rf"(?i)(?<!\w)(?:{RELATIVES_LATIN})(?!\w)|{RELATIVES_KO}")
#: A first-person possessive right before a field's name: the requester's own.
_MINE_BEFORE = re.compile(r"(?i)(?:(?<!\w)(?:my|mon|ma|meu|minha)|제|내)\s*$")
#: An e-mail address.
_AN_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.\w+")
#: An e-mail word: a field's name after it ("Email da conta") labels the e-mail.
_EMAIL_WORD = re.compile(r"(?:e-?mail|courriel|mail|이메일|메일)\W{0,3}(?:\w+\W+){0,2}$")


def _relative_speaks(text: str, at: int, label: str, own: bool) -> bool:
    """True when a friend or a relative is named earlier in the sentence of a field's
    name at ``at`` that is not the requester's ("his character", "o perso", not "my
    character"): the thing is theirs, neither the requester's nor the reported player's
    ("my buddy Krovak … some dude named X" still names X: "named" is no possessive)."""
    begin = max((text.rfind(c, 0, at) for c in ".!?\n"), default=-1) + 1
    if not _RELATIVE.search(text[begin:at]):
        return False
    words = label.casefold().split()
    if own:  # the requester's own thing, named without "my": whose is it?
        return not (_FIRST_PERSON_OWNER.match(label) or _MINE_BEFORE.search(text[begin:at]))
    return bool(words) and (words[0] in _THIRD_POSSESSIVES or words[-1] in _THIRD_AFTER)


def someone_elses(text: str, at: int) -> bool:
    """True when the clause before ``at`` names a friend or a relative and no first-person
    possessive after them: "my friend's account is X", "친구 계정은 X", "a conta do meu irmão
    é X" name theirs, not the requester's ("my account, not my friend's, is X" is theirs)."""
    begin = max((text.rfind(c, 0, at) for c in ".!?\n,;"), default=-1) + 1
    last = max((m.end() for m in _RELATIVE.finditer(text, begin, at)), default=None)
    return last is not None and not _MINE_WORD.search(text, last, at)


#: A first-person possessive anywhere (the requester's own, after a friend was named).
_MINE_WORD = re.compile(r"(?i)(?<!\w)(?:my|mon|ma|meu|minha)(?!\w)|제\s|내\s")


_THIRD_POSSESSIVES = frozenset(("his", "her", "their", "son", "sa", "ses", "leur"))
_THIRD_AFTER = frozenset(("dele", "dela", "deles", "delas"))


#: The requester's child: "my son", "ma fille", "meu filho", "아들", "딸" (possessive on
#: its own, "my son's"); with an age or a word between ("mon fils de 12 ans").
_CHILD = (r"(?:(?:my|our)\s+(?:\w+\s+)?(?:son|daughter|kid|child|boy|girl)|"
          r"(?:mon|notre)\s+(?:\w+\s+)?(?:fils|gamin|gosse)|(?:ma|notre)\s+(?:\w+\s+)?fille|"
          r"(?:meu|nosso)\s+filho|(?:minha|nossa)\s+filha)(?!\w)|아들|(?<![\uac00-\ud7a3])딸")
_CHILDS = re.compile(rf"(?i)(?:{_CHILD})['’]s\s*$|(?:아들|딸)(?:의)?\s*$")
_CHILD_NAMED = re.compile(rf"(?i)(?<!\w)(?:{_CHILD})")
#: The requester's own name in brackets after their pronoun: "moi (Ysaline)", "me (Kestrel)",
#: "myself (Kestrel)", "eu (Iracema)", "나(Haneul)", "저(Haneul)".
_SELF_BRACKETED = re.compile(r"(?i)(?:(?<!\w)(?:moi|me|myself|eu|mim)|(?<![\uac00-\ud7a3])[나저])"
                             r"\s*\(\s*([^\s()]{2,30})\s*\)")
#: A family member's possessive right before the thing ("my dad's account", "아버지 계정",
#: "엄마의 계정"): the thing of the one the requester writes for, when they do (a friend's
#: stays the friend's: a requester asking for a friend often gives their own beside it).
_KINS = re.compile(
    r"(?i)(?:dad|mum|mom|father|mother|brother|sister|wife|husband|grandma|grandpa|"
    r"grandmother|grandfather|uncle|aunt)['’]s\s*$|"
    r"(?:아버지|어머니|엄마|아빠|남편|아내|와이프|할머니|할아버지|부모님)(?:의|께서)?\s*$")


def _child_speaks(text: str, at: int, sentences: int = 1) -> bool:
    """True when the requester's child is named earlier in the sentence of ``at`` (or in
    the one before too, ``sentences=2``), and no other relative or friend after them; or
    when the requester said earlier that they write as a parent ("on behalf of my
    8-year-old", "sou mãe do Lucas", "je suis la maman de Léo", "아들 계정 문의") and no
    friend or relative is named in the sentence of ``at``: "his character" is the child's."""
    begin = at
    for _ in range(sentences):
        begin = max((text.rfind(c, 0, max(0, begin - 1)) for c in ".!?\n"), default=-1) + 1
    child = next(reversed(list(_CHILD_NAMED.finditer(text, begin, at))), None)
    if child is None:
        # (or for someone else: "je vous écris pour mon mari", "on behalf of my dad": the
        # third person's thing, "son compte", is theirs as a child's is; `typed`'s test)
        if _PARENT.search(text, 0, at) is None and \
                not on_behalf(fold(text[:at])):
            return False
        begin = max((text.rfind(c, 0, at) for c in ".!?\n"), default=-1) + 1
        return not any(not _CHILD_WORD.fullmatch(r.group().split()[-1])
                       for r in _RELATIVE.finditer(text, begin, at))
    return not any(not _CHILD_WORD.fullmatch(r.group().split()[-1])
                   for r in _RELATIVE.finditer(text, child.end(), at))


#: The requester saying they write as a parent or for their child: "on behalf of my
#: son", "my 8-year-old", "I'm his mom", "je suis la maman de", "j'écris pour mon fils",
#: "sou mãe do Lucas", "sou o pai da", "escrevo pelo meu filho", "아들 계정", "저는 … 엄마".
_PARENT = re.compile(
    r"(?i)(?<!\w)(?:(?:my|our)\s+(?:little\s+)?(?:\d{1,2}[- ]?(?:year|yr)s?[- ]?old|"
    r"kid|kiddo|son|daughter|child|boy|girl|little\s+one)|"
    r"(?:i['’]?m|i\s+am)\s+(?:his|her|their|the)\s+(?:mom|mum|mother|dad|father|parent|"
    r"guardian)|"
    r"(?:mom|mum|mother|dad|father|parent|guardian)\s+of\s+(?:a|an|my|[A-Z])|"
    r"(?:mon|notre)\s+(?:petit\s+)?(?:fils|gamin|gosse|garçon|garcon|enfant)|"
    r"(?:ma|notre)\s+(?:petite\s+)?(?:fille|gamine)|"
    r"je\s+suis\s+(?:la\s+|le\s+)?(?:m[èe]re|maman|p[èe]re|papa|parent)(?=\s+d)|"
    r"(?:meu|nosso)\s+(?:filho|menino|moleque|pequeno)|(?:minha|nossa)\s+(?:filha|menina|"
    r"pequena)|sou\s+(?:a\s+|o\s+)?(?:m[ãa]e|pai|respons[áa]vel)(?=\s+d))(?!\w)|"
    r"아들|(?<![\uac00-\ud7a3])딸|우리\s*애|(?:엄마|아빠|부모|어머니|아버지)(?:입니다|예요|이에요|인데|고요)")


#: The words of a child alone ("son", "fils", "filho", "아들").
_CHILD_WORD = re.compile(r"(?i)son|daughter|kid|child|boy|girl|fils|fille|gamin|gosse|"
                         r"filh[oa]|아들|딸")
_KO_COUNTED_NAME = re.compile(KO_COUNTED)
#: A code: letters and digits together, or digits in hyphenated groups ("PSN-88A1-F20K").
_CODE = r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z-])[A-Za-z0-9][A-Za-z0-9_-]{3,40}"
#: Nouns of an identifier: after the first word that qualifies a field's name ("transaction
#: number"), one of them names another code ("my character got item ID: AB1234").
_ANOTHER_ID = frozenset(("id", "code", "codigo", "number", "numero", "name", "nom", "nome",
                         "번호", "이름", "아이디", "코드"))
#: A pattern's character class holding a space: its values may be several words.
_SPACED_PATTERN = re.compile(r"\[[^\]]* [^\]]*\]")
#: Nouns that make a field's name an identifier's label ("transaction ID", "order number").
_ID_LABEL_NOUNS = frozenset(("id", "number", "numero", "no", "n°", "code", "codigo", "번호",
                             "아이디", "코드", "reference", "ref", "referencia"))
#: The nouns of another thing than a code-shaped field's own (an order, a receipt, …:
#: `typed`'s list), and their Korean heads ("주문번호", "송장").
_OTHER_THING = re.compile(_OTHER_THINGS)
_KO_OTHER_THINGS = ("주문", "송장", "영수증", "거래", "운송장", "전화")
#: The first-person "I", never a word of a name ("the email I'm writing from").
_FIRST_PERSON_I = re.compile(r"I(?:['’](?:m|ve|ll|d))?[.,;:!?]?")
#: Words that join two clauses: never inside the few words that qualify a field's name.
_JOINS = r"(?:and|but|or|so|because|et|mais|ou|donc|car|e|mas|ou|porque|então)"
#: Korean too puts a proper name before the noun it names: "Aurora 서버에서", "Hanbit 캐릭터의".
_KO_LATIN_BEFORE = (r"(?<!\w)([A-Z][A-Za-z0-9'_-]{1,30})\s*(?:{names})"
                    r"(?=의|에서|에|은|는|이|가|을|를|도|으로|로|\s|$|[.,!?])")


#: Lone prepositions of a place one plays on, as a field's cues ("on Kyprosa").
_PLACE_WORDS = frozenset(("on", "sur", "no", "na", "em"))
#: The shape of a handle that capitals do not give: a dot, an underscore, an @ or a digit
#: (in a Title Case text, "PayPal" in "Purchase Problem With PayPal" tells no name).
_SHAPED = re.compile(r"\w[._@]\w|\d")
#: The word "reference" in a field's name, in en, fr and pt-br.
_REFERENCE = re.compile(r"(?i)(?<!\w)(?:reference|référence|referência|referencia)(?!\w)")
#: The end of a terse sentence: a full stop, an exclamation, a line's or the text's end.
_TERSE_END = re.compile(r"[ \t]*(?:[.!]?[ \t]*(?:\n|$)|[.!][ \t])")
#: Where a label line without a colon may start: a clause start, or a possessive.
_CLAUSE_START = re.compile(
    r"(?:^|[.,;:!?\n(]|(?<!\w)(?:my|mon|ma|meu|minha|제|내))\s*$", re.IGNORECASE)
#: The start of a sentence or a line (not a possessive, not a comma).
_SENTENCE_START = re.compile(r"[.!?\n]\s*$")
#: Where its one-word value must end: the clause (a slash or a dash between spaces
#: separates two items: "계정 이름 minjiii / 이메일 …"; a Korean copula after a Latin word
#: ends it too: "아이디는 ravenmoor 예요"; so does an aside opening in brackets: "my account
#: frostwhisker (email …)").
_CLAUSE_END = re.compile(r"\s*(?:$|[,;!?\n)]|\.(?:\s|$)|[/|]\s|-\s|\()|"
                         r"\s*(?:입니다|이에요|예요|이고|이구요|이요|인데)(?![\uac00-\ud7a3])")


def _proper_name(value: str) -> bool:
    """True when ``value`` (a capitalised run) can be a name: not a demonym, a language or
    a common word, with a lower-case letter ("PC" is not one) or a Hangul word beside its
    capitals ("RIFT 패트론 90일": Hangul has no case)."""
    first = fold(value.split()[0]).strip("'’-")
    if first in NOT_NAMES or all(fold(w) in NOT_NAMES for w in value.split()):
        return False
    if " " not in value and first.endswith(("ed", "ing")):  # "I'm Locked", "I'm Playing"
        return False
    return (any(c.islower() for c in value) or (
        " " in value and any(c.isupper() for c in value) and bool(HANGUL.search(value)))) \
        and len(value) >= 3


def _shouted(value: str, languages: tuple[str, ...]) -> bool:
    """True for a word written in capitals that the workspace's languages use often: said
    with emphasis ("came out of my acct TWICE", "minha conta NUNCA recebeu", "mon compte
    ENCORE débité"), no handle; a rare or coined one ("KRAGGOR") may still be a name.
    A run of such words is emphasis too ("someone is in my account RIGHT NOW")."""
    words = value.split()
    return bool(words) and all(
        w.isalpha() and w.isupper() and len(w) >= 2 and
        (fold(w) in COMMON or fold(w) in STATE_WORDS or common_word(w, languages))
        for w in words)


#: A label's mark between a field's name and its value ("Account: X", "login = X"): what
#: follows is the value whatever its case.
_LABEL_MARK = re.compile(r"[:：=]")


#: A dot between two letters inside one word, as handles have ("ana.trovinha").
_DOTTED = re.compile(r"[^\W\d_]\.[^\W\d_]")


def _looks_like_name(value: str, explicit: bool) -> bool:
    words = value.split()
    first = words[0]
    if any(c.isdigit() or c == "_" for c in first) or first[:1].isupper() or \
            _DOTTED.search(first):  # "na conta ana.trovinha": a dot inside, as in a handle
        return True
    word = first.casefold()
    if fold(word) in STATE_WORDS or (len(words) == 1 and fold(word) in COMMON):
        return False  # "avec PayPal": a preposition; "is the same": a common word
    if any(w[:1].isupper() and not (words[i].casefold() in NAME_JOINERS and
                                    fold(w.rstrip(".,;:!?")) in PLACES)
           for i, w in enumerate(words[1:])):  # "le pack Marchand", "pacote de Natal"
        return True  # (not "feito da Rússia": from a place, no name)
    if not explicit or word in STATE_WORDS or len(word) < 4:
        return False
    return not word.endswith(("ed", "ing", "é", "ée", "és", "ado", "ada", "ido", "ida"))


#: A currency after a number ("20 Euros", "5 €", "5000원").
_CURRENCY = re.compile(r"(?i)\s*(?:[€$£¥₩]|원)|\s+(?:dollars?|euros?|reais|bucks|usd|eur|brl|krw)"
                       r"(?!\w)")
#: Units after a number: "my account is 10 years old" states an age, not a name.
_UNITS = re.compile(r"(?i)\s+(?:years?|months?|weeks?|days?|hours?|ans?|mois|semaines?|"
                    r"jours?|heures?|anos?|m[eê]s(?:es)?|semanas?|dias?|horas?|yo)(?!\w)|"
                    r"\s*(?:년|개월|달|주|일|시간|살)|"
                    # a sum of money: "payé 19,99€", "paid 20 dollars", "5000원"
                    r"[.,]\d{1,2}(?!\d)|" + _CURRENCY.pattern.removeprefix("(?i)"))


def _quantity(text: str, m: re.Match[str], value: str) -> bool:
    """True when ``value`` is a number followed by a unit ("10 years old") or a currency
    ("19,99€"), or a value that is a sum of money whole ("20 Euros"; not "30 day", which
    may start a product's name)."""
    if not value.isdigit():
        number = re.match(r"\d[\d.,]*", value)
        unit = _CURRENCY.match(value, number.end()) if number is not None else None
        return unit is not None and unit.end() == len(value)
    at = m.start(2) + m.group(2).find(value) + len(value)
    return bool(_UNITS.match(text[at:]))


def _plain_value_stands(text: str, m: re.Match[str], value: str,
                        coined: tuple[str, ...] = ()) -> bool:
    """A plain lower-case word after an explicit connector ("is", "c'est", "é") is a name
    only when it ends its clause and is no adjective ("minha conta é thaisfarias, mas…",
    not "minha conta é antiga e…", "le joueur est toxique"), with no article before it
    ("my character is a mage"); a capital, a digit, an underscore, a dot or an @ tells a
    name on its own."""
    if value[:1].isupper() or HANDLE.search(value) or any(c.isupper() for c in value):
        return True
    if " " in value or _ADJECTIVE.search(fold(value)):
        return False
    between = text[m.end(1):m.start(2)]
    if between.strip():  # an article: "is a mage"
        return False
    at = m.start(2) + m.group(2).find(value) + len(value)
    # a word no language of ``coined`` knows ends its clause at a conjunction too ("glyph
    # name is marrowlight and first time i tried …"): a handle, not "antiga e não entra"
    return bool(_CLAUSE_END.match(text[at:]) or _NEXT_CLAUSE.match(text[at:]) or (
        coined and (_JOINED.match(text[at:]) or _RUN_ON.match(text[at:]))
        and _coined(value, coined)))


def _title_case(text: str) -> bool:
    """True for a text without Hangul whose words inside its sentences (three letters or
    more, two words at least) are eight in ten capitalised: a Title Case subject or one
    written in capitals ("Account Recovery Request", "Item Missing After Trade")."""
    if HANGUL.search(text):
        return False
    words = [w for w in _INNER_WORD.findall(text) if w.casefold() not in NAME_JOINERS]
    return len(words) >= 2 and 10 * sum(w[0].isupper() for w in words) >= 8 * len(words)


def _shouting(text: str) -> bool:
    """True for a text written in capitals (nine letters in ten)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and 10 * sum(c.isupper() for c in letters) >= 9 * len(letters)


def _before_common(value: str, languages: tuple[str, ...]) -> str:
    """The words of ``value`` before its first common one ("PIPSQUEAK HAD HIS" →
    "PIPSQUEAK"); empty when it starts with one."""
    kept: list[str] = []
    for word in value.split():
        if fold(word) in COMMON or common_word(word, languages):
            break
        kept.append(word)
    return " ".join(kept)


#: A word of three letters or more that does not start a sentence or a line.
_INNER_WORD = re.compile(r"(?<![.!?:\n]\s)(?<![.!?:\n])(?<!^)(?<=\s)"
                         r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]{2,}")
#: Words that report speech: a quotation after them is what was said, not a name.
_SPEECH = re.compile(r"(?<!\w)(?:said|says|say|saying|wrote|writes|writing|typed|types|typing|"
                     r"call(?:s|ed|ing)?|yell(?:s|ed|ing)?|shout(?:s|ed|ing)?|spam(?:s|med|ming)?|"
                     r"told|telling|disse|diz|dizendo|falou|fala|falando|escreveu|escrevendo|"
                     r"chamou|chamando|mandou|xing(?:ou|ando|a)|gritando|gritou|a dit|dit|"
                     r"disant|ecrit|ecrivant|traite|traitant|crie|criant)(?!\w)")
#: An article right before a field's name: a thing not introduced as the requester's.
_ARTICLE_BEFORE = re.compile(r"(?i)(?<!\w)(?:o|a|um|uma|the|an|le|la|un|une|l['’])\s*$")
_OPEN_QUOTES = "\"'«“‘‹"
_CLOSE_QUOTES = "\"'»”’›"


def _quoted(text: str, at: int) -> str | None:
    """The whole quotation starting at ``at`` right after its opening quote ("my character
    'velka'", "le joueur « Kraggor »", "my item "Frost Wyrm Egg""), when it is a name's
    length (four words at most, on one line): quotes tell a name whatever its case."""
    if text[:at].rstrip()[-1:] not in _OPEN_QUOTES:
        return None
    m = _QUOTATION.match(text, at)
    return m.group(1).strip() if m else None


_QUOTATION = re.compile(r"((?:[^\s\"'«»“”‘’‹›]+\s?){1,4}?)\s*[\"'»”’›](?!\w)")


def _apposition(text: str, m: re.Match[str], value: str) -> bool:
    """A name between brackets or commas right after the field's name ("my main, Velka,
    can't log in", "my character (Velka)"): closed, and a name by its shape — a capital,
    a digit, an underscore, a dot or an @ ("my account, however, …" is no name)."""
    return _closed(text, m, value) and bool(value[:1].isupper() or HANDLE.search(value))


def _closed(text: str, m: re.Match[str], value: str) -> bool:
    """True when one-word ``value`` is closed by the bracket or comma that opened it, or,
    after a comma, a handle's shape by its sentence's end ("it's for my character,
    GrimOutrider.")."""
    at = m.start(2) + m.group(2).find(value) + len(value)
    closer = ")" if "(" in m.group(1) else "]" if "[" in m.group(1) else ","
    rest = text[at:].lstrip()
    # the sentence's end closes a handle's shape only: an inner capital, a digit, an
    # underscore ("my character, Thanks." is no name)
    ends = closer == "," and (not rest or rest[0] in ".!?\n") and bool(
        re.search(r"[a-z][A-Z]|[\d_]", value))
    return (rest.startswith(closer) or ends) and " " not in value


#: A conjunction and a new subject: the clause before it has ended ("the account is
#: shadowpaw and the email on it is…"; not "minha conta é antiga e não entra").
_NEXT_CLAUSE = re.compile(
    r"(?i)\s+(?:and|but|et|mais|e|mas)\s+(?:the|my|i|it|its|le|la|les|mon|ma|mes|je|j'|il|"
    r"elle|o|a|os|as|meu|minha|eu|ele|ela)\s")


#: A conjunction after a word: "marrowlight and …", "brumeazur et …", "thaisf e …"; or a
#: condition, which opens a clause of its own: "varkhul if that helps", "brumeazur si
#: jamais ça aide", "zorvelinha caso precise", "mirelkin in case you need it".
_JOINED = re.compile(r"(?i)\s+(?:and|but|et|mais|e|mas|if|in\s+case|unless|si|au\s+cas|"
                     r"en\s+cas|se|caso)\s")
#: A run-on text's next clause, opened by its subject with no mark before it, a stray letter
#: aside: "minha conta é marcelinho (a) eu também mudei …", "my user is nightowl i cant …".
_RUN_ON = re.compile(r"(?i)\s+(?:[^\W\d_]\s+)?(?:i|eu|je|j'|we|nous|nos|a gente)\s")
#: The act the requester asks for, right after a handle: "my account wrenlowe deleted (…",
#: "mon compte brumeazur supprimé,", "minha conta zorvelinha excluída," (a participle
#: ending its clause).
_ASKED_ACT = re.compile(r"\s+[^\W\d_]{2,}(?:ed|é|ée|és|ées|ad[oa]s?|[ií]d[oa]s?)"
                        r"(?=\s*(?:$|[,;.!?\n(]))")


#: An article before a noun whose owner is said ("o nome dele", "le perso de mon pote",
#: "the name of his char"): casual writing drops it ("nome dele Pescador").
_OWNED_ARTICLE = re.compile(
    r"(?i)^(?:the|le|la|les|o|a|os|as)\s+(?=\S+(?:\s+\S+)*\s+(?:dele|dela|deles|delas|"
    r"de mon|de ma|do meu|da minha)(?:\s|$)|\S+\s+(?:of\s+)?(?:his|her|their)(?:\s|$))")


def _article_optional(name: str) -> tuple[str, ...]:
    """``name``, and without its article when its owner is said in it ("nome dele" for "o
    nome dele"); a bare noun ("jogador" for "o jogador") is left to the field's own list."""
    bare = _OWNED_ARTICLE.sub("", name)
    return (name, bare) if bare != name else (name,)


#: A possessive pronoun for the requester's own thing, then a copula and a name: "mine is
#: Ashwyn", "le mien c'est Aldrin", "a minha é a Iracema".
#: A thing's pronoun with its naming verb stands for it too: "my account … its called
#: xXSlayerXx", "… ça s'appelle Nyx_2" (never "he"/"il": that may be another person), and
#: so does "the name is", "o nome é", "le nom c'est".
_MINE_IS = re.compile(
    r"(?i)(?<!\w)(?:(?:mine|le mien|la mienne|o meu|a minha)\s+(?:is|was|est|c'est|c’est|é)"
    r"|(?:it['’]?s|it\s+is|it\s+was)\s+(?:called|named)|ça\s+s['’]appelle"
    # the thing's name, the thing named before: "criei a conta com 15, o nome é X"
    r"|(?:the|its|o|le)\s+(?:name|nome|nom)\s+(?:"
    # what it came to be: "the name ended up X", "o nome ficou X", "le nom est devenu X"
    r"ended\s+up(?:\s+as|\s+being)?|became|is\s+now|stayed|ficou|virou|acabou\s+sendo|"
    r"est\s+devenu|est\s+rest[ée]|a\s+fini\s+par\s+être|c['’]est\s+devenu|"
    r"is|was|é|est|c'est|c’est|era|était))\s+"
    r"(?:(?:the|le|la|o|a)\s+)?([A-Za-zÀ-ÖØ-öø-ÿ0-9][\w'-]{1,40})(?![\w'-])")


#: The requester's possessive right before a count: "my 500 credits", "mes 1000 crédits",
#: "meus 1000 créditos".
_MY_COUNT = re.compile(r"(?i)(?<!\w)(?:my|our|mes|nos|meus|minhas|nossos|nossas)[ \t]+$")
#: A count of a duration: "30 days", "90 jours", "30 dias", "30일", "3 months".
_DURATION = (r"\d{1,4}[ \t]*(?:days?|jours?|dias?|일|months?|mois|m[eê]s(?:es)?|개월|"
             r"weeks?|semaines?|semanas?|주)(?![\w])")
#: A duration's unit after a number ("Patron 30 days", "Patron 90 jours").
_DURATION_WORD = re.compile(r"(?i)days?|jours?|dias?|months?|mois|m[eê]s(?:es)?|weeks?|"
                            r"semaines?|semanas?")
#: A time-boxed name in a field's own examples ("e.g. "Patron 30 days"", "« Patron 30
#: jours »", ""Patron 30일"").
_TIMED_EXAMPLE = re.compile(rf"[A-Z][\w'-]+[ \t]+{_DURATION}")
#: A count of a unit in a field's own examples ("5000 Credits", "« 5000 Crédits »", "5000
#: 크레딧"): the unit, capitalised or in Hangul.
_COUNTED_EXAMPLE = re.compile(r"(?<![\w.,])\d[\d.,]*[ \t]*((?-i:[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,20})|"
                              r"[\uac00-\ud7a3]{2,6})(?![\w])")


def _unit(word: str) -> str:
    """A folded unit as a pattern meeting its cognates too: a word of seven letters or
    more by its first six and a short ending ("credits": "Crédits", "créditos")."""
    if len(word) < 7 or not word.isalpha():
        return _accented(word)
    return _accented(word[:6]) + r"[^\W\d_]{0,4}"


def _accented(word: str) -> str:
    """A folded word as a pattern meeting it with or without its accents."""
    return "".join(_VARIANTS.get(ch, re.escape(ch)) for ch in word)


#: A letter without its accent and every way it is written ("e": e, é, è, ê, ë).
_VARIANTS = {"a": "[aàâäãá]", "e": "[eéèêë]", "i": "[iîïí]", "o": "[oôöõó]", "u": "[uùûüú]",
             "c": "[cç]"}


#: Such a name after an article in a ticket: "the Patron 90 days", "le Patron 90 jours", "o
#: Patron 30 dias" (capitalised words, then the duration).
_TIMED_NAME = re.compile(
    rf"(?<!\w)(?:the|le|la|l['’]|o|a|un|une|um|uma|my|mon|ma|meu|minha|your|ton|teu)[ \t]*"
    rf"(?:[«\"“][ \t]*)?"
    rf"((?-i:[A-ZÀ-ÖØ-Þ][\w'-]{{2,30}}(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'-]{{1,30}}){{0,2}})[ \t]+"
    rf"{_DURATION})"
    # "my Patron 30 days ago": a time since, not the name ("30 dias atrás", "later")
    rf"(?![ \t]+(?:ago|atr[aá]s|later|depois|plus\s+t[oô]t|avant|before|antes)(?!\w))",
    re.IGNORECASE)


#: A thing named with an article or a possessive ("got a sword", "my bow"): a pronoun
#: after it stands for it, not for a field named before it.
#: (a possessor after "of"/"de" is no thing: "o personagem da minha esposa")
_ANOTHER_THING = re.compile(r"(?i)(?<!\w)(?<!de )(?<!da )(?<!do )(?<!du )(?<!of )"
                            r"(?:a|an|the|my|un|une|le|la|mon|ma|um|uma|o|meu|minha)"
                            r"\s+[^\W\d_]{3,}")


def _stands_for(named: re.Pattern[str], before: str) -> bool:
    """True when the field is named in ``before`` (its sentence up to a pronoun) and no
    other thing is named after it."""
    ends = [m.end() for m in named.finditer(before)]
    return bool(ends) and not _ANOTHER_THING.search(before[ends[-1]:])


def _sentence_before(text: str, at: int, echo: bool = False) -> str:
    """The text from the start of the sentence holding ``at`` up to it; with ``echo``, from
    a form's question echoed right before it ("conta? a minha é dn_rift1": a word or three
    and a question mark)."""
    begin = max((text.rfind(c, 0, at) for c in ".!?\n"), default=-1) + 1
    if echo and begin > 1 and text[begin - 1] == "?":
        before = max((text.rfind(c, 0, begin - 1) for c in ".!?\n"), default=-1) + 1
        if len(text[before:begin - 1].split()) <= 3:
            begin = before
    return text[begin:at]


#: The requester in a Korean clause: "저는", "제가", "제", "내", "나는".
_KO_SELF = re.compile(r"(?<![\uac00-\ud7a3])(?:저|제|내|나)(?:는|가|의)?(?![\uac00-\ud7a3])")


#: Generic labels of a person's identifier: any form's one identifier field is meant by
#: them ("user: nandarift", "login : x", "pseudo: x", "닉은 x"), longest first.
_GENERIC_LABELS = ("user name", "username", "user id", "user", "login", "log-in", "pseudo",
                   "nickname", "nick", "handle", "ign", "gamertag", "id", "usuário",
                   "usuario", "utilisateur", "identifiant", "아이디", "닉네임", "닉")
#: Words for an identifier of anything: a person's only when alone ("identifiant", "mon
#: identifiant"), not with what they identify ("Transaction ID", "사이트 아이디").
_ID_WORDS = frozenset(("id", "identifiant", "identificador", "아이디"))
#: The words of a field's names that make it a person's identifier.
_PERSON_LABELS = frozenset(fold(w) for w in _GENERIC_LABELS if " " not in w) - _ID_WORDS
_MY_WORDS = ("my", "mon", "ma", "meu", "minha", "제", "내")
_POSSESSIVE_WORDS = frozenset(_MY_WORDS)
#: A third person's possessive right before a field's name ("his", "son", "seu", "그").
_THIRD_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:his|her|their|son|sa|leur|seu|sua)|(?<![\uac00-\ud7a3])그)\s*$")
#: One capitalised word before a label: a brand ("Glyph user: x").
_BRAND_BEFORE = re.compile(r"\s*[A-Z][\w-]{2,20}\s*")
#: A preposition and a definite article before a field's name: where something happened
#: ("on the account", "na conta", "du compte", "sur le compte"); a bare article is not
#: enough ("I wanted the account X": a wish, not the requester's). English drops the article
#: before a bare noun ("on account sylvanthe", "for account x") as it does in "on the".
_DEFINITE_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:in|on|to|from|into|of|for|with)(?:\s+the)?|(?<!\w)(?:na|no|da|do|du|au|"
    r"nas|nos|das|dos)|(?<!\w)(?:sur|dans|de|pour|avec|em|para|com)\s+(?:le|la|l['’]|o|a))\s*$")
#: A verb or phrase that gives a name: "named", "qui s'appelle", "chamado", "with the name".
_NAMING = (r"(?:called|named|(?:who|that)\s+(?:is|was)\s+(?:called|named)|nommée?|appelée?|"
           r"qui\s+s['’]appelle|qui\s+se\s+nomme|chamad[oa]|que\s+se\s+chama|"
           r"with\s+the\s+name|com\s+(?:o\s+)?nome|avec\s+le\s+(?:nom|pseudo))")
#: A naming verb after a thing and its relative clause.
_NAMING_VERB = (r"(?:(?:is|was)\s+(?:called|named)|s['’]appelle|se\s+nomme|se\s+chama|"
                r"est\s+(?:appelée?|nommée?)|(?:é|foi)\s+chamad[oa])")
#: A subject of its own inside a relative clause ("he made for me", "que j'ai créé").
#: The requester's own subject ("I made", "que j'ai créé", "que eu uso"), or another's who
#: did it for them ("he made for me", "qu'il a créé pour moi", "que ele fez pra mim").
_GAP_SUBJECT = re.compile(r"(?<!\w)(?:(?:i|we|je|nous|on|eu|nos|a gente)(?!\w)|j['’])|"
                          r"(?<!\w)(?:he|she|they|il|elle|ils|elles|ele|ela|eles|elas)(?!\w)"
                          r".*(?<!\w)(?:for me|for us|pour moi|pour nous|pra mim|para mim|"
                          r"pra gente|para nos)(?!\w)")
#: The requester as a subject: "I", "I've", "je", "j'", "eu", "moi".
_SELF_SUBJECT = re.compile(r"(?i)(?<!\w)(?:i|i['’]\w+|je|j['’]\w*|eu|moi)(?!\w)")
#: A handle alone in its sentence, ending its line or the message ("… 이제 안 해서요.
#: minsu_d"): letters, then a dot or an underscore and more, or digits ("kira_sun",
#: "lucas.mv", "pedro1998").
_LONE_HANDLE = re.compile(
    r"(?:^|[.!?\n])[ \t]*([A-Za-z][A-Za-z0-9]{2,}(?:[._][A-Za-z0-9]+)+|[A-Za-z]{3,}\d{1,4})"
    r"[ \t]*[.!]?[ \t]*(?=\n|$)")
#: A year alone ("2019"): a date, not a name or a handle.
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A date in digits ("2026-11-14" under a pasted table's "Transaction ID", "14/11/2026"):
#: it says when, never names or numbers a thing.
_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})")
#: Logging in with or as a handle ("logged in with kira_sun", "je me connecte avec x",
#: "logado com x", "entro como x", "minsu_d로 로그인").
_LOGGED_IN = re.compile(
    r"(?i)(?<!\w)(?:log(?:ged|ging|s)?[ -]?in|sign(?:ed|ing|s)?[ -]?in|connect[ée]e?s?|"
    r"connecte|logad[oa]|logo|logar|logando|entro|entrei|entrar)\s+"
    r"(?:with|as|using|avec|en\s+tant\s+que|com|como|usando)\s+"
    r"(?:(?:my|mon|ma|meu|minha|the|le|la|o|a)\s+)?(?:(?:account|compte|conta|login|user)\s+)?"
    r"(?-i:([A-Za-z][\w.]{2,30}[A-Za-z0-9]))(?![\w@.-])|"
    r"(?<![\w.])([A-Za-z][\w.]{2,30}[A-Za-z0-9])\s*(?:으로|로)\s*(?:로그인|접속)")
#: A colon after a value starts what follows ("mon compte brumeazur : l'actuelle …").
_COLON_NEXT = re.compile(r"[ \t]*[:：]")
#: The verb of a predicate right after a handle: the handle named its subject ("my account
#: thornvexa is registered with …", "mon compte brumeazur est enregistré …", "minha conta
#: zorvelinha está cadastrada …", "… foi criada").
_PREDICATE = re.compile(
    r"(?i)\s+(?:is|was|has|had|got|gets|keeps|isn['’]?t|wasn['’]?t|doesn['’]?t|didn['’]?t|"
    r"can['’]?t|cannot|won['’]?t|still|est|était|etait|a|avait|n['’]|ne|reste|"
    r"é|e|está|esta|estava|foi|tá|ta|ficou|fica|tem|tinha|não|nao|continua)\s")
#: A terse item of a list before a comma: a few words from the sentence's start ("Windows
#: 11, account bretonwolf.", "windows 10, compte brumeazur.").
_TERSE_ITEM = re.compile(r"(?:^|[.!?\n])[ \t]*(?:[^\s,.!?;:]+[ \t]+){0,2}[^\s,.!?;:]+,[ \t]*$")


#: A comma and the first word of the next item ("…, email x@y.com").
_NEXT_ITEM = re.compile(r"[ \t]*,[ \t]*([^\W\d_][\w-]*)")


def _terse_item(text: str, at: int) -> bool:
    """True when the field's name at ``at`` opens an item of a terse list: after a comma
    that ends an item of three words at most from the sentence's start."""
    return _TERSE_ITEM.search(text, max(0, at - 60), at) is not None


#: Endings of a participle or an adjective a handle is not taken to have.
_PARTICIPLE_ENDS = ("ed", "ing", "é", "ée", "és", "ado", "ada", "ido", "ida")


def _coined(value: str, languages: tuple[str, ...], terse: bool = False) -> bool:
    """True for a lower-case word no language of ``languages`` knows and no participle
    or adjective ending: a coined handle ("nightfernz", "brumeazur"). A word one slip from
    a common word is a typo ("hacekd", "acount"); on a terse label line of its own
    (``terse``: "Conta larissam."), only when a word it slips to could say how the thing
    is ("Account lockd.", "Conta bloqeada."): a handle built on a name ("larissam") stays
    one."""
    word = fold(value)
    return not (word in NOT_NAMES or word in COMMON or word in STATE_WORDS or
                word in STATE_PARTICIPLES or word.endswith(_PARTICIPLE_ENDS) or
                known_word(value, languages) or
                (misspelt_word(value, languages) and
                 (not terse or _slips_to_a_state(word, languages))))


def _ends_phrase(text: str, at: int) -> bool:
    """True when the word ending at ``at`` ends its noun phrase: punctuation, the text's
    end, a function word or a conjunction next ("on Kraken a player", "sur Kraken un
    joueur"; not "on Sanctum bridge": a place inside a zone)."""
    nxt = re.match(r"[ \t]*([^\W\d_]+)", text[at:at + 24])
    return nxt is None or not text[at:at + 1].isspace() or \
        any(nxt.group(1).casefold() in words for words in FUNCTION_WRITTEN.values()) or \
        nxt.group(1).casefold() in _CLAUSE_WORDS


#: Conjunctions that open a new clause after a place ("on Kraken when …", "sur Kraken et …").
_CLAUSE_WORDS = frozenset(("and", "but", "when", "while", "since", "et", "mais", "quand",
                           "depuis", "e", "mas", "quando", "desde", "enquanto"))


def _rare(value: str, languages: tuple[str, ...]) -> bool:
    """True for a capitalised word ``languages`` know but seldom use (under `COMMON_ZIPF`:
    "Kraken"), no word of a state, a participle or a name's denial: after a place's lone
    preposition, a proper name as much as a coined one."""
    word = fold(value)
    return value[:1].isupper() and not (
        word in NOT_NAMES or word in COMMON or word in STATE_WORDS or
        word in STATE_PARTICIPLES or word.endswith(_PARTICIPLE_ENDS) or
        common_word(value, languages))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _slips_to_a_state(word: str, languages: tuple[str, ...]) -> bool:
    """True when a known word one slip from ``word`` is a participle, an adjective or a
    word of state or of the desk ("lockd" → "locked", "bloqeada" → "bloqueada")."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {*(a + b[1:] for a, b in splits if b),
             *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
             *(a + c + b[1:] for a, b in splits if b for c in _LETTERS),
             *(a + c + b for a, b in splits for c in _LETTERS)} - {word}
    return any(known_word(e, languages) and (
        e in COMMON or e in STATE_WORDS or e in STATE_PARTICIPLES or e in NOT_NAMES or
        e.endswith(_PARTICIPLE_ENDS) or _ADJECTIVE.search(e) is not None or
        e in IDENTIFIER_NOUNS) for e in edits)


def identifier_nouns(f: Field) -> frozenset[str]:
    """The folded nouns of a field's names, without possessives and articles ("perso" and
    "personagem" of "son perso", "o personagem dele")."""
    return frozenset(w for n in field_synonyms(f) for w in fold(n).split()
                     if (len(w) >= 3 or (len(w) == 2 and HANGUL.match(w)))
                     and w not in STATE_WORDS and w not in _THIRD_AFTER
                     and w not in _POSSESSIVE_WORDS and w not in _THIRD_POSSESSIVES)


def identifier_role(f: Field) -> str | None:
    """None when the field is no person's identifier; else whose it is: "own" (a name
    starts with a first-person possessive: "my character"), "other" ("his name is"), or
    "" (neither). A person's identifier is named by a generic label word somewhere in its
    names ("username", "nickname", "pseudo en jeu", "플레이어 닉네임")."""
    if f.kind not in ("text", "regexp"):
        return None
    names = field_synonyms(f)
    words = [set(fold(n).split()) - _POSSESSIVE_WORDS for n in names]
    if not any(_PERSON_LABELS & w or (len(w) == 1 and w <= _ID_WORDS) for w in words):
        return None
    if any(_FIRST_PERSON_OWNER.match(n) for n in names):
        return "own"
    return "other" if any(_THIRD_PERSON_OWNER.search(n) for n in names) else ""


def _clause_before(text: str, at: int) -> str:
    """The text from the start of the clause holding ``at`` up to it."""
    begin = max((text.rfind(c, 0, at) for c in ".!?\n,;"), default=-1) + 1
    return text[begin:at]


class NameReader:
    """A name-like value right after (or, in Korean, before) one of the field's names."""

    def __init__(self, f: Field, others: frozenset[str] = frozenset(),
                 kinds: frozenset[str] = frozenset(),
                 rivals: tuple[str, ...] = (), theirs: frozenset[str] = frozenset(),
                 ours: frozenset[str] = frozenset(),
                 phrases: frozenset[str] = frozenset()) -> None:
        self.field = f
        #: folded keywords of several words of the form's dropdown options ("servidor na",
        #: "na server", "eu 서버"): a name read inside one is that option, not a name
        self._phrases = phrases
        #: the roles (`identifier_role`) of the form's other identifier fields: a generic
        #: label ("user:", "닉은") is this field's only when no other field may claim it
        self._rivals = rivals
        #: the nouns that also name another person's identifier field of the form ("perso"
        #: of "son perso", "character" of "his character")
        self._theirs = theirs
        #: the other person's identifier reads a thing of the requester's kind that is
        #: introduced as someone new: "a character named X", "un perso qui s'appelle X",
        #: "um personagem chamado X", "X라는 캐릭" (`ours`: the nouns of the requester's
        #: own identifier fields of the form)
        nouns = "|".join(spaced(n) for n in sorted(ours, key=len, reverse=True))
        self._introduced = re.compile(
            rf"(?i)(?<!\w)(?:a|an|un|une|um|uma)\s+(?:{nouns})\s+{_NAMING}\s+"
            rf"(?-i:([A-Z][\w'-]{{1,30}}|[a-z][\w'-]*[\d_][\w'-]*))(?![\w'-])|"
            rf"([A-Za-z0-9][A-Za-z0-9_.-]{{1,40}})\s*(?:(?:이)?라는)\s*(?:{nouns})"
        ) if ours and nouns else None
        #: folded option titles of the form's dropdowns: "Trove" is a product, never a name
        self._others = others
        #: folded words naming the form's other fields: "mon perso Nyxie" is no item
        self._kinds = kinds
        #: a form with an e-mail field ("account email" among the other fields' words): an
        #: e-mail address is that field's, never this one's ("l'adresse du compte (x@y.fr)")
        self._mail_form = bool(kinds & MAIL_WORDS)
        #: their nouns: a name right before one names that field's thing ("report
        #: Faeblight server lag")
        self._kind_nouns = frozenset(w for w in kinds if len(w) >= 4 and w.isalpha() and
                                     w not in STATE_WORDS and w not in NOT_NAMES and
                                     w not in COMMON)
        branded = brand_names(f)
        # the brand alone after a first-person possessive names the account too ("my glyph
        # is dunmer_kate", "minha Glyph é …")
        brands = {w for pair in branded for w in pair.split(" ", 1) if w[:1].isupper()}
        # a Korean compound with 아이디 is written with "ID" too ("계정 ID choi_aa")
        latin_id = {n.replace("아이디", "ID") for n in field_synonyms(f)
                    if "아이디" in n and n.strip() != "아이디"}
        # "reference" is written short: "PayPal ref 7HX…", "réf. TXN-…", "ref do pedido"
        latin_id |= {_REFERENCE.sub(short, n) for n in field_synonyms(f)
                     if _REFERENCE.search(n) for short in ("ref", "ref.", "réf", "réf.")}
        names = sorted({*(v for n in field_synonyms(f) for v in _article_optional(n)),
                        *latin_id, *branded, *(f"{p} {b}" for b in brands for p in _MY_WORDS)},
                       key=len, reverse=True)
        # the brand's names as one alternative ("Glyph login", "login na Glyph"), then the rest
        alternation = "|".join([*([brand_pattern(branded)] if branded else []),
                                *(spaced(n) for n in names if n not in branded)])
        self._after = re.compile(rf"(?i)(?<!\w)(?:{alternation})(?![A-Za-z])({_CONNECT})"
                                 rf"{_ARTICLE}(?:[\"«“‘'‹]\s*)?{_NAME}")
        self._before = re.compile(_KO_BEFORE.replace("{names}", alternation), re.IGNORECASE)
        self._ko_named = re.compile(_KO_NAMED.replace("{names}", alternation))
        nouns = "|".join(re.escape(n) for n in names if n.isascii() and n.isalpha())
        self._en_before = re.compile(_EN_BEFORE.replace("{names}", nouns), re.IGNORECASE) \
            if nouns else None
        hangul = "|".join(re.escape(n) for n in names if HANGUL.match(n))
        self._ko_latin_before = re.compile(_KO_LATIN_BEFORE.replace("{names}", hangul)) \
            if hangul else None
        #: a code-shaped field (one with a pattern): its name, a few words that qualify
        #: it, a copula (not a colon: "transaction failed: ERR-4012" is an error), a code
        #: ("the transaction number on the receipt is PSN-88A1-F20K")
        self._gapped = re.compile(
            rf"(?i)(?<!\w)(?:{alternation})(?![A-Za-z])((?:\s+(?!{_JOINS}(?![\w-]))"
            rf"[\w'’-]+){{1,6}}?)\s+(?:is|was|est|c'est|c’est|é)\s+"
            rf"({_CODE})(?![\w-])") if f.pattern else None
        #: an identifier's noun before the field's name labels a code with a colon too,
        #: across a few qualifying words ("ID do pedido na PSN: 1234-5678-9012", "numéro
        #: de la commande Steam : 88A-21F", "l'identifiant de transaction sur le mail de
        #: confirmation : TRV-88213-XQ")
        self._id_label = re.compile(
            rf"(?i)(?<!\w)(?:id|identifiant|identificador|n[uú]mero|num[eé]ro|number|code|"
            rf"c[oó]digo|n°|nº|r[eé]f(?:[eé]rence)?\.?|reference|refer[eê]ncia)\s+"
            rf"(?:(?:do|da|de|du|de\s+la|of|of\s+the|d['’])\s*)?"
            rf"(?:{alternation})(?![A-Za-z])((?:\s+(?!{_JOINS}(?![\w-]))[\w'’-]+){{0,6}}?)"
            rf"[ \t]*[:：=]{COLON_VALUE}({_CODE})(?![\w-])") if f.pattern else None
        #: a name of the field that says identifier ("transaction ID", "order number",
        #: "거래 번호"), a few qualifying words and a colon: its code ("Transaction ID on the
        #: PlayStation receipt: 7HX2-99KD-41QA"; a bare "transaction failed: …" is no label)
        id_names = "|".join(spaced(n) for n in names
                            if set(fold(n).split()) & _ID_LABEL_NOUNS and n not in branded)
        self._gapped_label = re.compile(
            rf"(?i)(?<!\w)(?:{id_names})(?![A-Za-z])((?:\s+(?!{_JOINS}(?![\w-]))[\w'’-]+)"
            rf"{{1,4}}?)[ \t]*[:：=]{COLON_VALUE}({_CODE})(?![\w-])"
        ) if f.pattern and id_names else None
        #: the field's name, a relative clause with its own subject, and a naming verb: "the
        #: account he made for me is called OldOakWalt", "le perso que j'ai créé s'appelle
        #: Nyx", "a conta que eu uso se chama Kira_77" (not "the character that killed me
        #: is called X": no subject of its own, the thing does the act)
        self._gapped_named = re.compile(
            rf"(?i)(?<!\w)(?:{alternation})(?![A-Za-z])((?:\s+(?!{_JOINS}(?![\w-]))"
            rf"[\w'’-]+){{1,6}}?)\s+{_NAMING_VERB}\s+"
            rf"(?-i:([A-Z][\w'-]{{1,30}}|[a-z][\w'-]*[\d_][\w'-]*))(?![\w'-])")
        #: the name first, a copula, then the requester's own field ("Kaelor é meu char",
        #: "nightfern_22 is my account", "Nyxie c'est mon perso", "c'est Nyxie mon perso",
        #: "Kestrel-7 (mon perso)"),
        #: the field's name ending its clause or qualified by one word of rank ("mon
        #: personnage principal"; not "Steam is my account provider")
        mine = "|".join(sorted({spaced(_COPULA_END.sub("", n).strip()) for n in names
                                if _FIRST_PERSON_OWNER.match(n) and not HANGUL.search(n)},
                               key=len, reverse=True))
        self._name_first = re.compile(
            rf"(?<![\w'’-])(?:(?P<c>c['’]?est|cest)\s+)?"
            rf"(?-i:(?P<n>[A-Za-z0-9][\w'-]{{1,30}}))(?:\s*,?\s+"
            rf"(?(c)|(?:is|was|é|e|era|est|c['’]?est|cest|était)\s+)|"
            # or the field's name in brackets after it: "Kestrel-7 (mon perso)"
            rf"\s*\(\s*)(?:{mine})(?![\w'’-])"
            rf"(?:\s+(?:main|principale?|favou?rite|favori(?:te)?|favorit[oa]|preferid[oa]|"
            rf"principal))?(?=\s*(?:$|[,.;!?\n)]|\s+(?:and|but|et|mais|e|mas|so|alors|então|"
            rf"she|he|il|elle|ele|ela|it|i|je|eu|qui|que|who|which)(?!\w)))",
            re.IGNORECASE) if mine else None
        #: a terse line drops the possessive of a name of the field ("my cleric", "ma
        #: prêtresse", "meu paladino"): its noun starting a sentence, then a capitalised
        #: name ending it or followed only by a place ("cleric Thessaly on Wolfsbane.")
        folded_names = {fold(n) for n in names}
        bare = sorted({n.split()[1] for n in names if len(n.split()) == 2 and
                       _FIRST_PERSON_OWNER.match(n) and not HANGUL.search(n)
                       and fold(n.split()[1]) not in folded_names}, key=len, reverse=True)
        self._terse_mine = re.compile(
            rf"(?:^|(?<=[.!?\n]))[ \t]*(?i:{'|'.join(spaced(w) for w in bare)})[ \t]+"
            rf"(?P<n>[A-ZÀ-ÖØ-Þ][\w'-]{{1,30}})(?=[ \t]*(?:[.!]|\n|$)|[ \t]+"
            rf"(?i:on|sur|no|na|em)[ \t]+[A-ZÀ-ÖØ-Þ][\w'-]+[ \t]*(?:[.!]|\n|$))"
        ) if bare and f.kind in ("text", "regexp") else None
        #: the requester's own thing said to be a third person's after its noun ("o
        #: personagem dele é X"): the child's, when the requester's child is named
        self._childs_after = re.compile(
            rf"(?i)(?<!\w)(?:{alternation})\s+(?:dele|dela)\s+(?:é|e|era|se\s+chama)\s+"
            rf"(?:(?:o|a)\s+)?([A-Za-z0-9][\w'-]{{1,30}})(?![\w'-])"
        ) if any(_FIRST_PERSON_OWNER.match(n) for n in names) else None
        #: a title that says number, ID or code ("Transaction ID", "거래 번호"): its value
        #: holds a digit ("the order Frontier Pack" names no transaction)
        self._numbered = any(set(fold(t).split()) & _ID_LABEL_NOUNS
                             for t in (f.title, *f.titles.values()) if t)
        #: a name of several words: free text, or a code whose pattern holds a space
        #: ("Sable Ironwood" for a character name of "^[A-Za-z0-9][A-Za-z0-9 '_-]{1,23}$")
        self._multiword = f.kind in ("text", "textarea") or (
            f.kind == "regexp" and bool(f.pattern) and _SPACED_PATTERN.search(f.pattern or "")
            is not None)
        #: a code-shaped field's pattern, and the words of its titles (`_codes`)
        try:
            self._code = re.compile(f.pattern) if f.pattern else None
        except re.error:
            self._code = None
        self._title_words = frozenset(
            w for t in (f.title, *f.titles.values()) if t
            for w in re.findall(r"[^\W\d_]{2,}", fold(t))
            if len(w) >= 3 or HANGUL.match(w)) - _ANOTHER_ID
        self._title_named = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(w[:6]) if len(w) >= 6 else re.escape(w) + r"(?!\w)"
                                      for w in sorted(self._title_words)) + ")"
        ) if self._title_words else re.compile("$^")
        #: a field whose own examples are time-boxed names ("e.g. Patron 30 days") reads
        #: such a name after an article anywhere ("I DID get the Patron 90 days")
        self._timed = f.kind == "text" and any(
            _TIMED_EXAMPLE.search(d) for d in (f.description, *f.descriptions.values()) if d)
        #: a field whose own examples are a count of a unit ("e.g. "5000 Credits"", "«
        #: 5000 Crédits »", "5000 크레딧") reads a count of that unit written as the shop
        #: writes it, capitalised, anywhere ("pour les 2500 Crédits"; not "for 1000 credits"),
        #: or after the requester's possessive ("mes 1000 crédits"); a long unit by its
        #: stem, as its cognates write it ("créditos" for "Credits")
        units = sorted({fold(u) for d in (f.description, *f.descriptions.values()) if d
                        for u in _COUNTED_EXAMPLE.findall(d)}, key=len, reverse=True)
        self._unit_stems = frozenset(u[:6] for u in units)
        #: Korean counts after the noun, with its classifier: "크레딧 5000개"
        hangul_units = "|".join(re.escape(u) for u in units if HANGUL.match(u))
        after = rf"|(?<![\w])((?:{hangul_units})[ \t]*\d[\d,]*[ \t]*개)" if hangul_units else ""
        self._counted = re.compile(
            rf"(?<![\w.,])(\d[\d.,]*[ \t]*(?:{'|'.join(_unit(u) for u in units)}))"
            rf"(?![\w]){after}", re.IGNORECASE) if f.kind == "text" and units else None
        self._named_in = re.compile(rf"(?i)(?<!\w)(?:{alternation})(?![A-Za-z])")
        #: the requester's own thing ("my character", "mon compte", "제 캐릭터" among its
        #: names): a mention owned by someone else ("his character", "o personagem dele")
        #: is not its value
        self._own_thing = any(_FIRST_PERSON_OWNER.match(n) for n in names)
        #: someone else ("his name is", "son pseudo", "nick dele" among its names): the
        #: requester's own mention ("my player name is", "je suis le joueur") is not its value
        self._mine = _MINE_IS if self._own_thing else None
        self._others_thing = not self._own_thing and any(
            _THIRD_PERSON_OWNER.search(n) for n in names)
        #: the other person's name as the subject of an offense against the requester
        #: ("Mordrake spent the evening telling me to …", "Kraggor m'a insulté", "o
        #: Dravenor me xingou", "Mordrake가 저한테 욕했어요")
        self._offender = self._others_thing and identifier_role(f) == "other"
        # a word of the field's own names is never its value ("mon compte Glyph")
        self._own = frozenset(w.casefold() for n in names for w in re.findall(r"\w+", n))
        cues = per_locale(_ext(f).get("cues"))
        self._around = cues_pattern({loc: tuple(c for c in words if fold(c) not in _PLACE_WORDS)
                                     for loc, words in cues.items()})
        #: a lone preposition among a place's cues ("on", "sur", "no"): "on Kyprosa", "sur
        #: Kyrios", "no Gelidra" in that locale's text; a weak cue, so one coined word only
        self._places = {
            loc.split("-", 1)[0].casefold(): re.compile(
                rf"(?i)(?<!\w)(?:{'|'.join(re.escape(w) for w in place)})\s+"
                rf"(?-i:([A-ZÀ-ÖØ-Þ][\w-]{{2,30}}))(?![\w'’-])(?!\s+(?-i:[A-Z0-9]))")
            for loc, words in cues.items()
            if (place := [w for w in words if fold(w) in _PLACE_WORDS])}
        if self._places:
            load(self._languages_of(f))
        # "the item", "l'objet", "o item": the field's own nouns stand for the thing too
        own_nouns = sorted({w for n in names for w in re.findall(r"[^\W\d_]{3,}", n.casefold())
                            if not HANGUL.match(w) and w not in IDENTIFIER_NOUNS
                            and w not in NOT_ANAPHORS and fold(w) not in NOT_NAMES})
        self._anaphor = anaphor_pattern(per_locale(_ext(f).get("cues")), own_nouns)
        #: a field the requester introduces themself by ("I'm", "je suis" among its cues)
        #: reads the Korean "저는 X 이에요", "전 X입니다" too
        self._ko_self_intro = self._own_thing and any(
            COPULA_CUE.search(fold(c)) for words in cues.values() for c in words)
        #: names that say "identifier" ("acct name", "username", "nick"): a lone lower-case
        #: word after one of them, ending its clause, is the value ("acct name corvane")
        self._naming = frozenset(n.casefold() for n in names if names_identifier(n))
        #: someone else's name quoted a few words after the field's name, in its clause
        #: ("um jogador com um nick super ofensivo, 'TeuPaiCorno'")
        self._quote_after = re.compile(
            rf"(?i)(?<!\w)(?:{alternation})(?![A-Za-z])([^.!?\n\"'«“‘]{{0,48}}?)"
            rf"[\s,:(]\s*[\"'«“‘]\s*") if self._others_thing else None
        #: the languages the workspace writes this field in, for the known-word test
        self._languages = self._languages_of(f)
        #: a person's identifier reads generic identifier labels ("user: x", "닉은 x"),
        #: except those that name another field of the form ("ID" of "transaction ID")
        self._role = identifier_role(f)
        if self._role is not None:
            load(self._languages)
        labels = [w for w in _GENERIC_LABELS if not set(fold(w).split()) & kinds]
        #: a handle signing the message (`_LONE_HANDLE`) is this field's when it is the
        #: form's one person's identifier and the requester's or nobody's in particular
        self._lone = self._role in ("own", "") and not rivals
        #: what the field takes of a name no other field claims (`leftover`): a thing
        #: named by cues around its name ("{name} vanished"), a person's identifier
        self.leftover_kind = PERSON if self._role is not None else THING if (
            f.kind == "text" and not self._places and not self._numbered and any(
                "{name}" in c for words in cues.values() for c in words)) else None
        #: a login among the field's names: the handle one logs in with is its value
        self._logs_in = self._role in ("own", "") and "other" not in rivals and any(
            "login" in fold(n).replace("-", "") for n in field_synonyms(f))
        if self._logs_in:
            load(self._languages)
        self._generic = re.compile(
            rf"(?i)(?<![\w-])(?P<l>{'|'.join(spaced(w) for w in labels)})"
            rf"(?:[ \t]*[:：=][ \t]*|[ \t]*(?:은|는)[ \t]*)"
            # (a Korean copula written onto the handle is not part of it: "haru_09입니다")
            rf"(?P<v>[A-Za-z0-9](?:(?![\uac00-\ud7a3])[\w.@-]){{1,40}})"
        ) if self._role is not None and labels else None

    @staticmethod
    def _languages_of(f: Field) -> tuple[str, ...]:
        """The languages the workspace writes ``f`` in, for the known-word test."""
        return lexicon_languages(
            [*f.titles, *f.descriptions, *per_locale(_ext(f).get("synonyms"))])

    def read(self, texts: Sequence[tuple[str, str]], locale: str) -> Evidence | None:
        found: list[_Mention] = []
        proxy: list[_Mention] = []  # the requester's child's, read when nothing else is
        # written for a relative ("딸인 제가 대신 글을 남깁니다"): their thing is the ticket's
        # (worked out on first need: most tickets name no relative's thing)
        behalf_known: list[bool] = []

        def behalf() -> bool:
            if not behalf_known:
                behalf_known.append(any(on_behalf(fold(t[:4000])) for _, t in texts))
            return behalf_known[0]
        done: list[_Mention] = []  # what was finished ("completed X"): when nothing else is
        places = self._places.get(locale.split("-", 1)[0].casefold()) or \
            self._places.get("*")
        for source, text in texts:
            capped = text[:4000]
            # what most patterns need to match at all: one of the field's names (every
            # pattern gated by ``named`` starts with one), Hangul (the Korean patterns)
            named = self._named_in.search(capped) is not None
            korean = HANGUL.search(capped) is not None

            # a Title Case or upper-case text ("Account Recovery Request") capitalises
            # every word: only a name's shape or quotes tell a name in it
            titled: list[bool] = []  # worked out on the first name found only
            shouted: list[bool] = []  # likewise

            def is_titled() -> bool:
                if not titled:  # noqa: B023
                    titled.append(_title_case(capped))  # noqa: B023
                return titled[0]  # noqa: B023

            def is_shouted() -> bool:
                if not shouted:  # noqa: B023
                    shouted.append(_shouting(capped))  # noqa: B023
                return shouted[0]  # noqa: B023

            def add(value: str, at: int, m: re.Match[str], end: int | None = None,
                    quoted: bool = False, to: list[_Mention] | None = None) -> None:
                # (after a colon, a name: "item: Planar Sword of Tempest" is a label and a
                # name, not a Title Case text)
                if not quoted and not _SHAPED.search(value) and is_titled() and \
                        not capped[:at].rstrip().endswith((":", "：")) and not (  # noqa: B023
                        # a message shouted whole ("MY CHARACTER PIPSQUEAK HAD …"): a rare
                        # word after the field's name is still its name
                        " " not in value and value.isupper() and
                        is_shouted() and _rare(value, self._languages)):
                    return
                fixed = _corrected(capped, end if end is not None else at + len(value),  # noqa: B023
                                   value)
                if fixed is not None:  # "Soléane... enfin Soleane sans accent"
                    value, at, end = fixed
                stop = end if end is not None else at + len(value)
                tail = _DE_TAIL.match(capped, stop) if self.field.kind == "text" and \
                    not quoted and value[:1].isupper() and \
                    capped[at:stop] == value else None  # noqa: B023
                if tail is not None and fold(tail.group("w")) not in NOT_TAIL:
                    # "l'objet Lame de l'aube": a French or Portuguese name goes on with its
                    # "de" and a lower-case noun; cut before it, it would name another thing
                    value, end = value + tail.group(), tail.end()
                (found if to is None else to).append(_Mention(value, source, m.group(), capped, at,  # noqa: B023
                                      end if end is not None else at + len(value)))

            pos = 0
            while named and (m := self._after.search(capped, pos)) is not None:
                # a mention read moves on past it; one that is not, past its label's start
                # only ("meu login na glyph é X": "meu login" gives no name, "login na
                # glyph" does)
                pos = m.start() + 1
                label = m.group()[: m.start(1) - m.start()]
                explicit = bool(m.group(1).strip()) or bool(_COPULA_END.search(label.casefold()))
                first = m.group(2).split()[0].casefold()
                again = self._after.search(capped, m.start() + 1) if first in self._own \
                    else None
                if again is not None and again.start() < m.start(2):
                    # "mon compte Glyph c'est X": another name of the field ("compte
                    # Glyph") starts inside this one and reaches further; read from there
                    pos = m.start() + 1
                    continue
                raw = self._drop_own(m.group(2))
                value = self._clean(raw)
                if " " in value and is_shouted():
                    # capitals say nothing of where a shouted name ends: "PIPSQUEAK HAD HIS
                    # DRAGON" is a name and the words that go on
                    value = _before_common(value, self._languages)
                if not value or value.casefold() in self._own or self._is_other(value) or \
                        fold(value) in DEMONYMS | SERVICES | PLACES or \
                        _quantity(capped, m, value):
                    continue
                if _shouted(value, self._languages) and not _LABEL_MARK.search(m.group(1)):
                    continue  # "came out of my acct TWICE", "minha conta DUAS vezes"
                # the requester's child's thing ("my son's character is X", "mon fils a
                # changé le mot de passe du compte X"): theirs when the parent names none
                sink = None
                owner = capped[max(0, m.start() - 24):m.start()]  # whose thing, said before
                if self._own_thing and owned_by_another(capped, m.start(), m.start(1)):
                    # "my son's character", or "his character" after "my son" is named
                    if not (_CHILDS.search(owner) or (_KINS.search(owner) and behalf()) or
                            (_THIRD_BEFORE.search(owner) and
                             _child_speaks(capped, m.start(), 2))):
                        # another's, its label and all: a name of the field inside it
                        # ("His Glyph account is called X": "account") is theirs too
                        pos = max(pos, m.start(1))
                        continue
                    sink = proxy
                if self._role == "own" and not _FIRST_PERSON_OWNER.match(label) and \
                        {fold(w) for w in label.split()} & self._theirs and \
                        _ARTICLE_BEFORE.search(capped[max(0, m.start() - 8):m.start()]):
                    # on a report form "le perso" may be either player's: "le perso
                    # s'appelle X" is not introduced as the requester's
                    continue
                if self._own_thing and _counterparts(capped, m.start()):
                    continue  # "o vendedor tem a conta golpista_99": the seller's
                if self._others_thing and _SELF_BEFORE.search(capped[max(0, m.start() - 24):
                                                                     m.start()]):
                    continue
                if _relative_speaks(capped, m.start(), label, self._own_thing):
                    if not (self._own_thing and (_child_speaks(capped, m.start()) or (
                            _KINS.search(owner) and behalf()))):
                        continue
                    sink = proxy
                if self._own_thing and _KO_SOMEONE_AFTER.match(
                        capped[m.start(2) + max(0, m.group(2).find(value)) + len(value):]):
                    continue  # "닉네임 Grom77 인 유저": another user's nickname
                if "@" in value and _EMAIL_WORD.search(fold(capped[max(0, m.start() - 16):
                                                                    m.start()])):
                    continue  # "Email da conta: x@y.com" labels the e-mail, not the account
                quoted = _quoted(capped, m.start(2) + max(0, m.group(2).find(value)))
                if quoted is not None:  # "my character 'velka'", « Velka Moon »
                    if self._own_thing and _ARTICLE_BEFORE.search(
                            capped[max(0, m.start() - 8):m.start()]):
                        continue  # "o nick 'Tonho'": someone's, not introduced as mine
                    plain = quoted.islower() and not HANDLE.search(quoted)
                    if fold(quoted) not in NOT_NAMES | COMMON | STATE_WORDS and \
                            not self._is_other(quoted) and not (plain and quoted.endswith(
                                ("ed", "ing", "é", "ée", "ado", "ada", "ido", "ida"))):
                        add(quoted, m.start(2) + max(0, m.group(2).find(value)), m,
                            quoted=True, to=sink)
                        pos = m.end() if sink is None else pos
                    continue
                if not explicit and label.split()[-1][:1].isupper() and \
                        value[:1].isupper() and not _SHAPED.search(value) and \
                        not is_shouted() and \
                        not _CLAUSE_END.match(capped[m.start(2) + m.group(2).find(value)
                                                     + len(value):]):
                    # "Login Screen freezes": a capitalised compound, not "Server Kraken,"
                    continue
                after = fold(capped[m.start(2) + max(0, m.group(2).find(value)) + len(value):
                                    ][:40]).split()[:2]
                if after and (after[0] in self._kind_nouns or (
                        after[0] in ("as", "comme", "como") and after[1:] and
                        after[1] in self._kind_nouns)):
                    continue  # "report Faeblight server lag": another field's thing
                if explicit and not _plain_value_stands(capped, m, value, self._languages):
                    continue
                if m.group(1).strip() in ("'s", "’s") and not (
                        HANDLE.search(value) or value[:1].isupper() or (
                            value.isalpha() and _coined(value, self._languages))):
                    continue  # "my account's gone": a state, no handle
                if self._multiword and _NAME_GOES_ON.match(
                        capped, m.start(2) + max(0, m.group(2).find(value)) + len(value)):
                    continue  # "missao do evento Feast of Feasts": not "evento Feast"
                if m.group(1).strip() in ("(", ",", "[") and \
                        not _apposition(capped, m, value) and \
                        not self._coined_handle(capped, m, value, label):
                    continue  # "my account (hollowpine)": a closed handle no language knows
                dash = m.group(1).strip() in ("-", "–", "—")
                shaped = bool(HANDLE.search(value))
                if ((dash or m.group(1).strip() == "[") and not (shaped or _proper_name(value))) \
                        or (dash and (" " in value or not (shaped or value[:1].isupper()))):
                    continue  # "my account - thanks", "player [AFK]": no handle
                if _looks_like_name(value, explicit) or \
                        self._labelled_clause(capped, m, value, source) or \
                        (explicit and self._stated_handle(label, value)) or \
                        self._coined_handle(capped, m, value, label):
                    at = m.start(2) + max(0, m.group(2).find(raw.split()[0]))
                    add(value, at, m, to=sink)
                    # on past the name, not past all its pattern took: "nick Zoomzoom. Meu
                    # personagem é Iracema" names a second one; the parent's own may follow
                    pos = max(pos, at + len(value)) if sink is None else pos
            for m in self._quote_after.finditer(capped) if self._quote_after and named else ():
                name = _quoted(capped, m.end())
                gap = fold(m.group(1))
                if name is None or " " in name or len(gap.split()) > 6 or \
                        _SPEECH.search(gap) or not (name[:1].isupper() or HANDLE.search(name)) \
                        or fold(name) in NOT_NAMES or self._is_other(name) or \
                        _SELF_BEFORE.search(capped[max(0, m.start() - 24):m.start()]):
                    continue
                found.append(_Mention(name, source, clip(capped[m.start():m.end() + len(name) + 1]),
                                      capped, m.end(), m.end() + len(name)))
            for m in _TIMED_NAME.finditer(capped) if self._timed else ():
                if _proper_name(m.group(1).split()[0]) and not self._is_other(m.group(1)):
                    add(m.group(1), m.start(1), m)
            for m in self._name_first.finditer(capped) if self._name_first else ():
                name = m.group("n")
                if (HANDLE.search(name) or (name[:1].isupper() and _proper_name(name))) and \
                        fold(name) not in NOT_NAMES | COMMON and \
                        name.casefold() not in self._own and not self._is_other(name):
                    add(name, m.start("n"), m)
            for m in self._terse_mine.finditer(capped) if self._terse_mine else ():
                name = m.group("n")  # "cleric Thessaly on Wolfsbane."
                if _proper_name(name) and name.casefold() not in self._own and \
                        not self._is_other(name):
                    add(name, m.start("n"), m)
            for m in self._childs_after.finditer(capped) if self._childs_after and named \
                    else ():
                # "meu filho … o personagem dele é PipocaMan": the child's, read when the
                # parent names none of their own
                name = m.group(1)
                if (((name[:1].isupper() or HANDLE.search(name)) and _proper_name(name)) or
                        (name.islower() and name.isalpha() and
                         _coined(name, self._languages))) and \
                        name.casefold() not in self._own and not self._is_other(name) and \
                        _child_speaks(capped, m.start(), 2):
                    add(name, m.start(1), m, to=proxy)
            for m in self._gapped_named.finditer(capped) if named else ():
                gap = fold(m.group(1))
                name = m.group(2)
                if _GAP_SUBJECT.search(gap) and not set(gap.split()) & self._kinds and \
                        _proper_name(name) and name.casefold() not in self._own and \
                        not self._is_other(name) and \
                        not (self._own_thing and (
                            owned_by_another(capped, m.start(), m.start(1)) or
                            _relative_speaks(capped, m.start(), "", True) or
                            _THIRD_AFTER & set(gap.split()))):
                    add(name, m.start(2), m)
            for m in self._counted.finditer(capped) if self._counted else ():
                if m.group(1) is None:  # "크레딧 5000개": the unit as the shop writes it
                    add(m.group(2), m.start(2), m)
                    continue
                unit = re.sub(r"^[\d.,\s]+", "", m.group(1))
                if unit[:1].isupper() or HANGUL.match(unit) or \
                        _MY_COUNT.search(capped, max(0, m.start(1) - 16), m.start(1)):
                    # as the shop writes it, or the requester's own ("mes 1000 crédits")
                    add(m.group(1), m.start(1), m)
            for m in self._mine.finditer(capped) if self._mine and named else ():
                # "her character is Kestrel and mine is Ashwyn": the field named earlier in
                # the sentence, "mine" stands for the requester's own
                if _stands_for(self._named_in, _sentence_before(capped, m.start(), echo=True)) \
                        and \
                        (m.group(1)[:1].isupper() or HANDLE.search(m.group(1))) and \
                        _proper_name(m.group(1)) and \
                        m.group(1).casefold() not in self._own and not self._is_other(m.group(1)):
                    add(m.group(1), m.start(1), m)
            for m in self._generic.finditer(capped) if self._generic else ():
                generic = self._generic_value(capped, m)
                if generic is not None:
                    add(generic, m.start("v"), m)
            for m in _KO_SELF_INTRO.finditer(capped) if self._ko_self_intro and korean else ():
                name = m.group(1)
                if _proper_name(name) and not self._is_other(name) and \
                        name.casefold() not in self._own:
                    add(name, m.start(1), m)
            for m in _SELF_BRACKETED.finditer(capped) if self._role == "own" and \
                    "other" in self._rivals and "(" in capped else ():
                # "il nous a insultés, moi (Ysaline) et mon ami …": on a form naming the
                # requester's player beside another's, their own name in brackets
                name = m.group(1)
                if _proper_name(name) and not self._is_other(name) and \
                        name.casefold() not in self._own:
                    add(name, m.start(1), m)
            for m in _OFFENDER.finditer(capped) if self._offender and \
                    _AN_OFFENSE.search(capped) else ():
                name = m.group("n")
                clause = re.split(r"[.!?\n;]", capped[m.end("n"):m.end("n") + 120], maxsplit=1)[0]
                offense = _AN_OFFENSE.search(clause)
                if offense is None or _TOLD_ABOUT.search(clause[:offense.start()]):
                    continue  # "Brannic told me that a player was insulting us"
                after = fold(clause).split()[:1]
                if after and (after[0] in self._kind_nouns or after[0] in PLACE_NOUNS or
                              after[0][:2] in PLACE_NOUNS):  # "서버에서"
                    continue  # "Kyprosa chat is full of people insulting me": a place
                if _proper_name(name) and not self._is_other(name) and \
                        name.casefold() not in self._own and \
                        (HANDLE.search(name) or _coined(name, self._languages) or (
                            m.group("mid") and name[:1].isupper() and
                            fold(name) not in self._kinds | PLACE_NOUNS | COMMON)):
                    add(name, m.start("n"), m)
            for m in self._introduced.finditer(capped) if self._introduced and \
                    self._others_thing else ():
                name = m.group(1) or m.group(2)
                # the requester as the subject may be introducing their own ("I made a
                # character named X", "j'ai un perso qui s'appelle X"): left unread
                clause = _clause_before(capped, m.start())
                if (m.group(2) or _proper_name(name)) and not self._is_other(name) and \
                        not _KO_SELF.search(clause) and not _SELF_SUBJECT.search(clause) and \
                        fold(name) not in NOT_NAMES:
                    add(name, m.start(1) if m.group(1) else m.start(2), m)
            for m in _KO_SOMEONE_CALLED.finditer(capped) if self._offender and korean else ():
                # "tr0vegoldshop 이라는 애가 도배했어요": someone called X, not the requester
                name = m.group(1)
                if not _KO_SELF.search(_clause_before(capped, m.start())) and \
                        not self._is_other(name) and fold(name) not in NOT_NAMES and \
                        (HANDLE.search(name) or _proper_name(name) or
                         _coined(name, self._languages)):
                    add(name, m.start(1), m)
            for m in self._before.finditer(capped) if korean else ():
                # "g0ldseller4u 라는 캐릭이 도배했어요": a thing "called X" the requester does
                # not claim in its clause ("저는", "제") or in the field's name ("Haneul
                # 이라는 제 캐릭") is someone else's, not their own
                if self._own_thing and not _KO_SELF.search(_clause_before(capped, m.start())) \
                        and not _KO_MINE_NAMED.search(m.group()):
                    continue
                add(m.group(1), m.start(1), m)
            for m in self._gapped.finditer(capped) if self._gapped and named else ():
                # "my character got item ID: AB1234": another identifier names the code
                words = [fold(w) for w in m.group(1).split()]
                if self._is_other(m.group(2)) or _ANOTHER_ID & set(words[1:]) or \
                        ERROR_WORDS & set(words) or \
                        (self._own_thing and owned_by_another(capped, m.start(), m.start(1))):
                    continue
                add(m.group(2), m.start(2), m)
            for m in [*(self._id_label.finditer(capped) if self._id_label else ()),
                      *(self._gapped_label.finditer(capped) if self._gapped_label and named
                        else ())]:
                qualifiers = {fold(w) for w in m.group(1).split()}
                if not qualifiers & (ERROR_WORDS | _ANOTHER_ID) and \
                        not self._is_other(m.group(2)):
                    add(m.group(2), m.start(2), m)
            for m in self._ko_named.finditer(capped) if korean else ():
                if m.group(1).casefold() not in self._own and m.group(1) not in KO_KINDS:
                    add(m.group(1), m.start(1), m)
            before = [*(self._en_before.finditer(capped) if self._en_before else ()),
                      *(self._ko_latin_before.finditer(capped) if self._ko_latin_before and
                        korean else ())]
            for m in before:
                name = m.group(1)  # "the EU server" names a region, not a server
                if name[:1].isupper() and _proper_name(name) and \
                        name.casefold() not in self._own and not self._is_other(name):
                    add(name, m.start(1), m)
            for m in self._around.finditer(capped) if self._around else ():
                cued = cued_name(m)
                if cued is None:
                    continue
                name, at, end = cued
                if "\n" in capped[m.start():at] or "\n" in capped[end:m.end()]:
                    continue  # "Achat : … Starter Pack / Moyen de paiement : …": a line's end
                if self._own_thing and _PERSON_BEFORE.search(capped[max(0, at - 40):at]):
                    continue  # "jogo com meu amigo Pedro": a person, not the requester's own
                cut = _DE_TAIL_END.search(name)
                if cut is not None and fold(cut.group("w")) in NOT_TAIL:
                    name, end = name[:cut.start()], at + cut.start()  # "… de ma guilde"
                counted = _KO_COUNTED_NAME.fullmatch(name) and \
                    re.split(r"[\s\d]", name, maxsplit=1)[0] not in KO_GENERIC | self._own
                in_quotes = m.groupdict().get("nkt") is not None and \
                    fold(name) not in NOT_NAMES | COMMON and \
                    not any(w in KO_GENERIC | self._own for w in name.split())
                if name[:1].isdigit() and (self._counted is None or _UNITS.match(
                        " " + name.split(None, 1)[-1])):
                    continue  # "lost 500 Gold", "pack 20 Euros": a count names a product
                    # only on a field whose own examples count a shop's unit ("5000 Credits")
                in_quotes = in_quotes or m.groupdict().get("nq") is not None
                hangul_thing = ((m.groupdict().get("nkh") is not None and
                                 _KO_STORED.search(_sentence_before(capped, m.end())))
                                or m.groupdict().get("nkp") is not None) and \
                    ko_thing(name, self._own | self._kinds)
                if (_proper_name(name) or counted or in_quotes or hangul_thing) and \
                        name.casefold() not in self._own and not self._is_other(name):
                    # a quest one finished is context beside the thing lost: read only
                    # when nothing else is ("finished the Shadow Tower thing … the Shadow
                    # Tower Key is not there")
                    add(name, at, m, end,
                        to=done if _COMPLETED.match(m.group()) else None)
            for m in [*(places.finditer(capped) if places else ()),
                      *(_CHANNEL_OF.finditer(capped) if places else ())]:
                name = m.group(1)  # "on Kyprosa"; not "on Sunday", "sur Xbox", "on Mariner's"
                act = fold(capped[max(0, m.start() - 24):m.start()]).split()[-2:]
                if _proper_name(name) and not self._is_other(name) and \
                        name.casefold() not in self._own and not set(act) & ACTS_ON and \
                        (_coined(name, self._languages) or (
                            _rare(name, self._languages) and
                            _ends_phrase(capped, m.end(1)))):
                    add(name, m.start(1), m)
            for m in _LOGGED_IN.finditer(capped) if self._logs_in else ():
                # "logged in with kira_sun", "connecté avec jujudu59", "minsu_d로 로그인":
                # the handle one logs in with is the account's (a shaped one: not "with
                # Google", "with PS5", "with my email")
                name = m.group(1) or m.group(2)
                letters = re.split(r"[._\d]", name, maxsplit=1)[0]
                parts = re.split(r"[._]", name)
                if HANDLE.search(name) and name.upper() != name and \
                        not self._is_other(name) and fold(name) not in NOT_NAMES and \
                        (re.search(r"[._]", name) or not known_word(letters, self._languages)) \
                        and not all(p[:1].isupper() and p.isalpha() and
                                    known_word(p, self._languages) for p in parts):
                    # ("Steam_Deck": a product's words, capitalised)
                    add(name, m.start(1) if m.group(1) else m.start(2), m)
            for m in _LONE_HANDLE.finditer(capped) if self._lone and source != "subject" \
                    else ():
                # "계정 삭제해주세요. 이제 안 해서요. minsu_d": a handle alone on its line or
                # in its sentence signs the message, on a form with one person's identifier
                name = m.group(1)
                letters = re.split(r"[._\d]", name, maxsplit=1)[0]
                if name.rsplit(".", 1)[-1].casefold() in FILE_ENDS or \
                        name.upper() == name or fold(letters) in ERROR_WORDS or \
                        fold(name) in NOT_NAMES or self._is_other(name) or \
                        (not re.search(r"[._]", name) and known_word(letters, self._languages)):
                    continue  # "bot_farm.jpg", "gmail.com", "Windows10", "ERR_TIMEOUT_3"
                add(name, m.start(1), m)
            for m in self._anaphor.finditer(capped) if self._anaphor else ():
                if is_titled():
                    break
                thing = self._antecedent(capped, m.start())
                if thing is not None:
                    group = 1 if thing.re is NAMED_THING else 3
                    found.append(_Mention(thing.group(group), source,
                                          clip(f"{thing.group()} … {m.group()}"), capped,
                                          thing.start(group), thing.end(group)))
        if proxy and (not found or behalf()):
            # a parent writing for their child ("I'm writing for my 10 year old. His
            # character is X (mine is Y)"): the child's thing, the ticket's
            found = proxy
        if not found:
            found = done
        # "um aviso de login da Rússia": a country or a city is never a name
        found = [f for f in found if fold(f.value) not in PLACES and
                 not _in_phrase(self._phrases, f)]
        # "minha conta é de 2019", "mon compte est de 2019": a year says when, never names
        found = [f for f in found if not _YEAR.fullmatch(f.value)
                 and not _DATE_SHAPED.fullmatch(f.value)]
        if self._mail_form:
            found = [f for f in found if not _AN_EMAIL.search(f.value)]
        if self._role in ("own", ""):
            found = [f for f in found if not _introduced_aside(f.text, f.start)]
        # "quelque chose avec « Loup » dedans, je ne me souviens plus du nom exact": a
        # part of a name the requester cannot recall is no name to write
        found = [f for f in found if not _half_remembered(f.text, f.start, f.end)]
        if self._code is not None:
            found = self._codes(found)
        values = _merged(found)
        if len(values) > 1 and self._role == "own":
            # the one introduced as the requester's own ("Meu personagem é Iracema") over
            # a name given bare ("nick Zoomzoom"), on a form where others' names are too
            mine = {v: e for v, e in values.items() if _FIRST_PERSON_OWNER.match(e[1])}
            values = mine if len(mine) == 1 else values
        if len(values) != 1:  # two names compete: neither is written
            return None
        value, (source, span) = next(iter(values.items()))
        particle = _PARTICLE_ON_LATIN.search(value)
        if particle is not None:
            value = value[:particle.start()]  # "1000 Credits가 계정에 안 들어왔어요"
        return Evidence(key=self.field.key, value=value, span=clip(span), method="sentence",
                        locale=locale, confidence=NAMED, source=source)

    def _codes(self, found: list[_Mention]) -> list[_Mention]:
        """The mentions of a code-shaped field that may be its value. One its pattern
        rejects is not ("order 2231" beside "PayPal transaction is 7HK29481LM3320917"). One
        labelled as another thing (`_OTHER_LABEL`: an order, a pedido, a commande, 주문) gives
        way to one labelled with the field's own name ("pedido #20261128 … ID da transação
        …: TXN-7731-QPLM-2049"); alone, it is written only while the requester names no
        thing of the field's own (the title's) elsewhere: the admin may list "order" among
        the field's names, but a requester who tells an order from a transaction numbers
        two things."""
        assert self._code is not None
        found = [f for f in found if self._code.search(f.value) and
                 (not self._numbered or any(c.isdigit() for c in f.value))]
        foreign = [f for f in found if self._foreign_label(f)]
        if not foreign:
            return found
        own = [f for f in found if f not in foreign]
        if own:
            return own
        for f in foreign:
            rest = f.text[:max(0, f.start - 30)] + " " + f.text[f.end:]
            if self._title_named.search(fold(rest)):
                return []
        return found

    def _foreign_label(self, f: _Mention) -> bool:
        """True when the noun heading a mention's label ("pedido #", "order 2231", "ID do
        pedido:", "주문번호") names another thing than the field's own (its titles' words,
        or a cognate of one: "transação" for "transaction"); the qualifying words after
        it do not count ("transaction number on the receipt is …")."""
        at = f.span.find(f.value)
        label = fold(f.span[:at] if at > 0 else f.span)
        head = next((w for w in re.findall(r"[^\W\d_]+", label)
                     if w not in _ANOTHER_ID | NAME_JOINERS and len(w) > 1), None)
        if head is None or self._title_word(head):
            return False
        return bool(_OTHER_THING.fullmatch(head)) or head.startswith(_KO_OTHER_THINGS)

    def _title_word(self, word: str) -> bool:
        """A word of the titles, a cognate of one (the same first six letters) or, in
        Korean, a compound of one ("거래번호")."""
        return any(word == t or (len(word) >= 6 and len(t) >= 6 and word[:6] == t[:6]) or
                   (HANGUL.match(t) is not None and word.startswith(t))
                   for t in self._title_words)

    def _antecedent(self, text: str, at: int) -> re.Match[str] | None:
        """The one thing named before a pronoun at ``at`` ("traded me a Thunderstruck Tree
        sapling … now it's gone"), in its sentence or the one before; none when two are."""
        begin = at
        for _ in range(2):  # back to the start of the sentence before
            begin = max((text.rfind(p, 0, max(0, begin - 1)) for p in ".!?\n"), default=-1) + 1
        things = [m for m in NAMED_THING.finditer(text, begin, at)
                  if _proper_name(m.group(1)) and not self._is_other(m.group(1))
                  and not _PLACE_PREPOSITION.search(text[max(0, m.start() - 12):m.start()])
                  and not any(fold(w) in self._own for w in m.group(1).split()
                              if w.casefold() not in NAME_JOINERS)]
        # "mon fusil légendaire Vindicator", "meu arco Lua Sangrenta": a possessive, a
        # kind of thing (not a person, a group or another field's word: "mon pote Tibo",
        # "my guild Nightfall", "mon perso Nyxie"), its name
        kinds = [m for m in KIND_THING.finditer(text, begin, at)
                 if _proper_name(m.group(3)) and not self._is_other(m.group(3))
                 and not any(_RELATIVE.fullmatch(w) or fold(w) in self._kinds or
                             fold(w) in GROUPS or fold(w) in NOT_NAMES or
                             _PEOPLE.fullmatch(fold(w))
                             for w in (m.group(1), m.group(2) or "") if w)]
        found = {m.start(1) if m.re is NAMED_THING else m.start(3):
                 m for m in [*things, *kinds]}
        if len({antecedent_name(m) for m in found.values()}) != 1:
            return None
        return next(iter(found.values()))

    def _drop_own(self, value: str) -> str:
        """A multi-word value without the field's own words before it ("char name Sylva":
        "name" is the field's, "Sylva" the value)."""
        words = value.split()
        while len(words) > 1 and words[0].casefold() in self._own:
            words = words[1:]
        return " ".join(words)

    def _is_other(self, value: str) -> bool:
        """True when ``value`` is an option of another field ("Trove", "Xbox", "EU")."""
        return fold(value) in self._others

    def _coined_handle(self, text: str, m: re.Match[str], value: str, label: str) -> bool:
        """A lower-case word right after the field's name owned by its role ("delete my
        Glyph account nightfernz, signed up …", "sur mon compte brumeazur : …"), ending its
        clause, that no language of the workspace knows (`known_word`): a coined handle,
        not a word ("my account settings", "mon compte principal")."""
        if not (m.group(1).isspace() or (m.group(1).strip() == "(" and
                                         _closed(text, m, value))) or \
                text[m.end(1):m.start(2)].strip() or \
                not value.isalpha() or not value.islower() or len(value) < 4:
            return False
        lab = label.strip()
        before = text[max(0, m.start() - 24):m.start()]
        terse = False
        if self._others_thing:  # "son pseudo kraggor"
            owned = bool(_THIRD_PERSON_OWNER.search(lab) or _THIRD_BEFORE.search(before))
        else:  # "my Glyph account nightfernz", "mon compte brumeazur", "my account (x)"
            owned = bool(_FIRST_PERSON_OWNER.match(lab) or _MINE_BEFORE.search(before))
            # "não apareceu na conta dudabr": the account the ticket is about, unless the
            # form also names another person's identifier or a relative is in the sentence
            owned = owned or (self._role == "own" and "other" not in self._rivals and
                              bool(_DEFINITE_BEFORE.search(before)) and
                              not _relative_speaks(text, m.start(), label, True))
            # a terse line of its own, the field's name then the handle: "Account
            # velvetorc.", "Compte : …", "Conta velvetorc." (the sentence is just the two)
            end = m.start(2) + m.group(2).find(value) + len(value)
            terse = self._role == "own" and "other" not in self._rivals and \
                bool(_SENTENCE_START.search(before) or not before.strip() or
                     _terse_item(text, m.start())) and \
                bool(_TERSE_END.match(text, end) or self._next_item(text, end))
            owned = owned or terse
        if not owned:
            return False
        rest = text[m.start(2) + m.group(2).find(value) + len(value):]
        if not (_CLAUSE_END.match(rest) or _NEXT_CLAUSE.match(rest) or _COLON_NEXT.match(rest)
                or _JOINED.match(rest) or _ASKED_ACT.match(rest) or _PREDICATE.match(rest)):
            return False
        return _coined(value, self._languages, terse=terse)

    def _next_item(self, text: str, at: int) -> bool:
        """True when a comma at ``at`` opens the next item of a terse list, another field's
        name and its value ("Conta luanaplays, email luana@…", "account x, server Kyrios")."""
        nxt = _NEXT_ITEM.match(text, at)
        return nxt is not None and fold(nxt.group(1)) in self._kinds

    def _generic_value(self, text: str, m: re.Match[str]) -> str | None:
        """The handle after a generic identifier label ("user: nandarift", "login: x",
        "닉은 xXVoidReaperXx"), when the label opens its clause (after a possessive at
        most) and this field is the one it denotes: on a form with a single identifier
        field, any label but one owned by the other role ("his nick:" is not the
        requester's); with several, only a label whose owner says this field's role ("my
        nick:" for the requester's own, "his nick:", "그 유저 닉은" for the other person's),
        and only when no other identifier field has that role."""
        value = m.group("v").rstrip(".-")
        rest = text[m.start("v") + len(value):]
        if len(value) < 3 or "@" in value or not (
                _CLAUSE_END.match(rest) or _NEXT_CLAUSE.match(rest) or _COLON_NEXT.match(rest)):
            return None
        before = _clause_before(text, m.start())
        mine = bool(_MINE_BEFORE.search(before))
        theirs = owner_before(before, len(before), len(before)) or \
            bool(_THIRD_BEFORE.search(before))
        if before.strip() and not (mine or theirs or _BRAND_BEFORE.fullmatch(before)):
            return None  # "the new login: x", "order ID: x": not a label of its own
        if (theirs and self._role == "own") or (mine and self._role == "other") or \
                (self._role != "other" and _relative_speaks(text, m.start(), "", True)):
            return None
        if self._rivals and not (
                ((self._role == "own" and mine) or (self._role == "other" and theirs)) and
                self._role not in self._rivals):
            return None
        word = fold(value)
        if word in NOT_NAMES or word in COMMON or word in STATE_WORDS or \
                word in self._own or self._is_other(value):
            return None
        if HANDLE.search(value) or (value[:1].isupper() and _proper_name(value)):
            return value
        return value if value.isalpha() and _coined(value, self._languages) else None

    def _stated_handle(self, label: str, value: str) -> bool:
        """After a name that says identifier and its copula, one word that ends its clause
        is the handle even when it ends like a participle ("my Glyph name is
        saltyhalfling", "my username is darkling"), unless it states how the thing is
        ("my username is missing", "… is loading")."""
        word = fold(value)
        return label.strip().casefold() in self._naming and " " not in value and \
            len(word) >= 4 and word.endswith("ing") and not (
                word in NOT_NAMES or word in STATE_WORDS or word in COMMON or
                word in STATE_PARTICIPLES)

    def _labelled_clause(self, text: str, m: re.Match[str], value: str,
                         source: str = "") -> bool:
        """A label line without its colon: "acct name corvane", "conta lucas.mv" — the
        field's name starts the clause (after a possessive at most), one word follows and
        ends it; the word is an identifier (a dot, an underscore, a digit or an @ in it),
        follows a name that says identifier ("acct name", "nick"), or closes the message
        as a sign-off line does ("… outros jogos rodam liso. conta anabea": the field's
        bare name starts the last sentence of a message, not of its subject), and is no
        common word."""
        if " " in value or not m.group(1).isspace():
            return False
        label = m.group()[: m.start(1) - m.start()].casefold()
        before = text[max(0, m.start() - 24):m.start()]
        if not _CLAUSE_START.search(before):
            return False
        rest = text[m.start(2) + m.group(2).find(value) + len(value):]
        if not _CLAUSE_END.match(rest):
            return False
        word = fold(value)
        if word in NOT_NAMES or word in STATE_WORDS or word in COMMON or len(word) < 3 or \
                word.endswith(("ed", "ing", "é", "ée", "ado", "ada", "ido", "ida")):
            return False
        if HANDLE.search(value):
            return True
        closing = source != "subject" and bool(_SENTENCE_START.search(before)) and \
            not rest.strip(" \t\n.!") and bool(text[:m.start()].strip())
        # an adjective's ending says nothing of a word no language knows ("pedrohenrique")
        return (label in self._naming or closing) and (
            not _ADJECTIVE.search(word) or _coined(value, self._languages))

    def _clean(self, raw: str) -> str:
        words: list[str] = []
        for w in raw.split():  # a name ends with its sentence
            words.append(w)
            if w[-1:] in ".,;:!?":
                break
        if not self._multiword or (self._code is not None and not words[0][:1].isupper()):
            words = words[:1]  # a code's name runs on from a capital only ("Sable Ironwood")
        else:  # keep the capitalised run only ("Starter Pack", not "Pack and")
            kept = [words[0]]
            for i, w in enumerate(words[1:], 1):
                if w.casefold() in NAME_JOINERS and kept[-1][-1:] not in ".,;:!?" and \
                        i + 1 < len(words) and (words[i + 1][:1].isupper() or (
                            words[i + 1].isdigit() and i + 2 < len(words) and
                            words[i + 2][:1].isupper())):
                    # "Passe de Batalha", "Crown of the Tides", "pacote de 1000 Bits"
                    kept.append(w)
                    continue
                if not (w[:1].isupper() or w[:1].isdigit()) or _FIRST_PERSON_I.fullmatch(w):
                    break  # "the email I'm writing from": "I" starts a clause, no name
                kept.append(w)
            while kept and kept[-1].casefold() in NAME_JOINERS:
                kept.pop()
            rest = words[len(kept):]
            if kept and kept[-1].isdigit() and rest and (
                    _DURATION_WORD.fullmatch(rest[0].rstrip(".,;:!?")) or
                    (len(kept) == 1 and fold(rest[0])[:6] in self._unit_stems)):
                # "Patron 30 days", "5000 crédits": the count's noun belongs to the name
                kept.append(rest[0])
            elif len(kept) == 1 and kept[0].isdigit() and self._unit_stems:
                return ""  # "acheter 5000 …": a count alone names nothing
            if len(kept) > 2 and kept[0].isalpha() and kept[0].islower() and \
                    kept[1][:1].isdigit() and kept[2][:1].isupper() and self._counted:
                kept = kept[1:]  # "o pacote 2500 Moedas": the kind, then the shop's count
            if len(kept) > 1 and _EVENT_WORD.fullmatch(kept[0]) and kept[1][:1].isupper():
                kept = kept[1:]  # "the quest event Feast of Feasts": the event's name
            words = kept
        value = " ".join(words).rstrip(".,;:!?'").strip()
        hangul = HANGUL.search(value)
        if hangul and _KO_DURATION_END.search(value):
            pass  # "Patron 30일": a duration's unit written onto its count is the name's
        elif hangul and hangul.start() > 0:  # "Haneul입니다": the name ends where Hangul starts
            value = value[:hangul.start()].rstrip(".,;:!?' ")
        elif hangul:
            value = strip_korean(value)
        return value


#: A Korean particle written onto a Latin name's end: "Credits가", "Kyprosa에서", "Dalbit으로".
_PARTICLE_ON_LATIN = re.compile(r"(?<=[A-Za-z0-9])(?:이|가|을|를|은|는|의|에|에서|으로|로|도|만|"
                                r"이랑|랑|하고|와|과)$")


#: A chat channel of a place (on a field read after a lone "on", "sur", "no": a server):
#: "le chat général de Brisesol", "the general chat of Brisesol", "o chat global do
#: Gelidra", "le canal commerce de Kyprosa"; one coined capitalised word.
_CHANNEL_OF = re.compile(
    r"(?i)(?<!\w)(?:chat|canal|channel|tchat)(?:\s+[^\W\d_]{3,12}){0,2}?\s+"
    r"(?:of|de|du|do|da)\s+(?-i:([A-ZÀ-ÖØ-Þ][\w-]{2,30}))(?![\w'’-])(?!\s+(?-i:[A-Z0-9]))")


#: A word for an event before its name ("event Feast of Feasts", "l'event Fête des
#: Moissons", "evento Feast"): the kind of thing, not part of its name.
_EVENT_WORD = re.compile(r"(?i)(?:l['’]|d['’])?(?:events?|eventos?|[ée]v[eéè]nements?)")


#: A capitalised name going on past a small word ("… Feast of Feasts"): a value cut
#: before it is no whole name.
_NAME_GOES_ON = re.compile(r"[ \t]+(?:of|the|de|do|da|du|des|dos|das)[ \t]+[A-ZÀ-ÖØ-Þ]")


#: The other side of a trade or a scam: "the seller", "le vendeur", "o vendedor", "판매자".
_COUNTERPART = re.compile(
    r"(?i)(?<!\w)(?:sellers?|vendors?|buyers?|scammers?|traders?|vendeu(?:r|se)s?|"
    r"acheteu(?:r|se)s?|arnaqueu(?:r|se)s?|escroc|vendedor(?:a|es)?|comprador(?:a|es)?|"
    r"golpistas?|trapaceir[oa]s?)(?!\w)|판매자|구매자|사기꾼|거래\s*상대")
#: The requester named after such a person in the clause: their own again.
_FIRST_PERSON_AFTER = re.compile(
    r"(?i)(?<!\w)(?:i|i'm|me|my|mine|je|j'|moi|mon|ma|mes|m'|eu|meu|minha|mim)(?!\w)|"
    r"저는|제가|제\s|내\s|나는")


def _counterparts(text: str, at: int) -> bool:
    """True when a trade's other side ("the seller", "o vendedor", "판매자") is named in
    the clause before ``at`` and the requester is not named after them: a field named
    there is theirs ("o vendedor tem a conta golpista_99", not "the seller never sent it,
    my account is …")."""
    clause = re.split(r"[.!?;\n,]|(?<!\w)(?:but|mais|mas)(?!\w)", text[max(0, at - 80):at])[-1]
    last = max((m.end() for m in _COUNTERPART.finditer(clause)), default=-1)
    return last >= 0 and not _FIRST_PERSON_AFTER.search(clause, last)


#: A Korean "X라는" naming the requester's own thing: "Haneul 이라는 제 캐릭".
_KO_MINE_NAMED = re.compile(r"(?:라는|인)\s*(?:제|내)\s*[\uac00-\ud7a3]")


#: The requester correcting the name just written: "Soléane... enfin Soleane", "Kira77,
#: pardon Kira78", "Aelin, I mean Aelinn", "Ayla, ou melhor Ayla_br", "Tonho, quer dizer
#: Tonh0", "Haneul 아니 Haneul2".
_CORRECTION = re.compile(
    r"(?i)[ \t]*(?:\.{2,}|…|[,;:]|[-–—])?[ \t]*"
    r"(?:enfin|pardon|je\s+veux\s+dire|ou\s+plut[oô]t|plut[oô]t|non|i\s+mean|sorry|oops|"
    r"or\s+rather|(?:no\s+)?wait|quer\s+dizer|quero\s+dizer|ou\s+melhor|digo|ali[aá]s|"
    r"desculpa|n[aã]o|아니|아니요|아\s+아니)"
    r"[ \t]*(?:\.{2,}|…|[,:;]|[-–—])?[ \t]*"
    r"(?-i:([A-Za-z0-9][\w'-]{1,30}))(?![\w'-])")


def _corrected(text: str, end: int, value: str) -> tuple[str, int, int] | None:
    """The name that corrects ``value`` right after it (ending at ``end``): one written
    the same but for its accents, or sharing its first three letters ("Kira77, pardon
    Kira78"); after "I mean" a different name ("Aelin, I mean Thorgar lost it") or a word
    ("sorry for the long message") corrects nothing."""
    m = _CORRECTION.match(text, end)
    if m is None:
        return None
    name = m.group(1)
    was, now = fold(value), fold(name)
    if name == value or was[:3] != now[:3] or now in NOT_NAMES or now in COMMON or \
            (not HANDLE.search(name) and not name[:1].isupper()):
        return None
    return name, m.start(1), m.end(1)


#: The requester introducing themself in Korean by a Latin name and a copula: "저는
#: Haneul 이에요", "전 Haneul입니다", "난 Haneul 임".
#: Or by the name they play as: "저는 Dalbit 으로 플레이해요", "전 Haneul로 게임해요" (the
#: Korean "I play as X").
_KO_SELF_INTRO = re.compile(
    r"(?<![\uac00-\ud7a3])(?:저는|전|나는|난)\s+([A-Za-z][A-Za-z0-9_'-]{1,23})\s*"
    r"(?:(?:이에요|예요|입니다|이고요|이고|임|이야|야)(?![\uac00-\ud7a3])|"
    r"(?:으로|로)\s*(?:플레이|게임\s*(?:하|해|합))|(?:캐릭(?:터)?(?:으로|로))\s*(?:플레이|게임|하|해))")
#: Verbs of an offense against someone, by their stems (en, fr, pt-br; Korean nouns and
#: verbs of abuse).
_OFFENSE = (r"(?:(?<!\w)(?:insult|harass|harcel|harcèl|threat|menac|amea[cç]|curs|swear|swore|slur|"
            r"spam|troll|grief|stalk|scam|arnaqu|bull|abus|mock|flam|yell|shout|dox|"
            r"kill|tu[eé]|mat[aoe]|xing|ofend|ofenf|persegu|humilh|assedi|traiter|trait[eé]|"
            r"call|chamou|chamando|follow|suiv|sigu|segu|"
            r"camp|team.?kill|ganked|gank|racis|hate|hating|odi|bait|exploit|cheat|trich|roub|rob|"
            r"stole|vol[eé]|"
            # the act told before, done to the requester: "Goldkingzz just did it to me", "il
            # m'a fait ça", "ele fez isso comigo"
            r"did\s+(?:it|this|that)\s+to|pulled\s+(?:it|this|that)\s+on|fait\s+[cç]a|"
            r"l['’]a\s+fait|fez\s+isso|fizeram\s+isso)|욕|괴롭|협박|도배|비하|모욕|스토킹|트롤|사기|저격)")
#: An offense anywhere (`_OFFENDER` holds one: without it, it need not be tried).
_AN_OFFENSE = re.compile(_OFFENSE, re.IGNORECASE)
#: Another subject or a report between a name and the offense: the name told of it, the
#: offender is someone else ("Brannic told me that a player was insulting us").
_TOLD_ABOUT = re.compile(
    r"(?i)(?<!\w)(?:that|about|someone|somebody|a player|a guy|he|she|they|que|qu['’]|"
    r"quelqu['’]un|un joueur|un mec|un type|il|elle|ils|alguém|alguem|um jogador|um cara|"
    r"ele|ela|eles)(?!\w)|어떤|누가|다른")
#: A coined name starting its sentence (an article before it at most: "o Dravenor"), then
#: in its clause an offense and the requester as its object ("telling me", "m'a insulté",
#: "me xingou", "nos ameaçou"), or in Korean the name, its particle, the requester or
#: the chat, and a word of abuse ("Mordrake가 저한테 욕했어요").
#: Or after a conjunction mid-sentence ("… because Goldkingzz keeps insulting me"); with an
#: article too (group ``mid``) a capitalised word is a proper name whatever the languages
#: know of it ("o problema é que o Malandro fica me xingando", "the thing is that the
#: Butcher keeps insulting me").
_OFFENDER = re.compile(
    r"(?:(?:^|(?<=[.!?\n])\s*|(?<=[.!?]\s))\s*(?:(?:o|a|le|la|the)\s+)?"
    r"(?!(?:because|but|and|that|since|parce|porque|mas|mais|que|et|e)(?!\w))|"
    r"(?<!\w)(?:que|qu['’]|porque|mas|but|because|that|mais|parce\s+que|since|and|et|e)"
    r"\s+(?P<mid>(?:o|a|le|la|the)\s+)?)"
    r"(?P<n>(?-i:[A-Z][A-Za-z0-9_'-]{2,30}|[a-z][A-Za-z]*[\d_][\w'-]*))"
    r"(?:"
    rf"(?=(?:\s+[\w'’-]+){{0,10}}?\s+(?:me|us|m['’]|nous|nos)\b[^.!?\n;]{{0,40}}?{_OFFENSE})|"
    rf"(?=[^.!?\n;]{{0,80}}{_OFFENSE})(?=(?:\s+[\w'’-]+){{0,10}}?\s+(?:(?:me|us|nous|nos|"
    r"comigo|conosco)(?!\w)|"
    r"m['’]))|"
    r"(?:\s*(?:이|가|은|는)\s+|\s+)(?:[\uac00-\ud7a3\s]{0,20}?)"
    r"(?:저한테|저에게|저를|나한테|나를|우리한테|우리를|채팅|챗)[\uac00-\ud7a3\s]{0,12}?"
    rf"{_OFFENSE})",
    re.IGNORECASE)
#: A Latin name ending in a count and its Korean duration unit: "Patron 30일", "Pass 3개월".
_KO_DURATION_END = re.compile(r"^[A-Za-z][^\uac00-\ud7a3]*\d(?:일|개월|주|년)$")


def _in_phrase(phrases: frozenset[str], found: _Mention) -> bool:
    """True when the name read, alone or with a word or two beside it, is a keyword of an
    option of the form ("PS Store" says the payment method; "no servidor NA": "servidor na"
    says the region North America)."""
    if not phrases:
        return False
    value = fold(found.value)
    if value in phrases:
        return True
    before = fold(found.text[max(0, found.start - 30):found.start]).split()[-2:]
    after = [strip_korean(w) if HANGUL.search(w) else w
             for w in fold(found.text[found.end:found.end + 30]).split()[:2]]
    after = [w.strip(".,;:!?()") for w in after]
    return any(" ".join(p) in phrases for p in (
        [*before[-1:], value], [*before, value], [value, *after[:1]], [value, *after])
        if len(p) > 1)


class _Mention(NamedTuple):
    """A name read at ``start:end`` of ``text`` (one of the requester's texts)."""

    value: str
    source: str
    span: str
    text: str
    start: int
    end: int


def _merged(found: Sequence[_Mention]) -> dict[str, tuple[str, str]]:
    """Distinct values, each with its source and evidence span. Mentions that overlap in
    one text are one name read twice ("pack Dragon" and "Dragon d'Ombre" are "pack Dragon
    d'Ombre")."""
    out: dict[str, tuple[str, str]] = {}
    ordered = sorted(found, key=lambda f: (f.source, id(f.text), f.start, -f.end))
    i = 0
    while i < len(ordered):
        first = ordered[i]
        end, group = first.end, [first]
        while i + 1 < len(ordered) and ordered[i + 1].text is first.text and \
                ordered[i + 1].source == first.source and ordered[i + 1].start < end:
            i += 1
            group.append(ordered[i])
            end = max(end, ordered[i].end)
        if len({g.value for g in group}) == 1:
            value = first.value
        else:
            value = first.text[first.start:end].rstrip(".,;:!?'’ ")
        out.setdefault(value, (first.source, first.span))
        i += 1
    return out


#: Someone introduced with an indefinite article, then an opening bracket: "une nouvelle
#: modèle (", "a new player (", "um amigo (".
_INDEFINITE_ASIDE = re.compile(
    r"(?i)(?<!\w)(?:a|an|another|un|une|um|uma|outr[oa])\s+(?:[^\W\d_][\w'’-]*\s+){0,2}"
    r"[^\W\d_][\w'’-]*\s*\($")


def _introduced_aside(text: str, at: int) -> bool:
    """True when ``at`` stands inside brackets opened right after someone introduced with
    an indefinite article ("rattacher une nouvelle modèle (Inès, pseudo Ines_Lune)"): the
    name there is that newcomer's, not the requester's own identifier."""
    opening = text.rfind("(", max(0, at - 60), at)
    if opening < 0 or ")" in text[opening:at]:
        return False
    return bool(_INDEFINITE_ASIDE.search(text[max(0, opening - 60):opening + 1]))


#: Right before a name, words that make it only a part or a likeness of the name ("something
#: with 'Wolf' in it", "quelque chose comme « Aube »", "un truc avec", "alguma coisa com",
#: "algo tipo") (folded).
_PART_OF_A_NAME = re.compile(
    r"(?:something|smth|anything|quelque chose|un truc|un machin|alguma coisa|algo|"
    r"qualquer coisa)\s+(?:with|like|similar to|avec|comme|du genre|genre|com|tipo|como|"
    r"parecido com)\s*(?:the\s+word\s+|le\s+mot\s+|a\s+palavra\s+)?[\W_]*$")
#: In a name's sentence, the requester saying they cannot recall its name (folded): "can't
#: remember the exact name", "je ne me souviens plus du nom exact", "não lembro o nome
#: certo", "esqueci o nome"; in Korean "이름이 기억이 안 나요", "이름은 까먹었어요".
#: The requester not recalling something, before it (folded), and in Korean after it
#: ("… 기억이 안 나요", "… 까먹었어요"): for a name (`_NAME_FORGOTTEN`) and for any field's
#: thing (`_UNKNOWN_BEFORE`, `_UNKNOWN_AFTER_KO`).
_FORGOT = (r"(?:can'?t|cannot|don'?t|do not|couldn'?t)\s+(?:quite\s+|really\s+)?"
           r"(?:remember|recall)|forgot|(?:ne\s+)?me\s+souviens\s+(?:plus|pas)|j'ai\s+oublie|"
           r"(?:nao|nem)\s+(?:me\s+)?lembro|esqueci")
_FORGOT_KO = r"(?:기억(?:이|은|도)?\s*(?:잘\s*)?안|생각(?:이|은)?\s*(?:잘\s*)?안|까먹)"
_NAME_FORGOTTEN = re.compile(
    rf"(?:{_FORGOT}|forgotten)"
    r"\s+(?:(?:of\s+|de\s+|du\s+|do\s+|da\s+)?(?:the|its|his|her|le|du|son|sa|o|a|seu|sua|"
    r"exactly|exactement|exatamente)\s+){0,2}(?:(?:exact|full|real|right)\s+)?"
    r"(?:name|nom|nome|title|titre|titulo)\b(?!\s+(?:of|do|da|dos|das|de|du|des)\b)"
    rf"|이름[이은을]?\s*(?:잘\s*)?{_FORGOT_KO}")


#: The requester saying they do not know or remember a thing, right before its noun (folded):
#: "I don't remember the server", "je ne sais plus quel serveur", "não lembro o servidor",
#: "nem sei qual servidor".
_UNKNOWN_BEFORE = re.compile(
    rf"(?:{_FORGOT}|(?:can'?t|cannot|don'?t|do not|couldn'?t|didn'?t)\s+(?:quite\s+|really\s+)?"
    r"(?:remember|recall|know)|no idea|(?:ne\s+)?(?:me\s+)?(?:souviens|rappelle|sais)\s+"
    r"(?:plus|pas)|(?:nao|nem)\s+(?:me\s+)?sei)"
    r"\s+(?:(?:of\s+|de\s+|du\s+|do\s+|da\s+)?(?:the|which|what|its|my|le|la|l'|quel|quelle|"
    r"mon|ma|o|a|qual|meu|minha|em que|on which|sur quel)\s*){0,2}$")
#: In Korean the noun comes first: "서버는 기억이 안 나요", "서버는 모르겠어요".
_UNKNOWN_AFTER_KO = re.compile(rf"(?:은|는|이|가|도)?\s*(?:잘\s*)?(?:{_FORGOT_KO}|모르)")
#: Nouns too general to tell which field the requester does not know ("I don't remember the
#: name" of what?).
_GENERAL_NOUNS = frozenset({"name", "nom", "nome", "이름", "number", "numero", "id", "code",
                            "codigo", "title", "titre", "titulo"})


#: A word every marker of not knowing holds (raw text, any case): most texts hold none.
_UNKNOWN_CUE = re.compile(r"(?i)remember|recall|know|idea|forgot|souvien|rappel|sai|oubli|"
                          r"lembr|sei|esqueci|기억|생각|까먹|모르")


@functools.lru_cache(maxsize=256)
def _noun_pattern(nouns: frozenset[str]) -> re.Pattern[str] | None:
    """The field's nouns as one pattern (a Korean noun may take a particle: "서버는")."""
    words = sorted(nouns, key=len, reverse=True)
    latin = [re.escape(n) for n in words if not HANGUL.match(n)]
    korean = [re.escape(n) for n in words if HANGUL.match(n)]
    parts = ([rf"(?<!\w)(?:{'|'.join(latin)})(?!\w)"] if latin else []) + \
        ([rf"(?<!\w)(?P<ko>{'|'.join(korean)})"] if korean else [])
    return re.compile("|".join(parts)) if parts else None


def unknown_to_requester(f: Field, text: str) -> bool:
    """True when the requester says they do not know or remember the field's thing ("não
    lembro o servidor", "서버는 기억이 안 나요"): a value read for it elsewhere in the text is
    another thing's ("… por R$ 30 no Pix. Não lembro o servidor"), so the field is asked."""
    if not _UNKNOWN_CUE.search(text):
        return False
    pattern = _noun_pattern(frozenset(fold(n).strip() for n in field_synonyms(f)) - _GENERAL_NOUNS
                            - {""})
    if pattern is None:
        return False
    folded = fold(text)
    if len(folded) != len(text):
        folded = text.casefold()
    for m in pattern.finditer(folded):
        if _UNKNOWN_BEFORE.search(folded, max(0, m.start() - 60), m.start()) or (
                m.lastgroup == "ko" and _UNKNOWN_AFTER_KO.match(folded, m.end())):
            return True
    return False


#: Right after a name, the requester saying it is only part of it ("Moreau quelque chose",
#: "Gaston something", "Ana alguma coisa") or one of two ("anaclara_rs ou anaclara.rs").
_UNSURE_AFTER = re.compile(
    r"[ \t]*(?:(?:or|ou)[ \t]+(?:something|quelque[ \t]+chose|algo|alguma[ \t]+coisa|"
    r"(?-i:[A-ZÀ-Þ])[\w.-]+|[\w-]*[_.\d][\w.-]*)|something|quelque[ \t]+chose|"
    r"alguma[ \t]+coisa|qualquer[ \t]+coisa)(?!\w)", re.IGNORECASE)


def _half_remembered(text: str, start: int, end: int) -> bool:
    """True when the name at ``text[start:end]`` is only a part or a likeness of it
    (`_PART_OF_A_NAME`: "something with 'Wolf' in it"), one of two or cut short
    (`_UNSURE_AFTER`), or stands in a sentence where the requester says they cannot recall
    it (`_NAME_FORGOTTEN`: "…, I can't remember the exact name"): the requester has not
    given it."""
    if _PART_OF_A_NAME.search(fold(text[max(0, start - 40):start])) or \
            _UNSURE_AFTER.match(text, end):
        return True
    begin = max((text.rfind(p, 0, start) for p in ".!?\n"), default=-1) + 1
    stop = min((i for i in (text.find(p, end) for p in ".!?\n") if i >= 0), default=len(text))
    return bool(_NAME_FORGOTTEN.search(fold(text[begin:stop])))


def _ext(f: Field) -> dict[str, object]:
    ext = (f.schema or {}).get("x-deskops") if isinstance(f.schema, dict) else None
    return ext if isinstance(ext, dict) else {}


#: Where a thing is kept or worn: a Korean phrase vanishing names an item only in a
#: sentence that says so ("인벤에서 해적 망토가 없어졌어요"; not "스킬 창이 사라졌어요",
#: "채팅 기록이 사라졌어요": the interface, the chat).
_KO_STORED = re.compile(r"인벤|가방|창고|보관함|우편함|컬렉션|옷장|장비창|소지품|배낭|은행|착용|"
                        r"장착|아이템")


#: The "de" complement of a French or Portuguese name after its capitalised words: "Lame
#: de l'aube", "Dragon des neiges", "Ombre de la forêt", "Bolinha de fogo". A name read
#: after a field's name goes on with it (`_DE_TAIL`); one read by a cue loses it when its
#: word says where, when or whose (`NOT_TAIL`: "… de ma guilde", `_DE_TAIL_END`).
_DE_COMPLEMENT = (r"[ \t]+(?:(?:de|des|du|do|da|dos|das)[ \t]+|d['’][ \t]*)"
                  r"(?:(?:la|le|les)[ \t]+|l['’][ \t]*)?"
                  r"(?P<w>(?-i:[a-zà-ÿ][a-zà-ÿ'’-]{2,20}))(?![\w'’-])")
_DE_TAIL = re.compile(_DE_COMPLEMENT)
_DE_TAIL_END = re.compile(_DE_COMPLEMENT + "$")
#: A cue of finishing something ("I completed", "j'ai terminé", "completei", "끝냈"): what
#: it names is what was done, read only when no lost or missing thing is named.
_COMPLETED = re.compile(r"(?i)(?:i\s+|j['’]ai\s+)?(?:finished|completed|termin[ée]|fini|"
                        r"compl[ée]t[ée]|completei|terminei|conclu[ií])(?!\w)|"
                        r"(?s:.*)(?:끝냈|완료했|클리어했|깼)")
#: People one plays with, not things: "my clanmate Rook-77", "mon coéquipier Tibo", "meu
#: parceiro Zeca" (any "-mate": teammate, squadmate, roommate).
_PEOPLE = re.compile(r"\w+mates?|partners?|pals?|bros?|colleagues?|coworkers?|players?|"
                     r"boyfriend|girlfriend|dad|mom|mum|father|mother|uncle|aunt|nephew|niece|"
                     r"coequipiere?s?|collegues?|partenaires?|joueur|joueuse|pere|mere|oncle|"
                     r"tante|neveu|niece|parceir[oa]s?|colegas?|mano|jogador[a]?|pai|mae|"
                     r"ti[oa]|sobrinh[oa]|namorad[oa]")


#: A place, not a thing: "in the Sanctum Gardens", "sur la Côte Sauvage", "no Vale Sombrio".
_PLACE_PREPOSITION = re.compile(
    r"(?i)(?<!\w)(?:in|on|at|to|from|into|near|dans|sur|vers|depuis|em|para|perto|pra|pro)"
    r"\s*$")


# ------------------------------------------------------------------ the name left over

#: What a field left unread may take as the one name nobody else claims (`leftover`): a
#: thing ("item", "purchase": any name-like span, several words too), a person's
#: identifier (a handle, a coined word or two capitalised words), or nothing (a place
#: read by its own cues, a code).
THING, PERSON = "thing", "person"
#: A run of capitalised words, small joiners between them ("Echoes of the Shade", "Leomorph
#: de Batalha"); a handle ("jinu_0412", "Kr0nkPutrid", "xXVoidReaperXx"). A short code in
#: capitals ("H24", "PS5", "S23") is a model or slang, no name.
_RUN = re.compile(
    r"(?<![\w@.'’-])(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9_'’-]*|[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|"
    r"[a-z]+[0-9]+[a-z0-9]*|[a-z]+[A-Z][A-Za-z0-9_]*)"
    r"(?:[ \t]+(?:(?:of|the|de|do|da|du|des|dos|das)[ \t]+(?:(?:the|la|le|les)[ \t]+|l['’])?)?"
    r"[A-ZÀ-ÖØ-Þ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9_'’-]*)*"
    # (a Korean particle may follow: "Bluefox한테", "Hana_tv로")
    r"(?![A-Za-zÀ-ÖØ-öø-ÿ0-9_@'’-]|\.\w)")
#: A quotation of a name's length: "'The Shadow of Akylios'", "'대형 선박 설계도'", « Lame ».
_LEFT_QUOTED = re.compile(r"(?:(?<=\s)|^)(?:'|‘|\"|“|«)[ \t]*([^\s'\"«»“”‘’][^'\"«»“”‘’\n]{1,38}?)"
                          r"[ \t]*(?:'|’|\"|”|»)(?![A-Za-z0-9_])")
#: A quotation that is a name: its words capitalised (small joiners aside) or in Hangul.
_QUOTED_NAME = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ0-9][^\s]*|of|the|de|do|da|du|des|dos|das|d['’]\S+|[\uac00-\ud7a3]\S*)"
    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ0-9][^\s]*|of|the|de|do|da|du|des|dos|das|d['’]\S+|"
    r"[\uac00-\ud7a3]\S*))*")
#: A Korean sentence's ending: a quotation that says something ("결제가 거부되었습니다").
_KO_SENTENCE_END = re.compile(r"(?:다|요|죠|까|음|함)[.!?]*$")
#: An e-mail or a web address: its parts are no names.
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
#: Where a run starts a sentence: its first word is capitalised by the sentence.
_OPENS = re.compile(r"(?:^|[.!?:\n]|[.!?][\"')\]]?)\s*$")
#: Prepositions of a place before a name ("near Solis", "à Silverwood", "around Two
#: Crowns", "perto de", "na capital"): a zone, a city, not a thing or a person.
_PLACE_BEFORE = re.compile(
    r"(?i)(?<!\w)(?:near|around|at|inside|outside|à|vers|près\s+de|autour\s+de|dans|"
    r"perto\s+d[eoa]|em|na|no|nas|nos|in(?<!turned\sin)(?<!hand\sin))\s*$")
#: A person's noun right before a name ("my buddy Thornwick", "mon pote Kazdrak", "o amigo
#: dele Mortain", "친구 Yuna", "my brother Tom"), its possessive between at most.
_PERSON_BEFORE = re.compile(
    rf"(?i)(?:(?<!\w)(?:{_RELATIVE.pattern.removeprefix('(?i)')}|{_PEOPLE.pattern})"
    r"(?:\s+(?:dele|dela|de\s+\w+|of\s+mine|à\s+moi))?|친구|동생|형|누나|언니|오빠|"
    # one's guild, party, team or raid members, an acquaintance, the other side of a trade
    r"길드원|파티원|팀원|공대원|클랜원|혈맹원|동료|지인|상대방?)"
    # their own name, then their character in brackets: "meu amigo Caio (personagem
    # CaioGrimm)", "my friend Tom (char Tomsk)"
    r"(?:\s+\w+\s*\(\s*(?:(?:his|her|son|sa|seu|sua)\s+)?"
    r"(?:personagem|perso|character|char|캐릭터?|캐릭)?\s*:?)?"
    # (their name in brackets after the noun: "친구(Kroo_99)", "my buddy (Thornwick)")
    r"\s*(?:캐릭터?|캐릭|\(?(?:personagem|perso|character|char)\)?)?[\s\"'«“‘(\[]*$")
#: The interface's words or speech before a name-like span: what is shown or said ("the
#: error "Connection Lost"", "le bouton « Réclamer »", "o botão "Resgatar"", "it said").
_SHOWN_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:errors?|messages?|buttons?|tabs?|menus?|screens?|pop-?ups?|prompts?|"
    r"windows?|erreurs?|boutons?|onglets?|[ée]crans?|fen[êe]tres?|erros?|mensage(?:m|ns)|"
    r"bot(?:ão|ao|ões)|abas?|telas?|janelas?)(?!\w)|오류|에러|메시지|버튼|창)[\s:\"'«“‘]*$")


@functools.lru_cache(maxsize=256)
def _candidates(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """Name-like spans of ``text``: ``(value, start, end, shaped)``; ``shaped`` when the
    span tells a name on its own (quotes, a digit, an underscore, an inner capital).
    Cached: `leftover` asks for the same texts for each field of a form read empty."""
    text = _ADDRESS.sub(lambda m: " " * len(m.group()), text)
    out: list[tuple[str, int, int, bool]] = []
    quotes = list(_LEFT_QUOTED.finditer(text))
    for m in quotes:
        quoted = m.group(1).strip()
        if _QUOTED_NAME.fullmatch(quoted) and not _KO_SENTENCE_END.search(quoted) and \
                not any(fold(w) in STATE_WORDS or fold(w) in STATE_PARTICIPLES or
                        fold(w).endswith(_PARTICIPLE_ENDS) for w in quoted.split()[1:]):
            # a name's quotes ("'The Shadow of Akylios'", "'대형 선박 설계도'"), not what was
            # said or shown ("his 'discount site'", "'Payment declined'", "'결제가 거부되었습니다'")
            out.append((quoted, m.start(1), m.end(1), True))
    # a text shouted whole capitalises every word: only its quotes tell a name in it
    # ("JA MANDEI 3 TICKETS" is a sentence)
    for m in () if _shouting(text) else _RUN.finditer(text):
        if any(q.start() <= m.start() < q.end() for q in quotes):
            continue  # "'Item Not Found'": the quotation is read whole
        value = m.group().rstrip("'’-")
        words = value.split()
        start = m.start()
        while words and (_FIRST_PERSON_I.fullmatch(words[0]) or
                         (_OPENS.search(text[:start]) and len(words) > 1 and
                          fold(words[0]) in _OPENERS)):
            start = text.index(words[1], start) if len(words) > 1 else m.end()
            words = words[1:]  # "La Pierre d'âme", "I'm": the sentence's words
        while words and words[-1].casefold() in NAME_JOINERS:
            words = words[:-1]
        if not words:
            continue
        value = " ".join(words)
        end = start + len(value)
        tail = _DE_TAIL.match(text, end) if text[start:end] == value else None
        if tail is not None and words[-1][:1].isupper() and fold(tail.group("w")) not in NOT_TAIL:
            # "La Pierre d'âme", "A Espada de fogo": the name goes on with its complement
            value, end = value + tail.group(), tail.end()
        out.append((value, start, end, bool(HANDLE.search(value))))
    return tuple(out)


#: Words a sentence may start with before a name ("The", "La", "My", "Le", "O"): not its own.
_OPENERS = frozenset(("the", "a", "an", "my", "la", "le", "les", "l", "un", "une", "mon", "ma",
                      "o", "os", "as", "um", "uma", "meu", "minha", "and", "but", "et", "e"))


def _accepts(reader: NameReader, value: str, shaped: bool, multi_joined: bool) -> bool:
    """True when ``value`` may be the field of ``reader``: a thing takes a name of any
    length; a person's identifier one word shaped as a handle or no language knows, or two
    capitalised words ("Lirael Vantor"; the sentence must tie it, `_tied`); nothing
    else takes a name left over."""
    kind = reader.leftover_kind
    if kind == THING:
        return True
    if kind != PERSON or multi_joined:
        return False
    words = value.split()
    if len(words) == 1:
        return shaped or not known_word(value, reader._languages)
    return len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words)


#: What ties a span to the requester's own identifier, right before it in its clause: the
#: requester introducing themself ("my name is", "I'm on", "moi c'est", "eu sou", "저는").
_SELF_TIE = re.compile(
    r"(?i)(?:(?<!\w)(?:my\s+name|mon\s+nom|meu\s+nome|i['’]m|i\s+am|je\s+suis|"
    r"moi\s+c['’]est|eu\s+sou|sou)(?!\w)|(?<![\uac00-\ud7a3])(?:저는|전|제\s*이름은?))"
    r"(?:\s+(?:is|was|est|é|on|as|the|le|la|o|a|de|da|do|em|no|na|com|avec|sur)|"
    r"\s*(?:은|는|이|가))*[\s:：,]*$")
#: What ties a span to another person's identifier, right before it in its clause: a
#: naming word ("com o nome", "le perso s'appelle", "a player called", "닉은").
_OTHER_TIE = re.compile(
    r"(?i)(?:(?<!\w)(?:name|named|called|nome|nom|pseudo|nick|nickname|ign|"
    r"chamad[oa]|s['’]appelle|se\s+chama)(?!\w)|(?<![\uac00-\ud7a3])닉(?:네임)?)"
    # an adjective after the noun, then a comma: "com nome ofensivo, X", "au pseudo
    # insultant, X"
    r"(?:\s+(?:is|was|est|é|de|da|do)|\s*(?:은|는|이|가)|\s+[^\W\d_]{4,16}(?=\s*,))*"
    r"[\s:：,]*$")
#: Someone new introduced with an indefinite article and their name: "a player with the
#: name", "um personagem com nome ofensivo,", "un joueur au pseudo": another person's.
_INTRODUCED = re.compile(
    r"(?i)(?<!\w)(?:a|an|some|um|uma|un|une)\s+[^\W\d_]{3,16}(?:\s+[^\W\d_]{3,16})?\s+"
    r"(?:with\s+(?:the|an?)\s+(?:[^\W\d_]{4,16}\s+)?(?:name|nick|nickname)|"
    r"com\s+(?:o\s+|um\s+)?(?:nome|nick)|avec\s+(?:le|un)\s+(?:nom|pseudo)|au\s+(?:nom|pseudo)|"
    r"named|called|chamad[oa])(?:\s+[^\W\d_]{4,16})?[\s:,]*$")
#: The requester having or making the thing named: "I have a char named", "j'ai un perso
#: qui s'appelle", "eu tenho um personagem chamado", "제가 만든 캐릭".
_OWN_VERB = re.compile(
    r"(?i)(?<!\w)(?:i\s+(?:have|had|made|created|own)|i['’]ve\s+got|j['’]ai(?!\s+vu)|"
    r"je\s+poss[eè]de|(?:eu\s+)?(?:tenho|tinha|criei)|eu\s+fiz)(?!\w)|(?:제가|내가)\s*만든")
#: Identifiers listed together: "jinu_0412 / jinu0412@daum.net", "kira_sun, kira@x.com".
_LISTED = re.compile(r"^[ \t]*[/|,;-][ \t]*\S")


#: A determiner, a number or a possessive right before a one-word thing ("o Qubesly",
#: "three Lunagems", "my Thunderwing"): a thing, where a bare word may be a person.
_DETERMINED = re.compile(
    r"(?i)(?<!\w)(?:the|a|an|my|our|this|that|le|la|les|l['’]|un|une|mon|ma|mes|ce|cette|"
    r"o|os|as|um|uma|meu|minha|meus|minhas|esse|essa|este|esta|two|three|four|five|deux|"
    r"trois|quatre|cinq|dois|duas|tr[eê]s|quatro|cinco|\d{1,4})\s*$")
#: A time since after a name: "30 days ago", "30 dias atrás", "il y a".
_AGO = re.compile(r"(?i)\s+(?:ago|atr[aá]s|before|antes)(?!\w)")
#: A conjunction and an article between two names: "X and a Y", "X et la Y", "X e o Y".
_COORDINATE = re.compile(
    r"(?i)^[\w'’-]*(?:\s+\w+)?\s*(?:,|and|or|et|ou|e|&)\s+(?:(?:a|an|the|my|un|une|le|la|"
    r"les|l['’]|mon|ma|um|uma|o|os|as|meu|minha)\s*)?$")


def _coordinated(text: str, start: int, end: int, claimed: set[str]) -> bool:
    """True when the span at ``start:end`` is joined by a conjunction to a value read for
    another field ("a Frost Wyrm egg and a Storm Blade"): a thing of the same kind."""
    before = fold(text[max(0, start - 80):start])
    after = fold(text[end:end + 80])
    for value in claimed:
        at = before.rfind(value)
        if at >= 0 and _COORDINATE.match(before[at + len(value):]):
            return True
        at = after.find(value)
        if at >= 0 and _COORDINATE.match(after[:at].strip() + " ") and at < 24:
            return True
    return False


def _another_noun(reader: NameReader, word: str) -> bool:
    """True when ``word`` beside a name is a noun of another field of the form ("shard",
    "server", "서버에서"): that field's thing, not this one's."""
    if HANGUL.match(word):
        return any(word.startswith(k) for k in reader._kinds
                   if len(k) >= 2 and HANGUL.fullmatch(k[0]) and k not in _KO_POSSESSIVES)
    return word in reader._kind_nouns or (len(word) == 3 and word in reader._kinds and
                                          word not in STATE_WORDS and word not in COMMON)


#: Korean first-person possessives among a field's words ("제 캐릭터"): no noun.
_KO_POSSESSIVES = frozenset(("제", "내", "저", "나", "그", "우리"))


def _tied(reader: NameReader, clause: str, after: str, claimed: set[str]) -> bool:
    """True when a span with ``clause`` before it and ``after`` it may be ``reader``'s as
    far as its sentence says: a thing's always, a person's identifier where the sentence
    names it (`_SELF_TIE`, `_OTHER_TIE`) or lists it with a value read ("jinu_0412 /
    jinu0412@daum.net")."""
    if reader.leftover_kind != PERSON:
        return True
    if reader._role == "other" and _OWN_VERB.search(clause):
        return False  # "j'ai un perso qui s'appelle Velka": the requester's own
    if (_OTHER_TIE if reader._role == "other" else _SELF_TIE).search(clause):
        return True
    return bool(_LISTED.match(after)) and any(
        fold(w) in claimed or "@" in w for w in re.findall(r"[^\s/|,;]+", after)[:1])


def leftover(readers: Mapping[str, NameReader], key: str, texts: Sequence[tuple[str, str]],
             locale: str, read: Callable[[], Mapping[str, Evidence | None]]
             ) -> Evidence | None:
    """The one name-like span of the requester's texts that no field of the form claims,
    for field ``key`` read empty (``read``: every name field's own reading, asked only
    when a span passes what this field alone can judge): "the Gobbling Gourdling ally I
    got … isn't in my collection" once the character is read elsewhere, "um jogador na hub
    com o nome Arrombado99" once "meu personagem é LuaDeMel" is. A span is claimed by a
    field's value, by an option of the form, by a person's noun before it ("my buddy
    Thornwick"), a place's preposition ("near Solis") or another field's noun beside it
    ("Deepwood shard"); it must look like a name (quotes, a handle, capitals inside a
    sentence, a word no language knows) and be taken by one empty field only (a thing or a
    person's identifier): two spans, or two fields that could take it, write nothing."""
    reader = readers[key]
    if reader.leftover_kind is None:
        return None
    people: set[str] = set()
    spans = [s for source, text in texts if source != "subject"
             for s in _own_spans(reader, source, text[:4000], people)
             if not _half_remembered(s.text, s.start, s.end)]
    if not spans:  # nothing this field could take, whatever the others read
        return None
    # a name said once to be a place is one everywhere ("bot à Silverwood" in the subject,
    # "H24 a Silverwood" in the body)
    places = {c.folded for _, text in texts for c in _judged(text[:4000]) if c.place}
    done = read()
    claimed = {fold(e.value) for e in done.values() if e is not None}
    claimed_words = {w for c in claimed for w in c.split()}
    empty = [k for k, e in done.items() if e is None and readers[k].leftover_kind is not None]
    found: dict[str, tuple[str, str, bool]] = {}
    for span in spans:
        folded, words = span.folded, span.folded.split()
        if folded in claimed or any(folded in c or c in folded for c in claimed) or \
                (len(words) == 1 and folded in claimed_words) or folded in reader._phrases:
            continue  # claimed, or an option's keyword ("PS Store": a payment method)
        if HANDLE.search(span.value) and someone_elses(span.text, span.start):
            continue  # "동생 거 알려드릴게요 minsu0420": a relative's handle, no one's purchase
        labelled = _LABELLED_BY.search(fold(span.text[max(0, span.start - 40):span.start]))
        if labelled is not None and labelled.group(1) in reader._kinds:
            continue  # "The account is his, jaxon_blaster2014": another field's value
        if _coordinated(span.text, span.start, span.end, claimed):
            continue  # "a Frost Wyrm egg and a Storm Blade": the claimed one's kind
        introduced = reader._role == "other" and bool(_INTRODUCED.search(span.clause))
        if any(k != key and _accepts(readers[k], span.value, span.shaped, span.joined) and (
                _tied(readers[k], span.clause, span.after, claimed) or
                (readers[k].leftover_kind == reader.leftover_kind and not introduced))
               for k in empty):
            # another empty field could take it as well: the reporter's character or
            # the reported player, when neither is read elsewhere ("닉은 X")
            return None
        tied = _tied(reader, span.clause, span.after, claimed)
        had = found.get(folded)
        found[folded] = (span.source, span.value, tied or (had is not None and had[2]))
    names = {f: v for f, v in found.items() if f not in people and f not in places and
             not any(f != g and f in g for g in found)}
    if len(names) != 1:
        return None
    source, value, tied = next(iter(names.values()))
    if not tied:  # a person's identifier only where the sentence names it
        return None
    return Evidence(key=key, value=value, span=clip(value), method="sentence",
                    locale=locale, confidence=0.8, source=source)


#: A field's noun, a copula or colon and perhaps an owner right before a span (folded):
#: "the account is his, ", "account: ", "le compte est à lui : ", "a conta é dele, ".
_LABELLED_BY = re.compile(
    r"\b([^\W\d_]+)\s*(?::|\bis|\bwas|\best|\be|\bc'est)\s*(?:(?:his|hers|her|theirs|mine|"
    r"a lui|a elle|le sien|la sienne|le mien|dele|dela|meu|minha)\s*)?[,:]?\s*$")


class _Span(NamedTuple):
    """A name-like span ``leftover`` weighs, with what its field alone judged of it."""

    source: str
    text: str
    value: str
    folded: str
    start: int
    end: int
    shaped: bool
    joined: bool
    clause: str
    after: str


#: A French or Portuguese elided article or preposition on a word ("d'avance", "l'objet").
_ELIDED = re.compile(r"^[dlmnstcj]['’]", re.IGNORECASE)


def _own_spans(reader: NameReader, source: str, capped: str, people: set[str]) -> list[_Span]:
    """The spans of ``capped`` that ``reader``'s field could take as far as it alone can
    tell (the other fields' readings are weighed by `leftover`); a span after a person's
    noun goes to ``people``."""
    out: list[_Span] = []
    for c in _judged(capped):
        if c.person:
            people.add(c.folded)  # "my buddy Thornwick", "mon coéquipier Tibo Fort"
            continue
        if c.dropped or reader._is_other(c.value) or \
                any(reader._is_other(w) for w in c.value.split()):
            continue
        words = c.folded.split()
        if any(w in reader._own or w in reader._kinds for w in words
               if w not in NAME_JOINERS and w not in _OPENERS):
            continue  # "Glyph account", "Personagem Joaquina_BR": a field's own words
        if (c.nxt and _another_noun(reader, c.nxt)) or (c.prev and _another_noun(reader, c.prev)):
            continue  # "Deepwood shard", "Dahuta 서버", "server Hearthmoor": another's
        if c.named_by and c.named_by not in reader._own and (
                c.named_by in reader._kinds or _another_noun(reader, c.named_by)):
            continue  # "his character is DinoKing": a character's name, whoever's, no item
        if c.named_by in _STANDS_FOR_A_NOUN:
            continue  # "o dele é ReiDino e o meu é Vovó Lu": whose thing, said before
        if c.place:
            continue  # "near Solis", "à Silverwood": a place
        single = len(words) == 1
        if single and not c.shaped and not c.korean and (
                c.opening or known_word(c.value, reader._languages) or
                not c.value[:1].isupper() or
                (reader.leftover_kind == THING and not c.determined)):
            continue  # "Tohrin is sending …", "Kraken", "I destroyed Grimtusk"
        if not single and not c.shaped and c.opening and not c.korean and \
                all(known_word(_ELIDED.sub("", w), reader._languages) for w in c.value.split()
                    if w.casefold() not in NAME_JOINERS):
            continue  # "Last Night", "Screenshots Attached", "Merci d'avance"
        joined = any(w in NAME_JOINERS for w in words)
        if not _accepts(reader, c.value, c.shaped, joined):
            continue
        out.append(_Span(source, capped, c.value, c.folded, c.start, c.end, c.shaped, joined,
                         _sentence_before(capped, c.start), c.after))
    return out


class _Judged(NamedTuple):
    """A name-like span of a text with what every field's `leftover` judges of it alike."""

    value: str
    folded: str
    start: int
    end: int
    shaped: bool
    korean: bool  # the text holds Hangul
    after: str
    person: bool  # after a person's noun ("my buddy Thornwick")
    #: shown or said ("the error "Connection Lost""), a word that is no name, a code in
    #: capitals, a year, or a time ("my Patron 30 days ago")
    dropped: bool
    nxt: str  # the word after it and the word before it, folded
    prev: str
    place: bool  # after a place's preposition, and no handle ("near Solis")
    opening: bool  # it starts its sentence
    determined: bool  # a determiner, a number or a possessive before it
    #: the noun a copula or a naming verb gives it to, folded ("his character is DinoKing",
    #: "son perso c'est Kazdrak", "o personagem dele é Mortain")
    named_by: str


@functools.lru_cache(maxsize=256)
def _judged(capped: str) -> tuple[_Judged, ...]:
    """`_candidates` of ``capped`` with what `_own_spans` judges alike for every field:
    judged once per text, not once per empty field of the form."""
    out: list[_Judged] = []
    korean = bool(HANGUL.search(capped))
    for value, start, end, shaped in _candidates(capped):
        folded = fold(value)
        before = capped[max(0, start - 40):start]
        after = capped[end:end + 24]
        person = bool(_PERSON_BEFORE.search(before) or _PERSON_BEFORE.search(fold(before)))
        dropped = bool(
            _SHOWN_BEFORE.search(before) or _SPEECH.search(fold(before[-16:])) or
            folded in NOT_NAMES or folded in COMMON or folded in STATE_WORDS or
            folded in DEMONYMS or
            (value.upper() == value != value.lower() and  # "EST", "NA"; not Hangul
             (len(value) <= 4 or not any(c.isdigit() for c in value))) or
            _YEAR.fullmatch(value) or len(value) < 3 or
            (_UNITS.match(after) and value.split()[-1].isdigit()) or _AGO.match(after))
        nxt = re.match(r"[ \t(]*(\w+)", after)
        prev = re.search(r"(\w+)[ \t:(]*$", before)
        out.append(_Judged(
            value, folded, start, end, shaped, korean, after, person, dropped,
            fold(nxt.group(1)) if nxt else "", fold(prev.group(1)) if prev else "",
            bool(_PLACE_BEFORE.search(before)) and not shaped,
            bool(_OPENS.search(capped[:start])), bool(_DETERMINED.search(before)),
            named.group(1) if (named := _NAMED_BY.search(fold(before))) else ""))
    return tuple(out)


#: Possessive pronouns standing for a noun said before them ("and mine is", "le mien c'est",
#: "o meu é", "a dela é"), folded: what they name is of that noun's kind, untold here.
_STANDS_FOR_A_NOUN = frozenset((
    "mine", "yours", "his", "hers", "theirs", "ours", "mien", "mienne", "tien", "tienne",
    "sien", "sienne", "notre", "leur", "meu", "minha", "teu", "tua", "seu", "sua", "dele",
    "dela", "nosso", "nossa"))
#: A noun, its owner ("dele", "de mon frère"), then a copula or a naming verb right before
#: a name (folded): "his character is", "son perso c'est", "o personagem dele é", "meu
#: personagem chama", "my mount is called".
_NAMED_BY = re.compile(
    r"(?<!\w)(\w+)(?:\s+(?:dele|dela|deles|delas|de\s+\w+|of\s+\w+))?\s+"
    r"(?:is|was|est|c['’]\s*est|e|era|foi|chama|se\s+chama|s['’]appelle|se\s+nomme|"
    r"(?:is\s+|was\s+)?(?:called|named)|nommee?|appelee?|chamad[oa])\s*:?\s*$")
