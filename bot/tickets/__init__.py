"""Ticket storage: see bot/tickets/store.py for the interface."""

from bot.privacy.sender_key import sender_key
from bot.tickets.models import AuditEntry, Contact, Note, OutboxItem, Ticket, TicketDraft
from bot.tickets.routing import route
from bot.tickets.store import (
    DEFAULT_DB_URL,
    UNSET,
    InvalidContactField,
    InvalidTransition,
    TicketNotFound,
    TicketStore,
)

__all__ = [
    "DEFAULT_DB_URL",
    "AuditEntry",
    "UNSET",
    "Contact",
    "InvalidContactField",
    "InvalidTransition",
    "Note",
    "OutboxItem",
    "Ticket",
    "TicketDraft",
    "TicketNotFound",
    "TicketStore",
    "route",
    "sender_key",
]
