"""Questions of round 25 (docs/reviews/round25/) that got no answer or the wrong one, in other
words than the transcripts where the words matter less than the case. Each failed before
session 25's change (checked by stashing it), except the lines marked as guards."""

from __future__ import annotations

import pytest
from knowledge_support import answered_id

_answer = answered_id


@pytest.mark.parametrize("text", [
    # p120 (burn-out, off sick): "Weet je wat, ik denk dat ik gewoon ontslag neem." got the
    # dismissal ban of the first two years of illness.
    "Weet je wat, ik denk dat ik gewoon ontslag neem. Dan ben ik er in één keer vanaf en kan ik "
    "met een schone lei beginnen. Ik heb wel wat spaargeld.",
    "eigenlijk wil ik gewoon ontslag nemen",
])
def test_a_plan_to_resign_while_off_sick_gets_the_resigning_while_sick_answer(text):
    assert _answer(text, asks=False, situations=frozenset({"sick"})) == \
        "ontslag_nemen_tijdens_ziekte"


@pytest.mark.parametrize(("text", "expected"), [
    # p121 (agency worker in a distribution centre): "kan ik gwn vragen of ze me overnemen?" got
    # "Ook dat weet ik niet zeker"; the agency blocking the move got the phases again.
    ("maar ik wil eigenlijk vast bij het dc zelf niet bij t uitzendbureau. kan ik gwn vragen of "
     "ze me overnemen? 😅", "uitzendkracht_in_dienst_inlener"),
    ("mag t uitzendbureau eigenlijk tegenhouden dat het dc mij zelf in dienst neemt?",
     "uitzendkracht_in_dienst_inlener"),
    # p124 (operator, night shift ends): "Ik kom er niet goed uit, dat spijt me."
    ("lekker dan. ik ga er 300 euro per maand op achteruit want geen ploegentoeslag meer op "
     "dagdienst. mag dat zomaar?", "ploegentoeslag_afbouw"),
    # p122 (bank, automation): the social plan beside the transitievergoeding, and having to
    # be placed elsewhere first, got a definition and "Dit zei ik eerder al".
    ("Maar mijn vraag was ook: als er een sociaal plan komt, krijg ik dan die "
     "transitievergoeding daarbovenop, of komt het sociaal plan daarvoor in de plaats?",
     "sociaal_plan_of_transitievergoeding"),
    ("Nog één laatste vraag: klopt het dat de bank mij eerst moet proberen te herplaatsen in een "
     "andere functie, eventueel met scholing, voordat zij mij kan ontslaan?",
     "herplaatsing_voor_ontslag"),
    ("mijn afdeling gaat dicht, moeten ze me niet eerst een andere baan in het bedrijf geven?",
     "herplaatsing_voor_ontslag"),
    # Guard (passed before): a municipality keeps its own van-werk-naar-werk answer.
    ("wij zijn boventallig bij de gemeente, hoe werkt het van werk naar werk traject",
     "van_werk_naar_werk_gemeente"),
])
def test_round25_question_gets_its_answer(text, expected):
    assert _answer(text) == expected


@pytest.mark.parametrize("text", [
    # p125 (bediende in Gent): "Daar heb ik voor België geen goed antwoord op".
    "Ge stelt mij nu twee keer een vraag terug 😅 Ik wil gewoon weten of ik als werknemer recht "
    "heb op loopbaanbegeleiding, ik woon en werk in Vlaanderen.",
    "Het is veel te veel werk en ik denk er soms aan om iets anders te doen. Is da "
    "loopbaanbegeleiding iets voor mij of is da enkel voor werklozen?",
])
def test_career_guidance_for_a_flemish_worker_gets_the_loopbaancheque(text):
    assert _answer(text, flemish=True) == "loopbaancheque_vlaanderen"


@pytest.mark.parametrize("text", [
    # p125: the doctor for sleeping badly got "Goed dat je aan de slag gaat met zoeken" and
    # then "Is er nog iets anders waar ik over mee kan denken?".
    "Ik ben lid van 't ACV trouwens. Kunnen die mij daar ook mee helpen? En moet ik voor da "
    "slapen naar mijne dokter of nie?",
    "Euh, ik schrijf geen brief hoor. Ik vroeg: moet ik naar den huisarts voor mijn "
    "slaapproblemen? En kan het ACV helpen?",
    "Wat moet ik doen met da slecht slapen en die stress?",
])
def test_sleeping_badly_from_stress_in_flanders_gets_the_doctor_and_1813(text):
    assert _answer(text, flemish=True) == "burnout_eerste_hulp_be"


def test_school_again_or_learning_on_the_job_for_a_future_carer_is_no_teacher_question():
    # p123 (a cashier who wants to become a carer): "moet ik dan helemaal opnieuw naar school of
    # kan het ook werkend leren" got "Een opleiding werkt het best als je weet waar je naartoe
    # wilt" (the teacher's side-entry scored highest and fell under the bar).
    assert _answer("allebei eigenlijk haha ik wil echt verzorgende worden maar moet ik dan "
                   "helemaal opnieuw naar school of kan het ook werkend leren") == \
        "leren_en_werken_bbl"


def test_not_a_member_asking_for_a_consultant_gets_the_membership_answer():
    # p120: "... ik ben helemaal geen lid van een bond. Kan ik dan wel met zo'n consulent
    # praten? Zo ja, dan doe ik dat graag." got what a consultant does and the Noloc register.
    assert _answer("Oké, dat klinkt als: niet doen, in ieder geval niet nu. Kleine kanttekening, "
                   "ik ben helemaal geen lid van een bond. Kan ik dan wel met zo'n consulent "
                   "praten? Zo ja, dan doe ik dat graag.") == "moet_ik_lid_zijn"


def test_too_old_to_learn_with_a_job_is_no_job_search_question():
    # p126 (52, permanent job): "ben ik niet te oud om nog iets anders te leren?" got the
    # job-search answer for older people and discriminatie.nl.
    assert _answer("ik weet het niet, daarom vraag ik het juist. ik ben 52, ben ik niet te oud "
                   "om nog iets anders te leren?") == "te_oud_voor_andere_functie"


def test_is_the_consultant_from_the_union_gets_who_we_are():
    # p124 (25b): "die consulent, is die van de vakbond of niet" -> "Dat kan ik je ook niet
    # zeker zeggen" (what a union does was the match, then the price of the chat).
    assert _answer("die consulent, is die van de vakbond of niet") == "vakbond_of_werkgever"


def test_working_less_until_the_pension_in_flanders_gets_the_landingsbaan():
    # p128 (25b, 59, Genk): "kan ik minder gaan werken tot aan mijn pensioen?" in a longer
    # message -> "Daar heb ik voor België geen goed antwoord op".
    assert _answer("ik ben 59 en ik kuis al 17 jaar met dienstencheques, kan ik minder gaan "
                   "werken tot aan mijn pensioen?", flemish=True) == "landingsbaan_be"
