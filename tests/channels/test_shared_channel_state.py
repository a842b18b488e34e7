"""Channel state shared through Redis: two channel instances stand for two Rasa processes.

Each instance has its own Rasa app, fake agent and Redis client (as separate
processes would), and both use the local Redis (the channel-state database of
tests/redis_support.py, a unique key prefix that is deleted afterwards). A webhook that
reaches instance B must see what instance A remembered.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import redis
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
from redis_support import REDIS_HOST, REDIS_PORT, redis_url

from bot.channels.state_store import (
    MemoryStateStore,
    RedisHealth,
    RedisStateStore,
    state_store_from_env,
    state_store_url,
)
from bot.channels.telegram import CALLBACK_DATA_MAX_BYTES, TelegramInput
from bot.channels.whatsapp import WhatsAppInput

REDIS_URL = redis_url("channel_state")
PERSON = "31687654321"
CHAT_ID = 5550002
_message_ids = itertools.count(1)

# --------------------------------------------------------------------------- which store


def test_store_is_chosen_from_the_environment():
    assert state_store_url({}) is None
    assert isinstance(state_store_from_env({}), MemoryStateStore)
    lock_only = {"LOCK_STORE_URL": "redis://cache:6379/0"}
    assert state_store_url(lock_only) == "redis://cache:6379/0"
    both = {**lock_only, "CHANNEL_STATE_URL": "rediss://state:6380/2"}
    assert state_store_url(both) == "rediss://state:6380/2"
    assert state_store_url({"LOCK_STORE_URL": "memory://"}) is None
    with pytest.raises(ValueError, match="CHANNEL_STATE_URL"):
        state_store_url({"CHANNEL_STATE_URL": "http://cache:6379"})


def test_channels_use_memory_without_redis_settings(monkeypatch):
    monkeypatch.delenv("CHANNEL_STATE_URL", raising=False)
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    channel = TelegramInput(TELEGRAM_TOKEN, TELEGRAM_SECRET, "http://127.0.0.1:9/bot")
    assert isinstance(channel.state, MemoryStateStore)


@pytest.mark.redis
async def test_channels_use_redis_when_the_lock_store_is_redis(monkeypatch):
    monkeypatch.delenv("CHANNEL_STATE_URL", raising=False)
    monkeypatch.setenv("LOCK_STORE_URL", REDIS_URL)
    channel = WhatsAppInput(WA_VERIFY_TOKEN, WA_APP_SECRET, WA_ACCESS_TOKEN, WA_PHONE_NUMBER_ID)
    assert isinstance(channel.state, RedisStateStore)
    await channel.state.close()


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def key_prefix() -> Any:
    prefix = f"test-channel-state-{uuid.uuid4().hex}:"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()


def redis_keys(prefix: str) -> dict[str, int]:
    """Key name -> remaining time to live in ms, for every key under ``prefix``."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        return {key.decode(): client.pttl(key) for key in client.scan_iter(match=f"{prefix}*")}
    finally:
        client.close()


async def whatsapp_instance(
    api: Any, http: aiohttp.ClientSession, state: Any, clock: FakeClock
) -> tuple[WhatsAppStack, RasaApp]:
    policy, sleep = fast_retry()
    channel = WhatsAppInput(
        WA_VERIFY_TOKEN,
        WA_APP_SECRET,
        WA_ACCESS_TOKEN,
        WA_PHONE_NUMBER_ID,
        api.base_url,
        retry=policy,
        clock=clock,
        state=state,
    )
    agent = FakeAgent(reply=lambda m: [])
    rasa = RasaApp(channel, agent)
    url = await rasa.start()
    return WhatsAppStack(channel, agent, api, sleep, clock, url, http), rasa


@pytest.fixture
async def whatsapp_pair(graph_api, key_prefix) -> AsyncIterator[tuple[WhatsAppStack, ...]]:
    """Instances A and B, each with its own Redis client on the same Redis and prefix."""
    clock = FakeClock()
    async with aiohttp.ClientSession() as http:
        a, rasa_a = await whatsapp_instance(
            graph_api, http, RedisStateStore(REDIS_URL, key_prefix, clock), clock
        )
        b, rasa_b = await whatsapp_instance(
            graph_api, http, RedisStateStore(REDIS_URL, key_prefix, clock), clock
        )
        yield a, b
        await rasa_a.stop()
        await rasa_b.stop()


@pytest.fixture
async def telegram_pair(telegram_api, key_prefix) -> AsyncIterator[tuple[TelegramStack, ...]]:
    stacks, apps = [], []
    async with aiohttp.ClientSession() as http:
        for _ in range(2):
            policy, sleep = fast_retry()
            channel = TelegramInput(
                TELEGRAM_TOKEN,
                TELEGRAM_SECRET,
                telegram_api.base_url,
                retry=policy,
                state=RedisStateStore(REDIS_URL, key_prefix),
            )
            agent = FakeAgent(reply=lambda m: [])
            rasa = RasaApp(channel, agent)
            url = await rasa.start()
            stacks.append(TelegramStack(channel, agent, telegram_api, sleep, url, http))
            apps.append(rasa)
        yield tuple(stacks)
        for rasa in apps:
            await rasa.stop()


# --------------------------------------------------------------------------- payloads


def inbound(message: dict[str, Any]) -> dict[str, Any]:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "31850000000", "phone_number_id": WA_PHONE_NUMBER_ID},
        "contacts": [{"profile": {"name": "Test"}, "wa_id": PERSON}],
        "messages": [message],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }


def wa_text(body: str, message_id: str | None = None) -> dict[str, Any]:
    return inbound(
        {
            "from": PERSON,
            "id": message_id or f"wamid.shared{next(_message_ids)}",
            "timestamp": "1700000000",
            "type": "text",
            "text": {"body": body},
        }
    )


def wa_button_reply(reply_id: str, title: str) -> dict[str, Any]:
    return inbound(
        {
            "from": PERSON,
            "id": f"wamid.shared{next(_message_ids)}",
            "timestamp": "1700000000",
            "type": "interactive",
            "interactive": {
                "type": "button_reply",
                "button_reply": {"id": reply_id, "title": title},
            },
        }
    )


def many_options(count: int) -> list[dict[str, str]]:
    return [
        {"title": f"Sector {n}", "payload": f'/inform{{"sector": "s{n}"}}'}
        for n in range(1, count + 1)
    ]


TG_USER = {"id": CHAT_ID, "is_bot": False, "first_name": "Test"}
TG_CHAT = {"id": CHAT_ID, "type": "private", "first_name": "Test"}


def tg_text(stack: TelegramStack, text: str) -> dict[str, Any]:
    message = {
        "message_id": 7, "date": 1_700_000_000, "chat": TG_CHAT, "from": TG_USER, "text": text
    }
    return {"update_id": stack.next_update_id(), "message": message}


def tg_tap(stack: TelegramStack, data: str, title: str) -> dict[str, Any]:
    tapped = {
        "message_id": 8,
        "date": 1_700_000_000,
        "chat": TG_CHAT,
        "from": TG_USER,
        "text": "Kies maar",
        "reply_markup": {"inline_keyboard": [[{"text": title, "callback_data": data}]]},
    }
    query = {"id": "cbq-2", "from": TG_USER, "chat_instance": "ci", "data": data, "message": tapped}
    return {"update_id": stack.next_update_id(), "callback_query": query}


# --------------------------------------------------------------------------- WhatsApp


@pytest.mark.redis
async def test_whatsapp_redelivery_to_another_process_is_handled_once(whatsapp_pair, key_prefix):
    a, b = whatsapp_pair
    body = wa_text("Hallo", message_id=f"wamid.{uuid.uuid4().hex}")
    assert (await a.post(body))[0] == 200
    assert (await b.post(body))[0] == 200  # Meta retries; the balancer picks B
    assert a.agent.texts == ["Hallo"]
    assert b.agent.texts == []
    # Every key expires, and none shows the phone number.
    keys = redis_keys(key_prefix)
    assert keys and all(ttl > 0 for ttl in keys.values())
    assert not any(PERSON in key for key in keys)


@pytest.mark.redis
async def test_whatsapp_numbered_list_from_one_process_is_answered_through_another(
    whatsapp_pair,
):
    a, b = whatsapp_pair
    buttons = many_options(12)  # more than a list message holds: numbered text
    a.agent.reply = lambda m: [{"text": "In welke sector werk je?", "buttons": buttons}]
    await a.post(wa_text("sector"))
    [offer] = a.api.messages
    assert "2. Sector 2" in offer["text"]["body"]

    await b.post(wa_text("2"))
    assert b.agent.texts == [buttons[1]["payload"]]
    await a.post(wa_text("2"))  # the list was used up, also for A
    assert a.agent.texts == ["sector", "2"]


@pytest.mark.redis
async def test_whatsapp_long_button_id_from_one_process_resolves_in_another(whatsapp_pair):
    a, b = whatsapp_pair
    payload = '/inform{"summary": "' + "lang verhaal " * 30 + '"}'
    a.agent.reply = lambda m: [
        {"text": "Klopt dit?", "buttons": [{"title": "Ja", "payload": payload}]}
    ]
    await a.post(wa_text("samenvatting"))
    [sent] = a.api.messages
    [button] = sent["interactive"]["action"]["buttons"]
    key = button["reply"]["id"]
    assert key != payload

    await b.post(wa_button_reply(key, "Ja"))
    assert b.agent.texts == [payload]


@pytest.mark.redis
async def test_whatsapp_service_window_opened_through_one_process_lets_another_send(
    whatsapp_pair,
):
    a, b = whatsapp_pair
    await b.channel.output.send_text_message(PERSON, "Nog even dit.")
    assert b.api.messages == []  # the person never wrote: window closed

    await a.post(wa_text("Hoi"))
    await b.channel.output.send_text_message(PERSON, "Nog even dit.")
    [sent] = b.api.messages
    assert sent["text"]["body"] == "Nog even dit."


# --------------------------------------------------------------------------- Telegram


@pytest.mark.redis
async def test_telegram_keyboard_sent_by_one_process_is_tapped_through_another(telegram_pair):
    a, b = telegram_pair
    payload = '/inform{"sector": "financiele_dienstverlening", "contract_type": "nulurencontract"}'
    assert len(payload.encode()) > CALLBACK_DATA_MAX_BYTES
    a.agent.reply = lambda m: [
        {"text": "In welke sector werk je?", "buttons": [{"title": "Bank", "payload": payload}]}
    ]
    await a.post(tg_text(a, "sector"))
    [sent] = a.api.of("sendMessage")
    [[button]] = sent.params["reply_markup"]["inline_keyboard"]
    key = button["callback_data"]
    assert key != payload

    await b.post(tg_tap(b, key, "Bank"))
    assert b.agent.texts == [payload]  # not the title "Bank": B found the key


@pytest.mark.redis
async def test_telegram_update_resent_to_another_process_is_handled_once(telegram_pair):
    a, b = telegram_pair
    body = tg_text(a, "twee keer")
    body["update_id"] = 10_000_000 + next(_message_ids)
    assert (await a.post(body))[0] == 200
    assert (await b.post(body))[0] == 200
    assert a.agent.texts == ["twee keer"]
    assert b.agent.texts == []


# --------------------------------------------------------------------------- Redis away


class TcpProxy:
    """Forwards a loopback port to the local Redis; ``stop`` makes Redis unreachable there."""

    def __init__(self) -> None:
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    @property
    def url(self) -> str:
        return redis_url("channel_state", port=self.port)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._writers:
            writer.close()
        self._writers.clear()
        await self._server.wait_closed()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(REDIS_HOST, REDIS_PORT)
        self._writers += [writer, up_writer]
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here any more: connection refused
    return port


@pytest.mark.redis
async def test_redis_down_messages_are_still_handled_on_this_process(graph_api, caplog):
    caplog.set_level(logging.INFO)
    clock = FakeClock()
    state = RedisStateStore(redis_url("channel_state", port=closed_port()), "unused:", clock)
    async with aiohttp.ClientSession() as http:
        a, rasa = await whatsapp_instance(graph_api, http, state, clock)
        try:
            buttons = many_options(12)
            a.agent.reply = lambda m: [{"text": "Welke sector?", "buttons": buttons}]
            body = wa_text("Hallo", message_id=f"wamid.{uuid.uuid4().hex}")
            assert (await a.post(body))[0] == 200
            assert (await a.post(body))[0] == 200  # repeat on the same process: still once
            [offer] = a.api.messages  # the window is open: the reply went out
            assert offer["type"] == "text"
            a.agent.reply = lambda m: []
            await a.post(wa_text("3"))
            assert a.agent.texts == ["Hallo", buttons[2]["payload"]]
        finally:
            await rasa.stop()
    warnings = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(warnings) == 1  # one line per outage, not one per message
    assert "ConnectionError" in warnings[0].getMessage()
    assert PERSON not in caplog.text and "Hallo" not in caplog.text


@pytest.mark.redis
async def test_after_an_outage_state_is_shared_again_and_outage_state_is_kept(
    graph_api, key_prefix
):
    clock = FakeClock()
    proxy = TcpProxy()
    await proxy.start()
    # retry_after=0: ask Redis again on every step, so the test needs no waiting
    state_a = RedisStateStore(proxy.url, key_prefix, clock, RedisHealth(retry_after=0))
    state_b = RedisStateStore(REDIS_URL, key_prefix, clock)
    async with aiohttp.ClientSession() as http:
        a, rasa_a = await whatsapp_instance(graph_api, http, state_a, clock)
        b, rasa_b = await whatsapp_instance(graph_api, http, state_b, clock)
        try:
            await proxy.stop()  # Redis is gone for A
            during = wa_text("tijdens", message_id=f"wamid.{uuid.uuid4().hex}")
            await a.post(during)
            assert a.agent.texts == ["tijdens"]

            await proxy.start()  # Redis is back
            await a.post(during)  # a late repeat: A still knows it from its own memory
            assert a.agent.texts == ["tijdens"]
            after = wa_text("erna", message_id=f"wamid.{uuid.uuid4().hex}")
            await a.post(after)
            await b.post(after)  # and new state is shared again
            assert a.agent.texts == ["tijdens", "erna"]
            assert b.agent.texts == []
        finally:
            await rasa_a.stop()
            await rasa_b.stop()
            await proxy.stop()


def test_key_names_are_keyed_hashes_that_a_phone_number_list_cannot_reverse():
    import hashlib

    url = REDIS_URL
    one = RedisStateStore(url, "kp:", key_secret="secret-one").map("seen", 10, 60)
    same = RedisStateStore(url, "kp:", key_secret="secret-one").map("seen", 10, 60)
    other = RedisStateStore(url, "kp:", key_secret="secret-two").map("seen", 10, 60)
    key = one.redis_key(PERSON)
    assert key == same.redis_key(PERSON)  # every process finds the same entry
    assert key != other.redis_key(PERSON)
    assert hashlib.sha256(PERSON.encode()).hexdigest()[:40] not in key
