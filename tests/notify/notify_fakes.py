"""Fake Telegram Bot API and fake SMTP server, both on 127.0.0.1 with a free port, and a
notifier double whose sends take time on the test clock."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiosmtpd.smtp import SMTP
from ticket_data import ManualClock

from bot.notify import Notification

TOKEN = "123456:FAKE-token-for-tests"
CHAT_ID = "-100200300"


@dataclass
class FakeTelegram:
    """Records every Bot API call. `fail_next` answers that many sendMessage calls with a
    Telegram-style 500; `down` answers every sendMessage with 502 until cleared;
    `retry_after` answers the next sendMessage with a 429 asking to wait that many seconds;
    while `gate` is an Event, every sendMessage waits for it (and sets `waiting`) first."""

    calls: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    delivered: list[dict[str, Any]] = field(default_factory=list)
    fail_next: int = 0
    down: bool = False
    retry_after: int | None = None
    gate: asyncio.Event | None = None
    waiting: asyncio.Event = field(default_factory=asyncio.Event)
    message_arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        return app

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        if request.content_type == "application/json":
            params = await request.json()
        else:
            params = dict(await request.post())
        self.calls.append((token, method, params))
        if token != TOKEN:
            return _error(401, "Unauthorized")
        if method == "getMe":
            return web.json_response({"ok": True, "result": {
                "id": 123456, "is_bot": True, "first_name": "Koffiepraat",
                "username": "koffiepraat_test_bot"}})
        if method != "sendMessage":
            return _error(404, "Not Found")
        if self.gate is not None:
            self.waiting.set()
            await self.gate.wait()
        if self.retry_after is not None:
            seconds, self.retry_after = self.retry_after, None
            return web.json_response(
                {"ok": False, "error_code": 429, "description": "Too Many Requests",
                 "parameters": {"retry_after": seconds}}, status=429)
        if self.down:
            return _error(502, "Bad Gateway")
        if self.fail_next > 0:
            self.fail_next -= 1
            return _error(500, "Internal Server Error")
        self.delivered.append(params)
        self.message_arrived.set()
        return web.json_response({"ok": True, "result": {
            "message_id": next(self._ids),
            "date": 1772443800,
            "chat": {"id": int(params["chat_id"]), "type": "supergroup", "title": "Consulenten"},
            "from": {"id": 123456, "is_bot": True, "first_name": "Koffiepraat"},
            "text": params["text"],
        }})

    @property
    def send_attempts(self) -> int:
        return sum(1 for _, method, _ in self.calls if method == "sendMessage")


def _error(status: int, description: str) -> web.Response:
    return web.json_response(
        {"ok": False, "error_code": status, "description": description}, status=status)


@dataclass
class RecordingSMTPHandler:
    """aiosmtpd handler: keeps every message; refuses the first `fail_next` with a 451."""

    messages: list[Any] = field(default_factory=list)
    fail_next: int = 0
    attempts: int = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        self.attempts += 1
        if self.fail_next > 0:
            self.fail_next -= 1
            return "451 4.3.0 Try again later"
        self.messages.append(envelope)
        return "250 OK"


class FakeSMTPServer:
    """aiosmtpd on loopback that can go down (connections refused) and come back on the
    same port, as a mail server restart looks to a client."""

    def __init__(self, handler: RecordingSMTPHandler) -> None:
        self.handler = handler
        self.port = 0
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: SMTP(self.handler, hostname="fake-smtp"), "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None


@dataclass
class SlowNotifier:
    """A notifier whose every send takes `seconds` on the test clock. `during_send` runs in
    the middle of each send (e.g. another worker's run); `delivered` holds the references."""

    name: str
    clock: ManualClock
    seconds: float
    during_send: Callable[[], Awaitable[None]] | None = None
    delivered: list[str] = field(default_factory=list)
    secrets: tuple[str, ...] = ()

    async def send(self, notification: Notification) -> None:
        self.clock.advance(seconds=self.seconds)
        if self.during_send is not None:
            await self.during_send()
        self.delivered.append(notification.reference)

    async def aclose(self) -> None:
        return None
