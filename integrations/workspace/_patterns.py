"""Regular expressions declared in a workspace, checked once and run safely.

Two kinds of pattern live in a workspace:

* JSON Schema ``pattern`` (a field's regexp, the worker's validation): JSON Schema says
  ECMA-262 (``u`` mode), helpdesks and browsers run it as such, and the worker runs it with
  Python's ``re``. `schema_pattern_problems` rejects every construct whose meaning differs
  between the two (or that only one of them accepts), and `ecma_to_python` rewrites the two
  that are too common to reject (``$`` and ``.``) into their exact Python equivalent.
* ``x-deskops`` patterns (``extract``, ``attachments[].pattern``): run only by the worker,
  so they are plain Python ``re`` (inline flags such as ``(?i)`` allowed);
  `python_pattern_problems` only checks that they compile and are not catastrophic.

Both run through `safe_search`, which caps the input length: a pattern never sees more
than ``cap`` characters of requester text. Nested unbounded quantifiers (``(a+)+``), the
classic catastrophic-backtracking shape, are rejected at validate time.
"""

from __future__ import annotations

import re
import re._parser as _sre  # the stdlib parser, to find nested quantifiers
from functools import lru_cache
from typing import Any

__all__ = [
    "DEFAULT_CAP",
    "compile_pattern",
    "ecma_to_python",
    "python_pattern_problems",
    "safe_search",
    "schema_pattern_problems",
]

#: Characters of input a pattern may look at (a ticket description is rarely longer).
DEFAULT_CAP = 10_000

# ECMA-262 (unicode mode) allows an identity escape only for these outside a class.
_SYNTAX_CHARS = set("^$\\.*+?()[]{}|/")
_QUANTIFIER = re.compile(r"\{(\d+)(,(\d*))?\}")
_REASONS = {
    "d": r"\d also matches non-ASCII digits in Python; write [0-9]",
    "D": r"\D differs for non-ASCII digits between Python and ECMA-262; write [^0-9]",
    "w": r"\w also matches non-ASCII letters in Python; write [A-Za-z0-9_]",
    "W": r"\W differs for non-ASCII letters between Python and ECMA-262; write [^A-Za-z0-9_]",
    "b": r"\b uses Unicode word characters in Python but ASCII in ECMA-262",
    "B": r"\B uses Unicode word characters in Python but ASCII in ECMA-262",
    "s": r"\s covers different whitespace in Python and ECMA-262; write [ \t\r\n]",
    "S": r"\S covers different whitespace in Python and ECMA-262; write [^ \t\r\n]",
    "A": r"\A is Python-only; write ^",
    "Z": r"\Z is Python-only; write $",
    "z": r"\z is not supported by Python 3.11 nor ECMA-262; write $",
    "a": r"\a (bell) is Python-only",
    "U": r"\U is Python-only; write \uXXXX or the character itself",
    "N": r"\N{...} is Python-only; use the character itself",
    "G": r"\G is not supported",
    "K": r"\K is not supported",
    "h": r"\h is not supported",
    "R": r"\R is not supported",
    "X": r"\X is not supported",
}


def schema_pattern_problems(pattern: str) -> list[str]:
    """Why a JSON Schema ``pattern`` is not portable between ECMA-262 and Python (empty: ok)."""
    problems = _ecma_scan(pattern)
    if problems:
        return problems
    try:
        re.compile(ecma_to_python(pattern))
    except re.error as exc:
        hint = ("; ECMA-262 allows a variable-width lookbehind, Python does not"
                if "look-behind" in str(exc) else "")
        return [f"not a valid regular expression: {exc}{hint}"]
    return _nested_quantifiers(ecma_to_python(pattern))


def python_pattern_problems(pattern: str) -> list[str]:
    """Why an ``x-deskops`` pattern (Python ``re`` syntax) cannot be used (empty: ok)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"not a valid Python regular expression: {exc}"]
    return _nested_quantifiers(pattern)


def _ecma_scan(pattern: str) -> list[str]:
    """One left-to-right pass over the pattern, flagging constructs that differ."""
    problems: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                problems.append("pattern ends with a lone backslash")
                break
            e = pattern[i + 1]
            if problem := _escape_problem(e, pattern[i + 2:i + 3], in_class):
                problems.append(problem)
            i += 2
            if e in "pPuN" and i < n and pattern[i] == "{":
                close = pattern.find("}", i)
                i = close + 1 if close != -1 else i + 1
            continue
        if in_class:
            if c == "[":
                problems.append("escape '[' inside a character class (\\[): Python may read "
                                "it as a nested set")
            elif c == "]":
                in_class = False
            elif pattern.startswith(("--", "&&", "~~", "||"), i):
                problems.append(f"'{pattern[i:i + 2]}' inside a character class means set "
                                "operations in newer Python and ECMA versions; escape it")
                i += 1
            i += 1
            continue
        if c == "[":
            in_class = True
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                problems.append("a character class starting with ']' ('[]' / '[^]') means "
                                "different things in Python and ECMA-262; escape it (\\])")
                i = j + 1
                continue
            i = j
            continue
        if c == "(" and pattern.startswith("(?", i):
            if problem := _group_problem(pattern[i + 2:i + 4]):
                problems.append(problem)
            i += 2
            continue
        if c in "*+?}" and i + 1 < n and pattern[i + 1] == "+":
            problems.append("possessive quantifiers (*+, ++, ?+, {n}+) are Python-only")
            i += 2
            continue
        if c == "{":
            m = _QUANTIFIER.match(pattern, i)
            if m is None or i == 0 or pattern[i - 1] in "(|":
                problems.append("a literal '{' must be escaped (\\{) in ECMA-262 unicode mode; "
                                "'{,n}' is Python-only")
                close = pattern.find("}", i)
                i = close + 1 if close != -1 else i + 1
                continue
            i = m.end()
            continue
        if c == "}":
            problems.append("a literal '}' must be escaped (\\}) in ECMA-262 unicode mode")
        i += 1
    if in_class:
        problems.append("unterminated character class '['")
    return list(dict.fromkeys(problems))


def _escape_problem(e: str, after: str, in_class: bool) -> str | None:
    """Why the escape ``\\e`` (followed by the character ``after``, if any) differs."""
    if e in _REASONS:
        return _REASONS[e]
    if e == "0" and after.isdigit():
        return r"octal escapes (\0NN) are Python-only; write \xNN"
    if e == "k":
        return r"named backreferences (\k<name>) are ECMA-only"
    if e in "pP":
        return r"Unicode property escapes (\p{...}) are ECMA-only"
    if e == "c":
        return r"control escapes (\cX) are ECMA-only; write \xNN"
    if e == "u" and after == "{":
        return r"\u{...} is ECMA-only; write \uXXXX"
    if not e.isalnum() and e not in _SYNTAX_CHARS and not (in_class and e == "-"):
        return f"'\\{e}' is not a valid escape in ECMA-262 (unicode mode); write {e!r} unescaped"
    return None


def _group_problem(rest: str) -> str | None:
    """Why the group opening ``(?`` + ``rest`` (its next two characters) differs."""
    if rest.startswith(("=", "!", ":", "<=", "<!")):
        return None
    if rest.startswith("P"):
        return "(?P...) named groups are Python-only"
    if rest.startswith("<"):
        return "(?<name>...) named groups are ECMA-only"
    if rest.startswith(">"):
        return "atomic groups (?>...) are Python-only"
    if rest.startswith("#"):
        return "(?#...) comments are Python-only"
    if rest.startswith("("):
        return "conditional groups (?(...)...) are Python-only"
    return "inline flags (?i), (?s), ... are Python-only"


def ecma_to_python(pattern: str) -> str:
    """Rewrite a portable ECMA-262 pattern for Python so both mean the same.

    Outside character classes, ECMA's ``$`` matches only at the very end (Python's also
    before a final newline) and ECMA's ``.`` excludes ``\\r``, U+2028 and U+2029 too.
    Call only on patterns `schema_pattern_problems` accepted.
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            if pattern.startswith("[^", i):
                out.append("[^")
                i += 2
                continue
            out.append("[")
        elif c == "$":
            out.append(r"\Z")
        elif c == ".":
            out.append("[^\\n\\r\\u2028\\u2029]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _nested_quantifiers(pattern: str) -> list[str]:
    """Reject an unbounded repeat inside an unbounded repeat: exponential backtracking."""
    try:
        parsed = _sre.parse(pattern)
    except re.error:  # pragma: no cover - callers compiled it already
        return []

    def walk(items: Any, inside_unbounded: bool) -> bool:
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                _lo, hi, body = av
                unbounded = hi == _sre.MAXREPEAT or hi > 1000
                if unbounded and inside_unbounded:
                    return True
                if walk(body, inside_unbounded or unbounded):
                    return True
            elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
                body = av[-1]
                if walk(body, inside_unbounded):
                    return True
            elif name == "BRANCH":
                if any(walk(b, inside_unbounded) for b in av[1]):
                    return True
            elif name in ("ASSERT", "ASSERT_NOT") and walk(av[1], inside_unbounded):
                return True
        return False

    if walk(parsed, False):
        return ["nested unbounded quantifiers (like (a+)+) can take exponential time; "
                "rewrite without a repeat inside a repeat"]
    return []


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, ecma: bool = False) -> re.Pattern[str]:
    """Compile (and cache) a workspace pattern; ``ecma=True`` for JSON Schema patterns."""
    return re.compile(ecma_to_python(pattern) if ecma else pattern)


def safe_search(
    pattern: str, text: str, cap: int = DEFAULT_CAP, *, ecma: bool = False
) -> re.Match[str] | None:
    """``re.search`` over at most the first ``cap`` characters of ``text``.

    The cap bounds the work any declared pattern can do on requester text; text beyond it
    is never searched. Use ``ecma=True`` for a JSON Schema ``pattern`` so it means what
    ECMA-262 says (see `ecma_to_python`).
    """
    if cap < 0:
        raise ValueError("cap must be >= 0")
    return compile_pattern(pattern, ecma).search(text[:cap])
