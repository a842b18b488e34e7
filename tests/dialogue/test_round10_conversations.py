"""Failures role-played members met in rounds 9 and 10 (docs/conversation-review.md),
written as new cases. Each failed on the engine before its fix (checked on 96cf3d0)."""

from __future__ import annotations

import pytest
from conversation_support import Chat, knowledge

from bot.dialogue.turn import looks_like_question


def test_doubt_about_the_place_is_welcomed_not_read_as_a_question():
    # p27: "hoi... ik weet niet of ik hier goed zit" -> an answer about career tests, and
    # "vastzitten" in her request later.
    chat = Chat()
    names = chat.say("hoi... ik weet niet of ik hier goed zit", "stuck", confidence=0.54,
                     topics=["stuck"], knowledge=knowledge("loopbaantest", "career_test"))
    assert "utter_right_place" in names
    assert "utter_disclosure" in names
    assert not chat.texts(), "no knowledge answer"
    assert not chat.slots.get("topics")


def test_a_long_story_that_doubts_the_place_still_gets_its_answer():
    chat = Chat()
    names = chat.say("Ik zit al maanden thuis met een burn-out en weet niet of ik terug wil. "
                     "Is dit de plek om dat te vragen?", "workload_health",
                     topics=["workload_health"])
    assert "utter_right_place_short" in names
    assert "utter_topic_workload_health" in names or "utter_topic_choice" in " ".join(names)


def test_the_topic_of_the_answer_given_is_the_topic_of_the_conversation():
    # p27: remarks about her body answered as harassment, but the classifier's burn-out
    # guess went into the request ("Gezondheid speelt mee").
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("een collega zegt steeds van die dingen over mijn lichaam... is dat normaal?",
             "workload_health", confidence=0.41, topics=["career_test"],
             knowledge=knowledge("seksuele_intimidatie", "conflict_at_work"))
    assert chat.texts() == ["ANSWER seksuele_intimidatie"]
    assert chat.slots.get("topics") == ["conflict_at_work"]
    assert chat.slots.get("primary_topic") == "conflict_at_work"


def test_wat_doet_mid_sentence_is_a_question():
    # p27: "ik wil niet dat hij het weet... wat doet zo'n vertrouwenspersoon eigenlijk"
    # -> "Dat klinkt niet makkelijk." instead of what a vertrouwenspersoon does.
    assert looks_like_question("ik wil niet dat hij het weet... wat doet zo'n "
                               "vertrouwenspersoon eigenlijk")
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("een collega maakt opmerkingen", "conflict_at_work", topics=["conflict_at_work"])
    chat.say("al maanden, mijn manager is zijn vriend", "conflict_at_work",
             topics=["conflict_at_work"])
    chat.say("ik wil niet dat hij het weet... wat doet zo'n vertrouwenspersoon eigenlijk",
             "conflict_at_work", confidence=0.41,
             knowledge=knowledge("vertrouwenspersoon", "conflict_at_work"))
    assert chat.texts() == ["ANSWER vertrouwenspersoon"]


def test_without_a_job_not_knowing_what_to_do_is_about_finding_work():
    # p38: "ik heb geen werk meer sinds vorige week" then "ik weet echt nie wat ik nu moet
    # doen bro" -> "Wat vervelend dat je niet meer met plezier naar je werk gaat".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik heb geen werk meer sinds vorige week", "unemployed", topics=["unemployed"])
    names = chat.say("ik weet echt nie wat ik nu moet doen bro", "stuck", confidence=0.72,
                     topics=["stuck"])
    assert "utter_topic_stuck" not in names
    assert "stuck" not in chat.slots["topics"]
    # p42: "onzekerheid over je baan" right after "ik heb geen werkgever meer".
    names = chat.say("ik ben bang dat ik nooit meer iets vind", "job_insecurity",
                     topics=["job_insecurity"])
    assert "utter_topic_job_insecurity" not in names


def test_a_no_to_the_check_leads_on_instead_of_stopping():
    # p43: "nee niet zo. gewoon weg van dit werk" -> "Dank je dat je het zegt. Dan gaan
    # we verder." and nothing more.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("nee. niet echt", "deny")
    chat.say("alles eigenlijk.. soms wil ik gewoon verdwijnen...", "nlu_fallback",
             crisis_level="possible")
    assert chat.slots["pending"] == "crisis_check"
    names = chat.say("nee niet zo. gewoon weg van dit werk", "deny")
    assert names[0] == "utter_crisis_check_no"
    assert "utter_tell_more_after_check" in names
    assert "utter_crisis" not in names


def test_worn_out_after_a_check_gets_warmth_and_the_door_to_113_once():
    # p43: "ja. ik kan echt niet meer zo..." -> "Sorry, dat begreep ik niet goed."
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("soms wil ik gewoon verdwijnen...", "nlu_fallback", crisis_level="possible")
    chat.say("nee niet zo", "deny")
    names = chat.say("ja. ik kan echt niet meer zo...", "nlu_fallback", confidence=0.27)
    assert "utter_default" not in names
    assert "utter_crisis_soft" in names
    assert any("workload_health" in n for n in names), names
    names = chat.say("ik kan het echt niet meer aan", "nlu_fallback")
    assert "utter_crisis_soft" not in names  # once is enough; no pushing


def test_worn_out_without_an_earlier_check_gets_no_helpline_text():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik kan echt niet meer, die nachtdiensten", "nlu_fallback")
    assert "utter_crisis_soft" not in names
    assert "utter_default" not in names


def test_a_topic_denied_gets_no_answer_on_that_topic():
    # p43: "pensioen?? ik ben 26.." -> "Ik haal pensioen weg" and then a pension answer.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mag dat eigenlijk wel, 7 nachten achter elkaar?", "retirement", confidence=0.9,
             topics=["retirement"])
    chat.say("pensioen?? ik ben 26..", "retirement", topics=["retirement"],
             knowledge=knowledge("na_pensioen", "retirement"))
    assert "ANSWER na_pensioen" not in chat.texts()


def test_an_unsure_question_without_an_answer_is_an_honest_no_answer():
    # p43: "mag dat eigenlijk wel, 7 nachten achter elkaar? als leerling" (retirement,
    # 0.31, topic checks used up) -> "Nadenken over je pensioen … is slim".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.slots["topic_checks"] = 2
    names = chat.say("mag dat eigenlijk wel, 7 nachten achter elkaar? als leerling",
                     "retirement", confidence=0.31)
    assert "utter_topic_retirement" not in names
    assert "utter_no_answer" in names


def test_a_question_with_please_make_it_easy_is_answered_as_a_question():
    # p38: "wdym niet makkelijk lol. ik vraag waar ik vacatures kan vinden" and p40:
    # "Wat kan ik deze week doen? Kort en makkelijk alstublieft." -> "Sorry, ik zeg het
    # makkelijker. Vertel in een paar woorden wat je wilt weten."
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("wdym niet makkelijk lol. ik vraag waar ik vacatures kan vinden", "job_search",
             topics=["job_search"], knowledge=knowledge("solliciteren_hulp", "job_search"))
    assert "utter_simpler" not in chat.last.names()
    assert "ANSWER solliciteren_hulp" in chat.texts()
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik wil weer apotheker worden", "career_change", topics=["career_change"])
    names = chat.say("Wat kan ik deze week doen? Kort en makkelijk alstublieft.",
                     "career_change", topics=["career_change"])
    assert "utter_simpler" not in names


def test_what_do_you_mean_is_a_question():
    # p38: "wdym weken eis bro" -> "Daar weet ik helaas niets van".
    assert looks_like_question("wdym weken eis bro")
    assert looks_like_question("ok. ik vraag waar ik vacatures kan vinden")


@pytest.mark.parametrize("text, intent", [
    ("Nee. Ik wacht wel op dat telefoontje. Goedemiddag.", "nlu_fallback"),  # p42
    ("Laat maar, da vraag ik wel aan die consulent. Merci, salu", "inform"),  # p39
])
def test_goodbyes_people_type_at_the_end(text, intent):
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn ww loopt af", "unemployed", topics=["unemployed"])
    names = chat.say(text, intent)
    assert any(n.startswith("utter_goodbye") for n in names), names


def test_thanks_in_another_language_is_thanks():
    # p44: "gracias!" -> "Dat snap ik helaas niet".
    chat = Chat()
    chat.say("hoi", "greet")
    assert chat.say("gracias!", "thank") == ["utter_thank"]


def test_a_good_morning_to_start_again_is_no_goodbye():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn ww loopt af", "unemployed", topics=["unemployed"])
    names = chat.say("Goedemorgen", "greet")
    assert not any(n.startswith("utter_goodbye") for n in names)


def test_a_question_after_the_topic_menu_is_a_new_question():
    # p42: "Wat is de bijstand precies en wie regelt dat?" right after a topic menu was read
    # as picking pension -> "Goed dat je nu al over je pensioen nadenkt".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Mijn WW loopt over vier maanden af en niemand wil een man van 60. Wat nu?",
             "unemployed", confidence=0.42, topics=["unemployed"],
             ranking=["unemployed", "retirement"])
    assert chat.slots["pending"] == "topic_choice"
    names = chat.say("Wat is de bijstand precies en wie regelt dat?", "retirement",
                     confidence=0.36)
    assert "utter_topic_retirement" not in names
    assert "utter_no_answer" in names


def test_you_do_not_understand_me_takes_back_the_topic_just_guessed():
    # p42: "U begrijpt mij niet." after pension texts -> the pension question again.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik zit in de ww", "unemployed", topics=["unemployed"])
    chat.say("Ik heb een vraag over de pensioenregeling voor zestigplussers", "retirement",
             confidence=0.8, topics=["retirement"])
    assert "retirement" in chat.slots["topics"]
    names = chat.say("U begrijpt mij niet.", "not_what_i_meant")
    assert "utter_deepen_retirement" not in names
    assert "retirement" not in chat.slots["topics"]


def test_a_question_while_we_wait_for_an_answer_is_not_taken_as_that_answer():
    # p39: "Krijg ik nog iets van de RVA als mijn opzeg gedaan is?" during a deepen
    # question -> the Dutch unemployment tips.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Ik ben afgedankt na 14 jaar, met opzeg.", "unemployed", topics=["unemployed"],
             flemish=True)
    assert chat.slots["pending"] == "deepen"
    names = chat.say("Krijg ik nog iets van de RVA als mijn opzeg gedaan is?", "nlu_fallback",
                     confidence=0.27, flemish=True)
    assert "utter_selfhelp_unemployed" not in names
    assert "utter_no_answer_be" in names


def test_a_doubt_phrased_as_a_question_still_gets_the_topic_menu():
    # Round 5, p07 (kept): "moet ik daar eigenlijk gewoon weg?" is no question of fact.
    chat = Chat()
    chat.say("moet ik daar eigenlijk gewoon weg?", "career_change", confidence=0.4,
             ranking=["career_change", "unemployed"])
    assert chat.slots["pending"] == "topic_choice"
