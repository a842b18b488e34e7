"""Questions of round 18c (docs/reviews/round18c/p81-herintreder.md), as the role-played
returner typed them: twelve years at home, not a union member. Each failed before the fix:
the non-member question and the UWV question got no answer, the cv question and the fear of
the twelve-year gap a tip or a menu of the wrong topics."""

from __future__ import annotations

import pytest
from knowledge_support import overlapping
from rasa_sdk import Tracker

from actions.respond import turn_from
from bot.knowledge.in_conversation import find_in_context
from bot.knowledge.retriever import shared_retriever, without_filler

RETURNER = "herintreden_na_jaren_thuis"


def tracker(text: str, given: list[str]) -> Tracker:
    return Tracker("sender-1", {"knowledge_given": given},
                   {"intent": {"name": "nlu_fallback", "confidence": 0.27}, "text": text},
                   [], False, None, None, "action_listen")


QUESTIONS = [
    # thanks and apologies around the question kept it just below the bar
    ("Dank u wel, dat is eigenlijk al heel fijn om te lezen. Maar sorry, ben ik hier eigenlijk "
     "wel aan het goede adres, ik ben geen lid van een vakbond. Ik weet niet of dat dan wel kan?",
     "moet_ik_lid_zijn"),
    ("Ik heb eigenlijk geen huidig werk, dat is het hem juist. Ik zou graag zo'n 20 uur willen "
     "werken, misschien weer op een kantoor. Maar ik weet niet eens meer hoe je een cv maakt, "
     "eerlijk gezegd.", "cv_schrijven"),
    ("Dat is misschien een idee. Maar is 45 niet te oud om opnieuw te beginnen? Ik ben bang dat "
     "ze bij een sollicitatie meteen dat gat van twaalf jaar zien.", "gat_in_cv"),
]
UWV_QUESTIONS = [
    "Oh, oké. Mag ik nog iets vragen? U schreef over WW, maar heb ik dan recht op iets van het "
    "UWV? Ik heb wel tien jaar als secretaresse bij een advocatenkantoor gewerkt, alleen dat is "
    "dus wel twaalf jaar geleden.",
    "Sorry, ik bedoel eigenlijk: heb ik dan recht op iets van het UWV?",
    "Nee, eigenlijk over een uitkering, of iets anders van het UWV, omdat ik al twaalf jaar niet "
    "gewerkt heb.",
]


@pytest.mark.parametrize(("text", "expected"), QUESTIONS)
def test_round18c_question_gets_its_answer(text, expected):
    match = shared_retriever().find(text)
    assert match is not None and match.entry.id == expected, match


@pytest.mark.parametrize("text", UWV_QUESTIONS)
def test_a_uwv_question_after_the_returners_answer_gets_her_ww_line(text):
    # Given right after her answer and the non-member answer: her WW line, not the cv line
    # the closest-meaning rule picked, and not the membership answer.
    turn = turn_from(tracker(text, [RETURNER, "moet_ik_lid_zijn"]))
    assert turn.knowledge is not None and turn.knowledge.entry.id == RETURNER, turn.knowledge
    assert "WW krijg je niet" in (turn.knowledge.line or ""), turn.knowledge.line


def test_the_same_uwv_question_without_her_answer_is_no_returners_question():
    # guard: the follow-up words link back only to an answer given in this conversation
    assert find_in_context(shared_retriever(), "heb ik dan recht op iets van het UWV?", []) \
        is None
    match = shared_retriever().find("heb ik recht op iets van het uwv?")
    assert match is None or match.entry.id != RETURNER, match


def test_the_plain_cv_question_keeps_the_cv_answer():
    # guard: the gap answer is for a gap
    assert shared_retriever().find("wat zet ik op mijn cv").entry.id == "cv_schrijven"


def test_politeness_is_left_out_but_never_the_question():
    assert without_filler("Dank u wel, dat is al heel fijn om te lezen. Maar sorry, ben ik hier "
                          "wel goed?") == "Maar ben ik hier wel goed?"
    assert without_filler("Mag ik nog iets vragen? Krijg ik WW?") == "Krijg ik WW?"
    assert without_filler("sorry bedankt") == "sorry bedankt"  # nothing left: kept as it is


def test_the_new_example_questions_are_not_the_members_words():
    assert not overlapping([text for text, _ in QUESTIONS] + UWV_QUESTIONS)
