"""Background jobs of ``make run``: the notification outbox, erasure requests,
contact details out of conversations whose ticket holds them, and retention (closed
tickets, open tickets nobody closes, idle conversations, the audit trail).

Each job runs on its own interval and survives failures of the others; nothing
personal is logged.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Mapping

import sqlalchemy as sa

from bot.notify.notify_settings import configured_notifiers, console_url
from bot.notify.outbox_worker import OutboxWorker
from bot.privacy import conversations
from bot.settings import Settings, with_postgres_timeouts
from bot.tickets.retention import audit_days, marker_days, warning_days
from bot.tickets.retention import retention_days as ticket_retention_days
from bot.tickets.schema import ticket_audit, tickets
from bot.tickets.store import TicketStore

logger = logging.getLogger("koffiepraat.worker")

ERASURE_INTERVAL_S = 15.0
RETENTION_INTERVAL_S = 24 * 3600.0


def stored_references(engine: sa.engine.Engine, references: set[str]) -> set[str]:
    """The references that reached the tickets database: the ticket exists, or its audit
    trail says it was created (it may be withdrawn or deleted since)."""
    wanted = sorted(references)[:500]
    with engine.connect() as conn:
        found = set(conn.execute(sa.select(tickets.c.reference)
                                 .where(tickets.c.reference.in_(wanted))).scalars())
        found |= set(conn.execute(sa.select(ticket_audit.c.reference).where(sa.and_(
            ticket_audit.c.action == "created", ticket_audit.c.reference.in_(wanted)))
        ).scalars())
    return found


def run_privacy_jobs(settings: Settings, env: Mapping[str, str], store: TicketStore,
                     retention: bool) -> dict[str, int]:
    """One pass: erasure requests and contact details out of conversations always,
    retention when ``retention`` is True."""
    requests_engine = sa.create_engine(with_postgres_timeouts(settings.tickets_db_url),
                                       future=True)
    tracker_engine = sa.create_engine(with_postgres_timeouts(settings.tracker_store_url),
                                      future=True)
    try:
        done = {"erased": conversations.process_erasure_requests(requests_engine, tracker_engine)}
        done["contact_details_scrubbed"] = conversations.scrub_contact_details(
            tracker_engine, lambda refs: stored_references(store.engine, refs))
        if retention:
            days = ticket_retention_days(env)
            done["tickets_purged"] = store.purge(days)
            warned, expired = store.expire_open_tickets(days, warning_days(env))
            done["open_tickets_warned"], done["open_tickets_purged"] = warned, expired
            done["audit_rows_purged"] = store.purge_audit(audit_days(env))
            done["erasure_markers_purged"] = store.purge_erasure_markers(marker_days(env))
            done["conversations_purged"] = conversations.purge_idle_conversations(
                tracker_engine, conversations.retention_days(env))
        return done
    finally:
        requests_engine.dispose()
        tracker_engine.dispose()


async def _privacy_loop(settings: Settings, store: TicketStore, stop: asyncio.Event) -> None:
    elapsed_since_retention = RETENTION_INTERVAL_S  # run retention once at start
    while not stop.is_set():
        retention = elapsed_since_retention >= RETENTION_INTERVAL_S
        try:
            done = await asyncio.to_thread(run_privacy_jobs, settings, os.environ, store, retention)
            if any(done.values()):
                logger.info("privacy jobs: %s", done)
            if retention:
                elapsed_since_retention = 0.0
        except Exception as error:  # noqa: BLE001 (retry on the next pass)
            logger.warning("privacy jobs failed: %s", error.__class__.__name__)
        try:
            await asyncio.wait_for(stop.wait(), ERASURE_INTERVAL_S)
        except TimeoutError:
            elapsed_since_retention += ERASURE_INTERVAL_S


async def main_async() -> int:
    settings = Settings.from_env()
    notifiers = configured_notifiers(os.environ)
    store = TicketStore.from_env(os.environ, notifiers=[n.name for n in notifiers])
    await asyncio.to_thread(store.migrate)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    jobs = [_privacy_loop(settings, store, stop)]
    if notifiers:
        outbox = OutboxWorker(store, notifiers, console_url=console_url(os.environ))
        jobs.append(outbox.run_forever(stop))
    else:
        logger.info("no consultant notifier configured; tickets wait in the console")
    try:
        await asyncio.gather(*jobs)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    sys.exit(asyncio.run(main_async()))
