"""Context: whether an option's words name the problem or only its surroundings.

The option reader (`options`) weighs a hit named as context at half in all, and writes no
value resting on context alone. Context is a place or a tool ("the Links tab"), what the
requester was doing or lists as steps ("when I create a link"), a remedy tried, what they
finished, what is offered, the topic ("about my account"), an identifier's label, another
person the requester names ("un utilisateur qui s'appelle Jeannot42"), a role ("my account
manager"), a source of what they know, the source of another option's thing ("the money
from my links") or the moment it shows ("crash during export"). Here too: a quoted message
the product shows (`shown_messages`), an e-mail or web address (`in_address`), reported
speech (`REPORTED`) and the doubt between alternatives (`in_doubt`, used by the instance as
well). Kept apart from the reader because these patterns, one per way of writing context in
four languages, are most of the text and change for reasons of their own.
"""

from __future__ import annotations

import functools
import re

from integrations.triage.reading.matcher import Hit, is_someone_elses
from integrations.triage.reading.normalise import MENU_ARROW, fold
from integrations.triage.reading.parts import in_tried_list
from integrations.triage.reading.steps import ONSET, ONSET_KO

#: A word naming a part of a site or an app, after the word it qualifies ("Links tab",
#: "onglet Liens", "aba de links", "링크 탭").
_PLACE_AFTER = re.compile(
    r"^[\s'\"»”]*(?:tabs?|pages?|sections?|menus?|screens?|onglets?|rubriques?|abas?|guias?|"
    r"paginas?|telas?|generators?|generateurs?|geradore?s?|tools?|outils?|ferramentas?|"
    r"widgets?|builders?)\b|^\s*(?:탭|페이지|메뉴|화면|생성기)")
#: A keyword that ends in a tool's noun ("link builder"): the tool, a place of the product
#: like "the Links tab" (`_PLACE_AFTER`); what goes wrong there is the problem.
_TOOL_OWN = re.compile(r"\b(?:builders?|generators?|generateurs?|geradore?s?|widgets?|tools?|"
                       r"outils?|ferramentas?)$|(?:생성기|빌더)$")
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
#: A change asked on what the words name: "add a second site on my profile", "modifier
#: l'url sur mon compte", "adicionar um segundo site no meu perfil": the account or profile
#: is what the request changes, not where a problem shows.
_EDITED_ON = re.compile(
    r"\b(?:add|change|update|edit|remove|delete|modify|ajouter|changer|modifier|mettre a jour|"
    r"supprimer|retirer|adicionar|mudar|alterar|trocar|atualizar|remover|excluir|editar|"
    r"incluir|cadastrar)\b[^.!?;:\n]{0,40}\b(?:on|in|sur|dans|na|no)\s+(?:my|our|mon|ma|"
    r"notre|minha|meu|nossa|nosso)\s+$")
#: A control of the product and what it acts on: "the download button for the creative
#: banners", "le bouton de téléchargement des bannières", "o botão de gerar link": the thing
#: is where the control stands, the control's failure the problem. Only an object the
#: words mark as one (after "for the", a verb, or the control's own noun): "le bouton de
#: connexion" names the control, whose failure may be a login problem.
_CONTROL_BEFORE = re.compile(
    r"\b(?:buttons?|boutons?|botao|botoes)\s+(?:(?:for|to)\s+(?:(?:the|my|our)\s+)?"
    r"(?:[^\W\d_]+\s+)?|(?:de|d'|du|pour|do|da|para|pra)\s*(?:[^\W\d_]+(?:er|ir|ar|re)\s+"
    r"(?:(?:le|la|les|l'|mes|o|a|os|as|um|uma|meu|meus)\s*)?|[^\W\d_]+\s+(?:de|d'|du|des|"
    r"do|da|dos|das)\s*(?:(?:la|le|les|l')\s*)?))$")
#: Something named before, added to the requester's account: "can you add it to my account
#: too?", "l'ajouter sur mon compte", "adicionar na minha conta também", "제 계정에도 추가해
#: 주실 수 있나요" (a pronoun or no object: the thing was named before): the account is where
#: it goes, the thing what the requester wants. "add a second site to my account" names its
#: object, a change of the account itself (`_EDITED_ON`).
_ADDED_TO_BEFORE = re.compile(
    r"\b(?:add|put|enable|activate|give|grant|unlock|open)\s+(?:it|them|this|that|those|these|"
    r"him|her)\s+(?:back\s+|too\s+|as well\s+)?(?:to|on|in|into|for)\s+(?:my|our)\s+$|"
    r"\b(?:l'|les\s+|le\s+|la\s+)(?:ajouter|activer|mettre|rajouter|remettre|ouvrir|debloquer)"
    r"\s+(?:aussi\s+)?(?:sur|dans|a|pour)\s+(?:mon|ma|notre)\s+$|"
    r"\b(?:adicionar|colocar|ativar|liberar|incluir|abrir|desbloquear)(?:-?(?:lo|la|los|las))?"
    r"\s+(?:tambem\s+)?(?:na|no|para|pra|em)\s+(?:minha|meu|nossa|nosso)\s+$")
_ADDED_TO_AFTER_KO = re.compile(r"^\s*(?:(?:추가|등록|활성화)\s*(?:해|하여|시켜)|넣어|열어|풀어)")
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
#: Words that are a clause of their own, a subject and its copula ("the file is empty", "le
#: fichier est vide", "o relatório está vazio"): after a "when I" clause left without a comma
#: ("When I export my report to CSV the file is empty") they are the main clause, the problem.
_OWN_CLAUSE = re.compile(r"\b(?:is|are|was|were|est|sont|etait|esta|estao|fica|ficou|ta)\b")
#: The means of paying right before the words, even in a "when I" clause: "when I try to pay
#: with PayPal", "quand j'essaie de payer par virement", "quando tento pagar pelo pix ou
#: boleto": the method chosen, never context.
_PAID_WITH = re.compile(
    r"\b(?:pay|paying|paid|buy|buying|purchase|purchasing|payer|paye|acheter|pagar|paguei|"
    r"comprar)\s+(?:it\s+|for\s+it\s+)?(?:with|by|via|using|through|avec|par|com|pelo|pela|"
    r"via|no|na)\s+(?:(?:my|a|an|the|ma|mon|le|la|l'|o|a|meu|minha)\s*)?"
    r"(?:[^\W\d_]+\s+(?:or|ou|and|et|e)\s+)?$")
#: Korean, the means of paying: "카카오페이로 결제하려고 하면" (when I pay with it).
_PAID_WITH_KO = re.compile(r"^\S*?(?:으로|로)\s*(?:결제|구매|사려|충전)")
#: A Korean hit whose word ends its clause ("까먹었고", "했는데", "했지만"): what follows,
#: "가입할 때", belongs to the next clause, not to it.
_ENDS_CLAUSE_KO = re.compile(r"[\uac00-\ud7a3](?:고|는데|지만)$")
_DOING_AFTER_KO = re.compile(r"^\S*\s*(?:\S+\s+)?\S*(?:할 때|하면|할때|하려고 하면)")
#: The same ending on the hit's own last word ("접속하면 바로 강제 종료돼요": when I connect).
#: A browser or a system before a Korean "when" clause ("크롬에서 대시보드 로그인하면"): what the
#: product is opened with, stated even there (the problem's setup, no context of it).
_SETUP_KO = re.compile(r"(?:크롬|파이어폭스|사파리|엣지|웨일|오페라|윈도우|맥|안드로이드|"
                       r"아이폰|리눅스)(?:에서|으로|로|에)?\s")
_DOING_OWN_KO = re.compile(r"[\uac00-\ud7a3](?:하면|할때)$")
#: A list of what the requester did, introduced as such ("What I did: logged in, opened the
#: Links page, picked an advertiser", "étapes :", "o que eu fiz:"): every option named in it
#: until the sentence ends is context, like a place (the steps lead to the problem, they
#: are not it).
#: A remedy the requester tried, not the problem: "tried verifying files", "j'ai essayé de
#: réinstaller", "tentei reinstalar", "재설치도 해봤어요" (a gerund after "tried"; a verb
#: redone, re-, after "essayé"/"tentei"; 해봤 after the Korean word).
_TRIED_BEFORE = re.compile(r"\b(?:tried|trying)\s+(?:to\s+)?$|"
                           r"\b(?:essaye|tente)\s+(?:de\s+|d')?$|\btentei\s+$|"
                           # a check already run: "already did a file check", "I ran a
                           # scan", "j'ai déjà fait une vérification", "já fiz a verificação"
                           r"\b(?:already\s+(?:did|ran|done|performed)|i\s+(?:did|ran)|"
                           r"(?:i'?ve|have)\s+(?:already\s+)?(?:done|run|ran))\s+(?:a|an|the)?\s*$|"
                           r"\b(?:j'ai\s+)?deja\s+(?:fait|lance)\s+(?:une?|la|le)?\s*$|"
                           r"\bja\s+(?:fiz|rodei)\s+(?:uma?|a|o)?\s*$")
#: What a remedy names: a verb in -ing, a re-, a verification, check or scan ("a file check",
#: "an integrity scan": its thing before it).
_TRIED_HIT = re.compile(r"^(?:\w+ing|re\w+|verif\w*|check\w*|scan\w*|"
                        r"\w+\s+(?:check|scan|verification|repair)\w*)\b")
#: A step the requester took, then its want of effect: "Verified files, no change", "tried
#: verify files in glyph, didnt help", "vérifié les fichiers, rien n'y fait", "verifiquei os
#: arquivos, não adiantou", or a list of steps closed on a bare "nada" (folded, the rest of
#: the clause): a remedy, not the problem.
_NO_EFFECT_AFTER = re.compile(
    r"^[^.!?\n]{0,24}?[,;:-]\s*(?:but\s+|mais\s+|mas\s+)?(?:(?:it|that|this|ca|isso)\s+)?"
    r"(?:no change|rien a faire|didn'?t fix|didn'?t solve|didnt fix|no difference|no luck|"
    r"no effect|didn'?t help|did not help|didnt help|nothing changed|still the same|same thing|"
    r"same result|rien n'y fait|rien n'a change|sans effet|sans succes|toujours pareil|"
    r"n'a pas aide|ca n'a rien fait|nao adiantou|nao resolveu|nada mudou|sem efeito|"
    r"continua igual|mesma coisa)\b|"
    # a list of steps closed on a bare "nothing": "reinstalled, turned the firewall off,
    # nothing", "instalei de novo, desliguei firewall, nada" (two steps at least: "I click
    # install, nothing" is the problem)
    r"^[^.!?\n]{0,32}?[,;]\s*[^.!?\n,;]{2,40}[,;]\s*(?:(?:and|et|e)\s+)?(?:still\s+|toujours\s+|"
    r"ainda\s+)?(?:nothing|nada|rien|nope)\s*(?:[.!\n]|$)")
_TRIED_AFTER_KO = re.compile(r"^\S*\s*(?:도|를|을)?\s*해\s*(?:봤|보았|봐도)")
#: The instrument particle (로, 으로) on the word tried: "카드로도 해봤는데" (paid by card too)
#: tells the means used, no remedy.
_MEANS_KO = re.compile(r"^\S*?(?:으로|로)도?(?:\s|$)")
#: What is offered, not what the requester has or chose: words after "only" ("only card and
#: PayPal", "seulement carte et PayPal", "só cartão e paypal", "apenas boleto"; up to two
#: items of a list before them; "n'accepte que"), or "카드만"/"카드밖에"; and what the
#: requester says they do not have ("carte et PayPal que je n'ai pas", "cartão eu não tenho",
#: "a card, which I don't have"). Context: "queria pagar com Pix, só cartão e paypal" chose
#: Pix. Not on a person field (`offered`).
#: An item of a list of means: one word, or two ("credit card", "carte bancaire", "cartão
#: internacional", "cartão de crédito"); never led by a determiner ("só umas travadas e
#: engasgos": just some stutters, made small, no list of what is offered).
LIST_ITEM = (r"(?!(?:a|an|the|some|few|um|uma|uns|umas|alguns|algumas|des|les|quelques|"
             r"my|mes|meus|minhas)\s)[^\W\d_]+(?:\s+(?:de\s+|d'|do\s+|da\s+)?[^\W\d_]+)?")
_ONLY_BEFORE = re.compile(
    r"(?:(?:\b(?:only|seulement|uniquement|apenas|somente)|(?:\bn'|\bne\s+)[^\W\d_]+\s+que)"
    r"\s+(?:(?:a|an|the|by|with|le|la|les|l'|des|du|par|avec|o|os|as|um|uma|com|por|no|na|de)"
    r"\s*)?|"
    # "só" (folded "so", which is English "so the NPC…" too): Portuguese articles only
    r"\bso\s+(?:(?:o|os|as|um|uma|com|por|no|na|de)\s+)?)"
    r"(?:" + LIST_ITEM + r"\s*(?:,|\band\b|\bet\b|\be\b|\bor\b|\bou\b)\s*){0,2}$")
#: "fica só a tela branca", "it shows only a white screen": what the requester sees, only
#: that, is the problem itself.
_ONLY_SEEN = re.compile(r"\b(?:fica|ficou|mostra|aparece|apareceu|e|esta|ta|is|shows?|showed|"
                        r"stays?|stayed|gets?|got|see|saw|reste|affiche|montre|vois|est|c'est|"
                        r"it's|there's)\s+$")
_ONLY_AFTER_KO = re.compile(r"^(?:만|밖에)")
_NOT_HAD_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:que|qu'|which|that)\s*)?(?:i|je|j'|eu)\s*(?:n'ai\s+(?:pas|plus)|"
    r"ai\s+(?:pas|plus)|don'?t\s+have|do\s+not\s+have|no\s+longer\s+have|nao\s+tenho)\b|"
    # a means the requester has but cannot use abroad: "my card isn't international", "ma
    # carte n'est pas internationale", "meu cartão não é internacional", "카드는 해외결제가 안
    # 돼서": the method wanted is another one
    r"^\s*(?:is\s*n'?t|is\s+not|doesn'?t\s+work|won'?t\s+work|n'est\s+pas|est\s+pas|"
    r"ne\s+marche\s+pas|marche\s+pas|nao\s+e|nao\s+funciona)\s+(?:an\s+|une\s+)?"
    r"(?:international\w*|internacional|abroad|a\s+l'etranger|no\s+exterior|for\s+"
    r"(?:international|foreign|online)\s+(?:payments?|purchases?))\b|"
    r"^(?:는|은|이|가|도)?\s*(?:해외\s*결제|해외결제|해외\s*승인)(?:가|는|이)?\s*(?:안|불가|막혀)")
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
#: A change the requester already made, in the past ("I updated my bank details", "já
#: atualizei os dados bancários", "j'ai modifié mon IBAN", "계좌 변경했는데"): a step before
#: the problem, context like a place; asking for the change ("how do I update my bank
#: details") is the request itself.
_EDITED_DONE = re.compile(r"^(?:updated|changed|modified|edited|switched|atualizei|alterei|"
                          r"troquei|mudei|modifiquei|atualizamos|alteramos|trocamos|mudamos)\b")
_EDITED_DONE_FR = re.compile(r"\b(?:j'ai|j ai|on a|nous avons|avons)\s+(?:deja\s+|bien\s+)?$")
_EDITED_FR = re.compile(r"^(?:mis a jour|change|modifie|remplace)\b")
_EDITED_DONE_KO = re.compile(r"(?:변경|수정)\s*했|바꿨|바꿔\s*놨")
#: The means of being paid, what such a change is about ("I changed my phone" is the
#: problem's cause, no step: never read as one).
_PAYOUT_DETAILS = re.compile(r"bank|banc|payment|payout|paypal|iban|\brib\b|\bpix\b|paiement|"
                             r"pagamento|계좌")  # on the raw text, casefolded
#: In Korean, the finishing verb after the thing, an adverb of wholeness between ("퀘스트 다
#: 깨고", "임무 전부 끝냈는데"); 깨다 (to clear) in its connective forms too.
_DONE_AFTER_KO = re.compile(r"^\S*\s*(?:(?:다|모두|전부)\s*)?"
                            r"(?:끝냈|끝내고|끝났|완료했|완료하고|깼|깨고|깨서|클리어)")
#: What the product or a message says, reported ("the status says I'm not a patron", "le
#: statut dit que je suis pas patron", "diz que não sou assinante"): a negation there is the
#: problem shown, never the requester denying an option.
REPORTED = re.compile(
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
#: What a problem costs the requester, before the words: "losing money", "it's costing me
#: money", "je perds de l'argent", "ça me coûte de l'argent", "tô perdendo dinheiro",
#: "deixando de ganhar": the money lost is the consequence of whatever is wrong, never the
#: kind of problem (a payment that did not arrive is told by its own words). Never a loss
#: feared ("sem perder meus seguidores", "without losing my fans").
_CONSEQUENCE_BEFORE = re.compile(
    r"(?<!without )(?<!avoid )(?<!not )(?<!sans )(?<!pas )(?<!sem )(?<!nao )"
    r"\b(?:los(?:e|es|ing|t)|cost(?:s|ing)?\s+(?:me|us)|wast(?:e|es|ing|ed)|bleed(?:s|ing)?|"
    r"burn(?:s|ing)?\s+through|miss(?:ing)?\s+out\s+on|"
    r"perd(?:s|ons|ez|ent|re|u|ue|ais|ait)|(?:me|nous)\s+coute\w*|fait\s+perdre|"
    r"perd(?:endo|er|i|emos|eu|e)|custando|me\s+custa\w*|jogando\s+fora|"
    r"deixando\s+de\s+ganhar)\s+(?:(?:so|much|a|lot|lots|of|real|my|our|all|the|more|"
    r"serious|actual|good|de|d'|l'|des|du|mon|mes|beaucoup|pas|mal|plein|o|os|as|meu|minha|"
    r"meus|minhas|muito|mais|um|uma|monte|do|da)\s*){0,3}$")
#: Slowness said of a process right before it: "the approval is taking forever", "my payout
#: request is taking forever", "la validation met une éternité", "a aprovação tá demorando",
#: "승인이 너무 오래 걸려요" (folded): how long a request waits, never the site's slowness
#: (`_SLOW_HIT`: only words of slowness).
_PROCESS_BEFORE = re.compile(
    r"\b(?:approval|application|review|validation|verification|response|reply|answer|"
    r"payout|payment|transfer|withdrawal|refund|request|processing|"
    r"approbation|candidature|reponse|paiement|virement|versement|remboursement|retrait|"
    r"demande|traitement|aprovacao|analise|resposta|validacao|pagamento|saque|"
    r"transferencia|reembolso|solicitacao|pedido|processamento)"
    r"\s+(?:(?:is|was|has been|have been|are|keeps?|est|a|sont|esta|ta|tá|fica|continua)\s+)?"
    r"(?:(?:still|taking|takes|so|too|very|really|way|encore|toujours|trop|tres|super|"
    r"vraiment|ainda|muito|demais|bem|mesmo)\s+){0,2}$|"
    r"(?:승인|심사|답변|답장|검토|지급|정산|입금|출금|환불|처리|송금)\s*(?:이|가|은|는|도)?\s*"
    r"(?:(?:너무|좀|엄청|계속|진짜|아직|왜)\s*){0,2}$")
#: "Nothing" that counts an amount, not a blank screen: "my account shows nothing pending",
#: "n'affiche rien en attente", "não mostra nada pendente" (folded, after the words ending in
#: "nothing"): the missing money or credit is what is wrong, the display works.
_NOTHING_HIT = re.compile(r"(?:nothing|rien|nada)$")
_AMOUNT_AFTER = re.compile(r"^\s*(?:(?:yet|still|at all|encore|toujours|ainda)\s+)?(?:pending|"
                           r"credited|owed|due|approved|confirmed|tracked|recorded|earned|"
                           r"en attente|credite|valide|du|gagne|pendente|creditado|aprovado|"
                           r"registrado|confirmado)\b")
#: A holder of balances and statuses that shows one: "my account still shows nothing
#: pending", "mon compte affiche 0 €", "minha conta mostra só 2 pedidos", "계정에는 적립
#: 0원으로 나와요": where an amount is read, a place, not the account's own problem (not
#: "my account shows as suspended": its own status).
_HOLDER_HIT = re.compile(r"(?:account|acct|profile|compte|profil|conta|perfil|계정|프로필)"
                         r"(?:에는|에선|에서|에|은|는|이|가)?$")
_SHOWS_AFTER = re.compile(r"^\s*(?:(?:still|only|just|now|toujours|encore|ainda|so)\s+)?"
                          r"(?:shows?|showing|says|displays?|lists?|reads|affiche|indique|"
                          r"montre|mostra|aparece|exibe|diz)\s+(?:(?:me|only|just|seulement|"
                          r"que|so|apenas)\s+)?(?:nothing|rien|nada|zero|no|aucune?|nenhum|"
                          r"[$€£]|r\$|\d)")
#: A setting the requester turned on or changed right before the problem began: "since I
#: enabled two-factor", "depuis que j'ai activé la double authentification", "desde que
#: ativei a verificação em duas etapas", "2단계 인증을 켠 뒤로" (`steps.ONSET`, `ONSET_KO`;
#: in a Latin script at most an article and a word between the act and the words): the
#: trigger, a step, not the problem. A verb of setting only: "since I updated the game",
#: "depuis que j'ai mis à jour" name an update, itself a kind of problem a game's form offers.
_SETTING = re.compile(
    r"(?:enabl|activat|disabl|chang|configur|remov|switch|add|link|connect)(?:ed|ing)|"
    r"turn(?:ed|ing)(?:\s+(?:on|off))?|set(?:ting)?(?:\s+up)?|verified|(?:active|mis|ajoute|"
    r"change|modifie|lie|connecte|configure|desactive|supprime|verifie)e?s?|(?:ativ|ligu|"
    r"configur|mud|troqu|adicion|vincul|conect|cadastr|desativ|alter|coloqu|habilit)ei|"
    r"removi|(?:ativ|mud|troc|configur)amos|(?:ativ|desativ|habilit|mud|troc|alter|adicion|"
    r"conect|vincul|configur)ar|remover")
#: Korean: the particle after the words, and the verb of setting the onset starts with.
_SETTING_KO = re.compile(r"\s*(?:을|를|이|가)?\s*(?=켜|켠|킨|키고|설정|바꾸|바꾼|등록|연결|활성화|"
                         r"추가|변경)")
#: After a Latin onset's act, up to the words: its object's article and first word.
_SET_OBJECT = re.compile(
    r"\s+(?:(?:on|up|in|off|the|my|a|an|le|la|les|l'|mon|ma|mes|o|a|os|as|um|uma|meu|minha)"
    r"\s*){0,2}(?:[^\W\d_][\w'-]*\s+)?$")
#: Words that begin a clause's predicate: the main clause after a comma-less since-clause
#: ("since I moved the page keeps spinning"), never the trigger.
_PREDICATE_HIT = re.compile(r"^(?:keeps?|is|are|was|were|never|won'?t|doesn'?t|just|still|"
                            r"est|ne|n'|tourne|reste|fica|ficou|ta|esta|nao|continua|"
                            r"[^\W\d_]+(?:ing|ando|endo))\b")
#: A subject pronoun inside the words: a clause of their own ("the game it crashes").
_SUBJECT_WORD = re.compile(r"\b(?:it|he|she|they|i|we|il|elle|ils|on|je|ele|ela|eles|eu)\b")
#: A holder of money that shows nothing: "my bank shows nothing", "mon relevé n'affiche
#: rien", "meu extrato não mostra nada", "통장에는 아무것도 안 떠요": the money did not
#: arrive, the words of a blank page say no page is blank.
_BANK_BEFORE = re.compile(r"\b(?:bank|bank account|bank statement|statement|balance|paypal|"
                          r"wallet|banque|compte bancaire|releve|releve bancaire|solde|banco|"
                          r"extrato|conta bancaria|conta do banco|saldo|carteira)\s+"
                          r"(?:(?:still|only|just|also|toujours|encore|ainda|so|tambem)\s+)?$")
_BANK_BEFORE_KO = re.compile(r"(?:통장|계좌|은행|잔액|입금\s*내역|거래\s*내역)"
                             r"(?:에는|에선|에서|에|은|는|이|가|도)?\s*"
                             r"(?:(?:아직|아무것도|아무\s*것도|아무|여전히)\s*)*$")
_BLANK_HIT = re.compile(r"(?:nothing|rien|nada|^(?:shows?|showing|affiche|n'affiche|mostra|"
                        r"nao mostra|exibe|nao exibe|aparece|nao aparece)\b)")
_BLANK_HIT_KO = re.compile(r"^(?:안\s*(?:떠|뜨|보여)|아무것도)")
_SLOW_HIT = re.compile(r"slow|forever|ages|long|lent|eternite|longtemps|demor|lento|오래|느려|"
                       r"느림|지연|걸려|걸림")
#: Korean: the money, then lost ("돈을 잃고 있어요", "돈 날리고", "수익 손해").
_CONSEQUENCE_AFTER_KO = re.compile(r"^\s*(?:을|를|이|가|도)?\s*(?:잃|날리|날려|날렸|손해)")
_STEPS_BEFORE = re.compile(
    r"\b(?:what i did|what i have done|what i've done|steps(?: taken)?|steps i took|"
    r"here is what i did|ce que j'ai fait|voila ce que j'ai fait|etapes|"
    r"o que (?:eu )?fiz|o que eu tinha feito|passos|etapas|passo a passo)\s*[:\-]"
    r"|(?:한 것|한 일|진행 과정|순서)\s*[:\-]")
SENTENCE_END = re.compile(r"[.!?\n]")
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
#: The same actions, for the reader of options: a sentence of steps is no run of symptoms.
ACTION = _ACTION
_RESULT = re.compile(
    r"\b(?:(?:i\s+|we\s+)?(?:get|got|see|saw)|it\s+\w+|(?:and|et|e)\s+(?:then\s+|la\s+|"
    r"ai\s+)?(?:the|l'|le|la|les|o|a|os|as)(?:\b|(?<='))|shows?|says?|returns?|gives?|appears?|"
    r"nothing|j'ai|j'obtiens|ca|il\s+me|elle\s+me|finit|rien|aparece|da|mostra|retorna|fica|"
    r"nada)\b|(?:뜨|나오|나와|떠요|돼요|안\s*돼)")
HANGUL = re.compile("[\uac00-\ud7a3]")
#: An e-mail address or a web address: a keyword inside one ("partnerships@site.com",
#: "mybanners.net", "https://…/links/…") names a mailbox or a site, never the problem.
ADDRESS = re.compile(r"@|://|\bwww\.|[^\W_]\.(?:com|net|org|info|biz|io|co|fr|br|kr|de|uk|"
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
    r"^\s*(?:(?:가|이|라고|라는|이라는|이라고|만|만\s*계속)?\s*(?:떠|뜨|뜹|나와|나오|나옵|표시|오류|에러|"
    r"메시지|메세지)|"
    r"(?:error|message|erreur|erro|mensagem|s'affiche|appears|aparece|pops up|shows up)\b)")
#: A one-word message is an error only with a code or a word of failure in it.
_ERROR_WORD = re.compile(r"\d|error|erreur|erro|\berr_|exception|denied|refuse|negado|failed|fail|"
                         r"echec|falha|invalid|forbidden|unauthori[sz]ed|undefined|timeout|"
                         r"오류|에러|실패|거부")
#: Where a clause ends before a quote: a comma, or a Korean connective ("누르면", "하고",
#: "눌러서"): a click told there is a step before the message, not what shows it.
_LAST_CLAUSE = re.compile(r"[,;]|(?<=[\uac00-\ud7a3])(?:면|고|서|는데)\s")
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
    if HANGUL.search(text):
        for m in _SHOWN_KO.finditer(text):
            message = m.group(1).strip()
            if len(message.split()) >= 2 or _ERROR_WORD.search(fold(message)):
                word = re.match(r"\S+?(?=[\s,.:;!?]|$)", message)
                out.append((m.start(1), m.start(1) + (word.end() if word else 1)))
    for m in _QUOTED.finditer(text):
        before = fold(text[max(0, m.start() - 32):m.start()])
        after = fold(text[m.end():m.end() + 12])
        if not (_SHOWN_BEFORE.search(before) or _SHOWN_AFTER.search(after)) or \
                _NOT_SHOWN.search(_LAST_CLAUSE.split(before)[-1]):
            continue  # a click in an earlier clause ("clico em Gerar link, ai aparece …")
        message = m.group(1)
        if len(message.split()) < 2 and not _ERROR_WORD.search(fold(message)):
            continue  # one word is a status ("'Pending'", « payé »), not a message
        word = re.match(r"\s*\S+?(?=[\s,.:;!?]|$)", text[m.start(1):m.end(1)])
        end = m.start(1) + (word.end() if word else 1)
        out = [(s, e) for s, e in out if not (m.start() <= s < m.end())]  # "'X' 라고 떠요"
        out.append((m.start(), end))
    return out


#: A negation before a quote, with at most a copula, determiners and a generic noun between:
#: "not the 'charged but didn't get it' thing", "it's not a \"paid but nothing arrived\"
#: case", "c'est pas le cas « débité mais rien reçu »", "não é o caso de \"cobrado e não
#: recebi\"" (folded): the quote describes what the problem is not.
_NEGATED_QUOTE_BEFORE = re.compile(
    r"(?:\bnot|n't|\bno|\bpas|\bnao|\bnem|\bni)\s+(?:(?:is|be|a|an|the|that|this|one|about|of|"
    r"your|usual|typical|classic|famous|case|thing|kind|type|sort|issue|problem|le|la|l'|un|"
    r"une|ce|du|de|d'|des|cas|truc|genre|type|probleme|souci|histoire|fameux|classique|e|o|a|"
    r"um|uma|do|da|caso|coisa|tipo|problema|famoso|aquele|aquela|esse|essa)\s*){0,4}$")


#: The requester's setup, a browser, a system or a device ("Je suis sur Edge, Windows 10",
#: "Chrome on macOS", "uso Firefox no Windows 11", "크롬, 윈도우 11"): with a message the
#: product shows, what a technical problem is reported with (`OptionReader.read`); in a
#: "when" clause, what the product is opened with, no target of a step (`clauses`).
ENVIRONMENT = re.compile(
    r"(?i)(?<![^\W\d_])(?:chrome|firefox|safari|edge|opera|brave|vivaldi|samsung internet|"
    r"internet explorer|windows|macos|mac os|os x|mac|ubuntu|linux|android|ios|ipados|iphone|"
    r"ipad|chromebook|pc|laptop)(?![^\W\d_])|"
    r"크롬|파이어폭스|사파리|엣지|윈도우|맥\s?OS|안드로이드|리눅스")


#: Korean: the negation after the quote ("'결제됐는데 못 받음' 이런 문제 아니에요", "'…' 같은
#: 건 아니고", "'…' 경우는 아닙니다").
_NEGATED_QUOTE_AFTER_KO = re.compile(
    r"\s*(?:(?:이런|그런|같은|이라는|라는|하는)\s*)?(?:문제|건|거|게|것|경우|케이스|상황)?\s*"
    r"(?:는|은|이|가|도)?\s*(?:전혀\s*)?(?:아니|아닌|아닙|아냐)")


#: A quoted passage whose words may hold an apostrophe ("'charged but didn't get it'").
_QUOTED_WORDS = re.compile(r"(?:^|(?<=[\s(:]))['\"«“‘「]\s*("
                           r"(?:[^'\"«»“”‘’「」\n]|(?<=\w)['’](?=\w)){2,80}?)\s*['\"»”’」](?![^\W\d_])")


def negated_quotes(text: str) -> list[tuple[int, int]]:
    """The quoted passages a negation right before denies (`_NEGATED_QUOTE_BEFORE`): an
    option described there is what the problem is not; never a message the product shows
    ("I don't know why it says 'payment failed'")."""
    out: list[tuple[int, int]] = []
    for m in _QUOTED_WORDS.finditer(text):
        before = fold(text[max(0, m.start() - 40):m.start()])
        if (_NEGATED_QUOTE_BEFORE.search(before) and not _SHOWN_BEFORE.search(before)) or \
                _NEGATED_QUOTE_AFTER_KO.match(text, m.end()):
            out.append((m.start(), m.end()))
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
#: A name's own noun in the words after "X라는": "Sh1tLord420 이라는 캐릭터 이름이 욕이에요"
#: calls the name itself X, it names no other person.
_NAME_NOUN_KO = re.compile(r"이름|닉네임|닉|캐릭명|캐릭터명|길드명|아이디")
#: Between two options' words, what makes the second the first's source or owner: "the
#: money from my links", "l'argent de mes liens", "o dinheiro dos meus links", "mon
#: cash-back de la boutique", "cash-back da loja": the links (the shop) say where the
#: money comes from, the money what is wrong.
SOURCE_GAP = re.compile(
    r"^\s*(?:(?:from|of)\s+(?:my|our)|(?:de|d')\s*(?:mes|mon|ma|nos|notre)|"
    r"(?:dos|das|do|da|de)\s+(?:meus|minhas|meu|minha|nossos|nossas|nosso|nossa))\s+$|"
    r"^\s*(?:from the|de la|da|do|das|dos)\s+$")

#: Between two options' words, what makes the second where the first shows: a moment
#: ("crash during export", "erro durante o login", "로그인 시 오류", written the other way
#: round: `AT_KO`), or any place of a symptom the requester calls technical ("technical bug
#: at login", "bug technique à la connexion"); not a bare "erro no pagamento" (a payment's
#: error may be the payment's problem).
AT_GAP = re.compile(r"^\s*(?:during|upon|lors de la|lors du|lors de l'|pendant la|pendant le|"
                     r"durante o|durante a|na hora d[oa])\s*$")
AT_TECHNICAL = re.compile(r"\b(?:technical|technique|tecnico)\b[^.!?;:]{0,16}?\s(?:at|on|a la|"
                           r"a l'|au|no|na|ao)\s*$")
AT_KO = re.compile(r"^\s*(?:시|할 때|때|도중에?|중에?)\s*$")

#: What the ticket is about, not what is wrong: "it's about my account", "a problem with
#: my account", "help with my account", "concernant mon compte", "aide pour mon compte",
#: "ajuda com minha conta", "o que aconteceu com a minha conta", "계정 관련": the words
#: right after a preposition of topic (and a possessive), context like a place.
_TOPIC_BEFORE = re.compile(
    r"(?:\b(?:about|regarding|concerning|(?:problems?|issues?|trouble|wrong|happened|going on)"
    r"\s+with|(?:help|assistance)\s+(?:with|on))\s+(?:(?:my|our|the|your)\s+)?|"
    r"\b(?:concernant|a propos d[eu']|au sujet d[eu']|(?:problemes?|soucis?|arrive)\s+avec|"
    r"aide\s+(?:avec|pour|sur))"
    r"\s*(?:(?:mon|ma|mes|notre|nos|le|la|les|l')\s*)?|"
    r"\b(?:sobre|a respeito d[aoe]|referente ao?|quanto ao?|(?:problemas?|aconteceu|"
    r"acontecendo|houve|ajuda)\s+com|ajuda\s+n[ao]s?)\s+(?:(?:a|o|os|as)\s+)?"
    r"(?:(?:minha|meu|minhas|meus|nossa|nosso)\s+)?)$")
_TOPIC_AFTER_KO = re.compile(r"^\S*?\s*(?:관련|관해|대해|대한)")
#: A word that labels an identifier the requester gives ("account ID 5512093", "compte
#: n° 88123", "conta: 4410982", "사이트 아이디 44019872"): it names what the number is, not
#: what is wrong, so it is context like a place. An amount ("payment 2500 USD") is no code.
#: Also a copula and an article before the number ("my account is the 22334466", "mon compte
#: c'est le 22334466", "minha conta é a 22334466") and an identifier in brackets after "too"
#: ("ma femme a un compte aussi (SID 22334455)"). Never after a Korean means (로, 으로: "신용카드로
#: 5000 크레딧 결제했는데", paid by card for 5000 credits): what follows is what was bought.
_CODE_AFTER = re.compile(
    r"^(?:은|는|이|가)?\s*(?:(?:too|also|aussi|tambem)\b\s*\(?\s*)?"
    r"(?:(?:ids?|sid)\b\s*|아이디\s*)?(?:[:#=]|n[°º]|no\b\.?|is\b|est\b|e\b|c'est\b|c\s+est\b)?"
    r"\s*(?:(?:the|le|la|l'|o|a|number|numero)\s*)?[a-z]{0,4}[-_]?\d{4,}(?![\d.,]*\s*(?:€|\$|usd|eur|brl|krw|원|reais|dollars?|euros?))")
#: A handle right after the words ("Usuário carla_live", "username: pete_k", "user is
#: dj_marlow"): the words label an identifier (letters with an underscore or a digit).
_HANDLE_AFTER = re.compile(
    r"^\s*(?:[:#=]|\b(?:is|est|e|é)\b)?\s*[^\W_]*(?:_[^\W_]+|[^\W\d_]+\d+)\b")
#: The requester hesitates between two options ("a crash or just lag", "pas sûr").
HESITATION = re.compile(
    r"\b(?:not sure|no idea|no clue|idk|dunno|either|confused|(?:don'?t|do not) know|pas sur|"
    r"je ne sais pas|(?:sais|sait|savons|savent) (?:pas|plus) (?:trop |vraiment |bien )?si|"
    # the requester no longer knows, or hardly knows, which ("ou alors je l'ai eu et il a
    # disparu, je sais plus", "je sais pas trop"): with an alternative, a doubt
    r"(?:je|j'|on) (?:ne |n')?(?:sais|sait) (?:plus|pas trop|pas vraiment)|chais pas|jsp|"
    r"confuse?|nao sei|sei la|nem sei|confus[oa]|"
    # nor remembers which: "I don't remember if …", "je ne me souviens plus si", "não lembro"
    r"(?:don'?t|do not|can'?t|cannot) (?:remember|recall)|"
    r"(?:souviens|rappelle) (?:pas|plus)|(?:nao|n) (?:me )?lembro|"
    r"two (?:things|issues|problems)|deux (?:choses|problemes)|duas coisas|dois problemas)\b|"
    r"두 가지|헷갈|기억(?:이|도)?\s*(?:안|잘 안)\s*나|"
    r"잘 모르|인지 모르|건지\s*(?:도\s*)?(?:잘\s*)?(?:모르|몰라)")
#: Alternatives in one sentence: "or", "ou", "soit", "whether", a Korean "…인지 …인지",
#: "…건지 …인지", "아니면", "거나", or two Korean questions in a row with no "or" ("버그인가요
#: 아이템이 날아간 건가요?": which of the two).
_ALTERNATIVE = re.compile(r"\b(?:or|ou|soit|whether|si)\b|(?:인지|건지|는지).*(?:인지|건지|는지)|"
                          r"아니면|거나|(?:인가요|건가요|는\s*건가요|된\s*건가요)\s*,?\s+\S.*"
                          r"(?:인가요|건가요|나요)\s*$")
#: A hedge closing a guess, no alternative: "is there a hold on my account or something?",
#: "un blocage ou quoi ?", "ou un truc comme ça", "ou algo assim", "ou alguma coisa", "a week
#: or so" (folded): the guess is the one thing named, the sentence offers no second.
_HEDGE = re.compile(r"\b(?:or|ou)\s+(?:something|anything|whatever|so|smth|sth|what|quoi|"
                    r"quelque chose|un truc|qqch|algo|alguma coisa|qualquer coisa|sei la|"
                    r"coisa assim|tipo isso)\b(?:\s+(?:like that|else|similar|comme ca|du genre|"
                    r"de ce genre|assim|do tipo|parecido)\b)?")


def _alternative(sentence: str) -> bool:
    """True when the folded ``sentence`` offers alternatives (`_ALTERNATIVE`), a hedge
    (`_HEDGE`) aside."""
    return bool(_ALTERNATIVE.search(_HEDGE.sub(" ", sentence) if "o" in sentence else sentence))


def in_address(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands inside an e-mail or a web address (`ADDRESS`):
    the run of characters around it, up to a space, a quote or a bracket."""
    left = max((text.rfind(c, 0, start) for c in " \t\n'\"<(["), default=-1) + 1
    right = min((i for i in (text.find(c, end) for c in " \t\n'\">)]") if i >= 0),
                default=len(text))
    return bool(ADDRESS.search(text[left:right].rstrip(".,;:!?")))


def context(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` name the problem's context, not the problem: a place
    ("the Links tab", "the button for the banners"), what the requester was doing ("when I
    create a link") or listed as the steps, the topic ("about my account"), an identifier's
    label ("account 5512093", "usuário carla_live"), another person the requester names ("un
    utilisateur qui s'appelle Jeannot42"), or what the problem costs ("losing money"). Never
    what the product says back after the requester's "when I …" (`shown`, `answered`): that
    is the problem, wherever the reader asks."""
    return _context(text, hit) and not shown(text, hit) and not answered(text, hit)


#: The question put to the requester, told back (folded): "you asked whether", "vous m'avez
#: demandé si", "vcs perguntaram se", "me perguntaram se".
_ASKED_OF_ME = re.compile(
    r"\b(?:you|u|vous|tu|vcs?|voces?|voce)\s+(?:m'|me\s+)?(?:asked|ask|avez\s+demande|as\s+"
    r"demande|demandez|perguntaram|perguntou|pergunta)\s+(?:me\s+)?(?:if|whether|si|s'|se)\b|"
    r"\bme\s+perguntaram\s+se\b")


def asked_of_me(text: str, at: int) -> bool:
    """True when the words before ``text[at]`` tell back the question put to the
    requester, its sentence going on to ``at`` ("vcs perguntaram se sou usuário ou
    modelo"): the question's words, not the answer."""
    return _asked(fold(text[max(0, at - 48):at]))


def _asked(before: str) -> bool:
    """`asked_of_me` on the folded words before a place, ``before``."""
    m = _ASKED_OF_ME.search(before)
    return m is not None and SENTENCE_END.search(before, m.end()) is None


def _context(text: str, hit: Hit) -> bool:
    """`context` before what the product says back is set apart."""
    after = fold(text[hit.end:hit.end + 12])
    before = fold(text[max(0, hit.start - 48):hit.start])
    if (_PLACE_AFTER.search(after) or _TOOL_OWN.search(fold(text[hit.start:hit.end]))
            or _asked(before)
            or (_PLACE_BEFORE.search(before)
                                       and not _CHARGED_ON.search(before)
                                       and not _EDITED_ON.search(before))
            or (_DOING_BEFORE.search(before) and not _PAID_WITH.search(before)
                and not _OWN_CLAUSE.search(fold(text[hit.start:hit.end])))
            or (_DOING_AFTER_KO.search(after) and not _SETUP_KO.match(text, hit.start)
                and not _ENDS_CLAUSE_KO.search(text[hit.start:hit.end])
                and not _PAID_WITH_KO.match(text[hit.start:hit.end + 12]))
            or _DOING_OWN_KO.search(text[hit.start:hit.end])
            or _TOPIC_BEFORE.search(before) or _TOPIC_AFTER_KO.search(after)
            or _CONTROL_BEFORE.search(before) or _ADDED_TO_BEFORE.search(before)
            or ((text[hit.end - 1:hit.end] == "에" or text[hit.end - 2:hit.end] == "에도")
                and _ADDED_TO_AFTER_KO.match(text[hit.end:hit.end + 8]) is not None)
            or (_CODE_AFTER.search(fold(text[hit.end:hit.end + 32]))
                and not _MEANS_KO.search(text[hit.start:hit.end + 3]))
            or (_NAMED_BEFORE_KO.search(before)
                and not _NAME_NOUN_KO.search(text, hit.start, hit.end))
            or _ROLE_AFTER.search(after) or _ROLE_BEFORE.search(before)
            or _REPORTS_AFTER.search(fold(text[hit.end:hit.end + 24]))
            or _HANDLE_AFTER.search(text[hit.end:hit.end + 24])
            or is_someone_elses(text, hit.start, hit.end)
            or _NAMED_AFTER.search(fold(text[hit.end:hit.end + 24]))
            or _PATH_BEFORE.search(text[max(0, hit.start - 30):hit.start])
            or _PATH_AFTER.search(text[hit.end:hit.end + 30])
            or tried(text, hit, before)
            or (_TRIED_AFTER_KO.search(text[hit.end:hit.end + 12])
                and not _MEANS_KO.search(text[hit.start:hit.end + 3]))
            or done(text, hit, before) or _FOR_BEFORE.search(before)
            or edited_done(text, hit, before)
            or (_HOLDER_HIT.search(fold(text[hit.start:hit.end]))
                and _SHOWS_AFTER.search(fold(text[hit.end:hit.end + 24])))
            or setting_changed(text, hit, before)
            or money_not_shown(text, hit, before)
            or (_NOTHING_HIT.search(fold(text[hit.start:hit.end]))
                and _AMOUNT_AFTER.search(fold(text[hit.end:hit.end + 24])))
            or (_SLOW_HIT.search(fold(text[hit.start:hit.end]))
                and _PROCESS_BEFORE.search(fold(text[max(0, hit.start - 40):hit.start])))
            or _CONSEQUENCE_BEFORE.search(before)
            or _CONSEQUENCE_AFTER_KO.search(text[hit.end:hit.end + 8])
            or in_tried_list(text, hit.start)):
        return True
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, hit.start)), default=0)
    return bool(_STEPS_BEFORE.search(fold(text[start:hit.start]))) or _in_steps(
        text, start, hit) or _in_doubt(text, start, hit)


def setting_changed(text: str, hit: Hit, before: str) -> bool:
    """True when the words of ``hit`` are the object of a setting the requester changed
    (`steps.ONSET` of a verb of `_SETTING`, then at most `_SET_OBJECT`; or `ONSET_KO`
    after them, of `_SETTING_KO`): "since I enabled | two-factor", "2단계 인증을 켠 뒤로"."""
    own = fold(text[hit.start:hit.end])
    if not _PREDICATE_HIT.match(own) and not _SUBJECT_WORD.search(own) and any(
            _SETTING.fullmatch(m.group(m.lastgroup or 0)) and _SET_OBJECT.match(before, m.end())
            for m in ONSET.finditer(before)):
        return True
    particle = _SETTING_KO.match(text, hit.end)
    return bool(particle and ONSET_KO.match(text, particle.end()) and HANGUL.search(own))


def money_not_shown(text: str, hit: Hit, before: str) -> bool:
    """True when the words of ``hit`` say that nothing shows, of a holder of money right
    before them (`_BANK_BEFORE`): the money did not arrive, no page is blank."""
    own = fold(text[hit.start:hit.end])
    if HANGUL.search(own):
        return bool(_BLANK_HIT_KO.match(own) and _BANK_BEFORE_KO.search(
            text[max(0, hit.start - 24):hit.start]))
    return bool(_BLANK_HIT.search(own) and _BANK_BEFORE.search(before))


#: A word every marker of `_TRIED_BEFORE` or `_NO_EFFECT_AFTER` holds (raw text, any case).
TRIED_CUE = re.compile(r"(?i)tried|trying|essay|tent|change|differ|luck|effe|efe|help|same|"
                       r"rien|succ|pareil|aid|adiant|resolv|nada|igual|mesma|fix|solve|"
                       r"already|d[ée]j[àa]|j[áa] |\bran\b|\bdid\b|\bdone\b|\brun\b")


def tried(text: str, hit: Hit, before: str | None = None) -> bool:
    """True when the words of ``hit`` name a remedy the requester tried (`_TRIED_BEFORE`,
    or a step followed by its want of effect, `_NO_EFFECT_AFTER`): what they did, no
    evidence of what is wrong."""
    if before is None:
        before = fold(text[max(0, hit.start - 48):hit.start])
    return bool((_TRIED_BEFORE.search(before) and _TRIED_HIT.match(fold(text[hit.start:hit.end])))
                or _NO_EFFECT_AFTER.match(fold(text[hit.end:hit.end + 48])))


def done(text: str, hit: Hit, before: str | None = None) -> bool:
    """True when the words of ``hit`` name what the requester finished (`_DONE_BEFORE`);
    ``before``: the 48 characters before them, folded, when the caller has them."""
    if before is None:
        before = fold(text[max(0, hit.start - 48):hit.start])
    after = text[hit.end:hit.end + 48]
    return bool(_DONE_BEFORE.search(before) or _DONE_AFTER_KO.search(after[:12])
                or (_DONE_CUE.search(after) and _DONE_AFTER.search(fold(after))))


def edited_done(text: str, hit: Hit, before: str) -> bool:
    """True when the words of ``hit`` tell a change of the means of being paid the requester
    already made (`_EDITED_DONE`, `_PAYOUT_DETAILS`): a step before the problem, not the
    problem. ``before``: the 48 characters before them, folded."""
    if not _PAYOUT_DETAILS.search(text[hit.start:hit.end + 16].casefold()):
        return False  # "atualizei os dados bancários": the details' noun may follow
    own = fold(text[hit.start:hit.end])
    return bool(_EDITED_DONE.match(own) or (_EDITED_FR.match(own) and _EDITED_DONE_FR.search(
        before)) or (HANGUL.search(own) and _EDITED_DONE_KO.search(own)))


def offered(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` name what is offered, not what the requester has or
    chose (`_ONLY_BEFORE`, `_NOT_HAD_AFTER`, `_only_there`): context. Not on a person
    field, where "just", "só" say what the requester is ("sou só usuário")."""
    before = fold(text[max(0, hit.start - 64):hit.start])
    only = _ONLY_BEFORE.search(before)
    return bool((only and not _ONLY_SEEN.search(before, 0, only.start()))
                or _ONLY_AFTER_KO.match(text[hit.end:hit.end + 2])
                or _NOT_HAD_AFTER.search(fold(text[hit.end:hit.end + 40]))
                or _only_there(text, hit))


#: Not knowing whether the words hold, right before them in their clause: "i dont even know
#: if i got charged", "not sure whether", "no idea if", "idk if", "je sais même pas si",
#: "aucune idée si", "jsp si", "pas sûr que", "nem sei se", "não faço ideia se", "não tenho
#: certeza se" (folded). Not "I don't know why", "je ne sais pas quoi faire": what is not
#: known there is something else.
_UNSURE_BEFORE = re.compile(
    r"(?:\b(?:not\s+(?:even\s+|really\s+|too\s+|quite\s+)?sure|unsure|no\s+(?:idea|clue)|"
    r"idk|dunno|(?:can'?t|cannot)\s+tell|wondering|(?:i\s+)?(?:don'?t|do\s+not|dont)\s+"
    r"(?:even\s+|really\s+|actually\s+)?know)\s+(?:if|whether)|"
    r"\b(?:sais|sait|savons|savais)\s+(?:meme\s+|vraiment\s+|plus\s+)?(?:pas|plus)\s+"
    r"(?:trop\s+|vraiment\s+|meme\s+)?si|\b(?:aucune\s+idee|chais\s+pas|jsp|j'sais\s+pas|"
    r"sais\s+pas)\s+si|\bpas\s+(?:sur|sure|certaine?)\s+(?:que|qu'|si)|"
    r"\b(?:nao\s+sei|nem\s+sei|sei\s+la|nao\s+sei\s+nem|nao\s+faco\s+(?:a\s+menor\s+)?ideia|"
    r"nao\s+tenho\s+certeza|sem\s+saber)\s+(?:nem\s+)?se)\b[^,;:.!?\n]*$")
#: Korean: the words end in "…는지/건지/인지 (잘) 모르겠" ("결제가 된 건지 모르겠어요",
#: "빠져나갔는지도 모르겠어요", "결제됐는지 안 됐는지 모르겠어요"), or are the topic of one
#: ("윈도우는... 잘 모르겠어요"); never after 왜 (why).
_UNSURE_AFTER_KO = re.compile(r"^[\uac00-\ud7a3]*?\s*(?:건지|는지|은지|인지|던지|ㄴ지)도?\s*"
                              r"(?:(?:안|못)\s*[\uac00-\ud7a3]*?(?:건지|는지|은지|인지)\s*|"
                              r"아닌지\s*)?(?:잘\s*)?(?:모르|몰라|모름)|"
                              # the words as a topic the requester cannot tell more of:
                              # "윈도우는... 잘 모르겠어요"
                              r"^[\uac00-\ud7a3]*?(?:은|는)\s*(?:\.{2,}|…)?\s*(?:잘\s*)?"
                              r"(?:모르|몰라|모름)")
#: A hedge right before the words in their clause: "I was maybe charged", "j'ai peut-être
#: été débité", "talvez tenha sido cobrado", "perhaps it went through" (folded, a few words
#: at most between): a guess, no statement.
_HEDGE_BEFORE = re.compile(r"\b(?:maybe|perhaps|possibly|peut[- ]?etre|talvez|quem sabe)\b"
                           r"[^,;:.!?\n]{0,32}$")
#: Korean: 아마 (probably, maybe) before the words in their clause ("아마 결제된 것 같은데").
_HEDGE_BEFORE_KO = re.compile(r"아마(?:도)?\s[^,.!?\n]{0,16}$")
#: A word every marker of `_UNSURE_BEFORE`, `_UNSURE_AFTER_KO` or a hedge holds (raw text,
#: any case).
_UNSURE_CUE = re.compile(r"(?i)s[uû]re?|know|id[ée]e|idea|ideia|clue|idk|dunno|tell|wonder|"
                         r"sais|jsp|chais|sei|certain|certeza|saber|모르|몰라|모름|maybe|"
                         r"perhaps|possibly|peut|talvez|quem sabe|아마")
_WHY_KO = re.compile(r"(?:왜|어째서)\s*\S*\s*$")


def unsure(text: str, start: int, end: int) -> bool:
    """True when the requester says they do not know whether the words at
    ``text[start:end]`` hold (`_UNSURE_BEFORE`, `_UNSURE_AFTER_KO`) or hedges them
    (`_HEDGE_BEFORE`, `_HEDGE_BEFORE_KO`: "j'ai peut-être été débité"): no statement."""
    if not _UNSURE_CUE.search(text):
        return False  # most texts doubt nothing: no sentence to fold
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    before = fold(text[begin:start])
    if _UNSURE_BEFORE.search(before) or _HEDGE_BEFORE.search(before) \
            or _HEDGE_BEFORE_KO.search(text[begin:start]):
        return True
    if not HANGUL.search(text, start, end) or _WHY_KO.search(text[begin:start]):
        return False
    word = text.rfind(" ", start, end) + 1 or start  # the words' last word, and what follows
    return bool(_UNSURE_AFTER_KO.match(text[word:end + 16]))


def in_doubt(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` stand in a sentence that doubts between
    alternatives (`_in_doubt`), or asks which of them holds: "on sait pas si on doit rester
    comme on est ou passer en studio" states no studio; so does the question put to the
    requester, told back (`asked_of_me`). For what a declared pattern finds,
    too; two options in doubt make the field a question (`OptionReader.read`)."""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _doubt_end(text, end)
    sentence = fold(text[begin:stop])
    # a question naming alternatives asks which holds ("est-ce un bug d'affichage ou est-ce
    # que je ne vais pas être payé ?"): a doubt as well
    return bool((HESITATION.search(sentence) or text[stop:stop + 1] == "?")
                and _alternative(sentence)) or unsure(text, start, end) or asked_of_me(
        text, start)


#: A question's alternative going on after its mark: "… studio ? ou modèle", "… ? or".
_OR_AFTER = re.compile(r"\s*(?:(?i:or|ou|soit)\b|아니면)")


def _doubt_end(text: str, at: int) -> int:
    """Where the sentence going on at ``at`` ends, for a doubt: a question's alternative
    after its mark is the same doubt ("mon compte est en mode studio ? ou modèle, je sais
    plus")."""
    stop = next((m.start() for m in SENTENCE_END.finditer(text, at)), len(text))
    if text[stop:stop + 1] == "?" and _OR_AFTER.match(text, stop + 1):
        stop = next((m.start() for m in SENTENCE_END.finditer(text, stop + 2)), len(text))
    return stop


#: A disjunction of two alternatives: "or", "ou", "soit", "아니면", "거나", a Korean
#: "…건지 …인지" (not a bare "if", "si", "se": "je ne sais pas si mon paiement est parti"
#: doubts whether, not between).
_DISJUNCTION = re.compile(r"\b(?:or|ou|soit)\b|(?:인지|건지|는지).*(?:인지|건지|는지)|아니면|거나")


def between_alternatives(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` stand in a sentence where the requester
    says they do not know which of two alternatives holds ("서류가 반영이 안 된 건지 지급 쪽
    문제인지 모르겠어요", "not sure if the form wasn't processed or if it's a payment
    problem"): every labelled sentence of that shape leaves the kind of problem unstated,
    whatever the alternatives name (one of them often in words no keyword has)."""
    if not HESITATION_CUE.search(text):
        return False  # most texts hesitate nowhere: no sentence to fold
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = next((m.start() for m in SENTENCE_END.finditer(text, end)), len(text))
    sentence = fold(text[begin:stop])
    return bool(HESITATION.search(sentence) and _DISJUNCTION.search(sentence))


#: Where a doubt's alternatives begin (folded): "not sure if", "je sais pas si", "não sei
#: se", "whether", or a Korean "…건지/인지/는지" after which the doubt follows.
_DOUBT_START = re.compile(r"\b(?:not sure|no idea|no clue|idk|dunno|(?:don'?t|do not) know|"
                          r"wondering|whether|pas sur|(?:ne )?sais pas|sait pas|chais pas|jsp|"
                          r"nao sei|sei la|nem sei)\b|(?:인지|건지|는지|은지)")
#: A clause stated before the doubt: a comma, "and", "et", "e", a Korean premise ending
#: ("신용카드인데 | 카드사에서 거절한 건지 …", "…이고").
_PREMISE_BREAK = re.compile(r"[,;]|\b(?:and|so|et|donc|e|entao)\b|"
                            r"(?<=[\uac00-\ud7a3])(?:인데|는데|은데|이고)\s")

#: A disjunction between the words and the doubt's start ("펫이 없어요, 아니면 받았는데 사라진
#: 건지 모르겠어요"): the words may be the doubt's first alternative.
_OR_BEFORE_DOUBT = re.compile(r"\b(?:or|ou|soit)\b|아니면|혹은|거나")


def before_the_doubt(text: str, start: int, end: int) -> bool:
    """True when the words at ``text[start:end]`` stand in a clause of their own before the
    sentence's doubt begins (`_DOUBT_START`, with a `_PREMISE_BREAK` between): "한국에서
    발급한 신용카드인데 카드사에서 거절한 건지 … 모르겠어요", "I paid by credit card, and I'm
    not sure if my bank refused it or …": stated, whatever the doubt is about."""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = next((m.start() for m in SENTENCE_END.finditer(text, end)), len(text))
    sentence = fold(text[begin:stop])
    at, to = start - begin, end - begin
    if HANGUL.search(text, start, end):
        # a Korean hit's own word may end in its premise ending ("신용카드인데")
        to = text.find(" ", end, stop) - begin if " " in text[end:stop] else len(sentence)
    doubt = _DOUBT_START.search(sentence, to)
    if doubt is None or _DOUBT_START.search(sentence, 0, at) is not None \
            or _OR_BEFORE_DOUBT.search(sentence, to, doubt.start()):
        return False  # an "or" first: the words may be the first alternative
    return bool(_PREMISE_BREAK.search(sentence, at, doubt.start()))


#: The requester asks on whose side the cause lies, the network's or another's: "is this on
#: your end or theirs?", "c'est de votre côté ou du leur ?", "é do lado de vocês ou deles?",
#: "그쪽 문제인가요, 아니면 광고주 쪽 문제인가요?" (folded). Every labelled ticket asking so leaves
#: the kind of problem to the requester (`whose_side`).
_WHOSE_SIDE = re.compile(
    r"\b(?:on|at|from)\s+(?:your|our|the\s+network'?s?)\s+(?:end|side)\s*,?\s+or\s+(?:on\s+|at\s+)?"
    r"(?:theirs|mine|their|my|his|hers|her|the\s+[a-z]+(?:'s)?|[a-z]+'s)\b|"
    r"\b(?:de|du)\s+(?:votre|notre)\s+cote\s*,?\s+ou\s+(?:du\s+(?:leur|mien|sien)|de\s+(?:leur|"
    r"mon|son)\s+cote|chez\s+(?:eux|moi)|(?:de|du\s+cote\s+de)\s+l'annonceur)|"
    r"\bchez\s+vous\s+ou\s+chez\s+(?:eux|moi|l'annonceur|(?:les|la|le|l')\s*[a-z]+)\b|"
    r"\b(?:do\s+lado\s+de\s+(?:voces|vcs)|com\s+(?:voces|vcs))\s*,?\s+ou\s+(?:do\s+lado\s+)?"
    r"(?:deles|delas|dele|dela|meu|comigo|com\s+eles|do\s+anunciante|da\s+loja)\b|"
    r"쪽\s*(?:문제)?\s*(?:인가요|예요|이에요|인지)\s*[,?]?\s*(?:아니면|혹은)\s*\S*\s*쪽")
_WHOSE_SIDE_CUE = re.compile(r"(?i)end|side|c[oô]t[eé]|chez|lado|vc|voc|쪽")


@functools.lru_cache(maxsize=256)
def whose_side(text: str) -> bool:
    """True when the requester asks whether the cause is on the network's side or another's
    (`_WHOSE_SIDE`): they do not know what kind of problem it is, a question settles it.
    Cached: every dropdown of the form asks it of the same texts."""
    return bool(_WHOSE_SIDE_CUE.search(text) and _WHOSE_SIDE.search(fold(text)))


#: The requester says they do not know which kind they or their problem are: "not sure
#: which category I fall under", "je sais pas trop sous quelle case je rentre", "não sei em
#: qual categoria", "어느 유형인지 모르겠어요" (folded).
_KIND_UNKNOWN = re.compile(
    r"\b(?:not sure|(?:don'?t|do not) know|no idea|unsure)\s+(?:about\s+)?(?:which|what)\s+"
    r"(?:category|box|option|type|kind|section)\b|"
    r"\b(?:sais|sait) (?:pas|plus)\s+(?:trop\s+|vraiment\s+|bien\s+)?"
    r"(?:dans\s+|sous\s+|a\s+|en\s+)?quel(?:le)?s?\s+(?:case|categorie|type|option|rubrique|section)\b|"
    r"\b(?:nao sei|nem sei|sei la)\s+(?:em\s+|de\s+|se\s+)?(?:qual|que)\s+(?:categoria|opcao|tipo|"
    r"caixinha|caixa|secao)\b|"
    r"(?:어느|어떤|무슨)\s*(?:카테고리|유형|항목|분류)\S*\s*(?:\S+\s+){0,2}?\S*(?:모르|몰라|헷갈)")
_KIND_UNKNOWN_CUE = re.compile(r"(?i)categor|box|option|type|kind|section|case|rubrique|caix|"
                               r"se[cç][aã]o|카테고리|유형|항목|분류")


def kind_unknown(text: str) -> bool:
    """True when the requester says they do not know which kind applies (`_KIND_UNKNOWN`):
    whatever the words suggest, the dropdown is theirs to pick, a question settles it."""
    return bool(_KIND_UNKNOWN_CUE.search(text) and _KIND_UNKNOWN.search(fold(text)))


#: A word every marker of `HESITATION` holds (raw text, any case).
HESITATION_CUE = re.compile(r"(?i)sure|idea|clue|idk|dunno|either|confus|know|s[uû]r|sai|sav|"
                            r"chais|jsp|sei|two|deux|duas|dois|두 가지|헷갈|모르|몰라|"
                            r"remember|recall|souvien|rappel|lembr|기억")


def _in_doubt(text: str, start: int, hit: Hit) -> bool:
    """True when the hit's sentence doubts between alternatives ("not sure if tracking
    broke or it's the advertiser", "트래킹이 깨진 건지 광고주 쪽 문제인지 모르겠네요"): a
    cause the requester only guesses at, among others, is not stated."""
    sentence = fold(text[start:_doubt_end(text, hit.end)])
    return (bool(HESITATION.search(sentence) and _alternative(sentence))
            and not before_the_doubt(text, hit.start, hit.end)) or unsure(
        text, hit.start, hit.end)


def _in_steps(text: str, start: int, hit: Hit) -> bool:
    """True when the hit's sentence is a sequence of steps (two actions or more, `_ACTION`,
    "I go to Account settings, change the PayPal email, hit Save") and an action comes
    before the hit: what each step acts on is where the problem shows, not what it is."""
    end = next((m.start() for m in SENTENCE_END.finditer(text, hit.end)), len(text))
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


#: What the product answers, in the main clause after "when I …": "when I pick paysafecard it
#: says the method isnt available", "quand je la choisis, ça me dit que…", "quando escolho
#: paysafecard aparece que…", "고르면 … 라고 나와요" (the matcher's Korean is its own): the
#: problem shown, not what the requester was doing.
_PRODUCT_SAYS = re.compile(
    r"\b(?:it|that|the (?:site|store|shop|page|game|checkout|app|launcher))\s+(?:just\s+)?"
    r"(?:says|said|shows|showed|tells me|told me)\b[^.!?\n,;]{0,40}$|"
    r"\b(?:ca|ils?|elle|le site|la page|le jeu|la boutique)\s+(?:me\s+)?(?:dit|disait|affiche|"
    r"indique|marque|met)\b[^.!?\n,;]{0,40}$|"
    r"\b(?:aparece|apareceu|diz|dizia|mostra|mostrou|fala)\s+(?:que\b)?[^.!?\n,;]{0,40}$")


#: The requester's "when I …" opening the sentence (`context`'s doing clause).
_WHEN = re.compile(r"\b(?:when|whenever|quand|lorsque|lorsqu'|quando|ao)\b")


def shown(text: str, hit: Hit) -> bool:
    """True when ``hit`` stands in what the product says back (`_PRODUCT_SAYS`) after the
    requester's "when I …", in the same sentence: what is wrong, not what they were doing
    ("aparece erro na aba …" without it keeps its place)."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, hit.start)), default=0)
    before = fold(text[max(start, hit.start - 100):hit.start])
    said = _PRODUCT_SAYS.search(before)
    return said is not None and _WHEN.search(before, 0, said.start()) is not None


#: "There is only …" before the words: "y'a que carte et PayPal", "il n'y a que la carte",
#: "there's only card and PayPal", "só tem cartão e paypal", "only has card": what is
#: offered, not what the requester chose (`offered` reads it beside "only", "seulement",
#: "só" right before the words).
_THERE_ONLY = re.compile(
    r"(?:\b(?:il\s+)?n?'?y\s*'?\s*a|\bya|\bil\s+y\s+a)\s+que\s+|"
    # "the store only has": not "I only have", the requester's own means
    r"\bthere(?:'s|\s+is|\s+are)\s+only\s+|(?<!\bi )(?<!\bwe )\bonly\s+(?:has|have|takes|"
    r"accepts|offers|shows)\s+|"
    r"\bso\s+(?:tem|aceita|aceitam|aparece|aparecem|da)\s+(?:pra\s+pagar\s+com\s+)?")
_THERE_ONLY_TAIL = re.compile(
    r"(?:(?:a|an|the|le|la|les|l'|des|du|de|o|a|os|as)\s*)?"
    r"(?:" + LIST_ITEM + r"\s*(?:,|\band\b|\bet\b|\be\b|\bor\b|\bou\b)\s*"
    r"(?:(?:le|la|l'|o|a)\s*)?){0,2}$")


#: Korean, a list closed by "only" ("카드랑 페이팔만 있어요": only card and PayPal), or one word
#: offered only ("페이팔만 돼요"; not "카드로만", paid by card only, nor "하얗게만 나와요").
_KO_LIST_ONLY = re.compile(r"(?:[\uac00-\ud7a3A-Za-z]+?(?:이랑|랑|하고|과|와)\s*){1,3}"
                           r"[\uac00-\ud7a3A-Za-z]+?(?<![로서])(?:만|밖에)(?![\uac00-\ud7a3])|"
                           r"[\uac00-\ud7a3A-Za-z]+?(?<![로서])(?:만|밖에)\s*(?:있|돼|되|된|됩|가능|받|지원)")


def _only_there(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` follow "there is only" (`_THERE_ONLY`), in a list of
    at most three: what the store offers, context."""
    if _KO_LIST_ONLY.match(text, hit.start):
        return True
    before = fold(text[max(0, hit.start - 64):hit.start])
    return any(_THERE_ONLY_TAIL.fullmatch(before, m.end()) is not None
               for m in _THERE_ONLY.finditer(before))


#: An option's own phrase led by its negation ("não tem opção", "doesn't take", "n'accepte
#: pas"): after "when I try …" it is what the product answers, the main clause.
_NEGATION_LED = re.compile(r"^(?:not|no|doesn'?t|don'?t|won'?t|isn'?t|can'?t|n'|ne|pas|nao|"
                           r"nem)\b")
#: A trying "when I …" clause: "when I try to pay", "quand j'essaie", "quando tento".
_WHEN_TRYING = re.compile(r"\b(?:when|whenever)\s+i\s+try\b|\b(?:quand|lorsque)\s+j'essaie\b|"
                          r"\b(?:quando|sempre que)\s+(?:eu\s+)?tento\b|\bao tentar\b")


def answered(text: str, hit: Hit) -> bool:
    """True when ``hit``, an option's phrase led by its negation (`_NEGATION_LED`), follows
    the requester's "when I try …" in its sentence: the answer to the attempt, the problem
    ("quando tento pagar pelo pix no site não tem opção")."""
    if not _NEGATION_LED.match(fold(hit.phrase.text)):
        return False
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, hit.start)), default=0)
    return _WHEN_TRYING.search(fold(text[start:hit.start])) is not None


#: The link, mail or code a word is for, right before it or after it: "le lien pour
#: réinitialiser", "the link to reset", "o link para redefinir", "the reset link", "password
#: reset email", "재설정 링크": the means of the remedy, named as context, not the reason
#: (not a code after the words: "the authenticator code is rejected" names the problem).
_MEANS_BEFORE = re.compile(r"\b(?:link|links|lien|liens|mail|e-?mail|code|codigo|sms)\s+"
                           r"(?:to|for|pour|de|d'|para|pra)\s*$")
_MEANS_AFTER = re.compile(r"^\s*(?:link|links|lien|liens|mail|e-?mail|emails)\b")
_MEANS_AFTER_KO = re.compile(r"^\s*(?:링크|메일|이메일)")
#: A word every marker of `_MEANS_BEFORE` or `_MEANS_AFTER` holds (raw text, any case).
_MEANS_CUE = re.compile(r"(?i)link|lien|mail|code|codigo|código|sms|링크|메일|코드|인증번호")


def a_means(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` name what a link, mail or code is for (`_MEANS_BEFORE`,
    `_MEANS_AFTER`): "je peux pas recevoir le lien pour réinitialiser" is about the mail,
    not a forgotten password."""
    if not _MEANS_CUE.search(text, max(0, hit.start - 12), hit.end + 12):
        return False
    after = fold(text[hit.end:hit.end + 12])
    if hit.end and "\uac00" <= text[hit.end - 1] <= "\ud7a3":
        return bool(_MEANS_AFTER_KO.match(after))  # "사파리에서 link builder": a place
    return bool(_MEANS_BEFORE.search(fold(text[max(0, hit.start - 16):hit.start]))
                or _MEANS_AFTER.match(after))
