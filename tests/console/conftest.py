"""Fixtures for the console tests: a real ticket store and account store on a temp SQLite
file, a controllable clock, and a logged-in test client."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher
from console_support import API_TOKEN, PASSWORD, FakeClock, TicketFactory, login

from bot.console.accounts import AccountStore
from bot.console.app import create_app
from bot.console.console_settings import ConsoleSettings
from bot.tickets import TicketStore


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ticket_store(tmp_path: Any, clock: FakeClock) -> TicketStore:
    store = TicketStore.from_url(f"sqlite:///{tmp_path / 'console.db'}", clock=clock)
    store.migrate()
    yield store
    store.close()


@pytest.fixture
def accounts(ticket_store: TicketStore, clock: FakeClock) -> AccountStore:
    # Cheap argon2 parameters: the tests check behaviour, not hashing cost.
    store = AccountStore(
        ticket_store.engine,
        clock=clock,
        hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
    )
    store.migrate()
    # A coordinator (every team's tickets), as accounts from before roles became; the
    # team boundary for consultants is tested in test_console_team_boundary.py.
    store.add_consultant("anna", PASSWORD, team="midden-utrecht", role="coordinator")
    return store


@pytest.fixture
def settings() -> ConsoleSettings:
    # The aiohttp test client talks plain http; Secure cookies are tested separately.
    return ConsoleSettings(api_token=API_TOKEN, secure_cookies=False)


MakeClient = Callable[..., Awaitable[TestClient]]


@pytest.fixture
def make_client(
    aiohttp_client: Any,
    ticket_store: TicketStore,
    accounts: AccountStore,
    settings: ConsoleSettings,
    clock: FakeClock,
) -> MakeClient:
    async def make(**overrides: Any) -> TestClient:
        chosen = ConsoleSettings(**{**settings.__dict__, **overrides}) if overrides else settings
        return await aiohttp_client(create_app(ticket_store, accounts, chosen, clock=clock))

    return make


@pytest.fixture
async def client(make_client: MakeClient) -> TestClient:
    return await make_client()


@pytest.fixture
async def logged_in(client: TestClient) -> TestClient:
    response = await login(client)
    assert response.status == 303
    return client


@pytest.fixture
def make_ticket(ticket_store: TicketStore, clock: FakeClock) -> TicketFactory:
    return TicketFactory(ticket_store, clock)
