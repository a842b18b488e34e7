"""Knowledge round 16 (session 14, 2026-12-05): a VSO and what happens without a signature
(p67), Dutch lessons and becoming a team leader in cleaning (p70), the carer's diagnosis and
help for carers (p71), who pays outplacement and the "dop" in Flanders (p72). The members'
messages are pinned verbatim; the other phrasings were written apart from the example
questions (a test proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import (
    answer_of,
    found_id,
    near_miss_problem,
    overlapping,
    plain_and_sourced_problems,
)

from bot.knowledge.entries import entry_by_id
from bot.knowledge.in_conversation import closest_line
from bot.knowledge.retriever import shared_retriever

NEW_IDS = ["vso_niet_tekenen", "papieren_nakijken", "nederlands_leren", "teamleider_worden",
           "zorgverlof_diagnose_noemen", "mantelzorg_steun", "dop_na_opzeg_be"]

MEMBERS = [
    ("wat is een vso eigenlijk? die afkorting staat er boven", "vaststellingsovereenkomst_tekenen"),
    ("ik ben lid van de fnv. kunnen jullie dat papier nakijken?", "papieren_nakijken"),
    ("maar hij zegt voor vrijdag moet het anders is het bod weg. wat moet ik doen",
     "vso_niet_tekenen"),
    ("ok. en als ik niet teken? word ik dan gewoon ontslagen?", "vso_niet_tekenen"),
    ("eerst andere vraag. ik heb geen tijd, ik werk ook avond. waar kan ik nederlands leren?",
     "nederlands_leren"),
    ("ok. gemeente heeft ook cursus? of bibliotheek? mijn buurvrouw zegt taalhuis",
     "nederlands_leren"),
    ("ok. en teamleider worden, hoe doe ik dat? moet ik diploma?", "teamleider_worden"),
    ("Ja, dat las ik, maar betekent aannemelijk maken dat ik de diagnose moet noemen? Of is het "
     "genoeg als ik zeg dat mijn moeder zorg nodig heeft?", "zorgverlof_diagnose_noemen"),
    ("Dat begrijp ik. Andere uren zou misschien wel kunnen, dan verdien ik hetzelfde. Is er "
     "verder ergens hulp voor mantelzorgers zoals ik? Ik merk dat ik zelf ook op begin te raken, "
     "eerlijk gezegd.", "mantelzorg_steun"),
    ("Misschien straks. Ik heb nog een vraag. Tot nu toe neem ik steeds vakantiedagen op voor de "
     "middagen dat ik bij mijn moeder ben, en die zijn bijna op. Moet ik vakantiedagen opnemen of "
     "kan dat anders?", "mantelzorgverlof"),
]
# Round 16b (p63, p67, p71): the same questions in other words, pinned verbatim.
MEMBERS += [
    ("daar vroeg ik niet om. wat krijg ik na de ww", "na_de_ww"),
    ("eerst wil ik weten wat er gebeurt als die ww op is. dan heb ik niks meer toch", "na_de_ww"),
    ("ik zit al 14 maanden in de ww. ik bedoel daarna. als het afgelopen is", "na_de_ww"),
    ("nog 1 vraag. hoeveel is die transitievergoeding bij 17 jaar? ik werk bij een drukkerij",
     "transitievergoeding"),
    ("Misschien straks. Ik las ergens iets over zorgverlof, bestaat dat echt? En hoeveel dagen "
     "krijg je dan?", "mantelzorgverlof"),
    ("Dank u. En kan ik ook gewoon mijn 32 uur houden maar op andere tijden werken, bijvoorbeeld "
     "'s ochtends vroeger beginnen of een dag thuis? Dan hoef ik niet minder te verdienen.",
     "werktijden_thuiswerken"),
]
# Round 16c (p71): the diagnosis question read as reporting herself sick.
MEMBERS += [("Moet ik mijn werkgever vertellen wat mijn moeder heeft? Of mag hij daar niet naar "
             "vragen?", "zorgverlof_diagnose_noemen")]
FLEMISH_MEMBERS = [
    ("pff. en als ik na mijn opzeg niks gevonden heb, krijg ik dan dop?", "dop_na_opzeg_be"),
    ("neeje, die outplacement bedoel ik. betaalt mijne baas da? en moet ik da aannemen?",
     "outplacement_vlaanderen"),
]
HELD_OUT = [
    ("mijn werkgever trekt het aanbod in als ik niet teken, kan hij me dan ontslaan?",
     "vso_niet_tekenen"),
    ("wat betekent vso", "vaststellingsovereenkomst_tekenen"),
    ("kan iemand van de bond mijn contract controleren voor ik het teken", "papieren_nakijken"),
    ("ik wil nederlandse les, waar moet ik zijn", "nederlands_leren"),
    ("heb je een diploma nodig om voorman te worden in de schoonmaak", "teamleider_worden"),
    ("moet ik mijn baas vertellen welke ziekte mijn vader heeft als ik verlof vraag",
     "zorgverlof_diagnose_noemen"),
    ("ik zorg voor mijn man en het wordt me te zwaar, waar kan ik hulp krijgen",
     "mantelzorg_steun"),
]
FLEMISH_HELD_OUT = [
    ("krijg ik stempelgeld als ik na mijn opzeg nog geen werk heb", "dop_na_opzeg_be"),
    ("wie betaalt mijn outplacement na mijn ontslag", "outplacement_vlaanderen"),
]
NEAR = [
    ("ik heb een diploma uit syrie, wat is dat hier waard", "buitenlands_diploma"),
    ("hoe vraag ik ww aan", "ww_aanvragen"),
    ("wat is zorgverlof", "mantelzorgverlof"),
    ("moet ik mijn werkgever vertellen wat ik heb", "ziek_wat_vertellen"),
    # Round 16c (p70): about a Dutch course, not wages; wages keep their answer.
    ("mijn baas betaalt dat?", None),
    ("baas geeft geen geld voor mijn werk. wat kan ik doen?", "loon_te_laat"),
    # Round 16c (p68): her manager's answer is about workload, not about becoming a team leader.
    ("mijn teamleider zegt iedereen heeft het druk", "werkdruk"),
]


def test_the_round16_phrasings_are_not_example_questions():
    assert not overlapping([t for t, _ in HELD_OUT + FLEMISH_HELD_OUT])


@pytest.mark.parametrize(("text", "expected"), MEMBERS + HELD_OUT)
def test_round16_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "expected"), FLEMISH_MEMBERS + FLEMISH_HELD_OUT)
def test_round16_flemish_message_gets_the_right_entry(text, expected):
    assert found_id(text, flemish=True) == expected, text


@pytest.mark.parametrize(("text", "expected"), NEAR)
def test_a_near_miss_does_not_get_a_round16_entry(text, expected):
    assert near_miss_problem(text, expected, NEW_IDS) is None


def test_a_team_leader_question_never_gets_the_foreign_diploma_rules():
    # p70, a cleaner, read about the BIG register and a master in pharmacy.
    assert found_id("moet ik diploma hebben voor teamleider?") != "buitenlands_diploma"


@pytest.mark.parametrize("entry_id", ["vso_niet_tekenen", "papieren_nakijken", "nederlands_leren",
                                      "teamleider_worden", "zorgverlof_diagnose_noemen",
                                      "mantelzorg_steun"])
def test_the_new_answers_are_short_plain_and_sourced(entry_id):
    assert not plain_and_sourced_problems(entry_id, (2, 2), (3, 6), region="nl",
                                          percent=False)


def test_the_flemish_benefit_answer_is_short_plain_and_sourced():
    assert not plain_and_sourced_problems("dop_na_opzeg_be", (2, 2), (3, 6), region="be")


def test_the_answers_say_what_was_asked():
    assert "niet zomaar ontslaan" in answer_of("vso_niet_tekenen")
    assert "uwv" in answer_of("vso_niet_tekenen") and "kantonrechter" in answer_of(
        "vso_niet_tekenen")
    assert "chatbot" in answer_of("papieren_nakijken")
    assert "taalhuis" in answer_of("nederlands_leren")
    # The sources do not say whether the diagnosis must be named: the answer says so.
    assert "staat niet in de regels" in answer_of("zorgverlof_diagnose_noemen")
    assert "mantelzorgnl" in answer_of("mantelzorg_steun")
    assert "werkgever betaalt" in answer_of("outplacement_vlaanderen")
    assert "vdab" in answer_of("dop_na_opzeg_be")


def test_a_short_word_is_read_as_the_long_one():
    retriever = shared_retriever()
    assert retriever.expand("wat is een VSO?") == "wat is een vaststellingsovereenkomst?"
    assert retriever.expand("krijg ik dop") == "krijg ik werkloosheidsuitkering"
    # Idempotent, and a word that only contains it stays.
    assert retriever.expand(retriever.expand("vso")) == "vaststellingsovereenkomst"
    assert retriever.expand("dopje") == "dopje"


def test_what_a_word_means_gets_the_line_that_explains_it():
    # p67: "wat is een vso eigenlijk?" after the VSO answer got the line about the payment.
    entry = entry_by_id("vaststellingsovereenkomst_tekenen")
    assert entry is not None
    line = closest_line(entry, shared_retriever().expand("wat is een vso eigenlijk?"))
    assert "vaststellingsovereenkomst (vso) is" in line, line


def test_a_keyword_given_twice_is_refused(tmp_path):
    # Session 14: a second na_de_ww pattern silently replaced the first (its bijstand words).
    from bot.knowledge.entries import KnowledgeError, load_keywords

    (tmp_path / "keywords.yml").write_text("keywords:\n  a: x\n  a: y\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="given twice"):
        load_keywords(tmp_path / "keywords.yml", entries=[])


def test_who_pays_it_after_a_course_is_no_wage_question():
    # Round 16c, p70: "mijn baas betaalt dat?" after the Dutch-course answer got late wages and
    # the 50% statutory increase.
    assert found_id("mijn baas betaalt dat?") != "loon_te_laat"


def test_how_long_the_ww_lasts_names_both_ends():
    # Rounds 16b and 16c, p69: "hoe lang krijg ik dat" after 31 years of work got only
    # "minstens 3 maanden" (docs/facts.md, ww_duur: at least 3, at most 24 months).
    entry = entry_by_id("ww_voorwaarden")
    assert entry is not None
    line = closest_line(entry, "en hoe lang krijg ik dat dan, ik heb 31 jaar gewerkt")
    assert "minstens 3 maanden" in line and "24 maanden" in line, line
