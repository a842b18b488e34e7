"""Issue 13 (low): Redis lock keys carry no raw phone numbers or chat ids, and expire.

Rasa keys its conversation lock by the conversation id; on WhatsApp that id holds the
member's phone number, so ``lock:whatsapp:316...`` and its value (the lock's JSON names
the conversation) put the number in Redis in readable form. ``UrlLockStore`` locks a
keyed pseudonym of the conversation instead (``bot.privacy.sender_key.keyed_digest``,
the sender-key secret), and every lock key gets an expiry.
"""

from __future__ import annotations

import logging
import secrets

import pytest
import redis
from rasa.utils.endpoints import EndpointConfig
from redis_support import redis_url

from bot.privacy.sender_key import SECRET_ENV
from bot.rasa.stores import UrlLockStore

# Its own database (per xdist worker): the test below lists every lock key in it.
REDIS_URL = redis_url("locks")


def _number() -> str:
    return "3161" + "".join(secrets.choice("0123456789") for _ in range(7))


def _store(monkeypatch: pytest.MonkeyPatch, url: str | None,
           secret: str = "lock-test") -> UrlLockStore:  # noqa: S107 (a test secret)
    monkeypatch.setenv(SECRET_ENV, secret)
    if url:
        monkeypatch.setenv("LOCK_STORE_URL", url)
    else:
        monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    return UrlLockStore(EndpointConfig(type="bot.rasa.stores.UrlLockStore",
                                       url_env="LOCK_STORE_URL"))


def _redis_contents(client: redis.Redis) -> list[tuple[str, str, int]]:
    found = []
    for key in client.scan_iter("lock:*"):
        value = client.get(key) or b""
        found.append((key.decode(), value.decode(), client.pttl(key)))
    return found


@pytest.mark.redis
async def test_no_redis_lock_key_or_value_holds_the_number(monkeypatch, caplog):
    client = redis.Redis.from_url(REDIS_URL)
    number = _number()
    telegram_chat = str(secrets.randbelow(10**9) + 10**9)
    store = _store(monkeypatch, REDIS_URL)
    caplog.set_level(logging.DEBUG)
    async with store.lock(f"whatsapp:{number}"), store.lock(f"telegram:{telegram_chat}"):
        held = _redis_contents(client)
    mine = [(key, value, ttl) for key, value, ttl in held
            if number in key or number in value or telegram_chat in key or telegram_chat in value]
    assert mine == []
    # The two locks are there, under keys that do not show who they belong to.
    assert len({key for key, _, _ in held}) >= 2
    assert not any(number in record.getMessage() or telegram_chat in record.getMessage()
                   for record in caplog.records)


@pytest.mark.redis
async def test_every_lock_key_expires(monkeypatch):
    client = redis.Redis.from_url(REDIS_URL)
    store = _store(monkeypatch, REDIS_URL)
    conversation = f"whatsapp:{_number()}"
    key = "lock:" + store.lock_key(conversation)
    async with store.lock(conversation, lock_lifetime=30):
        ttl_ms = client.pttl(key)
        # The key outlives the ticket's lifetime a little, never forever (-1).
        assert 30_000 <= ttl_ms <= 30_000 + 120_000
    # A process that dies while holding a lock leaves a key that Redis removes itself.
    store.inner.issue_ticket(store.lock_key(conversation), 30)
    assert 0 < client.pttl(key) <= 150_000
    client.delete(key)


@pytest.mark.redis
async def test_one_conversation_still_has_one_lock_and_two_have_two(monkeypatch):
    store = _store(monkeypatch, REDIS_URL)
    member = f"whatsapp:{_number()}"
    assert store.lock_key(member) == store.lock_key(member)
    assert store.lock_key(member) != store.lock_key(f"rest:{member.split(':')[1]}")
    async with store.lock(member):
        # A second message of the same member waits for the first (ticket 1 is not served).
        ticket = store.inner.issue_ticket(store.lock_key(member), 30)
        assert ticket == 1
        assert store.inner.get_lock(store.lock_key(member)).is_someone_waiting()
        store.inner.cleanup(store.lock_key(member), ticket)


def test_the_pseudonym_needs_the_secret(monkeypatch):
    conversation = f"whatsapp:{_number()}"
    first = _store(monkeypatch, None, secret="one").lock_key(conversation)
    assert _store(monkeypatch, None, secret="one").lock_key(conversation) == first
    assert _store(monkeypatch, None, secret="two").lock_key(conversation) != first
    assert conversation.split(":")[1] not in first


async def test_the_in_memory_store_and_its_log_lines_hold_no_number(monkeypatch, caplog):
    store = _store(monkeypatch, None)
    number = _number()
    caplog.set_level(logging.DEBUG)
    async with store.lock(f"whatsapp:{number}"):
        assert all(number not in key for key in store.inner.conversation_locks)
    assert not any(number in record.getMessage() for record in caplog.records)
