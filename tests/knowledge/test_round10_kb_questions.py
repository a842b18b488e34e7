"""Knowledge round 10 (helper, 2026-12-03): what comes after the WW (bijstand, IOW, IOAW),
suitable work in the WW, where to look for vacancies, the agency or employer that stops
calling, discrimination by name or origin when applying, foreign diplomas (IDW, BIG-register),
the Flemish counter-notice and who pays the unemployment benefit, and care leave in practice.

The phrasings below were written by the entries' author after the entries, in other words than
their example questions (a test proves it), and not taken from the evaluation sets
kb_questions.tsv / questions.tsv. Only those answered with a clear margin are pinned; the misses
of the same check are listed in the round-10 helper report (among them "Mijn WW loopt over vier
maanden af en niemand wil een man van 60. Wat nu?" and "Ik heb 60 keer gesolliciteerd, mijn
klasgenoot Tim werd wel uitgenodigd. Raad eens waarom.", which score too low on meaning alone
and are left to the conversation)."""

from __future__ import annotations

import re

import pytest
from knowledge_support import overlapping

from bot.knowledge.entries import Entry, load_entries, load_not_covered
from bot.knowledge.retriever import shared_retriever

ROUND10 = [
    ("wat krijg ik als de ww is afgelopen", "na_de_ww"),
    ("kom ik na de ww in de bijstand terecht en telt het loon van mijn partner mee", "na_de_ww"),
    ("bestaat de iow nog in 2026", "na_de_ww"),
    ("kijkt de bijstand ook naar ons spaargeld als mijn ww op is", "na_de_ww"),
    ("Moet ik dan elke baan aannemen die het UWV mij aanbiedt?", "passend_werk_ww"),
    ("ik heb ww, mag ik nee zeggen tegen een slechter betaalde baan", "passend_werk_ww"),
    ("ben ik verplicht een baan onder mijn niveau te nemen als ik ww krijg", "passend_werk_ww"),
    ("kan ik me bij twee uitzendbureaus tegelijk aanmelden", "vacatures_zoeken"),
    ("op welke websites staan de meeste vacatures", "vacatures_zoeken"),
    (
        "ik sta al bij een uitzendbureau ingeschreven, mag ik er nog een proberen",
        "vacatures_zoeken",
    ),
    ("mijn uitzendbureau belt al een tijd niet meer, mag dat?", "niet_meer_opgeroepen"),
    ("ik heb al drie weken geen oproep meer gehad, ben ik nu ontslagen", "niet_meer_opgeroepen"),
    (
        "het uitzendbureau heeft geen werk meer voor me en zegt niks, ben ik nu werkloos",
        "niet_meer_opgeroepen",
    ),
    (
        "heeft het zin om te melden dat ik om mijn naam niet word uitgenodigd",
        "discriminatie_solliciteren",
    ),
    ("kan ik discriminatie bij een sollicitatie ergens melden", "discriminatie_solliciteren"),
    ("hoe laat ik mijn diploma uit syrie waarderen", "buitenlands_diploma"),
    ("ik was apotheker in mijn land, wat moet ik doen om hier te werken", "buitenlands_diploma"),
    ("welk nederlands niveau heeft mijn diploma uit turkije", "buitenlands_diploma"),
    ("waar vraag ik een diplomawaardering aan", "buitenlands_diploma"),
    (
        "ik heb een nieuwe job gevonden tijdens mijn opzeg, mag ik eerder vertrekken",
        "ontslag_met_opzeg_belgie",
    ),
    ("wie betaalt mijn dop, de rva of mijne vakbond", "ontslag_met_opzeg_belgie"),
    (
        "waar vraag ik na mijn afdanking mijn uitkering aan, ik ben geen vakbondslid",
        "ontslag_met_opzeg_belgie",
    ),
    # Round 16 (p71): the leave answer did not answer this; zorgverlof_diagnose_noemen says
    # honestly that the rules do not say, and what the employer may ask.
    ("Moet ik mijn leidinggevende vertellen wat mijn moeder heeft?", "zorgverlof_diagnose_noemen"),
    ("mag ik zorgverlof opnemen of moet dat van mijn vakantiedagen af", "mantelzorgverlof"),
    ("is zorgverlof betaald", "mantelzorgverlof"),
    ("mantelzorg voor mijn moeder met dementie", "mantelzorgverlof"),
]

NEW_IDS = [
    "na_de_ww",
    "passend_werk_ww",
    "vacatures_zoeken",
    "niet_meer_opgeroepen",
    "discriminatie_solliciteren",
    "buitenlands_diploma",
    "ontslag_met_opzeg_belgie",
]


@pytest.fixture(scope="module")
def by_id() -> dict[str, Entry]:
    return {e.id: e for e in load_entries()}


def _answer(by_id: dict[str, Entry], entry_id: str) -> str:
    return " ".join(by_id[entry_id].answer).lower()


def test_the_round10_phrasings_are_not_example_questions():
    assert not overlapping([text for text, _ in ROUND10])


@pytest.mark.parametrize(("text", "expected"), ROUND10)
def test_round10_message_gets_the_right_entry(text, expected):
    found = shared_retriever().find(text)
    assert found is not None, text
    assert found.entry.id == expected, (text, found.entry.id)


@pytest.mark.parametrize("entry_id", NEW_IDS)
def test_round10_answers_are_two_or_three_bubbles_with_je_and_no_amounts(by_id, entry_id):
    entry = by_id[entry_id]
    answer = _answer(by_id, entry_id)
    assert 2 <= len(entry.answer) <= 3, entry_id
    assert re.search(r"\bje\b", answer), entry_id
    assert "€" not in answer and not re.search(r"\beuro\b", answer), entry_id
    assert entry.simple, entry_id


def test_after_the_ww_names_bijstand_the_partner_and_a_careful_iow(by_id):
    answer = _answer(by_id, "na_de_ww")
    for word in (
        "bijstand",
        "gemeente",
        "partner",
        "vermogen",
        "iow",
        "60 jaar en 4 maanden",
        "tijdelijke regeling",
        "uwv kijkt",
        "ioaw",
    ):
        assert word in answer, word
    assert "hoeveel bijstand krijg ik per maand" in load_not_covered()


def test_suitable_work_widens_after_six_months_and_uwv_decides(by_id):
    answer = _answer(by_id, "passend_werk_ww")
    for word in (
        "passend werk",
        "eigen niveau",
        "6 maanden",
        "2 uur",
        "3 uur",
        "verlagen of stoppen",
        "uwv beslist",
    ):
        assert word in answer, word


def test_on_call_without_calls_is_no_dismissal_but_phase_a_can_end(by_id):
    answer = _answer(by_id, "niet_meer_opgeroepen")
    for word in (
        "niet zomaar ontslagen",
        "per mail",
        "fase a",
        "uitzendbeding",
        "schriftelijk",
        "12 maanden",
    ):
        assert word in answer, word


def test_discrimination_when_applying_is_not_your_fault_and_the_employer_must_prove(by_id):
    answer = _answer(by_id, "discriminatie_solliciteren")
    for word in (
        "ligt niet aan jou",
        "discriminatie.nl",
        "gratis",
        "college voor de rechten",
        "bewaar",
        "moet de werkgever bewijzen",
    ):
        assert word in answer, word


def test_a_foreign_diploma_names_idw_and_the_big_register_without_promising_work(by_id):
    answer = _answer(by_id, "buitenlands_diploma")
    for word in (
        "idw",
        "nuffic",
        "sbb",
        "advies",
        "werkgever beslist",
        "big-register",
        "nederlands",
        "master farmacie",
        "uaf",
    ):
        assert word in answer, word


def test_the_flemish_counter_notice_and_the_payment_institution(by_id):
    entry = by_id["ontslag_met_opzeg_belgie"]
    answer = _answer(by_id, "ontslag_met_opzeg_belgie")
    assert entry.region == "be"
    for word in (
        "tegenopzeg",
        "4 weken",
        "schriftelijk",
        "ontslag door jou",
        "acv",
        "abvv",
        "aclvb",
        "hvw",
        "c4",
        "vdab",
        "rva beslist",
        "vakbond",
    ):
        assert word in answer, word
    assert "uwv" not in answer
    not_covered = load_not_covered()
    assert "hoe lang is mijn opzegtermijn in belgie" in not_covered
    assert "hoeveel werkloosheidsuitkering krijg ik van de rva" in not_covered


def test_care_leave_is_its_own_right_and_the_employer_may_ask_for_plausibility(by_id):
    answer = _answer(by_id, "mantelzorgverlof")
    for word in ("apart recht", "vakantiedagen", "aannemelijk", "weigeren", "70%"):
        assert word in answer, word
