"""The notifier interface the outbox worker talks to."""

from __future__ import annotations

from typing import Protocol

from bot.notify.message import Notification


class Notifier(Protocol):
    # Outbox rows are keyed by this name ("telegram", "email").
    name: str
    # Strings to blank out of error messages before they are stored (tokens, passwords).
    secrets: tuple[str, ...]

    async def send(self, notification: Notification) -> None:
        """Deliver or raise; the worker retries later."""

    def destination(self, notification: Notification) -> str:
        """Where `send` would deliver it (chat id, mailbox). Optional: a notifier without it
        counts as having one destination for everything."""

    async def aclose(self) -> None:
        """Release connections."""
