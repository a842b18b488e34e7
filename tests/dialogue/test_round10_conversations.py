"""Failures role-played members met in rounds 9 and 10 (docs/conversation-review.md),
written as new cases. Each failed on the engine before its fix (checked on 96cf3d0)."""

from __future__ import annotations

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
