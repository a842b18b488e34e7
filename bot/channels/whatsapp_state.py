"""Per-person state of the WhatsApp channel, kept in the channel state store.

With several Rasa processes the store is Redis (see state_store.py), so the
process that gets a person's next message knows their window and numbered list.
"""

from __future__ import annotations

import json
import re
import time

from bot.channels.state_store import MemoryStateStore, StateStore
from bot.channels.ttl_cache import Clock

SERVICE_WINDOW_SECONDS = 24 * 3600
_NUMBER_ANSWER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


class ServiceWindow:
    """Meta only allows free-form messages within 24 hours of the person's last message.

    Remembers when each person last wrote. When that is forgotten (memory store
    after a restart) the next message from the person opens the window again, so
    only messages the assistant would start on its own are affected.
    """

    def __init__(
        self, clock: Clock = time.time, state: StateStore | None = None, max_people: int = 100_000
    ) -> None:
        self.clock = clock
        store = state or MemoryStateStore(clock)
        self._last_inbound = store.map("whatsapp:window", max_people, SERVICE_WINDOW_SECONDS)

    async def record_inbound(self, person: str, sent_at: float | None = None) -> None:
        """Note a message from ``person``; ``sent_at`` is Meta's timestamp when known.

        The earlier of Meta's timestamp and our clock counts, so a delayed delivery
        never stretches the window beyond what Meta allows.
        """
        now = self.clock()
        await self._last_inbound.set(person, repr(min(now, sent_at) if sent_at else now))

    async def is_open(self, person: str) -> bool:
        last = await self._last_inbound.get(person)
        return last is not None and self.clock() - float(last) < SERVICE_WINDOW_SECONDS


class NumberedChoices:
    """Payloads behind a numbered list of options, so that a reply "2" picks option 2."""

    def __init__(
        self, clock: Clock = time.time, state: StateStore | None = None, max_people: int = 10_000
    ) -> None:
        store = state or MemoryStateStore(clock)
        self._choices = store.map("whatsapp:choices", max_people, SERVICE_WINDOW_SECONDS)

    async def offer(self, person: str, payloads: list[str]) -> None:
        await self._choices.set(person, json.dumps(list(payloads)))

    async def forget(self, person: str) -> None:
        await self._choices.pop(person)

    async def resolve(self, person: str, text: str) -> str | None:
        """Payload for a number answer to the last numbered list; None when it is not one.

        Any message clears the list: after the person moves on, an old number is stale.
        """
        stored = await self._choices.pop(person)
        if not stored:
            return None
        payloads: list[str] = json.loads(stored)
        match = _NUMBER_ANSWER.match(text)
        if match is None:
            return None
        number = int(match.group(1))
        if 1 <= number <= len(payloads):
            return payloads[number - 1]
        # Out of range: keep the list so the person can try again.
        await self._choices.set(person, stored)
        return None
