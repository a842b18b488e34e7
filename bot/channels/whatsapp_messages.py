"""Builders for WhatsApp Cloud API message objects, within Meta's documented limits."""

from __future__ import annotations

from typing import Any

from bot.channels.reply_text import shorten, unique_titles

TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
MAX_REPLY_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
BUTTON_ID_LIMIT = 256
MAX_LIST_ROWS = 10
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
ROW_ID_LIMIT = 200
LIST_BUTTON_TEXT = "Bekijk de opties"  # at most 20 characters
NUMBER_PROMPT = "Typ het nummer van je keuze."


def text_message(to: str, body: str) -> dict[str, Any]:
    return {"to": to, "type": "text", "text": {"body": body, "preview_url": False}}


def reply_buttons_message(to: str, body: str, titles: list[str], ids: list[str]) -> dict[str, Any]:
    """Up to three reply buttons; titles are cut to 20 characters and made unique."""
    short = unique_titles(titles, BUTTON_TITLE_LIMIT)
    buttons = [
        {"type": "reply", "reply": {"id": button_id, "title": title}}
        for title, button_id in zip(short, ids, strict=True)
    ]
    return {
        "to": to,
        "type": "interactive",
        "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}},
    }


def list_message(to: str, body: str, titles: list[str], ids: list[str]) -> dict[str, Any]:
    """Up to ten rows; a cut title is given in full (up to 72 characters) as description."""
    short = unique_titles(titles, ROW_TITLE_LIMIT)
    rows = []
    for title, row_title, row_id in zip(titles, short, ids, strict=True):
        row: dict[str, Any] = {"id": row_id, "title": row_title}
        if " ".join(title.split()) != row_title:
            row["description"] = shorten(title, ROW_DESCRIPTION_LIMIT)
        rows.append(row)
    return {
        "to": to,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": body},
            "action": {"button": LIST_BUTTON_TEXT, "sections": [{"rows": rows}]},
        },
    }


def numbered_text(body: str, titles: list[str]) -> str:
    """More options than a list message holds: a numbered list the person answers by number."""
    lines = [f"{number}. {' '.join(title.split())}" for number, title in enumerate(titles, 1)]
    return "\n\n".join(part for part in (body.strip(), "\n".join(lines), NUMBER_PROMPT) if part)
