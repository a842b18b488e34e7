"""A small bounded in-process memory with expiry, on ``cachetools``.

It is the memory behind bot/channels/state_store.py: the whole channel state
when Koffiepraat runs one Rasa process, and each process's stand-in while the
shared Redis store does not answer. The rate limiter and the widget channel use
it without expiry, as bounded sets of keys they already warned.

``cachetools.TTLCache`` does the work (size limit, least recently used out first,
expiry on its timer); this class only adds the three calls the channels make
(``add_if_new``, ``get`` and ``pop`` that answer ``None`` for a missing key).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cachetools import Cache, LRUCache, TTLCache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Clock = Callable[[], float]


class BoundedTTLCache(Generic[K, V]):
    """At most ``max_items`` entries (least recently used go first), each for
    ``ttl_seconds`` (``None``: until pushed out).

    ``clock`` is injectable so tests can move time without sleeping.
    """

    def __init__(self, max_items: int, ttl_seconds: float | None, clock: Clock = time.time):
        if max_items < 1:
            raise ValueError("max_items must be positive")
        self._items: Cache = (LRUCache(max_items) if ttl_seconds is None
                              else TTLCache(max_items, ttl_seconds, timer=clock))

    def __len__(self) -> int:
        return len(self._items)

    def set(self, key: K, value: V) -> None:
        self._items[key] = value

    def get(self, key: K) -> V | None:
        return self._items.get(key)

    def pop(self, key: K) -> V | None:
        return self._items.pop(key, None)

    def add_if_new(self, key: K, value: V) -> bool:
        """Store ``key`` unless it is already live; return True when it was new."""
        if key in self._items:
            return False
        self._items[key] = value
        return True
