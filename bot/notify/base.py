"""The notifier interface the outbox worker talks to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from bot.notify.message import Notification


@dataclass(frozen=True)
class Destinations:
    """Where one notifier delivers (chat ids or mailboxes): the team's own destination, the
    coordinator's for their notices, else the default (routing.yml, notify_settings.py)."""

    default: str
    teams: Mapping[str, str] = field(default_factory=dict)
    coordinator: str | None = None

    def for_(self, notification: Notification) -> str:
        if notification.audience == "coordinator":
            return self.coordinator or self.default
        return self.teams.get(notification.team or "") or self.default


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
