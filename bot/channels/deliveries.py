"""A platform delivery is handled once, and marked done only after its turn.

Telegram and WhatsApp deliver a webhook again when our answer is slow or lost, or
when the process that had it died. Marking a message as seen before its turn is
handled would drop the redelivery of a message whose process died mid-turn: the
member's message is lost. So each delivery (a WhatsApp message id, a Telegram
update id) has two marks in the channel state store (``state_store.py``, shared by
all Rasa processes):

- a *lease* while one process handles it. A repeat that arrives meanwhile is told to
  come back later (the webhook answers 503 and the platform retries). When the turn
  fails the lease is given back at once; when the process dies, it runs out after
  ``HANDLING_LEASE_SECONDS`` and the platform's next retry is handled.
- the *done* mark, set once the turn is handled: repeats after that are dropped.

A turn that takes longer than the lease may be handled twice; that is rather twice
than lost, as the state store does while Redis is down.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum

from bot.channels.state_store import StateStore

# Longer than a turn takes (Rasa's lock wait, the action server, the replies), short
# enough that a delivery held by a dead process is handled on one of the next retries.
HANDLING_LEASE_SECONDS = 120.0


class Claim(Enum):
    NEW = "new"  # not handled yet: this call handles it
    DONE = "done"  # handled before: drop the repeat
    BUSY = "busy"  # another request holds the lease: ask the platform to retry later


class Deliveries:
    """Done marks and leases of one channel's deliveries, under ``<name>:seen`` and
    ``<name>:handling`` in the state store (``<name>:seen`` is the name the earlier
    seen-before-handled marks had, so they still count after an upgrade)."""

    def __init__(self, state: StateStore, name: str, max_items: int, done_seconds: float,
                 lease_seconds: float = HANDLING_LEASE_SECONDS) -> None:
        self.done = state.map(f"{name}:seen", max_items, done_seconds)
        self.leases = state.map(f"{name}:handling", max_items, lease_seconds)

    async def claim(self, delivery_id: str) -> Claim:
        if await self.done.get(delivery_id) is not None:
            return Claim.DONE
        if not await self.leases.add_if_new(delivery_id):
            return Claim.BUSY
        # Another process may have finished it between the two questions.
        if await self.done.get(delivery_id) is not None:
            await self.leases.pop(delivery_id)
            return Claim.DONE
        return Claim.NEW

    async def finish(self, delivery_id: str) -> None:
        await self.done.set(delivery_id, "1")
        await self.leases.pop(delivery_id)

    async def release(self, delivery_id: str) -> None:
        await self.leases.pop(delivery_id)

    async def handle_once(self, delivery_id: str, handle: Callable[[], Awaitable[None]]) -> Claim:
        """Run ``handle`` unless the delivery is done or busy; what the claim was.

        ``handle``'s exceptions (and cancellation) give the lease back and go on to the
        caller: the delivery is not done, so a retry of it is handled.
        """
        claim = await self.claim(delivery_id)
        if claim is not Claim.NEW:
            return claim
        try:
            await handle()
        except BaseException:
            await self.release(delivery_id)
            raise
        await self.finish(delivery_id)
        return claim
