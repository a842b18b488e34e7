"""Round 13 (p54, a call-centre worker with debts): dark statements after she had said she
sometimes thinks of ending her life got no safety answer, because the rules did not know
them in these forms (docs/reviews/round13/p54-schulden-donker.md)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import POSSIBLE, rule_level


@pytest.mark.parametrize("text", [
    # "de schulden. en dat ik het niet meer zie zitten" -> "Dat klinkt niet makkelijk."
    "de schulden. en dat ik het niet meer zie zitten",
    "ik denk dat ik het niet meer zie zitten",
    "omdat ik het eigenlijk niet meer zie zitten",
    # "ik ben gewoon zo moe van alles..." -> a topic menu
    "ik ben gewoon zo moe van alles...",
    "ik ben moe van alles",
    "ik ben het allemaal zo moe",
])
def test_dark_statements_in_these_forms_are_possible(text):
    assert rule_level(text) == POSSIBLE


@pytest.mark.parametrize("text", [
    "ik zie het niet meer zitten met die planning",
    "dat ik het niet meer zie zitten om elke dag te rijden",
    "ik ben moe van alles op mijn werk",
    "ik ben moe van alle reorganisaties",
    "ik ben het allemaal zo moe met die roosters",
    "ik ben moe van al dat gedoe met mijn baas",
    "ik ben moe",
])
def test_the_same_words_about_something_are_ordinary(text):
    assert rule_level(text) is None
