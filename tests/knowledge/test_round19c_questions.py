"""Questions of round 19c (docs/reviews/round19c/), in other words than the transcripts.
Each got no answer or the wrong one before session 19 (checked on 426a686)."""

from __future__ import annotations

import pytest

from bot.knowledge.retriever import find_named_in_topic, shared_retriever


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
