"""Live chat (issue 12) through the real stack: Rasa with the trained model and the action
server, the fake Telegram and WhatsApp APIs. The console's side is LiveChats + LiveSender,
the same operations its API and conversation view call."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from e2e_env import LIVE_CHAT_KEY, LIVE_TEMPLATE, TELEGRAM_SECRET, platform_env
from platform_calls import post, sign, telegram_update, whatsapp_payload
from stack import said_one_of, texts

from bot.channels.live_delivery import LiveSender
from bot.privacy.sender_key import sender_key
from bot.tickets import Contact, TicketDraft
from bot.tickets.live import MEMBER_STOP_TEXT, LiveChats, live_key, seal, unseal
from bot.tickets.schema import live_messages, live_routes

pytestmark = pytest.mark.slow
SECRET = "e2e-test-secret"  # TICKETS_SENDER_KEY_SECRET of the stack
KEY = live_key({"LIVE_CHAT_KEY": LIVE_CHAT_KEY})


@pytest.fixture
def chats(store):
    return LiveChats(store)


@pytest.fixture
def sender(platform):
    return LiveSender(KEY, platform_env(platform.url))


def deliver(chats: LiveChats, sender: LiveSender) -> int:
    async def run() -> int:
        try:
            return await sender.deliver_due(chats)
        finally:
            await sender.aclose()
    return asyncio.run(run())


def chat_ticket(store, channel: str, conversation: str, consent_at: datetime | None = None):
    """A ticket as the handover stores it when the person chose "hier in de chat"."""
    return store.create_ticket(TicketDraft(
        idempotency_key=f"live-{conversation}", channel=channel, primary_topic="job_search",
        consent_given_at=consent_at or datetime.now(UTC), consent_text_version="e2e",
        summary="Wil praten over werk", contact=Contact(preferred_channel="chat"),
        sender_key=sender_key(channel, conversation, secret=SECRET),
        way_back=seal(channel, conversation, KEY)))


def telegram_says(stack, chat_id: int, text: str) -> None:
    url = f"http://127.0.0.1:{stack.rasa_port}/webhooks/telegram/webhook"
    assert post(url, telegram_update(chat_id, text),
                {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}) == 200


def whatsapp_says(stack, wa_id: str, text: str, message_id: str) -> None:
    url = f"http://127.0.0.1:{stack.rasa_port}/webhooks/whatsapp/webhook"
    body = whatsapp_payload(wa_id, text, message_id)
    assert post(url, body, {"X-Hub-Signature-256": sign(body)}) == 200


def test_rest_handover_in_the_chat_stores_an_encrypted_way_back(stack, store, responses):
    sender_id = "live-rest-handover"
    stack.say(sender_id, "mijn tijdelijk contract stopt over 2 maanden")
    stack.say(sender_id, "ik werk in de schoonmaak")
    stack.say(sender_id, "ja graag")
    stack.say(sender_id, "/affirm")
    stack.say(sender_id, "ik ben sam")
    reply = texts(stack.say(sender_id, '/inform{"contact_channel":"chat"}'))
    for _ in range(6):
        if re.search(r"KP-[0-9A-Z]{6}", reply):
            break
        if said_one_of(reply, responses["utter_ask_summary_confirmed"]):
            reply = texts(stack.say(sender_id, "/affirm"))
        else:
            reply = texts(stack.say(sender_id, "Tilburg"))
    assert re.search(r"KP-[0-9A-Z]{6}", reply), reply
    key = sender_key("rest", sender_id, secret=SECRET)
    [ticket] = store.open_tickets_for_sender(key)
    with store.engine.connect() as conn:
        [route] = conn.execute(sa.select(live_routes)).all()[-1:]
    assert route.ticket_id == ticket.id and sender_id not in route.recipient
    assert unseal(route.recipient, KEY) == ("rest", f"rest:{sender_id}")


def test_telegram_reply_arrives_bot_silent_then_answers_after_handback(
        stack, platform, store, chats, sender, responses):
    chat_id = 7301
    ticket = chat_ticket(store, "telegram", f"telegram:{chat_id}")
    chats.takeover(ticket.id, "anna", "anna")
    chats.send_consultant(ticket.id, "anna", "Hoi, ik ben Anna. Vertel maar.")
    assert deliver(chats, sender) == 2
    sent = platform.wait_for(lambda: platform.telegram_messages(chat_id), count=2)
    assert "Je praat nu met Anna" in sent[0]["text"]
    assert sent[1]["text"] == "Anna (consulent): Hoi, ik ben Anna. Vertel maar."

    telegram_says(stack, chat_id, "hoi, mijn contract stopt en ik weet niet wat ik moet doen")
    assert len(platform.telegram_messages(chat_id)) == 2  # the bot said nothing
    assert [m.sender for m in chats.messages(ticket.id)][-1] == "member"

    chats.handback(ticket.id, "anna")
    assert deliver(chats, sender) == 1
    assert "heeft het gesprek afgesloten" in platform.telegram_messages(chat_id)[2]["text"]
    telegram_says(stack, chat_id, "hallo")
    answer = platform.wait_for(lambda: platform.telegram_messages(chat_id), count=4)
    assert said_one_of("\n".join(m["text"] for m in answer[3:]), responses["utter_greet"])


def test_whatsapp_outside_the_window_gets_the_template_then_the_text(
        stack, platform, store, chats, sender):
    wa_id = "31677001122"
    ticket = chat_ticket(store, "whatsapp", f"whatsapp:{wa_id}",
                         consent_at=datetime.now(UTC) - timedelta(days=2))
    chats.takeover(ticket.id, "anna", "anna")
    chats.send_consultant(ticket.id, "anna", "Zullen we het over je contract hebben?")
    deliver(chats, sender)
    [template] = platform.wait_for(lambda: platform.whatsapp_messages(wa_id))
    assert template["type"] == "template" and template["template"]["name"] == LIVE_TEMPLATE
    assert deliver(chats, sender) == 0  # no second template, no text outside the window

    whatsapp_says(stack, wa_id, "ja hoor, ik ben er", "wamid.live-1")
    sent = platform.whatsapp_messages(wa_id)
    bodies = [m["text"]["body"] for m in sent if m.get("type") == "text"]
    assert bodies[-1] == "Anna (consulent): Zullen we het over je contract hebben?"
    assert "Je praat nu met Anna" in bodies[0]
    assert len(sent) == 3  # template + the two waiting texts; the bot itself is silent

    chats.send_consultant(ticket.id, "anna", "Fijn. Wanneer stopt het?")
    deliver(chats, sender)  # inside the window now: a text straight away
    assert platform.whatsapp_messages(wa_id)[-1]["text"]["body"].endswith("Wanneer stopt het?")

    whatsapp_says(stack, wa_id, "stop", "wamid.live-2")
    assert platform.whatsapp_messages(wa_id)[-1]["text"]["body"] == MEMBER_STOP_TEXT
    assert not store.get_ticket(ticket.id).live
    before = len(platform.whatsapp_messages(wa_id))
    whatsapp_says(stack, wa_id, "hoi", "wamid.live-3")
    assert len(platform.whatsapp_messages(wa_id)) > before  # the bot answers again


def test_crisis_during_a_live_chat_gets_the_crisis_answer_and_flags_it(
        stack, store, chats, responses):
    sender_id = "live-rest-crisis"
    ticket = chat_ticket(store, "rest", sender_id)
    chats.takeover(ticket.id, "anna", "anna")
    first = stack.say(sender_id, "ik heb een vraag over mijn ontslag")
    assert "Je praat nu met Anna" in texts(first)  # what waited for this reply
    received = [{"recipient_id": sender_id, "custom": {"live_chat": "received"}}]
    assert first[1:] == received  # and nothing from the bot
    assert stack.say(sender_id, "nog een vraag over de WW") == received
    reply = texts(stack.say(sender_id, "ik wil niet meer leven"))
    assert said_one_of(reply, responses["utter_crisis"]), reply
    assert store.get_ticket(ticket.id).safety_flag is True
    assert store.get_ticket(ticket.id).live is True
    crisis = [m for m in chats.messages(ticket.id) if m.crisis]
    assert [m.sender for m in crisis] == ["member"]


def test_erasure_during_a_live_chat_ends_and_erases_it(stack, store, chats):
    sender_id = "live-rest-erase"
    ticket = chat_ticket(store, "rest", sender_id)
    chats.takeover(ticket.id, "anna", "anna")
    chats.send_consultant(ticket.id, "anna", "Hallo")
    stack.say(sender_id, "hallo")
    reply = stack.say(sender_id, "verwijder al mijn gegevens")
    assert reply, "the bot answers the erasure request"
    assert store.get_ticket(ticket.id).live  # it ends only when the erasure happens
    stack.say(sender_id, "/affirm")
    assert store.get_ticket(ticket.id) is None
    with store.engine.connect() as conn:
        for table in (live_routes, live_messages):
            left = conn.execute(sa.select(sa.func.count()).select_from(table).where(
                table.c.ticket_id == ticket.id)).scalar()
            assert left == 0


async def next_reply(client) -> dict:
    return await asyncio.wait_for(client.replies.get(), 30)


async def test_widget_gets_consultant_messages_pushed_live_and_on_reconnect(stack, store, chats):
    from widget_client import WidgetClient

    url = f"http://127.0.0.1:{stack.rasa_port}"
    session = "live-widget-session-1"
    ticket = chat_ticket(store, "socketio", f"socketio:{session}")
    client = WidgetClient(url)
    await client.open(session)
    chats.takeover(ticket.id, "anna de vries", "anna")
    chats.send_consultant(ticket.id, "anna de vries", "Hoi, ik ben Anna.")
    # Pushed while connected: the member has not typed anything.
    first, second = await next_reply(client), await next_reply(client)
    assert "Je praat nu met Anna" in first["text"]
    assert second["text"] == "Anna (consulent): Hoi, ik ben Anna."
    assert second["live_chat"] == {"live": True, "name": "Anna"}
    await client.close()

    chats.send_consultant(ticket.id, "anna de vries", "Ben je er nog?")  # nobody connected
    again = WidgetClient(url)
    await again.open(session)
    pushed = await next_reply(again)  # delivered on the reconnect
    assert pushed["text"] == "Anna (consulent): Ben je er nog?"
    replies = await again.say(session, "ja, ik ben er weer")
    assert replies == [{"live_chat": {"live": True, "name": "Anna"}}]  # the bot is silent
    assert [m.sender for m in chats.messages(ticket.id)][-1] == "member"

    chats.handback(ticket.id, "anna")
    back = await next_reply(again)
    assert "heeft het gesprek afgesloten" in back["text"]
    assert back["live_chat"] == {"live": False, "name": None}
    waiting = [m for m in chats.messages(ticket.id) if m.sender in ("consultant", "system")]
    with store.engine.connect() as conn:
        undelivered = conn.execute(sa.select(sa.func.count()).select_from(live_messages).where(
            live_messages.c.ticket_id == ticket.id, live_messages.c.deliver.is_(True),
            live_messages.c.delivered_at.is_(None))).scalar()
    assert waiting and undelivered == 0  # each delivered once
    await again.close()
