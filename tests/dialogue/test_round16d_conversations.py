"""Failures of round 16d (docs/conversation-review.md, "Round 16d": p68 and p69 against
`make run`), fixed in session 15 and written as new cases. Each failed on the engine before
its fix (checked on cb4abb4), except those marked as guards."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conversation_support import Chat

RESPONSES = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(
    encoding="utf-8"))["responses"]


def _said(names: list[str]) -> list[str]:
    """Every variant of each response said, so that a check holds whichever variant came."""
    return [v.get("text", "") for n in names for v in RESPONSES.get(n, [])]


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
    chat.walk_to_phone("Gert")
    chat.say("0612345678", "inform")
    assert chat.slots["pending"] == "time", chat.last
    chat.say("ja is goed", "affirm")
    assert chat.slots["contact_time"] == "geen voorkeur", chat.slots


def test_tears_in_the_first_message_are_named_back_not_met_with_a_menu():
    # p68's opening: 14 clients, crying in the car between them -> the introduction and "werk
    # anders inrichten, of overstappen?" (the classifier was unsure of any topic).
    chat = Chat()
    names = chat.say("vandaag 12 adressen gedaan en tussendoor zit ik te janken in de auto, "
                     "morgen weer zo'n lijst", "nlu_fallback", confidence=0.3)
    assert "utter_crying_heard" in names, names
    assert not any(n.startswith("utter_topic_choice") for n in names), names
    assert chat.slots["topics"] == ["workload_health"]


def test_tears_in_a_thank_you_are_no_workload():
    # A guard for the fix above.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("dank je, ik moest er bijna van huilen zo lief", "thank")
    assert "utter_crying_heard" not in names, names


def test_everyone_is_busy_is_answered_and_the_doctor_is_named_once():
    # p68: "... mijn teamleider zegt iedereen heeft het druk" -> two lines in a row about the
    # huisarts and the bedrijfsarts, "Ik kan geen diagnose stellen", and no word on the
    # teamleader's answer.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("veel te veel werk en te weinig tijd, en mijn leidinggevende zegt dat "
                     "wij het allemaal druk hebben. nee: we hebben het allemaal druk zegt ze",
                     "workload_health", topics=["workload_health"])
    assert "utter_everyone_busy" in names, names
    assert "utter_health_referral" not in names, names
    assert not any("bedrijfsarts" in t or "huisarts" in t for t in _said(names)), names


def test_a_named_complaint_still_gets_the_doctor_once():
    # A guard: who names a complaint hears where to go with it.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("de werkdruk is te hoog, ik heb steeds hoofdpijn", "workload_health",
                     topics=["workload_health"])
    assert "utter_health_referral" in names, names
    # Only the referral names the doctors; the topic line no longer does as well.
    assert [n for n in names if any("bedrijfsarts" in t for t in _said([n]))] == [
        "utter_health_referral"], names


def test_a_story_with_an_inverted_verb_is_no_question():
    # p68: "... als iemand ziek is krijg ik die er ook nog bij ..." was read as a question and
    # got "Daar heb ik geen goed antwoord op, sorry."
    from bot.dialogue.turn import looks_like_question

    assert not looks_like_question("teveel adressen op een dag en als een collega uitvalt "
                                   "krijg ik haar route er ook nog bij")
    assert looks_like_question("als ik ontslagen word krijg ik dan ww")  # guard


def test_no_to_the_offer_then_an_older_mans_doubt_gets_an_answer_and_no_offer():
    # p69: "nu niet. wat moet een man van 58 nog. ik was voorman ..." -> the offer again; then
    # "wie neemt er nou iemand van 58 aan" -> "Is er nog iets anders ...?"
    chat = Chat()
    chat.say("ik ben ontslagen, 31 jaar gewerkt en nu ben ik niks meer", "unemployed",
             topics=["unemployed"])
    chat.say("ik wil weten hoe het met mijn uitkering zit", "unemployed", topics=["unemployed"])
    chat.slots["pending"] = "offer"  # as after the answer, offered
    names = chat.say("nu niet. wat moet een vrouw van 57 nog, ik heb altijd in de fabriek "
                     "gestaan", "nlu_fallback", confidence=0.3)
    assert chat.slots.get("offer_declined") is True
    assert "utter_offer_consultant" not in names, names
    assert any("niet te oud" in t for t in chat.texts()), chat.texts()


def test_worn_out_and_then_no_it_is_the_work_gets_the_answer_not_the_question_again():
    # p68: "ik kan niet meer" -> the direct question; "nee niet zo, ik bedoel het werk" ->
    # "Vertel gerust verder. Wat maakt het op dit moment zo zwaar?", after she had told it.
    chat = Chat()
    chat.say("ik werk in de zorg en het is veel te veel", "workload_health",
             topics=["workload_health"])
    assert "utter_crisis_check" in chat.say("ik kan niet meer", "nlu_fallback",
                                            confidence=0.3, crisis_level="possible")
    names = chat.say("nee niet zo, ik bedoel het werk", "not_what_i_meant")
    assert "utter_crisis_check_no" in names, names
    assert "utter_worn_out_steps" in names, names
    assert "utter_tell_more_after_check" not in names, names
