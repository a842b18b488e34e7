"""Live chat (issue 12): a consultant answers the person in the same chat; the bot is silent.

State lives in the tickets database (never in process memory), so every Rasa process, the
action server, the console and the worker see the same thing:

- `tickets.live`: a consultant holds the conversation.
- `live_routes`: the way back to the conversation, stored with the ticket when the person
  chose "hier in de chat" (or stayed anonymous): the channel plus the sender reference
  encrypted with `LIVE_CHAT_KEY` (Fernet). Never plain; erased with the ticket.
- `live_messages`: member, consultant, bot and system messages from the takeover on.
  Consultant and system rows with `deliver` are also the delivery queue:
  next_attempt_at set = the delivery worker sends it (Telegram, WhatsApp; retries);
  next_attempt_at NULL = it waits for the person's next message and goes out with the
  answer to it (REST, the widget, WhatsApp after the template outside the 24-hour window).

Audit rows (who, when; never text): live_takeover, live_message {"from", "message_id"},
live_handback {"reason": consultant | member | idle | erasure}.

    LiveChats(store, idle_minutes=30, clock=None, notify_quiet_minutes=10)
    takeover(ticket_id, assignee, actor) -> Ticket          NotReachable: no way back
    send_consultant(ticket_id, author, text) -> LiveMessage  NotLive: no live chat on
    messages(ticket_id) -> list[LiveMessage]                 TicketNotFound
    handback(ticket_id, actor, reason) -> Ticket
    state_for_sender(sender_key) -> LiveState | None         the per-message check
    record_member(ticket_id, text, crisis=False), record_bot(ticket_id, text)
                                      (the view closed: a notice to the assignee, live_notice.py)
    viewer_seen(ticket_id), viewer_gone(ticket_id)   the console view is open / closed
    take_waiting(ticket_id) -> list[LiveMessage]             for the person's next reply
    waiting_on_channel(channel, limit, before_id), claim_waiting(message_id)   widget push
    expire_idle(now=None) -> list[str]                       ticket ids ended by the time-out
    due_deliveries(...), mark_delivered(...), mark_delivery_failed(...), mark_template(...)
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import and_, select, update
from sqlalchemy.engine import Connection

from bot.tickets.live_notice import DEFAULT_QUIET_MINUTES, queue_member_notice
from bot.tickets.models import Ticket, iso_utc, one_line, to_utc
from bot.tickets.schema import live_messages, live_routes, ticket_audit, tickets
from bot.tickets.store import TicketNotFound, TicketStore, _audit, _ticket_from_row

KEY_ENV = "LIVE_CHAT_KEY"
IDLE_ENV = "LIVE_CHAT_IDLE_MINUTES"
DEFAULT_IDLE_MINUTES = 30
TEXT_MAX = 4000
SENDERS = ("member", "consultant", "bot", "system")
# Channels the delivery worker sends to; the others get messages with their next reply.
PUSH_CHANNELS = ("telegram", "whatsapp")
WHATSAPP_WINDOW = timedelta(hours=24)

# The person ends the live chat themselves.
MEMBER_STOP = re.compile(
    r"^\s*(stop|stoppen|klaar|ik wil (weer |terug )?(met|naar) de (chat)?bot( praten)?|"
    r"terug naar de (chat)?bot)\s*[.!]*\s*$", re.IGNORECASE)

# What the person and the consultant are told (no domain responses: the trained model's
# domain stays as it is).
TAKEOVER_TEXT = ("Je praat nu met {name}, loopbaanconsulent van Koffiepraat. De chatbot is "
                 "even stil. Typ 'stop' als je weer met de chatbot verder wilt.")
HANDBACK_TEXT = ("{name} heeft het gesprek afgesloten. De chatbot is er weer: stel gerust je "
                 "volgende vraag.")
MEMBER_STOP_TEXT = ("Goed, de consulent is uit dit gesprek. De chatbot is er weer: stel "
                    "gerust je volgende vraag.")
IDLE_TEXT = ("Het gesprek met de consulent is gestopt omdat het een tijd stil was. De "
             "chatbot is er weer. Wil je de consulent weer spreken? Vraag het gewoon.")
CONSOLE_TEXTS = {
    "member": "De persoon heeft het gesprek beëindigd; de chatbot antwoordt weer.",
    "idle": "Het gesprek is gestopt omdat het {minutes} minuten stil was; de chatbot "
            "antwoordt weer.",
    "erasure": "De persoon vroeg om verwijdering van de gegevens; het gesprek is gestopt.",
    "consultant": "Teruggegeven aan de chatbot.",
}

Clock = Callable[[], datetime]


class NotReachable(LookupError):
    """The person cannot be reached in the chat (no way back was consented, or erased)."""


class NotLive(LookupError):
    """No live chat is on for this ticket."""


class NoLiveKey(RuntimeError):
    """LIVE_CHAT_KEY is not configured: no way back can be stored or read."""


# -- the encrypted way back ----------------------------------------------------------------

def live_key(env: Mapping[str, str] | None = None) -> bytes | None:
    """The Fernet key from LIVE_CHAT_KEY: a Fernet key as is, any other secret derived
    (SHA-256). None when unset: then no way back is stored and takeover answers 409."""
    env = os.environ if env is None else env
    value = (env.get(KEY_ENV) or "").strip()
    if not value:
        return None
    try:
        if len(base64.urlsafe_b64decode(value.encode())) == 32:
            return value.encode()
    except ValueError:
        pass
    return base64.urlsafe_b64encode(hashlib.sha256(value.encode()).digest())


def seal(channel: str, recipient: str, key: bytes) -> str:
    """The way back, encrypted: only a process with the key can read who it is."""
    return Fernet(key).encrypt(json.dumps([channel, recipient]).encode()).decode()


def unseal(token: str, key: bytes) -> tuple[str, str]:
    try:
        channel, recipient = json.loads(Fernet(key).decrypt(token.encode()))
    except (InvalidToken, ValueError, TypeError) as error:
        raise NotReachable("the way back cannot be read with this key") from error
    return str(channel), str(recipient)


def idle_minutes(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    try:
        return max(1, int(env.get(IDLE_ENV) or DEFAULT_IDLE_MINUTES))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def first_name(author: str | None) -> str:
    words = (author or "").strip().split()
    return words[0].capitalize() if words else "je consulent"


# -- values --------------------------------------------------------------------------------

@dataclass(frozen=True)
class LiveMessage:
    id: int
    ticket_id: str
    sender: str
    author: str | None
    text: str
    at: datetime
    crisis: bool = False

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "from": self.sender, "text": self.text,
                                "at": iso_utc(self.at)}
        if self.author and self.sender == "consultant":
            data["author"] = self.author
        if self.crisis:
            data["crisis"] = True
        return data

    def for_member(self) -> str:
        """The text as the person sees it: consultant messages name who writes."""
        if self.sender == "consultant":
            return f"{first_name(self.author)} (consulent): {self.text}"
        return self.text


@dataclass(frozen=True)
class LiveState:
    """The answer of the per-message check for one sender."""

    ticket_id: str
    reference: str
    channel: str
    live: bool
    idle: bool  # live, but silent longer than the time-out: ends on this message
    waiting: bool  # messages wait for the person's next reply
    assignee: str | None = None  # who holds it (the widget shows the first name)


@dataclass(frozen=True)
class WaitingMessage:
    """A message waiting for the person, with the way back and who holds the chat now."""

    message: LiveMessage
    way_back: str
    live: bool
    assignee: str | None


@dataclass(frozen=True)
class Delivery:
    id: int
    ticket_id: str
    reference: str
    channel: str
    way_back: str
    text: str
    attempts: int
    window_open: bool  # WhatsApp: the person wrote in the last 24 hours
    template_sent: bool  # WhatsApp: the template already went out for this closed window


def _naive(value: datetime) -> datetime:
    return to_utc(value).replace(tzinfo=None)


def _aware(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=timezone.utc)


def _message(row: Any) -> LiveMessage:
    return LiveMessage(id=row.id, ticket_id=row.ticket_id, sender=row.sender,
                       author=row.author, text=row.text, at=_aware(row.at),
                       crisis=bool(row.crisis))


class LiveChats:
    def __init__(self, store: TicketStore, idle_minutes: int = DEFAULT_IDLE_MINUTES,
                 clock: Clock | None = None,
                 notify_quiet_minutes: int = DEFAULT_QUIET_MINUTES) -> None:
        self._store = store
        self._engine = store.engine
        self._clock = clock
        self.idle = timedelta(minutes=idle_minutes)
        self.notify_quiet = timedelta(minutes=notify_quiet_minutes)

    @property
    def store(self) -> TicketStore:
        return self._store

    def now(self) -> datetime:
        return to_utc(self._clock()) if self._clock else self._store._now()  # noqa: SLF001

    # -- consultant side ---------------------------------------------------------------

    def takeover(self, ticket_id: str, assignee: str, actor: str) -> Ticket:
        assignee = (assignee or actor or "").strip()
        if not assignee:
            raise ValueError("a takeover needs an assignee")
        now = _naive(self.now())
        with self._engine.begin() as conn:
            try:
                row = _locked_ticket(conn, ticket_id)
            except TicketNotFound:
                erased = conn.execute(select(ticket_audit.c.id).where(and_(
                    ticket_audit.c.ticket_id == ticket_id,
                    ticket_audit.c.action.in_(("deleted", "purged", "withdrawn_by_person")),
                ))).first()
                if erased is not None:
                    raise NotReachable(ticket_id) from None  # erased: 409, not 404
                raise
            route = conn.execute(
                select(live_routes).where(live_routes.c.ticket_id == ticket_id)).first()
            if route is None or row.status == "closed":
                raise NotReachable(ticket_id)
            if row.live and row.assignee == assignee:
                return _ticket_from_row(row)  # repeated: nothing changes
            values: dict[str, Any] = {"live": True, "assignee": assignee, "updated_at": now}
            if row.status == "new":
                values["status"] = "claimed"
            conn.execute(tickets.update().where(tickets.c.id == ticket_id).values(**values))
            conn.execute(live_routes.update().where(live_routes.c.ticket_id == ticket_id)
                         .values(assignee=assignee, started_at=now, last_activity_at=now))
            _insert(conn, ticket_id, "system", None,
                    TAKEOVER_TEXT.format(name=first_name(assignee)), now,
                    deliver=True, push=route.channel in PUSH_CHANNELS)
            _audit(conn, ticket_id, row.reference, actor, "live_takeover",
                   {"assignee": assignee, "from": row.status}, now)
            return _ticket_from_row(
                conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one())

    def send_consultant(self, ticket_id: str, author: str, text: str) -> LiveMessage:
        text = (text or "").strip()
        if not text:
            raise ValueError("a message needs text")
        if len(text) > TEXT_MAX:
            raise ValueError(f"a message is at most {TEXT_MAX} characters")
        author = one_line(author, 100) or "consulent"
        now = _naive(self.now())
        with self._engine.begin() as conn:
            row = _locked_ticket(conn, ticket_id)
            route = conn.execute(
                select(live_routes).where(live_routes.c.ticket_id == ticket_id)).first()
            if not row.live or route is None:
                raise NotLive(ticket_id)
            message_id = _insert(conn, ticket_id, "consultant", author, text, now,
                                 deliver=True, push=route.channel in PUSH_CHANNELS)
            conn.execute(live_routes.update().where(live_routes.c.ticket_id == ticket_id)
                         .values(last_activity_at=now))
            _audit(conn, ticket_id, row.reference, author, "live_message",
                   {"from": "consultant", "message_id": message_id}, now)
        return LiveMessage(message_id, ticket_id, "consultant", author, text, _aware(now))

    def messages(self, ticket_id: str, after_id: int = 0) -> list[LiveMessage]:
        with self._engine.connect() as conn:
            if conn.execute(select(tickets.c.id).where(tickets.c.id == ticket_id)).first() \
                    is None:
                raise TicketNotFound(ticket_id)
            rows = conn.execute(
                select(live_messages)
                .where(and_(live_messages.c.ticket_id == ticket_id,
                            live_messages.c.id > after_id))
                .order_by(live_messages.c.at, live_messages.c.id))
            return [_message(r) for r in rows]

    def route_info(self, ticket_id: str) -> dict[str, Any] | None:
        """For the console view: channel, when it started, crisis moment (no way back)."""
        with self._engine.connect() as conn:
            row = conn.execute(select(live_routes).where(
                live_routes.c.ticket_id == ticket_id)).first()
        if row is None:
            return None
        return {"channel": row.channel, "started_at": _aware(row.started_at),
                "crisis_at": _aware(row.crisis_at), "assignee": row.assignee}

    def viewer_seen(self, ticket_id: str) -> None:
        """The consultant's view of this chat is open (its event stream stamps this)."""
        self._stamp_viewer(ticket_id, _naive(self.now()))

    def viewer_gone(self, ticket_id: str) -> None:
        """The view's event stream ended: the next member message notifies the assignee."""
        self._stamp_viewer(ticket_id, None)

    def _stamp_viewer(self, ticket_id: str, moment: datetime | None) -> None:
        with self._engine.begin() as conn:
            conn.execute(live_routes.update().where(live_routes.c.ticket_id == ticket_id)
                         .values(viewer_seen_at=moment))

    def handback(self, ticket_id: str, actor: str, reason: str = "consultant") -> Ticket:
        now = _naive(self.now())
        with self._engine.begin() as conn:
            row = _locked_ticket(conn, ticket_id)
            if not row.live:
                return _ticket_from_row(row)
            self._end(conn, row, actor, reason, now)
            return _ticket_from_row(
                conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one())

    def _end(self, conn: Connection, row: Any, actor: str, reason: str, now: datetime) -> None:
        route = conn.execute(
            select(live_routes).where(live_routes.c.ticket_id == row.id)).first()
        push = route is not None and route.channel in PUSH_CHANNELS
        conn.execute(tickets.update().where(tickets.c.id == row.id)
                     .values(live=False, updated_at=now))
        conn.execute(live_routes.update().where(live_routes.c.ticket_id == row.id)
                     .values(last_activity_at=now))
        if reason == "consultant":
            _insert(conn, row.id, "system", None,
                    HANDBACK_TEXT.format(name=first_name(row.assignee)), now,
                    deliver=True, push=push)
        elif reason == "idle":
            _insert(conn, row.id, "system", None, IDLE_TEXT, now, deliver=True, push=push)
            _insert(conn, row.id, "system", None, CONSOLE_TEXTS["idle"].format(
                minutes=int(self.idle.total_seconds() // 60)), now)
        else:  # member (told in the same turn), erasure (the ticket goes right after)
            _insert(conn, row.id, "system", None, CONSOLE_TEXTS[reason], now)
        _audit(conn, row.id, row.reference, actor, "live_handback", {"reason": reason}, now)

    def expire_idle(self, now: datetime | None = None) -> list[str]:
        """End every live chat silent for longer than the time-out; both sides are told."""
        moment = _naive(now or self.now())
        cutoff = moment - self.idle
        ended: list[str] = []
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(tickets).join(live_routes, live_routes.c.ticket_id == tickets.c.id)
                .where(and_(tickets.c.live.is_(True),
                            live_routes.c.last_activity_at < cutoff))
                .with_for_update()).all()
            for row in rows:
                self._end(conn, row, "system", "idle", moment)
                ended.append(row.id)
        return ended

    # -- member side (action server) ---------------------------------------------------

    def state_for_sender(self, sender_key: str) -> LiveState | None:
        """One indexed query per message: is a consultant holding this conversation, or does
        a message wait for this person? None for everybody else (almost everyone)."""
        if not sender_key:
            return None
        waiting = (
            select(live_messages.c.id)
            .where(and_(live_messages.c.ticket_id == tickets.c.id,
                        live_messages.c.deliver.is_(True),
                        live_messages.c.delivered_at.is_(None),
                        live_messages.c.next_attempt_at.is_(None)))
            .exists())
        query = (
            select(tickets.c.id, tickets.c.reference, tickets.c.live, tickets.c.assignee,
                   live_routes.c.channel, live_routes.c.last_activity_at,
                   waiting.label("waiting"))
            .join(live_routes, live_routes.c.ticket_id == tickets.c.id)
            .where(and_(tickets.c.sender_key == sender_key, tickets.c.status != "closed"))
            .order_by(tickets.c.live.desc(), tickets.c.created_at.desc()))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        last = _aware(row.last_activity_at)
        idle = bool(row.live) and last is not None and self.now() - last > self.idle
        return LiveState(ticket_id=row.id, reference=row.reference, channel=row.channel,
                         live=bool(row.live), idle=idle, waiting=bool(row.waiting),
                         assignee=row.assignee)

    def record_member(self, ticket_id: str, text: str, crisis: bool = False) -> None:
        now = _naive(self.now())
        with self._engine.begin() as conn:
            row = _locked_ticket(conn, ticket_id)
            message_id = _insert(conn, ticket_id, "member", None, (text or "").strip() or "…",
                                 now, crisis=crisis)
            route_values: dict[str, Any] = {"last_activity_at": now, "last_member_at": now,
                                            "template_at": None}
            if crisis:
                route_values["crisis_at"] = now
                conn.execute(tickets.update().where(tickets.c.id == ticket_id)
                             .values(safety_flag=True, updated_at=now))
            conn.execute(live_routes.update().where(live_routes.c.ticket_id == ticket_id)
                         .values(**route_values))
            _audit(conn, ticket_id, row.reference, "person", "live_message",
                   {"from": "member", "message_id": message_id}, now)
            route = conn.execute(select(live_routes.c.viewer_seen_at).where(
                live_routes.c.ticket_id == ticket_id)).first()
            if row.live and route is not None:
                queue_member_notice(self._store, conn, row, route, now, self.notify_quiet)

    def record_bot(self, ticket_id: str, text: str) -> None:
        """What the bot itself said during the live chat (the crisis answer)."""
        now = _naive(self.now())
        with self._engine.begin() as conn:
            _insert(conn, ticket_id, "bot", None, text, now)

    def member_wrote(self, ticket_id: str) -> None:
        """Outside a live chat: the person wrote (WhatsApp's 24-hour window restarts)."""
        now = _naive(self.now())
        with self._engine.begin() as conn:
            conn.execute(live_routes.update().where(live_routes.c.ticket_id == ticket_id)
                         .values(last_member_at=now, template_at=None))

    def take_waiting(self, ticket_id: str) -> list[LiveMessage]:
        """Messages waiting for the person's next reply; marked delivered (they go out with
        the answer to this message)."""
        now = _naive(self.now())
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(live_messages)
                .where(and_(live_messages.c.ticket_id == ticket_id,
                            live_messages.c.deliver.is_(True),
                            live_messages.c.delivered_at.is_(None),
                            live_messages.c.next_attempt_at.is_(None)))
                .order_by(live_messages.c.id).with_for_update()).all()
            if rows:
                conn.execute(update(live_messages)
                             .where(live_messages.c.id.in_([r.id for r in rows]))
                             .values(delivered_at=now, attempts=live_messages.c.attempts + 1))
        return [_message(r) for r in rows]

    def waiting_on_channel(self, channel: str, limit: int = 100,
                           before_id: int | None = None) -> list[WaitingMessage]:
        """Messages that wait for a person on `channel`, newest first, `limit` at a time
        (the next page: before_id = the last id of this one). For the widget's live push:
        each Rasa process delivers those of the sessions connected to it (claim_waiting);
        newest first, so messages for people who never came back cannot crowd out a
        message for someone connected now."""
        conditions = [live_routes.c.channel == channel,
                      live_messages.c.deliver.is_(True),
                      live_messages.c.delivered_at.is_(None),
                      live_messages.c.next_attempt_at.is_(None)]
        if before_id is not None:
            conditions.append(live_messages.c.id < before_id)
        query = (
            select(live_messages, live_routes.c.recipient, tickets.c.live,
                   tickets.c.assignee)
            .join(live_routes, live_routes.c.ticket_id == live_messages.c.ticket_id)
            .join(tickets, tickets.c.id == live_messages.c.ticket_id)
            .where(and_(*conditions))
            .order_by(live_messages.c.id.desc()).limit(limit))
        with self._engine.connect() as conn:
            return [WaitingMessage(_message(r), r.recipient, bool(r.live), r.assignee)
                    for r in conn.execute(query)]

    def claim_waiting(self, message_id: int) -> bool:
        """Mark one waiting message delivered; False when another process (or the person's
        reply) took it first."""
        now = _naive(self.now())
        with self._engine.begin() as conn:
            claimed = conn.execute(
                update(live_messages)
                .where(and_(live_messages.c.id == message_id,
                            live_messages.c.delivered_at.is_(None)))
                .values(delivered_at=now, attempts=live_messages.c.attempts + 1)).rowcount
        return claimed == 1

    # -- delivery worker ----------------------------------------------------------------

    def due_deliveries(self, now: datetime | None = None, limit: int = 50,
                       lease_seconds: float = 60) -> list[Delivery]:
        moment = _naive(now or self.now())
        query = (
            select(live_messages.c.id, live_messages.c.ticket_id, live_messages.c.sender,
                   live_messages.c.author, live_messages.c.text, live_messages.c.attempts,
                   tickets.c.reference, live_routes.c.channel, live_routes.c.recipient,
                   live_routes.c.last_member_at, live_routes.c.template_at)
            .join(tickets, tickets.c.id == live_messages.c.ticket_id)
            .join(live_routes, live_routes.c.ticket_id == live_messages.c.ticket_id)
            .where(and_(live_messages.c.deliver.is_(True),
                        live_messages.c.delivered_at.is_(None),
                        live_messages.c.next_attempt_at <= moment))
            .order_by(live_messages.c.next_attempt_at, live_messages.c.id)
            .limit(limit).with_for_update(skip_locked=True))
        with self._engine.begin() as conn:
            rows = conn.execute(query).all()
            if rows:
                conn.execute(update(live_messages)
                             .where(live_messages.c.id.in_([r.id for r in rows]))
                             .values(next_attempt_at=moment + timedelta(seconds=lease_seconds)))
        out = []
        for r in rows:
            message = LiveMessage(r.id, r.ticket_id, r.sender, r.author, r.text, _aware(moment))
            out.append(Delivery(
                id=r.id, ticket_id=r.ticket_id, reference=r.reference, channel=r.channel,
                way_back=r.recipient, text=message.for_member(), attempts=r.attempts,
                window_open=moment - r.last_member_at < WHATSAPP_WINDOW,
                template_sent=r.template_at is not None))
        return out

    def mark_delivered(self, message_id: int) -> None:
        now = _naive(self.now())
        with self._engine.begin() as conn:
            conn.execute(update(live_messages).where(live_messages.c.id == message_id)
                         .values(delivered_at=now, attempts=live_messages.c.attempts + 1,
                                 last_error=None))

    def mark_delivery_failed(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        with self._engine.begin() as conn:
            conn.execute(update(live_messages).where(live_messages.c.id == message_id)
                         .values(attempts=live_messages.c.attempts + 1,
                                 last_error=one_line(error, 300) or "error",
                                 next_attempt_at=_naive(next_attempt_at)))

    def mark_template(self, message_id: int, ticket_id: str, sent: bool) -> None:
        """WhatsApp outside the 24-hour window: the template went out (or had already); the
        text waits for the person's answer."""
        now = _naive(self.now())
        with self._engine.begin() as conn:
            conn.execute(update(live_messages).where(live_messages.c.id == message_id)
                         .values(next_attempt_at=None))
            if sent:
                conn.execute(update(live_routes).where(live_routes.c.ticket_id == ticket_id)
                             .values(template_at=now))


def _locked_ticket(conn: Connection, ticket_id: str) -> Any:
    row = conn.execute(
        select(tickets).where(tickets.c.id == ticket_id).with_for_update()).first()
    if row is None:
        raise TicketNotFound(ticket_id)
    return row


def _insert(conn: Connection, ticket_id: str, sender: str, author: str | None, text: str,
            at: datetime, *, deliver: bool = False, push: bool = False,
            crisis: bool = False) -> int:
    result = conn.execute(live_messages.insert().values(
        ticket_id=ticket_id, sender=sender, author=author, text=text, at=at, crisis=crisis,
        deliver=deliver, delivered_at=None, attempts=0,
        next_attempt_at=at if (deliver and push) else None))
    return int(result.inserted_primary_key[0])
