"""The reading stage: candidate values for a form's empty fields from what requesters wrote.

Reading comes before evaluation and never looks back: ``compile_reading`` (once per form,
per workspace context) → ``read`` (per ticket) → candidates, each an `Evidence`. The
evaluation (`integrations.triage._instance.evaluate`) keeps the confident ones that pass
the field's schema; the decision writes them. One module per method:

- ``options``: dropdown options by titles and keywords (`matcher`, `normalise`), a hit
  named as context weighed apart (`context`), and on a person field who the requester
  is (`people`);
- ``checkbox``: a boolean field ticked by a plain statement of its keywords;
- ``dates``: dates in natural language, relative to the ticket's creation;
- ``typed``: recognisable formats (e-mail, numeric ids) anywhere;
- ``names``: names inside sentences (`cues` builds the patterns of a field's names and
  cues, `words` holds the word lists a name is told from);
- ``clauses``: free-text clauses after cues, and "Label: value" lines of text fields;
- ``learned``: the workspace's learned model (``learned.json``), a second opinion on
  dropdowns: it vetoes a keyword write it finds unlikely and fills a dropdown the keywords
  leave unwritten when it is sure (`learned.second_opinion`, applied here and only here);
- ``spans``: the same file's span reader, for a name field the hand-written readers (and
  ``leftover``) leave empty: the best name-like span when it is sure (`spans.best_span`).

Labelled lines ("Label: value") are read first by the declared ``x-deskops.extract``
patterns and the option lines (any title or synonym of the field as the label), then by
`clauses` for text fields ("<any title or synonym>: value").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from integrations.model import Field
from integrations.triage.reading.checkbox import CheckboxReader
from integrations.triage.reading.clauses import ClauseReader
from integrations.triage.reading.context import kind_unknown
from integrations.triage.reading.dates import read_date
from integrations.triage.reading.evidence import Evidence, Method
from integrations.triage.reading.learned import DEFAULT_AGREE, Model, Opinion, second_opinion
from integrations.triage.reading.matcher import Hit, Matcher, is_negated
from integrations.triage.reading.names import (
    NameReader,
    identifier_nouns,
    identifier_role,
    leftover,
    someone_elses,
)
from integrations.triage.reading.normalise import fold
from integrations.triage.reading.options import OptionReader, titles_of
from integrations.triage.reading.parts import split_texts
from integrations.triage.reading.spans import (
    DEFAULT_CLAUSE,
    DEFAULT_SPAN,
    best_clause,
    best_span,
    clause_fields,
    field_cues,
    span_fields,
)
from integrations.triage.reading.typed import TypedReader, recognisable
from integrations.triage.reading.vocabulary import field_synonyms, option_keywords

__all__ = [
    "DEFAULT_THRESHOLDS",
    "TWO_PROBLEMS",
    "Evidence",
    "Hit",
    "Matcher",
    "Method",
    "Opinion",
    "Reader",
    "compile_reading",
    "is_negated",
    "read",
    "titles_of",
]

#: Lowest confidence written per method (rules.json ``settings.reading.thresholds``).
DEFAULT_THRESHOLDS: Mapping[str, float] = {
    "option": 0.8, "date": 0.7, "typed": 0.8, "sentence": 0.8, "label": 0.8, "checkbox": 0.85,
    "learned": 0.85, "learned_agree": DEFAULT_AGREE, "learned_span": DEFAULT_SPAN,
    "learned_clause": DEFAULT_CLAUSE,
}


@dataclass(frozen=True)
class Reader:
    """The reading methods of one form's fields, compiled once."""

    options: Mapping[str, OptionReader] = field(default_factory=dict)
    typed: Mapping[str, TypedReader] = field(default_factory=dict)
    names: Mapping[str, NameReader] = field(default_factory=dict)
    clauses: Mapping[str, ClauseReader] = field(default_factory=dict)
    dates: tuple[str, ...] = ()
    checkboxes: Mapping[str, CheckboxReader] = field(default_factory=dict)
    #: Per dropdown the workspace's learned model knows, its option values (the model's
    #: other classes are ignored: a stale model after an option was removed).
    learned: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Per name field, its cue words for the learned span reader (when the model has one).
    cues: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Per free-text field, its cue words for the learned clause reader (when the model
    #: has one).
    clause_cues: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: The requester's own identifiers (`identifier_role` "own"): the learned span reader
    #: never gives them a friend's or a relative's name.
    own_ids: frozenset[str] = frozenset()


def _called_for_short(title: str) -> str | None:
    """The word an option's title is called by for short: its first word when that is a
    proper noun of four letters or more ("fermez mon compte Defiance": the game "Defiance
    2050"); none for one word, a common word or an acronym."""
    first, _, rest = title.partition(" ")
    if rest and len(first) >= 4 and first.isalpha() and first[0].isupper() and \
            not first.isupper():
        return first
    return None


def compile_reading(fields: Mapping[str, Field], learned: Model | None = None,
                    workspace: Mapping[str, Field] | None = None) -> Reader:
    """The reader for a form whose custom fields are ``fields`` (``learned``: the
    workspace's learned model, when it has one; ``workspace``: all the workspace's fields,
    whose names the learned readers weigh as other fields' words, as in training)."""
    options, typed, names, clauses, dates, boxes = {}, {}, {}, {}, [], {}
    # every option title of the form, folded: a name is never another field's choice
    titles = [t for f in fields.values() if f.kind == "dropdown" for o in f.options
              for t in (o.title, *o.titles.values())]
    others = frozenset(fold(t) for t in titles) | frozenset(
        fold(short) for short in map(_called_for_short, titles) if short)
    # per field, the words that name the form's other fields: "mon perso Nyxie" names a
    # character, never an item
    words = {k: {fold(w) for n in field_synonyms(f) for w in n.split()} for k, f in
             fields.items()}
    kinds = {k: frozenset(w for o, ws in words.items() if o != k for w in ws) - words[k]
             for k in fields}
    # the keywords of several words of its options: "servidor NA" is a region, no server
    phrases = frozenset(fold(k) for f in fields.values() if f.kind == "dropdown"
                        for by_locale in option_keywords(f).values()
                        for words in by_locale.values() for k in words if " " in k.strip())
    # the form's identifiers of a person ("user: x" means the one the form has)
    roles = {k: identifier_role(f) for k, f in fields.items()}
    for key, f in fields.items():
        if f.kind in ("dropdown",):
            options[key] = OptionReader(f, [n for k, o in fields.items() if k != key
                                            for n in field_synonyms(o)],
                                        [o for k, o in fields.items()
                                         if k != key and o.kind == "dropdown"])
        elif f.kind == "checkbox":
            box = CheckboxReader(f)
            if box:
                boxes[key] = box
        elif f.kind == "date":
            dates.append(key)
        elif recognisable(f):
            typed[key] = TypedReader(f)
        elif f.kind == "textarea":
            clauses[key] = ClauseReader(f)
        elif f.kind in ("text", "regexp"):
            rivals = tuple(r for k, r in roles.items() if k != key and r is not None)
            theirs = frozenset(w for k, r in roles.items() if k != key and r == "other"
                               for w in identifier_nouns(fields[k]))
            ours = frozenset(w for k, r in roles.items() if k != key and r == "own"
                             for w in identifier_nouns(fields[k]))
            names[key] = NameReader(f, others, kinds.get(key, frozenset()), rivals, theirs,
                                    ours, phrases)
    known = {k: frozenset(o.value for o in fields[k].options) for k in options
             if learned is not None and k in learned.fields}
    # the learned readers were trained with every name (free-text) field of the workspace
    # as the others ("a cleric named Sunmere" names a character on an account form too)
    every = {**(workspace or {}), **fields}
    cues = {k: field_cues(every[k]) for k in {*names, *span_fields(every)}} \
        if learned is not None and learned.spans is not None and names else {}
    clause_cues = {k: field_cues(every[k]) for k in {*clauses, *clause_fields(every)}} \
        if learned is not None and learned.clauses is not None and clauses else {}
    own_ids = frozenset(k for k in names if roles.get(k) == "own")
    return Reader(options, typed, names, clauses, tuple(dates), boxes, known, cues, clause_cues,
                  own_ids)


def read(reader: Reader, key: str, texts: Sequence[tuple[str, str]], locale: str,
         created: datetime, timezone: str, memo: dict[Any, Any] | None = None,
         opinion: Opinion | None = None) -> Evidence | None:
    """The candidate for field ``key`` from ``texts`` (``(source, text)``, newest first);
    ``memo`` is one ticket's scratch space, shared by its fields. With ``opinion`` (the
    workspace's learned model and settings) a dropdown the model knows gets its second
    opinion on the keywords' reading."""
    if key in reader.options:
        evidence = reader.options[key].read(texts, locale, memo)
        if opinion is not None and key in reader.learned:
            evidence = second_opinion(opinion, key, reader.learned[key], evidence, texts,
                                      locale, memo)
        if evidence is not None and evidence.value is not None and \
                evidence.method == "option" and any(kind_unknown(t) for _, t in texts):
            # "je sais pas trop sous quelle case je rentre": the requester's to pick (nor
            # does the model fill it, `second_opinion`)
            return replace(evidence, value=None, confidence=0.0, choices=(str(evidence.value),),
                           note="the requester does not know which kind applies")
        return _two_problems(reader, key, evidence, texts, locale, opinion, memo)
    if key in reader.checkboxes:
        return reader.checkboxes[key].read(texts, locale, memo)
    if key in reader.dates:
        return read_date(key, texts, locale, created, timezone)
    if key in reader.typed:
        return reader.typed[key].read(texts, locale)
    if key in reader.names:
        own = _named(reader, key, texts, locale, memo)
        if own is not None:
            return own

        def others() -> dict[str, Evidence | None]:
            return {k: _named(reader, k, texts, locale, memo) for k in reader.names}

        left = leftover(reader.names, key, texts, locale, others)
        if left is not None or opinion is None or opinion.model.spans is None or \
                key not in reader.cues:
            return left

        def taken() -> tuple[list[str], list[str]]:
            done = others()
            return ([str(e.value) for e in done.values() if e is not None],
                    [k for k, e in done.items() if e is None])

        return best_span(opinion.model.spans, key, reader.cues, texts, locale, memo, taken,
                         opinion.span, theirs=someone_elses if key in reader.own_ids else None)
    if key in reader.clauses:
        own = _clause(reader, key, texts, locale, memo)
        if own is not None or opinion is None or opinion.model.clauses is None or \
                key not in reader.clause_cues:
            return own

        def read_clauses() -> tuple[list[str], list[str]]:
            done = {k: _clause(reader, k, texts, locale, memo) for k in reader.clauses}
            return ([str(e.value) for e in done.values() if e is not None and e.value],
                    [k for k, e in done.items() if e is None])

        return best_clause(opinion.model.clauses, key, reader.clause_cues, texts, locale, memo,
                           read_clauses, opinion.clause)
    return None


#: The model's lowest probability for a part's option (`_two_problems`).
_PART_FILL = 0.5
#: How a dropdown asked because two problems were announced notes it (`_two_problems`).
TWO_PROBLEMS = "two problems announced"


def _two_problems(reader: Reader, key: str, evidence: Evidence | None,
                  texts: Sequence[tuple[str, str]], locale: str,
                  opinion: Opinion | None, memo: dict[Any, Any] | None = None
                  ) -> Evidence | None:
    """``evidence``, or the two options a message announcing two problems names, one in
    each (`parts`, each read as a whole text is): which one the ticket is about is then the
    requester's to say (noted so when the whole text named both already, for `evaluate`).
    The cut is made once per ticket (``memo``), not per dropdown."""
    if evidence is None or (evidence.value is None and not evidence.choices):
        return evidence
    ticket: dict[Any, Any] = memo if memo is not None else {}
    if ("parts",) not in ticket:
        ticket[("parts",)] = split_texts(texts)
    split = ticket[("parts",)]
    if split is None:
        return evidence
    # a part's option is only compared, never written: the model is heard at a lower bar
    # (a wrong guess costs a question, as its outcome always is)
    heard = replace(opinion, fill=_PART_FILL, agree=_PART_FILL) if opinion is not None else None
    read = []
    for part in split:
        scratch: dict[Any, Any] = {}
        found = reader.options[key].read(part, locale, scratch)
        if heard is not None and key in reader.learned:
            found = second_opinion(heard, key, reader.learned[key], found, part, locale,
                                   scratch)
        read.append(found)
    values = [str(e.value) for e in read if e is not None and e.value is not None
              and not e.choices]
    if len(values) == 1 and evidence.method == "learned" and not evidence.choices:
        # the model read the whole message; one part names its option, the other part
        # nothing: which problem the ticket is about is the requester's to say
        return replace(evidence, value=None, choices=(values[0],),
                       note=f"{TWO_PROBLEMS}: {values[0]} in one, nothing known in the other")
    if len(values) < 2 or values[0] == values[1]:
        return evidence
    return replace(evidence, value=None, choices=tuple(values),
                   note=f"{TWO_PROBLEMS}: {values[0]} in one, {values[1]} in the other")


def _once(memo: dict[Any, Any] | None, slot: tuple[str, str],
          reading: Callable[[], Evidence | None]) -> Evidence | None:
    """``reading()``, once per ticket (``memo``): a field read empty weighs the others'."""
    if memo is None:
        return reading()
    if slot not in memo:
        memo[slot] = reading()
    return memo[slot]  # type: ignore[no-any-return]


def _clause(reader: Reader, key: str, texts: Sequence[tuple[str, str]], locale: str,
            memo: dict[Any, Any] | None) -> Evidence | None:
    """Free-text field ``key``'s hand-written reading (`spans.best_clause` weighs it)."""
    return _once(memo, ("clause", key), lambda: reader.clauses[key].read(texts, locale))


def _named(reader: Reader, key: str, texts: Sequence[tuple[str, str]], locale: str,
           memo: dict[Any, Any] | None) -> Evidence | None:
    """Field ``key``'s own reading of a name (`names.leftover` weighs it)."""
    return _once(memo, ("names", key), lambda: reader.names[key].read(texts, locale))
