"""The earlier bot chat in the consultant's view (issue 12, item 2): only when the person
agreed to share it, only the person's and the bot's texts up to the ticket, and nothing
once erasure or retention removed the conversation or the ticket."""

from __future__ import annotations

import json
from datetime import timedelta

import sqlalchemy as sa
from console_support import bearer
from cryptography.fernet import Fernet

from bot.console.earlier_chat import EarlierChat
from bot.console.live_views import EARLIER
from bot.privacy.conversations import events
from bot.tickets import Contact
from bot.tickets.live import seal

KEY = Fernet.generate_key()
CONVERSATION = "telegram:4242"


def tracker_db(tmp_path, clock) -> str:
    url = f"sqlite:///{tmp_path / 'rasa.db'}"
    engine = sa.create_engine(url, future=True)
    events.metadata.create_all(engine)
    start = (clock() - timedelta(minutes=10)).timestamp()
    rows = [
        ("user", start, {"text": "mijn contract stopt en ik slaap slecht"}),
        ("slot", start + 1, {"name": "topics", "value": ["flex_contract"]}),
        ("bot", start + 2, {"text": "Wat vervelend. Wil je een consulent spreken?"}),
        ("user", start + 3, {"text": "/affirm"}),
        ("bot", start + 4, {"text": "[verwijderd]"}),  # scrubbed contact details
        ("user", start + 10_000, {"text": "na de aanvraag geschreven"}),  # after the ticket
        ("user", start, {"text": "iemand anders"}),
    ]
    with engine.begin() as conn:
        for kind, at, data in rows:
            conn.execute(events.insert().values(
                sender_id="telegram:9999" if data.get("text") == "iemand anders" else CONVERSATION,
                type_name=kind, timestamp=at, action_name=None, data=json.dumps(data)))
    engine.dispose()
    return url


def ticket(make_ticket, share: bool):
    return make_ticket(channel="telegram", sender_key="s" * 64, share_history=share,
                       contact=Contact(name="Sam", preferred_channel="chat"),
                       way_back=seal("telegram", CONVERSATION, KEY))


async def messages(client, ticket_id: str) -> list[dict]:
    response = await client.get(f"/api/tickets/{ticket_id}/messages", headers=bearer())
    assert response.status == 200
    return (await response.json())["messages"]


async def test_earlier_chat_only_with_the_persons_yes(client, make_ticket, ticket_store,
                                                      tmp_path, clock):
    client.app[EARLIER] = EarlierChat(tracker_db(tmp_path, clock), KEY)
    shared = ticket(make_ticket, share=True)
    private = ticket(make_ticket, share=False)
    earlier = await messages(client, shared.id)
    assert [(m["from"], m["text"]) for m in earlier] == [
        ("member", "mijn contract stopt en ik slaap slecht"),
        ("bot", "Wat vervelend. Wil je een consulent spreken?"),
        ("bot", "[verwijderd]")]
    assert all(m["earlier"] is True and m["at"].endswith("Z") for m in earlier)
    assert await messages(client, private.id) == []

    ticket_store.delete_for_sender("s" * 64)  # erasure: the ticket and its way back go
    for gone in (shared, private):
        response = await client.get(f"/api/tickets/{gone.id}/messages", headers=bearer())
        assert response.status == 404


async def test_the_view_shows_it_only_with_the_yes(logged_in, make_ticket, tmp_path, clock):
    logged_in.app[EARLIER] = EarlierChat(tracker_db(tmp_path, clock), KEY)
    shared = ticket(make_ticket, share=True)
    private = ticket(make_ticket, share=False)
    page = await (await logged_in.get(f"/tickets/{shared.id}/gesprek")).text()
    assert "Eerdere chat met de chatbot" in page and "ik slaap slecht" in page
    assert "na de aanvraag geschreven" not in page and "/affirm" not in page
    page = await (await logged_in.get(f"/tickets/{private.id}/gesprek")).text()
    assert "ik slaap slecht" not in page and "geen toestemming" in page


async def test_a_purged_conversation_shows_nothing(client, make_ticket, tmp_path, clock):
    url = tracker_db(tmp_path, clock)
    engine = sa.create_engine(url, future=True)
    with engine.begin() as conn:
        conn.execute(events.delete())  # erasure request processed / retention purge
    engine.dispose()
    client.app[EARLIER] = EarlierChat(url, KEY)
    assert await messages(client, ticket(make_ticket, share=True).id) == []
