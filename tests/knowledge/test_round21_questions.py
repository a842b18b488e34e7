"""Questions of round 20c that had no entry (docs/reviews/round20c/: p83, p91, p92, p93) and
p88's housing question of round 20b, in other words than the transcripts. Each got no
answer or the wrong one before session 20 added the entries (checked on febf9e7), except
those marked as guards."""

from __future__ import annotations

import pytest

from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import shared_retriever


@pytest.mark.parametrize(("text", "flemish", "expected"), [
    # p91: "ik wil overdag werken, kan dat nog op mijn 55e?" -> "geen goed antwoord"
    ("al 18 jaar nachtdienst in de bewaking. kan ik op mijn 56e nog om dagdienst vragen?",
     False, "dagdiensten_op_leeftijd"),
    # p91: "kan ik bij mijn eigen baas vragen om dagdienst?" -> a tip for an hr talk
    ("mag ik mijn chef gewoon vragen om dagwerk?", False, "dagdiensten_op_leeftijd"),
    # p91: "maar ik ben 55, wie wil mij nog?" -> the pension answer
    ("ik ben 57, wie wil mij nou nog? ze willen alleen jonge mensen", False,
     "werk_zoeken_als_oudere"),
    # p91 at the consent step: "mogen ze mij weigeren omdat ik 55 ben?" -> no answer
    ("het bureau heeft me afgewezen omdat ik te oud ben, mag dat eigenlijk?", False,
     "klacht_leeftijdsdiscriminatie"),
    # p92: "ik werk al 10 maand met dagcontracten via interim ... is da normaal??" -> the
    # Dutch flex text and "geen goed antwoord voor België"
    ("ik sta al een half jaar op dagcontracten in de supermarkt via het interimkantoor, mag "
     "da?", True, "dagcontracten_interim_be"),
    # p93: "is B1 genoeg?" -> the diploma block a third time
    ("ik heb nu b1 nederlands, is dat genoeg voor apotheker?", False,
     "big_taal_en_beoordeling"),
    # p93: "Moet ik alles opnieuw studeren?" -> the diploma block again
    ("ik was tandarts in irak, moet ik helemaal opnieuw beginnen met studeren?", False,
     "big_taal_en_beoordeling"),
    # p83: "waar ik vind bedrijf voor elektricien? ik ken niemand hier" -> the cost line
    ("hoe vind ik bedrijf voor leren monteur? ik ken hier niemand", False,
     "leerbedrijf_vinden"),
    # p88 (round 20b): may the agency put her out of the room without a judge? (Guard: the
    # housing answer was found before; what it lacked is checked below.)
    ("mag mijn uitzendbureau mij zomaar uit de kamer zetten zonder rechter?", False,
     "huisvesting_uitzendbureau"),
])
def test_the_question_gets_its_new_answer(text, flemish, expected):
    match = shared_retriever().find(text, flemish)
    assert match is not None and match.entry.id == expected, match


def test_the_big_answer_says_b1_is_not_enough_and_the_assessment_decides():
    answer = " ".join(entry_by_id("big_taal_en_beoordeling").answer)
    assert "B1 is niet genoeg" in answer and "B2+" in answer
    assert "Alles opnieuw studeren hoeft niet altijd" in answer


def test_the_night_answer_promises_no_right_by_age():
    # No cao of the security sector with such a rule was found (docs/facts.md,
    # cao_beveiliging_nacht_ouderen: NV): the answer sends to the own cao, promises nothing.
    answer = " ".join(entry_by_id("dagdiensten_op_leeftijd").answer)
    assert "staat niet in de wet" in answer and "kijk in jouw cao" in answer
    assert "beveiliging" not in answer


def test_the_housing_answer_says_a_judge_decides_and_where_to_report():
    # p88 (round 20b) asked whether the agency may put her out without a judge; the answer
    # said nothing about it.
    answer = " ".join(entry_by_id("huisvesting_uitzendbureau").answer)
    assert "rechter" in answer and "meldpunt goed verhuurderschap" in answer


def test_a_night_worker_who_only_says_her_job_gets_no_training_answer():
    # A guard: "ik ben 47 en werk als verpleegkundige" says what she does (questions.tsv,
    # "none"); the new entries' words pushed it onto the training answer at 0.46.
    assert shared_retriever().find("ik ben 47 en werk als verpleegkundige") is None


@pytest.mark.parametrize(("text", "expected"), [
    # p92 (round 21): "kan ik nie gewoon een vast contract vragen aan de winkel zelf?" -> "Daar
    # heb ik voor België geen goed antwoord op"
    ("kan ik als interimmer aan de bakkerij zelf een vaste job vragen?",
     "dagcontracten_interim_be"),
    # p92: "ik ben wel nergens lid van een vakbond. helpen die mij dan ook?" -> James
    # Loopbaan of the Dutch CNV, for a woman in Antwerp
    ("ik ben bij geen enkele vakbond lid, helpen die mij ook?", "moet_ik_lid_zijn_be"),
])
def test_flemish_questions_get_the_belgian_answer(text, expected):
    match = shared_retriever().find(text, True)
    assert match is not None and match.entry.id == expected, match
    assert "James" not in " ".join(match.entry.answer)


def test_saying_you_are_a_member_is_no_question_about_membership():
    # Guard for the Flemish twin: "ik ben lid van het ABVV" (questions.tsv, "none").
    assert shared_retriever().find("ik ben lid van het ABVV", True) is None


# Later questions of round 21 (p90, p93, p96, p97), run by the same check as the list above.
LATER = [
    # p97 (round 21): "40 jaar metselaar in friesland. knieen en rug zijn op. wanneer kan ik
    # stoppen" -> "Het klinkt alsof je op je reserves loopt"; the regeling came only when he
    # named it.
    ("al 38 jaar dakdekker en mijn rug is kapot. wanneer mag ik stoppen?",
     "zwaarwerkregeling_bouw"),
    # p97: "IK VROEG WANNEER IK KAN STOPPEN. ben 60" -> pension talk and a menu
    ("ik wil weten wanneer ik mag stoppen. ben 61", "eerder_stoppen"),
    # p96 (round 21): "agency say contract stop when sick, no money. is true?" -> flex advice
    ("my agency tell me no salary when i am sick, is that legal?", "uitzend_ziek"),
    # p96: "and room? they can put me out?" -> "geen goed antwoord"
    ("my work stop, agency say i lose my room. can they put me out?",
     "huisvesting_uitzendbureau"),
    # p93: "Moet een assistent ook in het BIG-register staan?" -> "geen beter antwoord"
    ("heeft een assistent in de apotheek ook een big registratie nodig?",
     "apothekersassistent_zonder_big"),
    # p90: "Is een bootcamp wat of is dat geldklopperij?" -> a coffee tip
    ("is zo'n programmeer bootcamp een erkende opleiding of niet?", "bootcamp_of_hbo_deeltijd"),
]


@pytest.mark.parametrize(("text", "expected"), LATER)
def test_later_round21_questions_get_an_answer(text, expected):
    test_the_question_gets_its_new_answer(text, False, expected)


def test_the_agency_sick_answer_states_the_rule_since_2023_not_the_old_one():
    # The old rule (a phase-A contract ended at sickness) still stands on stored pages; it
    # ended on 1 July 2023 (docs/facts.md, uitzend_ziek_fase_a_zw: NV).
    entry = entry_by_id("uitzend_ziek")
    answer = " ".join(entry.answer)
    assert "uitzend_ziek_fase_a_zw" not in entry.facts
    assert "stopt je contract sinds juli 2023 niet" in answer
    assert "ziek bij het uitzendbureau" in answer


def test_the_works_council_by_its_short_name_is_answered():
    # p94 (round 21): "en heeft de OR hier iets over te zeggen" was dropped beside the social
    # plan, and "ja de OR. mag die daar iets van vinden of niet" got a tip on roles.
    match = shared_retriever().find("en mag de OR er dan iets van vinden?")
    assert match is not None and match.entry.id == "or_bij_reorganisatie", match


def test_not_joined_a_union_in_flanders_gets_the_non_member_answer():
    # p92 (round 21b): "ok maar ik ben nie aangesloten bij een vakbond, kunnen die da dan wel
    # nakijken voor mij?" got the notice-period and C4 answer.
    match = shared_retriever().find("ik ben bij geen vakbond aangesloten, kunnen die mij dan "
                                    "toch helpen?", True)
    assert match is not None and match.entry.id == "moet_ik_lid_zijn_be", match


def test_who_pays_the_sick_agency_worker_in_english():
    # p96 (round 21b): "who pay me? agency or uwv?" got a Dutch topic menu.
    match = shared_retriever().find("sick now. who is paying me, agency or uwv??")
    assert match is not None and match.entry.id == "uitzend_ziek", match
