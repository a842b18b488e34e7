"""Small helpers shared by the actions."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.nlu.flemish import sounds_flemish
from bot.tickets.routing import country_of


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def slot_list(tracker: Tracker, name: str) -> list[Any]:
    value = tracker.get_slot(name)
    return list(value) if isinstance(value, list) else []


def is_flemish(tracker: Tracker) -> bool:
    """Flemish context: a Flemish region, or the person mentions VDAB and the like. A
    Dutch place decides too: "vlaanderen? ik woon in rotterdam hoor" is no Flemish talk
    (round 22c, p101 got the Flemish loopbaancheques for her complaint)."""
    country = country_known(tracker)
    if country:
        return country == "be"
    texts = [
        (e.get("text") or "").lower() for e in tracker.events if e.get("event") == "user"
    ]
    return any(sounds_flemish(text) for text in texts[-10:])


def country_known(tracker: Tracker) -> str | None:
    """"nl" or "be" when the person named a place that a team serves, else None."""
    region = tracker.get_slot("region")
    return country_of(region) if isinstance(region, str) else None
