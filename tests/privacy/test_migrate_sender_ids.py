"""The one-off move of stored conversations into their channel's namespace
(bot.privacy.migrate_sender_ids, docs/deploy.md "Sender ids per channel")."""

from __future__ import annotations

import time

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.conversations import request_erasure
from bot.privacy.migrate_sender_ids import main, migrate


async def _talk(store, sender: str, *channels: str) -> None:
    tracker = DialogueStateTracker(sender, slots=[])
    if not channels:
        tracker.update(SessionStarted(timestamp=time.time()))
    for channel in channels:
        tracker.update(UserUttered("hallo", input_channel=channel, timestamp=time.time()))
    await store.save(tracker)


def _conversations(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(sa.text(
            "SELECT sender_id, count(*) FROM events GROUP BY sender_id")).all())


async def test_old_conversations_move_into_their_channel_and_crossed_ones_go(tmp_path):
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db"))
    await _talk(store, "31600000001", "whatsapp")  # a member: carries on as whatsapp:...
    await _talk(store, "7001", "telegram")
    await _talk(store, "ik", "rest")
    await _talk(store, "sessie-1", "socketio")
    await _talk(store, "whatsapp:31600000002", "rest")  # a REST client's chosen id
    await _talk(store, "31600000003", "whatsapp", "rest")  # crossed: two channels
    await _talk(store, "31600000004", "whatsapp")  # started anew after the upgrade:
    await _talk(store, "whatsapp:31600000004", "whatsapp")
    await _talk(store, "zonder-bericht")
    await _talk(store, "whatsapp:31600000005", "whatsapp")  # already namespaced
    await _talk(store, "wis-mij", "rest")
    trackers = sa.create_engine(f"sqlite:///{tmp_path / 'rasa.db'}")
    requests = sa.create_engine(f"sqlite:///{tmp_path / 'tickets.db'}")
    request_erasure(requests, "wis-mij")  # still waiting: carried out first
    before = _conversations(trackers)

    done = migrate(trackers, requests)

    after = _conversations(trackers)
    assert set(after) == {
        "whatsapp:31600000001", "telegram:7001", "rest:ik", "socketio:sessie-1",
        "rest:whatsapp:31600000002", "whatsapp:31600000004", "whatsapp:31600000005"}
    assert after["whatsapp:31600000001"] == before["31600000001"]  # every event moved
    assert len(done.renames) == 5 and len(done.deletions) == 3 and done.unchanged == 2
    # Once is enough; again changes nothing.
    again = migrate(trackers, requests)
    assert (again.renames, again.deletions) == ({}, [])
    assert _conversations(trackers) == after


def test_dry_run_counts_without_changing_or_printing_ids(tmp_path, monkeypatch, capsys):
    trackers = tmp_path / "rasa.db"
    engine = sa.create_engine(f"sqlite:///{trackers}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                             "type_name TEXT, timestamp REAL, data TEXT)"))
        conn.execute(sa.text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                             "VALUES ('31699999999', 'user', 1, :data)"),
                     {"data": '{"input_channel": "whatsapp"}'})
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{trackers}")
    monkeypatch.setenv("TICKETS_DB_URL", f"sqlite:///{tmp_path / 'tickets.db'}")
    assert main(["--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Dry run" in out and "namespace: 1" in out and "31699999999" not in out
    assert set(_conversations(engine)) == {"31699999999"}
    assert main([]) == 0
    assert set(_conversations(engine)) == {"whatsapp:31699999999"}
