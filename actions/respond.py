"""The one action that answers every message: Rasa's classification in, the
conversation's decision out (bot/dialogue/engine.py), and the ticket work the
decision asks for (actions/handover.py, actions/privacy.py)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import follow_up, handover, live_chat, privacy
from actions.common import country_known, is_flemish
from bot.dialogue.engine import decide
from bot.dialogue.patterns import WORKS_IN_NL
from bot.dialogue.turn import Outcome, Turn, looks_like_question
from bot.knowledge.retriever import (
    closest_line,
    find_each,
    find_in_context,
    find_named_in_topic,
    find_new,
    follows_up,
    follows_up_any,
    lacks_aspect,
    mentioned,
    prefer_given,
    shared_retriever,
)
from bot.privacy.conversations import retention_days as conversation_retention_days

logger = logging.getLogger(__name__)

# What a pregnant woman asks about leave, pay or telling her boss (round 23b, p109).
PREGNANCY_CONTEXT = re.compile(
    r"\b(verlof|uitkering|betaald|doorbetaald|vertellen|melden|zeggen)\b", re.I)

ERASURE_RESPONSES = ("utter_ask_delete_confirm", "utter_delete_cancelled",
                     "utter_delete_not_done")


def turn_from(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    text = message.get("text") or ""
    flemish = is_flemish(tracker)
    # A named place decides the country, unless they work across the border: Dutch rules are
    # right for someone from Gent who works in Terneuzen (round 4, p04).
    sure = country_known(tracker) is not None and not tracker.get_slot("works_in_nl") and \
        not WORKS_IN_NL.search(text)
    knowledge = None
    offered = None
    also = None
    context = ""
    if tracker.get_slot("pregnant") and looks_like_question(text) and \
            PREGNANCY_CONTEXT.search(text):
        # "krijg ik dan nog wel verlof??" from a woman who said she is pregnant asks about her
        # pregnancy leave (round 23b, p109 read the non-renewal answer again).
        context = "ik ben zwanger"
    asked = f"{context}, {text}" if context else text
    if text and not text.startswith("/"):
        try:
            offered = mentioned(shared_retriever().entries, text)
            knowledge = shared_retriever().find(asked, flemish, sure)
            given = tracker.get_slot("knowledge_given")
            given = list(given) if isinstance(given, list) else []
            if knowledge is None and (looks_like_question(text)
                                      or follows_up_any(shared_retriever(), text, given)):
                # "Nee, over een uitkering van het UWV, omdat ik al twaalf jaar niet gewerkt
                # heb" after the returner's answer asks without a question mark (round 18c).
                knowledge = find_in_context(shared_retriever(), text, given)
            if knowledge is None and looks_like_question(text):
                known = tracker.get_slot("topics")
                topics = [*(known if isinstance(known, list) else []),
                          *(message.get("topics") or [])]
                knowledge = find_named_in_topic(shared_retriever(), text, topics, flemish)
            elif knowledge is not None and given and looks_like_question(text):
                knowledge = prefer_given(shared_retriever(), text, knowledge, given)
            if (knowledge is None or knowledge.entry.id in given) and looks_like_question(text):
                # A new question after an answer: its own answer, not a repeat or none (round
                # 23: p112's transitievergoeding, p108's "moet dat op papier of zo?"); and a
                # question in a longer message, read alone ("wat kost lid worden eigenlijk, bij
                # de AOb of zo? deze directeur blijft …", round 23c, p114).
                knowledge = find_new(shared_retriever(), text, given, flemish, sure,
                                     context=context) or knowledge
            if knowledge is not None and knowledge.entry.id in given and \
                    lacks_aspect(knowledge.entry, text):
                # Asked about its cost after the answer: no cost in it, so no repeat of it
                # (round 21b, p93 read the language line for his cost question).
                knowledge = None
            if knowledge is not None and knowledge.entry.id in given and \
                    knowledge.line is None:
                # Asked again in other words: the line that fits, not the whole answer.
                knowledge = replace(knowledge, line=closest_line(
                    knowledge.entry, shared_retriever().expand(text),
                    follow_up=follows_up(knowledge.entry, text)))
            if knowledge is not None:
                also = next((m for m in find_each(shared_retriever(), text, flemish, sure)
                             if m.entry.id != knowledge.entry.id and m.entry.id not in given),
                            None)
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
