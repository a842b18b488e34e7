"""The ticket action when the ticket database is down: stored, spooled, or honestly failed.

"Down" is real here: TICKETS_DB_URL points at a PostgreSQL port nobody listens on.
"""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import UTC, datetime

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handover_spool as spool_module
from actions import ticket_store as ticket_store_module
from actions.handover import submit
from actions.privacy import erase
from bot.privacy.sender_key import sender_key
from bot.tickets.spool import HandoverSpool
from bot.tickets.store import TicketStore

SECRET = "unit-test-secret"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Working SQLite ticket store, a spool in tmp_path, a flusher that waits long."""
    monkeypatch.setenv("TICKETS_DB_URL", f"sqlite:///{tmp_path / 'tickets.db'}")
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", SECRET)
    monkeypatch.setenv("HANDOVER_SPOOL_PATH", str(tmp_path / "spool.db"))
    monkeypatch.setenv("HANDOVER_SPOOL_RETRY_SECONDS", "3600")
    ticket_store_module.reset_ticket_store()
    spool_module.reset_handover_spool()
    yield monkeypatch
    spool_module.reset_handover_spool()
    ticket_store_module.reset_ticket_store()


def database_down(monkeypatch) -> None:
    monkeypatch.setenv("TICKETS_DB_URL", f"postgresql://postgres@127.0.0.1:{closed_port()}/kp")
    ticket_store_module.reset_ticket_store()


def database_back(monkeypatch, tmp_path) -> TicketStore:
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    monkeypatch.setenv("TICKETS_DB_URL", url)
    ticket_store_module.reset_ticket_store()
    store = TicketStore.from_url(url)
    store.migrate()
    return store


def tracker(sender: str = "sender-1") -> Tracker:
    slots = {"topics": ["flex_contract"], "primary_topic": "flex_contract",
             "consent_given": True, "consent_given_at": datetime.now(UTC).isoformat(),
             "contact_name": "Fatima", "contact_channel": "phone",
             "contact_phone": "+31612345678", "contact_time": "ochtend", "region": "Utrecht",
             "summary": "Contract stopt.", "summary_confirmed": True}
    return Tracker(sender, slots, {"intent": {"name": "affirm"}, "text": "ja"},
                   [], False, None, {"name": "handover_form"}, "action_listen")


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


def cleared_slots(events) -> set[str]:
    return {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}


async def test_stored_when_the_database_is_up(env, tmp_path):
    dispatcher = CollectingDispatcher()
    events = await submit(dispatcher, tracker())
    assert responses(dispatcher) == [
        "utter_handover_done", "utter_handover_expectation", "utter_handover_meanwhile"]
    reference = dispatcher.messages[0]["ticket_reference"]
    assert [t.reference for t in ticket_store_module.ticket_store().list_tickets()] == [reference]
    assert HandoverSpool(tmp_path / "spool.db").pending_count() == 0
    assert "contact_phone" in cleared_slots(events)


async def test_spooled_when_the_database_is_down_and_stored_once_it_is_back(env, tmp_path):
    database_down(env)
    dispatcher = CollectingDispatcher()
    same = tracker()
    events = await submit(dispatcher, same)
    assert responses(dispatcher) == ["utter_handover_queued", "utter_handover_meanwhile"]
    told = dispatcher.messages[0]["ticket_reference"]
    assert told.startswith("KP-")
    # Continues as on success: contact details leave the conversation, reference kept.
    assert {"contact_name", "contact_phone", "summary", "consent_given_at"} <= cleared_slots(
        events)
    assert {"event": "slot", "name": "ticket_reference", "value": told} in [
        {k: e[k] for k in ("event", "name", "value")} for e in events]
    spool = HandoverSpool(tmp_path / "spool.db")
    assert spool.pending_count() == 1

    # Confirming the same handover again while still down: still one spooled request,
    # and the person hears the same reference.
    again = CollectingDispatcher()
    await submit(again, same)
    assert again.messages[0]["ticket_reference"] == told
    assert spool.pending_count() == 1

    store = database_back(env, tmp_path)
    try:
        [ticket] = spool.drain(ticket_store_module.ticket_store())
        assert ticket.reference == told
        assert ticket.contact.phone == "+31612345678"
        assert [t.id for t in store.list_tickets()] == [ticket.id]
    finally:
        store.close()


async def test_the_flusher_stores_spooled_requests_by_itself(env, tmp_path):
    env.setenv("HANDOVER_SPOOL_RETRY_SECONDS", "0.05")
    env.setenv("HANDOVER_SPOOL_RETRY_MAX_SECONDS", "0.2")
    spool_module.reset_handover_spool()
    database_down(env)
    dispatcher = CollectingDispatcher()
    await submit(dispatcher, tracker())
    told = dispatcher.messages[0]["ticket_reference"]
    assert spool_module.spool_flusher().running
    store = database_back(env, tmp_path)
    try:
        deadline = time.monotonic() + 60
        while spool_module.handover_spool().pending_count():
            assert time.monotonic() < deadline, "the flusher did not empty the spool"
            await asyncio.sleep(0.05)
        assert [t.reference for t in store.list_tickets()] == [told]
    finally:
        store.close()


async def test_failed_when_even_the_spool_cannot_be_written(env, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    env.setenv("HANDOVER_SPOOL_PATH", str(blocker / "spool.db"))
    spool_module.reset_handover_spool()
    database_down(env)
    dispatcher = CollectingDispatcher()
    events = await submit(dispatcher, tracker())
    assert responses(dispatcher) == ["utter_handover_failed"]
    # Slots stay filled and the summary question stands: "ja" again creates the same ticket.
    assert not cleared_slots(events)
    assert {(e["name"], e["value"]) for e in events} == {("handover", True), ("pending", "summary")}


async def test_erasure_also_removes_spooled_requests(env, tmp_path):
    database_down(env)
    await submit(CollectingDispatcher(), tracker("wis-mij"))
    await submit(CollectingDispatcher(), tracker("blijf"))
    spool = HandoverSpool(tmp_path / "spool.db")
    assert spool.pending_count() == 2
    database_back(env, tmp_path).close()
    dispatcher = CollectingDispatcher()
    await erase(dispatcher, tracker("wis-mij"))
    assert responses(dispatcher) == ["utter_deleted"]
    assert spool.pending_count() == 1
    store = ticket_store_module.ticket_store()
    assert len(spool.drain(store)) == 1
    assert store.delete_for_sender(sender_key("rest", "blijf", SECRET)) == 1
