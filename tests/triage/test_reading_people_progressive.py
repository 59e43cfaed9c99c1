""""I'm" before a verb in -ing ("I'm losing regulars", "I'm getting members asking",
"I'm having users complain") is no self-naming: the word after the verb is its object, not
what the requester is, so a kind said elsewhere ("solo performer here") stands. "I'm" before
a kind's name ("I'm a regular user", "I'm streaming") still names one. English only: fr,
pt and ko say what they are with a copula that takes no progressive ("je suis", "sou",
"이에요"), whose cases stay as they are. Through the pure core, on the streaming example."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("solo performer here (not with any studio). every private show ends after 5 min. "
     "pls help i'm losing regulars", "en", "occ_model"),
    ("I'm an independent model and since Monday I'm getting members complaining that my "
     "room freezes.", "en", "occ_model"),
    ("Model here. I'm losing viewers because my stream drops every hour.", "en", "occ_model"),
    # a kind named after "I'm" is still one
    ("I'm a regular user, videos freeze on my iPad", "en", "occ_user"),
    ("I'm just a viewer and the chat won't load", "en", "occ_user"),
    ("I'm streaming every night and my tips vanish", "en", "occ_model"),
    ("je suis simple spectateur, la vidéo se fige", "fr", "occ_user"),
    ("sou modelo independente e minha live cai", "pt-br", "occ_model"),
    ("저 그냥 시청자에요. 영상이 안 나와요", "ko", "occ_user"),
])
def test_a_progressive_names_no_kind(stream: TriageContext, body: str, locale: str,
                                     value: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert written(stream, d).get("occupation") == value
