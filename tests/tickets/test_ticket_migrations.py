"""The migration runner: ordered, recorded, all-or-nothing (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, inspect
from tickets_support import make_draft

from bot.tickets import TicketStore
from bot.tickets.migrations import MIGRATIONS, Migration, migrate
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
