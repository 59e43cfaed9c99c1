"""A requester taking up another kind's activity, or switching accounts from one kind to
another, is a change under way (issue 10, fresh24): "I've watched here for years and last
month I started doing some lives too", "je regarde depuis longtemps et j'ai commencé à
faire des lives aussi", "comecei a fazer umas lives também", "지금은 시청자 계정인데 저도
방송을 시작해보려고요", "switch my account from viewer to broadcaster": which kind they are
is theirs to say (ask, write nothing), in en, fr, ko and pt-br. One kind that started
its own activity ("I'm a new model, I just started streaming") is still that kind."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("I've been watching here for years and last month I started doing some lives too. "
     "Today my token balance was at zero. Account: rafa_lima", "en"),
    ("I'm just a viewer for now but I want to start streaming too. Do I need a new account? "
     "Username dalnim", "en"),
    ("Je regarde les shows depuis longtemps et le mois dernier j'ai commencé à faire des lives "
     "aussi. Mes jetons ont disparu. Pseudo : rafa_lima", "fr"),
    ("Je suis simple spectateur pour l'instant mais je vais commencer à diffuser moi aussi. "
     "Faut-il un nouveau compte ?", "fr"),
    ("Eu assisto aqui faz tempo e mês passado comecei a fazer umas lives também, ainda não "
     "sei se vou continuar. Hoje meu saldo de tokens tava zerado. Conta: rafa_lima", "pt-br"),
    ("Sou só espectador mas quero começar a transmitir também. Preciso criar outra conta?",
     "pt-br"),
    ("지금은 그냥 시청자 계정인데 저도 방송을 시작해보려고요. 계정을 새로 만들어야 하나요? "
     "아이디는 dalnim 이에요.", "ko"),
    ("시청만 하다가 요즘 저도 라이브를 시작했어요. 토큰이 사라졌어요.", "ko"),
    # a switch from one kind's account to another
    ("I'd like to switch my account from viewer to broadcaster. Username dalnim", "en"),
    ("Je voudrais passer mon compte de spectateur à diffuseur. Pseudo : dalnim", "fr"),
    ("Quero mudar minha conta de espectador para modelo. Usuário: dalnim", "pt-br"),
])
def test_a_kind_taken_up_is_asked(stream: TriageContext, body: str, locale: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert "occupation" not in written(stream, d)
    assert "occupation" in asked(d)


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I'm a new model, I just started streaming last week and my tips are missing.", "en",
     "occ_model"),
    ("Je suis modèle, j'ai commencé à diffuser lundi et mon live coupe.", "fr", "occ_model"),
    ("Sou modelo, comecei a transmitir semana passada e minha live cai.", "pt-br",
     "occ_model"),
    ("저는 모델이에요. 지난주에 방송을 시작했는데 팁이 안 들어와요.", "ko", "occ_model"),
    ("I'm just a viewer, the stream started buffering too and then froze.", "en", "occ_user"),
    ("저 그냥 시청자에요. 방송이 시작하자마자 멈춰요.", "ko", "occ_user"),
])
def test_one_kind_starting_is_written(stream: TriageContext, body: str, locale: str,
                                      value: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert written(stream, d).get("occupation") == value
