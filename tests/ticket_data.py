"""Test data shared by the ticket, notifier and console tests: a clock the test moves by
hand and a complete handover draft full of (made-up) contact details.

Importable by bare name for the reason given in pg_support.py.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from bot.tickets import Contact, TicketDraft

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
# Contact details of the draft below: tests check that none of them leak anywhere.
PERSONAL = {
    "name": "Fatima de Vries",
    "phone": "+31612345678",
    "email": "fatima@example.org",
    "summary": "Ontslagen bij de bakker, zoekt werk in de zorg",
}


class ManualClock:
    """Time that moves only when the test says so, or by `tick` on every reading (so that
    rows written one after the other get distinct times). No sleeping, no wall clock.
    Safe to read from several threads."""

    def __init__(self, start: datetime = T0, tick: timedelta = timedelta(0)) -> None:
        self.now = start
        self._tick = tick
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            self.now += self._tick
            return self.now

    def advance(self, **delta: float) -> None:
        with self._lock:
            self.now += timedelta(**delta)


def make_draft(key: str = "handover-1", **overrides) -> TicketDraft:
    values = dict(
        idempotency_key=key,
        channel="telegram",
        primary_topic="unemployed",
        topics=["unemployed", "job_search"],
        consent_given_at=T0,
        consent_text_version="consent-v1",
        summary=PERSONAL["summary"],
        contact=Contact(
            name=PERSONAL["name"],
            preferred_channel="phone",
            phone=PERSONAL["phone"],
            email=PERSONAL["email"],
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
