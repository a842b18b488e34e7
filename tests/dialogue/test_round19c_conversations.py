"""Failures of round 19c (docs/reviews/round19c/: p83 Eritrean order picker who wants to
become an electrician, p84 angry team leader who wants to resign tomorrow), fixed in
session 19 and written as new cases in other words. Each failed on the engine before its
fix (checked on 426a686), except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.patterns import SIMPLER, wanted_job
from bot.handover.topics import build_summary
from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match


def _warned_about_resigning() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik stop er volgende week mee, krijg ik dan nog een uitkering?", "unemployed",
             confidence=0.9, knowledge=knowledge("zelf_ontslag_ww", "job_insecurity"))
    assert chat.slots.get("pending") == "offer", chat.last
    return chat


def test_a_mortgage_after_the_resigning_warning_is_heard_not_out_of_scope():
    # p84: "geen ww?? ik heb een hypotheek met mn vriendin" -> "Dat valt buiten wat ik weet".
    chat = _warned_about_resigning()
    names = chat.say("echt niks?? we hebben net een hypotheek afgesloten", "out_of_scope",
                     confidence=0.3)
    assert "utter_out_of_scope" not in names, names
    assert names[:2] == ["utter_income_worry", "utter_income_worry_resigning"], names
    assert chat.slots.get("pending") == "offer"  # the open offer stays open


def test_an_income_worry_without_a_resignation_gets_no_resigning_advice():
    # guard: the worry is heard, the warning about resigning only after it was given
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("de rekeningen blijven maar komen en ik heb geen inkomen", "out_of_scope",
                     confidence=0.3)
    assert "utter_income_worry" in names, names
    assert "utter_income_worry_resigning" not in names, names


def test_a_furious_man_about_his_manager_gets_no_menu_with_growth():
    # p84: "ik ben er KLAAR mee. die nieuwe manager zet me voor schut" -> "conflict op het
    # werk, of over doorgroeien?"
    chat = Chat()
    names = chat.say("ben er helemaal klaar mee, mijn chef zet me gewoon voor lul bij iedereen",
                     "conflict_at_work", confidence=0.45, topics=[])
    assert "utter_topic_choice_two" not in names, names
    assert "utter_topic_conflict_at_work" in names, names
    chat = Chat()
    names = chat.say("mijn manager en ik praten over doorgroeien", "conflict_at_work",
                     confidence=0.45, topics=[])
    assert "utter_topic_conflict_at_work" not in names, names  # guard: still unsure


def test_the_work_he_wants_is_said_back_and_not_asked_again():
    # p83: "ik wil elektricien worden" -> "Welk werk trekt je, en wat spreekt je daarin aan?"
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik vul vakken bij de supermarkt maar ik wil later loodgieter worden",
                     "career_change", confidence=0.8, topics=["career_change"])
    assert "utter_deepen_career_change" not in names, names
    assert "utter_deepen_career_change_known" in names, names
    [say] = [s for s in chat.last.says if s.response == "utter_deepen_career_change_known"]
    assert say.values["wanted_job"] == "loodgieter"
    names = chat.say("loodgieter ja. maar ik heb geen diploma", "training", confidence=0.6,
                     topics=["training"])
    assert "utter_deepen_training" not in names, names


def test_the_wanted_job_is_on_the_card():
    # p83's card said "overstappen naar ander werk" and nothing about the electrician.
    summary = build_summary(["career_change"], wanted_job="elektricien")
    assert "Je wilt elektricien worden." in summary, summary


def test_a_wanted_job_is_read_from_common_wordings_only():
    assert wanted_job("ik wil graag als kapper werken") == "kapper"
    assert wanted_job("ik zou graag verpleegkundige worden") == "verpleegkundige"
    assert wanted_job("ik wil monteur. echt vak") == "monteur"
    for text in ("ik wil niet ontslagen worden", "ik wil weer gezond worden",
                 "ik wil graag gezien worden", "ik wil meer uren", "ik wil vast worden"):
        assert wanted_job(text) is None, text  # guards


def test_no_i_mean_is_a_correction_not_a_no_to_the_offer():
    # p83: "nee ik bedoel bbl school. kost geld?" counted as declining the consultant.
    chat = _warned_about_resigning()
    chat.say("nee ik bedoelde de opzegtermijn, hoe lang is die?", "deny", confidence=0.5)
    assert not chat.slots.get("offer_declined"), chat.slots
    chat = _warned_about_resigning()
    chat.say("nee dank je", "deny", confidence=0.9)
    assert chat.slots.get("offer_declined") is True  # guard


def test_working_via_an_agency_said_in_passing_is_no_flex_topic():
    # p83: "ik werk in magazijn via uitzendbureau. ik wil elektricien worden" -> "Je noemt
    # ook een flexcontract", and the card listed it.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik sta in de kas via een uitzendbureau maar ik wil kok worden",
                     "career_change", confidence=0.8, topics=["career_change", "flex_contract"])
    assert "utter_second_topic" not in names, names
    assert "flex_contract" not in chat.slots.get("topics"), chat.slots
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik werk via een uitzendbureau en mijn contract loopt af, ik wil kok worden",
             "career_change", confidence=0.8, topics=["career_change", "flex_contract"])
    assert "flex_contract" in chat.slots.get("topics"), chat.slots  # guard


def test_too_long_asks_for_easier_words_and_later_answers_stay_easy():
    # p83: "te lang tekst. kan simpel?" got the same three long bubbles; the next answer
    # was long again.
    assert SIMPLER.search("die tekst is te lang voor mij")
    assert not SIMPLER.search("ik werk daar al te lang")  # guard
    bbl = entry_by_id("leren_en_werken_bbl")
    evc = entry_by_id("ervaring_zonder_diploma")
    assert bbl is not None and evc is not None
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("wat is bbl eigenlijk?", "training", confidence=0.8,
             knowledge=Match(bbl, 0.6), topics=["training"])
    chat.say("te veel tekst voor mij, makkelijk aub", "nlu_fallback", confidence=0.3)
    assert chat.texts() == [bbl.simple], chat.texts()
    chat.say("telt mijn werk in mijn land dan?", "nlu_fallback", confidence=0.3,
             knowledge=Match(evc, 0.5))
    assert evc.simple in chat.texts(), chat.texts()
    assert evc.answer[0] not in chat.texts()


# Round 19b leftovers: advice to ask the employer for who keeps it from the employer.

def test_a_member_who_keeps_it_from_the_employer_is_not_told_to_ask_him():
    # p82 (round 19b): "vraag je leidinggevende of HR" to a teacher whose school must not know.
    entry = entry_by_id("stap_budget_gestopt")
    assert entry is not None and any("Vraag je werkgever" in a for a in entry.answer)
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn baas mag het niet weten dat ik hier ben", "inform", confidence=0.6)
    assert chat.slots.get("employer_secret") is True
    chat.say("bestaat het stap budget nog?", "funding", confidence=0.8,
             knowledge=Match(entry, 0.7), topics=["funding"])
    assert not any("werkgever" in t and "Vraag" in t for t in chat.texts()), chat.texts()
    assert any("STAP-budget" in t for t in chat.texts()), chat.texts()  # the answer itself


def test_the_employer_kept_out_in_more_wordings():
    from bot.dialogue.patterns import EMPLOYER_SECRET

    for text in ("Mijn werkgever hoeft hier niets van te weten.",
                 "ik wil niet dat mijn baas het weet"):
        assert EMPLOYER_SECRET.search(text), text
    assert not EMPLOYER_SECRET.search("mijn werkgever weet het al")  # guard
