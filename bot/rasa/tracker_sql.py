"""A conversation's events in Rasa's SQL table, through prepared Core statements.

Rasa's ``SQLTrackerStore`` builds two ORM queries per turn (read the events of
the latest session; count them again before writing) and inserts new events
through the ORM's unit of work. On the production profile's PostgreSQL that was
about 6 ms of a turn's 22 ms of Rasa CPU (``tools.profile_turns``, 2026-11-23),
mostly query construction and ORM bookkeeping rather than the database.

These are the same SQL queries on the same table (``events``), built once per
store as SQLAlchemy Core statements with the sender as a bound parameter, and
new events go in with one ``executemany``. Same rows, same order, same tracker
read back (tests/rasa/test_tracker_sql.py compares with Rasa's store).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY


@dataclass(frozen=True)
class EventStatements:
    """The three statements of a turn: read the session's events, count them, insert."""

    read_session: Any
    count_session: Any
    insert: Any

    @classmethod
    def for_table(cls, events: sa.Table) -> EventStatements:
        sender = sa.bindparam("sender_id")
        # As Rasa's SQLTrackerStore._event_query: events since the sender's latest
        # SessionStarted (all of them if there is none), in insertion order.
        session_start = (
            sa.select(sa.func.max(events.c.timestamp).label("session_start"))
            .where(events.c.sender_id == sender,
                   events.c.type_name == SessionStarted.type_name)
            .subquery())
        in_session = sa.and_(
            events.c.sender_id == sender,
            sa.or_(events.c.timestamp >= session_start.c.session_start,
                   session_start.c.session_start.is_(None)))
        return cls(
            read_session=sa.select(events.c.data).where(in_session).order_by(events.c.id),
            count_session=sa.select(sa.func.count()).select_from(
                sa.select(events.c.id).where(in_session).subquery()),
            insert=events.insert(),
        )


def read_session_events(session: Any, statements: EventStatements, sender_id: str
                        ) -> list[dict[str, Any]]:
    """The events of the sender's latest session, as dicts, oldest first."""
    rows = session.execute(statements.read_session, {"sender_id": sender_id}).scalars()
    return [json.loads(data) for data in rows]


def tracker_from(sender_id: str, events: list[dict[str, Any]], domain: Any
                 ) -> DialogueStateTracker | None:
    """The tracker Rasa's store would build (None without a domain or events)."""
    if domain and events:
        return DialogueStateTracker.from_dict(sender_id, events, domain.slots)
    return None


def new_event_rows(tracker: DialogueStateTracker, stored: int) -> list[dict[str, Any]]:
    """Rows for the tracker's events after the first ``stored`` (as Rasa's save builds them)."""
    rows = []
    for event in list(tracker.events)[stored:]:
        data = event.as_dict()
        rows.append({
            "sender_id": tracker.sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        })
    return rows


def save_new_events(session: Any, statements: EventStatements,
                    tracker: DialogueStateTracker) -> int:
    """Insert the events not stored yet (counted in the same transaction); commit."""
    stored = session.execute(statements.count_session,
                             {"sender_id": tracker.sender_id}).scalar_one()
    rows = new_event_rows(tracker, stored)
    if rows:
        session.execute(statements.insert, rows)
    session.commit()
    return len(rows)
