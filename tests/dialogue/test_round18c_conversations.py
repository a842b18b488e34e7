"""Failures of round 18c (docs/reviews/round18c/: p68, a home-care worker, and p81, a woman
back to work after twelve years at home), fixed in session 18 and written as new cases. Each
failed on the engine before its fix (checked on 0d0a487), except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.corrections import says_out_of_work
from bot.dialogue.patterns import URGENT
from bot.handover.topics import build_summary

RETURNER_OPENING = ("Goedemiddag, ik weet eigenlijk niet goed of ik hier goed zit, maar ik heb "
                    "eigenlijk 12 jaar thuis gezeten voor de kinderen en wil nu weer aan het "
                    "werk, maar ik weet niet of iemand nog op mij zit te wachten.")
HER_DAY = ("nou gewoon alles eigenlijk om kwart voor 7 begin ik met de eerste client steunkousen "
           "aan wassen medicijnen en dan heb ik 15 minuten per client en als iemand valt of in "
           "de war is loop je gelijk uit en dan moet je weer racen naar de volgende en parkeren "
           "in de wijk is ook een ramp en de planning klopt nooit en als ik een pauze neem loop "
           "ik achter dus ik eet mijn boterham in de auto en dan s middags nog de rapportage in "
           "de app en thuis zijn de kids en mijn man zegt je bent er nooit echt en s nachts lig "
           "ik wakker van wie ik vergeten ben")


def _returner() -> Chat:
    chat = Chat()
    chat.say(RETURNER_OPENING, "stuck", confidence=0.40,
             knowledge=knowledge("herintreden_na_jaren_thuis", "job_search"))
    return chat


def _home_care_offered() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("nee eigenlijk niet meer ik werk in de thuiszorg in tilburg en ik heb vandaag 14 "
             "clienten gehad en tussen door huil ik in de auto", "workload_health",
             confidence=0.9, topics=["workload_health"])
    chat.say(HER_DAY, "workload_health", confidence=0.35)
    assert chat.slots["pending"] == "offer", chat.last
    return chat


def test_a_returner_without_a_deadline_is_no_urgent_request():
    # p81's ticket was "high": "wil nu weer aan het werk, maar ... of iemand" and "ze zien
    # meteen dat gat" read as asking for speed.
    chat = _returner()
    chat.say("Maar is 45 niet te oud om opnieuw te beginnen? Ik ben bang dat ze bij een "
             "sollicitatie meteen dat gat van twaalf jaar zien.", "job_insecurity",
             confidence=0.40, knowledge=knowledge("gat_in_cv", "job_search"))
    assert not chat.slots.get("urgent_request"), chat.slots


def test_asking_for_speed_in_so_many_words_is_still_urgent():
    # guards
    for text in ("kan iemand me nu bellen", "bel me meteen", "het is dringend",
                 "ik wil vandaag nog iemand spreken", "kan ik nu met iemand praten"):
        assert URGENT.search(text), text
    for text in ("ik heb geen haast", "het is niet dringend", "ze zien meteen dat gat"):
        assert not URGENT.search(text), text


def test_twelve_years_without_work_is_out_of_work():
    # p81 got "Kijk ook wat je uit je huidige werk meeneemt".
    assert says_out_of_work("omdat ik al twaalf jaar niet gewerkt heb")
    assert says_out_of_work("Ik heb eigenlijk geen huidig werk, dat is het hem juist.")
    assert says_out_of_work(RETURNER_OPENING)
    assert not says_out_of_work("ik werk al 12 jaar thuis")  # guard: working from home


def test_career_change_advice_for_a_returner_speaks_of_no_current_work():
    chat = _returner()
    chat.say("nee", "deny")
    names = chat.say("ik wil eigenlijk iets heel anders gaan doen dan vroeger", "career_change",
                     confidence=0.9, topics=["career_change"])
    assert "utter_topic_career_change" not in names, names
    assert "utter_topic_career_change_no_work" in names, names


def test_the_liefst_with_a_consultant_is_a_request():
    # p81: "Ik denk dat ik dan toch het liefst even met zo'n consulent praat" -> "Dat klinkt
    # niet makkelijk. Fijn dat je het zegt."
    chat = _returner()
    chat.say("nee", "deny")
    names = chat.say("Iets anders eigenlijk. Ik denk dat ik dan toch het liefst even met zo'n "
                     "consulent praat, als dat kan terwijl ik geen lid ben.", "career_change",
                     confidence=0.49, topics=["career_change"])
    assert chat.slots.get("pending") == "consent", names


def test_liever_niet_with_a_consultant_is_no_request():
    # guard
    chat = _returner()
    chat.say("nee", "deny")
    chat.say("ik wil liever niet met een consulent praten", "career_change", confidence=0.49)
    assert chat.slots.get("pending") != "consent"


def test_her_husbands_words_in_a_story_of_her_day_are_no_disagreement():
    # p68: "Lastig als mensen om je heen er anders over denken dan jij" to her whole workday.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("nee eigenlijk niet meer ik werk in de thuiszorg in tilburg en ik heb vandaag 14 "
             "clienten gehad en tussen door huil ik in de auto", "workload_health",
             confidence=0.9, topics=["workload_health"])
    names = chat.say(HER_DAY, "workload_health", confidence=0.35)
    assert "utter_others_opinion" not in names, names
    assert "utter_too_much_awake_heard" in names, names


def test_a_side_question_keeps_the_offer_open_once():
    # p68: "moet ik me ziek melden dan?" right after the offer dropped it; her "ja dat wil ik
    # wel" two turns on got "Waar kan ik je nog mee helpen?".
    chat = _home_care_offered()
    names = chat.say("moet ik me ziek melden dan?", "workload_health", confidence=0.39,
                     knowledge=knowledge("ziekmelden_of_niet", "workload_health"))
    assert "utter_offer_still_open" in names, names
    assert chat.slots["pending"] == "offer"
    names = chat.say("mag ik ook zelf naar de bedrijfsarts?", "workload_health",
                     confidence=0.39, knowledge=knowledge("bedrijfsarts_zelf", "workload_health"))
    assert "utter_offer_still_open" not in names, names  # said once, never pushed
    chat.say("ja dat wil ik wel", "affirm", confidence=0.81)
    assert chat.slots["pending"] == "consent", chat.last


def test_the_card_names_work_pressure_and_health_only_as_a_note():
    # p68's card: "Je werkt in de zorg. Gezondheid speelt mee." and nothing of werkdruk.
    summary = build_summary(["workload_health"], sector="zorg")
    assert "werkdruk" in summary, summary
    assert "Gezondheid speelt mee." in summary
    assert "gezondheid" not in summary.split("Gezondheid speelt mee.")[0].lower()


def test_contact_typed_at_the_consent_question_gets_the_question_not_the_whole_text_again():
    # p81: her e-mail at "Mag ik dit delen?" -> noted, then the whole consent text again.
    chat = Chat()
    chat.walk_to_consent()
    names = chat.say("Per e-mail graag, dat is sandra.h@example.nl. Sorry dat het wat rommelig "
                     "ging.", "inform", entities=[{"entity": "email",
                                                   "value": "sandra.h@example.nl"}])
    assert "utter_explain_consent" not in names, names
    assert "utter_ask_consent_given" in names, names
    assert chat.slots["contact_email"] == "sandra.h@example.nl"
    chat.say("ja dat is goed, deel het maar", "affirm")
    assert chat.slots["pending"] == "name", chat.last


def test_a_question_about_this_service_stays_off_the_card_also_when_misread():
    # p81's card: "Je vroeg: „Ik weet niet of dat dan wel kan?”" (whether a non-member may
    # use the service, answered from the knowledge base after an nlu_fallback).
    chat = _returner()
    chat.say("Dank u wel, dat is eigenlijk al heel fijn om te lezen. Maar sorry, ben ik hier "
             "eigenlijk wel aan het goede adres, ik ben geen lid van een vakbond. Ik weet niet "
             "of dat dan wel kan?", "nlu_fallback", confidence=0.27,
             knowledge=knowledge("moet_ik_lid_zijn", "ask_cost"))
    asked = chat.slots.get("questions_asked") or []
    assert not any("lid" in q or "kan?" in q for q in asked), asked
