"""Learning from the helpdesk's own history: option keywords proposed and measured.

Pure: no network client, no CLI. Data flows one way:

    history tickets ─► examples (labels from agents' values, locale, normalised words)
      ─► split by time (train │ validation │ held-back test)
      ─► model (logistic regression per field × language over word n-grams): candidates
      ─► propose (a candidate is kept only when, on the validation slice, the real reading
         stage finds more right values and the option's precision stays ≥ the floor)
      ─► report (precision/recall on the held-back slice: today's keywords vs + proposed)
      ─► edit (keywords added to the field schema files; never one removed)

Texts live in memory only; reports carry counts and the proposed keywords, which are
required to occur in several tickets (`features.MIN_TICKETS`), never single requester text.
"""

from __future__ import annotations

from integrations.learn.edit import add_keywords
from integrations.learn.examples import Example, build_examples
from integrations.learn.propose import FieldReport, Proposal, suggest

__all__ = ["Example", "FieldReport", "Proposal", "add_keywords", "build_examples", "suggest"]
