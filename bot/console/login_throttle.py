"""Login throttling per client address and for the console as a whole (issue 13, finding 8).

Every login attempt takes a token from the bucket of its client address and, if that one
allows it, from one global bucket; a refused attempt is answered 429 with ``Retry-After``
before any password is checked, so the answer says nothing about the name. An address
that is refused does not use up the global allowance: one address alone cannot block
everyone's logins.

``CONSOLE_LOGIN_PER_ADDRESS_PER_MINUTE`` (default 10) and
``CONSOLE_LOGIN_GLOBAL_PER_MINUTE`` (default 100); 0 switches a limit off. The buckets
live in the console process (one process serves the console).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiohttp import web

from bot.channels.rate_limit import TokenBucketLimiter

MAX_TRACKED_ADDRESSES = 50_000


class LoginThrottle:
    def __init__(self, per_address_per_minute: float, global_per_minute: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_address = TokenBucketLimiter(
            per_address_per_minute, max_keys=MAX_TRACKED_ADDRESSES, clock=clock)
        self.overall = TokenBucketLimiter(global_per_minute, max_keys=1, clock=clock)

    @classmethod
    def from_settings(cls, settings: Any, clock: Callable[[], datetime]) -> LoginThrottle:
        return cls(settings.login_per_address_per_minute, settings.login_global_per_minute,
                   clock=lambda: clock().timestamp())

    def admit(self, address: str) -> float:
        """0.0 when this attempt may go on, else the seconds to wait."""
        wait = self.per_address.acquire(address)
        if wait > 0:
            return wait
        return self.overall.acquire("all")


LOGIN_THROTTLE: web.AppKey[LoginThrottle] = web.AppKey("login_throttle", LoginThrottle)
