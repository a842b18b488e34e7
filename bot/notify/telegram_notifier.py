"""Consultant notifications to a Telegram group through python-telegram-bot."""

from __future__ import annotations

import logging

from telegram import Bot

from bot.notify.base import Destinations
from bot.notify.message import Notification

DEFAULT_TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"

# httpx logs every request URL at INFO, and a Bot API URL contains the bot token. Unless the
# application configured that logger itself, keep it at WARNING.
_httpx_logger = logging.getLogger("httpx")
if _httpx_logger.level == logging.NOTSET:
    _httpx_logger.setLevel(logging.WARNING)


class TelegramNotifier:
    name = "telegram"

    def __init__(self, token: str, chat_id: str,
                 base_url: str = DEFAULT_TELEGRAM_API_BASE_URL,
                 destinations: Destinations | None = None) -> None:
        self._bot = Bot(token, base_url=base_url)
        # chat_id is the default group; `destinations` adds per-team and coordinator chats.
        self._destinations = destinations or Destinations(chat_id)
        self.secrets = (token,)

    async def send(self, notification: Notification) -> None:
        # initialize() is a no-op once it succeeded; until then it retries getMe.
        await self._bot.initialize()
        # Plain text (no parse_mode): nothing in the message needs escaping.
        await self._bot.send_message(chat_id=self.destination(notification),
                                     text=notification.text())

    def destination(self, notification: Notification) -> str:
        return self._destinations.for_(notification)

    async def aclose(self) -> None:
        await self._bot.shutdown()
