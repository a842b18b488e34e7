"""Small helpers shared by the actions."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.nlu.flemish import sounds_flemish
from bot.tickets.routing import route


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def slot_list(tracker: Tracker, name: str) -> list[Any]:
    value = tracker.get_slot(name)
    return list(value) if isinstance(value, list) else []


def is_flemish(tracker: Tracker) -> bool:
    """Flemish context: a Flemish region, or the person mentions VDAB and the like."""
    region = tracker.get_slot("region")
    if region and route(region).startswith("vlaanderen"):
        return True
    texts = [
        (e.get("text") or "").lower() for e in tracker.events if e.get("event") == "user"
    ]
    return any(sounds_flemish(text) for text in texts[-10:])
