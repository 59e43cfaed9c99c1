"""A requester writing on someone's behalf (issue 10, fresh21): "je vous écris à la place
de mon mari … son site c'est le 3356120" asks about the husband's account, so his site id
is the ticket's, though "son"/"his"/"dele" would make it another person's anywhere else.
Without such words, another person's number stays theirs. Through the pure core, on the
ad-network workspace's ``sid``."""

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


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("J'écris pour le compte de ma mère, qui ne parle pas anglais. Elle n'arrive plus à se "
     "connecter, son site c'est le 4470021.", "fr", "4470021"),
    ("I'm writing on behalf of my dad, he can't get into his account. His site ID is "
     "5521034.", "en", "5521034"),
    ("Hi, writing for my wife who doesn't use email much: her site (6630115) shows no "
     "commissions since October.", "en", "6630115"),
    ("Estou escrevendo em nome do meu marido, ele não consegue entrar. O SID dele é "
     "6630115.", "pt-br", "6630115"),
    ("남편 대신 문의드려요. 남편 계정에 로그인이 안 돼요. 남편 SID는 7740229예요.", "ko",
     "7740229"),
])
def test_the_person_written_for_owns_the_ticket(ads: TriageContext, text: str, locale: str,
                                                expected: str) -> None:
    assert sid(ads, text, locale) == expected


@pytest.mark.parametrize(("text", "locale"), [
    ("My colleague has SID 5521034 and his dashboard works, so it is not the network.",
     "en"),
    ("Mon mari a aussi un site chez vous (SID 4470021) et le sien marche très bien.", "fr"),
    ("meu irmão também usa vocês, o SID dele é 6630115, e o dele está normal", "pt-br"),
])
def test_without_a_proxy_another_persons_number_stays_theirs(ads: TriageContext, text: str,
                                                             locale: str) -> None:
    assert sid(ads, text, locale) is None
