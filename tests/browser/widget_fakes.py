"""Loopback fakes for the widget tests: a Rasa-like socket.io server and a static site.

Both run on an asyncio loop in a background thread, so the tests can drive the browser
with Playwright's sync API while the servers keep answering.
"""

from __future__ import annotations

import asyncio
import html
import socket
import threading
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import socketio
from aiohttp import web

WIDGET_DIR = Path(__file__).resolve().parents[2] / "bot" / "console" / "static" / "widget"

# The same policy the console sends for /widget: no inline script or style at all.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*; object-src 'none'; base-uri 'none'"
)

GREETING = "Hoi! Ik ben Koffiepraat, een chatbot."
OPENING_QUESTION = "Hoe gaat het met je werk?"
OPENING_REPLIES = [
    {"content_type": "text", "title": "Goed", "payload": "/enjoy_work"},
    {"content_type": "text", "title": "Het kan beter", "payload": "/so_so"},
]
HELD_MESSAGE = "wacht"
LINK_TEXT = (
    "Lees meer op https://www.example.org/info. Of kijk op [deze pagina](https://example.org/a)."
    " Geen link: javascript:alert(1) en [nep](javascript:alert(2))"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopThread:
    """An asyncio loop in a daemon thread; run() waits for a coroutine's result."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 15) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        self.run(self._cancel_leftovers())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)

    @staticmethod
    async def _cancel_leftovers() -> None:
        # Background pings of closed servers: cancel them so the loop stops quietly.
        current = asyncio.current_task()
        leftovers = [task for task in asyncio.all_tasks() if task is not current]
        for task in leftovers:
            task.cancel()
        await asyncio.gather(*leftovers, return_exceptions=True)


@dataclass
class Received:
    session_id: str
    message: str


def bot_replies(message: str) -> list[dict[str, Any]]:
    """Echo-like bot: enough variety to exercise every kind of bot message."""
    if message == "/greet":
        return [{"text": GREETING}, {"text": OPENING_QUESTION, "quick_replies": OPENING_REPLIES}]
    if message.startswith("/"):
        return [{"text": f"Je koos {message}."}]
    if message == "link":
        return [{"text": LINK_TEXT}]
    return [{"text": f"Je zei: {message}"}]


class FakeRasa:
    """Mimics Rasa 3.6 SocketIOInput with session_persistence: true.

    Bot messages go to the room named after the session id, which a socket joins only
    by sending session_request. A widget that forgets to ask again after a reconnect
    gets no answers, just as with the real server.
    """

    def __init__(self, loop_thread: LoopThread) -> None:
        self._loop_thread = loop_thread
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.received: list[Received] = []
        self.session_requests: list[str | None] = []
        self._runner: web.AppRunner | None = None
        # Made before any message arrives, so a release that comes first is not lost.
        self._held_reply = asyncio.Event()

    def _build_app(self) -> web.Application:
        # cors_allowed_origins=[] is what Rasa passes: no origin check, no CORS headers.
        sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=[])
        app = web.Application()
        sio.attach(app)

        @sio.on("session_request")
        async def session_request(sid: str, data: dict[str, Any] | None) -> None:
            data = data or {}
            self.session_requests.append(data.get("session_id"))
            session_id = data.get("session_id") or uuid.uuid4().hex
            await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on("user_uttered")
        async def user_uttered(sid: str, data: dict[str, Any]) -> None:
            session_id = data.get("session_id")
            if not session_id:
                return  # Rasa ignores messages without a session id.
            message = data.get("message", "")
            self.received.append(Received(session_id, message))
            if message == HELD_MESSAGE:
                # Like a slow model: the answer waits until the test releases it.
                await self._held_reply.wait()
            for reply in bot_replies(message):
                await sio.emit("bot_uttered", reply, room=session_id)

        return app

    async def _start(self) -> None:
        self._runner = web.AppRunner(self._build_app(), shutdown_timeout=0.1)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def start(self) -> None:
        """Start (or restart on the same port, like a Rasa server coming back)."""
        self._loop_thread.run(self._start())

    def stop(self) -> None:
        self._loop_thread.run(self._stop())

    def release_held_reply(self) -> None:
        async def release() -> None:
            self._held_reply.set()

        self._loop_thread.run(release())

    def messages(self) -> list[str]:
        return [item.message for item in self.received]

    def session_ids(self) -> set[str]:
        return {item.session_id for item in self.received}


def host_page(query: dict[str, str]) -> str:
    """A union website that embeds the widget with one script tag, nothing else."""
    attributes = {
        "data-server-url": query.get("server", ""),
        "data-title": query.get("title", "Koffiepraat"),
        "data-color": query.get("color", "#6b3a1e"),
        "data-start-open": query.get("start_open", "false"),
    }
    rendered = " ".join(
        f'{name}="{html.escape(value)}"' for name, value in attributes.items() if value
    )
    return f"""<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vakbond voorbeeldsite</title></head>
<body>
<header><a href="#nieuws" id="first-link">Naar het nieuws</a></header>
<main><h1>Voorbeeld van een vakbondswebsite</h1>
<p id="nieuws">Hier staat het nieuws van de vakbond.</p></main>
<script src="/widget/koffiepraat-widget.js" {rendered}></script>
</body>
</html>
"""


class StaticSite:
    """Serves the widget folder at /widget/ (index.html as index) and /site.html."""

    def __init__(self, loop_thread: LoopThread) -> None:
        self._loop_thread = loop_thread
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._runner: web.AppRunner | None = None

    def _build_app(self) -> web.Application:
        app = web.Application()

        async def widget_index(_: web.Request) -> web.FileResponse:
            return web.FileResponse(WIDGET_DIR / "index.html")

        async def site(request: web.Request) -> web.Response:
            return web.Response(text=host_page(dict(request.query)), content_type="text/html")

        async def add_security_headers(_: web.Request, response: web.StreamResponse) -> None:
            response.headers["Content-Security-Policy"] = STRICT_CSP
            response.headers["X-Content-Type-Options"] = "nosniff"

        app.on_response_prepare.append(add_security_headers)
        app.router.add_get("/widget/", widget_index)
        app.router.add_static("/widget/", WIDGET_DIR)
        app.router.add_get("/site.html", site)
        return app

    async def _start(self) -> None:
        self._runner = web.AppRunner(self._build_app())
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def start(self) -> None:
        self._loop_thread.run(self._start())

    def stop(self) -> None:
        self._loop_thread.run(self._stop())
