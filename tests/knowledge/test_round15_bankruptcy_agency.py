"""Knowledge round 15 (2026-12-05): a baker's assistant whose employer went bankrupt last week
and a Polish agency worker (10 months, phase A) whose work ends in two weeks got "dat weet ik niet
zeker", nothing, a grief script or the consultant-cost text. Their own messages (verbatim) must
get the new entries; "mag dat zo snel?" only as a follow-up on the agency answer. Phrasings written
apart from the example questions (a test proves none is one) must get them too; near misses must
not."""

from __future__ import annotations

import pytest
from knowledge_support import (
    answer_of,
    found_id,
    near_miss_problem,
    overlapping,
    plain_and_sourced_problems,
)

from bot.knowledge.in_conversation import find_in_context
from bot.knowledge.retriever import shared_retriever

NEW = ("failliet_zelf_ontslag", "curator_wie_bellen", "huur_niet_betalen", "uitzend_fase_a_einde",
       "geen_geld_advocaat")

MEMBERS = [
    # The baker's assistant (employer bankrupt last week).
    ("Moet ik zelf ontslag nemen? Mijn collega zegt dat dat sneller gaat.",
     "failliet_zelf_ontslag"),
    ("wat is een curator eigenlijk", "curator_wie_bellen"),
    ("Wie moet ik bellen, de curator of het UWV?", "curator_wie_bellen"),
    ("Ik heb geen geld voor de huur deze maand! Wat moet ik doen??", "huur_niet_betalen"),
    # The Polish agency worker.
    ("hallo. ik werk via uitzendbureau 10 maand. ze zeggen over 2 week stop. mag dat?",
     "uitzend_fase_a_einde"),
    ("ik heb geen geld voor advocaat. wat nu", "geen_geld_advocaat"),
]
# A follow-up that means nothing on its own: answered from the agency answer given just before.
FOLLOW_UPS = [
    ("mag dat zo snel?", ["uitzend_fase_a_einde"], "uitzend_fase_a_einde"),
]
# Written apart from the example questions.
HELD_OUT = [
    ("wie is eigenlijk de curator bij een faillissement", "curator_wie_bellen"),
    ("hoe vind ik de curator van mijn failliete werkgever", "curator_wie_bellen"),
    ("uitzendbureau zegt mijn opdracht stopt over een week, mag dat in fase a",
     "uitzend_fase_a_einde"),
    ("ik werk 9 maanden via uitzendbureau en ze zeggen dat ik volgende week niet meer hoef te "
     "komen", "uitzend_fase_a_einde"),
    ("ik kan geen advocaat betalen, wat moet ik doen", "geen_geld_advocaat"),
    ("heb ik een advocaat nodig voor mijn ontslagzaak", "geen_geld_advocaat"),
]
# Held-out phrasings that still miss (kept visible, not tuned away).
STILL_MISSING = [
    # Scores just under the general bankruptcy answer, which also warns against signing.
    ("mijn werkgever is failliet verklaard, moet ik nu zelf opzeggen", "failliet_zelf_ontslag"),
    # No entry above the threshold; hulp_bij_schulden's offer_on catches the second.
    ("de huur moet betaald worden maar ik heb niks meer op mijn rekening", "huur_niet_betalen"),
    ("ik kan deze maand de huur niet ophoesten", "huur_niet_betalen"),
]
# Near misses: other entries' questions (or none), never one of the new answers.
NEAR = [
    ("moet ik zelf ontslag nemen?", "zelf_ontslag_ww"),
    ("Mijn collega zegt dat ik zelf ontslag moet nemen, moet dat?", None),
    ("ik wil per direct stoppen met mijn werk", "zelf_ontslag_ww"),
    ("mijn werkgever is failliet, krijg ik mijn loon nog", "werkgever_failliet"),
    ("wat doet een curator met mijn arbeidscontract", "werkgever_failliet"),
    ("ik heb schulden, kan iemand me helpen", "hulp_bij_schulden"),
    ("het uitzendbureau wil me uit mijn kamer zetten", "huisvesting_uitzendbureau"),
    ("krijg ik een advocaat via de vakbond", "rechtshulp_vakbond"),
    ("wat kost een gesprek met een consulent", None),
    ("het uitzendbureau belt me niet meer, mag dat zomaar", "niet_meer_opgeroepen"),
    ("wat is fase A", "uitzend_fases"),
    ("mijn tijdelijk contract wordt niet verlengd, mag dat", None),
    ("mag dat zo snel?", None),
]


def test_the_round15_phrasings_are_not_example_questions():
    # NEAR pins some other entries' own example questions on purpose.
    texts = [text for text, _ in HELD_OUT + STILL_MISSING]
    assert not overlapping(texts)


@pytest.mark.parametrize(("text", "expected"), MEMBERS + HELD_OUT)
def test_round15_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "given", "expected"), FOLLOW_UPS)
def test_round15_follow_up_is_read_against_the_answer_given(text, given, expected):
    assert found_id(text) is None, text  # on its own it is no question about agency work
    match = find_in_context(shared_retriever(), text, given)
    assert match is not None and match.entry.id == expected, (text, match)
    assert "10 dagen" in match.line  # the line that says how soon


@pytest.mark.xfail(reason="round 15 misses left visible (see knowledge/SOURCES.md)", strict=False)
@pytest.mark.parametrize(("text", "expected"), STILL_MISSING)
def test_round15_known_misses(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "expected"), NEAR)
def test_near_misses_do_not_get_the_new_answers(text, expected):
    assert near_miss_problem(text, expected, NEW) is None


@pytest.mark.parametrize("entry_id", NEW)
def test_the_new_answers_are_short_plain_and_sourced(entry_id):
    assert not plain_and_sourced_problems(entry_id, (2, 3), (2, 5), region="nl", percent=False)


def test_the_answers_say_what_the_members_needed():
    assert "zegt de curator je contract op" in answer_of("failliet_zelf_ontslag")
    assert "geen ww" in answer_of("failliet_zelf_ontslag")
    assert "rechtbank" in answer_of("curator_wie_bellen")
    assert "centraal insolventieregister" in answer_of("curator_wie_bellen")
    assert "verhuurder" in answer_of("huur_niet_betalen")
    assert "gemeente" in answer_of("huur_niet_betalen")
    assert "uitzendbeding" in answer_of("uitzend_fase_a_einde")
    assert "schriftelijk" in answer_of("uitzend_fase_a_einde")
    for helper in ("juridisch loket", "vakbond", "fairwork"):
        assert helper in answer_of("geen_geld_advocaat")
    # Never an amount of money or a promise about the loongarantie that was not found.
    assert "loongarantie" not in answer_of("failliet_zelf_ontslag")
