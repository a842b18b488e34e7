"""Working-time arithmetic: office hours, weekends, Dutch and Flemish public holidays."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.handover.service_hours import back_on, expected_contact
from bot.handover.working_time import load_service_levels, parse_days

AMS = ZoneInfo("Europe/Amsterdam")
LEVELS = load_service_levels(env={})


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_defaults_from_the_file():
    assert dict(LEVELS.targets) == {"high": 0, "normal": 2, "low": 5}
    assert LEVELS.calendar("vlaanderen").country == "BE"
    assert LEVELS.calendar("rijnmond").country == "NL"
    assert LEVELS.calendar(None).country == "NL"


def test_holidays_come_from_the_library_per_country():
    nl, be = LEVELS.calendar("rijnmond"), LEVELS.calendar("vlaanderen")
    koningsdag = date(2026, 4, 27)  # Monday
    assert not nl.is_working_day(koningsdag) and be.is_working_day(koningsdag)
    tweede_paasdag = date(2026, 4, 6)
    assert not nl.is_working_day(tweede_paasdag) and not be.is_working_day(tweede_paasdag)
    vlaamse_feestdag = date(2026, 7, 11)  # a Saturday in 2026; 2025: a Friday
    assert not be.is_working_day(date(2025, 7, 11)) and nl.is_working_day(date(2025, 7, 11))
    assert not be.is_working_day(vlaamse_feestdag)
    nationale_feestdag = date(2025, 7, 21)
    assert not be.is_working_day(nationale_feestdag) and nl.is_working_day(nationale_feestdag)
    # Koningsdag on a Sunday moves to Saturday 26 April 2025: Monday 28th is a working day.
    assert nl.is_working_day(date(2025, 4, 28))


def test_friday_1659_counts_from_monday():
    friday = local(2026, 11, 27, 16, 59)
    assert LEVELS.due_at(friday, "high") == local(2026, 11, 30, 17, 0).astimezone(UTC)
    assert LEVELS.due_at(friday, "normal") == local(2026, 12, 2, 17, 0).astimezone(UTC)
    assert LEVELS.due_at(friday, "low") == local(2026, 12, 7, 17, 0).astimezone(UTC)


def test_office_hour_edges():
    # Early morning on a working day counts that day; with an hour left it still counts.
    assert LEVELS.due_day(local(2026, 11, 24, 7, 0), "high") == date(2026, 11, 24)
    assert LEVELS.due_day(local(2026, 11, 24, 15, 59), "high") == date(2026, 11, 24)
    # Less than an hour left, or after closing: the next working day.
    assert LEVELS.due_day(local(2026, 11, 24, 16, 1), "high") == date(2026, 11, 25)
    assert LEVELS.due_day(local(2026, 11, 24, 23, 30), "high") == date(2026, 11, 25)
    # Saturday and Sunday count from Monday.
    assert LEVELS.due_day(local(2026, 11, 28, 10, 0), "normal") == date(2026, 12, 2)


def test_easter_and_kingsday_push_the_dutch_due_date():
    # Thursday 2 April 2026, normal: Good Friday and Easter Monday are off in the library's
    # Dutch calendar -> Tuesday 7 and Wednesday 8 April.
    assert LEVELS.due_day(local(2026, 4, 2, 10, 0), "normal") == date(2026, 4, 8)
    # Friday 24 April 2026, normal: Monday 27 is Koningsdag -> Tuesday 28, Wednesday 29.
    assert LEVELS.due_day(local(2026, 4, 24, 10, 0), "normal") == date(2026, 4, 29)
    # The same Friday in Flanders: Koningsdag is a working day -> Tuesday 28.
    assert LEVELS.due_day(local(2026, 4, 24, 10, 0), "normal", "vlaanderen") == date(2026, 4, 28)


def test_flemish_holiday_11_july_and_21_july():
    # Thursday 10 July 2025, normal in Flanders: 11 July (Friday) closed -> Mon 14, Tue 15.
    assert LEVELS.due_day(local(2025, 7, 10, 10, 0), "normal", "vlaanderen") == date(2025, 7, 15)
    assert LEVELS.due_day(local(2025, 7, 10, 10, 0), "normal", "rijnmond") == date(2025, 7, 14)
    # Friday 18 July 2025, high, after the cut-off: Monday 21 July is the national holiday.
    assert LEVELS.due_day(local(2025, 7, 18, 16, 30), "high", "vlaanderen") == date(2025, 7, 22)


def test_christmas_and_new_year():
    # Wednesday 24 December 2025 16:30, low: 25/26 Dec off (NL), 1 Jan off.
    assert LEVELS.due_day(local(2025, 12, 24, 16, 30), "low") == date(2026, 1, 6)


def test_working_seconds_and_half_time():
    nl = LEVELS.calendar()
    friday = local(2026, 11, 27, 15, 0)
    monday_noon = local(2026, 11, 30, 12, 0)
    assert nl.working_seconds(friday, monday_noon) == (2 + 3) * 3600
    assert nl.add_working_seconds(friday, 5 * 3600) == monday_noon.astimezone(UTC)
    assert nl.add_working_seconds(friday, 2 * 3600) == local(2026, 11, 27, 17, 0)
    # Normal ticket Friday 15:00 counts from Friday, due Tuesday 17:00: 2 + 8 + 8 = 18 h of
    # office time; half time is 9 h on: Friday 2 h, Monday 7 h -> Monday 16:00.
    due = LEVELS.due_at(friday, "normal")
    assert due == local(2026, 12, 1, 17, 0).astimezone(UTC)
    assert LEVELS.half_time(friday, due) == local(2026, 11, 30, 16, 0).astimezone(UTC)


def test_promise_and_back_on_use_the_same_calendar():
    # Friday 24 April 2026 10:00 (NL): "uiterlijk woensdag 29 april" (Koningsdag skipped).
    friday = local(2026, 4, 24, 10, 0)
    assert expected_contact(friday, {}) == "uiterlijk woensdag 29 april"
    assert expected_contact(friday, {}, urgency="high") == "uiterlijk vrijdag 24 april"
    assert expected_contact(friday, {}, team="vlaanderen") == "uiterlijk dinsdag 28 april"
    assert back_on(friday, {}) is None
    saturday = local(2026, 4, 25, 11, 0)
    assert back_on(saturday, {}) == "dinsdag 28 april om 09:00"
    assert back_on(saturday, {}, team="vlaanderen") == "maandag 27 april om 09:00"


def test_environment_overrides():
    levels = load_service_levels(env={"SERVICE_TARGETS": "high=1,low=3", "SERVICE_END": "16:00",
                                      "RESPONSE_TARGET_WORKDAYS": "4"})
    assert dict(levels.targets) == {"high": 1, "normal": 4, "low": 3}
    assert levels.due_at(local(2026, 11, 24, 10, 0), "high") == local(2026, 11, 25, 16, 0)
    assert parse_days("1-3,5") == {1, 2, 3, 5}
    with pytest.raises(ValueError):
        parse_days("0-8")
    with pytest.raises(ValueError):
        load_service_levels(env={"SERVICE_TARGETS": "high=-1"})
