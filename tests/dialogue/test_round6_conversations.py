"""Failures role-played members met in round 6 (docs/conversation-review.md), written
as new cases. Each failed on the engine before its fix (checked on 8f712fe).

The crisis level of each message comes from the real rules (bot.nlu.crisis), so a
test breaks when either the rules or the engine lose the statement."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.knowledge.entries import entry_by_id
from bot.nlu.crisis import rule_level


def say(chat: Chat, text: str, intent: str = "inform", **nlu) -> list[str]:
    return chat.say(text, intent, crisis_level=rule_level(text), **nlu)


def after_a_crisis_statement() -> Chat:
    chat = Chat()
    names = say(chat, "ik ben ontslagen en ik wil er eigenlijk niet meer zijn", "crisis")
    assert names[0] == "utter_crisis"
    assert chat.slots["pending"] == "crisis_offer"
    return chat


def test_nee_ik_meen_het_after_the_crisis_answer_is_believed_not_a_no():
    # p33: "nee ik meen het" with the Ja/Nee buttons open -> "Oké. Is er iets anders ...".
    chat = after_a_crisis_statement()
    names = say(chat, "nee ik meen het", "deny")
    assert names == ["utter_crisis_meant_it"]
    assert "utter_crisis_declined" not in names


def test_a_new_dark_signal_after_a_crisis_statement_is_answered_not_met_with_buttons():
    # p33: "heeft allemaal toch geen zin meer" -> topic buttons; "weet niet of ik er morgen
    # nog ben hoor" -> "geen goed antwoord"; "... dat ik er morgen misschien niet meer ben"
    # -> "Dat snap ik helaas niet"; "laat maar. niemand snapt het" -> "Goed."
    for text in ("heeft allemaal toch geen zin meer",
                 "weet niet of ik er morgen nog ben hoor",
                 "ik bedoel dat ik er morgen misschien niet meer ben. snap je",
                 "laat maar. niemand snapt het"):
        chat = after_a_crisis_statement()
        say(chat, "nee", "deny")  # no to the consultant
        names = say(chat, text, "nlu_fallback", topics=["stuck"], ranking=["stuck"])
        assert "utter_crisis_again" in names, text
        assert "utter_ask_topic_choice" not in names, text


def test_the_same_words_without_a_crisis_before_get_one_check_question_at_most():
    chat = Chat()
    names = say(chat, "heeft allemaal toch geen zin meer", "stuck", topics=["stuck"])
    assert names[-1] == "utter_crisis_check"


def test_113_did_not_help_gets_other_ways_to_talk_not_career_buttons():
    # p33: "ik heb 113 al eens gebeld, helpt niks" -> "solliciteren of vastgelopen?".
    chat = after_a_crisis_statement()
    names = say(chat, "ik heb 113 al eens gebeld, helpt niks", "job_search",
                topics=["job_search", "stuck"], ranking=["job_search", "stuck"])
    assert names == ["utter_crisis_helpline_failed"]


def test_a_challenge_to_the_bot_right_after_the_crisis_answer_stays_with_it():
    # p33: "wat heb jij daar nou mee te maken" -> the generic "what I can do" text.
    chat = after_a_crisis_statement()
    names = say(chat, "wat heb jij daar nou mee te maken", "ask_capabilities")
    assert names == ["utter_crisis_bot_limit"]


def test_career_talk_after_a_crisis_starts_with_the_person_once():
    # p33: "baan kwijt, huur moet betaald" -> a job-search schedule as if nothing happened.
    chat = after_a_crisis_statement()
    say(chat, "nee", "deny")
    names = say(chat, "ik zit gewoon thuis. baan kwijt, huur moet betaald", "unemployed",
                topics=["unemployed"])
    assert names[0] == "utter_after_crisis_checkin"
    names = say(chat, "vorige week. ik werkte in de keuken", "unemployed", topics=["unemployed"])
    assert "utter_after_crisis_checkin" not in names


def test_the_summary_says_the_request_is_marked_urgent_after_a_crisis():
    # p33: the ticket was flagged urgent and he was never told.
    chat = after_a_crisis_statement()
    say(chat, "ja", "affirm")
    for text in ("ja", "bellen", "0612345733"):
        say(chat, text, "affirm" if text == "ja" else "inform")
    assert chat.slots["pending"] == "summary"
    assert "Voorrang: ja" in chat.last.says[-1].values["summary"]


def offered() -> Chat:
    chat = Chat()
    chat.say("mijn werkgever is failliet en ik heb mijn loon niet gehad", "unemployed",
             topics=["unemployed"])
    chat.say("vorige week", "inform")
    assert chat.slots.get("pending") == "offer", chat.last
    return chat


def test_a_typed_yes_with_a_call_wish_to_the_offer_starts_the_request():
    # p32: "ja graag. bel me vandaag nog aub" (classified as goodbye: "vandaag") -> "Dag!".
    chat = offered()
    names = chat.say("ja graag. bel me vandaag nog aub, ik moet dit snel weten", "goodbye")
    assert "utter_goodbye" not in names
    assert chat.slots.get("handover") is True
    # p25: "Ja doe maar, dan wil ik wel gebeld worden." -> "Ik zie hier geen aanvraag".
    chat = offered()
    names = chat.say("Ja doe maar, dan wil ik wel gebeld worden.", "manage_request")
    assert "utter_no_request_yet" not in names
    assert chat.slots.get("handover") is True


def test_a_typed_no_to_the_offer_is_respected_and_a_question_after_it_answered():
    # p31: "nu nog nie, ik wil eerst efkes weten hoe da zit" and "nee merci, nog nie" were
    # not heard; the offer came back seven times.
    chat = offered()
    names = chat.say("nu nog nie", "inform")
    assert names == ["utter_offer_declined"]
    assert chat.slots.get("offer_declined") is True
    chat = offered()
    names = chat.say("nee merci, nog nie. hoe lang duurt da dan voor ik geld krijg?", "deny",
                     knowledge=knowledge("ww_voorwaarden", "unemployed"))
    assert chat.slots.get("offer_declined") is True
    assert "ANSWER ww_voorwaarden" in chat.texts()
    assert "utter_offer_consultant" not in names


def test_offers_talked_past_three_times_are_not_made_again():
    chat = offered()
    chat.say("hoe lang duurt het voor ik geld krijg", "inform")
    chat.say("ik heb een hypotheek", "unemployed", topics=["unemployed"])
    chat.slots["pending"] = "offer"  # offered again
    chat.say("en de curator heeft nog niks gezegd", "inform")
    chat.say("en mijn collega's weten het ook niet", "inform")
    assert chat.slots.get("offers_ignored") >= 3
    names = chat.say("ik ben ook bang voor mijn baan bij een nieuwe werkgever",
                     "job_insecurity", topics=["job_insecurity"])
    assert "utter_offer_consultant" not in names


def walk_to_summary(chat: Chat) -> None:
    chat.walk_to_summary(("Lisa", "mail", "lisa.k@example.nl", "Arnhem"))


def test_laat_maar_verstuur_maar_zo_at_the_summary_sends():
    # p27: "laat maar... verstuur maar zo" -> "Wil je stoppen met je aanvraag?".
    chat = Chat()
    walk_to_summary(chat)
    chat.say("laat maar... verstuur maar zo", "stop_form")
    assert chat.effects == ["create_ticket"]


def test_nee_niet_stoppen_versturen_at_the_stop_question_sends():
    # p32, p27: "NEE niet stoppen. VERSTUREN" -> the same stop question again.
    chat = Chat()
    walk_to_summary(chat)
    chat.say("/stop_form", "stop_form")
    assert chat.slots["pending"] == "stop_confirm"
    chat.say("NEE niet stoppen. VERSTUREN", "stop_form")
    assert chat.effects == ["create_ticket"]
    chat = Chat()
    walk_to_summary(chat)
    chat.say("/stop_form", "stop_form")
    names = chat.say("niet stoppen", "stop_form")
    assert "utter_ask_stop_confirm" not in names
    assert chat.slots.get("handover") is True


def test_goodbyes_as_flemish_people_type_them():
    # p31: "merci, salukes" -> a vacancy tip; "nee. dag!" -> "Prima, jij bepaalt".
    for text in ("merci, salukes", "nee. dag!"):
        chat = Chat()
        chat.say("hoi", "greet")
        names = chat.say(text, "deny")
        assert names[0].startswith("utter_goodbye"), (text, names)


def test_own_fault_is_not_debt():
    # p27: "dus het is misschien mijn eigen schuld..." -> the debt help line.
    import re

    debts = entry_by_id("hulp_bij_schulden")
    assert debts is not None and debts.offer_on
    assert not re.search(debts.offer_on, "dus het is misschien mijn eigen schuld...")
    assert re.search(debts.offer_on, "ik heb 18 duizend euro schuld")


def test_a_dutch_rule_is_not_offered_unasked_to_someone_in_flanders():
    # p31: a nurse in Brugge got the Dutch Wet flexibel werken unasked.
    hours = entry_by_id("minder_uren_werken")
    assert hours is not None and hours.region == "nl"
    chat = Chat()
    chat.say("ik werk voltijds in 't AZ in Brugge en wil 4/5 werken", "work_life_balance",
             topics=["work_life_balance"], mentioned=hours, flemish=True)
    assert not any(hours.answer[0] in t for t in chat.texts())


def test_a_classifier_goodbye_without_a_word_of_leaving_is_no_goodbye():
    # p30: "graag gedaan hoor. en nu?" -> "Dag! Fijn dat je even kwam praten".
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("graag gedaan hoor. en nu?", "goodbye")
    assert not any(n.startswith("utter_goodbye") for n in names)
    assert chat.say("oké doei", "goodbye")[0].startswith("utter_goodbye")


def test_a_disliked_channel_is_refused():
    # p30: "bellen vind ik niks" was stored as contact by phone.
    from bot.dialogue.pickup import pick_channel

    assert pick_channel("bellen vind ik niks, mail maar") == ("email", {"phone"})


def test_what_do_you_know_about_me_says_what_is_stored():
    # p34: asked three times; got unhappiness at work, the confidentiality text, "sorry".
    chat = Chat()
    chat.say("hoi", "greet")
    assert chat.say("wat weten jullie nu allemaal van mij?", "stuck") == ["utter_what_is_stored"]
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("wat weten jullie van mij? en haal alles weg", "delete_my_data")
    assert names == ["utter_what_is_stored", "utter_ask_delete_confirm"]


def test_after_an_erasure_is_it_really_gone_gets_a_true_answer():
    # p34: "is het nu echt weg?" after "Klaar, je gegevens zijn verwijderd" -> topic buttons.
    chat = Chat()
    chat.slots.update(erased=True)  # what actions/privacy.py leaves after Restarted
    assert chat.say("is het nu echt weg?", "nlu_fallback") == ["utter_disclosure",
                                                               "utter_erasure_confirmed"]


def test_the_same_knowledge_answer_for_another_question_is_said_to_be_no_better():
    # p28: a formal writer got the AOW-age answer five times, three "in makkelijke woorden".
    chat = Chat()
    aow = knowledge("aow_leeftijd", "retirement")
    chat.say("Wanneer krijg ik eigenlijk AOW?", "retirement", knowledge=aow)
    assert "ANSWER aow_leeftijd" in chat.texts()
    names = chat.say("Mag ik dan ook gewoon doorwerken bij mijn werkgever na die datum?",
                     "retirement", knowledge=aow)
    assert "utter_knowledge_no_better" in names
    assert "ANSWER aow_leeftijd" not in chat.texts()
    # A short "wat is dat?" right after still gets the easier words.
    chat = Chat()
    chat.say("Wanneer krijg ik eigenlijk AOW?", "retirement", knowledge=aow)
    names = chat.say("wat is dat?", "retirement", knowledge=aow)
    assert "utter_knowledge_again" in names


def test_an_agreeing_word_at_the_start_of_a_story_is_no_yes_to_the_offer():
    # Guards the typed yes above: "klopt, ..." and "goed dat je het zegt, maar ..." say
    # nothing about the consultant.
    for text in ("klopt, ik werk er al twintig jaar en het is altijd zo gegaan",
                 "goed dat je het zegt, maar ik wil eerst weten hoe het zit"):
        chat = offered()
        chat.say(text, "inform")
        assert not chat.slots.get("handover"), text


def test_after_an_erasure_an_ordinary_question_is_not_about_the_erasure():
    chat = Chat()
    chat.slots.update(erased=True, disclosed=True)
    names = chat.say("moet ik weg bij mijn baas als hij zo doet?", "conflict_at_work",
                     topics=["conflict_at_work"])
    assert "utter_erasure_confirmed" not in names
    assert not chat.slots.get("erased")
    assert "utter_erasure_confirmed" not in chat.say("is het nu echt weg?", "nlu_fallback")


def test_an_offer_talked_past_once_can_still_be_taken_a_turn_later():
    # The fix for pushing (two offers talked past) once closed the offer at the first
    # message past it: "ik werk in de schoonmaak" then "ja graag" got "Waar kan ik je nog
    # mee helpen?" (the Chromium live-chat test caught it).
    chat = Chat()
    chat.say("mijn tijdelijk contract stopt over 2 maanden", "flex_contract",
             topics=["flex_contract"],
             knowledge=knowledge("contract_niet_verlengd", "flex_contract"))
    assert chat.slots.get("pending") == "offer", chat.last
    chat.say("ik werk in de schoonmaak", "inform")
    chat.say("ja graag", "affirm")
    assert chat.slots.get("handover") is True
