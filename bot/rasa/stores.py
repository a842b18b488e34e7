"""Rasa tracker and lock stores configured by one URL from the environment.

Rasa's own SQL tracker store wants dialect, host, port, db, ... as separate
endpoint keys and its lock store needs a different ``type`` for Redis; operators
get one URL each instead (contract.md):

- ``TRACKER_STORE_URL`` (default SQLite under ``var/``), e.g.
  ``postgresql://koffie:***@db:5432/rasa``;
- ``LOCK_STORE_URL`` (default: in memory, fine for one Rasa process), e.g.
  ``redis://127.0.0.1:6379/0``. Several Rasa processes need Redis here.

Locks are keyed by a pseudonym of the conversation, not by its id: on WhatsApp the id
holds the member's phone number, and Rasa writes the id into the lock's key, its value
and its log lines. The pseudonym is the keyed hash of ``bot.privacy.sender_key`` (the
sender-key secret, the same in every process, so all processes lock alike). Redis lock
keys expire a little after their last ticket would, so a process that dies holding a
lock leaves nothing behind for long.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import time
from collections import deque
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import (
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockError,
    LockStore,
    RedisLockStore,
)
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine.url import make_url

import bot.rasa.speedups  # noqa: F401 (measured Rasa hot spot, see the module)
from bot.privacy.sender_key import keyed_digest, load_secret
from bot.rasa.tracker_sql import EventStatements, read_session_events, save_new_events, tracker_from
from bot.settings import Settings, with_postgres_timeouts


def _url_from(env_name: str | None, explicit: str | None) -> str | None:
    # Rasa passes the endpoint's `url` key as `host`; an env var name wins over it.
    if env_name and os.environ.get(env_name, "").strip():
        return os.environ[env_name].strip()
    return explicit or None


class UrlSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose connection comes from one SQLAlchemy URL.

    Reading a session and saving new events use prepared Core statements
    (bot.rasa.tracker_sql): the same SQL and rows as Rasa's ORM code, less CPU.
    """

    def __init__(
        self,
        domain: Any = None,
        host: str | None = None,
        url_env: str = "TRACKER_STORE_URL",
        event_broker: Any = None,
        **kwargs: Any,
    ) -> None:
        raw = _url_from(url_env, host) or Settings.from_env().tracker_store_url
        raw = with_postgres_timeouts(raw)  # connect_timeout, statement_timeout (PostgreSQL)
        url = make_url(raw)
        if url.drivername.startswith("sqlite") and url.database:
            os.makedirs(os.path.dirname(os.path.abspath(url.database)), exist_ok=True)
        super().__init__(
            domain=domain,
            dialect=url.drivername,
            host=url.host,
            port=url.port,
            db=url.database or "rasa",
            username=url.username,
            password=url.password,
            event_broker=event_broker,
            query=dict(url.query) or None,
            **kwargs,
        )
        self._statements = EventStatements.for_table(self.SQLEvent.__table__)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        if fetch_events_from_all_sessions:  # rare (exports, erasure): Rasa's own query
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        with self.session_scope() as session:
            events = read_session_events(session, self._statements, sender_id)
        return tracker_from(sender_id, events, self.domain)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        with self.session_scope() as session:
            save_new_events(session, self._statements, tracker)


# A lock key outlives its last ticket's expiry by this much (and lives at least this long).
LOCK_KEY_GRACE_SECONDS = 60.0


def lock_key_ttl_ms(lock: TicketLock, now: float) -> int:
    """How long Redis keeps a lock key: past its last ticket's expiry, never forever."""
    last_expiry = max((ticket.expires for ticket in lock.tickets), default=now)
    return max(1, math.ceil((max(last_expiry, now) - now + LOCK_KEY_GRACE_SECONDS) * 1000))


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket changes are atomic across processes.

    Rasa reads a conversation's lock, changes it and writes it back in separate
    steps; two Rasa processes can then both take ticket 0, handle one sender's
    messages at once, and the SQL tracker store drops one of the turns (seen in
    tests/production). Each change here is a WATCH/MULTI transaction, retried
    when another process changed the lock in between.
    """

    def _change(self, conversation_id: str, change: Callable[[TicketLock], int | None],
                delete_when_idle: bool = False) -> int | None:
        key = self.key_prefix + conversation_id
        while True:
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = (TicketLock.from_dict(json.loads(raw)) if raw
                            else TicketLock(conversation_id))
                    result = change(lock)
                    pipe.multi()
                    if delete_when_idle and not lock.is_someone_waiting():
                        pipe.delete(key)
                    else:
                        pipe.set(key, lock.dumps(), px=lock_key_ttl_ms(lock, time.time()))
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue

    def save_lock(self, lock: TicketLock) -> None:
        self.red.set(self.key_prefix + lock.conversation_id, lock.dumps(),
                     px=lock_key_ttl_ms(lock, time.time()))

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        ticket = self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        return int(ticket or 0)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number),
                     delete_when_idle=True)

    def keep_ticket(self, conversation_id: str, ticket: int, lifetime: float) -> None:
        self._change(conversation_id, lambda lock: renew_ticket(lock, ticket, lifetime))


def renew_ticket(lock: TicketLock, number: int, lifetime: float) -> None:
    """Expired tickets out; ticket ``number`` valid for ``lifetime`` more seconds, at its
    place in the queue (tickets are served in number order)."""
    lock.remove_expired_tickets()
    expires = time.time() + lifetime
    for ticket in lock.tickets:
        if ticket.number == number:
            ticket.expires = expires
            return
    lock.tickets = deque(sorted([*lock.tickets, Ticket(number, expires)],
                                key=lambda t: t.number))


def lock_store_for_url(url: str | None) -> LockStore:
    """In-memory lock store without a URL, Redis otherwise."""
    if not url:
        return InMemoryLockStore()
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError("LOCK_STORE_URL must be a redis:// or rediss:// URL")
    db = int(parts.path.lstrip("/") or 0)
    return AtomicRedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=db,
        password=parts.password,
        use_ssl=parts.scheme == "rediss",
    )


class UrlLockStore(LockStore):
    """Delegates to the lock store that ``LOCK_STORE_URL`` names, under pseudonyms."""

    def __init__(self, endpoint_config: Any = None) -> None:
        kwargs = getattr(endpoint_config, "kwargs", {}) or {}
        explicit = getattr(endpoint_config, "url", None)
        url_env = kwargs.get("url_env", "LOCK_STORE_URL")
        self.inner = lock_store_for_url(_url_from(url_env, explicit))
        self._key_secret = load_secret().encode()  # read once: locks are taken per message

    def lock_key(self, conversation_id: str) -> str:
        """The name the conversation's lock goes by (in Redis, in memory, in log lines)."""
        return keyed_digest(conversation_id, self._key_secret)

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        # Rasa takes every lock through here (processor, agent, HTTP API); from here on
        # only the pseudonym is seen, by the store and by Rasa's own log lines.
        key = self.lock_key(conversation_id)
        ticket = self.issue_ticket(key, lock_lifetime)
        try:
            yield await self._wait_for_turn(key, ticket, lock_lifetime, wait_time_in_seconds)
        finally:
            self.cleanup(key, ticket)

    async def _wait_for_turn(self, key: str, ticket: int, lifetime: float,
                             wait_time_in_seconds: float) -> TicketLock:
        """Rasa's wait loop, with the waiter's own ticket renewed while it waits.

        Rasa lets a waiting ticket expire like any other: behind the ticket of a process
        that died mid-turn (same lifetime, issued a moment earlier) the waiter's own ticket
        expired in the same second, no ticket was served any more, and the message waited
        until Sanic's response timeout (tests/rasa/test_lock_waiting.py). Only a dead
        process's ticket should run out.
        """
        while True:
            lock = self.get_lock(key)
            if lock is None:
                raise LockError(f"Could not acquire lock for conversation_id '{key}'.")
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            self.keep_ticket(key, ticket, lifetime)

    def keep_ticket(self, conversation_id: str, ticket: int, lifetime: float) -> None:
        """Drop expired tickets, but renew (or put back, in number order) this one."""
        if isinstance(self.inner, AtomicRedisLockStore):
            self.inner.keep_ticket(conversation_id, ticket, lifetime)
            return
        lock = self.inner.get_lock(conversation_id)
        if lock is not None:
            renew_ticket(lock, ticket, lifetime)
            self.inner.save_lock(lock)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.inner.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.inner.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.inner.save_lock(lock)

    # The read-change-write steps go to the inner store as a whole, so that the
    # Redis store can make each of them atomic.
    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self.inner.issue_ticket(conversation_id, lock_lifetime)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.inner.finish_serving(conversation_id, ticket_number)

    def update_lock(self, conversation_id: str) -> None:
        self.inner.update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.inner.cleanup(conversation_id, ticket_number)
