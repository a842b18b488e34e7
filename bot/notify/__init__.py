"""Consultant notifiers and the outbox worker that drives them (see worker.py)."""

from bot.notify.base import Notifier
from bot.notify.email_notifier import EmailNotifier
from bot.notify.message import Notification, redact
from bot.notify.notify_settings import configured_notifier_names, configured_notifiers, console_url
from bot.notify.outbox_worker import Backoff, OutboxWorker, RunResult
from bot.notify.telegram_notifier import TelegramNotifier

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
