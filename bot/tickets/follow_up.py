"""The follow-up with a member who said yes to it (issue 15, item 4).

- **Contact check**, one working day after the promised contact time (`follow_ups.
  contact_due_at`, set at creation from `due_at` and the team's calendar), while the ticket is
  still new or claimed: "Heeft de consulent je al bereikt? (ja/nee)". A "nee" escalates the
  ticket: urgency high, a neutral outbox notice to the coordinator (kind `follow_up_no`) and
  an audit row.
- **Six weeks after closing**: "Hoe gaat het nu?", satisfaction 1-5 and "zou je ons
  aanraden? ja/nee". The answers are only counted, per ISO week and team
  (`satisfaction_weeks`), never kept with the ticket or the person.

**Unanswered questions expire.** A question waits for its answer `FOLLOW_UP_ANSWER_DAYS`
(default 7) days from when it was asked; after that the person's messages are no longer read
as an answer to it (`pending_for_sender` leaves it out at once), and `expire_unanswered`,
run by the console's delivery loop, clears it for good: the contact check's answer is
recorded as "verlopen" (nothing is escalated: no answer is not a "nee"), the six-week
question counts nothing, and the audit gets "follow_up_expired" {"question"}.

Questions go out through the member's own channel (bot/channels/follow_up_delivery.py, the
live-chat delivery code); the answer is read by the conversation engine while `pending`
says one is awaited (actions/follow_up.py). The row goes with its ticket (erasure,
withdrawal, retention purge: TicketStore._delete_rows).

    FollowUps(store, clock=None, answer_days=7)
    due(now=None) -> list[DueQuestion]           claims the questions due (marks them asked)
    unclaim(ticket_id, kind)                     a send failed: due again on the next run
    pending_for_sender(sender_key) -> (ticket_id, kind) | None   (not expired)
    expire_unanswered(now=None) -> int           questions that waited too long, cleared
    answer_contact(ticket_id, reached), answer_six_weeks(ticket_id, score, recommend),
    answer_recommend(ticket_id, recommend)
    satisfaction(first_week, last_week) -> {(week, team): {...}}
    satisfaction_counts(first_week, last_week) -> {(week, team): SatisfactionCounts}
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, select

from bot.tickets.models import to_utc
from bot.tickets.schema import follow_ups, satisfaction_weeks, tickets
from bot.tickets.store import TicketStore, _audit

SIX_WEEKS = timedelta(weeks=6)
ANSWER_DAYS_ENV = "FOLLOW_UP_ANSWER_DAYS"
DEFAULT_ANSWER_DAYS = 7
EXPIRED_ANSWER = "verlopen"
CONTACT_QUESTION = ("Hoi, je vroeg om contact met een loopbaanconsulent. Heeft de consulent "
                    "je al bereikt? (ja/nee)")
SIX_WEEKS_QUESTION = ("Hoi, je had een tijd geleden contact met een loopbaanconsulent. Hoe "
                      "gaat het nu? Hoe tevreden ben je over de hulp, van 1 (niet) tot 5 "
                      "(heel tevreden)? En zou je ons aanraden? Typ bijvoorbeeld: 4 ja")
QUESTIONS = {"contact": CONTACT_QUESTION, "six_weeks": SIX_WEEKS_QUESTION}

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class DueQuestion:
    ticket_id: str
    kind: str  # contact | six_weeks
    channel: str
    way_back: str
    text: str


@dataclass(frozen=True)
class SatisfactionCounts:
    """One week and team of six-week answers (satisfaction_weeks): scores 1-5 and yes/no."""

    responses: int = 0
    score_total: int = 0
    recommend_yes: int = 0
    recommend_answers: int = 0

    def __add__(self, other: SatisfactionCounts) -> SatisfactionCounts:
        return SatisfactionCounts(self.responses + other.responses,
                                  self.score_total + other.score_total,
                                  self.recommend_yes + other.recommend_yes,
                                  self.recommend_answers + other.recommend_answers)


def answer_days(env: Mapping[str, str] | None = None) -> int:
    """How many days a follow-up question waits for its answer (FOLLOW_UP_ANSWER_DAYS)."""
    env = os.environ if env is None else env
    try:
        return max(1, int(env.get(ANSWER_DAYS_ENV) or DEFAULT_ANSWER_DAYS))
    except ValueError:
        return DEFAULT_ANSWER_DAYS


# When the awaited question was asked: the contact check, or the six-week question (the
# recommend question is its second half).
def _asked_at() -> Any:
    return case((follow_ups.c.pending == "contact", follow_ups.c.contact_asked_at),
                else_=follow_ups.c.closed_asked_at)


def _naive(value: datetime) -> datetime:
    return to_utc(value).replace(tzinfo=None)


def week_of(moment: datetime) -> date:
    day = to_utc(moment).date()
    return day - timedelta(days=day.weekday())


class FollowUps:
    def __init__(self, store: TicketStore, clock: Clock | None = None,
                 answer_days: int = DEFAULT_ANSWER_DAYS) -> None:
        self.store = store
        self._engine = store.engine
        self._clock = clock
        self.answer_window = timedelta(days=answer_days)

    def now(self) -> datetime:
        return to_utc(self._clock()) if self._clock else self.store._now()  # noqa: SLF001

    def due(self, now: datetime | None = None, channels: tuple[str, ...] | None = None
            ) -> list[DueQuestion]:
        """The questions that came due, marked asked (so a second worker leaves them)."""
        moment = _naive(now or self.now())
        contact = and_(follow_ups.c.contact_asked_at.is_(None),
                       follow_ups.c.contact_due_at <= moment,
                       tickets.c.status.in_(("new", "claimed")))
        later = and_(follow_ups.c.closed_asked_at.is_(None), tickets.c.status == "closed",
                     tickets.c.closed_at <= moment - SIX_WEEKS)
        out: list[DueQuestion] = []
        with self._engine.begin() as conn:
            for kind, condition, marker in (("contact", contact, "contact_asked_at"),
                                            ("six_weeks", later, "closed_asked_at")):
                query = (select(follow_ups.c.ticket_id, follow_ups.c.channel,
                                follow_ups.c.recipient)
                         .join(tickets, tickets.c.id == follow_ups.c.ticket_id)
                         .where(condition).with_for_update(skip_locked=True))
                if channels is not None:
                    query = query.where(follow_ups.c.channel.in_(channels))
                for row in conn.execute(query).all():
                    conn.execute(follow_ups.update()
                                 .where(follow_ups.c.ticket_id == row.ticket_id)
                                 .values({marker: moment, "pending": kind}))
                    out.append(DueQuestion(row.ticket_id, kind, row.channel, row.recipient,
                                           QUESTIONS[kind]))
        return out

    def unclaim(self, ticket_id: str, kind: str) -> None:
        marker = "contact_asked_at" if kind == "contact" else "closed_asked_at"
        with self._engine.begin() as conn:
            conn.execute(follow_ups.update().where(follow_ups.c.ticket_id == ticket_id)
                         .values({marker: None, "pending": None}))

    def pending_for_sender(self, sender_key: str) -> tuple[str, str] | None:
        """One indexed query per message: does an answer of this person wait?"""
        if not sender_key:
            return None
        cutoff = _naive(self.now()) - self.answer_window
        query = (select(follow_ups.c.ticket_id, follow_ups.c.pending)
                 .join(tickets, tickets.c.id == follow_ups.c.ticket_id)
                 .where(and_(tickets.c.sender_key == sender_key,
                             follow_ups.c.pending.is_not(None), _asked_at() >= cutoff))
                 .order_by(tickets.c.created_at.desc()))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (row.ticket_id, row.pending)

    def expire_unanswered(self, now: datetime | None = None) -> int:
        """Clear the questions asked longer than the answer window ago and still unanswered;
        returns how many."""
        moment = _naive(now or self.now())
        query = (select(follow_ups.c.ticket_id, follow_ups.c.pending, tickets.c.reference)
                 .join(tickets, tickets.c.id == follow_ups.c.ticket_id)
                 .where(and_(follow_ups.c.pending.is_not(None),
                             _asked_at() < moment - self.answer_window))
                 .with_for_update(skip_locked=True))
        with self._engine.begin() as conn:
            rows = conn.execute(query).all()
            for row in rows:
                values: dict[str, Any] = {"pending": None}
                if row.pending == "contact":
                    values["contact_answer"] = EXPIRED_ANSWER
                conn.execute(follow_ups.update()
                             .where(follow_ups.c.ticket_id == row.ticket_id).values(values))
                _audit(conn, row.ticket_id, row.reference, "system", "follow_up_expired",
                       {"question": row.pending}, moment)
        return len(rows)

    def answer_contact(self, ticket_id: str, reached: bool) -> None:
        now = _naive(self.now())
        with self._engine.begin() as conn:
            row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)
                               .with_for_update()).first()
            if row is None:
                return
            conn.execute(follow_ups.update().where(follow_ups.c.ticket_id == ticket_id)
                         .values(pending=None, contact_answer="ja" if reached else "nee"))
            _audit(conn, ticket_id, row.reference, "person", "follow_up_answered",
                   {"question": "contact", "reached": reached}, now)
            if reached:
                return
            conn.execute(tickets.update().where(tickets.c.id == ticket_id)
                         .values(urgency="high", updated_at=now))
            self.store._insert_outbox(  # noqa: SLF001 (the store's own outbox rows)
                conn, ticket_id, now, kind="follow_up_no", priority=0,
                reference=row.reference, team=row.team, assignee=row.assignee)

    def answer_six_weeks(self, ticket_id: str, score: int, recommend: bool | None) -> None:
        if not 1 <= score <= 5:
            raise ValueError("score must be 1..5")
        now = self.now()
        with self._engine.begin() as conn:
            team = conn.execute(select(tickets.c.team).where(tickets.c.id == ticket_id)
                                ).scalar()
            if team is None:
                return
            conn.execute(follow_ups.update().where(follow_ups.c.ticket_id == ticket_id)
                         .values(pending=None if recommend is not None else "recommend"))
            _count(conn, week_of(now), team, score=score, recommend=recommend)

    def answer_recommend(self, ticket_id: str, recommend: bool) -> None:
        now = self.now()
        with self._engine.begin() as conn:
            team = conn.execute(select(tickets.c.team).where(tickets.c.id == ticket_id)
                                ).scalar()
            if team is None:
                return
            conn.execute(follow_ups.update().where(follow_ups.c.ticket_id == ticket_id)
                         .values(pending=None))
            _count(conn, week_of(now), team, score=None, recommend=recommend)

    def satisfaction(self, first_week: date, last_week: date) -> dict[tuple[date, str], Any]:
        """{(week, team): {"responses", "average", "recommend_share"}}."""
        return {key: {
            "responses": c.responses,
            "average": c.score_total / c.responses if c.responses else None,
            "recommend_share": c.recommend_yes / c.recommend_answers
            if c.recommend_answers else None}
            for key, c in self.satisfaction_counts(first_week, last_week).items()}

    def satisfaction_counts(self, first_week: date, last_week: date
                            ) -> dict[tuple[date, str], SatisfactionCounts]:
        """The counts behind satisfaction(), which add up over teams (the service page's
        "all teams")."""
        query = select(satisfaction_weeks).where(and_(satisfaction_weeks.c.week >= first_week,
                                                      satisfaction_weeks.c.week <= last_week))
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return {(r.week, r.team): SatisfactionCounts(r.responses, r.score_total,
                                                     r.recommend_yes, r.recommend_answers)
                for r in rows}


def _count(conn: Any, week: date, team: str, score: int | None,
           recommend: bool | None) -> None:
    key = and_(satisfaction_weeks.c.week == week, satisfaction_weeks.c.team == team)
    row = conn.execute(select(satisfaction_weeks).where(key).with_for_update()).first()
    add = {"responses": 1 if score is not None else 0, "score_total": score or 0,
           "recommend_yes": 1 if recommend else 0,
           "recommend_answers": 0 if recommend is None else 1}
    if row is None:
        conn.execute(satisfaction_weeks.insert().values(week=week, team=team, **add))
    else:
        conn.execute(satisfaction_weeks.update().where(key).values(
            **{name: getattr(row, name) + value for name, value in add.items()}))

