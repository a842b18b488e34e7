"""Rasa's socket.io channel (the website widget), with three fixes.

1. Session persistence works again: Rasa 3.6.21 calls ``sio.enter_room`` without
   ``await``; since python-socketio 5.10 that is a coroutine, so the socket never
   joins its session room and every bot reply is lost (RasaHQ/rasa#13027).
2. Malformed events (no dict, no text, huge text, broken or huge metadata, odd
   session ids) are handled instead of raising inside the socket.io server; text
   is cleaned and blank or over-long text goes to Rasa as ``/bad_input``
   (``text_or_bad_input``).
3. A per-sender rate limit (``bot.channels.rate_limit``): a flood gets one polite
   reply and is then ignored. The connection is limited as well, so a client
   cannot dodge the limit with a new session id for every message, and so is the
   client's address (``bot.channels.client_address``), so a reconnect with a new
   socket and a new session id does not start a new bucket.
4. The session id is chosen by the browser, so the conversation is
   "socketio:<session id>" (bot/privacy/sender_ids.py): a session id equal to a WhatsApp
   number reaches a conversation of its own. Replies go to the session's room.
5. Live chat (issue 12): with LIVE_CHAT_KEY set, consultant messages are pushed to the
   connected session's room (bot/channels/widget_live.py).
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

from bot.channels.client_address import ClientAddressLimit
from bot.channels.rate_limit import RATE_LIMITED_REPLY, FloodGuard, flood_guard_from
from bot.channels.ttl_cache import BoundedTTLCache
from bot.channels.widget_live import widget_push_from_env
from bot.nlu.input_guard import text_or_bad_input
from bot.privacy.sender_ids import PlatformRecipient, conversation_id
from bot.safe_text import is_plain_line

logger = logging.getLogger(__name__)

MAX_SESSION_ID_CHARS = 128
MAX_METADATA_CHARS = 4096


def _metadata(raw: Any) -> dict[str, Any]:
    """The message metadata when it is a small JSON object, else nothing.

    Rasa stores metadata with every message: a client must not be able to park
    a megabyte in the conversation store (the widget sends none).
    """
    try:
        if isinstance(raw, str):
            raw = json.loads(raw)
        if not isinstance(raw, dict) or len(json.dumps(raw)) > MAX_METADATA_CHARS:
            return {}
    except (ValueError, RecursionError):
        return {}
    return raw


def _valid_session_id(value: Any) -> bool:
    # Also the conversation's key in the tracker store: PostgreSQL refuses NUL.
    return (isinstance(value, str) and 0 < len(value) <= MAX_SESSION_ID_CHARS
            and is_plain_line(value))


class WidgetOutput(PlatformRecipient, SocketIOOutput):
    """Rasa's replies to "socketio:<session id>" go to the room of that session id."""

    namespace = "socketio"


class SocketIOInput(RasaSocketIOInput):
    def __init__(self, *args: Any, flood_guard: FloodGuard | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.flood_guard = flood_guard or flood_guard_from(None)
        self.client_limit = ClientAddressLimit.from_env()
        self._told_addresses: BoundedTTLCache[str, bool] = BoundedTTLCache(
            10_000, ttl_seconds=None)

    @classmethod
    def name(cls) -> str:
        return "socketio"

    async def _address_within_limit(self, sid: str, sender_id: str, output: Any) -> bool:
        """The client address's bucket (the socket's handshake request): a flood from one
        address gets one polite reply, then silence, however often it reconnects."""
        environ = self.sio.get_environ(sid, namespace=self.namespace) if self.sio else None
        environ = environ or {}
        request = environ.get("sanic.request")
        if request is None:
            return True
        address = self.client_limit.address(request.ip, request.headers.get("x-forwarded-for"))
        if self.client_limit.acquire(address) == 0:
            self._told_addresses.pop(address)
            return True
        logger.info("socket.io: client address rate limit hit")
        if self._told_addresses.add_if_new(address, True):
            await output.send_text_message(sender_id, RATE_LIMITED_REPLY)
        return False

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SocketIOInput:
        channel = super().from_credentials(credentials)
        assert isinstance(channel, SocketIOInput)
        channel.flood_guard = flood_guard_from(credentials)
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio

        async def session_request(sid: str, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not _valid_session_id(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        async def handle_message(sid: str, data: Any = None) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                sender_id = data.get("session_id")
                if not _valid_session_id(sender_id):
                    logger.warning("socket.io message without a valid session id ignored")
                    return
            else:
                sender_id = sid
            output = WidgetOutput(sio, self.bot_message_evt)
            if not await self._address_within_limit(sid, sender_id, output):
                return
            if not await self.flood_guard.within_limit(
                "socket.io", sender_id, output, f"socket:{sid}"
            ):
                return
            text = data.get("message")
            text = text_or_bad_input(text if isinstance(text, str) else "")
            await on_new_message(UserMessage(
                text, output, conversation_id(self.name(), sender_id), input_channel=self.name(),
                metadata=_metadata(data.get(self.metadata_key)),
            ))

        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        push = widget_push_from_env(sio, self.namespace, self.bot_message_evt)
        if push is not None and self.session_persistence:
            # Live chat: consultant messages reach connected widgets (bot/channels/widget_live.py).
            webhook.after_server_start(lambda app, loop: push.start())
            webhook.before_server_stop(lambda app, loop: push.stop())
        return webhook
