"""Knowledge round 14 (2026-12-04): three role-played members got "dat weet ik niet zeker" or
the wrong block. p57, a helpende who wants to become a nurse, asked about the BBL, its school
days and who pays; p55, a 63-year-old paver, asked about the construction sector's scheme for
heavy work, a boss who says "dat kan niet", and working half days until his AOW (he got the
AOW-age table); p59, in Ghent, asked whether 6 years of work is enough for a loopbaancheque and
how to become a kinderbegeleider. The members' own messages are pinned below, verbatim; the
other phrasings were written apart from the example questions (a test proves none is one)."""

from __future__ import annotations

import pytest
from knowledge_support import answer_of, found_id, overlapping, plain_and_sourced_problems

NURSE = "helpende_naar_verpleegkundige"
FUNDING = "werkgever_betaalt_opleiding"
LESS = "minder_werken_tot_aow"
BOUW = "zwaarwerkregeling_bouw"
BOSS = "rvu_baas_zegt_nee"
CHEQUE = "loopbaancheque_werkervaring"
CHILDCARE = "kinderbegeleider_worden"

# The members' messages, verbatim (reports p57, p55, p59 of round 14).
MEMBERS_NL = [
    ("hoi!! ik werk als helpende in de ouderenzorg in nijmegen en ik wil zoooo graag "
     "verpleegkundige worden 😊 kan dat via werken en leren?? en hoe lang duurt dat dan? en moet "
     "ik dan weer elke dag naar school want ik heb 2 kids 🙈", NURSE),
    ("ik wil mbo verpleegkundige worden!! niveau 4 denk ik. dan kan ik meer doen voor de "
     "bewoners en ook meer verdienen 😊 maar dus mijn vraag was of dat kan via werken en leren "
     "(bbl heet dat toch?) en hoe lang dat duurt", NURSE),
    ("oh oke 😅 maar weet je dan wel wie dat betaald? want ik kan echt niet zonder salaris met "
     "2 kids, ik ben alleenstaand", FUNDING),
    ("hmm jammer. en moet ik dan weer naar school elke dag? of is dat 1 dag in de week ofzo? "
     "ik werk nu 28 uur", NURSE),
    ("nee geen van beide haha, het gaat over de opleiding tot verpleegkundige. de bbl. "
     "hoeveel dagen school is dat", NURSE),
    ("kan ik het niet gewoon aan mijn werkgever vragen of die het betaalt? wij hebben wel een "
     "opleidingsafdeling geloof ik", FUNDING),
    ("wat is dat rvu. mijn baas zegt dat kan niet bij ons", BOSS),
    ("nou ik zit in de bouw en infra cao. hebben die wat voor zwaar werk", BOUW),
    ("nee het gaat over eerder stoppen. heeft de bouw een regeling voor vroegpensioen", BOUW),
    ("je geeft geen antwoord. bouw vroegpensioen ja of nee", BOUW),
    ("nog 1 ding. kan ik ook halve dagen of lichter werk doen tot m'n aow", LESS),
]
MEMBERS_BE = [
    ("ah top. en ge zegt een aantal jaren werkervaring, ik werk sinds mijn 21e dus 6 jaar, plus "
     "wa studentenjobs. is da genoeg?", CHEQUE),
    ("awel, of ik beter bij de kleinste kindjes pas (creche) of bij de grotere in de lagere "
     "school. en of ik da wel kan, ik heb geen diploma in da richting, alleen mijn middelbaar "
     "(kantoor)", CHILDCARE),
    ("ik wil gewoon een diploma om in de kinderopvang te mogen werken, kinderbegeleider. kan da "
     "ook s avonds of in het weekend? want overdag sta ik in de winkel", CHILDCARE),
]
# Held-out phrasings of our own.
HELD_OUT_NL = [
    ("ik ben helpende plus en wil graag doorstuderen voor verpleegkundige, met behoud van loon",
     NURSE),
    ("hoeveel jaar ben je bezig met de bbl voor verpleegkundige", NURSE),
    ("wie betaalt mijn scholing als ik mijn salaris niet kan missen", FUNDING),
    ("mag ik de laatste jaren voor mijn aow halve dagen werken", LESS),
    ("ik wil tot mijn pensioen wat minder uren en lichter werk, kan dat", LESS),
    ("ik zit in de bouw, is er een regeling om eerder te stoppen met dit zware werk", BOUW),
    ("zwaarwerkregeling bouw en infra, wie mag daar gebruik van maken", BOUW),
    ("mijn werkgever zegt dat een rvu bij ons bedrijf niet mogelijk is, wat kan ik doen", BOSS),
]
HELD_OUT_BE = [
    ("hoeveel jaren werkervaring moet ik hebben om een loopbaancheque te krijgen", CHEQUE),
    ("welke opleiding moet ik volgen om kinderbegeleider te worden", CHILDCARE),
]
# Near misses: the subject sounds alike, the question is another one.
NEAR_NL = [
    ("wanneer krijg ik aow", "aow_leeftijd"),
    ("wat is de aow leeftijd", "aow_leeftijd"),
    ("wat is de rvu", "rvu_uitleg"),
    ("kan ik deeltijdpensioen nemen", "deeltijdpensioen"),
    ("wat is een generatiepact", "generatiepact"),
    ("wat is bbl", "leren_en_werken_bbl"),
    ("moet mijn baas mijn opleiding betalen", FUNDING),
    ("bestaat de iow nog in 2026", "na_de_ww"),
]
NEAR_BE = [
    ("hoe vraag ik een loopbaancheque aan", "loopbaancheque_vlaanderen"),
    ("wat is vlaams opleidingsverlof", "vlaams_opleidingsverlof"),
]


def test_the_round14_phrasings_are_not_example_questions():
    texts = [t for t, _ in MEMBERS_NL + MEMBERS_BE + HELD_OUT_NL + HELD_OUT_BE]
    assert not overlapping(texts)


@pytest.mark.parametrize(("text", "expected"), MEMBERS_NL + HELD_OUT_NL + NEAR_NL)
def test_round14_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "expected"), MEMBERS_BE + HELD_OUT_BE + NEAR_BE)
def test_round14_flemish_message_gets_the_right_entry(text, expected):
    assert found_id(text, flemish=True) == expected, text


def test_the_half_days_question_no_longer_gets_the_aow_age():
    assert found_id("nog 1 ding. kan ik ook halve dagen of lichter werk doen tot m'n aow") != \
        "aow_leeftijd"
    assert "67" not in answer_of(LESS)


@pytest.mark.parametrize(("entry_id", "region"), [
    (NURSE, "nl"), (LESS, "nl"), (BOUW, "nl"), (BOSS, "nl"), (CHEQUE, "be"), (CHILDCARE, "be")])
def test_round14_answers_are_short_plain_and_sourced(entry_id, region):
    assert not plain_and_sourced_problems(entry_id, (2, 2), (2, 4), region=region)


def test_the_bbl_answer_says_salary_one_school_day_and_that_costs_differ():
    answer = answer_of(NURSE)
    for words in ("bbl", "salaris", "één dag per week", "vooropleiding", "cao",
                  "opleidingsafdeling"):
        assert words in answer, words
    assert "betaalt altijd" not in answer


def test_the_funding_answer_names_employer_fund_and_the_end_of_stap():
    answer = answer_of(FUNDING)
    for words in ("werkgever", "o&o-fonds", "stap"):
        assert words in answer, words


def test_working_less_answer_names_the_routes_and_the_cao():
    answer = answer_of(LESS)
    for words in ("wet flexibel werken", "deeltijdpensioen", "pensioenfonds", "lichter werk",
                  "werkgever", "cao"):
        assert words in answer, words


def test_the_construction_answer_is_honest_about_what_is_not_sourced():
    answer = answer_of(BOUW)
    for words in ("bouw & infra", "3 jaar", "20 jaar", "2026", "weet ik niet zeker", "cao",
                  "consulent"):
        assert words in answer, words
    assert "€" not in answer and "euro" not in answer


def test_the_boss_answer_says_no_right_depends_on_cao_union_checks():
    answer = answer_of(BOSS)
    for words in ("geen recht", "cao", "vakbond"):
        assert words in answer, words


def test_the_flemish_answers_are_honest():
    cheque = answer_of(CHEQUE)
    for words in ("7 jaar", "studentenjobs", "weet ik niet zeker", "2026", "loopbaankrediet",
                  "vdab"):
        assert words in cheque, words
    childcare = answer_of(CHILDCARE)
    for words in ("kwalificatie", "kinderbegeleider", "volwassenenonderwijs", "weet ik niet zeker"):
        assert words in childcare, words
    for answer in (cheque, childcare):
        assert "uwv" not in answer and "stap" not in answer
