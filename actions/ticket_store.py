"""The action server's one ticket store (created on first use, migrated once)."""

from __future__ import annotations

import os
import threading

from bot.notify.notify_settings import configured_notifier_names
from bot.tickets.store import TicketStore

_lock = threading.Lock()
_store: TicketStore | None = None


def ticket_store() -> TicketStore:
    global _store
    with _lock:
        if _store is None:
            store = TicketStore.from_env(os.environ, configured_notifier_names(os.environ))
            store.migrate()
            _store = store
        return _store


def reset_ticket_store() -> None:
    """Forget the store (tests point TICKETS_DB_URL elsewhere between cases)."""
    global _store
    with _lock:
        if _store is not None:
            _store.close()
        _store = None
