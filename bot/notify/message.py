"""What a consultant notification says: enough to act, nothing about the person.

A notification names the ticket reference, a neutral urgency label, the region, a
non-sensitive topic label, the team and where to open the console. It NEVER carries the
person's name, phone number, e-mail address, summary or urgency reason, nor anything about
health or a crisis: notification channels (a Telegram group, a mailbox) are less protected
than the console, and a reference is all a consultant needs to look the ticket up there.

A ticket with a crisis statement (Ticket.safety_flag) is urgency high; its notification is
the same as that of any other urgent ticket ("Urgent: graag vandaag contact opnemen"), so
the notification does not give the flag away. The console shows the flag and the reason.

Notices (kind "changed" / "withdrawn") tell the assignee of a claimed ticket that the
person changed or withdrew the request: the reference, the assignee and the team, nothing
about what changed. Kind "live_message" tells the assignee that the person wrote in a live
chat while the conversation view was closed (bot/tickets/live_notice.py): the same three
facts, never the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.tickets.models import Ticket, one_line

REDACTED = "[verwijderd]"
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_PHONE = re.compile(r"\+?\d[\d\s\-().]{6,}\d")

URGENT_LABEL = "Urgent: graag vandaag contact opnemen"
URGENCY_LABELS = {"high": URGENT_LABEL, "normal": "normaal", "low": "laag"}

# Dutch, non-sensitive labels for the career intents (intents.md), so a consultant reads the
# topic at a glance. Health becomes "werk en welzijn"; a crisis reads like any request for a
# person. Intents not listed here become OTHER_TOPIC (never the raw intent name).
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
    "workload_health": "werk en welzijn",
    "work_life_balance": "werk en privé",
    "conflict_at_work": "conflict op het werk",
    "job_search": "werk zoeken en solliciteren",
    "career_test": "loopbaantest",
    "hr_conversation": "gesprek met leidinggevende of HR",
    "ask_cost": "vraag over kosten",
    "ask_privacy": "vraag over privacy",
    "ask_how_it_works": "hoe loopbaanbegeleiding werkt",
    "request_human": "wil een mens spreken",
    "crisis": "wil een mens spreken",
}
OTHER_TOPIC = "overige vraag"

# Words a notification must never contain (health, crisis, helplines). Free text typed by
# the person (the region) that contains one is left out altogether.
SENSITIVE_WORDS = (
    "crisis", "burn-out", "burnout", "gezondheid", "health", "zware nood", "zelfdoding",
    "zelfmoord", "suïcid", "suicid", "zelfbeschadiging", "depressie", "overspannen",
)
# Helpline and emergency numbers, as numbers of their own (a postcode like 1131 is fine).
_SENSITIVE_NUMBERS = re.compile(r"(?<!\d)(113|1813|112|0800-?0113)(?!\d)")


def redact(text: str | None) -> str | None:
    """Remove anything that looks like an e-mail address or a phone number."""
    if text is None:
        return None
    return _PHONE.sub(_redact_phone, _EMAIL.sub(REDACTED, text))


def _redact_phone(match: re.Match[str]) -> str:
    # Nine digits or more: phone numbers (06 12345678, +32 470 12 34 56), not dates.
    digits = sum(c.isdigit() for c in match.group())
    return REDACTED if digits >= 9 else match.group()


def is_sensitive(text: str | None) -> bool:
    """Whether `text` mentions health, a crisis or a helpline (SENSITIVE_WORDS)."""
    lowered = (text or "").lower()
    return any(word in lowered for word in SENSITIVE_WORDS) or bool(
        _SENSITIVE_NUMBERS.search(lowered))


def topic_label(topic: str) -> str:
    return TOPIC_LABELS.get(topic, OTHER_TOPIC)


NOTICE_HEADLINES = {
    "changed": "Aanvraag {reference} gewijzigd door de persoon",
    "withdrawn": "Aanvraag {reference} ingetrokken door de persoon",
    "live_message": "Nieuw bericht in de live chat van aanvraag {reference}",
}
# Service-level notices (issue 15), from TicketStore.enqueue_service_notices: the reference,
# team and when first contact is due; like every notification nothing about the person and
# no crisis wording (a crisis ticket reads as any urgent one, for the coordinator).
SERVICE_HEADLINES = {
    "reminder_half": "Herinnering: aanvraag {reference} is nog niet opgepakt",
    "reminder_due": "Voor de coördinator: aanvraag {reference} heeft de contacttermijn bereikt",
    "coordinator": "Voor de coördinator: urgente aanvraag {reference}",
    # Follow-up (issue 15, item 4): the person answered "nee" to "heeft de consulent je al
    # bereikt?" a working day after the promised contact time (bot/tickets/follow_up.py).
    "follow_up_no": "Voor de coördinator: aanvraag {reference} heeft nog geen contact gehad",
    # Retention (issue 13, finding 5; TicketStore.expire_open_tickets): an open ticket
    # without change for long is purged as the consent text promises; the team hears first.
    "expiry_warning": "Aanvraag {reference} wordt binnenkort verwijderd (bewaartermijn)",
}
COORDINATOR_KINDS = frozenset({"reminder_due", "coordinator", "follow_up_no"})
SERVICE_TEXTS = {
    "reminder_half": "De helft van de tijd tot het eerste contact is om. Pak de aanvraag op "
                     "in de console.",
    "reminder_due": "Er is nog geen eerste contact geweest. Zorg dat iemand de aanvraag "
                    "oppakt.",
    "coordinator": URGENT_LABEL + ". Kijk of het team de aanvraag vandaag oppakt.",
    "follow_up_no": "Bij navraag zegt de persoon dat er nog geen contact is geweest. De "
                    "aanvraag staat nu op urgent. Zorg dat iemand contact opneemt.",
    "expiry_warning": "De aanvraag staat lang open zonder wijziging en wordt binnenkort "
                      "verwijderd, zoals bij de toestemming is beloofd. Is er nog contact "
                      "nodig, leg dat vast in de console; anders sluit je de aanvraag af.",
}

NOTICE_TEXTS = {
    "changed": "De persoon heeft de gegevens van de aanvraag aangepast. Bekijk ze in de "
               "console voordat je contact opneemt.",
    "withdrawn": "De persoon heeft de aanvraag ingetrokken; de aanvraag en de gegevens zijn "
                 "verwijderd. Je hoeft geen contact meer op te nemen.",
    "live_message": "De persoon heeft je een bericht gestuurd in de live chat, terwijl het "
                    "gesprek niet openstond in de console. De chatbot antwoordt niet zolang "
                    "jij het gesprek hebt. Open het gesprek om te antwoorden.",
}


@dataclass(frozen=True)
class Notification:
    reference: str
    topic_label: str
    urgency: str
    region: str | None
    team: str
    team_label: str
    console_url: str
    kind: str = "new"  # "new" ticket, or a notice: "changed" | "withdrawn" | "live_message"
    assignee: str | None = None
    due_text: str | None = None  # service notices: when first contact is due

    @classmethod
    def from_ticket(cls, ticket: Ticket, console_url: str, team_label: str | None = None
                    ) -> Notification:
        # The region was typed by the person: cut to one line and scrubbed, and left out
        # when it says something it should not.
        region = redact(one_line(ticket.region, 60))
        return cls(
            reference=ticket.reference,
            topic_label=topic_label(ticket.primary_topic),
            urgency=ticket.urgency,
            region=REDACTED if is_sensitive(region) else region,
            team=ticket.team,
            team_label=team_label or ticket.team,
            console_url=console_url.rstrip("/"),
        )

    @classmethod
    def notice(cls, kind: str, reference: str, team: str | None, assignee: str | None,
               console_url: str, team_label: str | None = None) -> Notification:
        """A notice to the assignee of a claimed ticket (outbox kind changed, withdrawn,
        live_message)."""
        if kind not in NOTICE_TEXTS:
            raise ValueError(f"unknown notice kind {kind!r}")
        return cls(
            reference=reference,
            topic_label="",
            urgency="normal",
            region=None,
            team=team or "",
            team_label=team_label or team or "onbekend",
            console_url=console_url.rstrip("/"),
            kind=kind,
            assignee=one_line(assignee, 80),
        )

    @classmethod
    def service(cls, kind: str, ticket: Ticket, console_url: str,
                team_label: str | None = None, due_text: str | None = None) -> Notification:
        """A service-level notice (SERVICE_TEXTS) about a ticket."""
        if kind not in SERVICE_TEXTS:
            raise ValueError(f"unknown service notice {kind!r}")
        return cls(
            reference=ticket.reference, topic_label="", urgency=ticket.urgency, region=None,
            team=ticket.team, team_label=team_label or ticket.team,
            console_url=console_url.rstrip("/"), kind=kind,
            assignee=one_line(ticket.assignee, 80), due_text=due_text,
        )

    @property
    def audience(self) -> str:
        """"coordinator" for the deadline reminder and the crisis notice, else "team" (the
        ticket's team: its own destination when routing.yml gives one)."""
        return "coordinator" if self.kind in COORDINATOR_KINDS else "team"

    def urgency_text(self) -> str:
        if self.urgency == "high":
            return URGENT_LABEL
        return f"Urgentie: {URGENCY_LABELS.get(self.urgency, self.urgency)}"

    def subject(self) -> str:
        if self.kind in SERVICE_HEADLINES:
            return "Koffiepraat: " + SERVICE_HEADLINES[self.kind].format(reference=self.reference)
        if self.kind in NOTICE_HEADLINES:
            return "Koffiepraat: " + NOTICE_HEADLINES[self.kind].format(
                reference=self.reference).replace("Aanvraag", "aanvraag", 1)
        urgency = (URGENT_LABEL.lower() if self.urgency == "high"
                   else f"urgentie {URGENCY_LABELS.get(self.urgency, self.urgency)}")
        return f"Koffiepraat: nieuwe aanvraag {self.reference} ({urgency})"

    def text(self) -> str:
        if self.kind in SERVICE_HEADLINES:
            return "\n".join([
                SERVICE_HEADLINES[self.kind].format(reference=self.reference),
                SERVICE_TEXTS[self.kind],
                *([] if self.kind == "expiry_warning" else
                  [f"Eerste contact uiterlijk: {self.due_text or 'onbekend'}"]),
                f"Behandelaar: {self.assignee or 'niemand'}",
                f"Team: {self.team_label}",
                f"Open de console ({self.console_url}/) en zoek op {self.reference}.",
            ])
        if self.kind in NOTICE_HEADLINES:
            lines = [
                NOTICE_HEADLINES[self.kind].format(reference=self.reference),
                NOTICE_TEXTS[self.kind],
                f"Behandelaar: {self.assignee or 'niemand'}",
                f"Team: {self.team_label}",
            ]
            if self.kind != "withdrawn":  # the ticket is gone after a withdrawal
                lines.append(
                    f"Open de console ({self.console_url}/) en zoek op {self.reference}.")
            return "\n".join(lines)
        lines = [
            f"Nieuwe aanvraag {self.reference}",
            self.urgency_text(),
            f"Onderwerp: {self.topic_label}",
            f"Regio: {self.region or 'onbekend'}",
            f"Team: {self.team_label}",
            f"Open de console ({self.console_url}/) en zoek op {self.reference}.",
        ]
        return "\n".join(lines)
