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


# Round 13b (p51, a BBL student): "boeie die opleiding bro ik bedoel geld om te leven.
# uitkering ofzo" got the full crisis answer: "ik bedoel ... leven" anywhere in a sentence
# was a clear statement. Only "met leven bedoel ik" or "ik bedoel: het leven" at the end is.
@pytest.mark.parametrize(("text", "level"), [
    ("boeie die opleiding bro ik bedoel geld om te leven. uitkering ofzo", None),
    ("ik bedoel een baan waar ik van kan leven", None),
    ("ik bedoel mijn leven naast het werk, dat is druk", None),
    ("Ik ben er klaar mee, met leven bedoel ik.", "clear"),
    ("ik ben er klaar mee. ik bedoel: het leven.", "clear"),
    ("ik kan niet meer. ik bedoel mijn leven", "clear"),
])
def test_i_mean_life_is_a_statement_only_about_life_itself(text, level):
    assert rule_level(text) == level
