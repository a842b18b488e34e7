"""The promise to the member comes from the ticket's calendar: urgency, region, holidays."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handover
from actions import ticket_store as ticket_store_module
from bot.tickets.store import TicketStore

# Friday 24 April 2026, 10:00 in Amsterdam: Monday 27 April is Koningsdag (NL only).
FRIDAY = datetime(2026, 4, 24, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    monkeypatch.setenv("TICKETS_DB_URL", url)
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "unit-test-secret")
    monkeypatch.setattr(handover, "_now", lambda: FRIDAY)
    ticket_store_module.reset_ticket_store()
    store = TicketStore.from_url(url, clock=lambda: FRIDAY)
    store.migrate()
    monkeypatch.setattr(ticket_store_module, "_store", store)  # the action's store
    yield store
    ticket_store_module.reset_ticket_store()


def tracker(sender: str, region: str, **slots) -> Tracker:
    base = {"topics": ["training"], "primary_topic": "training", "consent_given": True,
            "consent_given_at": FRIDAY.isoformat(), "contact_name": "Fatima",
            "contact_channel": "phone", "contact_phone": "+31612345678", "region": region}
    base.update(slots)
    return Tracker(sender, base, {"intent": {"name": "affirm"}, "text": "ja"},
                   [], False, None, {"name": "handover_form"}, "action_listen")


async def promise(sender: str, region: str, **slots) -> str:
    dispatcher = CollectingDispatcher()
    await handover.submit(dispatcher, tracker(sender, region, **slots))
    [message] = [m for m in dispatcher.messages if "expected_contact" in m]
    return message["expected_contact"]


async def test_the_promise_skips_koningsdag_in_the_netherlands_only(store):
    normal = {"topics": ["job_insecurity"], "primary_topic": "job_insecurity"}
    assert await promise("nl", "Utrecht", **normal) == "uiterlijk woensdag 29 april"
    assert await promise("be", "Gent", **normal) == "uiterlijk dinsdag 28 april"
    # Low, five working days: 1 May is a holiday in Belgium only; both land on 4 May.
    assert await promise("be-low", "Gent") == "uiterlijk maandag 4 mei"
    assert await promise("nl-high", "Utrecht", urgent_request=True) == (
        "uiterlijk vrijdag 24 april")


async def test_the_promise_is_the_day_of_the_tickets_due_at(store):
    await promise("nl", "Utrecht", topics=["job_insecurity"], primary_topic="job_insecurity")
    [ticket] = store.list_tickets()
    assert ticket.urgency == "normal"
    due = ticket.due_at.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert (due.month, due.day) == (4, 29)  # Tue 28 and Wed 29 April after Koningsdag


async def test_a_deadline_before_the_promised_day_is_said_out_loud(store):
    # Round 12, p46: "uiterlijk vrijdag" for a man who must sign on Friday, without a word.
    for sender, deadline, expected in (("d1", "maandag 27 april", True),
                                       ("d2", "vrijdag 8 mei", False)):
        dispatcher = CollectingDispatcher()
        await handover.submit(dispatcher, tracker(sender, "Utrecht", deadline=deadline))
        said = [m.get("response") for m in dispatcher.messages]
        assert ("utter_deadline_before_contact" in said) is expected, (deadline, said)


async def test_an_urgent_time_wish_is_passed_on_not_promised(store):
    # Round 19c, p84: "bel me morgen voor 9 uur" before he resigns heard only "uiterlijk
    # maandag", nothing about his wish, nothing about waiting with the resignation.
    dispatcher = CollectingDispatcher()
    await handover.submit(dispatcher, tracker(
        "r1", "Nieuwegein", urgent_request=True, contact_time="morgen voor 9 uur",
        knowledge_given=["zelf_ontslag_ww"], topics=["conflict_at_work"],
        primary_topic="conflict_at_work"))
    said = [m.get("response") for m in dispatcher.messages]
    assert "utter_time_wish_not_promised" in said, said
    assert "utter_wait_with_resigning" in said, said
    [wish] = [m for m in dispatcher.messages
              if m.get("response") == "utter_time_wish_not_promised"]
    assert wish["contact_time"] == "morgen voor 9 uur"
    # guard: a normal request with a time wish gets the usual promise only
    dispatcher = CollectingDispatcher()
    await handover.submit(dispatcher, tracker("r2", "Utrecht", contact_time="na 17 uur"))
    said = [m.get("response") for m in dispatcher.messages]
    assert "utter_time_wish_not_promised" not in said, said
