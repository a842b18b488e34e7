"""Fakes for test_bad_input_everywhere.py: an echo assistant instead of a model, a
fake of the Telegram Bot API and the WhatsApp Graph API in one loopback server,
a runner for Rasa's real Sanic app, a widget client and request builders.

Everything binds 127.0.0.1 on a free port; nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

import socketio
from aiohttp import web
from rasa.core.channels.channel import UserMessage

from bot.channels.rate_limit import FloodGuard, TokenBucketLimiter
from bot.channels.retry import RetryPolicy

TELEGRAM_TOKEN = "123456:bad-input-token"
TELEGRAM_SECRET = "bad-input-webhook-secret"
WA_VERIFY_TOKEN = "bad-input-verify"
WA_APP_SECRET = "bad-input-app-secret"
WA_ACCESS_TOKEN = "bad-input-access"
WA_PHONE_NUMBER_ID = "5550123"
TELEGRAM_PATH = "/webhooks/telegram/webhook"
WHATSAPP_PATH = "/webhooks/whatsapp/webhook"
GRAPH_VERSION = "v21.0"


class FakeClock:
    """Moved by hand: rate limits are tested without sleeping."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def flood_guard(clock: FakeClock | None = None, per_minute: float = 20) -> FloodGuard:
    return FloodGuard(TokenBucketLimiter(per_minute, clock=clock or FakeClock()))


def no_limit() -> FloodGuard:
    return FloodGuard(TokenBucketLimiter(0))


def one_attempt() -> RetryPolicy:
    async def no_sleep(_: float) -> None:
        return None

    return RetryPolicy(attempts=1, base_delay=0.0, max_delay=0.0, sleep=no_sleep)


@dataclass
class EchoAssistant:
    """Stands in for Rasa's agent: records every message and answers ``echo:<text>``."""

    messages: list[UserMessage] = field(default_factory=list)

    def texts_of(self, sender: str) -> list[str]:
        """What ``sender`` (the id on its platform) said; Rasa knows them as
        ``<channel>:<sender>`` (bot/privacy/sender_ids.py)."""
        return [m.text or "" for m in self.messages
                if m.sender_id == f"{m.input_channel}:{sender}"]

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        # As Rasa answers: addressed to the conversation id.
        await message.output_channel.send_response(message.sender_id,
                                                    {"text": f"echo:{message.text}"})


class FakePlatforms:
    """The Telegram Bot API and the WhatsApp Graph API, answering like the real ones.

    ``sent`` holds every (recipient, text) the channels sent, in order.
    """

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    def texts_to(self, recipient: str) -> list[str]:
        return [text for to, text in self.sent if to == recipient]

    async def _telegram(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TELEGRAM_TOKEN:
            return web.json_response({"ok": False, "error_code": 401}, status=401)
        raw = await request.json() if request.content_type == "application/json" else dict(
            await request.post())
        method = request.match_info["method"]
        if method == "getMe":
            result: Any = {"id": 42, "is_bot": True, "first_name": "Koffiepraat",
                           "username": "kp_bot"}
        elif method == "sendMessage":
            chat_id = str(raw.get("chat_id"))
            self.sent.append((chat_id, str(raw.get("text", ""))))
            result = {"message_id": next(self._ids), "date": int(time.time()),
                      "chat": {"id": int(chat_id), "type": "private"}, "text": raw.get("text")}
        else:
            result = True
        return web.json_response({"ok": True, "result": result})

    async def _graph(self, request: web.Request) -> web.Response:
        body = await request.json()
        text = body.get("text", {}).get("body") if body.get("type") == "text" else json.dumps(body)
        self.sent.append((str(body.get("to")), str(text)))
        return web.json_response({"messaging_product": "whatsapp",
                                  "messages": [{"id": f"wamid.out{next(self._ids)}"}]})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._telegram)
        app.router.add_post(f"/{GRAPH_VERSION}/{{phone_id}}/messages", self._graph)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    @property
    def telegram_base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def graph_base_url(self) -> str:
        return f"{self.url}/{GRAPH_VERSION}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


# --------------------------------------------------------------------------- Telegram

_update_ids = itertools.count(10_000)


def telegram_text(chat_id: int, text: Any) -> dict[str, Any]:
    chat = {"id": chat_id, "type": "private", "first_name": "Test"}
    user = {"id": chat_id, "is_bot": False, "first_name": "Test"}
    message = {"message_id": 1, "date": 1_700_000_000, "chat": chat, "from": user}
    if text is not None:
        message["text"] = text
    return {"update_id": next(_update_ids), "message": message}


# --------------------------------------------------------------------------- WhatsApp

_wa_ids = itertools.count(1)


def whatsapp_payload(*messages: dict[str, Any]) -> dict[str, Any]:
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "31850000000",
                          "phone_number_id": WA_PHONE_NUMBER_ID},
             "messages": list(messages)}
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}]}


def whatsapp_text(sender: str, body: Any, timestamp: float) -> dict[str, Any]:
    return {"from": sender, "id": f"wamid.in{next(_wa_ids)}", "timestamp": str(int(timestamp)),
            "type": "text", "text": {"body": body}}


def whatsapp_signature(body: bytes, secret: str = WA_APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# --------------------------------------------------------------------------- widget


class WidgetClient:
    """Speaks Rasa's socket.io protocol like the widget (long-polling: Rasa 3.6 pins
    an aiohttp too old for python-socketio's websocket client)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.replies: list[dict[str, Any]] = []
        self.confirmed: asyncio.Queue[str] = asyncio.Queue()
        self._arrived = asyncio.Event()
        self.sio.on("bot_uttered", self._on_reply)
        self.sio.on("session_confirm", self.confirmed.put)

    async def _on_reply(self, data: dict[str, Any]) -> None:
        self.replies.append(data)
        self._arrived.set()

    @property
    def texts(self) -> list[str]:
        return [r.get("text", "") for r in self.replies]

    async def open(self, session_id: str) -> str:
        await self.sio.connect(self.url, transports=["polling"], socketio_path="socket.io")
        await self.sio.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(self.confirmed.get(), 30)

    async def wait_for_replies(self, count: int) -> None:
        """Until ``count`` replies have arrived (at most 30 s)."""
        async def waiting() -> None:
            while len(self.replies) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(waiting(), 30)

    async def close(self) -> None:
        # A plain disconnect() waits for the pending long-poll request (up to 25 s).
        reader = self.sio.eio.read_loop_task
        await self.sio.eio.disconnect(abort=True)
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader
