"""What the named date is about, on the card (round 15c, p63)."""

from __future__ import annotations

import pytest

from bot.handover.deadline_about import deadline_about
from bot.handover.topics import build_summary


@pytest.mark.parametrize(("text", "about"), [
    ("ww loopt over 4 maanden af", "je WW stopt"),
    ("mijn uitkering stopt in maart, ik heb een tijdelijk contract gehad", "je WW stopt"),
    ("mijn contract stopt in januari", "je contract stopt"),
    # who wants the signature, not that they must sign (round 26b, p129: "ik moet juist niks")
    ("ik moet voor vrijdag tekenen", "je werkgever wil dan je handtekening"),
    ("ze willen dat ik de vso voor vrijdag teken", "je werkgever wil dan je handtekening"),
    ("de reorganisatie is per 1 april", "de reorganisatie"),
    ("over 3 weken", None),
])
def test_what_the_date_is_about(text, about):
    assert deadline_about(text) == about


def test_the_card_names_it_beside_the_date():
    card = build_summary(["unemployed"], deadline_text="over 4 maanden",
                         deadline_about="je WW stopt")
    assert "Belangrijke datum: over 4 maanden (je WW stopt)." in card
    assert "Belangrijke datum: over 4 maanden." in build_summary(
        ["unemployed"], deadline_text="over 4 maanden")


def test_the_card_of_someone_without_work_does_not_say_when_the_job_stops():
    # Round 16: p63 (14 months without work) and p69 (dismissed last month) read "Je wilt praten
    # over werk en inkomen als je baan stopt".
    card = build_summary(["unemployed", "training"], out_of_work=True)
    assert "als je baan stopt" not in card, card
    assert "Je hebt nu geen werk. Je wilt praten over nieuw werk en je inkomen" in card, card
    assert "als je baan stopt" in build_summary(["unemployed"])  # still working: it may stop
