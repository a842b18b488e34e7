"""Live chat on the member's side (issue 12): before the bot decides anything, one look in
the tickets database whether a consultant holds this conversation.

- Nobody holds it (almost every message): one indexed query, then the bot answers as usual.
- A consultant holds it: the bot is silent; the message is stored for the consultant's view.
  Exceptions: a clear crisis statement gets the crisis answer at once (and flags the chat);
  "stop" / "ik wil weer met de bot" ends the live chat; a request to erase the data gets
  the bot's erasure steps (question and confirmation) and the chat ends only when the
  erasure really happens; a chat idle past the time-out ends and the bot answers.
- Messages that wait for the person's next reply (REST, the widget, WhatsApp after the
  template) go out with the answer to this message.

State is only in the database: every Rasa and action-server process sees the same.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handover import input_channel
from actions.ticket_store import ticket_store
from bot.channels.widget_live import live_marker
from bot.dialogue.patterns import DELETE_WORDS
from bot.privacy.sender_key import sender_key
from bot.tickets.live import MEMBER_STOP, MEMBER_STOP_TEXT, LiveChats, idle_minutes, live_key, seal
from bot.tickets.live_notice import quiet_minutes

logger = logging.getLogger(__name__)

CRISIS_RECORD = "[antwoord bij crisis gestuurd: 113/112]"

_lock = threading.Lock()
_chats: LiveChats | None = None


def live_chats() -> LiveChats:
    global _chats
    with _lock:
        store = ticket_store()
        if _chats is None or _chats.store is not store:
            _chats = LiveChats(store, idle_minutes(os.environ),
                               notify_quiet_minutes=quiet_minutes(os.environ))
        return _chats


def way_back(tracker: Tracker, preferred_channel: str | None) -> str | None:
    """The encrypted way back, stored with the ticket when the person chose the chat."""
    if preferred_channel != "chat":
        return None
    key = live_key(os.environ)
    if key is None:
        logger.warning("LIVE_CHAT_KEY is not set: a consultant cannot answer in this chat")
        return None
    return seal(input_channel(tracker), tracker.sender_id, key)


@dataclass
class Intercepted:
    """What the live-chat check decided for this message."""

    silent: bool = False  # the bot says nothing more this turn
    said: list[str] = field(default_factory=list)
    erasure_only: bool = False  # live: the bot only takes the erasure steps this turn


def _check(channel: str, sender_id: str, text: str, intent: str, crisis: bool,
           pending: str | None = None) -> Any:
    chats = live_chats()
    state = chats.state_for_sender(sender_key(channel, sender_id))
    if state is None:
        return None, [], None
    outcome, waiting = _decide(chats, state, channel, text, intent, crisis, pending)
    live = outcome in ("live", "crisis", "erasure")
    return outcome, waiting, (live, state.assignee if live else None)


def _decide(chats: LiveChats, state: Any, channel: str, text: str, intent: str, crisis: bool,
            pending: str | None) -> Any:
    ticket_id = state.ticket_id
    if state.live and state.idle:
        chats.handback(ticket_id, "system", "idle")
        state = None
    elif state.live:
        if MEMBER_STOP.match(text or ""):
            chats.handback(ticket_id, "person", "member")
            return "stopped", chats.take_waiting(ticket_id)
        chats.record_member(ticket_id, text, crisis=crisis)
        if not crisis and (pending == "delete_confirm" or (
                intent == "delete_my_data" and DELETE_WORDS.search(text or ""))):
            # The bot's erasure steps (question, then the answer to it) run during the live
            # chat; it ends only when the erasure really happens (actions/privacy.py).
            return "erasure", chats.take_waiting(ticket_id)
        if crisis:
            chats.record_bot(ticket_id, CRISIS_RECORD)
        return ("crisis" if crisis else "live"), chats.take_waiting(ticket_id)
    if channel == "whatsapp":
        chats.member_wrote(ticket_id)  # the 24-hour window restarts
    return "bot", chats.take_waiting(ticket_id)


async def intercept(dispatcher: CollectingDispatcher, tracker: Tracker) -> Intercepted:
    """Run before the conversation decides; never raises (the bot then answers as usual)."""
    import asyncio

    message = tracker.latest_message or {}
    text = message.get("text") or ""
    intent = (message.get("intent") or {}).get("name") or ""
    crisis = message.get("crisis_level") == "clear" or intent == "crisis"
    try:
        outcome, waiting, marker = await asyncio.to_thread(
            _check, input_channel(tracker), tracker.sender_id, text, intent, crisis,
            tracker.get_slot("pending"))
    except Exception as error:  # noqa: BLE001 (the person must get an answer)
        logger.error("Live chat check failed: %s", error.__class__.__name__)
        return Intercepted()
    for message_ in waiting:
        dispatcher.utter_message(text=message_.for_member())
    if input_channel(tracker) == "socketio" and marker is not None and (
            waiting or outcome != "bot"):
        # The widget shows (or hides) "you are talking with <name>" (widget_live.py).
        dispatcher.utter_message(json_message={"data": {"live_chat": live_marker(*marker)}})
    if outcome == "stopped":
        dispatcher.utter_message(text=MEMBER_STOP_TEXT)
        return Intercepted(silent=True)
    if outcome == "crisis":
        logger.info("Live chat: crisis answer sent, the consultant's view is flagged")
        dispatcher.utter_message(response="utter_crisis")
        return Intercepted(silent=True)
    if outcome == "live" and input_channel(tracker) == "rest":
        # A REST client needs an answer to its request: a marker, no text from the bot.
        dispatcher.utter_message(json_message={"live_chat": "received"})
    return Intercepted(silent=outcome == "live", erasure_only=outcome == "erasure")


def end_for_erasure(channel: str, sender_id: str) -> None:
    """The erasure really happens: the live chat ends first (audited), then it is erased."""
    state = live_chats().state_for_sender(sender_key(channel, sender_id))
    if state is not None and state.live:
        live_chats().handback(state.ticket_id, "person", "erasure")
