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
    Boolean,
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
    false,
    inspect,
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


def _v5_outbox_notices(conn: Connection) -> None:
    # The outbox also carries notices to the assignee: "KP-... gewijzigd door de persoon"
    # (several per ticket) and "... ingetrokken door de persoon" (the ticket is deleted by
    # then). So: a `kind` per row; the one-row-per-notifier rule holds for kind "new" only;
    # no foreign key (like the audit, a withdrawal notice outlives its ticket); the notice
    # carries the reference, team and assignee it needs. `priority` 0 sends urgent tickets'
    # notifications first when a backlog has built up.
    if conn.dialect.name == "postgresql":
        for fk in inspect(conn).get_foreign_keys("outbox"):
            conn.exec_driver_sql(f'ALTER TABLE outbox DROP CONSTRAINT "{fk["name"]}"')
        conn.exec_driver_sql("ALTER TABLE outbox DROP CONSTRAINT uq_outbox_ticket_notifier")
        conn.exec_driver_sql(
            "ALTER TABLE outbox ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'new',"
            " ADD COLUMN priority INTEGER NOT NULL DEFAULT 1,"
            " ADD COLUMN reference VARCHAR(16), ADD COLUMN team VARCHAR(64),"
            " ADD COLUMN assignee TEXT")
        conn.exec_driver_sql(
            "UPDATE outbox SET priority = 0 FROM tickets"
            " WHERE tickets.id = outbox.ticket_id AND tickets.urgency = 'high'")
        conn.exec_driver_sql("DROP INDEX ix_outbox_due")
    else:
        # SQLite cannot drop a constraint: build the new table, copy, swap (the procedure
        # of SQLite's ALTER TABLE documentation), inside the migration's transaction.
        md = MetaData()
        Table(
            "outbox_v5",
            md,
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("ticket_id", String(36), nullable=False),
            Column("notifier", String(32), nullable=False),
            Column("attempts", Integer, nullable=False),
            Column("next_attempt_at", DateTime, nullable=False),
            Column("last_error", Text, nullable=True),
            Column("sent_at", DateTime, nullable=True),
            Column("created_at", DateTime, nullable=False),
            Column("kind", String(16), nullable=False, server_default="new"),
            Column("priority", Integer, nullable=False, server_default="1"),
            Column("reference", String(16), nullable=True),
            Column("team", String(64), nullable=True),
            Column("assignee", Text, nullable=True),
        ).create(conn)
        conn.exec_driver_sql(
            "INSERT INTO outbox_v5 (id, ticket_id, notifier, attempts, next_attempt_at,"
            " last_error, sent_at, created_at, kind, priority)"
            " SELECT o.id, o.ticket_id, o.notifier, o.attempts, o.next_attempt_at,"
            " o.last_error, o.sent_at, o.created_at, 'new',"
            " CASE WHEN t.urgency = 'high' THEN 0 ELSE 1 END"
            " FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id")
        conn.exec_driver_sql("DROP TABLE outbox")  # with its indexes
        conn.exec_driver_sql("ALTER TABLE outbox_v5 RENAME TO outbox")
        conn.exec_driver_sql("CREATE INDEX ix_outbox_ticket_id ON outbox (ticket_id)")
    conn.exec_driver_sql(
        "CREATE INDEX ix_outbox_due ON outbox (sent_at, priority, next_attempt_at)")
    conn.exec_driver_sql(
        "CREATE UNIQUE INDEX uq_outbox_new_ticket_notifier ON outbox (ticket_id, notifier)"
        " WHERE kind = 'new'")


def _v6_live_chat(conn: Connection) -> None:
    # Issue 12: a consultant answers the member in the same chat. `tickets.live`: a
    # consultant holds the conversation (the bot is silent). `live_routes`: the way back to
    # the conversation (channel + the sender reference encrypted with LIVE_CHAT_KEY, never
    # plain), one per ticket whose person chose "hier in de chat". `live_messages`: what
    # member, consultant, bot and system said in the live chat; consultant and system rows
    # are also the delivery queue. Both go with their ticket (erasure, retention).
    default = "FALSE" if conn.dialect.name == "postgresql" else "0"
    conn.exec_driver_sql(
        f"ALTER TABLE tickets ADD COLUMN live BOOLEAN NOT NULL DEFAULT {default}")
    md = MetaData()
    Table("tickets", md, autoload_with=conn)
    Table(
        "live_routes",
        md,
        Column("ticket_id", String(36), ForeignKey("tickets.id"), primary_key=True),
        Column("channel", String(16), nullable=False),
        Column("recipient", Text, nullable=False),
        Column("assignee", Text, nullable=True),
        Column("started_at", DateTime, nullable=True),
        Column("last_activity_at", DateTime, nullable=True),
        Column("last_member_at", DateTime, nullable=False),
        Column("crisis_at", DateTime, nullable=True),
        Column("viewer_seen_at", DateTime, nullable=True),
        Column("template_at", DateTime, nullable=True),
    )
    Table(
        "live_messages",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
        Column("sender", String(16), nullable=False),
        Column("author", Text, nullable=True),
        Column("text", Text, nullable=False),
        Column("at", DateTime, nullable=False),
        Column("crisis", Boolean, nullable=False, server_default=false()),
        Column("deliver", Boolean, nullable=False, server_default=false()),
        Column("delivered_at", DateTime, nullable=True),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("next_attempt_at", DateTime, nullable=True),
        Column("last_error", Text, nullable=True),
    )
    md.create_all(conn, tables=[md.tables["live_routes"], md.tables["live_messages"]])
    conn.exec_driver_sql(
        "CREATE INDEX ix_live_messages_due ON live_messages (deliver, delivered_at,"
        " next_attempt_at)")


def _v7_service_levels(conn: Connection) -> None:
    # Issue 15: `due_at` (first contact due, in working time), `remind_at` (half that time:
    # the team's reminder), `first_contact_at` (first move to "contacted", for the service
    # picture), `outcome` (recorded at closing) and when the service-level notices went into
    # the outbox: `reminded_at` (team, half time), `escalated_at` (coordinator, deadline),
    # `coordinator_at` (a crisis ticket, at once). Open tickets get due_at and remind_at
    # from the service levels in force now; their notices count as done (no burst of
    # reminders for old tickets on upgrade).
    timestamp = "TIMESTAMP" if conn.dialect.name == "postgresql" else "DATETIME"
    for ddl in (f"due_at {timestamp}", f"remind_at {timestamp}",
                f"first_contact_at {timestamp}", "outcome VARCHAR(32)",
                f"reminded_at {timestamp}", f"escalated_at {timestamp}",
                f"coordinator_at {timestamp}"):
        conn.exec_driver_sql(f"ALTER TABLE tickets ADD COLUMN {ddl}")
    conn.exec_driver_sql("CREATE INDEX ix_tickets_status_due ON tickets (status, due_at)")
    from bot.handover.working_time import default_service_levels

    levels = default_service_levels()
    md = MetaData()
    tickets = Table("tickets", md, autoload_with=conn)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    conn.execute(tickets.update().values(reminded_at=now, escalated_at=now, coordinator_at=now))
    rows = conn.execute(select(tickets.c.id, tickets.c.created_at, tickets.c.urgency,
                               tickets.c.team).where(tickets.c.status != "closed")).all()
    for row in rows:
        due = levels.due_at(row.created_at, row.urgency, row.team)
        remind = levels.half_time(row.created_at, due, row.team)
        conn.execute(tickets.update().where(tickets.c.id == row.id).values(
            due_at=due.replace(tzinfo=None), remind_at=remind.replace(tzinfo=None)))


def _v8_keyed_idempotency_keys(conn: Connection) -> None:
    # Issue 13, finding 6: handover keys were the unkeyed SHA-256 of channel, conversation id
    # and consent time, so the phone number could be recovered from a copy of the database.
    # Rewrite them in their keyed form (bot/tickets/idempotency.py), which is what a retried
    # handover now looks up. The secret is only needed when there is something to rewrite.
    from bot.privacy.sender_key import load_secret
    from bot.tickets.idempotency import is_unkeyed, keyed

    md = MetaData()
    tickets = Table("tickets", md, autoload_with=conn)
    rows = [row for row in conn.execute(select(tickets.c.id, tickets.c.idempotency_key))
            if is_unkeyed(row.idempotency_key)]
    if not rows:
        return
    secret = load_secret()
    for row in rows:
        conn.execute(tickets.update().where(tickets.c.id == row.id).values(
            idempotency_key=keyed(row.idempotency_key, secret)))


def _v9_consent_choices(conn: Connection) -> None:
    # Issues 12 and 15: two choices the person makes before the summary (consent text
    # version 2026-12-03.2 and later): the consultant may read the earlier bot chat
    # (`share_history`), we may ask once later whether it helped (`follow_up`). No answer is
    # no: existing tickets read as "no" (the default).
    default = "FALSE" if conn.dialect.name == "postgresql" else "0"
    for column in ("share_history", "follow_up"):
        conn.exec_driver_sql(
            f"ALTER TABLE tickets ADD COLUMN {column} BOOLEAN NOT NULL DEFAULT {default}")


def _v10_follow_ups(conn: Connection) -> None:
    # Issue 15, item 4: the follow-up with a member who said yes to it. `follow_ups`: one
    # row per such ticket, with its own way back (channel + conversation id encrypted with
    # LIVE_CHAT_KEY), when the contact check is due (a working day after due_at), when each
    # question went out, the contact answer, and which answer is awaited (`pending`). Goes
    # with its ticket (erasure, retention). `satisfaction_weeks`: the six-week answers as
    # counts per week and team only (no ticket, no person), for the coordinators' page.
    md = MetaData()
    Table("tickets", md, autoload_with=conn)
    Table(
        "follow_ups",
        md,
        Column("ticket_id", String(36), ForeignKey("tickets.id"), primary_key=True),
        Column("channel", String(16), nullable=False),
        Column("recipient", Text, nullable=False),
        Column("contact_due_at", DateTime, nullable=False),
        Column("contact_asked_at", DateTime, nullable=True),
        Column("contact_answer", String(8), nullable=True),
        Column("closed_asked_at", DateTime, nullable=True),
        Column("pending", String(16), nullable=True),
    )
    Table(
        "satisfaction_weeks",
        md,
        Column("week", Date, primary_key=True),
        Column("team", String(64), primary_key=True),
        Column("responses", Integer, nullable=False),
        Column("score_total", Integer, nullable=False),
        Column("recommend_yes", Integer, nullable=False),
        Column("recommend_answers", Integer, nullable=False),
    )
    md.create_all(conn, tables=[md.tables["follow_ups"], md.tables["satisfaction_weeks"]])


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tickets, notes, audit and outbox tables", _v1_tables),
    Migration(2, "indexes for listing, polling and retention", _v2_listing_indexes),
    Migration(3, "erasure markers for spooled handovers", _v3_erasure_markers),
    Migration(4, "safety flag on tickets", _v4_safety_flag),
    Migration(5, "outbox notices to the assignee, urgent first", _v5_outbox_notices),
    Migration(6, "live chat: live flag, encrypted way back, live messages", _v6_live_chat),
    Migration(7, "service levels: due_at, first contact and outcome", _v7_service_levels),
    Migration(8, "handover idempotency keys keyed with the sender-key secret",
              _v8_keyed_idempotency_keys),
    Migration(9, "consent choices: share earlier chat, follow-up", _v9_consent_choices),
    Migration(10, "follow-ups with the member; satisfaction per week and team",
              _v10_follow_ups),
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
