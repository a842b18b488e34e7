"""Questions of round 18 (and two of round 17 that went unanswered), as the role-played
members typed them (docs/reviews/round18/, round17/); the knowledge base holds them only in
other words."""

from __future__ import annotations

import pytest

from bot.knowledge.retriever import mentioned, shared_retriever


@pytest.mark.parametrize(("text", "expected"), [
    # p74, round 17: her first message got the AOW age, not her question
    ("Goedemorgen, ik ben 63 en werk als onderwijsassistent. Ik zou graag wat minder willen "
     "werken tot mijn AOW. Kan dat?", "minder_werken_tot_aow"),
    # p77: asked three times, never answered
    ("kan ik bijvoorbeeld instructeur worden voor nieuwe chauffeurs of is dat te laat op mijn "
     "leeftijd ik ben 55", "te_oud_voor_andere_functie"),
])
def test_round18_question_gets_its_answer(text, expected):
    match = shared_retriever().find(text)
    assert match is not None and match.entry.id == expected, match


@pytest.mark.parametrize("text", [
    "ja maar je geeft geen antwoord is 55 niet te oud om instructeur te worden of plannen daar "
    "hoor je niks over",
    "nee niet vastgelopen ik wil gewoon weten of ze bij de bus iemand van 55 nog aannemen als "
    "instructeur of dat er een leeftijd voor is",
])
def test_an_age_doubt_about_another_role_is_worth_answering_unasked(text):
    entry = mentioned(shared_retriever().entries, text)
    assert entry is not None and entry.id == "te_oud_voor_andere_functie", entry


def test_an_age_doubt_about_finding_work_keeps_its_own_answer():
    # guard: the older job seeker's answer (rounds 11, 15, 16d)
    assert mentioned(shared_retriever().entries, "wie neemt mij nou nog aan op mijn leeftijd") \
        is None
    assert shared_retriever().find("ben ik met 52 te oud voor een nieuwe baan").entry.id == \
        "werk_zoeken_als_oudere"
