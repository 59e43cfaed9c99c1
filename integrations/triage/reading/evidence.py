"""The one evidence type every reading method produces."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["Evidence", "Method"]

#: How a value was read; also the suffix of the tag that marks an inferred write.
Method = Literal["label", "pattern", "option", "date", "typed", "sentence", "checkbox", "learned",
                 "learned_span", "learned_clause"]


@dataclass(frozen=True)
class Evidence:
    """A candidate value for one field, and why: the words it was read from (``span``, at
    most `SPAN_MAX` characters of requester text), where (``source``), how (``method``), in
    which language (``locale``) and how sure the method is (``confidence``, 0 to 1).

    ``choices`` is set instead of a value when a dropdown's text named two options: the
    value is not written and the question offers them. ``method`` ``learned``: chosen by
    the workspace's learned model (`reading.learned`), ``confidence`` its probability;
    ``learned_span``: a name field's span chosen by its span reader (`reading.spans`);
    ``learned_clause``: a free-text field's clause chosen by its clause reader (the same).
    """

    key: str
    value: Any
    span: str
    method: Method
    locale: str
    confidence: float
    source: str = ""
    choices: tuple[str, ...] = ()
    #: Why a value was not written, for explain (a learned veto: `reading.learned`).
    note: str = ""

    def describe(self) -> str:
        """``"commissions … never paid" (option, en)``, for explain."""
        return f"{self.span!r} ({self.method}, {self.locale}, {self.confidence:.2f})"


#: Longest excerpt of requester text an evidence keeps.
SPAN_MAX = 80


def clip(text: str) -> str:
    """``text`` as a one-line excerpt of at most `SPAN_MAX` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= SPAN_MAX else flat[: SPAN_MAX - 1] + "…"
