"""The warm-lead handover end to end: REST conversation -> one ticket -> consultant
notification on a fake Telegram Bot API; and the unhappy paths."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import pytest
from e2e_env import CONSULTANT_CHAT_ID
from handover_flow import complete_handover, tickets_of, walk_to_consent
from stack import said_one_of, texts

from bot.notify.notify_settings import configured_notifiers
from bot.notify.outbox_worker import OutboxWorker

pytestmark = pytest.mark.slow



async def test_full_handover_creates_one_ticket_and_notifies(stack, store, responses, platform):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    reference = complete_handover(stack, sender, responses)

    [ticket] = tickets_of(store, sender)
    data = ticket.to_api()
    assert data["reference"] == reference
    assert data["primary_topic"] == "flex_contract"
    assert data["channel"] == "rest"
    assert data["contact"] == {"name": "Fatima", "preferred_channel": "phone",
                               "phone": "+31612345678", "email": None,
                               "preferred_time": "morgen na 3 uur"}
    assert data["region"] == "Tilburg"
    assert data["consent"]["text_version"]
    assert datetime.fromisoformat(data["consent"]["given_at"]) <= datetime.now(UTC)
    if data["deadline"]:
        assert data["urgency"] == "high"
    else:
        assert data["urgency"] == "normal"

    # The outbox delivers to the consultants' group without contact details.
    worker = OutboxWorker(store, configured_notifiers(stack.env))
    result = await worker.run_once()
    assert result.sent >= 1
    sent = [m["text"] for m in platform.telegram_messages(CONSULTANT_CHAT_ID)]
    assert any(reference in text for text in sent)
    assert not any("Fatima" in t or "12345678" in t for t in sent)

    # Saying yes again (a double tap) does not create a second ticket.
    stack.say(sender, "/affirm")
    assert len(tickets_of(store, sender)) == 1

    # No personal data or message text in the logs of Rasa and the action server.
    logs = stack.log_path("rasa").read_text(errors="replace") + stack.log_path(
        "actions").read_text(errors="replace")
    for secret in ("Fatima", "fatima", "12345678", "+31612345678", "schoonmaak",
                   "morgen na 3 uur", sender):
        assert secret not in logs, f"{secret!r} found in the logs"


def test_declining_consent_stores_nothing(stack, store, responses):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    walk_to_consent(stack, sender, responses)
    reply = texts(stack.say(sender, "/deny"))
    assert said_one_of(reply, responses["utter_consent_declined"]), reply
    assert tickets_of(store, sender) == []
    # The conversation goes on helpfully.
    assert texts(stack.say(sender, "wat kost een loopbaangesprek?"))


def test_stopping_mid_form_stores_nothing(stack, store, responses):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    walk_to_consent(stack, sender, responses)
    stack.say(sender, "/affirm")
    # A stop loses what was typed, so it is confirmed first, with what will be lost.
    reply = texts(stack.say(sender, "laat maar"))
    assert said_one_of(reply, responses["utter_ask_stop_confirm"]), reply
    reply = texts(stack.say(sender, "/affirm"))
    assert said_one_of(reply, responses["utter_form_stopped"]), reply
    assert tickets_of(store, sender) == []


def test_invalid_email_gets_a_correction(stack, store, responses):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    stack.say(sender, "ik wil graag met een loopbaancoach praten")
    reply = texts(stack.say(sender, "/affirm"))
    # Nothing said about the topic yet: one question about it, then the contact.
    assert said_one_of(reply, responses["utter_ask_about"]), reply
    stack.say(sender, "mijn contract wordt niet verlengd")
    stack.say(sender, "Henk")
    stack.say(sender, '/inform{"contact_channel":"email"}')
    reply = texts(stack.say(sender, "henk at gmail"))
    assert said_one_of(reply, responses["utter_invalid_email"]), reply
    reply = texts(stack.say(sender, "henk.devries@voorbeeld.nl"))
    assert "henk.devries@voorbeeld.nl" in reply  # shown back
    # A mail needs no call time: the next question is the region.
    assert said_one_of(reply, responses["utter_ask_region"]), reply


def test_crisis_mid_form_stops_the_form(stack, store, responses):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    walk_to_consent(stack, sender, responses)
    reply = texts(stack.say(sender, "ik wil eigenlijk dood"))
    assert "113" in reply
    assert tickets_of(store, sender) == []


def test_delete_my_data_removes_the_tickets(stack, store, responses):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    stack.say(sender, "bel me terug alsjeblieft")
    stack.say(sender, "/affirm")
    stack.say(sender, "weet ik niet precies")  # what it is about: skipped
    stack.say(sender, "anoniem")
    stack.say(sender, "Utrecht")
    stack.say(sender, "allebei nee")  # the two choices before the summary
    reply = texts(stack.say(sender, "/affirm"))
    assert re.search(r"KP-[0-9A-Z]{6}", reply), reply
    assert len(tickets_of(store, sender)) == 1
    reply = texts(stack.say(sender, "verwijder al mijn gegevens"))
    assert said_one_of(reply, responses["utter_ask_delete_confirm"]), reply
    reply = texts(stack.say(sender, "/affirm"))
    assert said_one_of(reply, responses["utter_deleted"]), reply
    assert tickets_of(store, sender) == []
