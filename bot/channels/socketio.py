"""Rasa's socket.io channel (the website widget), with two fixes.

1. Session persistence works again: Rasa 3.6.21 calls ``sio.enter_room`` without
   ``await``; since python-socketio 5.10 that is a coroutine, so the socket never
   joins its session room and every bot reply is lost (RasaHQ/rasa#13027).
2. Malformed events (no dict, no text, huge text, broken metadata) are handled
   instead of raising inside the socket.io server.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput
from sanic import Blueprint

from bot.nlu.input_guard import text_or_bad_input

logger = logging.getLogger(__name__)

# Longer text is cut here; bot.nlu.input_guard then answers it as bad input.
MAX_MESSAGE_CHARS = 10_000


def _metadata(raw: Any) -> dict[str, Any]:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    return raw if isinstance(raw, dict) else {}


class SocketIOInput(RasaSocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio

        async def session_request(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not 0 < len(session_id) <= 128:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                sender_id = data.get("session_id")
                if not isinstance(sender_id, str) or not sender_id:
                    logger.warning("socket.io message without session id ignored")
                    return
            else:
                sender_id = sid
            text = data.get("message")
            text = text_or_bad_input(text[:MAX_MESSAGE_CHARS] if isinstance(text, str) else "")
            output = SocketIOOutput(sio, self.bot_message_evt)
            await on_new_message(UserMessage(
                text, output, sender_id, input_channel=self.name(),
                metadata=_metadata(data.get(self.metadata_key)),
            ))

        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return webhook
