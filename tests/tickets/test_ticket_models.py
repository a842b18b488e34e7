from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from tickets_support import make_draft

from bot.tickets import Contact


def test_deadline_accepts_dates_and_iso_strings_only():
    assert make_draft(deadline="2026-04-01").deadline == date(2026, 4, 1)
    assert make_draft(deadline=datetime(2026, 4, 1, 12)).deadline == date(2026, 4, 1)
    with pytest.raises(ValueError):
        make_draft(deadline="eind van de maand")


@pytest.mark.parametrize(
    "override",
    [
        {"channel": "sms"},
        {"urgency": "urgent"},
        {"primary_topic": ""},
        {"consent_text_version": ""},
        {"idempotency_key": ""},
        {"contact": None},
    ],
)
def test_invalid_drafts_are_refused(override):
    if override.get("contact", 1) is None:
        with pytest.raises(ValueError):
            Contact(preferred_channel="fax")
        return
    with pytest.raises(ValueError):
        make_draft(**override)


def test_draft_normalises_topics_times_and_reason():
    draft = make_draft(
        primary_topic="training",
        topics=["funding", "funding", ""],
        consent_given_at=datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=1))),
        urgency_reason="deadline\nover   twee weken " + "x" * 300,
        region="  ",
    )
    assert draft.topics == ["training", "funding"]
    assert draft.consent_given_at == datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    assert "\n" not in draft.urgency_reason and len(draft.urgency_reason) <= 160
    assert draft.urgency_reason.startswith("deadline over twee weken x")
    assert draft.region is None


def test_a_safety_flag_makes_the_draft_urgent_and_must_be_a_boolean():
    assert make_draft().safety_flag is False
    flagged = make_draft(urgency="low", safety_flag=True)
    assert (flagged.safety_flag, flagged.urgency) == (True, "high")
    with pytest.raises(ValueError):
        make_draft(safety_flag="yes")


def test_naive_consent_time_is_taken_as_utc():
    draft = make_draft(consent_given_at=datetime(2026, 3, 2, 9, 30))
    assert draft.consent_given_at.tzinfo == timezone.utc


def test_blank_contact_fields_become_null():
    assert Contact(name=" ", phone="").to_api() == {
        "name": None, "preferred_channel": None, "phone": None, "email": None,
        "preferred_time": None,
    }
