"""The one action that answers every message: Rasa's classification in, the
conversation's decision out (bot/dialogue/engine.py), and the ticket work the
decision asks for (actions/handover.py, actions/privacy.py)."""

from __future__ import annotations

import logging
import os
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import follow_up, handover, live_chat, privacy
from actions.common import country_known, is_flemish
from bot.dialogue.engine import decide
from bot.dialogue.patterns import WORKS_IN_NL
from bot.dialogue.turn import Outcome, Turn, looks_like_question
from bot.knowledge.in_conversation import FEWER_HOURS_ANSWERS, answer_in_conversation
from bot.knowledge.retriever import mentioned, shared_retriever
from bot.privacy.conversations import retention_days as conversation_retention_days

logger = logging.getLogger(__name__)

ERASURE_RESPONSES = ("utter_ask_delete_confirm", "utter_delete_cancelled",
                     "utter_delete_not_done")


# What the person said of themselves, by the slot that keeps it (names as in
# bot.knowledge.in_conversation.SITUATIONS).
SITUATION_SLOTS = (("pregnant", "pregnant"), ("sick", "sick_leave"),
                   ("contract_change", "contract_change_paper"))


def situations_of(tracker: Tracker) -> frozenset[str]:
    said = {name for name, slot in SITUATION_SLOTS if tracker.get_slot(slot)}
    if tracker.get_slot("contract_type") == "uitzend":
        said.add("agency")
    if "schoonma" in str(tracker.get_slot("sector") or "").lower():
        said.add("cleaning")
    given = tracker.get_slot("knowledge_given")
    if isinstance(given, list) and FEWER_HOURS_ANSWERS.intersection(given):
        said.add("fewer_hours")
    return frozenset(said)


def turn_from(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    text = message.get("text") or ""
    flemish = is_flemish(tracker)
    # A named place decides the country, unless they work across the border: Dutch rules are
    # right for someone from Gent who works in Terneuzen (round 4, p04).
    sure = country_known(tracker) is not None and not tracker.get_slot("works_in_nl") and \
        not WORKS_IN_NL.search(text)
    offered = knowledge = also = None
    if text and not text.startswith("/"):
        try:
            retriever = shared_retriever()
            offered = mentioned(retriever.entries, text)
            given = tracker.get_slot("knowledge_given")
            known = tracker.get_slot("topics")
            knowledge, also = answer_in_conversation(
                retriever, text, asks=looks_like_question(text),
                given=given if isinstance(given, list) else [],
                topics=[*(known if isinstance(known, list) else []),
                        *(message.get("topics") or [])],
                flemish=flemish, sure=sure, situations=situations_of(tracker))
        except Exception as error:  # noqa: BLE001 (no answer is better than no reply)
            logger.error("Knowledge lookup failed: %s", error.__class__.__name__)
    return Turn(
        text=text,
        intent=intent.get("name") or "nlu_fallback",
        confidence=float(intent.get("confidence") or 0.0),
        entities=list(message.get("entities") or []),
        crisis_level=message.get("crisis_level"),
        topics=list(message.get("topics") or []),
        ranking=[str(r.get("name")) for r in message.get("intent_ranking") or []
                 if isinstance(r, dict) and r.get("name")],
        knowledge=knowledge,
        mentioned=offered,
        also=also,
        flemish=flemish,
    )


def utter(dispatcher: CollectingDispatcher, outcome: Outcome) -> None:
    for say in outcome.says:
        if say.response == "utter_explain_consent":
            # The consent text promises the retention that the store really applies.
            dispatcher.utter_message(response=say.response,
                                     retention_days=handover.retention_days())
        elif say.response in ("utter_what_is_stored", "utter_what_is_stored_request"):
            # What we say we keep is what the worker really deletes, and when.
            dispatcher.utter_message(response=say.response, **say.values,
                                     conversation_days=conversation_retention_days(os.environ))
        elif say.response:
            dispatcher.utter_message(response=say.response, **say.values)
        elif say.text:
            dispatcher.utter_message(text=say.text, buttons=say.buttons or [])


class ActionRespond(Action):
    def name(self) -> str:
        return "action_respond"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # A consultant holding this conversation keeps the bot silent (issue 12).
        live = await live_chat.intercept(dispatcher, tracker)
        if live.silent:
            return []
        slots = dict(tracker.slots)
        awaited = None if live.erasure_only else await follow_up.pending(tracker)
        if awaited:
            slots["follow_up_pending"] = awaited[1]  # read this turn only, never stored
        outcome = decide(slots, turn_from(tracker))
        if outcome.effect == "follow_up_answer":
            if awaited:
                await follow_up.record(awaited[0], outcome.effect_values)
            outcome.effect = None
        if live.erasure_only:
            # A consultant holds the conversation: the bot only asks and confirms the erasure.
            outcome.says = [s for s in outcome.says if s.response in ERASURE_RESPONSES]
            if outcome.effect != "erase":
                outcome.effect = None
        utter(dispatcher, outcome)
        known = set((domain.get("slots") or {}).keys()) or set(tracker.slots)
        events: list[EventType] = [
            SlotSet(name, value) for name, value in outcome.slots.items() if name in known]
        events += await self.effect(outcome, dispatcher, tracker, events)
        return events

    async def effect(self, outcome: Outcome, dispatcher: CollectingDispatcher,
                     tracker: Tracker, events: list[EventType]) -> list[EventType]:
        if outcome.effect is None:
            return []
        # The effect reads the slots as this turn left them.
        updated = tracker.copy()
        for event in events:
            updated.slots[event["name"]] = event["value"]
        if outcome.effect == "create_ticket":
            return await handover.submit(dispatcher, updated)
        if outcome.effect == "show_request":
            return await handover.show_request(dispatcher, updated)
        if outcome.effect == "update_request":
            return await handover.update_request(dispatcher, updated, outcome.effect_values)
        if outcome.effect == "withdraw_request":
            return await handover.withdraw_request(dispatcher, updated)
        if outcome.effect == "erase":
            return await privacy.erase(dispatcher, updated)
        raise ValueError(f"unknown effect {outcome.effect}")
