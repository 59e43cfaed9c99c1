"""People: on a person field (`vocabulary.is_person`), who the requester is.

A person field's options are kinds of requester (a model, a studio, a viewer). Its words
may name the requester ("I'm a model", "모델인데요": `says_self`, `self_named`; never the
object of a verb in -ing, "I'm losing viewers") or someone
they tell about or a kind they have left ("a model I follow blocked me", "I left my
studio": `someone_else`, `left_behind`), and the requester may be two kinds at once or
unsure which ("I work through a studio", "I do my shows in a friend's studio", "which
account type do I need": `undecided`), or becoming another (another kind's activity taken up
too, "comecei a fazer umas lives também"; an account switched from one kind to another),
which makes the field a question. Written on
someone's behalf ("on behalf of my sister", "여자친구 대신 문의드려요"), the ticket is about
their account: the kind said of them ("she's a model", "her room", "a live dela") is the
ticket's (`written_for`, `theirs`), unless the requester says what they are. A topic the
requester rules out ("nothing to do with my earnings") denies no kind (`denies_kind`).
Kept apart from the option reader (`options`), which only asks these questions of its hits
on a person field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import OSA

from integrations.model import Field
from integrations.triage.reading.context import HANGUL, SENTENCE_END, asked_of_me
from integrations.triage.reading.matcher import Hit, Phrase
from integrations.triage.reading.normalise import fold, key, strip_korean
from integrations.triage.reading.vocabulary import KEYWORD_WEIGHT, option_keywords
from integrations.triage.reading.words import ON_BEHALF, ORGANISATION

#: A person field (`vocabulary.is_person`): words for someone the requester tells about
#: ("a model I follow blocked me", "une modèle que je regarde", "uma modelo que eu sigo",
#: "my favourite streamer"), unless the requester says that is what they are ("I'm a new
#: model", "je suis une modèle", "sou uma modelo", "as a viewer").
_SELF_BEFORE = re.compile(
    # "as" a word or two before ("as a model", "as an independent"), never further: it is
    # also the Portuguese article ("faço as lives num estúdio": the lives, not "as" a kind)
    r"\bas\s+(?:(?:a|an|the)\s+)?(?:[^\W\d]+\s+)?$|"
    r"(?:\bi'?m|\bi am|\bim|\bwe'?re|\bwe are|\bbeing|\bbeen|\bje suis|\bj'suis|"
    r"\ben tant que|\bcomme|\bnous sommes|\bon est|\bsou|\bsomos|\bcomo|\bsendo|"
    r"\bjust|\bonly|\bsimply|\bmerely|\bjuste|\bseulement|\bsimple|\bapenas|\bsomente)\s+"
    # never across a verb in -ing ("I'm getting members complaining": its object)
    r"(?:(?![a-z]{2,}[^aeiou\W]?ing\s)[^\W\d]+\s+){0,3}$")
#: A second kind the requester gives themselves: "… and also a viewer", "et aussi
#: spectatrice", "e também assinante".
ALSO_BEFORE = re.compile(r"\b(?:and|et|e|but|mais|mas)\s+(?:also|aussi|tambem)\s+"
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
#: Korean: a person as a subject ("모델이", "시청자가", "친구가", "모델님이").
_KO_PERSON_SUBJECT = re.compile(r"^(?:모델|시청자|유저|회원|사람|친구|여자친구|남자친구|크리에이터|"
                                r"방송인|스트리머|BJ|비제이|팬|그분|언니|누나|오빠|형|동생|여동생|"
                                r"남동생|엄마|아빠|아내|와이프|남편|지인|동료|사촌|이모|삼촌)"
                                r"(?:님|분|들)?(?:이|가|께서)$")
#: A kind the requester has left, right before its words: "I left my studio", "quit the
#: agency", "used to work with a studio", "j'ai quitté mon studio", "avant j'étais dans un
#: studio", "saí do estúdio", "larguei a agência", "trabalhava pra um estúdio": what they
#: were, not what they are (never "left a tip": a thing given, not a place left).
_FORMER_BEFORE = re.compile(
    r"\b(?:left|quit|exited|leaving|quitting)\s+(?:my|the|our|that|this)\s+(?:old\s+|former\s+)?$|"
    r"\b(?:used\s+to|no\s+longer|not\s+anymore)\s+(?:\w+\s+)?(?:with|for|at|in|through|under)\s+"
    r"(?:(?:a|an|the|my|that)\s+)?$|"
    r"\b(?:j'ai\s+quitte|je\s+quitte|on\s+a\s+quitte|je\s+suis\s+partie?\s+d[eu']?|j'ai\s+"
    r"laisse\s+tomber)\s*(?:(?:mon|ma|le|la|l'|notre|mon\s+ancien|mon\s+ancienne)\s*)?$|"
    r"\b(?:avant|auparavant)\s+(?:j'etais|je\s+bossais|je\s+travaillais)\s+(?:avec|pour|chez|"
    r"dans)\s+(?:(?:un|une|mon|ma|le|la|l')\s*)?$|"
    r"\b(?:je\s+bossais|je\s+travaillais|j'etais)\s+(?:avec|pour|chez|dans)\s+(?:(?:un|une|mon|"
    r"ma|le|la|l')\s*)?$|"
    r"\b(?:sai|saimos|larguei|deixei|abandonei)\s+(?:d[oa]\s+|(?:o|a|meu|minha|nosso|nossa)\s+)"
    r"(?:antig[oa]\s+)?$|"
    r"\b(?:trabalhava|eu\s+era|era|fazia\s+parte)\s+(?:com|pra|para|num|numa|no|na|em|pel[oa]|"
    r"d[eoa])\s+(?:(?:um|uma|o|a|meu|minha)\s+)?$|"
    r"\bnao\s+(?:sou|estou|to|trabalho)\s+mais\s+(?:com|pra|para|no|na|num|numa|em|d[oa])\s+"
    r"(?:(?:um|uma|o|a|meu|minha)\s+)?$")
#: Korean: what the requester did until now, before the kind's words ("지금까지는 한 스튜디오
#: 밑에서 방송했는데", "그동안 스튜디오 소속으로 활동했는데") and a past act after them
#: (`_PAST_AFTER_KO`; not "지금까지 스튜디오 운영하면서": what they still do).
_FORMER_BEFORE_KO = re.compile(r"(?:지금까지(?:는|도)?|여태(?:까지)?(?:는)?|이제까지(?:는)?|그동안)"
                               r"\s+(?:\S+\s+){0,2}$")
_PAST_AFTER_KO = re.compile(r"^\S*\s+(?:\S+\s+){0,2}?\S*(?:했는데|했었|했어요|했고|했지만|"
                            r"였는데|이었는데|였어요|이었어요)")
_FORMER_AFTER_KO = re.compile(r"^\s*(?:\S+\s+)?(?:그만두|그만뒀|그만 두|나왔|나와서|나오고|탈퇴|"
                              r"떠났|떠나서|관뒀|관두)|^\s*소속이었")
_KO_SELF = ("이에요", "예요", "입니다", "이고", "고", "인데", "이었어요", "였어요", "이며",
            "이라서", "라서", "임", "이야", "야", "으로서", "로서")


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
    r"(?:encaix|enquadr)|(?:뭐로|무엇으로|어떤\s*걸로)\s*(?:가입|등록)|어디에\s*해당|"
    # which account is the right one: "not sure which account is the right one", "je ne sais
    # pas quel compte est le bon", "não sei qual conta é a certa", "어떤 계정이 맞는지"
    r"\b(?:which|what)\s+(?:account|profile)\s+(?:is|would be|should be)\s+(?:the\s+)?"
    r"(?:right|correct|best|proper)\b|\b(?:quel|quelle)\s+(?:compte|profil)\s+(?:est|serait)\s+"
    r"(?:le\s+)?(?:bon|correct|bien)\b|\bqual\s+(?:conta|perfil|cadastro)\s+(?:e|seria|eh)\s+"
    r"(?:a\s+|o\s+)?(?:cert[ao]|corret[ao]|melhor)\b|(?:어떤|무슨)\s*계정이\s*맞|"
    # whether to register as a kind: "should we register as a studio", "on doit s'inscrire
    # en tant que studio", "precisamos cadastrar como estúdio", "스튜디오로 등록해야 하는 건지"
    r"\b(?:should|do|must|need\s+to|have\s+to|whether\s+to|or)\s+(?:(?:we|i)\s+)?(?:\w+\s+)?"
    r"(?:register|sign\s+up|be\s+registered|be\s+set\s+up|switch|apply)\s+as\b|"
    r"\b(?:doit|dois|devons|devez|faut|faudrait|devrait|devrais|devrions)\s+(?:[\w']+\s+){0,3}?"
    r"(?:s'inscrire|m'inscrire|nous\s+inscrire|s'enregistrer|m'enregistrer|passer|"
    r"etre\s+inscrit\w*)\s+(?:en\s+tant\s+que|comme|en)\b|"
    r"\b(?:preciso|precisamos|precisa|devo|devemos|deveria|deveriamos|tenho\s+que|temos\s+que)"
    r"\s+(?:\w+\s+){0,2}?(?:cadastrar|registrar|virar|mudar\s+para|passar\s+para)\s+"
    r"(?:como|pra|para)\b|"
    r"(?:으로|로)\s*(?:등록|가입|전환)\s*해야\s*(?:하|되|할)|"
    # not knowing which box, category or option one fits in, whatever the words between:
    # "idk which box i fit in", "not sure which category i belong to", "je sais pas trop dans
    # quelle case je rentre", "não sei bem em qual categoria eu me encaixo", "제가 어느 쪽에
    # 해당하는지 모르겠어요"
    r"\b(?:not sure|unsure|no idea|no clue|idk|dunno|don'?t know|do not know|can'?t tell|"
    r"(?:ne\s+)?sais\s+(?:pas|plus)|jsp|chais pas|aucune idee|pas sure?|nao sei|nem sei|sei la|"
    r"nao tenho certeza)\s+(?:\w+\s+){0,3}?(?:which|what|where|quel|quelle|lequel|laquelle|"
    r"qual|quais|onde)\s+(?:[\w']+\s+){0,4}?(?:fit|fits|belong|belongs|box|category|"
    r"categories|bucket|option|applies|apply|case|categorie|rentre|corresponds?|"
    r"categoria|opcao|encaixo|encaixa|enquadro|enquadra)\b|"
    r"(?:어느|어떤|무슨)\s*(?:쪽|유형|카테고리|분류|항목)\S*\s*(?:\S+\s*)?(?:해당|속하|맞는)\S*\s*(?:잘\s*)?"
    r"(?:모르|몰라)")
#: One account for two people: "my wife and I share one account", "on partage le compte à
#: deux", "eu e meu namorado usamos a mesma conta", "계정 하나를 둘이 쓰고", "같이 쓰는 계정"
#: (folded), "from the same account", "한 계정으로 같이 방송하고": a couple or a pair on one
#: account may be one model or a studio, the requester's to say (`undecided`, unless they
#: say what they are).
_SHARED = re.compile(
    r"\b(?:share|shares|sharing|shared|split|splitting)\s+(?:(?:one|the|a|an|single|this|that|"
    r"our|same)\s+)+(?:account|profile|login)\b|\b(?:use|using|on|with|from|under|off|"
    r"through)\s+(?:one|a\s+single|"
    r"the\s+same|just\s+one|only\s+one)\s+(?:account|profile|login)\b|"
    r"\bpartag\w*\s+(?:(?:le|un|une|la|meme|seul|notre|ce)\s+)+(?:compte|profil)\b|"
    r"\b(?:utilis\w*|sur|avec)\s+(?:le\s+meme|un\s+seul|un\s+meme)\s+(?:compte|profil)\b|\b(?:compte|profil)\s+(?:a\s+deux|commun|partage)\b|"
    r"\b(?:divid\w*|compartilh\w*)\s+(?:(?:a|uma|o|um|mesma|so|nossa|unica)\s+)+conta\b|"
    r"\b(?:usamos|usa|usando|na|numa|em)\s+(?:a\s+mesma|uma\s+so|uma\s+unica|so\s+uma)\s+"
    r"conta\b|\bconta\s+(?:so|unica|compartilhada|em\s+conjunto)\b|"
    r"계정\s*(?:하나를?|한\s*개를?)\s*(?:둘이|같이|함께|나눠)|"
    r"(?:한|하나의|같은)\s*계정\s*(?:으로|에서)|(?:같이|함께|둘이)\s*(?:쓰는|사용하는)\s*계정|"
    r"계정을?\s*(?:같이|함께|둘이)\s*(?:쓰|사용)")
#: Two people, the requester one of them, in the sentence of `_SHARED`.
_PAIR = re.compile(r"\b(?:we|us|together|both|and i|and me|me and|two of us|couple|nous|on|"
                   r"a deux|ensemble|les deux|en couple|et moi|moi et|nos|a gente|juntos|juntas|"
                   r"os dois|as duas|de casal|e eu|eu e|dividimos|usamos)\b|둘이|같이|함께|커플")
#: One kind's activity and also another's, toward others' content: "but I also watch other
#: people's shows", "mais je regarde aussi les lives des autres", "mas também assisto as de
#: outras pessoas", "방송도 하고 다른 사람 방송도 봐요" (folded).
_ALSO_OTHERS = re.compile(
    r"\b(?:also|as well)\s+(?:[\w']+\s+){0,2}?(?:watch|view|follow|tip|subscribe|support)\w*"
    r"\s+(?:[\w']+\s+){0,3}?(?:other|others|someone else)\b|"
    r"\b(?:regarde|mate|suis|soutiens|tippe)\s+(?:aussi|egalement)\s+(?:[\w']+\s+){0,3}?"
    r"(?:des\s+autres|d'autres|les\s+autres)\b|\b(?:aussi|egalement)\s+(?:je\s+)?(?:regarde|"
    r"mate|suis)\s+(?:[\w']+\s+){0,3}?(?:des\s+autres|d'autres|les\s+autres)\b|"
    r"\btambem\s+(?:eu\s+)?(?:assisto|vejo|sigo|acompanho|dou)\s+(?:[\w']+\s+){0,3}?"
    r"(?:outras|outros|outra|outro)\b|"
    r"도\s*하고\s*(?:\S+\s+){0,2}?(?:다른|남의)\s*\S+\s*(?:\S+\s*)?도\s*(?:봐|보고|봅|시청)")
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
    r"도\s*하고[^.!?\n]{0,40}(?:친구|다른|모델|언니|동생|애들|사람|분들|(?:\d+|[한두세네])\s*명)"
    r"[^.!?\n]{0,20}관리")
#: The requester founding another kind, under way or planned: "I'm opening a studio", "je
#: monte un studio", "tô abrindo um estúdio", "스튜디오 차리려고": the word founded (group
#: 1 or 2), in the first person only ("my friend is opening a studio" is hers).
_FOUNDING = re.compile(
    r"\b(?:i'?m|i am|we'?re|we are|i'll|i will|i|we)\s+(?:(?:also|now|just|currently|going to|"
    r"gonna|about to|planning to|trying to)\s+)*(?:open|start|set up|launch|found|creat)\w*"
    r"\s+(?:up\s+)?(?:(?:a|an|my|our|own)\s+){1,2}([^\W\d_]+)|"
    r"\b(?:j'ouvre|je monte|je lance|je cree|je vais (?:ouvrir|monter|lancer|creer)|"
    r"on (?:ouvre|monte|lance|cree))\s+(?:(?:un|une|mon|ma|notre|propre)\s+){1,2}([^\W\d_]+)|"
    r"\b(?:(?:to|tou|estou|vou|eu|tamos|estamos|vamos)\s+(?:(?:agora|ja|tambem)\s+)?"
    r"(?:abrindo|montando|criando|abrir|montar|criar)|abri|montei|abro|monto)\s+"
    r"(?:(?:um|uma|meu|minha|nosso|nossa|proprio|propria)\s+){1,2}([^\W\d_]+)|"
    r"([\uac00-\ud7a3]+?)(?:을|를)?\s*(?:차리|창업|오픈\s*하려|오픈\s*준비)")
#: The requester taking up another kind's activity too, under way or planned: "last month
#: I started doing some lives too", "I want to start streaming as well", "j'ai commencé à
#: faire des lives aussi", "je vais commencer à diffuser moi aussi", "comecei a fazer umas
#: lives também", "저도 방송을 시작해보려고요" (folded): a kind added to the one they name,
#: the change under way. Without "too" ("I'm a new model, I just started streaming") it is
#: that kind's own start.
_TAKING_UP = re.compile(
    r"(?:\b(?:i|i'?ve|i'?m|i'?ll|je|j'ai|j'|moi|eu|me)\b[^.!?\n]{0,25}?\b(?:start|started|"
    r"starting|begin|began|begun|beginning|commence|commencer|comecar|comecando)|"
    r"\b(?:comecei|comeco|(?:quero|vou|to|estou|tou)\s+(?:comecar|comecando)))\s+(?:(?:to|a|doing|faire|fazer|de|d')\s+)?(?:[\w']+\s+){0,2}?"
    r"(?:stream|broadcast|live|show|cam|perform|model|diffus|transmit|transmissa)\w*"
    r"[^.!?\n]{0,60}?\b(?:too|also|as well|aussi|egalement|tambem)\b|"
    r"(?:저도|나도)[^.!?\n]{0,20}?(?:방송|라이브|캠)\S*\s*(?:\S+\s+)?시작")
#: A switch of the requester's account from one kind to another: "switch my account from
#: viewer to broadcaster", "passer mon compte de spectateur à diffuseur", "mudar minha
#: conta de espectador para modelo", "시청자 계정에서 방송 계정으로 바꾸고 싶어요" (folded):
#: the word switched from or to (groups 1, 2; 3 in Korean, from).
_SWITCH = re.compile(
    r"\b(?:switch|change|move|convert|upgrade|turn|passer|changer|basculer|transformer|mudar|"
    r"trocar|passar|migrar|converter)\w*\s+(?:[\w']+\s+){0,3}?(?:from|de|d'|do|da)\s*"
    r"(?:(?:a|an|un|une|um|uma)\s+)?([^\W\d_]+)\s+(?:account\s+|compte\s+|conta\s+)?"
    r"(?:to|into|a|en|pour|para|pra)\s+(?:(?:a|an|un|une|um|uma)\s+)?([^\W\d_]+)|"
    r"([\uac00-\ud7a3]+?)\s*계정(?:에서|을|를)\s*\S+?\s*계정으로\s*(?:바꾸|바꿀|바꿔|전환|변경|옮기)")
#: Two kinds at once, in the sentence naming them: "both", "half … half", "at the same
#: time", "à la fois", "les deux", "ao mesmo tempo", "as duas coisas", "둘 다".
_BOTH = re.compile(r"\b(?:both|at the same time|a la fois|en meme temps|les deux|"
                   r"ao mesmo tempo|as duas coisas|os dois|"
                   # a half said twice splits a person ("half model, half studio manager");
                   # once, it splits a time ("the second half of November", "la deuxième
                   # moitié du mois", "metade do mês")
                   r"(?P<half>half|moitie|metade)\b[^.!?\n]{1,60}\b(?P=half)|"
                   r"(?:half|la moitie|metade) (?:of )?(?:the|du|do) (?:time|temps|tempo))\b|"
                   r"둘 다|동시에")
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
    r"atraves\s+d[oae]|fa[cç]o\s+parte\s+d[oae]|agenciad[oa]\s+por|contratad[oa]\s+por|"
    # where the requester does their shows: "I do my shows out of a studio", "I stream from
    # an agency's flat", "je fais mes lives dans un studio", "faço as lives num estúdio"
    # (never "our": "the girls stream from our studio" is the owner's)
    r"(?:stream|perform|work|broadcast|cam|model|do\s+(?:my\s+)?(?:shows|streams|lives))\w*"
    r"\s+(?:[\w']+\s+){0,2}?(?:from|in|at|out\s+of|inside)|"
    r"(?:fais|diffuse|streame?|travaille|bosse|tourne)\s+(?:[\w']+\s+){0,2}?(?:dans|depuis|"
    r"chez)|"
    r"(?:faco|transmito|trabalho|gravo)\s+(?:[\w']+\s+){0,2}?(?:num|numa|no|na|em|de\s+dentro\s+"
    r"d[eoa]|dentro\s+d[eoa]))\s+"
    r"(?:(?:a|an|the|my|un|une|le|la|l'|mon|ma|um|uma|o|meu|minha)\s*)?$)")
#: Korean: the words with "에서" and the requester's activity there ("친구 스튜디오에서
#: 방송하는데", "에이전시에서 일해요"): where they stream, not what they are.
_WHERE_ACTIVE_KO = re.compile(r"^\s*(?:\S+\s+)?(?:방송|라이브|일하|일해|일합|활동|촬영|캠)")
#: Someone taking a share of the requester's money ("they keep 30% of my tips", "ils
#: prennent une commission", "ela fica com uma parte", "수수료를 떼 가요"): the requester
#: works through them, when a second kind is named (the studio); "the site takes 50%" is
#: the platform's share, and a lone kind ("I'm a model and they take 50%") stays.
_CUT = re.compile(
    r"\b(?:they|she|he|the\s+(?:studio|agency|owner|manager)|my\s+(?:manager|boss))\s+"
    r"(?:\w+\s+)?(?:take|takes|took|keep|keeps|kept|get|gets|skim|skims)\s+(?:(?:a|an|their|"
    r"her|his)\s+)?(?:cut|share|percentage|commission|part|portion|\d+\s*(?:%|percent))|"
    r"\b(?:ils|elle|il|elles|le\s+studio|l'agence|la\s+gerante|le\s+gerant|la\s+patronne|"
    r"le\s+patron)\s+(?:me\s+|m'|en\s+)?(?:prend|prennent|garde|gardent|recupere|recuperent|"
    r"touche|touchent)\s+(?:(?:une|un|leur|sa|son)\s+)?(?:part|commission|pourcentage|com|"
    r"\d+\s*(?:%|pour\s*cent))|"
    r"\b(?:ela|ele|eles|elas|o\s+estudio|a\s+agencia|a\s+dona|o\s+dono)\s+(?:\w+\s+)?"
    r"(?:fica|ficam|pega|pegam|leva|levam|tira|tiram|cobra|cobram)\s+(?:com\s+)?(?:(?:uma|a|"
    r"sua|um)\s+)?(?:parte|porcentagem|comissao|percentual|\d+\s*(?:%|por\s*cento))|"
    r"(?:수수료|커미션|몫|일부|\d+\s*(?:%|프로|퍼센트))\S*\s*(?:떼|가져|챙|받아\s*가)")
#: Another option's name, then "of"/"at"/"de" and an article, before the words: "a model at
#: a studio", "modèle d'un studio", "modelo de um estúdio" (the group is the table's).
_KIND_OF_BEFORE = re.compile(
    r"([^\W\d_]+)\s+(?:of|at|for|in|with|de|d'|do|da|chez|pour|com|em|no|na|num|numa)\s*"
    r"(?:(?:a|an|the|un|une|le|la|l'|um|uma|o)\s*)?$")
#: After the words, what they do for the requester, in the third person: "handles my
#: account", "that manages my schedule", "qui gère mes paiements", "gère mon compte",
#: "que cuida dos meus pagamentos", "gerencia minha conta".
_MANAGES_ME_AFTER = re.compile(
    r"^(?P<pre>[^.!?\n]{0,30}?)(?<![\w'])(?:(?:handles|manages|runs|pays|controls|books|schedules|"
    r"takes care of|looks after|sets up)\s+(?:all\s+)?(?:of\s+)?(?:my|me)\b|"
    r"(?:gere|gerent|s'occupe\s+de|s'occupent\s+de|paie|paient|controle|organise)\s+"
    r"(?:(?:toute|tout|une partie de|la plupart de)\s+)?(?:mon|ma|mes|me|m')|"
    r"(?:cuida|cuidam|gerencia|gerenciam|administra|administram|paga|pagam|controla|"
    r"organiza)\s+(?:de\s+|d[oa]s?\s+)?(?:(?:toda|todo|parte d[aeo])\s+)?(?:meu|minha|meus|"
    r"minhas|me)\b)")
#: No one as the subject of what `_MANAGES_ME_AFTER` finds: "I do my shows by myself,
#: nobody manages me", "personne ne gère mes horaires", "ninguém cuida da minha conta": the
#: requester works through no one (folded, the end of its group ``pre``).
_NOBODY_BEFORE = re.compile(r"\b(?:nobody|no\s*one|no-one|not\s+anyone|personne\s+ne|"
                            r"ninguem|nenhum[a]?\s+[^\W\d_]+)\s*$")
#: Korean: the words, then 소속 and the requester's copula or another kind ("스튜디오 소속
#: 모델이에요", "에이전시 소속으로 활동해요"): a member, not the studio.
_BELONG_AFTER_KO = re.compile(r"^\s*소속\s*(?:으로|이고|이에요|입니다|인데|이라|\S+(?:이에요|"
                              r"입니다|인데|이고|예요))")
_OURS = re.compile(r"(?:our|notre|nos|nosso|nossa|nossos|nossas|my|mon|ma|mes|meu|minha|meus|"
                   r"minhas|저희|제|내|우리)\b")


def undecided(texts: Sequence[tuple[str, str]], hits: Sequence[tuple[str, Hit]],
               people: Mapping[str, set[str]]) -> bool:
    """True when a text asks which kind the requester is (`_WHICH_KIND`: also which account
    is right, whether to register as one), gives them a second role (`_SECOND_ROLE`; one
    kind's activity and also others' content, `_also_others`), puts two people on one
    account (`_shared`), has someone take a share of their money beside two kinds named
    (`_cut`), writes for someone else (`_on_behalf`), doubts between two kinds (`_torn`),
    or an option's words, not negated, are the requester's affiliation
    (`_affiliation`: also where they do their shows, "faço as lives num estúdio")."""
    folded = [fold(t) for _, t in texts]
    return any(_WHICH_KIND.search(f) or _second_role(f) for f in folded) or _founding(
        folded, hits, people) or _taking_up(folded, hits) or _switch(folded, people) or any(
        _affiliation(t, h, people) for t, h in hits if not h.negated) or _both(hits, people) \
        or _shared(folded, hits) or _also_others(folded, hits) or _cut(folded, hits) \
        or _on_behalf(texts, hits, people) or _torn(texts, people)


#: The requester in doubt between two things, in one sentence: "not sure if I stay a model
#: or if this is a studio now", "je sais pas si je reste modèle ou si on est un studio",
#: "não sei se continuo como modelo ou se isso já vira estúdio", "모델인지 스튜디오인지
#: 모르겠어요" (folded).
_TORN = re.compile(
    r"\b(?:not sure|unsure|don'?t know|do not know|no idea|wondering|can'?t tell|"
    r"(?:je\s+)?(?:ne\s+)?sais\s+pas|jsp|je me demande|nao sei|nem sei|(?:fico|to|estou)\s+em\s+"
    r"duvida)\b[^.!?\n]{0,80}?\b(?:or|ou)\b|(?:인지|건지)\s*[^.!?\n]{0,30}(?:인지|건지)\s*(?:잘\s*)?"
    r"(?:모르|몰라)")


def _torn(texts: Sequence[tuple[str, str]], people: Mapping[str, set[str]]) -> bool:
    """True when a sentence doubting between two things (`_TORN`) names two kinds by their
    one-word names ("não sei se continuo como modelo ou se isso já vira estúdio")."""
    for _, text in texts:
        folded = fold(text)
        for m in _TORN.finditer(folded):
            # from the doubt on: "I'm a viewer, not sure if the model or the site muted
            # me" doubts about one kind only
            end = next((e.start() for e in SENTENCE_END.finditer(folded, m.end())),
                       len(folded))
            sentence = folded[m.start():end]
            named: set[str] = set()
            for w in NAME_WORD.findall(sentence):
                for form in {w, *(key(w, lang) for lang in LANGUAGES)}:
                    named |= people.get(form, set())
            if HANGUL.search(m.group()):  # Korean: the kinds come before the doubt
                sentence = _sentence_of(folded, m)
            for w in re.findall(r"[\uac00-\ud7a3]+?(?=인지|건지)", sentence):
                named |= people.get(w, set())
            if len(named) > 1:
                return True
    return False


#: The requester's own words among a person field's hits: "my stream", "I stream", "je
#: diffuse", "faço live", "제 방송" (folded): theirs, not the person they write for.
_MINE = re.compile(r"(?:i|i'm|im|we|we're|je|j'|nous|eu|sou|somos|faco|transmito|trabalho|"
                   r"assisto|comprei|dei|mandei|pago|저는|제가|내가|저희)(?!\w)")
#: A first-person possessive before the person written for: "on behalf of our studio",
#: "de la part de mon agence": when the word is a kind, it is the requester's own.
_FIRST_WHOSE = frozenset({"my", "our", "mon", "ma", "mes", "notre", "minha", "meu", "nossa",
                          "nosso"})
#: Words for a man or a woman written for (folded), so that "his"/"her" ("dele"/"dela")
#: refer to them; other words (a friend, a cousin) take either.
_MAN = frozenset({"husband", "brother", "dad", "father", "son", "boyfriend", "uncle",
                  "grandfather", "grandpa", "mari", "frere", "pere", "fils", "copain", "oncle",
                  "marido", "irmao", "pai", "filho", "namorado", "tio", "avo"})
_WOMAN = frozenset({"wife", "sister", "mom", "mum", "mother", "daughter", "girlfriend", "aunt",
                    "grandmother", "grandma", "femme", "soeur", "mere", "fille", "copine",
                    "tante", "esposa", "mulher", "irma", "mae", "filha", "namorada", "tia"})
_SOMEONE = frozenset({"friend", "partner", "cousin", "client", "colleague", "ami", "amie",
                      "pote", "cousine", "collegue", "amigo", "amiga", "primo", "prima",
                      "colega", "cliente", "parceiro", "parceira"})


def written_for(texts: Sequence[tuple[str, str]], people: Mapping[str, set[str]]
                ) -> str | None:
    """The folded word for the person the requester writes on behalf of (`words.ON_BEHALF`:
    "on behalf of my sister", "escrevendo pela minha prima", "여자친구 대신 문의드려요"), or
    None. A verb's "for" needs a possessive or an article ("writing for the model I
    assist" names no one written for); a kind the requester owns is theirs ("on behalf of
    our studio")."""
    for _, text in texts:
        for m in ON_BEHALF.finditer(fold(text)):
            word = m.group("person") or m.group("person_ko")
            whose = (m.group("whose") or "").strip()
            if not whose and m.group("person"):  # "of a model": the article the regex's
                # Portuguese "a" before "m" took ("em nome da a minha") is English's too
                whose = next(iter(m.group()[:m.start("person") - m.start()].split()[-1:]), "")
                whose = whose if whose in ("a", "an") else ""
            if word is None or (m.group("verb") is not None and not whose):
                continue
            if m.group("person") and ORGANISATION.match(fold(text), m.start("person")):
                continue  # "au nom de la société Atelier Rouge SARL": the requester's side
            kind = any(people.get(w) for w in {word, *(key(word, lang) for lang in LANGUAGES)})
            if kind and (not whose or whose in _FIRST_WHOSE):
                continue  # "on behalf of our studio": the requester's own
            if m.group("verb") is not None and whose not in _FIRST_WHOSE and not kind \
                    and word not in _MAN | _WOMAN | _SOMEONE:
                continue  # "asking for a refund": a thing asked for, no one
            return word
    return None


def _on_behalf(texts: Sequence[tuple[str, str]], hits: Sequence[tuple[str, Hit]],
               people: Mapping[str, set[str]]) -> bool:
    """True when the requester writes for another person (`written_for`), says of no kind
    that it is what they are, and names one as their own ("writing for my wife: my stream
    freezes too"): theirs or hers, theirs to say. The kinds said of the person written for
    ("her room", "she's a model", `theirs`) are the ticket's, and read."""
    if not any(not h.negated for _, h in hits) or any(
            not h.negated and says_self(t, h) for t, h in hits):
        return False
    if written_for(texts, people) is None:
        return False
    return any(not h.negated and (_MINE.match(fold(t[h.start:h.end]))
                                  or _OURS.match(fold(t[h.start:h.end]))) for t, h in hits)


#: The kind said of someone (folded), after the cue: "she's a model", "he is just a
#: member", "she works as a model", "elle est modèle", "il bosse comme streameur", "ela é
#: modelo", "ele trabalha como modelo": the word read against every option's one-word
#: names (`person_words`).
_THIRD_CUE = re.compile(
    r"\b(?:(?:she|he)(?:'s|\s+is|\s+works\s+as|\s+is\s+registered\s+as)|"
    r"(?:elle|il)\s+(?:est|travaille\s+comme|bosse\s+comme|est\s+inscrite?\s+comme)|"
    r"(?:ela|ele)\s+(?:e|eh|trabalha\s+como|atua\s+como|e\s+cadastrad[ao]\s+como))\s+"
    r"(?:(?:just|only|a|an|juste|simple|une?|um|uma|so|apenas)\s+){0,2}([^\W\d_]+)")
#: Right before a kind's words, the cue of `_THIRD_CUE` and a word at most ("she's a
#: paying member", "elle est une simple abonnée"): the kind said of that person.
_THIRD_BEFORE = re.compile(
    r"\b(?:(?:she|he)(?:'s|\s+is|\s+works\s+as|\s+is\s+registered\s+as)|"
    r"(?:elle|il)\s+(?:est|travaille\s+comme|bosse\s+comme)|"
    r"(?:ela|ele)\s+(?:e|eh|trabalha\s+como|atua\s+como))\s+"
    r"(?:(?:just|only|a|an|juste|simple|une?|um|uma|so|apenas)\s+){0,2}(?:[^\W\d_]+\s+)?$")
#: A third person's possessive for the first person's, per language: "my room" said of
#: her ("her room"), "mon live" ("son live"), "minha live" ("a live dela", "sua live").
_THEIR_PT: dict[str, tuple[str, ...]] = {"minha": ("sua",), "meu": ("seu",),
                                         "minhas": ("suas",), "meus": ("seus",)}
_THEIR: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"my": ("her", "his", "their")},
    "fr": {"mon": ("son",), "ma": ("sa",), "mes": ("ses",)},
    "pt": _THEIR_PT}
#: The first person's "I am" said of a third person, per language.
_THEY_ARE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"i'm": ("she's", "he's", "she is", "he is"), "i am": ("she is", "he is")},
    "fr": {"suis": ("est",), "je suis": ("elle est", "il est")}}


def their_phrases(f: Field, language: str) -> list[tuple[str, str, float]]:
    """A person field's first-person possessive keywords said of a third person ("my
    room" → "her room", "his room"; "mes tips" → "ses tips"; "minha live" → "sua live",
    "live dela", "live dele"): what is said of the person the requester writes for."""
    out: list[tuple[str, str, float]] = []
    table = _THEIR.get(language, {})
    for value, per in option_keywords(f).items():
        for loc, words in per.items():
            if loc.split("-", 1)[0].lower() != language:
                continue
            for w in words:
                first, _, rest = w.partition(" ")
                if not rest:
                    continue
                out.extend((value, f"{o} {rest}", KEYWORD_WEIGHT) for o in table.get(first, ()))
                # "suis abonnée" said of her: "est abonnée"; "i'm a subscriber": "she's a …"
                out.extend((value, f"{o} {rest}", KEYWORD_WEIGHT)
                           for o in _THEY_ARE.get(language, {}).get(first, ()))
                if w.startswith(("je suis ", "i am ")):
                    tail = w.split(" ", 2)[2]
                    out.extend((value, f"{o} {tail}", KEYWORD_WEIGHT)
                               for o in _THEY_ARE[language]["je suis" if language == "fr"
                                                           else "i am"])
                if language == "pt" and first in _THEIR_PT:
                    out.extend((value, f"{rest} {o}", KEYWORD_WEIGHT) for o in ("dela", "dele"))
    return out


def theirs(text: str, found: Sequence[Hit], others: Sequence[Hit], person: str,
           people: Mapping[str, set[str]]) -> list[Hit]:
    """The hits of ``text`` said of the person the requester writes for (``person``,
    folded): ``found`` (`their_phrases`: "her room", "sa room", "a live dela") and the
    kind said of them (`_THIRD_CUE`: "she's a model", "ela é modelo"), unless another
    person's kind (``others``, someone else's) stands before in the sentence ("a streamer
    banned him from her room") or the pronoun is of the other sex ("his" for a wife)."""
    folded = fold(text)
    out: list[Hit] = []
    for m in _THIRD_CUE.finditer(folded):
        word = m.group(1)
        named = set().union(*(people.get(w, set()) for w in {
            word, *(key(word, lang) for lang in LANGUAGES)}))
        if len(named) == 1:
            out.append(Hit(Phrase(next(iter(named)), text[m.start(1):m.end(1)], (),
                              KEYWORD_WEIGHT), m.start(1), m.end(1), False, False))
    # whole phrases only: "minhas modelos" is no "modelo e o perfil dela" across a gap
    out += [h for h in found if not h.negated and not h.skipped and not h.fuzzy]
    kept = []
    for h in out:
        said = folded[max(0, h.start - 12):h.end]
        if (person in _MAN and re.search(r"\b(?:her|she|elle|ela|dela)\b", said)) or (
                person in _WOMAN and re.search(r"\b(?:his|he|il|ele|dele)\b", said)):
            continue  # "her room" for a husband: another woman's
        start = max((e.end() for e in SENTENCE_END.finditer(text, 0, h.start)), default=0)
        if any(start <= o.start < h.start for o in others):
            continue  # "a streamer banned him from her room": hers, whoever she is
        kept.append(h)
    return kept


def said_of_them(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` follow a third person's "is" (`_THIRD_BEFORE`: "she's
    a paying member", "ela é uma assinante"): in a text written for that person, theirs."""
    return bool(_THIRD_BEFORE.search(fold(text[max(0, hit.start - 40):hit.start])))


def ko_theirs(text: str, hit: Hit, person: str) -> bool:
    """True when a Korean hit's clause has the person written for as its subject
    ("여자친구가 모델로 활동하는데", for "여자친구 대신"): theirs, the ticket's."""
    if not HANGUL.search(text[hit.end - 1:hit.end]):
        return False
    words, phrase = text[hit.start:hit.end], hit.phrase.text
    rest = (words[len(phrase):] if words.startswith(phrase) else "") + text[hit.end:hit.end + 4]
    if len(phrase.split()) == 1 and not rest.startswith(_KO_SELF):
        return False  # "남편이 좋아하는 모델이": the model is the subject, not his kind
    start = max((m.end() for m in _KO_CLAUSE.finditer(text, 0, hit.start)), default=0)
    subjects = [w for w in text[start:hit.start].split() if HANGUL.match(w) and w not in _KO_I
                and (w.endswith(("가", "이", "께서")))]
    return bool(subjects) and all(w.startswith(person) for w in subjects)


def _cut(folded: Sequence[str], hits: Sequence[tuple[str, Hit]]) -> bool:
    """True when someone takes a share of the requester's money (`_CUT`) and the texts name
    two kinds, neither negated (a model and the studio she works through)."""
    if len({h.phrase.label for _, h in hits if not h.negated}) < 2:
        return False
    return any(_CUT.search(f) for f in folded)


def _founding(folded: Sequence[str], hits: Sequence[tuple[str, Hit]],
              people: Mapping[str, set[str]]) -> bool:
    """True when the requester founds a kind (`_FOUNDING`) other than one their words
    name (a model opening a studio is two kinds: which account is theirs to say)."""
    named = {h.phrase.label for _, h in hits if not h.negated}
    for f in folded:
        for m in _FOUNDING.finditer(f):
            word = next(g for g in m.groups() if g)
            founded = set().union(*(people.get(w, set()) for w in {
                word, *(key(word, lang) for lang in LANGUAGES)}))
            if founded and named - founded:
                return True
    return False


def _taking_up(folded: Sequence[str], hits: Sequence[tuple[str, Hit]]) -> bool:
    """True when the requester, who names a kind, takes up another kind's activity too
    (`_TAKING_UP`): two kinds, or one becoming another; which is theirs to say."""
    return any(not h.negated for _, h in hits) and any(_TAKING_UP.search(f) for f in folded)


def _switch(folded: Sequence[str], people: Mapping[str, set[str]]) -> bool:
    """True when the requester switches their account from one kind to another
    (`_SWITCH`), a kind's name on either side: the change under way is theirs to say."""
    for f in folded:
        for m in _SWITCH.finditer(f):
            for word in filter(None, m.groups()):
                if set().union(*(people.get(w, set()) for w in {
                        word, *(key(word, lang) for lang in LANGUAGES)})):
                    return True
    return False


def _sentence_of(folded: str, m: re.Match[str]) -> str:
    """The sentence of ``folded`` that match ``m`` stands in."""
    start = max((e.end() for e in SENTENCE_END.finditer(folded, 0, m.start())), default=0)
    end = next((e.start() for e in SENTENCE_END.finditer(folded, m.end())), len(folded))
    return folded[start:end]


def _shared(folded: Sequence[str], hits: Sequence[tuple[str, Hit]]) -> bool:
    """True when two people, the requester one, use one account (`_SHARED`, `_PAIR`) and
    the requester says of no option that it is what they are ("I'm just a viewer")."""
    if any(not h.negated and says_self(t, h) for t, h in hits):
        return False
    return any(_PAIR.search(_sentence_of(f, m)) for f in folded for m in _SHARED.finditer(f))


def _also_others(folded: Sequence[str], hits: Sequence[tuple[str, Hit]]) -> bool:
    """True when the requester names one kind's activity and also does something with
    others' content (`_ALSO_OTHERS`): two roles, unless they speak as a group (`_WE`)."""
    if not any(not h.negated for _, h in hits):
        return False
    return any(not _WE.search(_sentence_of(f, m)) for f in folded
               for m in _ALSO_OTHERS.finditer(f))


def _second_role(folded: str) -> bool:
    """True when a sentence gives the requester a second role (`_SECOND_ROLE`) and is not
    a group speaking (`_WE`: "we also manage two girls" is a studio); a group a later
    sentence speaks for ("I model but I also manage two girls. Do we need …") is the
    requester and those they manage."""
    for m in _SECOND_ROLE.finditer(folded):
        start = max((e.end() for e in SENTENCE_END.finditer(folded, 0, m.start())), default=0)
        end = next((e.start() for e in SENTENCE_END.finditer(folded, m.end())), len(folded))
        if not _WE.search(folded, start, end):
            return True
    return False


#: Right after "both", what the requester owns or where: devices, places ("both my laptop
#: and my phone", "sur les deux, mon PC et ma tablette", "nos dois, no celular e no
#: notebook"), never kinds of person.
_THINGS_AFTER_BOTH = re.compile(r"\W*(?:my|our|the|on|in|mon|ma|mes|nos|notre|sur|les|le|la|"
                                r"meu|minha|meus|minhas|no|na|nos|nas|em|o|os|as)\b")
#: How far from "both" (characters, either side) the kinds it joins may stand.
_BOTH_REACH = 32


def _both(hits: Sequence[tuple[str, Hit]], people: Mapping[str, set[str]]) -> bool:
    """True when one sentence says the requester is two kinds (`_BOTH`: "half model, half
    studio manager", "à la fois modèle et studio"), naming both by their keywords or their
    one-word names (``people``, as written: a plural is others)."""
    for text, hit in hits:
        if hit.negated:
            continue
        start = max((m.end() for m in SENTENCE_END.finditer(text, 0, hit.start)), default=0)
        end = next((m.start() for m in SENTENCE_END.finditer(text, hit.end)), len(text))
        sentence = fold(text[start:end])
        for m in _BOTH.finditer(sentence):
            if _THINGS_AFTER_BOTH.match(sentence, m.end()):
                continue  # "on both my laptop and my phone", "les deux, mon PC et …"
            # the kinds "both" joins stand beside it ("both a model and a viewer"); a kind
            # further off is another thing's ("I'm a user and every stream buffers … on both
            # my laptop and my phone": two devices)
            near = (start + max(0, m.start() - _BOTH_REACH), start + m.end() + _BOTH_REACH)
            named = {o.phrase.label for t, o in hits if t is text and not o.negated
                     and start <= o.start and o.end <= end
                     and near[0] <= o.end and o.start <= near[1]}
            named.update(*(people.get(w, set()) for w in NAME_WORD.findall(
                sentence[near[0] - start:near[1] - start])))
            if len(named) > 1:
                return True
    return False


def _affiliation(text: str, hit: Hit, people: Mapping[str, set[str]]) -> bool:
    """True when the words of ``hit`` name what the requester works through, not what
    they are: after an affiliation ("je passe par une agence", `_AFFILIATION_BEFORE`), after
    another option's name the requester says they are ("sou modelo de um estúdio", "I'm a
    model at a studio"; not "a modelo do estúdio", the studio's), before what it
    does for the requester ("my studio handles my account", "mon agence gère mon
    compte", "o estúdio cuida dos meus pagamentos", `_MANAGES_ME_AFTER`; never of no one,
    "nobody manages me", `_NOBODY_BEFORE`) or a Korean
    belonging ("스튜디오 소속 모델이에요"). Never the requester's own words ("our studio",
    "my fans": "I stream for my fans")."""
    if _OURS.match(fold(text[hit.start:hit.end])) or left_behind(text, hit):
        return False  # ours, or left ("I used to stream with an agency")
    before = fold(text[max(0, hit.start - 40):hit.start])
    if _AFFILIATION_BEFORE.search(before):
        return True
    kind = _KIND_OF_BEFORE.search(before)
    if kind and _SELF_BEFORE.search(before[:kind.start()]):
        word = kind.group(1)
        named = set().union(*(people.get(w, set()) for w in {
            word, *(key(word, lang) for lang in LANGUAGES)}))
        if named - {hit.phrase.label}:
            return True
    after = fold(text[hit.end:hit.end + 48])
    manages = _MANAGES_ME_AFTER.match(after)
    if (manages and not _NOBODY_BEFORE.search(manages.group("pre"))) or (
            _BELONG_AFTER_KO.match(after) and "저희" not in before):
        return True
    words = text[hit.start:hit.end]
    ending = words[len(hit.phrase.text):] if words.startswith(hit.phrase.text) else ""
    return ending.startswith("에서") and bool(_WHERE_ACTIVE_KO.match(after)) and not (
        "저희" in before or "우리" in before)


def denies_kind(text: str, hit: Hit) -> bool:
    """True when a denied hit (``hit.denied``) denies what the requester is ("not a model",
    "je suis pas modèle", "스튜디오는 아니고"), not a thing of theirs set aside as the topic:
    "nothing to do with my earnings", "rien à voir avec mes gains", "não é sobre meus
    ganhos", "제 수익 문제는 아니고" rule a topic out, and the words of the requester's own
    thing (`_OURS`) say nothing against the kind that has it ("I stream on my own")."""
    return not _OURS.match(fold(text[hit.start:hit.end]))


#: Prepositions: a phrase met across one ("I'm a moderator in a model's room" for "I'm a
#: model", "I'm a friend of a model") names the kind inside another noun's complement.
_PREPOSITIONS = frozenset({"of", "in", "at", "for", "with", "on", "from", "de", "du", "des",
                           "d", "dans", "chez", "pour", "avec", "da", "do", "das", "dos", "na",
                           "no", "nas", "nos", "em", "com", "pra", "para", "pro"})


#: A phrase that is itself a self-statement ("i'm a model", "je suis modèle", "as a
#: viewer"): the ones a gap may turn into another noun's complement.
_SELF_PHRASE = re.compile(r"(?:i'?m|i am|je suis|j'suis|sou|somos|we'?re|we are|nous sommes|"
                          r"as|en tant que|como)\b")


def across_a_preposition(text: str, hit: Hit) -> bool:
    """True when ``hit`` met its phrase across a gap holding a preposition: the words
    between are another noun and its complement ("I'm a moderator in a model's room"),
    the kind is not what the requester says they are."""
    if not hit.skipped or not _SELF_PHRASE.match(fold(hit.phrase.text)):
        return False
    phrase = set(fold(hit.phrase.text).replace("'", " ").split())
    said = fold(text[hit.start:hit.end]).replace("'", " ").split()
    return any(w in _PREPOSITIONS for w in said if w not in phrase)


#: Korean: a bare kind, then another noun carrying the requester's copula ("모델 방송방
#: 매니저인데": the manager of a model's room).
_KO_NOUN_AFTER = re.compile(
    r"\s+(?:[\uac00-\ud7a3]+(?<![는한인된던])\s+)?(?!소속|사람|분|중|거|것)([\uac00-\ud7a3]+?)"
    r"(?:인데|이에요|예요|입니다|이고|이라서)")
#: Korean: a count right after a bare kind ("시청자 한 명이", "모델 두 명", "유저 몇 명"):
#: people counted, someone the requester tells about.
_KO_COUNTED = re.compile(r"\s*(?:한|두|세|네|다섯|몇|여러|\d+)\s*(?:명|분)")
#: The Korean kinds a bare noun may name (`_KO_NOUN_AFTER` looks past them only).
_KO_KIND = frozenset({"모델", "시청자", "유저", "회원", "스트리머", "BJ", "비제이", "크리에이터",
                      "방송인", "스튜디오", "에이전시"})


def left_behind(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` (a kind of person) name what the requester has left
    (`_FORMER_BEFORE`: "I left my studio", "saí do estúdio"; `_FORMER_AFTER_KO`:
    "스튜디오를 그만두고"; `_FORMER_BEFORE_KO`: "지금까지는 한 스튜디오 밑에서 방송했는데"):
    what they were, not what they are."""
    if HANGUL.search(text[hit.end - 1:hit.end]):
        return bool(_FORMER_AFTER_KO.match(text[hit.end:hit.end + 16]) or (
            _FORMER_BEFORE_KO.search(text[max(0, hit.start - 24):hit.start]) and
            _PAST_AFTER_KO.match(text[hit.end:hit.end + 30])))
    return bool(_FORMER_BEFORE.search(fold(text[max(0, hit.start - 40):hit.start])))


def someone_else(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` (a kind of person) are about someone the requester
    tells about, not the requester (see `_OTHER_BEFORE`, `_KO_OTHER`), or a kind the
    requester has left (`_FORMER_BEFORE`, `_FORMER_AFTER_KO`: "I left my studio")."""
    if left_behind(text, hit) or across_a_preposition(text, hit):
        return True  # "I left my studio", "스튜디오를 그만두고": what the requester was
    words = text[hit.start:hit.end]
    if HANGUL.search(words[-1:]):
        if words in _KO_KIND and _KO_COUNTED.match(text, hit.end):
            return True  # "시청자 한 명이", "모델 두 명": people counted, not the writer
        if words in _KO_KIND and _KO_NOUN_AFTER.match(text, hit.end):
            return True  # "모델 방송방 매니저인데": the requester is the manager
        if len(words.split()) > 1:
            # a phrase ("제 방송"), not a person named alone: someone else's only when a
            # person is its clause's subject ("팔로우한 모델이 방송 켜도")
            start = max((m.end() for m in _KO_CLAUSE.finditer(text, 0, hit.start)), default=0)
            return any(_KO_PERSON_SUBJECT.search(w) for w in text[start:hit.start].split())
        rest = words[len(hit.phrase.text):] if words.startswith(hit.phrase.text) else ""
        if rest.startswith(("분", "님")) or _KO_WHO_IS.match(rest + text[hit.end:hit.end + 8]):
            # "모델분 방송이", "모델님이": a third person spoken of with respect; "모델인
            # 친구가": a friend who is a model
            return True
        stem = strip_korean(words)
        ending = words[len(stem):] if words.startswith(stem) else ""
        # another subject first in the clause ("여자친구가 여기 모델이고", "여자친구가 모델로
        # 방송하는데": the girlfriend is the model, whatever the ending)
        other = _ko_other_subject(text, hit)
        if ending in _KO_SELF or other:
            return other
        previous = text[:hit.start].split()[-1:] if text[:hit.start].endswith(" ") else []
        if previous and previous[0] not in _KO_I and _KO_RELATIVE.search(previous[0]) \
                and not any(rest.startswith(e) for e in _KO_SELF):  # "활동하는 모델인데요"
            return True  # "즐겨찾기한 모델", "좋아하는 모델 방송이": the one the clause describes
        if hit.phrase.text.endswith(ending):
            return False  # the keyword's own particle ("방송이")
        return ending in _KO_OTHER and not HANGUL.match(text[hit.end:hit.end + 1])
    if _OURS.match(fold(words)):
        return False  # "a minha live", "la mia": the requester's own, whatever article
    if _across_progressive(words, hit):
        return True  # "I'm losing viewers": the people the verb acts on
    if _I_FIRST.match(fold(words)):
        return False  # "(I should say that) I only watch": the requester, whatever before
    before = fold(text[max(0, hit.start - 40):hit.start])
    if _SELF_BEFORE.search(before) or _OWN_BEFORE.search(before) \
            or _KIND_AFTER.search(fold(text[hit.end:hit.end + 12])):
        return False
    if _plural_of(words, hit.phrase.text):
        return True  # "viewers can't see my prices": people, not the one who writes
    described = _DESCRIBED_BEFORE.search(before)
    if described is not None and described.group(1) in _MAN | _WOMAN | _SOMEONE:
        return True  # "uma amiga que é modelo", "my friend who is a model": theirs
    return bool(_OTHER_BEFORE.search(before)
                or _OTHER_AFTER.search(fold(text[hit.end:hit.end + 30])))


#: A hit opening with the requester as its subject: "I only watch", "je regarde", "eu só
#: assisto", "we run a studio" (folded).
_I_FIRST = re.compile(r"(?:i|i'm|we|we're|je|j'|nous|eu|nos|a gente)\s")


#: A person described by a relative clause right before the words (folded): "uma amiga
#: que é modelo", "my friend who is a model", "une amie qui est modèle", "uma amiga minha
#: que só assiste" (the person's word is checked against `_MAN`, `_WOMAN`, `_SOMEONE`).
_DESCRIBED_BEFORE = re.compile(
    r"\b([a-z]+)(?:\s+(?:minha|meu|of\s+mine|a\s+moi))?\s+(?:who|that|que|qui)\s+"
    r"(?:(?:is|was|e|era|est|etait)\s+(?:(?:a|an|un|une|um|uma)\s+)?)?$")


#: Korean: a person noun after the words' adnominal copula ("모델인 친구가", "스튜디오 하는
#: 언니"): someone the requester tells about, described by the kind.
#: A Korean verb in its adnominal form ("즐겨찾기한", "좋아하는", "보던"): a relative
#: clause describing the person right after it.
_KO_RELATIVE = re.compile(r"[\uac00-\ud7a3](?:한|하는|했던|하던|보는|보던|던)$")
_KO_SELF_AFTER_VERB = tuple(e for e in _KO_SELF if e != "고")
_KO_WHO_IS = re.compile(r"^인\s*(?:친구|지인|언니|누나|오빠|형|동생|여자친구|남자친구|분|사람|애|"
                        r"아내|와이프|남편|동료)")


def _ko_other_subject(text: str, hit: Hit) -> bool:
    """True when another subject than the requester ("여자친구가", "친구께서") stands first in
    the Korean clause of ``hit``: the kind is that person's, whatever the ending."""
    start = max((m.end() for m in _KO_CLAUSE.finditer(text, 0, hit.start)), default=0)
    return any(w not in _KO_I and (w.endswith("가") or w.endswith("께서"))
               for w in text[start:hit.start].split() if HANGUL.match(w))


def says_self(text: str, hit: Hit) -> bool:
    """True when the words of ``hit`` (a kind of person) are the requester saying what they
    are: "I'm a model", "je suis modèle", "sou modelo", a Korean copula ending ("모델인데요",
    "모델이에요")."""
    words = text[hit.start:hit.end]
    if across_a_preposition(text, hit):
        return False  # "I'm a moderator in a model's room"
    if asked_of_me(text, hit.start):
        return False  # "vous m'avez demandé si je suis modèle ou studio": the question's
    if HANGUL.search(words[-1:]):
        phrase = hit.phrase.text
        ending = words[len(phrase):] if words.startswith(phrase) else ""
        # "고" joins a noun only ("시청자고"): after a verb's stem it is "and" ("방송을 하고")
        endings = _KO_SELF if len(phrase.split()) == 1 else _KO_SELF_AFTER_VERB
        return bool(ending) and any(ending.startswith(e) for e in endings) \
            and not _ko_other_subject(text, hit)  # "친구가 모델인데": the friend's copula
    if _SELF_BEFORE.search(fold(text[max(0, hit.start - 40):hit.start])):
        return True
    return _SELF_CUE.match(fold(words)) is not None and not _across_progressive(words, hit)


def _across_progressive(words: str, hit: Hit) -> bool:
    """True when the phrase of ``hit`` is met across a verb in -ing after "I'm" ("i'm a
    viewer" in "I'm losing viewers"): the verb's object, others, not what the requester is."""
    m = _SELF_CUE.match(fold(words))
    return m is not None and bool(_PROGRESSIVE.fullmatch(m.group(1) or "")) \
        and m.group(1) not in fold(hit.phrase.text)


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
#: (`person_words`); and a reply that is only the answer, "modèle, pas studio". Only "I":
#: "on est deux modèles", a group, may be a studio or two models.
_SELF_CUE = re.compile(
    # the requester's work, in the first person, as a kind: "I work as a model", "je
    # travaille comme modèle", "je bosse en tant que", "trabalho (por conta própria) como
    # modelo", "atuo como", "sou cadastrada como" (not "elle travaille comme", "trabalha");
    # first, so that "I'm working as" is not "I'm" and a word
    r"(?:(?:\bi\s+(?:work|worked|perform|performed|signed\s+up|registered)|\bi'?m\s+(?:working|"
    r"registered|signed\s+up|listed)|\bi\s+am\s+(?:working|registered|signed\s+up|listed)|"
    r"\bje\s+(?:travaille|bosse|taffe|suis\s+inscrite?|suis\s+enregistree?)|"
    r"\bj'(?:exerce|bosse|travaille)|\b(?:trabalho|atuo|trabalhava|atuava|"
    r"(?:sou|to|estou)\s+cadastrad[ao]|me\s+cadastrei))\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?:as|comme|en\s+tant\s+que|como)|\bi'?m|\bi am|\bje suis|\bj'suis|\bsou)\s+"
    r"(?:(?:just|only|simply|juste|seulement|simplement|apenas|so|somente|a|an|un|une|um|uma)\s+){0,3}([^\W\d_]+)(?:\s+([^\W\d_]+))?")
#: A verb in -ing right after "I'm" ("I'm losing regulars", "I'm getting members …"): the
#: word after it is the verb's object, no kind the requester names (never a word four
#: letters or shorter: "king", "thing").
_PROGRESSIVE = re.compile(r"[a-z]{2,}[^aeiou\W]?ing")
_ANSWER = re.compile(r"^\W*([^\W\d_]+)\s*,\s*(?:not|pas|nao)\s+[^\W\d_]+")
#: The requester introducing themselves at a sentence's start: "Model here, …", "solo
#: creator here", "modèle ici", "modelo aqui" (an adjective or two may come first; never
#: an article, "a model here blocked me", nor a plural, "models here are rude").
_HERE = re.compile(r"(?:^|[.!?\n]\s*|\b(?:hi|hello|hey|oi|ola|salut|bonjour)\W+)"
                   r"(?:(?:just|only|independent|solo|regular|simple|juste|so)\s+){0,2}"
                   r"([^\W\d_]+(?<!s))\s+(?:here|ici|aqui)\b")
#: A Latin name with a Korean copula: "BJ인데요", "streamer예요" (Korean words the matcher
#: reads itself), as typed too: "viewer에요", "이예요", "user임" (the copula ends a word).
_LATIN_KO_SELF = re.compile(r"(?<![a-z])([a-z]{2,})\s?(?:인데|이에요|예요|에요|이예요|입니다|이고|"
                            r"이라서|라서|이며|임(?![\uac00-\ud7a3]))")
LANGUAGES = ("en", "fr", "pt")
NAME_WORD = re.compile(r"[^\W\d_]{3,}")


def person_words(f: Field) -> dict[str, set[str]]:
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
            for form in {fold(w), *(key(w, lang) for lang in LANGUAGES)}:
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
            forms = {word, *(key(word, lang) for lang in LANGUAGES)}
            named = set().union(*(table.get(w, set()) for w in forms))
            if not named and len(word) >= 6:
                named = set().union(*(v for w, v in table.items() if len(w) >= 6
                                      and w[:2] == word[:2] and OSA.distance(w, word) <= 1))
            if named:
                values |= named
                span = span or m.span(g)
            elif m.re is _SELF_CUE and _PROGRESSIVE.fullmatch(word):
                break  # "I'm losing regulars": the verb's object, not what they are
        if len(values) == 1 and span is not None and not asked_of_me(folded, m.start()):
            out.append((next(iter(values)), *span))
    return out


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


#: A room at home, around the words: "my home studio", "home-studio", "mon studio à la
#: maison", "meu estúdio em casa", "집에 있는 작은 스튜디오": where a model streams, no studio.
_HOME_BEFORE = re.compile(r"\bhome[\s-]*$|"
                          r"(?:집|방|홈)\s*(?:에\s*(?:있는|차린|만든)\s*)?(?:작은\s*)?$")
_HOME_AFTER = re.compile(r"^\s*(?:at\s+(?:my\s+)?(?:home|place)|a\s+la\s+maison|chez\s+moi|"
                         r"a\s+domicile|em\s+casa|de\s+casa|na\s+minha\s+casa|caseiro)\b")


def a_things(text: str, hit: Hit) -> bool:
    """True when the last word of ``hit`` (a kind of person) follows a device or a program
    it names the model or edition of (`_THING_BEFORE`), or names a room at home
    (`_HOME_BEFORE`, `_HOME_AFTER`: "my home studio", "meu estúdio em casa")."""
    last = text.rfind(" ", hit.start, hit.end) + 1 or hit.start
    before = fold(text[max(0, last - 16):last])
    return bool(_THING_BEFORE.search(before) or _HOME_BEFORE.search(before)
                or _HOME_AFTER.match(fold(text[hit.end:hit.end + 24])))


def verb_after_gap(text: str, hit: Hit) -> bool:
    """True when ``hit`` is an English possessive phrase met across a gap whose last word
    is followed by an object: the word is a verb of the gap's noun, not the phrase's."""
    return bool(hit.skipped and _POSSESSIVE.match(fold(text[hit.start:hit.end]))
                and _OBJECT_AFTER.match(fold(text[hit.end:hit.end + 12])))
