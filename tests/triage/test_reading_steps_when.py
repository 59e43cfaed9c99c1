"""Steps told as a "when" clause ("when I pick the period and click Export, the button goes
grey", "quand je choisis … et je clique …", "quando eu escolho … e clico …"): the acts are
the steps, from "when" to the last act; the result that follows (a new subject and its
state, "o botao fica cinza") is not one."""

from __future__ import annotations

import pytest

from integrations.triage.reading.steps import sequence


@pytest.mark.parametrize(("text", "steps"), [
    ("to no firefox, Linux Mint 21, quando eu escolho o periodo e clico em exportar xlsx o "
     "botao fica cinza e nao baixa nada. nenhuma mensagem de erro",
     "quando eu escolho o periodo e clico em exportar xlsx"),
    ("on firefox, when I pick the period and click export xlsx the button goes grey and "
     "nothing downloads", "when I pick the period and click export xlsx"),
    ("sur firefox, quand je choisis la periode et je clique sur exporter le bouton devient "
     "gris", "quand je choisis la periode et je clique sur exporter"),
    ("no chrome, quando escolho o periodo e clico em exportar, nada acontece",
     "quando escolho o periodo e clico em exportar"),
    ("whenever I open Reports and click Export the page is blank",
     "whenever I open Reports and click Export"),
])
def test_steps_in_a_when_clause(text: str, steps: str) -> None:
    found = sequence(text)
    assert found is not None and text[found[0]:found[1]] == steps


@pytest.mark.parametrize("text", [
    "when the page loads it is blank and nothing downloads",  # no act of the requester
    "quando eu quero exportar e clico, nada",                 # a wish, no steps taken
])
def test_no_steps_without_two_acts(text: str) -> None:
    assert sequence(text) is None
