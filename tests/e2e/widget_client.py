"""A socket.io client that speaks to Rasa the way bot/console/static/widget does."""

from __future__ import annotations

import asyncio

import socketio


class WidgetClient:
    """Speaks Rasa's socket.io protocol the way bot/console/static/widget does."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.replies: asyncio.Queue = asyncio.Queue()
        self.confirmed: asyncio.Queue = asyncio.Queue()
        self.sio.on("bot_uttered", self.replies.put)
        self.sio.on("session_confirm", self.confirmed.put)

    async def open(self, session_id: str) -> str:
        # Long-polling: python-socketio's websocket client needs aiohttp >= 3.10,
        # and Rasa 3.6 pins aiohttp < 3.10 (the widget in the browser uses websockets).
        await self.sio.connect(self.url, transports=["polling"], socketio_path="socket.io")
        await self.sio.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(self.confirmed.get(), 30)

    async def say(self, session_id: str, text: str, expect: int = 1) -> list[dict]:
        await self.sio.emit("user_uttered", {"message": text, "session_id": session_id})
        replies = [await asyncio.wait_for(self.replies.get(), 60)]
        while len(replies) < expect:
            replies.append(await asyncio.wait_for(self.replies.get(), 30))
        return replies

    async def close(self) -> None:
        await self.sio.disconnect()
