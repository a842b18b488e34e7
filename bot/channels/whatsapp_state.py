"""Per-person state the WhatsApp channel keeps in memory (see memory.py for the limits)."""

from __future__ import annotations

import re
import time

from bot.channels.memory import BoundedTTLCache, Clock

SERVICE_WINDOW_SECONDS = 24 * 3600
_NUMBER_ANSWER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


class ServiceWindow:
    """Meta only allows free-form messages within 24 hours of the person's last message.

    Remembers when each person last wrote. A restart forgets this; the next
    message from the person opens the window again, so only messages the
    assistant would start on its own are affected.
    """

    def __init__(self, clock: Clock = time.time, max_people: int = 100_000) -> None:
        self.clock = clock
        self._last_inbound: BoundedTTLCache[str, float] = BoundedTTLCache(
            max_people, SERVICE_WINDOW_SECONDS, clock
        )

    def record_inbound(self, person: str, sent_at: float | None = None) -> None:
        """Note a message from ``person``; ``sent_at`` is Meta's timestamp when known.

        The earlier of Meta's timestamp and our clock counts, so a delayed delivery
        never stretches the window beyond what Meta allows.
        """
        now = self.clock()
        self._last_inbound.set(person, min(now, sent_at) if sent_at else now)

    def is_open(self, person: str) -> bool:
        last = self._last_inbound.get(person)
        return last is not None and self.clock() - last < SERVICE_WINDOW_SECONDS


class NumberedChoices:
    """Payloads behind a numbered list of options, so that a reply "2" picks option 2."""

    def __init__(self, clock: Clock = time.time, max_people: int = 10_000) -> None:
        self._choices: BoundedTTLCache[str, list[str]] = BoundedTTLCache(
            max_people, SERVICE_WINDOW_SECONDS, clock
        )

    def offer(self, person: str, payloads: list[str]) -> None:
        self._choices.set(person, list(payloads))

    def forget(self, person: str) -> None:
        self._choices.pop(person)

    def resolve(self, person: str, text: str) -> str | None:
        """Payload for a number answer to the last numbered list; None when it is not one.

        Any message clears the list: after the person moves on, an old number is stale.
        """
        payloads = self._choices.pop(person)
        if not payloads:
            return None
        match = _NUMBER_ANSWER.match(text)
        if match is None:
            return None
        number = int(match.group(1))
        if 1 <= number <= len(payloads):
            return payloads[number - 1]
        # Out of range: keep the list so the person can try again.
        self._choices.set(person, payloads)
        return None
