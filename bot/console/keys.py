"""Typed keys for what the console keeps on the application and on each request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiohttp import web

from bot.console.accounts import AccountStore, Session
from bot.console.console_settings import ConsoleSettings

STORE: web.AppKey[Any] = web.AppKey("ticket_store", object)
ACCOUNTS: web.AppKey[AccountStore] = web.AppKey("accounts", AccountStore)
SETTINGS: web.AppKey[ConsoleSettings] = web.AppKey("settings", ConsoleSettings)
CLOCK: web.AppKey[Callable[[], datetime]] = web.AppKey("clock", object)

# Request-level key (plain string: aiohttp has no typed request keys).
SESSION = "console_session"


def current_session(request: web.Request) -> Session | None:
    return request.get(SESSION)
