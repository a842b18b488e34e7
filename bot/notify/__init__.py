"""Consultant notifiers and the outbox worker that drives them (see worker.py)."""

from bot.notify.base import Notifier
from bot.notify.config import configured_notifier_names, configured_notifiers, console_url
from bot.notify.message import Notification, redact
from bot.notify.smtp import EmailNotifier
from bot.notify.telegram import TelegramNotifier
from bot.notify.worker import Backoff, OutboxWorker, RunResult

__all__ = [
    "Backoff",
    "EmailNotifier",
    "Notification",
    "Notifier",
    "OutboxWorker",
    "RunResult",
    "TelegramNotifier",
    "configured_notifier_names",
    "configured_notifiers",
    "console_url",
    "redact",
]
