"""The member's answer to a follow-up question (issue 15, item 4), read while one is awaited
(`follow_up_pending`, put in by the action server for this turn only)."""

from __future__ import annotations

import pytest
from conversation_support import Chat


def answer(kind: str, text: str, intent: str = "inform"):
    chat = Chat()
    chat.slots.update(disclosed=True, follow_up_pending=kind, ticket_reference="KP-TEST1")
    names = chat.say(text, intent)
    return names, chat.last


@pytest.mark.parametrize(("text", "intent", "reached"), [
    ("nee", "deny", False), ("nog niet", "inform", False),
    ("Nee, nog niemand gehoord", "deny", False), ("ja", "affirm", True),
    ("ja hoor, gisteren gebeld", "affirm", True),
])
def test_the_contact_check_answer(text, intent, reached):
    names, outcome = answer("contact", text, intent)
    assert outcome.effect == "follow_up_answer"
    assert outcome.effect_values == {"kind": "contact", "reached": reached}
    assert names == ["utter_follow_up_reached" if reached else "utter_follow_up_not_reached"]


def test_a_question_instead_of_an_answer_leaves_the_check_waiting():
    _, outcome = answer("contact", "wat kost een consulent?", "ask_cost")
    assert outcome.effect is None
    assert "utter_ask_cost" in outcome.names()


def test_without_an_awaited_question_nee_is_an_ordinary_no():
    chat = Chat()
    chat.slots.update(disclosed=True)
    chat.say("nee", "deny")
    assert chat.last.effect is None


@pytest.mark.parametrize(("text", "score", "recommend"), [
    ("4 ja", 4, True), ("5, zeker aanraden", 5, True), ("2 nee", 2, False),
    ("3. zou ik niet aanraden", 3, False), ("1", 1, None),
])
def test_the_six_week_answer(text, score, recommend):
    names, outcome = answer("six_weeks", text)
    assert outcome.effect_values == {"kind": "six_weeks", "score": score,
                                     "recommend": recommend}
    assert names[0] == "utter_follow_up_thanks"
    assert ("utter_follow_up_ask_recommend" in names) is (recommend is None)


def test_the_recommend_question_alone_and_no_score_is_no_answer():
    _, outcome = answer("recommend", "nee", "deny")
    assert outcome.effect_values == {"kind": "recommend", "recommend": False}
    _, outcome = answer("six_weeks", "gaat wel", "inform")
    assert outcome.effect is None
