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


@pytest.mark.parametrize(("text", "expected"), [
    # p79: "Dit zei ik eerder al" and the cao line about a social plan
    ("Stel dat er straks een sociaal plan komt. Verlies ik dan iets als ik nu al zelf opzeg, "
     "voordat er iets besloten is?", "eerder_weg_bij_reorganisatie"),
    # p79: the works council part of her question was never answered
    ("En de ondernemingsraad, heeft het zin om daar nu al naartoe te gaan?",
     "or_bij_reorganisatie"),
])
def test_round18_reorganisation_questions_get_their_answer(text, expected):
    match = shared_retriever().find(text)
    assert match is not None and match.entry.id == expected, match


def test_applying_now_at_a_reorganisation_is_no_ww_question():
    # p79: "moet ik nu al solliciteren of is dat dom?" got the WW application rules.
    match = shared_retriever().find("moet ik nu al solliciteren of is dat dom?")
    assert match is None or match.entry.id != "ww_aanvragen", match
    assert shared_retriever().find("hoe vraag ik de ww aan").entry.id == "ww_aanvragen"  # guard


@pytest.mark.parametrize("text", [
    "moet ik nu al solliciteren of is dat dom?",
    "Ik zoek nog niet echt, dat is juist mijn vraag. Ik twijfel of ik nu al moet gaan kijken, "
    "voordat iedereen tegelijk op straat staat, of dat ik beter kan afwachten tot er besloten "
    "is. Wat is verstandig?",
])
def test_a_question_naming_an_entry_of_the_conversations_topic_is_answered(text):
    # p79, in a talk about a reorganisation: a cover-letter tip, then "geen goed antwoord".
    from bot.knowledge.in_conversation import find_named_in_topic

    match = find_named_in_topic(shared_retriever(), text, ["job_insecurity"])
    assert match is not None and match.entry.id == "eerder_weg_bij_reorganisatie", match
    assert find_named_in_topic(shared_retriever(), text, ["flex_contract"]) is None  # guard


def test_the_first_steps_at_a_reorganisation_are_more_than_one():
    # p79 asked "Wat kan ik nu al doen?" and got only "Verzamel deze week alle brieven".
    import yaml

    from bot.settings import ROOT

    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    text = domain["responses"]["utter_selfhelp_job_insecurity"][0]["text"]
    assert "cv" in text and "ondernemingsraad" in text and "Zeg niet zelf op" in text, text


def test_the_action_reads_a_question_in_the_light_of_the_conversations_topic():
    from rasa_sdk import Tracker

    from actions.respond import turn_from

    def tracker(topics: list[str]) -> Tracker:
        return Tracker("sender-1", {"topics": topics},
                       {"intent": {"name": "job_search", "confidence": 0.71},
                        "text": "moet ik nu al solliciteren of is dat dom?"},
                       [], False, None, None, "action_listen")

    turn = turn_from(tracker(["job_insecurity"]))
    assert turn.knowledge is not None
    assert turn.knowledge.entry.id == "eerder_weg_bij_reorganisatie", turn.knowledge
    assert turn_from(tracker([])).knowledge is None


@pytest.mark.parametrize(("text", "expected"), [
    # p78 (English and Dutch words): the housing answer came only when he asked again
    ("na kerst, januari. not sure. my room is also from uitzendbureau. if no work, i must go "
     "out the room?", "huisvesting_uitzendbureau"),
    # p78's question in Dutch: the phases again instead of how long phase A lasts
    ("ik werk al 2 jaar en zit nog steeds in fase A, is dat normaal?", "uitzend_fase_duur"),
])
def test_round18_agency_questions_get_their_answer(text, expected):
    match = shared_retriever().find(text)
    assert match is not None and match.entry.id == expected, match
