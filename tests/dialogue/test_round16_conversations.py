"""Failures of round 16 (docs/conversation-review.md, "Round 16": p63, p66 to p72 against
`make run`), written as new cases. Each failed on the engine before its fix (checked on
a9503d0)."""

from __future__ import annotations

from conversation_support import Chat

LINDA = ("Linda", "per e-mail, linda.k@example.nl", "Utrecht")


def _linda_at_the_card() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Mijn moeder heeft dementie en ik zorg drie middagen per week voor haar. Bestaat "
             "er verlof voor mantelzorgers?", "work_life_balance", topics=["work_life_balance"])
    chat.say("Maar moet ik mijn werkgever dan vertellen wat mijn moeder heeft?",
             "work_life_balance", topics=["work_life_balance"])
    chat.say("Oké. Dan wil ik graag toch contact met een consulent.", "request_human")
    chat.say("Ja, dat is goed.", "affirm")
    for text in LINDA:
        chat.say(text, "inform")
    assert chat.slots["pending"] == "summary", chat.last
    return chat


def _card(chat: Chat) -> str:
    return str(chat.slots.get("summary") or "")


def test_a_diagnosis_of_someone_else_is_never_quoted_on_the_card():
    # p71: the card quoted "Mijn moeder heeft dementie …" under "Je vroeg:".
    chat = _linda_at_the_card()
    assert "dementie" not in _card(chat).lower(), _card(chat)
    assert "mijn moeder heeft?" in _card(chat), _card(chat)  # her other question stays


def _with_diagnosis_on_card(chat: Chat) -> None:
    chat.slots["questions_asked"] = ["Mijn moeder heeft dementie, krijg ik zorgverlof?"]
    chat.slots["summary_text"] = "Mijn moeder heeft dementie. Ik zorg drie middagen voor haar."


def test_taking_a_mothers_illness_out_keeps_the_topic():
    # p71: "Kunt u de ziekte van mijn moeder eruit laten?" -> "Ik haal werk en privé
    # combineren weg", and the diagnosis stayed.
    chat = _linda_at_the_card()
    _with_diagnosis_on_card(chat)
    names = chat.say("Bijna. Kunt u de ziekte van mijn moeder eruit laten? Dat is echt haar "
                     "privé. 'Mantelzorg voor mijn moeder' is genoeg.", "inform")
    assert "utter_health_removed" in names and "utter_sorry_topic" not in names, names
    assert "work_life_balance" in chat.slots["topics"], chat.slots["topics"]
    assert "dementie" not in _card(chat).lower(), _card(chat)
    assert "Ik zorg drie middagen voor haar." in _card(chat), _card(chat)


def test_the_word_still_on_the_card_goes_when_asked_again():
    # p71: "Het woord dementie staat er nog steeds in, in het eerste stukje. Wilt u dat
    # alstublieft weghalen?" -> the same card, unchanged, without a word.
    chat = _linda_at_the_card()
    _with_diagnosis_on_card(chat)
    names = chat.say("Het woord dementie staat er nog steeds in, in het eerste stukje. Wilt u "
                     "dat alstublieft weghalen?", "inform")
    assert "utter_health_removed" in names, names
    assert "dementie" not in _card(chat).lower(), _card(chat)


def test_her_own_words_after_aanpassen_replace_the_quotes_and_stay_whole():
    # p71: her rewrite was put after the quotes, and its second sentence (with "aanpassen")
    # was read as talk about the card and dropped.
    chat = _linda_at_the_card()
    chat.say("/deny", "deny")
    assert chat.slots["pending"] == "summary_edit", chat.last
    chat.say("Ik zorg drie middagen per week voor mijn moeder naast mijn werk van 32 uur. Ik wil "
             "weten welk verlof ik kan krijgen en of ik mijn werktijden kan aanpassen zonder "
             "minder te verdienen.", "inform")
    card = _card(chat)
    assert "Je vroeg" not in card, card
    assert "werktijden kan aanpassen zonder minder te verdienen" in card, card
