"""The migration runner: ordered, recorded, all-or-nothing (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, inspect
from sqlalchemy.exc import IntegrityError
from tickets_support import make_draft

from bot.tickets import TicketStore
from bot.tickets.migrations import MIGRATIONS, Migration, migrate
from bot.tickets.schema import outbox
from bot.tickets.store import create_engine_for


def _create(name: str):
    def step(conn) -> None:
        Table(name, MetaData(), Column("id", Integer, primary_key=True)).create(conn)
    return step


def _boom(conn) -> None:
    raise RuntimeError("migration bug")


def test_a_failing_step_rolls_back_every_step_of_that_run(db_url):
    engine = create_engine_for(db_url)
    try:
        with pytest.raises(RuntimeError, match="migration bug"):
            migrate(engine, (Migration(1, "first", _create("first_table")),
                             Migration(2, "broken", _boom)))
        assert "first_table" not in inspect(engine).get_table_names()

        # Fixed release: both run, and a later run with one more step applies only that step.
        assert migrate(engine, (Migration(1, "first", _create("first_table")),)) == [1]
        assert migrate(engine, (Migration(1, "first", _create("first_table")),
                                Migration(2, "second", _create("second_table")))) == [2]
        assert {"first_table", "second_table"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_versions_must_be_unique_and_ascending(tmp_path):
    engine = create_engine_for(f"sqlite:///{tmp_path / 'm.db'}")
    step = _create("t")
    with pytest.raises(ValueError):
        migrate(engine, (Migration(2, "b", step), Migration(1, "a", step)))
    with pytest.raises(ValueError):
        migrate(engine, (Migration(1, "a", step), Migration(1, "again", step)))
    engine.dispose()


def test_default_sqlite_url_creates_its_directory(tmp_path):
    engine = create_engine_for(f"sqlite:///{tmp_path / 'nested' / 'var' / 'tickets.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert (tmp_path / "nested" / "var" / "tickets.db").exists()


def test_a_database_of_version_3_upgrades_and_keeps_its_tickets(db_url):
    """Migration 4 adds tickets.safety_flag: existing tickets read as not flagged."""
    engine = create_engine_for(db_url)
    try:
        assert migrate(engine, MIGRATIONS[:3]) == [1, 2, 3]
        old_tickets = Table("tickets", MetaData(), autoload_with=engine)
        assert "safety_flag" not in old_tickets.c
        moment = datetime(2026, 3, 2, 9, 30)
        with engine.begin() as conn:
            conn.execute(old_tickets.insert().values(
                id="11111111-1111-4111-8111-111111111111", reference="KP-AAAAAA",
                idempotency_key="old-1", sender_key="s" * 64, created_at=moment,
                updated_at=moment, channel="rest", primary_topic="stuck",
                topics=json.dumps(["stuck"]), urgency="normal", consent_given_at=moment,
                consent_text_version="v1", status="claimed", assignee="anna",
                team="landelijk",
            ))
    finally:
        engine.dispose()

    store = TicketStore.from_url(db_url)
    try:
        assert store.migrate() == [m.version for m in MIGRATIONS[3:]]
        old = store.get_by_reference("KP-AAAAAA")
        assert old is not None and old.safety_flag is False
        assert old.to_api()["safety_flag"] is False
        assert (old.status, old.assignee) == ("claimed", "anna")
        flagged = store.create_ticket(make_draft("new-1", safety_flag=True))
        assert store.get_ticket(flagged.id).safety_flag is True
    finally:
        store.close()



def _old_ticket(conn, table: Table, number: int, urgency: str) -> str:
    """A ticket row written with the reflected table of an older schema version."""
    ticket_id = f"{number:08d}-1111-4111-8111-111111111111"
    moment = datetime(2026, 3, 2, 9, 30)
    conn.execute(table.insert().values(
        id=ticket_id, reference=f"KP-{'ABCDEFGH'[number]}AAAAA", idempotency_key=f"old-{number}",
        created_at=moment, updated_at=moment, channel="rest", primary_topic="stuck",
        topics=json.dumps(["stuck"]), urgency=urgency, consent_given_at=moment,
        consent_text_version="v1", status="new", team="landelijk",
    ))
    return ticket_id


def test_a_database_of_version_4_keeps_its_outbox_and_gains_notices(db_url):
    """Migration 5: outbox rows keep their data, urgent ones get priority 0; a second "new"
    row per ticket and notifier is still refused; notices are not, and need no ticket."""
    engine = create_engine_for(db_url)
    moment = datetime(2026, 3, 2, 9, 30)
    try:
        migrate(engine, MIGRATIONS[:4])
        md = MetaData()
        old_tickets = Table("tickets", md, autoload_with=engine)
        old_outbox = Table("outbox", md, autoload_with=engine)
        with engine.begin() as conn:
            low = _old_ticket(conn, old_tickets, 1, "low")
            high = _old_ticket(conn, old_tickets, 2, "high")
            for ticket_id, sent in ((low, None), (high, None), (low, moment)):
                conn.execute(old_outbox.insert().values(
                    ticket_id=ticket_id, notifier="email" if sent else "telegram",
                    attempts=1 if sent else 0, next_attempt_at=moment, last_error=None,
                    sent_at=sent, created_at=moment))
    finally:
        engine.dispose()

    store = TicketStore.from_url(db_url, notifiers=("telegram",))
    try:
        assert store.migrate() == [m.version for m in MIGRATIONS[4:]]
        [low_row] = [i for i in store.outbox_for_ticket(low) if i.sent_at is None]
        [sent_row] = [i for i in store.outbox_for_ticket(low) if i.sent_at is not None]
        assert (low_row.kind, low_row.notifier, low_row.attempts) == ("new", "telegram", 0)
        assert (sent_row.notifier, sent_row.attempts) == ("email", 1)
        # The urgent ticket's notification goes first although it is not older.
        due = store.due_notifications(now=moment + timedelta(minutes=1))
        assert [item.ticket_id for item in due] == [high, low]

        with pytest.raises(IntegrityError), store.engine.begin() as conn:
            conn.execute(outbox.insert().values(
                ticket_id=low, notifier="telegram", attempts=0, next_attempt_at=moment,
                created_at=moment, kind="new"))
        with store.engine.begin() as conn:
            for kind, ticket_id in (("changed", low), ("changed", low),
                                    ("withdrawn", "gone-ticket")):
                conn.execute(outbox.insert().values(
                    ticket_id=ticket_id, notifier="telegram", attempts=0,
                    next_attempt_at=moment, created_at=moment, kind=kind,
                    reference="KP-AAAAAA"))
        # New rows continue the old numbering (PostgreSQL's sequence survived).
        ticket = store.create_ticket(make_draft("after-5"))
        [new_row] = store.outbox_for_ticket(ticket.id)
        assert new_row.id > sent_row.id and new_row.kind == "new"
    finally:
        store.close()
