"""Warm-lead handover: consent, contact details (handover_form) and the ticket.

Nothing is stored for a consultant before the person actively agrees; the form
asks one thing at a time and only what the chosen contact route needs.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from datetime import UTC, date, datetime
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import is_flemish, slot_list
from actions.handover_spool import store_or_spool
from bot import contact
from bot.dates_nl import parse_deadline
from bot.leads import assess
from bot.service_hours import expected_contact
from bot.tickets.models import Contact, TicketDraft, new_reference
from bot.tickets.sender_key import sender_key
from bot.topics import HEALTH_TOPICS, build_summary

logger = logging.getLogger(__name__)

# Bump when the consent text (utter_explain_consent) changes: tickets record it.
CONSENT_TEXT_VERSION = "2026-11-22.1"
KNOWN_CHANNELS = ("rest", "socketio", "telegram", "whatsapp")
CONTACT_SLOTS = (
    "consent_given", "consent_given_at", "contact_name", "contact_channel", "contact_phone",
    "contact_email", "contact_time", "summary", "summary_confirmed", "summary_edit",
    "requested_slot",
)


def retention_days() -> int:
    return int(os.environ.get("TICKETS_RETENTION_DAYS", "90"))


def input_channel(tracker: Tracker) -> str:
    channel = tracker.get_latest_input_channel() or "rest"
    return channel if channel in KNOWN_CHANNELS else "rest"


def reset_contact_slots() -> list[EventType]:
    return [SlotSet(name, None) for name in CONTACT_SLOTS]


class ValidateHandoverForm(FormValidationAction):
    def name(self) -> str:
        return "validate_handover_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("consent_given") is False:
            return []  # no consent: nothing else is asked
        crisis = bool(tracker.get_slot("crisis_mode"))
        # After a crisis: only consent and how to reach the person, nothing more.
        slots = ["consent_given", "contact_channel"] if crisis else [
            "consent_given", "contact_name", "contact_channel"]
        channel = tracker.get_slot("contact_channel")
        if channel in ("phone", "whatsapp"):
            slots.append("contact_phone")
        elif channel == "email":
            slots.append("contact_email")
        if crisis:
            return slots
        if channel != "chat":
            slots.append("contact_time")
        slots += ["region", "summary_confirmed"]
        if tracker.get_slot("summary_confirmed") is False:
            slots.append("summary_edit")
        return slots

    def validate_consent_given(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is True:
            return {"consent_given": True, "consent_given_at": datetime.now(UTC).isoformat()}
        return {"consent_given": False if value is False else None}

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        name = contact.clean_name(str(value) if value else None)
        if name is None:
            dispatcher.utter_message(response="utter_invalid_name")
            return {"contact_name": None}
        if name == contact.ANONYMOUS:
            dispatcher.utter_message(response="utter_anonymous_chat_only")
            return {"contact_name": name, "contact_channel": "chat"}
        return {"contact_name": name}

    def validate_contact_channel(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"contact_channel": contact.clean_channel(str(value) if value else None)}

    def validate_contact_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        phone = contact.normalise_phone(str(value) if value else None, is_flemish(tracker))
        if phone is None:
            dispatcher.utter_message(response="utter_invalid_phone")
        return {"contact_phone": phone}

    def validate_contact_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        email = contact.clean_email(str(value) if value else None)
        if email is None:
            dispatcher.utter_message(response="utter_invalid_email")
        return {"contact_email": email}

    def validate_contact_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        moment = contact.clean_free_text(str(value) if value else None)
        if moment is None:
            dispatcher.utter_message(response="utter_invalid_time")
        return {"contact_time": moment}

    def validate_region(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"region": contact.clean_free_text(str(value) if value else None, limit=60)}

    def validate_summary_edit(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = contact.clean_free_text(str(value) if value else None, limit=300)
        if text is None:
            return {"summary_edit": None}
        # The person wrote it in their own words: that is the confirmed summary.
        return {"summary_edit": text, "summary": text, "summary_confirmed": True}


class ActionAskConsentGiven(Action):
    def name(self) -> str:
        return "action_ask_consent_given"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_explain_consent", retention_days=retention_days())
        if any(t in HEALTH_TOPICS for t in slot_list(tracker, "topics")):
            dispatcher.utter_message(response="utter_health_note_consent")
        dispatcher.utter_message(response="utter_ask_consent_given")
        return [SlotSet("offer_pending", False)]


class ActionAskSummaryConfirmed(Action):
    def name(self) -> str:
        return "action_ask_summary_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        summary = build_summary(
            slot_list(tracker, "topics"),
            sector=tracker.get_slot("sector"),
            contract_type=tracker.get_slot("contract_type"),
            deadline_text=tracker.get_slot("deadline"),
        )
        dispatcher.utter_message(response="utter_ask_summary_confirmed", summary=summary)
        return [SlotSet("summary", summary)]


def build_draft(tracker: Tracker, today: date) -> TicketDraft:
    topics = slot_list(tracker, "topics")
    crisis = bool(tracker.get_slot("crisis_mode"))
    deadline = parse_deadline(tracker.get_slot("deadline"), today)
    urgency = assess(topics, deadline, today, crisis, bool(tracker.get_slot("repeated_topic")))
    channel = input_channel(tracker)
    consent_at = tracker.get_slot("consent_given_at")
    # Same conversation + same consent = same ticket, however often this runs.
    key = hashlib.sha256(f"{channel}|{tracker.sender_id}|{consent_at}".encode()).hexdigest()
    name = tracker.get_slot("contact_name")
    primary = tracker.get_slot("primary_topic") or (topics[0] if topics else "request_human")
    return TicketDraft(
        idempotency_key=key,
        channel=channel,
        primary_topic=primary,
        topics=topics or ["request_human"],
        consent_given_at=datetime.fromisoformat(consent_at),
        consent_text_version=CONSENT_TEXT_VERSION,
        summary=tracker.get_slot("summary"),
        contact=Contact(
            name=None if name == contact.ANONYMOUS else name,
            preferred_channel=tracker.get_slot("contact_channel"),
            phone=tracker.get_slot("contact_phone"),
            email=tracker.get_slot("contact_email"),
            preferred_time=tracker.get_slot("contact_time"),
        ),
        urgency=urgency.level,
        urgency_reason=urgency.reason,
        deadline=deadline,
        region=tracker.get_slot("region"),
        sector=tracker.get_slot("sector"),
        contract_type=tracker.get_slot("contract_type"),
        sender_key=sender_key(channel, tracker.sender_id),
        # Chosen before the first attempt, so the ticket and a spooled copy of this draft
        # carry the same reference, whichever of the two ends up in the database.
        reference=new_reference(),
    )


class ActionSubmitHandover(Action):
    def name(self) -> str:
        return "action_submit_handover"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("consent_given") is not True or not tracker.get_slot(
            "consent_given_at"
        ):
            dispatcher.utter_message(response="utter_consent_declined")
            return [
                *reset_contact_slots(),
                SlotSet("crisis_mode", False),
                SlotSet("offer_pending", False),
            ]
        try:
            draft = build_draft(tracker, datetime.now(UTC).date())
            stored = await asyncio.to_thread(store_or_spool, draft)
        except Exception as error:  # noqa: BLE001 (the person must get an answer)
            # Nothing stored anywhere. Slots stay filled: trying again later creates the
            # same ticket (same idempotency key).
            logger.error("Ticket could not be stored: %s", error.__class__.__name__)
            dispatcher.utter_message(response="utter_handover_failed")
            return []
        if stored.queued:
            # Saved in the spool; the flusher creates the ticket when the database is back.
            # No call-back time is promised: that depends on how long the outage lasts.
            dispatcher.utter_message(
                response="utter_handover_queued", ticket_reference=stored.reference)
        else:
            logger.info("Handover ticket %s created", stored.reference)
            dispatcher.utter_message(
                response="utter_handover_done",
                contact_name=tracker.get_slot("contact_name"),
                ticket_reference=stored.reference,
            )
            dispatcher.utter_message(
                response="utter_handover_expectation",
                expected_contact=expected_contact(datetime.now(UTC)),
            )
        dispatcher.utter_message(response="utter_handover_meanwhile")
        # Contact details now live in the ticket (or the spool) only (data minimisation).
        return [
            *reset_contact_slots(),
            SlotSet("ticket_reference", stored.reference),
            SlotSet("crisis_mode", False),
            SlotSet("offer_pending", False),
        ]


class ActionStopForm(Action):
    def name(self) -> str:
        return "action_stop_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_form_stopped")
        return reset_contact_slots()
