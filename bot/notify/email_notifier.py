"""Consultant notifications by e-mail (smtplib, run in a worker thread).

STARTTLS uses a verified TLS context (``ssl.create_default_context()``: the system's
CAs, host name checked) and a login happens only over it: credentials without STARTTLS
are a configuration error (issue 13, finding 7). Without credentials, plain SMTP to a
local relay stays possible.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage

from bot.notify.base import Destinations
from bot.notify.message import Notification


class EmailNotifier:
    name = "email"

    def __init__(self, host: str, port: int, sender: str, recipient: str, *,
                 starttls: bool = False, username: str | None = None,
                 password: str | None = None, timeout: float = 15.0,
                 destinations: Destinations | None = None,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        if (username or password) and not starttls:
            raise ValueError("SMTP_USERNAME/SMTP_PASSWORD need SMTP_STARTTLS=1: "
                             "no SMTP login without TLS")
        self._host = host
        self._port = port
        self._sender = sender
        # recipient is the default mailbox; `destinations` adds per-team and coordinator ones.
        self._destinations = destinations or Destinations(recipient)
        self._starttls = starttls
        self._username = username
        self._password = password
        self._timeout = timeout
        self.ssl_context = ssl_context or ssl.create_default_context()
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
                smtp.starttls(context=self.ssl_context)  # verified, or it raises
            if self._username and self._password:
                if not isinstance(smtp.sock, ssl.SSLSocket):
                    raise ValueError("no SMTP login without TLS")
                smtp.login(self._username, self._password)
            smtp.send_message(message)

    async def aclose(self) -> None:
        return None  # one connection per message, nothing kept open
