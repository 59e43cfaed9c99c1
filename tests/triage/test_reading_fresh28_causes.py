"""Causes of wrong values found on the blind split fresh28 (issue 10), each with new
sentences: what must change and what must keep working."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import asked, on, written
from test_reading import read_ticket as _read

from integrations.language import detect_reading
from integrations.triage import TriageContext, decide

DESK = ["en", "fr", "ko"]



# ------------------------------------------- a language the workspace does not answer in


def test_portuguese_to_a_desk_without_it_is_not_answered_in_french() -> None:
    # long, unpunctuated, colloquial Portuguese: the detector forced to choose between
    # en and fr said fr with confidence
    for text in (
        "ola bom dia minha conta foi bloqueada ontem a noite e eu nao fiz nada de errado "
        "so entrei no jogo e quando voltei da janta tava tudo travado me ajudem por favor",
        "oi meu escudo de cristal sumiu do bau depois da atualizacao de terca eu ja "
        "reiniciei o console umas tres vezes e nada aparece",
        "comprei o passe de temporada mas nao recebi nada",
    ):
        locale, how, written_in = detect_reading([text], DESK, fallback_locale=None,
                                                 default="en")
        assert (locale, how, written_in) == ("en", "default", "pt"), text
    # the requester's own locale answers before the default
    assert detect_reading(["comprei o passe de temporada mas nao recebi nada"], DESK,
                          fallback_locale="fr", default="en") == ("fr", "requester", "pt")


def test_the_workspace_languages_are_still_detected() -> None:
    for text, lang in (
        ("bonjour mon perso a perdu son épée hier soir après la mise à jour je ne la "
         "retrouve plus nulle part merci de m'aider", "fr"),
        ("hello my sword vanished from my bag after the patch yesterday i looked "
         "everywhere please help", "en"),
    ):
        assert detect_reading([text], DESK, fallback_locale=None,
                              default="en") == (lang, "detector", lang)
    assert detect_reading(["어제 업데이트 후에 제 검이 사라졌어요"], DESK, fallback_locale=None,
                          default="en") == ("ko", "script", "ko")
    # a desk that answers in Portuguese answers in it
    assert detect_reading(["comprei o passe de temporada mas nao recebi nada"],
                          ["en", "fr", "pt-br"], fallback_locale=None,
                          default="en") == ("pt-br", "detector", "pt")


# ------------------------------------ an id in a clause about a third person, on behalf


@pytest.mark.parametrize(("body", "locale"), [
    ("Dear Sir or Madam, I am writing on behalf of Mrs Helen Ward, who runs Ward Interiors. "
     "She would like the payment dates for next year. Our site ID number is 55102384. Please "
     "note that the site of her partner, Mr. Hale (SID 55102999), is under a separate "
     "contract.", "en"),
    ("Madame, Monsieur, je vous écris au nom de Mme Anne Petit, gérante de la société. Elle "
     "souhaite connaître le calendrier des paiements. Notre identifiant de site est le "
     "55102384. Le site de son associé, M. Girard (SID 55102999), relève d'un autre "
     "contrat.", "fr"),
    ("Prezados, escrevo em nome da Sra. Marta Lima, dona da loja. Ela gostaria de saber as "
     "datas de pagamento do ano que vem. Nosso identificador de site é 55102384. O site do "
     "sócio dela, Sr. Prado (SID 55102999), tem um contrato separado.", "pt-br"),
])
def test_a_third_persons_id_does_not_win_over_the_requesters(
        ads: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("sid") in (None, "55102384")
    assert got.get("sid") != "55102999"


@pytest.mark.parametrize(("body", "locale"), [
    # the person written for is the one named: their id is the ticket's
    ("I am writing on behalf of my partner, Mr. Hale. His site (SID 55102999) stopped "
     "showing earnings last week.", "en"),
    ("Je vous écris au nom de mon associé, M. Girard. Son site (SID 55102999) n'affiche "
     "plus de revenus depuis lundi.", "fr"),
    ("Escrevo em nome do meu sócio, Sr. Prado. O site dele (SID 55102999) parou de mostrar "
     "ganhos.", "pt-br"),
    ("남편 대신 문의드려요. 남편 사이트 SID 55102999 에서 수익이 안 보여요.", "ko"),
])
def test_the_id_of_the_person_written_for_is_still_written(
        ads: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("sid") == "55102999"


# ------------------------------------ a name said of a person or given as a character

_TROVE = {"product": "game_trove", "platform": "platform_pc", "region": "region_na"}


def _game(ctx: TriageContext, body: str, locale: str) -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form="in-game-issues", locale=locale, **_TROVE), ctx)
    return written(ctx, d), asked(d)


@pytest.mark.parametrize(("body", "locale", "not_item"), [
    ("My nephew and I play together, his character is SkullCrusher and mine is Aunt Bea. On "
     "Monday the glider I fly around on was gone. Could you please give it back?", "en",
     "SkullCrusher"),
    ("We play as a family, her character is FrostyPaws and my character is Nana Jo. "
     "Yesterday the mount I ride was no longer in my collection.", "en", "FrostyPaws"),
    ("Je joue avec mon petit-fils, son personnage c'est RoiDino et le mien c'est Mamie Jo. "
     "Lundi la monture que je montais n'était plus là.", "fr", "RoiDino"),
    ("Je joue avec mon fils, son perso s'appelle TigreNoir et mon perso c'est Mamie Jo. Hier "
     "ma monture n'était plus dans ma collection.", "fr", "TigreNoir"),
    ("eu jogo com meu neto, o personagem dele é ReiDino e o meu é Vovó Lu. Na segunda a "
     "montaria que eu usava sumiu da coleção.", "pt-br", "Vovó Lu"),
    ("oi meu personagem chama Sol Dourado e ontem minha montaria sumiu da coleção me ajudem",
     "pt-br", "Sol Dourado"),
    ("어제 파티원 Haneul이랑 같이 던전 돌다가 제 망토가 없어졌어요. 제 캐릭은 Bomi 입니다", "ko",
     "Haneul"),
    ("길드원 Daon이랑 교환하다가 튕겼는데 제 검이 사라졌어요. 제 캐릭은 Bomi 입니다", "ko", "Daon"),
])
def test_a_name_said_of_a_person_or_a_character_is_no_item(
        games: TriageContext, body: str, locale: str, not_item: str) -> None:
    got, _ = _game(games, body, locale)
    assert got.get("item_name") != not_item


def test_a_character_named_with_a_bare_chama_is_read() -> None:
    from triage_support import example_context
    games = example_context("game-publisher")
    got, _ = _game(games, "oi meu personagem chama Sol Dourado e ontem minha montaria sumiu "
                   "da coleção me ajudem", "pt-br")
    assert got.get("character_name") == "Sol Dourado"
    # "chama" before a lower-case word is no naming: "meu personagem chama atenção"
    got, _ = _game(games, "meu personagem chama atenção demais com a montaria nova, mas ontem "
                   "ela sumiu da coleção", "pt-br")
    assert got.get("character_name") is None


@pytest.mark.parametrize(("body", "locale", "character", "item"), [
    ("My character is Tallowby. Yesterday my mount Skyreaver vanished from my collection.",
     "en", "Tallowby", "Skyreaver"),
    ("I was trading with my guildmate Rook yesterday and my Frostfang Blade disappeared, my "
     "character is Tallowby", "en", "Tallowby", "Frostfang Blade"),
    ("Mon perso c'est Brindille. Hier ma monture Crinière d'Argent a disparu de ma collection.",
     "fr", "Brindille", "Crinière d'Argent"),
    ("meu personagem é Sol Dourado e ontem minha montaria Relâmpago Azul sumiu da coleção",
     "pt-br", "Sol Dourado", "Relâmpago Azul"),
])
def test_the_item_beside_a_character_is_still_written(
        games: TriageContext, body: str, locale: str, character: str, item: str) -> None:
    got, _ = _game(games, body, locale)
    assert (got.get("character_name"), got.get("item_name")) == (character, item)
