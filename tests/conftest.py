"""Fixtures for every test folder. Loading this file also puts tests/ on sys.path (pytest's
default "prepend" import mode), so the shared helper modules here (pg_support, ticket_data,
domain_texts, chromium_support) import by bare name from any folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from domain_texts import load_responses
from pg_support import throwaway_schema


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The same test on SQLite (a file in tmp_path) and on the local PostgreSQL (a
    throwaway schema, dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'tickets.db'}"
        return
    with throwaway_schema() as url:
        yield url


@pytest.fixture
def open_store() -> Iterator[Callable[..., Any]]:
    """open_store(url, **TicketStore.from_url options): a migrated store, closed after the
    test."""
    from bot.tickets import TicketStore  # here, not at the top: this file loads for every test

    stores: list[TicketStore] = []

    def open_(url: str, **options: Any) -> TicketStore:
        store = TicketStore.from_url(url, **options)
        store.migrate()
        stores.append(store)
        return store

    yield open_
    for store in stores:
        store.close()


@pytest.fixture(scope="session")
def responses() -> dict[str, list[str]]:
    """Every response text of the domain, by name (all variations)."""
    return load_responses()
