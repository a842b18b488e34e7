"""The console's delivery loop (bot/channels/live_delivery.py) expires follow-up questions
left unanswered for FOLLOW_UP_ANSWER_DAYS (issue 15, item 4), read from the environment."""

from __future__ import annotations

import asyncio

from cryptography.fernet import Fernet
from ticket_data import T0, ManualClock, make_draft

from bot.channels.live_delivery import run_delivery_loop
from bot.tickets.follow_up import FollowUps
from bot.tickets.live import LiveChats, seal
from bot.tickets.schema import follow_ups

KEY = Fernet.generate_key()


class NothingToDeliver:
    """Stands in for LiveSender: no live-chat message is waiting."""

    key = KEY

    async def deliver_due(self, chats) -> int:
        return 0


def pending(store, ticket_id: str) -> str | None:
    with store.engine.connect() as conn:
        return conn.execute(follow_ups.select().where(
            follow_ups.c.ticket_id == ticket_id)).one().pending


async def test_the_delivery_loop_expires_an_unanswered_question(tmp_path, monkeypatch,
                                                                 open_store):
    monkeypatch.setenv("FOLLOW_UP_ANSWER_DAYS", "2")
    clock = ManualClock(T0)
    store = open_store(f"sqlite:///{tmp_path / 'tickets.db'}", clock=clock)
    ticket = store.create_ticket(make_draft(
        "loop-1", channel="telegram", urgency="normal", sender_key="l" * 64,
        follow_up=True, follow_up_route=seal("telegram", "telegram:55", KEY)))
    clock.advance(days=5)
    assert [q.kind for q in FollowUps(store, clock=clock).due()] == ["contact"]
    clock.advance(days=3)  # past the 2 days configured, within the default 7

    stop = asyncio.Event()
    loop = asyncio.create_task(run_delivery_loop(
        LiveChats(store, clock=clock), NothingToDeliver(), stop, every_seconds=0.01))
    try:
        for _ in range(500):
            if pending(store, ticket.id) is None:
                break
            await asyncio.sleep(0.01)
    finally:
        stop.set()
        await asyncio.wait_for(loop, 10)
    assert pending(store, ticket.id) is None
    assert "follow_up_expired" in [a.action for a in store.audit_trail(ticket.id)]
