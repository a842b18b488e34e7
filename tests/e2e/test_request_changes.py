"""A member checks, corrects and withdraws a request that is already sent, from the chat,
and the change reaches the ticket itself (issue 16: "klopt mijn aanvraag nog?",
"nummer veranderen", "aanvraag intrekken")."""

from __future__ import annotations

import uuid

import pytest
from handover_flow import complete_handover, tickets_of
from stack import said_one_of, texts

pytestmark = pytest.mark.slow


def test_a_sent_request_can_be_checked_corrected_and_withdrawn(stack, store, responses):
    sender = f"e2e-change-{uuid.uuid4().hex[:10]}"
    reference = complete_handover(stack, sender, responses)

    reply = texts(stack.say(sender, "klopt mijn aanvraag nog?"))
    assert reference in reply and "+31612345678" in reply, reply

    reply = texts(stack.say(sender, "mijn nummer is nu 0687654321"))
    assert said_one_of(reply, responses["utter_ask_update_request"]), reply
    reply = texts(stack.say(sender, "ja"))
    assert said_one_of(reply, responses["utter_request_updated"]), reply
    [ticket] = tickets_of(store, sender)
    assert ticket.to_api()["contact"]["phone"] == "+31687654321"

    reply = texts(stack.say(sender, "ik wil mijn aanvraag intrekken"))
    assert said_one_of(reply, responses["utter_ask_withdraw_confirm"]), reply
    reply = texts(stack.say(sender, "ja"))
    assert said_one_of(reply, responses["utter_request_withdrawn"]), reply
    assert tickets_of(store, sender) == []
