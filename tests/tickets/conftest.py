"""Fixtures: the same store tests run on SQLite (a file in tmp_path) and on PostgreSQL (the
local server, one throw-away schema per test, dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine
from tickets_support import NOTIFIERS, FakeClock

from bot.tickets import TicketStore

PG_ADMIN_URL = os.environ.get("TICKETS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'tickets.db'}"
        return
    schema = f"kp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, future=True)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        # libpq "options" puts every connection of the store into the throw-away schema.
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_store(db_url: str, clock: FakeClock) -> Iterator[Callable[..., TicketStore]]:
    stores: list[TicketStore] = []

    def factory(**kwargs) -> TicketStore:
        kwargs.setdefault("notifiers", NOTIFIERS)
        kwargs.setdefault("clock", clock)
        store = TicketStore.from_url(db_url, **kwargs)
        store.migrate()
        stores.append(store)
        return store

    yield factory
    for store in stores:
        store.close()


@pytest.fixture
def store(make_store) -> TicketStore:
    return make_store()
