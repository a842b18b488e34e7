"""Ticket storage for Koffiepraat: one interface over SQLite (default) and PostgreSQL.

SQLAlchemy 1.4 Core, synchronous. Async callers (Rasa actions, the aiohttp console) wrap calls
in `await asyncio.to_thread(store.method, ...)`. A store is safe to share between threads.

Setting up
----------
    store = TicketStore.from_url(url, notifiers=["telegram", "email"])  # routing=, clock=
    store.migrate()            # idempotent; run at start-up of every process that uses it
    ...
    store.close()

`url` None means `DEFAULT_DB_URL` (SQLite file var/tickets.db in the repository root; the
directory is created). `TicketStore.from_env(env, notifiers)` reads `TICKETS_DB_URL`.
PostgreSQL: `postgresql://user:pass@host:5432/db` (psycopg2; `postgres://` is accepted too).
`notifiers` are the names the outbox gets one row per ticket for; pass
`bot.notify.configured_notifier_names(os.environ)` (no clients are built for that).

Creating (handover action)
--------------------------
    create_ticket(draft: TicketDraft) -> Ticket
Idempotent on `draft.idempotency_key`: a retried action, a double tap or two racing processes
get the SAME ticket back (the UNIQUE constraint decides races). Generates `id` (uuid4) and
`reference` ("KP-" + 6 characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ, no 0/O/1/I; a
`draft.reference` given in advance is used unless it is taken by another ticket), routes
the region to a team (routing.yml), and writes ticket, audit row and outbox rows in one
transaction: either all of it exists afterwards or nothing. The person's sender id goes in as
`draft.sender_key = bot.privacy.sender_key.sender_key(channel, sender_id)`.

Reading (console)
-----------------
    get_ticket(ticket_id) -> Ticket | None
    get_by_reference(reference) -> Ticket | None            (case-insensitive)
    list_tickets(status=None, region=None, team=None, urgency=None,
                 sort="newest" | "urgent", limit=None, offset=0) -> list[Ticket]
"newest": newest first (the API default). "urgent": high > normal > low, then the nearest
deadline (none last), then the longest waiting. `region` matches case-insensitively.
`Ticket.to_api()` is the contract JSON exactly; `to_api(extended=True)` adds team,
urgency_reason, updated_at, closed_at.

Changing (console)
------------------
    update_ticket(ticket_id, status=None, assignee=None, actor="console") -> Ticket
Allowed status changes (anything else raises InvalidTransition, a ValueError):
    new       -> claimed | closed        (closed straight away: duplicate, person withdrew)
    claimed   -> contacted | closed | new  (new = release: the assignee is cleared)
    contacted -> closed
    closed    -> claimed                 (reopen: the person came back; retention restarts)
Setting the current status again is not an error (PATCH is repeatable), except a claim
on a ticket claimed by someone else: AlreadyClaimed (an InvalidTransition; the console and
the API answer 409). Claiming without an assignee makes `actor` the assignee.
`assignee=""` unassigns. Unknown id: TicketNotFound (a LookupError); unknown status name:
ValueError. A call that changes something writes ONE
audit row: "claimed" / "released" / "reopened" / "status_changed" with detail
{"from", "to"} (+ "assignee" when that changed along), or "assigned" {"assignee"}.
Audit actions overall: created, claimed, released, reopened, status_changed, assigned,
note_added, changed_by_person, withdrawn_by_person, deleted, purged.
    add_note(ticket_id, author, text) -> Note       (internal; text never goes into audit)
    notes(ticket_id) -> list[Note]                  oldest first
    audit_trail(ticket_id) -> list[AuditEntry]      oldest first; survives deletion

Changes by the person (action server)
-------------------------------------
The person can correct or withdraw a request already sent, from the chat. `sender_key` is
the same key as in the draft; a ticket of another sender is never found.
    open_tickets_for_sender(sender_key) -> list[Ticket]      not closed, newest first
    update_contact_by_member(ticket_id, sender_key, *, name=, preferred_channel=, phone=,
                             email=, preferred_time=, region=, prefer_belgium=False) -> Ticket
Only the fields passed change (None or "" clears one; preferred_channel cannot be cleared).
Values are checked and normalised as the handover form does (bot/handover/contact.py: "06-12345678"
-> "+31612345678"; `prefer_belgium` as for a Flemish conversation); a bad value raises
InvalidContactField (a ValueError; `.field` names the field, never the value), and so does
a channel without its phone number or e-mail address. Not this sender's, unknown or closed:
TicketNotFound. A change writes one audit row "changed_by_person" {"fields": [names]}
(never the values); an unclaimed ticket whose region changed is routed again ({"team"}).
When the ticket is claimed, the outbox gets a neutral notice for the assignee
("Aanvraag KP-... gewijzigd door de persoon").
    withdraw_by_member(ticket_id, sender_key) -> bool
Deletes the ticket with its notes and outbox rows (as delete_ticket); the audit keeps one
"withdrawn_by_person" row with only id and reference. A claimed ticket's assignee gets a
neutral notice ("Aanvraag KP-... ingetrokken door de persoon"). False: not this sender's
or unknown.

Deleting and retention
----------------------
    delete_for_sender(sender_key) -> int   tickets removed (with notes and outbox rows), for
                                           the chat's delete_my_data
    delete_ticket(ticket_id, actor) -> bool
    purge(closed_older_than_days, now=None) -> int   closed tickets whose closed_at is older
                                           (and sent withdrawal notices as old)
    expire_open_tickets(retention_days, warn_days, now=None) -> (warned, purged)
                                           open tickets unchanged that long; a neutral
                                           outbox notice to the team warn_days before
    purge_audit(older_than_days, now=None) -> int   audit rows of tickets that are gone
The audit keeps one "deleted"/"purged" row per ticket with only id and reference.
CLI: `python -m bot.tickets.retention --closed-days N` (see retention.py).

Outbox (used by bot.notify.OutboxWorker)
----------------------------------------
    due_notifications(now=None, limit=50, lease_seconds=300) -> list[OutboxItem]
Unsent rows whose next_attempt_at has come: urgent tickets' first, then oldest first.
They are leased: their next_attempt_at moves `lease_seconds` ahead, so a second worker
does not send them too; a crashed worker's rows come back after the lease (at-least-once
delivery).
    mark_sent(outbox_id, now=None)
    mark_failed(outbox_id, error, next_attempt_at)   error: short, without personal data
    outbox_backlog() -> int                           unsent rows
    outbox_for_ticket(ticket_id) -> list[OutboxItem]
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, create_engine, event, func, select, true
from sqlalchemy.engine import Connection, Engine, Row, make_url
from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.pool import StaticPool

from bot.handover import contact as contact_rules
from bot.handover.working_time import ServiceLevels, default_service_levels
from bot.settings import with_postgres_timeouts
from bot.tickets import idempotency, migrations
from bot.tickets.models import (
    OUTCOMES,
    PREFERRED_CHANNELS,
    STATUSES,
    URGENCIES,
    AuditEntry,
    Contact,
    Note,
    OutboxItem,
    Ticket,
    TicketDraft,
    new_reference,
    one_line,
    to_utc,
)
from bot.tickets.routing import Routing, default_routing
from bot.tickets.schema import (
    erased_senders,
    follow_ups,
    live_messages,
    live_routes,
    outbox,
    ticket_audit,
    ticket_notes,
    tickets,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
# Anchored at the repository root so the action server and the console, whatever their
# working directory, share one database.
DEFAULT_DB_URL = f"sqlite:///{REPO_ROOT / 'var' / 'tickets.db'}"
DB_URL_ENV = "TICKETS_DB_URL"

ERROR_MAX = 300
CONNECT_TIMEOUT_S = 5  # PostgreSQL; a `connect_timeout` in the URL takes precedence
NOTE_MAX = 5000

TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"claimed", "closed"}),
    "claimed": frozenset({"contacted", "closed", "new"}),
    "contacted": frozenset({"closed"}),
    "closed": frozenset({"claimed"}),
}

Clock = Callable[[], datetime]

# A claimed ticket has an assignee to tell about changes by the person.
CLAIMED_STATUSES = ("claimed", "contacted")
# Field of update_contact_by_member -> column of the tickets table.
MEMBER_FIELDS = {
    "name": "contact_name",
    "preferred_channel": "contact_preferred_channel",
    "phone": "contact_phone",
    "email": "contact_email",
    "preferred_time": "contact_preferred_time",
    "region": "region",
}


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()  # "leave this field as it is" (None clears a field)


def is_unavailable(error: BaseException) -> bool:
    """Whether `error` means the database cannot be reached or used right now (server down,
    restarting, refused or dropped connection, pool exhausted) rather than a bad request:
    such a call is worth retrying later with the same data."""
    if isinstance(error, OperationalError | InterfaceError | DisconnectionError | PoolTimeout):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


class TicketNotFound(LookupError):
    """No ticket with that id."""


class SenderErased(LookupError):
    """The person asked to erase their data after consenting to this handover (it waited in
    a spool meanwhile): it must not become a ticket."""


class InvalidContactField(ValueError):
    """A value the person gave for `field` cannot be used (the message never holds it)."""

    def __init__(self, field: str, problem: str = "is not valid") -> None:
        super().__init__(f"{field} {problem}")
        self.field = field


class InvalidTransition(ValueError):
    """The requested status change is not allowed from the current status."""

    def __init__(self, current: str, requested: str) -> None:
        super().__init__(f"status cannot change from {current!r} to {requested!r}")
        self.current = current
        self.requested = requested


class AlreadyClaimed(InvalidTransition):
    """A claim on a ticket someone else has claimed: the first claim stands (HTTP 409)."""

    def __init__(self) -> None:
        super().__init__("claimed", "claimed")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _db_time(value: datetime) -> datetime:
    """Naive UTC, as stored."""
    return to_utc(value).replace(tzinfo=None)


def _aware(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=timezone.utc)


def _lock_sender(conn: Connection, sender_key: str) -> None:
    """Serialise ticket creation and erasure for one sender until the transaction ends.

    Without it, an erasure and a spooled handover of the same person on two hosts could
    each miss the other's uncommitted row (PostgreSQL reads committed data; there is no
    row to lock yet). SQLite needs nothing: its writers are serialised (BEGIN IMMEDIATE).
    """
    if conn.dialect.name == "postgresql":
        lock_id = int.from_bytes(hashlib.sha256(sender_key.encode()).digest()[:8], "big",
                                 signed=True)
        conn.execute(select(func.pg_advisory_xact_lock(lock_id)))


def create_engine_for(url: str | None) -> Engine:
    """Engine with the settings the store relies on (see the SQLite notes below)."""
    # PostgreSQL: connect_timeout and statement_timeout unless the URL sets them.
    url = with_postgres_timeouts(url or DEFAULT_DB_URL)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        # Fail fast when the server is unreachable: the handover action then spools the
        # request instead of keeping the person waiting (libpq's default is to wait forever).
        return create_engine(url, future=True, pool_pre_ping=True,
                             connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, future=True, pool_pre_ping=True)

    database = parsed.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        future=True,
        connect_args={"check_same_thread": False, "timeout": 30},
        **({"poolclass": StaticPool} if in_memory else {}),
    )

    # pysqlite starts transactions lazily and not before DDL; take control instead so that
    # migrations are transactional, and use BEGIN IMMEDIATE so that concurrent writers queue
    # on the busy timeout rather than failing when a read lock is upgraded.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class TicketStore:
    def __init__(
        self,
        engine: Engine,
        notifiers: Iterable[str] = (),
        routing: Routing | None = None,
        clock: Clock = _utcnow,
        service_levels: ServiceLevels | None = None,
    ) -> None:
        self._engine = engine
        self._levels = service_levels or default_service_levels()
        self._notifiers = tuple(dict.fromkeys(notifiers))
        self._routing = routing or default_routing()
        self._clock = clock

    # -- setup ---------------------------------------------------------------------------

    @classmethod
    def from_url(
        cls,
        url: str | None = None,
        notifiers: Iterable[str] = (),
        routing: Routing | None = None,
        clock: Clock = _utcnow,
    ) -> TicketStore:
        return cls(create_engine_for(url), notifiers=notifiers, routing=routing, clock=clock)

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, notifiers: Iterable[str] = ()
    ) -> TicketStore:
        env = os.environ if env is None else env
        return cls.from_url(env.get(DB_URL_ENV) or None, notifiers=notifiers)

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def notifiers(self) -> tuple[str, ...]:
        return self._notifiers

    @property
    def routing(self) -> Routing:
        return self._routing

    @property
    def service_levels(self) -> ServiceLevels:
        return self._levels

    def migrate(self) -> list[int]:
        """Apply pending schema migrations; returns the versions applied by this call."""
        return migrations.migrate(self._engine)

    def close(self) -> None:
        self._engine.dispose()

    def _now(self) -> datetime:
        return to_utc(self._clock())

    # -- creating ------------------------------------------------------------------------

    def create_ticket(self, draft: TicketDraft) -> Ticket:
        if idempotency.is_unkeyed(draft.idempotency_key):
            # An unkeyed key of the previous release (a spooled draft, an older action
            # server) is stored and looked up in its keyed form (issue 13, finding 6).
            draft = replace(draft, idempotency_key=idempotency.keyed(draft.idempotency_key))
        existing = self._ticket_by_idempotency_key(draft.idempotency_key)
        if existing is not None:
            return existing
        # A reference collision (1 in ~10^9 per pair) also raises IntegrityError: retry with
        # a fresh reference. A pre-assigned one (draft.reference) is tried first only: a
        # spooled request must not get stuck on a reference that is taken.
        reference = draft.reference or new_reference()
        for _ in range(5):
            try:
                return self._insert_ticket(draft, reference)
            except IntegrityError:
                existing = self._ticket_by_idempotency_key(draft.idempotency_key)
                if existing is not None:
                    return existing  # lost a race against the same key
                reference = new_reference()
        raise RuntimeError("could not allocate a unique ticket reference")

    def _insert_ticket(self, draft: TicketDraft, reference: str) -> Ticket:
        now = _db_time(self._now())
        ticket_id = str(uuid.uuid4())
        team = self._routing.route(draft.region)
        due_at = self._levels.due_at(_aware(now), draft.urgency, team)
        with self._engine.begin() as conn:
            found = conn.execute(
                select(tickets).where(tickets.c.idempotency_key == draft.idempotency_key)
            ).first()
            if found is not None:
                return _ticket_from_row(found)
            if draft.sender_key:
                _lock_sender(conn, draft.sender_key)
                erased_at = conn.execute(
                    select(erased_senders.c.erased_at)
                    .where(erased_senders.c.sender_key == draft.sender_key)
                ).scalar()
                if erased_at is not None and _aware(erased_at) >= to_utc(draft.consent_given_at):
                    raise SenderErased("the person's data was erased after this consent")
            conn.execute(
                tickets.insert().values(
                    id=ticket_id,
                    reference=reference,
                    idempotency_key=draft.idempotency_key,
                    sender_key=draft.sender_key,
                    created_at=now,
                    updated_at=now,
                    channel=draft.channel,
                    primary_topic=draft.primary_topic,
                    topics=json.dumps(draft.topics),
                    urgency=draft.urgency,
                    urgency_reason=draft.urgency_reason,
                    deadline=draft.deadline,
                    summary=draft.summary,
                    contact_name=draft.contact.name,
                    contact_preferred_channel=draft.contact.preferred_channel,
                    contact_phone=draft.contact.phone,
                    contact_email=draft.contact.email,
                    contact_preferred_time=draft.contact.preferred_time,
                    region=draft.region,
                    sector=draft.sector,
                    contract_type=draft.contract_type,
                    consent_given_at=_db_time(draft.consent_given_at),
                    consent_text_version=draft.consent_text_version,
                    status="new",
                    assignee=None,
                    team=team,
                    closed_at=None,
                    due_at=_db_time(due_at),
                    remind_at=_db_time(self._levels.half_time(_aware(now), due_at, team)),
                    safety_flag=draft.safety_flag,
                    share_history=draft.share_history,
                    follow_up=draft.follow_up,
                )
            )
            if draft.way_back:
                conn.execute(live_routes.insert().values(
                    ticket_id=ticket_id, channel=draft.channel, recipient=draft.way_back,
                    last_member_at=_db_time(draft.consent_given_at)))
            if draft.follow_up and draft.follow_up_route:
                # The contact check: one working day after the promised contact time.
                cal = self._levels.calendar(team)
                day = cal.next_working_day(due_at.astimezone(self._levels.hours.zone).date())
                conn.execute(follow_ups.insert().values(
                    ticket_id=ticket_id, channel=draft.channel, recipient=draft.follow_up_route,
                    contact_due_at=_db_time(cal.closing(day))))
            _audit(conn, ticket_id, reference, "bot", "created",
                   {"channel": draft.channel, "team": team, "urgency": draft.urgency}, now)
            self._insert_outbox(conn, ticket_id, now,
                                priority=0 if draft.urgency == "high" else 1)
            row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one()
            return _ticket_from_row(row)

    def _insert_outbox(self, conn: Connection, ticket_id: str, now: datetime, *,
                       kind: str = "new", priority: int = 1, reference: str | None = None,
                       team: str | None = None, assignee: str | None = None,
                       skip: Iterable[str] = ()) -> None:
        """One row per configured notifier (but those in `skip`), due now. Urgent tickets
        get priority 0: they go out first when a backlog has built up (a notifier was
        down)."""
        for name in self._notifiers:
            if name in skip:
                continue
            conn.execute(
                outbox.insert().values(
                    ticket_id=ticket_id,
                    notifier=name,
                    attempts=0,
                    next_attempt_at=now,
                    last_error=None,
                    sent_at=None,
                    created_at=now,
                    kind=kind,
                    priority=priority,
                    reference=reference,
                    team=team,
                    assignee=assignee,
                )
            )

    def enqueue_service_notices(self, now: datetime | None = None) -> int:
        """Put the service-level notices that have come due into the outbox (issue 15; the
        outbox worker calls this every run): a crisis ticket to the coordinator at once,
        the team's reminder at half time while nobody claimed the ticket, the coordinator's
        at the deadline while there was no first contact. Each once per ticket (the
        markers reminded_at, escalated_at, coordinator_at). Returns the tickets noticed.

        The team's reminder skips a notifier whose first notification of the ticket is
        still unsent (that notifier was down): the late notification is the team's news,
        and a reminder behind it would tell the same group about one ticket twice."""
        moment = _db_time(now or self._now())
        open_ = tickets.c.status != "closed"
        specs = (
            ("coordinator", tickets.c.coordinator_at,
             and_(open_, tickets.c.safety_flag == true())),
            ("reminder_half", tickets.c.reminded_at,
             and_(tickets.c.status == "new", tickets.c.remind_at <= moment)),
            ("reminder_due", tickets.c.escalated_at,
             and_(tickets.c.status.in_(("new", "claimed")), tickets.c.due_at <= moment)),
        )
        count = 0
        with self._engine.begin() as conn:
            for kind, marker, condition in specs:
                rows = conn.execute(
                    select(tickets.c.id, tickets.c.reference, tickets.c.team,
                           tickets.c.assignee)
                    .where(and_(marker.is_(None), condition)).with_for_update(skip_locked=True)
                ).all()
                pending = _unsent_first_notifications(conn, [r.id for r in rows]) \
                    if kind == "reminder_half" else {}
                for r in rows:
                    self._insert_outbox(conn, r.id, moment, kind=kind, priority=0,
                                        reference=r.reference, team=r.team,
                                        assignee=r.assignee, skip=pending.get(r.id, ()))
                    conn.execute(tickets.update().where(tickets.c.id == r.id)
                                 .values({marker.name: moment}))
                    count += 1
        return count

    # -- reading -------------------------------------------------------------------------

    def _ticket_by_idempotency_key(self, key: str) -> Ticket | None:
        return self._one_ticket(tickets.c.idempotency_key == key)

    def _one_ticket(self, condition: Any) -> Ticket | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(tickets).where(condition)).first()
        return None if row is None else _ticket_from_row(row)

    def get_ticket(self, ticket_id: str) -> Ticket | None:
        return self._one_ticket(tickets.c.id == ticket_id)

    def get_by_reference(self, reference: str) -> Ticket | None:
        return self._one_ticket(tickets.c.reference == reference.strip().upper())

    def list_tickets(
        self,
        status: str | None = None,
        region: str | None = None,
        team: str | None = None,
        urgency: str | None = None,
        sort: str = "newest",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Ticket]:
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if urgency is not None and urgency not in URGENCIES:
            raise ValueError(f"unknown urgency {urgency!r}")
        query = select(tickets)
        if status is not None:
            query = query.where(tickets.c.status == status)
        if region:
            query = query.where(func.lower(tickets.c.region) == region.strip().lower())
        if team:
            query = query.where(tickets.c.team == team)
        if urgency is not None:
            query = query.where(tickets.c.urgency == urgency)
        if sort == "newest":
            query = query.order_by(tickets.c.created_at.desc(), tickets.c.id.desc())
        elif sort == "urgent":
            rank = case((tickets.c.urgency == "high", 0), (tickets.c.urgency == "normal", 1),
                        else_=2)
            no_deadline_last = case((tickets.c.deadline.is_(None), 1), else_=0)
            query = query.order_by(rank, no_deadline_last, tickets.c.deadline,
                                   tickets.c.created_at, tickets.c.id)
        elif sort == "due":
            # The console's inbox, so it can be paged: a crisis statement first, then least
            # time left (overdue on top); tickets without a due time by creation after them;
            # then urgency.
            no_due_last = case((tickets.c.due_at.is_(None), 1), else_=0)
            rank = case((tickets.c.urgency == "high", 0), (tickets.c.urgency == "normal", 1),
                        else_=2)
            # Same due time and urgency: the one waiting longest first (not the random id).
            query = query.order_by(tickets.c.safety_flag.desc(), no_due_last,
                                   func.coalesce(tickets.c.due_at, tickets.c.created_at),
                                   rank, tickets.c.created_at, tickets.c.id)
        else:
            raise ValueError("sort must be 'newest', 'urgent' or 'due'")
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._engine.connect() as conn:
            return [_ticket_from_row(row) for row in conn.execute(query)]

    # -- changing ------------------------------------------------------------------------

    def update_ticket(
        self,
        ticket_id: str,
        status: str | None = None,
        assignee: str | None = None,
        actor: str = "console",
        outcome: str | None = None,
    ) -> Ticket:
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if outcome is not None and outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        now = _db_time(self._now())
        with self._engine.begin() as conn:
            row = conn.execute(
                select(tickets).where(tickets.c.id == ticket_id).with_for_update()
            ).first()
            if row is None:
                raise TicketNotFound(ticket_id)
            changes: dict[str, Any] = {}
            current = row.status
            new_assignee = row.assignee
            if status == "claimed" and current == "claimed" and row.assignee is not None:
                # A second claim never takes the ticket over silently (issue 13, #8);
                # the same consultant claiming again changes nothing.
                claimer = (assignee or "").strip() or actor
                if claimer != row.assignee:
                    raise AlreadyClaimed()
            if status is not None and status != current:
                if status not in TRANSITIONS[current]:
                    raise InvalidTransition(current, status)
                changes["status"] = status
                changes["closed_at"] = now if status == "closed" else None
                if status == "contacted" and row.first_contact_at is None:
                    changes["first_contact_at"] = now
                if current == "closed":
                    changes["outcome"] = None  # reopened: recorded again at closing
                if status == "new":
                    new_assignee = None
                elif status == "claimed" and new_assignee is None:
                    new_assignee = actor
            if assignee is not None:
                new_assignee = assignee.strip() or None
            if new_assignee != row.assignee:
                changes["assignee"] = new_assignee
            if outcome is not None and outcome != row.outcome:
                if (status or current) != "closed":
                    raise InvalidTransition(current, "outcome without closing")
                changes["outcome"] = outcome
            if changes:
                changes["updated_at"] = now
                conn.execute(tickets.update().where(tickets.c.id == ticket_id).values(**changes))
                # One audit row per request: the status change (with the assignee when that
                # changed along with it), or else the re-assignment.
                if "status" in changes:
                    action = _status_action(current, status)
                    detail: dict[str, Any] = {"from": current, "to": status}
                    if "assignee" in changes:
                        detail["assignee"] = new_assignee
                    if changes.get("outcome"):
                        detail["outcome"] = changes["outcome"]
                elif "outcome" in changes:
                    action, detail = "outcome_recorded", {"outcome": outcome}
                else:
                    action, detail = "assigned", {"assignee": new_assignee}
                _audit(conn, ticket_id, row.reference, actor, action, detail, now)
            updated = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one()
            return _ticket_from_row(updated)

    def add_note(self, ticket_id: str, author: str, text: str) -> Note:
        text = (text or "").strip()
        if not text:
            raise ValueError("a note needs text")
        if len(text) > NOTE_MAX:
            raise ValueError(f"a note is at most {NOTE_MAX} characters")
        now = _db_time(self._now())
        with self._engine.begin() as conn:
            reference = conn.execute(
                select(tickets.c.reference).where(tickets.c.id == ticket_id)
            ).scalar()
            if reference is None:
                raise TicketNotFound(ticket_id)
            result = conn.execute(
                ticket_notes.insert().values(
                    ticket_id=ticket_id, author=author, text=text, created_at=now
                )
            )
            note_id = int(result.inserted_primary_key[0])
            _audit(conn, ticket_id, reference, author, "note_added", {"note_id": note_id}, now)
            conn.execute(tickets.update().where(tickets.c.id == ticket_id).values(updated_at=now))
        return Note(id=note_id, ticket_id=ticket_id, author=author, text=text,
                    created_at=_aware(now))

    def notes(self, ticket_id: str) -> list[Note]:
        query = (select(ticket_notes).where(ticket_notes.c.ticket_id == ticket_id)
                 .order_by(ticket_notes.c.created_at, ticket_notes.c.id))
        with self._engine.connect() as conn:
            return [
                Note(id=r.id, ticket_id=r.ticket_id, author=r.author, text=r.text,
                     created_at=_aware(r.created_at))
                for r in conn.execute(query)
            ]

    def audit_trail(self, ticket_id: str) -> list[AuditEntry]:
        query = (select(ticket_audit).where(ticket_audit.c.ticket_id == ticket_id)
                 .order_by(ticket_audit.c.at, ticket_audit.c.id))
        with self._engine.connect() as conn:
            return [
                AuditEntry(id=r.id, ticket_id=r.ticket_id, reference=r.reference,
                           actor=r.actor, action=r.action, detail=json.loads(r.detail),
                           at=_aware(r.at))
                for r in conn.execute(query)
            ]

    # -- changes by the person -----------------------------------------------------------

    def open_tickets_for_sender(self, sender_key: str) -> list[Ticket]:
        """The person's tickets that are not closed, newest first."""
        if not sender_key:
            return []  # never match every ticket without a key
        query = (select(tickets)
                 .where(and_(tickets.c.sender_key == sender_key, tickets.c.status != "closed"))
                 .order_by(tickets.c.created_at.desc(), tickets.c.id.desc()))
        with self._engine.connect() as conn:
            return [_ticket_from_row(row) for row in conn.execute(query)]

    def update_contact_by_member(
        self,
        ticket_id: str,
        sender_key: str,
        *,
        name: str | None = UNSET,
        preferred_channel: str | None = UNSET,
        phone: str | None = UNSET,
        email: str | None = UNSET,
        preferred_time: str | None = UNSET,
        region: str | None = UNSET,
        prefer_belgium: bool = False,
    ) -> Ticket:
        given = {"name": name, "preferred_channel": preferred_channel, "phone": phone,
                 "email": email, "preferred_time": preferred_time, "region": region}
        wanted = _clean_member_fields(
            {f: v for f, v in given.items() if v is not UNSET}, prefer_belgium)
        now = _db_time(self._now())
        with self._engine.begin() as conn:
            row = _member_ticket_row(conn, ticket_id, sender_key)
            if row is None or row.status == "closed":
                raise TicketNotFound(ticket_id)
            current = {f: getattr(row, column) for f, column in MEMBER_FIELDS.items()}
            merged = {**current, **wanted}
            if wanted.keys() & {"preferred_channel", "phone", "email"}:
                if merged["preferred_channel"] in ("phone", "whatsapp") and not merged["phone"]:
                    raise InvalidContactField("phone", "is needed for this channel")
                if merged["preferred_channel"] == "email" and not merged["email"]:
                    raise InvalidContactField("email", "is needed for this channel")
            changed = sorted(f for f, value in wanted.items() if current[f] != value)
            if not changed:
                return _ticket_from_row(row)
            values: dict[str, Any] = {MEMBER_FIELDS[f]: wanted[f] for f in changed}
            detail: dict[str, Any] = {"fields": changed}
            team = row.team
            if "region" in changed and row.status == "new":
                # Not claimed yet: the team of the new region takes it.
                team = self._routing.route(wanted["region"])
                if team != row.team:
                    values["team"] = detail["team"] = team
            values["updated_at"] = now
            conn.execute(tickets.update().where(tickets.c.id == row.id).values(**values))
            _audit(conn, row.id, row.reference, "person", "changed_by_person", detail, now)
            if row.status in CLAIMED_STATUSES and row.assignee:
                self._insert_outbox(conn, row.id, now, kind="changed",
                                    priority=0 if row.urgency == "high" else 1,
                                    reference=row.reference, team=team,
                                    assignee=row.assignee)
            updated = conn.execute(select(tickets).where(tickets.c.id == row.id)).one()
            return _ticket_from_row(updated)

    def withdraw_by_member(self, ticket_id: str, sender_key: str) -> bool:
        """The person withdraws the request: it is deleted with its personal data."""
        if not sender_key:
            return False
        now = _db_time(self._now())
        with self._engine.begin() as conn:
            # Serialised with creation and erasure for this person (see _lock_sender).
            _lock_sender(conn, sender_key)
            row = _member_ticket_row(conn, ticket_id, sender_key)
            if row is None:
                return False
            _delete_rows(conn, [row], "person", "withdrawn_by_person", "withdrawn", now)
            if row.status in CLAIMED_STATUSES and row.assignee:
                self._insert_outbox(conn, row.id, now, kind="withdrawn",
                                    priority=0 if row.urgency == "high" else 1,
                                    reference=row.reference, team=row.team,
                                    assignee=row.assignee)
            return True

    # -- deleting ------------------------------------------------------------------------

    def delete_for_sender(self, sender_key: str) -> int:
        """Delete the person's tickets and mark the key as erased (see SenderErased)."""
        if not sender_key:
            return 0  # never match every ticket without a key
        now = _db_time(self._now())
        with self._engine.begin() as conn:
            _lock_sender(conn, sender_key)
            rows = conn.execute(
                select(tickets.c.id, tickets.c.reference)
                .where(tickets.c.sender_key == sender_key).with_for_update()
            ).all()
            conn.execute(erased_senders.delete().where(erased_senders.c.sender_key == sender_key))
            conn.execute(erased_senders.insert().values(sender_key=sender_key, erased_at=now))
            return _delete_rows(conn, rows, "person", "deleted", "delete_my_data", now)

    def purge_erasure_markers(self, older_than_days: int, now: datetime | None = None) -> int:
        """Forget erasure markers older than ``older_than_days`` (retention)."""
        if older_than_days < 0:
            raise ValueError("older_than_days must be 0 or more")
        cutoff = _db_time(now or self._now()) - timedelta(days=older_than_days)
        with self._engine.begin() as conn:
            return conn.execute(
                erased_senders.delete().where(erased_senders.c.erased_at < cutoff)).rowcount

    def delete_ticket(self, ticket_id: str, actor: str) -> bool:
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(tickets.c.id, tickets.c.reference)
                .where(tickets.c.id == ticket_id).with_for_update()
            ).all()
            return _delete_rows(conn, rows, actor, "deleted", "consultant",
                                _db_time(self._now())) == 1

    def purge(self, closed_older_than_days: int, now: datetime | None = None) -> int:
        if closed_older_than_days < 0:
            raise ValueError("closed_older_than_days must be 0 or more")
        moment = _db_time(now or self._now())
        cutoff = moment - timedelta(days=closed_older_than_days)
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(tickets.c.id, tickets.c.reference)
                .where(and_(tickets.c.status == "closed", tickets.c.closed_at < cutoff))
                .with_for_update()
            ).all()
            # Withdrawal notices outlive their ticket; once sent they go after the same time.
            conn.execute(outbox.delete().where(and_(
                outbox.c.kind == "withdrawn", outbox.c.sent_at.is_not(None),
                outbox.c.sent_at < cutoff)))
            return _delete_rows(conn, rows, "retention", "purged", "retention", moment)

    def expire_open_tickets(self, retention_days: int, warn_days: int,
                            now: datetime | None = None) -> tuple[int, int]:
        """Open tickets nobody closes expire too (issue 13, finding 5): an open ticket
        without any change for ``retention_days`` (``updated_at``: every status change,
        note, change by the person or live chat moves it) is purged, as a closed one is
        ``retention_days`` after closing; that is the promise of the consent text
        ("hoogstens N dagen na afloop van het contact"). ``warn_days`` before that the
        team gets a neutral notice through the outbox (kind ``expiry_warning``), once per
        period without change. Returns (warned, purged)."""
        if retention_days < 0 or warn_days < 0:
            raise ValueError("retention_days and warn_days must be 0 or more")
        moment = _db_time(now or self._now())
        purge_cutoff = moment - timedelta(days=retention_days)
        warn_cutoff = moment - timedelta(days=max(retention_days - warn_days, 0))
        open_ = tickets.c.status != "closed"
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(tickets.c.id, tickets.c.reference)
                .where(and_(open_, tickets.c.updated_at < purge_cutoff)).with_for_update()
            ).all()
            purged = _delete_rows(conn, rows, "retention", "purged", "retention_open", moment)
            warned_since_change = (
                select(outbox.c.id).where(and_(
                    outbox.c.ticket_id == tickets.c.id, outbox.c.kind == "expiry_warning",
                    outbox.c.created_at >= tickets.c.updated_at))
                .exists())
            due = conn.execute(
                select(tickets.c.id, tickets.c.reference, tickets.c.team, tickets.c.assignee)
                .where(and_(open_, tickets.c.updated_at < warn_cutoff, ~warned_since_change))
                .with_for_update()
            ).all()
            for r in due:
                self._insert_outbox(conn, r.id, moment, kind="expiry_warning",
                                    reference=r.reference, team=r.team, assignee=r.assignee)
        return (len(due) if self._notifiers else 0), purged

    def purge_audit(self, older_than_days: int, now: datetime | None = None) -> int:
        """Forget audit rows older than ``older_than_days`` of tickets that no longer exist
        (issue 13, finding 5); a ticket that still exists keeps its whole trail."""
        if older_than_days < 0:
            raise ValueError("older_than_days must be 0 or more")
        cutoff = _db_time(now or self._now()) - timedelta(days=older_than_days)
        alive = select(tickets.c.id).where(tickets.c.id == ticket_audit.c.ticket_id).exists()
        with self._engine.begin() as conn:
            return conn.execute(ticket_audit.delete().where(
                and_(ticket_audit.c.at < cutoff, ~alive))).rowcount

    # -- outbox --------------------------------------------------------------------------

    def due_notifications(
        self, now: datetime | None = None, limit: int = 50, lease_seconds: float = 300
    ) -> list[OutboxItem]:
        moment = _db_time(now or self._now())
        query = (
            select(outbox)
            .where(and_(outbox.c.sent_at.is_(None), outbox.c.next_attempt_at <= moment))
            .order_by(outbox.c.priority, outbox.c.next_attempt_at, outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        with self._engine.begin() as conn:
            rows = conn.execute(query).all()
            if rows and lease_seconds > 0:
                conn.execute(
                    outbox.update()
                    .where(outbox.c.id.in_([r.id for r in rows]))
                    .values(next_attempt_at=moment + timedelta(seconds=lease_seconds))
                )
        return [_outbox_from_row(r) for r in rows]

    def mark_sent(self, outbox_id: int, now: datetime | None = None) -> None:
        moment = _db_time(now or self._now())
        with self._engine.begin() as conn:
            conn.execute(
                outbox.update()
                .where(and_(outbox.c.id == outbox_id, outbox.c.sent_at.is_(None)))
                .values(sent_at=moment, attempts=outbox.c.attempts + 1, last_error=None)
            )

    def mark_failed(self, outbox_id: int, error: str, next_attempt_at: datetime) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                outbox.update()
                .where(and_(outbox.c.id == outbox_id, outbox.c.sent_at.is_(None)))
                .values(
                    attempts=outbox.c.attempts + 1,
                    last_error=one_line(error, ERROR_MAX) or "error",
                    next_attempt_at=_db_time(next_attempt_at),
                )
            )

    def outbox_backlog(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.execute(
                select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
            ).scalar_one())

    def outbox_for_ticket(self, ticket_id: str) -> list[OutboxItem]:
        query = select(outbox).where(outbox.c.ticket_id == ticket_id).order_by(outbox.c.id)
        with self._engine.connect() as conn:
            return [_outbox_from_row(r) for r in conn.execute(query)]


# -- helpers -------------------------------------------------------------------------------

def _unsent_first_notifications(conn: Connection, ticket_ids: list[str]
                                ) -> dict[str, set[str]]:
    """Ticket id -> notifiers whose "new" row for it has not gone out yet."""
    pending: dict[str, set[str]] = {}
    for start in range(0, len(ticket_ids), 500):  # bound the IN list
        rows = conn.execute(
            select(outbox.c.ticket_id, outbox.c.notifier).where(and_(
                outbox.c.ticket_id.in_(ticket_ids[start:start + 500]),
                outbox.c.kind == "new", outbox.c.sent_at.is_(None)))
        ).all()
        for row in rows:
            pending.setdefault(row.ticket_id, set()).add(row.notifier)
    return pending


def _status_action(current: str, new: str) -> str:
    if current == "closed":
        return "reopened"
    if new == "new":
        return "released"
    if new == "claimed":
        return "claimed"
    return "status_changed"


def _audit(conn: Connection, ticket_id: str, reference: str, actor: str, action: str,
           detail: dict[str, Any], at: datetime) -> None:
    conn.execute(
        ticket_audit.insert().values(
            ticket_id=ticket_id, reference=reference, actor=actor, action=action,
            detail=json.dumps(detail, sort_keys=True), at=at,
        )
    )


def _member_ticket_row(conn: Connection, ticket_id: str, sender_key: str) -> Row | None:
    """The ticket, locked, if it belongs to `sender_key`; None otherwise (also no key)."""
    if not sender_key or not isinstance(ticket_id, str):
        return None
    return conn.execute(
        select(tickets)
        .where(and_(tickets.c.id == ticket_id, tickets.c.sender_key == sender_key))
        .with_for_update()
    ).first()


def _clean_member_fields(given: Mapping[str, Any], prefer_belgium: bool) -> dict[str, Any]:
    """Check and normalise what the person gave, as the handover form does
    (bot/handover/contact.py).
    None or blank clears a field; InvalidContactField names the field, never the value."""
    cleaned: dict[str, Any] = {}
    for field, value in given.items():
        if value is not None and not isinstance(value, str):
            raise InvalidContactField(field)
        blank = value is None or not value.strip()
        if field == "preferred_channel":
            channel = None if blank else contact_rules.clean_channel(value)
            if channel not in PREFERRED_CHANNELS:
                raise InvalidContactField(field)
            cleaned[field] = channel
            continue
        if blank:
            cleaned[field] = None
            continue
        if field == "name":
            result = contact_rules.clean_name(value)
            if result == contact_rules.ANONYMOUS:
                cleaned[field] = None  # as at creation: no name
                continue
        elif field == "phone":
            result = contact_rules.normalise_phone(value, prefer_belgium)
        elif field == "email":
            result = contact_rules.clean_email(value)
        elif field == "preferred_time":
            result = contact_rules.clean_free_text(value)
        else:  # region
            result = contact_rules.clean_free_text(value, limit=60)
        if result is None:
            raise InvalidContactField(field)
        cleaned[field] = result
    # The model's own rules as well (blank to null, known channel).
    Contact(**{f: v for f, v in cleaned.items() if f != "region"})
    return cleaned


def _delete_rows(conn: Connection, rows: Sequence[Row], actor: str, action: str, reason: str,
                 now: datetime) -> int:
    """Delete tickets with their notes and outbox rows; audit keeps only id and reference."""
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):  # stay below bound-parameter limits
        chunk = ids[start:start + 500]
        conn.execute(ticket_notes.delete().where(ticket_notes.c.ticket_id.in_(chunk)))
        conn.execute(live_messages.delete().where(live_messages.c.ticket_id.in_(chunk)))
        conn.execute(live_routes.delete().where(live_routes.c.ticket_id.in_(chunk)))
        conn.execute(follow_ups.delete().where(follow_ups.c.ticket_id.in_(chunk)))
        conn.execute(outbox.delete().where(outbox.c.ticket_id.in_(chunk)))
        conn.execute(tickets.delete().where(tickets.c.id.in_(chunk)))
    for r in rows:
        _audit(conn, r.id, r.reference, actor, action, {"reason": reason}, now)
    return len(ids)


def _ticket_from_row(row: Row) -> Ticket:
    deadline = row.deadline
    if isinstance(deadline, datetime):
        deadline = deadline.date()
    elif isinstance(deadline, str):
        deadline = date.fromisoformat(deadline)
    return Ticket(
        id=row.id,
        reference=row.reference,
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
        channel=row.channel,
        primary_topic=row.primary_topic,
        topics=list(json.loads(row.topics)),
        urgency=row.urgency,
        urgency_reason=row.urgency_reason,
        deadline=deadline,
        summary=row.summary,
        contact=Contact(
            name=row.contact_name,
            preferred_channel=row.contact_preferred_channel,
            phone=row.contact_phone,
            email=row.contact_email,
            preferred_time=row.contact_preferred_time,
        ),
        region=row.region,
        sector=row.sector,
        contract_type=row.contract_type,
        consent_given_at=_aware(row.consent_given_at),
        consent_text_version=row.consent_text_version,
        status=row.status,
        assignee=row.assignee,
        team=row.team,
        closed_at=_aware(row.closed_at),
        due_at=_aware(row.due_at),
        first_contact_at=_aware(row.first_contact_at),
        outcome=row.outcome,
        safety_flag=bool(row.safety_flag),
        live=bool(row.live),
        share_history=bool(row.share_history),
        follow_up=bool(row.follow_up),
    )


def _outbox_from_row(row: Row) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        ticket_id=row.ticket_id,
        notifier=row.notifier,
        attempts=row.attempts,
        next_attempt_at=_aware(row.next_attempt_at),
        last_error=row.last_error,
        sent_at=_aware(row.sent_at),
        kind=row.kind,
        reference=row.reference,
        team=row.team,
        assignee=row.assignee,
    )
