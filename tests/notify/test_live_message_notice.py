"""The assignee's notice of a member message in a live chat whose view is closed (issue 12,
item 3), sent by the outbox worker by e-mail like every other notification: the reference,
the assignee and the team, never what the member wrote; one per quiet period."""

from __future__ import annotations

import random
from email import message_from_bytes
from email.policy import default as default_policy

from cryptography.fernet import Fernet
from notify_support import PERSONAL, draft

from bot.notify import Backoff, EmailNotifier, OutboxWorker
from bot.tickets.live import LiveChats, seal

CONSOLE = "http://localhost:8080"
KEY = Fernet.generate_key()
MEMBER_TEXT = "Ik durf het niet te zeggen maar bel me op 0687654321"


async def test_the_assignee_gets_one_neutral_mail_for_messages_while_the_view_is_closed(
    make_store, fake_smtp, clock
):
    handler, port = fake_smtp
    store = make_store(notifiers=("email",))
    ticket = store.create_ticket(draft(
        channel="telegram", way_back=seal("telegram", "telegram:31337", KEY)))
    mailer = EmailNotifier("127.0.0.1", port, "bot@koffiepraat.test", "team@koffiepraat.test")
    worker = OutboxWorker(store, [mailer], console_url=CONSOLE, clock=clock,
                          backoff=Backoff(rng=random.Random(3)))
    assert (await worker.run_once()).sent == 1  # the new ticket
    live = LiveChats(store, clock=clock)
    live.takeover(ticket.id, "anna", "anna")

    live.record_member(ticket.id, MEMBER_TEXT)
    clock.advance(minutes=1)
    live.record_member(ticket.id, "hallo?")  # within the quiet period: no second mail
    assert (await worker.run_once()).sent == 1
    await worker.aclose()

    assert len(handler.messages) == 2
    mail = message_from_bytes(handler.messages[-1].content, policy=default_policy)
    assert mail["Subject"] == (
        f"Koffiepraat: Nieuw bericht in de live chat van aanvraag {ticket.reference}")
    body = mail.get_content()
    assert "Behandelaar: anna" in body and "Midden-Utrecht" in body
    assert f"zoek op {ticket.reference}" in body
    for text in (body, str(mail)):
        assert "0687654321" not in text and "durf" not in text and "hallo?" not in text
        for value in PERSONAL.values():
            assert value not in text
    assert store.outbox_backlog() == 0
