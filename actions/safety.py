"""Crisis: safety information first, then a human without a form."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher


class ActionCrisis(Action):
    def name(self) -> str:
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_crisis")
        dispatcher.utter_message(response="utter_crisis_help")
        dispatcher.utter_message(response="utter_crisis_offer_human")
        # crisis_mode shortens a following handover to "how can we reach you".
        return [
            SlotSet("crisis_mode", True),
            SlotSet("offer_pending", True),
            SlotSet("awaiting_detail", False),
        ]
