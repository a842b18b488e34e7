"""Storing a handover: in the ticket database, or in the local spool while it is down.

The action server's one spool and flusher live here. Importing this module (rasa_sdk imports
every actions module at start-up) starts the flusher when drafts from an earlier run wait.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass

from actions.ticket_store import ticket_store
from bot.tickets.models import TicketDraft, new_reference
from bot.tickets.spool import HandoverSpool
from bot.tickets.spool_flusher import SpoolFlusher, retry_intervals
from bot.tickets.store import is_unavailable

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_spool: HandoverSpool | None = None
_flusher: SpoolFlusher | None = None


@dataclass(frozen=True)
class Stored:
    """`queued`: the database was down; the ticket is created once it is back."""

    reference: str
    queued: bool


def handover_spool() -> HandoverSpool:
    return _spool_and_flusher()[0]


def spool_flusher() -> SpoolFlusher:
    return _spool_and_flusher()[1]


def _spool_and_flusher() -> tuple[HandoverSpool, SpoolFlusher]:
    global _spool, _flusher
    with _lock:
        if _spool is None or _flusher is None:
            interval, longest = retry_intervals()
            _spool = HandoverSpool.from_env()
            _flusher = SpoolFlusher(_spool, ticket_store, interval, longest)
        return _spool, _flusher


def reset_handover_spool() -> None:
    """Stop the flusher and forget the spool (tests point HANDOVER_SPOOL_PATH elsewhere)."""
    global _spool, _flusher
    with _lock:
        flusher, _spool, _flusher = _flusher, None, None
    if flusher is not None:
        flusher.stop()


def store_or_spool(draft: TicketDraft) -> Stored:
    """Create the ticket; when the database is unavailable, spool the draft instead.
    Raises when neither worked (or on any other error): then nothing is stored."""
    try:
        ticket = ticket_store().create_ticket(draft)
    except Exception as error:
        if not is_unavailable(error):
            raise
        logger.warning("Ticket database unavailable (%s): handover goes to the spool",
                       error.__class__.__name__)
        if draft.reference is None:  # the person is told the reference now
            draft = dataclasses.replace(draft, reference=new_reference())
        spooled = handover_spool().put(draft)
        spool_flusher().wake()
        return Stored(reference=spooled.reference or draft.reference, queued=True)
    return Stored(reference=ticket.reference, queued=False)


def start_flusher_if_pending() -> None:
    try:
        waiting = handover_spool().pending_count()
    except Exception as error:  # noqa: BLE001 (start-up must go on; handovers retry it)
        logger.error("Handover spool unreadable at start: %s", error.__class__.__name__)
        return
    if waiting:
        logger.warning("Handover spool: %d request(s) from an earlier run, flushing", waiting)
        spool_flusher().wake()


start_flusher_if_pending()
