"""Questions from role-play round 27 (docs/reviews/round27) that got the wrong answer or
none; each failed before its fix, unless marked as a guard."""

from __future__ import annotations

from knowledge_support import answered_id

_answer = answered_id


def test_interim_work_before_counts_towards_the_seven_years():
    # p136 got an energy tip for his "telt da?" right after the loopbaancheque answer.
    assert _answer("wacht eens, 7 jaar? ik werk daar 6 jaar, daarvoor wa interim. telt da?",
                   given=("loopbaancheque_vlaanderen",), flemish=True) \
        == "loopbaancheque_werkervaring"


def test_sleeping_badly_from_night_shifts_goes_to_the_arbeidsarts_not_the_rules_for_55():
    # p136 is 29 and picks orders: the rules for 55-year-old night workers in care came.
    for text in ("wacht, eerst nog: die nachten. kan ik vragen om dagwerk of moet ik naar de "
                 "dokter ofzo?",
                 "ok. maar mijne baas mag dit toch ni weten eh. en kan ik iets doen aan die "
                 "nachten, ik slaap echt slecht"):
        assert _answer(text, flemish=True) == "spontane_raadpleging_arbeidsarts", text


def test_guard_an_older_night_worker_still_gets_the_night_work_rules():
    assert _answer("ik ben 57 en doe al 25 jaar nachten in het ziekenhuis, kan ik vragen om "
                   "alleen overdag te werken", flemish=True) == "minder_nachten_andere_afdeling_be"
