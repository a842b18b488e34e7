"""Failures of round 16d (docs/conversation-review.md, "Round 16d": p68 and p69 against
`make run`), fixed in session 15 and written as new cases. Each failed on the engine before
its fix (checked on cb4abb4), except those marked as guards."""

from __future__ import annotations

import pytest
from conversation_support import Chat


def _at_name_step() -> Chat:
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    assert chat.slots["pending"] == "name", chat.last
    return chat


def test_a_name_typed_before_the_contact_details_is_taken():
    # p68: "esther. bellen graag 06-12345968 maar niet tussen 8 en 4 dan rij ik" at the name
    # question -> the number was noted and "Hoe mag de consulent je noemen?" came again.
    chat = _at_name_step()
    names = chat.say("marleen. bellen graag 06-12345968 maar niet tussen 8 en 4 dan werk ik",
                     "inform")
    assert chat.slots["contact_name"] == "Marleen", chat.slots
    assert chat.slots["contact_phone"] == "+31612345968"
    assert "utter_ask_contact_name" not in names, names


@pytest.mark.parametrize("text", ["natuurlijk, bellen op 0612345678", "tja, mail maar",
                                  "snel. 0612345678", "graag. bellen", "jazeker, bellen"])
def test_a_word_of_chat_before_the_details_is_no_name(text):
    # A guard for the fix above: the first word is a name only when it is no Dutch word.
    from bot.dialogue.pickup import name_first

    assert name_first(text) is None


def test_the_way_and_the_name_said_with_the_request_are_not_asked_again():
    # p69: "goed. dan wil ik wel dat die consulent belt", then "ja. 06-12345969, Wim" at the
    # consent question -> "Hoe wil je dat de consulent contact met je opneemt?" and no name.
    chat = Chat()
    chat.say("ik ben vorige maand ontslagen na 31 jaar", "unemployed", topics=["unemployed"])
    chat.say("goed. dan wil ik wel dat die consulent belt", "request_human")
    assert chat.slots["pending"] == "consent", chat.last
    names = chat.say("ja. 06-12345969, Gert", "inform")
    assert chat.slots["contact_channel"] == "phone", chat.slots
    assert chat.slots["contact_name"] == "Gert", chat.slots
    assert "utter_ask_contact_channel" not in names and "utter_ask_contact_name" not in names
    assert "utter_noted" in names, names  # shown back


def test_a_yes_to_when_we_may_call_is_no_moment_on_the_card():
    # p69 answered "ja is goed" to "Wanneer komt het je het best uit?": the card would have
    # said "ja is goed" as the moment to call.
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Gert", "inform")
    chat.say("bellen", "inform")
    chat.say("0612345678", "inform")
    assert chat.slots["pending"] == "time", chat.last
    chat.say("ja is goed", "affirm")
    assert chat.slots["contact_time"] == "geen voorkeur", chat.slots
