from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from notify_fakes import FakeSMTPServer, FakeTelegram, RecordingSMTPHandler
from ticket_data import ManualClock

from bot.tickets import TicketStore


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_store(tmp_path, clock, open_store) -> Callable[..., TicketStore]:
    def factory(notifiers=("telegram",)) -> TicketStore:
        return open_store(f"sqlite:///{tmp_path / 'tickets.db'}", notifiers=notifiers,
                          clock=clock)

    return factory


@pytest.fixture
async def fake_telegram(aiohttp_server) -> AsyncIterator[tuple[FakeTelegram, str]]:
    fake = FakeTelegram()
    server = await aiohttp_server(fake.app(), host="127.0.0.1", port=0)
    yield fake, f"http://127.0.0.1:{server.port}/bot"


@pytest.fixture
async def smtp_server() -> AsyncIterator[FakeSMTPServer]:
    server = FakeSMTPServer(RecordingSMTPHandler())
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def fake_smtp(smtp_server: FakeSMTPServer) -> tuple[RecordingSMTPHandler, int]:
    return smtp_server.handler, smtp_server.port
