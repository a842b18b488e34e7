"""Per-sender rate limits for the channels people type into.

``TokenBucketLimiter`` gives every sender a bucket of ``burst`` messages, refilled
at ``rate_per_minute``. The REST channel answers a refused request with 429.
The chat channels (Telegram, WhatsApp, socket.io) cannot answer with a status
code, so ``FloodGuard`` decides per message: handle it, send the polite
``RATE_LIMITED_REPLY`` (once per flood, so a flood of a thousand messages gets
one reply, not a thousand), or drop it quietly.

The buckets live in one process: with several Rasa processes behind a load
balancer each keeps its own, so the effective limit is at most
``processes x limit``.

Configuration of the chat channels: ``rate_limit_per_minute`` and
``rate_limit_burst`` in the channel's credentials, else the environment
variables ``CHAT_RATE_LIMIT_PER_MINUTE`` and ``CHAT_RATE_LIMIT_BURST``
(default 20 a minute, burst as large as the rate; 0 switches the limit off).
"""

from __future__ import annotations

import enum
import logging
import os
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from bot.channels.ttl_cache import BoundedTTLCache

logger = logging.getLogger(__name__)


class TextOutput(Protocol):
    """What the flood guard needs of a channel's output: sending one text."""

    def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> Awaitable[Any]:
        ...

DEFAULT_RATE_PER_MINUTE = 20.0
MAX_TRACKED_SENDERS = 50_000

RATE_LIMITED_REPLY = (
    "Je stuurt veel berichten kort na elkaar. Wacht even een minuutje, "
    "dan praat ik graag verder."
)


class TokenBucketLimiter:
    """Per-key token buckets: ``burst`` messages at once, refilled at ``rate_per_minute``.

    Keys are kept in LRU order and the least recently seen are forgotten beyond
    ``max_keys``, so a flood of made-up senders cannot exhaust memory; a
    forgotten key simply starts again with a full bucket.
    """

    def __init__(
        self,
        rate_per_minute: float,
        burst: float | None = None,
        max_keys: int = MAX_TRACKED_SENDERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate_per_second = rate_per_minute / 60.0
        self.capacity = float(burst if burst is not None else rate_per_minute)
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate_per_second > 0 and self.capacity >= 1

    def acquire(self, key: str) -> float:
        """Take one token for ``key``: 0.0 when allowed, else seconds until the next token."""
        if not self.enabled:
            return 0.0
        now = self.clock()
        tokens, last = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate_per_second)
        if tokens >= 1.0:
            tokens -= 1.0
            wait = 0.0
        else:
            wait = (1.0 - tokens) / self.rate_per_second
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait

    def __len__(self) -> int:
        return len(self._buckets)


class Admission(enum.Enum):
    HANDLE = "handle"  # within the limit: the message goes to the assistant
    WARN = "warn"  # first message over the limit: send RATE_LIMITED_REPLY once
    DROP = "drop"  # still over the limit, already told: ignore quietly


class FloodGuard:
    """Decides per message whether a chat sender is within the rate limit."""

    def __init__(self, limiter: TokenBucketLimiter) -> None:
        self.limiter = limiter
        self._warned: BoundedTTLCache[str, bool] = BoundedTTLCache(
            limiter.max_keys, ttl_seconds=None
        )

    def admit(self, sender: str, *other_keys: str) -> Admission:
        """Admission for a message of ``sender``.

        ``other_keys`` are limited too (e.g. the socket.io connection, so one
        connection cannot dodge the limit by making up a new session id for every
        message). A flood is warned about once per refusing key.
        """
        keys = (sender, *other_keys)
        refused = [key for key in keys if self.limiter.acquire(key) > 0]
        if not refused:
            for key in keys:  # within the limit again: a next flood is told again
                self._warned.pop(key)
            return Admission.HANDLE
        return Admission.WARN if self._warned.add_if_new(refused[0], True) else Admission.DROP

    async def within_limit(
        self, channel: str, sender: str, output: TextOutput, *other_keys: str
    ) -> bool:
        """Whether ``sender``'s message may go on; the first refused message of a
        flood gets RATE_LIMITED_REPLY through ``output``, the rest are dropped."""
        admission = self.admit(sender, *other_keys)
        if admission is Admission.HANDLE:
            return True
        logger.info("%s: rate limit hit", channel)
        if admission is Admission.WARN:
            await output.send_text_message(sender, RATE_LIMITED_REPLY)
        return False


def _number(credentials: Mapping[str, Any], key: str, env: str) -> float | None:
    value = credentials.get(key)
    if value is None or str(value).strip() == "":
        value = os.environ.get(env, "").strip() or None
    return None if value is None else float(value)


def flood_guard_from(credentials: Mapping[str, Any] | None) -> FloodGuard:
    """The chat channels' guard from credentials.yml, else the environment, else defaults."""
    credentials = credentials or {}
    rate = _number(credentials, "rate_limit_per_minute", "CHAT_RATE_LIMIT_PER_MINUTE")
    burst = _number(credentials, "rate_limit_burst", "CHAT_RATE_LIMIT_BURST")
    rate = DEFAULT_RATE_PER_MINUTE if rate is None else rate
    return FloodGuard(TokenBucketLimiter(rate, burst))
