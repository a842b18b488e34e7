"""Consultant notifications by e-mail (smtplib, run in a worker thread)."""

from __future__ import annotations

import asyncio
import smtplib
from email.message import EmailMessage

from bot.notify.base import Destinations
from bot.notify.message import Notification


class EmailNotifier:
    name = "email"

    def __init__(self, host: str, port: int, sender: str, recipient: str, *,
                 starttls: bool = False, username: str | None = None,
                 password: str | None = None, timeout: float = 15.0,
                 destinations: Destinations | None = None) -> None:
        self._host = host
        self._port = port
        self._sender = sender
        # recipient is the default mailbox; `destinations` adds per-team and coordinator ones.
        self._destinations = destinations or Destinations(recipient)
        self._starttls = starttls
        self._username = username
        self._password = password
        self._timeout = timeout
        self.secrets = tuple(s for s in (password,) if s)

    def build_message(self, notification: Notification) -> EmailMessage:
        message = EmailMessage()
        message["Subject"] = notification.subject()
        message["From"] = self._sender
        message["To"] = self.destination(notification)
        message.set_content(notification.text())
        return message

    def destination(self, notification: Notification) -> str:
        return self._destinations.for_(notification)

    async def send(self, notification: Notification) -> None:
        await asyncio.to_thread(self._send_blocking, self.build_message(notification))

    def _send_blocking(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self._host, self._port, timeout=self._timeout) as smtp:
            if self._starttls:
                smtp.starttls()
            if self._username and self._password:
                smtp.login(self._username, self._password)
            smtp.send_message(message)

    async def aclose(self) -> None:
        return None  # one connection per message, nothing kept open
