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
    chat.walk_to_channel("Sofie")
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


def test_years_are_no_moment_to_call():
    # p115: "dat ik na 2 jaar nog steeds 16 uur contract heb …" at the time question gave
    # "Moment: na 2" on his card.
    from bot.handover.contact import clean_time
    assert clean_time("ik werk daar na 3 jaar nog steeds op een nulurencontract") is None
    assert clean_time("pas na 4 maanden kreeg ik een rooster") is None
    assert clean_time("na 2 uur") == "na 2 uur"  # guard: an hour is a moment


def test_no_money_worries_and_a_wrong_moment_are_taken_off_the_card():
    # p115: "bijna goed maar moment klopt niet, en ik heb geen geldzorgen" left both on the
    # card and pasted "En ik heb geen geldzorgen." as his own words.
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    for text in ("Jordy", "whatsapp", "0612345115", "maandag", "Arnhem"):
        chat.say(text, "inform")
    assert chat.slots["pending"] == "summary", chat.last
    chat.slots["money_worries"] = True
    names = chat.say("bijna goed maar het moment klopt niet, en ik heb geen geldzorgen hoor",
                     "inform")
    assert chat.slots["money_worries"] is False
    assert chat.slots["contact_time"] is None and names == ["utter_ask_contact_time"], names
    assert "geldzorgen" not in (chat.slots.get("summary_text") or "")


def test_agreeing_and_sending_in_one_line_sends():
    # p114: "klopt, versturen maar" showed the card again; a bare "ja" was needed.
    chat = Chat()
    chat.walk_to_summary()
    chat.say("klopt, verstuur het maar", "inform")
    assert chat.last.effect == "create_ticket", chat.last


def test_rent_that_would_go_unpaid_is_no_debt():
    # p115: "als ik daar om vraag … dan zit ik op 16 uur en kan ik mn huur niet betalen"
    # got the debt helpline; he has no debts.
    from bot.knowledge.entries import load_entries
    from bot.knowledge.retriever import mentioned
    entries = load_entries()
    assert mentioned(entries, "stel dat ik vaste uren vraag en hij geeft me er minder? dan "
                              "kan ik de huur niet meer betalen") is None
    # guard: rent that goes unpaid now is
    assert mentioned(entries, "ik kan mn huur al twee maanden niet betalen").id == \
        "hulp_bij_schulden"


def test_a_permit_held_for_years_is_no_question_for_the_ind():
    # p111: "Ik heb mijn verblijfsvergunning al zes jaar, dus ik denk dat het UAF niet meer
    # voor mij is?" got "Vraag de IND … wat het einde van je werk voor je vergunning betekent".
    chat = Chat()
    chat.say("ik ben ingenieur uit syrie en werk nu in een magazijn", "career_change",
             topics=["career_change"])
    names = chat.say("ik heb mijn verblijfsvergunning al 7 jaar, kom ik dan nog in aanmerking "
                     "voor hulp van het UAF?", "training",
                     knowledge=knowledge("ingenieur_statushouder", "career_change"))
    assert "utter_visa_ind" not in names, names
    # guard: a question about the permit itself still gets the IND
    chat = Chat()
    names = chat.say("heb ik een verblijfsvergunning nodig om hier te werken?", "out_of_scope")
    assert "utter_visa_ind" in names, names


def test_a_teacher_is_sent_to_the_mr_not_the_works_council():
    # p114 (a teacher) was told to ask "de ondernemingsraad".
    chat = Chat()
    chat.say("ik ben docent op een middelbare school en mijn directeur kleineert me",
             "conflict_at_work", topics=["conflict_at_work"])
    assert chat.slots["sector"] == "onderwijs"
    from bot.knowledge.tailor import tailored
    line = "Kijk op intranet, of vraag het de ondernemingsraad."
    assert tailored([line], school=True) == [
        "Kijk op intranet, of vraag het de medezeggenschapsraad (mr)."]
    assert tailored([line]) == [line]  # guard: elsewhere the works council stays
    # guard: wanting to become a teacher is no work at a school
    chat = Chat()
    chat.say("ik ben 45 en wil leraar worden", "career_change", topics=["career_change"])
    assert chat.slots.get("sector") != "onderwijs"


# Round 24b (docs/reviews/round24b/)

def test_the_time_right_after_i_sleep_is_the_busy_one():
    # p117: "pas bellen na 10 uur ik slaap s ochtends na de nacht" was noted as "moment 's
    # ochtends, niet na 10 uur", the opposite.
    from bot.handover.contact import clean_time
    assert clean_time("bel pas na 11 uur ik slaap s ochtends na mijn nachtdienst") == \
        "na 11 uur, niet 's ochtends"
    # guard: busy words after a time still say that time does not suit
    assert clean_time("na 2 uur s middags s ochtends zit ik op de bus") == "na 2 uur 's middags"


def test_a_denied_job_is_no_wanted_job_and_leaves_the_card():
    # p111: "Ik wil GEEN leraar worden … Ik wil weer werken als civiel ingenieur" put "Je wilt
    # leraar worden." on his card, and two corrections did not take it off.
    from bot.dialogue.patterns import wanted_job
    assert wanted_job("Sorry, ik wil GEEN docent worden.") is None
    assert wanted_job("Ik wil geen leraar worden, ik wil weer werken als civiel ingenieur.") == \
        "civiel ingenieur"
    assert wanted_job("ik wil graag kok worden") == "kok"  # guard
    chat = Chat()
    chat.walk_to_summary()
    chat.slots["wanted_job"] = "leraar"
    chat.say("nee klopt niet, ik wil echt geen leraar worden", "inform")
    assert chat.slots.get("wanted_job") is None, chat.slots


def test_a_worry_about_trouble_at_work_is_no_joy_at_work():
    # p109: "ik wil eigenlijk ook niet dat het gedoe wordt met mn werk hoor, ik vind het daar
    # best leuk 🙈" got "Fijn om te horen dat je met plezier werkt!", and the card said so.
    chat = Chat()
    chat.say("mn contract loopt af en ik ben zwanger", "flex_contract", topics=["flex_contract"])
    names = chat.say("ik wil alleen niet dat het ruzie wordt op mn werk, ik werk er met plezier",
                     "enjoy_work", topics=["enjoy_work"])
    assert "utter_no_fuss" in names and "utter_topic_enjoy_work" not in names, names
    assert "enjoy_work" not in (chat.slots.get("topics") or [])
    # guard: joy at work alone is still heard as joy
    chat = Chat()
    names = chat.say("ik werk er echt met plezier", "enjoy_work", topics=["enjoy_work"])
    assert "utter_no_fuss" not in names


def test_yes_with_a_question_at_the_offer_answers_and_keeps_the_yes():
    # p117: "ja is goed. maar mag ik dan ook gewoon vragen om geen nachten meer" got an answer
    # (or none) and the yes was lost; he had to ask for the consultant again.
    chat = Chat()
    chat.say("mijn tijdelijk contract stopt", "flex_contract", topics=["flex_contract"])
    chat.say("in de schoonmaak", "inform")
    assert chat.slots["pending"] == "offer"
    names = chat.say("ja prima. maar mag ik ook vragen om minder nachtdiensten?", "nlu_fallback",
                     knowledge=knowledge("minder_nachten_andere_afdeling", "workload_health"))
    assert "ANSWER minder_nachten_andere_afdeling" in chat.texts(), chat.texts()
    assert chat.slots["pending"] == "consent", names


# Round 24c (docs/reviews/round24c/)

def test_calls_that_are_too_much_and_a_stressed_no_refuse_the_phone():
    # p120 (burn-out): "Graag per mail, bellen vind ik op dit moment nog best veel." and "Nee,
    # juist níet bellen." were both noted as "contact via bellen".
    assert pick_channel("liever mailen, bellen vind ik nu nog echt te veel") == \
        ("email", {"phone"})
    assert pick_channel("nee, níet bellen. mail aub")[1] == {"phone"}
    assert pick_channel("bellen vind ik prima") == ("phone", set())  # guard


def test_an_overworked_nurse_is_no_joy_at_work():
    # p116: "ik zie het echt ni meer zitten op mijn afdeling. elke dag overuren, collega's die
    # uitvallen" got "Mooi dat je werk je plezier geeft".
    chat = Chat()
    names = chat.say("amai, ik kan ni meer volgen, altijd overuren en te weinig volk op de "
                     "afdeling", "enjoy_work", topics=["enjoy_work"])
    assert "utter_topic_enjoy_work" not in names, names
    assert chat.slots.get("topics") == ["workload_health"], chat.slots.get("topics")


def test_a_yes_to_share_said_first_with_the_details_after_it_is_consent():
    # p122: "U mag mijn gegevens delen. Mijn naam is Peter, … 06-12345122, … na 17 uur" got
    # "Daar ben ik mee bezig" and the consent was asked again.
    chat = Chat()
    chat.walk_to_consent()
    chat.say("Jullie mogen mijn gegevens delen. Ik heet Peter en mijn nummer is 0612345122.",
             "inform")
    assert chat.slots.get("consent_given") is True, chat.last
    # guard: a no first is no consent
    chat = Chat()
    chat.walk_to_consent()
    chat.say("Nee, u mag mijn gegevens niet delen. Ik denk er nog over na.", "deny")
    assert chat.slots.get("consent_given") is not True
