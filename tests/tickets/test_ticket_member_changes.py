"""The person corrects or withdraws a request already sent (from the chat), on SQLite and
PostgreSQL (see conftest.db_url): only their own tickets, validated like the handover form,
audited without values, the assignee told neutrally through the outbox."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from tickets_support import NOTIFIERS, PERSONAL_VALUES, make_draft

from bot.tickets import InvalidContactField, TicketNotFound
from bot.tickets.schema import outbox, ticket_notes, tickets

MINE = "m" * 64
OTHER = "o" * 64
NEW_VALUES = ("+31687654321", "nieuw@example.org", "na 17 uur", "Gent", "Noor")


def mine(store, key: str = "h1", **overrides):
    return store.create_ticket(make_draft(key, sender_key=MINE, **overrides))


def notices(store, ticket_id: str, kind: str):
    return [i for i in store.outbox_for_ticket(ticket_id) if i.kind == kind]


def count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def assert_no_personal_data(entries) -> None:
    for entry in entries:
        dumped = json.dumps(entry.detail, ensure_ascii=False)
        for value in (*PERSONAL_VALUES, *NEW_VALUES, "06-87654321"):
            assert value not in dumped, (entry.action, value)


# -- open tickets ----------------------------------------------------------------------------

def test_open_tickets_for_sender_are_theirs_not_closed_newest_first(store, clock):
    first = mine(store, "h1")
    clock.advance(minutes=5)
    closed = mine(store, "h2")
    store.update_ticket(closed.id, status="closed", actor="anna")
    clock.advance(minutes=5)
    claimed = mine(store, "h3")
    store.update_ticket(claimed.id, status="claimed", actor="anna")
    store.create_ticket(make_draft("other", sender_key=OTHER))

    assert [t.id for t in store.open_tickets_for_sender(MINE)] == [claimed.id, first.id]
    assert store.open_tickets_for_sender("") == []
    assert store.open_tickets_for_sender("x" * 64) == []


# -- changing ----------------------------------------------------------------------------------

def test_the_person_changes_only_the_given_fields_normalised_and_audited_without_values(
    store, clock
):
    ticket = mine(store)
    clock.advance(minutes=10)

    updated = store.update_contact_by_member(
        ticket.id, MINE, phone="06-87654321", preferred_time="  na 17 uur ", email=None)

    assert updated.contact.phone == "+31687654321"  # as the form normalises it
    assert updated.contact.preferred_time == "na 17 uur"
    assert updated.contact.email is None  # None clears a field
    assert updated.contact.name == ticket.contact.name  # not given: unchanged
    assert updated.contact.preferred_channel == "phone"
    assert (updated.region, updated.summary, updated.team) == (
        ticket.region, ticket.summary, ticket.team)
    assert updated.updated_at > ticket.updated_at
    assert store.get_ticket(ticket.id) == updated

    last = store.audit_trail(ticket.id)[-1]
    assert (last.actor, last.action) == ("person", "changed_by_person")
    assert last.detail == {"fields": ["email", "phone", "preferred_time"]}
    assert_no_personal_data(store.audit_trail(ticket.id))


def test_name_channel_and_region_follow_the_form_rules(store):
    ticket = mine(store)
    updated = store.update_contact_by_member(
        ticket.id, MINE, name="ik ben noor", preferred_channel="email",
        email="Nieuw@Example.ORG", region=" Gent ")
    assert updated.contact.name == "Noor"
    assert updated.contact.preferred_channel == "email"
    assert updated.contact.email == "Nieuw@example.org"
    assert updated.region == "Gent"
    # Not claimed yet: the team of the new region takes it, and the audit says so.
    assert updated.team == "vlaanderen"
    assert store.audit_trail(ticket.id)[-1].detail == {
        "fields": ["email", "name", "preferred_channel", "region"], "team": "vlaanderen"}

    anonymous = store.update_contact_by_member(ticket.id, MINE, name="anoniem")
    assert anonymous.contact.name is None


def test_a_belgian_number_needs_a_flemish_context_as_in_the_form(store):
    ticket = mine(store)
    assert store.update_contact_by_member(
        ticket.id, MINE, phone="0470 12 34 56").contact.phone == "+31470123456"
    assert store.update_contact_by_member(
        ticket.id, MINE, phone="0470 12 34 56", prefer_belgium=True
    ).contact.phone == "+32470123456"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phone": "12"}, "phone"),
        ({"email": "fatima(at)example"}, "email"),
        ({"name": "1234"}, "name"),
        ({"preferred_channel": "fax"}, "preferred_channel"),
        ({"preferred_channel": None}, "preferred_channel"),
        ({"preferred_time": "!!!"}, "preferred_time"),
        ({"region": "x" * 61}, "region"),
        ({"phone": 612345678}, "phone"),
        # A channel needs its way of reaching the person.
        ({"phone": None}, "phone"),
        ({"preferred_channel": "email", "email": None}, "email"),
        ({"preferred_channel": "whatsapp", "phone": ""}, "phone"),
    ],
)
def test_invalid_values_are_refused_and_change_nothing(store, changes, field):
    ticket = mine(store)
    with pytest.raises(InvalidContactField) as caught:
        store.update_contact_by_member(ticket.id, MINE, **changes)
    assert caught.value.field == field
    for name, value in changes.items():
        if isinstance(value, str) and value and name != "preferred_channel":
            assert value not in str(caught.value)  # never the value itself
    assert store.get_ticket(ticket.id) == ticket
    assert [e.action for e in store.audit_trail(ticket.id)] == ["created"]


def test_another_sender_unknown_and_closed_tickets_are_not_found(store):
    ticket = mine(store)
    for sender, ticket_id in ((OTHER, ticket.id), ("", ticket.id),
                              (MINE, "00000000-0000-4000-8000-000000000000")):
        with pytest.raises(TicketNotFound):
            store.update_contact_by_member(ticket_id, sender, phone="0687654321")
    assert store.get_ticket(ticket.id) == ticket

    store.update_ticket(ticket.id, status="closed", actor="anna")
    with pytest.raises(TicketNotFound):
        store.update_contact_by_member(ticket.id, MINE, phone="0687654321")
    assert [e.action for e in store.audit_trail(ticket.id)] == ["created", "status_changed"]


def test_the_same_values_again_change_nothing(store):
    ticket = mine(store)
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    again = store.update_contact_by_member(
        ticket.id, MINE, phone="+31612345678", preferred_time="ochtend")
    assert again == store.get_ticket(ticket.id)
    assert [e.action for e in store.audit_trail(ticket.id)] == ["created", "claimed"]
    assert notices(store, ticket.id, "changed") == []


def test_the_assignee_of_a_claimed_ticket_gets_a_neutral_notice(store):
    unclaimed = mine(store, "h1")
    store.update_contact_by_member(unclaimed.id, MINE, preferred_time="na 17 uur")
    assert notices(store, unclaimed.id, "changed") == []  # nobody to tell yet

    claimed = mine(store, "h2", urgency="low")
    store.update_ticket(claimed.id, status="claimed", actor="anna")
    updated = store.update_contact_by_member(claimed.id, MINE, region="Gent", phone=None,
                                             preferred_channel="chat")
    assert updated.team == claimed.team  # claimed: stays with the assignee's team

    rows = notices(store, claimed.id, "changed")
    assert sorted(r.notifier for r in rows) == sorted(NOTIFIERS)
    for row in rows:
        assert (row.reference, row.assignee, row.team) == (
            claimed.reference, "anna", claimed.team)
        assert row.sent_at is None
    # A second change is a second notice (several per ticket are allowed).
    store.update_contact_by_member(claimed.id, MINE, preferred_time="avond")
    assert len(notices(store, claimed.id, "changed")) == 2 * len(NOTIFIERS)


# -- withdrawing -------------------------------------------------------------------------------

def test_another_sender_cannot_withdraw(store):
    ticket = mine(store)
    assert store.withdraw_by_member(ticket.id, OTHER) is False
    assert store.withdraw_by_member(ticket.id, "") is False
    assert store.get_ticket(ticket.id) == ticket
    assert [e.action for e in store.audit_trail(ticket.id)] == ["created"]


def test_withdrawing_deletes_the_ticket_and_its_data_and_audits_without_personal_data(store):
    ticket = mine(store)
    store.add_note(ticket.id, "anna", "Fatima belt terug")
    kept = mine(store, "h2")

    assert store.withdraw_by_member(ticket.id, MINE) is True

    assert store.get_ticket(ticket.id) is None
    assert store.outbox_for_ticket(ticket.id) == []  # unclaimed: nobody to tell
    assert store.notes(ticket.id) == []
    assert count(store, tickets) == 1 and store.get_ticket(kept.id) is not None
    assert count(store, ticket_notes) == 0
    trail = store.audit_trail(ticket.id)
    assert [e.action for e in trail] == ["created", "note_added", "withdrawn_by_person"]
    assert (trail[-1].actor, trail[-1].detail) == ("person", {"reason": "withdrawn"})
    assert_no_personal_data(trail)
    assert store.withdraw_by_member(ticket.id, MINE) is False  # already gone


def test_withdrawing_a_claimed_ticket_tells_the_assignee_neutrally(store):
    ticket = mine(store)
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    store.update_contact_by_member(ticket.id, MINE, preferred_time="avond")

    assert store.withdraw_by_member(ticket.id, MINE) is True

    rows = store.outbox_for_ticket(ticket.id)
    assert {r.kind for r in rows} == {"withdrawn"}  # pending "changed" notices went too
    assert sorted(r.notifier for r in rows) == sorted(NOTIFIERS)
    assert {(r.reference, r.assignee, r.team) for r in rows} == {
        (ticket.reference, "anna", ticket.team)}
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tickets)).scalar_one() == 0


def test_sent_withdrawal_notices_go_with_retention(store, clock):
    ticket = mine(store)
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    store.withdraw_by_member(ticket.id, MINE)
    for item in store.due_notifications(now=clock.now + timedelta(minutes=1)):
        store.mark_sent(item.id, now=clock.now)

    store.purge(90, now=clock.now + timedelta(days=89))
    assert count(store, outbox) == len(NOTIFIERS)
    store.purge(90, now=clock.now + timedelta(days=91))
    assert count(store, outbox) == 0
