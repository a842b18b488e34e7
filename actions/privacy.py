"""Erasure on request: the person's tickets (and spooled requests) now, their conversation
soon after."""

from __future__ import annotations

import asyncio
import logging

import sqlalchemy as sa
from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import live_chat
from actions.handover import input_channel
from actions.handover_spool import handover_spool
from actions.ticket_store import ticket_store
from bot.privacy.conversations import request_erasure
from bot.privacy.sender_key import sender_key
from bot.settings import Settings, with_postgres_timeouts

logger = logging.getLogger(__name__)


def _erase(channel: str, sender_id: str) -> int:
    key = sender_key(channel, sender_id)
    live_chat.end_for_erasure(channel, sender_id)  # a live chat ends only now (issue 12)
    # The spool first: a flush in progress finishes before this returns, so the ticket it
    # created is then found in the database below.
    removed = handover_spool().delete_for_sender(key)
    removed += ticket_store().delete_for_sender(key)
    engine = sa.create_engine(with_postgres_timeouts(Settings.from_env().tickets_db_url),
                              future=True)
    try:
        request_erasure(engine, sender_id)
    finally:
        engine.dispose()
    return removed


async def erase(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Delete the person's requests now and their conversation soon after."""
    try:
        removed = await asyncio.to_thread(_erase, input_channel(tracker), tracker.sender_id)
    except Exception as error:  # noqa: BLE001 (the person must get an answer)
        logger.error("Erasure failed: %s", error.__class__.__name__)
        dispatcher.utter_message(response="utter_handover_failed")
        return []
    logger.info("Erasure done: %d ticket(s), conversation queued", removed)
    dispatcher.utter_message(response="utter_deleted")
    # Only the fact that it happened stays, for "is het nu echt weg?" (round 6, p34).
    return [AllSlotsReset(), Restarted(), SlotSet("erased", True)]
