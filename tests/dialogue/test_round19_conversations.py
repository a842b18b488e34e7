"""Failures of round 19 (docs/reviews/round19/: p68 home care, p82 teacher back from a
burn-out), fixed in session 18 and written as new cases. Each failed on the engine before its
fix (checked on ce6a242), except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.patterns import TOO_MUCH_WORK
from bot.dialogue.turn import looks_like_question
from bot.knowledge.entries import Entry
from bot.knowledge.retriever import Match


def _home_care_with_the_first_tip() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("niet echt nee ik werk in de thuiszorg en ik heb vandaag 14 clienten gehad en "
             "tussen door huil ik in de auto", "workload_health", confidence=0.9,
             topics=["workload_health"])
    names = chat.say("gewoon te veel alles moet sneller de planning zit helemaal vol en als er "
                     "iemand ziek is krijg je er nog 3 bij en dan sta je om 7 uur s avonds nog "
                     "te rapporteren", "workload_health", confidence=0.88,
                     topics=["workload_health"])
    assert "utter_selfhelp_workload_health" in names, names
    return chat


def test_her_full_planning_is_named_back_before_the_tip():
    # p68: the tip list came first, nothing of what she said was named back.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("niet echt nee ik werk in de thuiszorg en ik heb vandaag 14 clienten gehad",
             "workload_health", confidence=0.9, topics=["workload_health"])
    names = chat.say("gewoon te veel alles moet sneller de planning zit helemaal vol en als er "
                     "iemand ziek is krijg je er nog 3 bij", "workload_health", confidence=0.88,
                     topics=["workload_health"])
    assert names.index("utter_too_much_heard") < names.index("utter_selfhelp_workload_health")
    assert TOO_MUCH_WORK.search("en dan sta je om 7 uur s avonds nog te rapporteren")
    assert not TOO_MUCH_WORK.search("de planning is gemaakt")  # guard


def test_a_manager_who_says_everyone_is_busy_gets_a_step_past_him():
    # p68: "mijn teamleider zegt iedereen heeft het druk" -> "Dank je dat je dat vertelt." and
    # "Waar kan ik je nog mee helpen?".
    chat = _home_care_with_the_first_tip()
    names = chat.say("heb ik al geprobeerd maar mijn teamleider zegt iedereen heeft het druk",
                     "workload_health", confidence=0.62)
    assert "utter_everyone_busy" in names, names
    assert "utter_selfhelp_workload_health_next" in names, names


def test_what_now_after_every_tip_gets_the_consultant_not_the_capabilities():
    # p68: "wat moet ik dan" -> "Ik denk met je mee over werk en loopbaan. Bijvoorbeeld ..."
    chat = _home_care_with_the_first_tip()
    chat.say("heb ik al geprobeerd maar mijn teamleider zegt iedereen heeft het druk",
             "workload_health", confidence=0.62)
    names = chat.say("wat moet ik dan", "ask_capabilities", confidence=0.87)
    assert "utter_ask_capabilities" not in names, names
    assert "utter_out_of_tips" in names, names


def test_can_a_consultant_help_me_is_a_request():
    # p82: "Kan een consulent mij daarbij helpen? Dan graag per mail." -> a coffee tip.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik wil misschien iets heel anders gaan doen, bibliotheek of volwassenenonderwijs",
             "career_change", confidence=0.8, topics=["career_change"])
    chat.say("Oké. Ik denk dat ik het beste met iemand kan meedenken over een andere richting. "
             "Kan een consulent mij daarbij helpen? Dan graag per mail.", "career_change",
             confidence=0.5)
    assert chat.slots.get("pending") == "consent", chat.last
    assert chat.slots.get("contact_channel") == "email", chat.slots


def test_asking_what_a_consultant_does_is_no_request():
    # guard
    chat = Chat()
    chat.say("wat doet een consulent eigenlijk?", "ask_how_it_works", confidence=0.8,
             knowledge=knowledge("wat_doet_loopbaanconsulent", "ask_how_it_works"))
    assert chat.slots.get("pending") != "consent"


def test_not_knowing_how_to_make_a_cv_asks():
    # p81: "ik weet niet eens meer hoe je een cv maakt" got a vacancy tip.
    assert looks_like_question("Maar sorry, ik weet niet eens meer hoe je een cv maakt, de "
                               "laatste keer was bij het advocatenkantoor.")
    assert looks_like_question("Het gaat over mijn cv, hoe ik dat maak na zo'n lange tijd thuis.")
    assert looks_like_question("Ik vroeg eigenlijk of 45 niet te oud is om opnieuw te beginnen")
    assert not looks_like_question("ik weet niet of iemand nog op mij zit te wachten")  # guard


def test_a_re_integration_question_stays_off_the_card():
    # p82's card quoted "of mag re-integratie ook bij een andere werkgever?": sick leave, which
    # the card may only name as "gezondheid speelt mee".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Moet ik terug naar mijn eigen school, of mag re-integratie ook bij een andere "
             "werkgever?", "workload_health", confidence=0.6,
             knowledge=knowledge("reintegratie_stappen", "workload_health"))
    chat.say("Welk werk past bij mij als ik geen docent meer wil zijn?", "career_change",
             confidence=0.8, topics=["career_change"])
    asked = chat.slots.get("questions_asked") or []
    assert not any("integr" in q for q in asked), asked
    assert any("docent" in q for q in asked), asked  # guard: other questions still go on


# Round 19b: the round-19 personas again on the fixes.

def test_doubting_the_right_place_opens_a_story_and_asks_nothing():
    # p82: her opening story got "Daar heb ik geen goed antwoord op, sorry."
    assert not looks_like_question(
        "Hallo. Ik weet eerlijk gezegd niet goed of ik hier aan het juiste adres ben, maar ik "
        "probeer het maar. Ik ben docent en zit sinds april thuis met een burn-out.")
    assert looks_like_question("ben ik hier wel aan het goede adres?")  # guard


def test_resigning_tomorrow_makes_the_request_urgent():
    # p84's ticket was normal and due in three days: "ik neem morgen ontslag".
    chat = Chat()
    chat.say("ik neem morgen ontslag, krijg ik dan ww?", "unemployed", confidence=0.89,
             knowledge=knowledge("zelf_ontslag_ww", "job_insecurity"))
    assert chat.slots.get("urgent_request") is True
    chat = Chat()
    chat.say("ik heb ooit ontslag genomen bij de bakker", "unemployed", confidence=0.6)
    assert not chat.slots.get("urgent_request")  # guard


def test_asking_for_sooner_contact_without_a_deadline_claims_none():
    # p84: "Je aanvraag staat erin met je deadline", while the ticket had none.
    chat = Chat()
    chat.walk_to_summary()
    chat.say("ja", "affirm")
    assert chat.tickets
    names = chat.say("woensdag?? dat is te laat", "inform")
    assert "utter_contact_sooner_no_deadline" in names, names
    assert "utter_contact_sooner" not in names, names


def test_a_returners_card_does_not_say_she_has_no_work():
    # p81: "ik zou eigenlijk niet zeggen dat ik geen werk heb, ik was thuis voor de kinderen",
    # and the card still began "Je hebt nu geen werk."
    from bot.handover.topics import build_summary

    summary = build_summary(["job_search"], out_of_work=True, returner=True)
    assert "geen werk" not in summary, summary
    assert "weer aan het werk" in summary, summary


def test_a_linked_cost_question_gets_the_school_cost_not_ours():
    # p83 (round 19b): "nee ik bedoel bbl school. kost geld?" got what the chat costs.
    entry = Entry(id="leren_en_werken_bbl", topic="career_change", region="nl", facts=(),
                  questions=("q",), answer=("BBL LINE", "CURSUSGELD LINE"))
    chat = Chat()
    chat.say("hoi", "greet")
    chat.slots["knowledge_given"] = ["leren_en_werken_bbl"]
    chat.say("nee ik bedoel bbl school. kost geld?", "ask_cost", confidence=0.9,
             knowledge=Match(entry, 0.33, line="CURSUSGELD LINE", linked=True))
    assert "CURSUSGELD LINE" in chat.texts(), chat.last
    assert "utter_ask_cost" not in chat.last.names(), chat.last
