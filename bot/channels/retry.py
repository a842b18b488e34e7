"""Retry with exponential back-off for calls to a messaging platform."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

# Given the exception of a failed attempt: None means "do not retry", a number is
# the minimum wait in seconds the platform asked for (0 when it did not say).
Classifier = Callable[[BaseException], float | None]


@dataclass
class RetryPolicy:
    """How often and how patiently to retry; tests shrink ``base_delay``."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep)

    def delay(self, failed_attempts: int, hint: float) -> float:
        backoff = self.base_delay * (2 ** (failed_attempts - 1))
        return min(self.max_delay, max(hint, backoff))


async def call_with_retries(
    operation: Callable[[], Awaitable[T]], classify: Classifier, policy: RetryPolicy
) -> T:
    """Run ``operation``; retry retryable failures with back-off; re-raise the last one."""
    failed = 0
    while True:
        try:
            return await operation()
        except Exception as exc:
            failed += 1
            hint = classify(exc)
            if hint is None or failed >= policy.attempts or hint > policy.max_delay:
                raise
            await policy.sleep(policy.delay(failed, hint))
