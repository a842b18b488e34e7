"""The outbox under load and faults, on SQLite and on PostgreSQL (`db_url`).

Many handovers written at once by several processes while Telegram and the mail server are
both down, a worker crash and restart, then recovery: every ticket reaches each notifier
exactly once. And two workers at the same time never send one row twice.

Time is the test's ManualClock (the worker's back-off and lease run on it); real time is
only spent waiting for the worker to get through its work, never asserted on.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from notify_fakes import CHAT_ID, TOKEN, FakeSMTPServer, FakeTelegram, SlowNotifier
from notify_support import PERSONAL, draft
from sqlalchemy import select
from ticket_data import ManualClock

from bot.notify import (
    Backoff,
    EmailNotifier,
    Notifier,
    OutboxWorker,
    RunResult,
    TelegramNotifier,
)
from bot.tickets import Ticket, TicketStore
from bot.tickets.schema import outbox

NOTIFIERS = ("telegram", "email")
TICKETS = 200
CREATORS = 8  # threads, each with its own store: the action server's worker processes
LEASE = timedelta(seconds=300)
REFERENCE = re.compile(r"KP-[23456789A-HJ-NP-Z]{6}")
WAIT_LIMIT_S = 180.0  # only a guard against hanging; nothing is timed


def assert_no_contact_details(text: str) -> None:
    for key, value in PERSONAL.items():
        assert value not in text, f"{key} leaked"
    assert "612345678" not in text and "fatima" not in text.lower()


async def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Poll `condition` (it reads the database, so in a thread) while the worker works."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_LIMIT_S
    while not await asyncio.to_thread(condition):
        if loop.time() > deadline:
            pytest.fail(f"gave up waiting for: {what}")
        await asyncio.sleep(0.05)


def outbox_rows(store: TicketStore) -> list:
    with store.engine.connect() as conn:
        return conn.execute(select(outbox)).all()


def naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)  # as the outbox stores it (UTC)


@dataclass
class RunningWorker:
    """OutboxWorker.run_forever as a task, the way bot.launch.background_jobs runs it."""

    worker: OutboxWorker
    stop_event: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task | None = None

    def start(self) -> RunningWorker:
        self.task = asyncio.create_task(self.worker.run_forever(self.stop_event))
        return self

    async def stop(self) -> None:
        self.stop_event.set()
        await asyncio.wait_for(self.task, WAIT_LIMIT_S)

    async def crash(self) -> None:
        """Die in the middle of a batch: nothing more is recorded for the rows it holds."""
        self.task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await self.task


def new_worker(store: TicketStore, notifiers: list[Notifier], clock: ManualClock,
               **options) -> OutboxWorker:
    options.setdefault("poll_seconds", 0.01)
    return OutboxWorker(store, notifiers, clock=clock, backoff=Backoff(rng=random.Random(5)),
                        lease_seconds=LEASE.total_seconds(), **options)


def real_notifiers(telegram_url: str, smtp_port: int) -> list[Notifier]:
    """Fresh clients, as a (re)started worker process builds them."""
    return [TelegramNotifier(token=TOKEN, chat_id=CHAT_ID, base_url=telegram_url),
            EmailNotifier("127.0.0.1", smtp_port, "bot@koffiepraat.test", "team@koffiepraat.test")]


def create_concurrently(stores: list[TicketStore], keys: list[str]) -> dict[str, Ticket]:
    """Every handover is written twice, by two different processes (an action retried
    elsewhere); both must get the same ticket."""
    results: dict[str, list[Ticket]] = {key: [] for key in keys}
    lock = threading.Lock()

    def create(worker: int) -> None:
        store = stores[worker]
        mine = keys[worker::CREATORS] + keys[(worker + 1) % CREATORS::CREATORS]
        for key in mine:
            ticket = store.create_ticket(draft(key))
            with lock:
                results[key].append(ticket)

    with ThreadPoolExecutor(CREATORS) as pool:
        for done in [pool.submit(create, n) for n in range(CREATORS)]:
            done.result()
    for key, tickets in results.items():
        assert len(tickets) == 2 and tickets[0].id == tickets[1].id, key
    return {key: tickets[0] for key, tickets in results.items()}


def telegram_references(fake: FakeTelegram) -> Counter:
    return Counter(REFERENCE.search(m["text"]).group() for m in fake.delivered)


def mail_references(server: FakeSMTPServer) -> Counter:
    subjects = (message_from_bytes(e.content, policy=default_policy)["Subject"]
                for e in server.handler.messages)
    return Counter(REFERENCE.search(subject).group() for subject in subjects)


async def test_both_notifiers_down_under_load_then_a_crash_then_back_every_ticket_once(
    db_url, open_store, fake_telegram, smtp_server, caplog
):
    caplog.set_level(logging.INFO)
    fake, telegram_url = fake_telegram
    clock = ManualClock()
    fake.down = True  # Telegram answers 502
    await smtp_server.stop()  # the mail server refuses connections
    stores = [open_store(db_url, notifiers=NOTIFIERS, clock=clock) for _ in range(CREATORS)]
    first = RunningWorker(new_worker(open_store(db_url, notifiers=NOTIFIERS, clock=clock),
                                     real_notifiers(telegram_url, smtp_server.port),
                                     clock)).start()
    probe = stores[0]

    # Load while both are down, the worker running: handovers are never held up.
    keys = [f"load-{n:03d}" for n in range(TICKETS)]
    tickets = await asyncio.to_thread(create_concurrently, stores, keys)
    assert len({t.id for t in tickets.values()}) == TICKETS
    assert probe.outbox_backlog() == TICKETS * len(NOTIFIERS)  # one row per notifier
    await wait_until(lambda: min(r.attempts for r in outbox_rows(probe)) >= 1,
                     "a first attempt for every row")
    clock.advance(hours=1)  # past the first back-off
    await wait_until(lambda: min(r.attempts for r in outbox_rows(probe)) >= 2,
                     "a retry for every row")

    # The worker dies in the middle of a batch (stuck on a Telegram send).
    fake.gate = asyncio.Event()
    clock.advance(hours=1)
    await asyncio.wait_for(fake.waiting.wait(), WAIT_LIMIT_S)
    await first.crash()
    fake.gate.set()  # the stuck request is answered (502) to nobody
    fake.gate = None
    lease_end = naive(clock.now + LEASE)
    leased = {r.id for r in outbox_rows(probe) if r.next_attempt_at == lease_end}
    assert leased, "the crashed worker held rows"

    # A new worker (a restarted process) while both are still down.
    second = RunningWorker(new_worker(open_store(db_url, notifiers=NOTIFIERS, clock=clock),
                                      real_notifiers(telegram_url, smtp_server.port),
                                      clock)).start()
    await wait_until(lambda: all(r.attempts >= 3 for r in outbox_rows(probe)
                                 if r.id not in leased), "the new worker's first pass")
    held = [r for r in outbox_rows(probe) if r.id in leased]
    assert all(r.attempts == 2 and r.sent_at is None for r in held), "taken before the lease"
    clock.advance(minutes=10)  # the crashed worker's lease is over
    await wait_until(lambda: min(r.attempts for r in outbox_rows(probe)) >= 3,
                     "the held rows tried again")
    assert probe.outbox_backlog() == TICKETS * len(NOTIFIERS)
    assert fake.delivered == [] and smtp_server.handler.messages == []

    # Both come back: the backlog drains.
    fake.down = False
    await smtp_server.start()  # same port
    clock.advance(hours=2)
    await wait_until(lambda: probe.outbox_backlog() == 0, "the backlog to drain")
    await second.stop()

    everyone = Counter(t.reference for t in tickets.values())
    assert telegram_references(fake) == everyone  # each ticket once: no loss, no duplicate
    assert mail_references(smtp_server) == everyone
    rows = outbox_rows(probe)
    assert len(rows) == TICKETS * len(NOTIFIERS)
    assert all(r.sent_at is not None and r.attempts >= 4 for r in rows)  # 3+ failed, 1 sent

    # Nothing is left for a later run either.
    clock.advance(hours=2)
    late = new_worker(probe, real_notifiers(telegram_url, smtp_server.port), clock)
    assert await late.run_once() == RunResult(sent=0, failed=0)
    await late.aclose()
    assert sum(telegram_references(fake).values()) == TICKETS

    for message in fake.delivered:
        assert_no_contact_details(message["text"])
    for envelope in smtp_server.handler.messages:
        assert_no_contact_details(envelope.content.decode("utf-8", "replace"))
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    assert_no_contact_details(ours)
    assert TOKEN not in ours


async def test_two_workers_at_the_same_time_send_each_notification_once(
    db_url, open_store, fake_telegram, smtp_server
):
    fake, telegram_url = fake_telegram
    clock = ManualClock()
    stores = [open_store(db_url, notifiers=NOTIFIERS, clock=clock) for _ in range(CREATORS)]
    tickets = await asyncio.to_thread(create_concurrently, stores,
                                      [f"pair-{n:03d}" for n in range(TICKETS)])

    # Two processes, each with its own connections and clients; small batches, so that
    # their claims interleave many times.
    workers = [
        RunningWorker(new_worker(open_store(db_url, notifiers=NOTIFIERS, clock=clock),
                                 real_notifiers(telegram_url, smtp_server.port), clock,
                                 batch_size=7)).start()
        for _ in range(2)
    ]
    await wait_until(lambda: stores[0].outbox_backlog() == 0, "the backlog to drain")
    for running in workers:
        await running.stop()

    everyone = Counter(t.reference for t in tickets.values())
    assert telegram_references(fake) == everyone
    assert mail_references(smtp_server) == everyone
    assert fake.send_attempts == TICKETS  # no second attempt for any row, either
    assert smtp_server.handler.attempts == TICKETS


async def test_a_worker_sends_nothing_once_its_lease_could_run_out(db_url, open_store):
    """Slow sends: a batch takes longer than the lease on its rows. Another worker may take
    over rows whose lease ran out, so the first must not send them any more."""
    clock = ManualClock()
    store = open_store(db_url, notifiers=("telegram",), clock=clock)
    tickets = [store.create_ticket(draft(f"slow-{n}")) for n in range(12)]
    claimed_at = clock.now
    other_ran = False

    async def second_worker_once_the_lease_is_over() -> None:
        nonlocal other_ran
        if not other_ran and clock.now - claimed_at >= LEASE:
            other_ran = True
            await other.run_once()

    channel = SlowNotifier("telegram", clock, seconds=25,
                           during_send=second_worker_once_the_lease_is_over)
    first = new_worker(store, [channel], clock, send_timeout=30)
    other = new_worker(open_store(db_url, notifiers=("telegram",), clock=clock), [channel],
                       clock, send_timeout=30)

    result = await first.run_once()
    assert 0 < result.sent < len(tickets)  # it stopped early...
    assert result.left == len(tickets) - result.sent == store.outbox_backlog()  # ...held
    clock.advance(seconds=LEASE.total_seconds())
    await other.run_once()

    assert Counter(channel.delivered) == Counter(t.reference for t in tickets)
    assert store.outbox_backlog() == 0
