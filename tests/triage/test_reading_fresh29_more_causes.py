"""More causes of misreads found on the fresh27 and fresh29 splits, each fixed as a general
rule and tested here in sentences of our own, in the languages it touches: in dictated
text with no punctuation, the steps a cue starts end where a result follows "and (after
that)" with its subject left out ("troquei o tema e depois disso sumiu", "I updated the
plugin and after that it disappeared"), at a sign-off ("valeu", "thanks", "merci") or the
requester's id told next ("meu sid é …"); a clause whose end is still not found after
many words is not written; an ad that does not show on the requester's site ("the banners
don't show on my blog", "mes bannières ne s'affichent plus", "os banners não aparecem",
"배너가 안 떠요") is a technical problem, the banner only where it shows; French "virer"
said of a person put out ("ils m'ont viré du programme") is no money wired, and a brand
gone from the requester's partner brands ("ma liste de marques partenaires") is about
advertisers; a script error pasted from the browser's console ("Uncaught TypeError: …",
"ReferenceError", "erreur dans la console", "erro no console") is technical, never the
advertisers' question its tracking tag stands in."""

from __future__ import annotations

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext

# ------------------------------------------------------------------ dictated run-on steps


@pytest.mark.parametrize(("body", "locale", "steps"), [
    ("oi gravei isso no celular desculpa o painel nao mostra os graficos eu troquei o tema "
     "do site e depois disso sumiu tudo meu sid e 5512345 obrigado", "pt-br",
     "troquei o tema do site"),
    ("hey sorry typing this by voice my widget is gone i clicked update plugin in wordpress "
     "and after that it disappeared completely my sid is 5512345 thanks", "en",
     "clicked update plugin in wordpress"),
    ("bonjour je dicte ce message le widget ne marche plus j'ai cliqué sur mettre à jour le "
     "plugin et après ça ça a disparu mon sid c'est 5512345 merci", "fr",
     "cliqué sur mettre à jour le plugin"),
    ("oi o banner nao aparece eu troquei o plugin de anuncios valeu", "pt-br",
     "troquei o plugin de anuncios"),
])
def test_dictated_steps_end_at_the_result(ads: TriageContext, body: str, locale: str,
                                          steps: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale, problem_type="pub_technical")
    assert got.get("steps_taken", "").lower().endswith(steps)
    assert "sumiu" not in got.get("steps_taken", "") and "sid" not in got.get(
        "steps_taken", "").lower()


@pytest.mark.parametrize(("body", "locale"), [
    ("oi to falando no audio entao sem pontuacao eu troquei o tema do blog ontem de noite a "
     "tela continua toda estranha com umas coisas cortadas no lado direito quando abro o "
     "painel de manha e tambem de tarde no trabalho", "pt-br"),
    ("sorry dictating this i clicked update on the theme last night the screen still looks "
     "all weird with bits cut off on the right side when i open the dashboard in the "
     "morning and in the afternoon at work too", "en"),
])
def test_run_on_steps_with_no_end_are_not_written(ads: TriageContext, body: str,
                                                  locale: str) -> None:
    got, missing = _read(ads, body, "publisher-support", locale,
                         problem_type="pub_technical")
    assert "steps_taken" not in got
    assert "steps_taken" in missing


@pytest.mark.parametrize(("body", "locale", "steps"), [
    # punctuated steps keep their acts, a later act after "and then" included
    ("I opened Reports, then I chose November and after that I clicked Export CSV. The page "
     "stays blank. SID 5512345", "en",
     "opened Reports, then I chose November and after that I clicked Export CSV"),
    ("Abri Relatórios e depois cliquei em Exportar. Fica em branco. SID 5512345", "pt-br",
     "Abri Relatórios e depois cliquei em Exportar"),
])
def test_acts_after_a_join_are_still_steps(ads: TriageContext, body: str, locale: str,
                                           steps: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale, problem_type="pub_technical")
    assert got.get("steps_taken", "").endswith(steps)


# ------------------------------------------------------------------ an ad that does not show


@pytest.mark.parametrize(("body", "locale"), [
    ("Since yesterday the banners just don't show on my blog anymore. SID 5512345", "en"),
    ("my banner ads arent showing on the homepage, only a gap. SID 5512345", "en"),
    ("the banner ads simply dont show up on my page anymore. SID 5512345", "en"),
    ("o banner nao aparece no meu blog quando abro no celular. SID 5512345", "pt-br"),
    ("la bannière ne s'affiche pas sur mon site quand j'ouvre la page. SID 5512345", "fr"),
    ("Depuis hier mes bannières ne s'affichent plus sur mon blog. SID 5512345", "fr"),
    ("Desde ontem os banners não aparecem mais no meu blog. SID 5512345", "pt-br"),
    ("어제부터 제 블로그에 배너가 안 떠요. SID 5512345", "ko"),
])
def test_an_ad_not_showing_is_technical(ads: TriageContext, body: str, locale: str) -> None:
    got, missing = _read(ads, body, "publisher-support", locale)
    assert got.get("problem_type") == "pub_technical"
    assert "problem_type" not in missing


@pytest.mark.parametrize(("body", "locale"), [
    # the banners themselves asked for: the advertiser's creatives, no display problem
    ("Where can I find new banners for the Fnac campaign? SID 5512345", "en"),
    ("Où trouver les bannières de la campagne Fnac ? SID 5512345", "fr"),
])
def test_banners_asked_for_are_no_display_problem(ads: TriageContext, body: str,
                                                  locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("problem_type") != "pub_technical"


# ------------------------------------------------------------------ put out of a programme


@pytest.mark.parametrize("body", [
    "Fnac a disparu de ma liste de marques partenaires, ils m'ont viré du programme ? "
    "SID 5512345",
    "Je ne vois plus Boulanger dans mes marques partenaires, on m'a viré de la plateforme "
    "ou quoi ? SID 5512345",
])
def test_put_out_of_a_programme_is_no_payment(ads: TriageContext, body: str) -> None:
    got, missing = _read(ads, body, "publisher-support", "fr")
    assert got.get("problem_type") == "pub_advertisers"
    assert "problem_type" not in missing


@pytest.mark.parametrize("body", [
    "Ma commission de novembre n'a toujours pas été virée sur mon compte. SID 5512345",
    "L'argent a été viré le 3 mais je ne le vois pas sur mon compte bancaire. SID 5512345",
])
def test_money_wired_stays_a_payment(ads: TriageContext, body: str) -> None:
    got, _ = _read(ads, body, "publisher-support", "fr")
    assert got.get("problem_type") in (None, "pub_payments")


# ------------------------------------------------------------------ a pasted script error


@pytest.mark.parametrize(("body", "locale"), [
    ("Since the theme update our affiliate widget is dead. Console shows:\n\n"
     "  Uncaught TypeError: rkWidget.init is not a function\n\nSID 5512345", "en"),
    ("The tracking snippet broke after the update, javascript error in the console: "
     "ReferenceError: rkq is not defined. SID 5512345", "en"),
])
def test_a_pasted_script_error_is_technical(ads: TriageContext, body: str,
                                            locale: str) -> None:
    got, missing = _read(ads, body, "publisher-support", locale)
    assert got.get("problem_type") == "pub_technical"
    assert "problem_type" not in missing


@pytest.mark.parametrize(("body", "locale"), [
    ("Depuis la mise à jour le lien de suivi ne marche plus, dans la console j'ai : "
     "Uncaught ReferenceError: rkq is not defined. SID 5512345", "fr"),
    ("o link de afiliado parou, aparece no console um erro de javascript. SID 5512345",
     "pt-br"),
])
def test_a_script_error_beside_links_is_never_advertisers(ads: TriageContext, body: str,
                                                          locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("problem_type") in (None, "pub_technical")


@pytest.mark.parametrize("body", [
    # no console, no script: the tracking itself stays the advertisers' question
    "My tracking links show no clicks since Monday. SID 5512345",
])
def test_tracking_without_a_script_error_stays_advertisers(ads: TriageContext,
                                                           body: str) -> None:
    got, _ = _read(ads, body, "publisher-support", "en")
    assert got.get("problem_type") == "pub_advertisers"
