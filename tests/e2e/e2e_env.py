"""Environment shared by the end-to-end tests."""

from __future__ import annotations

import sys

from stack import free_port

from bot.settings import ROOT

# The fake Telegram Bot API of the notify tests plays the consultants' group.
sys.path.insert(0, str(ROOT / "tests" / "notify"))
from notify_fakes import CHAT_ID, TOKEN, FakeTelegram  # noqa: E402

# Started by the tests that need it on this port; the action server only needs
# the notifier names to queue outbox rows.
FAKE_TELEGRAM_PORT = free_port()
NOTIFIER_ENV = {
    "TELEGRAM_BOT_TOKEN": TOKEN,
    "CONSULTANT_TELEGRAM_CHAT_ID": CHAT_ID,
    "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{FAKE_TELEGRAM_PORT}/bot",
}

__all__ = ["FAKE_TELEGRAM_PORT", "NOTIFIER_ENV", "FakeTelegram"]
