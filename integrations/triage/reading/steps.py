"""Steps: a sentence that is a sequence of the requester's acts on the product.

"I go to Reports, choose November, click Export CSV and nothing downloads", "J'ouvre
Rapports, je choisis la période, je clique sur Générer", "entro em Relatórios, escolho
novembro e clico em Exportar", "go to reports, pick last month, hit export": clauses joined
by a comma, "then", "and" ("puis", "et", "e", "depois", "aí"), each starting with an act
(present, past, bare or, in French, an infinitive; "I", "je", "eu" optional). Two acts in
a row or more are the steps; the first clause that is no act ("nothing downloads", "et ça
tourne") is the result and ends them, but between two acts a clause the requester starts
("je filtre sur le mois dernier") or a place named alone ("Reports, | Transactions, |
filtered …") goes on the path. A long sentence with no comma is dictated: three acts or
more in quick succession there start a clause each ("i log in go to reports click last 30
days"), not another doer's ("si vous avez changé …"). A free-text field reads them as its value
(`clauses.ClauseReader`). Not steps: a sentence asking ("How do I go to … and …?"), a
wish or what cannot be done ("I want to", "je voudrais", "não consigo"). Korean chains
its acts with "-고"/"-서": `KO_ACT_JOIN` tells an act's join ("들어가서", "선택하고") from a
state's ("쓰고 있고", "맥북이고"), so a cue's clause reaches back to the chain's first act.
"""

from __future__ import annotations

import re
from itertools import pairwise

from integrations.triage.reading.normalise import fold

#: A Hangul syllable.
HANGUL_ANY = re.compile(r"[\uac00-\ud7a3]")

__all__ = ["KO_ACT_JOIN", "ONSET", "ONSET_KO", "acts_at", "listed", "opens_with_act",
           "result_stop", "run_on_stop", "sequence"]

#: An act on the product at a clause's start (folded text): English present, bare or past;
#: French present with its subject, bare past participle or infinitive; Portuguese present
#: or past. Each verb takes what it acts on after it.
_ACT = (
    # the pluperfect or the perfect tells the same acts ("I had switched my theme, then
    # pasted …", "we've changed the plan and added …")
    # an adverb of manner too: "i literally just typed …", "I simply clicked …"
    r"(?:(?:i|we)\s+(?:(?:had|'d|have|'ve)\s+)?(?:(?:literally|simply|only|really)\s+)?"
    r"(?:just\s+|then\s+|first\s+|already\s+)?)?"
    # an act tried: "I tried to copy the link", "j'ai essayé de copier", "tentei copiar"
    r"(?:tr(?:y|ied)\s+to\s+)?"
    r"(?:go(?:es)?\s+(?:to|into|in)|went\s+(?:to|into|in)|head(?:ed)?\s+to|"
    r"navigate(?:d)?\s+to|open(?:ed)?|click(?:ed)?|tap(?:ped)?|press(?:ed)?|hit|"
    r"select(?:ed)?|choose|chose|pick(?:ed)?|enter(?:ed)?|type(?:d)?|paste(?:d)?|"
    r"fill(?:ed)?\s+(?:in|out)|submit(?:ted)?|save(?:d)?|upload(?:ed)?|download(?:ed)?|"
    r"export(?:ed)?|log(?:ged)?\s*(?:in|into|on)|login|sign(?:ed)?\s+in|refresh(?:ed)?|"
    r"reload(?:ed)?|scroll(?:ed)?|switch(?:ed)?(?!\s+(?:on|off)\b)|search(?:ed)?|generate(?:d)?|"
    r"add(?:ed)?|enable(?:d)?|disable(?:d)?|activate(?:d)?|install(?:ed)?|update(?:d)?|"
    r"cop(?:y|ied)|set|tick(?:ed)?|change(?:d)?|edit(?:ed)?|filter(?:ed)?|"
    # not "sort of", not "applied for" a programme: "apply" is the filter's in fr/pt only
    r"sort(?:ed)?(?!\s+of\b)|confirm(?:ed)?|drag(?:ged)?)"
    r"|(?:(?:je|on|nous)\s+|j')?(?:vais\s+(?:dans|sur|a|au|en)|va\s+(?:dans|sur)|clique|"
    r"tape|appuie|ouvre|entre|rentre|selectionne|choisis|coche|remplis|modifie|saisis|"
    r"colle|valide|me\s+connecte|se\s+connecte|telecharge|exporte|lance|genere|actualise|"
    r"recharge|ajoute|cherche|copie|change|filtre|trie|applique|confirme|mets|"
    # the perfect or the pluperfect ("j'ai cliqué", "j'avais d'abord passé l'interface …")
    r"(?:(?:ai|avais)\s+(?:juste\s+|seulement\s+|simplement\s+|d'abord\s+|deja\s+)?)?"
    r"(?:clique|ouvert|choisi|selectionne|tape|"
    r"saisi|colle|coche|valide|rempli|telecharge|exporte|genere|ajoute|filtre|trie|"
    r"applique|confirme|mis)|"
    r"(?:ai|avais)\s+(?:juste\s+|seulement\s+|simplement\s+|d'abord\s+|deja\s+)?"
    r"(?:modifie|change|passe|active|desactive|installe|desinstalle|supprime|remplace|"
    r"renomme|configure|connecte|deconnecte|vide|efface|recharge|redemarre)|"
    r"(?:(?:ai\s+)?essaye\s+(?:de\s+|d'))?"
    r"(?:(?:suis\s+)?alle\s+(?:dans|sur)|aller\s+(?:dans|sur|a)|cliquer|ouvrir|choisir|"
    r"selectionner|taper|saisir|coller|valider|se\s+connecter|telecharger|exporter|appuyer|"
    r"cocher|remplir|generer|ajouter|changer|modifier|filtrer|trier|appliquer|confirmer|"
    r"mettre|copier))"
    r"|(?:eu\s+|a gente\s+)?(?:entro\s+(?:em|no|na|nos|nas)|vou\s+(?:em|no|na|pra|para|"
    r"ate)|clico|abro|digito|seleciono|escolho|aperto|preencho|coloco|salvo|acesso|baixo|"
    r"exporto|colo|gero|faco\s+login|atualizo|adiciono|copio|mudo|troco|altero|filtro|"
    r"ordeno|aplico|confirmo|ponho|"
    r"entrei\s+(?:em|no|na)|"
    r"fui\s+(?:em|no|na|ate)|cliquei|toquei|abri|digitei|selecionei|escolhi|apertei|preenchi|"
    r"coloquei|salvei|acessei|baixei|exportei|colei|gerei|fiz\s+login|loguei|atualizei|"
    r"adicionei|copiei|mudei|troquei|alterei|filtrei|ordenei|apliquei|confirmei|marquei|"
    r"pus|ativei|desativei|instalei|desinstalei|"
    # the pluperfect: "(eu) tinha mudado o tema", "havia instalado"
    r"(?:tinha|havia)\s+(?:ja\s+|acabado\s+de\s+)?[a-z]{2,}(?:ado|ido)|"
    r"tentei\s+(?:copiar|abrir|clicar|entrar|gerar|exportar|baixar|acessar|colar|salvar|"
    r"selecionar|escolher|atualizar|instalar|fazer\s+login|logar|mudar|trocar|alterar))")
#: After an act's verb, words that make it a noun or a state ("export fails", "download
#: button", "acesso negado"): no act.
_NOT_OBJECT = (r"(?:is|are|was|were|fails?|failed|does|doesn'?t|don'?t|won'?t|didn'?t|"
               r"isn'?t|works?|worked|broke|broken|button|buttons|page|tab|"
               r"feature|option|negado|bloqueado|liberado|ne|n'|marche|fonctionne|"
               r"nao|funciona|esta|ta|est)\b"
               # "é" folds to "e": "acesso é negado" is a state, "faço login e clico" acts
               rf"|e\b(?!\s+(?:{_ACT})(?!\w))")
#: Where a clause of the sequence starts: the sentence's start or a join, then what may come
#: before the act ("then", "first", "puis", "ensuite", "depois", "aí").
_JOIN = r"(?:,|;|:|\s(?:and|then|et|puis|ensuite|e|depois|ai|entao)\b)"
#: Greetings, folded (`_LEAD`, `_GREETING`).
_GREETINGS = (r"hi|hello|hey|good\s+(?:morning|afternoon|evening)|bonjour|bonsoir|salut|"
              r"bom\s+dia|boa\s+(?:tarde|noite)|oi|ola")
_LEAD = (r"(?:(?:and|then|first|et|puis|ensuite|apres|e|depois|ai|entao|primeiro|"
         # "just opened the site", "só abri o app": nothing but the acts
         r"just|only|simply|juste|seulement|simplement|so|apenas|simplesmente|"
         # a greeting run on into the acts, as dictated: "bom dia eu abri o painel …"
         # (left out of the steps: `_GREETING`)
         + _GREETINGS + r"|"
         # the acts as the time of the problem: "when I pick … and click …, it fails"
         r"when|whenever|every time|quand|lorsque|chaque fois que|quando|sempre que|"
         r"toda vez que|"
         # the conjunction repeated after a join: "quand je me connecte puis que je clique
         # …", "quando entro e depois que clico …"
         r"que|"
         # the time before the problem: "before this started I had …", "avant que ça
         # plante j'avais …", "antes de dar erro eu tinha …"
         r"before\s+(?:it|this|that|the\s+[^\W\d]+)\s+[^\W\d]+|"
         r"avant\s+qu(?:e\s+|')(?:ca|cela|il|elle|le\s+[^\W\d]+|la\s+[^\W\d]+)\s+"
         r"(?:ne\s+)?[^\W\d]+|antes\s+de\s+(?:dar|travar|quebrar|parar|sumir)(?:\s+erro)?)\s+)*")
#: A greeting opening the sentence of acts, no act of them.
_GREETING = re.compile(rf"(?:{_GREETINGS})\b[\s,!]*")
#: In the last act's clause, the result told without a join: a new subject and its state
#: ("… click export the button goes grey", "… clico em exportar o botão fica cinza", "…
#: je clique sur exporter le bouton devient gris"): the steps end before it.
_RESULT = re.compile(
    r"\s(?:the|it|this|le|la|les|l'|ca|o|a|os|as|isso|nothing|rien|nada)\s*(?:[^\W\d]+\s+){0,2}"
    r"(?:is|goes|went|turns|turned|stays|becomes|became|gets|got|fica|ficou|vira|virou|some|"
    r"sumiu|reste|devient|passe|disparait|happens|happened|acontece|aconteceu)\b")
#: A result after a join or a pointer to the time of the acts, its subject left out, as
#: dictated or hurried text tells it: "… and then it disappeared", "e depois disso sumiu",
#: "et après ça ça a disparu", "and it stopped", "e parou de aparecer", "and then nothing
#: happens".
_THEN_RESULT = re.compile(
    r"\s(?:(?:and|e|et)\s+(?:(?:after that|since then|then|right after|depois disso|"
    r"depois|apos isso|desde entao|ai|entao|apres ca|apres cela|depuis|ensuite|puis)\s+)?|"
    r"(?:after that|since then|depois disso|apos isso|desde entao|apres ca|apres cela)\s+)"
    r"(?:(?:it|everything|ca|tout|isso|tudo)\s+)?(?:(?:a|s'est|has|just)\s+)?"
    # or nothing comes of them: "… and then nothing happens", "e aí nada acontece"
    r"(?:nothing\s+(?:happens|happened|loads|shows|opens|appears)|rien\s+ne\s+(?:se\s+passe|"
    r"charge|s'affiche|s'ouvre)|nada\s+(?:acontece|carrega|aparece|abre)|"
    r"sumiu|some|parou|travou|quebrou|caiu|desapareceu|disappeared|vanished|stopped|"
    r"broke|crashed|died|disparu|disparait|plante|arrete|bloque|nao\s+(?:aparece|funciona|"
    r"carrega|abre)|(?:doesn'?t|won'?t|didn'?t)\s+(?:show|work|load|open)|"
    r"(?:ne\s+)?(?:s'affiche|marche|charge)\s+plus)\b")
#: In dictated text, what ends a clause as a full stop would: a sign-off ("valeu",
#: "thanks", "merci") or the requester's id told next ("my sid is …", "meu sid é").
_RUN_ON_END = re.compile(
    r"\s(?:valeu|obrigad[oa]|abracos?|thanks|thank you|thx|merci|cordialement|"
    r"(?:my|our|meu|minha|nosso|mon|ma|notre)\s+(?:sid|site id|id do site|id du site)\b)\b")
_CLAUSE_ACT = re.compile(rf"\s*{_LEAD}(?:{_ACT})(?!\w)(?!\s+{_NOT_OBJECT})")
#: Another doer, or the auxiliary of one, right before a verb: "si vous avez changé", "if
#: you changed", "se vocês mudaram" (folded).
_OTHER_DOER = re.compile(r"\b(?:you|they|he|she|has|avez|ont|vous|ils|elle|il|a|voce|vcs|"
                         r"ele|ela|eles|elas|have|had)\s+$")
#: An act inside a clause, with nothing joining it to the words before (`_sequence_in`).
_UNJOINED_ACT = re.compile(rf"(?<=\s)(?:{_ACT})(?!\w)(?!\s+{_NOT_OBJECT})")
#: A sentence longer than this with no comma is read as dictated (`_sequence_in`): three
#: acts or more in quick succession (at most `_CLOSE` words from one to the next) start a
#: clause each (two are as often an act and its object: "clicked update").
_RUN_ON = 80
_CLOSE = 5
_SPLIT = re.compile(_JOIN)
#: A clause that only names a place of the product, capitalised ("Reports, | Transactions,
#: | filtered …", "Rapports, | Factures, | je clique"): the previous act's next step.
_PLACE = re.compile(r"\s*(?:[A-ZÀ-Ö][\w-]*|[«\"“'‘][^\n]{1,30}?[»\"”'’])"
                    r"(?:\s+(?:[A-ZÀ-Ö][\w-]*|de|des|du|da|do|of|&)){0,3}"
                    r"(?:\s+(?:and|then|et|puis|ensuite|e|depois))?[\s,;:]*$")
#: Between two acts, a clause the requester starts ("je vais dans Rapports, | je filtre sur
#: le mois dernier | et je clique sur Exporter", "I open Payments, | I sort by amount | and I
#: click …"): one more act whatever its verb; never a state, a wish, a negation or what
#: the requester gets ("I am", "je voudrais", "je ne", "eu não", "I get an error").
_BRIDGE = re.compile(
    r"\s*(?:i|we|je|on|nous|eu)\s+(?!(?:am|was|were|have|had|has|can|cannot|can'?t|could|"
    r"couldn'?t|do|does|did|don'?t|didn'?t|want|wanted|need|needed|would|should|will|"
    r"still|never|also|suis|etais|ai|avais|ne|n'|veux|voudrais|voulais|peux|pouvais|dois|"
    r"sou|estou|estava|tenho|tinha|quero|queria|nao|preciso|posso|consigo|vi|vejo|"
    # what the requester gets is the result: "I get an error", "je vois", "recebo"
    r"get|got|see|saw|receive|received|notice|noticed|obtiens|vois|recois|tombe|recebo|"
    r"recebi)\b)"
    r"[^\W\d]{2,}")
_EMPTY = re.compile(r"[\s,;:]*(?:(?:and|then|et|puis|ensuite|e|depois|ai|entao)[\s,;:]*)*$")
#: Before the first act, what makes the sentence no steps taken: a wish, a need, a
#: question, what cannot be done, an instruction received.
_NOT_TAKEN = re.compile(
    r"\b(?:want|wanted|need|needed|would like|'d like|how|can'?t|cannot|couldn'?t|unable|"
    r"trying to figure|should|told me|asked me|tell me|voudrais|veux|voulais|aimerais|"
    r"comment|n'arrive|arrive pas|impossible|faut|dois|quero|queria|preciso|gostaria|como|"
    r"consigo|conseguo|devo|tenho que|pediu|mandou)\b")
#: What makes the sentence's end a question.
_QUESTION = re.compile(r"\?\s*$")
#: Korean: a word ending in an act's "-고"/"-서" join ("들어가서", "선택하고", "로그인하고",
#: "눌러서", "열고"), which chains steps; a state's ("쓰고 있고", "이고", "없고") does not.
KO_ACT_JOIN = re.compile(
    r"(?:클릭|선택|입력|로그인|접속|다운로드|업로드|저장|검색|변경|생성|복사|새로고침|이동|수정|"
    r"설정|제출|추가|업데이트|업그레이드|설치|재설치|삭제|활성화|비활성화|연동|적용|등록|교체)"
    r"\s*(?:하고|해서|한\s*(?:후|뒤|다음)에?|했고|하고\s*나서)$|"
    r"(?:들어가서|들어가고|들어갔고|눌러서|누르고|눌렀고|열고|열어서|고르고|골라서|켜고|켜서|"
    r"넣고|넣어서|치고|쳐서|가서|바꾸고|바꿔서|바꿨고)$")


#: A clause that leaves out the act's verb: its preposition again ("je clique sur Rapports
#: puis sur Performance", "click on Payments, then on History", "clico em Pagamentos e
#: depois em Histórico").
_ELIDED = re.compile(r"\s*(on|in|into|to|sur|dans|em|no|na|nos|nas|pra|para)\s+\S")
#: What ends the act clause before an elided one: a word of order ("… puis", "…, then"),
#: not a comma alone ("j'ouvre sur Safari la page est blanche, sur Chrome ça marche").
_THEN = re.compile(r"\s(?:then|puis|ensuite|depois|ai|entao)[\s,;:]*$")
#: A clause that is only the act's second object ("my email and | my password, click …",
#: "mon email et | mon mot de passe, je coche …", "o email e | a senha, clico …").
_OBJECT = re.compile(r"\s*(?:\S+\s+){0,3}\S+[\s,;:]*$")
_AND = re.compile(r"\s(?:and|et|e)$")


def _continues(folded: str, act: tuple[int, int], clause: tuple[int, int],
               rest: list[tuple[int, int]]) -> bool:
    """True when ``clause``, after the act clause ``act``, goes on with its act with the
    verb left out: its preposition repeated (`_ELIDED`), or a second object joined by
    "and" that another act follows (`_OBJECT`), never a new subject's result."""
    a, b = clause
    elided = _ELIDED.match(folded, a, b)
    if elided and _THEN.search(folded, act[0], a) and \
            re.search(rf"\s{elided.group(1)}\s", folded[act[0]:act[1]]):
        return True
    return bool(_AND.search(folded[act[0]:act[1]].rstrip(" ,;:"))
                and _OBJECT.match(folded, a, b) and rest
                and _CLAUSE_ACT.match(folded, *rest[0]) is not None)


def _bridges(text: str, folded: str, clause: tuple[int, int],
             rest: list[tuple[int, int]]) -> bool:
    """True when ``clause``, after an act, is one the requester starts (`_BRIDGE`) or a
    place named alone (`_PLACE`: "I went to Reports, | Transactions, | filtered …"), and an
    act follows it: the middle of a path whatever its verb."""
    if not rest or not (_BRIDGE.match(folded, *clause) or _PLACE.match(text, *clause)):
        return False
    m = _CLAUSE_ACT.match(folded, *rest[0])
    return m is not None and rest[0][1] > m.end()


def sequence(text: str) -> tuple[int, int] | None:
    """Where the first sentence of ``text`` that is a sequence of two acts or more starts
    and ends (its last act's clause), or None (Latin script; see the module)."""
    folded = fold(text)
    if len(folded) != len(text):
        return None  # folding changed the length: offsets would not map back
    begin = 0
    for end_m in [*re.finditer(r"[.!?\n]+|$", folded)]:
        end = end_m.start()
        found = _sequence_in(text, folded, begin, end)
        if found is not None and not _QUESTION.match(folded, end, end_m.end() + 1):
            return found
        begin = end_m.end()
        if begin >= len(folded):
            break
    return None


def _sequence_in(text: str, folded: str, begin: int, end: int) -> tuple[int, int] | None:
    """The run of two act clauses or more in ``folded[begin:end]``, from the first act."""
    cuts = [begin, *(m.end() for m in _SPLIT.finditer(folded, begin, end)), end]
    if end - begin > _RUN_ON and "," not in folded[begin:end]:
        # dictated, no comma anywhere: acts in quick succession start a clause each ("…
        # since yesterday i log in go to reports click last 30 days and then nothing loads")
        acts = [m.start() for m in _UNJOINED_ACT.finditer(folded, begin, end)
                if not _OTHER_DOER.search(folded, begin, m.start())]
        chain: list[int] = []
        for a in [*acts, -1]:
            if chain and a >= 0 and len(folded[chain[-1]:a].split()) <= _CLOSE:
                chain.append(a)
                continue
            if len(chain) >= 3:
                cuts = sorted({*cuts, *chain})
            chain = [a]
    clauses = [(a, b) for a, b in pairwise(cuts)
               if not _EMPTY.match(folded, a, b)]  # ", then": two joins in a row
    run: list[tuple[int, int]] = []
    best: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(clauses):
        m = _CLAUSE_ACT.match(folded, a, b)
        if (m and b > m.end()) or (run and _continues(folded, run[-1], (a, b), clauses[i + 1:])) \
                or (run and _bridges(text, folded, (a, b), clauses[i + 1:])):
            start = a + len(folded[a:b]) - len(folded[a:b].lstrip())
            if not run and (greeting := _GREETING.match(folded, start, b)):
                start = greeting.end()
            run.append((start, b))
            continue
        if len(run) >= 2:
            best = run
            break
        run = []
    else:
        if len(run) >= 2:
            best = run
    if not best:
        return None
    if _NOT_TAKEN.search(folded, begin, best[0][0] + 24):
        return None
    return best[0][0], result_stop(folded, best[-1][0], best[-1][1])


def opens_with_act(folded: str) -> bool:
    """True when ``folded`` starts with an act on the product and its object (`_ACT`: "j'ai
    juste ouvert le rapport", "I clicked Export"), not only the requester as a subject."""
    m = _CLAUSE_ACT.match(folded)
    return m is not None and len(folded) > m.end()


def acts_at(folded: str, start: int, stop: int) -> bool:
    """True when the clause ``folded[start:stop]`` starts with an act of the requester
    (`_ACT`: "logged in", "j'ai vidé", "abri o app") or the requester as the subject of
    one (`_BRIDGE`: "I wiped …", "eu reinstalei …"), not a state ("it was fine", "tout
    marchait", "era normal", "I was making $50 a day")."""
    return bool(_CLAUSE_ACT.match(folded, start, stop) or _BRIDGE.match(folded, start, stop))


def result_stop(folded: str, start: int, stop: int) -> int:
    """Where the acts told in ``folded[start:stop]`` end: before a result told without a
    join (`_RESULT`: "… click export the button goes grey", "… and it went white") and the
    join word left before it ("… click Export CSV and"); ``stop`` when there is none."""
    result = _RESULT.search(folded, start, stop)
    return run_on_stop(folded, start, result.start() if result is not None else stop)


def run_on_stop(folded: str, start: int, stop: int) -> int:
    """Where the acts told in ``folded[start:stop]`` end in dictated text with no stop
    between: before a result after "and (after that)" with no subject ("troquei o tema e
    depois disso sumiu", "… hit run and then nothing happens"), a sign-off or the
    requester's id told next ("… valeu", "… meu sid é …"), as a full stop would end them;
    and the join word left before it."""
    end = stop
    for after in (_THEN_RESULT, _RUN_ON_END):
        found = after.search(folded, start, end)
        if found is not None:
            end = found.start()
    while end > start and folded[end - 1] in " ,;:":
        end -= 1
    tail = re.search(r"\s(?:and|then|et|puis|ensuite|e|depois|ai|entao)$", folded[:end])
    if tail and tail.start() > start:
        end = tail.start()
    return end


#: A line of a list: its marker ("1.", "2)", "-", "•", "*", "→") and what follows.
_ITEM = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)]|[-•*·→]|>)[ \t]*(\S[^\n]*)$")
#: A Korean act in a list's line ("로그인", "리포트 메뉴 클릭", "내보내기 누름").
_KO_ITEM_ACT = re.compile(
    r"(?:클릭|선택|입력|로그인|접속|다운로드|업로드|저장|검색|변경|생성|복사|새로고침|이동|"
    r"수정|누르|눌러|누름|눌렀|들어가|들어감|열기|열고|열어|바꾸|바꿈|붙여넣)")


def listed(text: str) -> tuple[int, int] | None:
    """Where a list of the requester's acts, one a line after a marker ("1. log in / 2.
    go to Reports / 3. click Export", "- je me connecte / - je vais dans Rapports", "1.
    로그인 / 2. 리포트 메뉴 클릭"), starts and ends: two lines or more in a row, each an
    act, or None."""
    run: list[tuple[int, int]] = []
    for m in _ITEM.finditer(text):
        content = m.group(1)
        folded = fold(content)
        act = (_KO_ITEM_ACT.search(content) if HANGUL_ANY.search(content) else
               len(folded) == len(content) and _CLAUSE_ACT.match(folded) is not None)
        joined = bool(run) and text.count("\n", run[-1][1], m.start()) <= 1
        if act and (joined or not run):
            run.append(m.span(1))
            continue
        if len(run) >= 2:
            break
        run = [m.span(1)] if act else []
    if len(run) < 2:
        return None
    return run[0][0], run[-1][1]


#: The acts of change a problem may date from, one list per language (folded; `ONSET`):
#: English past and gerund, French past participle, Portuguese preterite and infinitive,
#: Korean nouns of "-하다" verbs and the verbs said alone.
_CHANGED_EN = (r"enabled|disabled|activated|deactivated|turned(?:\s+(?:on|off))?|switched|"
               r"installed|uninstalled|reinstalled|updated|upgraded|downgraded|changed|"
               r"modified|edited|moved|migrated|added|removed|deleted|connected|disconnected|"
               r"linked|reset|renamed|set(?:\s+up)?|configured|replaced|pasted|verified")
_CHANGING_EN = (r"enabling|disabling|activating|deactivating|turning\s+(?:on|off)|switching|"
                r"installing|uninstalling|reinstalling|updating|upgrading|downgrading|"
                r"changing|modifying|editing|moving|migrating|adding|removing|deleting|"
                r"connecting|disconnecting|linking|resetting|renaming|setting\s+up|"
                r"configuring|replacing|pasting")
_CHANGED_FR = (r"active|desactive|installe|desinstalle|reinstalle|mis(?:\s+a\s+jour)?|change|"
               r"modifie|passe|migre|ajoute|supprime|retire|connecte|deconnecte|lie|"
               r"reinitialise|configure|renomme|remplace|colle|verifie")
_CHANGED_PT = (r"ativei|desativei|habilitei|desabilitei|liguei|desliguei|instalei|"
               r"desinstalei|reinstalei|atualizei|mudei|troquei|alterei|migrei|adicionei|"
               r"removi|apaguei|exclui|conectei|desconectei|vinculei|resetei|configurei|"
               r"editei|coloquei|colei|cadastrei|ativamos|mudamos|trocamos|configuramos")
_CHANGE_PT = (r"ativar|desativar|habilitar|desabilitar|instalar|desinstalar|reinstalar|"
              r"atualizar|mudar|trocar|alterar|migrar|adicionar|remover|conectar|vincular|"
              r"resetar|configurar")
_CHANGE_KO = (r"활성화|비활성화|설치|재설치|삭제|업데이트|업그레이드|변경|수정|설정|연동|연결|"
              r"해제|추가|적용|교체|등록")
#: A change the requester made to their setup or the product, that the problem dates from
#: (folded): "since I enabled …", "ever since we updated", "after I installed", "depuis que
#: j'ai activé", "après que j'ai mis à jour", "desde que ativei", "depois que instalei".
#: Never what someone else changed ("since you updated"), nor joining ("since I joined").
#: The act is the match's last group (``m.lastgroup``: one per language and form).
ONSET = re.compile(
    r"(?<!\w)(?:(?:ever\s+)?since|after|right\s+after)\s+(?:i|we)\s+"
    r"(?:(?:have|had|'ve|just|first|finally)\s+)*(?P<act>(?:" + _CHANGED_EN + r")(?!\w))|"
    # the act as a gerund: "since updating the plugin", "right after enabling 2FA"
    r"(?<!\w)(?:(?:ever\s+)?since|after|right\s+after)\s+"
    r"(?P<act_ing>(?:" + _CHANGING_EN + r")(?!\w))|"
    # "après avoir activé", "depois de ativar", "após instalar"
    r"(?<!\w)apres\s+avoir\s+(?P<act_inf_fr>(?:" + _CHANGED_FR + r")(?:e?s?)(?!\w))|"
    r"(?<!\w)(?:depois\s+de|apos)\s+(?P<act_inf_pt>(?:" + _CHANGE_PT + r")(?!\w))|"
    r"(?<!\w)(?:depuis|apres|des)\s+qu(?:e\s+|')(?:j'|j\s+|je\s+|nous\s+|on\s+)"
    r"(?:ai|avons|a|aie|avais|suis|sommes|est)\s+(?:(?:juste|enfin|d'abord|bien)\s+)?"
    r"(?P<act_fr>(?:" + _CHANGED_FR + r")(?:e?s?)(?!\w))|"
    r"(?<!\w)(?:desde|depois|logo\s+depois|assim)\s+que\s+(?:eu\s+|a\s+gente\s+|nos\s+)?"
    r"(?:(?:ja|so)\s+)?(?P<act_pt>(?:" + _CHANGED_PT + r")(?!\w))")
#: Korean: the change and "-한 이후로/뒤로/다음부터" ("테마를 변경한 이후로", "플러그인
#: 업데이트하고 나서부터", "2단계 인증 켠 뒤로").
ONSET_KO = re.compile(
    r"(?:(?:" + _CHANGE_KO + r")\s*(?:한|했던)|바꾼|바꿨던|켠|킨|끈|깐|깔은)\s*"
    r"(?:이후로|이후부터|이후에?|후로|후부터|뒤로|뒤부터|뒤에|다음부터|다음으로)(?:는|도)?"
    r"(?![\uac00-\ud7a3])|"
    r"(?:(?:" + _CHANGE_KO + r")\s*하고|바꾸고|켜고|키고|끄고|깔고)\s*나서(?:부터)?(?:는|도)?"
    r"(?![\uac00-\ud7a3])")

