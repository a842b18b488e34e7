"""bot.rasa.tracker_sql through UrlSQLTrackerStore: the rows and trackers of Rasa's own store.

Each test writes the same conversation turn by turn with Rasa's ``SQLTrackerStore``
code into one database and with ours into another (SQLite files, or two
PostgreSQL schemas), then compares every stored row and the trackers read back,
also across (ours reads Rasa's rows and the other way round), so processes of
both kinds can share one database during a roll-out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from pg_support import throwaway_schema
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from bot.rasa.stores import UrlSQLTrackerStore
from bot.rasa.tracker_sql import EventStatements

ROOT = Path(__file__).resolve().parents[2]
SENDERS = ["kp-1", "'; DROP TABLE events; --", "kp-\u00e9\u00e8-🙂"]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rasa.db'}", f"sqlite:///{tmp_path / 'ours.db'}"
        return
    with throwaway_schema() as rasa_url, throwaway_schema() as our_url:
        yield rasa_url, our_url


def _turns(start: float) -> list[list]:
    """A conversation of two sessions, as the events each turn adds."""
    parse = {"intent": {"name": "career_stuck", "confidence": 0.91},
             "entities": [{"entity": "sector", "value": "zorg", "start": 10, "end": 14}],
             "text": "ik zit vast in de zorg"}
    t = start
    session = [ActionExecuted("action_session_start", timestamp=t),
               SessionStarted(timestamp=t + 0.001),
               ActionExecuted("action_listen", timestamp=t + 0.002)]
    turn = [UserUttered("ik zit vast in de zorg", parse["intent"], parse["entities"], parse,
                        timestamp=t + 1),
            SlotSet("topic", "stuck", timestamp=t + 1.1),
            ActionExecuted("utter_stuck_intro", policy="RulePolicy", confidence=1.0,
                           timestamp=t + 1.2),
            BotUttered("Dat klinkt vervelend.", {"buttons": None}, {"utter_action": "x"},
                       timestamp=t + 1.3),
            ActionExecuted("action_listen", timestamp=t + 1.4)]
    bye = [UserUttered("doei", {"name": "goodbye", "confidence": 0.99}, [],
                       {"text": "doei"}, timestamp=t + 2),
           ActionExecuted("utter_goodbye", timestamp=t + 2.1),
           BotUttered("Doei!", timestamp=t + 2.2),
           ActionExecuted("action_listen", timestamp=t + 2.3)]
    new_session = [ActionExecuted("action_session_start", timestamp=t + 100),
                   SessionStarted(timestamp=t + 100.001),
                   SlotSet("topic", "stuck", timestamp=t + 100.002),
                   ActionExecuted("action_listen", timestamp=t + 100.003)]
    again = [UserUttered("hallo weer", {"name": "greet", "confidence": 0.97}, [],
                         {"text": "hallo weer"}, timestamp=t + 101)]
    return [session, turn, bye, new_session, again]


class RasaOwn(UrlSQLTrackerStore):
    """Our store's connection, Rasa's own read and save code."""

    _retrieve = SQLTrackerStore._retrieve
    save = SQLTrackerStore.save


async def _play(store: SQLTrackerStore, sender: str, domain: Domain) -> None:
    for events in _turns(1_700_000_000.0):
        tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
        for event in events:
            tracker.update(event)
        await store.save(tracker)


def _rows(url: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(sa.text(
                "SELECT sender_id, type_name, timestamp, intent_name, action_name, data "
                "FROM events ORDER BY id"))]
    finally:
        engine.dispose()


def _state(tracker: DialogueStateTracker | None) -> dict | None:
    return None if tracker is None else tracker.current_state(EventVerbosity.ALL)


async def test_same_rows_and_trackers_as_rasa_s_store(two_urls, domain):
    rasa_url, our_url = two_urls
    rasa_store = RasaOwn(domain=domain, host=rasa_url, url_env="")
    ours = UrlSQLTrackerStore(domain=domain, host=our_url, url_env="")
    for sender in SENDERS:
        await _play(rasa_store, sender, domain)
        await _play(ours, sender, domain)
    rows = _rows(our_url)
    assert rows == _rows(rasa_url)
    assert len(rows) == len(SENDERS) * sum(len(turn) for turn in _turns(0.0))  # none twice
    for sender in SENDERS:
        ours_read = await ours.retrieve(sender)
        assert _state(ours_read) == _state(await rasa_store.retrieve(sender))
        # Only the latest session: from its SessionStarted on (Rasa's rule).
        assert [type(event).__name__ for event in ours_read.events] == [
            "SessionStarted", "SlotSet", "ActionExecuted", "UserUttered"]
        assert ours_read.events[0].timestamp == pytest.approx(1_700_000_100.001)
        full = await ours.retrieve_full_tracker(sender)
        assert _state(full) == _state(await rasa_store.retrieve_full_tracker(sender))
        assert await ours.retrieve(sender + "-nobody") is None


async def test_each_reads_what_the_other_wrote(two_urls, domain):
    rasa_url, our_url = two_urls
    for writer_url, Reader in ((rasa_url, UrlSQLTrackerStore), (our_url, RasaOwn)):
        Writer = RasaOwn if Reader is UrlSQLTrackerStore else UrlSQLTrackerStore
        await _play(Writer(domain=domain, host=writer_url, url_env=""), "kp-x", domain)
        reader = Reader(domain=domain, host=writer_url, url_env="")
        writer = Writer(domain=domain, host=writer_url, url_env="")
        assert _state(await reader.retrieve("kp-x")) == _state(await writer.retrieve("kp-x"))
        before = _rows(writer_url)
        tracker = await reader.retrieve("kp-x")
        tracker.update(BotUttered("nog één", timestamp=1_700_000_200.0))
        await reader.save(tracker)  # appends only the new event to the other's rows
        after = _rows(writer_url)
        assert after[:-1] == before and after[-1][1] == "bot" and "nog" in after[-1][5]
        assert _state(await writer.retrieve("kp-x")) == _state(tracker)


def test_the_statements_are_built_once_per_store(domain, tmp_path):
    store = UrlSQLTrackerStore(domain=domain, host=f"sqlite:///{tmp_path / 'x.db'}", url_env="")
    assert isinstance(store._statements, EventStatements)
    sql = str(store._statements.read_session)
    assert "max(events.timestamp)" in sql and "ORDER BY events.id" in sql
    assert ":sender_id" in sql  # the sender is a bound parameter, never pasted into SQL
