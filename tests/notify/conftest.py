from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
from aiosmtpd.smtp import SMTP
from notify_fakes import FakeTelegram, RecordingSMTPHandler
from notify_support import StepClock

from bot.tickets import TicketStore


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def make_store(tmp_path, clock) -> Iterator:
    stores: list[TicketStore] = []

    def factory(notifiers=("telegram",)) -> TicketStore:
        store = TicketStore.from_url(f"sqlite:///{tmp_path / 'tickets.db'}",
                                     notifiers=notifiers, clock=clock)
        store.migrate()
        stores.append(store)
        return store

    yield factory
    for store in stores:
        store.close()


@pytest.fixture
async def fake_telegram(aiohttp_server) -> AsyncIterator[tuple[FakeTelegram, str]]:
    fake = FakeTelegram()
    server = await aiohttp_server(fake.app(), host="127.0.0.1", port=0)
    yield fake, f"http://127.0.0.1:{server.port}/bot"


@pytest.fixture
async def fake_smtp() -> AsyncIterator[tuple[RecordingSMTPHandler, int]]:
    handler = RecordingSMTPHandler()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="fake-smtp"),
                                      "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield handler, port
    server.close()
    await server.wait_closed()
