"""A message that waits for a conversation's lock keeps its place in the queue.

Rasa gives every ticket of a conversation lock the same lifetime, the ticket of a message
that is still waiting included. When a Rasa process dies in the middle of a turn, its
ticket stays until it expires; the next message of that conversation, on the other process,
took a ticket a moment later and waits for the dead one to expire. Its own ticket expired
in the same second: Rasa's wait loop then saw a lock with no ticket being served, never
its own turn, and waited until Sanic's response timeout (a 503 after 60 s; seen in CI in
tests/production/test_prod_stack.py, reproduced with the Redis contents: both tickets gone,
the key left, the waiter still waiting). A waiter now renews its own ticket while it waits.

Here the waiter's lifetime is shorter than the dead ticket's, so without the renewal its
ticket always expires first.
"""

from __future__ import annotations

import asyncio

import pytest
from rasa.utils.endpoints import EndpointConfig
from redis_support import redis_url

from bot.privacy.sender_key import SECRET_ENV
from bot.rasa.stores import UrlLockStore

REDIS_URL = redis_url("locks")
# A hang guard, not a speed claim: the dead ticket expires after 1 s.
GIVE_UP_S = 15


def _store(monkeypatch: pytest.MonkeyPatch, url: str | None) -> UrlLockStore:
    monkeypatch.setenv(SECRET_ENV, "lock-wait-test")
    if url:
        monkeypatch.setenv("LOCK_STORE_URL", url)
    else:
        monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    return UrlLockStore(EndpointConfig(type="bot.rasa.stores.UrlLockStore",
                                       url_env="LOCK_STORE_URL"))


async def _wait_behind_a_dead_ticket(store: UrlLockStore, conversation: str) -> bool:
    # A process that died mid-turn: its ticket is issued and never cleaned up.
    store.issue_ticket(store.lock_key(conversation), 1.0)

    async def take() -> bool:
        async with store.lock(conversation, lock_lifetime=0.4, wait_time_in_seconds=0.1):
            return True

    return await asyncio.wait_for(take(), GIVE_UP_S)


@pytest.mark.redis
async def test_a_waiter_behind_a_dead_ticket_gets_its_turn_with_redis(monkeypatch):
    store = _store(monkeypatch, REDIS_URL)
    assert await _wait_behind_a_dead_ticket(store, "rest:waiter-redis")
    assert store.get_lock(store.lock_key("rest:waiter-redis")) is None or \
        not store.get_lock(store.lock_key("rest:waiter-redis")).tickets


async def test_a_waiter_behind_a_dead_ticket_gets_its_turn_in_memory(monkeypatch):
    store = _store(monkeypatch, None)
    assert await _wait_behind_a_dead_ticket(store, "rest:waiter-memory")


@pytest.mark.redis
async def test_waiters_keep_their_order(monkeypatch):
    store = _store(monkeypatch, REDIS_URL)
    conversation = "rest:two-waiters"
    store.issue_ticket(store.lock_key(conversation), 1.0)
    served: list[str] = []

    async def take(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with store.lock(conversation, lock_lifetime=0.4, wait_time_in_seconds=0.1):
            served.append(name)
            await asyncio.sleep(0.2)

    await asyncio.wait_for(asyncio.gather(take("first", 0.0), take("second", 0.05)),
                           GIVE_UP_S)
    assert served == ["first", "second"]
