"""Failures role-played members met in round 4 (docs/conversation-review.md), written
as new cases. Each failed on the engine before its fix."""

from __future__ import annotations

from conversation_support import Chat


def test_a_no_in_words_to_the_check_question_is_a_no_and_leaves_no_flag():
    # p19: "Nee hoor ... zo bedoel ik het niet! Ik ben gewoon op" got 113 three times,
    # and her request was flagged as a crisis.
    chat = Chat()
    chat.say("ik ben zo moe, ik kan niet meer", "workload_health", crisis_level="possible")
    assert chat.slots["pending"] == "crisis_check"
    names = chat.say("Nee hoor, goeie genade, zo bedoel ik het niet! Ik ben gewoon op, moe van "
                     "het rennen.", "workload_health")
    assert names[0] == "utter_crisis_check_no"
    assert "utter_crisis_soft" not in names
    assert not chat.slots.get("safety_flag")
    assert chat.say("doei", "goodbye") == ["utter_goodbye"]


def test_bel_mij_ni_is_a_refusal_of_calls():
    # p17 (Flemish): "bel mij ni" was read as "contact by phone".
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Lotte", "inform")
    names = chat.say("ik zei toch bel mij NI. ik heb ni veel beltegoed. per mail is goe",
                     "inform")
    assert chat.slots.get("contact_channel") == "email"
    assert "phone" in chat.slots.get("refused_channels", [])
    assert "utter_invalid_phone" not in names


def test_thanks_before_a_name_is_not_the_name():
    # p16: "Dank u, helder. Marieke" became "Naam: Dank".
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    assert chat.slots["pending"] == "name"
    chat.say("Dank u, helder. Marieke", "inform")
    assert chat.slots["contact_name"] == "Marieke"


def test_asking_to_add_something_at_the_summary_adds_it_and_gives_no_topic_block():
    # p16: "Kunt u erbij zetten dat ..." got a career-change block and lost the addition.
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Marieke", "mail", "marieke@example.nl", "Leiden"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    assert chat.slots["pending"] == "summary"
    names = chat.say("Kunt u erbij zetten dat het gaat om zij-instroom als leerkracht in het "
                     "basisonderwijs?", "career_change", topics=["career_change"])
    assert "utter_topic_career_change" not in names
    assert names[-1] == "utter_ask_summary_confirmed"
    assert "zij-instroom" in chat.last.says[-1].values["summary"]


def test_a_signing_date_in_words_becomes_the_request_deadline():
    # p21: "ik moet voor vrijdag tekenen" never reached the ticket; it got urgency normal
    # and a promise after the signing date.
    chat = Chat()
    chat.say("Mij is een vaststellingsovereenkomst aangeboden en ik moet voor vrijdag tekenen.",
             "job_insecurity")
    assert chat.slots["deadline"] == "voor vrijdag"


def test_easy_words_with_a_question_get_the_answer_in_easy_words():
    # p18: "wat is transitievergoeding. makkelijk woord pls" got "Vertel in een paar
    # woorden wat je wilt weten" three times.
    from conversation_support import knowledge

    chat = Chat()
    chat.say("ja maar wat is transitievergoeding. makkelijk woord pls", "ask_how_it_works",
             knowledge=knowledge("transitievergoeding", "unemployed"))
    assert chat.texts() == ["ANSWER transitievergoeding"]
    assert "utter_simpler" not in chat.last.names()


def test_asking_twice_for_easy_words_offers_a_person():
    chat = Chat()
    chat.say("hallo", "greet")
    assert chat.say("sorry ik snap niet. makkelijk zeggen?", "nlu_fallback") == ["utter_simpler"]
    assert chat.say("makkelijk pls", "nlu_fallback") == ["utter_simpler_person"]
    assert chat.slots["pending"] == "offer"


def test_a_request_for_english_gets_the_bilingual_answer():
    chat = Chat()
    names = chat.say("kan u engels?", "out_of_scope")
    assert "utter_english" in names


def test_a_sad_message_classified_as_thanks_gets_no_you_are_welcome():
    # p22: "ik durf niet meer 😢" → "Graag gedaan!"
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik durf niet meer 😢", "thank")
    assert "utter_thank" not in names
    assert chat.say("dank je wel!", "thank") == ["utter_thank"]


def test_a_dutch_rule_is_not_told_in_flanders():
    # p23 (round 4): a Flemish bricklayer got the Dutch fewer-hours rule as if it applied
    # to him; the note "in België kan het anders zijn" added then was not enough either:
    # round 10, p39 got the Dutch transitievergoeding with it. Now the Belgian no-answer.
    from conversation_support import knowledge

    chat = Chat()
    chat.say("kan ik minder uren gaan werken voor mijne rug?", "work_life_balance",
             knowledge=knowledge("minder_uren_werken", "work_life_balance"), flemish=True)
    assert "ANSWER minder_uren_werken" not in chat.texts()
    assert "utter_no_answer_be" in chat.last.names()


def test_a_flemish_speaker_who_works_in_the_netherlands_gets_the_dutch_rule():
    # p04: lives in Gent, works in Terneuzen: Dutch labour law applies to him.
    from conversation_support import knowledge

    chat = Chat()
    chat.say("ik woon in Gent maar werk in Nederland, kan ik minder uren gaan werken?",
             "work_life_balance", knowledge=knowledge("minder_uren_werken", "work_life_balance"),
             flemish=True)
    assert "ANSWER minder_uren_werken" in chat.texts()


def walk_to_summary(chat: Chat) -> None:
    chat.walk_to_summary()


def test_x_klopt_niet_at_the_summary_removes_x_and_shows_the_summary_again():
    # p21, p19: "Doorgroeien klopt ook niet", "solliciteren wil ik helemaal niet" stayed.
    chat = Chat()
    walk_to_summary(chat)
    chat.slots["topics"] = ["flex_contract", "career_growth", "job_search"]
    names = chat.say("Doorgroeien klopt ook niet.", "deny")
    assert "career_growth" not in chat.slots["topics"]
    assert names[-1] == "utter_ask_summary_confirmed"
    chat.say("en solliciteren wil ik helemaal niet", "job_search")
    assert "job_search" not in chat.slots["topics"]


def test_send_words_at_the_summary_send_and_never_become_the_summary():
    # p21: "Dat 'doorgroeien' slaat nergens op, maar verstuur het maar." replaced his
    # description and sent nothing.
    chat = Chat()
    walk_to_summary(chat)
    chat.slots["topics"] = ["flex_contract", "career_growth"]
    chat.slots["summary_text"] = "vaststellingsovereenkomst, tekenen voor vrijdag"
    chat.say("Dat doorgroeien slaat nergens op, maar verstuur het maar.", "inform")
    assert chat.tickets, chat.last.names()
    assert "career_growth" not in chat.tickets[0]["topics"]
    assert "slaat nergens op" not in (chat.tickets[0]["summary"] or "")
    assert "vaststellingsovereenkomst" in chat.tickets[0]["summary"]


def test_a_yes_with_an_addition_adds_it_before_sending():
    # p18: "ja goed. ook vraag over geld en WW" was a plain yes; the addition was lost.
    chat = Chat()
    walk_to_summary(chat)
    names = chat.say("ja goed. ook vraag over geld en WW", "affirm")
    assert not chat.tickets
    assert names[-1] == "utter_ask_summary_confirmed"
    assert "geld en WW" in chat.last.says[-1].values["summary"]
    chat.say("ja", "affirm")
    assert chat.tickets


def test_a_wish_for_a_consultant_in_a_sentence_starts_the_request():
    # p19: "Ik bedoelde: ja, ik wil graag met een consulent praten." → "snap ik niet".
    chat = Chat()
    chat.say("ik wil minder uren werken", "work_life_balance")
    chat.say("Ik bedoelde: ja, ik wil graag met een consulent praten.", "not_what_i_meant")
    assert chat.slots["pending"] == "consent"


def test_a_knowledge_answer_given_before_comes_back_short():
    from conversation_support import knowledge

    chat = Chat()
    match = knowledge("minder_uren_werken", "work_life_balance")
    chat.say("kan ik minder uren werken?", "work_life_balance", knowledge=match)
    chat.say("en mijn moeder heeft dementie", "work_life_balance")
    names = chat.say("mag ik minder uren gaan werken?", "work_life_balance", knowledge=match)
    assert names[0] == "utter_knowledge_said_before"


def test_a_goodbye_in_formal_words_is_a_goodbye():
    chat = Chat()
    chat.say("hallo", "greet")
    assert chat.say("Laat maar, ik wacht op de consulent. Goedendag.", "nlu_fallback") == [
        "utter_goodbye"]


def test_thanks_with_but_is_not_a_thank_you():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("dankje... maar morgen moet ik gewoon weer. ik durf niet meer 😢", "thank")
    assert "utter_thank" not in names


def test_the_sector_someone_wants_to_go_to_is_not_the_sector_they_work_in():
    # p16: "Je werkt in de onderwijs" for an HR assistant at a municipality.
    text = "Ik werk al 15 jaar bij de gemeente maar ik wil eigenlijk het onderwijs in."
    entities = [{"entity": "sector", "value": "overheid", "start": text.index("gemeente")},
                {"entity": "sector", "value": "onderwijs", "start": text.index("onderwijs")}]
    chat = Chat()
    chat.say(text, "career_change", entities=entities)
    assert chat.slots["sector"] == "overheid"
    chat = Chat()
    text = "ik wil naar het onderwijs"
    chat.say(text, "career_change", entities=[
        {"entity": "sector", "value": "onderwijs", "start": text.index("onderwijs")}])
    assert not chat.slots.get("sector")


def test_the_summary_says_in_het_onderwijs():
    from bot.handover.topics import build_summary

    assert build_summary(["training"], sector="onderwijs").startswith(
        "Je werkt in het onderwijs.")


def test_a_question_about_a_topic_is_no_denial_of_it():
    # p23: "kan ik dan nie beter met pensioen gaan" → "Ik haal pensioen weg".
    chat = Chat()
    chat.say("ik ben 61 en metsel al 40 jaar", "retirement")
    names = chat.say("mijne rug is kapot. kan ik dan nie beter met pensioen gaan of blijf ik ziek",
                     "retirement", flemish=True)
    assert "utter_sorry_topic" not in names
    assert "retirement" in chat.slots["topics"]


def test_a_first_dag_is_a_greeting():
    chat = Chat()
    assert "utter_greet" in chat.say("dag", "goodbye")


def test_saying_you_live_in_belgium_is_heard():
    chat = Chat()
    chat.say("hallo", "greet")
    names = chat.say("ik woon in belgie he, nie in holland", "nlu_fallback", flemish=True)
    assert names == ["utter_noted_belgium"]


def test_laat_een_consulent_contact_opnemen_starts_the_request():
    # p21: "Goed, laat een consulent contact met mij opnemen." → the pension flow.
    chat = Chat()
    chat.say("Mij is een vaststellingsovereenkomst aangeboden.", "job_insecurity")
    chat.say("Goed, laat een consulent contact met mij opnemen. Wel graag voor vrijdag.",
             "retirement")
    assert chat.slots["pending"] == "consent"


def test_werkt_dat_nog_of_is_dat_cringe_is_a_question():
    from bot.dialogue.turn import looks_like_question

    assert looks_like_question("ok en open sollicitatie sturen, werkt dat nog of is dat cringe")
    assert looks_like_question("krijg ik dan ww of niet")


def test_an_unsure_service_reading_gives_way_to_the_knowledge_answer():
    # p15: "en als ik ziek word wie betaalt dan" → "Deze chat is gratis".
    from conversation_support import knowledge

    chat = Chat()
    chat.say("en als ik ziek word wie betaalt dan", "ask_cost", confidence=0.33,
             knowledge=knowledge("loon_bij_ziekte", "workload_health"))
    assert chat.texts() == ["ANSWER loon_bij_ziekte"]
    assert "utter_ask_cost" not in chat.last.names()
    chat = Chat()
    chat.say("wat kost het?", "ask_cost", confidence=0.95,
             knowledge=knowledge("loon_bij_ziekte", "workload_health"))
    assert "utter_ask_cost" in chat.last.names()


def test_a_statement_close_to_a_question_gets_the_answer():
    # p20: "niemand belt terug na sollicitatie" got the general job-search text.
    from conversation_support import knowledge

    from bot.knowledge.retriever import Match

    strong = knowledge("geen_reactie_sollicitatie", "job_search")
    chat = Chat()
    chat.say("ik stuur berichten maar niemand reageert", "job_search", knowledge=strong)
    assert chat.texts() == ["ANSWER geen_reactie_sollicitatie"]
    weak = Match(strong.entry, 0.5)
    chat = Chat()
    names = chat.say("ik stuur berichten maar niemand reageert", "job_search", knowledge=weak)
    assert "utter_topic_job_search" in names


def test_a_no_with_relief_after_the_check_question_is_still_a_no():
    # Round 5, p19: "... Schrik je me wel mee haha." after a clear "Nee hoor" got 113 again.
    chat = Chat()
    chat.say("ik ben zo moe, ik kan niet meer", "workload_health", crisis_level="possible")
    names = chat.say("Nee hoor, zo bedoel ik het helemaal niet! Gewoon moe van het werk en de "
                     "zorg voor mam. Schrik je me wel mee haha.", "nlu_fallback")
    assert names[0] == "utter_crisis_check_no"
    assert not chat.slots.get("safety_flag")


def test_info_only_is_heard_and_said_so():
    # Round 5, p15: "geen consulent nodig, alleen info" → topic buttons.
    chat = Chat()
    chat.say("ben via payroll bij een bouwbedrijf", "flex_contract")
    names = chat.say("geen consulent nodig, alleen info", "deny", confidence=0.4)
    assert names == ["utter_info_only"]
    assert chat.slots["offer_declined"] is True


def test_asking_whether_the_request_is_done_in_the_form_says_not_yet_and_what_is_next():
    # Round 5, p16: "is mijn aanvraag voor de consulent nu rond?" → "Goede vraag ...".
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    names = chat.say("is mijn aanvraag voor de consulent nu rond?", "manage_request")
    assert names[0] == "utter_request_not_sent_yet"
    assert names[-1] == "utter_ask_contact_name"


def test_wel_iemand_is_a_wish_for_a_person():
    chat = Chat()
    chat.say("ik ben interimkracht en ziek", "flex_contract", flemish=True)
    chat.say("ja ok, mss wel iemand van da vlaamse team", "career_change", confidence=0.4,
             flemish=True)
    assert chat.slots["pending"] == "consent"


def test_a_choice_answered_with_a_denial_never_gets_the_denied_topic():
    # Round 5, p07: "ik ben niet ontslagen. ik twijfel of ik moet blijven" after the choice
    # "ander werk of ontslag?" got "Je baan verliezen is een flinke klap".
    chat = Chat()
    chat.say("moet ik daar eigenlijk gewoon weg?", "career_change", confidence=0.4,
             ranking=["career_change", "unemployed"])
    assert chat.slots["pending"] == "topic_choice"
    names = chat.say("ik ben niet ontslagen. ik twijfel of ik moet blijven met die "
                     "leidinggevende", "unemployed")
    assert "utter_topic_unemployed" not in names


def test_nee_ga_verder_typed_at_the_stop_question_never_stops():
    # Round 5, p21: the button's words typed, "Nee, ga verder", threw the request away.
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("stop", "stop_form")
    assert chat.slots["pending"] == "stop_confirm"
    names = chat.say("Nee, ga verder", "stop_form")
    assert "utter_form_stopped" not in names
    assert chat.slots["handover"] is True


def test_refusing_113_right_after_the_crisis_answer_is_no_refusal_of_calls_by_us():
    # Rounds 4 and 5 (p24, p11): "ik ga echt niet bellen hoor" became "geen bellen".
    chat = Chat()
    chat.say("ik zie het niet meer zitten, beter als ik er niet meer ben", "crisis",
             crisis_level="clear")
    chat.say("ik ga echt niet bellen hoor", "inform")
    assert not chat.slots.get("refused_channels")


def test_asking_that_the_dark_part_stays_out_of_the_request_gets_an_honest_answer():
    # Round 5, p24: "maar dat andere van net komt er niet in he" was ignored twice.
    chat = Chat()
    chat.say("ik wil er niet meer zijn", "crisis", crisis_level="clear")
    chat.say("ja", "affirm")  # the consultant offer
    chat.say("ja", "affirm")  # consent
    names = chat.say("ja. maar dat andere van net komt er niet in he", "affirm")
    assert "utter_kept_out_of_request" in names


def test_our_own_option_answered_in_a_word_gets_that_answer():
    # Round 5, p18: "uitleg uitkering" after "... ander werk, uitleg over je uitkering, of
    # even iemand die meedenkt?" got a daily job-search routine.
    chat = Chat()
    chat.say("mijn contract stopt, eind volgende maand", "unemployed",
             entities=[{"entity": "deadline", "value": "eind volgende maand"}])
    assert chat.slots["pending"] == "deepen"
    chat.say("uitleg uitkering", "nlu_fallback")
    assert chat.texts() and "WW" in " ".join(chat.texts())


def test_ordinary_sentences_with_doe_maar_or_iemand_start_no_request():
    # Read again before landing: "ik doe maar wat", "ik ken wel iemand die ..." are no wish
    # for a consultant, and must not start the consent question.
    for text in ("ik doe maar wat op mijn werk", "ik ken wel iemand die dat doet",
                 "ik wil graag iemand helpen"):
        chat = Chat()
        chat.say(text, "inform")
        assert chat.slots.get("pending") != "consent", text


def test_a_letter_that_ends_with_groeten_is_no_goodbye():
    chat = Chat()
    names = chat.say("Ik werk al 38 jaar als verpleegkundige en mijn knieen willen niet meer. "
                     "Met vriendelijke groeten", "retirement")
    assert "utter_goodbye" not in names


def test_tot_maandag_is_no_deadline():
    chat = Chat()
    chat.say("ok. tot maandag dan", "goodbye")
    assert not chat.slots.get("deadline")
