"""Rasa tracker and lock stores configured by one URL from the environment.

Rasa's own SQL tracker store wants dialect, host, port, db, ... as separate
endpoint keys and its lock store needs a different ``type`` for Redis; operators
get one URL each instead (contract.md):

- ``TRACKER_STORE_URL`` (default SQLite under ``var/``), e.g.
  ``postgresql://koffie:***@db:5432/rasa``;
- ``LOCK_STORE_URL`` (default: in memory, fine for one Rasa process), e.g.
  ``redis://127.0.0.1:6379/0``. Several Rasa processes need Redis here.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.engine.url import make_url

import bot.prod.speedups  # noqa: F401 (measured Rasa hot spot, see the module)
from bot.settings import Settings


def _url_from(env_name: str | None, explicit: str | None) -> str | None:
    # Rasa passes the endpoint's `url` key as `host`; an env var name wins over it.
    if env_name and os.environ.get(env_name, "").strip():
        return os.environ[env_name].strip()
    return explicit or None


class UrlSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose connection comes from one SQLAlchemy URL."""

    def __init__(
        self,
        domain: Any = None,
        host: str | None = None,
        url_env: str = "TRACKER_STORE_URL",
        event_broker: Any = None,
        **kwargs: Any,
    ) -> None:
        raw = _url_from(url_env, host) or Settings.from_env().tracker_store_url
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


def lock_store_for_url(url: str | None) -> LockStore:
    """In-memory lock store without a URL, Redis otherwise."""
    if not url:
        return InMemoryLockStore()
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError("LOCK_STORE_URL must be a redis:// or rediss:// URL")
    db = int(parts.path.lstrip("/") or 0)
    return RedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=db,
        password=parts.password,
        use_ssl=parts.scheme == "rediss",
    )


class UrlLockStore(LockStore):
    """Delegates to the lock store that ``LOCK_STORE_URL`` names."""

    def __init__(self, endpoint_config: Any = None) -> None:
        kwargs = getattr(endpoint_config, "kwargs", {}) or {}
        explicit = getattr(endpoint_config, "url", None)
        url_env = kwargs.get("url_env", "LOCK_STORE_URL")
        self.inner = lock_store_for_url(_url_from(url_env, explicit))

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.inner.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.inner.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.inner.save_lock(lock)
