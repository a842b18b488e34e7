"""A small bounded in-process memory with expiry.

It is the memory behind bot/channels/state_store.py: the whole channel state
when Koffiepraat runs one Rasa process, and each process's stand-in while the
shared Redis store does not answer.
"""

from __future__ import annotations

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

