"""A number another label names (issue 10, fresh21): "my member number is 55120984" is the
shopper's membership, not the site id its pattern would take; any noun before "number",
"numéro", "número" or "id", or after "numéro de"/"número de", names what the number is,
unless it is one of the field's own words ("site number", "numéro du site"). Through the
pure core, on the ad-network workspace's ``sid``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from integrations.triage import TriageContext
from integrations.triage.reading import compile_reading, read

CREATED = datetime(2026, 12, 2, 14, 40, tzinfo=UTC)


def sid(ctx: TriageContext, text: str, locale: str) -> str | None:
    reader = compile_reading({"sid": ctx.workspace.fields["sid"]})
    found = read(reader, "sid", [("comment:1", text)], locale, CREATED, "UTC")
    return found.value if found is not None else None


@pytest.mark.parametrize(("text", "locale"), [
    ("The 5% back on my headphones never showed up. My member number is 55120984.", "en"),
    ("cash back missing for the shoes I bought, customer number 44012871", "en"),
    ("Le cashback n'est jamais arrivé. Mon numéro de membre est le 55120984.", "fr"),
    ("cashback manquant sur ma commande, numéro client 44012871", "fr"),
    ("O cashback da compra não caiu. Meu número de cliente é 55120984.", "pt-br"),
    ("não recebi o cashback, número de membro 44012871", "pt-br"),
    ("캐시백이 안 들어왔어요. 회원번호 55120984 입니다.", "ko"),
])
def test_a_number_another_label_names_is_no_sid(ads: TriageContext, text: str,
                                                locale: str) -> None:
    assert sid(ads, text, locale) is None


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("The widget is blank. My site number is 55120984.", "en", "55120984"),
    ("widget blank on SID 55120984, my member number is 4455012", "en", "55120984"),
    ("Le widget est vide, numéro du site : 55120984.", "fr", "55120984"),
    ("o widget sumiu, número do site 55120984", "pt-br", "55120984"),
    ("Links broken since Monday, publisher id 55120984.", "en", "55120984"),
    ("Links broken since Monday on 55120984, no error.", "en", "55120984"),
])
def test_the_fields_own_label_or_none_is_read(ads: TriageContext, text: str, locale: str,
                                              expected: str) -> None:
    assert sid(ads, text, locale) == expected
