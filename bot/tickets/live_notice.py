"""The assignee hears that the member wrote in a live chat while their view was closed
(issue 12, item 3).

The consultant's conversation view (bot/console/live_views.py) is a server-sent event stream
in the console process, and the member's message is stored by the action server, so the
two meet in the database: the open view stamps `live_routes.viewer_seen_at` every
VIEWER_BEAT (and clears it when the stream ends); a view whose stamp is older than
VIEWER_FRESH counts as closed (a browser that vanished without a goodbye).

When a member message is recorded and the view is closed, the outbox gets a neutral notice
of kind `live_message` (bot/notify/message.py: the reference, the assignee and the team,
nothing the member wrote), at most one per ticket per quiet period: a member who types
five lines in a row makes one notice, not five. The quiet period is
`LIVE_CHAT_NOTIFY_QUIET_MINUTES` (default 10), counted from the last notice of the ticket.
The notice goes where the team's notifications go (as the "changed" notice to an
assignee); its rows leave with the ticket (erasure, retention).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from bot.tickets.schema import outbox
from bot.tickets.store import TicketStore

NOTICE_KIND = "live_message"
QUIET_ENV = "LIVE_CHAT_NOTIFY_QUIET_MINUTES"
DEFAULT_QUIET_MINUTES = 10
# The open view stamps this often; a stamp older than VIEWER_FRESH means the view is closed
# (three beats missed: a slow poll is no reason to notify).
VIEWER_BEAT = timedelta(seconds=10)
VIEWER_FRESH = 3 * VIEWER_BEAT


def quiet_minutes(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    try:
        return max(1, int(env.get(QUIET_ENV) or DEFAULT_QUIET_MINUTES))
    except ValueError:
        return DEFAULT_QUIET_MINUTES


def view_is_open(viewer_seen_at: datetime | None, now: datetime) -> bool:
    """Naive UTC datetimes, as stored."""
    return viewer_seen_at is not None and now - viewer_seen_at <= VIEWER_FRESH


def queue_member_notice(store: TicketStore, conn: Connection, ticket: Any, route: Any,
                        now: datetime, quiet: timedelta) -> bool:
    """In the member message's transaction: queue the notice unless the view is open, nobody
    holds the chat, or a notice of this ticket is younger than `quiet`. True when queued."""
    if not ticket.assignee or view_is_open(route.viewer_seen_at, now):
        return False
    recent = conn.execute(select(outbox.c.id).where(and_(
        outbox.c.ticket_id == ticket.id, outbox.c.kind == NOTICE_KIND,
        outbox.c.created_at > now - quiet))).first()
    if recent is not None:
        return False
    store._insert_outbox(  # noqa: SLF001 (the store's own outbox rows, same transaction)
        conn, ticket.id, now, kind=NOTICE_KIND,
        priority=0 if ticket.urgency == "high" else 1,
        reference=ticket.reference, team=ticket.team, assignee=ticket.assignee)
    return True
