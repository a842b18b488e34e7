"""The conversation engine, message by message. Each test is a failure that role-played
members met (issue 16, issue 11), written as a new case; each failed on the old dialogue."""

from __future__ import annotations

import pytest
from conversation_support import Chat, knowledge


def test_a_first_message_that_is_a_question_gets_the_disclosure_and_an_answer():
    chat = Chat()
    names = chat.say("wat is fase A?", "flex_contract", knowledge=knowledge())
    assert names[0] == "utter_disclosure"
    assert "ANSWER uitzend_fases" in chat.texts()


def test_a_greeting_introduces_once_and_asks_the_coffee_question():
    chat = Chat()
    assert chat.say("hoi", "greet") == ["utter_greet", "utter_ask_enjoy_work"]
    assert chat.say("hallo", "greet") == ["utter_greet_again"]


def test_the_bot_question_as_first_message_says_bot_and_independence_once():
    chat = Chat()
    assert chat.say("ben je van de vakbond of van mijn werkgever", "bot_challenge") == [
        "utter_bot_challenge"]


def test_what_was_said_about_the_contract_is_not_asked_again():
    chat = Chat()
    chat.say("mijn contract loopt af over 3 weken, ik werk via een uitzendbureau",
             "flex_contract", entities=[{"entity": "contract_type", "value": "uitzend"},
                                        {"entity": "deadline", "value": "over 3 weken"}])
    assert "utter_deepen_flex_contract" not in chat.last.names()
    assert "utter_deepen_flex_contract_known" in chat.last.names()


def test_flex_homework_is_not_given_to_someone_with_a_permanent_contract():
    chat = Chat()
    chat.say("ik heb een vast contract", "inform",
             entities=[{"entity": "contract_type", "value": "vast"}])
    chat.say("ik zit bij een uitzendbureau gedetacheerd", "flex_contract")
    assert "utter_selfhelp_flex_contract" not in chat.say("klopt", "affirm")


def test_a_denied_topic_word_is_not_the_topic():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("er is geen reorganisatie, ik wil gewoon wat anders", "job_insecurity")
    assert "utter_topic_job_insecurity" not in names


def test_phone_and_channel_in_one_message_are_both_taken():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Henk", "inform")
    assert chat.slots["pending"] == "channel"
    names = chat.say("bellen. 06 41 27 83 90", "inform")
    assert chat.slots["contact_channel"] == "phone"
    assert chat.slots["contact_phone"] == "+31641278390"
    assert "utter_ask_contact_phone" not in names
    assert chat.slots["pending"] == "time"


def test_a_name_said_earlier_reaches_the_ticket_and_is_not_asked():
    chat = Chat()
    chat.say("Ik ben Ingrid en ik werk in de zorg", "inform")
    chat.walk_to_consent()
    names = chat.say("ja", "affirm")
    assert "utter_ask_contact_name" not in names
    assert chat.slots["pending"] == "channel"
    chat.say("via e-mail", "inform")
    chat.say("ingrid@example.nl", "inform")
    chat.say("Tilburg", "inform", entities=[{"entity": "region", "value": "Tilburg"}])
    chat.say("ja", "affirm")
    assert chat.tickets and chat.tickets[0]["contact_name"] == "Ingrid"
    assert chat.tickets[0]["contact_email"] == "ingrid@example.nl"


def test_e_mail_said_once_is_enough():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Noor", "inform")
    chat.say("via e-mail", "inform")
    assert chat.slots["contact_channel"] == "email"
    assert chat.slots["pending"] == "email"


def test_impatience_is_not_a_stop():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Kees", "inform")
    names = chat.say("bellen zei ik toch", "stop_form")
    assert "utter_form_stopped" not in names
    assert chat.slots["handover"] is True


def test_a_stop_needs_a_confirmation_that_says_what_is_lost():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    assert chat.say("stop maar", "stop_form") == ["utter_ask_stop_confirm"]
    assert chat.say("nee", "deny")[0] == "utter_form_continues"
    chat.say("stop", "stop_form")
    assert chat.say("ja", "affirm") == ["utter_form_stopped"]
    assert not chat.slots["handover"]


def test_no_matter_which_channel_the_answer_is_read_from_free_text():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Fatima. ik zeg al", "inform")
    assert chat.slots["contact_name"] == "Fatima"
    chat.say("weet niet.. maakt niet uit, het is toch mail", "deny")
    assert chat.slots["contact_channel"] == "email"


def test_a_corrected_number_is_not_stored_as_the_call_time():
    chat = Chat()
    chat.walk_to_phone("Sam")
    chat.say("0612345679", "inform")
    assert chat.slots["pending"] == "time"
    chat.say("sorry nummer is fout. goed nummer is 0612345678", "inform")
    assert chat.slots["contact_phone"] == "+31612345678"
    assert not chat.slots.get("contact_time")
    assert chat.slots["pending"] == "time"


def test_a_nine_digit_number_is_refused():
    chat = Chat()
    chat.walk_to_phone("Sam")
    assert "utter_invalid_phone" in chat.say("061234567", "inform")
    assert not chat.slots.get("contact_phone")


def test_a_mail_domain_typo_is_asked_back():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Noor", "inform")
    chat.say("niet bellen, mailen", "inform")
    assert chat.slots["contact_channel"] == "email"
    assert chat.say("noor@gmial.com", "inform") == ["utter_ask_email_typo"]
    chat.say("ja", "affirm")
    assert chat.slots["contact_email"] == "noor@gmail.com"


def test_the_summary_shows_every_field_that_is_shared():
    chat = Chat()
    chat.walk_to_summary(("Ingrid", "bellen", "06 12345678", "na 5 uur", "Breda"))
    say = chat.last.says[-1]
    assert say.response == "utter_ask_summary_confirmed"
    summary = say.values["summary"]
    for part in ("Ingrid", "+31612345678", "na 5 uur", "Breda", "flexcontract"):
        assert part in summary, summary


def test_the_summary_can_be_corrected_before_sending():
    chat = Chat()
    chat.walk_to_summary(("Ingrid", "bellen", "06 12345678", "na 5 uur", "Breda"))
    chat.say("/deny", "deny")
    assert chat.slots["pending"] == "summary_edit"
    chat.say("mijn nummer is 0687654321", "inform")
    assert chat.slots["contact_phone"] == "+31687654321"
    assert chat.last.says[-1].response == "utter_ask_summary_confirmed"
    chat.say("ja", "affirm")
    assert chat.tickets[0]["contact_phone"] == "+31687654321"


def test_yes_with_a_question_at_consent_is_a_question():
    chat = Chat()
    chat.walk_to_consent()
    names = chat.say("ja maar wat IS fase A dan", "affirm", knowledge=knowledge())
    assert "ANSWER uitzend_fases" in chat.texts()
    assert chat.slots.get("consent_given") is not True
    assert names[-1] == "utter_ask_consent_given"


def test_deletion_needs_a_plain_yes_and_a_call_request_is_not_a_deletion():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("verwijder mijn gegevens", "delete_my_data")
    names = chat.say("ik wil dat iemand me belt", "request_human")
    assert "erase" not in chat.effects
    assert "utter_delete_not_done" in names
    chat.say("wis alles", "delete_my_data")
    chat.say("ja weg ermee", "affirm")
    assert chat.effects == ["erase"]


def test_a_declined_offer_is_not_made_again():
    chat = Chat()
    chat.say("ik zit vast in mijn werk", "stuck")
    chat.say("mijn baas ziet me niet", "inform")
    chat.say("nee merci", "deny")
    assert chat.slots["offer_declined"] is True
    chat.say("ik wil wel een opleiding doen", "training")
    names = chat.say("iets met ict", "inform")
    assert "utter_offer_consultant" not in names
    # Asking for a person still works.
    chat.say("kan ik toch iemand spreken", "request_human")
    assert chat.slots["pending"] == "consent"


def test_after_a_ticket_the_bot_says_so_instead_of_offering_another():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ingrid", "hier in de chat", "Breda", "ja"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    assert chat.tickets
    assert chat.say("ik wil een consulent", "request_human") == ["utter_request_exists"]
    chat.say("ik wil nog iets over werkdruk", "workload_health")
    names = chat.say("het is te veel", "inform")
    assert "utter_offer_consultant" not in names


def test_a_request_can_be_checked_changed_and_withdrawn():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ingrid", "bellen", "0612345678", "maakt niet uit", "Breda", "ja"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    chat.say("klopt mijn aanvraag nog?", "manage_request")
    assert chat.effects[-1] == "show_request"
    chat.say("mijn nummer veranderen: 0687654321", "manage_request")
    assert chat.effects[-1] == "update_request"
    assert chat.last.effect_values == {"phone": "+31687654321"}
    assert chat.say("aanvraag intrekken", "manage_request") == ["utter_ask_withdraw_confirm"]
    chat.say("ja", "affirm")
    assert chat.effects[-1] == "withdraw_request"


def test_an_employer_who_must_not_know_is_not_sent_to():
    chat = Chat()
    chat.say("ik wil een cursus doen maar mijn werkgever mag het niet weten", "training")
    names = chat.say("iets met techniek", "inform")
    assert "utter_selfhelp_training" not in names


def test_the_same_block_never_comes_twice_in_a_row():
    chat = Chat()
    chat.say("hoi", "greet")
    first = chat.say("wat is het weer", "out_of_scope")
    second = chat.say("en morgen?", "out_of_scope")
    assert first != second


def test_a_story_with_two_topics_is_acknowledged_twice():
    chat = Chat()
    names = chat.say("Er komt een reorganisatie. En ik wil eigenlijk ook een opleiding doen.",
                     "job_insecurity", topics=["job_insecurity", "training"])
    assert "utter_topic_job_insecurity" in names
    assert "utter_second_topic" in names


def test_a_story_the_classifier_doubts_still_reaches_its_topic():
    chat = Chat()
    names = chat.say("lang verhaal over een nulurencontract", "nlu_fallback",
                     topics=["flex_contract"])
    assert "utter_topic_flex_contract" in names


def test_a_refusal_to_be_called_is_remembered_and_respected():
    chat = Chat()
    chat.say("ik heb last van stress", "workload_health")
    assert chat.say("niet bellen alsjeblieft", "stop_form") == ["utter_refusal_noted"]
    chat.say("toch wel iemand spreken", "request_human")
    chat.say("ja", "affirm")
    chat.say("Ingrid", "inform")
    assert chat.last.says[-1].response == "utter_ask_contact_channel_without"


def test_a_confirmed_summary_creates_the_ticket_without_filler():
    chat = Chat()
    chat.walk_to_summary(("Ingrid", "hier in de chat", "Breda"))
    assert chat.say("ja", "affirm") == []
    assert chat.effects[-1] == "create_ticket"


def test_a_topic_the_person_denies_leaves_the_conversation_and_the_summary():
    chat = Chat()
    chat.say("ik werk al 38 jaar in de zorg en mijn knieen willen niet meer", "retirement")
    chat.say("mag ik iets vragen", "job_insecurity")
    assert "job_insecurity" in chat.slots["topics"]
    names = chat.say("Mijn baan staat helemaal niet op de tocht, er is geen reorganisatie!",
                     "job_insecurity")
    assert names[0] == "utter_sorry_topic"
    assert "job_insecurity" not in chat.slots["topics"]
    assert "utter_selfhelp_job_insecurity" not in names


def test_a_question_without_an_answer_is_told_so_honestly():
    chat = Chat()
    chat.say("ik wil eerder stoppen met werken", "retirement")
    names = chat.say("Wat is mijn AOW-leeftijd precies? Ik ben geboren in 1965.", "inform")
    assert "utter_no_answer" in names
    assert "utter_anything_else" not in names


def test_a_time_in_ordinary_words_is_a_time_not_a_stop():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ricardo", "bellen", "0612345678"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    names = chat.say("vandaag ochtend", "goodbye")
    assert "utter_ask_stop_confirm" not in names
    assert chat.slots["contact_time"] == "vandaag ochtend"


def test_yes_in_other_words_sends_the_summary():
    chat = Chat()
    chat.walk_to_summary(("Jens", "hier in de chat", "Gent"))
    chat.say("ja, verstuur dan maar", "inform")
    assert chat.effects[-1] == "create_ticket"


def test_a_question_in_the_form_is_not_met_with_an_invalid_number_message():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ricardo", "bellen"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    names = chat.say("wacht ff. krijg ik een advocaat als ik lid word?", "ask_cost")
    assert "utter_invalid_phone" not in names
    assert names[-1] == "utter_ask_contact_phone"


def test_threats_against_a_boss_are_calmed_once():
    chat = Chat()
    names = chat.say("als die gast morgen weer begint sla ik hem op z'n bek", "conflict_at_work")
    assert "utter_deescalate" in names
    assert "utter_deescalate" not in chat.say("ik sla hem echt op z'n bek", "conflict_at_work")


def test_asking_for_speed_is_remembered_for_the_ticket():
    chat = Chat()
    chat.say("ik wil vandaag nog iemand spreken, het is dringend", "request_human")
    assert chat.slots["urgent_request"] is True


def test_the_privacy_question_is_answered_however_it_is_classified():
    chat = Chat()
    chat.say("ik zit thuis met een burn-out", "workload_health")
    names = chat.say("Maar krijgt mijn werkgever of de bedrijfsarts te zien wat ik hier "
                     "schrijf?", "workload_health")
    assert names == ["utter_ask_privacy"]


def test_yes_with_a_wish_about_contact_is_consent_and_the_wish_is_kept():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("Ja, dat is goed. Maar ik wil echt niet gebeld worden. Mail is prima.", "inform")
    assert chat.slots["consent_given"] is True
    assert chat.slots["contact_channel"] == "email"
    assert "phone" in chat.slots["refused_channels"]


def test_an_e_mail_typo_confirmed_in_own_words_is_fixed():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ingrid", "mailen"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    chat.say("ingrid@zigo.nl", "inform")
    chat.say("oh nee, ziggo met twee g's", "deny")
    assert chat.slots["contact_email"] == "ingrid@ziggo.nl"


def test_a_young_person_is_not_given_pension_advice():
    chat = Chat()
    chat.say("ik ben 27 en wil ander werk", "career_change",
             entities=[{"entity": "age", "value": "27"}])
    names = chat.say("ik heb 6 jaar werkervaring. is da genoeg voor die cheques?", "retirement")
    assert "utter_topic_retirement" not in names
    assert "retirement" not in chat.slots["topics"]


def test_asking_what_to_do_on_a_known_topic_gets_the_self_help_step():
    chat = Chat()
    chat.say("ik wil doorgroeien naar teamleider", "career_growth")
    names = chat.say("Dus wat kan ik zelf doen om richting teamleider te groeien?",
                     "career_growth")
    assert "utter_selfhelp_career_growth" in names


def test_a_knowledge_answer_asked_again_comes_in_easier_words():
    from bot.knowledge.entries import Entry
    from bot.knowledge.retriever import Match

    entry = Entry("transitievergoeding", "job_insecurity", "nl", (), ("q",), ("HARD",),
                  simple="MAKKELIJK")
    chat = Chat()
    chat.say("krijg ik geld van baas?", "job_insecurity", knowledge=Match(entry, 0.9))
    assert "HARD" in chat.texts()
    chat.say("wat is transitievergoeding?", "job_insecurity", knowledge=Match(entry, 0.9))
    assert chat.texts() == ["MAKKELIJK"]


def test_what_consent_means_is_explained_in_plain_words_not_repeated():
    chat = Chat()
    chat.walk_to_consent()
    names = chat.say("wat betekent toestemming? ik snap niet", "inform")
    assert names == ["utter_consent_simple", "utter_ask_consent_given"]
    chat.say("ja. een mens mij helpen. ok", "request_human")
    assert chat.slots["consent_given"] is True


def test_a_short_answer_to_our_own_question_is_an_answer():
    chat = Chat()
    chat.say("ik ben ontslagen", "unemployed")
    names = chat.say("uitleg uitkering", "nlu_fallback")
    assert "utter_default" not in names


def test_a_privacy_question_next_to_a_topic_question_gets_both_answers():
    chat = Chat()
    names = chat.say("Kan ik eerder stoppen met werken? En krijgt mijn leidinggevende dit te "
                     "zien?", "retirement", knowledge=knowledge("eerder_stoppen", "retirement"))
    assert "utter_ask_privacy" in names
    assert "ANSWER eerder_stoppen" in chat.texts()


def test_debts_mentioned_in_passing_get_the_debt_help_once():
    from bot.knowledge.entries import Entry

    debts = Entry("hulp_bij_schulden", "out_of_scope", "nl", (), ("q",), ("SCHULDHULP",),
                  offer_on=r"\bschuld(en)?\b")
    chat = Chat()
    chat.say("ik wil meer uren. moet schulden afbetalen", "work_life_balance", mentioned=debts)
    assert "SCHULDHULP" in chat.texts()
    chat.say("18 duizend schuld", "inform", mentioned=debts)
    assert "SCHULDHULP" not in chat.texts()


def test_nothing_to_do_with_family_drops_the_family_topic():
    chat = Chat()
    chat.say("ik wil meer uren", "work_life_balance")
    names = chat.say("nee niks gezin. gewoon meer geld nodig", "deny")
    assert names[0] == "utter_sorry_topic"
    assert "work_life_balance" not in chat.slots["topics"]


def test_a_correction_typed_at_the_summary_is_taken_and_denied_topics_leave():
    chat = Chat()
    chat.say("ik zit vast in mijn werk", "stuck")
    chat.say("ik wil eerder met pensioen", "retirement")
    chat.say("graag een consulent", "request_human")
    for text in ("ja", "Ans", "mailen", "ans@example.nl", "Deventer"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    assert chat.slots["pending"] == "summary"
    chat.say("Aanpassen graag. Ik ben niet vastgelopen in mijn werk, het gaat alleen om "
             "eerder stoppen en minder zwaar werk.", "inform")
    assert "stuck" not in chat.slots["topics"]
    assert chat.last.says[-1].response in ("utter_ask_summary_edit",
                                           "utter_ask_summary_confirmed")


@pytest.mark.parametrize(("typed", "name"), [
    ("mo zei ik toch", "Mo"), ("Fatima. ik zeg al", "Fatima"), ("naam kim", "Kim"),
    ("ik ben Jens", "Jens"), ("anoniem", "anoniem")])
def test_a_name_is_read_without_the_chat_words_around_it(typed, name):
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say(typed, "inform")
    assert chat.slots["contact_name"] == name


@pytest.mark.parametrize("typed", ["ja doe maar", "gwn", "haha"])
def test_chat_words_are_never_a_name(typed):
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say(typed, "inform")
    assert not chat.slots.get("contact_name")


def test_a_reaction_is_not_consent():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("oh top", "affirm")
    assert chat.slots.get("consent_given") is not True


def test_no_consultant_wanted_means_no_more_offers():
    chat = Chat()
    chat.say("Nee. Ge moogt mij niet bellen. Ik wil alleen informatie.", "delete_my_data")
    assert chat.slots["offer_declined"] is True
    chat.say("ik zit vast in mijn job", "stuck")
    assert "utter_offer_consultant" not in chat.say("ik weet het niet", "inform")


def test_who_the_bot_is_is_answered_however_it_is_classified():
    chat = Chat()
    chat.say("hoi", "greet")
    assert chat.say("Wa zijt gij eigenlijk? Van welke vakbond?", "job_search") == [
        "utter_bot_challenge"]


def test_doei_is_a_goodbye_even_when_misread():
    chat = Chat()
    chat.say("hoi", "greet")
    assert chat.say("doei", "stuck") == ["utter_goodbye"]


@pytest.mark.parametrize("typed", [
    "Nee, niet wissen. Ik vroeg alleen of ze mij gaan mailen en niet bellen.",
    "nee", "niet verwijderen hoor"])
def test_no_to_the_deletion_question_never_deletes(typed):
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("wis mijn gegevens", "delete_my_data")
    chat.say(typed, "delete_my_data")
    assert "erase" not in chat.effects


def test_a_question_about_the_request_is_not_a_withdrawal():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ingrid", "mailen", "ingrid@example.nl", "Utrecht", "ja"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    names = chat.say("Ze gaan me toch niet bellen hè?", "manage_request")
    assert "utter_ask_withdraw_confirm" not in names
    assert chat.effects[-1] == "show_request"


def test_ik_ben_with_a_lower_case_name_at_the_name_question():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("ik ben fatima", "inform")
    assert chat.slots["contact_name"] == "Fatima"


def test_health_leaves_the_request_when_the_person_asks():
    chat = Chat()
    chat.say("ik zit thuis met een burn-out", "workload_health")
    chat.say("ik wil een consulent", "request_human")
    for text in ("ja", "Ingrid", "mailen", "ingrid@example.nl", "Utrecht"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    names = chat.say("Moet dat er echt bij, dat van die gezondheid?", "enjoy_work")
    assert names[0] == "utter_health_removed"
    assert "workload_health" not in chat.slots["topics"]
    assert "ezondheid" not in chat.last.says[-1].values["summary"]


def test_feeling_overwhelmed_in_the_form_gets_room_not_the_same_question_only():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    assert chat.say("ik weet het even niet meer", "stuck")[0] == "utter_take_time"


def test_a_goodbye_at_the_end_of_a_message_is_a_goodbye():
    chat = Chat()
    chat.say("ik wil doorgroeien", "career_growth")
    assert chat.say("Ah jammer. Ik zoek het zelf wel op. top, thanks! doei 👋",
                    "career_change") == ["utter_goodbye"]


def test_no_call_wanted_is_not_a_request_to_erase():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("Nee. Ge moogt mij niet bellen. Ik wil alleen informatie.",
                     "delete_my_data")
    assert "utter_ask_delete_confirm" not in names
    assert chat.slots["offer_declined"] is True


def test_leaving_and_coming_back_in_the_form_loses_nothing_and_stores_no_goodbye():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Sanne", "whatsapp", "0612345680"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    assert chat.slots["pending"] == "time"
    assert chat.say("oke. moet nu ff gaan werken, doei!", "goodbye") == ["utter_form_paused"]
    assert not chat.slots.get("contact_time")
    names = chat.say("hoi ben er weer", "greet")
    assert names == ["utter_welcome_back", "utter_ask_contact_time"]
    assert not chat.slots.get("region")


def test_no_end_date_on_a_zero_hours_contract_is_not_a_denial_of_the_topic():
    chat = Chat()
    chat.say("ik heb een nulurencontract", "flex_contract")
    names = chat.say("er is geen einddatum het is nuluren. moeten ze me na 12 maanden vaste "
                     "uren geven", "flex_contract")
    assert "utter_sorry_topic" not in names
    assert "flex_contract" in chat.slots["topics"]


def test_maakt_niet_uit_app_gewoon_chooses_the_app():
    from bot.dialogue.pickup import pick_channel

    # Reported: "maakt nie uit app gewoon" was heard as "no WhatsApp".
    assert pick_channel("maakt nie uit app gewoon")[1] == set()


def test_a_request_for_simpler_dutch_is_not_an_unanswerable_question():
    chat = Chat()
    chat.say("contract stop. baas wil niet verder", "flex_contract")
    names = chat.say("sorry mijn nederlands is niet goed. kan u makkelijk zeggen?", "inform")
    assert names == ["utter_simpler"]


def test_a_permanent_contract_is_not_taken_for_flex_work():
    chat = Chat()
    names = chat.say("ik heb een vast contract in de logistiek", "flex_contract",
                     entities=[{"entity": "contract_type", "value": "vast"}])
    assert "utter_topic_flex_contract" not in names
