"""Delete closed tickets after a retention period.

    python -m bot.tickets.retention [--closed-days N] [--db-url URL]

N defaults to TICKETS_RETENTION_DAYS, else 90. Why 90 days: once a ticket is closed the
consultant has made contact and the follow-up lives in the consultant's own client file, not
here. Three months leaves room for the usual "the person comes back with a question" and for
handling complaints or a request to see one's data, while keeping the period short as the
GDPR asks (storage limitation). The consent text promises the same number ("hoogstens N dagen
na afloop van het contact", actions/handover.py reads it here), so open tickets that nobody
closes expire too: N days after their last change, with a neutral warning to the team
OPEN_TICKET_WARNING_DAYS (14) before (the worker, bot/launch/background_jobs.py).
Audit rows of tickets that are gone are kept AUDIT_RETENTION_DAYS (365); spooled handovers
HANDOVER_SPOOL_FAILED_DAYS (7) once they keep failing, and never longer than N days
(bot/tickets/spool.py). Conversations (the Rasa tracker store) are purged by
bot/privacy/conversations.py, not here.

Run it daily (cron or a systemd timer). Prints how many tickets were deleted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from bot.tickets.store import DB_URL_ENV, TicketStore

RETENTION_ENV = "TICKETS_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 90
# Erasure markers (schema.erased_senders) only have to outlive a handover waiting in a
# spool for the ticket database to come back: hours, in a bad case days. 30 days is ample
# and keeps a keyed hash of the erased person no longer than their conversation would be.
MARKER_ENV = "ERASURE_MARKER_DAYS"
DEFAULT_MARKER_DAYS = 30


WARNING_ENV = "OPEN_TICKET_WARNING_DAYS"
DEFAULT_WARNING_DAYS = 14
# The audit trail holds ticket id, reference, the consultant's name and what was done,
# nothing about the person: a year answers "who did what" for a complaint or an audit.
AUDIT_ENV = "AUDIT_RETENTION_DAYS"
DEFAULT_AUDIT_DAYS = 365
# A spooled handover that keeps failing for another reason than an outage (a bug, bad data)
# is dropped after this long: the log reports every failure, a week is time to fix it.
SPOOL_FAILED_ENV = "HANDOVER_SPOOL_FAILED_DAYS"
DEFAULT_SPOOL_FAILED_DAYS = 7


def _days(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    days = int(raw) if raw else default
    if days < 0:
        raise ValueError(f"{name} must be 0 or more")
    return days


def warning_days(env: Mapping[str, str]) -> int:
    return _days(env, WARNING_ENV, DEFAULT_WARNING_DAYS)


def audit_days(env: Mapping[str, str]) -> int:
    return _days(env, AUDIT_ENV, DEFAULT_AUDIT_DAYS)


def spool_failed_days(env: Mapping[str, str]) -> int:
    return _days(env, SPOOL_FAILED_ENV, DEFAULT_SPOOL_FAILED_DAYS)


def retention_days(env: Mapping[str, str]) -> int:
    raw = env.get(RETENTION_ENV, "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    days = int(raw)
    if days < 0:
        raise ValueError(f"{RETENTION_ENV} must be 0 or more")
    return days


def marker_days(env: Mapping[str, str]) -> int:
    raw = env.get(MARKER_ENV, "").strip()
    days = int(raw) if raw else DEFAULT_MARKER_DAYS
    if days < 0:
        raise ValueError(f"{MARKER_ENV} must be 0 or more")
    return days


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    parser = argparse.ArgumentParser(description="Delete closed tickets past retention.")
    parser.add_argument("--closed-days", type=int, default=None,
                        help=f"days after closing (default ${RETENTION_ENV} or "
                             f"{DEFAULT_RETENTION_DAYS})")
    parser.add_argument("--db-url", default=None, help=f"database (default ${DB_URL_ENV})")
    args = parser.parse_args(argv)
    days = args.closed_days if args.closed_days is not None else retention_days(env)
    if days < 0:
        parser.error("--closed-days must be 0 or more")
    store = TicketStore.from_url(args.db_url or env.get(DB_URL_ENV) or None)
    try:
        store.migrate()
        deleted = store.purge(days)
    finally:
        store.close()
    print(f"retention: {deleted} closed ticket(s) older than {days} day(s) deleted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
