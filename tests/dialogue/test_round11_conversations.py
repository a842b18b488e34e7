"""Failures role-played members met in round 11 (docs/conversation-review.md), written as
new cases. Each failed on the engine before its fix (checked on 5241d86)."""

from __future__ import annotations

import re

from conversation_support import Chat

from bot.dialogue.pickup import pick_up
from bot.dialogue.turn import looks_like_question
from bot.knowledge.entries import Entry
from bot.knowledge.retriever import Match, mentioned, shared_retriever


def test_leave_this_out_is_left_out_not_pasted_in():
    # p45: "… en zet maar niet in dat ik zwanger ben" appeared word for word on the card.
    chat = Chat()
    chat.walk_to_summary()
    chat.say("hij deed normaal tot ik zei dat ik zwanger ben. mijn contract wordt niet "
             "verlengd en ik wil weten wat ik kan doen", "inform")
    assert "zwanger" in (chat.slots.get("summary_text") or "")
    names = chat.say("ja klopt, en zet maar niet in dat ik zwanger ben", "affirm")
    assert "utter_kept_out" in names
    assert "zwanger" not in (chat.slots.get("summary_text") or "")
    assert not chat.slots.get("summary_confirmed")


def test_a_follow_up_line_is_not_said_twice():
    # p40: five different questions got the same BIG paragraph.
    entry = Entry(id="buitenlands_diploma", topic="career_change", region="nl", facts=(),
                  questions=("q",), answer=("LINE ONE", "LINE BIG"))
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik ben apotheker uit syrie, kan ik hier werken?", "career_change",
             knowledge=Match(entry, 0.9))
    chat.say("en wat is dat BIG register dan precies voor iets?", "career_change",
             knowledge=Match(entry, 0.6, line="LINE BIG"))
    assert "LINE BIG" in chat.texts()
    names = chat.say("heeft een assistent in de apotheek dat ook nodig dan?", "career_change",
                     knowledge=Match(entry, 0.6, line="LINE BIG"))
    assert "LINE BIG" not in chat.texts()
    assert "utter_knowledge_no_better" in names


def test_thanks_with_a_question_is_a_question():
    # p40: "Dank u … Kunt u langzaam uitleggen? Ik begrijp niet alles" -> "Graag gedaan."
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("Dank u. Kunt u langzaam uitleggen? Ik begrijp niet alles", "thank")
    assert "utter_thank" not in names


def test_worn_out_in_two_words_is_heard():
    # p43: "ik ben gewoon op. echt op" -> "Dat snap ik helaas niet … je pensioen".
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik ben gewoon op. echt op", "nlu_fallback", confidence=0.3)
    assert "utter_default" not in names
    assert any("workload_health" in n for n in names), names


def test_how_do_i_make_is_a_question():
    # p38: "bro ik zei ik heb geen cv. hoe maak ik dat" -> "Dank je dat je dat vertelt."
    assert looks_like_question("bro ik zei ik heb geen cv. hoe maak ik dat")


def test_asking_for_the_consultant_in_these_words_starts_the_request():
    # p41: "laat die consulent maar meekijken" -> "Dat klinkt niet makkelijk."
    # p46: "Ik wil graag contact met een consulent … vóór vrijdag" -> a topic menu.
    for text in ("laat die consulent maar meekijken",
                 "Ik wil graag contact met een consulent, vóór vrijdag"):
        chat = Chat()
        chat.say("hoi", "greet")
        chat.say("ik zoek werk", "job_search", topics=["job_search"])
        names = chat.say(text, "job_search", confidence=0.5)
        assert "utter_ask_consent_given" in names, (text, names)


def test_no_pension_for_an_older_man_without_work_who_asks_who_will_hire_him():
    # p42: "En wie neemt mij nou nog aan, op mijn leeftijd?" -> "Goed dat je nu al over je
    # pensioen nadenkt".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik ben werkloos, mijn ww loopt af", "unemployed", topics=["unemployed"])
    names = chat.say("En wie neemt mij nou nog aan, op mijn leeftijd?", "retirement",
                     confidence=0.7, topics=["retirement"])
    assert "utter_topic_retirement" not in names


def test_app_maar_is_whatsapp():
    # p45: "app maar 😊 06-12345945" was stored as "bellen".
    assert pick_up("app maar 😊 06-12345945").channel == "whatsapp"


def test_not_suing_anyone_is_no_question_about_suing():
    # p46: "Ik wil niemand aanklagen, en van discriminatie is geen sprake" -> the suing text.
    entries = shared_retriever().entries
    assert mentioned(entries, "Ik wil niemand aanklagen, en van discriminatie is geen "
                              "sprake") is None
    assert mentioned(entries, "kan ik mijn baas aanklagen") is not None
    # "Moet ik een advocaat nemen?" about a settlement is no question about suing either.
    assert mentioned(entries, "Moet ik een advocaat nemen voor die overeenkomst?") is None


def test_the_ww_answer_says_what_26_weeks_means_in_months():
    # p38, p44: "5 maanden, is dat genoeg?" never got the rule applied.
    entry = next(e for e in shared_retriever().entries if e.id == "ww_voorwaarden")
    assert any(re.search(r"6 maanden", line) for line in entry.answer)


def test_can_the_consultant_reach_me_before_friday_is_answered_and_starts_the_request():
    # p46: "Kan de consulent mij vóór vrijdag spreken?" -> "Daar heb ik geen goed antwoord op".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mij is een vaststellingsovereenkomst aangeboden", "job_insecurity",
             topics=["job_insecurity"])
    names = chat.say("Kan de consulent mij vóór vrijdag spreken?", "request_human")
    assert "utter_consultant_when" in names
    assert "utter_no_answer" not in names
    assert chat.slots.get("urgent_request") is True
    assert chat.slots.get("handover") is True


def test_leaving_something_out_warns_when_the_earlier_chat_is_shared():
    # Round 12, p45: "zet maar niet in dat ik zwanger ben" with "Eerdere chat delen: ja".
    chat = Chat(choices="allebei ja")
    chat.walk_to_summary()
    assert chat.slots.get("share_history") is True
    names = chat.say("zet maar niet in dat ik zwanger ben", "inform")
    assert "utter_kept_out_chat_shared" in names


def test_zo_is_het_juist_is_no_question():
    # Round 12, p46: "Ja, zo is het juist. Versturen graag." was not taken as a yes.
    assert not looks_like_question("Ja, zo is het juist. Versturen graag.")
    assert not looks_like_question("bel maar in de middag, dan ben ik meestal vrij")
    assert looks_like_question("ben ik te oud voor een nieuwe baan")
    assert looks_like_question("ik twijfel, is het normaal dat hij dat zegt")
    chat = Chat()
    chat.walk_to_summary()
    chat.say("Ja, zo is het juist. Versturen graag.", "affirm")
    assert chat.effects == ["create_ticket"]


def test_applying_for_a_benefit_is_no_question_about_our_request():
    # Round 12, p42: "Wanneer moet ik die bijstand aanvragen" -> his ticket shown back.
    chat = Chat()
    chat.walk_to_summary()
    chat.say("ja", "affirm")
    chat.say("Wanneer moet ik die bijstand aanvragen", "manage_request")
    assert chat.effects[-1] != "show_request"


def test_sending_someone_else_a_mail_is_no_way_to_reach_me():
    # Round 12, p48: "moet ik die payroll gasten een mailtje sturen ofzo?" -> "Genoteerd:
    # contact via e-mail." before any consent.
    assert pick_up("nee nog niet. moet ik die payroll gasten een mailtje sturen ofzo?"
                   ).channel is None
    assert pick_up("stuur me een mailtje").channel == "email"
