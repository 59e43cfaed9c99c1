"""Rules with keyword conditions are learned like options; edits only ever add (pure)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from integrations.learn import Example, keyword_rules, suggest_rule
from integrations.learn.edit import add_keywords, add_rule_keywords
from integrations.triage import load_rules
from integrations.workspace import load

SEED = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "ad-network"
REWARDS = "Rakuten Rewards and cash back are consumer questions: answer with a pointer to " \
          "rakuten.com/help and solve"


def test_the_seed_rule_with_keywords_is_found_with_its_tags() -> None:
    rules = keyword_rules(load_rules(SEED, load(SEED, "zendesk")).rules)
    assert [(r.name, r.tags) for r in rules] == [(REWARDS, ("consumer_rewards",))]
    assert "cash back" in rules[0].keywords["*"]


def test_a_rule_learns_a_telling_word_and_not_a_shared_one() -> None:
    rule = keyword_rules(load_rules(SEED, load(SEED, "zendesk")).rules)[0]
    rng = random.Random(2)
    examples = []
    for i in range(500):
        fires = i % 4 == 0
        words = ["hello", "order"] if rng.random() < 0.6 else ["hello"]
        words.append("rebate" if fires and rng.random() < 0.8 else "invoice")
        examples.append(Example(i, f"2026-02-01T{i // 60:02d}:{i % 60:02d}:00Z", "en",
                                (" ".join(words),), {rule.label: "yes" if fires else "no"}))
    report = suggest_rule(rule.name, rule.keywords, examples, min_precision=0.95)
    proposed = [k for p in report.proposals for k in p.keywords]
    assert "rebate" in proposed and "order" not in proposed and "hello" not in proposed
    (en,) = report.locales
    assert en.after.recall > en.before.recall and en.after.precision >= 0.95


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
    new = add_keywords(text, {"pub_payments": {"fr": ["chèque", "Paiement"]}})
    changed = [(a, b) for a, b in zip(text.splitlines(), new.splitlines(), strict=True)
               if a != b]
    assert len(changed) == 1
    was, now = (json.loads(line.strip().rstrip(",")) for line in changed[0])
    fr_was = was["x-deskops"]["keywords"]["fr"]
    assert now["x-deskops"]["keywords"]["fr"] == [*fr_was, "chèque"]  # "Paiement": known
    assert add_keywords(new, {"pub_payments": {"fr": ["chèque"]}}) == new
