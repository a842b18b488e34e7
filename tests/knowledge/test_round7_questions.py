"""Knowledge round 7 (2026-12-03): four entries in knowledge/setbacks.yml (WIA and spoor 2, an
accident at work, returning to work after years at home, the Flemish "RVA or my union?") and the
seksuele_intimidatie entry in members' words without the word ("valt me lastig", "ligt het aan
mij").

The phrasings below were written by the entries' author after the entries, in other words than
their example questions (a test proves it), and not taken from the evaluation sets
kb_questions.tsv / questions.tsv. Only those answered with a clear margin are pinned here; the
misses of the same check are listed in the round-7 report ("wat houdt re-integratie in het tweede
spoor in", which the older reintegratie_stappen entry answers, and a Flemish "wie helpt mij met
mijn aanvraag", close to the uncovered "hoe vraag ik tijdskrediet aan")."""

from __future__ import annotations

import re

import pytest
from knowledge_support import overlapping

from bot.knowledge.entries import Entry, load_entries, load_not_covered
from bot.knowledge.retriever import shared_retriever

ROUND7 = [
    ("beslist mijn werkgever of ik in de wia kom", "wia_spoor_twee"),
    ("blijf ik in dienst als ik in spoor 2 bij een ander bedrijf ga werken", "wia_spoor_twee"),
    ("na twee jaar ziekte, hoe vraag ik een arbeidsongeschiktheidsuitkering aan", "wia_spoor_twee"),
    ("uwv zegt dat ik minder dan 35% arbeidsongeschikt ben", "wia_spoor_twee"),
    ("moet ik zelf de wia aanvragen of doet mijn baas dat", "wia_spoor_twee"),
    ("wie is er aansprakelijk als ik gewond raak door een kapotte machine op mijn werk",
     "ongeval_op_het_werk"),
    ("moet ik bewijs verzamelen na een ongeval op het werk", "ongeval_op_het_werk"),
    ("kan ik mijn werkgever aansprakelijk stellen voor mijn letsel", "ongeval_op_het_werk"),
    ("na een ongeluk op de bouwplaats zit ik thuis, betaalt de baas mijn schade",
     "ongeval_op_het_werk"),
    ("ik ben herintreder en zoek een baan", "herintreden_na_jaren_thuis"),
    # Since round 18c the gap answer says how: name the years and what you did in them.
    ("hoe leg ik op mijn cv uit dat ik jaren thuis ben geweest", "gat_in_cv"),
    ("krijg ik bijstand als ik na jaren thuis werk zoek en mijn man werkt",
     "herintreden_na_jaren_thuis"),
    ("ik heb jaren niet gewerkt door de zorg voor mijn moeder, hoe vind ik weer werk",
     "herintreden_na_jaren_thuis"),
    ("een collega kijkt steeds naar mijn lichaam en zegt vieze dingen", "seksuele_intimidatie"),
    ("ik voel me lastiggevallen door mijn leidinggevende, is het mijn schuld",
     "seksuele_intimidatie"),
    ("ongewenst gedrag op het werk melden, hoe doe ik dat", "seksuele_intimidatie"),
    ("mijn manager is maatjes met de man die me lastigvalt, wie helpt mij dan",
     "seksuele_intimidatie"),
    ("is da de rva die mijn ouderschapsverlof betaalt of de vakbond", "verlof_rva_of_vakbond"),
    ("moet mijn werkgever instemmen met mijn tijdskrediet of is een aangetekende brief genoeg",
     "verlof_rva_of_vakbond"),
    ("mag ik in belgie de wet flexibel werken gebruiken", "verlof_rva_of_vakbond"),
    ("kan mijn vakbond berekenen hoeveel ik krijg tijdens tijdskrediet", "verlof_rva_of_vakbond"),
]

ROUND7_IDS = sorted({expected for _, expected in ROUND7})


def _answer(by_id: dict[str, Entry], entry_id: str) -> str:
    return " ".join(by_id[entry_id].answer).lower()


@pytest.fixture(scope="module")
def by_id() -> dict[str, Entry]:
    return {e.id: e for e in load_entries()}


def test_the_round7_phrasings_are_not_example_questions():
    assert not overlapping([text for text, _ in ROUND7])


@pytest.mark.parametrize(("text", "expected"), ROUND7)
def test_round7_message_gets_the_right_entry(text, expected):
    # shared_retriever: with knowledge/keywords.yml, as the bot answers
    found = shared_retriever().find(text)
    assert found is not None, text
    assert found.entry.id == expected, (text, found.entry.id)


@pytest.mark.parametrize("entry_id", ROUND7_IDS)
def test_round7_answers_are_two_or_three_bubbles_with_je(by_id, entry_id):
    entry = by_id[entry_id]
    assert 2 <= len(entry.answer) <= 3, entry_id
    assert re.search(r"\bje\b", " ".join(entry.answer).lower()), entry_id


def test_wia_says_uwv_decides_week_93_and_35_percent_and_spoor_2_keeps_the_job(by_id):
    answer = _answer(by_id, "wia_spoor_twee")
    for word in ("uwv (niet je werkgever)", "week 93", "re-integratieverslag", "35%",
                 "spoor 2", "andere werkgever", "in dienst", "deskundigenoordeel", "vakbondslid"):
        assert word in answer, word
    assert "€" not in answer and "70%" not in answer and "75%" not in answer  # no amounts


def test_an_accident_names_safe_work_keeps_evidence_and_promises_no_compensation(by_id):
    answer = _answer(by_id, "ongeval_op_het_werk")
    for word in ("veilig", "arbowet", "hangt af", "foto's", "wie het zag", "vakbondslid",
                 "letselschadeadvocaat", "juridisch loket", "arbeidsinspectie"):
        assert word in answer, word
    assert not re.search(r"krijg je (altijd|zeker)|moet .* altijd betalen", answer)


def test_returning_after_years_at_home_is_honest_about_ww_and_bijstand(by_id):
    answer = _answer(by_id, "herintreden_na_jaren_thuis")
    for word in ("ww krijg je niet", "bijstand", "hangt af", "partner", "werk.nl",
                 "vrijwilligerswerk", "cursus", "cv"):
        assert word in answer, word


def test_harassment_says_it_is_not_her_fault_and_where_to_go_past_the_manager(by_id):
    answer = _answer(by_id, "seksuele_intimidatie")
    for word in ("ligt niet aan jou", "niet jouw schuld", "vriend van de dader", "hogere baas",
                 "hr", "vertrouwenspersoon", "vakbond"):
        assert word in answer, word


def test_rva_or_union_is_belgian_and_leaves_the_amount_to_the_union(by_id):
    entry = by_id["verlof_rva_of_vakbond"]
    answer = _answer(by_id, "verlof_rva_of_vakbond")
    assert entry.region == "be"
    for word in ("schriftelijk", "rva.be", "betaalt", "acv", "abvv", "aclvb", "rekent",
                 "wet flexibel werken geldt niet in belgië"):
        assert word in answer, word
    assert "uwv" not in answer and "€" not in answer
    not_covered = load_not_covered()
    assert "hoeveel krijg ik van de rva tijdens mijn ouderschapsverlof" in not_covered
    assert "hoe vraag ik tijdskrediet aan" in not_covered


@pytest.mark.parametrize(("entry_id", "text"), [
    ("wia_spoor_twee", "ik zit in spoor 2"),
    ("wia_spoor_twee", "de WIA"),
    ("ongeval_op_het_werk", "een bedrijfsongeval"),
    ("herintreden_na_jaren_thuis", "ik ben 10 jaar thuis geweest voor de kinderen"),
    ("seksuele_intimidatie", "hij valt me lastig"),
    ("seksuele_intimidatie", "hij zegt dingen over mijn lichaam"),
])
def test_round7_keywords_name_their_entry(entry_id, text):
    pattern = shared_retriever().keywords[entry_id]
    assert pattern.search(text.lower()), (entry_id, text)
