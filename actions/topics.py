"""Career topics: one flow for every career intent.

1. ``action_topic``: empathy and honest orientation (``utter_topic_<t>``), a
   referral where safety asks for one, then one deepening question
   (``utter_deepen_<t>``); the slots remember the topic.
2. ``action_topic_followup``: after the person answered, a self-help step
   (``utter_selfhelp_<t>``) and, where it fits, the offer of a consultant.
A topic raised again is a warm-lead signal: acknowledged, then the offer.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import is_flemish, latest_intent, slot_list
from bot.topics import CAREER_TOPICS, OFFER_TOPICS

# A typed "ja" or "nee" to the opening question "Ga je nog met plezier naar je
# werk?" means the same as its buttons (rules_opening.yml routes them here).
OPENING_ANSWERS = {"affirm": "enjoy_work", "deny": "stuck"}


def topic_extras(topic: str, flemish: bool) -> list[str]:
    """Responses that must come with a topic: referrals and regional facts."""
    extras = {
        "workload_health": ["utter_health_referral"],
        "conflict_at_work": ["utter_conflict_referral"],
        "funding": ["utter_topic_funding_flanders" if flemish else "utter_stap_ended"],
    }
    return extras.get(topic, [])


class ActionTopic(Action):
    def name(self) -> str:
        return "action_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = latest_intent(tracker) or ""
        topic = intent if intent in CAREER_TOPICS else OPENING_ANSWERS.get(intent)
        if topic is None:
            return []
        topics = slot_list(tracker, "topics")
        if topic == tracker.get_slot("last_topic") and tracker.get_slot("awaiting_detail"):
            # The answer to our deepening question restates the topic
            # ("nulurencontract, stopt in maart"): treat it as the answer.
            return [FollowupAction("action_topic_followup")]
        if topic in topics:
            dispatcher.utter_message(response="utter_topic_again")
            return [
                SlotSet("last_topic", topic),
                SlotSet("repeated_topic", True),
                FollowupAction("action_topic_followup"),
            ]
        dispatcher.utter_message(response=f"utter_topic_{topic}")
        for response in topic_extras(topic, is_flemish(tracker)):
            dispatcher.utter_message(response=response)
        dispatcher.utter_message(response=f"utter_deepen_{topic}")
        return [
            SlotSet("last_topic", topic),
            SlotSet("topics", [*topics, topic]),
            SlotSet("primary_topic", tracker.get_slot("primary_topic") or topic),
            SlotSet("awaiting_detail", True),
            SlotSet("offer_pending", False),
        ]


class ActionTopicFollowup(Action):
    def name(self) -> str:
        return "action_topic_followup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        topic = tracker.get_slot("last_topic")
        if topic in CAREER_TOPICS:
            dispatcher.utter_message(response=f"utter_selfhelp_{topic}")
        if topic in OFFER_TOPICS or topic is None:
            dispatcher.utter_message(response="utter_offer_consultant")
            return [SlotSet("awaiting_detail", False), SlotSet("offer_pending", True)]
        dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet("awaiting_detail", False), SlotSet("offer_pending", False)]


class ActionOfferDeclined(Action):
    def name(self) -> str:
        return "action_offer_declined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_offer_declined")
        return [SlotSet("offer_pending", False), SlotSet("crisis_mode", False)]


class ActionResume(Action):
    """After a digression (cost, privacy, ...), ask the open question again."""

    def name(self) -> str:
        return "action_resume"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("offer_pending"):
            dispatcher.utter_message(response="utter_offer_consultant")
        elif tracker.get_slot("awaiting_detail") and tracker.get_slot("last_topic"):
            dispatcher.utter_message(response=f"utter_deepen_{tracker.get_slot('last_topic')}")
        return []
