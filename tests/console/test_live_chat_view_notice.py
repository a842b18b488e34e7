"""While the consultant's conversation view is open (its event stream), a member message
in the live chat notifies nobody; once the view is closed, the next one notifies the
assignee through the outbox (issue 12, item 3; bot/tickets/live_notice.py)."""

from __future__ import annotations

import asyncio

from console_support import csrf_of
from cryptography.fernet import Fernet

from bot.console.live_views import LIVE
from bot.tickets import Contact, TicketStore
from bot.tickets.live import LiveChats, seal
from bot.tickets.live_notice import NOTICE_KIND
from bot.tickets.schema import live_routes

KEY = Fernet.generate_key()


def viewer_stamp(store: TicketStore, ticket_id: str):
    with store.engine.connect() as conn:
        return conn.execute(live_routes.select().where(
            live_routes.c.ticket_id == ticket_id)).one().viewer_seen_at


async def until(condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def test_the_open_view_holds_notices_back_and_the_closed_view_lets_one_through(
        logged_in, make_ticket, ticket_store, clock, tmp_path):
    client = logged_in
    client.app[LIVE] = LiveChats(ticket_store, 30, clock=clock)
    ticket = make_ticket(channel="telegram", sender_key="v" * 64,
                         contact=Contact(name="Sam", preferred_channel="chat"),
                         way_back=seal("telegram", "telegram:4242", KEY))
    token = await csrf_of(client, f"/tickets/{ticket.id}/gesprek")
    await client.post(f"/tickets/{ticket.id}/gesprek/overnemen", data={"csrf_token": token},
                      allow_redirects=False)
    # The action server's side: its own store, with a notifier on, on the same database.
    member_side = TicketStore.from_url(f"sqlite:///{tmp_path / 'console.db'}",
                                       notifiers=("email",), clock=clock)
    chats = LiveChats(member_side, clock=clock)

    def notices() -> list:
        return [i for i in member_side.outbox_for_ticket(ticket.id) if i.kind == NOTICE_KIND]

    try:
        events = await client.get(f"/tickets/{ticket.id}/gesprek/events?after=0")
        await until(lambda: viewer_stamp(ticket_store, ticket.id) is not None)
        chats.record_member(ticket.id, "ben je daar?")
        assert notices() == []

        events.close()
        await until(lambda: viewer_stamp(ticket_store, ticket.id) is None)
        chats.record_member(ticket.id, "hallo?")
        assert [(i.notifier, i.assignee) for i in notices()] == [("email", "anna")]
    finally:
        member_side.close()
