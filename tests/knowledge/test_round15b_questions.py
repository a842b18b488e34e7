"""Knowledge round 15b (session 12, 2026-12-05): two role-played members met gaps. A Flemish
nurse of 57 in a hospital in Brugge asked whether she may stop night shifts at her age and got
the fallback. A man of 52 whose WW ends in 4 months asked whether the bijstand takes all his
savings with his wife working part-time (he got na_de_ww word for word again), whether he can
still retrain in the WW, and what to choose after 25 years in a warehouse with a bad back ("Ook
dat weet ik niet zeker"). The members' messages are pinned verbatim; the other phrasings were
written apart from the example questions (a test proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import (
    answer_of,
    found_id,
    near_miss_problem,
    overlapping,
    plain_and_sourced_problems,
)

NIGHTS_BE = "minder_nachten_andere_afdeling_be"
SAVINGS = "bijstand_spaargeld_partner"
RETRAIN = "omscholen_met_ww"
LIGHTER = "ander_werk_minder_zwaar"
NEW_IDS = [NIGHTS_BE, SAVINGS, RETRAIN, LIGHTER]

# The members' messages, verbatim (round 15b).
MEMBERS_BE = [
    ("kan ik ni gewoon vragen om geen nachten meer te moeten doen, op mijn leeftijd?", NIGHTS_BE),
    ("ik wil geen nachtdiensten meer doen. mag ik da weigeren als ik 57 ben?", NIGHTS_BE),
]
MEMBERS_NL = [
    ("moet ik bij bijstand echt al mijn spaargeld opmaken? en mijn vrouw werkt parttime",
     SAVINGS),
    ("kan ik nog omscholen op mijn leeftijd? ik zit in de ww", RETRAIN),
    ("wat moet ik dan kiezen. 25 jaar magazijn, laatste 8 als bedrijfsleider. rug is ook niet "
     "meer wat het was", LIGHTER),
]
# Held-out phrasings of our own.
HELD_OUT_BE = [
    ("ik werk al 22 jaar nachten als verpleegster en ben 56, moet ik da blijven doen?",
     NIGHTS_BE),
]
HELD_OUT_NL = [
    ("mijn vrouw verdient een beetje, krijg ik dan nog bijstand?", SAVINGS),
    ("mag ik een cursus volgen als ik ww krijg of stopt dan mijn uitkering?", RETRAIN),
]
# Near misses: the subject sounds alike, the question is another one.
NEAR_BE = [
    # The same nurse's first question (round 15) stays with the landingsbaan.
    ("goeiendag, ik ben 57 en verpleegkundige in Brugge, die nachten worden mij te zwaar. kan "
     "ik nen landingsbaan nemen?", "landingsbaan_be"),
]
NEAR_NL = [
    ("ik wil geen nachtdiensten meer, kan ik dat weigeren", "minder_nachten_andere_afdeling"),
    ("ik ben 62 en kan de nachtdiensten niet meer aan", "zwaar_werk_tot_pensioen"),
    ("was magazijnchef. 20 jaar. ze nemen liever een jochie van 25. ben ik te oud?",
     "werk_zoeken_als_oudere"),
    ("bijstand dan? moet ik dan naar de gemeente?", "na_de_ww"),
    ("wat komt er na de ww als ik nog geen werk heb", "na_de_ww"),
    ("heeft omscholen op mijn leeftijd nog zin", "omscholen_waar_beginnen"),
    ("mijn rug doet pijn van het werk, moet ik naar de bedrijfsarts", None),
]


def test_the_round15b_phrasings_are_not_example_questions():
    texts = [t for t, _ in MEMBERS_BE + MEMBERS_NL + HELD_OUT_BE + HELD_OUT_NL]
    texts.append("raak ik al mijn spaarcenten kwijt als ik bijstand aanvraag?")
    assert not overlapping(texts)


@pytest.mark.parametrize(("text", "expected"), MEMBERS_BE + HELD_OUT_BE + NEAR_BE)
def test_round15b_flemish_message_gets_the_right_entry(text, expected):
    assert found_id(text, flemish=True) == expected, text


@pytest.mark.parametrize(("text", "expected"), MEMBERS_NL + HELD_OUT_NL)
def test_round15b_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "expected"), NEAR_NL)
def test_a_near_miss_does_not_get_a_round15b_entry(text, expected):
    assert near_miss_problem(text, expected, NEW_IDS) is None


def test_savings_without_a_partner_get_an_answer_about_savings():
    # Scores 0.41 for both; na_de_ww also says the municipality looks at savings and a house.
    text = "raak ik al mijn spaarcenten kwijt als ik bijstand aanvraag?"
    assert found_id(text) in (SAVINGS, "na_de_ww")


def test_a_dutch_nurse_keeps_the_dutch_night_answer():
    assert found_id("ik ben 57, mag ik nachtdiensten weigeren") == \
        "minder_nachten_andere_afdeling"
    assert found_id("ik ben 57, mag ik nachtdiensten weigeren", flemish=True) == NIGHTS_BE


@pytest.mark.parametrize(("entry_id", "region", "bubbles", "sentences"), [
    (NIGHTS_BE, "be", (3, 3), (6, 8)), (SAVINGS, "nl", (2, 2), (4, 6)),
    (RETRAIN, "nl", (2, 2), (4, 7)), (LIGHTER, "any", (2, 2), (3, 5))])
def test_round15b_answers_are_short_plain_and_sourced(entry_id, region, bubbles, sentences):
    assert not plain_and_sourced_problems(entry_id, bubbles, sentences, region=region)


def test_the_night_answer_is_belgian_and_honest():
    answer = answer_of(NIGHTS_BE)
    for words in ("55", "20 jaar", "op papier", "6 maanden", "arbeidsarts", "45",
                  "hangt af van je sector en je cao", "acv", "abvv", "aclvb"):
        assert words in answer, words
    for dutch in ("bedrijfsarts", "arbeidstijdenwet", "uwv", "ondernemingsraad", "bbl"):
        assert dutch not in answer, dutch


def test_the_savings_answer_says_not_all_and_names_no_amount():
    answer = answer_of(SAVINGS)
    for words in ("niet alles", "vermogensgrens", "boven", "partner", "geen bijstand",
                  "gemeente"):
        assert words in answer, words
    assert not any(ch.isdigit() for ch in answer)


def test_the_retraining_answer_sends_to_uwv_first_and_promises_nothing():
    answer = answer_of(RETRAIN)
    for words in ("uwv", "vóór je begint", "solliciteren", "passend werk", "beslist uwv",
                  "loopbaanconsulent"):
        assert words in answer, words
    assert "houd je je ww" not in answer and "behoud van" not in answer


def test_the_lighter_work_answer_says_ideas_are_advice():
    answer = answer_of(LIGHTER)
    for words in ("ideeën, geen zekerheden", "planner", "loopbaanconsulent", "jij kiest zelf"):
        assert words in answer, words
