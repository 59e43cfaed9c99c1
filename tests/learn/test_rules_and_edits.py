"""Rules with keyword conditions are learned like options; edits only ever add (pure)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from integrations.learn import Example, keyword_rules, suggest_rule
from integrations.learn.edit import add_keywords, add_rule_keywords
from integrations.learn.evaluate import Score
from integrations.learn.propose import established, wilson_lower
from integrations.triage import load_rules
from integrations.workspace import load

SEED = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "ad-network"
REWARDS = "Rakuten Rewards and cash back are consumer questions: answer with a pointer to " \
          "rakuten.com/help and solve"


def test_the_seed_rule_with_keywords_is_found_with_its_tags() -> None:
    rules = keyword_rules(load_rules(SEED, load(SEED, "zendesk")).rules)
    assert [(r.name, r.tags) for r in rules] == [(REWARDS, ("consumer_rewards",))]
    assert "cash back" in rules[0].keywords["*"]


def _rule_examples(rule_label: str, count: int) -> list[Example]:
    """A quarter of the tickets should fire the rule; 80 % of those say "kickback"."""
    rng = random.Random(2)
    examples = []
    for i in range(count):
        fires = i % 4 == 0
        words = ["hello", "order"] if rng.random() < 0.6 else ["hello"]
        words.append("kickback" if fires and rng.random() < 0.8 else "invoice")
        examples.append(Example(i, f"2026-02-01T{i // 3600:02d}:{i // 60 % 60:02d}:"
                                f"{i % 60:02d}Z", "en", (" ".join(words),),
                                {rule_label: "yes" if fires else "no"}))
    return examples


def test_a_rule_learns_a_telling_word_and_not_a_shared_one() -> None:
    rule = keyword_rules(load_rules(SEED, load(SEED, "zendesk")).rules)[0]
    report = suggest_rule(rule.name, rule.keywords, _rule_examples(rule.label, 1500),
                          min_precision=0.95)
    proposed = [k for p in report.proposals for k in p.keywords]
    assert "kickback" in proposed and "order" not in proposed and "hello" not in proposed
    (en,) = report.locales
    assert en.after.recall > en.before.recall and en.after.precision >= 0.95


def test_a_rule_with_too_few_tickets_to_establish_precision_gets_nothing() -> None:
    """160 tickets: the validation slice holds 8 that fire, all found by "kickback" — 100 %
    on that slice, but 8 of 8 does not show 95 % (Wilson lower bound 0.83)."""
    rule = keyword_rules(load_rules(SEED, load(SEED, "zendesk")).rules)[0]
    report = suggest_rule(rule.name, rule.keywords, _rule_examples(rule.label, 160),
                          min_precision=0.95)
    assert report.locales and not report.proposals


def test_the_wilson_lower_bound_needs_support_not_only_a_perfect_ratio() -> None:
    assert wilson_lower(8, 8) < 0.9 < wilson_lower(60, 60)
    assert wilson_lower(0, 0) == 0.0 and wilson_lower(50, 100) < 0.5
    assert not established(Score(10, 10, 10), 0.9)      # below MIN_SUPPORT
    assert established(Score(100, 100, 100), 0.95)
    assert not established(Score(100, 100, 90), 0.95)   # 90 % right is not 95 %


def test_rule_keywords_are_added_in_place_and_nothing_removed() -> None:
    text = (SEED / "rules.json").read_text(encoding="utf-8")
    new = add_rule_keywords(text, REWARDS, {"en": ["rebate"], "*": ["Cash Back"]})
    changed = [(a, b) for a, b in zip(text.splitlines(), new.splitlines(), strict=True)
               if a != b]
    assert len(changed) == 1  # one line: the keyword condition
    kw = json.loads(new)["rules"][2]["when"]["any"][1]["keywords"]
    assert kw["en"] == ["rebate"] and kw["*"].count("cash back") == 1  # no case duplicate
    assert add_rule_keywords(new, REWARDS, {"en": ["rebate"]}) == new


def test_option_keywords_are_appended_on_the_options_line() -> None:
    text = (SEED / "fields" / "problem_type.json").read_text(encoding="utf-8")
    new = add_keywords(text, {"pub_payments": {"fr": ["mandat", "Paiement"]}})
    changed = [(a, b) for a, b in zip(text.splitlines(), new.splitlines(), strict=True)
               if a != b]
    assert len(changed) == 1
    was, now = (json.loads(line.strip().rstrip(",")) for line in changed[0])
    fr_was = was["x-deskops"]["keywords"]["fr"]
    assert now["x-deskops"]["keywords"]["fr"] == [*fr_was, "mandat"]  # "Paiement": known
    assert add_keywords(new, {"pub_payments": {"fr": ["mandat"]}}) == new
