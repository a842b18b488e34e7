"""Durable local spool for handovers the ticket database could not take (it was down).

The action server writes the person's TicketDraft here, tells them their request is saved and
a background flusher (bot/tickets/spool_flusher.py) hands the drafts to
`TicketStore.create_ticket` once the database is back. Creation is idempotent on
`draft.idempotency_key`, so a draft that reached the database just before a crash is not
stored twice.

One SQLite file per action-server host: `HANDOVER_SPOOL_PATH`, default var/handover_spool.db.
It holds contact details, so it is created with mode 0600 (SQLite gives its journal the same
mode) and only exists once something had to be spooled. Log lines carry counts and error class
names only.

    spool = HandoverSpool.from_env()
    spooled = spool.put(draft)        # the draft now in the spool (an earlier one, same key)
    spool.pending_count()
    spool.drain(store)                # -> tickets created; stops at the first outage
    spool.expire()                    # -> drafts dropped (limits below; drain calls it)
    spool.delete_for_sender(key)      # erasure ("verwijder mijn gegevens")

Limits (issue 13, finding 5): a draft that keeps failing for another reason than an outage
is dropped HANDOVER_SPOOL_FAILED_DAYS (7) after it was spooled, and no draft stays longer
than TICKETS_RETENTION_DAYS (90), the consent text's promise, however long an outage lasts.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.settings import VAR_DIR
from bot.tickets.models import Contact, Ticket, TicketDraft
from bot.tickets.retention import retention_days, spool_failed_days
from bot.tickets.store import SenderErased, TicketStore, is_unavailable

logger = logging.getLogger(__name__)

SPOOL_PATH_ENV = "HANDOVER_SPOOL_PATH"
DEFAULT_SPOOL_PATH = VAR_DIR / "handover_spool.db"
BUSY_TIMEOUT_S = 30.0
ERROR_MAX = 100

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spooled_drafts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    sender_key TEXT,
    draft TEXT NOT NULL,
    spooled_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS spooled_drafts_sender ON spooled_drafts (sender_key);
"""


def draft_to_json(draft: TicketDraft) -> str:
    data = dataclasses.asdict(draft)
    data["consent_given_at"] = draft.consent_given_at.isoformat()
    data["deadline"] = draft.deadline.isoformat() if draft.deadline else None
    return json.dumps(data, sort_keys=True)


def draft_from_json(text: str) -> TicketDraft:
    data = json.loads(text)
    # Fields a later version dropped are ignored; TicketDraft validates the rest again.
    known = {f.name for f in dataclasses.fields(TicketDraft)}
    data = {name: value for name, value in data.items() if name in known}
    data["contact"] = Contact(**data.get("contact") or {})
    data["consent_given_at"] = datetime.fromisoformat(data["consent_given_at"])
    return TicketDraft(**data)


class HandoverSpool:
    def __init__(self, path: Path | str, max_days: int = 90, failed_days: int = 7) -> None:
        self.path = Path(path)
        self.max_days = max_days
        self.failed_days = failed_days

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> HandoverSpool:
        env = os.environ if env is None else env
        configured = env.get(SPOOL_PATH_ENV, "").strip()
        return cls(Path(configured) if configured else DEFAULT_SPOOL_PATH,
                   max_days=retention_days(env), failed_days=spool_failed_days(env))

    # -- file ------------------------------------------------------------------------------

    def _open_private_file(self) -> None:
        """Create the file with mode 0600, or bring an existing one back to 0600 (copied or
        restored with a wider mode): it holds contact details."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)

    @contextmanager
    def _connect(self, create: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection in autocommit mode (transactions are explicit), or None when the spool
        file does not exist and `create` is false (nothing was ever spooled)."""
        if not create and not self.path.exists():
            yield None
            return
        self._open_private_file()
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.executescript(_SCHEMA)
            yield conn
        finally:
            conn.close()

    # -- interface -------------------------------------------------------------------------

    def put(self, draft: TicketDraft) -> TicketDraft:
        """Store the draft durably; returns the draft the spool holds for its idempotency key
        (an earlier one when the same handover was spooled before, with its reference)."""
        with self._connect(create=True) as conn:
            assert conn is not None
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT OR IGNORE INTO spooled_drafts"
                    " (idempotency_key, sender_key, draft, spooled_at) VALUES (?, ?, ?, ?)",
                    (draft.idempotency_key, draft.sender_key, draft_to_json(draft),
                     datetime.now(UTC).isoformat()),
                )
                (stored,) = conn.execute(
                    "SELECT draft FROM spooled_drafts WHERE idempotency_key = ?",
                    (draft.idempotency_key,),
                ).fetchone()
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return draft_from_json(stored)

    def pending_count(self) -> int:
        with self._connect(create=False) as conn:
            if conn is None:
                return 0
            return int(conn.execute("SELECT count(*) FROM spooled_drafts").fetchone()[0])

    def expire(self, now: datetime | None = None) -> int:
        """Drop drafts past the limits (module docstring); returns how many."""
        with self._connect(create=False) as conn:
            if conn is None:
                return 0
            return self._expire(conn, now)

    def _expire(self, conn: sqlite3.Connection, now: datetime | None) -> int:
        moment = now or datetime.now(UTC)
        oldest = (moment - timedelta(days=self.max_days)).isoformat()
        oldest_failed = (moment - timedelta(days=self.failed_days)).isoformat()
        dropped = conn.execute(
            "DELETE FROM spooled_drafts WHERE spooled_at < ?"
            " OR (attempts > 0 AND spooled_at < ?)", (oldest, oldest_failed)).rowcount
        if dropped:
            logger.error("Handover spool: %d request(s) dropped after the spool's time limit",
                         dropped)
        return dropped

    def drain(self, store: TicketStore, now: datetime | None = None) -> list[Ticket]:
        """Create a ticket for every spooled draft, oldest first, and remove each draft only
        after its ticket exists. Stops at the first database outage (the rest waits for the
        next drain). A draft that fails for another reason stays, counted, and does not block
        the others, until the limits drop it (expire, first)."""
        created: list[Ticket] = []
        with self._connect(create=False) as conn:
            if conn is None:
                return created
            self._expire(conn, now)
            keys = [row[0] for row in conn.execute(
                "SELECT idempotency_key FROM spooled_drafts ORDER BY seq")]
            for key in keys:
                outcome = self._drain_one(conn, store, key)
                if outcome is None:
                    break
                if isinstance(outcome, Ticket):
                    created.append(outcome)
        if created:
            logger.info("Handover spool: %d spooled request(s) stored as ticket", len(created))
        return created

    def _drain_one(
        self, conn: sqlite3.Connection, store: TicketStore, key: str
    ) -> Ticket | bool | None:
        """The ticket; False when the draft stays (failed) or went (erased meanwhile, here or
        on another host: SenderErased); None when the database is unavailable. The spool's
        write lock is held while the ticket is created, so an erasure of the same sender on
        this host waits and then also finds that ticket."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "SELECT draft FROM spooled_drafts WHERE idempotency_key = ?", (key,)
            ).fetchone()
            if row is None:
                conn.execute("COMMIT")
                return False
            try:
                draft = draft_from_json(row[0])
                ticket = store.create_ticket(draft)
            except SenderErased:
                # Erased meanwhile, possibly through another host: the request goes, unsent.
                logger.info("Handover spool: a request was dropped (data erased on request)")
                conn.execute("DELETE FROM spooled_drafts WHERE idempotency_key = ?", (key,))
                conn.execute("COMMIT")
                return False
            except Exception as error:  # noqa: BLE001 (one bad draft must not block the rest)
                if is_unavailable(error):
                    conn.execute("ROLLBACK")
                    return None
                logger.error("Handover spool: a spooled request failed: %s",
                             error.__class__.__name__)
                conn.execute(
                    "UPDATE spooled_drafts SET attempts = attempts + 1, last_error = ?"
                    " WHERE idempotency_key = ?", (error.__class__.__name__[:ERROR_MAX], key))
                conn.execute("COMMIT")
                return False
            if draft.reference and ticket.reference != draft.reference:
                logger.warning("Handover spool: a request got another reference than the "
                               "person was told (taken, or stored earlier)")
            conn.execute("DELETE FROM spooled_drafts WHERE idempotency_key = ?", (key,))
            conn.execute("COMMIT")
            return ticket
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def delete_for_sender(self, sender_key: str) -> int:
        """Remove every spooled draft of this sender; returns how many."""
        with self._connect(create=False) as conn:
            if conn is None:
                return 0
            return conn.execute(
                "DELETE FROM spooled_drafts WHERE sender_key = ?", (sender_key,)
            ).rowcount
