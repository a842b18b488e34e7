"""Failures of round 27 (docs/reviews/round27/), written as new cases. The classifier's
readings are those of the model the members talked to. Each failed on the engine before its
fix (checked by stashing the fix), except the lines marked as guards."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.patterns import CONSULTANT_CAN_HELP, DONT_KNOW_WANT, YES_THEN_MORE
from bot.dialogue.pickup import pick_channel
from bot.dialogue.state import HELPLINE
from bot.dialogue.turn import looks_like_question
from bot.handover.contact import clean_time
from bot.knowledge.entries import entry_by_id, load_entries
from bot.knowledge.retriever import Match, mentioned


def test_an_ok_that_takes_the_answer_in_is_no_consent():
    # p134: "Oke, dat helpt een beetje. En stel dat … kan hij dat zomaar doen?" at the consent
    # question; her ticket's consent time was that turn. p132: "ok goed. nog een ding. …?"
    chat = Chat()
    chat.walk_to_consent()
    chat.say("Oke, dat helpt een beetje. En stel dat mijn leidinggevende toch gewoon nee zegt, "
             "kan hij dat zomaar doen? Wat kan ik dan nog?", "conflict_at_work", confidence=0.45,
             knowledge=knowledge("minder_uren_werkgever_weigert", "work_life_balance"))
    assert chat.slots.get("pending") == "consent", chat.last
    assert not chat.slots.get("consent_given")
    assert "ANSWER minder_uren_werkgever_weigert" in chat.texts()
    assert not YES_THEN_MORE.match("ok goed. nog een ding. ik woon in huis van uitzendbureau. "
                                   "als ik stop, dan ik heb geen huis meer?")


def test_guard_a_yes_then_a_question_is_still_consent():
    assert YES_THEN_MORE.match("Ja, dat mag. Moet ik daar lid voor zijn?")
    assert YES_THEN_MORE.match("ok, dat mag. kost het geld?")
    assert YES_THEN_MORE.match("goed, doe maar. en wat kost het?")


def test_cannot_call_well_refuses_the_phone():
    # p134: "Liever mailen, overdag heb ik de kleine en kan ik slecht bellen." -> "contact via
    # bellen" and the phone question.
    # (Overdag says when she cannot: no refusal of the phone at any time.)
    assert pick_channel("Liever mailen, overdag heb ik de kleine en kan ik slecht bellen. "
                        "Mijn mailadres is lotte.v@example.nl")[0] == "email"
    assert pick_channel("ik kan slecht bellen, liever mail") == ("email", {"phone"})
    assert pick_channel("bellen is goed") == ("phone", set())  # guard


def test_the_fear_of_being_judged_after_the_fewer_hours_answers_is_heard_in_the_form():
    # p134: "Ik ben bang dat ze me dan minder leuk vinden, of dat ze denken dat ik niet meer
    # gemotiveerd ben." after the fewer-hours answers, at the consent question: a
    # job-application tip came.
    chat = Chat()
    chat.walk_to_consent()
    chat.slots["knowledge_given"] = ["vaste_werkdagen_vragen"]
    chat.say("Ik blijf het eng vinden eigenlijk. Ik ben bang dat ze me dan minder leuk vinden, "
             "of dat ze denken dat ik niet meer gemotiveerd ben.", "job_search",
             confidence=0.29, topics=["hr_conversation"])
    names = chat.last.names()
    assert "utter_part_time_worry" in names, names
    assert "utter_topic_job_search" not in names
    assert chat.slots.get("pending") == "consent"


def test_work_is_fine_but_is_no_joy_at_work():
    # p135: "werk is goed. maar nieuwe firma zegt ik krijg 16 uur. eerst was 24" -> "Fijn om te
    # horen dat je met plezier werkt!" and a question what makes her work fun.
    chat = Chat()
    chat.say("hallo. ik heb vraag over mijn werk", "greet")
    chat.say("werk is goed. maar nieuwe firma zegt ik krijg 16 uur. eerst was 24", "enjoy_work",
             confidence=0.59, topics=["enjoy_work"])
    names = chat.last.names()
    assert "utter_topic_enjoy_work" not in names and "utter_deepen_enjoy_work" not in names, names
    # Guard: joy at work said plainly stays joy.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ja hoor, mijn werk is leuk", "enjoy_work", confidence=0.9, topics=["enjoy_work"])
    assert "utter_topic_enjoy_work" in chat.last.names()


def test_signing_tomorrow_is_the_deadline_not_the_moment_to_call():
    # p135 said three times she must sign tomorrow; the ticket had no deadline, and "vandaag
    # graag. morgen moet tekenen" put "Moment: vandaag morgen" on the card.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("nee niet tijdelijk. schoonmaak firma wissel. ik moet morgen tekenen nieuw contract "
             "16 uur. moet ik tekenen?", "flex_contract", confidence=0.94)
    assert chat.slots.get("deadline") == "morgen", chat.slots
    assert clean_time("vandaag graag. morgen moet tekenen") == "vandaag"
    assert clean_time("bel me morgen") == "morgen"  # guard


def test_and_my_allowance_then_is_a_question():
    # p124: "en mijn ploegentoeslag dan. dat is 300 euro per maand …" was read as a statement,
    # so its answer was held back and reorganisation tips came.
    assert looks_like_question("en mijn ploegentoeslag dan. dat is 300 euro per maand die ik "
                               "kwijt raak")
    assert not looks_like_question("ik ga naar huis en dan slapen")  # guard
    assert not looks_like_question("en dan ga ik stoppen")  # guard


def test_after_a_no_to_the_direct_question_no_1813_line_in_a_flemish_answer():
    # p136 (27b) answered "nee nee ni zo eh" to the direct question; his next question about
    # sleep got the burn-out answer with "Bel dan de Zelfmoordlijn op 1813".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.slots.update(check_said_no=True, region="Antwerpen")
    chat.say("kan ik ni gewoon vragen om in dagploeg te gaan? of moet ik eerst naar den dokter "
             "ofzo voor da slapen", "workload_health", confidence=0.6,
             knowledge=Match(entry_by_id("burnout_eerste_hulp_be"), 0.6))
    said = " ".join(chat.texts())
    assert "huisarts" in said, said
    assert "1813" not in said and "Zelfmoordlijn" not in said, said


def test_busy_at_work_in_the_daytime_and_a_day_by_which_are_no_moments_to_call():
    # p137 (27b): "'s avonds na zessen want overdag zit ik op het werk" -> "'s avonds na 6 uur
    # overdag". p124 (27b): "kan iemand daar ff naar kijken voor vrijdag?" -> "Moment: vrijdag",
    # the day he has to sign.
    assert clean_time("'s avonds na zessen want overdag zit ik op het werk") \
        == "'s avonds na 6 uur"
    assert clean_time("kan iemand daar ff naar kijken voor vrijdag?") is None
    assert clean_time("vrijdag na 3 uur") == "vrijdag na 3 uur"  # guard
    assert clean_time("bel me voor 5 uur") == "voor 5 uur"  # guard


def test_can_someone_work_it_out_for_me_is_a_request_for_a_person():
    # p133 (27b): "… kan iemand dat niet gewoon voor me uitrekenen" got a topic menu twice;
    # p124 (27b): "ik ben lid van de FNV. kan iemand daar ff naar kijken voor vrijdag?" heard
    # "Dat valt buiten wat ik weet".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik wil eerder stoppen met werken", "retirement", confidence=0.9,
             topics=["retirement"])
    chat.say("nee man ik bedoel die website van jou ik kan niet met computers kan iemand dat "
             "niet gewoon voor me uitrekenen", "nlu_fallback", confidence=0.27)
    assert chat.slots.get("pending") == "consent", chat.last
    assert CONSULTANT_CAN_HELP.search("ok wacht. ik ben lid van de FNV. kan iemand daar ff naar "
                                      "kijken voor vrijdag?")
    assert not CONSULTANT_CAN_HELP.search("kan iemand mij uitleggen wat een rvu is")  # guard


def test_a_word_about_digid_and_the_pension_site_offers_the_ways_without_a_computer():
    # p133 (27b): "ik snap die computer niet dat mijnpensioen gedoe met digid enzo doe ik niet"
    # got a topic menu.
    offered = mentioned(load_entries(), "ik snap die computer niet dat mijnpensioen gedoe met "
                                        "digid enzo doe ik niet")
    assert offered is not None and offered.id == "pensioen_inloggen_digid"
    assert mentioned(load_entries(), "ik kan niet met computers werken, wat kan ik dan") is None


def test_still_not_knowing_what_to_become_gets_the_question_what_she_likes():
    # p130: "oke. maar ik weet nog steeds nie wat ik wil worden dus" -> a tip and "Waar kan ik
    # je nog mee helpen?"; nobody asked her what she likes.
    assert DONT_KNOW_WANT.search("oke. maar ik weet nog steeds nie wat ik wil worden dus")
    assert not DONT_KNOW_WANT.search("ik weet wat ik wil: de zorg in")  # guard


def test_the_helpline_lines_left_out_after_a_no_are_113_and_1813_only():
    assert HELPLINE.search("Bel dan de Zelfmoordlijn op 1813 (gratis en anoniem)")
    assert HELPLINE.search("bel of chat dan met 113 (113.nl)")
    assert not HELPLINE.search("Word je bedreigd of geslagen, bel 112.")  # guard


def test_i_would_like_to_talk_to_someone_with_the_details_is_a_request():
    # p137 (27c): "Dan wil ik graag wel met zo iemand praten ja. Kan dat telefonisch, het liefst
    # 's avonds? Mijn nummer is 06-12345137, ik heet Sandra." -> "Daar heb ik geen goed antwoord
    # op, sorry."
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik ben boventallig verklaard bij de gemeente", "job_insecurity", confidence=0.9,
             topics=["job_insecurity"])
    chat.say("Dan wil ik graag wel met zo iemand praten ja. Kan dat telefonisch, het liefst "
             "'s avonds? Mijn nummer is 06-12345137, ik heet Sandra.", "nlu_fallback",
             confidence=0.27)
    assert "utter_no_answer" not in chat.last.names(), chat.last.names()
    assert chat.slots.get("pending") == "consent", chat.last
