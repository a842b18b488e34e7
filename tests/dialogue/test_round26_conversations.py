"""Failures of rounds 25b and 26 (docs/reviews/round25b/, round26/), written as new cases. The
classifier's readings are those of the model the members talked to. Each failed on the engine
before its fix (checked by stashing the fix), except the lines marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.corrections import says_out_of_work
from bot.dialogue.patterns import HAS_JOB


def _card(chat: Chat) -> str:
    return str(chat.last.says[-1].values["summary"])


def test_not_in_the_ww_is_not_out_of_work():
    # p127 (security guard, 26): "huh ben 26 en zit niet in de ww lol" put "Je hebt nu geen
    # werk" on his card.
    assert not says_out_of_work("huh ben 26 en zit niet in de ww lol")
    assert says_out_of_work("ik zit sinds mei in de ww")  # guard


def test_i_do_have_work_with_a_word_after_it_is_a_job():
    # p127: "nee klopt niet, ik heb wel werk bro. ben beveiliger …" at the card.
    assert HAS_JOB.search("nee klopt niet, ik heb wel werk bro. ben beveiliger")


def test_the_card_s_no_work_line_can_be_taken_out_by_quoting_it():
    # p127: "haal dat 'je hebt nu geen werk' ff weg, dat klopt niet" -> the same card again.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik zit in de ww en wil iets anders gaan doen", "unemployed", confidence=0.8,
             topics=["unemployed"])
    chat.walk_to_summary(("Yassin", "mail", "yassin@example.nl", "Rotterdam"))
    assert "geen werk" in _card(chat)
    chat.say("haal dat 'je hebt nu geen werk' ff weg, dat klopt niet", "deny", confidence=0.5)
    assert chat.slots.get("pending") == "summary", chat.last
    assert "geen werk" not in _card(chat), _card(chat)
