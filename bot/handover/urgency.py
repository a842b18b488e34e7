"""Warm-lead signals: how urgent a handover is, with a one-line reason.

Signals (from the handover issue): job already lost, a reorganisation or contract
end with a date, a flex contract ending within about three months, a topic raised
twice, distress without crisis; crisis always counts as high.

The reason is for the console only (TicketDraft.urgency_reason): consultant notifications
carry a neutral urgency label instead (bot/notify/message.py), never crisis or health
wording. A crisis also sets TicketDraft.safety_flag, which makes the ticket high as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SOON_DAYS = 92  # "within about three months"
JOB_AT_RISK = ("flex_contract", "job_insecurity")


@dataclass(frozen=True)
class Urgency:
    level: str  # low | normal | high
    reason: str


def assess(
    topics: list[str],
    deadline: date | None,
    today: date,
    crisis: bool = False,
    repeated_topic: bool = False,
) -> Urgency:
    if crisis:
        return Urgency("high", "Signalen van zware nood; crisisinformatie (113/1813) gegeven.")
    if "unemployed" in topics:
        return Urgency("high", "Baan al kwijt of werkloos.")
    at_risk = [t for t in topics if t in JOB_AT_RISK]
    if at_risk and deadline is not None:
        days = (deadline - today).days
        if 0 <= days <= SOON_DAYS:
            return Urgency("high", f"Werk stopt binnen drie maanden ({deadline.isoformat()}).")
        return Urgency("normal", f"Werk stopt op termijn ({deadline.isoformat()}).")
    if at_risk:
        return Urgency("normal", "Onzeker werk (flexcontract of reorganisatie), nog geen datum.")
    if "workload_health" in topics or "conflict_at_work" in topics:
        return Urgency("normal", "Spanning of zware belasting op het werk, geen crisissignalen.")
    if repeated_topic:
        return Urgency("normal", "Noemde hetzelfde onderwerp meer dan eens.")
    return Urgency("low", "Oriënterende vraag, geen deadline.")
