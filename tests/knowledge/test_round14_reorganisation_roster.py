"""Knowledge round 14 (2026-12-04): p56, a municipal employee who will be boventallig, and p60,
a cashier with a permanent contract who gets her roster 2 days ahead and wants fixed days, got
"dat weet ik niet zeker" to basic questions. Their own messages (verbatim) and phrasings written
apart from the example questions (a test proves none is an example question) must get the new
entries; near misses must not."""

from __future__ import annotations

import re

import pytest
from knowledge_support import (
    answer_of,
    found_id,
    near_miss_problem,
    overlapping,
    plain_and_sourced_problems,
)

NEW = ("boventallig_wat_betekent", "van_werk_naar_werk_gemeente", "passende_functie_reorganisatie",
       "rooster_hoe_lang_vooraf", "vaste_werkdagen_vragen")

MEMBERS = [
    # p56 (docs/reviews/round14/p56-gemeente-boventallig.md, failures 1-4 and 7)
    ("Goedemorgen, bij ons wordt de afdeling samengevoegd en ik heb gehoord dat ik boventallig "
     "word. Wat betekent dat precies voor mij?", "boventallig_wat_betekent"),
    ("Dat is nog niet precies bekend, er wordt gezegd per 1 april. Maar wat houdt boventallig nu "
     "eigenlijk in? Raak ik dan mijn baan kwijt? Ik werk al 22 jaar bij de gemeente.",
     "boventallig_wat_betekent"),
    ("Misschien straks. Ik heb eerst nog een vraag: moet ik elke functie aannemen die ze mij "
     "aanbieden? Ik ben bang dat ze me iets geven wat helemaal niet bij me past.",
     "passende_functie_reorganisatie"),
    ("Ik heb van een collega gehoord dat je dan een van-werk-naar-werktraject krijgt. Hoe lang "
     "duurt zo'n traject?", "van_werk_naar_werk_gemeente"),
    ("Gelukkig. Kan de vakbond ook controleren of een functie die ze mij aanbieden echt passend "
     "is volgens de cao? Ik ben lid.", "passende_functie_reorganisatie"),
    # p56 failure 5 asks about a payment if the track fails: no amount is known, but the track's
    # answer (what follows is in the cao; a consultant checks it) is the honest one.
    ("Dat bedoelde ik niet helemaal. Ik bedoel het traject van de gemeente, waarin ze je helpen "
     "aan ander werk. En krijg ik dan een vergoeding als het niet lukt?",
     "van_werk_naar_werk_gemeente"),
    # p60 (docs/reviews/round14/p60-kassa-rooster.md, failures 1-5 and 7)
    ("ik krijg mijn rooster 2 DAGEN van tevoren. dat mag toch niet??", "rooster_hoe_lang_vooraf"),
    ("mijn ROOSTER zeg ik toch. 2 dagen van te voren pas en dan moet ik alles weer regelen met "
     "oppas. mag dat nou of niet", "rooster_hoe_lang_vooraf"),
    ("jezus. ok andere vraag. mijn collega zegt dat ze het rooster 4 dagen van te voren moeten "
     "geven. klopt dat? ik heb een VAST contract hoor, geen oproep", "rooster_hoe_lang_vooraf"),
    ("nee wacht eerst. ik wil gewoon vaste dagen voor mijn kinderen en liefst minder uren. ben "
     "alleenstaand met 2 kids. kan ik dat eisen?", "vaste_werkdagen_vragen"),
    ("en VASTE dagen dan?? dat is het belangrijkste. elke week anders is niet te doen",
     "vaste_werkdagen_vragen"),
    ("NEE. vaste werkdagen. mag ik vragen om vaste dagen in mijn rooster",
     "vaste_werkdagen_vragen"),
    ("daar gaat het niet om. ik ben al lid. als ik om vaste dagen vraag mag mijn baas dan gewoon "
     "nee zeggen?", "vaste_werkdagen_vragen"),
]
# Written apart from the example questions.
HELD_OUT = [
    # A known miss until session 20 lowered the keyword threshold to 0.36 (round 21).
    ("werkrooster steeds pas op het laatste moment, mag dat", "rooster_hoe_lang_vooraf"),
    ("mijn functie gaat verdwijnen, wat betekent boventallig precies", "boventallig_wat_betekent"),
    ("boventallig verklaard na 15 jaar, ben ik nu werkloos?", "boventallig_wat_betekent"),
    ("hoeveel maanden krijg je bij de gemeente om ander werk te zoeken",
     "van_werk_naar_werk_gemeente"),
    ("hoe werkt dat vwnw bij een gemeente eigenlijk", "van_werk_naar_werk_gemeente"),
    ("de gemeente biedt me een functie aan die ver onder mijn niveau zit, moet ik die accepteren",
     "passende_functie_reorganisatie"),
    ("kan ik een passende functie weigeren in mijn herplaatsingsperiode",
     "passende_functie_reorganisatie"),
    ("hoe vraag ik om steeds dezelfde werkdagen", "vaste_werkdagen_vragen"),
    ("kan ik eisen dat ik vaste dagen werk in de supermarkt", "vaste_werkdagen_vragen"),
]
# Held-out phrasings that still miss (kept visible, not tuned away): no time word next to
# "rooster" in the first; the second scores just under the keyword threshold.
STILL_MISSING = [
    ("hoeveel tijd heeft mijn baas om het rooster te geven? ik werk in de winkel met een vast "
     "contract", "rooster_hoe_lang_vooraf"),
]
# Near misses: other entries' questions (or none), never one of the new answers.
NEAR = [
    ("ik ben oproepkracht, hoeveel dagen vooraf moeten ze me oproepen", "oproepkracht_rechten"),
    ("ik ben oproepkracht en ze appen een dag van tevoren of ik kan komen", "oproepkracht_rechten"),
    ("moet ik in de ww elk werk aannemen dat het uwv me stuurt", "passend_werk_ww"),
    ("ik zit in de ww, moet ik een functie op lager niveau accepteren", None),
    ("ik wil minder uren gaan werken, hoe regel ik dat", "minder_uren_werken"),
    ("mag ik van mijn baas thuiswerken op vrijdag", "werktijden_thuiswerken"),
    ("mag ik later beginnen vanwege school van mijn kind", "werktijden_thuiswerken"),
    ("hoeveel nachten achter elkaar mag ik ingeroosterd worden", "nachtdiensten_regels"),
    ("wie moet er als eerste weg bij een reorganisatie", "afspiegeling"),
    ("wat staat er in een sociaal plan eigenlijk", "sociaal_plan"),
    ("mijn bedrijf gaat reorganiseren en ik ben bang dat ik mijn baan kwijtraak", None),
    ("ik werk bij een fabriek die reorganiseert, krijg ik hulp naar ander werk", None),
    ("ik wil op woensdag vrij zijn voor de kinderen, kan ik mijn werktijden aanpassen", None),
    # p60 failure 8 asks for a person, not a fact.
    ("dat ging over minder uren niet over vaste dagen. laat maar iemand van jullie naar mijn cao "
     "kijken dan", None),
]


def test_the_round14_phrasings_are_not_example_questions():
    texts = [text for text, _ in MEMBERS + HELD_OUT + STILL_MISSING + NEAR]
    assert not overlapping(texts)


@pytest.mark.parametrize(("text", "expected"), MEMBERS + HELD_OUT)
def test_round14_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.xfail(reason="round 14 misses left visible (see knowledge/SOURCES.md)", strict=False)
@pytest.mark.parametrize(("text", "expected"), STILL_MISSING)
def test_round14_known_misses(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.parametrize(("text", "expected"), NEAR)
def test_near_misses_do_not_get_the_new_answers(text, expected):
    assert near_miss_problem(text, expected, NEW) is None


@pytest.mark.parametrize("entry_id", NEW)
def test_the_new_answers_are_short_plain_and_sourced(entry_id):
    assert not plain_and_sourced_problems(entry_id, (2, 2), (2, 4), region="nl", percent=False)


@pytest.mark.parametrize(("entry_id", "words"), [
    ("boventallig_wat_betekent", ("functie", "verdwijnt", "nog niet ontslagen", "cao",
                                  "sociaal plan", "van-werk-naar-werk")),
    ("van_werk_naar_werk_gemeente", ("cao gemeenten", "ander werk", "schriftelijk boventallig",
                                     "op papier", "weet ik niet zeker", "consulent")),
    ("passende_functie_reorganisatie", ("niet elke functie", "passende functie", "cao",
                                        "goede reden", "lid", "juridische hulp van je bond")),
    ("rooster_hoe_lang_vooraf", ("oproepkracht", "4 dagen", "cao", "28 dagen",
                                 "arbeidstijdenwet", "consulent")),
    ("vaste_werkdagen_vragen", ("vaste dagen", "schriftelijk", "half jaar", "2 maanden",
                                "zwaarwegende reden", "cao")),
])
def test_the_new_answers_say_what_matters(entry_id, words):
    answer = answer_of(entry_id)
    for word in words:
        assert word in answer, (entry_id, word)


@pytest.mark.parametrize("entry_id", NEW)
def test_no_invented_amounts_or_durations(entry_id):
    answer = answer_of(entry_id)
    assert "€" not in answer and "euro" not in answer
    if entry_id in NEW[:3]:
        # The van-werk-naar-werk track's length was not confirmed for 2026: no months or years.
        assert not re.search(r"\d+\s*(maand|jaar|jaren)", answer), entry_id
    assert "transitievergoeding" not in answer and "noloc" not in answer
