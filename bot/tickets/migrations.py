"""A small versioned migration runner (no alembic).

`schema_version` holds one row per applied migration. `migrate(engine)` applies the missing
ones, in order, inside ONE transaction, so a failing step leaves the database as it was.
Running it again is a no-op. Two processes starting at once are serialised: PostgreSQL by an
advisory transaction lock, SQLite by the store's `BEGIN IMMEDIATE` (see store.py).

Adding a migration: append `Migration(next_number, "what it does", function)` to MIGRATIONS,
never edit an applied one, and update schema.py to the new end state. Each step defines the
tables it creates itself (frozen), so a fresh database goes through the same history as an
old one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.engine import Connection, Engine

from bot.tickets.schema import schema_version

# Arbitrary constant identifying "koffiepraat ticket migrations" among advisory locks.
_PG_LOCK_ID = 0x4B50_7469


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_tables(conn: Connection) -> None:
    md = MetaData()
    Table(
        "tickets",
        md,
        Column("id", String(36), primary_key=True),
        Column("reference", String(16), nullable=False, unique=True),
        Column("idempotency_key", String(200), nullable=False, unique=True),
        Column("sender_key", String(64), nullable=True, index=True),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
        Column("channel", String(16), nullable=False),
        Column("primary_topic", String(64), nullable=False),
        Column("topics", Text, nullable=False),
        Column("urgency", String(8), nullable=False),
        Column("urgency_reason", Text, nullable=True),
        Column("deadline", Date, nullable=True),
        Column("summary", Text, nullable=True),
        Column("contact_name", Text, nullable=True),
        Column("contact_preferred_channel", String(16), nullable=True),
        Column("contact_phone", Text, nullable=True),
        Column("contact_email", Text, nullable=True),
        Column("contact_preferred_time", Text, nullable=True),
        Column("region", Text, nullable=True),
        Column("sector", Text, nullable=True),
        Column("contract_type", Text, nullable=True),
        Column("consent_given_at", DateTime, nullable=False),
        Column("consent_text_version", String(32), nullable=False),
        Column("status", String(16), nullable=False),
        Column("assignee", Text, nullable=True),
        Column("team", String(64), nullable=False),
        Column("closed_at", DateTime, nullable=True),
    )
    Table(
        "ticket_notes",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
        Column("author", Text, nullable=False),
        Column("text", Text, nullable=False),
        Column("created_at", DateTime, nullable=False),
    )
    Table(
        "ticket_audit",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("ticket_id", String(36), nullable=False, index=True),
        Column("reference", String(16), nullable=False),
        Column("actor", Text, nullable=False),
        Column("action", String(32), nullable=False),
        Column("detail", Text, nullable=False),
        Column("at", DateTime, nullable=False),
    )
    Table(
        "outbox",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
        Column("notifier", String(32), nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("next_attempt_at", DateTime, nullable=False),
        Column("last_error", Text, nullable=True),
        Column("sent_at", DateTime, nullable=True),
        Column("created_at", DateTime, nullable=False),
        UniqueConstraint("ticket_id", "notifier", name="uq_outbox_ticket_notifier"),
    )
    md.create_all(conn)


def _v2_listing_indexes(conn: Connection) -> None:
    # The console lists by status, newest first; the worker polls unsent rows by due time;
    # retention looks for old closed tickets.
    md = MetaData()
    tickets = Table("tickets", md, autoload_with=conn)
    outbox = Table("outbox", md, autoload_with=conn)
    Index("ix_tickets_status_created", tickets.c.status, tickets.c.created_at).create(conn)
    Index("ix_tickets_status_closed", tickets.c.status, tickets.c.closed_at).create(conn)
    Index("ix_outbox_due", outbox.c.sent_at, outbox.c.next_attempt_at).create(conn)


def _v3_erasure_markers(conn: Connection) -> None:
    # An erasure handled on one action-server host must also stop a handover still waiting
    # in another host's local spool (bot/tickets/spool.py): one marker per erased sender key,
    # checked when a ticket is created (TicketStore._insert_ticket).
    md = MetaData()
    Table(
        "erased_senders",
        md,
        Column("sender_key", String(64), primary_key=True),
        Column("erased_at", DateTime, nullable=False, index=True),
    )
    md.create_all(conn)


def _v4_safety_flag(conn: Connection) -> None:
    # The person made a crisis statement in the conversation: the console shows it at the
    # top of the ticket. Existing tickets read as "no" (the default).
    default = "FALSE" if conn.dialect.name == "postgresql" else "0"
    conn.exec_driver_sql(
        f"ALTER TABLE tickets ADD COLUMN safety_flag BOOLEAN NOT NULL DEFAULT {default}")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tickets, notes, audit and outbox tables", _v1_tables),
    Migration(2, "indexes for listing, polling and retention", _v2_listing_indexes),
    Migration(3, "erasure markers for spooled handovers", _v3_erasure_markers),
    Migration(4, "safety flag on tickets", _v4_safety_flag),
)


def applied_versions(conn: Connection) -> set[int]:
    return set(conn.execute(select(schema_version.c.version)).scalars())


def migrate(engine: Engine, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply missing migrations in one transaction; return the versions applied now."""
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)):
        raise ValueError("migration versions must be unique and ascending")
    applied_now: list[int] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_ID})")
        schema_version.create(conn, checkfirst=True)
        done = applied_versions(conn)
        for migration in migrations:
            if migration.version in done:
                continue
            migration.apply(conn)
            conn.execute(
                schema_version.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=datetime.now(timezone.utc).replace(tzinfo=None),
                )
            )
            applied_now.append(migration.version)
    return applied_now
