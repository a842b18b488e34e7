"""Erasure during a live chat (issue 12), the action without Rasa: the chat ends only when
the erasure really happens, not when the person asks for it and then says no."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.fernet import Fernet
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from ticket_data import make_draft

from actions import live_chat
from actions import ticket_store as ticket_store_module
from actions.respond import ActionRespond
from bot.privacy.sender_key import sender_key
from bot.tickets.live import LiveChats, seal
from bot.tickets.store import TicketStore

KEY = Fernet.generate_key()
SENDER = "live-erase-unit"


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    monkeypatch.setenv("TICKETS_DB_URL", url)
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "unit-test-secret")
    monkeypatch.setenv("LIVE_CHAT_KEY", KEY.decode())
    ticket_store_module.reset_ticket_store()
    store = TicketStore.from_url(url)
    store.migrate()
    yield store
    store.close()
    ticket_store_module.reset_ticket_store()


@pytest.fixture
def ticket(store):
    draft = make_draft("live-erase", channel="rest", sender_key=sender_key("rest", SENDER),
                       way_back=seal("rest", f"rest:{SENDER}", KEY))
    ticket = store.create_ticket(draft)
    LiveChats(store).takeover(ticket.id, "anna", "anna")
    return ticket


async def say(text: str, intent: str, **slots: Any) -> tuple[list[dict], dict[str, Any]]:
    base = {"pending": None, "resume_pending": None, "disclosed": True}
    base.update(slots)
    tracker = Tracker(SENDER, base, {"text": text, "intent": {"name": intent,
                                                              "confidence": 0.99}},
                      [], False, None, None, "action_listen")
    dispatcher = CollectingDispatcher()
    events = await ActionRespond().run(dispatcher, tracker, {})
    set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return dispatcher.messages, set_slots


def responses(messages: list[dict]) -> list[str]:
    return [m.get("response") or m.get("text") or "" for m in messages]


async def test_saying_no_to_the_erasure_keeps_the_live_chat(store, ticket):
    said, slots = await say("verwijder mijn gegevens", "delete_my_data")
    assert "utter_ask_delete_confirm" in responses(said)
    assert store.get_ticket(ticket.id).live is True  # asked, not erased: still live
    said, slots = await say("nee", "deny", **slots)
    assert "utter_delete_cancelled" in responses(said)
    assert store.get_ticket(ticket.id).live is True
    said, _ = await say("ik heb nog een vraag over mijn contract", "job_search", **slots)
    assert [r for r in responses(said) if r.startswith("utter_")] == []  # the bot is silent
    assert [m.sender for m in LiveChats(store).messages(ticket.id)][-1] == "member"
    actions = [a.action for a in store.audit_trail(ticket.id)]
    assert "live_handback" not in actions


async def test_saying_yes_ends_the_live_chat_and_erases_it(store, ticket):
    _, slots = await say("verwijder mijn gegevens", "delete_my_data")
    said, _ = await say("ja", "affirm", **slots)
    assert "utter_deleted" in responses(said)
    assert store.get_ticket(ticket.id) is None
    actions = [(a.action, a.detail) for a in store.audit_trail(ticket.id)]
    assert ("live_handback", {"reason": "erasure"}) in actions
    assert live_chat.live_chats().state_for_sender(sender_key("rest", SENDER)) is None
