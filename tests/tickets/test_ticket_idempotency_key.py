"""Issue 13, finding 6: the handover's idempotency key does not reveal the phone number.

It used to be the unkeyed SHA-256 of channel, conversation id and consent time, stored
next to that consent time, so trying every Dutch mobile number recovered the number. Now it
is keyed with the sender-key secret; tickets stored with the old key are still found by a
retried handover (migration 8 rewrites them, the store keys old-form drafts)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from rasa_sdk import Tracker
from sqlalchemy import delete, select, update

from actions.handover import build_draft
from bot.tickets.schema import schema_version, tickets

CONVERSATION = "whatsapp:31612345678"
CONSENT_AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).isoformat()
TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "finding-6-secret")


def handover(conversation: str = CONVERSATION) -> Tracker:
    slots = {"topics": ["unemployed"], "primary_topic": "unemployed", "consent_given": True,
             "consent_given_at": CONSENT_AT, "contact_name": "Fatima",
             "contact_channel": "phone", "contact_phone": "+31612345678",
             "summary": "Zoekt werk."}
    events = [{"event": "user", "text": "ja", "input_channel": "whatsapp",
               "parse_data": {"intent": {"name": "affirm"}}}]
    return Tracker(conversation, slots, {"intent": {"name": "affirm"}, "text": "ja"},
                   events, False, None, {"name": "handover_form"}, "action_listen")


def unkeyed(channel: str, conversation: str, consent_at: str = CONSENT_AT) -> str:
    """The old key: what an attacker computes for every candidate number."""
    return hashlib.sha256(f"{channel}|{conversation}|{consent_at}".encode()).hexdigest()


def stored_keys(store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(tickets.c.idempotency_key)).scalars())


def test_the_key_cannot_be_found_by_trying_phone_numbers():
    key = build_draft(handover(), TODAY).idempotency_key
    candidates = {unkeyed(channel, f"{prefix}31612345678")
                  for channel in ("rest", "socketio", "telegram", "whatsapp")
                  for prefix in ("", "whatsapp:")}
    assert key not in candidates
    assert not any(candidate in key for candidate in candidates)


def test_the_key_depends_on_the_secret_and_is_stable_per_handover(monkeypatch):
    first = build_draft(handover(), TODAY).idempotency_key
    assert build_draft(handover(), TODAY).idempotency_key == first  # a retry: same ticket
    assert build_draft(handover("whatsapp:31687654321"), TODAY).idempotency_key != first
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "another-secret")
    assert build_draft(handover(), TODAY).idempotency_key != first


def test_no_stored_key_is_an_unkeyed_hash_of_the_conversation(store):
    store.create_ticket(build_draft(handover(), TODAY))
    [key] = stored_keys(store)
    assert key != unkeyed("whatsapp", CONVERSATION)
    assert unkeyed("whatsapp", CONVERSATION) not in key


def test_a_ticket_stored_before_the_upgrade_is_rekeyed_and_found_by_a_retry(store):
    # A ticket written by the previous release: its key is the unkeyed hash, and the
    # migration that rewrites keys has not run yet.
    old = replace(build_draft(handover(), TODAY),
                  idempotency_key="legacy-placeholder")
    ticket = store.create_ticket(old)
    with store.engine.begin() as conn:
        conn.execute(update(tickets).values(idempotency_key=unkeyed("whatsapp", CONVERSATION)))
        conn.execute(delete(schema_version).where(schema_version.c.version == 8))
    store.migrate()
    assert stored_keys(store) != [unkeyed("whatsapp", CONVERSATION)]
    again = store.create_ticket(build_draft(handover(), TODAY))  # the retried handover
    assert again.id == ticket.id
    assert len(store.list_tickets()) == 1


def test_a_spooled_draft_of_the_previous_release_lands_on_the_same_ticket(store):
    new = build_draft(handover(), TODAY)
    spooled_before_upgrade = replace(new, idempotency_key=unkeyed("whatsapp", CONVERSATION))
    first = store.create_ticket(spooled_before_upgrade)
    second = store.create_ticket(new)
    assert second.id == first.id
    assert len(store.list_tickets()) == 1
    assert stored_keys(store) == [new.idempotency_key]
