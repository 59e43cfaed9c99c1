"""Causes of wrong values found on the blind split fresh28 (issue 10), each with new
sentences: what must change and what must keep working."""

from __future__ import annotations

from integrations.language import detect_reading

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
