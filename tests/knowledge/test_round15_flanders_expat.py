"""Knowledge round 15 (session 12, 2026-12-05): two role-played members met gaps. A Flemish
nurse of 57 in Brugge asked about a landingsbaan and got the burn-out text, then asked whether
her boss must approve it, whether it is tijdskrediet, and what it costs her pension (she was
sent to VDAB, which does not handle pensions). A British expat in Eindhoven whose temporary
contract ends asked whether the state pays him (he got the transitievergoeding text) and who
pays the transitievergoeding, and said his visa depends on his job (no immigration rules may
be invented here). The members' messages are pinned verbatim; the other phrasings were written
apart from the example questions (a test proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import answer_of, found_id, overlapping, plain_and_sourced_problems
from rasa_sdk import Tracker

from actions.respond import turn_from
from bot.knowledge.in_conversation import find_in_context
from bot.knowledge.retriever import shared_retriever

LANDING = "landingsbaan_be"
PENSION = "pensioen_landingsbaan_be"
WHO_PAYS = "transitievergoeding_wie_betaalt"

# The members' messages, verbatim (round 15).
MEMBERS_BE = [
    ("goeiendag, ik ben 57 en verpleegkundige in Brugge, die nachten worden mij te zwaar. kan "
     "ik nen landingsbaan nemen?", LANDING),
    ("en hoeveel verlies ik dan aan mijn pensioen?", PENSION),
]
MEMBERS_NL = [
    ("ok ik probeer. mijn contract stopt in januari. krijg ik geld van de staat?",
     "ww_voorwaarden"),
    ("is transitievergoeding from my boss or from government?", WHO_PAYS),
    ("wie betaalt, mijn baas of UWV?", WHO_PAYS),
]
# Follow-ups that only make sense after the landingsbaan answer (verbatim).
FOLLOW_UPS = [
    ("moet mijn baas da goedkeuren?", "hoeft je baas het niet goed te keuren"),
    ("is da hetzelfde als tijdskrediet?", "een vorm van tijdskrediet"),
]
# Held-out phrasings of our own.
HELD_OUT_BE = [
    ("ik ben 59 en werk in een woonzorgcentrum, ik zou graag 4/5 werken tot aan mijn pensioen, "
     "kan da met een landingsbaan?", LANDING),
    ("kan mijn werkgever mijn landingsbaan weigeren?", LANDING),
    ("verlies ik pensioen door een landingsbaan te nemen?", PENSION),
    ("hoeveel minder pensioen krijg ik als ik halftijds ga werken met een landingsbaan", PENSION),
]
HELD_OUT_NL = [
    ("wie betaalt de transitievergoeding eigenlijk, de baas of het uwv?", WHO_PAYS),
    ("krijg ik ww en transitievergoeding allebei?", WHO_PAYS),
]
# Near misses: the subject sounds alike, the question is another one.
NEAR_NL = [
    ("wie betaalt mij als ik ziek ben, mijn baas of het uwv?", "loon_bij_ziekte"),
    ("en als ik ziek word wie betaalt dan", "loon_bij_ziekte"),
    ("wat is een transitievergoeding", "transitievergoeding"),
    ("mijn tijdelijk contract stopt in februari, krijg ik dan een uitkering?",
     "contract_niet_verlengd"),
]
NEAR_BE = [
    ("brugpensioen bestaat da nog?", "brugpensioen_swt"),
]
# Immigration is not covered: no entry may answer these (no invented residence rules).
NO_ANSWER = [
    "my visa depends on my job",
    "my residence permit depends on my employer",
    "ik ben kennismigrant, wat gebeurt er met mijn verblijfsvergunning als mijn contract stopt?",
]


def tracker(text: str, given: list[str]) -> Tracker:
    return Tracker("sender-1", {"knowledge_given": given},
                   {"intent": {"name": "nlu_fallback", "confidence": 0.3}, "text": text},
                   [], False, None, None, "action_listen")


def test_the_round15_phrasings_are_not_example_questions():
    texts = [t for t, _ in MEMBERS_BE + MEMBERS_NL + FOLLOW_UPS + HELD_OUT_BE + HELD_OUT_NL]
    assert not overlapping(texts + NO_ANSWER)


@pytest.mark.parametrize(("text", "expected"), MEMBERS_BE + HELD_OUT_BE + NEAR_BE)
def test_round15_flemish_message_gets_the_right_entry(text, expected):
    assert found_id(text, flemish=True) == expected, text


@pytest.mark.parametrize(("text", "expected"), MEMBERS_NL + HELD_OUT_NL + NEAR_NL)
def test_round15_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize("text", NO_ANSWER)
def test_a_visa_question_gets_no_knowledge_answer(text):
    assert found_id(text) is None, text


def test_the_state_question_gets_ww_not_the_transitievergoeding():
    text = "ok ik probeer. mijn contract stopt in januari. krijg ik geld van de staat?"
    assert found_id(text) != "transitievergoeding"


@pytest.mark.parametrize(("text", "line"), FOLLOW_UPS)
def test_a_follow_up_on_the_landingsbaan_gets_the_line_that_fits(text, line):
    match = find_in_context(shared_retriever(), text, [LANDING])
    assert match is not None and match.entry.id == LANDING
    assert line in match.line.lower()


def test_the_boss_follow_up_is_answered_in_the_conversation():
    turn = turn_from(tracker("moet mijn baas da goedkeuren?", [LANDING]))
    assert turn.knowledge is not None and turn.knowledge.entry.id == LANDING


# Before prefer_given, a message the knowledge base answers on its own was not read as a
# follow-up: "is da hetzelfde als tijdskrediet?" got round 13's deeltijds_hervatten_belgie (p52,
# after a burn-out) also right after the landingsbaan answer.
def test_the_tijdskrediet_follow_up_is_answered_in_the_conversation():
    turn = turn_from(tracker("is da hetzelfde als tijdskrediet?", [LANDING]))
    assert turn.knowledge is not None and turn.knowledge.entry.id == LANDING
    assert "vorm van tijdskrediet" in (turn.knowledge.line or "")


def test_the_question_before_a_story_is_read_as_the_follow_up():
    # Round 15b (p64): the story after the question ("…voor haar kleinkinderen") made it a
    # work-home conflict, and the comparison went unanswered.
    turn = turn_from(tracker("ok. en is da nu hetzelfde als tijdskrediet? mijn collega had het "
                             "daar over, die heeft da genomen voor haar kleinkinderen", [LANDING]))
    assert turn.knowledge is not None and turn.knowledge.entry.id == LANDING
    assert "vorm van tijdskrediet" in (turn.knowledge.line or "")


def test_a_question_of_its_own_is_not_pulled_back_to_the_earlier_answer():
    turn = turn_from(tracker("wat is dat eigenlijk, een vaststellingsovereenkomst?", [LANDING]))
    assert turn.knowledge is not None and turn.knowledge.entry.id != LANDING


@pytest.mark.parametrize(("entry_id", "region", "bubbles"), [
    (LANDING, "be", (3, 3)), (PENSION, "be", (2, 2)), (WHO_PAYS, "nl", (2, 2))])
def test_round15_answers_are_short_plain_and_sourced(entry_id, region, bubbles):
    assert not plain_and_sourced_problems(entry_id, bubbles, (4, 5), region=region)


def test_the_landingsbaan_answer_is_belgian_and_honest_about_conditions():
    answer = answer_of(LANDING)
    for words in ("tijdskrediet", "1/5", "halftijds", "privésector", "op papier", "rva",
                  "weet ik niet zeker", "acv", "abvv", "aclvb"):
        assert words in answer, words
    for dutch in ("uwv", "aow", "wet flexibel werken", "vdab"):
        assert dutch not in answer, dutch


def test_the_pension_answer_points_to_mypension_not_vdab():
    answer = answer_of(PENSION)
    for words in ("rva", "wettelijk pensioen", "mypension.be", "federale pensioendienst",
                  "weet ik niet zeker", "vakbond"):
        assert words in answer, words
    for wrong in ("vdab", "uwv", "aow", "svb"):
        assert wrong not in answer, wrong


def test_the_who_pays_answer_names_the_employer_and_uwv():
    answer = answer_of(WHO_PAYS)
    for words in ("betaalt je werkgever", "niet de overheid", "uitkering van uwv",
                  "allebei", "niet lager"):
        assert words in answer, words
