"""due_at, outcome and the service-level notices of the ticket store (issue 15)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from ticket_data import T0, ManualClock
from tickets_support import make_draft

from bot.tickets import InvalidTransition


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)  # Monday 2 March 2026, 10:30 in Amsterdam; moves only by hand


def kinds(store, ticket_id):
    return sorted((i.kind, i.notifier) for i in store.outbox_for_ticket(ticket_id)
                  if i.kind != "new")


def test_due_at_per_urgency_and_region_in_working_time(store):
    high = store.create_ticket(make_draft("h", urgency="high"))
    normal = store.create_ticket(make_draft("n", urgency="normal"))
    low = store.create_ticket(make_draft("l", urgency="low", region="Gent"))
    assert high.due_at == datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 17:00 the same day
    assert normal.due_at == datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
    assert low.team == "vlaanderen" and low.due_at == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert store.get_ticket(normal.id).to_api()["due_at"] == "2026-03-04T16:00:00Z"


def test_outcome_is_recorded_at_closing_and_cleared_on_reopening(store):
    ticket = store.create_ticket(make_draft())
    with pytest.raises(ValueError):
        store.update_ticket(ticket.id, status="closed", outcome="happy")
    with pytest.raises(InvalidTransition):
        store.update_ticket(ticket.id, outcome="new_job")  # not closing
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    contacted = store.update_ticket(ticket.id, status="contacted", actor="anna")
    assert contacted.first_contact_at == T0
    closed = store.update_ticket(ticket.id, status="closed", outcome="training", actor="anna")
    assert closed.to_api()["outcome"] == "training"
    assert store.audit_trail(ticket.id)[-1].detail == {
        "from": "contacted", "to": "closed", "outcome": "training"}
    corrected = store.update_ticket(ticket.id, outcome="new_job", actor="anna")
    assert corrected.outcome == "new_job"
    assert store.audit_trail(ticket.id)[-1].action == "outcome_recorded"
    reopened = store.update_ticket(ticket.id, status="claimed", actor="anna")
    assert reopened.outcome is None and reopened.first_contact_at == T0


def test_sort_by_due_puts_the_least_time_left_first(store):
    low = store.create_ticket(make_draft("l", urgency="low"))
    high = store.create_ticket(make_draft("h", urgency="high"))
    normal = store.create_ticket(make_draft("n", urgency="normal"))
    assert [t.id for t in store.list_tickets(sort="due")] == [high.id, normal.id, low.id]


def test_reminders_half_time_to_the_team_deadline_to_the_coordinator(store, clock):
    ticket = store.create_ticket(make_draft(urgency="normal"))  # due Wed 4 March 17:00
    claimed = store.create_ticket(make_draft("claimed", urgency="normal"))
    store.update_ticket(claimed.id, status="claimed", actor="anna")
    for item in store.outbox_for_ticket(ticket.id) + store.outbox_for_ticket(claimed.id):
        store.mark_sent(item.id)  # the teams had the tickets' first notifications
    assert store.enqueue_service_notices() == 0
    # Half of 6.5 + 8 + 8 h of office time (11.25 h): Tuesday 3 March 13:45 local.
    clock.now = datetime(2026, 3, 3, 12, 44, tzinfo=UTC)
    assert store.enqueue_service_notices() == 0
    clock.now = datetime(2026, 3, 3, 12, 45, tzinfo=UTC)
    assert store.enqueue_service_notices() == 1  # the claimed one gets no team reminder
    assert kinds(store, ticket.id) == [("reminder_half", "email"), ("reminder_half", "telegram")]
    assert kinds(store, claimed.id) == []
    assert store.enqueue_service_notices() == 0  # once
    clock.now = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
    assert store.enqueue_service_notices() == 2  # claimed but not contacted: escalated too
    assert ("reminder_due", "telegram") in kinds(store, ticket.id)
    assert kinds(store, claimed.id) == [("reminder_due", "email"), ("reminder_due", "telegram")]


def test_no_team_reminder_where_the_first_notification_has_not_gone_out(store, clock):
    ticket = store.create_ticket(make_draft(urgency="normal"))
    telegram = next(i for i in store.outbox_for_ticket(ticket.id) if i.notifier == "telegram")
    store.mark_sent(telegram.id)  # e-mail is still waiting (the mail server was down)
    clock.now = datetime(2026, 3, 3, 12, 45, tzinfo=UTC)
    assert store.enqueue_service_notices() == 1
    assert kinds(store, ticket.id) == [("reminder_half", "telegram")]
    assert store.enqueue_service_notices() == 0  # the late e-mail stands in for it


def test_contacted_or_closed_tickets_are_not_escalated(store, clock):
    ticket = store.create_ticket(make_draft(urgency="high"))
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    store.update_ticket(ticket.id, status="contacted", actor="anna")
    clock.advance(days=10)
    assert store.enqueue_service_notices() == 0
    assert kinds(store, ticket.id) == []


def test_a_crisis_ticket_goes_to_the_coordinator_at_once(store):
    flagged = store.create_ticket(make_draft("f", safety_flag=True))
    store.create_ticket(make_draft("p"))
    assert store.enqueue_service_notices() == 1
    assert kinds(store, flagged.id) == [("coordinator", "email"), ("coordinator", "telegram")]
    assert store.enqueue_service_notices() == 0


def test_reminders_go_with_erasure_and_retention(store, clock):
    erased = store.create_ticket(make_draft("e", sender_key="b" * 64, safety_flag=True))
    store.enqueue_service_notices()
    assert store.delete_for_sender("b" * 64) == 1
    assert store.outbox_for_ticket(erased.id) == []
    closed = store.create_ticket(make_draft("c"))
    store.update_ticket(closed.id, status="closed", outcome="no_contact", actor="anna")
    clock.advance(days=91)
    assert store.purge(closed_older_than_days=90) == 1
    assert store.get_ticket(closed.id) is None
    assert store.enqueue_service_notices(now=clock.now + timedelta(days=30)) == 0
