"""Live chat in the console (issue 12): the contract's operations (bearer token), the
conversation view with server-sent events, CSP, and no message text in the logs."""

from __future__ import annotations

import asyncio
import logging

from console_support import bearer, csrf_of
from cryptography.fernet import Fernet

from bot.console.live_views import LIVE, LIVE_SENDER
from bot.tickets import Contact
from bot.tickets.live import LiveChats, seal

KEY = Fernet.generate_key()


class RecordingSender:
    """Stands in for LiveSender: the console asks it to deliver right after a change."""

    def __init__(self) -> None:
        self.runs = 0

    async def deliver_due(self, chats) -> int:
        self.runs += 1
        return len(chats.due_deliveries())


def chat_ticket(make_ticket, channel: str = "telegram"):
    return make_ticket(channel=channel, sender_key="s" * 64,
                       contact=Contact(name="Sam", preferred_channel="chat"),
                       way_back=seal(channel, f"{channel}:4242", KEY))


async def test_takeover_reply_read_handback_through_the_api(client, make_ticket, caplog):
    caplog.set_level(logging.DEBUG)
    sender = RecordingSender()
    client.app[LIVE_SENDER] = sender
    ticket = chat_ticket(make_ticket)
    url = f"/api/tickets/{ticket.id}"
    assert (await client.post(f"{url}/takeover", json={"assignee": "anna"})).status == 401
    not_live = await client.post(f"{url}/messages", json={"text": "Hoi", "author": "anna"},
                                 headers=bearer())
    assert not_live.status == 409
    taken = await client.post(f"{url}/takeover", json={"assignee": "anna"}, headers=bearer())
    assert taken.status == 200
    body = await taken.json()
    assert body["live"] is True and body["assignee"] == "anna" and body["status"] == "claimed"
    sent = await client.post(f"{url}/messages", headers=bearer(),
                             json={"text": "Geheim antwoord 12345", "author": "anna"})
    assert sent.status == 202
    await asyncio.sleep(0)  # the delivery task runs
    listed = await (await client.get(f"{url}/messages", headers=bearer())).json()
    assert [(m["from"], m["text"]) for m in listed["messages"]][1] == (
        "consultant", "Geheim antwoord 12345")
    assert all(m["at"].endswith("Z") for m in listed["messages"])
    back = await client.post(f"{url}/handback", headers=bearer())
    assert back.status == 200 and (await back.json())["live"] is False
    assert (await client.get(url, headers=bearer())).status == 200
    assert sender.runs >= 3
    assert "Geheim antwoord" not in caplog.text


async def test_takeover_is_409_without_a_way_back_or_after_erasure(client, make_ticket,
                                                                  ticket_store):
    phone_only = make_ticket()
    response = await client.post(f"/api/tickets/{phone_only.id}/takeover",
                                 json={"assignee": "anna"}, headers=bearer())
    assert response.status == 409
    erased = chat_ticket(make_ticket)
    ticket_store.delete_for_sender("s" * 64)
    response = await client.post(f"/api/tickets/{erased.id}/takeover",
                                 json={"assignee": "anna"}, headers=bearer())
    assert response.status == 409
    unknown = await client.post("/api/tickets/00000000-0000-4000-8000-000000000000/takeover",
                                json={"assignee": "anna"}, headers=bearer())
    assert unknown.status == 404


async def test_conversation_view_takes_over_streams_member_messages_and_hands_back(
        logged_in, make_ticket, ticket_store, clock):
    client = logged_in
    client.app[LIVE] = live = LiveChats(ticket_store, 30, clock=clock)
    ticket = chat_ticket(make_ticket)
    page = await client.get(f"/tickets/{ticket.id}/gesprek")
    assert page.status == 200
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    html = await page.text()
    assert "Gesprek overnemen" in html and "<script src=\"/static/live.js\">" in html
    token = await csrf_of(client, f"/tickets/{ticket.id}/gesprek")
    taken = await client.post(f"/tickets/{ticket.id}/gesprek/overnemen",
                              data={"csrf_token": token}, allow_redirects=False)
    assert taken.status == 303 and ticket_store.get_ticket(ticket.id).live
    forged = await client.post(f"/tickets/{ticket.id}/gesprek/sturen",
                               data={"text": "x", "csrf_token": "wrong"})
    assert forged.status == 403
    reply = await client.post(f"/tickets/{ticket.id}/gesprek/sturen",
                              data={"text": "Hoi Sam", "csrf_token": token},
                              headers={"X-Requested-With": "fetch"})
    assert (await reply.json()) == {"ok": True}

    events = await client.get(f"/tickets/{ticket.id}/gesprek/events?after=0")
    assert events.headers["Content-Type"].startswith("text/event-stream")
    first = await asyncio.wait_for(events.content.readuntil(b"\n\n"), 5)
    assert first.startswith(b"id: 1\n")
    # The person writes (through any Rasa process: it is in the database).
    live.record_member(ticket.id, "Dank je, ik heb een vraag", crisis=True)
    seen = b""
    while b"ik heb een vraag" not in seen:
        seen += await asyncio.wait_for(events.content.readuntil(b"\n\n"), 5)
    seen += await asyncio.wait_for(events.content.readuntil(b"\n\n"), 5)
    assert b'"crisis": true' in seen
    events.close()

    back = await client.post(f"/tickets/{ticket.id}/gesprek/teruggeven",
                             data={"csrf_token": token}, allow_redirects=False)
    assert back.status == 303 and not ticket_store.get_ticket(ticket.id).live
    html = await (await client.get(f"/tickets/{ticket.id}/gesprek")).text()
    assert "Hoi Sam" in html and "Teruggegeven" not in html and "Gesprek overnemen" in html
