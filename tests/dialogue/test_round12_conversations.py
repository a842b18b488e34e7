"""Failures role-played members met in round 12 (docs/conversation-review.md,
docs/reviews/round12), written as new cases. Each failed on the engine before its fix
(checked on 6a6fb60)."""

from __future__ import annotations

from conversation_support import Chat


def _health_chat() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Ik ben schoonmaakster, 20 jaar. Mijn rug doet veel pijn. Wat kan ik doen?",
             "workload_health", confidence=0.9, topics=["workload_health"])
    return chat


def test_not_reported_sick_is_no_denial_of_the_health_topic():
    # p47: "Ik ben niet ziek gemeld. Ik werk nog. Maar moet ik aan mijn baas vertellen wat
    # is met mijn rug?" -> "Sorry, dan had ik dat verkeerd begrepen. Ik haal werkdruk en
    # gezondheid weg." and then "Mooi dat je werk je plezier geeft".
    chat = _health_chat()
    names = chat.say("Ik ben niet ziek gemeld. Ik werk nog. Maar moet ik aan mijn baas "
                     "vertellen wat is met mijn rug?", "workload_health", confidence=0.8,
                     topics=["workload_health", "enjoy_work"])
    assert "utter_sorry_topic" not in names
    assert not any("enjoy_work" in n for n in names), names
    assert "workload_health" in chat.slots["topics"]
    assert "workload_health" not in (chat.slots.get("denied_topics") or [])


def test_not_fun_is_never_joy_at_work_even_as_a_side_topic():
    # p47: "Nee, mijn werk is niet leuk. Mijn rug doet pijn, ik zei toch." -> "Schrijf deze
    # week drie dingen op die je werk leuk maken."
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("Nee, mijn werk is niet leuk. Mijn rug doet pijn, ik zei toch. Ik "
                     "begrijp u niet.", "stuck", confidence=0.34,
                     topics=["enjoy_work", "workload_health"])
    assert not any("enjoy_work" in n for n in names), names
    assert "enjoy_work" not in chat.slots.get("topics", [])
    assert "enjoy_work" not in (chat.slots.get("topic_choices") or [])


def test_a_topic_said_again_after_a_denial_is_back():
    # p47: after the misread denial, "Mijn rug doet pijn, ik zei toch" left the health
    # topic out for the rest of the conversation.
    chat = _health_chat()
    chat.say("het gaat niet over stress of werkdruk", "inform", confidence=0.5)
    assert "workload_health" in chat.slots.get("denied_topics", [])
    chat.say("Mijn rug doet pijn, ik zei toch. Mijn gezondheid!", "workload_health",
             confidence=0.6, topics=["workload_health"])
    assert "workload_health" not in chat.slots.get("denied_topics", [])
    assert "workload_health" in chat.slots["topics"]


def test_a_topic_word_from_our_own_menu_is_that_topic():
    # p47's daughter: after "Bijvoorbeeld: je contract, je gezondheid, geld, een opleiding
    # of je baas." she typed "gezondheid. haar rug" -> "Dat snap ik helaas niet", and
    # "gezondheid" -> "Waar kan ik je nog mee helpen?"
    for text in ("gezondheid", "gezondheid. haar rug", "mijn gezondheid"):
        chat = Chat()
        chat.say("hoi", "greet")
        chat.say("ik weet het niet goed", "nlu_fallback", confidence=0.2)
        names = chat.say(text, "inform", confidence=0.48)
        assert any("workload_health" in n for n in names), (text, names)


def test_a_topic_word_answers_an_open_offer_with_its_topic():
    # p47's daughter typed "gezondheid" while the consultant was on offer -> "Waar kan ik
    # je nog mee helpen?"
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn tijdelijk contract stopt", "flex_contract", confidence=0.9)
    chat.say("in de schoonmaak", "inform")
    assert chat.slots["pending"] == "offer"
    names = chat.say("gezondheid", "inform", confidence=0.48)
    assert any("workload_health" in n for n in names), names


def test_working_still_is_no_second_topic_of_joy():
    # p47: "Ik ben niet ziek gemeld. Ik werk nog." -> "Je noemt ook plezier in je werk."
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("Mijn rug doet pijn van het schoonmaken. Ik werk nog wel.",
                     "workload_health", confidence=0.8, topics=["workload_health", "enjoy_work"])
    assert "utter_topic_workload_health" in names
    assert "utter_second_topic" not in names


def test_too_late_after_the_request_is_heard_not_read_as_a_topic():
    # p46: "Uiterlijk vrijdag is voor mij te laat: ik moet vrijdag tekenen. Kan dat eerder,
    # bijvoorbeeld morgenochtend?" -> "Gaat het vooral over pensioen ... of over werk en
    # privé combineren?"
    chat = Chat()
    chat.walk_to_summary()
    chat.say("ja klopt", "affirm")
    assert chat.tickets
    for text in ("Uiterlijk vrijdag is voor mij te laat: ik moet vrijdag tekenen. Kan dat "
                 "eerder, bijvoorbeeld morgenochtend?",
                 "Geen van beide. Ik vraag of de consulent mij morgenochtend kan bellen of "
                 "mailen, vóórdat ik teken."):
        names = chat.say(text, "retirement", confidence=0.3,
                         topics=["retirement", "work_life_balance"])
        assert names == ["utter_contact_sooner"], (text, names)


def test_sooner_before_any_request_is_no_sooner_answer():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("kan ik eerder met pensioen?", "retirement", confidence=0.9,
                     topics=["retirement"])
    assert "utter_contact_sooner" not in names


def _at_consent() -> Chat:
    chat = Chat()
    chat.walk_to_consent()
    assert chat.slots["pending"] == "consent", chat.last
    return chat


def test_sarcastic_of_course_is_no_yes_to_the_offer():
    # p48: "natuurlijk. eerst betalen. jullie zijn toch ook allemaal hetzelfde" started
    # the consent text.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn tijdelijk contract stopt", "flex_contract")
    chat.say("in de schoonmaak", "inform")
    assert chat.slots["pending"] == "offer"
    names = chat.say("natuurlijk. eerst betalen. jullie zijn toch ook allemaal hetzelfde",
                     "ask_cost", confidence=0.77)
    assert "utter_explain_consent" not in names
    assert chat.slots.get("handover") is not True


def test_questions_at_consent_are_answered_without_the_whole_consent_text_each_time():
    # p48: five times "Als je wilt, deel ik met een loopbaanconsulent ... Mag ik dit delen
    # met een consulent?" after each of his questions.
    chat = _at_consent()
    first = chat.say("moet ik eerst lid worden?", "ask_cost", confidence=0.9)
    second = chat.say("krijgt mijn baas dit te zien?", "ask_privacy", confidence=0.9)
    for names in (first, second):
        assert "utter_explain_consent" not in names, names
    assert "utter_ask_consent_given" in first + second
    assert [*first, *second].count("utter_ask_consent_given") == 1
    assert chat.slots["pending"] == "consent"
    names = chat.say("ja", "affirm")
    assert chat.slots.get("consent_given") is True, names


def test_a_yes_after_laat_maar_at_consent_is_a_yes():
    # p48: "laat maar. ja doe maar, geef maar door aan een mens" -> "Daar ben ik mee
    # bezig" and the consent text again; "JA. dat zei ik toch" was needed.
    chat = _at_consent()
    chat.say("laat maar. ja doe maar, geef maar door aan een mens", "request_human",
             confidence=0.42)
    assert chat.slots.get("consent_given") is True


def test_a_denied_topic_gets_no_topic_text_at_consent():
    # p48: "opleiding?? wie heeft het over een opleiding. het gaat om achterstallig loon"
    # -> "Leuk dat je wilt bijleren!"
    chat = _at_consent()
    names = chat.say("opleiding?? wie heeft het over een opleiding. het gaat om "
                     "achterstallig loon. jezus", "training", confidence=0.68,
                     topics=["training"])
    assert "utter_topic_training" not in names
