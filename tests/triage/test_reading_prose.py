"""Issue 10, reading prose: dates, names and typed values written in sentences, in en, fr,
ko and pt-br, through the pure core (`triage.decide` on the example workspaces as the real
loader reads them) and the reading API (`find_dates`). Each mechanism has its negative
cases: words that must not be read as a date or a name. The sentences are new: none is a
corpus ticket."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest
from triage_support import REQUESTER, example_context, ticket

from integrations.model import Ticket, TicketComment
from integrations.triage import Decision, TriageContext, decide
from integrations.triage.reading import compile_reading, read
from integrations.triage.reading.dates import find_dates

#: A Thursday, 14:00 UTC: relative dates below resolve against it.
CREATED = datetime(2026, 3, 12, 14, 0, tzinfo=UTC)





def on(ctx: TriageContext, body: str, *, form: str, subject: str = "Help",
       time_zone: str | None = None, **fields: Any) -> Ticket:
    field_ids = {k: rid for rid, k in ctx.field_ids.items()}
    form_ids = {k: rid for rid, k in ctx.form_ids.items()}
    comment = TicketComment(id=1, author_id=REQUESTER, public=True, body=body,
                            created_at=CREATED, from_requester=True)
    t = ticket(subject=subject, description=body, form_id=form_ids[form], comments=(comment,),
               fields={field_ids[k]: v for k, v in fields.items()}, updated_at=CREATED)
    return dataclasses.replace(t, time_zone=time_zone)


def written(ctx: TriageContext, d: Decision) -> dict[str, Any]:
    return {ctx.field_ids[rid]: v for rid, v in d.update.fields.items()}


def asked(d: Decision) -> list[str]:
    return [m.key for m in d.missing]


def dates(text: str, language: str, timezone: str = "UTC") -> list[str]:
    return [d.isoformat() for d, _, _ in find_dates(text, language, CREATED, timezone)]


# ------------------------------------------------------------------ dates: relative days


@pytest.mark.parametrize(("text", "language", "day"), [
    # weekdays alone and with last/this/dernier/passada/지난/이번 (Thursday 12 March)
    ("it stopped working monday", "en", "2026-03-09"),
    ("broken since Tuesday night", "en", "2026-03-10"),
    ("last Friday it was fine", "en", "2026-03-06"),
    ("last Thursday", "en", "2026-03-05"),
    ("this Wednesday the shop failed", "en", "2026-03-11"),
    ("ça ne marche plus depuis mardi", "fr", "2026-03-10"),
    ("vendredi dernier", "fr", "2026-03-06"),
    ("la mise à jour de lundi", "fr", "2026-03-09"),
    ("desde terça não consigo entrar", "pt", "2026-03-10"),
    ("no domingo passado", "pt", "2026-03-08"),
    ("na quarta-feira", "pt", "2026-03-11"),
    ("segunda passada", "pt", "2026-03-09"),
    ("화요일부터 안 돼요", "ko", "2026-03-10"),
    ("지난 금요일에 결제했어요", "ko", "2026-03-06"),
    ("지난주 수요일", "ko", "2026-03-04"),
    ("이번 주 월요일", "ko", "2026-03-09"),
    # N minutes / hours / days / weeks back, in every language
    ("about 20 minutes ago", "en", "2026-03-12"),
    ("three days ago", "en", "2026-03-09"),
    ("a week ago", "en", "2026-03-05"),
    ("for the past two days", "en", "2026-03-10"),
    ("depuis une heure", "fr", "2026-03-12"),
    ("il y a 4 jours", "fr", "2026-03-08"),
    ("ça fait deux semaines", "fr", "2026-02-26"),
    ("depuis trois jours", "fr", "2026-03-09"),
    ("há duas semanas", "pt", "2026-02-26"),
    ("faz 5 dias", "pt", "2026-03-07"),
    ("2 dias atrás", "pt", "2026-03-10"),
    ("há meia hora", "pt", "2026-03-12"),
    ("3일 전에", "ko", "2026-03-09"),
    ("한 시간 전", "ko", "2026-03-12"),
    ("두 시간째 접속이 안 돼요", "ko", "2026-03-12"),
    ("일주일 전", "ko", "2026-03-05"),
    ("하루 전에 샀어요", "ko", "2026-03-11"),
    ("2주 전", "ko", "2026-02-26"),
    ("two nights ago", "en", "2026-03-10"),
    ("an hour or so ago", "en", "2026-03-12"),
    ("a couple of hours ago", "en", "2026-03-12"),
    ("depuis 48h", "fr", "2026-03-10"),
    ("há 2h", "pt", "2026-03-12"),
    # yesterday, the day before, last night, this morning, the weekend
    ("the night before last", "en", "2026-03-10"),
    ("la nuit dernière", "fr", "2026-03-11"),
    ("noite passada", "pt", "2026-03-11"),
    ("hoje de manhã", "pt", "2026-03-12"),
    ("엊그제", "ko", "2026-03-10"),
    ("during the weekend", "en", "2026-03-07"),
    ("no final de semana", "pt", "2026-03-07"),
    ("주말 동안", "ko", "2026-03-07"),
])
def test_relative_days_in_every_language(text: str, language: str, day: str) -> None:
    assert dates(text, language) == [day]


@pytest.mark.parametrize(("text", "language"), [
    ("next Friday", "en"), ("every Monday", "en"), ("on mondays it lags", "en"),
    ("until Tuesday", "en"),
    ("on Thursday", "en"),  # written on a Thursday: today or a week ago
    ("a few days ago", "en"), ("more than a month ago", "en"),
    ("a couple of days ago", "en"),  # two, or three
    ("lundi prochain", "fr"), ("tous les mardis", "fr"), ("d'ici vendredi", "fr"),
    ("depuis plus de 3 jours", "fr"), ("un jour ça marche", "fr"),
    ("na segunda vez que tentei", "pt"), ("a terceira e a quarta tentativa", "pt"),
    ("segunda opção", "pt"), ("na próxima sexta", "pt"), ("toda segunda-feira", "pt"),
    ("sexta que vem", "pt"),
    ("bought it in the Black Friday sale", "en"), ("support is open Monday to Friday", "en"),
    ("de lundi à vendredi", "fr"), ("de segunda a sexta-feira", "pt"),
    ("다음 주 월요일", "ko"), ("매주 금요일", "ko"), ("월요일마다", "ko"),
    ("월요일~금요일", "ko"),
    ("몇 시간 전", "ko"),
])
def test_future_habitual_vague_or_ordinal_words_give_no_date(text: str,
                                                             language: str) -> None:
    assert dates(text, language) == []


# ------------------------------------------------------------------ dates: numeric, local


@pytest.mark.parametrize(("text", "language", "timezone", "day"), [
    ("débité le 10/03", "fr", "UTC", "2026-03-10"),
    ("paguei no dia 05/03", "pt", "UTC", "2026-03-05"),
    ("3/10에 결제했어요", "ko", "UTC", "2026-03-10"),
    ("on 03/10", "en", "America/New_York", "2026-03-10"),  # month first in the Americas
    ("on 10/03", "en", "Europe/London", "2026-03-10"),  # day first elsewhere
    ("on 25/02", "en", "UTC", "2026-02-25"),  # only one order is a date
    ("11/03/2026", "fr", "UTC", "2026-03-11"),
    ("le 3 mars", "fr", "UTC", "2026-03-03"),
    ("10 de março", "pt", "UTC", "2026-03-10"),
    ("3월 10일", "ko", "UTC", "2026-03-10"),
    ("on 12/25", "en", "America/Chicago", "2025-12-25"),  # no year: the latest one past
    # a day of the month alone: this month's, or last month's when still to come
    ("broken since the 3rd", "en", "UTC", "2026-03-03"),
    ("depuis le 20, plus rien", "fr", "UTC", "2026-02-20"),
    ("desde o dia 5 não consigo", "pt", "UTC", "2026-03-05"),
    ("10일부터 접속이 안 돼요", "ko", "UTC", "2026-03-10"),
    # a day stated with a copula or at a clause's end ("foi dia 25", "c'était le 5 au soir")
    ("eu sou a Jurema, foi dia 5 a noite", "pt", "UTC", "2026-03-05"),
    ("c'était le 8 au soir", "fr", "UTC", "2026-03-08"),
    ("ça a commencé le 20.", "fr", "UTC", "2026-02-20"),
])
def test_numeric_dates_follow_the_local_order(text: str, language: str, timezone: str,
                                              day: str) -> None:
    assert dates(text, language, timezone) == [day]


@pytest.mark.parametrize(("text", "language", "timezone"), [
    ("on 03/10", "en", "UTC"),  # March 10 or 3 October: the zone does not tell
    ("12/03/2026", "en", "Etc/UTC"),
    ("I'd rate it 10/10", "en", "America/New_York"),  # no word introduces a date
    ("3/4 of my items are gone", "en", "America/New_York"),
    ("version 1.12 crashed", "en", "Europe/Paris"),
    ("le 12/04/2026", "fr", "UTC"),  # 12 April: after the ticket
    ("depuis le 30 je n'ai rien", "fr", "UTC"),  # 30 February does not exist
    ("depuis le 10h", "fr", "UTC"), ("depuis le 3e patch", "fr", "UTC"),
    ("j'ai payé le 25 € demandé", "fr", "UTC"), ("je prends le 5 joueurs", "fr", "UTC"),
    ("je paie le 5 de chaque mois", "fr", "UTC"), ("foi dia 5 de cada mês", "pt", "UTC"),
    ("fiquei 2 dias sem jogar, era dia 3 horas", "pt", "UTC"),
])
def test_numbers_that_are_not_a_date_or_not_a_past_one_give_none(
        text: str, language: str, timezone: str) -> None:
    assert dates(text, language, timezone) == []


@pytest.mark.parametrize(("body", "day"), [
    ("Un joueur nommé Vorax88 m'insulte depuis une heure sur le serveur Pyrelune.",
     "2026-03-12"),
    ("The player Snagtooth77 kept team-killing on the Ironvale server on Tuesday.",
     "2026-03-10"),
    ("O jogador Brutus_x me xingou no servidor Aurora há 3 dias.", "2026-03-09"),
    ("플레이어 Ghost_77 이 서버 Aurora에서 3일 전에 욕설을 했어요.", "2026-03-09"),
])
def test_a_date_in_prose_fills_the_field_and_is_not_asked(games: TriageContext, body: str,
                                                         day: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d)["occurred_on"] == day
    assert "occurred_on" not in asked(d)


def test_a_numeric_date_is_read_in_the_requester_time_zone_order(games: TriageContext) -> None:
    body = "Bought the Starter Pack on 03/10, never received. Glyph: kira_sun"
    us = decide(on(games, body, form="unable-to-purchase", time_zone="America/New_York"),
                games)
    uk = decide(on(games, body, form="unable-to-purchase", time_zone="Europe/London"), games)
    unknown = decide(on(games, body, form="unable-to-purchase"), games)  # workspace's UTC
    assert written(games, us)["occurred_on"] == "2026-03-10"
    assert written(games, uk)["occurred_on"] == "2025-10-03"
    assert "occurred_on" not in written(games, unknown) and "occurred_on" in asked(unknown)


def test_a_weekday_and_another_date_disagreeing_write_none(games: TriageContext) -> None:
    d = decide(on(games, "Joueur Vorax88, serveur Pyrelune: lundi et aussi il y a 2 jours.",
                  form="report-a-player"), games)
    assert "occurred_on" not in written(games, d) and "occurred_on" in asked(d)


def test_since_the_update_alone_is_not_dated(games: TriageContext) -> None:
    """The ticket does not say when the update was: asked, not guessed."""
    d = decide(on(games, "Player Vorax88 is cheating since the update, server Pyrelune.",
                  form="report-a-player"), games)
    assert "occurred_on" in asked(d)


# ------------------------------------------------------------------ names in prose


@pytest.mark.parametrize(("body", "form", "field", "value"), [
    ("Hey, my in-game name is Thistlewood and my bow vanished after the patch.",
     "in-game-issues",
     "character_name", "Thistlewood"),
    ("I'm Mirelle in game, my sword disappeared from my bags.", "in-game-issues",
     "character_name", "Mirelle"),
    ("Bonjour, mon nom en jeu est Ravenclaw et mon arc a disparu.", "in-game-issues",
     "character_name", "Ravenclaw"),
    ("Mon perso s'appelle Brumelune et il a perdu son épée.", "in-game-issues",
     "character_name", "Brumelune"),
    ("Meu personagem Jacarezinho perdeu a armadura depois da manutenção.", "in-game-issues",
     "character_name", "Jacarezinho"),
    ("Oi, meu nome no jogo é Jandaia e sumiu meu arco.", "in-game-issues",
     "character_name", "Jandaia"),
    ("캐릭터 Moonbow 인벤토리에서 활이 사라졌어요.", "in-game-issues", "character_name",
     "Moonbow"),
    ("My sword is gone, char name Sylvara.", "in-game-issues", "character_name", "Sylvara"),
    # the person's own name is not their character's
    ("My name is Thistlewood, but my character Mirelle lost her bow.", "in-game-issues",
     "character_name", "Mirelle"),
    # account names without a colon
    ("Cannot log in since the patch, acct name wrenfield", "technical-issues",
     "account_name", "wrenfield"),
    ("The game crashes at the loading screen. username pixelmoth", "technical-issues",
     "account_name", "pixelmoth"),
    ("Le jeu plante au chargement. Identifiant loupiot", "technical-issues",
     "account_name", "loupiot"),
    ("O jogo fecha sozinho. conta bia.souza", "technical-issues", "account_name",
     "bia.souza"),
    ("게임이 튕겨요. 아이디 haneul22", "technical-issues", "account_name", "haneul22"),
    # Korean: a Latin name before the noun it names, an object before its verb
    ("Hanbit 캐릭터의 활이 어제 없어졌어요.", "in-game-issues", "character_name", "Hanbit"),
    ("어제 Dragonbane 활이 사라졌어요. 캐릭터 Hanbit", "in-game-issues", "item_name",
     "Dragonbane"),
    # a possessive, a common noun, then the name ("minha espada Lâmina Rubra sumiu")
    ("Minha espada Lâmina Rubra sumiu ontem, personagem Caipora.", "in-game-issues",
     "item_name", "Lâmina Rubra"),
    ("My bow Ashen Whisper vanished after the patch, char is Velka.", "in-game-issues",
     "item_name", "Ashen Whisper"),
    # purchase names
    ("I paid for the Founder's Pack and nothing showed up.", "unable-to-purchase",
     "purchase_name", "Founder's Pack"),
    ("J'ai payé le pack Cristal par carte et rien reçu.", "unable-to-purchase",
     "purchase_name", "pack Cristal"),
    ("Paguei o Passe Lunar e não recebi nada.", "unable-to-purchase", "purchase_name",
     "Passe Lunar"),
    ("Deu erro na compra do Pacote Aurora, cobraram duas vezes.", "unable-to-purchase",
     "purchase_name", "Pacote Aurora"),
])
def test_names_in_prose_in_every_language(games: TriageContext, body: str, form: str,
                                          field: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(field) == value
    assert field not in asked(d)


@pytest.mark.parametrize(("body", "form", "field"), [
    # a common word after the field's name, or a word that does not end the clause
    ("Account problem, please help", "technical-issues", "account_name"),
    ("username help", "technical-issues", "account_name"),
    ("The launcher says: username taken.", "technical-issues", "account_name"),
    ("Login fails.", "technical-issues", "account_name"),
    ("My account name is the same as my email", "technical-issues", "account_name"),
    ("acct name changed yesterday and now nothing works", "technical-issues",
     "account_name"),
    ("conta bloqueada desde ontem", "technical-issues", "account_name"),
    ("Mon compte perdu, aidez-moi", "technical-issues", "account_name"),
    # a preposition, a payment method, another field's option: never a purchase name
    ("J'ai payé avec PayPal hier et rien reçu.", "unable-to-purchase", "purchase_name"),
    ("I bought it for the Xbox and it never arrived.", "unable-to-purchase",
     "purchase_name"),
    # Korean: a platform, a product or a launcher before the noun is no name
    ("PC 게임에서 아이템이 사라졌어요", "in-game-issues", "item_name"),
    ("Trove 아이템이 없어졌어요", "in-game-issues", "item_name"),
    ("Steam 캐릭터가 안 보여요", "in-game-issues", "character_name"),
    # an article before a capitalised common noun: no item named
    ("The Sword vanished from my bags after the patch.", "in-game-issues", "item_name"),
    # a demonym or a state after a self-introduction is not a character
    ("Hi, my name is French and my items vanished", "in-game-issues", "character_name"),
    # "my name is" introduces the person writing, not their character (a wrong value
    # costs more than a question): only "my in-game name is" and the like are read
    ("Hi, my name is Marc and my bow vanished after the patch.", "in-game-issues",
     "character_name"),
    ("Bonjour, je m'appelle Camille, mon arc a disparu.", "in-game-issues", "character_name"),
    ("Oi, meu nome é Rafael e sumiu meu arco.", "in-game-issues", "character_name"),
    # "a player called X" is someone else: never the reporter's character
    ("Some guy called Grimbolt stole our raid loot yesterday on Pyrelune.",
     "report-a-player", "character_name"),
    ("my name is not showing on the leaderboard", "in-game-issues", "character_name"),
    ("Hello, my name is Julia Moreau and my sword vanished", "in-game-issues",
     "character_name"),  # a person's full name
    ("Je m'appelle Paul Girard, mon arc a disparu", "in-game-issues", "character_name"),
    # two names compete: neither is written
    ("My character Thistlewood, or maybe my char Mirelle, lost a bow.", "in-game-issues",
     "character_name"),
])
def test_words_that_are_not_names_are_not_read(games: TriageContext, body: str, form: str,
                                               field: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert field not in written(games, d)
    assert field in asked(d)


def test_overlapping_mentions_of_one_name_give_the_whole_name(games: TriageContext) -> None:
    """"acheter le pack Étoile d'Argent": the synonym reads "pack Étoile", the cue reads
    "Étoile d'Argent"; one name, not two competing."""
    d = decide(on(games, "J'ai voulu acheter le pack Étoile d'Argent mais la carte est "
                  "refusée. Compte : lilas_p", form="unable-to-purchase"), games)
    assert written(games, d)["purchase_name"] == "pack Étoile d'Argent"


# ------------------------------------------------------------------ free text and typed


@pytest.mark.parametrize(("body", "steps"), [
    # the cue "클릭했" inside the word "더블클릭했어요", its clause after "-고"
    ("리포트가 안 나와요. 크롬 쓰고 있고 리포트 메뉴 더블클릭했어요. SID 5520119",
     "리포트 메뉴 더블클릭했어요"),
    # the clause after the comma, its acts chained by "후"
    ("대시보드가 안 열려요, 로그인 후 결제 메뉴 눌렀어요. SID 5520119",
     "로그인 후 결제 메뉴 눌렀어요"),
    # a restart tried afterwards is a remedy, no step (the field is the path to the problem)
    ("대시보드가 안 열려요, 브라우저 재시작 후에도 똑같아요. SID 5520119", None),
])
def test_a_korean_cue_joins_its_verb_and_keeps_its_clause(ads: TriageContext, body: str,
                                                          steps: str | None) -> None:
    reader = compile_reading({k: ads.workspace.fields[k] for k in ("steps_taken",)})
    found = read(reader, "steps_taken", [("comment:1", body)], "ko", CREATED, "UTC")
    assert (found.value if found is not None else None) == steps


@pytest.mark.parametrize(("body", "email"), [
    ("someone changed my password, account is fennmoor, email fenn.moor@example.org",
     "fenn.moor@example.org"),
    ("Mon compte : brisevent. Mon adresse : brise.vent@exemple.fr, l'ancienne était "
     "bv@exemple.fr", "brise.vent@exemple.fr"),
    ("계정 아이디 sol_a, 이메일 sol.a@example.kr", "sol.a@example.kr"),
])
def test_an_email_is_written_when_alone_or_attached_to_its_label(
        games: TriageContext, body: str, email: str) -> None:
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d)["account_email"] == email


def test_two_unlabelled_emails_write_neither(games: TriageContext) -> None:
    d = decide(on(games, "Minha conta: rafa_m. Usei rafa@exemplo.com.br ou "
                  "rafael.m@exemplo.com.br, não lembro qual.", form="account-recovery"),
               games)
    assert "account_email" not in written(games, d) and "account_email" in asked(d)


# ------------------------------------------------------------------ roles, connectors, codes
# (issue 10, second pass on blind text: general mechanisms, each with its negatives)


def reading(ctx: TriageContext, key: str, body: str, locale: str) -> str | None:
    """The reading stage's candidate for one field of the workspace, from one text."""
    reader = compile_reading(dict(ctx.workspace.fields))
    found = read(reader, key, [("comment:1", body)], locale, CREATED, "UTC")
    return found.value if found is not None else None


@pytest.mark.parametrize(("body", "locale", "field", "value"), [
    # a relative clause or a pronoun with a naming verb names the other player
    ("There is a player who is called Brakka spamming slurs in world chat.", "en",
     "reported_player", "Brakka"),
    ("Un joueur qui s'appelle Morvak me suit partout pour me tuer.", "fr",
     "reported_player", "Morvak"),
    ("Tem um cara na arena, ele se chama Trovao_99, usando hack de velocidade.", "pt",
     "reported_player", "Trovao_99"),
    ("Grubnik 라는 녀석이 계속 욕을 해요.", "ko", "reported_player", "Grubnik"),
    ("Grom77이라는 유저가 욕을 했어요.", "ko", "reported_player", "Grom77"),
    # a small word inside a multi-word name
    ("Comprei o Passe de Batalha e não recebi.", "pt", "purchase_name", "Passe de Batalha"),
    ("I bought the Crown of Ages bundle, nothing arrived.", "en", "purchase_name",
     "Crown of Ages"),
    ("J'ai acheté le Pack du Dragon, rien reçu.", "fr", "purchase_name", "Pack du Dragon"),
    # "c'est" and a field name ending with its copula state the value
    ("Mon compte c'est lila_v, je ne peux plus me connecter.", "fr", "account_name",
     "lila_v"),
    ("Minha conta é joaninha, mas o e-mail de recuperação não chega.", "pt",
     "account_name", "joaninha"),
    ("Login fails every time, my account is tobyfern.", "en", "account_name",
     "tobyfern"),
    ("어제부터 접속이 안 돼요. 제 캐릭은 Byeolbit.", "ko", "character_name", "Byeolbit"),
    # a plain word that ends its clause, or is followed by a new clause with its subject
    ("The account is mossbrook and the email on it is gone.", "en", "account_name",
     "mossbrook"),
    ("Mon compte c'est lilou et mon mail ne marche plus.", "fr", "account_name", "lilou"),
])
def test_naming_clauses_and_copulas_in_every_language(games: TriageContext, body: str,
                                                      locale: str, field: str,
                                                      value: str) -> None:
    assert reading(games, field, body, locale) == value


@pytest.mark.parametrize(("body", "locale", "field"), [
    # a comparison after a naming verb is no name
    ("Un joueur qui s'appelle comme moi se fait passer pour moi.", "fr", "reported_player"),
    ("Tem um jogador que se chama igual a mim fingindo ser eu.", "pt", "reported_player"),
    # an adjective after a label without its colon describes, it does not name
    ("nick ofensivo", "pt", "character_name"),
    ("pseudo injurieux dans le chat", "fr", "character_name"),
    ("Report: nickname abusive", "en", "character_name"),
    # a Hangul word after the name without a copula is a description
    ("제 캐릭은 안 보여요.", "ko", "character_name"),
    # a plain word after "is"/"est"/"é" that goes on, is an adjective or has an article
    ("Minha conta é antiga e não entra mais.", "pt", "account_name"),
    ("Un joueur qui est toxique m'insulte tous les soirs.", "fr", "reported_player"),
    ("Le joueur est toxique depuis des semaines.", "fr", "reported_player"),
    ("My character is a mage and lost her staff.", "en", "character_name"),
    ("The player is aggressive in chat.", "en", "reported_player"),
    ("유저는 항상 욕을 해요.", "ko", "reported_player"),
    # a place, an age, a state or a kind of character after "is" is no name
    ("Minha conta é do Brasil e não consigo entrar.", "pt", "account_name"),
    ("Minha conta é a mesma do Steam.", "pt", "account_name"),
    ("My account is the same as on Steam.", "en", "account_name"),
    ("Minha conta é antiga, de 2015.", "pt", "account_name"),
    ("Mon compte est ancien, de 2012.", "fr", "account_name"),
    ("My account is 10 years old.", "en", "account_name"),
    ("The player is Canadian and keeps insulting me.", "en", "reported_player"),
    ("제 캐릭은 전사예요.", "ko", "character_name"),
])
def test_comparisons_adjectives_and_descriptions_are_not_names(
        games: TriageContext, body: str, locale: str, field: str) -> None:
    assert reading(games, field, body, locale) is None


@pytest.mark.parametrize(("body", "locale", "value"), [
    # someone else's character is not the requester's; the requester's own still is
    ("My character is Bruxa42 and his character is Kaioken.", "en", "Bruxa42"),
    ("Mon perso c'est Brumelune, son perso c'est Kaioken.", "fr", "Brumelune"),
    ("Meu personagem é Bruxa_Tata, o personagem dele é Kaioken.", "pt", "Bruxa_Tata"),
    ("제 캐릭터는 Hanbit이고 친구 캐릭터 Kaioken 한테 활을 빌려줬어요.", "ko", "Hanbit"),
    ("My friend's character is Kaioken, he lent me a bow that vanished.", "en", None),
    ("Son perso c'est Kaioken, mon arc a disparu.", "fr", None),
    ("Emprestei meu arco pro Caio (o personagem dele é Kaioken) e sumiu.", "pt", None),
    ("친구 캐릭터 Kaioken 한테 빌려준 활이 사라졌어요.", "ko", None),
    # the other player's nickname, by role, in every form of the reading
    ("상대 닉네임은 Grom77 이에요. 제 캐릭터는 Haneul 입니다.", "ko", "Haneul"),
    ("그 유저 닉네임은 Grom77 이고 계속 욕해요.", "ko", None),
    ("O nick dele é Grom77, meu char é Velka.", "pt", "Velka"),
    ("His IGN is Grom77 and he keeps spamming.", "en", None),
])
def test_another_persons_character_is_not_the_requesters(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "character_name", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # an adverb between a thing's name and its cue verb
    ("After the patch my Frostfang Blade just vanished from the bank.", "en",
     "Frostfang Blade"),
    ("Meu arco Lua Sangrenta do nada sumiu da mochila.", "pt", "Lua Sangrenta"),
    # Korean: small words inside a Latin name, the particle written onto it dropped
    ("점검 후에 Crown of the Tides가 사라졌어요.", "ko", "Crown of the Tides"),
    ("The Sword just vanished from my bags.", "en", None),
    ("my bow just vanished after the patch", "en", None),
    ("PC 게임에서 아이템이 사라졌어요", "ko", None),
])
def test_item_names_across_adverbs_and_korean_particles(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "item_name", body, locale) == value


@pytest.mark.parametrize(("body", "value"), [
    ("크레딧 3000 결제하려고 했는데 오류가 나요.", "크레딧 3000"),
    ("젬 500개짜리 사려고 했는데 안 돼요.", "젬 500개짜리"),
    ("Visa 카드로 결제했는데 아무것도 안 들어왔어요.", None),  # the means, not the thing
    ("카드로 5000원 결제하려고 했어요.", None),  # a sum of money
])
def test_korean_counted_purchases_before_their_verb(games: TriageContext, body: str,
                                                     value: str | None) -> None:
    assert reading(games, "purchase_name", body, "ko") == value


def test_a_generic_korean_noun_with_its_count_names_no_item(games: TriageContext) -> None:
    """"아이템 3개 사라졌어요": three items vanished, none named."""
    assert reading(games, "item_name", "아이템 3개 사라졌어요.", "ko") is None
    assert reading(games, "item_name", "보상 2개가 없어졌어요.", "ko") is None

@pytest.mark.parametrize(("body", "locale", "value"), [
    ("ok the transaction number on the receipt is PSN-77B2-K10Q", "en", "PSN-77B2-K10Q"),
    ("Le numéro de transaction sur le reçu est TX-4471-AB.", "fr", "TX-4471-AB"),
    ("O código da transação no e-mail é BR-55120-QX.", "pt", "BR-55120-QX"),
    ("영수증의 거래 번호는 KR-5512-X9 입니다.", "ko", "KR-5512-X9"),
    # a number sign joins the name to its code
    ("Order #A1B2C3D never arrived.", "en", "A1B2C3D"),
    ("Ma commande n° 55821-X n'est jamais arrivée.", "fr", "55821-X"),
    ("Pedido nº 778812 não chegou.", "pt", "778812"),
    ("주문 번호 #KR881255 인데 안 들어왔어요.", "ko", "KR881255"),
    # another clause between the name and the code: not the field's
    ("my order was placed two days ago and the code is AB12345", "en", None),
    ("la commande a échoué et le code est XJ-4410", "fr", None),
    ("o pedido não chegou e o código do erro é AB-1234", "pt", None),
    ("the transaction failed, error is E1043X", "en", None),
    # an error's code, or a code after a colon that follows other words, is not the field's
    ("The transaction error is TX-500A.", "en", None),
    ("La transaction en erreur est TX-500A.", "fr", None),
    ("A transação com erro é TX-500A.", "pt", None),
    ("transaction failed again: ERR-4012", "en", None),
    # another identifier among the qualifying words names another code
    ("transaction for the item code is IT-5521", "en", None),
    ("La transaction du code cadeau est CG-7788", "fr", None),
])
def test_a_code_after_its_qualified_field_name(games: TriageContext, body: str, locale: str,
                                               value: str | None) -> None:
    assert reading(games, "transaction_id", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "steps"), [
    # a list of the requester's actions is read from its start
    ("Export fails. I opened Reports, clicked Export, then chose PDF and it hangs.", "en",
     "I opened Reports, clicked Export, then chose PDF and it hangs"),
    ("Entrei no painel, cliquei em Pagamentos e escolhi outubro, aí trava.", "pt",
     "Entrei no painel, cliquei em Pagamentos e escolhi outubro, aí trava"),
    ("Fui em Pagamentos, abri outubro e cliquei em Baixar, aí trava.", "pt",
     "Fui em Pagamentos, abri outubro e cliquei em Baixar, aí trava"),
    # a cue of several words met without its accents
    ("Le tableau plante. La derniere chose que j'ai faite, c'est cliquer sur Exporter.", "fr",
     "La derniere chose que j'ai faite, c'est cliquer sur Exporter"),
    ("화면이 안 나와요. 로그인하고 결제 메뉴 눌렀는데 그대로예요.", "ko",
     "로그인하고 결제 메뉴 눌렀는데 그대로예요"),
    # a one-word cue keeps its accents: "je clique" is not "cliqué"
    ("Je clique sur Performance et ça plante.", "fr", None),
    # contacting someone is no step taken on the problem
    ("Commission missing. I tried calling my bank yesterday.", "en", None),
    ("Commission manquante. J'ai essayé d'appeler la banque.", "fr", None),
    ("Comissão não caiu. Já tentei ligar pro banco.", "pt", None),
    ("Pagamento atrasado. Tentei falar com o suporte, nada.", "pt", None),
    ("Payout late. I tried talking to my account manager.", "en", None),
    ("Paiement en retard. J'ai essayé de parler au support.", "fr", None),
    ("커미션이 안 들어왔어요. 그저께 은행에도 문의해 봤어요.", "ko", None),
])
def test_steps_taken_lists_accents_and_contacts(ads: TriageContext, body: str, locale: str,
                                                steps: str | None) -> None:
    assert reading(ads, "steps_taken", body, locale) == steps


@pytest.mark.parametrize(("body", "locale", "steps"), [
    # "{when}": the act a problem follows, on a named button or page, or two acts in Korean
    ("Hi, when I tap Get Paid on the Payments page nothing happens.", "en",
     "tap Get Paid on the Payments page nothing happens"),
    ("Quand je clique sur « Générer » dans l'onglet Liens, la page se fige.", "fr",
     "clique sur « Générer » dans l'onglet Liens, la page se fige"),
    ("Quando eu clico em Exportar no relatório, aparece um erro.", "pt-br",
     "clico em Exportar no relatório, aparece um erro"),
    ("크롬에서 대시보드 로그인 후 결제 메뉴 누르면 하얀 화면만 나와요.", "ko",
     "크롬에서 대시보드 로그인 후 결제 메뉴 누르면"),
    # the product at large, an attempt or one Korean act is no step an agent can follow
    ("When I open the dashboard I get a blank page.", "en", None),
    ("The generator fails when I try to make links for my blog.", "en", None),
    ("Quand j'ouvre les stats ça rame.", "fr", None),
    ("리포트 페이지 들어가면 오류가 나요.", "ko", None),
    # a remedy tried afterwards is no step: the act the problem follows is still read
    ("When I click Export nothing happens. I cleared the cache already.", "en",
     "click Export nothing happens"),
])
def test_steps_taken_reads_the_act_a_problem_follows(ads: TriageContext, body: str,
                                                     locale: str, steps: str | None) -> None:
    assert reading(ads, "steps_taken", body, locale) == steps


@pytest.mark.parametrize(("body", "locale", "steps"), [
    # a menu path the requester followed ("{path}" cue), from the colon announcing it
    ("Payout page blank. Here is how: signed in, opened Payments > History, picked October.",
     "en", "signed in, opened Payments > History, picked October"),
    ("Le rapport plante : j'ouvre Statistiques > Clics, je choisis hier.", "fr",
     "j'ouvre Statistiques > Clics, je choisis hier"),
    # in Korean from the clause after the last comma; "-고" joins two steps of one path
    ("크롬 써요, 대시보드 → 결제 내역 클릭하면 멈춰요.", "ko",
     "대시보드 → 결제 내역 클릭하면 멈춰요"),
    ("로그인하고 리포트 > 클릭 수 누르면 멈춰요.", "ko",
     "로그인하고 리포트 > 클릭 수 누르면 멈춰요"),
    ("Abro Relatórios -> Conversões e escolho ontem, ai trava tudo.", "pt-br",
     "Abro Relatórios -> Conversões e escolho ontem, ai trava tudo"),
    # a path beside a cue: the path's sentence is the steps, the cue one try
    ("Tried twice today. I open Settings > Payout, change the e-mail, hit Save.", "en",
     "I open Settings > Payout, change the e-mail, hit Save"),
    ("Já tentei 3 vezes. Entro no painel, vou em Relatórios > Vendas e clico em Gerar.",
     "pt-br", "Entro no painel, vou em Relatórios > Vendas e clico em Gerar"),
    # not a path: a French quote, a quoted reply, an amount
    ("J'ai le message « Accès refusé » qui s'affiche sur la page.", "fr", None),
    ("Thanks.\n> On Monday you wrote that it was fixed", "en", None),
    ("My clicks went from > 100 a day to nothing at all", "en", None),
])
def test_steps_taken_reads_a_menu_path(ads: TriageContext, body: str, locale: str,
                                       steps: str | None) -> None:
    assert reading(ads, "steps_taken", body, locale) == steps


@pytest.mark.parametrize(("body", "locale", "value"), [
    # the requester speaking of themself is not the other player: roles settle two names
    ("I'm the player Velka and a player named Grom77 scammed me.", "en", "Grom77"),
    ("Je suis le joueur Velka, un joueur qui s'appelle Grom77 m'a arnaqué.", "fr", "Grom77"),
    ("Eu sou o jogador Velka e um jogador chamado Grom77 me roubou.", "pt", "Grom77"),
    ("제 플레이어 이름은 Velka이고 Grom77이라는 유저가 사기쳤어요.", "ko", "Grom77"),
    ("My character is named Velka and a player called Grom77 scammed me.", "en", "Grom77"),
    ("Mon perso est nommé Velka, un joueur nommé Grom77 m'a volé.", "fr", "Grom77"),
    # only the requester named: no reported player
    ("I'm the player Velka, someone scammed me in trade.", "en", None),
    ("Je suis le joueur Velka et on m'a arnaqué.", "fr", None),
    ("Eu sou o jogador Velka e fui roubado.", "pt", None),
    ("제 플레이어 이름은 Velka인데 사기를 당했어요.", "ko", None),
])
def test_the_requesters_own_name_is_not_the_reported_player(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "reported_player", body, locale) == value


@pytest.fixture(scope="module")
def streams() -> TriageContext:
    return example_context("streaming-platform")


@pytest.mark.parametrize(("body", "value"), [
    # "user:" as a label line names the username; without its colon it labels nothing
    ("OBS keeps dropping the connection every ten minutes. user: LunaVex", "LunaVex"),
    ("Le live coupe sans arrêt. utilisateur : Brume_77", "Brume_77"),
    ("A live cai toda hora. usuário: carol.vex", "carol.vex"),
    ("방송이 계속 끊겨요. 사용자: haneul_live", "haneul_live"),
    ("The user Settings page is blank since yesterday.", None),
    ("Un utilisateur Premium m'a insulté.", None),
])
def test_a_user_label_line_names_the_username(streams: TriageContext, body: str,
                                              value: str | None) -> None:
    d = decide(on(streams, body, form="submit-a-request"), streams)
    assert written(streams, d).get("username") == value


# ------------------------------------------------------------------ where one plays
# (issue 10, third pass: the server named by the verb of playing, in every language)


@pytest.mark.parametrize(("body", "locale"), [
    ("Someone insults me in guild chat every night. I play on Kraken.", "en"),
    ("Un joueur m'insulte en canal de guilde. Moi c'est Lysandre, je joue sur Kraken.", "fr"),
    ("길드 채팅에서 계속 욕을 해요. Kraken에서 플레이하고 있어요.", "ko"),
    ("Um jogador me xinga no chat da guilda. Jogo no Kraken.", "pt-br"),
])
def test_the_server_one_plays_on_is_read(games: TriageContext, body: str, locale: str) -> None:
    assert reading(games, "server", body, locale) == "Kraken"


@pytest.mark.parametrize(("body", "locale"), [
    ("The game crashes since the patch. I play on Android and on Steam.", "en"),
    ("Le jeu plante depuis le patch. Je joue sur Switch et sur Epic.", "fr"),
    ("패치 이후로 튕겨요. Epic에서 플레이하고 있어요.", "ko"),
    ("O jogo trava desde o patch. Jogo no celular e no Nintendo.", "pt-br"),
    ("I play on my phone most days.", "en"),
])
def test_a_platform_or_a_device_one_plays_on_is_no_server(games: TriageContext, body: str,
                                                         locale: str) -> None:
    assert reading(games, "server", body, locale) is None


@pytest.mark.parametrize(("body", "locale", "value"), [
    # another of the field's names starts inside the first one found and reaches further
    ("The launcher logs me out. My account Glyph is papy_ronchon.", "en", "papy_ronchon"),
    ("Le launcher me déconnecte. Mon compte Glyph c'est papy_ronchon.", "fr", "papy_ronchon"),
    ("런처에서 로그아웃돼요. 글리프 계정은 moonbyul_kr 입니다.", "ko", "moonbyul_kr"),
    ("O launcher me desconecta. Minha conta Glyph é papy_ronchon.", "pt-br", "papy_ronchon"),
    # the field's own words, then a state: no name
    ("My account Glyph is locked since yesterday.", "en", None),
    ("Mon compte Glyph est bloqué depuis hier.", "fr", None),
    ("글리프 계정이 어제부터 잠겼어요.", "ko", None),
    ("Minha conta Glyph está bloqueada desde ontem.", "pt-br", None),
])
def test_a_longer_name_of_the_field_inside_a_shorter_one(games: TriageContext, body: str,
                                                          locale: str,
                                                          value: str | None) -> None:
    assert reading(games, "account_name", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a kind of item (a pet, a mount) labels its name as the item's
    ("My pet vanished after a disconnect. The pet name is Rainbow Qubesly.", "en",
     "Rainbow Qubesly"),
    ("Mon familier a disparu. Le nom du familier est Rainbow Qubesly.", "fr", "Rainbow Qubesly"),
    ("펫이 접속이 끊긴 다음에 없어졌어요. 펫 이름은 Rainbow Qubesly 입니다.", "ko",
     "Rainbow Qubesly"),
    ("Meu pet sumiu. O nome do pet é Rainbow Qubesly.", "pt-br", "Rainbow Qubesly"),
    # the label with no name after it
    ("My pet's name is gone from the list.", "en", None),
    ("Le nom du familier est bizarre depuis hier.", "fr", None),
    ("펫 이름이 안 보여요.", "ko", None),
    ("O nome do pet está errado.", "pt-br", None),
])
def test_a_pet_or_a_mount_name_is_the_item(games: TriageContext, body: str, locale: str,
                                           value: str | None) -> None:
    assert reading(games, "item_name", body, locale) == value


# ------------------------------------------------------------------ brands, handles, pronouns
# (issue 10, seventh pass: how players name their account and the thing they lost)


@pytest.mark.parametrize(("body", "locale", "value"), [
    # the brand of an identifier field's title with any identifier noun, in either order
    ("Lag every evening. My Glyph login is fernwick_7.", "en", "fernwick_7"),
    ("Glyph username: pollyglot", "en", "pollyglot"),
    ("Je ne peux plus jouer, mon pseudo Glyph est mirabelle.", "fr", "mirabelle"),
    ("접속이 안 돼요. Glyph 아이디는 sobok_22 입니다.", "ko", "sobok_22"),
    ("Meu usuário Glyph é tatu.bola, não consigo entrar.", "pt-br", "tatu.bola"),
    # a handle that ends like a participle, after a name that says identifier
    ("Freezes in crowds. My Glyph name is moonquilling", "en", "moonquilling"),
    ("My username is duskling.", "en", "duskling"),
    # ... and what states how the name is, or a plain word after "account" alone
    ("My Glyph name is missing from the launcher.", "en", None),
    ("My Glyph name is loading.", "en", None),
    ("My Glyph login is broken since the patch.", "en", None),
    ("My account is crashing.", "en", None),
    ("My account is dwindling.", "en", None),
])
def test_an_account_named_by_its_brand_or_a_handle_after_is(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "account_name", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a thing named with its article, then a pronoun said to be gone
    ("A guildie handed me a Starforged Helm yesterday. This morning it just vanished.", "en",
     "Starforged Helm"),
    ("I got an Emberwing Drake egg from the event and it's gone from my bank.", "en",
     "Emberwing Drake"),
    ("On m'a offert une Lame du Crépuscule et ce matin elle a disparu.", "fr",
     "Lame du Crépuscule"),
    ("J'avais une Cape Solaire, elle n'est plus dans mon sac.", "fr", "Cape Solaire"),
    ("Ganhei um Cajado de Marfim num evento e ontem ele sumiu.", "pt-br", "Cajado de Marfim"),
    # two things, a place, one capitalised common noun, an impersonal "il": none
    ("I bought a Frost Wyrm egg and a Storm Blade, and it's gone.", "en", None),
    ("I was farming in the Sanctum Gardens and it vanished.", "en", None),
    ("I looted a Sword and it vanished.", "en", None),
    ("J'ai reçu une Cape Solaire mais il n'est plus possible de jouer.", "fr", None),
    ("I got a Glyph Patron gift and it's gone.", "en", None),
])
def test_a_pronoun_said_to_be_gone_stands_for_the_one_thing_named_before(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "item_name", body, locale) == value


def test_a_thing_named_then_gone_is_not_asked_for(games: TriageContext) -> None:
    d = decide(on(games, "A guildie gave me an Ashen Lantern on Monday and today it's gone "
                  "from my bag. My character is Brindlefoot.", form="in-game-issues"), games)
    values = written(games, d)
    assert values.get("item_name") == "Ashen Lantern"
    assert values.get("character_name") == "Brindlefoot"
    assert "item_name" not in asked(d)


@pytest.mark.parametrize(("body", "locale", "field", "value"), [
    # a Korean copula after a lower-case handle ends its clause
    ("접속이 안 돼요. 제 계정은 ravenmoor 입니다.", "ko", "account_name", "ravenmoor"),
    ("아이디는 ravenmoor 예요, 비번 바꿨어요.", "ko", "account_name", "ravenmoor"),
    ("제 캐릭 이름은 velka 예요.", "ko", "character_name", "velka"),
    ("계정은 괜찮아요.", "ko", "account_name", None),
    # between commas or brackets right after the field's name, by its shape
    ("my main, Velka, can't log in since the patch", "en", "character_name", "Velka"),
    ("mon perso (Brumelune) est bloqué dans un mur", "fr", "character_name", "Brumelune"),
    ("my character, however, is stuck in a wall", "en", "character_name", None),
    ("my character (again) is stuck in a wall", "en", "character_name", None),
    ("my account, ravenmoor, is locked", "en", "account_name", None),
    # "<field>'s name is"
    ("my char's name is Velka and she is stuck", "en", "character_name", "Velka"),
    ("the player's name is Grimbolt, he keeps spamming", "en", "reported_player", "Grimbolt"),
    # a quotation right after the field's name, whatever its case, whole
    ("my character 'velka' is stuck", "en", "character_name", "velka"),
    ("my character \"Velka Moon\" is stuck", "en", "character_name", "Velka Moon"),
    ("le joueur « Kraggor » m'insulte", "fr", "reported_player", "Kraggor"),
    ("meu item 'Cajado de Marfim' sumiu", "pt-br", "item_name", "Cajado de Marfim"),
    ("my account 'again' got hacked", "en", "account_name", None),
    ("o jogador 'Zeca' me roubou e o nick 'Tonho' também", "pt-br", "character_name", None),
    ("my character 'Xbox' is stuck", "en", "character_name", None),
])
def test_copulas_appositions_and_quotations_after_a_field_name(
        games: TriageContext, body: str, locale: str, field: str, value: str | None) -> None:
    assert reading(games, field, body, locale) == value


@pytest.mark.parametrize(("body", "field"), [
    # a Title Case or upper-case subject capitalises every word: no name by its capital
    ("Account Recovery Request", "account_name"),
    ("Username Change Request", "account_name"),
    ("Glyph Account Locked", "account_name"),
    ("Character Stuck In Wall", "character_name"),
    ("Item Missing After Trade", "item_name"),
    ("Server Down Again", "server"),
    ("I Got A Frost Wyrm Egg And It Vanished", "item_name"),
    # a capitalised compound that goes on is no label and its name
    ("Login Screen freezes after the patch", "account_name"),
    # inner capitals ("PayPal") do not make a name in a Title Case text
    ("Purchase Problem With PayPal", "purchase_name"),
    ("Account Issue With PayPal", "account_name"),
])
def test_capitals_of_a_title_or_a_compound_name_nothing(games: TriageContext, body: str,
                                                        field: str) -> None:
    assert reading(games, field, body, "en") is None


@pytest.mark.parametrize(("body", "field", "value"), [
    # ... while a name's shape, quotes, or a clause that ends still tell one
    ("Account: RAVEN_MOOR", "account_name", "RAVEN_MOOR"),
    ("Character 'Velka' Stuck In Wall", "character_name", "Velka"),
    ("Server Kraken, my character is Velyra.", "server", "Kraken"),
])
def test_a_name_shape_or_quotes_still_tell_a_name_in_capitals(
        games: TriageContext, body: str, field: str, value: str) -> None:
    assert reading(games, field, body, "en") == value


def test_a_title_case_subject_is_not_the_account_name(games: TriageContext) -> None:
    d = decide(on(games, "I can't log in since yesterday, the password reset mail never "
                  "comes.", form="glyph-account-issues", subject="Account Recovery Request"),
               games)
    assert "account_name" not in written(games, d)
    assert "account_name" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    # how players name their login in each language
    ("Não consigo entrar. Meu usuário é ravenmoor.", "pt-br"),
    ("Mon nom d'utilisateur est ravenmoor et je ne peux plus jouer.", "fr"),
    ("my login name is ravenmoor, it says wrong password", "en"),
    ("로그인이 안 돼요. 로그인 아이디는 ravenmoor 입니다.", "ko"),
])
def test_a_login_named_as_players_name_it(games: TriageContext, body: str,
                                          locale: str) -> None:
    assert reading(games, "account_name", body, locale) == "ravenmoor"


@pytest.mark.parametrize(("body", "locale", "field", "value"), [
    # a Korean compound name of the field written without its space
    ("결제가 두 번 됐어요. 거래ID 9QX77120AB 입니다.", "ko", "transaction_id", "9QX77120AB"),
    ("계정이름 sunmi_k 예요.", "ko", "account_name", "sunmi_k"),
    # a slash or a dash between two items ends the first
    ("계정 이름 sunmik / 이메일 sunmi@example.com", "ko", "account_name", "sunmik"),
    ("account name bramblefox - email bramble@example.com", "en", "account_name",
     "bramblefox"),
    # texting French: "c" for "c'est"
    ("mon compte c loulou_84 merci", "fr", "account_name", "loulou_84"),
    ("Mon perso c Pastille, sur Switch.", "fr", "character_name", "Pastille"),
    ("mon compte c pas le bon", "fr", "account_name", None),
    # a name stays on its line
    ("je veux supprimer mon compte Glyph.\nnom de compte : lila_v", "fr", "account_name",
     "lila_v"),
    # an e-mail after "Email da conta:" labels the e-mail, not the account
    ("Quero apagar tudo. Email da conta: rita.m@example.com", "pt-br", "account_name", None),
    ("Adresse mail du compte : rita.m@example.com", "fr", "account_name", None),
])
def test_compounds_separators_and_texting_around_a_name(
        games: TriageContext, body: str, locale: str, field: str, value: str | None) -> None:
    assert reading(games, field, body, locale) == value


@pytest.mark.parametrize(("body", "locale", "field", "value"), [
    # a friend or a relative named earlier in the sentence owns a character named without
    # "my", or one named with "his": neither the requester's nor the reported player's
    ("Un joueur Grimwald m'arnaque. Il a aussi écrit à mon pote Tibo (son perso c'est "
     "Tiboulet).", "fr", "reported_player", "Grimwald"),
    ("Il y a un bot. Son perso s'appelle Qwxzrt.", "fr", "reported_player", "Qwxzrt"),
    ("minha personagem é Bolinha. meu filho joga comigo com o perso Trovinho", "pt-br",
     "character_name", "Bolinha"),
    ("me and my buddy Krovak were farming and a guy named Xx_Reaper_xX camped us", "en",
     "reported_player", "Xx_Reaper_xX"),
    ("my brother and I play together, my character is Wrenna", "en", "character_name",
     "Wrenna"),
    # the other player's nickname in Korean ("the player's nickname"), not the requester's
    ("어제 본 플레이어 닉네임이 Gr1mlock 이에요. 제 캐릭은 Dasom_7 입니다.", "ko",
     "reported_player", "Gr1mlock"),
    ("어제 본 플레이어 닉네임이 Gr1mlock 이에요. 제 캐릭은 Dasom_7 입니다.", "ko",
     "character_name", "Dasom_7"),
])
def test_whose_name_it_is(games: TriageContext, body: str, locale: str, field: str,
                          value: str) -> None:
    assert reading(games, field, body, locale) == value


@pytest.mark.parametrize(("body", "locale", "field", "value"), [
    # a kind of thing after its name, before the cue ("my X mount is no longer …")
    ("Since Sunday my Ember Stag mount is no longer in my collection.", "en", "item_name",
     "Ember Stag"),
    # an article before a name of two capitalised words or more
    ("The chest opened but the Gilded Vault Key is not there.", "en", "item_name",
     "Gilded Vault Key"),
    ("The Key is not there.", "en", "item_name", None),
    # "we're on" the server
    ("my char is Brisk, we're on Ravenhold", "en", "server", "Ravenhold"),
    ("on est sur Ravenhold avec mon frère", "fr", "server", "Ravenhold"),
    ("we're on PC", "en", "server", None),
])
def test_more_ways_to_say_a_thing_is_gone_or_where_one_plays(
        games: TriageContext, body: str, locale: str, field: str, value: str | None) -> None:
    assert reading(games, field, body, locale) == value


@pytest.mark.parametrize(("body", "source", "value"), [
    # the field's bare name opening the last sentence of a message: a sign-off line
    ("o jogo trava toda noite na cidade. conta pedrinho", "comment:1", "pedrinho"),
    ("Nothing works since the patch.\naccount mossbrook", "comment:1", "mossbrook"),
    # ... not a state, not in a subject, not after a possessive mid-message
    ("Nada funciona desde ontem. Conta bloqueada.", "comment:1", None),
    ("não entro faz dias. Conta hackeada", "comment:1", None),
    ("conta pedrinho", "subject", None),
    ("Merci.\ncompte perso", "comment:1", None),
    ("não consigo acessar minha conta hoje", "comment:1", None),
])
def test_a_closing_label_line_without_its_colon(games: TriageContext, body: str, source: str,
                                                value: str | None) -> None:
    reader = compile_reading(dict(games.workspace.fields))
    found = read(reader, "account_name", [(source, body)], "pt-br", CREATED, "UTC")
    assert (found.value if found is not None else None) == value


@pytest.mark.parametrize(("body", "value"), [
    ("Patron 90일 결제하려는데 카드가 거절돼요.", "Patron 90일"),
    ("Founder Pack 구매하려는데 오류가 나요.", "Founder Pack"),
    ("Visa 카드로 결제하려는데 안 돼요.", None),
])
def test_a_korean_purchase_keeps_its_count(games: TriageContext, body: str,
                                           value: str | None) -> None:
    assert reading(games, "purchase_name", body, "ko") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a possessive, a kind of thing and its name, then a pronoun or "the item" gone
    ("J'ai rangé mon bouclier doré Aegisfer au coffre et maintenant il est plus là.", "fr",
     "Aegisfer"),
    ("Emprestei meu cajado Raiz Antiga pra minha irmã e o item não apareceu de volta.",
     "pt-br", "Raiz Antiga"),
    ("I put my sword Dawnbreaker in the bank and now the item is gone.", "en", "Dawnbreaker"),
    # a person, a group or another field's thing is no item
    ("Mon perso Nyxie a un souci, il a disparu de la liste.", "fr", None),
    ("J'ai quitté ma guilde Nuitnoire et elle a disparu.", "fr", None),
    ("my friend Torvald logged out and it vanished", "en", None),
    ("Meu amigo Caio me deu um item e ele sumiu.", "pt-br", None),
])
def test_a_kind_of_thing_and_its_name_before_it_is_gone(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "item_name", body, locale) == value


@pytest.mark.parametrize(("body", "locale"), [
    # a quoted participle says how the thing is, not its name
    ("my character 'disappeared' from the list", "en"),
    ("mon perso « bloqué » depuis hier", "fr"),
    ("meu personagem 'bugado' desde ontem", "pt-br"),
])
def test_a_quoted_participle_is_no_name(games: TriageContext, body: str, locale: str) -> None:
    assert reading(games, "character_name", body, locale) is None


@pytest.mark.parametrize(("body", "locale"), [
    # a state after "my account is" is no account name
    ("I logged in and my Glyph account is empty, all characters gone.", "en"),
    ("My account is private.", "en"),
    ("Minha conta é privada.", "pt-br"),
    ("Mon compte est vide.", "fr"),
])
def test_a_state_of_the_account_is_no_name(games: TriageContext, body: str,
                                           locale: str) -> None:
    assert reading(games, "account_name", body, locale) is None


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a counted product said never to have arrived
    ("Paguei no pix mas os 1200 Cristais nunca caíram na conta.", "pt-br", "1200 Cristais"),
    ("I paid with PayPal but my 5000 Crowns never arrived.", "en", "5000 Crowns"),
    ("J'ai payé mais les 2400 Bits ne sont jamais arrivés.", "fr", "2400 Bits"),
    ("Paguei mas os créditos nunca caíram.", "pt-br", None),
    ("I paid but the 30 never arrived.", "en", None),
])
def test_a_counted_purchase_that_never_arrived(games: TriageContext, body: str, locale: str,
                                               value: str | None) -> None:
    assert reading(games, "purchase_name", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "field", "value"), [
    # the brand after its noun and a preposition
    ("meu login na glyph é bruna_s", "pt-br", "account_name", "bruna_s"),
    # "is called", a kind before its naming verb, a relative naming verb
    ("my toon is called Brisk", "en", "character_name", "Brisk"),
    ("I play a dwarf named Thorgrim", "en", "character_name", "Thorgrim"),
    ("je joue une elfe qui s'appelle Lune", "fr", "character_name", "Lune"),
    ("meu boneco se chama Tatu", "pt-br", "character_name", "Tatu"),
    ("un type qui s'appelle DarkVador77 m'insulte", "fr", "reported_player", "DarkVador77"),
    # a handle shaped by its inner capitals
    ("um cara chamado xXMatadorXx ficou me xingando", "pt-br", "reported_player",
     "xXMatadorXx"),
    # Korean: "the user whose nickname is X" is someone else
    ("닉네임 Grom77 인 유저가 핵을 써요", "ko", "reported_player", "Grom77"),
    ("닉네임 Grom77 인 유저가 핵을 써요", "ko", "character_name", None),
    ("캐릭터 닉네임 Sora_kim 입니다", "ko", "character_name", "Sora_kim"),
    # negatives: a state after "is called", a kind with no name
    ("my toon is called out for cheating", "en", "character_name", None),
    ("I play a dwarf and he is stuck", "en", "character_name", None),
])
def test_naming_verbs_brands_and_handles(games: TriageContext, body: str, locale: str,
                                         field: str, value: str | None) -> None:
    assert reading(games, field, body, locale) == value


@pytest.mark.parametrize(("body", "locale"), [
    # another company's account is not the Glyph account
    ("não consigo entrar.\nConta Google", "pt-br"),
    ("My account Discord is linked.", "en"),
    ("mon compte Hotmail est fermé", "fr"),
])
def test_another_companys_account_is_no_account_name(games: TriageContext, body: str,
                                                     locale: str) -> None:
    assert reading(games, "account_name", body, locale) is None


@pytest.mark.parametrize(("body", "value"), [
    # a Latin name with its subject particle, where it was, then the Korean cue
    ("어제 산 Storm Blade 가 인벤토리에서 없어졌어요", "Storm Blade"),
    ("Moonlit Cape가 창고에서 사라졌어요", "Moonlit Cape"),
    # a server or a game before a place is no item
    ("Kyprosa 서버에서 아이템이 사라졌어요", None),
    ("Trove 에서 아이템이 인벤토리에서 사라졌어요", None),
])
def test_a_korean_item_said_gone_from_a_place(games: TriageContext, body: str,
                                              value: str | None) -> None:
    assert reading(games, "item_name", body, "ko") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # the other player's name quoted a few words after the field's name, in its clause
    ("Tem um jogador com um apelido bem ofensivo, 'SeuPaiNoob', xingando geral.", "pt-br",
     "SeuPaiNoob"),
    ("a player with the name \"Gr1mlock\" is botting all night", "en", "Gr1mlock"),
    ("un joueur au pseudo « Kraggor » m'insulte", "fr", "Kraggor"),
    # what they said or called the requester is no name
    ("the player keeps typing 'Noob' at me", "en", None),
    ("a player kept calling me 'Loser' in chat", "en", None),
    ("um jogador ficou me xingando de 'Lixo'", "pt-br", None),
    ("this player said 'GG' and left", "en", None),
])
def test_the_other_players_quoted_name_a_few_words_on(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    assert reading(games, "reported_player", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # the purchase named after its own noun
    ("the name of the purchase is Patron 30 Days", "en", "Patron 30 Days"),
    ("mon achat Pack Aventurier n'est pas arrivé", "fr", "Pack Aventurier"),
    ("a compra do Passe VIP falhou", "pt-br", "Passe VIP"),
    ("my purchase failed twice", "en", None),
    ("minha compra não chegou", "pt-br", None),
])
def test_a_purchase_named_after_its_noun(games: TriageContext, body: str, locale: str,
                                         value: str | None) -> None:
    assert reading(games, "purchase_name", body, locale) == value


@pytest.mark.parametrize(("body", "locale", "steps"), [
    # the whole sequence, from the first act to the last, whatever comes before its subject
    ("sorry, forgot stuff. macOS Sonoma 14.5, I just logged in and clicked the Payments tab, "
     "no error text, only the spinner.", "en",
     "I just logged in and clicked the Payments tab, no error text, only the spinner"),
    ("Le dashboard plante. J'ai ouvert Rapports, choisi novembre puis cliqué sur Export CSV, "
     "et j'ai le message d'erreur.", "fr",
     "J'ai ouvert Rapports, choisi novembre puis cliqué sur Export CSV, et j'ai le message "
     "d'erreur"),
    ("Sous Windows 11, j'ouvre Liens, je colle l'URL et j'ai cliqué sur Générer.", "fr",
     "j'ouvre Liens, je colle l'URL et j'ai cliqué sur Générer"),
    ("Chrome here, I went to Links, pasted the URL and clicked Get Link.", "en",
     "I went to Links, pasted the URL and clicked Get Link"),
    ("No Windows 10, entrei no painel e cliquei em Relatórios, aí trava.", "pt-br",
     "entrei no painel e cliquei em Relatórios, aí trava"),
])
def test_steps_taken_reads_the_whole_sequence(ads: TriageContext, body: str, locale: str,
                                              steps: str) -> None:
    assert reading(ads, "steps_taken", body, locale) == steps


@pytest.mark.parametrize(("body", "locale", "steps"), [
    # a message the product shows, quoted, is no step, even with a cue's words inside
    ("로그인하고 대시보드에서 링크 메뉴 누르면 바로 '세션이 만료되었습니다. 다시 로그인해 "
     "주세요.' 라고 뜨면서 튕깁니다.", "ko", "로그인하고 대시보드에서 링크 메뉴 누르면"),
    ("It says \"Session expired, I tried to reload, please log in again\" and kicks me out.",
     "en", None),
    ("Le message « Vous avez déjà cliqué sur ce lien » s'affiche.", "fr", None),
    ("Aparece \"Você já tentou 3 vezes, tente mais tarde\" na tela.", "pt-br", None),
    # opening the product in a browser, or comparing two, is no step
    ("o painel fica todo em branco quando abro no Firefox, no Chrome funciona normal.",
     "pt-br", None),
    ("The dashboard is blank when I open it in Firefox, Chrome works fine.", "en", None),
    ("Quand j'ouvre sur Safari la page est blanche, sur Chrome ça marche.", "fr", None),
    ("Quando entro pelo Edge fica em branco.", "pt-br", None),
    # a named button after the browser still is a step; the acts are read from "when", as
    # the corpus labels them ("quando eu escolho o periodo e clico em exportar")
    ("When I open Safari and click Get Link nothing happens.", "en",
     "When I open Safari and click Get Link nothing happens"),
])
def test_steps_taken_skips_messages_and_browsers(ads: TriageContext, body: str, locale: str,
                                                 steps: str | None) -> None:
    assert reading(ads, "steps_taken", body, locale) == steps
