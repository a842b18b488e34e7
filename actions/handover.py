"""The handover's ticket work: build the ticket from what the person confirmed, and let
them check, correct or withdraw a request that is already sent.

The conversation (bot/dialogue/engine.py) decides when; this module talks to the
ticket store. Nothing is stored for a consultant before the person actively agreed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from datetime import UTC, date, datetime
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import is_flemish, slot_list
from actions.handover_spool import store_or_spool
from actions.ticket_store import ticket_store
from bot.handover import contact
from bot.handover.dates_nl import parse_deadline
from bot.handover.service_hours import contact_day, expected_contact
from bot.handover.urgency import Urgency, assess
from bot.privacy.sender_key import sender_key
from bot.tickets.idempotency import handover_key
from bot.tickets.models import Contact, TicketDraft, new_reference
from bot.tickets.retention import retention_days as ticket_retention_days
from bot.tickets.routing import route
from bot.tickets.store import InvalidContactField, TicketNotFound

logger = logging.getLogger(__name__)

# Bump when the consent text (utter_explain_consent, and the choices asked with it:
# utter_ask_choices) changes: tickets record it. .2: the two choices (share the earlier
# chat, ask later how it went) before the summary.
CONSENT_TEXT_VERSION = "2026-12-03.2"
KNOWN_CHANNELS = ("rest", "socketio", "telegram", "whatsapp")
# Contact details live in the ticket once it exists, not in the conversation.
CONTACT_SLOTS = (
    "consent_given", "consent_given_at", "contact_name", "contact_channel", "contact_phone",
    "contact_email", "contact_time", "summary", "summary_text", "summary_confirmed",
    "skipped", "attempts", "proposed_changes", "email_suggestion", "share_history", "follow_up",
)
CHANNEL_WORDS = {"phone": "bellen", "whatsapp": "WhatsApp", "email": "e-mail",
                 "chat": "hier in de chat"}


def _now() -> datetime:
    return datetime.now(UTC)


def retention_days() -> int:
    """The days the consent text promises; the worker purges tickets, open or closed, by
    the same setting (bot.tickets.retention)."""
    return ticket_retention_days(os.environ)


def input_channel(tracker: Tracker) -> str:
    channel = tracker.get_latest_input_channel() or "rest"
    return channel if channel in KNOWN_CHANNELS else "rest"


def reset_contact_slots() -> list[EventType]:
    return [SlotSet(name, None) for name in CONTACT_SLOTS]


def build_draft(tracker: Tracker, today: date) -> TicketDraft:
    topics = slot_list(tracker, "topics")
    safety = bool(tracker.get_slot("safety_flag"))
    deadline = parse_deadline(tracker.get_slot("deadline"), today)
    urgency = assess(topics, deadline, today, safety, False)
    if tracker.get_slot("urgent_request") and urgency.level != "high":
        urgency = Urgency("high", "Vraagt zelf om snel contact.")
    channel = input_channel(tracker)
    consent_at = tracker.get_slot("consent_given_at")
    # Same conversation + same consent = same ticket, however often this runs. Keyed with
    # the sender-key secret: an unkeyed hash would give the phone number away (issue 13, #6).
    key = handover_key(channel, tracker.sender_id, consent_at)
    name = tracker.get_slot("contact_name")
    primary = tracker.get_slot("primary_topic") or (topics[0] if topics else "request_human")
    channel_choice = tracker.get_slot("contact_channel")
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
            preferred_channel=channel_choice,
            phone=tracker.get_slot("contact_phone") if channel_choice in (
                "phone", "whatsapp") else None,
            email=tracker.get_slot("contact_email") if channel_choice == "email" else None,
            preferred_time=tracker.get_slot("contact_time"),
        ),
        urgency=urgency.level,
        urgency_reason=urgency.reason,
        deadline=deadline,
        region=tracker.get_slot("region"),
        sector=tracker.get_slot("sector"),
        contract_type=tracker.get_slot("contract_type"),
        sender_key=sender_key(channel, tracker.sender_id),
        safety_flag=safety,
        way_back=_way_back(tracker, channel_choice),
        # Only an explicit yes is a yes (no answer, skipped, after a crisis: no).
        share_history=tracker.get_slot("share_history") is True,
        follow_up=tracker.get_slot("follow_up") is True,
        follow_up_route=_follow_up_route(tracker),
        # Chosen before the first attempt, so the ticket and a spooled copy of this draft
        # carry the same reference, whichever of the two ends up in the database.
        reference=new_reference(),
    )


def _follow_up_route(tracker: Tracker) -> str | None:
    """The way back for the follow-up (issue 15), only when the person said yes to it."""
    if tracker.get_slot("follow_up") is not True:
        return None
    from bot.tickets.live import live_key, seal

    key = live_key(os.environ)
    if key is None:
        logger.warning("LIVE_CHAT_KEY is not set: no follow-up can be sent")
        return None
    return seal(input_channel(tracker), tracker.sender_id, key)


def _way_back(tracker: Tracker, channel_choice: str | None) -> str | None:
    from actions.live_chat import way_back  # live_chat imports this module

    return way_back(tracker, channel_choice)


async def submit(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    if tracker.get_slot("consent_given") is not True or not tracker.get_slot("consent_given_at"):
        dispatcher.utter_message(response="utter_consent_declined")
        return reset_contact_slots()
    try:
        draft = build_draft(tracker, _now().date())  # one clock for deadline and promise
        stored = await asyncio.to_thread(store_or_spool, draft)
    except Exception as error:  # noqa: BLE001 (the person must get an answer)
        # Nothing stored anywhere. Slots stay filled: trying again creates the same ticket.
        logger.error("Ticket could not be stored: %s", error.__class__.__name__)
        dispatcher.utter_message(response="utter_handover_failed")
        return [SlotSet("handover", True), SlotSet("pending", "summary")]
    promise = None
    if stored.queued:
        dispatcher.utter_message(response="utter_handover_queued",
                                 ticket_reference=stored.reference)
    else:
        logger.info("Handover ticket %s created", stored.reference)
        dispatcher.utter_message(response="utter_handover_done",
                                 contact_name=tracker.get_slot("contact_name"),
                                 ticket_reference=stored.reference)
        expectation = ("utter_handover_expectation_safety" if draft.safety_flag
                       else "utter_handover_expectation")
        if draft.safety_flag and (is_flemish(tracker) or str(
                tracker.get_slot("contact_phone") or "").startswith("+32")):
            # 1813 in Flanders, never the Dutch 113 (round 22b, p98 in Gent, +32 number).
            expectation += "_be"
        # The same calendar and target as the ticket's due_at (urgency, team's holidays).
        promise = expected_contact(_now(), urgency=draft.urgency, team=route(draft.region))
        dispatcher.utter_message(response=expectation, expected_contact=promise)
        last_day = contact_day(_now(), urgency=draft.urgency, team=route(draft.region))
        if draft.deadline is not None and draft.deadline <= last_day:
            # "uiterlijk vrijdag" for a man who must sign on Friday (round 12, p46): say so,
            # and what he can do himself, instead of a promise that comes too late.
            dispatcher.utter_message(response="utter_deadline_before_contact")
        wish = tracker.get_slot("contact_time")
        if draft.urgency == "high" and not draft.safety_flag and wish:
            # "bel me morgen voor 9 uur" from a man who resigns that morning heard only
            # "uiterlijk maandag" (round 19c, p84): his wish is passed on, not promised.
            dispatcher.utter_message(response="utter_time_wish_not_promised",
                                     contact_time=str(wish))
            if "zelf_ontslag_ww" in (tracker.get_slot("knowledge_given") or []):
                dispatcher.utter_message(response="utter_wait_with_resigning")
    dispatcher.utter_message(response="utter_handover_meanwhile")
    # The promise is kept for a thank-you later: "De consulent neemt uiterlijk ... contact
    # met je op" (round 10).
    return [*reset_contact_slots(), SlotSet("ticket_reference", stored.reference),
            SlotSet("expected_contact", promise)]


def _own_ticket(tracker: Tracker) -> tuple[Any, str]:
    key = sender_key(input_channel(tracker), tracker.sender_id)
    reference = tracker.get_slot("ticket_reference")
    tickets = ticket_store().open_tickets_for_sender(key)
    for ticket in tickets:
        if ticket.reference == reference:
            return ticket, key
    return (tickets[0] if tickets else None), key


def describe(ticket: Any) -> str:
    c = ticket.contact
    how = CHANNEL_WORDS.get(c.preferred_channel or "", "-")
    detail = c.phone if c.preferred_channel in ("phone", "whatsapp") else c.email
    lines = [f"Naam: {c.name or 'anoniem'}", f"Contact: {how}" + (f", {detail}" if detail else "")]
    if c.preferred_time:
        lines.append(f"Moment: {c.preferred_time}")
    if ticket.region:
        lines.append(f"Plaats: {ticket.region}")
    if ticket.summary:
        lines.append(f"Waarover: {ticket.summary}")
    return "\n".join(lines)


async def show_request(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    ticket, _ = await asyncio.to_thread(_own_ticket, tracker)
    if ticket is None:
        dispatcher.utter_message(response="utter_no_request_yet")
        return [SlotSet("ticket_reference", None)]
    dispatcher.utter_message(response="utter_show_request", ticket_reference=ticket.reference,
                             request=describe(ticket), status=ticket.status)
    return []


async def update_request(dispatcher: CollectingDispatcher, tracker: Tracker,
                         changes: dict[str, str]) -> list[EventType]:
    def update() -> Any:
        ticket, key = _own_ticket(tracker)
        if ticket is None:
            return None
        return ticket_store().update_contact_by_member(ticket.id, key, **changes)

    try:
        ticket = await asyncio.to_thread(update)
    except InvalidContactField as error:
        dispatcher.utter_message(response=f"utter_invalid_{_field_response(error.field)}")
        return []
    except TicketNotFound:
        ticket = None
    if ticket is None:
        dispatcher.utter_message(response="utter_no_request_yet")
        return [SlotSet("ticket_reference", None)]
    dispatcher.utter_message(response="utter_request_updated", ticket_reference=ticket.reference,
                             request=describe(ticket))
    return []


def _field_response(field: str) -> str:
    return {"phone": "phone", "email": "email", "name": "name"}.get(field, "channel")


async def withdraw_request(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    def withdraw() -> str | None:
        ticket, key = _own_ticket(tracker)
        if ticket is None:
            return None
        return ticket.reference if ticket_store().withdraw_by_member(ticket.id, key) else None

    reference = await asyncio.to_thread(withdraw)
    if reference is None:
        dispatcher.utter_message(response="utter_no_request_yet")
    else:
        dispatcher.utter_message(response="utter_request_withdrawn", ticket_reference=reference)
    return [SlotSet("ticket_reference", None)]
