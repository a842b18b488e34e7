"""The follow-up on the member's side (issue 15, item 4): is an answer of this person
awaited? (one indexed query per message), and the answer the engine read goes to the
ticket store (a "nee" escalates the ticket; the six-week answers are only counted)."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from typing import Any

from rasa_sdk import Tracker

from actions.handover import input_channel
from actions.ticket_store import ticket_store
from bot.privacy.sender_key import sender_key
from bot.tickets.follow_up import FollowUps, answer_days

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_follow_ups: FollowUps | None = None


def follow_ups() -> FollowUps:
    global _follow_ups
    with _lock:
        store = ticket_store()
        if _follow_ups is None or _follow_ups.store is not store:
            _follow_ups = FollowUps(store, answer_days=answer_days(os.environ))
        return _follow_ups


async def pending(tracker: Tracker) -> tuple[str, str] | None:
    """(ticket id, awaited kind) or None; never raises (the bot then answers as usual)."""
    try:
        key = sender_key(input_channel(tracker), tracker.sender_id)
        return await asyncio.to_thread(follow_ups().pending_for_sender, key)
    except Exception as error:  # noqa: BLE001 (the person must get an answer)
        logger.error("Follow-up check failed: %s", error.__class__.__name__)
        return None


async def record(ticket_id: str, values: dict[str, Any]) -> None:
    kind = values.get("kind")
    store = follow_ups()
    if kind == "contact":
        await asyncio.to_thread(store.answer_contact, ticket_id, bool(values["reached"]))
    elif kind == "six_weeks":
        await asyncio.to_thread(store.answer_six_weeks, ticket_id, int(values["score"]),
                                values.get("recommend"))
    elif kind == "recommend":
        await asyncio.to_thread(store.answer_recommend, ticket_id, bool(values["recommend"]))
    logger.info("Follow-up answer (%s) recorded", kind)
