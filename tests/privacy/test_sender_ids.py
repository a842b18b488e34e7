"""Conversation ids per channel (bot/privacy/sender_ids.py)."""

from __future__ import annotations

from typing import Any

from bot.privacy.sender_ids import PlatformRecipient, conversation_id, platform_id


def test_the_channel_prefix_goes_on_and_comes_off_once():
    assert conversation_id("whatsapp", "31612345678") == "whatsapp:31612345678"
    assert platform_id("whatsapp", "whatsapp:31612345678") == "31612345678"
    assert platform_id("rest", "rest:whatsapp:316") == "whatsapp:316"  # a REST client's id
    assert platform_id("rest", "whatsapp:316") == "whatsapp:316"  # not ours: unchanged
    assert platform_id("telegram", "7001") == "7001"  # stored before the namespaces


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent.append((recipient_id, message))


class Output(PlatformRecipient, Recorder):
    namespace = "socketio"


async def test_rasas_replies_go_to_the_platform_id():
    output = Output()
    await output.send_response("socketio:socketio:x", {"text": "hoi"})
    await output.send_response("sessie", {"text": "hoi"})
    assert output.sent == [("socketio:x", {"text": "hoi"}), ("sessie", {"text": "hoi"})]
