"""The ticket page links to the conversation view /tickets/{id}/gesprek (issue 12) only
when a live chat can happen for the ticket (a way back was stored and the ticket is not
closed), and only to those who may see the ticket (the team boundary)."""

from __future__ import annotations

from console_support import PASSWORD, login
from cryptography.fernet import Fernet

from bot.tickets import Contact
from bot.tickets.live import LiveChats, seal

KEY = Fernet.generate_key()
LINK = 'id="gesprek-link"'


def chat_ticket(make_ticket, region: str = "Utrecht"):
    return make_ticket(channel="whatsapp", sender_key="c" * 64, region=region,
                       contact=Contact(name="Sam", preferred_channel="chat"),
                       way_back=seal("whatsapp", "whatsapp:31600000000", KEY))


async def test_a_chat_ticket_links_to_its_conversation_view(logged_in, make_ticket,
                                                            ticket_store):
    ticket = chat_ticket(make_ticket)
    html = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    assert LINK in html and f'href="/tickets/{ticket.id}/gesprek"' in html
    assert "Antwoorden in de chat" in html and "WhatsApp" in html
    assert (await logged_in.get(f"/tickets/{ticket.id}/gesprek")).status == 200

    LiveChats(ticket_store).takeover(ticket.id, "anna", "anna")
    html = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    assert "Open het live gesprek" in html and "de chatbot is stil" in html


async def test_no_link_without_a_way_back_or_once_closed(logged_in, make_ticket,
                                                        ticket_store):
    phone_only = make_ticket()
    html = await (await logged_in.get(f"/tickets/{phone_only.id}")).text()
    assert LINK not in html and "/gesprek" not in html

    closed = chat_ticket(make_ticket)
    ticket_store.update_ticket(closed.id, status="closed", actor="anna")
    html = await (await logged_in.get(f"/tickets/{closed.id}")).text()
    assert LINK not in html and "/gesprek" not in html


async def test_only_who_may_see_the_ticket_gets_the_link(make_client, accounts, make_ticket):
    own = chat_ticket(make_ticket)
    other = make_ticket(channel="telegram", sender_key="g" * 64, region="Gent",
                        contact=Contact(name="Lien", preferred_channel="chat"),
                        way_back=seal("telegram", "telegram:99", KEY))
    assert (own.team, other.team) == ("midden-utrecht", "vlaanderen")
    accounts.add_consultant("bob", PASSWORD, team="midden-utrecht")
    bob = await make_client()
    assert (await login(bob, "bob")).status == 303

    assert LINK in await (await bob.get(f"/tickets/{own.id}")).text()
    for path in (f"/tickets/{other.id}", f"/tickets/{other.id}/gesprek"):
        response = await bob.get(path)
        assert response.status == 404 and "/gesprek" not in await response.text()
