"""Bad input at every entry point except REST (test_prod_rest_input.py has that one):
Telegram, WhatsApp, the website widget (socket.io), the consultant console and the
ticket API, all in-process on loopback with an echo assistant instead of a model.

What must hold for every input, table-driven and fuzzed with Hypothesis:
- a malformed request gets a 4xx, never a 5xx;
- text a person typed reaches the assistant cleaned (no control characters, no
  lone surrogates) or as ``/bad_input`` (blank, over 2000 characters), and the
  person gets a reply;
- a flood of thousands of messages from one sender reaches the assistant only up
  to the rate limit and gets one polite Dutch reply; other senders are unaffected;
- HTML and script typed into the console or stored through the API come back
  escaped; SQL fragments are stored as plain text;
- secrets and signatures are compared with hmac.compare_digest, and wrong ones
  of equal and of unequal length are refused.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import json
import os
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from bad_input_support import (
    TELEGRAM_PATH,
    TELEGRAM_SECRET,
    TELEGRAM_TOKEN,
    WA_ACCESS_TOKEN,
    WA_APP_SECRET,
    WA_PHONE_NUMBER_ID,
    WA_VERIFY_TOKEN,
    WHATSAPP_PATH,
    EchoAssistant,
    FakeClock,
    FakePlatforms,
    WidgetClient,
    flood_guard,
    no_limit,
    one_attempt,
    telegram_text,
    whatsapp_payload,
    whatsapp_signature,
    whatsapp_text,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa_app_support import RasaApp

from bot.channels.rate_limit import RATE_LIMITED_REPLY, flood_guard_from
from bot.channels.socketio import SocketIOInput
from bot.channels.telegram import SECRET_HEADER, TelegramInput
from bot.channels.whatsapp import SIGNATURE_HEADER, WhatsAppInput
from bot.console.accounts import AccountStore
from bot.console.app import create_app
from bot.console.console_settings import ConsoleSettings
from bot.nlu.input_guard import MAX_CHARS, states_crisis
from bot.safe_text import clean_text
from bot.tickets import Contact, TicketDraft, TicketStore

BAD_INPUT = "/bad_input"
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# (name, what the person typed, what the assistant must receive)
PEOPLE_TEXTS = [
    ("empty", "", BAD_INPUT),
    ("whitespace", "  \n\t  ", BAD_INPUT),
    ("control characters only", "\x00\x01\x07\x1b", BAD_INPUT),
    ("100 KB", "a" * 100_000, BAD_INPUT),
    ("just over the guard limit", "woord " * 400, BAD_INPUT),
    ("emoji flood over the limit", "🙂" * 3000, BAD_INPUT),
    # Within the limit the NLU input guard answers it as bad input (no letters).
    ("emoji flood", "🙂🎉🔥" * 500, "🙂🎉🔥" * 500),
    ("script", "<script>alert('x')</script>", "<script>alert('x')</script>"),
    ("html", '<img src=x onerror="alert(1)"> hoi', '<img src=x onerror="alert(1)"> hoi'),
    ("sql", "'; DROP TABLE events; --", "'; DROP TABLE events; --"),
    ("sql 2", "Robert'); DELETE FROM tickets;--", "Robert'); DELETE FROM tickets;--"),
    ("control characters inside", "h\x00o\x07i daar\r\n", "hoi daar"),
    ("lone surrogate", "ik \ud800 wil werk", "ik \ufffd wil werk"),
    ("zero width and right-to-left", "\u200bhoi\u202e", "\u200bhoi\u202e"),
]
TEXT_IDS = [name for name, _, _ in PEOPLE_TEXTS]

people_text = (
    st.text(st.characters(categories=["L", "N", "P", "S", "Z", "Cc", "Cf", "Cs"]), max_size=200)
    | st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=4),
                st.integers(0, 3000))
    | st.sampled_from([text for _, text, _ in PEOPLE_TEXTS])
)


def expected_arrival(text: str) -> str:
    """What the assistant should get for ``text``: cleaned and stripped, or bad input."""
    cleaned = clean_text(text).strip()
    if cleaned and len(cleaned) > MAX_CHARS and states_crisis(cleaned):
        return "/crisis"
    return cleaned if cleaned and len(cleaned) <= MAX_CHARS else BAD_INPUT


def assert_storable(text: str) -> None:
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", text), repr(text[:80])
    text.encode("utf-8")


def as_json(value: Any) -> bytes:
    return json.dumps(value).encode()  # ASCII escapes: lone surrogates survive as \ud800


# =========================================================================== chat channels


@pytest.fixture
async def platforms() -> AsyncIterator[FakePlatforms]:
    fake = FakePlatforms()
    await fake.start()
    yield fake
    await fake.stop()


@dataclass
class Chat:
    """One chat channel on Rasa's Sanic app, its echo assistant and an HTTP client."""

    channel: Any
    assistant: EchoAssistant
    platforms: FakePlatforms
    url: str
    http: aiohttp.ClientSession

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        headers = {"Content-Type": "application/json", **headers}
        async with self.http.post(self.url + path, data=body, headers=headers) as reply:
            await reply.read()
            return reply.status


async def running(channel: Any, platforms: FakePlatforms) -> AsyncIterator[Chat]:
    assistant = EchoAssistant()
    app = RasaApp([channel], assistant)
    url = await app.start()
    async with aiohttp.ClientSession() as http:
        yield Chat(channel, assistant, platforms, url, http)
    await app.stop()


def telegram_channel(platforms: FakePlatforms, guard: Any) -> TelegramInput:
    return TelegramInput(TELEGRAM_TOKEN, TELEGRAM_SECRET, platforms.telegram_base_url,
                         retry=one_attempt(), flood_guard=guard)


def whatsapp_channel(platforms: FakePlatforms, guard: Any, clock: FakeClock) -> WhatsAppInput:
    return WhatsAppInput(verify_token=WA_VERIFY_TOKEN, app_secret=WA_APP_SECRET,
                         access_token=WA_ACCESS_TOKEN, phone_number_id=WA_PHONE_NUMBER_ID,
                         api_base_url=platforms.graph_base_url, retry=one_attempt(),
                         clock=clock, flood_guard=guard)


@pytest.fixture
async def telegram(platforms: FakePlatforms) -> AsyncIterator[Chat]:
    async for chat in running(telegram_channel(platforms, no_limit()), platforms):
        yield chat


@pytest.fixture
async def whatsapp(platforms: FakePlatforms) -> AsyncIterator[Chat]:
    channel = whatsapp_channel(platforms, no_limit(), FakeClock())
    async for chat in running(channel, platforms):
        yield chat


async def tell_telegram(chat: Chat, chat_id: int, text: Any) -> int:
    return await chat.post(TELEGRAM_PATH, as_json(telegram_text(chat_id, text)),
                           {SECRET_HEADER: TELEGRAM_SECRET})


def signed(body: bytes) -> dict[str, str]:
    return {SIGNATURE_HEADER: whatsapp_signature(body)}


async def tell_whatsapp(chat: Chat, sender: str, *bodies: Any) -> int:
    now = chat.channel.clock()
    body = as_json(whatsapp_payload(*(whatsapp_text(sender, b, now) for b in bodies)))
    return await chat.post(WHATSAPP_PATH, body, signed(body))


# --------------------------------------------------------------------------- Telegram


@pytest.mark.parametrize(("name", "text", "expected"), PEOPLE_TEXTS, ids=TEXT_IDS)
async def test_telegram_text_arrives_cleaned_or_as_bad_input_and_is_answered(
        telegram, name, text, expected):
    chat_id = 7_000_001
    assert await tell_telegram(telegram, chat_id, text) == 200
    assert telegram.assistant.texts_of(str(chat_id)) == [expected]
    assert telegram.platforms.texts_to(str(chat_id)) == [f"echo:{expected}"]


@pytest.mark.parametrize("body", [
    b"", b"\xff\xfe\x00garbage", b"{not json", b'"hoi"', b"[1, 2]", b"null",
    b"[" * 5000 + b"]" * 5000, b'{"update_id": "x"}', b'{"update_id": 1.5}',
    b'{"message": {"text": "hoi"}}',
], ids=lambda value: repr(value)[:40])
async def test_telegram_malformed_updates_get_400(telegram, body):
    assert await telegram.post(TELEGRAM_PATH, body, {SECRET_HEADER: TELEGRAM_SECRET}) == 400
    assert telegram.assistant.messages == []


@FUZZ
@given(text=people_text)
async def test_telegram_fuzzed_text_is_answered_and_storable(telegram, text):
    chat_id = 7_000_002
    before = len(telegram.assistant.messages)
    assert await tell_telegram(telegram, chat_id, text) == 200
    [received] = telegram.assistant.messages[before:]
    assert received.text == expected_arrival(text)
    assert_storable(received.text)
    assert telegram.platforms.texts_to(str(chat_id))[-1] == f"echo:{received.text}"


@FUZZ
@given(body=st.binary(max_size=300) | st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["update_id", "message", "chat", "text", "id", "type", "date"]),
        inner, max_size=4),
    max_leaves=15).map(as_json))
async def test_telegram_fuzzed_bodies_never_get_a_5xx(telegram, body):
    status = await telegram.post(TELEGRAM_PATH, body, {SECRET_HEADER: TELEGRAM_SECRET})
    assert status in (200, 400)


# --------------------------------------------------------------------------- WhatsApp


@pytest.mark.parametrize(("name", "text", "expected"), PEOPLE_TEXTS, ids=TEXT_IDS)
async def test_whatsapp_text_arrives_cleaned_or_as_bad_input_and_is_answered(
        whatsapp, name, text, expected):
    sender = "31600000001"
    assert await tell_whatsapp(whatsapp, sender, text) == 200
    assert whatsapp.assistant.texts_of(sender) == [expected]
    assert whatsapp.platforms.texts_to(sender) == [f"echo:{expected}"]


async def test_whatsapp_malformed_bodies_with_a_valid_signature_get_400_or_are_ignored(whatsapp):
    for body in (b"", b"\xff\xfe{", b"{not json", b"[" * 5000 + b"]" * 5000):
        status = await whatsapp.post(WHATSAPP_PATH, body, signed(body))
        assert status == 400, body[:20]
    for shape in ([1, 2], "hoi", None, {"entry": "x"}, {"entry": [{"changes": [{"value": 3}]}]}):
        body = as_json(shape)
        status = await whatsapp.post(WHATSAPP_PATH, body, signed(body))
        assert status == 200  # acknowledged so Meta does not redeliver; nothing to handle
    assert whatsapp.assistant.messages == []


@pytest.mark.parametrize("body", [{"body": 42}, {"body": None}, {"body": ["hoi"]}, "hoi", None])
async def test_whatsapp_text_of_the_wrong_type_gets_the_only_text_reply(whatsapp, body):
    sender = "31600000002"
    message = {"from": sender, "id": f"wamid.{uuid.uuid4().hex}", "timestamp": "1700000000",
               "type": "text", "text": body}
    raw = as_json(whatsapp_payload(message))
    assert await whatsapp.post(WHATSAPP_PATH, raw, signed(raw)) == 200
    assert whatsapp.assistant.messages == []
    assert len(whatsapp.platforms.texts_to(sender)) == 1  # "ik kan alleen tekst lezen"


@FUZZ
@given(text=people_text)
async def test_whatsapp_fuzzed_text_is_answered_and_storable(whatsapp, text):
    sender = "31600000003"
    before = len(whatsapp.assistant.messages)
    assert await tell_whatsapp(whatsapp, sender, text) == 200
    [received] = whatsapp.assistant.messages[before:]
    assert received.text == expected_arrival(text)
    assert_storable(received.text)
    assert whatsapp.platforms.texts_to(sender)[-1] == f"echo:{received.text}"


# --------------------------------------------------------------------------- widget (socket.io)


@pytest.fixture
async def widget_app(platforms: FakePlatforms) -> AsyncIterator[Chat]:
    channel = SocketIOInput(session_persistence=True, flood_guard=no_limit())
    async for chat in running(channel, platforms):
        yield chat


async def widget(url: str, session_id: str | None = None) -> tuple[WidgetClient, str]:
    client = WidgetClient(url)
    return client, await client.open(session_id or uuid.uuid4().hex)


async def utter(client: WidgetClient, session_id: Any, message: Any) -> None:
    """Send a message and wait until the server has handled it (the event's ack)."""
    await client.sio.call("user_uttered", {"message": message, "session_id": session_id},
                          timeout=30)


@pytest.mark.parametrize(("name", "text", "expected"), PEOPLE_TEXTS, ids=TEXT_IDS)
async def test_widget_text_arrives_cleaned_or_as_bad_input_and_is_answered(
        widget_app, name, text, expected):
    client, session = await widget(widget_app.url)
    try:
        await utter(client, session, text)
        assert widget_app.assistant.texts_of(session) == [expected]
        await client.wait_for_replies(1)
        assert client.texts == [f"echo:{expected}"]
    finally:
        await client.close()


async def test_widget_messages_of_the_wrong_shape_are_ignored_or_answered(widget_app):
    client, session = await widget(widget_app.url)
    try:
        for event in ("geen object", 42, None, ["hoi"], {"message": "hoi"},
                      {"message": "hoi", "session_id": 42},
                      {"message": "hoi", "session_id": "x" * 500},
                      {"message": "hoi", "session_id": "a\x00b"}):
            await client.sio.call("user_uttered", event, timeout=30)
        assert widget_app.assistant.messages == []  # no valid session id: nothing to answer
        # Text that is not text (a number, a list, binary) is answered as bad input.
        for message in (42, ["hoi"], {"nested": {"deep": 1}}, b"\xff\xfe\x00", None):
            await utter(client, session, message)
        assert widget_app.assistant.texts_of(session) == [BAD_INPUT] * 5
        for metadata in ("{" * 3000, "[" * 5000, {"x": "y" * 10_000}, ["a"]):
            await client.sio.call("user_uttered", {"message": "hoi", "session_id": session,
                                                   "metadata": metadata}, timeout=30)
        assert [m.metadata for m in widget_app.assistant.messages[-4:]] == [{}] * 4
        await client.wait_for_replies(9)
    finally:
        await client.close()


async def test_widget_session_requests_of_the_wrong_shape_get_a_fresh_session(widget_app):
    client = WidgetClient(widget_app.url)
    await client.open("first-session")
    try:
        for data in (None, "x", ["x"], {"session_id": 42}, {"session_id": "a\x00b"},
                     {"session_id": "x" * 500}, {"session_id": "\ud800"}):
            await client.sio.call("session_request", data, timeout=30)
        confirmed = [await asyncio.wait_for(client.confirmed.get(), 30) for _ in range(7)]
        assert all(re.fullmatch(r"[0-9a-f]{32}", session) for session in confirmed)
    finally:
        await client.close()


@pytest.mark.parametrize("body", [b"\xff\xfe\x00", b"4garbage", b"", b"42[" + b"[" * 3000],
                         ids=lambda value: repr(value)[:40])
async def test_widget_malformed_polling_bodies_never_get_a_5xx(widget_app, body):
    base = f"{widget_app.url}/socket.io/?EIO=4&transport=polling"
    async with widget_app.http.get(base) as opened:
        handshake = json.loads((await opened.text())[1:])
    url = f"{base}&sid={handshake['sid']}"
    async with widget_app.http.post(url, data=body,
                                    headers={"Content-Type": "text/plain"}) as reply:
        assert reply.status < 500
    async with widget_app.http.post(f"{base}&sid=made-up", data=b"40") as reply:
        assert 400 <= reply.status < 500


@FUZZ
@given(text=people_text)
async def test_widget_fuzzed_text_reaches_the_assistant_storable(widget_app, text):
    client, session = await widget(widget_app.url)
    try:
        await utter(client, session, text)
        [received] = widget_app.assistant.messages[-1:]
        assert received.sender_id == f"socketio:{session}"
        assert received.text == expected_arrival(text)
        assert_storable(received.text)
    finally:
        await client.close()


# --------------------------------------------------------------------------- floods

FLOOD = 2000


async def test_telegram_flood_from_one_sender_is_limited_with_one_polite_reply(platforms):
    clock = FakeClock()
    channel = telegram_channel(platforms, flood_guard(clock))
    async for chat in running(channel, platforms):
        flooder, other = 7_100_001, 7_100_002
        statuses = [await tell_telegram(chat, flooder, f"bericht {n}") for n in range(FLOOD)]
        assert set(statuses) == {200}  # Telegram must not resend: every update is accepted
        assert await tell_telegram(chat, other, "hoi") == 200

        assert len(chat.assistant.texts_of(str(flooder))) == 20
        assert platforms.texts_to(str(flooder)).count(RATE_LIMITED_REPLY) == 1
        assert len(platforms.texts_to(str(flooder))) == 21
        assert chat.assistant.texts_of(str(other)) == ["hoi"]
        assert platforms.texts_to(str(other)) == ["echo:hoi"]

        clock.now += 60  # a minute later the bucket is full again
        await tell_telegram(chat, flooder, "ben je er nog")
        assert chat.assistant.texts_of(str(flooder))[-1] == "ben je er nog"
        for _ in range(40):  # a second flood is told once more
            await tell_telegram(chat, flooder, "nog meer")
        assert platforms.texts_to(str(flooder)).count(RATE_LIMITED_REPLY) == 2


async def test_whatsapp_flood_from_one_sender_is_limited_with_one_polite_reply(platforms):
    clock = FakeClock()
    channel = whatsapp_channel(platforms, flood_guard(clock), clock)
    async for chat in running(channel, platforms):
        flooder, other = "31611111111", "31622222222"
        # Meta batches messages: 2000 in payloads of 50, and one webhook per message.
        for start in range(0, FLOOD, 50):
            texts = [f"bericht {n}" for n in range(start, start + 50)]
            assert await tell_whatsapp(chat, flooder, *texts) == 200
        for n in range(200):
            assert await tell_whatsapp(chat, flooder, f"los {n}") == 200
        assert await tell_whatsapp(chat, other, "hoi") == 200

        assert len(chat.assistant.texts_of(flooder)) == 20
        assert platforms.texts_to(flooder).count(RATE_LIMITED_REPLY) == 1
        assert len(platforms.texts_to(flooder)) == 21
        assert platforms.texts_to(other) == ["echo:hoi"]
        clock.now += 60
        assert await tell_whatsapp(chat, flooder, "ben je er nog") == 200
        assert chat.assistant.texts_of(flooder)[-1] == "ben je er nog"


async def test_widget_flood_from_one_sender_is_limited_with_one_polite_reply(platforms):
    clock = FakeClock()
    channel = SocketIOInput(session_persistence=True, flood_guard=flood_guard(clock))
    async for chat in running(channel, platforms):
        flooder, session = await widget(chat.url)
        other, other_session = await widget(chat.url)
        try:
            # One at a time: python-socketio's polling client loses concurrent calls.
            for n in range(FLOOD):
                await utter(flooder, session, f"bericht {n}")
            await utter(other, other_session, "hoi")
            assert len(chat.assistant.texts_of(session)) == 20
            assert chat.assistant.texts_of(other_session) == ["hoi"]
            await flooder.wait_for_replies(21)
            await other.wait_for_replies(1)
            assert flooder.texts.count(RATE_LIMITED_REPLY) == 1
            assert other.texts == ["echo:hoi"]

            # A new session id for every message does not get around the limit:
            # the connection has a bucket of its own.
            before = len(chat.assistant.messages)
            for n in range(100):
                await utter(other, f"made-up-{n}", "hoi")
            assert len(chat.assistant.messages) - before == 19  # the connection's 20, minus 1
        finally:
            await flooder.close()
            await other.close()


def test_chat_rate_limits_come_from_credentials_then_the_environment(monkeypatch):
    for name in ("CHANNEL_STATE_URL", "LOCK_STORE_URL"):  # memory state: no Redis needed
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CHAT_RATE_LIMIT_PER_MINUTE", "5")
    monkeypatch.setenv("CHAT_RATE_LIMIT_BURST", "2")
    assert flood_guard_from(None).limiter.capacity == 2
    assert flood_guard_from(None).limiter.rate_per_second == pytest.approx(5 / 60)
    assert not flood_guard_from({"rate_limit_per_minute": 0}).limiter.enabled
    telegram = TelegramInput.from_credentials({
        "token": TELEGRAM_TOKEN, "webhook_secret": TELEGRAM_SECRET, "rate_limit_burst": 3})
    whatsapp = WhatsAppInput.from_credentials({
        "verify_token": WA_VERIFY_TOKEN, "app_secret": WA_APP_SECRET,
        "access_token": WA_ACCESS_TOKEN, "phone_number_id": WA_PHONE_NUMBER_ID,
        "rate_limit_burst": 4})
    widget = SocketIOInput.from_credentials({"session_persistence": True,
                                             "rate_limit_burst": 6})
    assert [c.flood_guard.limiter.capacity for c in (telegram, whatsapp, widget)] == [3, 4, 6]
    assert isinstance(widget, SocketIOInput) and widget.session_persistence


# --------------------------------------------------------------------------- secrets


@pytest.fixture
def compare_digest_calls(monkeypatch) -> list[tuple[Any, Any]]:
    """Every hmac.compare_digest call: proves the secrets are compared in constant time."""
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    return calls


def wrong_versions(secret: str) -> list[str]:
    """Wrong values of the same length and of other lengths."""
    flipped = secret[:-1] + ("x" if secret[-1] != "x" else "y")
    return [flipped, secret[:-1], secret + "x", "x" * len(secret), "x"]


async def test_wrong_telegram_secrets_are_refused_in_constant_time(telegram,
                                                                   compare_digest_calls):
    for wrong in wrong_versions(TELEGRAM_SECRET):
        body = as_json(telegram_text(7_200_001, "hoi"))
        assert await telegram.post(TELEGRAM_PATH, body, {SECRET_HEADER: wrong}) == 403
    assert len(compare_digest_calls) == 5
    assert telegram.assistant.messages == []
    assert await tell_telegram(telegram, 7_200_001, "hoi") == 200


async def test_wrong_whatsapp_signatures_and_verify_tokens_are_refused_in_constant_time(
        whatsapp, compare_digest_calls):
    body = as_json(whatsapp_payload(whatsapp_text("31633333333", "hoi", 1_700_000_000)))
    for wrong in wrong_versions(whatsapp_signature(body)):
        assert await whatsapp.post(WHATSAPP_PATH, body, {SIGNATURE_HEADER: wrong}) == 401
    other_secret = whatsapp_signature(body, WA_APP_SECRET + "x")
    assert await whatsapp.post(WHATSAPP_PATH, body, {SIGNATURE_HEADER: other_secret}) == 401
    assert len(compare_digest_calls) == 6
    assert whatsapp.assistant.messages == []
    for wrong in wrong_versions(WA_VERIFY_TOKEN):
        params = {"hub.mode": "subscribe", "hub.verify_token": wrong, "hub.challenge": "c"}
        async with whatsapp.http.get(whatsapp.url + WHATSAPP_PATH, params=params) as reply:
            assert reply.status == 403
    assert len(compare_digest_calls) == 11


# =========================================================================== console and API

API_TOKEN = "bad-input-api-token-0123456789"
PASSWORD = "koffie-met-melk-42"
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
LIVE_MARKUP = re.compile(r"<\s*(script|img|iframe|svg|object)", re.IGNORECASE)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """SQLite and PostgreSQL: PostgreSQL refuses NUL characters that SQLite stores."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'console.db'}"
        return
    schema = f"kp_bad_input_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL, future=True)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def ticket_store(db_url: str) -> Iterator[TicketStore]:
    store = TicketStore.from_url(db_url)
    store.migrate()
    yield store
    store.close()


@pytest.fixture
async def console(aiohttp_client, ticket_store: TicketStore) -> Any:
    accounts = AccountStore(ticket_store.engine,
                            hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    accounts.migrate()
    accounts.add_consultant("anna", PASSWORD, team="midden-utrecht", role="coordinator")
    settings_ = ConsoleSettings(api_token=API_TOKEN, secure_cookies=False)
    return await aiohttp_client(create_app(ticket_store, accounts, settings_))


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


async def page(client: Any, path: str) -> str:
    response = await client.get(path)
    assert response.status == 200, path
    return await response.text()


@pytest.fixture
async def logged_in(console: Any) -> Any:
    token = csrf_from(await page(console, "/login"))
    response = await console.post("/login", data={"name": "anna", "password": PASSWORD,
                                                  "csrf_token": token, "next": "/"},
                                  allow_redirects=False)
    assert response.status == 303
    return console


_keys = iter(range(1, 1_000_000))


def new_ticket(store: TicketStore, **fields: Any) -> Any:
    draft: dict[str, Any] = {
        "idempotency_key": f"bad-input-{next(_keys)}-{uuid.uuid4().hex[:6]}",
        "channel": "telegram", "primary_topic": "job_search",
        "consent_given_at": dt.datetime.now(dt.timezone.utc), "consent_text_version": "v1",
        "summary": "Zoekt werk", "urgency": "normal", "region": "Utrecht",
        "contact": Contact(name="Piet", preferred_channel="phone", phone="+31612345678"),
    }
    return store.create_ticket(TicketDraft(**{**draft, **fields}))


def bearer(token: str = API_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_no_live_markup(html: str) -> None:
    assert not LIVE_MARKUP.search(html), LIVE_MARKUP.search(html)


FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data; boundary=b"
UNREADABLE_FORMS = ["not UTF-8", "unknown charset", "broken multipart", "multipart not UTF-8",
                    "multipart part without a name"]


def unreadable_form(kind: str, csrf: str) -> tuple[bytes, str]:
    """A body the console cannot read as a form, with the right CSRF token in it."""
    token = csrf.encode()
    part = b'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n' + token + b"\r\n"
    return {
        "not UTF-8": (b"csrf_token=" + token + b"&name=\xff\xfe&text=\xff", FORM),
        "unknown charset": (b"csrf_token=" + token + b"&text=a", FORM + "; charset=nope"),
        "broken multipart": (part + b"--b\r\nbroken", MULTIPART),
        "multipart not UTF-8": (part + b'--b\r\nContent-Disposition: form-data; name="text"'
                                b"\r\n\r\n\xff\xfe\r\n--b--\r\n", MULTIPART),
        "multipart part without a name": (part + b"--b\r\nContent-Disposition: form-data"
                                          b"\r\n\r\nx\r\n--b--\r\n", MULTIPART),
    }[kind]


def refused_with(content_type: str) -> int:
    """Multipart is refused unparsed (415, issue 13 finding 3); a bad urlencoded form 400."""
    return 415 if content_type.startswith("multipart/") else 400


@pytest.mark.parametrize("kind", UNREADABLE_FORMS)
async def test_unreadable_login_forms_get_a_400(console, kind):
    csrf = csrf_from(await page(console, "/login"))  # also sets the login CSRF cookie
    body, content_type = unreadable_form(kind, csrf)
    response = await console.post("/login", data=body, headers={"Content-Type": content_type})
    assert response.status == refused_with(content_type)


async def test_odd_login_names_are_a_failed_login_not_an_error(console):
    # Percent-encoded as a browser sends them; %ED%A0%80 is an encoded lone surrogate.
    for name in ("anna%00", "%00", "%3Cscript%3Ealert(1)%3C/script%3E", "'+OR+'1'%3D'1",
                 "%F0%9F%99%82" * 200, "a" * 10_000, "%ED%A0%80", "anna%0D%0A"):
        token = csrf_from(await page(console, "/login"))
        response = await console.post(
            "/login", data=f"name={name}&password=x&csrf_token={token}".encode(),
            headers={"Content-Type": FORM})
        assert response.status == 401, name[:20]
        assert_no_live_markup(await response.text())


@pytest.mark.parametrize("kind", UNREADABLE_FORMS)
async def test_unreadable_note_forms_get_a_400_and_store_nothing(logged_in, ticket_store, kind):
    ticket = new_ticket(ticket_store)
    body, content_type = unreadable_form(
        kind, csrf_from(await page(logged_in, f"/tickets/{ticket.id}")))
    response = await logged_in.post(f"/tickets/{ticket.id}/notes", data=body,
                                    headers={"Content-Type": content_type},
                                    allow_redirects=False)
    assert response.status == refused_with(content_type)
    assert ticket_store.notes(ticket.id) == []


async def test_a_file_instead_of_note_text_is_refused(logged_in, ticket_store):
    ticket = new_ticket(ticket_store)
    csrf = csrf_from(await page(logged_in, f"/tickets/{ticket.id}"))
    form = aiohttp.FormData()
    form.add_field("csrf_token", csrf)
    form.add_field("text", b"<script>alert(1)</script>", filename="x.html",
                   content_type="text/html")
    response = await logged_in.post(f"/tickets/{ticket.id}/notes", data=form,
                                    allow_redirects=False)
    assert response.status == 415  # multipart: refused before it is parsed
    assert ticket_store.notes(ticket.id) == []


NOTES = [
    ("<script>alert('note')</script>", "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"),
    ("'); DROP TABLE ticket_notes; --", "&#39;); DROP TABLE ticket_notes; --"),
    ("Robert'); DELETE FROM tickets;--", "Robert&#39;); DELETE FROM tickets;--"),
    ("🙂" * 300, "🙂" * 300),
    ("a\x00b\x07c", "abc"),
]


@pytest.mark.parametrize(("typed", "shown"), NOTES, ids=repr)
async def test_notes_are_stored_as_plain_text_and_shown_escaped(logged_in, ticket_store,
                                                                typed, shown):
    ticket = new_ticket(ticket_store)
    csrf = csrf_from(await page(logged_in, f"/tickets/{ticket.id}"))
    response = await logged_in.post(f"/tickets/{ticket.id}/notes",
                                    data={"text": typed, "csrf_token": csrf},
                                    allow_redirects=False)
    assert response.status == 303
    [note] = ticket_store.notes(ticket.id)
    assert note.text == clean_text(typed)  # SQL fragments: plain text, nothing executed
    html = await page(logged_in, f"/tickets/{ticket.id}")
    assert shown in html
    assert_no_live_markup(html)
    assert ticket_store.get_ticket(ticket.id) is not None  # the tables are all still there
    assert_no_live_markup(await page(logged_in, "/?status=all&team="))


@pytest.mark.parametrize("typed", ["", "   \n ", "\x00\x01", "a" * 5001])
async def test_empty_or_too_long_notes_get_a_dutch_400(logged_in, ticket_store, typed):
    ticket = new_ticket(ticket_store)
    csrf = csrf_from(await page(logged_in, f"/tickets/{ticket.id}"))
    response = await logged_in.post(f"/tickets/{ticket.id}/notes",
                                    data={"text": typed, "csrf_token": csrf})
    assert response.status == 400
    assert "notitie" in (await response.text()).lower()
    assert ticket_store.notes(ticket.id) == []


async def test_a_100_kb_note_is_refused_with_413(logged_in, ticket_store):
    ticket = new_ticket(ticket_store)
    csrf = csrf_from(await page(logged_in, f"/tickets/{ticket.id}"))
    response = await logged_in.post(f"/tickets/{ticket.id}/notes",
                                    data={"text": "a" * 100_000, "csrf_token": csrf})
    assert response.status == 413
    assert ticket_store.notes(ticket.id) == []


@pytest.mark.parametrize("token", [None, "", "x", "verkeerd-maar-even-lang-als-het-echte-tok"])
async def test_console_posts_with_a_wrong_csrf_token_are_refused_in_constant_time(
        logged_in, ticket_store, compare_digest_calls, token):
    ticket = new_ticket(ticket_store)
    data = {"text": "hoi"} if token is None else {"text": "hoi", "csrf_token": token}
    response = await logged_in.post(f"/tickets/{ticket.id}/notes", data=data)
    assert response.status == 403
    assert ticket_store.notes(ticket.id) == []
    assert len(compare_digest_calls) == (0 if token is None else 1)


async def test_what_a_person_typed_into_a_ticket_is_shown_escaped(logged_in, ticket_store):
    ticket = new_ticket(
        ticket_store, summary="<script>alert('samenvatting')</script>",
        region="<img src=x onerror=alert(2)>",
        contact=Contact(name="<b onmouseover=alert(3)>Piet</b>", preferred_channel="email",
                        email="piet@example.org"))
    for path in (f"/tickets/{ticket.id}", "/?status=all&team=", f"/tickets/{ticket.id}/delete"):
        html = await page(logged_in, path)
        assert_no_live_markup(html)
        assert "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&#39;samenvatting&#39;)" in await page(logged_in,
                                                                      f"/tickets/{ticket.id}")


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["status", "team", "urgency", "melding", "x"]),
                             st.text(max_size=30), max_size=4))
async def test_fuzzed_inbox_filters_never_get_a_5xx(logged_in, query):
    response = await logged_in.get("/", params=query)
    assert response.status == 200
    assert_no_live_markup(await response.text())


@FUZZ
@given(text=st.text(st.characters(categories=["L", "N", "P", "S", "Z", "Cc", "Cf"]),
                    max_size=300))
async def test_fuzzed_notes_are_stored_clean_and_shown_escaped(logged_in, ticket_store, text):
    ticket = new_ticket(ticket_store)
    path = f"/tickets/{ticket.id}"
    csrf = csrf_from(await page(logged_in, path))
    response = await logged_in.post(f"{path}/notes", data={"text": text, "csrf_token": csrf},
                                    allow_redirects=False)
    expected = clean_text(text).strip()
    assert response.status == (303 if expected else 400)
    assert [n.text for n in ticket_store.notes(ticket.id)] == ([expected] if expected else [])
    assert_no_live_markup(await page(logged_in, path))


@FUZZ
@given(body=st.binary(max_size=500))
async def test_fuzzed_login_bodies_never_get_a_5xx(console, body):
    await page(console, "/login")
    response = await console.post("/login", data=body, headers={"Content-Type": FORM})
    assert 400 <= response.status < 500


# --------------------------------------------------------------------------- ticket API


@pytest.mark.parametrize(("body", "status"), [
    (b"", 400), (b"\xff\xfe", 400), (b"{not json", 400), (b"[" * 15_000, 400),
    (b'"claimed"', 400), (b"[]", 400), (b"null", 400), (b"{}", 400),
    (b'{"status": "verwijderd"}', 400), (b'{"status": ["claimed"]}', 400),
    (b'{"assignee": 42}', 400), (b'{"assignee": "a\\u0000b"}', 400),
    (b'{"assignee": "a\\ud800b"}', 400), (b'{"assignee": "x\\ny"}', 400),
    (json.dumps({"assignee": "a" * 81}).encode(), 400), (b'{"owner": "bert"}', 400),
    (b"a" * 20_000, 413),
], ids=lambda value: repr(value)[:40])
async def test_malformed_api_patches_get_a_4xx_and_change_nothing(console, ticket_store,
                                                                  body, status):
    ticket = new_ticket(ticket_store)
    response = await console.patch(f"/api/tickets/{ticket.id}", data=body,
                                   headers={**bearer(), "Content-Type": "application/json"})
    assert response.status == status
    assert "error" in await response.json()
    unchanged = ticket_store.get_ticket(ticket.id)
    assert (unchanged.status, unchanged.assignee) == ("new", None)


# A well-formed ticket id that no ticket has: fixed, not uuid4() here, because the test id
# holds it and every pytest-xdist worker must collect the same test ids.
UNKNOWN_TICKET_ID = "3f6c1e2a-8b4d-4f7a-9c51-2d0e7b9a6c48"


@pytest.mark.parametrize("path", [
    "/api/tickets?status=%00", "/api/tickets?region=%00", "/api/tickets?region=a%0Ab",
    "/api/tickets?region=" + "a" * 200, "/api/tickets?status=<script>",
    "/api/tickets/%00", "/api/tickets/not-a-uuid", "/api/tickets/" + "9" * 300,
    f"/api/tickets/{UNKNOWN_TICKET_ID}", "/api/nothing-here",
], ids=repr)
async def test_malformed_api_lookups_get_a_json_4xx(console, path):
    response = await console.get(path, headers=bearer())
    assert 400 <= response.status < 500
    assert "error" in await response.json()


async def test_odd_but_valid_api_values_are_plain_text_and_shown_escaped(logged_in,
                                                                         ticket_store):
    for assignee in ("<script>alert('api')</script>", "'; DROP TABLE tickets; --",
                     "🙂" * 80, "<img src=x onerror=alert(1)>"):
        ticket = new_ticket(ticket_store)
        response = await logged_in.patch(f"/api/tickets/{ticket.id}",
                                         json={"status": "claimed", "assignee": assignee},
                                         headers=bearer())
        assert response.status == 200
        assert (await response.json())["assignee"] == assignee
        assert ticket_store.get_ticket(ticket.id).assignee == assignee
        for path in (f"/tickets/{ticket.id}", "/?status=claimed&team="):
            assert_no_live_markup(await page(logged_in, path))  # audit trail included
    listed = await (await logged_in.get("/api/tickets?region=' OR 1=1 --",
                                        headers=bearer())).json()
    assert listed == {"tickets": [], "next": None}  # the fragment is a region name only


@FUZZ
@given(body=st.binary(max_size=300) | st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=90),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["status", "assignee", "x"]) | st.text(max_size=5),
                      inner, max_size=3),
    max_leaves=10).map(lambda value: json.dumps(value).encode()))
async def test_fuzzed_api_patches_never_get_a_5xx(console, ticket_store, body):
    ticket = new_ticket(ticket_store)
    response = await console.patch(f"/api/tickets/{ticket.id}", data=body, headers=bearer())
    assert response.status in (200, 400, 413)
    assert isinstance(await response.json(), dict)


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["status", "region", "x"]),
                              st.text(st.characters(categories=["L", "N", "P", "S", "Z", "Cc"]),
                                      max_size=120), max_size=3))
async def test_fuzzed_api_queries_never_get_a_5xx(console, params):
    response = await console.get("/api/tickets", params=params, headers=bearer())
    assert response.status in (200, 400)


async def test_wrong_api_tokens_are_refused_in_constant_time(console, ticket_store,
                                                             compare_digest_calls):
    ticket = new_ticket(ticket_store)
    for wrong in wrong_versions(API_TOKEN):
        response = await console.patch(f"/api/tickets/{ticket.id}", json={"status": "closed"},
                                       headers=bearer(wrong))
        assert response.status == 401
    assert len(compare_digest_calls) == 5
    assert ticket_store.get_ticket(ticket.id).status == "new"
