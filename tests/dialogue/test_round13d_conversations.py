"""Failures of round 13d (docs/reviews/round13d: p53, a sceptical manager; p54, a call-centre
worker with debts), written as new cases. The classifier's readings are those of the model the
members talked to. Each failed on the engine before its fix (checked on 7f63274)."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.pickup import pick_channel


def _overwhelmed() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik maak fouten op werk en ze letten op me. en de schulden... ik weet het allemaal "
             "niet meer", "stuck", confidence=0.66, topics=["stuck"])
    return chat


def test_dots_after_an_apology_get_room_not_a_reading_error():
    # p54: "sorry dat ik zo zeur" / "..." -> "Dat kon ik niet goed lezen. Wil je in een korte
    # zin ... typen waar je mee zit?"
    chat = _overwhelmed()
    chat.say("sorry dat ik zo zeur", "nlu_fallback", confidence=0.3)
    for silence in ("...", "…", ". . ."):
        names = chat.say(silence, "bad_input", confidence=1.0)
        assert names == ["utter_take_your_time"], (silence, names)


def test_an_emoji_flood_is_still_unreadable():
    chat = _overwhelmed()
    assert chat.say("🙈🙈🙈🙈", "bad_input", confidence=1.0) == ["utter_bad_input"]


def test_a_fear_of_being_fired_is_heard_before_advice_about_the_talk():
    # p54: "... nu moet ik op gesprek. ben bang dat ik eruit lig" -> "Goed dat je je gesprek
    # wilt voorbereiden."
    chat = _overwhelmed()
    names = chat.say("dat ik fouten maak. de teamleider luistert mee met mijn gesprekken en nu "
                     "moet ik op gesprek. ben bang dat ik eruit lig", "hr_conversation",
                     confidence=0.8, topics=["hr_conversation"])
    assert "utter_fear_of_dismissal" in names, names
    assert names.index("utter_fear_of_dismissal") < names.index("utter_topic_hr_conversation")


def test_a_talk_without_fear_gets_no_fear_line():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik heb volgende week een gesprek met mijn leidinggevende over mijn uren",
                     "hr_conversation", confidence=0.9, topics=["hr_conversation"])
    assert "utter_fear_of_dismissal" not in names, names


def test_someone_to_call_me_with_a_number_is_not_asked_how_to_be_reached():
    # p54: "misschien wil ik toch dat iemand me belt. 06 41 27 93 50", "ja" -> "Hoe wil je
    # dat de consulent contact met je opneemt?"; she: "bellen. dat zei ik toch".
    chat = _overwhelmed()
    names = chat.say("misschien wil ik toch dat iemand me belt. 06 41 27 93 50", "request_human",
                     confidence=0.7)
    assert names[-1] == "utter_ask_consent_given", names
    names = chat.say("ja", "affirm", confidence=1.0)
    assert chat.slots["contact_channel"] == "phone"
    assert chat.slots["contact_phone"] == "+31641279350"
    assert "utter_ask_contact_channel" not in names and "utter_ask_contact_phone" not in names


def test_not_wanting_a_call_refuses_the_phone():
    assert pick_channel("ik wil niet dat iemand me belt") == (None, {"phone"})
    assert pick_channel("liever niet dat de consulent mij opbelt, mail maar") == (
        "email", {"phone"})
    assert pick_channel("ik wil graag dat iemand mij mailt") == ("email", set())
    # someone else calling is no way for us to reach her
    assert pick_channel("mijn baas belt me steeds") == (None, set())


def test_a_cost_question_and_a_bot_question_both_get_an_answer():
    # p53: "U ontwijkt de vraag. Kost een gesprek met die consulent mij geld, ja of nee? En
    # bent u een echte adviseur of een chatbot?" -> only the cost; he asked again.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("U ontwijkt de vraag. Kost een gesprek met die consulent mij geld, ja of "
                     "nee? En bent u een echte adviseur of een chatbot?", "ask_cost",
                     confidence=0.8, knowledge=knowledge("is_dit_gratis", "ask_cost"))
    assert "ANSWER is_dit_gratis" in chat.texts(), names
    assert names.count("utter_bot_aside") == 1, names


def test_a_bot_question_alone_is_the_bot_answer():
    for text in ("En mijn tweede vraag? Bent u een mens of een computer?",
                 "praat ik nu met een echt mens?", "bent u een chatbot?"):
        chat = Chat()
        chat.say("hoi", "greet")
        names = chat.say(text, "nlu_fallback", confidence=0.3)
        assert "utter_bot_challenge" in names, (text, names)
        assert "utter_bot_aside" not in names


def test_debts_said_in_the_chat_are_in_the_summary_she_sees():
    # p54: debts were half her problem and missing from the ticket.
    chat = _overwhelmed()
    chat.say("ik wil wel dat iemand meekijkt", "request_human", confidence=0.8)
    chat.say("ja", "affirm")
    for text in ("anoniem", "bellen", "0641279350", "maakt niet uit", "Utrecht"):
        chat.say(text, "inform")
    assert "Geldzorgen spelen ook mee." in (chat.slots.get("summary") or ""), chat.slots


def test_no_money_worries_in_a_summary_without_debts():
    chat = Chat()
    chat.walk_to_summary()
    assert "Geldzorgen" not in (chat.slots.get("summary") or "")


def test_not_on_call_but_min_max_is_still_flex_work():
    # Round 13c, p49: "maar ik ben geen oproepkracht toch, ik heb min max 16 tot 40. geld dat
    # ook voor mij?" -> "Sorry, dan had ik dat verkeerd begrepen. Ik haal een flexcontract
    # weg." and "Daar heb ik geen goed antwoord op".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik werk al 14 maande op oproepbasis bij pakketten", "flex_contract",
             confidence=0.9, topics=["flex_contract"])
    names = chat.say("maar ik ben geen oproepkracht toch, ik heb min max 16 tot 40. geld dat "
                     "ook voor mij?", "flex_contract", confidence=0.7, topics=["flex_contract"],
                     knowledge=knowledge("vaste_uren_aanbod_werkgever"))
    assert "utter_sorry_topic" not in names, names
    assert "flex_contract" not in (chat.slots.get("denied_topics") or [])
    assert chat.texts()[0] == "ANSWER vaste_uren_aanbod_werkgever", names


def test_a_denial_alone_still_takes_the_topic_out():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik werk al 14 maande op oproepbasis bij pakketten", "flex_contract",
             confidence=0.9, topics=["flex_contract"])
    chat.say("ik ben geen oproepkracht, ik heb een vast contract", "inform", confidence=0.6)
    assert "flex_contract" in chat.slots.get("denied_topics", [])
