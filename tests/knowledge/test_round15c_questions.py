"""Knowledge round 15c (session 13, 2026-12-05): a graduate of 24 asked "dus hier kan ik geen
test doen?" and got the answer about career tests again ("Dit zei ik eerder al"). The member's
message is pinned verbatim; the other phrasings were written apart from the example questions
(a test proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import (
    answer_of,
    found_id,
    near_miss_problem,
    overlapping,
    plain_and_sourced_problems,
)

HERE = "test_hier_doen"
NEW_IDS = [HERE]

MEMBERS = [("dus hier kan ik geen test doen?", HERE)]
HELD_OUT = [
    ("kan jij zelf een test met mij doen?", HERE),
    ("heb jij een test die ik hier kan maken", HERE),
]
NEAR = [
    ("welke test kan ik doen om te zien wat bij mij past", "loopbaantest"),
    ("wat doet een loopbaanconsulent eigenlijk", "wat_doet_loopbaanconsulent"),
]


def test_the_round15c_phrasings_are_not_example_questions():
    assert not overlapping([t for t, _ in HELD_OUT])


@pytest.mark.parametrize(("text", "expected"), MEMBERS + HELD_OUT)
def test_round15c_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text
    assert found_id(text, flemish=True) == expected, text


@pytest.mark.parametrize(("text", "expected"), NEAR)
def test_a_near_miss_does_not_get_a_round15c_entry(text, expected):
    assert near_miss_problem(text, expected, NEW_IDS) is None


def test_the_answer_says_no_test_here_and_names_the_consultant():
    assert not plain_and_sourced_problems(HERE, (2, 2), (3, 5), region="any")
    answer = answer_of(HERE)
    for words in ("zelf doe ik hier geen test", "chatbot", "loopbaanconsulent"):
        assert words in answer, words
