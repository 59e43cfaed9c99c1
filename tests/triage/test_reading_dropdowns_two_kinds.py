"""Who the requester is, on a person field, in en, fr, ko and pt-br: a requester who is one
kind and also runs others' shows, or is opening a studio, is two kinds (ask, write
nothing); an English kind name with a Korean copula, typos and all ("viewer에요"), says
what they are."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("저는 직접 방송도 하고, 아는 동생 두 명 방송 관리도 같이 해주고 있어요. "
     "정산 페이지 권한이 없대요.", "ko"),
    ("방송도 하고 친구 한 명 방송 관리도 해줘요. 계정 유형 뭐로 해야 돼요?", "ko"),
    ("sou modelo mas tô abrindo um estudio com umas amigas agora, a conta fica como?", "pt-br"),
    ("sou modelo mas estou montando um estúdio com duas amigas, qual conta uso?", "pt-br"),
    ("I'm a model but I'm setting up a studio with two friends, can their shows go on my page?",
     "en"),
    ("je suis modèle mais je monte un studio avec deux copines, leurs lives iront sur ma page ?",
     "fr"),
])
def test_one_kind_and_a_studio_under_way_is_asked(
        stream: TriageContext, body: str, locale: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert "occupation" not in written(stream, d)
    assert "occupation" in asked(d)


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("login 안됨 2FA 코드 안옴. 저 그냥 viewer에요 방송 안해요. ID는 jjang_gu99", "ko", "occ_user"),
    ("저 그냥 viewer예요, 방송은 안 해요. 결제가 두 번 됐어요", "ko", "occ_user"),
    ("저 그냥 시청자에요. 영상이 안 나와요", "ko", "occ_user"),
    # negatives: one kind only, the studio someone else's or already closed
    ("sou modelo e minha amiga está abrindo um estúdio, a live dela caiu", "pt-br", "occ_model"),
    ("I'm a model, my stream keeps dropping since Monday", "en", "occ_model"),
    ("저는 모델이에요. 방송 관리 페이지가 안 열려요", "ko", "occ_model"),
])
def test_one_kind_is_written(stream: TriageContext, body: str, locale: str,
                             value: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert written(stream, d).get("occupation") == value
