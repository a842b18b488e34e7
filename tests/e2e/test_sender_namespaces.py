"""Sender ids cannot cross channels (issue 13, finding 2; docs/security.md).

A REST or widget client chooses its own sender id. When it picks a WhatsApp
member's number it must reach a conversation of its own: not continue, read back
or erase the member's. Replies still carry the ids the client and the platform
know.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections import defaultdict

import pytest
import sqlalchemy as sa
from platform_calls import post, sign, whatsapp_payload
from stack import said_one_of, texts
from widget_client import WidgetClient

from bot.privacy.conversations import GRACE_SECONDS, process_erasure_requests

pytestmark = pytest.mark.slow


def new_wa_id() -> str:
    return "316" + "".join(random.choices("0123456789", k=8))  # noqa: S311 (test data)


def whatsapp_says(stack, platform, wa_id: str, text: str) -> list[dict]:
    """One WhatsApp message from ``wa_id``; the messages sent back to that number."""
    before = len(platform.whatsapp_messages(wa_id))
    body = whatsapp_payload(wa_id, text, f"wamid.{uuid.uuid4().hex}")
    url = f"http://127.0.0.1:{stack.rasa_port}/webhooks/whatsapp/webhook"
    assert post(url, body, {"X-Hub-Signature-256": sign(body)}) == 200
    sent = platform.wait_for(lambda: platform.whatsapp_messages(wa_id)[before:])
    assert sent, "no WhatsApp reply"
    return sent


def conversations_of(stack, raw_id: str) -> dict[str, set[str]]:
    """Stored conversations whose id contains ``raw_id``: id -> channels of its messages."""
    engine = sa.create_engine(stack.env["TRACKER_STORE_URL"], future=True)
    found: dict[str, set[str]] = defaultdict(set)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT sender_id, type_name, data FROM events WHERE sender_id LIKE :s"),
                {"s": f"%{raw_id}%"})
            for sender_id, type_name, data in rows:
                channels = found[sender_id]
                if type_name == "user":
                    channels.add(json.loads(data).get("input_channel") or "?")
    finally:
        engine.dispose()
    return dict(found)


def erase_due_conversations(stack) -> None:
    """What the worker does within a minute of an erasure request."""
    requests = sa.create_engine(stack.env["TICKETS_DB_URL"], future=True)
    trackers = sa.create_engine(stack.env["TRACKER_STORE_URL"], future=True)
    try:
        process_erasure_requests(requests, trackers, now=time.time() + GRACE_SECONDS + 1)
    finally:
        requests.dispose()
        trackers.dispose()


def whatsapp_text(sent: list[dict]) -> str:
    return "\n".join(m.get("text", {}).get("body", "") or
                     m.get("interactive", {}).get("body", {}).get("text", "") for m in sent)


def assert_apart(conversations: dict[str, set[str]], *channels: str) -> None:
    for channel in channels:
        assert [c for c in conversations.values() if channel in c], (channel, conversations)
    for sender_id, used in conversations.items():
        assert len(used) <= 1, f"{sender_id} mixes channels {used}"


def test_a_rest_sender_equal_to_a_whatsapp_number_gets_its_own_conversation(
        stack, platform, responses):
    wa_id = new_wa_id()
    sent = whatsapp_says(stack, platform, wa_id, "mijn tijdelijk contract stopt over 2 maanden")
    if not said_one_of(whatsapp_text(sent), responses["utter_offer_consultant"]):
        sent = whatsapp_says(stack, platform, wa_id, "ik werk in de schoonmaak")
    assert said_one_of(whatsapp_text(sent), responses["utter_offer_consultant"]), sent

    # Someone on REST picks the member's number: a fresh conversation, not the member's.
    replies = stack.say(wa_id, "ik werk in de schoonmaak")
    assert not said_one_of(texts(replies), responses["utter_offer_consultant"]), replies
    assert {r["recipient_id"] for r in replies} == {wa_id}  # as the client sent it
    assert_apart(conversations_of(stack, wa_id), "whatsapp", "rest")

    # Their erasure erases their conversation only.
    assert said_one_of(texts(stack.say(wa_id, "verwijder al mijn gegevens")),
                       responses["utter_ask_delete_confirm"])
    assert said_one_of(texts(stack.say(wa_id, "/affirm")), responses["utter_deleted"])
    erase_due_conversations(stack)
    left = conversations_of(stack, wa_id)
    assert [c for c in left.values() if "whatsapp" in c], left
    assert not [c for c in left.values() if "rest" in c], left

    # The member's conversation goes on where it was (the offer is still open: "ja graag"
    # takes it), replies to the raw number.
    sent = whatsapp_says(stack, platform, wa_id, "ja graag")
    said = whatsapp_text(sent)
    assert said_one_of(said, responses["utter_ask_consent_given"]), said


async def test_a_widget_session_equal_to_a_whatsapp_number_gets_its_own_conversation(
        stack, platform, responses):
    wa_id = new_wa_id()
    whatsapp_says(stack, platform, wa_id, "hoi")

    widget = WidgetClient(f"http://127.0.0.1:{stack.rasa_port}")
    try:
        assert await widget.open(wa_id) == wa_id
        # Replies reach the widget's own session (its room is the raw session id).
        # A first message gets the introduction first, then its answer.
        replies = await widget.say(wa_id, "verwijder al mijn gegevens", expect=2)
        text = "\n".join(r.get("text", "") for r in replies)
        assert said_one_of(text, responses["utter_ask_delete_confirm"]), text
        assert_apart(conversations_of(stack, wa_id), "whatsapp", "socketio")
        replies = await widget.say(wa_id, "/affirm")
        assert said_one_of(replies[0].get("text", ""), responses["utter_deleted"]), replies
    finally:
        await widget.close()
    erase_due_conversations(stack)
    left = conversations_of(stack, wa_id)
    assert [c for c in left.values() if "whatsapp" in c], left
    assert not [c for c in left.values() if "socketio" in c], left
