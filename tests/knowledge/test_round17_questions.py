"""Knowledge round 17 (session 15, 2026-12-06): learning while working for a 19-year-old
(p73), fewer hours until the AOW (p74), how long the WW lasts once applied for (p69) and what
a consultant can do (p76). The members' messages are pinned verbatim; the other phrasings were
written apart from the example questions (a test proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import found_id, overlapping

MEMBERS = [
    ("kan je ook werken en leren tegelijk?", "leren_en_werken_bbl"),
    ("iemand zei bbl ofzo? wat is dat", "leren_en_werken_bbl"),
    ("Ik zou graag wat minder willen werken tot mijn AOW. Kan dat?", "minder_werken_tot_aow"),
    ("uitkering denk ik. ik heb ww aangevraagd maar hoe lang krijg ik dat eigenlijk",
     "ww_voorwaarden"),
    ("wat kan zo'n consulent dan wel?? ik heb geen zin in een gezellig praatje ik wil weten wat "
     "ik kan DOEN voor 31 dec", "wat_doet_loopbaanconsulent"),
]
# Measured and left open: "bestaat er zoiets als werkend leren voor iemand zonder diploma" still
# scores the side-entry answer for teachers higher than the bbl entry, and gets no answer.
HELD_OUT = [
    ("wat kan de consulent eigenlijk voor mij betekenen", "wat_doet_loopbaanconsulent"),
]
# Guards: the neighbours keep their own answers.
NEAR = [
    ("ik heb ww aangevraagd maar nog geen geld, duurt dat altijd zo lang", "ww_beslissing_duur"),
    ("mag ik minder uren gaan werken?", "minder_uren_werken"),
]


def test_the_round17_phrasings_are_not_example_questions():
    assert not overlapping([t for t, _ in HELD_OUT + NEAR] + [
        "ik wil de laatste jaren tot mijn pensioen graag wat minder gaan werken"])


@pytest.mark.parametrize(("text", "expected"), MEMBERS + HELD_OUT + NEAR)
def test_round17_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


def test_less_work_until_the_pension_gets_one_of_the_two_answers_for_it():
    # Both entries answer it: fewer hours (Wet flexibel werken) or a partial pension.
    assert found_id("ik wil de laatste jaren tot mijn pensioen graag wat minder gaan werken") in (
        "minder_werken_tot_aow", "deeltijdpensioen")
