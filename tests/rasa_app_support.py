"""Rasa's own Sanic app (``rasa.core.run.configure_app``) with given channels and a
stand-in agent, served on a free loopback port: channel tests without a model."""

from __future__ import annotations

import socket
from typing import Any

from rasa.core.channels.channel import InputChannel
from rasa.core.run import configure_app
from sanic import Sanic


class RasaApp:
    """Started with ``await start()`` (returns the base URL), ended with ``await stop()``."""

    def __init__(self, channel: InputChannel | list[InputChannel], agent: Any) -> None:
        Sanic.test_mode = True  # Rasa names every app "rasa_core_no_api"
        channels = channel if isinstance(channel, list) else [channel]
        self.app = configure_app(channels, enable_api=False, route="/webhooks/")
        self.app.ctx.agent = agent
        self.url = ""
        self._server: Any = None

    async def start(self) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        self._server = await self.app.create_server(
            sock=sock, return_asyncio_server=True, access_log=False
        )
        await self._server.startup()
        await self._server.before_start()
        await self._server.after_start()
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        await self._server.before_stop()
        await self._server.close()
        await self._server.after_stop()
