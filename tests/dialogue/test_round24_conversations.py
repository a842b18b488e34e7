"""Failures found in round 24 (docs/reviews/round24/), fixed in session 24 and written as new
cases in other words. Each failed on the engine before its fix (checked by stashing the fix),
except the lines marked as guards."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.patterns import EMPLOYER_SECRET
from bot.dialogue.pickup import pick_channel


def test_a_question_that_starts_heb_je_niet_asks_for_the_test_it_names():
    # p118: "heb je niet gewoon een test die zegt wat ik moet doen 😅" got "Daar heb ik geen
    # goed antwoord op": "niet … test" was read as "not about a test".
    chat = Chat()
    names = chat.say("hebben jullie niet gewoon een test voor wat bij me past", "career_test",
                     topics=["career_test"], knowledge=knowledge("loopbaantest", "career_test"))
    assert "utter_no_answer" not in names, names
    assert "ANSWER loopbaantest" in chat.texts(), chat.texts()


def test_no_test_then_with_a_question_mark_checks_and_denies_nothing():
    # p118: "maar dus geen test?" got "Sorry, dan had ik dat verkeerd begrepen. Ik haal … weg."
    chat = Chat()
    chat.say("ik weet echt niet wat ik wil met mijn werk", "stuck", topics=["stuck"])
    names = chat.say("dus geen test?", "career_test", topics=["career_test"],
                     knowledge=knowledge("test_hier_doen", "career_test"))
    assert "utter_sorry_topic" not in names, names
    assert "ANSWER test_hier_doen" in chat.texts(), chat.texts()
    # guard: a plain statement still takes a topic away
    chat = Chat()
    chat.say("ik weet echt niet wat ik wil met mijn werk", "stuck", topics=["stuck"])
    chat.say("geen test, ik wil gewoon praten", "career_test", topics=["career_test"])
    assert "career_test" not in (chat.slots.get("topics") or [])


def test_a_wish_to_talk_to_someone_of_the_union_starts_the_consent():
    # p116: "ik denk dat ik beter eens met iemand van de vakbond praat. ik ben lid van het
    # ACV. kan da?" got a self-help tip, then "Waar kan ik je nog mee helpen?".
    for text in ("misschien moet ik gewoon eens met iemand van de bond praten. kan dat?",
                 "mag ik bij een consulent terecht om dit te bespreken?"):
        chat = Chat()
        chat.say("ik ben verpleegkundige en ik ben op, ik wil iets anders", "career_change",
                 topics=["career_change"])
        chat.say(text, "nlu_fallback")
        assert chat.slots["pending"] == "consent", (text, chat.last)


def test_calling_that_hardly_works_refuses_the_phone():
    # p116: "liefst per mail, sofie.d@example.be. bellen lukt moeilijk met mijn shiften" →
    # "Genoteerd: je e-mailadres is sofie.d@example.be, contact via bellen."
    assert pick_channel("mailen graag, bellen gaat me lastig met de nachten") == \
        ("email", {"phone"})
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Sofie", "inform")
    chat.say("per mail graag, sofie@example.be. bellen lukt amper met mijn diensten", "inform")
    assert chat.slots["contact_channel"] == "email", chat.slots
    assert chat.slots["pending"] != "phone", chat.last
    # guard: a call that works is still a call
    assert pick_channel("bellen lukt prima")[0] == "phone"


def test_the_boss_must_not_know_in_flemish_ways():
    # p110: three times ignored, and not on his card.
    for text in ("ik wil ni da mijne chef da nu al weet hé",
                 "zet er wel bij da mijne baas van niks mag weten",
                 "mijne werkgever mag nog niks weten, zet da erbij"):
        assert EMPLOYER_SECRET.search(text), text
    # guard: a boss who may know is no secret
    assert not EMPLOYER_SECRET.search("mijn baas mag het gerust weten, die steunt me")


def test_the_secret_asked_for_at_the_choices_reaches_the_card():
    chat = Chat(choices=None)
    chat.walk_to_summary(("Luc", "mail", "luc@example.be", "Genk"))
    chat.say("allebei goed, maar zet erbij da mijne werkgever nog niks mag weten", "inform")
    assert chat.slots.get("employer_secret") is True, chat.slots
    assert "Je werkgever mag niet weten" in (chat.slots.get("summary") or ""), chat.slots
    assert chat.slots["share_history"] is True and chat.slots["follow_up"] is True, chat.slots
