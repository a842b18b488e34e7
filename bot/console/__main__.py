"""``python -m bot.console``: start the consultant console (see bot.console.app for env)."""

from __future__ import annotations

import logging
import sys

from aiohttp import web

from bot.channels.live_delivery import LiveSender
from bot.console.accounts import AccountStore
from bot.console.app import create_app
from bot.console.console_settings import ConsoleSettings
from bot.console.live_views import LIVE, LIVE_SENDER
from bot.tickets import TicketStore, live

log = logging.getLogger("bot.console")


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = ConsoleSettings.from_env()
    except ValueError as error:
        print(f"console: bad configuration: {error}", file=sys.stderr)
        return 2
    store = TicketStore.from_url(settings.db_url)
    store.migrate()
    # Same engine as the tickets: one connection pool, same SQLite settings.
    accounts = AccountStore(
        store.engine,
        lockout_attempts=settings.lockout_attempts,
        lockout_duration=settings.lockout_duration,
        session_idle=settings.session_idle,
        session_max_age=settings.session_max_age,
    )
    accounts.migrate()
    accounts.purge_expired_sessions()
    if not accounts.list_consultants():
        log.warning("no consultant accounts yet: python -m bot.console.users add NAME")
    if not settings.api_enabled:
        log.info("ticket API off (CONSOLE_API_TOKEN not set)")
    if not settings.secure_cookies:
        log.warning("CONSOLE_INSECURE_DEV=1: session cookies are sent over plain http")

    app = create_app(store, accounts, settings)
    live_key = live.live_key()
    app[LIVE] = live.LiveChats(store, live.idle_minutes())
    if live_key is None:
        log.info("live chat off (LIVE_CHAT_KEY not set): consultants cannot answer in the chat")
    else:
        app[LIVE_SENDER] = LiveSender(live_key)
    print(f"console: http://{settings.host}:{settings.port}/", flush=True)
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log=None)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
