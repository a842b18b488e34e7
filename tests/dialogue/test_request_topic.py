"""A request says what it is about. Role-play round 2 and 3: tickets of people who
asked for a person at once had the topic `request_human`, and a correction typed at
the summary ("nee, het gaat ook over ...") replaced the summary verbatim without
adding the topic. Each test failed before the fix."""

from __future__ import annotations

from conversation_support import Chat


def start_without_topic(chat: Chat) -> None:
    chat.say("ik wil iemand spreken", "request_human")
    assert chat.slots["pending"] == "consent"
    chat.say("ja", "affirm")


def test_a_request_without_a_topic_asks_what_it_is_about_once():
    chat = Chat()
    start_without_topic(chat)
    assert chat.slots["pending"] == "about"
    assert chat.last.says[-1].response == "utter_ask_about"
    names = chat.say("mijn contract wordt niet verlengd", "flex_contract",
                     topics=["flex_contract"])
    assert chat.slots["topics"] == ["flex_contract"]
    assert chat.slots["primary_topic"] == "flex_contract"
    assert "utter_ask_contact_name" in names


def test_not_knowing_what_it_is_about_is_fine():
    chat = Chat()
    start_without_topic(chat)
    chat.say("weet ik niet precies", "nlu_fallback")
    assert chat.slots["pending"] == "name"


def test_the_answer_in_own_words_reaches_the_summary():
    chat = Chat()
    start_without_topic(chat)
    chat.say("gedoe met mijn rooster en ik wil weten wat mijn rechten zijn", "nlu_fallback")
    assert "mijn rooster" in chat.slots["summary_text"]


def test_a_topic_added_at_the_summary_joins_the_request_and_is_not_pasted_verbatim():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ingrid", "bellen", "06 12345678", "na 5 uur", "Breda"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    assert chat.slots["pending"] == "summary"
    names = chat.say("nee, het gaat ook over mijn pensioen", "retirement",
                     topics=["retirement"])
    assert "utter_ask_summary_edit" not in names
    assert chat.last.says[-1].response == "utter_ask_summary_confirmed"
    assert "retirement" in chat.slots["topics"]
    assert not chat.slots.get("summary_text")
    assert "pensioen" in chat.last.says[-1].values["summary"]
    chat.say("ja", "affirm")
    assert "retirement" in chat.tickets[0]["topics"]


def test_a_longer_correction_keeps_their_words_next_to_the_topics():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Ingrid", "bellen", "06 12345678", "na 5 uur", "Breda"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    chat.say("het gaat vooral om mijn contract dat stopt en dat ik dan zonder inkomen zit",
             "unemployed", topics=["unemployed"])
    summary = chat.last.says[-1].values["summary"]
    assert "Je wilt praten over" in summary and "In je eigen woorden:" in summary


def test_a_phone_number_sent_in_two_parts_is_one_number():
    chat = Chat()
    chat.walk_to_phone("Kim")
    assert chat.slots["pending"] == "phone"
    names = chat.say("06 1234", "inform")
    assert names == ["utter_phone_rest"]
    assert "utter_invalid_phone" not in names
    chat.say("5678", "inform")
    assert chat.slots["contact_phone"] == "+31612345678"
    assert chat.slots["pending"] == "time"


def test_a_whole_number_still_goes_in_one_message():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Kim", "bellen", "06 1234 5678"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    assert chat.slots["contact_phone"] == "+31612345678"


def test_a_contract_of_one_year_is_a_fixed_term_contract():
    chat = Chat()
    chat.say("ik heb contract van 1 jaar bij schoonmaakbedrijf", "flex_contract")
    assert chat.slots["contract_type"] == "tijdelijk"
    chat = Chat()
    chat.say("6 maanden contract, daarna weet ik niet", "flex_contract")
    assert chat.slots["contract_type"] == "tijdelijk"
    chat = Chat()
    chat.say("ik werk hier al 1 jaar", "inform")
    assert not chat.slots.get("contract_type")


def test_a_first_part_then_the_whole_number_is_the_whole_number():
    chat = Chat()
    chat.walk_to_consent()
    for text in ("ja", "Kim", "bellen", "06 1234"):
        chat.say(text, "affirm" if text == "ja" else "inform")
    chat.say("06-12345678", "inform")
    assert chat.slots["contact_phone"] == "+31612345678"
