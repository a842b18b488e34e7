"""Rasa NLU component that catches input no classifier should guess at.

Placed after the classifiers, it overrides the intent with
- ``bad_input`` for text without a letter or digit (emoji floods, punctuation),
  replacement characters from broken encodings, or text over MAX_CHARS;
- ``other_language`` for text that is clearly English (many English function
  words, no Dutch ones): the assistant then answers in both languages.
It also runs the crisis layer (``bot.nlu.crisis``) and sets the output property
``crisis_level``: ``clear`` makes the intent ``crisis`` (confidence 1.0);
``possible`` keeps the classifier's best non-crisis intent so that the topic is
still recognised, and the dialogue asks one gentle check question. The intent
is ``crisis`` only at the clear level: a classifier guess alone never is.
It runs before the FallbackClassifier, which then judges the intent left.
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

from bot.nlu.crisis import CLASSIFIER_POSSIBLE, CLEAR, CRISIS_LEVEL_KEY, crisis_level
from bot.nlu.crisis import states_crisis as states_crisis
from bot.safe_text import clean_text

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

# Rasa never runs the NLU pipeline on empty text, so channels send this payload
# for a blank message instead: the person then gets the friendly Dutch answer.
BLANK_MESSAGE_PAYLOAD = "/bad_input"
CRISIS_PAYLOAD = "/crisis"


def text_or_bad_input(text: str) -> str:
    """What a chat channel hands to Rasa: the cleaned text, or ``/bad_input``.

    Control characters and lone surrogates are cleaned out (``bot.safe_text``).
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
        return cls(config)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # The classifier's crisis confidence (when it ranks first) that makes a
        # message "possible" on its own.
        return {"crisis_possible_at": CLASSIFIER_POSSIBLE}

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.possible_at = float({**self.get_default_config(), **(config or {})}
                                 ["crisis_possible_at"])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            ranking = message.get(INTENT_RANKING_KEY) or []
            level = crisis_level(text, ranking, self.possible_at)
            if level:
                message.set(CRISIS_LEVEL_KEY, level, add_to_output=True)
            verdict = "crisis" if level == CLEAR else classify_guard(text)
            if verdict:
                message.set(INTENT, {"name": verdict, "confidence": 1.0}, add_to_output=True)
                message.set(
                    INTENT_RANKING_KEY, [{"name": verdict, "confidence": 1.0}], add_to_output=True
                )
            elif (message.get(INTENT) or {}).get("name") == "crisis":
                without_crisis(message)
        return messages


def without_crisis(message: Message) -> None:
    """The classifier's best guess apart from crisis becomes the intent.

    Below the clear level crisis is never the intent: the topic the person talks
    about is (or nlu_fallback, when the FallbackClassifier finds it too unsure).
    """
    ranking = [e for e in message.get(INTENT_RANKING_KEY) or [] if e.get("name") != "crisis"]
    best = ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 0.0}
    message.set(INTENT, {"name": best["name"], "confidence": best["confidence"]},
                add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
