"""Causes of wrong values found on the blind split fresh28 (issue 10), each with new
sentences: what must change and what must keep working."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import asked, on, written

from integrations.language import detect_reading
from integrations.triage import TriageContext, decide

DESK = ["en", "fr", "ko"]


def _read(ctx: TriageContext, body: str, form: str, locale: str,
          subject: str = "Help") -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form=form, locale=locale, subject=subject), ctx)
    return written(ctx, d), asked(d)


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
