"""The widget's channel: socket.io against the real Rasa server, with session
persistence (a reconnect with the same session id continues the conversation)."""

from __future__ import annotations

import uuid

import pytest
from stack import said_one_of
from widget_client import WidgetClient

pytestmark = pytest.mark.slow


async def test_widget_conversation_survives_a_reconnect(stack, responses):
    url = f"http://127.0.0.1:{stack.rasa_port}"
    session = uuid.uuid4().hex
    first = WidgetClient(url)
    assert await first.open(session) == session
    replies = await first.say(session, "/greet", expect=2)
    text = "\n".join(r.get("text", "") for r in replies)
    assert said_one_of(text, responses["utter_greet"])
    quick = [b for r in replies for b in r.get("quick_replies", r.get("buttons", []))]
    assert {b["payload"] for b in quick} == {"/enjoy_work", "/so_so", "/stuck"}
    await first.say(session, "ik wil meer leren, een cursus of zo", expect=2)
    await first.close()

    # A page reload: new socket, same session id, the open question is remembered.
    second = WidgetClient(url)
    await second.open(session)
    replies = await second.say(session, "ik werk in een supermarkt", expect=2)
    text = "\n".join(r.get("text", "") for r in replies)
    assert said_one_of(text, responses["utter_selfhelp_training"]), text
    await second.close()


async def test_malformed_socket_events_do_not_break_the_channel(stack, responses):
    url = f"http://127.0.0.1:{stack.rasa_port}"
    client = WidgetClient(url)
    session = uuid.uuid4().hex
    await client.open(session)
    await client.sio.emit("user_uttered", "geen object")  # ignored
    await client.sio.emit("user_uttered", {"message": "hoi"})  # no session id: ignored
    # Text that is not a string is empty text: a friendly "please type" answer, after
    # the introduction that every first message gets.
    replies = await client.say(session, {"nested": 1}, expect=2)  # type: ignore[arg-type]
    assert said_one_of(replies[-1].get("text", ""), responses["utter_bad_input"]), replies
    # Whatever came before, a proper message still gets its answer.
    replies = await client.say(session, "hallo", expect=1)
    text = "\n".join(r.get("text", "") for r in replies)
    assert said_one_of(text, responses["utter_greet_again"]), replies
    await client.close()
