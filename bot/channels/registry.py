"""Which input channels are on, and the credentials file Rasa reads for them.

REST and the website widget (socket.io) are always on. Telegram and WhatsApp
are on only when all their environment variables are set (contract.md); a
channel that is off is reported in one line with the variables it misses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ALWAYS_ON: dict[str, dict[str, Any]] = {
    # Rasa's REST channel with input limits and a per-sender rate limit.
    "bot.channels.rest.HardenedRestInput": {},
    # Rasa's socket.io channel with the session-persistence fix (bot/channels/socketio.py).
    "bot.channels.socketio.SocketIOInput": {
        "user_message_evt": "user_uttered",
        "bot_message_evt": "bot_uttered",
        "session_persistence": True,
    },
}

OPTIONAL: dict[str, tuple[str, tuple[str, ...]]] = {
    # channel label: (Rasa credentials key, required environment variables)
    "telegram": (
        "bot.channels.telegram.TelegramInput",
        ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"),
    ),
    "whatsapp": (
        "bot.channels.whatsapp.WhatsAppInput",
        (
            "WHATSAPP_VERIFY_TOKEN",
            "WHATSAPP_APP_SECRET",
            "WHATSAPP_ACCESS_TOKEN",
            "WHATSAPP_PHONE_NUMBER_ID",
        ),
    ),
}


@dataclass(frozen=True)
class ChannelStatus:
    label: str
    on: bool
    missing: tuple[str, ...]

    def describe(self) -> str:
        if self.on:
            return f"{self.label}: on"
        return f"{self.label}: off (set {', '.join(self.missing)})"


def channel_statuses(env: Mapping[str, str]) -> list[ChannelStatus]:
    statuses = [ChannelStatus(label, True, ()) for label in ("rest", "widget (socket.io)")]
    for label, (_, required) in OPTIONAL.items():
        missing = tuple(name for name in required if not env.get(name, "").strip())
        statuses.append(ChannelStatus(label, not missing, missing))
    return statuses


def credentials_for(env: Mapping[str, str]) -> dict[str, Any]:
    credentials: dict[str, Any] = dict(ALWAYS_ON)
    for key, required in OPTIONAL.values():
        if all(env.get(name, "").strip() for name in required):
            # The channel classes read their secrets from the environment, so
            # the generated file never holds a secret.
            credentials[key] = None
    return credentials


def write_credentials(env: Mapping[str, str], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Generated from the environment by make run and make run-prod "
              "(bot.channels.registry); secrets stay in the environment.\n")
    body = yaml.safe_dump(credentials_for(env), sort_keys=True)
    target.write_text(header + body, encoding="utf-8")
    return target
