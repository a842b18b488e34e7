"""Knowledge round 6 (2026-12-03): nine entries in knowledge/work_rights.yml (employer bankrupt,
transfer of undertaking, working after the AOW age, sexual harassment, late wages, payslip,
agency housing, zzp back to employment, Flemish tijdskrediet/ouderschapsverlof).

The phrasings below were written by the entries' author after the entries, in other words than
their example questions (a test proves it), and not taken from the evaluation sets
kb_questions.tsv / questions.tsv. Only those answered with a clear margin are pinned here; the
misses of the same check are listed in the round-6 report (a member's wording that scored just
under MIN_SCORE, or "hoe vraag ik tijdskrediet aan", which stays in knowledge/not_covered.txt
because the held-out set labels it as uncovered)."""

from __future__ import annotations

import re

import pytest
from knowledge_support import overlapping

from bot.knowledge.entries import Entry, load_entries, load_not_covered
from bot.knowledge.retriever import Retriever

ROUND6 = [
    ("ons bedrijf is failliet, hoe krijg ik het loon dat ik nog tegoed heb", "werkgever_failliet"),
    ("werkgever failliet, moet ik ww aanvragen", "werkgever_failliet"),
    ("wat moet ik regelen als mijn werkgever failliet gaat", "werkgever_failliet"),
    ("mijn werkgever wordt overgenomen, moet ik een nieuw contract tekenen",
     "overgang_onderneming"),
    ("het schoonmaakbedrijf waar ik werk wordt overgenomen, hou ik mijn contract",
     "overgang_onderneming"),
    ("de busconcessie gaat over naar een nieuwe vervoerder, behoud ik mijn arbeidsvoorwaarden?",
     "overgang_onderneming"),
    ("mag ik na mijn aow-leeftijd doorwerken bij dezelfde werkgever", "doorwerken_na_aow"),
    ("mijn werkgever stopt mijn contract op mijn 67e, mag dat", "doorwerken_na_aow"),
    ("een collega doet seksueel intimiderend tegen mij", "seksuele_intimidatie"),
    ("mijn collega stuurt steeds seksuele berichten, is dat intimidatie", "seksuele_intimidatie"),
    ("ik word seksueel geintimideerd door iemand op mijn werk", "seksuele_intimidatie"),
    ("mijn werkgever betaalt mijn salaris te laat", "loon_te_laat"),
    ("mijn baas betaalt mijn gewerkte uren niet uit", "loon_te_laat"),
    ("werkgever betaalt mijn loon niet uit", "loon_te_laat"),
    ("er klopt iets niet op mijn loonstrook", "loonstrook_klopt_niet"),
    ("hoe kan ik controleren of mijn loonstrook klopt", "loonstrook_klopt_niet"),
    ("op mijn salarisstrook staan minder uren dan ik gewerkt heb", "loonstrook_klopt_niet"),
    ("ik huur een kamer via mijn uitzendbureau, mijn werk is klaar, wat nu",
     "huisvesting_uitzendbureau"),
    ("ik moet uit het huis van het uitzendbureau nu mijn werk klaar is",
     "huisvesting_uitzendbureau"),
    ("mag het uitzendbureau mij uit huis zetten", "huisvesting_uitzendbureau"),
    ("ik ben zelfstandige en wil terug naar een baan in loondienst", "zzp_naar_loondienst"),
    ("stoppen als zzp'er en een werkgever zoeken, waar begin ik", "zzp_naar_loondienst"),
    ("hoe neem ik ouderschapsverlof in belgie", "tijdskrediet_vlaanderen"),
    ("tijdskrediet met motief om voor mijn kinderen te zorgen, hoe werkt da",
     "tijdskrediet_vlaanderen"),
    ("kan ik halftijds werken met ouderschapsverlof", "tijdskrediet_vlaanderen"),
]

ROUND6_IDS = sorted({expected for _, expected in ROUND6})


@pytest.fixture(scope="module")
def retriever() -> Retriever:
    return Retriever(load_entries(), not_covered=load_not_covered())


@pytest.fixture(scope="module")
def by_id() -> dict[str, Entry]:
    return {e.id: e for e in load_entries()}


def test_the_round6_phrasings_are_not_example_questions():
    assert not overlapping([text for text, _ in ROUND6])


@pytest.mark.parametrize(("text", "expected"), ROUND6)
def test_round6_message_gets_the_right_entry(retriever, text, expected):
    found = retriever.find(text)
    assert found is not None, text
    assert found.entry.id == expected, (text, found.entry.id)


@pytest.mark.parametrize("entry_id", ROUND6_IDS)
def test_round6_answers_are_two_or_three_bubbles_with_je(by_id, entry_id):
    entry = by_id[entry_id]
    assert 2 <= len(entry.answer) <= 3, entry_id
    assert re.search(r"\bje\b", " ".join(entry.answer).lower()), entry_id


def test_bankruptcy_names_curator_uwv_loongarantie_and_ww(by_id):
    answer = " ".join(by_id["werkgever_failliet"].answer).lower()
    for word in ("curator", "6 weken", "loongarantieregeling", "13 weken", "uwv", "ww"):
        assert word in answer, word


def test_a_takeover_keeps_the_contract_and_names_the_concession_rule(by_id):
    answer = " ".join(by_id["overgang_onderneming"].answer).lower()
    for word in ("vanzelf mee", "nieuw contract", "wet personenvervoer 2000", "vakbond",
                 "ondernemingsraad", "hangt af"):
        assert word in answer, word


def test_working_after_aow_points_to_svb_and_never_states_a_date(by_id):
    answer = " ".join(by_id["doorwerken_na_aow"].answer).lower()
    assert "svb.nl" in answer and "geen recht meer op ww" in answer
    assert not re.search(r"\b(19|20)\d\d\b|\b6[5-9]\b", answer)  # no year, no age


def test_harassment_names_arbowet_record_vertrouwenspersoon_and_union(by_id):
    answer = " ".join(by_id["seksuele_intimidatie"].answer).lower()
    for word in ("mag niet", "arbowet", "schrijf op", "vertrouwenspersoon", "vakbond"):
        assert word in answer, word


def test_late_wages_ask_in_writing_and_name_the_increase_and_legal_help(by_id):
    answer = " ".join(by_id["loon_te_laat"].answer).lower()
    for word in ("houd zelf bij", "schriftelijk", "wettelijke verhoging", "50%",
                 "juridisch loket", "vakbondslid"):
        assert word in answer, word


def test_agency_housing_is_plain_and_honest_about_plans(by_id):
    entry = by_id["huisvesting_uitzendbureau"]
    answer = " ".join(entry.answer).lower()
    for word in ("1 juli 2023", "twee aparte", "nog niet zeker", "fairwork", "juridisch loket"):
        assert word in answer, word
    assert entry.simple and entry.simple.startswith("In makkelijke woorden")


def test_zzp_years_give_no_ww_and_zzp_ww_stays_uncovered(by_id):
    answer = " ".join(by_id["zzp_naar_loondienst"].answer).lower()
    assert "tellen niet mee voor de ww" in answer
    assert "krijg ik ww als zzp'er zonder opdrachten" in load_not_covered()


def test_the_flemish_leave_answer_is_belgian_and_leaves_the_sums_to_union_or_rva(by_id):
    entry = by_id["tijdskrediet_vlaanderen"]
    answer = " ".join(entry.answer).lower()
    assert entry.region == "be"
    for word in ("ouderschapsverlof", "tijdskrediet", "rva", "acv", "abvv", "rekent"):
        assert word in answer, word
    assert "uwv" not in answer and "€" not in answer
