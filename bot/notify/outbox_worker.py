"""Outbox worker: delivers consultant notifications written by TicketStore.create_ticket,
and the notices to an assignee that the person changed or withdrew their request.

Ticket creation only writes outbox rows (same transaction as the ticket), so a notifier that
is down never blocks or fails a handover. The worker sends due rows, marks them sent, and on
failure schedules a retry with exponential back-off and jitter (30 s doubling up to 1 h).

Each batch is leased (TicketStore.due_notifications), so a second worker leaves it alone
until the lease ends. The sends of a batch run one after another, so a batch of slow sends
can outlast its lease; the worker therefore starts a send only while the lease still has
room for it, and leaves the rest for a later run (whichever worker claims them then).

Service levels (issue 15): every run first lets the store queue the notices that came due
on the worker's clock (TicketStore.enqueue_service_notices: the team's reminder at half
time while unclaimed, the coordinator's at the deadline, a crisis ticket's to the
coordinator at once), then sends them like any row. A notice that is no longer needed when
its turn comes (see _needless) is marked sent without a message.

    worker = OutboxWorker(store, configured_notifiers(os.environ), console_url=...)
    await worker.run_once()                 # one batch; never raises on a notifier failure
    await worker.run_forever(stop_event)    # until stop_event is set; closes the notifiers
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.notify.base import Notifier
from bot.notify.message import NOTICE_TEXTS, SERVICE_TEXTS, Notification, redact
from bot.tickets.models import Ticket, one_line
from bot.tickets.store import TicketStore

logger = logging.getLogger(__name__)


@dataclass
class Backoff:
    """Delay before retry n (1-based): base * 2^(n-1), at most cap, with 'equal jitter'
    (between half and all of it) so that many failed rows do not retry in lockstep."""

    base_seconds: float = 30.0
    cap_seconds: float = 3600.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> timedelta:
        raw = min(self.cap_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        return timedelta(seconds=raw / 2 + self.rng.uniform(0, raw / 2))  # noqa: S311 (timing)


@dataclass(frozen=True)
class RunResult:
    sent: int = 0
    failed: int = 0
    left: int = 0  # claimed but not tried: the lease had no room left for another send
    skipped: int = 0  # service notices no longer needed (see OutboxWorker._needless)


def describe_error(exc: BaseException, secrets: Iterable[str] = ()) -> str:
    """Short error text for the outbox: class and message, secrets and contact-like strings
    removed (an SMTP or HTTP error can echo addresses or the bot token)."""
    text = f"{type(exc).__name__}: {exc}"
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[geheim]")
    return one_line(redact(text), 300) or type(exc).__name__


def _retry_after(exc: BaseException) -> timedelta:
    """Telegram's 429 says how long to wait (RetryAfter.retry_after: seconds or timedelta)."""
    value = getattr(exc, "retry_after", None)
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float):
        return timedelta(seconds=value)
    return timedelta(0)


def _due_text(due: datetime | None) -> str | None:
    if due is None:
        return None
    local = due.astimezone(ZoneInfo("Europe/Amsterdam"))
    return f"{local:%d-%m-%Y %H:%M}"


def _needless(kind: str, ticket: Ticket, notifier: Notifier,
              notification: Notification) -> str | None:
    """Why a service notice queued earlier need not go out now (None: send it).

    - The ticket moved on while the notice waited (a notifier was down): claimed before the
      team's reminder went, contacted or closed before the coordinator's.
    - A crisis notice for the coordinator whose destination is the one the team's
      notification of the ticket already went to (no separate coordinator configured): that
      group has the ticket as urgent, and a second message there would single out the
      flagged ticket, which notifications must never do."""
    if kind == "reminder_half" and ticket.status != "new":
        return "already claimed"
    if kind in ("reminder_due", "coordinator") and ticket.status in ("contacted", "closed"):
        return "already contacted"
    if kind == "expiry_warning" and ticket.status == "closed":
        return "already closed"
    if kind == "coordinator":
        destination = getattr(notifier, "destination", None)
        if destination is None or destination(notification) == destination(
                replace(notification, kind="new")):
            return "the coordinator's destination is the team's"
    return None


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class OutboxWorker:
    def __init__(
        self,
        store: TicketStore,
        notifiers: Iterable[Notifier],
        *,
        console_url: str = "http://localhost:8080",
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] = _utcnow,
        batch_size: int = 50,
        send_timeout: float = 30.0,
        lease_seconds: float = 300.0,
        poll_seconds: float = 5.0,
    ) -> None:
        self._store = store
        self._notifiers = {n.name: n for n in notifiers}
        self._console_url = console_url
        self._backoff = backoff or Backoff()
        self._clock = clock
        self._batch_size = batch_size
        self._send_timeout = send_timeout
        # The lease must outlast a send, or a slow send could be picked up twice.
        self._lease_seconds = max(lease_seconds, send_timeout * 2)
        # A send may start while the lease still has room for it and, as much again, for
        # recording the outcome (a busy database can make that write wait).
        self._last_send_start = timedelta(seconds=self._lease_seconds - send_timeout * 2)
        self._poll_seconds = poll_seconds

    async def run_once(self, now: datetime | None = None) -> RunResult:
        """Send every due notification once. Notifier errors are recorded, not raised."""
        claimed_at = self._clock()
        now = now or claimed_at
        # Service-level notices that came due become outbox rows first (issue 15).
        await asyncio.to_thread(self._store.enqueue_service_notices, now)
        items = await asyncio.to_thread(
            self._store.due_notifications, now, self._batch_size, self._lease_seconds
        )
        sent = failed = skipped = 0
        for index, item in enumerate(items):
            notifier = self._notifiers.get(item.notifier)
            if notifier is None:
                # Configuration changed since the row was written: keep it, retry rarely.
                await asyncio.to_thread(
                    self._store.mark_failed, item.id, f"notifier {item.notifier!r} is not on",
                    now + timedelta(seconds=self._backoff.cap_seconds),
                )
                failed += 1
                continue
            if item.kind != "new" and item.kind not in NOTICE_TEXTS | SERVICE_TEXTS:
                # Written by a newer version: leave it for that version, retry rarely.
                await asyncio.to_thread(
                    self._store.mark_failed, item.id, f"unknown kind {item.kind!r}",
                    now + timedelta(seconds=self._backoff.cap_seconds),
                )
                failed += 1
                continue
            if item.kind in SERVICE_TEXTS:
                ticket = await asyncio.to_thread(self._store.get_ticket, item.ticket_id)
                if ticket is None:
                    continue  # deleted meanwhile; its outbox rows went with it
                reference = ticket.reference
                notification = Notification.service(
                    item.kind, ticket, self._console_url,
                    self._store.routing.label(ticket.team), _due_text(ticket.due_at))
                reason = _needless(item.kind, ticket, notifier, notification)
                if reason:
                    await asyncio.to_thread(self._store.mark_sent, item.id, now)
                    logger.info("notification %s (%s) via %s not sent: %s", reference,
                                item.kind, item.notifier, reason)
                    skipped += 1
                    continue
            elif item.kind == "new":
                ticket = await asyncio.to_thread(self._store.get_ticket, item.ticket_id)
                if ticket is None:
                    continue  # deleted meanwhile; its outbox rows went with it
                reference = ticket.reference
                notification = Notification.from_ticket(
                    ticket, self._console_url, self._store.routing.label(ticket.team)
                )
            else:
                # A notice to the assignee: the row names all it needs (after a withdrawal
                # the ticket is gone).
                reference = item.reference or "?"
                notification = Notification.notice(
                    item.kind, reference, item.team, item.assignee, self._console_url,
                    self._store.routing.label(item.team) if item.team else None,
                )
            if self._clock() - claimed_at > self._last_send_start:
                # Another worker may take these rows over when the lease ends; sending them
                # now could send them twice. They stay leased and come back then.
                left = len(items) - index
                logger.info("outbox lease nearly over; %d notification(s) left for later", left)
                return RunResult(sent=sent, failed=failed, left=left, skipped=skipped)
            try:
                await asyncio.wait_for(notifier.send(notification), self._send_timeout)
            except Exception as exc:  # noqa: BLE001 - any notifier failure means: retry later
                failed += 1
                retry_at = now + max(self._backoff.delay(item.attempts + 1), _retry_after(exc))
                error = describe_error(exc, getattr(notifier, "secrets", ()))
                await asyncio.to_thread(self._store.mark_failed, item.id, error, retry_at)
                logger.warning("notification %s (%s) via %s failed (attempt %d): %s",
                               reference, item.kind, item.notifier, item.attempts + 1,
                               type(exc).__name__)
            else:
                sent += 1
                await asyncio.to_thread(self._store.mark_sent, item.id, now)
                logger.info("notification %s (%s) sent via %s", reference, item.kind,
                            item.notifier)
        return RunResult(sent=sent, failed=failed, skipped=skipped)

    async def run_forever(self, stop_event: asyncio.Event) -> None:
        """Poll until stop_event is set; survives database hiccups; closes the notifiers."""
        try:
            while not stop_event.is_set():
                busy = False
                try:
                    result = await self.run_once()
                    busy = result.sent + result.failed + result.skipped >= self._batch_size
                except Exception:  # noqa: BLE001 - e.g. database briefly unreachable
                    logger.exception("outbox run failed; retrying")
                if busy:
                    continue  # a full batch: there may be more due right now
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop_event.wait(), self._poll_seconds)
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        for notifier in self._notifiers.values():
            try:
                await notifier.aclose()
            except Exception:  # noqa: BLE001 - closing must not hide the real exit reason
                logger.warning("closing notifier %s failed", notifier.name)
