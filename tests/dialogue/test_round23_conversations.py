"""Failures left open after round 22e and found in round 23 (docs/reviews/round23/), fixed in
session 23 and written as new cases in other words. Each failed on the engine before its fix
(checked in a git worktree on the commit before each fix), except the lines marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.card_question import own_question
from bot.dialogue.patterns import DISCOURAGED


def test_the_card_quotes_the_asking_sentence_not_the_correction_around_it():
    # p99's card quoted "Ik heb geen werk meer. En over een opleiding heb ik niks gezegd. Het
    # gaat om de WW. Wat moet ik doen voor die uitkering" as his question.
    text = ("Nee ik ben gestopt met werken. Van scholing zei ik niks. Het gaat om de "
            "uitkering. Hoe vaak moet ik solliciteren voor die WW")
    assert own_question(text) == "Hoe vaak moet ik solliciteren voor die WW"
    # guard: one sentence without a question mark still stands on the card
    assert own_question("heeft de bouw een regeling voor vroegpensioen") == \
        "heeft de bouw een regeling voor vroegpensioen"


def test_a_story_of_statements_is_no_question_for_the_card():
    assert own_question("De fabriek is dicht. Ik zit nu thuis. De dagen zijn erg lang") is None


def test_who_wants_someone_of_58_is_discouragement_not_a_question():
    # p99: "4 sollicitaties. Wie wil er nou iemand van 58." stood on his card as a question.
    assert DISCOURAGED.search("Wie wil er nou nog iemand van 61.")
    assert not DISCOURAGED.search("wie wil er nou koffie")  # guard


def test_a_pregnancy_the_question_is_about_stands_on_the_card_and_can_go():
    # p109: "er staat niet in dat ik zwanger ben?? dat is juist het hele punt"
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn tijdelijke contract stopt over 5 weken en ik ben 3 maanden zwanger",
             "flex_contract", confidence=0.9, topics=["flex_contract"])
    chat.say("werk in een winkel", "inform")
    chat.say("ja graag", "affirm")
    assert "utter_pregnancy_note_consent" in chat.last.names(), chat.last.names()
    chat.say("ja", "affirm")
    for text in ("Kim", "mail", "kim@example.nl", "Amsterdam"):
        chat.say(text, "inform")
    assert chat.slots["pending"] == "summary", chat.last
    assert "Je bent zwanger." in chat.slots["summary"]
    chat.say("dat ik zwanger ben hoeft er niet in", "inform")
    assert "zwanger" not in chat.slots.get("summary_shown", ""), chat.slots.get("summary_shown")


def test_someone_else_pregnant_is_not_on_the_card():
    chat = Chat()  # guard
    chat.say("mijn vrouw is zwanger en ik wil minder werken", "work_life_balance",
             confidence=0.9, topics=["work_life_balance"])
    assert not chat.slots.get("pregnant")
