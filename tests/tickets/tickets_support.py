"""Shared helpers for the ticket tests: a deterministic clock and a complete draft."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.tickets import Contact, TicketDraft

NOTIFIERS = ("telegram", "email")
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
PERSONAL_VALUES = ("Fatima de Vries", "+31612345678", "fatima@example.org",
                   "Ontslagen bij de bakker, zoekt werk in de zorg")


class FakeClock:
    """Deterministic time: every reading is one second after the previous one."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)



def make_draft(key: str = "handover-1", **overrides) -> TicketDraft:
    values = dict(
        idempotency_key=key,
        channel="telegram",
        primary_topic="unemployed",
        topics=["unemployed", "job_search"],
        consent_given_at=T0,
        consent_text_version="consent-v1",
        summary="Ontslagen bij de bakker, zoekt werk in de zorg",
        contact=Contact(
            name="Fatima de Vries",
            preferred_channel="phone",
            phone="+31612345678",
            email="fatima@example.org",
            preferred_time="ochtend",
        ),
        urgency="high",
        urgency_reason="deadline binnen twee weken",
        region="Utrecht",
        sector="zorg",
        contract_type="tijdelijk",
        sender_key="a" * 64,
    )
    values.update(overrides)
    return TicketDraft(**values)
