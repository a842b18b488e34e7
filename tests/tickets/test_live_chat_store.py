"""Live chat storage (issue 12): the encrypted way back, the live flag, the messages, the
idle time-out and erasure; on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from tickets_support import make_draft

from bot.tickets.live import (
    LiveChats,
    NotLive,
    NotReachable,
    live_key,
    seal,
    unseal,
)
from bot.tickets.schema import live_messages, live_routes

KEY = Fernet.generate_key()
SENDER = "telegram:555000111"


def chat_ticket(store, key: str = "live-1", sender_key: str = "k" * 64):
    draft = make_draft(key, channel="telegram", sender_key=sender_key,
                       way_back=seal("telegram", SENDER, KEY))
    return store.create_ticket(draft)


def test_the_way_back_is_encrypted_and_readable_only_with_the_key(store):
    ticket = chat_ticket(store)
    with store.engine.connect() as conn:
        dump = json.dumps([list(map(str, row)) for row in conn.execute(
            sa.text("SELECT * FROM live_routes"))])
    assert "555000111" not in dump
    [stored] = [row for row in json.loads(dump)]
    assert stored[0] == ticket.id
    assert unseal(stored[2], KEY) == ("telegram", SENDER)
    with pytest.raises(NotReachable):
        unseal(stored[2], Fernet.generate_key())
    assert live_key({"LIVE_CHAT_KEY": KEY.decode()}) == KEY
    assert live_key({"LIVE_CHAT_KEY": "any passphrase"}) != live_key({"LIVE_CHAT_KEY": "other"})
    assert live_key({}) is None


def test_takeover_message_handback_with_audit_without_text(store):
    live = LiveChats(store)
    ticket = chat_ticket(store)
    assert ticket.to_api()["live"] is False
    with pytest.raises(NotLive):
        live.send_consultant(ticket.id, "anna", "Hallo")
    taken = live.takeover(ticket.id, "anna", "anna")
    assert taken.live and taken.status == "claimed" and taken.assignee == "anna"
    assert store.get_ticket(ticket.id).to_api()["live"] is True
    state = live.state_for_sender("k" * 64)
    assert state.live and not state.idle and state.channel == "telegram"
    live.send_consultant(ticket.id, "anna", "Hoi, ik ben Anna. Waar kan ik mee helpen?")
    live.record_member(ticket.id, "mijn contract stopt")
    back = live.handback(ticket.id, "anna")
    assert back.live is False and live.state_for_sender("k" * 64).live is False
    said = [(m.sender, m.text) for m in live.messages(ticket.id)]
    assert [s for s, _ in said] == ["system", "consultant", "member", "system"]
    assert said[1][1].startswith("Hoi, ik ben Anna")
    audit = [(a.actor, a.action, a.detail) for a in store.audit_trail(ticket.id)]
    assert ("anna", "live_takeover", {"assignee": "anna", "from": "new"}) in audit
    assert [a for a in audit if a[1] == "live_message"] == [
        ("anna", "live_message", {"from": "consultant", "message_id": 2}),
        ("person", "live_message", {"from": "member", "message_id": 3})]
    assert ("anna", "live_handback", {"reason": "consultant"}) in audit
    assert "contract" not in json.dumps([a[2] for a in audit])
    # Telegram: the worker delivers, with the consultant's first name.
    due = live.due_deliveries()
    assert [d.text.split(":")[0] for d in due][:2] == [
        "Je praat nu met Anna, loopbaanconsulent van Koffiepraat. De chatbot is even stil. "
        "Typ 'stop' als je weer met de chatbot verder wilt.", "Anna (consulent)"]


def test_no_way_back_means_no_takeover(store):
    ticket = store.create_ticket(make_draft("no-chat", sender_key="m" * 64))
    with pytest.raises(NotReachable):
        LiveChats(store).takeover(ticket.id, "anna", "anna")
    assert LiveChats(store).state_for_sender("m" * 64) is None


def test_idle_time_out_ends_the_chat_for_both_sides(store, clock):
    live = LiveChats(store, idle_minutes=20, clock=clock)
    ticket = chat_ticket(store)
    live.takeover(ticket.id, "anna", "anna")
    clock.advance(minutes=19)
    assert live.expire_idle() == []
    assert live.state_for_sender("k" * 64).idle is False
    clock.advance(minutes=2)
    assert live.state_for_sender("k" * 64).idle is True
    assert live.expire_idle() == [ticket.id]
    assert store.get_ticket(ticket.id).live is False
    texts = [m.text for m in live.messages(ticket.id) if m.sender == "system"]
    assert any("omdat het een tijd stil was" in t for t in texts)  # to the person
    assert any("20 minuten stil" in t for t in texts)  # in the consultant's view
    assert ("system", "live_handback", {"reason": "idle"}) in [
        (a.actor, a.action, a.detail) for a in store.audit_trail(ticket.id)]


def test_crisis_flags_the_ticket_and_erasure_takes_everything(store):
    live = LiveChats(store)
    ticket = chat_ticket(store)
    live.takeover(ticket.id, "anna", "anna")
    live.record_member(ticket.id, "ik wil er niet meer zijn", crisis=True)
    assert store.get_ticket(ticket.id).safety_flag is True
    assert live.route_info(ticket.id)["crisis_at"] is not None
    assert store.delete_for_sender("k" * 64) == 1
    with store.engine.connect() as conn:
        for table in (live_routes, live_messages):
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0
    assert live.state_for_sender("k" * 64) is None
    with pytest.raises(NotReachable):
        live.takeover(ticket.id, "anna", "anna")


def test_retention_purges_live_messages_with_the_ticket(store, clock):
    live = LiveChats(store)
    ticket = chat_ticket(store)
    live.takeover(ticket.id, "anna", "anna")
    live.send_consultant(ticket.id, "anna", "Hallo")
    live.handback(ticket.id, "anna")
    store.update_ticket(ticket.id, status="closed", actor="anna")
    clock.advance(days=100)
    assert store.purge(90) == 1
    with store.engine.connect() as conn:
        assert conn.execute(
            sa.select(sa.func.count()).select_from(live_messages)).scalar() == 0


def test_rest_messages_wait_for_the_next_reply(store):
    live = LiveChats(store)
    ticket = store.create_ticket(make_draft(
        "rest-chat", channel="rest", sender_key="r" * 64,
        way_back=seal("rest", "rest:abc", KEY)))
    live.takeover(ticket.id, "anna", "anna")
    live.send_consultant(ticket.id, "anna", "Hallo")
    assert live.due_deliveries() == []
    assert live.state_for_sender("r" * 64).waiting is True
    assert [m.sender for m in live.take_waiting(ticket.id)] == ["system", "consultant"]
    assert live.take_waiting(ticket.id) == []
    assert live.state_for_sender("r" * 64).waiting is False
