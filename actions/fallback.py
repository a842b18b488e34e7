"""Not understood, out of scope: say so kindly; after a second miss offer a human.

Also the rule policy's core fallback: a recognised intent that no rule covers in
this context ("ik werk in de bouw" with no open question) gets an open question
back instead of "not understood". The turn stays in the history and ends with
an explicit listen, so the fallback can never repeat itself within one turn.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

MISS_INTENTS = ("nlu_fallback", "out_of_scope", "bad_input", "other_language")


def consecutive_misses(tracker: Tracker) -> int:
    """How many of the person's latest messages in a row were not understood."""
    misses = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = (event.get("parse_data") or {}).get("intent", {}).get("name")
        if intent not in MISS_INTENTS:
            break
        misses += 1
    return misses


class ActionFallback(Action):
    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message or {}).get("intent", {}).get("name")
        if intent and intent not in MISS_INTENTS:
            dispatcher.utter_message(response="utter_anything_else")
            return [FollowupAction("action_listen")]
        first = {
            "out_of_scope": "utter_out_of_scope",
            "bad_input": "utter_bad_input",
            "other_language": "utter_english",
        }.get(intent or "", "utter_default")
        if consecutive_misses(tracker) >= 2:
            dispatcher.utter_message(response="utter_fallback_offer_human")
        else:
            dispatcher.utter_message(response=first)
        return [FollowupAction("action_listen")]
