"""Knowledge round 10, night work (2026-12-03): knowledge/working_hours.yml answers what the
role-played p43 (Noor, 26, nurse in training via the BBL, worn out by night shifts) asked and the
bot could not answer: how many nights in a row are allowed, whether the rules hold for a learner,
and whether she can move to a department without nights and whom to talk to.

The paraphrases below were written by the entries' author after the entries, in other words than
their example questions (a test proves it), and not taken from the evaluation sets. Misses of the
same check are listed in the round-10 report ("wat is het maximum aantal nachten per jaar" and
"8 nachten achter elkaar ingeroosterd, is dat wel legaal" score below the threshold; "mag ik
weigeren om nachten te werken" goes to minder_uren_werken; "mag je met 16 al nachtdiensten doen"
goes to the general night-shift rules, which do not mention age)."""

from __future__ import annotations

import re

import pytest
from knowledge_support import overlapping

from bot.knowledge.entries import Entry, load_entries, load_not_covered
from bot.knowledge.retriever import shared_retriever

# p43's own questions, as the brief quotes them (they stand in the entries as examples).
PERSONA = [
    ("mag dat eigenlijk wel, 7 nachten achter elkaar?", "nachtdiensten_regels"),
    ("ik ben kapot van de nachten, mag dat zomaar", "nachtdiensten_regels"),
    ("kan ik wisselen naar een andere afdeling zonder nachten", "minder_nachten_andere_afdeling"),
    (
        "met wie kan ik hierover praten, mijn leidinggevende of school?",
        "minder_nachten_andere_afdeling",
    ),
]

PARAPHRASES = [
    ("mag mijn baas me zeven nachten op rij laten werken", "nachtdiensten_regels"),
    ("hoeveel uur rust moet ik krijgen na mijn nachtdiensten", "nachtdiensten_regels"),
    ("ik ben gewoon kapot van de nachten", "nachtdiensten_regels"),
    ("als bbl leerling, tellen de nachtdienstregels ook voor mij", "nachtdienst_leerling_bbl"),
    ("kan ik naar een afdeling waar geen nachtdiensten zijn", "minder_nachten_andere_afdeling"),
    ("kan ik wisselen naar een andere afdeling?", "minder_nachten_andere_afdeling"),
    (
        "moet ik dit met mijn leidinggevende of met school bespreken",
        "minder_nachten_andere_afdeling",
    ),
    (
        "de nachten maken me ziek, moet mijn werkgever me dagdiensten geven",
        "minder_nachten_andere_afdeling",
    ),
]

IDS = ["nachtdiensten_regels", "nachtdienst_leerling_bbl", "minder_nachten_andere_afdeling"]


@pytest.fixture(scope="module")
def by_id() -> dict[str, Entry]:
    return {e.id: e for e in load_entries()}


def _answer(by_id: dict[str, Entry], entry_id: str) -> str:
    return " ".join(by_id[entry_id].answer).lower()


def test_the_paraphrases_are_not_example_questions():
    assert not overlapping([text for text, _ in PARAPHRASES])


@pytest.mark.parametrize(("text", "expected"), PERSONA + PARAPHRASES)
def test_night_work_message_gets_the_right_entry(text, expected):
    found = shared_retriever().find(text)
    assert found is not None, text
    assert found.entry.id == expected, (text, found.entry.id)


@pytest.mark.parametrize("entry_id", IDS)
def test_night_work_answers_are_dutch_and_for_the_netherlands(by_id, entry_id):
    entry = by_id[entry_id]
    assert entry.region == "nl"
    assert 2 <= len(entry.answer) <= 3 and entry.simple
    assert re.search(r"\bje\b", " ".join(entry.answer).lower()), entry_id


def test_the_rules_name_the_limits_and_that_a_cao_may_differ(by_id):
    answer = _answer(by_id, "nachtdiensten_regels")
    for word in (
        "7 diensten achter elkaar",
        "cao",
        "8",
        "36 nachten",
        "16 weken",
        "46 uur",
        "14 uur",
        "ondernemingsraad",
        "arbeidsinspectie",
        "bedrijfsarts",
    ):
        assert word in answer, word
    assert "toeslag" not in answer  # allowances stay uncovered
    assert "heb ik recht op een toeslag voor nachtdiensten" in load_not_covered()


def test_a_bbl_learner_is_an_employee_and_under_18_works_no_nights(by_id):
    answer = _answer(by_id, "nachtdienst_leerling_bbl")
    for word in (
        "arbeidsovereenkomst",
        "werknemer",
        "arbeidstijdenwet",
        "jonger dan 18",
        "praktijkopleider",
        "bpv-begeleider",
        "leidinggevende",
    ):
        assert word in answer, word


def test_fewer_nights_goes_through_the_manager_school_and_the_bedrijfsarts(by_id):
    answer = _answer(by_id, "minder_nachten_andere_afdeling")
    for word in (
        "leidinggevende",
        "praktijkopleider",
        "school",
        "bedrijfsarts",
        "zonder toestemming",
        "zonder nachten",
        "redelijkerwijs",
        "pago",
        "cao",
    ):
        assert word in answer, word
    # no legal right to another department was found: none is promised
    assert not re.search(r"recht op een andere afdeling|moet je overplaatsen", answer)
