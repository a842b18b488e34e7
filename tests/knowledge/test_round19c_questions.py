"""Questions of round 19c (docs/reviews/round19c/), in other words than the transcripts.
Each got no answer or the wrong one before session 19 (checked on 426a686)."""

from __future__ import annotations

import pytest

from bot.knowledge.in_conversation import find_named_in_topic
from bot.knowledge.retriever import shared_retriever


@pytest.mark.parametrize("text", [
    # p84: "wat kan ik doen behalve ontslag nemen?" got the resigning warning again
    "oke rustig. welke andere wegen zijn er behalve ontslag nemen?",
    # p84: "HR doet toch niks" got "Het lukt me niet goed om je te begrijpen"
    "moet ik dan gewoon blijven en het slikken? personeelszaken doet toch niks",
])
def test_asking_for_other_ways_than_resigning_gets_them(text):
    match = shared_retriever().find(text)
    assert match is not None and match.entry.id == "alternatieven_voor_ontslag", match


def test_resigning_itself_still_gets_the_warning():
    # guard: the other ways do not take the resigning question
    match = shared_retriever().find("als ik overmorgen zelf opzeg, krijg ik dan nog ww?")
    assert match is not None and match.entry.id == "zelf_ontslag_ww", match


def test_what_school_costs_on_the_way_to_a_trade_gets_the_bbl_answer():
    # p83: "ik wil elektricien. ... school kost geld? ik heb niet veel geld" got a coffee tip.
    match = shared_retriever().find("ik wil stukadoor worden, maar school kost geld? ik heb "
                                    "weinig")
    assert match is not None and match.entry.id == "leren_en_werken_bbl", match


def test_experience_abroad_in_a_talk_about_training_gets_the_evc_answer():
    # p83: "ik werk met mijn oom in eritrea, 3 jaar elektra. telt dat in nederland?" got
    # "Daar heb ik geen goed antwoord op".
    text = "in syrie ik was 5 jaar lasser met mijn vader. telt dat in nederland?"
    match = shared_retriever().find(text) or find_named_in_topic(
        shared_retriever(), text, ["career_change", "training"])
    assert match is not None and match.entry.id == "ervaring_zonder_diploma", match


@pytest.mark.parametrize("text", [
    # p82 (round 19b): "als ik bij de bedrijfsarts eerlijk zeg dat ik eigenlijk niet meer terug
    # wil naar het lesgeven, raak ik dan mijn loon of mijn rechten kwijt?" got what a
    # bedrijfsarts does
    "ik zit ziek thuis. als ik de bedrijfsarts vertel dat ik liever iets anders ga doen, "
    "verlies ik dan mijn salaris?",
    "kost het me mijn loon als ik bij de re-integratie zeg dat ik niet terug wil?",
])
def test_losing_pay_for_honesty_while_sick_gets_its_own_answer(text):
    # In a talk about sick leave, as the action reads it (find, then the topic's named entries)
    match = shared_retriever().find(text) or find_named_in_topic(
        shared_retriever(), text, ["workload_health"])
    assert match is not None and match.entry.id == "eerlijk_bij_bedrijfsarts", match


def test_what_a_bedrijfsarts_does_keeps_its_answer():
    # guard
    match = shared_retriever().find("wat doet zo'n bedrijfsarts eigenlijk precies?")
    assert match is not None and match.entry.id == "bedrijfsarts_wat_doet", match
