"""Every earlier version of the tickets database upgrades to the same schema as a fresh
one, and that schema is the one bot/tickets/schema.py describes (its copy cannot drift).
On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import MetaData, inspect
from sqlalchemy.engine import Engine

from bot.tickets.migrations import MIGRATIONS, migrate
from bot.tickets.schema import metadata
from bot.tickets.store import create_engine_for


def snapshot(engine: Engine) -> dict[str, Any]:
    """Tables with their columns (name, type, nullability), primary key, indexes, unique
    constraints and foreign keys, as the database reports them."""
    found: dict[str, Any] = {}
    db = inspect(engine)
    for table in sorted(db.get_table_names()):
        found[table] = {
            # In name order: a column added later comes last in an upgraded table.
            "columns": sorted((c["name"], str(c["type"]).split("(")[0], c["nullable"])
                              for c in db.get_columns(table)),
            "primary key": db.get_pk_constraint(table)["constrained_columns"],
            "indexes": sorted((tuple(i["column_names"]), bool(i["unique"]))
                              for i in db.get_indexes(table)),
            "unique": sorted(tuple(u["column_names"]) for u in db.get_unique_constraints(table)),
            "foreign keys": sorted((tuple(f["constrained_columns"]), f["referred_table"],
                                    tuple(f["referred_columns"]))
                                   for f in db.get_foreign_keys(table)),
        }
    return found


def drop_everything(engine: Engine) -> None:
    present = MetaData()
    present.reflect(engine)
    present.drop_all(engine)


def differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    found = [f"table {t}: only in {'the first' if t in got else 'the second'}"
             for t in sorted(set(got) ^ set(want))]
    for table in sorted(set(got) & set(want)):
        for part, value in got[table].items():
            if value != want[table][part]:
                found.append(f"{table} {part}: {value} != {want[table][part]}")
    return found


def test_every_earlier_version_upgrades_to_the_fresh_schema_of_schema_py(db_url):
    engine = create_engine_for(db_url)
    try:
        assert migrate(engine) == [m.version for m in MIGRATIONS]
        fresh = snapshot(engine)
        drop_everything(engine)
        metadata.create_all(engine)
        assert differences(fresh, snapshot(engine)) == [], "schema.py and the migrations differ"
        for version in range(1, len(MIGRATIONS)):
            drop_everything(engine)
            migrate(engine, MIGRATIONS[:version])
            assert migrate(engine) == [m.version for m in MIGRATIONS[version:]]
            upgraded = snapshot(engine)
            assert differences(upgraded, fresh) == [], f"from version {version}"
    finally:
        engine.dispose()


def test_the_comparison_sees_a_missing_column(tmp_path):
    engine = create_engine_for(f"sqlite:///{tmp_path / 'm.db'}")
    try:
        migrate(engine)
        before = snapshot(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE tickets DROP COLUMN follow_up")
        assert differences(snapshot(engine), before) != []
    finally:
        engine.dispose()


pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")
