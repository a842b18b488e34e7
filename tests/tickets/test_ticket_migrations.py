"""The migration runner: ordered, recorded, all-or-nothing (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, inspect

from bot.tickets.migrations import Migration, migrate
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
