"""End to end through the REST channel of a running Rasa + action server."""

from __future__ import annotations

import uuid

import pytest
from stack import buttons, said_one_of, texts

pytestmark = pytest.mark.slow


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"



def test_greeting_discloses_the_bot_and_asks_the_opening_question(stack, responses):
    replies = stack.say(new_sender(), "hoi")
    reply = texts(replies)
    assert said_one_of(reply, responses["utter_greet"])
    assert said_one_of(reply, responses["utter_ask_enjoy_work"])
    assert [b["title"] for b in buttons(replies)] == ["Ja", "Gaat wel", "Nee"]


def test_flex_contract_in_whatsapp_spelling(stack, responses):
    reply = texts(stack.say(new_sender(), "mn contract word nie verlengd wat nu"))
    assert said_one_of(reply, responses["utter_topic_flex_contract"])
    assert said_one_of(reply, responses["utter_deepen_flex_contract"])


def test_no_zest_for_anything_gets_a_kind_stuck_or_safety_answer(stack, responses):
    reply = texts(stack.say(new_sender(), "heb er echt geen zin meer in, in niks eigenlijk"))
    assert said_one_of(reply, responses["utter_topic_stuck"]) or said_one_of(
        reply, responses["utter_crisis"]), reply


def test_topic_answer_then_offer_then_no_is_respected(stack, responses):
    sender = new_sender()
    stack.say(sender, "ik wil graag een opleiding gaan doen")
    replies = stack.say(sender, "ik werk in de thuiszorg")
    assert said_one_of(texts(replies), responses["utter_selfhelp_training"])
    assert said_one_of(texts(replies), responses["utter_offer_consultant"])
    reply = texts(stack.say(sender, "nee dank je"))
    assert said_one_of(reply, responses["utter_offer_declined"])


def test_cost_question_mid_topic_is_answered_and_the_topic_goes_on(stack, responses):
    sender = new_sender()
    stack.say(sender, "ik ga over 3 jaar met pensioen")
    reply = texts(stack.say(sender, "wat kost dat eigenlijk"))
    assert "gratis" in reply
    # The deepening question still stands (not repeated): the next answer is its answer.
    reply = texts(stack.say(sender, "ik werk in de zorg"))
    assert said_one_of(reply, responses["utter_selfhelp_retirement"]), reply


def test_crisis_gives_safety_numbers_and_a_human(stack):
    reply = texts(stack.say(new_sender(), "ik wil er gewoon niet meer zijn"))
    assert "113" in reply and "0800-0113" in reply and "1813" in reply and "112" in reply


def test_two_misses_offer_a_human(stack, responses):
    sender = new_sender()
    first = texts(stack.say(sender, "wat is de hoofdstad van australie"))
    assert not said_one_of(first, responses["utter_fallback_offer_human"])
    second = stack.say(sender, "hoeveel goals maakte ajax gisteren")
    assert said_one_of(texts(second), responses["utter_fallback_offer_human"])


@pytest.mark.parametrize(
    "message",
    ["", "   ", "🙂🙂🙂🙂🙂", "x" * 5000, "<script>alert(1)</script>",
     "'; DROP TABLE events; --", "\u0000\u0001 binair"],
)
def test_bad_input_gets_a_friendly_dutch_reply(stack, message):
    replies = stack.say(new_sender(), message)
    assert replies, "every message gets an answer"
    assert all("<script>" not in r.get("text", "") for r in replies)


def test_english_gets_an_answer_in_english_and_dutch(stack, responses):
    reply = texts(stack.say(new_sender(), "hello, can you help me with my job please"))
    assert said_one_of(reply, responses["utter_english"])


def test_flemish_funding_question_gets_flemish_facts(stack, responses):
    question = "kan ik via de vdab loopbaancheques krijgen voor een opleiding?"
    reply = texts(stack.say(new_sender(), question))
    assert "VDAB" in reply and "loopbaancentrum" in reply, reply
    assert "STAP" not in reply


def test_stress_gets_a_health_referral_without_diagnosis(stack, responses):
    message = "de werkdruk is veel te hoog, ik slaap slecht van de stress"
    reply = texts(stack.say(new_sender(), message))
    assert said_one_of(reply, responses["utter_health_referral"]), reply


def test_typed_no_to_the_opening_question_is_heard_as_stuck(stack, responses):
    sender = new_sender()
    stack.say(sender, "hallo")
    reply = texts(stack.say(sender, "nee"))
    assert said_one_of(reply, responses["utter_topic_stuck"]), reply
