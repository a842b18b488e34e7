"""Erasure reaches handovers waiting in another host's spool (SQLite and PostgreSQL).

Host A spooled a person's handover while the ticket database was down; the person
then asked to erase their data, and host B handled that. B cannot open A's spool
file, so the database keeps a marker per erased sender key; A's flusher must then
drop the request instead of storing it.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select
from tickets_support import T0, make_draft

from bot.tickets.schema import erased_senders, tickets
from bot.tickets.spool import HandoverSpool
from bot.tickets.store import SenderErased

KEY = "b" * 64
OTHER = "c" * 64


def _ticket_senders(store) -> list[str | None]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(tickets.c.sender_key)).scalars())


class Clock:
    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now


def test_a_handover_spooled_before_an_erasure_on_another_host_is_dropped(db_url, open_store,
                                                                        tmp_path):
    clock = Clock(T0 + timedelta(minutes=5))
    store = open_store(db_url, clock=clock)
    host_a = HandoverSpool(tmp_path / "host-a" / "spool.db")
    host_b = HandoverSpool(tmp_path / "host-b" / "spool.db")
    waiting = make_draft("handover-a", sender_key=KEY, consent_given_at=T0, reference="KP-AAAAAA")
    other = make_draft("handover-o", sender_key=OTHER, consent_given_at=T0)
    host_a.put(waiting)
    host_a.put(other)

    # Host B handles "verwijder mijn gegevens": its own spool is empty, the database is up.
    assert host_b.delete_for_sender(KEY) == 0
    assert store.delete_for_sender(KEY) == 0

    created = host_a.drain(store)
    assert len(created) == 1 and _ticket_senders(store) == [OTHER]  # the other one stays
    assert host_a.pending_count() == 0  # the erased one is gone from A's spool, not retried
    assert store.get_by_reference("KP-AAAAAA") is None


def test_the_marker_only_stops_consent_given_before_the_erasure(db_url, open_store):
    clock = Clock(T0 + timedelta(minutes=5))
    store = open_store(db_url, clock=clock)
    store.delete_for_sender(KEY)
    with pytest.raises(SenderErased):
        store.create_ticket(make_draft("before", sender_key=KEY, consent_given_at=T0))
    with pytest.raises(SenderErased):  # the same moment counts as before
        store.create_ticket(make_draft("same", sender_key=KEY, consent_given_at=clock.now))
    # Coming back later and asking again is a new handover with a new consent.
    store.create_ticket(make_draft("after", sender_key=KEY,
                                   consent_given_at=clock.now + timedelta(seconds=1)))
    assert _ticket_senders(store) == [KEY]
    # Other people and drafts without a key are not affected.
    assert store.create_ticket(make_draft("other", sender_key=OTHER, consent_given_at=T0))
    assert store.create_ticket(make_draft("keyless", sender_key=None, consent_given_at=T0))


def test_erasing_again_moves_the_marker_and_tickets_still_go(db_url, open_store):
    clock = Clock(T0)
    store = open_store(db_url, clock=clock)
    store.create_ticket(make_draft("first", sender_key=KEY, consent_given_at=T0))
    clock.now = T0 + timedelta(hours=1)
    assert store.delete_for_sender(KEY) == 1
    clock.now = T0 + timedelta(hours=2)
    assert store.delete_for_sender(KEY) == 0
    with store.engine.connect() as conn:
        rows = conn.execute(select(erased_senders)).all()
    assert len(rows) == 1 and rows[0].sender_key == KEY
    with pytest.raises(SenderErased):  # consent from between the two erasures
        store.create_ticket(make_draft("between", sender_key=KEY,
                                       consent_given_at=T0 + timedelta(minutes=90)))


def test_markers_are_kept_for_their_retention_only(db_url, open_store):
    clock = Clock(T0)
    store = open_store(db_url, clock=clock)
    store.delete_for_sender(KEY)
    clock.now = T0 + timedelta(days=20)
    store.delete_for_sender(OTHER)
    assert store.purge_erasure_markers(30, now=T0 + timedelta(days=31)) == 1  # KEY's only
    with store.engine.connect() as conn:
        assert [r.sender_key for r in conn.execute(select(erased_senders))] == [OTHER]
    # Past retention a marker no longer blocks: an old spooled draft then gets through.
    assert store.create_ticket(make_draft("old", sender_key=KEY, consent_given_at=T0))
    with pytest.raises(ValueError):
        store.purge_erasure_markers(-1)


def test_an_erasure_and_a_flush_racing_on_two_hosts_leave_no_ticket(db_url, open_store):
    """Each round: host A creates the spooled ticket while host B erases, at once. Whichever
    goes first, the person ends up with no ticket (erasure deletes it, or the marker stops
    it); without the per-sender lock PostgreSQL lets both miss each other."""
    clock = Clock(T0 + timedelta(minutes=5))
    store_a = open_store(db_url, clock=clock)
    store_b = open_store(db_url, clock=clock)
    for round_number in range(15):
        key = f"{round_number:064x}"
        draft = make_draft(f"race-{round_number}", sender_key=key, consent_given_at=T0)
        start = threading.Barrier(2)
        outcome: dict[str, object] = {}

        def flush(draft=draft, start=start, outcome=outcome):
            start.wait()
            try:
                outcome["ticket"] = store_a.create_ticket(draft)
            except SenderErased:
                outcome["ticket"] = None

        def erase(key=key, start=start):
            start.wait()
            store_b.delete_for_sender(key)

        threads = [threading.Thread(target=flush), threading.Thread(target=erase)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert key not in _ticket_senders(store_a), round_number
