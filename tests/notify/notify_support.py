"""Shared helpers for the notifier tests: a settable clock and a draft full of contact data."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.tickets import Contact, TicketDraft

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
PERSONAL = {
    "name": "Fatima de Vries",
    "phone": "+31612345678",
    "email": "fatima@example.org",
    "summary": "Ontslagen bij de bakker, zoekt werk in de zorg",
}


class StepClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def draft(key: str = "handover-1", **overrides) -> TicketDraft:
    values = dict(
        idempotency_key=key,
        channel="whatsapp",
        primary_topic="job_insecurity",
        topics=["job_insecurity"],
        consent_given_at=T0,
        consent_text_version="consent-v1",
        summary=PERSONAL["summary"],
        contact=Contact(name=PERSONAL["name"], preferred_channel="phone",
                        phone=PERSONAL["phone"], email=PERSONAL["email"],
                        preferred_time="middag"),
        urgency="high",
        urgency_reason="ontslag per 1 april",
        region="Utrecht",
        sector="zorg",
        sender_key="k" * 64,
    )
    values.update(overrides)
    return TicketDraft(**values)
