from datetime import UTC, date, datetime

import pytest

from bot.handover.dates_nl import parse_deadline
from bot.handover.service_hours import expected_contact
from bot.handover.urgency import assess

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 maart", date(2027, 3, 1)),
        ("op 30 november", date(2026, 11, 30)),
        ("over 3 weken", date(2026, 12, 13)),
        ("over twee maanden", date(2027, 1, 22)),
        ("eind van de maand", date(2026, 11, 30)),
        ("per januari", date(2027, 1, 1)),
        ("eind december", date(2026, 12, 31)),
        ("2027-02-01", date(2027, 2, 1)),
        ("15-1", date(2027, 1, 15)),
        ("volgende maand", date(2026, 12, 1)),
    ],
)
def test_dutch_deadlines(text, expected):
    assert parse_deadline(text, TODAY) == expected


@pytest.mark.parametrize("text", [None, "", "binnenkort", "31 februari"])
def test_unknown_deadlines(text):
    assert parse_deadline(text, TODAY) is None


def test_urgency_levels():
    assert assess(["flex_contract"], date(2027, 1, 15), TODAY).level == "high"
    assert assess(["flex_contract"], date(2027, 9, 1), TODAY).level == "normal"
    assert assess(["flex_contract"], None, TODAY).level == "normal"
    assert assess(["unemployed"], None, TODAY).level == "high"
    assert assess(["training"], None, TODAY).level == "low"
    assert assess(["training"], None, TODAY, repeated_topic=True).level == "normal"
    assert assess([], None, TODAY, crisis=True).level == "high"
    assert "\n" not in assess(["job_insecurity"], date(2027, 1, 1), TODAY).reason


def test_expected_contact_counts_working_days():
    # Sunday 22 November 2026 counts from Monday: two working days -> Wednesday.
    sunday = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    assert expected_contact(sunday, {}) == "uiterlijk woensdag 25 november"
    # Monday morning counts Monday as day zero -> Wednesday.
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert expected_contact(monday, {}) == "uiterlijk woensdag 25 november"
    friday_evening = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)
    assert expected_contact(friday_evening, {"RESPONSE_TARGET_WORKDAYS": "1"}) == (
        "uiterlijk dinsdag 1 december")


def test_weekdays_and_next_month_end_in_words():
    from datetime import date

    from bot.handover.dates_nl import parse_deadline

    thursday = date(2026, 12, 3)
    assert parse_deadline("ik moet voor vrijdag tekenen", thursday) == date(2026, 12, 4)
    assert parse_deadline("donderdag", thursday) == date(2026, 12, 10)  # not today
    assert parse_deadline("eind volgende maand", thursday) == date(2027, 1, 31)
    assert parse_deadline("morgen", thursday) == date(2026, 12, 4)
