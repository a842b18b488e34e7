"""Delete conversations from Rasa's SQL tracker store.

Erasure cannot happen inside the conversation's own action: Rasa saves the
tracker right after the action, so rows deleted there would come back. The
action records a request instead (``request_erasure``); the worker deletes the
sender's events once the request is a little older than the last save
(``process_erasure_requests``). Requests hold the sender id only until then.

Retention: conversations idle longer than CONVERSATION_RETENTION_DAYS (default
30: long enough to come back to a topic, short for chats about work and health)
are deleted by ``purge_idle_conversations``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Engine

_meta = sa.MetaData()
erasure_requests = sa.Table(
    "erasure_requests",
    _meta,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("requested_at", sa.Float, nullable=False),
)
# Rasa's SQLTrackerStore table (rasa.core.tracker_store.SQLTrackerStore.SQLEvent).
events = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("timestamp", sa.Float),
)

GRACE_SECONDS = 30.0


def retention_days(env: Mapping[str, str]) -> int:
    return int(env.get("CONVERSATION_RETENTION_DAYS", "30"))


def _engine(url: str) -> Engine:
    return sa.create_engine(url, future=True)


def request_erasure(engine: Engine, sender_id: str, now: float | None = None) -> None:
    _meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(erasure_requests.delete().where(erasure_requests.c.sender_id == sender_id))
        conn.execute(erasure_requests.insert().values(
            sender_id=sender_id, requested_at=now or time.time()))


def process_erasure_requests(
    requests_engine: Engine, tracker_engine: Engine, now: float | None = None
) -> int:
    """Delete the events of every sender whose request passed the grace period."""
    _meta.create_all(requests_engine)
    cutoff = (now or time.time()) - GRACE_SECONDS
    with requests_engine.begin() as conn:
        due = [r.sender_id for r in conn.execute(
            sa.select(erasure_requests.c.sender_id).where(
                erasure_requests.c.requested_at <= cutoff))]
    if not due:
        return 0
    if sa.inspect(tracker_engine).has_table("events"):
        with tracker_engine.begin() as conn:
            conn.execute(events.delete().where(events.c.sender_id.in_(due)))
    with requests_engine.begin() as conn:
        conn.execute(erasure_requests.delete().where(erasure_requests.c.sender_id.in_(due)))
    return len(due)


def purge_idle_conversations(tracker_engine: Engine, days: int, now: float | None = None) -> int:
    """Delete conversations whose newest event is older than ``days``."""
    if not sa.inspect(tracker_engine).has_table("events"):
        return 0
    cutoff = (now or time.time()) - days * 86400
    idle = (
        sa.select(events.c.sender_id)
        .group_by(events.c.sender_id)
        .having(sa.func.max(events.c.timestamp) < cutoff)
    )
    with tracker_engine.begin() as conn:
        senders = [row.sender_id for row in conn.execute(idle)]
        if senders:
            conn.execute(events.delete().where(events.c.sender_id.in_(senders)))
    return len(senders)
