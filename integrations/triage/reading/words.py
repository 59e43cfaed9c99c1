"""Words a name is told from, shared by the readers of `names`, `cues` and
`clauses`: capitalised words that are never names (`NOT_NAMES`: demonyms,
languages, days, other companies' services, countries and cities), common words
after a field's name, words of a state, possessives, articles, a proper noun's
shape and the nouns that say a field is an identifier. One list, one place.
"""

from __future__ import annotations

import re

from integrations.triage.reading.normalise import fold

#: A friend, a relative or a colleague (en, fr, pt; then Korean): whose a name, an id or a
#: message is, when not the requester's (`names`, `forwarded`). Patterns, one list for both.
RELATIVES_LATIN = (
    r"friend|buddy|mate|brother|sister|(?:my|his|her|our)\s+son|daughter|wife|husband|cousin|"
    r"guildmate|guildie|pote|ami|amie|copain|copine|fr[eè]re|s(?:oe|œ)ur|fils|fille|"
    r"cousine?|femme|mari|amig[oa]|irm[aã]o?|filh[oa]|prim[oa]|esposa|marido|namorad[oa]")
#: Colleagues above or beside the requester at work, in Korean ("팀장님 계정이 6012377" is
#: the team leader's): relatives' kin for `RELATIVES_KO`, people for `matcher`.
COLLEAGUES_KO = r"팀장|사장님|상사|선배|후배"
RELATIVES_KO = (r"친구|동생|형이|누나|언니|오빠|아들|딸|남편|아내|와이프|남친|여친|"
                r"남자친구|여자친구|엄마|아빠|어머니|아버지|지인|동료|" + COLLEAGUES_KO)
#: A Hangul syllable: Korean text.
HANGUL = re.compile("[\uac00-\ud7a3]")
#: Small words that may join two capitalised words of one name.
NAME_JOINERS = frozenset(("of", "the", "de", "do", "da", "du", "des", "dos", "das"))
#: Function words and words of a state: after a field's name they say how the thing is, never
#: which ("my account is still locked", "avec PayPal").
STATE_WORDS = frozenset({
    "not", "no", "now", "still", "also", "just", "being", "gone", "mine", "fine", "ok",
    "okay", "broken", "stuck", "down", "back", "bloque", "pirate", "pas", "plus", "aussi",
    "et", "and", "but", "mais", "with", "avec", "com", "nao", "the", "a", "on", "in", "is",
    "has", "had", "was", "to", "for", "sur", "de", "le", "la", "les", "un", "une",
    # function words after "is"/"was" ("my account was from my old job") are never names
    "from", "of", "at", "by", "my", "your", "our", "their", "his", "her", "this", "that",
    "there", "here", "too", "very", "really", "already", "always", "never", "linked",
    "dans", "pour", "chez", "mon", "ton", "son", "ma", "ta", "sa", "deja", "toujours",
    "desde", "para", "meu", "minha", "seu", "sua", "muito", "ainda", "sempre",
    # adverbs of precision ("je ne sais pas quel serveur c'est exactement")
    "exactly", "precisely", "exactement", "precisement", "exatamente", "precisamente",
    "par", "via", "using", "through", "en", "em", "pelo", "pela", "por", "na",
    "do", "da", "dos", "das", "du", "des", "nos", "nas", "au", "aux",
    # "qui s'appelle comme moi", "que se chama igual": a comparison, not a name
    "comme", "como", "like", "igual", "pareil", "same", "meme", "mesma", "mesmo",
})
#: A proper noun: capitalised words, at most one small word between two of them.
PROPER = (r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]{1,30}(?:(?:\s+(?:of|the|do|da|de|du|des|dos|das))?"
          r"\s+(?:[dl]['’])?[A-ZÀ-ÖØ-Þ0-9][\w'’-]{0,30}){0,3})")
POSSESSIVE = (r"(?:my|her|his|their|our|mon|ma|mes|sa|son|ses|notre|meu|minha|seu|sua|"
              r"nosso|nossa)\s+")
#: An article before a kind of thing's name ("the Founder's Pack", "o Pacote Estelar").
ARTICLES = r"(?:the|a|an|le|la|les|un|une|du|des|o|os|as|um|uma|do|da|dos|das|no|na)"
#: Words of a field's name that say it is an identifier ("acct name", "nick", "아이디").
_IDENTIFIERS = ("name nom nome id login username user pseudo nick nickname tag gamertag ign "
                "handle identifiant usuario 이름 아이디 계정명 닉네임 캐릭명")
IDENTIFIER_NOUNS = frozenset(_IDENTIFIERS.split())
#: One-word names of a field that say identifier on their own ("login", "id" or "name"
#: alone also name an action or a thing: "Login fails", "name changed").
_IDENTIFIER_WORDS = frozenset(("username", "nickname", "nick", "ign", "pseudo", "identifiant",
                               "gamertag", "usuario", "아이디", "닉네임", "캐릭명", "계정명"))


def names_identifier(name: str) -> bool:
    """True for "acct name", "nom de compte", "계정 이름", "username": a field name that
    announces an identifier."""
    words = fold(name).split()
    if len(words) == 1:
        return words[0] in _IDENTIFIER_WORDS
    return bool(IDENTIFIER_NOUNS & set(words))


#: An identifier rather than a word: a dot, an underscore, a digit or an @ inside it.
HANDLE = re.compile(r"\w[._@]\w|\d|[a-z][A-Z]")  # "xXMatadorXx" too
#: Common words that can follow a field's name without being its value ("account problem",
#: "username help", "conta bloqueada", "compte perdu").
_COMMON_WORDS = """
problem problems issue issues help question questions access error errors recovery reset
change changed support please thanks thank here below above attached missing unknown same
different new old main info details settings number email mail password page link request
locked blocked banned hacked stolen deleted suspended disabled works working broken doesnt
isnt wont cant cannot still again anymore either too well details verification security
probleme problemes aide acces erreur bloque pirate supprime oublie perdu merci svp ici
encore toujours plus aussi securite verification
problema problemas ajuda acesso erro bloqueada bloqueado senha suporte obrigado obrigada aqui
ainda tambem mais seguranca verificacao
taken wrong invalid incorrect forgotten forgot lost gone update unavailable available
required needed transfer recover restore ban merge merged
invalide incorrecte indisponible pris modification changement
incorreto incorreta invalido invalida indisponivel alteracao mudanca troca
old new older newer free premium personal main verified shared ancien ancienne nouveau
nouvelle gratuit gratuite personnel personnelle principal principale verifie partage
antiga antigo nova novo velha velho gratuita gratuito pessoal verificada compartilhada
empty private public blank dead frozen safe secure clean corrupt closed open slow weird
strange fine useless vide prive privee publique mort morte gele lent lente bizarre ferme
vazia vazio privada privado publica publico morta morto lenta lento estranha estranho
fechada fechado aberta aberto perso pro
"""
COMMON = frozenset(_COMMON_WORDS.split())

#: Capitalised words that are not names: demonyms, languages, common words, platforms.
_NOT_NAMES = """
english french korean brazilian american canadian british german spanish italian
portuguese japanese chinese mexican australian european asian belgian swiss dutch polish
francais francaise anglais anglaise coreen coreenne bresilien bresilienne allemand
espagnol brasileiro brasileira americano americana ingles frances coreano coreana
sorry not so just still really very also only now here there back new sure done using
confused lost stuck unable trying playing level lvl pc mac windows linux xbox playstation
switch steam glyph android ios iphone ipad nintendo epic mobile console
hi hello thanks please ok okay yes no and but or my your from with
since after before today yesterday tonight monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october
november december the a an this that it in on at of to for bonjour merci salut oi ola
lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier avril juin juillet
aout septembre octobre novembre decembre segunda terca quarta quinta sexta sabado domingo
janeiro fevereiro abril junho julho agosto setembro outubro dezembro
obrigado obrigada admin support moderator gm player joueur jogador account compte conta
angry furious upset sad happy tired nouveau nouvelle desole desolee novo nova desculpa
"""
#: Other companies' services: "Conta Google", "my account Discord" name no account of ours.
_SERVICES_WORDS = """
google facebook apple microsoft discord twitch youtube gmail hotmail outlook yahoo naver
kakao amazon psn reddit twitter instagram whatsapp steam epic xbox playstation nintendo
"""
SERVICES = frozenset(_SERVICES_WORDS.split())
#: Countries and large cities, folded, in en, fr, pt-br and Korean: a login alert "from
#: Russia", "da Rússia", "depuis la Russie", "러시아에서" names a place, never an account,
#: a character or a player (one place a line, its names between commas; no continent: "serveur
#: Europe 2" may be a server's name).
_PLACES_LINES = """
russia, russie, 러시아
china, chine, 중국
brazil, bresil, brasil, 브라질
france, franca, 프랑스
germany, allemagne, alemanha, 독일
spain, espagne, espanha, 스페인
italy, italie, italia, 이탈리아
portugal, 포르투갈
england, angleterre, inglaterra, 영국
united kingdom, royaume-uni, reino unido, uk
ireland, irlande, irlanda, 아일랜드
united states, etats-unis, estados unidos, usa, 미국
canada, 캐나다
mexico, mexique, mexico, 멕시코
argentina, argentine, 아르헨티나
chile, chili, 칠레
colombia, colombie, colombia, 콜롬비아
peru, perou, 페루
japan, japon, japao, 일본
korea, coree, coreia, 한국
south korea, coree du sud, coreia do sul, 대한민국
north korea, coree du nord, coreia do norte, 북한
india, inde, 인도
indonesia, indonesie, 인도네시아
vietnam, viet nam, vietna, 베트남
thailand, thailande, tailandia, 태국
philippines, filipinas, 필리핀
taiwan, 대만
singapore, singapour, singapura, 싱가포르
australia, australie, 호주
ukraine, ucrania, 우크라이나
poland, pologne, polonia, 폴란드
romania, roumanie, romenia, 루마니아
turkey, turquie, turquia, 터키, 튀르키예
netherlands, pays-bas, holanda, paises baixos, 네덜란드
belgium, belgique, belgica, 벨기에
switzerland, suisse, suica, 스위스
sweden, suede, suecia, 스웨덴
norway, norvege, noruega, 노르웨이
nigeria, 나이지리아
egypt, egypte, egito, 이집트
morocco, maroc, marrocos, 모로코
algeria, algerie, argelia, 알제리
iran, 이란
israel, 이스라엘
pakistan, 파키스탄
belarus, 벨라루스
kazakhstan, cazaquistao, 카자흐스탄
moscow, moscou, moscovo, 모스크바
beijing, pekin, pequim, 베이징
shanghai, xangai, 상하이
paris, 파리
london, londres, 런던
berlin, berlim, 베를린
madrid, 마드리드
lisbon, lisbonne, lisboa, 리스본
tokyo, toquio, 도쿄
seoul, seoul, seul, 서울
busan, 부산
new york, nova york, nova iorque, 뉴욕
los angeles, 로스앤젤레스
chicago, 시카고
toronto, 토론토
montreal, 몽트리올
sao paulo, 상파울루
rio de janeiro, 리우데자네이루
lagos
kiev, kyiv, 키이우
istanbul, 이스탄불
"""
PLACES = frozenset(
    fold(place.strip()) for line in _PLACES_LINES.strip().splitlines()
    for place in line.split(","))
NOT_NAMES = frozenset(_NOT_NAMES.split()) | SERVICES | PLACES
#: Its first lines: nationalities and languages ("the player is Canadian").
DEMONYMS = frozenset(" ".join(_NOT_NAMES.strip().splitlines()[:4]).split())


#: Participles that say how a name is, not which ("my username is loading").
_STATE_PARTICIPLES_WORDS = """
missing pending loading changing showing working glitching bugging resetting processing
updating blinking flickering disappearing failing crashing lagging freezing spinning
displaying appearing expiring existing being nothing something everything bleeping
"""
STATE_PARTICIPLES = frozenset(_STATE_PARTICIPLES_WORDS.split())


# ------------------------------------------------------------------ what `names` weighs

#: Words after "de" that say where or when, or whose, not the name's own ("le pack Marchand
#: de la boutique", "a espada Solar do meu amigo", "do nada", "du coup").
_NOT_TAIL_WORDS = """
boutique loja shop jeu jogo site inventaire inventario sac coffre banque evenement evento
event serveur servidor guilde guilda semaine mois jour dia semana mes ano annee hier ontem
mon ma mes ton ta tes son sa ses notre nos leur leurs meu minha meus minhas seu sua seus
suas nosso nossa dele dela amigo amiga pote ami amie personnage perso personagem compte conta
maintenance manutencao mise patch update atualizacao noel natal halloween paques pascoa
nada repente novo nouveau coup suite rien ontem manha matin soir noite tarde
"""
NOT_TAIL = frozenset(_NOT_TAIL_WORDS.split())

#: Groups of players: "my guild Nightfall" names no thing.
GROUPS = frozenset(("guild", "guilde", "guilda", "clan", "team", "equipe", "party", "groupe",
                    "grupo", "crew", "squad", "faction", "time"))

#: Korean words for a kind of character or thing, not a name ("제 캐릭은 전사예요": a
#: warrior).
KO_KINDS = frozenset(("전사", "마법사", "궁수", "도적", "사제", "성직자", "힐러", "탱커",
                      "암살자", "기사", "법사", "딜러", "서포터", "초보", "뉴비", "고렙", "만렙",
                      "본캐", "부캐"))

#: Acts on a thing, not a place: "clicked on Arkforge", "dépensé sur X", "gastei no X".
ACTS_ON = frozenset(("click", "clicked", "clicking", "tap", "tapped", "press", "pressed",
                     "spent", "spend", "spending", "wasted", "clique", "cliquer", "appuye",
                     "depense", "cliquei", "cliquei", "toquei", "gastei", "apertei", "cliquer",
                     # "log on" is one verb: "i logged on PixlPanda" logs a character in
                     "log", "logged", "logging", "logs"))

#: What ends a file's or a site's name, not a handle's ("bot_farm.jpg", "gmail.com").
FILE_ENDS = frozenset(("jpg", "jpeg", "png", "gif", "webp", "mp4", "mov", "pdf", "txt", "log",
                       "zip", "rar", "exe", "dmp", "com", "net", "org", "br", "fr", "io", "kr",
                       "co", "gg", "tv", "html"))

#: An error's code is not the field's ("the transaction error is TX-500A").
ERROR_WORDS = frozenset(("error", "errors", "erreur", "erreurs", "erro", "erros", "오류",
                         "에러", "failed", "echec", "falha"))

#: Nouns after a proper noun that make it a place or a group, not a person.
PLACE_NOUNS = frozenset(("chat", "server", "serveur", "servidor", "guild", "guilde", "guilda",
                         "map", "zone", "event", "clan", "world", "mundo", "monde", "region",
                         "regiao", "channel", "canal", "서버", "채팅", "길드"))

#: The words of an e-mail field's names (folded): a form with one has an e-mail field.
MAIL_WORDS = frozenset(("email", "e-mail", "mail", "courriel", "이메일", "메일"))

#: Words of a field's names that stand for no thing ("the exact …").
NOT_ANAPHORS = frozenset(("exact", "exacte", "exato", "the", "was", "est", "ou", "or",
                          "nom", "nome", "name"))
#: The requester writing on someone else's behalf (folded): "I'm writing on behalf of my
#: dad", "asking for my wife", "je vous écris à la place de mon mari", "de la part de mon
#: frère", "em nome do meu irmão", "escrevendo pela minha namorada", "남편 대신 문의드려요".
#: The person is group ``person`` (``person_ko`` before "대신"; "on behalf of our studio"
#: is the requester's own studio, the caller tells), a possessive or article before it
#: ``whose``; a verb's "for" (``verb``) asks about a thing without one (`on_behalf`).
ON_BEHALF = re.compile(
    r"\b(?:(?:on\s+behalf\s+of|a\s+la\s+place\s+de|pour\s+le\s+compte\s+de|au\s+nom\s+de|"
    r"de\s+la\s+part\s+de|em\s+nome\s+d[aeo]|no\s+lugar\s+d[aeo]|a\s+pedido\s+d[aeo])\b|"
    r"(?P<verb>(?:writing|write|asking|emailing|contacting\s+you|reaching\s+out)\s+"
    r"(?:this\s+)?for|(?:j'ecris|je\s+vous\s+ecris|j'ecris\s+ici|je\s+demande)\s+pour|"
    r"(?:escrevendo|escrevo|perguntando)\s+(?:por|pel[oa]|para)))"
    r"(?:\s+(?:(?:o|a)\s+(?=m|n))?(?P<whose>(?:my|a|an|our|mon|ma|mes|un|une|notre|minha|meu|uma|um|"
    r"nossa|nosso)\s+)?(?P<person>\d{1,2}[- ]?(?:year|yr)s?[- ]?old|[^\W\d_]+))?|"
    # a relative who asked the requester to write: "my dad asked me to write", "ma mère
    # m'a demandé de vous écrire", "minha mãe pediu pra eu escrever"
    r"(?:my|mon|ma|minha|meu)\s+(?:\w+\s+)?[^\W\d_]+\s+(?:has\s+)?(?:asked|wants|wanted|"
    r"told)\s+me\s+to\s+(?:write|e-?mail|contact|message)\b(?!\s+(?:a|an|the|about)\b)|"
    r"(?:mon|ma)\s+(?:\w+\s+)?[^\W\d_]+\s+m'a\s+demande\s+(?:d'ecrire|de\s+(?:vous\s+)?"
    r"(?:ecrire|contacter))|"
    r"(?:minha|meu)\s+(?:\w+\s+)?[^\W\d_]+\s+(?:me\s+)?pediu\s+(?:pra|para|que)\s+(?:eu\s+)?"
    r"(?:escrever|escrevesse|mandar|entrar\s+em\s+contato)|"
    r"(?:(?P<person_ko>[\uac00-\ud7a3]+)\s*)?대신(?:해서|에)?\s*"
    r"(?:문의|연락|글|질문|메일|작성|남겨|써|적어|올려|여쭤)")


#: Things the requester writes about, never a person they write for: "je vous écris pour
#: mon site à moi", "writing for my own site", "escrevo pela minha loja", folded.
WRITTEN_ABOUT = frozenset((
    "site", "sites", "website", "websites", "blog", "blogs", "account", "accounts", "store",
    "shop", "channel", "page", "app", "order", "payment", "ticket", "request", "question",
    "problem", "issue", "compte", "comptes", "boutique", "chaine", "commande", "paiement",
    "demande", "probleme", "appli", "application", "conta", "contas", "loja", "canal",
    "pagina", "aplicativo", "pedido", "pagamento", "pergunta", "duvida", "problema",
    # "for my own site", "pour mon propre site", "pelo meu próprio site": the requester's
    "own", "propre", "proprio", "propria"))


#: An organisation the requester writes for, as its staff (folded, at the person's word):
#: "on behalf of the company", "au nom de la société …", "em nome da empresa", or a name
#: with its legal form or its trade ("on behalf of Redline Media LLC", "Atelier Rouge SARL",
#: "Northlight Media, a small studio"): the requester's own side, as "our studio" is, no
#: other person.
ORGANISATION = re.compile(
    r"(?:(?:the|our|my|la|le|l'|notre|ma|mon|a|o|nossa|nosso|minha|meu)\s*)?"
    r"(?:company|business|firm|corporation|organi[sz]ation|societe|entreprise|boite|"
    r"empresa|firma|companhia|organizacao)\b"
    r"|(?:[^\W\d_][\w&'-]*\s+){1,4}(?:llc|inc|ltd|ltda|sarl|sas|sasu|eurl|gmbh|corp|eireli|"
    r"s\.?a\.?|me|media|studios?|agency|agence|agencia|group|groupe|grupo)\b"
    r"|(?:[^\W\d_][\w&'-]*\s+){0,3}[^\W\d_][\w&'-]*\s*,\s*(?:a|an|une?|uma?)\s+"
    r"(?:small\s+|petite?\s+|pequen[ao]\s+)?(?:studio|agency|company|business|agence|"
    r"entreprise|societe|estudio|agencia|empresa)\b")


def on_behalf(folded: str) -> bool:
    """True when ``folded`` says the requester writes for someone else (`ON_BEHALF`): after
    a verb, a possessive or an article first ("asking for my wife", not "asking for help"),
    and a person, not a thing written about (`WRITTEN_ABOUT`: "je vous écris pour mon
    site à moi" is the requester's own ticket)."""
    return _behalf(folded) is not None


def _behalf(folded: str) -> re.Match[str] | None:
    m = ON_BEHALF.search(folded)
    while m is not None and ((m.group("verb") is not None and (
            m.group("whose") is None or m.group("person") in WRITTEN_ABOUT))
            or (m.group("person") and ORGANISATION.match(folded, m.start("person")))):
        m = ON_BEHALF.search(folded, m.start() + 1)  # "j'écris pour | le compte de ma mère"
    return m


def behalf_words(folded: str) -> frozenset[str]:
    """The words naming the person the requester writes for (`on_behalf`), with the words
    right after them ("au nom de Mme Claire Dubois", "on behalf of my partner Dana"):
    another person named in a clause is that person only when one of these names them."""
    m = _behalf(folded)
    if m is None:
        return frozenset()
    return frozenset(re.findall(r"[^\W\d_]+", folded[m.start():m.end() + 40]))


#: An answer that holds no value: "n/a", "none", "same as above", "idem", "néant", "mesma
#: coisa de antes", "없음", "모름" (folded, whole): the requester filling a list of labels
#: leaves the item empty, so "Error: none" states no error message.
_PLACEHOLDER = re.compile(
    r"(?:n/?a|none|nothing|nil|null|unknown|not sure|no idea|idk|i don't know|i dont know|"
    r"(?:same|see|as)(?:\s+as)?\s+(?:above|before)|same|ditto|"
    r"same\s+as\s+(?:in\s+)?(?:the\s+|my\s+)?(?:other|last|previous|first|earlier)\s+"
    r"(?:ticket|one|time|case|message|e-?mail)|"
    r"aucun|aucune|aucune idee|pas d.idee|rien|neant|idem|pareil|inconnu|je (?:ne )?sais pas|"
    r"jsp|voir (?:plus )?haut|sem ideia|"
    r"(?:comme|pareil qu'?|idem qu'?)\s*(?:au-dessus|avant|plus haut|(?:la )?derniere fois|"
    r"(?:l'|mon )?autre (?:ticket|demande|message))|"
    r"nenhum|nenhuma|nada|nao sei|sei la|(?:a )?mesma coisa(?: d[eoa]s?\b[^.!?\n]{0,30})?|"
    r"(?:o )?mesmo(?: de antes| de cima)?|igual(?: a cima| acima| antes)?|ver acima|"
    # the same as another item: "Usuário: mesmo do e-mail", "Username: same as my email"
    r"(?:same|the same)\s+as\s+(?:(?:my|the)\s+)?(?:e-?mail|login|account)(?:\s+address)?|"
    r"(?:le )?meme (?:que|qu'a) (?:l'|mon |le )?(?:e-?mail|mail|adresse|compte)|"
    r"(?:o )?mesmo (?:d[oa]|que (?:o |a )?)(?:e-?mail|login|conta)|"
    r"없음|없어요|없습니다|모름|몰라요|모르겠어요|모르겠습니다|잘 모르겠어요|상동|동일|"
    r"위와 같음|위와 동일|위랑 같음|위와 같아요|[-–—?./]+)")


def placeholder(value: str) -> bool:
    """True when a free-text value is no value (`_PLACEHOLDER`: "n/a", "same as above");
    none is longer than 48 characters, so a longer value is not folded at all."""
    return len(value) <= 48 and \
        _PLACEHOLDER.fullmatch(fold(value).strip(" .!,;:'\"()")) is not None
