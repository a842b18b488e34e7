"""Value objects of the ticket store: what goes in (TicketDraft) and what comes out (Ticket).

All datetimes handed out are timezone-aware UTC. Datetimes handed in may be aware (converted
to UTC) or naive (taken as UTC).
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

CHANNELS = ("rest", "socketio", "telegram", "whatsapp")
URGENCIES = ("low", "normal", "high")
PREFERRED_CHANNELS = ("phone", "whatsapp", "email", "chat")
STATUSES = ("new", "claimed", "contacted", "closed")
# Recorded at closing (contract.md); Dutch labels in bot/console/labels.py.
OUTCOMES = ("stayed_improved", "internal_move", "new_job", "training", "referred",
            "no_contact", "other")

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O/1/I: read out over the phone
REFERENCE_LENGTH = 6
REFERENCE_PATTERN = re.compile(rf"KP-[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}")

# The urgency reason is shown in the console (never in notifications); one short line.
URGENCY_REASON_MAX = 160


def new_reference() -> str:
    return "KP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def to_utc(value: datetime) -> datetime:
    """Aware UTC datetime; naive input is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a 'Z' suffix, second precision (what the API promises)."""
    if value is None:
        return None
    return to_utc(value).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def one_line(text: str | None, limit: int) -> str | None:
    """Collapse whitespace (newlines included) and cut to `limit` characters; '' becomes None."""
    if text is None:
        return None
    collapsed = " ".join(text.split())
    if not collapsed:
        return None
    return collapsed if len(collapsed) <= limit else collapsed[: limit - 1].rstrip() + "…"


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None


def _check_choice(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}, got {value!r}")


@dataclass(frozen=True)
class Contact:
    """How the person wants to be reached. Every field is optional (null when not given)."""

    name: str | None = None
    preferred_channel: str | None = None
    phone: str | None = None
    email: str | None = None
    preferred_time: str | None = None

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, _blank_to_none(getattr(self, f.name)))
        _check_choice("contact.preferred_channel", self.preferred_channel, PREFERRED_CHANNELS)

    def to_api(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "preferred_channel": self.preferred_channel,
            "phone": self.phone,
            "email": self.email,
            "preferred_time": self.preferred_time,
        }


@dataclass(frozen=True)
class TicketDraft:
    """Everything the handover action knows when the person confirmed the summary.

    `idempotency_key` makes creation safe to retry: the same key always yields the same ticket.
    A good key is stable per handover, e.g. f"{sender_key}:{consent_given_at.isoformat()}".
    `sender_key` is `bot.privacy.sender_key.sender_key(channel, sender_id)`, never the raw id.
    `deadline` is a real date (the action parses "1 maart"); unparseable text belongs in the
    summary, not here.
    `reference` may be given in advance (`new_reference()`) so the person can be told it
    before the ticket is stored (the handover spool); None lets the store pick one.
    `safety_flag`: the person made a crisis statement in this conversation (thoughts of
    suicide or self-harm). The console shows it prominently; notifications never carry it.
    A flagged draft is always urgency "high".
    """

    idempotency_key: str
    channel: str
    primary_topic: str
    consent_given_at: datetime
    consent_text_version: str
    topics: list[str] = field(default_factory=list)
    summary: str | None = None
    contact: Contact = field(default_factory=Contact)
    urgency: str = "normal"
    urgency_reason: str | None = None
    deadline: date | None = None
    region: str | None = None
    sector: str | None = None
    contract_type: str | None = None
    sender_key: str | None = None
    reference: str | None = None
    safety_flag: bool = False
    # The way back for a live chat (issue 12): channel + sender reference, already
    # encrypted (bot/tickets/live.py seal()); only when the person chose "hier in de chat".
    way_back: str | None = None
    # The person's explicit choices (no answer is no): the consultant may read the earlier
    # bot chat in the live view; we may ask once later whether it helped (issue 15).
    share_history: bool = False
    follow_up: bool = False
    # The way back for the follow-up (issue 15), encrypted like way_back; only with follow_up.
    follow_up_route: str | None = None

    def __post_init__(self) -> None:
        for name in ("safety_flag", "share_history", "follow_up"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be true or false")
        if self.safety_flag:
            object.__setattr__(self, "urgency", "high")
        if not self.idempotency_key or len(self.idempotency_key) > 200:
            raise ValueError("idempotency_key must be 1..200 characters")
        if not self.primary_topic:
            raise ValueError("primary_topic is required")
        if not self.consent_text_version:
            raise ValueError("consent_text_version is required: no ticket without consent")
        _check_choice("channel", self.channel, CHANNELS)
        _check_choice("urgency", self.urgency, URGENCIES)
        if isinstance(self.deadline, datetime):
            object.__setattr__(self, "deadline", self.deadline.date())
        elif isinstance(self.deadline, str):
            # Only ISO dates are accepted; raises ValueError otherwise.
            object.__setattr__(self, "deadline", date.fromisoformat(self.deadline))
        topics = [t for t in dict.fromkeys(self.topics) if t]
        if self.primary_topic not in topics:
            topics.insert(0, self.primary_topic)
        object.__setattr__(self, "topics", topics)
        object.__setattr__(self, "consent_given_at", to_utc(self.consent_given_at))
        object.__setattr__(
            self, "urgency_reason", one_line(self.urgency_reason, URGENCY_REASON_MAX)
        )
        for name in ("summary", "region", "sector", "contract_type"):
            object.__setattr__(self, name, _blank_to_none(getattr(self, name)))
        if self.reference is not None:
            reference = self.reference.strip().upper()
            if not REFERENCE_PATTERN.fullmatch(reference):
                raise ValueError(f"reference must look like KP-XXXXXX, got {self.reference!r}")
            object.__setattr__(self, "reference", reference)


@dataclass(frozen=True)
class Ticket:
    """A stored ticket. `to_api()` is the contract JSON; the rest is for the console."""

    id: str
    reference: str
    created_at: datetime
    updated_at: datetime
    channel: str
    primary_topic: str
    topics: list[str]
    urgency: str
    urgency_reason: str | None
    deadline: date | None
    summary: str | None
    contact: Contact
    region: str | None
    sector: str | None
    contract_type: str | None
    consent_given_at: datetime
    consent_text_version: str
    status: str
    assignee: str | None
    team: str
    closed_at: datetime | None
    due_at: datetime | None = None  # first contact due (service level, working time)
    first_contact_at: datetime | None = None
    outcome: str | None = None  # one of OUTCOMES, set at closing
    safety_flag: bool = False
    live: bool = False  # a consultant holds the conversation (live chat, issue 12)
    share_history: bool = False  # the consultant may read the earlier bot chat
    follow_up: bool = False  # we may ask once later whether it helped

    def to_api(self, extended: bool = False) -> dict[str, Any]:
        """The TICKET JSON of contract.md (the example plus the "safety_flag" addition).
        `extended=True` adds the internal fields
        team, urgency_reason, updated_at, closed_at, share_history and follow_up (for the
        console, not the public API)."""
        data: dict[str, Any] = {
            "id": self.id,
            "reference": self.reference,
            "created_at": iso_utc(self.created_at),
            "channel": self.channel,
            "primary_topic": self.primary_topic,
            "topics": list(self.topics),
            "urgency": self.urgency,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "summary": self.summary,
            "contact": self.contact.to_api(),
            "region": self.region,
            "sector": self.sector,
            "contract_type": self.contract_type,
            "consent": {
                "given_at": iso_utc(self.consent_given_at),
                "text_version": self.consent_text_version,
            },
            "status": self.status,
            "assignee": self.assignee,
            "due_at": iso_utc(self.due_at),
            "outcome": self.outcome,
            "safety_flag": self.safety_flag,
            "live": self.live,
        }
        if extended:
            data.update(
                team=self.team,
                urgency_reason=self.urgency_reason,
                updated_at=iso_utc(self.updated_at),
                closed_at=iso_utc(self.closed_at),
                # The person's choices at consent (not in contract.md's TICKET yet).
                share_history=self.share_history,
                follow_up=self.follow_up,
            )
        return data


@dataclass(frozen=True)
class Note:
    id: int
    ticket_id: str
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """One change. `detail` never holds the person's data (no contact fields, no note text)."""

    id: int
    ticket_id: str
    reference: str
    actor: str
    action: str
    detail: dict[str, Any]
    at: datetime


OUTBOX_KINDS = ("new", "changed", "withdrawn")


@dataclass(frozen=True)
class OutboxItem:
    """One notification to send. kind "new": a new ticket (the worker reads the ticket);
    "changed" / "withdrawn": a notice to the assignee that the person changed or withdrew
    the request, naming only `reference`, `team` and `assignee` (the ticket of a withdrawn
    request is gone)."""

    id: int
    ticket_id: str
    notifier: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    sent_at: datetime | None
    kind: str = "new"
    reference: str | None = None
    team: str | None = None
    assignee: str | None = None
