"""Channel state that every Rasa process must see: one store, in memory or in Redis.

The channels remember a little per person or per message: which WhatsApp
message ids were already handled, the 24-hour service window, a numbered list
that is waiting for an answer, and which payload hides behind a short button
key. With several Rasa processes behind a load balancer the next webhook can
reach another process, so this state lives in Redis there:

- ``CHANNEL_STATE_URL`` (``redis://`` or ``rediss://``) when set;
- else ``LOCK_STORE_URL`` when it is a Redis URL (the same Redis as Rasa's
  conversation locks, under its own key prefix);
- else in this process's memory: the embedded default (``make run``, one Rasa
  process) needs no Redis.

When Redis does not answer, a process keeps working on its own memory (as if it
were the only process) and tries Redis again a few seconds later: a message is
then rather handled twice than dropped. Key names are keyed hashes (HMAC with
TICKETS_SENDER_KEY_SECRET, shared by every process), so Redis holds no
phone numbers or chat ids in readable form; the values are payloads and times.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.channels.ttl_cache import BoundedTTLCache, Clock
from bot.privacy.sender_key import keyed_digest, load_secret

logger = logging.getLogger(__name__)

DEFAULT_KEY_PREFIX = "koffiepraat:channel:"
# A Redis that does not answer must not hold up a webhook for long.
REDIS_TIMEOUT_SECONDS = 1.0
# After a failure, this process uses its own memory this long before asking Redis again.
REDIS_RETRY_AFTER_SECONDS = 5.0
REDIS_SCHEMES = ("redis", "rediss")

T = TypeVar("T")


class StateMap(Protocol):
    """String keys to string values, bounded and expiring; one per kind of state."""

    async def add_if_new(self, key: str, value: str = "1") -> bool:
        """Store ``key`` unless it is live already; True when this call stored it."""

    async def set(self, key: str, value: str) -> None: ...

    async def get(self, key: str) -> str | None: ...

    async def pop(self, key: str) -> str | None:
        """The live value (or None), removed in the same step."""


class StateStore(Protocol):
    shared: bool  # whether other processes see the same state

    def map(self, name: str, max_items: int, ttl_seconds: float) -> StateMap: ...

    async def close(self) -> None: ...


class MemoryStateMap:
    """A StateMap in this process (BoundedTTLCache: size limit and expiry)."""

    def __init__(self, max_items: int, ttl_seconds: float, clock: Clock = time.time) -> None:
        self._cache: BoundedTTLCache[str, str] = BoundedTTLCache(max_items, ttl_seconds, clock)

    async def add_if_new(self, key: str, value: str = "1") -> bool:
        return self._cache.add_if_new(key, value)

    async def set(self, key: str, value: str) -> None:
        self._cache.set(key, value)

    async def get(self, key: str) -> str | None:
        return self._cache.get(key)

    async def pop(self, key: str) -> str | None:
        return self._cache.pop(key)


class MemoryStateStore:
    """Today's single-process behaviour; ``clock`` lets tests move time."""

    shared = False

    def __init__(self, clock: Clock = time.time) -> None:
        self.clock = clock

    def map(self, name: str, max_items: int, ttl_seconds: float) -> MemoryStateMap:
        return MemoryStateMap(max_items, ttl_seconds, self.clock)

    async def close(self) -> None:
        return None


class RedisHealth:
    """Whether to ask Redis now; logs each outage once (the error type, never keys or values)."""

    def __init__(
        self, retry_after: float = REDIS_RETRY_AFTER_SECONDS, monotonic: Clock = time.monotonic
    ) -> None:
        self.retry_after = retry_after
        self.monotonic = monotonic
        self._down_until: float | None = None

    def available(self) -> bool:
        return self._down_until is None or self.monotonic() >= self._down_until

    def failed(self, exc: BaseException) -> None:
        if self._down_until is None:
            logger.warning(
                "Channel state store (Redis) unavailable: %s; this process uses its own "
                "memory until Redis answers again",
                type(exc).__name__,
            )
        self._down_until = self.monotonic() + self.retry_after

    def succeeded(self) -> None:
        if self._down_until is not None:
            logger.info("Channel state store (Redis) answers again")
            self._down_until = None


class RedisStateMap:
    """A StateMap in Redis: one key per entry with the map's expiry, under a namespace.

    Each operation is one atomic Redis command (or transaction), so two processes
    never both win ``add_if_new`` and never both ``pop`` the same value. The
    ``fallback`` memory takes over while Redis is down and is still consulted
    afterwards, so what one process learned during an outage is not forgotten.
    """

    def __init__(
        self,
        client: Redis,
        namespace: str,
        ttl_seconds: float,
        fallback: MemoryStateMap,
        health: RedisHealth,
        key_secret: bytes,
    ) -> None:
        self.client = client
        self.key_secret = key_secret
        self.namespace = namespace
        self.ttl_ms = max(1, math.ceil(ttl_seconds * 1000))
        self.fallback = fallback
        self.health = health

    def redis_key(self, key: str) -> str:
        # Keyed: a plain hash of a phone number is reversed by trying every number.
        return f"{self.namespace}{keyed_digest(key, self.key_secret)[:40]}"

    async def _ask(self, command: Callable[[], Awaitable[T]]) -> tuple[bool, T | None]:
        """(True, answer) from Redis, or (False, None) when Redis is (known to be) down."""
        if not self.health.available():
            return False, None
        try:
            answer = await command()
        except (RedisError, OSError, TimeoutError) as exc:
            self.health.failed(exc)
            return False, None
        self.health.succeeded()
        return True, answer

    async def add_if_new(self, key: str, value: str = "1") -> bool:
        if await self.fallback.get(key) is not None:
            return False
        asked, stored = await self._ask(
            lambda: self.client.set(self.redis_key(key), value, nx=True, px=self.ttl_ms)
        )
        if asked:
            return bool(stored)
        # Redis is down: rather handle a repeat twice than drop a new message.
        return await self.fallback.add_if_new(key, value)

    async def set(self, key: str, value: str) -> None:
        asked, _ = await self._ask(
            lambda: self.client.set(self.redis_key(key), value, px=self.ttl_ms)
        )
        if not asked:
            await self.fallback.set(key, value)

    async def get(self, key: str) -> str | None:
        _, value = await self._ask(lambda: self.client.get(self.redis_key(key)))
        if value is not None:
            return _text(value)
        return await self.fallback.get(key)

    async def pop(self, key: str) -> str | None:
        _, value = await self._ask(lambda: self._get_and_delete(self.redis_key(key)))
        remembered = await self.fallback.pop(key)
        return _text(value) if value is not None else remembered

    async def _get_and_delete(self, redis_key: str) -> bytes | None:
        # GET and DEL in one transaction (GETDEL needs Redis 6.2 or newer).
        async with self.client.pipeline(transaction=True) as pipe:
            value, _ = await pipe.get(redis_key).delete(redis_key).execute()
        return value


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


class RedisStateStore:
    """Channel state in Redis under ``key_prefix``, shared by every process that uses it."""

    shared = True

    def __init__(
        self,
        url: str,
        key_prefix: str = DEFAULT_KEY_PREFIX,
        clock: Clock = time.time,
        health: RedisHealth | None = None,
        key_secret: str | None = None,
    ) -> None:
        if urlsplit(url).scheme not in REDIS_SCHEMES:
            raise ValueError("the channel state store needs a redis:// or rediss:// URL")
        self.key_prefix = key_prefix
        self.clock = clock
        self.health = health or RedisHealth()
        # Every process must hash alike: the sender-key secret is shared by all of them.
        self.key_secret = (key_secret if key_secret is not None else load_secret()).encode()
        self.client = Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )

    def map(self, name: str, max_items: int, ttl_seconds: float) -> RedisStateMap:
        fallback = MemoryStateMap(max_items, ttl_seconds, self.clock)
        namespace = f"{self.key_prefix}{name}:"
        return RedisStateMap(
            self.client, namespace, ttl_seconds, fallback, self.health, self.key_secret
        )

    async def close(self) -> None:
        await self.client.close(close_connection_pool=True)


def state_store_url(env: Mapping[str, str]) -> str | None:
    """The Redis URL for channel state, or None for memory (see the module docstring)."""
    explicit = env.get("CHANNEL_STATE_URL", "").strip()
    if explicit:
        if urlsplit(explicit).scheme not in REDIS_SCHEMES:
            raise ValueError("CHANNEL_STATE_URL must be a redis:// or rediss:// URL")
        return explicit
    lock = env.get("LOCK_STORE_URL", "").strip()
    if lock and urlsplit(lock).scheme in REDIS_SCHEMES:
        return lock
    return None


def state_store_from_env(
    env: Mapping[str, str] | None = None, clock: Clock = time.time
) -> StateStore:
    url = state_store_url(os.environ if env is None else env)
    if url is None:
        logger.info("Channel state: in this process's memory (one Rasa process)")
        return MemoryStateStore(clock)
    logger.info("Channel state: Redis, shared between Rasa processes")
    return RedisStateStore(url, clock=clock)
