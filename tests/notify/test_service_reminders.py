"""Service-level reminders sent by the running outbox worker (issue 15), end to end: the
ticket store, OutboxWorker.run_forever on a clock the test moves, python-telegram-bot and
the fake Telegram Bot API on loopback.

Real time is only spent waiting for the worker to get through its work, never asserted on.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from notify_fakes import CHAT_ID, TOKEN, SlowNotifier
from notify_support import draft
from ticket_data import ManualClock

from bot.notify import Backoff, OutboxWorker, TelegramNotifier

CONSOLE = "http://localhost:8080"
WAIT_LIMIT_S = 60.0  # a guard against hanging only
FORBIDDEN = ("crisis", "113", "1813", "burn-out", "gezondheid", "health", "zware nood",
             "nood", "welzijn")


async def wait_until(condition: Callable[[], bool], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_LIMIT_S
    while not condition():
        if loop.time() > deadline:
            pytest.fail(f"gave up waiting for: {what}")
        await asyncio.sleep(0.01)


def texts_about(fake, reference: str) -> list[str]:
    return [m["text"] for m in fake.delivered if reference in m["text"]]


async def settle(store) -> None:
    """Wait until the worker has nothing left to send at the current clock."""
    await wait_until(lambda: store.outbox_backlog() == 0, "the outbox to drain")


async def test_the_running_worker_reminds_the_team_at_half_time_and_the_coordinator_at_the_deadline(
    make_store, fake_telegram, clock: ManualClock
):
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram",))
    # Monday 2 March 2026, 10:30 in Amsterdam; normal: due Wednesday 17:00, half time
    # Tuesday 13:45 (the store's service-level tests do that arithmetic).
    lone = store.create_ticket(draft("lone", urgency="normal"))
    taken = store.create_ticket(draft("taken", urgency="normal"))
    worker = OutboxWorker(store, [TelegramNotifier(TOKEN, CHAT_ID, base_url=base_url)],
                          console_url=CONSOLE, clock=clock, poll_seconds=0.01,
                          backoff=Backoff(rng=random.Random(3)))
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run_forever(stop))
    try:
        await wait_until(lambda: len(fake.delivered) == 2, "the two new tickets")
        store.update_ticket(taken.id, status="claimed", actor="anna")

        clock.now = datetime(2026, 3, 3, 12, 44, tzinfo=UTC)  # a minute before half time
        await asyncio.sleep(0.05)  # a few worker runs: nothing is due yet
        assert len(fake.delivered) == 2

        clock.now = datetime(2026, 3, 3, 12, 45, tzinfo=UTC)
        await wait_until(lambda: len(fake.delivered) == 3, "the half-time reminder")
        reminder = fake.delivered[2]
        assert reminder["chat_id"] == CHAT_ID
        assert reminder["text"].startswith(
            f"Herinnering: aanvraag {lone.reference} is nog niet opgepakt")
        assert "Eerste contact uiterlijk: 04-03-2026 17:00" in reminder["text"]
        assert len(texts_about(fake, taken.reference)) == 1  # claimed: no reminder

        clock.now = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)  # the deadline
        await wait_until(lambda: len(fake.delivered) == 5, "both coordinator reminders")
        await settle(store)
        for ticket in (lone, taken):
            last = texts_about(fake, ticket.reference)[-1]
            assert last.startswith(f"Voor de coördinator: aanvraag {ticket.reference} heeft "
                                   "de contacttermijn bereikt")
        assert "Behandelaar: anna" in texts_about(fake, taken.reference)[-1]

        clock.now = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # days later: each only once
        await asyncio.sleep(0.05)
        assert len(fake.delivered) == 5
    finally:
        stop.set()
        await asyncio.wait_for(task, WAIT_LIMIT_S)
    for message in fake.delivered:
        for word in FORBIDDEN:
            assert word not in message["text"].lower()


async def test_a_reminder_that_waited_out_an_outage_is_not_sent_once_the_ticket_moved_on(
    make_store, fake_telegram, clock: ManualClock
):
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram",))
    ticket = store.create_ticket(draft("late", urgency="normal"))
    worker = OutboxWorker(store, [TelegramNotifier(TOKEN, CHAT_ID, base_url=base_url)],
                          console_url=CONSOLE, clock=clock,
                          backoff=Backoff(rng=random.Random(3)))
    assert (await worker.run_once()).sent == 1
    fake.down = True
    clock.now = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    assert (await worker.run_once()).failed == 1  # the reminder is queued, Telegram is down
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    fake.down = False
    clock.now = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)
    result = await worker.run_once()
    await worker.aclose()
    assert (result.sent, result.skipped) == (0, 1)
    assert store.outbox_backlog() == 0 and len(fake.delivered) == 1


async def test_no_half_time_reminder_behind_a_first_notification_that_is_still_waiting(
    make_store, fake_telegram, clock: ManualClock
):
    """The double send a colleague's first version had: Telegram down past half time, then
    back; the group must hear about the ticket once, not get the late notification and a
    reminder of it in one go."""
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram",))
    ticket = store.create_ticket(draft("outage", urgency="normal"))
    worker = OutboxWorker(store, [TelegramNotifier(TOKEN, CHAT_ID, base_url=base_url)],
                          console_url=CONSOLE, clock=clock,
                          backoff=Backoff(rng=random.Random(3)))
    fake.down = True
    assert (await worker.run_once()).failed == 1
    fake.down = False
    clock.now = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)  # past half time
    assert (await worker.run_once()).sent == 1
    await worker.aclose()
    assert len(texts_about(fake, ticket.reference)) == 1
    assert [i.kind for i in store.outbox_for_ticket(ticket.id)] == ["new"]


async def test_a_crisis_ticket_tells_a_separate_coordinator_at_once_and_nobody_twice(
    make_store, clock: ManualClock
):
    """Crisis tickets go to the coordinator at once. Where the coordinator has no destination
    of their own, the group already has the ticket as urgent: no second message that would
    single the flagged ticket out."""
    store = make_store(notifiers=("telegram",))
    flagged = store.create_ticket(draft("flagged", urgency="high", safety_flag=True))
    single = SlowNotifier("telegram", clock, seconds=0)  # one destination for everything
    worker = OutboxWorker(store, [single], console_url=CONSOLE, clock=clock)
    first = await worker.run_once()
    assert (first.sent, first.skipped) == (1, 1)
    assert single.delivered == [flagged.reference]

    class TwoChats(SlowNotifier):
        def destination(self, notification) -> str:
            return "coordinator" if notification.kind in ("coordinator",
                                                          "reminder_due") else "team"

    other = store.create_ticket(draft("flagged-2", urgency="high", safety_flag=True))
    split = TwoChats("telegram", clock, seconds=0)
    result = await OutboxWorker(store, [split], console_url=CONSOLE, clock=clock).run_once()
    assert (result.sent, result.skipped) == (2, 0)
    assert split.delivered == [other.reference, other.reference]
