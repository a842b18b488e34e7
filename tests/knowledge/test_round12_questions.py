"""Knowledge round 12 (2026-12-04): what role-played members asked in review round 12
(docs/reviews/round12/) and got no real answer to: pregnant and the temporary contract not
renewed (p45), a sudden emergency at home (calamiteitenverlof), the end of a BBL contract, back
pay (p48), keeping evidence (p45), "moet ik mijn baas vertellen wat ik aan mijn rug heb" and
"mag mijn baas zeggen dat ik moet stoppen" and lighter work (p47), "wat als mijn WW stopt" (p42),
"heeft melden zin" (p41, and for bullying).

The phrasings below are the members' own round-12 messages or were written by the entries'
author apart from the example questions (a test proves none is an example question); none is
taken from the evaluation sets kb_questions.tsv / questions.tsv. Only phrasings that were
answered are pinned; the misses of the same check are named in knowledge/SOURCES.md, "Round 12"
(among them p42's "U begrijpt mij niet. Ik wil gewoon weten: krijg ik na de WW bijstand, of
niets?", "mijn werkgever wil dat ik zelf opzeg", which gets the settlement answer, and a story
about a pregnancy told with "in verwachting")."""

from __future__ import annotations

import pytest
from knowledge_support import (
    answer_of,
    entries_by_id,
    found_id,
    overlapping,
    plain_and_sourced_problems,
)

ROUND12 = [
    # p45, pregnant waitress (verbatim), and a story
    ("hoii, vraagje 🙈 mijn contract loopt over 2 maanden af en ik ben zwanger. mag mijn baas "
     "me dan gewoon niet verlengen??", "zwanger_niet_verlengd"),
    ("wacht even, dus hij mag me NIET laten gaan omdat ik zwanger ben? hij deed super normaal "
     "tot ik het vertelde 😒", "zwanger_niet_verlengd"),
    ("mijn teamleider wil me niet meer verlengen nu ik zwanger ben, kan ik daar iets tegen doen",
     "zwanger_niet_verlengd"),
    # calamiteitenverlof
    ("school belt dat mijn dochter koorts heeft, mag ik nu gewoon weg van mijn werk?",
     "calamiteitenverlof"),
    ("er is thuis een waterleiding gesprongen en ik sta op mijn werk, mag ik naar huis en word "
     "ik dan doorbetaald", "calamiteitenverlof"),
    ("hoe zit het met calamiteitenverlof, krijg ik dan loon?", "calamiteitenverlof"),
    # BBL contract
    ("mijn bbl contract loopt af als ik mijn diploma heb, moet mijn baas me daarna houden?",
     "bbl_contract_einde"),
    ("ik wil stoppen met mijn bbl opleiding, ben ik dan ook mijn baan kwijt?",
     "bbl_contract_einde"),
    ("ik ben uitgeschreven bij school en nu zegt mijn werkgever dat mijn leerwerkcontract stopt, "
     "klopt dat?", "bbl_contract_einde"),
    # p48, back pay
    ("dat zei je al ja. mijn vraag was of ik dat geld van 2 jaar terug kan krijgen",
     "achterstallig_loon_terug"),
    ("ik heb nog geld van 2 jaar terug tegoed van mijn werkgever, kan ik dat nog opeisen?",
     "achterstallig_loon_terug"),
    ("hoe lang kan ik achterstallig loon terugvragen", "achterstallig_loon_terug"),
    # p45, evidence
    ("moet ik dingen bewaren ofzo? zoals de appjes van mn baas?", "bewijs_bewaren"),
    ("hoe verzamel ik bewijs als mijn collega me steeds kleineert", "bewijs_bewaren"),
    # p47, the cleaner with back pain (verbatim) and a Flemish one
    ("Ik ben niet ziek gemeld. Ik werk nog. Maar moet ik aan mijn baas vertellen wat is met mijn "
     "rug?", "ziek_wat_vertellen"),
    ("moet zij haar baas vertellen wat ze aan haar rug heeft?", "ziek_wat_vertellen"),
    # Flemish ("mijne"): since round 13b there is a Belgian answer, and it is the one to give.
    ("moet ik mijne chef zeggen wat ik aan mijn knie heb", "ziek_wat_vertellen_be"),
    ("Dat mijn baas zegt ik moet stoppen. Mag hij dat zeggen? Ik ben 58, waar vind ik ander werk.",
     "baas_zegt_stoppen"),
    ("Nee, dat heeft u al gezegd. Ik vraag: mag mijn baas zeggen dat ik moet stoppen met werk?",
     "baas_zegt_stoppen"),
    ("ik zit thuis met een hernia en mn baas dreigt me te ontslaan, mag dat?",
     "ontslag_tijdens_ziekte"),
    ("ik ben ziekgemeld sinds maart en nu willen ze me eruit hebben, kan dat",
     "ontslag_tijdens_ziekte"),
    ("Dank u. En kan ik lichter werk vragen bij mijn baas? Bijvoorbeeld niet meer zware dingen "
     "tillen, alleen stofzuigen of zo.", "aangepast_werk_vragen"),
    ("mijn knieen doen pijn van het sjouwen, kan ik ander werk binnen het bedrijf vragen",
     "aangepast_werk_vragen"),
    ("heb ik recht op aangepast werk met mijn rugklachten", "aangepast_werk_vragen"),
    # p42, WW ends
    ("Dat zei ik net: sinds vorig jaar. Onzeker over mijn baan ben ik niet, ik heb geen baan. "
     "Mijn vraag was: wat gebeurt er als mijn WW over vier maanden stopt?", "na_de_ww"),
    ("mijn ww-uitkering is in april op, waar leef ik dan van", "na_de_ww"),
    # "heeft melden zin?"
    ("heeft het eigenlijk zin om pesten te melden? er verandert toch niks", "pesten_op_werk"),
    ("als ik het pesten meld bij de vertrouwenspersoon, gebeurt er dan ook echt iets?",
     "pesten_op_werk"),
    ("wat doet een klachtencommissie met mijn klacht over pesten", "pesten_op_werk"),
    ("Heeft melden eigenlijk zin? Ik kan toch nooit bewijzen dat het aan mijn naam ligt.",
     "discriminatie_solliciteren"),
]

# Near misses: they sound like a round-12 entry but ask something else.
NEAR_MISSES = [
    ("hoeveel weken zwangerschapsverlof heb ik", "zwanger_niet_verlengd"),
    ("mijn kind is al twee weken ziek en ik zorg voor hem, hoeveel zorgverlof heb ik",
     "calamiteitenverlof"),
    ("mijn loon van deze maand is nog niet gestort", "achterstallig_loon_terug"),
    ("ik wil zelf stoppen met werken op mijn 63e", "baas_zegt_stoppen"),
    ("ik wil minder uren werken", "aangepast_werk_vragen"),
    ("moet ik bewijs verzamelen na een ongeval op het werk", "bewijs_bewaren"),
    ("Moet ik mijn leidinggevende vertellen wat mijn moeder heeft?", "ziek_wat_vertellen"),
    ("wat is een vertrouwenspersoon precies en wat doet die", "pesten_op_werk"),
]

NEW_IDS = ["zwanger_niet_verlengd", "calamiteitenverlof", "bbl_contract_einde",
           "achterstallig_loon_terug", "bewijs_bewaren", "baas_zegt_stoppen",
           "aangepast_werk_vragen"]


def test_the_round12_phrasings_are_not_example_questions():
    assert not overlapping([text for text, _ in ROUND12 + NEAR_MISSES])


@pytest.mark.parametrize(("text", "expected"), ROUND12)
def test_round12_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "not_expected"), NEAR_MISSES)
def test_a_near_miss_does_not_get_the_round12_entry(text, not_expected):
    assert found_id(text) != not_expected, text


@pytest.mark.parametrize("entry_id", NEW_IDS)
def test_round12_answers_are_short_plain_and_sourced(entry_id):
    assert not plain_and_sourced_problems(entry_id, (2, 3), (2, 5), region="nl"), entry_id


def test_pregnancy_names_discrimination_other_reasons_and_where_to_go():
    answer = answer_of("zwanger_niet_verlengd")
    for word in ("omdat je zwanger bent", "discriminatie", "andere reden", "per mail",
                 "bewaar", "college voor de rechten van de mens", "gratis", "vakbond"):
        assert word in answer, word


def test_emergency_leave_is_paid_short_and_points_to_care_leave_and_the_cao():
    answer = answer_of("calamiteitenverlof")
    for word in ("calamiteitenverlof", "kort verzuimverlof", "loon door", "paar uur",
                 "achteraf", "kortdurend zorgverlof", "cao"):
        assert word in answer, word


def test_bbl_says_temporary_and_leaves_early_stopping_to_the_contract():
    answer = answer_of("bbl_contract_einde")
    for word in ("tijdelijk", "geen nieuw contract", "hangt af van je contract en je cao",
                 "bpv-begeleider", "teken niets", "consulent"):
        assert word in answer, word
    assert "ww" not in answer  # bbl_ww_na_einde is NV


def test_back_pay_says_five_years_in_writing_and_who_helps():
    answer = answer_of("achterstallig_loon_terug")
    for word in ("5 jaar", "per mail of brief", "payrollbedrijf", "opnieuw", "loonstroken",
                 "hangt af", "juridische hulp", "juridisch loket"):
        assert word in answer, word


def test_evidence_says_keep_messages_a_logbook_and_report_in_writing():
    answer = answer_of("bewijs_bewaren")
    for word in ("bewaar appjes", "logboek", "datum", "wie het zag", "per mail",
                 "vertrouwenspersoon"):
        assert word in answer, word


def test_the_boss_cannot_just_make_you_stop():
    answer = answer_of("baas_zegt_stoppen")
    for word in ("niet zomaar", "uwv", "kantonrechter", "instemming", "tijdelijk contract",
                 "teken niets", "geen ww", "juridisch loket"):
        assert word in answer, word


def test_lighter_work_can_be_asked_with_the_bedrijfsarts_and_no_promise():
    answer = answer_of("aangepast_werk_vragen")
    for word in ("lichter", "aanpassen", "bedrijfsarts", "niet ziek", "per mail", "hangt af",
                 "consulent"):
        assert word in answer, word


def test_reporting_bullying_says_it_makes_sense_without_promising_a_commission():
    answer = answer_of("pesten_op_werk")
    for word in ("melden heeft zin", "vertrouwenspersoon", "klachtencommissie als je bedrijf "
                 "die heeft"):
        assert word in answer, word
    assert "klachtenregeling_ongewenst" in entries_by_id()["pesten_op_werk"].facts
