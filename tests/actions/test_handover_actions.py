"""The ticket action without Rasa: consent gate, idempotency, minimisation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import ticket_store as ticket_store_module
from actions.handover import submit
from bot.tickets.store import TicketStore


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TICKETS_DB_URL", f"sqlite:///{tmp_path / 'tickets.db'}")
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "unit-test-secret")
    ticket_store_module.reset_ticket_store()
    store = TicketStore.from_url(f"sqlite:///{tmp_path / 'tickets.db'}")
    store.migrate()
    yield store
    store.close()
    ticket_store_module.reset_ticket_store()


def tracker(**slots) -> Tracker:
    base = {"topics": ["workload_health", "flex_contract"], "primary_topic": "workload_health",
            "consent_given": True, "consent_given_at": datetime.now(UTC).isoformat(),
            "contact_name": "Fatima", "contact_channel": "phone", "contact_phone": "+31612345678",
            "contact_time": "ochtend", "region": "Utrecht", "summary": "Gezondheid speelt mee.",
            "deadline": "over 3 weken", "contract_type": "tijdelijk"}
    base.update(slots)
    return Tracker("sender-1", base, {"intent": {"name": "affirm"}, "text": "ja"},
                   [], False, None, {"name": "handover_form"}, "action_listen")


async def test_a_retried_action_creates_one_ticket(store):
    same = tracker()
    for _ in range(3):
        await submit(CollectingDispatcher(), same)
    [ticket] = store.list_tickets()
    data = ticket.to_api()
    assert data["urgency"] == "high"  # flex contract ending within three months
    assert data["contact"]["phone"] == "+31612345678"
    assert data["summary"] == "Gezondheid speelt mee."


async def test_no_consent_no_ticket(store):
    dispatcher = CollectingDispatcher()
    events = await submit(dispatcher, tracker(consent_given=False))
    assert store.list_tickets() == []
    assert dispatcher.messages[0]["response"] == "utter_consent_declined"
    assert {"event": "slot", "name": "contact_phone", "value": None} in [
        {k: e[k] for k in ("event", "name", "value")} for e in events if e["event"] == "slot"]


async def test_contact_details_leave_the_conversation_after_the_ticket(store):
    events = await submit(CollectingDispatcher(), tracker())
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert {"contact_name", "contact_phone", "contact_email", "summary"} <= cleared


async def test_a_safety_flag_reaches_the_ticket_and_makes_it_urgent(store):
    await submit(CollectingDispatcher(), tracker(safety_flag=True, topics=["stuck"],
                                                 deadline=None))
    [ticket] = store.list_tickets()
    assert ticket.to_api()["safety_flag"] is True
    assert ticket.to_api()["urgency"] == "high"


@pytest.mark.parametrize(("share", "follow", "stored"), [
    (True, False, (True, False)), (False, True, (False, True)),
    (None, None, (False, False)),  # no answer (skipped, after a crisis) is no
    ("ja", 1, (False, False)),  # only an explicit yes is a yes
])
async def test_the_consent_choices_reach_the_ticket_with_the_new_text_version(
        store, share, follow, stored):
    events = await submit(CollectingDispatcher(),
                          tracker(share_history=share, follow_up=follow))
    [ticket] = store.list_tickets()
    assert (ticket.share_history, ticket.follow_up) == stored
    assert ticket.consent_text_version == "2026-12-03.2"
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert {"share_history", "follow_up"} <= cleared


async def test_the_safety_promise_in_flanders_names_1813_not_113(store):
    # Round 22b (p98, Gent, +32 number): the closing line said "113 (gratis: 0800-0113)".
    dispatcher = CollectingDispatcher()
    await submit(dispatcher, tracker(safety_flag=True, topics=["workload_health"], deadline=None,
                                     region="Gent", contact_phone="+32470123498"))
    said = [m.get("response") for m in dispatcher.messages]
    assert "utter_handover_expectation_safety_be" in said, said
    dispatcher = CollectingDispatcher()
    await submit(dispatcher, tracker(safety_flag=True, topics=["workload_health"], deadline=None,
                                     contact_phone="+31612345670"))
    assert "utter_handover_expectation_safety" in [m.get("response") for m in dispatcher.messages]
