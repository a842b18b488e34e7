"""Knowledge round 16d (session 15, 2026-12-06): whether to report sick (p68), the WW
question after a one-word lead and the older man's doubt (p69). The members' messages are
pinned verbatim; the other phrasings were written apart from the example questions (a test
proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import answer_of, found_id, overlapping, plain_and_sourced_problems

MEMBERS = [
    ("moet ik me ziek melden dan?", "ziekmelden_of_niet"),
    ("de uitkering. hoe lang krijg ik ww na 31 jaar", "ww_voorwaarden"),
    ("wat voor werk dan. wie neemt er nou iemand van 58 aan", "werk_zoeken_als_oudere"),
]
HELD_OUT = [
    ("moet ik me nu ziekmelden of niet?", "ziekmelden_of_niet"),
    ("is ziek melden verstandig als ik het werk niet meer trek", "ziekmelden_of_niet"),
    ("ok. hoeveel maanden ww krijg ik na 25 jaar werken", "ww_voorwaarden"),
]
# Uncovered stays uncovered when the lead is more than a label (the WGA, a zzp'er).
UNCOVERED = [
    "hoe lang krijg ik een wga uitkering",
    "ik ben zzp'er en heb geen werk meer. heb ik recht op een uitkering",
]


def test_the_round16d_phrasings_are_not_example_questions():
    assert not overlapping([t for t, _ in HELD_OUT])


@pytest.mark.parametrize(("text", "expected"), MEMBERS + HELD_OUT)
def test_round16d_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize("text", UNCOVERED)
def test_an_uncovered_question_after_a_longer_lead_stays_uncovered(text):
    assert found_id(text) is None, text


def test_the_sick_report_answer_is_short_plain_and_sourced():
    assert not plain_and_sourced_problems("ziekmelden_of_niet", (2, 2), (3, 6), region="nl",
                                          percent=False)


def test_the_sick_report_answer_says_it_is_her_choice_and_the_open_consult():
    answer = answer_of("ziekmelden_of_niet")
    assert "bepaal je zelf" in answer and "spreekuur van de bedrijfsarts" in answer
