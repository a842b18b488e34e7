"""The handover spool: drafts wait there while the ticket database is down (SQLite and
PostgreSQL as ticket store, see conftest.db_url)."""

from __future__ import annotations

import json
import stat
import threading
import time

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from tickets_support import PERSONAL_VALUES, make_draft

from bot.tickets import TicketStore
from bot.tickets.models import new_reference
from bot.tickets.spool import HandoverSpool, draft_from_json, draft_to_json
from bot.tickets.spool_flusher import SpoolFlusher
from bot.tickets.store import CONNECT_TIMEOUT_S, create_engine_for


@pytest.fixture
def spool(tmp_path) -> HandoverSpool:
    return HandoverSpool(tmp_path / "spool" / "handover_spool.db")


class FlakyStore:
    """A real store whose create_ticket fails like a stopped server for chosen calls."""

    def __init__(self, store: TicketStore, fail_calls: set[int], error: Exception | None = None):
        self.store = store
        self.fail_calls = fail_calls
        self.error = error or OperationalError("INSERT", {}, ConnectionRefusedError("down"))
        self.calls = 0

    def create_ticket(self, draft):
        self.calls += 1
        if self.calls in self.fail_calls:
            raise self.error
        return self.store.create_ticket(draft)


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


def test_a_draft_survives_the_round_trip_with_every_field():
    draft = make_draft(deadline="2026-04-01", reference=new_reference())
    assert draft_from_json(draft_to_json(draft)) == draft
    bare = make_draft(summary=None, sender_key=None, urgency_reason=None)
    assert draft_from_json(draft_to_json(bare)) == bare
    flagged = make_draft(safety_flag=True)
    assert draft_from_json(draft_to_json(flagged)).safety_flag is True


def test_a_draft_spooled_before_the_safety_flag_existed_reads_as_unflagged():
    data = json.loads(draft_to_json(make_draft()))
    del data["safety_flag"]
    assert draft_from_json(json.dumps(data)).safety_flag is False


def test_put_keeps_one_draft_per_handover_and_its_first_reference(spool):
    first = make_draft(reference="KP-AAAAAA")
    assert spool.put(first) == first
    again = spool.put(make_draft(reference="KP-BBBBBB"))  # the same handover, retried
    assert again.reference == "KP-AAAAAA"
    spool.put(make_draft("handover-2"))
    assert spool.pending_count() == 2


def test_drain_creates_each_ticket_once_with_the_reference_told(spool, store):
    spool.put(make_draft("h1", reference="KP-AAAAAA"))
    spool.put(make_draft("h2", reference="KP-BBBBBB"))
    tickets = spool.drain(store)
    assert [t.reference for t in tickets] == ["KP-AAAAAA", "KP-BBBBBB"]
    assert spool.pending_count() == 0
    assert spool.drain(store) == []
    # Stored just before a crash and spooled as well: the drain finds the same ticket.
    stored = store.create_ticket(make_draft("h3", reference="KP-CCCCCC"))
    spool.put(make_draft("h3", reference="KP-CCCCCC"))
    assert [t.id for t in spool.drain(store)] == [stored.id]
    assert len(store.list_tickets()) == 3
    assert spool.pending_count() == 0


def test_drain_stops_at_the_first_outage_and_keeps_the_rest(spool, store):
    for key in ("h1", "h2", "h3"):
        spool.put(make_draft(key))
    flaky = FlakyStore(store, fail_calls={2})
    assert len(spool.drain(flaky)) == 1
    assert flaky.calls == 2  # h3 was not tried while the database was down
    assert spool.pending_count() == 2
    assert len(spool.drain(flaky)) == 2
    assert spool.pending_count() == 0
    assert len(store.list_tickets()) == 3


def test_a_draft_that_fails_otherwise_stays_without_blocking_the_others(spool, store):
    spool.put(make_draft("h1"))
    spool.put(make_draft("h2"))
    flaky = FlakyStore(store, fail_calls={1}, error=ValueError("bad draft"))
    assert len(spool.drain(flaky)) == 1
    assert spool.pending_count() == 1
    assert len(spool.drain(flaky)) == 1
    assert spool.pending_count() == 0


def test_erasure_removes_only_that_senders_drafts(spool):
    spool.put(make_draft("h1", sender_key="a" * 64))
    spool.put(make_draft("h2", sender_key="a" * 64))
    spool.put(make_draft("h3", sender_key="b" * 64))
    assert spool.delete_for_sender("a" * 64) == 2
    assert spool.pending_count() == 1
    assert spool.delete_for_sender("a" * 64) == 0


def test_erasure_waits_for_a_flush_in_progress(spool, store):
    """A ticket being created from the spool while the person erases is erased too: the
    erasure waits for the flush, then finds no draft, and the ticket is in the database."""
    spool.put(make_draft("h1", sender_key="a" * 64))
    entered, release = threading.Event(), threading.Event()

    class SlowStore:
        def create_ticket(self, draft):
            entered.set()
            release.wait(30)
            return store.create_ticket(draft)

    drainer = threading.Thread(target=spool.drain, args=(SlowStore(),))
    drainer.start()
    assert entered.wait(30)
    erased: list[int] = []
    eraser = threading.Thread(target=lambda: erased.append(spool.delete_for_sender("a" * 64)))
    eraser.start()
    eraser.join(0.5)
    assert eraser.is_alive()  # blocked behind the flush
    release.set()
    drainer.join(30)
    eraser.join(30)
    assert erased == [0]
    assert store.delete_for_sender("a" * 64) == 1


def test_spool_file_is_private_and_only_made_when_needed(spool):
    assert spool.pending_count() == 0 and spool.delete_for_sender("a" * 64) == 0
    assert not spool.path.exists()
    spool.put(make_draft())
    assert stat.S_IMODE(spool.path.stat().st_mode) == 0o600
    spool.path.chmod(0o644)  # e.g. restored from a backup
    spool.put(make_draft("h2"))
    assert stat.S_IMODE(spool.path.stat().st_mode) == 0o600


def test_spool_path_comes_from_the_environment(tmp_path):
    assert HandoverSpool.from_env({"HANDOVER_SPOOL_PATH": str(tmp_path / "s.db")}).path == (
        tmp_path / "s.db")
    assert HandoverSpool.from_env({}).path.name == "handover_spool.db"


def test_flusher_retries_until_the_database_is_back_then_stops(spool, store, caplog):
    spool.put(make_draft("h1"))
    spool.put(make_draft("h2"))
    flaky = FlakyStore(store, fail_calls={1, 2, 3})
    flusher = SpoolFlusher(spool, lambda: flaky, interval=0.01, max_interval=0.05)
    caplog.set_level("INFO")
    flusher.wake()
    flusher.wake()  # already running: no second thread
    wait_until(lambda: not flusher.running)
    assert spool.pending_count() == 0
    assert len(store.list_tickets()) == 2
    assert flaky.calls == 5
    assert not any(value in caplog.text for value in PERSONAL_VALUES)
    # A later put starts it again.
    spool.put(make_draft("h3"))
    flusher.wake()
    wait_until(lambda: not flusher.running)
    assert len(store.list_tickets()) == 3


def test_pre_assigned_reference_is_used_and_a_taken_one_replaced(store):
    assert store.create_ticket(make_draft("h1", reference="KP-AAAAAA")).reference == "KP-AAAAAA"
    other = store.create_ticket(make_draft("h2", reference="KP-AAAAAA"))
    assert other.reference != "KP-AAAAAA"
    assert len(store.list_tickets()) == 2


def test_draft_reference_must_look_like_one():
    assert make_draft(reference=" kp-abcdef ").reference == "KP-ABCDEF"
    with pytest.raises(ValueError):
        make_draft(reference="KP-0O1I00")


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://postgres@127.0.0.1:5432/x", str(CONNECT_TIMEOUT_S)),  # from the URL
    ("postgresql://postgres@127.0.0.1:5432/x?connect_timeout=2", "2"),
])
def test_postgresql_connections_give_up_after_a_timeout(url, expected):
    engine = create_engine_for(url)
    seen: dict = {}

    @event.listens_for(engine, "do_connect")
    def capture(dialect, record, cargs, cparams):
        seen.update(cparams)
        raise ConnectionAbortedError("captured")

    with pytest.raises(ConnectionAbortedError):
        engine.connect()
    assert seen["connect_timeout"] == expected
