"""Delete conversations from Rasa's SQL tracker store.

Erasure cannot happen inside the conversation's own action: Rasa saves the
tracker right after the action, so rows deleted there would come back. The
action records a request instead (``request_erasure``); the worker deletes the
sender's events once the request is a little older than the last save
(``process_erasure_requests``). Requests hold the sender id only until then.

Retention: conversations idle longer than CONVERSATION_RETENTION_DAYS (default
30: long enough to come back to a topic, short for chats about work and health)
are deleted by ``purge_idle_conversations``.

Contact details typed into the handover form (the slots contact_name, contact_phone,
contact_email) live in the ticket once it exists; ``scrub_contact_details`` then removes
them from the conversation (issue 13, finding 5): the slot events' values, the user
messages that carried them and the messages that repeat them become "[verwijderd]". Also
a worker job, not the action, for the same reason as erasure; the rows are rewritten in
place and never deleted, because Rasa saves a tracker by appending the events after the
number already stored.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.settings import with_postgres_timeouts

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
    sa.Column("type_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)

CONTACT_SLOTS = ("contact_name", "contact_phone", "contact_email")
REFERENCE_SLOT = "ticket_reference"
REDACTED = "[verwijderd]"

GRACE_SECONDS = 30.0


def retention_days(env: Mapping[str, str]) -> int:
    return int(env.get("CONVERSATION_RETENTION_DAYS", "30"))


def _engine(url: str) -> Engine:
    return sa.create_engine(with_postgres_timeouts(url), future=True)


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


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _mentions(text: str, values: Iterable[str]) -> bool:
    """Whether ``text`` contains one of the values: a phone number by its last nine digits
    (typed "06-12345678", stored "+31612345678"), anything else as a word, any case."""
    digits = _digits(text)
    for value in values:
        tail = _digits(value)[-9:]
        if len(tail) == 9 and tail in digits:
            return True
        if re.search(r"(?<!\w)" + re.escape(value.strip()) + r"(?!\w)", text, re.IGNORECASE):
            return True
    return False


def _redacted(row: sa.Row) -> dict | None:
    """The row's data with the personal part replaced, or None when nothing is left to do."""
    data = json.loads(row.data)
    if row.type_name == "slot":
        if data.get("value") is None:
            return None
        data["value"] = None
    elif row.type_name in ("user", "bot"):
        if data.get("text") in (None, REDACTED):
            return None
        data["text"] = REDACTED
        parse = data.get("parse_data")
        if isinstance(parse, dict):
            parse["text"] = REDACTED
            parse["entities"] = []
    return data


def scrub_contact_details(
    tracker_engine: Engine, stored: Callable[[set[str]], set[str]]
) -> int:
    """Remove form contact details from conversations whose ticket holds them.

    ``stored(references)`` answers which ticket references reached the tickets database (a
    handover waiting in a spool has not: its details stay until it has). Every contact slot
    value set before a ``ticket_reference`` that is stored goes, with the user message that
    carried it (the last one before it) and every user or bot message up to the reference
    that contains the value. Returns the conversations changed."""
    if not sa.inspect(tracker_engine).has_table("events"):
        return 0
    with tracker_engine.connect() as conn:
        senders = list(conn.execute(
            sa.select(events.c.sender_id).distinct().where(sa.and_(
                events.c.type_name == "slot", events.c.action_name.in_(CONTACT_SLOTS),
                ~events.c.data.like('%"value": null%')))).scalars())
    changed = 0
    for sender in senders:
        with tracker_engine.begin() as conn:
            rows = conn.execute(
                sa.select(events.c.id, events.c.type_name, events.c.action_name, events.c.data)
                .where(sa.and_(events.c.sender_id == sender,
                               events.c.type_name.in_(("slot", "user", "bot"))))
                .order_by(events.c.id)).all()
            updates = _scrub_plan(rows, stored)
            for event_id, data in updates.items():
                conn.execute(events.update().where(events.c.id == event_id)
                             .values(data=json.dumps(data)))
        changed += bool(updates)
    return changed


def _scrub_plan(rows: list[sa.Row], stored: Callable[[set[str]], set[str]]) -> dict[int, dict]:
    references = {json.loads(r.data).get("value") for r in rows
                  if r.type_name == "slot" and r.action_name == REFERENCE_SLOT}
    references = {ref for ref in references if isinstance(ref, str) and ref}
    if not references:
        return {}
    held = stored(references)
    # The last event id at which a stored reference was set: everything before it is in a ticket.
    until = max((r.id for r in rows if r.type_name == "slot" and r.action_name == REFERENCE_SLOT
                 and json.loads(r.data).get("value") in held), default=None)
    if until is None:
        return {}
    values: set[str] = set()
    carriers: set[int] = set()
    last_user: int | None = None
    for r in rows:
        if r.id >= until:
            break
        if r.type_name == "user":
            last_user = r.id
        elif r.type_name == "slot" and r.action_name in CONTACT_SLOTS:
            value = json.loads(r.data).get("value")
            if isinstance(value, str) and value.strip():
                values.add(value)
                carriers.add(r.id)
                if last_user is not None:
                    carriers.add(last_user)
    plan: dict[int, dict] = {}
    for r in rows:
        if r.id >= until:
            break
        if r.id in carriers or (r.type_name in ("user", "bot") and values
                                and _mentions(json.loads(r.data).get("text") or "", values)):
            data = _redacted(r)
            if data is not None:
                plan[r.id] = data
    return plan
