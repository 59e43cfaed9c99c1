"""The reading stage (issue 10), through the pure core, on the example workspaces as the
real loader reads them: every cause of redundant questions, in en, fr, ko and pt-br."""

from __future__ import annotations

import dataclasses
import html
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from triage_support import EXAMPLES, REQUESTER, example_context, ticket

from integrations.errors import WorkspaceError
from integrations.model import Ticket, TicketComment
from integrations.triage import Decision, TriageContext, decide, explain_text, load_rules
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.normalise import key, strip_korean, substance
from integrations.workspace import load

#: A Thursday: relative dates below resolve against it.
CREATED = datetime(2026, 3, 12, 14, 0, tzinfo=UTC)






def on(ctx: TriageContext, body: str, *, form: str | None = None, subject: str = "Help",
       locale: str | None = None, **fields: Any) -> Ticket:
    field_ids = {k: rid for rid, k in ctx.field_ids.items()}
    form_ids = {k: rid for rid, k in ctx.form_ids.items()}
    comment = TicketComment(id=1, author_id=REQUESTER, public=True, body=body, created_at=CREATED,
                            from_requester=True)
    return ticket(subject=subject, description=body, requester_locale=locale,
                  form_id=form_ids[form] if form else None, comments=(comment,),
                  fields={field_ids[k]: v for k, v in fields.items()},
                  updated_at=CREATED)


def written(ctx: TriageContext, d: Decision) -> dict[str, Any]:
    return {ctx.field_ids[rid]: v for rid, v in d.update.fields.items()}


def asked(d: Decision) -> list[str]:
    return [m.key for m in d.missing if m.reason != "if_choice"]


def read_ticket(ctx: TriageContext, body: str, form: str | None, locale: str,
                subject: str = "Help", **fields: Any) -> tuple[dict[str, Any], list[str]]:
    """What deciding a ticket of ``body`` writes and asks (the reading tests' one question)."""
    d = decide(on(ctx, body, form=form, locale=locale, subject=subject, **fields), ctx)
    return written(ctx, d), asked(d)


# ------------------------------------------------------------------ 1. options in sentences


@pytest.mark.parametrize(("body", "value"), [
    ("my April commissions were never paid, SID 4471023", "pub_payments"),
    ("Mes commissions de janvier ne m'ont jamais été versées. SID 4410289", "pub_payments"),
    ("3월 커미션이 아직 지급되지 않았습니다. 사이트 ID 5512078", "pub_payments"),
    ("Minhas comissões de fevereiro não foram pagas. ID do site 3328871", "pub_payments"),
    ("계정이 해킹당했어요. SID 7781234", "pub_account"),
    ("Le lien de l'annonceur Fnac renvoie vers une page 404. SID 2231876", "pub_advertisers"),
])
def test_a_dropdown_is_read_from_the_words_customers_use(ads: TriageContext, body: str,
                                                         value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d)["problem_type"] == value
    assert "problem_type" not in asked(d) and "deskops_read_option" in d.update.add_tags


@pytest.mark.parametrize(("body", "field", "value"), [
    ("The launcher closes as soon as I log in.", "issue_type", "tech_login"),
    ("Le jeu plante au bout de dix minutes, écran noir.", "issue_type", "tech_crash"),
    ("게임이 계속 튕겨요.", "issue_type", "tech_crash"),
    ("Huge lag and fps drops in every dungeon.", "issue_type", "tech_performance"),
])
def test_technical_issue_types_in_every_language(games: TriageContext, body: str, field: str,
                                                 value: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d)[field] == value


def test_inflections_accents_and_typos_meet_the_keyword(stream: TriageContext,
                                                        ads: TriageContext) -> None:
    assert key("refunded", "en") == key("refund", "en")
    assert key("paiements", "fr") == key("paiement", "fr")
    assert key("Problème", "fr") == key("probleme", "fr")
    d = decide(on(ads, "Comissions for March are missing from my statment, SID 7718820"), ads)
    assert written(ads, d)["problem_type"] == "pub_payments"  # two typos


@pytest.mark.parametrize(("body", "form", "field", "value"), [
    ("Not a technical issue, the dashboard loads fine: my payments are late. SID 7718820",
     None, "problem_type", "pub_payments"),
    ("Ce n'est pas un problème de paiement : je veux changer mon profil. SID 6612093",
     None, "problem_type", "pub_account"),
    ("결제 문제는 아니고 계정 프로필 주소를 바꾸고 싶어요. SID 4409981",
     None, "problem_type", "pub_account"),
    ("Não é problema técnico, mas os pagamentos de março faltam. ID do site 8812390",
     None, "problem_type", "pub_payments"),
])
def test_negated_mentions_do_not_count(ads: TriageContext, body: str, form: str | None,
                                       field: str, value: str) -> None:
    d = decide(on(ads, body, form=form), ads)
    assert written(ads, d)[field] == value


def test_an_option_the_requester_denies_is_not_read_from_another_mention(
        games: TriageContext) -> None:
    d = decide(on(games, "It is not a crash. The game just lags, 10 fps.",
                  subject="Crash?", form="technical-issues"), games)
    assert written(games, d)["issue_type"] == "tech_performance"


@pytest.mark.parametrize("body", [
    "Comissões não pagas. Meu ID do site é 3328871.",  # "not paid" describes the problem
    "My commissions were not paid. SID 3328871",
])
def test_a_negated_verb_describes_the_problem_it_does_not_deny_it(ads: TriageContext,
                                                                  body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d)["problem_type"] == "pub_payments"


def test_a_mention_that_only_dates_the_problem_does_not_count(games: TriageContext) -> None:
    d = decide(on(games, "Le jeu rame énormément depuis la dernière mise à jour, fps en "
                  "chute.", form="technical-issues"), games)
    assert written(games, d)["issue_type"] == "tech_performance"


def test_two_options_named_write_neither_and_the_question_offers_both(
        games: TriageContext) -> None:
    d = decide(on(games, "Not sure if it's a crash or just lag, the screen freezes.",
                  form="technical-issues"), games)
    assert "issue_type" not in written(games, d)
    [item] = [m for m in d.missing if m.key == "issue_type"]
    assert sorted(item.choice_titles("en")) == ["Crash", "Performance"]
    assert d.update.comment is not None
    assert "Crash or Performance?" in d.update.comment.html or \
        "Performance or Crash?" in d.update.comment.html


def test_follow_ups_of_an_unknown_dropdown_are_asked_in_the_same_message(
        ads: TriageContext) -> None:
    """One round trip: what a technical problem would need is asked conditionally."""
    d = decide(on(ads, "Bonjour, je voudrais des informations sur votre programme. "
                  "SID 1234567"), ads)
    assert asked(d) == ["problem_type"]
    assert [m.key for m in d.missing if m.reason == "if_choice"] == [
        "browser", "operating_system", "steps_taken"]
    assert d.update.comment is not None
    assert "seulement s'il s'agit de : Problème technique" in html.unescape(
        d.update.comment.html)


def test_a_value_a_person_set_is_never_replaced(ads: TriageContext) -> None:
    d = decide(on(ads, "My commissions were never paid. SID 4471023",
                  problem_type="pub_other"), ads)
    assert "problem_type" not in written(ads, d)
    assert d.kind == "route" and not any(m.key == "problem_type" for m in d.missing)


# ------------------------------------------------------------------ 2. dates


@pytest.mark.parametrize(("text", "language", "day"), [
    ("since the update on Tuesday", "en", "2026-03-10"),
    ("about an hour ago it was still there", "en", "2026-03-12"),
    ("vu avant-hier soir sur le serveur", "fr", "2026-03-10"),
    ("débité le 3 mars", "fr", "2026-03-03"),
    ("지난 주말부터 그래요", "ko", "2026-03-07"),
    ("그저께부터", "ko", "2026-03-10"),
    ("desde a semana passada", "pt", "2026-03-02"),
    ("ontem à noite", "pt", "2026-03-11"),
    ("crashing since yesterdays patch", "en", "2026-03-11"),
    ("blank since the weekend", "en", "2026-03-07"),
    ("vu à l'instant", "fr", "2026-03-12"),
    ("월요일부터 안 돼요", "ko", "2026-03-09"),
    ("이틀 전에 샀어요", "ko", "2026-03-10"),
    ("vi agora há pouco", "pt", "2026-03-12"),
    ("comprei na segunda-feira", "pt", "2026-03-09"),
    ("faz uma hora", "pt", "2026-03-12"),
    # "the" is often dropped: "day before yesterday" is two days back, not "yesterday"
    ("Day before yesterday I bought the bundle", "en", "2026-03-10"),
    ("crashed night before last", "en", "2026-03-10"),
])
def test_dates_in_words_resolve_against_the_ticket_creation(text: str, language: str,
                                                             day: str) -> None:
    [(found, _, _)] = find_dates(text, language, CREATED)
    assert found.isoformat() == day


def test_a_date_field_is_filled_from_words_and_not_asked(games: TriageContext) -> None:
    d = decide(on(games, "Someone named Grimbolt stole our raid loot yesterday evening.",
                  form="report-a-player"), games)
    assert written(games, d)["occurred_on"] == "2026-03-11"
    assert "occurred_on" not in asked(d)


def test_two_different_dates_write_none(games: TriageContext) -> None:
    d = decide(on(games, "A bot farms there since Monday, and again yesterday.",
                  form="report-a-player"), games)
    assert "occurred_on" not in written(games, d) and "occurred_on" in asked(d)


def test_relative_dates_use_the_workspace_time_zone(tmp_path: Path) -> None:
    root = tmp_path / "game-publisher"
    shutil.copytree(EXAMPLES / "game-publisher", root)
    rules = json.loads((root / "rules.json").read_text(encoding="utf-8"))
    rules["settings"]["reading"] = {"timezone": "Asia/Seoul"}
    (root / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    ctx = example_context("game-publisher", root)
    late = on(ctx, "욕설을 합니다. 어제부터요.", form="report-a-player")
    # 14:00 UTC is 23:00 in Seoul, 16:00 UTC already the next day there
    next_day = dataclasses.replace(late, comments=(dataclasses.replace(
        late.comments[0], created_at=datetime(2026, 3, 12, 16, 0, tzinfo=UTC)),))
    assert written(ctx, decide(late, ctx))["occurred_on"] == "2026-03-11"
    assert written(ctx, decide(next_day, ctx))["occurred_on"] == "2026-03-12"


def test_relative_dates_use_the_requester_time_zone_first(games: TriageContext) -> None:
    # 14:00 UTC on Thursday is 23:00 in Seoul but 06:00 in Los Angeles; the workspace is UTC
    seoul = on(games, "Bluefang insulted me in chat yesterday.", form="report-a-player")
    la = dataclasses.replace(seoul, time_zone="America/Los_Angeles")
    late = dataclasses.replace(seoul, time_zone="Asia/Seoul", comments=(dataclasses.replace(
        seoul.comments[0], created_at=datetime(2026, 3, 12, 16, 0, tzinfo=UTC)),))
    assert written(games, decide(seoul, games))["occurred_on"] == "2026-03-11"  # workspace's
    assert written(games, decide(late, games))["occurred_on"] == "2026-03-12"  # Fri in Seoul
    assert written(games, decide(la, games))["occurred_on"] == "2026-03-11"
    la_night = dataclasses.replace(la, comments=(dataclasses.replace(
        la.comments[0], created_at=datetime(2026, 3, 12, 3, 0, tzinfo=UTC)),))
    assert written(games, decide(la_night, games))["occurred_on"] == "2026-03-10"  # Wed 20:00


# ------------------------------------------------------------------ 3. values in sentences


@pytest.mark.parametrize(("body", "form", "field", "value"), [
    ("My main is a ranger called Aelin and her sword vanished.", "in-game-issues",
     "character_name", "Aelin"),
    ("Someone named Grimbolt stole our raid loot.", "report-a-player", "reported_player",
     "Grimbolt"),
    ("Mon compte jules_b ne marche plus depuis ce matin.", "technical-issues",
     "account_name", "jules_b"),
    ("캐릭터 이름은 Haneul입니다. 아이템이 사라졌어요.", "in-game-issues", "character_name",
     "Haneul"),
    ("Un joueur nommé Speedyx utilise un cheat.", "report-a-player", "reported_player",
     "Speedyx"),
    ("Blackfang 라는 플레이어가 욕설을 합니다.", "report-a-player", "reported_player",
     "Blackfang"),
])
def test_values_inside_sentences(games: TriageContext, body: str, form: str, field: str,
                                 value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d)[field] == value
    assert field not in asked(d)


def test_a_word_of_the_fields_own_name_or_a_state_is_not_a_value(games: TriageContext) -> None:
    for body in ("Je veux supprimer mon compte Glyph, merci.", "My account is blocked.",
                 "My account got hacked yesterday."):
        d = decide(on(games, body, form="account-deletion"), games)
        assert "account_name" not in written(games, d), body


def test_typed_values_are_found_anywhere_unless_several_compete(ads: TriageContext,
                                                               games: TriageContext) -> None:
    d = decide(on(ads, "Les paiements n'arrivent plus. site 5561209"), ads)
    assert written(ads, d)["sid"] == "5561209"
    d = decide(on(ads, "Os cliques do anunciante não aparecem no relatório: 6612390"), ads)
    assert written(ads, d)["sid"] == "6612390" and d.language == "pt-br"
    d = decide(on(ads, "My payments are late, 5561209 or 5561210, not sure which."), ads)
    assert "sid" not in written(ads, d) and "sid" in asked(d)
    d = decide(on(ads, "Payments late for 5561209; my site ID is 5561210."), ads)
    assert written(ads, d)["sid"] == "5561210"  # the one attached to the field's name
    d = decide(on(games, "Hacked! My account shadowpaw, email shadowpaw@example.org",
                  form="account-recovery"), games)
    assert written(games, d)["account_email"] == "shadowpaw@example.org"


# ------------------------------------------------------------------ 4. language-aware length


def test_a_length_floor_judges_substance_fairly_across_scripts(stream: TriageContext) -> None:
    korean = "독립 모델입니다. 방송이 자꾸 끊겨요. 도와주세요."  # 24 characters, complete
    assert len(korean) < 30 <= substance(korean)
    d = decide(on(stream, korean), stream)
    assert "description" not in asked(d)
    padded = "help!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"  # 40 characters, says nothing
    assert substance(padded) < 30
    d = decide(on(stream, padded), stream)
    assert "description" in asked(d)


# ------------------------------------------------------------------ 5. rules keywords


@pytest.mark.parametrize(("body", "billing"), [
    ("I was refunded only once for two charges. Regular user.", True),
    ("Mes paiements ont été débités deux fois. Je suis utilisateur.", True),
    ("구독을 취소하고 환불을 받고 싶어요. 일반 사용자입니다.", True),
    ("My subscribtion renewed twice. I'm a regular user.", True),  # typo
    ("As a viewer I can't send tips. Not a billing problem, my balance is fine.", False),
])
def test_rule_keywords_use_the_same_matcher(stream: TriageContext, body: str,
                                            billing: bool) -> None:
    d = decide(on(stream, body), stream)
    assert ("billing" in d.update.add_tags) is billing, [r.reasons for r in d.rules]


# ------------------------------------------------------------------ settings, explain, checks


def test_thresholds_live_in_the_workspace_settings(tmp_path: Path) -> None:
    root = tmp_path / "ad-network"
    shutil.copytree(EXAMPLES / "ad-network", root, ignore=shutil.ignore_patterns("locks"))
    rules = json.loads((root / "rules.json").read_text(encoding="utf-8"))
    rules["settings"]["reading"] = {"thresholds": {"option": 1.01}}  # options: off
    (root / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    ctx = example_context("ad-network", root)
    d = decide(on(ctx, "My commissions were never paid. SID 4471023"), ctx)
    assert "problem_type" not in written(ctx, d) and asked(d) == ["problem_type"]
    rules["settings"]["reading"] = {"timezone": "Mars/Olympus"}
    (root / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    with pytest.raises(WorkspaceError, match="unknown time zone"):
        load_rules(root, load(root))


def test_explain_shows_the_evidence_of_each_inferred_value(ads: TriageContext) -> None:
    d = decide(on(ads, "my April commissions were never paid, SID 4471023"), ads)
    out = explain_text(d)
    assert "inferred: problem_type = pub_payments ← 'commissions … never paid'" in out
    assert "(option titles and keywords, en" in out


def test_explain_update_line_names_fields_by_key_not_remote_id(ads: TriageContext) -> None:
    d = decide(on(ads, "my April commissions were never paid, SID 4471023"), ads)
    (line,) = [x for x in explain_text(d).splitlines() if x.startswith("  update: ")]
    fields = json.loads(line.removeprefix("  update: "))["fields"]
    assert fields == {"problem_type": "pub_payments", "sid": "4471023"}
    assert not any(str(rid) in line for rid in d.update.fields)


def test_a_keyword_naming_two_options_is_refused_by_validate(tmp_path: Path) -> None:
    root = tmp_path / "streaming-platform"
    shutil.copytree(EXAMPLES / "streaming-platform", root)
    path = root / "fields" / "occupation.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"agency"', '"viewer"'),
                    encoding="utf-8")
    with pytest.raises(WorkspaceError, match="also names option 'occ_user'"):
        load(root)


def test_korean_particles_and_endings_are_stripped() -> None:
    assert [strip_korean(w) for w in ("계정이", "캐릭터는", "결제를", "서버에서", "모델입니다",
                                      "하늘")] == ["계정", "캐릭터", "결제", "서버", "모델", "하늘"]


def test_reading_never_goes_past_the_input_cap(ads: TriageContext) -> None:
    from integrations.triage._instance import MAX_INPUT

    d = decide(on(ads, "SID 4471023\n" + "x " * MAX_INPUT + "my commissions were never paid"),
               ads)
    assert "problem_type" not in written(ads, d)



@pytest.mark.parametrize(("text", "language"), [
    ("the other day", "en"), ("na quarta vez que tentei", "pt"), ("next monday", "en"),
])
def test_vague_or_future_words_give_no_date(text: str, language: str) -> None:
    assert find_dates(text, language, CREATED) == []


# ------------------------------------------------------------------ second pass (issue 10)


@pytest.mark.parametrize(("body", "form", "field", "value"), [
    # Portuguese to an en/fr/ko help desk: read as Portuguese, answered in a desk locale
    ("O jogador Malvado9 me xingou no chat do servidor Aurora.", "report-a-player",
     "offense", "offense_harassment"),
    ("O jogador Malvado9 me xingou no chat do servidor Aurora.", "report-a-player",
     "reported_player", "Malvado9"),
    ("O jogador Malvado9 me xingou no chat do servidor Aurora.", "report-a-player",
     "server", "Aurora"),
    ("Meu personagem Jacira perdeu a espada depois da manutenção, sumiu.", "in-game-issues",
     "character_name", "Jacira"),
])
def test_a_language_the_desk_does_not_answer_in_is_still_read(
        games: TriageContext, body: str, form: str, field: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert d.language in ("en", "fr")  # the answer stays in a workspace locale
    assert written(games, d)[field] == value


def test_rule_keywords_follow_the_language_written(stream: TriageContext) -> None:
    d = decide(on(stream, "Fui cobrado duas vezes este mês, sou usuário comum."), stream)
    assert any(r.group == "Billing Support" for r in d.rules)
    assert written(stream, d)["occupation"] == "occ_user"


@pytest.mark.parametrize(("body", "form", "field", "value"), [
    ("A bot keeps farming on the Shadowmoor server all night.", "report-a-player", "server",
     "Shadowmoor"),
    ("J'ai acheté le pack Explorateur hier, débité mais rien reçu. Compte : nina_p",
     "unable-to-purchase", "purchase_name", "pack Explorateur"),
])
def test_names_before_their_noun_and_named_products(games: TriageContext, body: str,
                                                    form: str, field: str,
                                                    value: str) -> None:
    assert written(games, decide(on(games, body, form=form), games))[field] == value


@pytest.mark.parametrize("body", ["A bot keeps farming on the main server all night.",
                                  "A bot keeps farming on the EU server all night."])
def test_a_name_before_its_noun_is_capitalised_not_an_acronym(games: TriageContext,
                                                              body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "server" not in written(games, d) and "server" in asked(d)


@pytest.mark.parametrize(("body", "value"), [
    ("Mes revenus de mai n'ont jamais été virés sur mon compte. SID 4410290", "pub_payments"),
    ("I can't access my publisher profile since the email change. SID 4410291", "pub_account"),
    ("수익금이 아직 안 들어왔어요. 사이트 ID 4410292", "pub_payments"),
    ("Meus ganhos de maio não caíram na conta. SID 4410293", "pub_payments"),
])
def test_a_word_inside_a_longer_phrase_of_another_option_gives_way(
        ads: TriageContext, body: str, value: str) -> None:
    assert written(ads, decide(on(ads, body), ads))["problem_type"] == value


def test_weak_words_alone_leave_the_dropdown_to_the_requester(stream: TriageContext) -> None:
    # a studio naming its models: "modelo" alone is not "I am a model"
    d = decide(on(stream, "Somos um estúdio e uma modelo nossa não consegue entrar."), stream)
    assert written(stream, d)["occupation"] == "occ_studio"


def test_options_validate_as_an_enum_with_the_same_answers(ads: TriageContext) -> None:
    spec = ads.forms["publisher-support"]
    assert spec.property_validators["problem_type"].schema.get("enum")
    d = decide(on(ads, "Dashboard broken. SID 4471023", problem_type="pub_unknown"), ads)
    (item,) = [m for m in d.missing if m.key == "problem_type"]
    assert item.reason == "invalid" and "enum" in item.detail


def test_the_language_written_is_found_beside_the_locale_answered() -> None:
    from integrations.language import detect_reading
    pt = ["O jogo fecha sozinho toda vez que entro na cidade, já reinstalei duas vezes."]
    locale, _, written_in = detect_reading(pt, ["en", "fr", "ko"], fallback_locale=None,
                                           default="en")
    assert written_in == "pt" and locale in ("en", "fr", "ko")
    en = ["The game closes by itself every time I enter the city, I reinstalled twice."]
    assert detect_reading(en, ["en", "fr", "ko"], fallback_locale=None,
                          default="en") == ("en", "detector", "en")
    assert detect_reading(["게임이 자꾸 튕겨요"], ["en", "ko"], fallback_locale=None,
                          default="en") == ("ko", "script", "ko")


def test_rule_keywords_in_a_language_triage_reads_are_accepted(tmp_path: Path) -> None:
    root = tmp_path / "streaming-platform"
    shutil.copytree(EXAMPLES / "streaming-platform", root)
    rules = json.loads((root / "rules.json").read_text(encoding="utf-8"))
    billing = next(r for r in rules["rules"] if "billing" in r["name"])
    assert "pt-br" in billing["when"]["keywords"]  # not a workspace locale: still read
    load_rules(root, load(root))
    billing["when"]["keywords"]["de"] = ["Rechnung"]
    (root / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    with pytest.raises(WorkspaceError, match="nor a language triage reads"):
        load_rules(root, load(root))


@pytest.mark.parametrize(("body", "server"), [
    ("Grom 이라는 유저가 욕설을 해요. 서버는 누리입니다.", "누리"),
    ("Grom 이라는 유저가 욕설을 해요. 서버가 다운됐어요.", None),
    ("Grom 이라는 유저가 욕설을 해요. 서버는 느립니다.", None),
])
def test_a_hangul_name_is_read_only_when_a_copula_states_it(games: TriageContext, body: str,
                                                            server: str | None) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("server") == server


def test_a_condition_holds_as_json_schema_const_says() -> None:
    from integrations.model import Condition, ConditionChild
    from integrations.triage._instance import _holds
    on_choice = Condition("problem_type", "pub_technical", (ConditionChild("browser", True),))
    unticked = Condition("agree", False, (ConditionChild("reason", True),))
    ticked = Condition("agree", True, (ConditionChild("reason", True),))
    assert _holds(on_choice, {"problem_type": "pub_technical"})
    assert not _holds(on_choice, {}) and not _holds(on_choice, {"problem_type": "pub_other"})
    assert _holds(unticked, {}) and _holds(unticked, {"agree": False})
    assert not _holds(unticked, {"agree": True})
    assert _holds(ticked, {"agree": True}) and not _holds(ticked, {"agree": 1})


# ------------------------------------------------------- 6. two options: the stronger evidence
@pytest.mark.parametrize(("body", "value"), [
    # a symptom outranks a place named next to it
    ("The dashboard shows an error on the Links tab.", "pub_technical"),
    # four words of one option against one of another ("comptés" is not "compte")
    ("les liens de l'annonceur ne redirigent plus, mes clics ne sont plus comptés",
     "pub_advertisers"),
    ("O relatório de cliques não abre, fica carregando.", "pub_technical"),
])
def test_the_option_with_clearly_stronger_evidence_is_written(
        ads: TriageContext, body: str, value: str) -> None:
    d = decide(on(ads, body + " SID 1234567"), ads)
    assert written(ads, d)["problem_type"] == value
    assert "problem_type" not in asked(d)


def test_the_stronger_evidence_wins_in_korean(games: TriageContext) -> None:
    d = decide(on(games, "패치 다운로드가 50%에서 멈춰요.", form="technical-issues"), games)
    assert written(games, d)["issue_type"] == "tech_patching"


@pytest.mark.parametrize("body", [
    "Je ne sais pas si c'est un plantage ou juste du lag, l'écran se fige et rame.",
    "It keeps crashing, or maybe it's just lag and stuttering, the fps drops a lot.",
    "There is an error in my earnings.",  # one word each: no clear margin
])
def test_without_a_clear_margin_or_when_hesitating_the_question_offers_both(
        games: TriageContext, ads: TriageContext, body: str) -> None:
    ctx, key, form = (ads, "problem_type", None) if "earnings" in body else \
        (games, "issue_type", "technical-issues")
    d = decide(on(ctx, body, form=form), ctx)
    assert key not in written(ctx, d)
    [item] = [m for m in d.missing if m.key == key]
    assert len(item.choice_titles("en")) == 2


def test_two_problems_joined_by_and_are_asked_not_guessed(ads: TriageContext) -> None:
    d = decide(on(ads, "My links for Walmart stopped tracking, and my April payment is late. "
                  "SID 1234567"), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


def test_what_the_requester_was_doing_counts_as_context(ads: TriageContext) -> None:
    d = decide(on(ads, "I get an error when I try to create a deep link. SID 1234567"), ads)
    assert written(ads, d)["problem_type"] == "pub_technical"


# ------------------------------------------------ 7. proper nouns next to the field's cues
@pytest.mark.parametrize(("body", "item"), [
    ("My character Brannoc lost his Emberforged Helm after the patch.", "Emberforged Helm"),
    ("Since the rollback my Tidecaller Trident vanished. Character: Brannoc", "Tidecaller Trident"),
    ("Mon perso Brannoc a perdu son Bouclier d'Argent hier.", "Bouclier d'Argent"),
    ("Perdi minha espada Fúria Celeste depois da manutenção. Personagem: Brannoc",
     "Fúria Celeste"),
])
def test_an_item_named_only_in_prose_is_read(games: TriageContext, body: str,
                                             item: str) -> None:
    d = decide(on(games, body, form="in-game-issues", product="game_rift",
                  platform="platform_pc", region="region_eu"), games)
    got = written(games, d)
    assert got["item_name"] == item
    assert got["character_name"] == "Brannoc"
    assert "item_name" not in asked(d)


@pytest.mark.parametrize(("body", "name"), [
    ("The player Vexor scammed me in a trade today. I'm Sunmere on the Ollo server.", "Sunmere"),
    ("I'm French, sorry for my English. The player Vexor scammed me today on the Ollo "
     "server.", None),
    ("I'm PC player. The player Vexor scammed me today on the Ollo server.", None),
    ("Je suis Française. Le joueur Vexor m'a arnaqué aujourd'hui, serveur Ollo.", None),
])
def test_i_am_a_name_but_not_a_demonym_or_a_common_word(
        games: TriageContext, body: str, name: str | None) -> None:
    d = decide(on(games, body, form="report-a-player", product="game_rift",
                  platform="platform_pc", region="region_eu"), games)
    assert written(games, d).get("character_name") == name
    assert ("character_name" in asked(d)) is (name is None)


def test_a_lower_case_thing_lost_is_asked_for_by_name(games: TriageContext) -> None:
    d = decide(on(games, "J'ai perdu ma monture hier. Perso : Brannoc", form="in-game-issues",
                  product="game_rift", platform="platform_pc", region="region_eu"), games)
    assert "item_name" not in written(games, d)
    assert "item_name" in asked(d)


@pytest.mark.parametrize(("subject", "written_too"), [
    ("Help", False),  # one typo'd keyword alone: 0.75, below the 0.8 threshold
    ("comission late", True),  # the subject names the same option: corroborated
])
def test_a_typo_is_written_only_when_another_passage_corroborates_it(
        ads: TriageContext, subject: str, written_too: bool) -> None:
    d = decide(on(ads, "my comission for april hasnt arrived. SID 1234567", subject=subject),
               ads)
    assert ("problem_type" in written(ads, d)) is written_too


def test_a_short_korean_clause_is_judged_by_substance_not_characters(
        ads: TriageContext) -> None:
    """"리포트 눌렀어요" is 8 characters but says as much as "I clicked Reports" (substance
    14)."""
    d = decide(on(ads, "리포트 페이지가 안 열려요. 크롬, 윈도우 10이에요. 리포트 눌렀어요. "
                  "SID 1234567", locale="ko"), ads)
    assert written(ads, d).get("steps_taken") == "리포트 눌렀어요"


@pytest.mark.parametrize("body", [
    "I'm Locked out of chat since the player Vexor reported me, server Ollo.",
    "I'm So angry, the player Vexor scammed me today on the Ollo server.",
    "Je suis Désolé mais le joueur Vexor m'a arnaqué aujourd'hui, serveur Ollo.",
])
def test_a_capitalised_state_after_i_am_is_not_a_character(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player", product="game_rift",
                  platform="platform_pc", region="region_eu"), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize(("text", "language"), [
    # the date of a side act (drivers updated, the game reinstalled, playing started), not
    # of the problem: no date
    ("le jeu crash au loading screen. Windows 10 à jour, drivers updatés hier.", "fr"),
    ("It crashes on launch. I updated my graphics drivers yesterday, no change.", "en"),
    ("I reinstalled the game yesterday and it still crashes.", "en"),
    ("o jogo fecha sozinho. atualizei os drivers da placa de vídeo ontem e nada.", "pt"),
    ("reinstalei o jogo ontem e continua fechando.", "pt"),
    ("게임이 계속 튕겨요. 어제 그래픽 드라이버 업데이트도 했어요.", "ko"),
    ("j'ai réinstallé le jeu avant-hier mais ça plante toujours.", "fr"),
])
def test_a_side_act_dates_nothing(text: str, language: str) -> None:
    assert find_dates(text, language, CREATED) == []


@pytest.mark.parametrize(("text", "language"), [
    # a count of progress ("7/8" killed, a counter stuck at "4/5") is no date, whatever cue
    # stands before it
    ("A quest não completa, o contador fica em 7/8.", "pt"),
    ("a missão tá em 2/3 e não sobe mais", "pt"),
    ("travou em 4/5 objetivos faz dias", "pt"),
    ("the kill counter is stuck on 7/8", "en"),
    ("quest progress stays on 4/5 even after I killed them all", "en"),
    ("le compteur reste le 7/8 depuis des heures", "fr"),
    ("la progression de la quête est à 3/5 depuis ce matin", "fr"),
    ("카운트가 7/8에서 안 올라가요", "ko"),
    ("진행도가 4/5에 멈춰 있어요", "ko"),
])
def test_a_count_of_progress_is_no_date(text: str, language: str) -> None:
    assert [d for d, _, phrase in find_dates(text, language, CREATED) if "/" in phrase] == []


@pytest.mark.parametrize(("text", "language", "day"), [
    # a slash date with its cue stays one
    ("comprei em 7/3 e não recebi", "pt", "2026-03-07"),
    ("desde 2/3 o jogo fecha", "pt", "2026-03-02"),
    ("it started on 2/25", "en", "2026-02-25"),
    ("le 7/3 j'ai acheté le pack", "fr", "2026-03-07"),
    ("3/10에 결제했어요", "ko", "2026-03-10"),
])
def test_a_slash_date_with_its_cue_stays(text: str, language: str, day: str) -> None:
    [(found, _, _)] = find_dates(text, language, CREATED)
    assert found.isoformat() == day


@pytest.mark.parametrize(("text", "language", "day"), [
    # the problem dated from the act: "since", "depuis", "desde", "부터"
    ("It crashes since I updated my drivers yesterday.", "en", "2026-03-11"),
    ("ça plante depuis que j'ai mis à jour mes pilotes hier.", "fr", "2026-03-11"),
    ("desde que atualizei os drivers ontem o jogo fecha.", "pt", "2026-03-11"),
    ("어제 드라이버 업데이트한 이후로 계속 튕겨요.", "ko", "2026-03-11"),
    # a date of its own beside the side act
    ("I updated my drivers, and yesterday it crashed again.", "en", "2026-03-11"),
    # the game's own update is the problem's time
    ("crashing since yesterdays patch", "en", "2026-03-11"),
    # noon today
    ("c'etait ce midi.", "fr", "2026-03-12"),
])
def test_a_date_beside_a_side_act_that_dates_the_problem_stays(text: str, language: str,
                                                               day: str) -> None:
    [(found, _, _)] = find_dates(text, language, CREATED)
    assert found.isoformat() == day
