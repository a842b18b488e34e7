"""The handover conversation, shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

import re

import sqlalchemy as sa
from stack import Stack, said_one_of, texts

from bot.privacy.sender_key import sender_key
from bot.tickets.store import TicketStore


def tickets_of(store: TicketStore, sender: str) -> list:
    key = sender_key("rest", sender, secret="e2e-test-secret")
    with store.engine.connect() as conn:
        ids = {row[0] for row in conn.execute(
            sa.text("SELECT id FROM tickets WHERE sender_key = :key"), {"key": key})}
    return [t for t in store.list_tickets() if t.id in ids]


def walk_to_consent(stack, sender: str, responses) -> None:
    # The first message may get a knowledge answer and the offer at once (it says
    # enough); otherwise the offer follows the next one.
    reply = texts(stack.say(sender, "mijn tijdelijk contract stopt over 2 maanden"))
    if not said_one_of(reply, responses["utter_offer_consultant"]):
        reply = texts(stack.say(sender, "ik werk in de schoonmaak"))
    assert said_one_of(reply, responses["utter_offer_consultant"]), reply
    reply = texts(stack.say(sender, "ja graag"))
    assert said_one_of(reply, responses["utter_ask_consent_given"]), reply


def walk_to_summary(stack: Stack, sender: str, responses) -> None:
    """Flex contract ending -> offer accepted -> consent -> contact details, up to the
    question whether the summary is right (the next "/affirm" stores the ticket)."""
    walk_to_consent(stack, sender, responses)
    assert said_one_of(texts(stack.say(sender, "/affirm")), responses["utter_ask_contact_name"])
    stack.say(sender, "ik ben fatima")
    reply = texts(stack.say(sender, '/inform{"contact_channel":"phone"}'))
    assert said_one_of(reply, responses["utter_ask_contact_phone"]), reply
    reply = texts(stack.say(sender, "06 123"))
    assert "06 123" in reply, reply  # kept as the first part ("Stuur je de rest ...?")
    reply = texts(stack.say(sender, "4567"))
    assert said_one_of(reply, responses["utter_invalid_phone"]), reply  # 9 digits
    stack.say(sender, "06-12345678")
    stack.say(sender, "morgen na 3 uur")
    reply = texts(stack.say(sender, "Tilburg"))
    assert said_one_of(reply, responses["utter_ask_choices"]), reply
    reply = texts(stack.say(sender, "allebei nee"))
    assert said_one_of(reply, responses["utter_ask_summary_confirmed"]), reply


def complete_handover(stack: Stack, sender: str, responses) -> str:
    """The whole handover, confirmed; returns the ticket reference the person was given."""
    walk_to_summary(stack, sender, responses)
    reply = texts(stack.say(sender, "/affirm"))
    reference = re.search(r"KP-[0-9A-Z]{6}", reply)
    assert reference, reply
    return reference.group(0)
