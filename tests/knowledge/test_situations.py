"""Questions read with what the person said of themselves earlier in the conversation
(bot.knowledge.in_conversation.SITUATIONS; the slots: actions.respond.situations_of)."""

from __future__ import annotations

from knowledge_support import answered_id
from rasa_sdk import Tracker

from actions.respond import situations_of
from bot.knowledge.in_conversation import answer_in_conversation
from bot.knowledge.retriever import shared_retriever

AGENCY = frozenset({"agency"})
# Round 26b, p132 (four years in a warehouse via an agency) got the transition payment.
FOUR_YEARS = "ik werk 4 jaar, dus ik krijg nu vast contract of niet?"
SIMPLER_AND_ASKS = ("sorry, mijn nederlands is niet goed. kan je simpel zeggen? ik werk 4 "
                    "jaar, dus ik krijg nu vast contract of niet?")


def test_an_agency_worker_asking_for_a_permanent_contract_gets_the_phases():
    assert answered_id(FOUR_YEARS, situations=AGENCY) == "uitzend_fase_duur"
    assert answered_id(SIMPLER_AND_ASKS, given=("uitzend_fases",),
                       situations=AGENCY) == "uitzend_fase_duur"


def test_the_second_question_of_the_message_is_read_in_the_same_situation():
    knowledge, also = answer_in_conversation(
        shared_retriever(), SIMPLER_AND_ASKS, asks=True, given=["uitzend_fases"],
        situations=AGENCY)
    assert knowledge is not None and knowledge.entry.id == "uitzend_fase_duur"
    assert also is None or also.entry.id != "transitievergoeding"


def test_not_called_any_more_is_no_answer_to_a_question_about_a_permanent_contract():
    assert answered_id("ik werk via een uitzendbureau, krijg ik na 2 jaar vast contract?") \
        != "niet_meer_opgeroepen"
    # Guard: the question it is for.
    assert answered_id("het uitzendbureau belt me niet meer, mag dat zomaar?") \
        == "niet_meer_opgeroepen"


def test_without_agency_work_a_permanent_contract_is_no_question_about_phases():
    # Guard: the chain rule, not the agency phases, for someone on fixed-term contracts.
    assert answered_id("ik heb al 3 jaar tijdelijke contracten bij de gemeente, krijg ik nu "
                       "een vast contract?") != "uitzend_fase_duur"


def _tracker(**slots: object) -> Tracker:
    return Tracker("s", dict(slots), {"text": "x"}, [], False, None, None, "action_listen")


def test_the_slots_name_the_situations():
    assert situations_of(_tracker(contract_type="uitzend")) == {"agency"}
    assert situations_of(_tracker(contract_type="vast", sick_leave=True)) == {"sick"}
    assert situations_of(_tracker()) == frozenset()


def test_a_cleaner_s_sector_is_a_situation():
    assert situations_of(_tracker(sector="schoonmaak")) == {"cleaning"}
