"""Rasa NLU component that catches input no classifier should guess at.

Placed after the classifiers, it overrides the intent with
- ``bad_input`` for text without a letter or digit (emoji floods, punctuation),
  replacement characters from broken encodings, or text over MAX_CHARS;
- ``other_language`` for text that is clearly English (many English function
  words, no Dutch ones): the assistant then answers in both languages.
It also forces ``crisis`` when a message states suicidal thoughts or self-harm
in so many words (CRISIS_PATTERNS), and when crisis is the classifier's best
guess even below the fallback threshold: safety must not depend on confidence.
A false alarm costs a kind message with 113; a miss costs more.
Everything else passes untouched, so phone numbers and names still reach forms.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.plain_text import clean_text

MAX_CHARS = 2000
ENGLISH = {
    "the", "is", "are", "what", "how", "can", "you", "my", "i", "am", "do", "does", "with",
    "job", "work", "please", "help", "hello", "want", "need", "speak", "english", "have",
    "about", "this", "that", "your", "would", "like", "to", "of", "and", "for",
}
DUTCH = {
    "ik", "je", "jij", "mijn", "m'n", "mn", "het", "de", "een", "en", "is", "wat", "hoe",
    "niet", "nie", "wil", "werk", "met", "van", "voor", "ben", "heb", "kan", "ja", "nee",
    "dat", "die", "op", "te", "er", "zijn", "hoi", "hallo", "goed", "graag", "dank",
}
AMBIGUOUS = {"is", "ja", "hallo", "hoi", "en"}  # shared words prove nothing
_WORD = re.compile(r"[a-z']+")

# Explicit statements only (Dutch and Flemish); checked on lower case.
# "niet" also as people type it in a hurry or in Flemish ("nie", "ni"); "zie het niet
# meer zitten" alone is left to the classifier (also said of a planning or a boss).
_NOT = r"(?:niet|nie|ni|nit)"
CRISIS_PATTERNS = [re.compile(p) for p in (
    r"zelfmoor[dt]?", r"su[iï]cid", r"zelfdoding", r"\bwil+t?\s+(\w+\s+){0,2}dood\b",
    r"\bdood\s+(wil|willen|gaan|zijn)\b",
    rf"\b(?:{_NOT}|nooit)\s+meer\s+(willen\s+)?(leven|bestaan|wakker\s+(worden|word))\b",
    rf"\bwil+t?\s+er\s+{_NOT}\s+meer\s+zijn\b",
    rf"\ber\s+{_NOT}\s+meer\s+(zou\s+)?(wil\s+)?zijn\b",
    r"\beinde?\s+aan\s+(mijn|m'?n|het|me)\s+leven\b",
    r"\ber\s+een\s+einde?\s+aan\s+(te\s+)?maken\b",
    r"\bmezelf\s+((iets|wat)\s+)?(aan\s*doen|aandoen|pijn\s+doen|van\s+kant)",
    r"\bvan\s+het\s+leven\s+beroven\b", r"\buit\s+het\s+leven\s+stappen\b",
    r"\bgeen\s+zin\s+meer\s+in\s+(het|m'?n|mijn)\s+leven\b",
    r"\bleven\s+heeft\s+geen\s+zin\b", r"\bwas\s+ik\s+maar\s+dood\b",
    r"\b(wou|wilde|zou\s+willen)\s+(ik\s+)?dat\s+ik\s+dood\s+was\b",
)]


# Rasa never runs the NLU pipeline on empty text, so channels send this payload
# for a blank message instead: the person then gets the friendly Dutch answer.
BLANK_MESSAGE_PAYLOAD = "/bad_input"
CRISIS_PAYLOAD = "/crisis"


def text_or_bad_input(text: str) -> str:
    """What a chat channel hands to Rasa: the cleaned text, or ``/bad_input``.

    Control characters and lone surrogates are cleaned out (``bot.plain_text``).
    Blank text becomes ``/bad_input``, and so does text over MAX_CHARS: the guard
    would classify it as bad input anyway, and this way no model time is spent
    on it and the long text is not stored in the conversation. Safety comes first:
    long text that states a crisis becomes ``/crisis``.
    """
    text = clean_text(text)
    stripped = text.strip()
    if not stripped:
        return BLANK_MESSAGE_PAYLOAD
    if len(stripped) > MAX_CHARS:
        # Too long to classify or keep, but a person in danger must never hear "too long".
        return CRISIS_PAYLOAD if states_crisis(stripped) else BLANK_MESSAGE_PAYLOAD
    return text


def crisis_is_best_guess(ranking: list[dict[str, Any]]) -> bool:
    """Crisis ranks first among the real intents (nlu_fallback aside)."""
    real = [entry for entry in ranking if entry.get("name") != "nlu_fallback"]
    return bool(real) and real[0].get("name") == "crisis"


def states_crisis(text: str) -> bool:
    lowered = text.lower()
    return any(pattern.search(lowered) for pattern in CRISIS_PATTERNS)


def classify_guard(text: str) -> str | None:
    """``bad_input``, ``crisis``, ``other_language`` or None for ordinary input."""
    # Crisis first: a long or garbled message can still say that someone is in danger.
    if states_crisis(text):
        return "crisis"
    if len(text) > MAX_CHARS or "\ufffd" in text:
        return "bad_input"
    if not re.search(r"[^\W_]", text):
        return "bad_input"
    words = _WORD.findall(text.lower())
    english = sum(1 for w in words if w in ENGLISH and w not in AMBIGUOUS)
    dutch = sum(1 for w in words if w in DUTCH and w not in AMBIGUOUS)
    if english >= 3 and dutch == 0 and english >= len(words) / 3:
        return "other_language"
    return None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class InputGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            verdict = classify_guard(message.get(TEXT) or "")
            if verdict is None and crisis_is_best_guess(message.get(INTENT_RANKING_KEY) or []):
                verdict = "crisis"
            if verdict:
                message.set(INTENT, {"name": verdict, "confidence": 1.0}, add_to_output=True)
                message.set(
                    INTENT_RANKING_KEY, [{"name": verdict, "confidence": 1.0}], add_to_output=True
                )
        return messages
