"""Drive the conversation engine without a server: a message is its text plus what the
NLU would say of it (intent, entities, crisis level, topics, knowledge match)."""

from __future__ import annotations

from typing import Any

from bot.dialogue.engine import decide
from bot.dialogue.turn import Outcome, Turn
from bot.knowledge.entries import Entry
from bot.knowledge.retriever import Match

TICKET_FIELDS = ("contact_name", "contact_channel", "contact_phone", "contact_email",
                 "contact_time", "region", "summary", "safety_flag", "topics", "share_history",
                 "follow_up")


def knowledge(entry_id: str = "uitzend_fases", topic: str = "flex_contract") -> Match:
    entry = Entry(id=entry_id, topic=topic, region="nl", facts=(), questions=("q",),
                  answer=(f"ANSWER {entry_id}",))
    return Match(entry, 0.9)


class Chat:
    """One conversation; slots carried from turn to turn as Rasa would.

    `choices`: what the person answers when the form asks its two optional choices (share
    the earlier chat, ask later how it went) right before the summary; "nee" by default, so
    a conversation about other steps need not answer it. None: the test answers itself."""

    def __init__(self, choices: str | None = "nee") -> None:
        self.choices = choices
        self.slots: dict[str, Any] = {}
        self.tickets: list[dict[str, Any]] = []
        self.effects: list[str] = []
        self.last: Outcome | None = None

    def say(self, text: str, intent: str = "inform", **nlu: Any) -> list[str]:
        turn = Turn(text=text, intent=intent, **nlu)
        outcome = decide(self.slots, turn)
        self.slots.update(outcome.slots)
        self.last = outcome
        if outcome.effect:
            self.effects.append(outcome.effect)
        if outcome.effect == "create_ticket":
            self.tickets.append({k: self.slots.get(k) for k in TICKET_FIELDS})
            self.slots["ticket_reference"] = f"KP-TEST{len(self.tickets)}"
            for key in ("contact_name", "contact_phone", "contact_email", "consent_given"):
                self.slots[key] = None
        if self.choices is not None and self.slots.get("pending") == "choices":
            names = outcome.names()
            self.say(self.choices, "deny")
            return [n for n in names if n != "utter_ask_choices"] + self.last.names()
        return outcome.names()

    def texts(self) -> list[str]:
        assert self.last is not None
        return [s.text for s in self.last.says if s.text]

    def walk_to_summary(self, answers: tuple[str, ...] = ("Hans", "mail", "hans@example.nl",
                                                          "Amsterdam"),
                        topics: list[str] | None = None) -> list[str]:
        """Consent, then each form answer in turn, up to the summary (or, with
        ``choices=None``, to the two choices before it). The one form walk for all tests."""
        self.walk_to_consent()
        if topics is not None:
            self.slots["topics"] = topics
        names = self.say("ja", "affirm")
        for text in answers:
            names = self.say(text, "inform")
        expected = "summary" if self.choices is not None else "choices"
        assert self.slots["pending"] == expected, self.last
        return names

    def walk_to_channel(self, name: str = "Sam") -> None:
        """Consent and a name: the form then asks how to be reached."""
        self.walk_to_consent()
        self.say("ja", "affirm")
        self.say(name, "inform")
        assert self.slots["pending"] == "channel", self.last

    def walk_to_phone(self, name: str = "Sam", channel: str = "bellen") -> None:
        """Consent, a name and a channel that needs a number: the form then asks the phone."""
        self.walk_to_channel(name)
        self.say(channel, "inform")
        assert self.slots["pending"] == "phone", self.last

    def walk_to_consent(self) -> None:
        self.say("hoi", "greet")
        self.say("mijn tijdelijk contract stopt", "flex_contract")
        self.say("in de schoonmaak", "inform")
        assert self.slots["pending"] == "offer", self.last
        self.say("ja graag", "affirm")
        assert self.slots["pending"] == "consent"
