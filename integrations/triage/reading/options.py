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
offers (a wrong value costs more than a question). Context (`context`) is a place or a
tool, what the requester was doing or lists as steps, the topic, an identifier's label,
another person the requester names ("un utilisateur qui s'appelle Jeannot42": the
occupation is the requester's own; on a person field, `someone_else` too: "a model I
follow"), the source of another option's thing ("the money from my links"), a word
inside another field's name ("사이트 아이디", the site ID) and, in a subject naming two
options, a word the body names only as context.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import OSA

from integrations.model import Field
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.matcher import (
    FUNCTION_WRITTEN,
    Hit,
    PerLanguage,
    Phrase,
    is_negated,
    is_someone_elses,
)
from integrations.triage.reading.normalise import (
    MENU_ARROW,
    Token,
    fold,
    key,
    strip_korean,
    tokens,
)
from integrations.triage.reading.vocabulary import (
    KEYWORD_WEIGHT,
    is_person,
    option_keywords,
    option_phrases,
    quoted_option,
)

__all__ = ["OptionReader", "in_doubt"]

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
#: A word naming a part of a site or an app, after the word it qualifies ("Links tab",
#: "onglet Liens", "aba de links", "링크 탭").
_PLACE_AFTER = re.compile(
    r"^[\s'\"»”]*(?:tabs?|pages?|sections?|menus?|screens?|onglets?|rubriques?|abas?|guias?|"
    r"paginas?|telas?|generators?|generateurs?|geradore?s?|tools?|outils?|ferramentas?|"
    r"widgets?)\b|^\s*(?:탭|페이지|메뉴|화면|생성기)")
#: "on the", "in the", "sur l'onglet", "na aba", "no menu", "on my", "sur mon", "na minha"
#: right before the words ("nothing works on my account": where, not what), and where the
#: requester is sent ("back to login", "renvoie vers la connexion"); a tool named after its
#: object ("le générateur de liens", "o gerador de links").
#: A charge on what it is charged to: "débitée de 24,99 $ sur ma Visa", "charged twice on my
#: Mastercard", "cobrado no meu cartão" names the means of payment, no place in the product.
_CHARGED_ON = re.compile(r"\b(?:charged|debited|billed|paid|taken|deducted|debitee?s?|"
                         r"prelevee?s?|payee?s?|facturee?s?|cobrad[oa]s?|debitad[oa]s?|"
                         r"descontad[oa]s?|pag[oa]s?|paguei)\b(?:[^.!?;:\n]|(?<=\d)[.,](?=\d)){0,30}"
                         r"\b(?:on|sur|na|no)\s+(?:my|our|mon|ma|notre|minha|meu|nossa|nosso)\s+$")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:on|in|under|from)\s+the|\b(?:sur|dans)\s+(?:l'onglet|la page|la rubrique|"
    r"l'espace|la fiche|l'ecran|la section)|\b(?:na|no)\s+(?:aba|guia|pagina|menu|tela))\s+"
    r"(?:de\s+l'|de\s+la\s+|de\s+|des\s+|du\s+|d'|do\s+|da\s+)?$|"
    r"\b(?:generateur|gerador|outil|ferramenta)\s+(?:de\s+|des\s+|d'\s*)$|"
    r"(?:\bon\s+(?:my|our)|\bsur\s+(?:mon|ma|notre)|\b(?:na|no)\s+(?:minha|meu|nossa|nosso))\s+$|"
    r"\b(?:back|redirect(?:ed|s)?|sent|sends me|takes me|bounced|kicked)\s+(?:to|on)\s+"
    r"(?:the\s+)?$|"
    r"\b(?:renvoie|renvoye|redirige)\s+(?:vers|sur|a)\s+(?:la\s+|l')?$|"
    r"\b(?:volta|voltar|joga|redireciona)\s+(?:pro|para o|para a|pra)\s+$")
#: "when I", "quand je", "quando tento": what the requester was doing when the problem
#: came, up to the words (no sentence end, comma or semicolon between: "when I logged
#: back in, my mount was gone" names the loss in the main clause): context, like a place.
_DOING_BEFORE = re.compile(
    r"(?:\b(?:when|whenever|while)\s+(?:i|we)|\b(?:quand|lorsque|lorsqu')\s*(?:je|j'|on|nous)|"
    r"\bquando\s+(?:eu\s+|a gente\s+)?(?:tento|tentamos|vou|clico|abro|crio)?|\bao tentar)"
    r"\b[^.!?\n,;]{0,40}$")
_DOING_AFTER_KO = re.compile(r"^\S*\s*(?:\S+\s+)?\S*(?:할 때|하면|할때|하려고 하면)")
#: The same ending on the hit's own last word ("접속하면 바로 강제 종료돼요": when I connect).
_DOING_OWN_KO = re.compile(r"[\uac00-\ud7a3](?:하면|할때)$")
#: A list of what the requester did, introduced as such ("What I did: logged in, opened the
#: Links page, picked an advertiser", "étapes :", "o que eu fiz:"): every option named in it
#: until the sentence ends is context, like a place (the steps lead to the problem, they
#: are not it).
#: A remedy the requester tried, not the problem: "tried verifying files", "j'ai essayé de
#: réinstaller", "tentei reinstalar", "재설치도 해봤어요" (a gerund after "tried"; a verb
#: redone, re-, after "essayé"/"tentei"; 해봤 after the Korean word).
_TRIED_BEFORE = re.compile(r"\b(?:tried|trying)\s+$|"
                           r"\b(?:essaye|tente)\s+(?:de\s+|d')?$|\btentei\s+$")
_TRIED_HIT = re.compile(r"^(?:\w+ing|re\w+)\b")
_TRIED_AFTER_KO = re.compile(r"^\S*\s*(?:도|를|을)?\s*해\s*(?:봤|보았|봐도)")
#: What is offered, not what the requester has or chose: words after "only" ("only card and
#: PayPal", "seulement carte et PayPal", "só cartão e paypal", "apenas boleto"; up to two
#: items of a list before them; "n'accepte que"), or "카드만"/"카드밖에"; and what the
#: requester says they do not have ("carte et PayPal que je n'ai pas", "cartão eu não tenho",
#: "a card, which I don't have"). Context: "queria pagar com Pix, só cartão e paypal" chose
#: Pix. Not on a person field (`offered`).
_ONLY_BEFORE = re.compile(
    r"(?:(?:\b(?:only|seulement|uniquement|apenas|somente)|(?:\bn'|\bne\s+)[^\W\d_]+\s+que)"
    r"\s+(?:(?:a|an|the|by|with|le|la|les|l'|des|du|par|avec|o|os|as|um|uma|com|por|no|na|de)"
    r"\s*)?|"
    # "só" (folded "so", which is English "so the NPC…" too): Portuguese articles only
    r"\bso\s+(?:(?:o|os|as|um|uma|com|por|no|na|de)\s+)?)"
    r"(?:[^\W\d_]+\s*(?:,|\band\b|\bet\b|\be\b|\bor\b|\bou\b)\s*){0,2}$")
#: "fica só a tela branca", "it shows only a white screen": what the requester sees, only
#: that, is the problem itself.
_ONLY_SEEN = re.compile(r"\b(?:fica|ficou|mostra|aparece|apareceu|e|esta|ta|is|shows?|showed|"
                        r"stays?|stayed|gets?|got|see|saw|reste|affiche|montre|vois|est|c'est|"
                        r"it's|there's)\s+$")
_ONLY_AFTER_KO = re.compile(r"^(?:만|밖에)")
_NOT_HAD_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:que|qu'|which|that)\s*)?(?:i|je|j'|eu)\s*(?:n'ai\s+(?:pas|plus)|"
    r"ai\s+(?:pas|plus)|don'?t\s+have|do\s+not\s+have|no\s+longer\s+have|nao\s+tenho)\b")
#: What the requester finished, not what is wrong: "I finished the quest and the reward never
#: came", "j'ai terminé la quête", "fiz toda a missão", "퀘스트 끝냈는데", "la quête est marquée
#: comme finie": done as it should be, it is context like a step (a past tense only: "can't
#: complete the quest" is the problem).
_DONE_BEFORE = re.compile(
    r"\b(?:finished|completed|did|termine|terminee|fini|finie|complete|fait|fiz|terminei|"
    r"completei|conclui|acabei|finalizei)\s+(?:(?:the|my|whole|all|entire|la|le|l'|les|toute|"
    r"tout|a|o|as|os|toda|todo|minha|meu)\s*){0,3}$")
_DONE_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,2}?(?:is|was|est|a ete|esta|ta|foi)?\s*(?:marked|marquee?|marcad[ao]|"
    r"shows?)\s+(?:as|comme|como)\s+(?:complete|completed|done|finished|finie?|terminee?|"
    r"concluid[ao]|complet[ao]|finalizad[ao])\b")
_DONE_CUE = re.compile(r"(?i)mark|marqu|marc|show")
_DONE_AFTER_KO = re.compile(r"^\S*\s*(?:끝냈|끝내고|끝났|완료했|완료하고|깼|클리어)")
#: What the product or a message says, reported ("the status says I'm not a patron", "le
#: statut dit que je suis pas patron", "diz que não sou assinante"): a negation there is the
#: problem shown, never the requester denying an option.
_REPORTED = re.compile(
    r"\b(?:says?|said|shows?|showed|tells? me|told me|dit|disait|affiche|indique|montre|"
    r"diz|dizia|mostra|aparece)\s+(?:que\s+|qu'|that\s+)?(?:[^\W\d_]+'?\s*){0,4}$")
#: What something was got for: "the stone I picked up for the quest", "la pierre que j'avais
#: ramassée pour la quête", "o item que peguei pra missão": the purpose of the thing the
#: requester speaks of, context (the thing, lost or not, is what the ticket is about).
_FOR_BEFORE = re.compile(
    r"\b(?:picked up|collected|looted|got|gathered|bought|needed|farmed|ramasse\w*|"
    r"recupere\w*|recolte\w*|achete\w*|obtenu\w*|loote\w*|peguei|coletei|comprei|"
    r"farmei|consegui)\s+(?:(?:it|them|la|le|les|l')\s+)?(?:for|pour|para|pra)\s+"
    r"(?:(?:the|my|a|an|la|le|les|l'|ma|mon|mes|une?|o|a|os|as|minha|meu)\s*)?$")
_STEPS_BEFORE = re.compile(
    r"\b(?:what i did|what i have done|what i've done|steps(?: taken)?|steps i took|"
    r"here is what i did|ce que j'ai fait|voila ce que j'ai fait|etapes|"
    r"o que (?:eu )?fiz|o que eu tinha feito|passos|etapas|passo a passo)\s*[:\-]"
    r"|(?:한 것|한 일|진행 과정|순서)\s*[:\-]")
_SENTENCE_END = re.compile(r"[.!?\n]")
#: A step of a menu path ("Account settings > Payment details", "Relatórios > Vendas",
#: "설정 > 결제"): the words name where the requester went, a place, not what is wrong.
_PATH_BEFORE = re.compile(MENU_ARROW + r"\s*(?:[^\W\d_]+\s+){0,2}$")
_PATH_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}?" + MENU_ARROW)
#: What a requester does on a screen, in the present, first person or as a bare step ("I go
#: to", "change", "hit Save", "je tape", "je coche", "entro no painel", "clico em", "누르고"):
#: two or more in one sentence are a sequence of steps, and what they act on is context,
#: like a place (`_in_steps`).
_ACTION = re.compile(
    r"\b(?:(?:i\s+)?(?:go|click|tap|open|type|enter|select|pick|choose|hit|press|fill|"
    r"change|upload|paste|log|sign|submit|save)|(?:je\s+|j')(?:vais|clique|tape|ouvre|entre|"
    r"selectionne|choisis|coche|appuie|remplis|modifie|change|saisis|colle|valide)|"
    r"(?:eu\s+)?(?:entro|vou|clico|abro|digito|seleciono|escolho|aperto|preencho|mudo|"
    r"altero|coloco|salvo|marco))\b|(?:누르고|클릭하고|들어가서|선택하고|입력하고|"
    r"누른\s*다음|클릭한\s*다음)|"
    # the same steps told in the past ("clicked Reports", "j'ai choisi l'annonceur, cliqué
    # sur Bannières", "fiz login, cliquei em Links")
    r"(?:(?:^\s*|,\s*|\bi\s+|\bthen\s+)(?:went|clicked|tapped|opened|typed|entered|selected|"
    r"picked|chose|pressed|filled|changed|uploaded|pasted|logged|signed|submitted|saved)|"
    r"j'ai\s+(?:clique|choisi|selectionne|ouvert|tape|saisi|colle|coche|valide|rempli|"
    r"modifie)|(?:clique|choisi|selectionne|coche)\s+(?:sur|le|la|les|l'|un|une)|"
    r"(?:eu\s+)?(?:cliquei|abri|selecionei|escolhi|entrei|digitei|colei|salvei|marquei|"
    r"loguei|fiz login|faco login))\b")
_RESULT = re.compile(
    r"\b(?:(?:i\s+|we\s+)?(?:get|got|see|saw)|it\s+\w+|(?:and|et|e)\s+(?:then\s+|la\s+|"
    r"ai\s+)?(?:the|l'|le|la|les|o|a|os|as)(?:\b|(?<='))|shows?|says?|returns?|gives?|appears?|"
    r"nothing|j'ai|j'obtiens|ca|il\s+me|elle\s+me|finit|rien|aparece|da|mostra|retorna|fica|"
    r"nada)\b|(?:뜨|나오|나와|떠요|돼요|안\s*돼)")
_HANGUL = re.compile("[\uac00-\ud7a3]")
#: An e-mail address or a web address: a keyword inside one ("partnerships@site.com",
#: "mybanners.net", "https://…/links/…") names a mailbox or a site, never the problem.
_ADDRESS = re.compile(r"@|://|\bwww\.|[^\W_]\.(?:com|net|org|info|biz|io|co|fr|br|kr|de|uk|"
                      r"es|it|be|ch|ca|me|app|blog|shop|store)\b", re.IGNORECASE)
#: A person known by what they look after: "our account people", "my account manager",
#: "le chargé de compte", "o gerente da conta", "계정 담당자": a person, not the thing;
#: what belongs to such a person ("담당자분 연락처", the contact's details) is theirs.
_ROLE_AFTER = re.compile(r"^\s*(?:managers?|reps?|representatives?|people|team|teams|"
                         r"executives?|contacts?|person)\b|^\s*(?:담당자|매니저)")
#: A message the product shows, quoted: an opening quote after a space (not "l'url"), two
#: to eighty characters, a closing quote before no letter; announced by a verb of showing
#: before it ("it says", "I get", "Il me sort direct", "aparece", "dando", "avec le
#: message") or after it ("'Access denied' 가 떠요", "'Invalid URL' error", « … » s'affiche).
#: Never what the requester clicks or types ("the button says 'Save'"), nor a status
#: ("the statement shows it as 'paid'", "marqué « payé »").
_QUOTED = re.compile(r"(?:^|(?<=[\s(:]))['\"«“‘「]\s*([^'\"«»“”‘’「」\n]{2,80}?)\s*['\"»”’」]"
                     r"(?![^\W\d_])")
_SHOWN_BEFORE = re.compile(
    r"\b(?:says?|said|saying|shows?|showed|showing|displays?|displayed|gets?|got|getting|"
    r"gives?|gave|returns?|returned|pops? up|popped up|appears?|appeared|reads|message|error|"
    r"affiche|s'affiche|sort|dit|apparait|j'ai|j'obtiens|erreur|"
    r"aparece|apareceu|aparecendo|dando|deu|mostra|mostrou|mostrando|diz|dizendo|retorna|"
    r"mensagem|erro)\b(?:\s+[^\s'\"«“]+){0,2}\s*$")
_SHOWN_AFTER = re.compile(
    r"^\s*(?:(?:가|이|라고|라는|이라는|이라고)?\s*(?:떠|뜨|뜹|나와|나오|나옵|표시|오류|에러|메시지|메세지)|"
    r"(?:error|message|erreur|erro|mensagem|s'affiche|appears|aparece|pops up|shows up)\b)")
#: A one-word message is an error only with a code or a word of failure in it.
_ERROR_WORD = re.compile(r"\d|error|erreur|erro|exception|denied|refuse|negado|failed|fail|"
                         r"echec|falha|invalid|forbidden|unauthori[sz]ed|undefined|timeout|"
                         r"오류|에러|실패|거부")
_NOT_SHOWN = re.compile(r"\b(?:button|bouton|botao|tab|onglet|aba|menu|click|clique|clico|"
                        r"type|typed|tape|digit\w*|write|wrote|ecris|escrevi)\b|버튼|"
                        r"\b(?:as|comme|como|status|statut)\s*$")


#: Korean names a message without quotes, by 라고/라는 and a verb of showing: "Access
#: denied 라고 떠요", "Session expired 라는 메시지가 나와요".
_SHOWN_KO = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9 ,.'_:-]{1,60}?)\s*(?:이)?(?:라고|라는)"
                       r"\s*(?:떠|뜨|뜹|나와|나오|나옵|표시|오류|에러|메시지|메세지|문구|창)")


def shown_messages(text: str) -> list[tuple[int, int]]:
    """Where each quoted message the product shows starts, and its first word ends (the
    message counts as one word, whatever its length), in ``text`` (see `_QUOTED`)."""
    out: list[tuple[int, int]] = []
    if _HANGUL.search(text):
        for m in _SHOWN_KO.finditer(text):
            message = m.group(1).strip()
            if len(message.split()) >= 2 or _ERROR_WORD.search(fold(message)):
                word = re.match(r"\S+?(?=[\s,.:;!?]|$)", message)
                out.append((m.start(1), m.start(1) + (word.end() if word else 1)))
    for m in _QUOTED.finditer(text):
        before = fold(text[max(0, m.start() - 32):m.start()])
        after = fold(text[m.end():m.end() + 12])
        if not (_SHOWN_BEFORE.search(before) or _SHOWN_AFTER.search(after)) or \
                _NOT_SHOWN.search(before):
            continue
        message = m.group(1)
        if len(message.split()) < 2 and not _ERROR_WORD.search(fold(message)):
            continue  # one word is a status ("'Pending'", « payé »), not a message
        word = re.match(r"\s*\S+?(?=[\s,.:;!?]|$)", text[m.start(1):m.end(1)])
        end = m.start(1) + (word.end() if word else 1)
        out = [(s, e) for s, e in out if not (m.start() <= s < m.end())]  # "'X' 라고 떠요"
        out.append((m.start(), end))
    return out


#: The subject of a reporting verb: "(the shop confirmed it)", "l'annonceur m'a dit que…",
#: "a loja me confirmou", "광고주가 확인해 줬어요": a source of what the requester knows, not
#: the problem. Not a screen's words ("the link says 'Offer expired'": what it shows).
_REPORTS_AFTER = re.compile(
    r"^\s*(?:(?:has|have|had)\s+)?(?:confirmed|told me|told us|replied|answered|assured|"
    r"promised|(?:said|says)(?!\s*[:'\"«“]))\b|"
    r"^\s*(?:m'|nous\s+|me\s+)?(?:a|ont)\s+(?:confirme|dit|repondu|assure|promis)\b|"
    r"^\s*(?:me\s+|nos\s+)?(?:confirmou|confirmaram|disse|disseram|falou|falaram|respondeu|"
    r"responderam|garantiu|garantiram)\b|"
    r"^(?:가|이|측에서|쪽에서)\s*(?:확인해|확인했|말했|말해|답변|답했|그러)")
_ROLE_BEFORE = re.compile(r"\b(?:charge|chargee|gestionnaire|responsable|gerente|"
                          r"responsavel|contato|gestor|gestora)s?\s+(?:de|du|da|do)\s+"
                          r"(?:(?:mon|ma|notre|minha|meu|nossa|nosso|la|le|l')\s*)?$|"
                          r"(?:담당자|매니저)(?:분|님)?(?:의)?\s*$")
#: A name or a naming phrase right after the words: "a user named Jeannot42", "un
#: utilisateur qui s'appelle Jeannot42", "uma modelo chamada Bia", "Mina라는 모델": another
#: person, whom the requester names; what that person is says nothing of the requester.
_NAMED_AFTER = re.compile(
    r"^\s*(?:named|called|who(?:'s| is) called|by the name of|(?:qui|que) s'appelle\w*|"
    r"nomme[e]?s?|appele[e]?s?|du nom de|chamad[oa]s?|que se chama|de nome)\b")
_NAMED_BEFORE_KO = re.compile(r"\S+(?:이라는|라는|이란|란)\s*$")
#: A person field (`vocabulary.is_person`): words for someone the requester tells about
#: ("a model I follow blocked me", "une modèle que je regarde", "uma modelo que eu sigo",
#: "my favourite streamer"), unless the requester says that is what they are ("I'm a new
#: model", "je suis une modèle", "sou uma modelo", "as a viewer").
_SELF_BEFORE = re.compile(
    r"(?:\bi'?m|\bi am|\bim|\bas|\bwe'?re|\bwe are|\bbeing|\bbeen|\bje suis|\bj'suis|"
    r"\ben tant que|\bcomme|\bnous sommes|\bon est|\bsou|\bsomos|\bcomo|\bsendo|"
    r"\bjust|\bonly|\bsimply|\bmerely|\bjuste|\bseulement|\bsimple|\bapenas|\bsomente)\s+"
    r"(?:[^\W\d]+\s+){0,3}$")
#: A second kind the requester gives themselves: "… and also a viewer", "et aussi
#: spectatrice", "e também assinante".
_ALSO_BEFORE = re.compile(r"\b(?:and|et|e|but|mais|mas)\s+(?:also|aussi|tambem)\s+"
                          r"(?:(?:a|an|un|une|um|uma)\s+)?$")
_OTHER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|another|some|one|any|my favou?rite|my fav|"
    r"un|une|le|la|ce|cet|cette|autre|"
    r"um|uma|o|esse|essa|este|esta|outro|outra|algum|alguma|aquele|aquela)\s+|\bl')"
    r"(?:(?:new|other|second|nouvelle|nouveau|nouvel|autre|seconde?|nova|novo|outra|outro)"
    r"\s+)?$")
#: What the requester owns or runs, right before the words: "I have a studio", "we run an
#: agency", "je gère un studio", "tenho um estúdio", "the manager of a studio", "gérante
#: d'un studio", "dona de um estúdio": theirs, not someone they tell about.
_OWN_BEFORE = re.compile(
    r"\b(?:i|we)\s+(?:have|own|run|manage|operate|started|opened)\s+(?:a|an|the|our|my)\s+$|"
    r"\b(?:i've|we've) got\s+(?:a|an)\s+$|"
    r"\b(?:j'ai|nous avons|on a|je gere|nous gerons|on gere|je dirige|j'ai monte|j'ai ouvert)"
    r"\s+(?:un|une|mon|ma|notre)\s+$|"
    r"\b(?:tenho|temos|gerencio|gerenciamos|administro|comando|abri|montei)\s+"
    r"(?:um|uma|o|a|meu|minha|nosso|nossa)\s+$|"
    r"(?:\bi'?m|\bi am|\bje suis|\bsou|\bas|\ben tant que|\bcomo)\s+(?:(?:the|a|an|le|la|l'|"
    r"un|une|o|um|uma)\s*)?(?:manager|owner|boss|head|director|founder|gerante?|patronne?|directrice|directeur|"
    r"fondatrice|fondateur|responsable|dono|dona|gerente|diretora?|fundadora?)\s+"
    r"(?:of|d'|de|do|da)\s*(?:(?:a|an|the|un|une|le|la|l'|um|uma|o)\s*)?$")
_OTHER_AFTER = re.compile(
    r"^'?s?\s*(?:(?:that|who|whom)\s+)?(?:i|we)\s+(?:follow|watch|like|love|tip|tipped|"
    r"subscribe|subscribed|support|used to watch|was watching|am following)\b|"
    r"^\s*(?:que|qu')\s*(?:je|j'|eu|a gente|nous)\b|^\s*(?:prefere|favorit|preferid)")
#: The requester as a Korean subject, and where a Korean clause starts.
_KO_I = frozenset({"저는", "전", "제가", "나는", "난", "내가", "저희는", "저희가", "저도", "나도"})
_KO_CLAUSE = re.compile(r"[.!?\n,]|(?:고|는데|지만|(?<![에기])서)\s")  # "여기서": a place
#: "a viewer account", "un compte modèle": a kind of account, the requester's own.
_KIND_AFTER = re.compile(r"^\s*(?:accounts?|profiles?|membership|comptes?|profils?|contas?|"
                         r"perfis|perfil)\b")
#: Korean: the person as the subject or object of what happened ("모델이 저를 차단했어요",
#: "시청자가", "모델한테") is someone else; with a copula ("모델인데", "시청자예요") it is the
#: requester.
_KO_OTHER = ("이", "가", "을", "를", "한테", "에게", "께서", "님", "님이", "님을", "님한테", "랑",
             "이랑", "과", "와")
_KO_SELF = ("이에요", "예요", "입니다", "이고", "인데", "이었어요", "였어요", "이며", "이라서",
            "라서", "임", "이야", "야", "으로서", "로서")
#: Between two options' words, what makes the second the first's source or owner: "the
#: money from my links", "l'argent de mes liens", "o dinheiro dos meus links", "mon
#: cash-back de la boutique", "cash-back da loja": the links (the shop) say where the
#: money comes from, the money what is wrong.
_SOURCE_GAP = re.compile(
    r"^\s*(?:(?:from|of)\s+(?:my|our)|(?:de|d')\s*(?:mes|mon|ma|nos|notre)|"
    r"(?:dos|das|do|da|de)\s+(?:meus|minhas|meu|minha|nossos|nossas|nosso|nossa))\s+$|"
    r"^\s*(?:from the|de la|da|do|das|dos)\s+$")

#: Between two options' words, what makes the second where the first shows: a moment
#: ("crash during export", "erro durante o login", "로그인 시 오류", written the other way
#: round: `_AT_KO`), or any place of a symptom the requester calls technical ("technical bug
#: at login", "bug technique à la connexion"); not a bare "erro no pagamento" (a payment's
#: error may be the payment's problem).
_AT_GAP = re.compile(r"^\s*(?:during|upon|lors de la|lors du|lors de l'|pendant la|pendant le|"
                     r"durante o|durante a|na hora d[oa])\s*$")
_AT_TECHNICAL = re.compile(r"\b(?:technical|technique|tecnico)\b[^.!?;:]{0,16}?\s(?:at|on|a la|"
                           r"a l'|au|no|na|ao)\s*$")
_AT_KO = re.compile(r"^\s*(?:시|할 때|때|도중에?|중에?)\s*$")

#: What the ticket is about, not what is wrong: "it's about my account", "a problem with
#: my account", "concernant mon compte", "o que aconteceu com a minha conta", "계정 관련":
#: the words right after a preposition of topic (and a possessive), context like a place.
_TOPIC_BEFORE = re.compile(
    r"(?:\b(?:about|regarding|concerning|(?:problems?|issues?|trouble|wrong|happened|going on)"
    r"\s+with)\s+(?:(?:my|our|the|your)\s+)?|"
    r"\b(?:concernant|a propos d[eu']|au sujet d[eu']|(?:problemes?|soucis?|arrive)\s+avec)"
    r"\s*(?:(?:mon|ma|mes|notre|nos|le|la|les|l')\s*)?|"
    r"\b(?:sobre|a respeito d[aoe]|referente ao?|quanto ao?|(?:problemas?|aconteceu|"
    r"acontecendo|houve)\s+com)\s+(?:(?:a|o|os|as)\s+)?"
    r"(?:(?:minha|meu|minhas|meus|nossa|nosso)\s+)?)$")
_TOPIC_AFTER_KO = re.compile(r"^\S*?\s*(?:관련|관해|대해|대한)")
#: A word that labels an identifier the requester gives ("account ID 5512093", "compte
#: n° 88123", "conta: 4410982", "사이트 아이디 44019872"): it names what the number is, not
#: what is wrong, so it is context like a place. An amount ("payment 2500 USD") is no code.
_CODE_AFTER = re.compile(
    r"^(?:은|는|이|가)?\s*(?:ids?\b\s*|아이디\s*)?(?:[:#=]|n[°º]|no\b\.?|is\b|est\b|e\b)?"
    r"\s*[a-z]{0,4}[-_]?\d{4,}(?![\d.,]*\s*(?:€|\$|usd|eur|brl|krw|원|reais|dollars?|euros?))")
#: A handle right after the words ("Usuário carla_live", "username: pete_k", "user is
#: dj_marlow"): the words label an identifier (letters with an underscore or a digit).
_HANDLE_AFTER = re.compile(
    r"^\s*(?:[:#=]|\b(?:is|est|e|é)\b)?\s*[^\W_]*(?:_[^\W_]+|[^\W\d_]+\d+)\b")
#: The requester hesitates between two options ("a crash or just lag", "pas sûr").
_HESITATION = re.compile(
    r"\b(?:not sure|no idea|either|confused|(?:don'?t|do not) know|pas sur|je ne sais pas|"
    r"(?:sais|sait|savons|savent) pas si|confuse?|"
    r"nao sei|sei la|confus[oa]|"
    r"two (?:things|issues|problems)|deux (?:choses|problemes)|duas coisas|dois problemas)\b|"
    r"두 가지|헷갈|"
    r"잘 모르|인지 모르")
#: Alternatives in one sentence: "or", "ou", "soit", "whether", a Korean "…인지 …인지",
#: "…건지 …인지", "아니면", "거나".
_ALTERNATIVE = re.compile(r"\b(?:or|ou|soit|whether|si)\b|(?:인지|건지|는지).*(?:인지|건지|는지)|"
                          r"아니면|거나")
#: Two options joined by "or" (hesitation) or "and" (two problems in one ticket).
_JOINED = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:or|ou|soit|and|et|e|also|aussi|tambem)\b|"
                     r"아니면|혹은|거나|이나|그리고")


#: A person field: the requester asks which kind they are, or should be ("which account
#: type do I need", "not sure which one applies to us", "quel type de compte dois-je avoir",
#: "a gente deveria ter conta de estúdio ou de modelo?", "계정을 어떤 유형으로 해야 하나요"):
#: whatever else the text says, the answer is the requester's to give (`OptionReader.read`).
_WHICH_KIND = re.compile(
    r"\b(?:which|what)\s+(?:account\s+|profile\s+|membership\s+)?(?:type|kind|sort|category|"
    r"one)\s+(?:of\s+(?:account|profile|member|user)\s+)?(?:do|should|would|applies|fits|is\s+"
    r"right|am|are|i|we)\b|\bnot sure (?:which|what) (?:one|type|kind|account)\b|"
    r"\bquel\s+(?:type|genre|statut)\s+(?:de\s+(?:compte|profil|statut)\s+)?(?:je|j'|on|nous|"
    r"dois|doit|faut|choisir|prendre|avoir|s'applique)|\b(?:quel|lequel)\s+(?:compte|profil)\s+"
    r"(?:je|on|nous|dois|doit|faut|choisir|prendre)|"
    r"\b(?:qual|que)\s+tipo\s+de\s+(?:conta|perfil|cadastro)\s+(?:eu|a gente|nos|devo|deveria|"
    r"preciso|tenho|temos|e|se aplica)|\b(?:deveria|deveriamos|devemos|devo|preciso|precisamos)"
    r"\s+ter\s+(?:uma\s+)?conta\s+de\b|"
    r"(?:어떤|무슨)\s*(?:유형|종류|계정\s*유형)|계정\s*유형\s*(?:문의|질문|변경)|"
    # not knowing what one signed up as, or where one fits: "not sure what we signed up as",
    # "should we be set up differently", "je sais pas dans quelle case je rentre", "não sei
    # em qual categoria eu me encaixo", "뭐로 가입해야", "어디에 해당하는지"
    r"\b(?:not sure|unsure|no idea|don'?t know|do not know)\s+(?:what|which|if)\s+(?:we|i)\s+"
    r"(?:signed up|registered|count|qualify|should be|are|am)\b|"
    r"\bshould\s+(?:we|i)\s+be\s+(?:set up|registered|signed up)\s+(?:differently|as)\b|"
    r"\b(?:dans\s+)?quelle\s+(?:case|categorie|categorie de compte)\s+(?:je|on|nous)\b|"
    r"\b(?:em\s+)?(?:qual|que)\s+(?:categoria|tipo)\s+(?:eu|a gente|nos)\s+(?:me\s+|nos\s+|se\s+)?"
    r"(?:encaix|enquadr)|(?:뭐로|무엇으로|어떤\s*걸로)\s*(?:가입|등록)|어디에\s*해당")
#: A second role the requester also holds: "… and also run two friends' shows", "je gère
#: aussi les shows de deux amies", "e também administro um estúdio", "방송도 하고 … 관리해
#: 주고": someone who does one thing and also runs or manages others is two kinds at once.
_SECOND_ROLE = re.compile(
    r"(?:\b(?:also|as well)\s+(?:(?!(?:you|not|can'?t|cannot|don'?t|won'?t|it)\b)[\w']+\s+)"
    r"{0,3}?(?:run|manage|handle|operate|organi[sz]e|set up|coordinate|represent)\b|"
    r"\b(?:aussi|egalement|en plus)\s+(?:je\s+|j')?(?:gere|m'occupe|dirige|organise|"
    r"represente)\b|\b(?:je\s+)?(?:gere|m'occupe|dirige|organise)\s+(?:aussi|egalement)\b|"
    r"\b(?:tambem|alem disso)\s+(?:eu\s+)?(?:cuido|gerencio|administro|organizo|agencio|"
    r"comando|represento)\b|\b(?:cuido|gerencio|administro|organizo|agencio)\s+tambem\b)"
    r"(?=[^.!?\n]{0,40}?(?:\b(?:their|his|her|friends?'?s?|two|three|other|others'?|girls'?|"
    r"models'?|performers'?|leurs?|ses|deux|trois|autres|filles|amies|amis|copines|modeles|"
    r"performeuses|das|dos|duas|dois|outras|outros|amigas|amigos|meninas|modelos|delas|"
    r"deles)(?!\w)|\w+'s\b))|"
    r"도\s*하고[^.!?\n]{0,40}(?:친구|다른|모델들|언니들|동생들)[^.!?\n]{0,20}관리")
#: Two kinds at once, in the sentence naming them: "both", "half … half", "at the same
#: time", "à la fois", "les deux", "ao mesmo tempo", "as duas coisas", "둘 다".
_BOTH = re.compile(r"\b(?:both|half|at the same time|a la fois|en meme temps|les deux|"
                   r"moitie|ao mesmo tempo|as duas coisas|os dois|metade)\b|둘 다|동시에")
#: A group speaking ("we", "nous", "on", "a gente", "저희"): managing others is what it is
#: (a studio), no second role.
_WE = re.compile(r"\b(?:we|we're|we've|our|nous|notre|nos|on (?:est|a|gere|fait|bosse|"
                 r"travaille|s'occupe)|a gente|nosso|nossa|somos|temos)\b|저희")
#: Right before an option's words, the requester's affiliation to it ("I go through a
#: studio", "je passe par une agence", "trabalho pelo estúdio X", "signed with an agency",
#: "via mon studio"): a model working through a studio is both, and which the form wants
#: is the requester's to say. Never "our" ("she works under our studio account": the
#: requester owns the studio).
_AFFILIATION_BEFORE = re.compile(
    r"(?:\b(?:through|via|signed\s+(?:with|to)|under|part\s+of|belong\s+to|"
    r"(?:work|model|perform|stream|cam|broadcast)(?:s|ing)?\s+(?:for|with|at)|employed\s+by|represented\s+by|passe\s+par|passons\s+par|travaille\s+"
    r"(?:pour|avec)|bosse\s+(?:pour|avec)|sous\s+contrat\s+avec|fais\s+partie\s+d'?|"
    r"affiliee?\s+a|rattachee?\s+a|geree?\s+par|trabalho\s+(?:para|com|pel[oa])|passo\s+pel[oa]|"
    r"atraves\s+d[oae]|fa[cç]o\s+parte\s+d[oae]|agenciad[oa]\s+por|contratad[oa]\s+por)\s+"
    r"(?:(?:a|an|the|my|un|une|le|la|l'|mon|ma|um|uma|o|meu|minha)\s*)?$)")
#: Another option's name, then "of"/"at"/"de" and an article, before the words: "a model at
#: a studio", "modèle d'un studio", "modelo de um estúdio" (the group is the table's).
_KIND_OF_BEFORE = re.compile(
    r"([^\W\d_]+)\s+(?:of|at|for|in|with|de|d'|do|da|chez|pour|com|em|no|na|num|numa)\s*"
    r"(?:(?:a|an|the|un|une|le|la|l'|um|uma|o)\s*)?$")
#: After the words, what they do for the requester, in the third person: "handles my
#: account", "that manages my schedule", "qui gère mes paiements", "gère mon compte",
#: "que cuida dos meus pagamentos", "gerencia minha conta".
_MANAGES_ME_AFTER = re.compile(
    r"^[^.!?\n]{0,30}?(?<![\w'])(?:(?:handles|manages|runs|pays|controls|books|schedules|"
    r"takes care of|looks after|sets up)\s+(?:all\s+)?(?:of\s+)?(?:my|me)\b|"
    r"(?:gere|gerent|s'occupe\s+de|s'occupent\s+de|paie|paient|controle|organise)\s+"
    r"(?:(?:toute|tout|une partie de|la plupart de)\s+)?(?:mon|ma|mes|me|m')|"
    r"(?:cuida|cuidam|gerencia|gerenciam|administra|administram|paga|pagam|controla|"
    r"organiza)\s+(?:de\s+|d[oa]s?\s+)?(?:(?:toda|todo|parte d[aeo])\s+)?(?:meu|minha|meus|"
    r"minhas|me)\b)")
#: Korean: the words, then 소속 and the requester's copula or another kind ("스튜디오 소속
#: 모델이에요", "에이전시 소속으로 활동해요"): a member, not the studio.
_BELONG_AFTER_KO = re.compile(r"^\s*소속\s*(?:으로|이고|이에요|입니다|인데|이라|\S+(?:이에요|"
                              r"입니다|인데|이고|예요))")
_OURS = re.compile(r"(?:our|notre|nos|nosso|nossa|nossos|nossas|my|mon|ma|mes|meu|minha|meus|"
                   r"minhas|저희|제)\b")


def _undecided(texts: Sequence[tuple[str, str]], hits: Sequence[tuple[str, Hit]],
               people: Mapping[str, set[str]]) -> bool:
    """True when a text asks which kind the requester is (`_WHICH_KIND`), gives them a
    second role (`_SECOND_ROLE`), or an option's words, not negated, are the requester's
    affiliation (`_affiliation`)."""
    folded = [fold(t) for _, t in texts]
    return any(_WHICH_KIND.search(f) or (_SECOND_ROLE.search(f) and not _WE.search(f))
               for f in folded) or any(
        _affiliation(t, h, people) for t, h in hits if not h.negated) or _both(hits, people)


def _both(hits: Sequence[tuple[str, Hit]], people: Mapping[str, set[str]]) -> bool:
    """True when one sentence says the requester is two kinds (`_BOTH`: "half model, half
    studio manager", "à la fois modèle et studio"), naming both by their keywords or their
    one-word names (``people``, as written: a plural is others)."""
    for text, hit in hits:
        if hit.negated:
            continue
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, hit.start)), default=0)
        end = next((m.start() for m in _SENTENCE_END.finditer(text, hit.end)), len(text))
        sentence = fold(text[start:end])
        if not _BOTH.search(sentence):
            continue
        named = {o.phrase.label for t, o in hits if t is text and not o.negated
                 and start <= o.start and o.end <= end}
        named.update(*(people.get(w, set()) for w in _NAME_WORD.findall(sentence)))
        if len(named) > 1:
            return True
    return False


def _affiliation(text: str, hit: Hit, people: Mapping[str, set[str]]) -> bool:
    """True when the words of ``hit`` name what the requester works through, not what
    they are: after an affiliation ("je passe par une agence", `_AFFILIATION_BEFORE`), after
    another option's name the requester says they are ("sou modelo de um estúdio", "I'm a
    model at a studio"; not "a modelo do estúdio", the studio's), before what it
    does for the requester ("my studio handles my account", "mon agence gère mon
    compte", "o estúdio cuida dos meus pagamentos", `_MANAGES_ME_AFTER`) or a Korean
    belonging ("스튜디오 소속 모델이에요"). Never the requester's own words ("our studio",
    "my fans": "I stream for my fans")."""
    if _OURS.match(fold(text[hit.start:hit.end])):
        return False
    before = fold(text[max(0, hit.start - 40):hit.start])
    if _AFFILIATION_BEFORE.search(before):
        return True
    kind = _KIND_OF_BEFORE.search(before)
    if kind and _SELF_BEFORE.search(before[:kind.start()]):
        word = kind.group(1)
        named = set().union(*(people.get(w, set()) for w in {
            word, *(key(word, lang) for lang in _LANGUAGES)}))
        if named - {hit.phrase.label}:
            return True
    after = fold(text[hit.end:hit.end + 48])
    return bool(_MANAGES_ME_AFTER.match(after) or (
        _BELONG_AFTER_KO.match(after) and "저희" not in before))


def someone_else(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` (a kind of person) are about someone the requester
    tells about, not the requester (see `_OTHER_BEFORE`, `_KO_OTHER`)."""
    words = text[hit.start:hit.end]
    if _HANGUL.search(words[-1:]):
        if len(words.split()) > 1:
            return False  # a phrase ("제 방송"), not a person named alone
        stem = strip_korean(words)
        ending = words[len(stem):] if words.startswith(stem) else ""
        # another subject first in the clause ("여자친구가 여기 모델이고", "여자친구가 모델로
        # 방송하는데": the girlfriend is the model, whatever the ending)
        start = max((m.end() for m in _KO_CLAUSE.finditer(text, 0, hit.start)), default=0)
        other = any(w not in _KO_I and (w.endswith("가") or w.endswith("께서"))
                    for w in text[start:hit.start].split() if _HANGUL.match(w))
        if ending in _KO_SELF or other:
            return other
        if hit.phrase.text.endswith(ending):
            return False  # the keyword's own particle ("방송이")
        return ending in _KO_OTHER and not _HANGUL.match(text[hit.end:hit.end + 1])
    before = fold(text[max(0, hit.start - 40):hit.start])
    if _SELF_BEFORE.search(before) or _OWN_BEFORE.search(before) \
            or _KIND_AFTER.search(fold(text[hit.end:hit.end + 12])):
        return False
    if _plural_of(words, hit.phrase.text):
        return True  # "viewers can't see my prices": people, not the one who writes
    return bool(_OTHER_BEFORE.search(before)
                or _OTHER_AFTER.search(fold(text[hit.end:hit.end + 30])))


def says_self(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` (a kind of person) are the requester saying what they
    are: "I'm a model", "je suis modèle", "sou modelo", a Korean copula ending ("모델인데요",
    "모델이에요")."""
    words = text[hit.start:hit.end]
    if _HANGUL.search(words[-1:]):
        phrase = hit.phrase.text
        ending = words[len(phrase):] if words.startswith(phrase) else ""
        return bool(ending) and any(ending.startswith(e) for e in _KO_SELF)
    return bool(_SELF_BEFORE.search(fold(text[max(0, hit.start - 40):hit.start]))
                or _SELF_CUE.match(fold(words)))


def _plural_of(words: str, phrase: str) -> bool:
    """True when the text's word is the plural of a one-word phrase's singular
    ("viewers" for "viewer", "spectateurs", "usuários"): a kind of person in the plural
    names others (the requester is one; "we're users" is caught before, as a self-naming)."""
    said, meant = fold(words).split(), fold(phrase).split()
    return len(said) == len(meant) == 1 and not meant[0].endswith("s") and said[0] in (
        meant[0] + "s", meant[0] + "es")


#: The requester saying what they are, in any of the workspace's languages, with words of
#: any of them ("je suis juste un user", "sou camgirl independente", "I'm just a member"):
#: the cue, then at most two words read against every option's one-word names
#: (`_person_words`); and a reply that is only the answer, "modèle, pas studio". Only "I":
#: "on est deux modèles", a group, may be a studio or two models.
_SELF_CUE = re.compile(
    r"(?:\bi'?m|\bi am|\bje suis|\bj'suis|\bsou)\s+(?:(?:just|only|simply|juste|seulement|"
    r"simplement|apenas|so|somente|a|an|un|une|um|uma)\s+){0,3}([^\W\d_]+)(?:\s+([^\W\d_]+))?")
_ANSWER = re.compile(r"^\W*([^\W\d_]+)\s*,\s*(?:not|pas|nao)\s+[^\W\d_]+")
#: The requester introducing themselves at a sentence's start: "Model here, …", "solo
#: creator here", "modèle ici", "modelo aqui" (an adjective or two may come first; never
#: an article, "a model here blocked me", nor a plural, "models here are rude").
_HERE = re.compile(r"(?:^|[.!?\n]\s*|\b(?:hi|hello|hey|oi|ola|salut|bonjour)\W+)"
                   r"(?:(?:just|only|independent|solo|regular|simple|juste|so)\s+){0,2}"
                   r"([^\W\d_]+(?<!s))\s+(?:here|ici|aqui)\b")
#: A Latin name with a Korean copula: "BJ인데요", "streamer예요" (Korean words the matcher
#: reads itself).
_LATIN_KO_SELF = re.compile(r"(?<![a-z])([a-z]{2,})\s?(?:인데|이에요|예요|입니다|이고|이라서|"
                            r"라서|이며)")
_LANGUAGES = ("en", "fr", "pt")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


def _person_words(f: Field) -> dict[str, set[str]]:
    """A person field's one-word names, any locale: every word of its options' titles and
    every one-word keyword, under its folded form and its key in each Latin language."""
    out: dict[str, set[str]] = {}
    for opt in f.options:
        names = [w for t in {opt.title, *opt.titles.values()} for w in t.split()]
        names += [w for loc in option_keywords(f).get(opt.value, {}).values() for w in loc
                  if len(w.split()) == 1]
        for w in names:
            if len(w) < 3 or not w.isalpha():
                continue
            for form in {fold(w), *(key(w, lang) for lang in _LANGUAGES)}:
                out.setdefault(form, set()).add(opt.value)
    return out


def self_named(text: str, table: Mapping[str, set[str]]) -> list[tuple[str, int, int]]:
    """``(option, start, end)`` for each place the requester says what they are with one
    option's name, in whatever language the word is (see `_SELF_CUE`); a word naming two
    options, or two words naming two, says nothing. A word one typo from a name of six
    letters or more meets it ("independente", "independent")."""
    folded = fold(text)
    out: list[tuple[str, int, int]] = []
    found = [*_SELF_CUE.finditer(folded), *_ANSWER.finditer(folded), *_HERE.finditer(folded),
             *_LATIN_KO_SELF.finditer(folded)]
    for m in found:
        values: set[str] = set()
        span = None
        for g in range(1, (m.lastindex or 0) + 1):
            word = m.group(g)
            if not word:
                continue
            forms = {word, *(key(word, lang) for lang in _LANGUAGES)}
            named = set().union(*(table.get(w, set()) for w in forms))
            if not named and len(word) >= 6:
                named = set().union(*(v for w, v in table.items() if len(w) >= 6
                                      and w[:2] == word[:2] and OSA.distance(w, word) <= 1))
            if named:
                values |= named
                span = span or m.span(g)
        if len(values) == 1 and span is not None:
            out.append((next(iter(values)), *span))
    return out


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
        self.people = _person_words(f) if self.person else {}
        self.matcher = PerLanguage(lambda language: option_phrases(f, language))
        self.quoted = quoted_option(f)
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
        for source, text in texts:
            hits = [h for h in matcher.find(text) if not h.negated]
            # a bare name in the subject ("modèle suspendue") says whom the ticket is about
            for m in _NAME_WORD.finditer(text) if self.people and source != "subject" else ():
                word = fold(m.group())
                if word not in self.people and word.endswith("s") and (
                        word[:-1] in self.people or word[:-2] in self.people):
                    continue  # "un studio de trois modèles": people, not the requester
                named = set().union(*(self.people.get(w, set()) for w in
                                      {word, *(key(word, lang) for lang in _LANGUAGES)}))
                if len(named) == 1:
                    hits.append(Hit(Phrase(next(iter(named)), m.group(), (), KEYWORD_WEIGHT),
                                    m.start(), m.end(), False,
                                    is_negated(text, m.start(), m.end(), language)))
            for h in hits:
                if h.phrase.label != value and not h.negated and not (
                        self.person and someone_else(text, h)):
                    return h.phrase.label
        return None

    def said_self(self, texts: Sequence[tuple[str, str]], locale: str) -> set[str]:
        """On a person field, the options the requester says they are (`says_self`)."""
        if not self.person:
            return set()
        matcher = self.matcher(locale.split("-", 1)[0].lower())
        return {h.phrase.label for _, text in texts for h in matcher.find(text)
                if not h.negated and says_self(text, h)}

    def undecided(self, texts: Sequence[tuple[str, str]], locale: str) -> bool:
        """On a person field, True when the requester asks which kind they are, holds two
        roles or works through another kind (`_undecided`), or when every kind the texts
        name is someone the requester tells about ("the studio lost my payment"): for a
        declared pattern's value as for the reader's, a question."""
        if not self.person:
            return False
        matcher = self.matcher(locale.split("-", 1)[0].lower())
        hits = [(t, h) for _, t in texts for h in matcher.find(t) if not h.negated]
        return _undecided(texts, hits, self.people) or (
            bool(hits) and all(someone_else(t, h) for t, h in hits)) or len(
            {h.phrase.label for t, h in hits if says_self(t, h)}) > 1

    def _not_the_rivals(self, text: str, toks: Sequence[Token], language: str,
                        hits: list[Hit]) -> list[Hit]:
        """This field's hits without those a negated phrase of another dropdown takes: one
        inside it ("c'est pas un problème de carte refusée" denies a refusal, not the card:
        "par carte bancaire" still names it), or its subject right before it ("my card
        isn't being declined" says nothing of the card paid with). The other matcher runs
        only when a hit may be concerned: negated, or followed by a negation."""
        if not any(h.negated or _NEGATION_NEAR.search(text, h.end, h.end + 24) for h in hits):
            return hits
        assert self.rivals is not None
        negated = [r for r in self.rivals(language).find(text, toks) if r.negated]
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
        for source, text in texts:
            toks = tokens(text, language, memo)
            hits = explained(matcher.find(text, toks))
            if self.person:
                hits = [h for h in hits if not _verb_after_gap(text, h)
                        and not _a_things(text, h)]
            if self.rivals is not None and hits:
                hits = self._not_the_rivals(text, toks, language, hits)
            for value, start, end in self_named(text, self.people) if self.people else ():
                if not any(h.start < end and start < h.end for h in hits):
                    hits.append(Hit(Phrase(value, text[start:end], (), KEYWORD_WEIGHT),
                                    start, end, False, is_negated(text, start, end, language)))
            if hits and _ADDRESS.search(text):
                hits = [h for h in hits if not _in_address(text, h.start, h.end)]
            for start, end in shown_messages(text) if self.quoted else ():
                hits.append(Hit(Phrase(self.quoted or "", text[start:end], (), KEYWORD_WEIGHT),
                                start, end, False, False))
            denied.update(h.phrase.label for h in hits if h.denied and not _REPORTED.search(
                fold(text[max(0, h.start - 48):h.start])))
            fields = self.names(language).find(text, toks) if self.names and hits else []
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
                        and o.end < hit.start and _SOURCE_GAP.match(fold(text[o.end:hit.start]))
                        for o in hits) or any(
                        o.phrase.label != hit.phrase.label and not o.negated
                        and ((o.end <= hit.start and hit.start - o.end <= 24 and (
                            _AT_GAP.match(fold(text[o.end:hit.start]))
                            or _AT_TECHNICAL.search(fold(text[max(0, o.start - 12):hit.start]))))
                             or (hit.end <= o.start and _AT_KO.match(text[hit.end:o.start])))
                        for o in hits) or (self.person and someone_else(text, hit)) or (
                        not self.person and offered(text, hit)):
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
        subject = next((t for src, t in texts if src == "subject"), None)
        strong, direct = weigh(kept, set(best), language, memo, frozenset(named), subject)
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
        if self.person and _undecided(texts, kept, self.people):
            # the requester asks which kind they are, or works through another kind (a
            # model through a studio): both are theirs, a question settles it
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        if self.person and len(ranked) > 1:
            said = {h.phrase.label for t, h in kept if says_self(t, h)}
            also = {h.phrase.label for t, h in kept
                    if _ALSO_BEFORE.search(fold(t[max(0, h.start - 24):h.start]))}
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
        if ranked[0] not in direct:
            # named only as context ("it's about my account"): nothing says what is wrong
            return Evidence(key=self.field.key, value=ranked[0], span=span, method="option",
                            locale=locale, confidence=CONTEXT_ONLY, source=source)
        # each further passage naming the same option corroborates it a little, in the same
        # text or another one (the subject the requester wrote, a reply)
        further = len(spans[ranked[0]]) - 1 + len(naming[ranked[0]]) - 1
        if further == 0 and len(ranked) > 1 and ranked[1] in direct and not self.person:
            # one passage alone, and another option named as the problem too: one keyword
            # is thin evidence against another's, a question offering both is safer. Not
            # on a person field: there one passage is often the requester saying what they
            # are ("I'm a regular member", "일반 유저고"), the strongest statement there is;
            # and not when the other is named only as context (measured: four times more
            # asks of values the text states than wrong values avoided)
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


def _in_address(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands inside an e-mail or a web address (`_ADDRESS`):
    the run of characters around it, up to a space, a quote or a bracket."""
    left = max((text.rfind(c, 0, start) for c in " \t\n'\"<(["), default=-1) + 1
    right = min((i for i in (text.find(c, end) for c in " \t\n'\">)]") if i >= 0),
                default=len(text))
    return bool(_ADDRESS.search(text[left:right].rstrip(".,;:!?")))


#: Right after a possessive phrase met across a gap, an object: its last word was a verb
#: ("my bank shows two charges", "my account shows 0 tokens": not "my shows").
_OBJECT_AFTER = re.compile(r"^\s+(?:\d|[$€£]|(?:a|an|the|two|three|no|nothing|zero|only|me|"
                           r"that|this|up|an?other|some|my|it)\b)")
_POSSESSIVE = re.compile(r"(?:my|our|your)\b")


#: Right before a kind's last word, a device or a program it is the model or edition of:
#: "my phone model", "the camera model", "OBS Studio", "Android Studio", "휴대폰 모델은".
_THING_BEFORE = re.compile(
    r"(?:\b(?:phone|iphone|android|smartphone|camera|laptop|computer|pc|mac|device|tablet|"
    r"ipad|tv|console|car|mic|microphone|headset|gpu|cpu|card|router|monitor|printer|"
    r"celular|telefone|notebook|computador|telephone|portable|ordinateur|tablette|appareil|"
    r"obs|streamlabs|visual|xsplit|adobe|nvidia|vtube|logitech|elgato)\s*|"
    r"(?:휴대폰|핸드폰|폰|노트북|컴퓨터|카메라|기기|태블릿|모니터|마이크)\s*)$")


def _a_things(text: str, hit: Hit) -> bool:
    """True when the last word of ``hit`` (a kind of person) follows a device or a program
    it names the model or edition of (`_THING_BEFORE`)."""
    last = text.rfind(" ", hit.start, hit.end) + 1 or hit.start
    return bool(_THING_BEFORE.search(fold(text[max(0, last - 16):last])))


def _verb_after_gap(text: str, hit: Hit) -> bool:
    """True when ``hit`` is an English possessive phrase met across a gap whose last word
    is followed by an object: the word is a verb of the gap's noun, not the phrase's."""
    return bool(hit.skipped and _POSSESSIVE.match(fold(text[hit.start:hit.end]))
                and _OBJECT_AFTER.match(fold(text[hit.end:hit.end + 12])))


def explained(hits: list[Hit]) -> list[Hit]:
    """``hits`` without those whose gap another option's words fill: "my favourite model"
    is the model the viewer likes (``favourite model``), not "my models" with a word
    between; the words that follow each other explain the text better."""
    if not any(h.skipped for h in hits):
        return hits
    return [h for h in hits if not any(
        o.phrase.label != h.phrase.label and h.start <= o.start and o.end <= h.end
        and any(o.start < e and s < o.end for s, e in h.skipped) for o in hits)]


def strength(hits: Sequence[tuple[str, Hit]], values: set[str], language: str,
             memo: dict[tuple[str, str], list[Token]] | None = None) -> dict[str, float]:
    """Per option, the strength of its evidence (see `weigh`)."""
    return weigh(hits, values, language, memo)[0]


def context(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` name the problem's context, not the problem: a place
    ("the Links tab"), what the requester was doing ("when I create a link") or listed as
    the steps, the topic ("about my account"), an identifier's label ("account 5512093",
    "usuário carla_live"), or another person the requester names ("un utilisateur qui
    s'appelle Jeannot42")."""
    after = fold(text[hit.end:hit.end + 12])
    before = fold(text[max(0, hit.start - 48):hit.start])
    if (_PLACE_AFTER.search(after) or (_PLACE_BEFORE.search(before)
                                       and not _CHARGED_ON.search(before))
            or _DOING_BEFORE.search(before) or _DOING_AFTER_KO.search(after)
            or _DOING_OWN_KO.search(text[hit.start:hit.end])
            or _TOPIC_BEFORE.search(before) or _TOPIC_AFTER_KO.search(after)
            or _CODE_AFTER.search(after) or _NAMED_BEFORE_KO.search(before)
            or _ROLE_AFTER.search(after) or _ROLE_BEFORE.search(before)
            or _REPORTS_AFTER.search(fold(text[hit.end:hit.end + 24]))
            or _HANDLE_AFTER.search(text[hit.end:hit.end + 24])
            or is_someone_elses(text, hit.start, hit.end)
            or _NAMED_AFTER.search(fold(text[hit.end:hit.end + 24]))
            or _PATH_BEFORE.search(text[max(0, hit.start - 30):hit.start])
            or _PATH_AFTER.search(text[hit.end:hit.end + 30])
            or (_TRIED_BEFORE.search(before)
                and _TRIED_HIT.match(fold(text[hit.start:hit.end])))
            or _TRIED_AFTER_KO.search(text[hit.end:hit.end + 12])
            or done(text, hit, before) or _FOR_BEFORE.search(before)):
        return True
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, hit.start)), default=0)
    return bool(_STEPS_BEFORE.search(fold(text[start:hit.start]))) or _in_steps(
        text, start, hit) or _in_doubt(text, start, hit)


def done(text: str, hit: Hit, before: str | None = None) -> bool:
    """True when the words of ``hit`` name what the requester finished (`_DONE_BEFORE`);
    ``before``: the 48 characters before them, folded, when the caller has them."""
    if before is None:
        before = fold(text[max(0, hit.start - 48):hit.start])
    after = text[hit.end:hit.end + 48]
    return bool(_DONE_BEFORE.search(before) or _DONE_AFTER_KO.search(after[:12])
                or (_DONE_CUE.search(after) and _DONE_AFTER.search(fold(after))))


def offered(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` name what is offered, not what the requester has or
    chose (`_ONLY_BEFORE`, `_NOT_HAD_AFTER`): context. Not on a person field, where "just",
    "só" say what the requester is ("sou só usuário")."""
    before = fold(text[max(0, hit.start - 64):hit.start])
    only = _ONLY_BEFORE.search(before)
    return bool((only and not _ONLY_SEEN.search(before, 0, only.start()))
                or _ONLY_AFTER_KO.match(text[hit.end:hit.end + 2])
                or _NOT_HAD_AFTER.search(fold(text[hit.end:hit.end + 40])))


def in_doubt(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` stand in a sentence that doubts between
    alternatives (`_in_doubt`), or asks which of them holds: "on sait pas si on doit rester
    comme on est ou passer en studio" states no studio. For what a declared pattern finds,
    too; two options in doubt make the field a question (`OptionReader.read`)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    sentence = fold(text[begin:stop])
    # a question naming alternatives asks which holds ("est-ce un bug d'affichage ou est-ce
    # que je ne vais pas être payé ?"): a doubt as well
    return bool((_HESITATION.search(sentence) or text[stop:stop + 1] == "?")
                and _ALTERNATIVE.search(sentence))


def _in_doubt(text: str, start: int, hit: Hit) -> bool:
    """True when the hit's sentence doubts between alternatives ("not sure if tracking
    broke or it's the advertiser", "트래킹이 깨진 건지 광고주 쪽 문제인지 모르겠네요"): a
    cause the requester only guesses at, among others, is not stated."""
    end = next((m.start() for m in _SENTENCE_END.finditer(text, hit.end)), len(text))
    sentence = fold(text[start:end])
    return bool(_HESITATION.search(sentence) and _ALTERNATIVE.search(sentence))


def _in_steps(text: str, start: int, hit: Hit) -> bool:
    """True when the hit's sentence is a sequence of steps (two actions or more, `_ACTION`,
    "I go to Account settings, change the PayPal email, hit Save") and an action comes
    before the hit: what each step acts on is where the problem shows, not what it is."""
    end = next((m.start() for m in _SENTENCE_END.finditer(text, hit.end)), len(text))
    sentence = fold(text[start:end])
    actions = [m.span() for m in _ACTION.finditer(sentence)]
    at = hit.start - start
    # an action before the hit, or the hit inside one ("faço login, clico em Links": the
    # login is a step)
    before = [e for s, e in actions if e <= at or (s <= at and hit.end - start <= e)]
    # the result ("… hit Save and get Error", "et ça finit par une erreur", "… et rien ne se
    # passe": the hit's own words may say it) is the problem
    return len(actions) >= 2 and bool(before) and not _RESULT.search(
        sentence[min(before[-1], at):at + hit.end - hit.start])


def weigh(hits: Sequence[tuple[str, Hit]], values: set[str], language: str,
          memo: dict[tuple[str, str], list[Token]] | None = None,
          named: frozenset[tuple[str, int, int]] = frozenset(), summary: str | None = None
          ) -> tuple[dict[str, float], set[str]]:
    """Per option, the distinct content words (keys: "lien" and "liens" are one; function
    words do not count) its hits cover in the requester's texts, however many of its
    keywords meet them. Context is one thing however many words and passages name it: an
    option named only as context (`context`; or inside another field's name, ``named``:
    ``(text, start, end)``; or in a subject naming two options, ``summary``, a word the
    body names only as context) counts `PLACE_WEIGHT` in all. Also returns the options
    named at least once as the problem itself."""
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
        place = (text, hit.start, hit.end) in named or context(text, hit)
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
    payment is late"): the requester may have two problems, a question settles it."""
    for text in {t for t, _ in hits}:
        mine = [h for t, h in hits if t is text or t == text]
        a = [h for h in mine if h.phrase.label == one]
        b = [h for h in mine if h.phrase.label == other]
        if not (a and b):
            continue
        if _HESITATION.search(fold(text)):
            return True
        for x in a:
            for y in b:
                first, second = (x, y) if x.start < y.start else (y, x)
                gap = fold(text[first.end:second.start])
                if len(gap) <= 30 and _JOINED.search(gap):
                    return True
    return False


def titles_of(f: Field, values: Sequence[str], locale: str) -> list[str]:
    """The options' titles in ``locale`` (for a question offering choices)."""
    by_value: Mapping[str, str] = {
        o.value: o.titles.get(locale) or o.titles.get(locale.split("-")[0]) or o.title
        for o in f.options}
    return [by_value.get(v, v) for v in values]
