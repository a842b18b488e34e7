"""The follow-up with a member who said yes to it (issue 15, item 4).

- **Contact check**, one working day after the promised contact time (`follow_ups.
  contact_due_at`, set at creation from `due_at` and the team's calendar), while the ticket is
  still new or claimed: "Heeft de consulent je al bereikt? (ja/nee)". A "nee" escalates the
  ticket: urgency high, a neutral outbox notice to the coordinator (kind `follow_up_no`) and
  an audit row.
- **Six weeks after closing**: "Hoe gaat het nu?", satisfaction 1-5 and "zou je ons
  aanraden? ja/nee". The answers are only counted, per ISO week and team
  (`satisfaction_weeks`), never kept with the ticket or the person.

Questions go out through the member's own channel (bot/channels/follow_up_delivery.py, the
live-chat delivery code); the answer is read by the conversation engine while `pending`
says one is awaited (actions/follow_up.py). The row goes with its ticket (erasure,
withdrawal, retention purge: TicketStore._delete_rows).

    FollowUps(store, clock=None)
    due(now=None) -> list[DueQuestion]           claims the questions due (marks them asked)
    unclaim(ticket_id, kind)                     a send failed: due again on the next run
    pending_for_sender(sender_key) -> (ticket_id, kind) | None
    answer_contact(ticket_id, reached), answer_six_weeks(ticket_id, score, recommend),
    answer_recommend(ticket_id, recommend)
    satisfaction(first_week, last_week) -> {(week, team): {...}}
    satisfaction_counts(first_week, last_week) -> {(week, team): SatisfactionCounts}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, select

from bot.tickets.models import to_utc
from bot.tickets.schema import follow_ups, satisfaction_weeks, tickets
from bot.tickets.store import TicketStore, _audit

SIX_WEEKS = timedelta(weeks=6)
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


def _naive(value: datetime) -> datetime:
    return to_utc(value).replace(tzinfo=None)


def week_of(moment: datetime) -> date:
    day = to_utc(moment).date()
    return day - timedelta(days=day.weekday())


class FollowUps:
    def __init__(self, store: TicketStore, clock: Clock | None = None) -> None:
        self.store = store
        self._engine = store.engine
        self._clock = clock

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
        query = (select(follow_ups.c.ticket_id, follow_ups.c.pending)
                 .join(tickets, tickets.c.id == follow_ups.c.ticket_id)
                 .where(and_(tickets.c.sender_key == sender_key,
                             follow_ups.c.pending.is_not(None)))
                 .order_by(tickets.c.created_at.desc()))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (row.ticket_id, row.pending)

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

