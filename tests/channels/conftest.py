"""Fixtures: a real Rasa Sanic app with one Koffiepraat channel, a fake agent and a fake API."""

from __future__ import annotations

import aiohttp
import pytest
from channel_fakes import (
    TELEGRAM_SECRET,
    TELEGRAM_TOKEN,
    WA_ACCESS_TOKEN,
    WA_APP_SECRET,
    WA_PHONE_NUMBER_ID,
    WA_VERIFY_TOKEN,
    FakeAgent,
    FakeClock,
    FakeGraphApi,
    FakeTelegramApi,
    RasaApp,
    TelegramStack,
    WhatsAppStack,
    fast_retry,
)

from bot.channels.telegram import TelegramInput
from bot.channels.whatsapp import WhatsAppInput


@pytest.fixture
async def telegram_api():
    api = FakeTelegramApi(TELEGRAM_TOKEN)
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def graph_api():
    api = FakeGraphApi()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def telegram(telegram_api):
    policy, sleep = fast_retry()
    channel = TelegramInput(TELEGRAM_TOKEN, TELEGRAM_SECRET, telegram_api.base_url, retry=policy)
    agent = FakeAgent()
    rasa = RasaApp(channel, agent)
    url = await rasa.start()
    async with aiohttp.ClientSession() as http:
        yield TelegramStack(channel, agent, telegram_api, sleep, url, http)
    await rasa.stop()


@pytest.fixture
async def whatsapp(graph_api):
    policy, sleep = fast_retry()
    clock = FakeClock()
    channel = WhatsAppInput(
        WA_VERIFY_TOKEN,
        WA_APP_SECRET,
        WA_ACCESS_TOKEN,
        WA_PHONE_NUMBER_ID,
        graph_api.base_url,
        retry=policy,
        clock=clock,
    )
    agent = FakeAgent()
    rasa = RasaApp(channel, agent)
    url = await rasa.start()
    async with aiohttp.ClientSession() as http:
        yield WhatsAppStack(channel, agent, graph_api, sleep, clock, url, http)
    await rasa.stop()
