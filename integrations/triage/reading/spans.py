"""A learned span reader for name/id-like free-text fields (``learned.json`` ``spans``).

The hand-written readers (`names`, `cues`, `clauses`) read a name or id only in words a
cue covers; requesters also write "Account is dunmorrow, registered to …" or "wipe my
glyph account frostwhisker (email …)". Here every span of the requester's text that could
be a name (`candidates`: handles with ``_`` or digits, capitalised words and runs of them,
quoted strings, Latin tokens inside Hangul text, words no language of the workspace knows)
is described by its shape, position, language and the normalised words around it
(`normalise.key`), with whether the field's own names stand near it (`field_cues`), and
scored by one binary logistic regression per workspace (`SpanModel`; each feature is also
conjoined with the field, so fields share what they can and keep what is theirs). The
trainer (`integrations.learn.reader`) fits it on corpus tickets whose stated value for the
field appears verbatim in the text.

Used only for a name field the hand-written reading leaves empty (`best_span`): the best
candidate when its probability reaches the ``learned_span`` threshold, is clearly above
the next one, is no span another field took, and no other name field of the form wants it
more. Pure Python, as `learned`: the worker needs no scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from integrations.model import Field
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.lexicon import known_word, lexicon_languages
from integrations.triage.reading.normalise import MENU_ARROW, fold, key
from integrations.triage.reading.vocabulary import field_synonyms
from integrations.triage.reading.words import NAME_JOINERS, STATE_WORDS

__all__ = [
    "DEFAULT_CLAUSE",
    "DEFAULT_MARGIN",
    "DEFAULT_SPAN",
    "Candidate",
    "SpanModel",
    "best_clause",
    "best_span",
    "candidates",
    "clause_candidates",
    "clause_features",
    "clause_fields",
    "features",
    "field_cues",
    "span_fields",
]

#: Lowest probability a span is written at (rules.json ``thresholds.learned_span``): a
#: wrong name costs more than a question.
DEFAULT_SPAN = 0.9
#: Lowest probability a clause is written at (``thresholds.learned_clause``).
DEFAULT_CLAUSE = 0.9
#: How far the best span must stand above the next one for the same field.
DEFAULT_MARGIN = 0.3
#: Words either side of a candidate that describe it.
_LEFT, _RIGHT = 3, 2
#: Words left or right within which a field's own name counts as near.
_CUE_WINDOW = 4
#: Longest text read (characters), as the other readers cap theirs.
_MAX_TEXT = 4000

_HANGUL_RUN = "[\uac00-\ud7a3]+"
_LATIN = r"[0-9A-Za-zÀ-ÖØ-öø-ɏ_](?:[0-9A-Za-zÀ-ÖØ-öø-ɏ_.'’\-]*[0-9A-Za-zÀ-ÖØ-öø-ɏ_])?"
_TOKEN = re.compile(rf"{_HANGUL_RUN}|{_LATIN}")
_QUOTED = re.compile(r"[\"“«‘']\s*([^\"”»’'\n]{2,40}?)\s*[\"”»’']")
_HANGUL = re.compile(_HANGUL_RUN)
_SENTENCE_END = frozenset(".!?\n")
#: Possessives and pronouns before a span: the requester's own thing or another person's.
_WHOSE = {**dict.fromkeys(("my", "mine", "mon", "ma", "mes", "mien", "mienne", "meu", "minha",
                           "meus", "minhas", "제", "내", "저의", "나의"), "1"),
          **dict.fromkeys(("his", "her", "their", "son", "sa", "ses", "leur", "seu", "sua",
                           "dele", "dela", "그의", "걔"), "3")}


class Candidate(NamedTuple):
    """A span that could be a name: its text, where it stands, and its field-free features."""

    text: str
    source: str
    start: int
    end: int
    features: tuple[str, ...]
    #: the folded words left and right of it (`field_cues` are looked for among them)
    left: tuple[str, ...]
    right: tuple[str, ...]


def span_fields(fields: Mapping[str, Field]) -> list[str]:
    """The form's name/id-like free-text fields: those `names` reads (text and regexp
    fields no typed format recognises)."""
    from integrations.triage.reading.typed import recognisable

    return sorted(k for k, f in fields.items()
                  if f.kind in ("text", "regexp") and not recognisable(f))


def field_cues(f: Field) -> frozenset[str]:
    """The keys of the words of the field's names in every language ("account", "compt",
    "계정"): the words whose nearness says a span is this field's."""
    out: set[str] = set()
    for name in field_synonyms(f):
        for word in _TOKEN.findall(name):
            if len(word) < 2 or fold(word) in STATE_WORDS:
                continue  # "my", "is", "de": in every sentence, no field's word
            for lang in ("en", "fr", "pt", "ko"):
                out.add(key(word, lang))
    return frozenset(out)


def _shape(text: str) -> str:
    """"Xx_d" for "Tazzle_Bloom2": character classes, runs collapsed."""
    out: list[str] = []
    for ch in text:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else \
            " " if ch.isspace() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def _at_start(text: str, start: int) -> bool:
    """True when the span opens a sentence (or the text)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“«(-*•":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _punct(text: str, i: int, step: int) -> str:
    """The first character that is not a space from ``i`` on (``step`` ±1), when it is
    punctuation: ":" before a value, "(" after it."""
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    if 0 <= i < len(text) and not text[i].isalnum():
        return "nl" if text[i] == "\n" else text[i]
    return ""


def candidates(source: str, text: str, locale: str, languages: tuple[str, ...] = ()
               ) -> list[Candidate]:
    """The spans of ``text`` that could be a name or an id, each with its features."""
    text = text[:_MAX_TEXT]
    lang = locale.split("-", 1)[0].lower()
    languages = languages or lexicon_languages((locale,))
    hangul = bool(_HANGUL.search(text))
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    keys = [key(w, lang) for w, _, _ in toks]
    spans: dict[tuple[int, int], set[str]] = {}

    def add(i: int, j: int, *why: str) -> None:
        spans.setdefault((i, j), set()).update(why)

    for i, (w, s, _) in enumerate(toks):
        if _HANGUL.match(w):
            continue
        why = []
        if any(c.isdigit() for c in w):
            why.append("digit")
        if "_" in w or "." in w.strip("."):
            why.append("handle")
        if w[0].isupper() and not _at_start(text, s):
            why.append("cap")
        if hangul:
            why.append("latin_in_hangul")
        if w.isalpha() and len(w) >= 3 and not known_word(w, languages):
            why.append("unknown")
        if any(c.isupper() for c in w[1:]) and any(c.islower() for c in w):
            why.append("mixed")
        if why and (len(w) >= 2 or "digit" in why):
            add(i, i + 1, *why)
    # runs of capitalised words (a joiner or a number inside): "Ezi's Glider", "Windows 10 Pro"
    i = 0
    while i < len(toks):
        if not toks[i][0][0].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i < 5 and text[toks[j - 1][2]:toks[j][1]] in (" ", "'", "’") \
                and (toks[j][0][0].isupper() or toks[j][0][0].isdigit()
                     or (toks[j][0].lower() in NAME_JOINERS and j + 1 < len(toks)
                         and toks[j + 1][0][0].isupper())):
            j += 1
        for end in range(i + 2, j + 1):
            if toks[end - 1][0].lower() not in NAME_JOINERS:
                add(i, end, "run")
        i = max(j, i + 1)
    out: list[Candidate] = []
    for (i, j), reasons in spans.items():
        s, e = toks[i][1], toks[j - 1][2]
        out.append(_candidate(source, text, s, e, toks, keys, i, j, reasons, lang, languages))
    # quoted strings, whatever their words
    for m in _QUOTED.finditer(text):
        s, e = m.span(1)
        inside = [n for n, t in enumerate(toks) if s <= t[1] and t[2] <= e]
        if not inside or (inside[0], inside[-1] + 1) in spans:
            if inside:
                k = next(k for k, c in enumerate(out) if (c.start, c.end) == (toks[inside[0]][1],
                                                                          toks[inside[-1]][2]))
                out[k] = out[k]._replace(features=(*out[k].features, "quoted"))
            continue
        i, j = inside[0], inside[-1] + 1
        out.append(_candidate(source, text, toks[i][1], toks[j - 1][2], toks, keys, i, j,
                              {"quoted"}, lang, languages))
    return out


def _candidate(source: str, text: str, s: int, e: int, toks: list[tuple[str, int, int]],
               keys: list[str], i: int, j: int, why: set[str], lang: str,
               languages: tuple[str, ...]) -> Candidate:
    span = text[s:e]
    n = j - i
    f = [f"why={w}" for w in sorted(why)]
    f.append(f"shape={_shape(span)}")
    f.append(f"words={min(n, 4)}")
    f.append(f"len={min(len(span) // 4, 6)}")
    f.append(f"lang={lang}")
    f.append(f"src={source.split(' ', 1)[0]}")
    if _at_start(text, s):
        f.append("start")
    if n == 1 and span.isalpha() and known_word(span, languages):
        f.append("known")
    if span.islower():
        f.append("lower")
    if span.isupper() and len(span) > 1:
        f.append("upper")
    f.append(f"pp={_punct(text, s - 1, -1)}")
    f.append(f"np={_punct(text, e, 1)}")
    # a Korean particle or ending right after a Latin name ("Haneul입니다", "pixel님")
    if e < len(text) and _HANGUL.match(text[e:e + 1]):
        tail = _HANGUL.match(text, e)
        f.append(f"attached={tail.group()[:2] if tail else ''}")
    # whose it is: "son compte (max_durand)" is another person's, "le mien, sophie.b2" mine
    for w, _, _ in toks[max(0, i - _LEFT):i]:
        whose = _WHOSE.get(fold(w))
        if whose:
            f.append(f"poss={whose}")
    left = tuple(keys[max(0, i - _CUE_WINDOW):i])
    right = tuple(keys[j:j + _CUE_WINDOW])
    for d, k in enumerate(reversed(left[-_LEFT:]), 1):
        f.append(f"l{d}={k}")
        f.append(f"lw={k}")
    for d, k in enumerate(right[:_RIGHT], 1):
        f.append(f"r{d}={k}")
    if not left:
        f.append("l1=^")
    return Candidate(span, source, s, e, tuple(f), left, right)


def features(c: Candidate, field: str, cues: frozenset[str], others: frozenset[str]
             ) -> list[str]:
    """``c``'s features for ``field`` (``cues``: its `field_cues`; ``others``: those of the
    form's other fields, less its own): each also conjoined with the field."""
    own = [f"cue_l{d}" for d, k in enumerate(reversed(c.left), 1) if k in cues][:1]
    own += [f"cue_r{d}" for d, k in enumerate(c.right, 1) if k in cues][:1]
    if any(k in others for k in c.left[-2:]):
        own.append("other_l")
    if any(k in others for k in c.right[:2]):
        own.append("other_r")
    if not own:
        own.append("no_cue")
    base = [*c.features, *own]
    return ["bias", *base, f"{field}|bias", *(f"{field}|{x}" for x in base)]


@dataclass(frozen=True)
class SpanModel:
    """One binary logistic regression over `features` (absent features weigh nothing)."""

    fields: frozenset[str]
    intercept: float
    weights: Mapping[str, float]
    examples: int = 0

    @classmethod
    def from_json(cls, doc: Any) -> SpanModel:
        """The ``spans`` object of ``learned.json``; ValueError names its flaw."""
        if not isinstance(doc, Mapping):
            raise ValueError("spans must be an object")
        fields, b, w = doc.get("fields"), doc.get("intercept"), doc.get("weights")
        if not (isinstance(fields, list) and all(isinstance(k, str) for k in fields)):
            raise ValueError("spans.fields must be a list of field keys")
        if not isinstance(b, int | float):
            raise ValueError("spans.intercept must be a number")
        if not (isinstance(w, Mapping) and all(isinstance(v, int | float) for v in w.values())):
            raise ValueError("spans.weights must map features to numbers")
        examples = doc.get("examples", 0)
        return cls(frozenset(fields), float(b), {str(k): float(v) for k, v in w.items()},
                   int(examples) if isinstance(examples, int) else 0)

    def probability(self, feats: Iterable[str]) -> float:
        """The probability that a candidate with ``feats`` is the field's value."""
        w = self.weights
        z = self.intercept + sum(w.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def _all_candidates(texts: Sequence[tuple[str, str]], locale: str,
                    memo: dict[Any, Any] | None) -> list[Candidate]:
    slot = ("spans", locale)
    if memo is not None and slot in memo:
        return memo[slot]  # type: ignore[no-any-return]
    languages = lexicon_languages((locale,))
    out = [c for source, text in texts for c in candidates(source, text, locale, languages)]
    if memo is not None:
        memo[slot] = out
    return out


def best_span(model: SpanModel, key_: str, cues: Mapping[str, frozenset[str]],
              texts: Sequence[tuple[str, str]], locale: str, memo: dict[Any, Any] | None,
              others: Callable[[], tuple[Iterable[str], Iterable[str]]],
              threshold: float = DEFAULT_SPAN, margin: float | None = None,
              theirs: Callable[[str, int], bool] | None = None) -> Evidence | None:
    """Field ``key_``'s best span, or None: p ≥ ``threshold``, ``margin`` (default
    `DEFAULT_MARGIN`) above the next distinct span, not a value another field read and
    wanted less by each other empty name field of the form (``others``: those values and
    those fields, asked only once a span passes; ``cues``: every name field's cues), and,
    for the requester's own identifier, not a span ``theirs`` (text, start) gives to a
    friend or a relative."""
    if key_ not in model.fields or key_ not in cues:
        return None
    margin = DEFAULT_MARGIN if margin is None else margin
    found = _all_candidates(texts, locale, memo)
    if not found:
        return None
    everyone = frozenset(w for k, ws in cues.items() for w in ws)
    # one ticket's probabilities, per field and span, shared by its fields' readings
    scores: dict[tuple[str, int, int, str], float] = \
        memo.setdefault(("spans", "p"), {}) if memo is not None else {}

    def p(c: Candidate, k: str) -> float:
        slot = (k, c.start, c.end, c.source)
        if slot not in scores:
            scores[slot] = model.probability(features(c, k, cues[k], everyone - cues[k]))
        return scores[slot]

    if max(p(c, key_) for c in found) < threshold:
        return None  # nothing sure enough, whatever the other fields read
    claimed, empty = others()
    taken = {fold(c) for c in claimed}
    found = [c for c in found
             if fold(c.text) not in taken and not any(fold(c.text) in t for t in taken)]
    if theirs is not None:
        text_of = dict(texts)
        found = [c for c in found if not theirs(text_of.get(c.source, ""), c.start)]
    scored: dict[str, tuple[float, Candidate]] = {}
    for c in found:
        value = fold(c.text)
        prob = p(c, key_)
        if value not in scored or prob > scored[value][0]:
            scored[value] = (prob, c)
    if not scored:
        return None
    ranked = sorted(scored.values(), key=lambda pc: (-pc[0], pc[1].start))
    best, cand = ranked[0]
    if best < threshold or (len(ranked) > 1 and ranked[1][0] > best - margin):
        return None
    rivals = [k for k in empty if k != key_ and k in model.fields and k in cues]
    if any(p(cand, k) >= best for k in rivals):
        return None
    return Evidence(key=key_, value=cand.text, span=clip(cand.text), method="learned_span",
                    locale=locale, confidence=best, source=cand.source)


# --------------------------------------------------------------------------- clauses
#
# Free-text fields (``textarea``: the steps taken, an error message, a reason) hold a clause,
# not a name: the candidates are the requester's sentences, runs of one to three of their
# comma pieces, quoted strings and what follows a colon; each described by its kind, size,
# first, last and inner words (`normalise.key`), the words before it and the field's own
# names near it, scored by a second `SpanModel` (``learned.json`` ``clauses``).

#: Where a sentence ends: ., ! or ? before a space (not "v3.2"), or a line break.
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
#: Where a clause ends inside a sentence: a comma, a semicolon, a dash between spaces, or
#: the space after a Korean connective ending ("로그인하고 ", "눌렀는데 ", "누르면 "), which
#: stays with its clause.
_PIECE = re.compile(r"(\s*[,;]\s+|\s+[-–—]\s+)|(?<=[\uac00-\ud7a3])(?:고|는데|은데|지만|해서|어서|"
                    r"아서|니까|더니|면서|면)(\s+)")
_QUOTED_CLAUSE = re.compile(r"(?<!\w)[\"“«‘']\s*([^\"”»’'\n]{3,150}?)\s*[\"”»’'](?!\w)")
#: What follows a colon, up to the line's end or a closing quote ('"Export failed: timed
#: out". Tried twice'); not a colon between digits, a time of day ("[12:04:35] POST").
_COLON = re.compile(r"(?<!\d)[:：](?!\d)\s*([^\n\"”»]{3,200})")
_WORD = re.compile(rf"{_HANGUL_RUN}|{_LATIN}|\d+")
#: Least letters and digits of a clause candidate.
_CLAUSE_MIN = 6
#: Most pieces a run of a sentence's pieces joins.
_RUN = 3


def clause_fields(fields: Mapping[str, Field]) -> list[str]:
    """The form's free-text fields of clauses (``textarea``)."""
    return sorted(k for k, f in fields.items() if f.kind == "textarea")


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "5" if n <= 5 else \
        "9" if n <= 9 else "15" if n <= 15 else "16+"


def clause_candidates(source: str, text: str, locale: str) -> list[Candidate]:
    """The clauses of ``text`` that could be a free-text field's value, with their
    features (`Candidate`; ``left`` its words' keys before it, ``right`` its own)."""
    text = text[:_MAX_TEXT]
    lang = locale.split("-", 1)[0].lower()
    spans: dict[tuple[int, int], set[str]] = {}
    start = 0
    for number, m in enumerate([*_SENTENCE.finditer(text), None]):
        end = m.start() if m is not None else len(text)
        s, e = _trim(text, start, end)
        if e > s:
            where = f"sent{min(number, 3)}"
            spans.setdefault((s, e), set()).update(("sent", where))
            cuts = [p.span(1) if p.group(1) else p.span(2) for p in _PIECE.finditer(text, s, e)]
            bounds = [s, *(b for c in cuts for b in c), e]
            pieces = [_trim(text, bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
            pieces = [p for p in pieces if p[1] > p[0]]
            if len(pieces) > 1:
                for i in range(len(pieces)):
                    for j in range(i + 1, min(i + _RUN, len(pieces)) + 1):
                        if (i, j) == (0, len(pieces)):
                            continue
                        why = {f"part{j - i}", where}
                        if i == 0:
                            why.add("head")
                        if j == len(pieces):
                            why.add("tail")
                        spans.setdefault((pieces[i][0], pieces[j - 1][1]), set()).update(why)
        start = m.end() if m is not None else len(text)
    for m in _QUOTED_CLAUSE.finditer(text):
        spans.setdefault(m.span(1), set()).add("quoted")
    for m in _COLON.finditer(text):
        s, e = _trim(text, m.start(1), m.end(1))
        if e > s:
            spans.setdefault((s, e), set()).add("colon")
    out = []
    for (s, e), why in spans.items():
        span = text[s:e]
        if _substance(span) < _CLAUSE_MIN:
            continue
        out.append(_clause(source, text, s, e, why, lang))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\"'“«‘(-*•>,;:":
        s += 1
    while e > s and text[e - 1] in " \t.!?…,;:":
        e -= 1
    return s, e


def _substance(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _clause(source: str, text: str, s: int, e: int, why: set[str], lang: str) -> Candidate:
    span = text[s:e]
    words = _WORD.findall(span)
    keys = [key(w, lang) for w in words]
    f = [f"why={w}" for w in sorted(why)]
    f.append(f"words={_bucket(len(words))}")
    f.append(f"lang={lang}")
    f.append(f"src={source.split(' ', 1)[0]}")
    if keys:
        f.append(f"f1={keys[0]}")
        f.append(f"la={keys[-1]}")
    if len(keys) > 1:
        f.append(f"f2={keys[1]}")
    if words and _HANGUL.fullmatch(words[-1]):
        f.append(f"end={words[-1][-2:]}")
    f.extend(f"w={k}" for k in set(keys[:24]))
    f.append(f"pp={_punct(text, s - 1, -1)}")
    f.append(f"np={_punct(text, e, 1)}")
    if any(c.isdigit() for c in span):
        f.append("digit")
    if re.search(MENU_ARROW, span):
        f.append("arrow")
    if any(ch in span for ch in "\"“«'’"):
        f.append("quote_in")
    if any(("_" in w or w.isupper()) and len(w) > 2 for w in words):
        f.append("code")
    if text[e:e + 1] == "?" or text[e:e + 2].strip().startswith("?"):
        f.append("question")
    before = [key(w, lang) for w in _WORD.findall(text[max(0, s - 60):s])][-_CUE_WINDOW:]
    for d, k in enumerate(reversed(before[-2:]), 1):
        f.append(f"l{d}={k}")
    if not before:
        f.append("l1=^")
    return Candidate(span, source, s, e, tuple(f), tuple(before), tuple(keys))


def clause_features(c: Candidate, field: str, cues: frozenset[str], others: frozenset[str]
                    ) -> list[str]:
    """``c``'s features for free-text ``field``: its own, whether the field's names stand
    before it or inside it (``cues``) or another field's (``others``), each also
    conjoined with the field."""
    own = []
    if any(k in cues for k in c.left):
        own.append("cue_l")
    if any(k in cues for k in c.right):
        own.append("cue_in")
    if any(k in others for k in c.left[-2:]):
        own.append("other_l")
    if any(k in others for k in c.right):
        own.append("other_in")
    if not own:
        own.append("no_cue")
    base = [*c.features, *own]
    return ["bias", *base, f"{field}|bias", *(f"{field}|{x}" for x in base)]


def _clause_candidates(texts: Sequence[tuple[str, str]], locale: str,
                       memo: dict[Any, Any] | None) -> list[Candidate]:
    slot = ("clauses", locale)
    if memo is not None and slot in memo:
        return memo[slot]  # type: ignore[no-any-return]
    out = [c for source, text in texts for c in clause_candidates(source, text, locale)]
    if memo is not None:
        memo[slot] = out
    return out


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.source == b.source and a.start < b.end and b.start < a.end


def best_clause(model: SpanModel, key_: str, cues: Mapping[str, frozenset[str]],
                texts: Sequence[tuple[str, str]], locale: str, memo: dict[Any, Any] | None,
                others: Callable[[], tuple[Iterable[str], Iterable[str]]],
                threshold: float = DEFAULT_CLAUSE, margin: float | None = None
                ) -> Evidence | None:
    """Free-text field ``key_``'s best clause, or None: p ≥ ``threshold``, ``margin``
    above the best clause
    elsewhere in the text (one that does not overlap it), holding
    no value another free-text field read, and wanted less by each other empty one
    (``others``: those values and those fields, asked only once a clause passes)."""
    if key_ not in model.fields or key_ not in cues:
        return None
    margin = DEFAULT_MARGIN if margin is None else margin
    found = _clause_candidates(texts, locale, memo)
    if not found:
        return None
    everyone = frozenset(w for k, ws in cues.items() for w in ws)
    scores: dict[tuple[str, int, int, str], float] = \
        memo.setdefault(("clauses", "p"), {}) if memo is not None else {}

    def p(c: Candidate, k: str) -> float:
        slot = (k, c.start, c.end, c.source)
        if slot not in scores:
            scores[slot] = model.probability(clause_features(c, k, cues[k], everyone - cues[k]))
        return scores[slot]

    if max(p(c, key_) for c in found) < threshold:
        return None
    claimed, empty = others()
    taken = [fold(v) for v in claimed if v]
    found = [c for c in found if not any(t in fold(c.text) or fold(c.text) in t
                                         for t in taken)]
    if not found:
        return None
    ranked = sorted(found, key=lambda c: (-p(c, key_), c.start))
    cand = ranked[0]
    best = p(cand, key_)
    if best < threshold:
        return None
    elsewhere = next((p(c, key_) for c in ranked if not _overlaps(c, cand)), 0.0)
    if elsewhere > best - margin:
        return None
    rivals = [k for k in empty if k != key_ and k in model.fields and k in cues]
    if any(p(cand, k) >= best for k in rivals):
        return None
    return Evidence(key=key_, value=cand.text, span=clip(cand.text), method="learned_clause",
                    locale=locale, confidence=best, source=cand.source)
