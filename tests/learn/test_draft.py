"""The draft workspace the learn tests and the suggest bench measure: the example with the
draft's keywords and nothing else changed (pure, no I/O beyond the copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.learn import keyword_rules
from integrations.triage import load_rules
from integrations.triage.reading.vocabulary import option_keywords
from integrations.workspace import load

from .draft import EXAMPLES, draft_copy, draft_vocabulary


@pytest.mark.parametrize("name", ["ad-network", "game-publisher", "streaming-platform"])
def test_the_draft_copy_has_the_draft_keywords_and_the_shipped_rest(
        name: str, tmp_path: Path) -> None:
    draft = draft_vocabulary(name)
    ws = load(draft_copy(name, tmp_path / "ws"), "zendesk")
    shipped = load(EXAMPLES / name, "zendesk")
    assert ws.fields.keys() == shipped.fields.keys() and ws.forms.keys() == shipped.forms.keys()
    smaller = 0
    for key, f in ws.fields.items():
        mine = {o: {loc: list(w) for loc, w in by.items()}
                for o, by in option_keywords(f).items() if by}
        assert mine == draft["fields"].get(key, {}), key
        theirs = option_keywords(shipped.fields[key])
        assert [(o.value, o.title, o.titles) for o in f.options] == \
            [(o.value, o.title, o.titles) for o in shipped.fields[key].options]
        smaller += sum(map(len, (w for by in mine.values() for w in by.values()))) < \
            sum(map(len, (w for by in theirs.values() for w in by.values())))
    assert smaller, "the shipped examples have grown their vocabulary since the draft"
    rules = keyword_rules(load_rules(tmp_path / "ws", ws).rules)
    shipped_rules = keyword_rules(load_rules(EXAMPLES / name, shipped).rules)
    # a keyword rule added since the draft is left out: the first workspace did not have it
    assert [r.name for r in rules] == [r.name for r in shipped_rules if r.name in draft["rules"]]
    for r in rules:
        assert {loc: list(w) for loc, w in r.keywords.items()} == draft["rules"][r.name]
