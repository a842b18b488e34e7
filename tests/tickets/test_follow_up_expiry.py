"""A follow-up question nobody answers does not stay open for ever (issue 15, item 4): after
FOLLOW_UP_ANSWER_DAYS (default 7) days the person's messages are no longer read as its
answer, and expire_unanswered clears it: "verlopen" for the contact check (not escalated),
nothing counted for the six-week question, an audit row without any answer."""

from __future__ import annotations

from datetime import timedelta

from cryptography.fernet import Fernet
from tickets_support import make_draft

from bot.tickets.follow_up import FollowUps, answer_days
from bot.tickets.live import seal
from bot.tickets.schema import follow_ups

KEY = Fernet.generate_key()
SENDER_KEY = "f" * 64


def asked_ticket(store, key: str = "follow-1", sender_key: str = SENDER_KEY):
    """A ticket whose person said yes to the follow-up."""
    return store.create_ticket(make_draft(
        key, channel="telegram", urgency="normal", sender_key=sender_key, follow_up=True,
        follow_up_route=seal("telegram", f"telegram:{key}", KEY)))


def follow_up_row(store, ticket_id: str):
    with store.engine.connect() as conn:
        return conn.execute(follow_ups.select().where(
            follow_ups.c.ticket_id == ticket_id)).one()


def test_an_unanswered_contact_check_expires_after_the_answer_window(store, clock):
    ticket = asked_ticket(store)
    checks = FollowUps(store, clock=clock, answer_days=7)
    clock.advance(days=5)  # a working day after the promised contact time has passed
    assert [q.kind for q in checks.due()] == ["contact"]
    assert checks.pending_for_sender(SENDER_KEY) == (ticket.id, "contact")

    clock.advance(days=6, hours=23)
    assert checks.expire_unanswered() == 0
    assert checks.pending_for_sender(SENDER_KEY) == (ticket.id, "contact")

    clock.advance(hours=2)  # more than 7 days since it was asked
    # Read no longer as an answer, even before the clean-up ran...
    assert checks.pending_for_sender(SENDER_KEY) is None
    # ...and cleared for good, recorded as expired, not escalated.
    assert checks.expire_unanswered() == 1
    row = follow_up_row(store, ticket.id)
    assert (row.pending, row.contact_answer) == (None, "verlopen")
    after = store.get_ticket(ticket.id)
    assert after.urgency == "normal"
    assert [i.kind for i in store.outbox_for_ticket(ticket.id) if i.kind != "new"] == []
    audit = [(a.actor, a.action, a.detail) for a in store.audit_trail(ticket.id)]
    assert ("system", "follow_up_expired", {"question": "contact"}) in audit
    assert checks.expire_unanswered() == 0  # once


def test_an_answer_within_the_window_is_kept_and_not_expired(store, clock):
    ticket = asked_ticket(store)
    checks = FollowUps(store, clock=clock, answer_days=7)
    clock.advance(days=5)
    checks.due()
    clock.advance(days=2)
    checks.answer_contact(ticket.id, reached=True)
    clock.advance(days=30)
    assert checks.expire_unanswered() == 0
    assert follow_up_row(store, ticket.id).contact_answer == "ja"


def test_an_unanswered_six_week_question_expires_without_counting(store, clock):
    ticket = asked_ticket(store)
    checks = FollowUps(store, clock=clock, answer_days=3)
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    store.update_ticket(ticket.id, status="closed", outcome="new_job", actor="anna")
    clock.advance(weeks=6, hours=1)
    assert [q.kind for q in checks.due()] == ["six_weeks"]
    clock.advance(days=3, hours=1)
    assert checks.pending_for_sender(SENDER_KEY) is None
    assert checks.expire_unanswered() == 1
    assert follow_up_row(store, ticket.id).pending is None
    week = clock.now.date() - timedelta(weeks=8)
    assert checks.satisfaction_counts(week, clock.now.date()) == {}


def test_the_answer_window_is_configured_in_the_environment():
    assert answer_days({}) == 7
    assert answer_days({"FOLLOW_UP_ANSWER_DAYS": "14"}) == 14
    assert answer_days({"FOLLOW_UP_ANSWER_DAYS": "0"}) == 1
    assert answer_days({"FOLLOW_UP_ANSWER_DAYS": "een week"}) == 7
