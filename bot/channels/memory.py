"""Small bounded in-process memories used by the channels.

All of these live in one Rasa process. With several Rasa processes or replicas
behind a load balancer each process has its own copy: a Meta retry that lands on
another process is not recognised as a duplicate, a button key minted by one
process is unknown to another, and so on. The channels degrade gracefully in
that case (see the notes in telegram.py and whatsapp.py); a shared store such as
Redis would be the fix when Koffiepraat runs more than one Rasa process.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Clock = Callable[[], float]


class BoundedTTLCache(Generic[K, V]):
    """A dict with a maximum size (least recently written entries go first) and an expiry.

    ``clock`` is injectable so tests can move time without sleeping.
    """

    def __init__(self, max_items: int, ttl_seconds: float | None, clock: Clock = time.time):
        if max_items < 1:
            raise ValueError("max_items must be positive")
        self.max_items = max_items
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def _expired(self, stored_at: float) -> bool:
        return self.ttl_seconds is not None and self.clock() - stored_at >= self.ttl_seconds

    def set(self, key: K, value: V) -> None:
        self._items.pop(key, None)
        self._items[key] = (self.clock(), value)
        while len(self._items) > self.max_items:
            self._items.popitem(last=False)

    def get(self, key: K) -> V | None:
        entry = self._items.get(key)
        if entry is None:
            return None
        stored_at, value = entry
        if self._expired(stored_at):
            del self._items[key]
            return None
        return value

    def stored_at(self, key: K) -> float | None:
        """When the live entry for ``key`` was written (``None`` if absent or expired)."""
        if self.get(key) is None:
            return None
        return self._items[key][0]

    def pop(self, key: K) -> V | None:
        value = self.get(key)
        self._items.pop(key, None)
        return value

    def add_if_new(self, key: K, value: V) -> bool:
        """Store ``key`` unless it is already live; return True when it was new."""
        if self.get(key) is not None:
            return False
        self.set(key, value)
        return True


class PayloadKeys:
    """Maps Rasa button payloads that are too long for a platform to short keys.

    Telegram allows 1-64 bytes of callback data and WhatsApp 200-256 characters
    for button and row ids, while Rasa payloads such as
    ``/inform{"sector": "financiele_dienstverlening", ...}`` can be longer. Such a
    payload is sent as ``k:<hash>`` and the key is remembered here. The key is a
    hash of the payload, so the same payload always gets the same key; the map
    is bounded so it cannot grow without limit. When a key has been forgotten
    (restart, another process, evicted) the channel falls back to the button's
    title, which is still a meaningful message for the assistant.
    """

    PREFIX = "k:"

    def __init__(self, max_items: int = 2048):
        self._map: BoundedTTLCache[str, str] = BoundedTTLCache(max_items, ttl_seconds=None)

    @classmethod
    def is_key(cls, value: str) -> bool:
        return value.startswith(cls.PREFIX)

    def key_for(self, payload: str) -> str:
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
        key = f"{self.PREFIX}{digest}"
        self._map.set(key, payload)
        return key

    def payload_for(self, key: str) -> str | None:
        return self._map.get(key)
