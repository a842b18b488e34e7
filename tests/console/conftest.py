"""Fixtures for the console tests: a real ticket store and account store on a temp SQLite
file, a controllable clock, and a logged-in test client."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher

from bot.console.accounts import AccountStore
from bot.console.app import create_app
from bot.console.settings import ConsoleSettings
from bot.tickets import Contact, Ticket, TicketDraft, TicketStore

API_TOKEN = "test-api-token-0123456789"
PASSWORD = "koffie-met-melk-42"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


class FakeClock:
    """A clock the test moves by hand: no sleeping, no wall-clock assertions."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


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
    store.add_consultant("anna", PASSWORD, team="midden-utrecht")
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


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


async def login(client: TestClient, name: str = "anna", password: str = PASSWORD) -> Any:
    page = await client.get("/login")
    token = csrf_from(await page.text())
    return await client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token, "next": "/"},
        allow_redirects=False,
    )


@pytest.fixture
async def logged_in(client: TestClient) -> TestClient:
    response = await login(client)
    assert response.status == 303
    return client


async def csrf_of(client: TestClient, path: str = "/") -> str:
    response = await client.get(path)
    assert response.status == 200
    return csrf_from(await response.text())


_counter = iter(range(1, 10_000))


@dataclass
class TicketFactory:
    store: TicketStore
    clock: FakeClock

    def __call__(self, **fields: Any) -> Ticket:
        number = next(_counter)
        defaults: dict[str, Any] = {
            "idempotency_key": f"test-{number}",
            "channel": "rest",
            "primary_topic": "job_search",
            "consent_given_at": self.clock(),
            "consent_text_version": "v1",
            "summary": f"Zoekt werk in de zorg ({number})",
            "contact": Contact(name="Piet", preferred_channel="phone", phone="+31612345678"),
            "urgency": "normal",
            "region": "Utrecht",
        }
        defaults.update(fields)
        return self.store.create_ticket(TicketDraft(**defaults))


@pytest.fixture
def make_ticket(ticket_store: TicketStore, clock: FakeClock) -> TicketFactory:
    return TicketFactory(ticket_store, clock)


def bearer(token: str = API_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
