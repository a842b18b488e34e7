"""Fixtures: the same store tests run on SQLite and on PostgreSQL (`db_url`, a throwaway
schema per test, from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ticket_data import ManualClock
from tickets_support import NOTIFIERS, ticking_clock

from bot.tickets import TicketStore


@pytest.fixture
def clock() -> ManualClock:
    return ticking_clock()


@pytest.fixture
def make_store(db_url: str, clock: ManualClock, open_store) -> Callable[..., TicketStore]:
    def factory(**kwargs) -> TicketStore:
        kwargs.setdefault("notifiers", NOTIFIERS)
        kwargs.setdefault("clock", clock)
        return open_store(db_url, **kwargs)

    return factory


@pytest.fixture
def store(make_store) -> TicketStore:
    return make_store()
