"""Speed work on the decision path (issue 10: 1,500 decisions/s) must not change a decision:
each shortcut is checked here against the slow path it stands in for."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from triage_support import EXAMPLES

from integrations.triage._decision import _AUTO_REPLY
from integrations.triage._instance import TicketValidator, compile_form, quick_check
from integrations.triage.reading.matcher import Phrase, _korean_pattern
from integrations.triage.reading.normalise import KOREAN_PARTICLES, strip_korean, substance
from integrations.triage.reading.vocabulary import option_phrases
from integrations.workspace import load

CORPUS = Path(__file__).resolve().parents[1] / "data" / "triage"

CHECKER = Draft202012Validator.FORMAT_CHECKER

#: Property schemas of the shapes `compile_form` builds, and values either side of each.
SCHEMAS: list[dict[str, Any]] = [
    {"type": "string", "minLength": 20, "title": "Description"},
    {"type": "string", "minLength": 1},
    {"type": "string", "maxLength": 6},
    {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9 '_-]{1,23}$"},
    {"type": "string", "maxLength": 254, "pattern": "^[^@ ]+@[^@ ]+[.][^@ ]+$"},
    {"type": "string", "format": "date"},
    {"type": "string", "enum": ["pc", "console", "mobile"]},
    {"enum": ["a", "b"]},
    {"type": "boolean"},
    {"allOf": [{"type": "boolean", "title": "I understand"}, {"const": True}]},
    {"const": True},
    {},
]
VALUES: list[Any] = [
    "", "a", "pc", "PC", "console ", "b", "x" * 7, "abc", "Grom_77", "-bad", "me@example.org",
    "me@example", "2024-05-01", "2024-13-01", "01/05/2024", "help!!!!!!!!!!!!!!!!!!!!!",
    "The game closes by itself at launch since the update.",
    "게임이 실행하면 바로 종료됩니다 도와주세요",
    True, False, 1, 0, 1.0, None, ["pc"], {"a": 1},
]


@pytest.mark.parametrize("schema", SCHEMAS)
def test_quick_check_never_passes_what_the_validator_rejects(schema: dict[str, Any]) -> None:
    check = quick_check(schema, CHECKER)
    assert check is not None, "a shape compile_form builds has a quick check"
    validator = TicketValidator(schema, format_checker=CHECKER)
    for value in VALUES:
        if check(value):
            assert validator.is_valid(value), (schema, value)


@pytest.mark.parametrize("schema", SCHEMAS)
def test_quick_check_passes_most_valid_values(schema: dict[str, Any]) -> None:
    """The shortcut is worth having: it passes every value these shapes accept."""
    check = quick_check(schema, CHECKER)
    assert check is not None
    validator = TicketValidator(schema, format_checker=CHECKER)
    for value in VALUES:
        if validator.is_valid(value):
            assert check(value), (schema, value)


@pytest.mark.parametrize("schema", [
    {"type": ["string", "null"]}, {"enum": ["a", 1]}, {"$ref": "#/$defs/x"},
    {"oneOf": [{"const": "a"}]}, {"allOf": [{"type": "string"}, {"not": {"const": "a"}}]},
    {"type": "string", "x-other": 1}, {"const": "a"}, {"type": "integer"},
])
def test_other_shapes_are_left_to_the_validator(schema: dict[str, Any]) -> None:
    assert quick_check(schema, CHECKER) is None


@pytest.mark.parametrize("example", ["game-publisher", "streaming-platform", "ad-network"])
def test_every_example_property_has_a_sound_check(example: str) -> None:
    """On the example forms as the loader reads them: wherever a quick check exists, it
    passes no value the form's own validator rejects."""
    ws = load(EXAMPLES / example)
    for form in ws.forms.values():
        spec = compile_form(form, ws.fields, ws.default_locale)
        for key, check in spec.property_checks.items():
            validator = spec.property_validators[key]
            options = [o.value for o in spec.fields[key].options] if key in spec.fields else []
            for value in [*VALUES, *options]:
                if check(value):
                    assert validator.is_valid(value), (form.key, key, value)


def _reference_korean_pattern(phrases: list[Phrase]) -> tuple[list[Phrase], re.Pattern[str] | None]:
    """`_korean_pattern` as it was before its speed-up: each phrase one whole named group,
    the one-syllable starts behind one shared look-behind."""
    particles = "|".join(KOREAN_PARTICLES)
    kept: list[Phrase] = []
    inside: list[str] = []
    starting: list[str] = []
    for phrase in sorted(phrases, key=lambda p: -len(p.text)):
        raw = [strip_korean(w.casefold()) for w in re.findall(r"[^\W_]+", phrase.text)]
        if not raw or not all(re.match("^[\uac00-\ud7a3]+$", w) for w in raw):
            continue
        if len(raw) == 1 and len(raw[0]) < 2:
            continue
        body = rf"(?:{particles})?\s*".join(
            re.escape(w[:-1]) + "(?:되|돼|됐|됨|됩|된)" if w.endswith("되") else re.escape(w)
            for w in raw)
        (inside if len(raw[0]) >= 2 else starting).append(f"(?P<k{len(kept)}>{body})")
        kept.append(phrase)
    if not kept:
        return kept, None
    groups = []
    if inside:
        groups.append("|".join(inside))
    if starting:
        groups.append(f"(?<![\uac00-\ud7a3])(?:{'|'.join(starting)})")
    return kept, re.compile(f"(?:{'|'.join(groups)})[\uac00-\ud7a3]*")


def _korean_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["tickets"]:
            if item.get("lang") == "ko" and len(texts) < 150:
                texts.extend((item["subject"], item["body"], *item.get("replies", ())))
    # the same words joined, and phrases at the text's very start
    return [*texts, *(t.replace(" ", "") for t in texts[::4]),
            "안돼요", "안 돼요 결제", "결제가 안돼요", "돈안들어옴", "로그인이안됨", "환불"]


@pytest.mark.parametrize("example", ["game-publisher", "streaming-platform", "ad-network"])
def test_korean_pattern_finds_what_the_reference_finds(example: str) -> None:
    """Same phrases kept, same matches (span and phrase) on the corpus's Korean text, every
    option phrase of the example's dropdowns in every reading language."""
    texts = _korean_texts()
    compared = 0
    for f in load(EXAMPLES / example).fields.values():
        if not f.options:
            continue
        for language in ("ko", "en", "fr", "pt"):
            phrases = [Phrase(label, text, (), weight)
                       for label, text, weight in option_phrases(f, language)]
            kept, pattern = _korean_pattern(phrases)
            ref_kept, reference = _reference_korean_pattern(phrases)
            assert [p.text for p in kept] == [p.text for p in ref_kept]
            assert (pattern is None) == (reference is None)
            if pattern is None or reference is None:
                continue
            for text in texts:
                assert [(m.span(), m.lastgroup) for m in pattern.finditer(text)] == \
                    [(m.span(), m.lastgroup) for m in reference.finditer(text)], (f.key, text)
                compared += 1
    assert compared > 500


#: `_AUTO_REPLY` as it was before it was grouped by first letter.
_REFERENCE_AUTO_REPLY = re.compile(
    r"out of (the )?office|auto(matic)?[- ]?reply|autoreply|auto-submitted|away from (my|the) "
    r"(desk|office)|on vacation|absent du bureau|réponse automatique|message automatique|"
    r"je suis absente?|부재중|자동 ?응답|resposta automática|fora do escritório|"
    r"ausente do escritório|abwesenheitsnotiz|automatische antwort",
    re.IGNORECASE,
)
_AUTO_PHRASES = [
    "out of office", "Out of the Office", "automatic reply", "Automatic-reply", "auto reply",
    "autoreply", "AUTO-SUBMITTED", "away from my desk", "away from the office", "On vacation",
    "absent du bureau", "Réponse automatique", "RÉPONSE AUTOMATIQUE", "message automatique",
    "je suis absent", "Je suis absente", "부재중", "자동응답", "자동 응답", "resposta automática",
    "fora do escritório", "Ausente do escritório", "Abwesenheitsnotiz", "Automatische Antwort",
]


def test_auto_reply_pattern_finds_what_the_reference_finds() -> None:
    """Every phrase, in a sentence, cut short by a letter, and the corpus's texts: the
    grouped expression finds a phrase exactly where the old one did."""
    texts = [f"Hello, {p} until Monday." for p in _AUTO_PHRASES]
    texts += [p[:-1] for p in _AUTO_PHRASES] + [p[1:] for p in _AUTO_PHRASES]
    texts += [p.replace(" ", "  ") for p in _AUTO_PHRASES] + ["automatic  reply", "autoreplay"]
    for path in sorted(CORPUS.glob("*.yaml"))[:12]:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["tickets"]:
            texts.extend((item["subject"], item["body"], *item.get("replies", ())))
    found = 0
    for text in texts:
        new = bool(_AUTO_REPLY.search(text))
        assert new == bool(_REFERENCE_AUTO_REPLY.search(text)), text
        found += new
    assert found >= len(_AUTO_PHRASES)


def test_substance_counts_as_one_match_per_character() -> None:
    """`substance` counts by runs: the same figure as one match per letter or digit plus
    one per dense-script character, on every script and on what is not a word."""
    one = re.compile(r"[^\W_]")
    dense = re.compile("[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")
    texts = ["", "___", "help!!!!!!", "a_b c-d 12", "Ça plante à l'écran", "로그인이 안 돼요!!",
             "日本語のテキスト ｱｲ", "mixed 한글 and Latin_123", "\u0301\u0301", "x\u0301y", "١٢٣"]
    for path in sorted(CORPUS.glob("*.yaml"))[:6]:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["tickets"]:
            texts.append(item["body"])
    for text in texts:
        assert substance(text) == len(one.findall(text)) + len(dense.findall(text)), text


def test_fold_remembers_short_words_with_the_same_answer() -> None:
    """Short texts go through a remembered fold; every length folds the same way."""
    from integrations.triage.reading.normalise import _fold, fold
    words = ["Écran", "écran", "로그인이", "ÇA", "ﬁnal", "Straße", "İstanbul", "ǅ", "e\u0301",
             "Ｆｕｌｌ", "x" * 23 + "é", "x" * 24 + "é", "Ça plante à l'écran de connexion"]
    for _ in range(2):  # a second time from memory
        for w in words:
            assert fold(w) == _fold(w) == unicodedata.normalize(
                "NFC", "".join(c for c in unicodedata.normalize("NFD", w.casefold())
                               if not unicodedata.combining(c))), w


@pytest.mark.parametrize("locale", ["en", "fr", "ko", "pt-br", "de", "ja", "xx"])
def test_quote_filter_renders_as_the_sum_of_three_markups(locale: str) -> None:
    """The ``quote`` filter builds one Markup: the same HTML as the marks and the escaped
    value added together, whatever the value holds."""
    from markupsafe import Markup, escape

    from integrations.triage._templates import QUOTES, quote

    class _Context(dict):  # what `pass_context` hands the filter: ``get``
        pass

    opening, closing = QUOTES.get(locale.split("-")[0], QUOTES["en"])
    for value in ["Le jeu <plante> & \"ferme\"", "l'écran", Markup("<b>ok</b>"), 42, None, ""]:
        got = quote(_Context(locale=locale), value)  # type: ignore[arg-type]
        assert got == Markup(opening) + escape(value) + Markup(closing)
        assert isinstance(got, Markup)
