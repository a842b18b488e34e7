"""Fake Telegram Bot API and Graph API servers, a fake Rasa agent, and a Sanic runner.

Everything binds 127.0.0.1 on a free port; nothing leaves the machine.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from rasa.core.channels.channel import UserMessage
from rasa_app_support import RasaApp  # noqa: F401 (re-exported for the channel tests)

from bot.channels.retry import RetryPolicy
from bot.channels.telegram import SECRET_HEADER, TelegramInput
from bot.channels.whatsapp import SIGNATURE_HEADER, WhatsAppInput


class RecordingSleep:
    """Stands in for asyncio.sleep in RetryPolicy: records the back-off, waits for nothing."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def fast_retry() -> tuple[RetryPolicy, RecordingSleep]:
    sleep = RecordingSleep()
    return RetryPolicy(attempts=3, base_delay=0.5, max_delay=8.0, sleep=sleep), sleep


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# --------------------------------------------------------------------------- fake agent


def buttons_reply(message: UserMessage) -> list[dict[str, Any]]:
    """Default fake-agent behaviour: echo the text and offer two buttons."""
    return [
        {
            "text": f"Je zei: {message.text}",
            "buttons": [
                {"title": "Ja, graag", "payload": "/affirm"},
                {"title": "Nee, dank je", "payload": "/deny"},
            ],
        }
    ]


@dataclass
class FakeAgent:
    """Replaces Rasa's Agent on the app: records messages and answers like Rasa would."""

    reply: Callable[[UserMessage], list[dict[str, Any]]] = buttons_reply
    fail: bool = False
    messages: list[UserMessage] = field(default_factory=list)

    @property
    def texts(self) -> list[str | None]:
        return [m.text for m in self.messages]

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        if self.fail:
            raise RuntimeError("the model fell over")
        for response in self.reply(message):
            await message.output_channel.send_response(message.sender_id, dict(response))


# --------------------------------------------------------------------------- servers


async def start_aiohttp(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    path: str


class FakeTelegramApi:
    """Answers Bot API calls like api.telegram.org does; ``failures`` injects error statuses."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[ApiCall] = []
        self.failures: dict[str, list[int]] = {}
        self._ids = itertools.count(100)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    def of(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method]

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        if request.content_type == "application/json":
            raw = await request.json()
        else:
            raw = dict(await request.post())
        params = {}
        for key, value in raw.items():
            try:
                params[key] = json.loads(value) if isinstance(value, str) else value
            except ValueError:
                params[key] = value
        self.calls.append(ApiCall(method, params, dict(request.headers), request.path))
        queued = self.failures.get(method)
        if queued:
            status = queued.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": status, "description": "Failed"}
            if status == 429:
                body["parameters"] = {"retry_after": 1}
            return web.json_response(body, status=status)
        return web.json_response({"ok": True, "result": self._result(method, params)})

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {"id": 42, "is_bot": True, "first_name": "Koffiepraat", "username": "kp_bot"}
        if method in {"sendMessage", "sendPhoto"}:
            return {
                "message_id": next(self._ids),
                "date": 1_700_000_000,
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                "text": str(params.get("text", "")),
            }
        return True

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner, url = await start_aiohttp(app)
        self.base_url = f"{url}/bot"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


class FakeGraphApi:
    """Answers POST /v21.0/{phone-number-id}/messages like Meta's Graph API."""

    VERSION = "v21.0"

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.failures: list[int] = []
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    @property
    def messages(self) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == "messages"]

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append(ApiCall("messages", body, dict(request.headers), request.path))
        if self.failures:
            status = self.failures.pop(0)
            error = {"message": "Service temporarily unavailable", "code": 2, "type": "OAuth"}
            return web.json_response({"error": error}, status=status)
        return web.json_response(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                "messages": [{"id": f"wamid.fake{next(self._ids)}"}],
            }
        )

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post(f"/{self.VERSION}/{{phone_id}}/messages", self._handle)
        self._runner, url = await start_aiohttp(app)
        self.base_url = f"{url}/{self.VERSION}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# --------------------------------------------------------------------------- stacks

TELEGRAM_TOKEN = "123456:TEST-token"
TELEGRAM_SECRET = "webhook-secret-for-tests"
WA_VERIFY_TOKEN = "verify-me"
WA_APP_SECRET = "app-secret-for-tests"
WA_ACCESS_TOKEN = "access-token-for-tests"
WA_PHONE_NUMBER_ID = "1098765"
TELEGRAM_PATH = "/webhooks/telegram/webhook"
WHATSAPP_PATH = "/webhooks/whatsapp/webhook"


@dataclass
class TelegramStack:
    channel: TelegramInput
    agent: FakeAgent
    api: FakeTelegramApi
    sleep: RecordingSleep
    url: str
    http: aiohttp.ClientSession
    _update_ids = itertools.count(1000)

    def next_update_id(self) -> int:
        return next(self._update_ids)

    async def post(
        self, body: dict[str, Any] | bytes, secret: str | None = TELEGRAM_SECRET
    ) -> tuple[int, str]:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        async with self.http.post(self.url + TELEGRAM_PATH, data=raw, headers=headers) as reply:
            return reply.status, await reply.text()


@dataclass
class WhatsAppStack:
    channel: WhatsAppInput
    agent: FakeAgent
    api: FakeGraphApi
    sleep: RecordingSleep
    clock: FakeClock
    url: str
    http: aiohttp.ClientSession

    async def post(
        self, body: dict[str, Any] | bytes, signature: str | None = None, signed: bool = True
    ) -> tuple[int, str]:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers[SIGNATURE_HEADER] = signature
        elif signed:
            headers[SIGNATURE_HEADER] = sign(raw, WA_APP_SECRET)
        async with self.http.post(self.url + WHATSAPP_PATH, data=raw, headers=headers) as reply:
            return reply.status, await reply.text()

    async def verify(self, params: dict[str, str]) -> tuple[int, str, str]:
        async with self.http.get(self.url + WHATSAPP_PATH, params=params) as reply:
            return reply.status, await reply.text(), reply.content_type
