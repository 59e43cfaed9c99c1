"""Causes of misreads found on the fresh26 split, each fixed as a general rule and tested
here in sentences of our own, in the languages it touches: writing "for my site" is no
writing on someone's behalf (their number stays theirs); the owner named after the thing
("o SID dele é …") makes the number another person's for a form's extraction pattern too."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide
from integrations.triage.reading.words import on_behalf


def _read(ctx: TriageContext, body: str, form: str, locale: str,
          subject: str = "Help") -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form=form, locale=locale, subject=subject), ctx)
    return written(ctx, d), asked(d)


# ------------------------------------------------------------------ whose number


@pytest.mark.parametrize(("body", "locale"), [
    ("Hello, my colleague (SID 5530121) already got an answer, so I'm writing for my own "
     "site, 5530987. My banners show nothing since Monday.", "en"),
    ("Bonjour, ma collègue (SID 5530121) a déjà eu sa réponse, je vous écris pour mon "
     "site, le 5530987. Mes bannières ne s'affichent plus.", "fr"),
    ("Oi, minha colega (SID 5530121) já foi atendida, escrevo pela minha loja, 5530987. "
     "Meus banners não aparecem.", "pt-br"),
])
def test_writing_for_my_site_is_no_one_elses_ticket(ads: TriageContext, body: str,
                                                    locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("sid") == "5530987"


@pytest.mark.parametrize(("text", "expected"), [
    ("je vous ecris pour mon site a moi", False),
    ("i'm writing for my own site", False),
    ("escrevo pela minha loja", False),
    ("je vous ecris pour ma mere", True),
    ("writing for my wife", True),
])
def test_a_thing_written_about_is_no_person_written_for(text: str, expected: bool) -> None:
    assert on_behalf(text) is expected


@pytest.mark.parametrize(("body", "locale"), [
    ("Minha irmã trabalha comigo, o SID dela é 6610234 e o meu é 6610899. O relatório de "
     "comissões veio vazio.", "pt-br"),
    ("Meu sócio me indicou, o SID dele é 6610234, o meu é 6610899. Os pagamentos "
     "atrasaram.", "pt-br"),
])
def test_the_owner_after_the_label_makes_the_number_theirs(ads: TriageContext, body: str,
                                                           locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("sid") == "6610899"
