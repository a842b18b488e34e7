"""The earlier bot chat in the consultant's conversation view (issue 12, item 2), only for a
ticket whose person said yes to "mag de consulent ook lezen wat je hier eerder schreef?"
(`tickets.share_history`, asked in the handover form; no answer is no).

The conversation is found through the ticket's way back (`live_routes.recipient`, the
conversation id encrypted with LIVE_CHAT_KEY, bot/tickets/live.py) and read from Rasa's
tracker store (the `events` table): only the texts of the person and the bot, up to the
moment the ticket was made (what the consent covered), never slots, intents or buttons'
payloads. The erasure rules are the conversation's own: what erasure, retention or the
contact-detail scrub removed or redacted (bot/privacy/conversations.py) is not shown or
shows as "[verwijderd]"; once the ticket is gone there is no view at all.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from bot.privacy.conversations import events
from bot.settings import Settings, with_postgres_timeouts
from bot.tickets.live import NotReachable, live_key, unseal
from bot.tickets.models import Ticket, iso_utc
from bot.tickets.schema import live_routes

logger = logging.getLogger(__name__)

MAX_MESSAGES = 200
SENDERS = {"user": "member", "bot": "bot"}


class EarlierChat:
    def __init__(self, tracker_url: str | None, key: bytes | None) -> None:
        self.tracker_url = tracker_url
        self.key = key
        self._engine: sa.engine.Engine | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EarlierChat:
        env = os.environ if env is None else env
        return cls(Settings.from_env(env).tracker_store_url, live_key(env))

    def _tracker(self) -> sa.engine.Engine:
        if self._engine is None:
            self._engine = sa.create_engine(with_postgres_timeouts(self.tracker_url), future=True)
        return self._engine

    def for_ticket(self, ticket: Ticket, tickets_engine: sa.engine.Engine
                   ) -> list[dict[str, Any]]:
        """[{"from": "member"|"bot", "text", "at", "earlier": True}], oldest first; [] when
        the person did not agree, there is no way back, or nothing is left."""
        if not ticket.share_history or self.key is None or not self.tracker_url:
            return []
        with tickets_engine.connect() as conn:
            sealed = conn.execute(sa.select(live_routes.c.recipient).where(
                live_routes.c.ticket_id == ticket.id)).scalar()
        if sealed is None:
            return []
        try:
            _, conversation = unseal(sealed, self.key)
        except NotReachable:
            return []
        engine = self._tracker()
        if not sa.inspect(engine).has_table("events"):
            return []
        until = ticket.created_at.timestamp()
        query = (sa.select(events.c.type_name, events.c.timestamp, events.c.data)
                 .where(sa.and_(events.c.sender_id == conversation,
                                events.c.type_name.in_(tuple(SENDERS)),
                                events.c.timestamp <= until))
                 .order_by(events.c.id))
        out: list[dict[str, Any]] = []
        with engine.connect() as conn:
            for row in conn.execute(query):
                text = (json.loads(row.data).get("text") or "").strip()
                if not text or text.startswith("/"):
                    continue  # a button's payload: its answer follows as the bot's text
                out.append({"from": SENDERS[row.type_name], "text": text,
                            "at": iso_utc(datetime.fromtimestamp(row.timestamp, UTC)),
                            "earlier": True})
        return out[-MAX_MESSAGES:]

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
