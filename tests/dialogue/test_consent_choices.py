"""The two optional choices before the summary (issues 12 and 15): may the consultant read
the earlier chat, and may we ask once later whether it helped. No answer is no."""

from __future__ import annotations

import pytest
from conversation_support import Chat

BUTTON = '/inform{{"share_history":{},"follow_up":{}}}'


def walk_to_choices(chat: Chat) -> list[str]:
    return chat.walk_to_summary(("Ingrid", "bellen", "06 12345678", "na 5 uur", "Breda"))


def summary_of(chat: Chat) -> str:
    say = chat.last.says[-1]
    assert say.response == "utter_ask_summary_confirmed", chat.last
    return say.values["summary"]


def test_the_choices_come_right_before_the_summary():
    chat = Chat(choices=None)
    assert walk_to_choices(chat)[-1] == "utter_ask_choices"
    assert chat.slots["pending"] == "choices"


@pytest.mark.parametrize(("answer", "intent", "share", "follow"), [
    (BUTTON.format("true", "true"), "inform", True, True),
    (BUTTON.format("true", "false"), "inform", True, False),
    (BUTTON.format("false", "true"), "inform", False, True),
    (BUTTON.format("false", "false"), "inform", False, False),
    ("Allebei ja", "affirm", True, True),  # a button's title (a channel that lost the key)
    ("ja allebei", "affirm", True, True),
    ("alleen de chat", "inform", True, False),
    ("Alleen later vragen", "inform", False, True),
    ("nee", "deny", False, False),
    ("geen van beide", "deny", False, False),
])
def test_each_answer_is_stored_and_shown_in_the_summary(answer, intent, share, follow):
    chat = Chat(choices=None)
    walk_to_choices(chat)
    chat.say(answer, intent)
    assert (chat.slots["share_history"], chat.slots["follow_up"]) == (share, follow)
    summary = summary_of(chat)
    assert f"Eerdere chat delen: {'ja' if share else 'nee'}" in summary
    assert f"Later vragen hoe het ging: {'ja' if follow else 'nee'}" in summary
    chat.say("ja", "affirm")
    assert (chat.tickets[0]["share_history"], chat.tickets[0]["follow_up"]) == (share, follow)


def test_an_unclear_answer_is_asked_once_more_then_counts_as_no():
    chat = Chat(choices=None)
    walk_to_choices(chat)
    # "ja" to two questions is no answer: one short check (round 18, p78), never a yes
    assert chat.say("ja", "affirm") == ["utter_choices_yes_which"]
    assert chat.slots.get("share_history") is None
    chat.say("misschien", "inform")
    assert chat.slots.get("share_history") is None and chat.slots.get("follow_up") is None
    summary = summary_of(chat)
    assert "Eerdere chat delen: nee" in summary and "Later vragen hoe het ging: nee" in summary


def test_a_question_at_the_choices_gets_its_answer_and_the_choices_again():
    chat = Chat(choices=None)
    walk_to_choices(chat)
    names = chat.say("wat kost het?", "ask_cost")
    assert names == ["utter_ask_cost", "utter_ask_choices"]


def test_after_a_crisis_statement_the_choices_are_not_asked_and_stay_no():
    chat = Chat(choices=None)
    chat.slots.update(safety_flag=True)
    chat.walk_to_consent()
    seen = []
    for text in ("ja", "bellen", "06 12345678"):
        seen += chat.say(text, "affirm" if text == "ja" else "inform")
    assert "utter_ask_choices" not in seen
    assert "Eerdere chat delen: nee" in summary_of(chat)


def test_stopping_the_form_forgets_the_choices():
    chat = Chat(choices=None)
    walk_to_choices(chat)
    chat.say("Allebei ja", "affirm")
    chat.say("/stop_form", "stop_form")
    chat.say("ja", "affirm")
    assert chat.slots["share_history"] is None and chat.slots["follow_up"] is None
