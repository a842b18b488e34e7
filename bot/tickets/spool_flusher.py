"""Background thread that empties the handover spool into the ticket database.

It runs only while the spool has drafts: `wake()` after a put (and at start-up when drafts
are waiting) starts it; it waits `interval` seconds, drains, doubles the wait up to
`max_interval` while the database stays away, and ends once the spool is empty. A daemon
thread: whatever is still spooled when the process stops is picked up at the next start.

Env: HANDOVER_SPOOL_RETRY_SECONDS (first wait, default 5), HANDOVER_SPOOL_RETRY_MAX_SECONDS
(longest wait, default 120).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping

from bot.tickets.spool import HandoverSpool
from bot.tickets.store import TicketStore, is_unavailable

logger = logging.getLogger(__name__)

RETRY_ENV = "HANDOVER_SPOOL_RETRY_SECONDS"
RETRY_MAX_ENV = "HANDOVER_SPOOL_RETRY_MAX_SECONDS"
DEFAULT_RETRY_S = 5.0
DEFAULT_RETRY_MAX_S = 120.0


def retry_intervals(env: Mapping[str, str] | None = None) -> tuple[float, float]:
    env = os.environ if env is None else env
    first = float(env.get(RETRY_ENV, "").strip() or DEFAULT_RETRY_S)
    longest = float(env.get(RETRY_MAX_ENV, "").strip() or DEFAULT_RETRY_MAX_S)
    return first, max(first, longest)


class SpoolFlusher:
    def __init__(
        self,
        spool: HandoverSpool,
        store_factory: Callable[[], TicketStore],
        interval: float = DEFAULT_RETRY_S,
        max_interval: float = DEFAULT_RETRY_MAX_S,
    ) -> None:
        self._spool = spool
        self._store_factory = store_factory
        self._interval = interval
        self._max_interval = max(interval, max_interval)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def running(self) -> bool:
        with self._lock:
            return self._thread is not None

    def wake(self) -> None:
        """Make sure a flush is under way (call after every put)."""
        with self._lock:
            if self._thread is None and not self._stopping.is_set():
                self._thread = threading.Thread(
                    target=self._run, name="handover-spool-flusher", daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread (tests); drafts stay in the spool."""
        self._stopping.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        delay = self._interval
        while not self._stopping.wait(delay):
            self._flush_once()
            # Decided under the lock: a put after this count finds no thread and wakes a
            # new one, a put before it is counted here.
            with self._lock:
                try:
                    waiting = self._spool.pending_count()
                except Exception as error:  # noqa: BLE001 (keep trying; the file may be back)
                    logger.error("Handover spool unreadable: %s", error.__class__.__name__)
                    waiting = -1
                if waiting == 0:
                    self._thread = None
                    return
            logger.warning("Handover spool: %s request(s) waiting for the ticket database",
                           waiting if waiting >= 0 else "unknown number of")
            delay = min(delay * 2, self._max_interval)
        with self._lock:
            self._thread = None

    def _flush_once(self) -> None:
        try:
            self._spool.drain(self._store_factory())
        except Exception as error:  # noqa: BLE001 (the thread must outlive any failure)
            if not is_unavailable(error):
                logger.error("Handover spool flush failed: %s", error.__class__.__name__)
