"""Knowledge round 15 (2026-12-05): p63, 52 and 14 months without work, asked what comes after
the WW, about the bijstand, whether he is too old and what a consultant does, each inside a
bitter story, and got "dat weet ik niet zeker" four times. His messages are pinned verbatim;
the others are new phrasings (a test proves none is an example question)."""

from __future__ import annotations

import pytest
from knowledge_support import found_id, overlapping

MEMBER = [
    ("dat weet ik allemaal al. ik zit er al 14 maanden in. ik vraag wat er NA de ww komt",
     "na_de_ww"),
    ("bijstand dan? moet ik dan naar de gemeente?", "na_de_ww"),
    ("was magazijnchef. 20 jaar. ze nemen liever een jochie van 25. ben ik te oud?",
     "werk_zoeken_als_oudere"),
    ("ach. wat doet zo'n consulent dan eigenlijk. omscholing ofzo? ik ben lid van de fnv "
     "trouwens", "wat_doet_loopbaanconsulent"),
]
OTHERS = [
    ("als de ww straks klaar is, kom ik dan in de bijstand terecht?", "na_de_ww"),
    ("ik ben 57, vindt een werkgever mij te oud?", "werk_zoeken_als_oudere"),
]


@pytest.mark.parametrize(("text", "expected"), MEMBER + OTHERS)
def test_the_question_in_the_story_gets_its_answer(text, expected):
    assert found_id(text) == expected


def test_the_other_phrasings_are_no_example_questions():
    assert overlapping([text for text, _ in OTHERS]) == []


@pytest.mark.parametrize("text", [
    # Round 15b, p61 (NT2, job ends in two weeks): both got no WW answer.
    "na 2 week geen werk geen geld. krijg ik dan iets? ww?",
    "nog niet. over 2 week. maar krijg ik ww van uwv? ik werk 10 maand",
])
def test_a_short_ww_question_in_nt2_gets_the_ww_answer(text):
    assert found_id(text) == "ww_voorwaarden"


def test_asking_for_fewer_hours_is_no_question_about_ww():
    # Round 14b, p60 (cashier, permanent contract, roster): "en minder uren dan? kan ik dat
    # aanvragen" got the WW text for on-call workers.
    assert found_id("en minder uren dan? kan ik dat aanvragen") == "minder_uren_werken"
    assert found_id("kan ik ww aanvragen als ik als oproepkracht minder uren krijg") == \
        "nulurencontract_ww"
