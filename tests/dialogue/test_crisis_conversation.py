"""Crisis in the conversation: three levels, the check question, repair, and staying
involved (issue 11, item 4)."""

from __future__ import annotations

from conversation_support import Chat, knowledge


def test_a_clear_statement_gets_the_crisis_answer_and_an_offer_without_a_form():
    chat = Chat()
    names = chat.say("iedereen is beter af zonder mij", "crisis", crisis_level="clear")
    # Safety first: the numbers come before the introduction.
    assert names[:3] == ["utter_crisis", "utter_crisis_help", "utter_crisis_offer_human"]
    assert names[-1] == "utter_disclosure"
    assert chat.slots["safety_flag"] is True
    chat.say("ja", "affirm")
    assert chat.slots["pending"] == "consent"
    chat.say("ja", "affirm")
    # After a crisis only how to reach the person is asked: no name, no region.
    assert chat.slots["pending"] == "channel"
    chat.say("bellen", "inform")
    chat.say("0612345678", "inform")
    assert chat.slots["pending"] == "summary"
    chat.say("ja", "affirm")
    assert chat.tickets and chat.tickets[0]["safety_flag"] is True


def test_the_whole_block_is_not_repeated_for_a_second_statement():
    chat = Chat()
    chat.say("ik wil dood", "crisis", crisis_level="clear")
    names = chat.say("ik meen het, ik wil er niet meer zijn", "crisis", crisis_level="clear")
    assert "utter_crisis" not in names
    assert "utter_crisis_again" in names


def test_a_possible_signal_gets_one_check_question_and_no_continues_the_topic():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik kan niet meer, het werk is te zwaar", "workload_health",
                     crisis_level="possible", topics=["workload_health"])
    assert names == ["utter_crisis_check"]
    names = chat.say("nee", "deny")
    assert names[0] == "utter_crisis_check_no"
    assert "utter_topic_workload_health" in names
    assert not chat.slots.get("safety_flag")


def test_yes_to_the_check_question_gets_the_crisis_answer():
    chat = Chat()
    chat.say("het hoeft allemaal niet meer", "stuck", crisis_level="possible")
    names = chat.say("ja", "affirm")
    assert "utter_crisis" in names
    assert chat.slots["safety_flag"] is True


def test_a_crisis_in_the_middle_of_the_form_keeps_the_form():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Rob", "inform")
    names = chat.say("eigenlijk wil ik er niet meer zijn", "crisis", crisis_level="clear")
    assert "utter_crisis" in names
    assert "utter_crisis_form_continue" in names
    assert chat.slots["handover"] is True
    assert chat.slots["pending"] == "channel"


def test_the_check_question_in_the_form_and_no_returns_to_the_form():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("ik zie het niet meer zitten", "stuck", crisis_level="possible")
    assert chat.slots["pending"] == "crisis_check"
    names = chat.say("nee hoor", "deny")
    assert names[-1] == "utter_ask_contact_name"
    assert chat.slots["pending"] == "name"


def test_leaving_after_a_crisis_gets_113_and_112():
    chat = Chat()
    chat.say("ik wil mezelf iets aandoen", "crisis", crisis_level="clear")
    assert chat.say("laat maar. doei", "goodbye") == ["utter_crisis_declined"]
    assert chat.say("doei", "goodbye") == ["utter_goodbye_safety"]


def test_a_misread_statement_gets_an_apology_and_the_topic_back():
    chat = Chat()
    chat.say("mijn knieën houden het niet tot mijn pensioen", "retirement")
    chat.say("ik wil niet dat er dingen over mijn rug in staan", "crisis",
             crisis_level="clear")
    names = chat.say("WAT?? zo bedoel ik het niet", "not_what_i_meant")
    assert names[0] == "utter_sorry_misread"
    assert chat.slots["safety_flag"] is False


def test_a_thank_you_is_never_a_crisis():
    chat = Chat()
    assert "utter_crisis" not in chat.say("je hebt me echt op weg geholpen", "thank")


def test_no_to_the_offer_after_a_crisis_is_a_decline_not_a_misreading():
    chat = Chat()
    chat.say("ik sta op het perron en denk aan springen", "crisis", crisis_level="clear")
    assert chat.say("nee", "deny") == ["utter_crisis_declined"]
    assert chat.slots["safety_flag"] is True
    assert chat.say("laat maar. doei", "goodbye") == ["utter_goodbye_safety"]


def test_a_protest_after_the_crisis_answer_gets_an_apology():
    chat = Chat()
    chat.say("ik wil niet dat er dingen over mijn knieen in staan", "crisis",
             crisis_level="clear")
    names = chat.say("WAT?? ik wil me niet van kant maken hoor", "deny")
    assert names[0] == "utter_sorry_misread"


def test_a_check_question_laughed_off_still_leaves_113_and_flags_the_request():
    chat = Chat()
    chat.say("ik zie het soms niet meer zitten", "stuck", crisis_level="possible")
    names = chat.say("laat maar, grapje. ging over werk toch", "inform")
    assert names[0] == "utter_crisis_soft"
    assert chat.slots["safety_flag"] is True
    chat.say("doei", "goodbye")
    assert chat.last.names() == ["utter_goodbye_safety"]


def test_refusing_to_call_113_is_not_a_refusal_to_be_called_by_us():
    chat = Chat()
    chat.say("ik ga niet bellen met 113 ofzo, ik wil gewoon ander werk", "career_change")
    assert not chat.slots.get("refused_channels")


def test_after_two_check_questions_a_third_signal_gets_the_numbers_not_a_question():
    chat = Chat()
    chat.say("ik kan niet meer", "workload_health", crisis_level="possible")
    chat.say("nee", "deny")
    chat.say("het hoeft allemaal niet meer", "stuck", crisis_level="possible")
    chat.say("nee hoor", "deny")
    names = chat.say("tot maandag, als ik er dan nog ben", "goodbye", crisis_level="possible")
    assert "utter_crisis_check" not in names
    assert "utter_crisis_soft" in names


def test_laughing_off_the_offer_after_a_crisis_keeps_113_in_view():
    chat = Chat()
    chat.say("soms denk ik dat ze zonder mij beter af zijn", "crisis", crisis_level="clear")
    assert chat.say("laat maar, grapje. ging over werk toch", "inform") == [
        "utter_crisis_declined"]


def test_refusing_to_call_113_is_no_misreading_and_a_work_question_after_it_is_answered():
    # Role-play round 3 (and p24): "ik ga echt niet bellen" after the crisis answer got
    # "Sorry, dan begreep ik je verkeerd" and the safety flag was dropped.
    chat = Chat()
    chat.say("het maakt niet meer uit, ik wil er niet meer zijn", "crisis", crisis_level="clear")
    names = chat.say("ik ga echt niet bellen", "deny")
    assert "utter_sorry_misread" not in names
    assert names == ["utter_crisis_declined"]
    assert chat.slots["safety_flag"] is True
    chat.say("kan ik minder uren werken bij mijn tweede baan?", "work_life_balance",
             knowledge=knowledge("minder_uren_werken", "work_life_balance"))
    assert "ANSWER minder_uren_werken" in chat.texts()
    names = chat.say("grapje, laat maar", "deny", crisis_level="possible")
    assert "utter_crisis_check" not in names  # no second interrogation; the flag stays
    assert chat.slots["safety_flag"] is True


def test_saying_we_misread_still_clears_the_crisis_reading():
    chat = Chat()
    chat.say("ik ben er klaar mee", "crisis", crisis_level="clear")
    names = chat.say("nee zo bedoel ik het niet, ik ben klaar met mijn baas", "deny")
    assert "utter_sorry_misread" in names
