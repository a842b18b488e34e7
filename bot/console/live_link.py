"""The ticket page's way into the conversation view /tickets/{id}/gesprek (issue 12).

Shown only when a live chat can happen for the ticket: the person chose "hier in de chat"
(or stayed anonymous) and a way back was stored (`live_routes`), and the ticket is not
closed (a takeover of a closed ticket answers 409). Who may follow it is who may see the
ticket page: both pages sit behind the same team boundary (team_access.py).
"""

from __future__ import annotations

from typing import Any

from bot.tickets import Ticket

CHANNEL_NAMES = {"telegram": "Telegram", "whatsapp": "WhatsApp", "socketio": "de website",
                 "rest": "de chat"}


def conversation_link(ticket: Ticket, route: dict[str, Any] | None) -> dict[str, str] | None:
    """{"url", "label", "text"} for the ticket page, or None when no live chat is possible."""
    if route is None or ticket.status == "closed":
        return None
    channel = CHANNEL_NAMES.get(str(route.get("channel")), "de chat")
    if ticket.live:
        holder = ticket.assignee or "een consulent"
        return {"url": f"/tickets/{ticket.id}/gesprek", "label": "Open het live gesprek",
                "text": f"{holder} is in gesprek met de persoon via {channel}; de chatbot "
                        "is stil."}
    return {"url": f"/tickets/{ticket.id}/gesprek", "label": "Antwoorden in de chat",
            "text": f"De persoon wil contact hier in de chat ({channel}). Je kunt het "
                    "gesprek overnemen en direct antwoorden."}
