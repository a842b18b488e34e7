"""Failures role-played members met in round 7 (docs/conversation-review.md), written
as new cases. Each failed on the engine before its fix (checked on 4700638)."""

from __future__ import annotations

import pytest
from conversation_support import Chat

from bot.dialogue.patterns import read_choices


@pytest.mark.parametrize("text, expected", [
    ("allebei ja is goed", (True, True)),  # p35, p25: the bot's own suggestion
    ("Dat mag allebei.", (True, True)),
    ("chat niet. later vragen mag wel", (False, True)),
    ("liever niet dat ze alles lezen… later vragen mag wel", (False, True)),
    ("chat mag ie lezen… later vragen hoeft niet", (True, False)),
])
def test_the_two_choices_in_a_persons_own_words(text, expected):
    # p25, p27, p30, p35: every natural answer got "Dat snap ik niet helemaal".
    assert read_choices(text) == expected


def test_an_unclear_answer_to_the_choices_is_still_unclear():
    assert read_choices("weet ik niet") is None


def test_sarcasm_is_not_joy_at_work():
    # p36: "lekker dan. mijn baas wil gewoon van me af" -> "Mooi dat je werk je plezier geeft".
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("lekker dan. mijn baas wil gewoon van me af", "enjoy_work",
                     topics=["enjoy_work"], ranking=["enjoy_work", "conflict_at_work"])
    assert "utter_topic_enjoy_work" not in names
    # p30: "eerlijk gezegd ben ik er gewoon klaar mee" -> "Fijn om te horen dat je met plezier
    # werkt!"; it is feeling stuck.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("eerlijk gezegd ben ik er gewoon klaar mee. met dat werk bedoel ik",
                     "enjoy_work", topics=["enjoy_work"])
    assert "utter_topic_enjoy_work" not in names
    assert chat.slots.get("topics") == ["stuck"]


def test_someone_in_flanders_without_an_answer_hears_where_to_ask():
    # p31: "bij wie moet ik dan zijn? de rva? mijn vakbond?" -> a bare "geen goed antwoord".
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("bij wie moet ik dan zijn? de rva? mijn vakbond?", "nlu_fallback",
                     flemish=True)
    assert "utter_no_answer_be" in names


def test_a_flemish_denial_of_a_topic_takes_it_out():
    # p31: "nee nee gene pensioen hoor, ik ben 34 :)" -> a pension answer.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("krijgde daar nog iets voor?", "retirement", topics=["retirement"])
    names = chat.say("nee nee gene pensioen hoor, ik ben 34 :)", "retirement",
                     topics=["retirement"])
    assert "utter_sorry_topic" in names
    assert "retirement" not in (chat.slots.get("topics") or [])


def walk_to_summary(chat: Chat, topics: list[str]) -> None:
    chat.walk_to_summary(("Ronald", "bellen", "0612345747", "vandaag", "Venlo"), topics)


def test_geen_opleiding_at_the_summary_takes_out_the_training_money():
    # p32: "nee klopt niet. geen opleiding!" left "geld voor een opleiding" in the ticket.
    chat = Chat()
    walk_to_summary(chat, ["unemployed", "funding"])
    chat.say("nee klopt niet. geen opleiding! mijn werkgever is failliet", "deny")
    assert "funding" not in chat.slots["topics"]


def test_a_denied_sector_leaves_the_request():
    # p35: "ik werk helemaal niet bij de overheid" three times; the ticket kept "overheid".
    chat = Chat()
    walk_to_summary(chat, ["job_search"])
    chat.slots["sector"] = "overheid"
    chat.say("nee dat klopt niet, ik werk helemaal niet bij de overheid", "deny")
    assert chat.slots.get("sector") is None


def test_a_permanent_contract_said_in_words_beats_a_guess():
    # p30: "ik heb een vast contract" at the summary made it "tijdelijk contract".
    chat = Chat()
    chat.slots["contract_type"] = "tijdelijk"
    chat.say("ik heb een vast contract, al 11 jaar", "inform")
    assert chat.slots["contract_type"] == "vast"


def test_what_do_you_write_about_me_at_the_summary_shows_the_summary():
    # p27: "wat schrijf je op over mij?" -> "Goede vraag. Die kan de consulent ...".
    chat = Chat()
    walk_to_summary(chat, ["conflict_at_work"])
    names = chat.say("wat schrijf je op over mij?", "ask_privacy")
    assert names == ["utter_ask_summary_confirmed"]


def test_a_change_to_a_sent_request_is_told_in_dutch():
    # p32: "Nieuw: manier van contact: phone".
    from bot.dialogue.talk import FreeTalk

    assert FreeTalk.changes_text({"preferred_channel": "phone"}) == "manier van contact: bellen"


def test_a_day_with_any_hour_is_a_call_moment():
    # p32: "vandaag nog, maakt niet uit hoe laat" was stored as "geen voorkeur".
    chat = Chat()
    chat.walk_to_summary(("Ronald", "bellen", "0612345747", "vandaag nog, maakt niet uit hoe laat",
                          "Venlo"))
    assert chat.slots["contact_time"].startswith("vandaag")


def test_a_field_set_in_words_at_the_summary_changes_that_field():
    # p32: "en moment = vandaag" was pasted into his own words.
    chat = Chat()
    walk_to_summary(chat, ["unemployed"])
    chat.say("moment = morgen voor 12 uur", "inform")
    assert chat.slots["contact_time"] == "morgen voor 12 uur"
    assert "moment" not in (chat.slots.get("summary_text") or "")


def test_dark_statements_after_the_request_was_sent_get_the_crisis_answer():
    # Round 7b, p33: after his request, "vrijdag. tot die tijd zie ik het eigenlijk niet meer
    # zitten" got an energy-diary tip; "het boeit me eigenlijk niet zoveel meer allemaal"
    # got bore-out advice, three turns after he said he did not want to live.
    from bot.nlu.crisis import rule_level

    for text in ("vrijdag. tot die tijd zie ik het eigenlijk niet meer zitten",
                 "het boeit me eigenlijk niet zoveel meer allemaal"):
        chat = Chat()
        chat.say("ik wil er niet meer zijn", "crisis", crisis_level="clear")
        chat.slots.update(ticket_reference="KP-TEST1", pending=None)
        names = chat.say(text, "stuck", crisis_level=rule_level(text), topics=["stuck"])
        assert names[0] == "utter_crisis_again", (text, names)
        assert "utter_crisis_ticket_exists" in names


def test_sharing_the_chat_can_be_switched_off_at_the_summary():
    # Round 7b, p36: "aanpassen. chat NIET delen" three times; the summary kept "Eerdere chat
    # delen: ja" and his words were pasted into the request.
    chat = Chat(choices="allebei ja")
    walk_to_summary(chat, ["workload_health"])
    assert chat.slots["share_history"] is True
    chat.say("aanpassen. chat NIET delen, later vragen mag wel", "deny")
    assert chat.slots["share_history"] is False and chat.slots["follow_up"] is True
    assert "chat" not in (chat.slots.get("summary_text") or "")
    assert "Eerdere chat delen: nee" in chat.last.says[-1].values["summary"]


def test_nee_dat_klopt_niet_asks_what_should_change():
    # Round 7b, p35: "Nee dat klopt niet" was not taken as a correction.
    chat = Chat()
    walk_to_summary(chat, ["stuck"])
    chat.say("Nee dat klopt niet", "deny")
    assert chat.slots["pending"] == "summary_edit"
    assert not chat.slots.get("summary_text")


def test_a_childs_school_is_not_the_persons_sector():
    # Round 7b, p35: "de jongste zit nog op school" made her request say "Je werkt in het
    # onderwijs".
    chat = Chat()
    chat.say("ik wil weer werken, de jongste zit nog op school", "job_search",
             topics=["job_search"],
             entities=[{"entity": "sector", "value": "onderwijs", "start": 40, "end": 46}])
    assert chat.slots.get("sector") is None


def test_a_follow_up_on_an_earlier_answer_gets_its_line_not_i_dont_know():
    # Round 7b, p25: "Moet ik opnieuw solliciteren bij die nieuwe?" -> "Dat weet ik niet
    # zeker", right after the answer that says staff go over with their terms.
    from dataclasses import replace

    from conversation_support import knowledge

    chat = Chat()
    first = knowledge("overgang_onderneming", "job_insecurity")
    chat.say("Onze concessie gaat naar een andere vervoerder. Wat gebeurt er met mij?",
             "job_insecurity", knowledge=first, topics=["job_insecurity"])
    follow_up = replace(first, line="LINE staff go over")
    names = chat.say("Moet ik dan opnieuw solliciteren bij die nieuwe?", "job_search",
                     knowledge=follow_up, topics=["job_search"])
    assert "utter_knowledge_follow_up" in names
    assert "LINE staff go over" in chat.texts()
    assert "utter_no_answer" not in names


def test_round8_hopelessness_after_a_crisis_is_not_met_with_a_goodbye():
    # Round 8, p33: "laat maar. niks helpt toch" after "113 helpt niks" -> "Goed. Je kunt
    # altijd later verder praten."
    from bot.nlu.crisis import rule_level

    chat = Chat()
    chat.say("ik wil er eigenlijk niet meer zijn", "crisis", crisis_level="clear")
    chat.say("nee", "deny")
    text = "laat maar. niks helpt toch"
    names = chat.say(text, "stop_form", crisis_level=rule_level(text))
    assert names[0] == "utter_crisis_again", names


def test_round8_removing_something_at_the_summary_asks_what():
    # Round 8, p27: "kun je dat weghalen?" -> "Goede vraag. Die kan de consulent ...".
    chat = Chat()
    walk_to_summary(chat, ["stuck", "conflict_at_work"])
    chat.say("kun je dat weghalen?", "nlu_fallback")
    assert chat.slots["pending"] == "summary_edit"


def test_round8_ik_zit_niet_vast_takes_out_feeling_stuck():
    # Round 8, p27: "ik zit niet vast ... het gaat over intimidatie" was only appended.
    chat = Chat()
    walk_to_summary(chat, ["stuck", "conflict_at_work"])
    chat.say("ik zit niet vast, het gaat over intimidatie", "deny")
    assert "stuck" not in chat.slots["topics"]
    chat = Chat()
    chat.say("ik heb geen vast contract", "flex_contract", topics=["flex_contract"])
    assert "utter_sorry_topic" not in chat.last.names()


def test_a_past_tense_zat_is_no_complaint():
    # Guards the sarcasm rule: "ik zat vroeger in de bouw en vond het leuk" is joy.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik zat vroeger in de bouw en dat vond ik echt leuk", "enjoy_work",
             topics=["enjoy_work"])
    assert chat.slots.get("topics") == ["enjoy_work"]


def test_round9_emptiness_after_a_crisis_gets_the_answer_not_career_talk():
    # Round 9, p33: "werk was het enige wat ik had. nu is er niks" -> "Vastlopen in je werk
    # is zwaar" and an energy diary, a few turns after he said he did not want to live.
    from bot.nlu.crisis import rule_level

    chat = Chat()
    chat.say("ik wil er eigenlijk niet meer zijn", "crisis", crisis_level="clear")
    chat.say("nee", "deny")
    text = "werk was het enige wat ik had. nu is er niks"
    names = chat.say(text, "stuck", crisis_level=rule_level(text), topics=["stuck"])
    assert names[0] == "utter_crisis_again", names
    assert rule_level("nu is er niks meer aan de hand") is None
    assert rule_level("het bedrijf is dicht en nu heb ik niks") is None
