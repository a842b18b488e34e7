"""The language note for the consultant (bot/dialogue/languages.py): the language the person
names, never one they turned down. From round 24c (p119, a Polish cleaner whose request said
"Engels gaat beter" after she wrote twice that Polish goes better)."""

from __future__ import annotations

import pytest
from conversation_support import Chat

from bot.dialogue.languages import best_language, language_note


@pytest.mark.parametrize(("text", "learner", "language"), [
    ("Ik spreek Pools, Engels een beetje.", True, "Pools"),
    ("Pools is beter dan Engels", False, "Pools"),
    ("Niet Engels, Pools gaat beter", False, "Pools"),
    ("Spreekt consulent Pools of Engels? Czy ktoś mówi po polsku?", False, "Pools"),
    ("Is er iemand die Pools spreekt? Dan is makkelijker voor mij.", False, "Pools"),
    ("liever in het Turks", False, "Turks"),
    ("mijn moedertaal is Roemeens", True, "Roemeens"),
    # No wish for another language:
    ("my english is bad", True, None),
    ("ik spreek ook Frans", False, None),  # a Fleming who speaks French too
    ("Frans is beter in zijn werk dan ik", False, None),  # a colleague called Frans
    ("mijn cv staat in het Engels", False, None),
    ("ik werk met Poolse collega's", False, None),
])
def test_the_language_that_goes_best(text: str, learner: bool, language: str | None) -> None:
    assert best_language(text, learner) == language


def test_the_note_names_the_language() -> None:
    assert language_note("Pools") == "Spreekt weinig Nederlands; Pools gaat het best."
    assert language_note("english") == "Spreekt weinig Nederlands; Engels gaat beter."
    assert language_note(None) is None


def test_a_question_for_a_polish_speaker_is_answered_for_polish() -> None:
    # p119, t7: "Spreekt consulent Pools of Engels? Czy ktoś mówi po polsku?" -> "I don't know
    # for sure whether a consultant can speak English with you. ... Engels beter gaat".
    chat = Chat()
    chat.walk_to_consent()
    names = chat.say("U antwoord niet mijn vraag. Spreekt consulent Pools of Engels? Czy ktoś "
                     "mówi po polsku?", "other_language", confidence=0.5)
    assert names[0] == "utter_consultant_language", names
    assert chat.last.says[0].values == {"language": "Pools"}
    assert chat.slots["pending"] == "consent"
    assert chat.slots["language_note"] == "Pools"


def test_polish_said_better_corrects_an_english_note_on_the_summary() -> None:
    # p119, t8-t16: an English note from her first mixed message stayed on the summary after
    # "Pools is beter dan Engels" and "Niet Engels, Pools gaat beter".
    chat = Chat()
    chat.say("hello, my dutch not so good, can you help in english", "other_language",
             confidence=0.6)
    assert chat.slots["language_note"] == "english"
    chat.say("Pools is beter dan Engels.", "inform", confidence=0.4)
    chat.walk_to_summary()
    summary = chat.last.says[-1].values["summary"]
    assert "Pools gaat het best" in summary, summary
    assert "Engels gaat beter" not in summary, summary


def test_a_request_for_a_turkish_speaker_before_any_request_offers_one() -> None:
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("is er iemand die turks spreekt?", "ask_how_it_works", confidence=0.4)
    assert names == ["utter_consultant_language_offer"], names
    assert chat.slots["pending"] == "offer"
    assert chat.slots["language_note"] == "Turks"
