"""Declared patterns: portable between ECMA-262 and Python, and run with an input cap."""

from __future__ import annotations

import pytest

from integrations.workspace import safe_search
from integrations.workspace._patterns import (
    ecma_to_python,
    python_pattern_problems,
    schema_pattern_problems,
)


@pytest.mark.parametrize("pattern", [
    "^[0-9]{5,}$", "^[A-Za-z0-9 '_-]{2,24}$", "(?:ab)+c", "a(?=b)", "(?<!x)y", "(?<=ab)c",
    "[\\-.]", "\\.txt$", "^\\u00e9t\\u00e9$", "a{2}b{3,}c{1,4}", "x|y", "\\/",
])
def test_portable_patterns_pass(pattern: str) -> None:
    assert schema_pattern_problems(pattern) == []


@pytest.mark.parametrize(("pattern", "reason"), [
    ("\\d{5}", "\\d also matches non-ASCII digits"),
    ("\\w+", "\\w also matches non-ASCII letters"),
    ("\\bword", "\\b uses Unicode word characters"),
    ("a\\s", "\\s covers different whitespace"),
    ("(?i)abc", "inline flags"),
    ("(?i:abc)", "inline flags"),
    ("a++", "possessive quantifiers"),
    ("(?>a)", "atomic groups"),
    ("abc\\Z", "\\Z is Python-only"),
    ("\\Aabc", "\\A is Python-only"),
    ("(?P<sid>[0-9]+)", "(?P...) named groups are Python-only"),
    ("(?<sid>[0-9]+)", "(?<name>...) named groups are ECMA-only"),
    ("(?<=a+)b", "variable-width lookbehind"),
    ("(?#note)a", "comments are Python-only"),
    ("(a)?(?(1)b|c)", "conditional groups"),
    ("a{,3}", "'{,n}' is Python-only"),
    ("[]a]", "starting with ']'"),
    ("[[a]", "nested set"),
    ("\\p{L}", "Unicode property escapes"),
    ("\\k<x>", "named backreferences"),
    ("\\#", "not a valid escape in ECMA-262"),
    ("\\012", "octal escapes"),
    ("(a+)+$", "nested unbounded quantifiers"),
    ("(a*)*b", "nested unbounded quantifiers"),
])
def test_patterns_that_differ_are_rejected(pattern: str, reason: str) -> None:
    problems = schema_pattern_problems(pattern)
    assert problems and reason in problems[0], problems


def test_x_deskops_patterns_are_python_syntax() -> None:
    assert python_pattern_problems("(?i)dxdiag.*\\.txt$") == []
    assert python_pattern_problems("SID[:# ]*(\\d{5,})") == []
    assert python_pattern_problems("(unclosed")[0].startswith("not a valid Python regular")
    assert "nested unbounded" in python_pattern_problems("(\\w+\\s?)+$")[0]


def test_ecma_rewrite_keeps_meaning() -> None:
    assert ecma_to_python("^a.b$") == "^a[^\\n\\r\\u2028\\u2029]b\\Z"
    assert ecma_to_python("[.$]\\$") == "[.$]\\$"
    assert safe_search("^abc$", "abc\n", ecma=True) is None
    assert safe_search("^a.c$", "a\rc", ecma=True) is None
    assert safe_search("^a.c$", "abc", ecma=True) is not None


def test_input_is_capped() -> None:
    text = "x" * 50 + "SID 123456"
    match = safe_search("SID[:# ]*(\\d{5,})", text)
    assert match is not None and match.group(1) == "123456"
    assert safe_search("SID[:# ]*(\\d{5,})", text, cap=40) is None
    assert safe_search("SID", "SID" + "x" * 100, cap=3) is not None
    with pytest.raises(ValueError):
        safe_search("a", "a", cap=-1)
