"""TicketStore behaviour, run on SQLite and PostgreSQL alike (see conftest.db_url)."""

from __future__ import annotations

import json
import re
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, inspect, select
from tickets_support import NOTIFIERS, PERSONAL_VALUES, T0, make_draft

from bot.tickets import Contact, InvalidTransition, TicketNotFound, TicketStore
from bot.tickets.migrations import MIGRATIONS
from bot.tickets.schema import metadata, outbox, schema_version, ticket_audit, tickets

REFERENCE = re.compile(r"^KP-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$")


def count(store: TicketStore, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


# -- migrations ------------------------------------------------------------------------------

def test_migrations_apply_once_and_then_do_nothing(db_url):
    first = TicketStore.from_url(db_url)
    second = TicketStore.from_url(db_url)
    try:
        assert first.migrate() == [m.version for m in MIGRATIONS]
        assert first.migrate() == []
        assert second.migrate() == []  # another process starting later
        with first.engine.connect() as conn:
            versions = conn.execute(select(schema_version.c.version)).scalars().all()
        assert sorted(versions) == [m.version for m in MIGRATIONS]
    finally:
        first.close()
        second.close()


def test_migrated_database_matches_the_query_tables(store):
    inspector = inspect(store.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    assert {"ix_tickets_status_created", "ix_tickets_status_closed"} <= {
        i["name"] for i in inspector.get_indexes("tickets")
    }


# -- creating --------------------------------------------------------------------------------

def test_create_stores_ticket_routes_it_and_queues_one_notification_per_notifier(store):
    ticket = store.create_ticket(make_draft())

    assert REFERENCE.match(ticket.reference)
    assert ticket.status == "new" and ticket.assignee is None
    assert ticket.team == "midden-utrecht"
    assert store.get_ticket(ticket.id) == ticket
    assert store.get_by_reference(ticket.reference.lower()) == ticket
    assert sorted(item.notifier for item in store.outbox_for_ticket(ticket.id)) == sorted(
        NOTIFIERS)
    assert [entry.action for entry in store.audit_trail(ticket.id)] == ["created"]


def test_create_with_the_same_idempotency_key_returns_the_first_ticket(store):
    first = store.create_ticket(make_draft("k-1"))
    again = store.create_ticket(make_draft("k-1", summary="dubbel getikt"))

    assert again == first
    assert count(store, tickets) == 1
    assert count(store, outbox) == len(NOTIFIERS)


def _race(stores: list[TicketStore], key: str) -> list:
    """Both stores call create_ticket with the same key at the same moment."""
    barrier = threading.Barrier(len(stores))
    results: list = [None] * len(stores)
    errors: list[BaseException] = []

    def create(index: int) -> None:
        try:
            barrier.wait()
            results[index] = stores[index].create_ticket(make_draft(key))
        except BaseException as exc:  # surfaced by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=create, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def test_two_threads_racing_with_one_key_create_one_ticket(make_store):
    # Separate stores = separate connection pools, like two action server workers.
    stores = [make_store(), make_store()]
    for round_number in range(5):
        first, second = _race(stores, f"race-{round_number}")
        assert first.id == second.id
    assert count(stores[0], tickets) == 5
    assert count(stores[0], outbox) == 5 * len(NOTIFIERS)


def test_a_failure_halfway_through_create_leaves_nothing_behind(store, monkeypatch):
    def broken_outbox(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_outbox", broken_outbox)
    with pytest.raises(RuntimeError, match="disk full"):
        store.create_ticket(make_draft("k-fail"))

    assert count(store, tickets) == 0
    assert count(store, ticket_audit) == 0
    assert count(store, outbox) == 0

    monkeypatch.undo()
    ticket = store.create_ticket(make_draft("k-fail"))  # a retry then works normally
    assert store.get_ticket(ticket.id) is not None


def test_store_without_notifiers_writes_no_outbox_rows(make_store):
    store = make_store(notifiers=())
    store.create_ticket(make_draft())
    assert store.outbox_backlog() == 0


# -- contract shape --------------------------------------------------------------------------

def test_to_api_round_trips_every_field(store):
    ticket = store.create_ticket(make_draft(deadline=date(2026, 3, 20)))
    api = store.get_ticket(ticket.id).to_api()

    assert api == {
        "id": ticket.id,
        "reference": ticket.reference,
        "created_at": "2026-03-02T09:30:01Z",
        "channel": "telegram",
        "primary_topic": "unemployed",
        "topics": ["unemployed", "job_search"],
        "urgency": "high",
        "deadline": "2026-03-20",
        "summary": "Ontslagen bij de bakker, zoekt werk in de zorg",
        "contact": {
            "name": "Fatima de Vries",
            "preferred_channel": "phone",
            "phone": "+31612345678",
            "email": "fatima@example.org",
            "preferred_time": "ochtend",
        },
        "region": "Utrecht",
        "sector": "zorg",
        "contract_type": "tijdelijk",
        "consent": {"given_at": "2026-03-02T09:30:00Z", "text_version": "consent-v1"},
        "status": "new",
        "assignee": None,
        "due_at": "2026-03-02T16:00:00Z",  # high, Monday 10:30 local: 17:00 the same day
        "outcome": None,
        "safety_flag": False,
        "live": False,
    }
    assert json.loads(json.dumps(api)) == api


def test_fields_the_person_did_not_give_are_null(store):
    ticket = store.create_ticket(make_draft(
        contact=Contact(preferred_channel="chat"), summary=None, region=None, sector=None,
        contract_type=None, deadline=None, urgency="normal", urgency_reason=None,
    ))
    api = ticket.to_api()
    assert api["contact"] == {"name": None, "preferred_channel": "chat", "phone": None,
                              "email": None, "preferred_time": None}
    assert api["summary"] is api["region"] is api["sector"] is api["contract_type"] is None
    assert api["deadline"] is None
    assert ticket.team == "landelijk"


def test_extended_api_adds_internal_fields_only(store):
    ticket = store.create_ticket(make_draft())
    extended = ticket.to_api(extended=True)
    assert set(extended) - set(ticket.to_api()) == {"team", "urgency_reason", "updated_at",
                                                    "closed_at", "share_history", "follow_up"}
    assert extended["urgency_reason"] == "deadline binnen twee weken"


def test_safety_flag_is_stored_and_read_back(store):
    flagged = store.create_ticket(make_draft("flagged", urgency="low", safety_flag=True))
    plain = store.create_ticket(make_draft("plain"))

    assert store.get_ticket(flagged.id).safety_flag is True
    assert flagged.to_api()["safety_flag"] is True
    assert flagged.urgency == "high"  # a crisis statement is always urgent
    assert store.get_ticket(plain.id).safety_flag is False
    assert [t.safety_flag for t in store.list_tickets()] == [False, True]
    # The audit trail outlives the ticket: it never records the flag.
    for entry in store.audit_trail(flagged.id):
        assert "safety" not in json.dumps(entry.detail)


# -- listing ---------------------------------------------------------------------------------

def test_list_is_newest_first_and_filters(store, clock):
    low = store.create_ticket(make_draft("a", urgency="low", region="Gent"))
    clock.advance(minutes=5)
    high = store.create_ticket(make_draft("b", urgency="high", region="Utrecht"))
    clock.advance(minutes=5)
    normal = store.create_ticket(make_draft("c", urgency="normal", region="utrecht"))
    store.update_ticket(normal.id, status="claimed", actor="anna")

    assert [t.id for t in store.list_tickets()] == [normal.id, high.id, low.id]
    assert [t.id for t in store.list_tickets(status="new")] == [high.id, low.id]
    assert [t.id for t in store.list_tickets(region="UTRECHT")] == [normal.id, high.id]
    assert [t.id for t in store.list_tickets(team="vlaanderen")] == [low.id]
    assert [t.id for t in store.list_tickets(urgency="low")] == [low.id]
    assert [t.id for t in store.list_tickets(limit=1, offset=1)] == [high.id]
    with pytest.raises(ValueError):
        store.list_tickets(status="open")


def test_most_urgent_first_orders_by_urgency_then_deadline_then_waiting_time(store, clock):
    normal_old = store.create_ticket(make_draft("1", urgency="normal"))
    clock.advance(hours=1)
    high_no_deadline = store.create_ticket(make_draft("2", urgency="high", deadline=None))
    high_late = store.create_ticket(make_draft("3", urgency="high", deadline=date(2026, 4, 1)))
    high_soon = store.create_ticket(make_draft("4", urgency="high", deadline=date(2026, 3, 5)))
    low = store.create_ticket(make_draft("5", urgency="low"))
    normal_new = store.create_ticket(make_draft("6", urgency="normal"))

    assert [t.id for t in store.list_tickets(sort="urgent")] == [
        high_soon.id, high_late.id, high_no_deadline.id, normal_old.id, normal_new.id, low.id,
    ]


# -- transitions -----------------------------------------------------------------------------

def test_the_normal_path_new_claimed_contacted_closed(store):
    ticket = store.create_ticket(make_draft())

    claimed = store.update_ticket(ticket.id, status="claimed", actor="anna")
    assert claimed.status == "claimed" and claimed.assignee == "anna"
    contacted = store.update_ticket(ticket.id, status="contacted", actor="anna")
    assert contacted.status == "contacted"
    closed = store.update_ticket(ticket.id, status="closed", actor="anna")
    assert closed.status == "closed" and closed.closed_at is not None

    trail = store.audit_trail(ticket.id)
    assert [(e.action, e.actor) for e in trail] == [
        ("created", "bot"), ("claimed", "anna"), ("status_changed", "anna"),
        ("status_changed", "anna"),
    ]
    assert trail[1].detail == {"from": "new", "to": "claimed", "assignee": "anna"}
    assert trail[-1].detail == {"from": "contacted", "to": "closed"}


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ([], "contacted"),  # new -> contacted skips the claim
        (["claimed", "contacted"], "new"),
        (["claimed", "contacted"], "claimed"),
        (["closed"], "contacted"),
        (["closed"], "new"),
    ],
)
def test_forbidden_transitions_raise_and_change_nothing(store, path, forbidden):
    ticket = store.create_ticket(make_draft())
    for status in path:
        store.update_ticket(ticket.id, status=status, actor="anna")
    before = store.get_ticket(ticket.id)
    trail_before = store.audit_trail(ticket.id)

    with pytest.raises(InvalidTransition):
        store.update_ticket(ticket.id, status=forbidden, actor="anna")

    assert store.get_ticket(ticket.id) == before
    assert store.audit_trail(ticket.id) == trail_before


def test_release_reopen_and_reassign(store):
    ticket = store.create_ticket(make_draft())
    store.update_ticket(ticket.id, status="claimed", assignee="bram", actor="anna")
    assert store.get_ticket(ticket.id).assignee == "bram"

    released = store.update_ticket(ticket.id, status="new", actor="bram")
    assert released.status == "new" and released.assignee is None

    closed = store.update_ticket(ticket.id, status="closed", actor="anna")
    reopened = store.update_ticket(ticket.id, status="claimed", actor="chris")
    assert closed.closed_at is not None
    assert reopened.status == "claimed" and reopened.closed_at is None
    assert reopened.assignee == "chris"

    unassigned = store.update_ticket(ticket.id, assignee="", actor="chris")
    assert unassigned.assignee is None
    trail = [(e.action, e.detail) for e in store.audit_trail(ticket.id)]
    assert trail[1:] == [
        ("claimed", {"from": "new", "to": "claimed", "assignee": "bram"}),
        ("released", {"from": "claimed", "to": "new", "assignee": None}),
        ("status_changed", {"from": "new", "to": "closed"}),
        ("reopened", {"from": "closed", "to": "claimed", "assignee": "chris"}),
        ("assigned", {"assignee": None}),
    ]


def test_repeating_the_current_status_is_not_an_error_and_not_audited(store):
    ticket = store.create_ticket(make_draft())
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    again = store.update_ticket(ticket.id, status="claimed", actor="anna")
    assert again.status == "claimed" and again.assignee == "anna"
    assert len(store.audit_trail(ticket.id)) == 2


def test_unknown_ticket_or_status(store):
    with pytest.raises(TicketNotFound):
        store.update_ticket("no-such-id", status="claimed", actor="anna")
    ticket = store.create_ticket(make_draft())
    with pytest.raises(ValueError, match="unknown status"):
        store.update_ticket(ticket.id, status="done", actor="anna")
    assert store.get_ticket("no-such-id") is None


# -- notes -----------------------------------------------------------------------------------

def test_notes_are_kept_in_order_and_audited_without_their_text(store):
    ticket = store.create_ticket(make_draft())
    first = store.add_note(ticket.id, "anna", "Gebeld, geen gehoor. Morgen opnieuw.")
    store.add_note(ticket.id, "bram", "Afspraak gemaakt voor dinsdag.")

    assert [n.text for n in store.notes(ticket.id)] == [
        "Gebeld, geen gehoor. Morgen opnieuw.", "Afspraak gemaakt voor dinsdag.",
    ]
    note_audit = store.audit_trail(ticket.id)[1]
    assert (note_audit.action, note_audit.actor) == ("note_added", "anna")
    assert note_audit.detail == {"note_id": first.id}
    with pytest.raises(ValueError):
        store.add_note(ticket.id, "anna", "   ")
    with pytest.raises(TicketNotFound):
        store.add_note("no-such-id", "anna", "tekst")


# -- deleting and retention ------------------------------------------------------------------

def _audit_text(store: TicketStore) -> str:
    with store.engine.connect() as conn:
        rows = conn.execute(select(ticket_audit)).all()
    return json.dumps([[str(v) for v in row] for row in rows])


def test_delete_for_sender_removes_their_tickets_notes_and_outbox(store):
    mine_1 = store.create_ticket(make_draft("m1", sender_key="s" * 64))
    mine_2 = store.create_ticket(make_draft("m2", sender_key="s" * 64))
    other = store.create_ticket(make_draft("o1", sender_key="o" * 64,
                                           contact=Contact(name="Piet")))
    store.add_note(mine_1.id, "anna", "Fatima de Vries belt terug op +31612345678")

    assert store.delete_for_sender("s" * 64) == 2

    assert store.get_ticket(mine_1.id) is None and store.get_ticket(mine_2.id) is None
    assert store.notes(mine_1.id) == []
    assert store.outbox_for_ticket(mine_1.id) == []
    assert store.get_ticket(other.id) is not None
    assert len(store.outbox_for_ticket(other.id)) == len(NOTIFIERS)
    deleted = store.audit_trail(mine_1.id)[-1]
    assert (deleted.action, deleted.reference, deleted.detail) == (
        "deleted", mine_1.reference, {"reason": "delete_my_data"})
    text = _audit_text(store)
    for value in PERSONAL_VALUES:
        assert value not in text
    assert store.delete_for_sender("s" * 64) == 0
    assert store.delete_for_sender("") == 0


def test_delete_ticket_by_consultant(store):
    ticket = store.create_ticket(make_draft())
    assert store.delete_ticket(ticket.id, actor="anna") is True
    assert store.delete_ticket(ticket.id, actor="anna") is False
    assert store.get_ticket(ticket.id) is None
    assert store.outbox_backlog() == 0
    assert store.audit_trail(ticket.id)[-1].actor == "anna"


def test_purge_deletes_only_tickets_closed_longer_ago_than_the_period(store, clock):
    closed_old = store.create_ticket(make_draft("old"))
    store.update_ticket(closed_old.id, status="closed", actor="anna")
    closed_at = store.get_ticket(closed_old.id).closed_at
    still_open = store.create_ticket(make_draft("open"))
    clock.advance(days=50)
    closed_recent = store.create_ticket(make_draft("recent"))
    store.update_ticket(closed_recent.id, status="closed", actor="anna")

    assert store.purge(90, now=closed_at + timedelta(days=89)) == 0
    assert store.purge(90, now=closed_at + timedelta(days=91)) == 1

    assert store.get_ticket(closed_old.id) is None
    assert store.get_ticket(still_open.id) is not None
    assert store.get_ticket(closed_recent.id) is not None
    assert store.audit_trail(closed_old.id)[-1].action == "purged"
    with pytest.raises(ValueError):
        store.purge(-1)


# -- outbox ----------------------------------------------------------------------------------

def test_due_notifications_are_leased_failed_rows_wait_sent_rows_leave_the_backlog(store):
    ticket = store.create_ticket(make_draft())
    now = T0 + timedelta(minutes=1)

    due = store.due_notifications(now=now, limit=10, lease_seconds=300)
    assert sorted(item.notifier for item in due) == sorted(NOTIFIERS)
    assert store.due_notifications(now=now) == []  # leased to this worker
    assert store.outbox_backlog() == 2

    telegram = next(item for item in due if item.notifier == "telegram")
    email = next(item for item in due if item.notifier == "email")
    store.mark_sent(telegram.id, now=now)
    store.mark_failed(email.id, "ConnectionRefusedError: [Errno 111]\nrefused",
                      now + timedelta(seconds=30))

    assert store.outbox_backlog() == 1
    rows = {item.notifier: item for item in store.outbox_for_ticket(ticket.id)}
    assert rows["telegram"].sent_at is not None and rows["telegram"].attempts == 1
    assert rows["email"].attempts == 1
    assert rows["email"].last_error == "ConnectionRefusedError: [Errno 111] refused"
    assert store.due_notifications(now=now + timedelta(seconds=29)) == []
    assert [i.id for i in store.due_notifications(now=now + timedelta(seconds=30))] == [email.id]


def test_urgent_tickets_are_notified_first_when_a_backlog_built_up(store, clock):
    # A notifier was down: older normal and low tickets wait; then a crisis ticket comes in.
    low = store.create_ticket(make_draft("low", urgency="low"))
    normal = store.create_ticket(make_draft("normal", urgency="normal"))
    clock.advance(minutes=30)
    flagged = store.create_ticket(make_draft("flagged", urgency="normal", safety_flag=True))
    now = clock.now + timedelta(minutes=1)

    first = store.due_notifications(now=now, limit=2)
    assert {item.ticket_id for item in first} == {flagged.id}
    rest = store.due_notifications(now=now, limit=10)
    assert [item.ticket_id for item in rest] == [low.id, low.id, normal.id, normal.id]


def test_lease_expiry_makes_rows_due_again(store):
    store.create_ticket(make_draft())
    now = T0 + timedelta(minutes=1)
    assert len(store.due_notifications(now=now, lease_seconds=60)) == 2
    assert store.due_notifications(now=now + timedelta(seconds=59)) == []
    assert len(store.due_notifications(now=now + timedelta(seconds=61))) == 2


def test_the_consent_choices_are_stored_and_no_answer_is_no(store):
    chosen = store.create_ticket(make_draft("chosen", share_history=True, follow_up=True))
    plain = store.create_ticket(make_draft("plain"))
    assert (store.get_ticket(chosen.id).share_history, store.get_ticket(chosen.id).follow_up) \
        == (True, True)
    assert (plain.share_history, plain.follow_up) == (False, False)
    assert chosen.to_api(extended=True)["follow_up"] is True
    with pytest.raises(ValueError):
        make_draft("vague", follow_up="ja")
