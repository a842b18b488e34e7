"""Failures of round 20c (docs/reviews/round20c/) and of round 21 (docs/reviews/round21/),
fixed in session 20 and written as new cases in other words. Each failed on the engine
before its fix (checked on febf9e7), except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.patterns import CONTRACT_WISHED
from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match


def test_a_permanent_contract_asked_for_is_not_the_contract_she_has():
    # p92: "kan ik nie gewoon een vast contract vragen aan de winkel?" put "Je werkt ... met
    # een vast contract" on a day-contract worker's card.
    assert CONTRACT_WISHED.search("mag ik om een vast contract vragen bij de winkel?")
    assert not CONTRACT_WISHED.search("ik zit al 12 jaar op een vast contract")  # guard
    chat = Chat()
    chat.say("ik werk via interim met dagcontracten in een bakkerij", "flex_contract",
             confidence=0.9, topics=["flex_contract"], flemish=True,
             entities=[{"entity": "contract_type", "value": "uitzend", "start": 14, "end": 21}])
    assert chat.slots.get("contract_type") == "uitzend", chat.slots
    text = "kan ik ni gewoon een vast contract vragen aan de bakker?"
    chat.say(text, "flex_contract", confidence=0.9, topics=["flex_contract"], flemish=True,
             entities=[{"entity": "contract_type", "value": "vast",
                        "start": text.index("vast"), "end": text.index("vast") + 4}])
    assert chat.slots.get("contract_type") == "uitzend", chat.slots


def test_a_permanent_contract_said_of_herself_still_counts():
    # Guard: "ik heb een vast contract" is what she has.
    chat = Chat()
    chat.say("ik heb al 9 jaar een vast contract bij de thuiszorg", "stuck", confidence=0.8,
             topics=["stuck"])
    assert chat.slots.get("contract_type") == "vast", chat.slots


def test_a_question_at_the_consent_step_is_answered_and_the_consent_asked_again():
    # Guard: the engine answered it once an entry matched; the fix was the entry
    # (tests/knowledge/test_round21_questions.py).
    #
    # p91: "mogen ze mij weigeren omdat ik 55 ben?" at "Mag ik dit delen met een consulent?"
    # got the job-at-risk text and the consent question again, no answer.
    entry = entry_by_id("klacht_leeftijdsdiscriminatie")
    chat = Chat()
    chat.say("ik wil met iemand praten", "request_human", confidence=0.9)
    assert chat.slots.get("pending") == "consent", chat.slots
    chat.say("wacht. mag een bewakingsbedrijf mij afwijzen omdat ik 56 ben?",
             "job_insecurity", confidence=0.55, topics=["job_insecurity"],
             knowledge=Match(entry, 0.5))
    assert chat.texts()[:2] == list(entry.answer), chat.texts()
    assert chat.last.names()[-1] == "utter_ask_consent_given", chat.last.names()
    assert "utter_topic_job_insecurity" not in chat.last.names(), chat.last.names()
