"""Table objects for queries: the schema as it is after the LAST migration.

The migrations (bot/tickets/migrations.py) keep their own frozen table definitions, so that an
old step keeps creating what it created back then. A test compares a migrated database with
these tables, so the two cannot drift apart unnoticed.

Datetimes are stored as naive UTC (SQLite has no time zone type); the store converts.
"""

from __future__ import annotations

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
    false,
    text,
)

metadata = MetaData()

tickets = Table(
    "tickets",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("reference", String(16), nullable=False, unique=True),
    Column("idempotency_key", String(200), nullable=False, unique=True),
    # HMAC of channel + sender id: lets delete_my_data find tickets without the raw id.
    Column("sender_key", String(64), nullable=True, index=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("primary_topic", String(64), nullable=False),
    Column("topics", Text, nullable=False),  # JSON list of intent names
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
    # Service levels (migration 7, issue 15): when first contact is due (working time,
    # bot/handover/working_time.py), when it happened, and the outcome recorded at closing.
    # remind_at: half of the working time to due_at (the team's reminder); reminded_at,
    # escalated_at, coordinator_at: when the team reminder, the coordinator's reminder at
    # the deadline and a crisis ticket's notice to the coordinator went into the outbox.
    Column("due_at", DateTime, nullable=True),
    Column("remind_at", DateTime, nullable=True),
    Column("first_contact_at", DateTime, nullable=True),
    Column("outcome", String(32), nullable=True),
    Column("reminded_at", DateTime, nullable=True),
    Column("escalated_at", DateTime, nullable=True),
    Column("coordinator_at", DateTime, nullable=True),
    # The person made a crisis statement in the conversation (migration 4). Console only:
    # never in notifications, never in the audit trail (which outlives the ticket).
    Column("safety_flag", Boolean, nullable=False, server_default=false()),
    # A consultant holds the conversation: the bot is silent (migration 6, live chat).
    Column("live", Boolean, nullable=False, server_default=false()),
    # The person's two choices before the summary (migration 9, issues 12 and 15): the
    # consultant may read the earlier bot chat; we may ask once later how it went.
    Column("share_history", Boolean, nullable=False, server_default=false()),
    Column("follow_up", Boolean, nullable=False, server_default=false()),
    # Listing, retention and service-level queries (migrations 2 and 7).
    Index("ix_tickets_status_created", "status", "created_at"),
    Index("ix_tickets_status_closed", "status", "closed_at"),
    Index("ix_tickets_status_due", "status", "due_at"),
)

ticket_notes = Table(
    "ticket_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
    Column("author", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# No foreign key: audit rows outlive the ticket (they hold only id, reference and actions).
ticket_audit = Table(
    "ticket_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", String(36), nullable=False, index=True),
    Column("reference", String(16), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False),  # JSON object, no personal data of the person
    Column("at", DateTime, nullable=False),
)

# One row per notification and notifier. kind "new": a new ticket (one row per ticket and
# notifier: unique index uq_outbox_new_ticket_notifier); "changed" / "withdrawn": a notice
# to the assignee that the person changed or withdrew the request, with the reference, team
# and assignee it names. No foreign key: a withdrawal notice outlives its ticket (migration
# 5). priority 0 (urgent tickets) is sent before 1; index ix_outbox_due.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", String(36), nullable=False, index=True),
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
    Index("ix_outbox_due", "sent_at", "priority", "next_attempt_at"),
    Index("uq_outbox_new_ticket_notifier", "ticket_id", "notifier", unique=True,
          sqlite_where=text("kind = 'new'"), postgresql_where=text("kind = 'new'")),
)

# Sender keys (keyed hashes, bot/privacy/sender_key.py) whose data was erased on request,
# and when: a spooled handover consented to before that moment is dropped, not stored.
# Kept ERASURE_MARKER_DAYS (bot/tickets/retention.py).
erased_senders = Table(
    "erased_senders",
    metadata,
    Column("sender_key", String(64), primary_key=True),
    Column("erased_at", DateTime, nullable=False, index=True),
)

# Live chat (migration 6, bot/tickets/live.py). The way back to the person's conversation,
# for a ticket whose person chose "hier in de chat": `recipient` is the channel's sender
# reference encrypted with LIVE_CHAT_KEY (Fernet), never plain. Goes with its ticket.
live_routes = Table(
    "live_routes",
    metadata,
    Column("ticket_id", String(36), ForeignKey("tickets.id"), primary_key=True),
    Column("channel", String(16), nullable=False),
    Column("recipient", Text, nullable=False),
    Column("assignee", Text, nullable=True),
    Column("started_at", DateTime, nullable=True),
    Column("last_activity_at", DateTime, nullable=True),
    Column("last_member_at", DateTime, nullable=False),  # WhatsApp's 24-hour window
    Column("crisis_at", DateTime, nullable=True),
    Column("viewer_seen_at", DateTime, nullable=True),  # the console view last polled
    # WhatsApp: when the template went out for a closed window (once until the person answers).
    Column("template_at", DateTime, nullable=True),
)

# What was said in a live chat: sender member | consultant | bot | system. Rows with
# `deliver` go to the person on their channel (delivered_at, attempts, next_attempt_at:
# the delivery queue with retries). Goes with its ticket (erasure, retention).
live_messages = Table(
    "live_messages",
    metadata,
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
    Index("ix_live_messages_due", "deliver", "delivered_at", "next_attempt_at"),
)

# The follow-up with a member who said yes to it (migration 10, bot/tickets/follow_up.py):
# its own way back (channel + conversation id encrypted with LIVE_CHAT_KEY), when the
# contact check is due and went out, its answer, when the six-week question went out, and
# the answer awaited now (`pending`: contact | six_weeks | recommend). Goes with its ticket.
follow_ups = Table(
    "follow_ups",
    metadata,
    Column("ticket_id", String(36), ForeignKey("tickets.id"), primary_key=True),
    Column("channel", String(16), nullable=False),
    Column("recipient", Text, nullable=False),
    Column("contact_due_at", DateTime, nullable=False),
    Column("contact_asked_at", DateTime, nullable=True),
    Column("contact_answer", String(8), nullable=True),
    Column("closed_asked_at", DateTime, nullable=True),
    Column("pending", String(16), nullable=True),
)

# The six-week answers as counts per ISO week (its Monday) and team: no ticket, no person.
satisfaction_weeks = Table(
    "satisfaction_weeks",
    metadata,
    Column("week", Date, primary_key=True),
    Column("team", String(64), primary_key=True),
    Column("responses", Integer, nullable=False),
    Column("score_total", Integer, nullable=False),
    Column("recommend_yes", Integer, nullable=False),
    Column("recommend_answers", Integer, nullable=False),
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(100), nullable=False),
    Column("applied_at", DateTime, nullable=False),
)
