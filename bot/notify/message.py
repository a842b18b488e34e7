"""What a consultant notification says: enough to act, nothing about the person.

A notification names the ticket reference, the topic, the urgency (and its one-line reason),
the region and team, and where to open the console. It NEVER carries the person's name,
phone number, e-mail address or summary: notification channels (a Telegram group, a mailbox)
are less protected than the console, and a reference is all a consultant needs to look the
ticket up there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.tickets.models import Ticket, one_line

REDACTED = "[verwijderd]"
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_PHONE = re.compile(r"\+?\d[\d\s\-().]{6,}\d")

URGENCY_LABELS = {"high": "hoog", "normal": "normaal", "low": "laag"}

# Dutch labels for the career intents (intents.md), so a consultant reads the topic at a glance.
TOPIC_LABELS = {
    "enjoy_work": "plezier in werk",
    "stuck": "vastgelopen in werk",
    "retirement": "pensioen en laatste werkjaren",
    "flex_contract": "flexcontract",
    "job_insecurity": "baan onzeker",
    "unemployed": "werkloos / baan kwijt",
    "training": "opleiding en scholing",
    "funding": "geld voor scholing",
    "career_change": "ander werk of vak",
    "career_growth": "doorgroeien",
    "job_crafting": "werk anders inrichten",
    "workload_health": "werkdruk en gezondheid",
    "work_life_balance": "werk en privé",
    "conflict_at_work": "conflict op het werk",
    "job_search": "werk zoeken en solliciteren",
    "career_test": "loopbaantest",
    "hr_conversation": "gesprek met leidinggevende of HR",
    "ask_cost": "vraag over kosten",
    "ask_privacy": "vraag over privacy",
    "ask_how_it_works": "hoe loopbaanbegeleiding werkt",
    "request_human": "wil een mens spreken",
    "crisis": "crisis",
}


def redact(text: str | None) -> str | None:
    """Remove anything that looks like an e-mail address or a phone number."""
    if text is None:
        return None
    return _PHONE.sub(_redact_phone, _EMAIL.sub(REDACTED, text))


def _redact_phone(match: re.Match[str]) -> str:
    # Nine digits or more: phone numbers (06 12345678, +32 470 12 34 56), not dates.
    digits = sum(c.isdigit() for c in match.group())
    return REDACTED if digits >= 9 else match.group()


@dataclass(frozen=True)
class Notification:
    reference: str
    topic: str
    urgency: str
    urgency_reason: str | None
    region: str | None
    team: str
    team_label: str
    console_url: str

    @classmethod
    def from_ticket(cls, ticket: Ticket, console_url: str, team_label: str | None = None
                    ) -> Notification:
        # Free-text fields are cut to one line and scrubbed: they were typed by the person.
        return cls(
            reference=ticket.reference,
            topic=ticket.primary_topic,
            urgency=ticket.urgency,
            urgency_reason=redact(one_line(ticket.urgency_reason, 160)),
            region=redact(one_line(ticket.region, 60)),
            team=ticket.team,
            team_label=team_label or ticket.team,
            console_url=console_url.rstrip("/"),
        )

    def subject(self) -> str:
        urgency = URGENCY_LABELS.get(self.urgency, self.urgency)
        return f"Koffiepraat: nieuwe aanvraag {self.reference} (urgentie {urgency})"

    def text(self) -> str:
        topic_label = TOPIC_LABELS.get(self.topic)
        topic = f"{topic_label} ({self.topic})" if topic_label else self.topic
        urgency = URGENCY_LABELS.get(self.urgency, self.urgency)
        if self.urgency_reason:
            urgency = f"{urgency}: {self.urgency_reason}"
        lines = [
            f"Nieuwe aanvraag {self.reference}",
            f"Onderwerp: {topic}",
            f"Urgentie: {urgency}",
            f"Regio: {self.region or 'onbekend'}",
            f"Team: {self.team_label}",
            f"Open de console ({self.console_url}/) en zoek op {self.reference}.",
        ]
        return "\n".join(lines)
