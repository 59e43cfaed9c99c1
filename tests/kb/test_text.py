"""Plain-text pages (the seeds) to title + HTML: leftovers dropped, structure kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.kb.sanitize import sanitize
from integrations.kb.text import parse_text

#: The seed pages, as the example workspace ships them.
SEEDS = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "kb-seeds" / "kb"


def seed(name: str) -> str:
    return next(SEEDS.rglob(name)).read_text(encoding="utf-8")


def test_subscribe_line_before_the_title_is_dropped() -> None:
    article = parse_text(seed("000_110d4607b01e7c0f.txt"))
    assert article.title == "Contacter le Service Client de Gamigo US"
    assert "abonner" not in article.body
    assert [(n, why) for n, _, why in article.dropped] == [(1, "site navigation")]


def test_bullets_become_nested_lists() -> None:
    body = parse_text(seed("000_110d4607b01e7c0f.txt")).body
    assert body.count("<ul>") == 3  # two lists, one nested inside the "Description" item
    assert "<li>Account Recovery - Si vous" in body
    assert "qui seraient utiles :<ul><li>Noms des personnages" in body
    assert "•" not in body


def test_feedback_footer_and_votes_are_dropped_images_kept_links_made() -> None:
    article = parse_text(seed("002_f0975df51c4ca947.txt"))
    assert article.title == "Contacter le service client"
    for leftover in ("utile", "49 sur 168", "Commentaires", "commentaire"):
        assert leftover not in article.body
    assert {n for n, _, _ in article.dropped} == {39, 40, 42, 44, 46}
    assert article.images == ["mceclip0.png", "Screen_Shot_2022-04-27_at_10.23.49_AM.png"]
    link = '<a href="https://www.rakuten.com/help">https://www.rakuten.com/help</a>.'
    assert link in article.body
    assert '<a href="mailto:pubsupport@rakuten.com">' in article.body
    assert "<h2>Assistance par chat</h2>" in article.body


def test_korean_page_loses_login_footer_and_latin_captions() -> None:
    article = parse_text(seed("003_e725f0296155d17b.txt"))
    assert article.title == "고객 지원 연락처"
    assert "로그인" not in article.body
    assert "StripChat twitter account" not in article.body
    assert "StripChat 플랫폼" in article.body  # a Latin word inside Korean text is kept
    captions = [line for _, line, why in article.dropped if why.startswith("image caption")]
    assert "StripChat Support" in captions and len(captions) == 11
    assert "<h2>티켓</h2>" in article.body


def test_lines_without_blank_lines_are_paragraphs_and_headings() -> None:
    article = parse_text(seed("001_a6d583860daf9ff7.txt"))
    assert article.title == "Contactez le support"
    assert "<h2>Comment contacter le support</h2>" in article.body
    assert "<h2>Tickets</h2>" in article.body
    assert article.dropped == []


@pytest.mark.parametrize("name", ["000_110d4607b01e7c0f.txt", "001_a6d583860daf9ff7.txt",
                                  "002_f0975df51c4ca947.txt", "003_e725f0296155d17b.txt"])
def test_text_is_escaped_so_no_markup_comes_from_a_page(name: str) -> None:
    lines = seed(name).splitlines()
    lines.insert(4, "Voir <script>alert('x')</script> ici, 이것은 스크립트입니다 <b>ok</b>.")
    body = parse_text("\n".join(lines)).body
    assert "<script>" not in body and "&lt;script&gt;" in body and "<b>" not in body
    assert "<script" not in sanitize(body)
