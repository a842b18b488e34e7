"""What a consultant may do with a ticket, shared by the HTML pages and the JSON API.

The ticket store is the authority on status transitions (``InvalidTransition``);
this module maps console actions onto store calls and validates API input.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from bot.safe_text import is_plain_line
from bot.tickets import InvalidTransition, Ticket, TicketNotFound, TicketStore
from bot.tickets.models import OUTCOMES
from bot.tickets.store import NOTE_MAX, AlreadyClaimed

NOTE_MAX_LENGTH = NOTE_MAX
ASSIGNEE_MAX_LENGTH = 80
API_STATUSES = ("claimed", "contacted", "closed")


class TicketGone(LookupError):
    """The ticket does not exist (any more)."""


class InvalidAction(ValueError):
    """A request the console refuses; the message is Dutch and safe to show."""

    def __init__(self, message: str, *, conflict: bool = False) -> None:
        super().__init__(message)
        self.conflict = conflict  # True: valid request, wrong moment (HTTP 409)


@dataclass(frozen=True)
class Action:
    path: str
    label: str
    primary: bool = False


def is_ticket_id(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def find_ticket(store: TicketStore, ticket_id: str) -> Ticket | None:
    if not is_ticket_id(ticket_id):
        return None
    return store.get_ticket(ticket_id)


def actions_for(ticket: Ticket) -> list[Action]:
    """The buttons on the ticket page, in the order a consultant uses them."""
    if ticket.status == "new":
        return [Action("claim", "Oppakken", primary=True), Action("close", "Sluiten")]
    if ticket.status == "claimed":
        return [
            Action("contacted", "Contact gehad", primary=True),
            Action("close", "Sluiten"),
            Action("release", "Teruggeven"),
        ]
    if ticket.status == "contacted":
        return [Action("close", "Sluiten", primary=True)]
    return [Action("reopen", "Heropenen")]


# action -> (new status, notice key for the redirect)
_STATUS_ACTIONS = {
    "claim": ("claimed", "opgepakt"),
    "contacted": ("contacted", "gecontacteerd"),
    "close": ("closed", "gesloten"),
    "release": ("new", "teruggegeven"),
    "reopen": ("claimed", "heropend"),
}


def apply_action(
    store: TicketStore, ticket_id: str, action: str, actor: str, note_text: str = "",
    outcome: str = "",
) -> str:
    """Carry out a ticket page action; returns the notice key for the redirect."""
    if not is_ticket_id(ticket_id):
        raise TicketGone(ticket_id)
    try:
        if action == "notes":
            text = note_text.strip()
            if not text:
                raise InvalidAction("Een notitie mag niet leeg zijn.")
            if len(text) > NOTE_MAX_LENGTH:
                raise InvalidAction(f"Een notitie heeft hoogstens {NOTE_MAX_LENGTH} tekens.")
            store.add_note(ticket_id, actor, text)
            return "notitie"
        if action not in _STATUS_ACTIONS:
            raise InvalidAction("Deze actie bestaat niet.")
        status, notice = _STATUS_ACTIONS[action]
        if action == "close" and outcome not in OUTCOMES:
            raise InvalidAction("Kies bij het sluiten wat de uitkomst is.")
        # Claiming and reopening make the consultant who does it the assignee.
        assignee = actor if action in ("claim", "reopen") else None
        store.update_ticket(ticket_id, status=status, assignee=assignee, actor=actor,
                            outcome=outcome if action == "close" else None)
        return notice
    except TicketNotFound as error:
        raise TicketGone(ticket_id) from error
    except AlreadyClaimed as error:
        raise InvalidAction("Een collega heeft deze aanvraag al opgepakt.",
                            conflict=True) from error
    except InvalidTransition as error:
        raise InvalidAction(
            "Dat kan niet in de huidige status van deze aanvraag. "
            "Misschien heeft een collega hem net veranderd.",
            conflict=True,
        ) from error


def parse_outcome(payload: dict[str, Any]) -> str | None:
    """The "outcome" of a PATCH body: one of OUTCOMES, only with closing (or closed)."""
    outcome = payload.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidAction(f"outcome must be one of {', '.join(OUTCOMES)}")
    return outcome


def parse_patch(payload: Any) -> tuple[str | None, str | None]:
    """Validate a PATCH body: {"status": ..., "assignee": ...}, at least one of them.

    Returns (status, assignee); assignee "" means unassign. Raises InvalidAction.
    """
    if not isinstance(payload, dict):
        raise InvalidAction("body must be a JSON object")
    unknown = set(payload) - {"status", "assignee", "outcome"}
    if unknown:
        raise InvalidAction(f"unknown field(s): {', '.join(sorted(unknown))}")
    if not payload:
        raise InvalidAction("give status and/or assignee")
    status = payload.get("status")
    if status is not None and status not in API_STATUSES:
        raise InvalidAction(f"status must be one of {', '.join(API_STATUSES)}")
    assignee = payload.get("assignee")
    if "assignee" in payload:
        if assignee is None:
            assignee = ""  # explicit null: nobody
        if not isinstance(assignee, str):
            raise InvalidAction("assignee must be a string or null")
        assignee = assignee.strip()
        if len(assignee) > ASSIGNEE_MAX_LENGTH or not is_plain_line(assignee):
            raise InvalidAction(f"assignee must be at most {ASSIGNEE_MAX_LENGTH} plain characters")
    if status is None and "assignee" not in payload and payload.get("outcome") is None:
        raise InvalidAction("give status and/or assignee")
    return status, assignee
