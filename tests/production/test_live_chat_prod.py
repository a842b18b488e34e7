"""Live chat (issue 12) in the production profile: two Rasa processes behind HAProxy on
PostgreSQL. While a consultant holds the conversation, no message gets a bot answer,
whichever process receives it; after the hand-back the bot answers again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.fernet import Fernet

from bot.privacy.sender_key import sender_key
from bot.tickets import Contact, TicketDraft, TicketStore
from bot.tickets.live import LiveChats, seal

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]


# `prod`, the running production profile, comes from tests/production/conftest.py.


def bot_texts(replies: list[dict]) -> list[str]:
    return [r["text"] for r in replies if r.get("text")]


def test_no_bot_answer_during_a_takeover_on_any_rasa_process(prod):
    store = TicketStore.from_url(prod.env["TICKETS_DB_URL"])
    chats = LiveChats(store)
    sender = prod.new_sender()
    ticket = store.create_ticket(TicketDraft(
        idempotency_key=f"live-{sender}", channel="rest", primary_topic="job_search",
        consent_given_at=datetime.now(UTC), consent_text_version="prod-test",
        summary="Wil praten over werk", contact=Contact(preferred_channel="chat"),
        sender_key=sender_key("rest", sender, secret="prod-test-secret"),
        way_back=seal("rest", f"rest:{sender}", Fernet.generate_key())))
    chats.takeover(ticket.id, "anna", "anna")
    first = prod.say_to(prod.rasa_url(1), sender, "hallo, is daar iemand?").json()
    assert [t.split(",")[0] for t in bot_texts(first)] == ["Je praat nu met Anna"]
    urls = [prod.rasa_url(1), prod.rasa_url(2), prod.lb_url] * 2
    for number, url in enumerate(urls):
        replies = prod.say_to(url, sender, f"ik heb een vraag over mijn contract ({number})")
        assert replies.status == 200
        assert bot_texts(replies.json()) == [], (url, replies.json())
        assert [r.get("custom") for r in replies.json()] == [{"live_chat": "received"}]
    member = [m.text for m in chats.messages(ticket.id) if m.sender == "member"]
    assert len(member) == 1 + len(urls)  # every message reached the consultant's view

    chats.handback(ticket.id, "anna")
    back = bot_texts(prod.say_to(prod.rasa_url(2), sender, "hallo").json())
    assert any("heeft het gesprek afgesloten" in t for t in back)
    assert len(back) >= 2, back  # and the bot answers again
    store.close()
