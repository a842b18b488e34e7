"""Helpers for the notifier tests: the shared draft (tests/ticket_data.py) as a WhatsApp
handover about job insecurity, which the message tests read back."""

from __future__ import annotations

from ticket_data import PERSONAL, T0, make_draft

from bot.tickets import TicketDraft

__all__ = ["PERSONAL", "T0", "draft"]


def draft(key: str = "handover-1", **overrides) -> TicketDraft:
    values = dict(
        channel="whatsapp",
        primary_topic="job_insecurity",
        topics=["job_insecurity"],
        urgency_reason="ontslag per 1 april",
        contract_type=None,
        sender_key="k" * 64,
    )
    values.update(overrides)
    return make_draft(key, **values)
