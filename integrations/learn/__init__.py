"""Learning from the helpdesk's own history: option keywords proposed and measured.

Pure: no network client, no CLI. Data flows one way:

    history tickets ─► examples (labels from agents' values, locale, normalised words)
      ─► split by time (train │ validation │ held-back test)
      ─► model (logistic regression per field × language over word n-grams): candidates
      ─► propose (a candidate is kept only when, on the validation slice, the real reading
         stage finds more right values and the option's precision stays ≥ the floor)
      ─► report (precision/recall on the held-back slice: today's keywords vs + proposed)
      ─► edit (keywords added to the field schema files and rules.json; never one removed)

The same learning serves rules with keyword conditions (`RuleTarget`): a rule "should
fire" on a solved ticket when agents gave it every tag the rule adds.

Texts live in memory only; reports carry counts and the proposed keywords, which are
required to occur in several tickets (`features.MIN_TICKETS`), never single requester text.
"""

from __future__ import annotations

from integrations.learn.edit import add_keywords
from integrations.learn.examples import Example, KeywordRule, build_examples, keyword_rules
from integrations.learn.propose import FieldReport, Proposal, suggest, suggest_rule

__all__ = ["Example", "FieldReport", "KeywordRule", "Proposal", "add_keywords",
           "build_examples", "keyword_rules", "suggest", "suggest_rule"]
