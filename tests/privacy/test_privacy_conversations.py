"""Erasure on request and retention of conversations in Rasa's SQL tracker store."""

import time

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.conversations import (
    GRACE_SECONDS,
    process_erasure_requests,
    purge_idle_conversations,
    request_erasure,
)


def _tracker_store(path):
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


async def _talk(store, sender, when):
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered("hallo", timestamp=when))
    await store.save(tracker)


def _senders(engine):
    with engine.connect() as conn:
        return {row[0] for row in conn.execute(sa.text("SELECT DISTINCT sender_id FROM events"))}


async def test_erasure_request_deletes_only_that_conversation_after_the_grace(tmp_path):
    store = _tracker_store(tmp_path / "rasa.db")
    now = time.time()
    await _talk(store, "wis-mij", now)
    await _talk(store, "blijf", now)
    tracker_engine = sa.create_engine(f"sqlite:///{tmp_path / 'rasa.db'}")
    requests_engine = sa.create_engine(f"sqlite:///{tmp_path / 'tickets.db'}")
    request_erasure(requests_engine, "wis-mij", now=now)

    # Within the grace period Rasa may still be saving the last turn: wait.
    assert process_erasure_requests(requests_engine, tracker_engine, now=now + 1) == 0
    assert _senders(tracker_engine) == {"wis-mij", "blijf"}

    assert process_erasure_requests(
        requests_engine, tracker_engine, now=now + GRACE_SECONDS + 1) == 1
    assert _senders(tracker_engine) == {"blijf"}
    # The request itself (which holds the sender id) is gone too.
    assert process_erasure_requests(
        requests_engine, tracker_engine, now=now + GRACE_SECONDS + 2) == 0


async def test_idle_conversations_are_purged_after_the_retention_period(tmp_path):
    store = _tracker_store(tmp_path / "rasa.db")
    now = time.time()
    await _talk(store, "oud", now - 40 * 86400)
    await _talk(store, "recent", now - 2 * 86400)
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'rasa.db'}")
    assert purge_idle_conversations(engine, days=30, now=now) == 1
    assert _senders(engine) == {"recent"}


def test_purge_without_a_tracker_table_does_nothing(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert purge_idle_conversations(engine, days=30) == 0
