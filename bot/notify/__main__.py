"""Run the outbox worker: `python -m bot.notify` (Ctrl-C or SIGTERM stops it)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from bot.notify.notify_settings import configured_notifiers, console_url
from bot.notify.outbox_worker import OutboxWorker
from bot.tickets.store import TicketStore


async def _main() -> int:
    env = os.environ
    notifiers = configured_notifiers(env)
    if not notifiers:
        print("notify: no notifier configured (set TELEGRAM_BOT_TOKEN + "
              "CONSULTANT_TELEGRAM_CHAT_ID, or SMTP_HOST + SMTP_FROM + CONSULTANT_EMAIL)")
        return 0
    store = TicketStore.from_env(env, notifiers=[n.name for n in notifiers])
    await asyncio.to_thread(store.migrate)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    print(f"notify: outbox worker running ({', '.join(n.name for n in notifiers)})")
    try:
        await OutboxWorker(store, notifiers, console_url=console_url(env)).run_forever(stop)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    sys.exit(asyncio.run(_main()))
