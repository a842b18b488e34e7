"""Issue 13 (low): a chat message is marked seen only after its turn is handled.

Telegram and WhatsApp deliver a webhook again when the first delivery got no answer,
for instance because the Rasa process died mid-turn. Marked as seen before the turn,
that redelivery was dropped and the member's message lost. Now:

- a turn that fails leaves the delivery open: a retry of it is handled;
- a process that dies mid-turn holds a lease that runs out: a retry meanwhile gets 503
  (the platform comes back), a retry after it is handled, also on another process;
- a repeat after a handled turn is still dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

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
    RasaApp,
    TelegramStack,
    WhatsAppStack,
    fast_retry,
)
from rasa.core.channels.channel import UserMessage
from redis_support import redis_url
from test_telegram_channel import message, update
from test_whatsapp_channel import inbound, text

from bot.channels.deliveries import HANDLING_LEASE_SECONDS
from bot.channels.state_store import MemoryStateMap, MemoryStateStore, StateStore
from bot.channels.telegram import TelegramInput
from bot.channels.whatsapp import WhatsAppInput


class SharedMemoryStore(MemoryStateStore):
    """One memory for several channel instances: what Redis is to several processes."""

    shared = True

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self._maps: dict[str, MemoryStateMap] = {}

    def map(self, name: str, max_items: int, ttl_seconds: float) -> MemoryStateMap:
        if name not in self._maps:
            self._maps[name] = super().map(name, max_items, ttl_seconds)
        return self._maps[name]


class StuckAgent(FakeAgent):
    """A process that dies mid-turn: the message arrived, the turn never ends."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        await self.release.wait()


@contextlib.asynccontextmanager
async def whatsapp_process(graph_api: Any, state: StateStore, clock: FakeClock,
                           agent: FakeAgent | None = None):
    policy, sleep = fast_retry()
    channel = WhatsAppInput(WA_VERIFY_TOKEN, WA_APP_SECRET, WA_ACCESS_TOKEN, WA_PHONE_NUMBER_ID,
                            graph_api.base_url, retry=policy, clock=clock, state=state)
    agent = agent or FakeAgent()
    rasa = RasaApp(channel, agent)
    url = await rasa.start()
    try:
        async with aiohttp.ClientSession() as http:
            yield WhatsAppStack(channel, agent, graph_api, sleep, clock, url, http)
    finally:
        await rasa.stop()


@contextlib.asynccontextmanager
async def telegram_process(telegram_api: Any, state: StateStore, agent: FakeAgent | None = None):
    policy, sleep = fast_retry()
    channel = TelegramInput(TELEGRAM_TOKEN, TELEGRAM_SECRET, telegram_api.base_url,
                            retry=policy, state=state)
    agent = agent or FakeAgent()
    rasa = RasaApp(channel, agent)
    url = await rasa.start()
    try:
        async with aiohttp.ClientSession() as http:
            yield TelegramStack(channel, agent, telegram_api, sleep, url, http)
    finally:
        await rasa.stop()


async def _until(condition: Any) -> None:
    for _ in range(200):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("never happened")


# ------------------------------------------------------------------------------ WhatsApp

async def test_whatsapp_a_failed_turn_is_handled_on_the_retry_and_then_only_once(whatsapp):
    body = inbound(text("Ik ben mijn baan kwijt", message_id="wamid.crash1"))
    whatsapp.agent.fail = True  # the turn falls over after the message arrived
    assert (await whatsapp.post(body))[0] == 200
    whatsapp.agent.fail = False
    assert (await whatsapp.post(body))[0] == 200  # Meta's redelivery
    assert whatsapp.agent.texts == ["Ik ben mijn baan kwijt"] * 2
    assert len(whatsapp.api.messages) == 1  # answered once, by the turn that worked
    assert (await whatsapp.post(body))[0] == 200  # a repeat after success
    assert whatsapp.agent.texts == ["Ik ben mijn baan kwijt"] * 2
    assert len(whatsapp.api.messages) == 1


async def test_whatsapp_a_process_that_dies_mid_turn_does_not_lose_the_message(graph_api):
    clock = FakeClock()
    state = SharedMemoryStore(clock)
    body = inbound(text("Mag mijn baas dit?", message_id="wamid.dies"))
    stuck = StuckAgent()
    async with whatsapp_process(graph_api, state, clock, stuck) as dying, \
            whatsapp_process(graph_api, state, clock) as other:
        first = asyncio.create_task(dying.post(body))
        await _until(lambda: stuck.texts)  # the first process has it, mid-turn
        # Meta redelivers to the other process: not dropped, not handled twice at once.
        status, _ = await other.post(body)
        assert status == 503
        assert other.agent.texts == []
        # The first process is gone; once its lease runs out the next retry is handled.
        clock.advance(HANDLING_LEASE_SECONDS + 1)
        assert (await other.post(body))[0] == 200
        assert other.agent.texts == ["Mag mijn baas dit?"]
        assert (await other.post(body))[0] == 200  # and after that it is done
        assert other.agent.texts == ["Mag mijn baas dit?"]
        stuck.release.set()
        await first


async def test_whatsapp_a_payload_with_a_busy_message_still_handles_the_others(graph_api):
    clock = FakeClock()
    state = SharedMemoryStore(clock)
    stuck = StuckAgent()
    busy = text("eerste", message_id="wamid.busy")
    async with whatsapp_process(graph_api, state, clock, stuck) as dying, \
            whatsapp_process(graph_api, state, clock) as other:
        first = asyncio.create_task(dying.post(inbound(busy)))
        await _until(lambda: stuck.texts)
        status, _ = await other.post(inbound(busy, text("tweede", message_id="wamid.free")))
        assert status == 503
        assert other.agent.texts == ["tweede"]
        stuck.release.set()
        await first
        # The retry of the whole payload: both are done now, nothing is handled again.
        assert (await other.post(inbound(busy, text("tweede", message_id="wamid.free"))))[0] == 200
        assert other.agent.texts == ["tweede"]
        assert stuck.texts == ["eerste"]


# ------------------------------------------------------------------------------ Telegram

async def test_telegram_a_failed_turn_is_handled_on_the_retry_and_then_only_once(telegram):
    body = update(telegram, message=message(text="help, ontslag"))
    telegram.agent.fail = True
    assert (await telegram.post(body))[0] == 200
    telegram.agent.fail = False
    assert (await telegram.post(body))[0] == 200
    assert telegram.agent.texts == ["help, ontslag"] * 2
    assert len(telegram.api.of("sendMessage")) == 1
    assert (await telegram.post(body))[0] == 200
    assert telegram.agent.texts == ["help, ontslag"] * 2
    assert len(telegram.api.of("sendMessage")) == 1


async def test_telegram_a_process_that_dies_mid_turn_does_not_lose_the_update(telegram_api):
    clock = FakeClock()
    state = SharedMemoryStore(clock)
    stuck = StuckAgent()
    async with telegram_process(telegram_api, state, stuck) as dying, \
            telegram_process(telegram_api, state) as other:
        body = update(dying, message=message(text="mijn contract stopt"))
        first = asyncio.create_task(dying.post(body))
        await _until(lambda: stuck.texts)
        assert (await other.post(body))[0] == 503
        assert other.agent.texts == []
        clock.advance(HANDLING_LEASE_SECONDS + 1)
        assert (await other.post(body))[0] == 200
        assert other.agent.texts == ["mijn contract stopt"]
        assert (await other.post(body))[0] == 200
        assert other.agent.texts == ["mijn contract stopt"]
        stuck.release.set()
        await first


@pytest.mark.redis
async def test_the_marks_are_shared_through_redis(graph_api):
    import uuid

    import redis

    from bot.channels.state_store import RedisStateStore

    clock = FakeClock()
    prefix = f"kp-test-{uuid.uuid4().hex}:"
    url = redis_url("channel_state")
    one = RedisStateStore(url, prefix, clock=clock, key_secret="s")
    two = RedisStateStore(url, prefix, clock=clock, key_secret="s")
    body = inbound(text("via redis", message_id=f"wamid.{uuid.uuid4().hex}"))
    failing = FakeAgent(fail=True)
    async with whatsapp_process(graph_api, one, clock, failing) as first, \
            whatsapp_process(graph_api, two, clock) as second:
        assert (await first.post(body))[0] == 200  # the turn fails on process one
        assert (await second.post(body))[0] == 200  # the retry reaches process two
        assert second.agent.texts == ["via redis"]
        assert (await first.post(body))[0] == 200  # a repeat after success, anywhere
        assert failing.texts == ["via redis"]
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
