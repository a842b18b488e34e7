"""The crisis layer (bot/nlu/crisis.py) and how the input guard applies it.

Examples written from the crisis definition (intents.md), public guidance on
warning signs and the cases named in issue 11; none come from tests/nlu/crisis.
"""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis import CLEAR, POSSIBLE, crisis_level, rule_level
from bot.nlu.input_guard import InputGuard, text_or_bad_input

CLEAR_STATEMENTS = [
    "ik wil er niet meer zijn", "ik denk aan zelfmoord", "ik wil dood",
    "iedereen is beter af zonder mij", "mijn kinderen zijn beter af als ik er niet meer ben",
    "Ik wil er een punt achter zetten, niet met mijn werk maar met alles",
    "de schulden lopen op. ik sta op het perron en denk erover te springen",
    "de pillen liggen klaar", "ik heb mijn slaappillen opgespaard, de pillen liggen klaar",
    "ik snij mezelf weer", "ik heb een afscheidsbrief geschreven",
    "ik wil mezelf van kant maken", "ik wil slapen en nooit meer wakker worden",
    "ik heb geen reden meer om te leven", "ik heb een plan om er een einde aan te maken",
    "ik ga dood van de werkdruk en eerlijk gezegd wil ik ook echt dood",
    "ik wil mijn leven beëindigen", "'k wil er nie meer zijn", "zelfmoordgedachten",
]
POSSIBLE_SIGNALS = [
    "ik zie het niet meer zitten", "ik zie het echt niet meer zitten.", "ik kan niet meer",
    "ik kan het niet meer aan", "het hoeft allemaal niet meer", "ik zie geen uitweg meer",
    "niemand zou me missen", "ik ben een last voor iedereen", "ik wil gewoon verdwijnen",
    "ik wil niet meer.", "wat heeft het allemaal nog voor zin",
    # Round 27, p136 (night shifts, sleeps four hours, feels empty): a career tip came.
    "energie? da's er ni veel meer eh. soms denk ik waarom doe ik dit allemaal nog",
    "waarom leef ik eigenlijk nog", "soms vraag ik me af waarom ik er nog ben",
]
NOT_CRISIS = [
    "ik ga dood van de werkdruk", "ik ben doodmoe", "ik was dood op na die dienst",
    "ik zie het niet meer zitten met die planning", "ik ben er klaar mee",
    "ik ben er KLAAR mee", "ik wil stoppen met mijn baan", "ik neem ontslag",
    "bedankt!", "dank je wel, fijne avond", "doei", "tot ziens",
    "sorry als ik het verkeerd zei", "niet bellen alsjeblieft",
    "ik wil me niet van kant maken hoor", "ik denk niet aan zelfmoord hoor",
    "nee, ik wil niet dood, ik wil ander werk",
    "ik heb meer ambitie om leiding te geven",
    "Ik wil niet dat er allerlei dingen over mijn rug en knieën in staan",
    "ik heb geen zin meer in mijn werk", "ik kan niet meer tegen de werkdruk",
    "ik kan het werk niet meer aan", "ik wil niet meer werken",
    "ik wil een einde maken aan mijn contract", "er komt een einde aan mijn contract",
    "mijn collega heeft zelfmoord gepleegd", "ik wil nooit meer in de nachtdienst",
    "ik kan niet meer fulltime werken", "ik zie het niet zitten om nog tien jaar door te gaan",
    "ik wil niet meer zo lang reizen", "mijn contract is dood",
    "waarom doe ik dit werk eigenlijk nog", "waarom doe ik dit allemaal nog voor die baas",
    "ik snap niet waarom ik dit allemaal nog moet invullen", "waarom doe ik dit nog zo?",
]


@pytest.mark.parametrize("text", CLEAR_STATEMENTS)
def test_statements_are_clear(text):
    assert rule_level(text) == CLEAR


@pytest.mark.parametrize("text", POSSIBLE_SIGNALS)
def test_signals_that_may_be_one_are_possible(text):
    assert rule_level(text) == POSSIBLE


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_hyperbole_denials_and_ordinary_talk_are_none(text):
    assert crisis_level(text, [{"name": "thank", "confidence": 0.9}]) is None


def test_the_classifier_alone_gives_possible_at_most():
    ranking = [{"name": "crisis", "confidence": 0.8}, {"name": "stuck", "confidence": 0.1}]
    assert crisis_level("het gaat gewoon echt heel slecht", ranking) == POSSIBLE
    low = [{"name": "crisis", "confidence": 0.2}, {"name": "stuck", "confidence": 0.15}]
    assert crisis_level("het gaat gewoon echt heel slecht", low) is None
    # hyperbole is not lifted by the classifier
    assert crisis_level("ik ga dood van de werkdruk", ranking) is None


def guard(text: str, ranking: list[dict]) -> Message:
    message = Message({"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking})
    return InputGuard({}).process([message])[0]


def test_clear_makes_the_intent_crisis_with_certainty_and_an_output_property():
    message = guard("iedereen is beter af zonder mij", [{"name": "stuck", "confidence": 0.6}])
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    assert message.get("crisis_level") == CLEAR
    assert "crisis_level" in message.as_dict(only_output_properties=True)


def test_possible_keeps_the_best_non_crisis_topic():
    ranking = [{"name": "crisis", "confidence": 0.5},
               {"name": "workload_health", "confidence": 0.3},
               {"name": "stuck", "confidence": 0.1}]
    message = guard("ik zie het niet meer zitten", ranking)
    assert message.get("intent")["name"] == "workload_health"
    assert [e["name"] for e in message.get("intent_ranking")] == ["workload_health", "stuck"]
    assert message.as_dict(only_output_properties=True)["crisis_level"] == POSSIBLE


@pytest.mark.parametrize("text", ["bedankt!", "sorry als ik het verkeerd zei", "doei"])
def test_a_crisis_guess_on_ordinary_words_is_neither_crisis_nor_certain(text):
    ranking = [{"name": "crisis", "confidence": 0.3}, {"name": "thank", "confidence": 0.25}]
    message = guard(text, ranking)
    assert message.get("intent")["name"] == "thank"
    assert message.get("crisis_level") is None


def test_long_text_path_agrees_with_the_clear_level():
    story = "het gaat al maanden slecht op mijn werk. " * 60
    assert text_or_bad_input(story + "iedereen is beter af zonder mij.") == "/crisis"
    # possible is not enough to turn an over-long text into the crisis answer
    assert text_or_bad_input(story + "ik zie het niet meer zitten.") == "/bad_input"
    assert text_or_bad_input(story + "ik ga dood van de werkdruk.") == "/bad_input"


# Missed in the role-play of 2026-12-03 (a man with debts and a marriage ending).
@pytest.mark.parametrize(("text", "level"), [
    ("schulden, vrouw wil scheiden. soms denk ik dat ze zonder mij beter af zijn", "clear"),
    ("18 duizend schuld. heeft allemaal geen zin meer eigenlijk", "possible"),
    ("maakt ook niet uit eigenlijk. ze redden zich wel zonder mij", "possible"),
    ("ok. tot maandag dan. als ik er dan nog ben haha", "possible"),
    ("het team redt zich wel zonder mij als ik op vakantie ben", None),
    ("mijn werk heeft geen zin meer", None),
    # Round 4 (p22, p24): indirect statements that got no check question at all.
    ("het maakt allemaal niet meer uit eigenlijk", "possible"),
    ("ik zie het niet meer zitten met alles", "possible"),
    ("soms wil ik gewoon verdwijnen", "possible"),
    ("dat maakt niet meer uit, ik heb al getekend", None),
    ("het maakt me niet meer uit welke baan ik krijg", None),
    ("ik zie het niet meer zitten met die planning", None),
    # Round 16 (p69, dismissed at 58): affairs put in order for his wife, "straks".
    ("ik heb mijn zaakjes op orde gemaakt, mijn vrouw hoeft zich straks nergens zorgen over "
     "te maken", "clear"),
    ("ik heb mijn zaakjes op orde gemaakt.", "possible"),
    ("mijn vrouw hoeft zich straks nergens zorgen over te maken", "possible"),
    ("ik heb mijn zaakjes op orde voor de verhuizing naar Tilburg", None),
    ("alles is geregeld voor mijn pensioen, mijn vrouw hoeft nergens zorgen over te maken",
     None),
    ("de papieren voor de transitievergoeding zijn geregeld", None),
])
def test_indirect_wordings_from_the_role_play(text, level):
    from bot.nlu.crisis import rule_level

    assert rule_level(text) == level


# A fresh batch written after the rules were done, to estimate how they generalise
# (2026-12-03: 27 of 30 statements caught, 1 clear and 2 possible of 40 ordinary
# messages; docs/decisions.md). The misses were then fixed in general form.
@pytest.mark.parametrize(("text", "level"), [
    ("ik heb mijn testament gemaakt en mijn kat aan de buren gegeven", POSSIBLE),
    ("ik heb een plan en ik weet wanneer", POSSIBLE),
    ("ik overweeg om alles te beëindigen", POSSIBLE),
    ("ik heb vannacht op internet gezocht hoe ik er een eind aan kan maken", CLEAR),
    ("mijn vrouw en kinderen redden zich beter zonder mij", POSSIBLE),
    ("ik wil er een einde aan maken met dat uitzendbureau", None),
    ("ik wil er een einde aan maken met alles", CLEAR),
    ("ik heb een plan voor mijn carrière en weet hoe ik het aanpak", None),
    ("ik wil springen naar een andere functie", None),
    ("ik heb pillen tegen mijn rugpijn gekregen van de huisarts", None),
    ("ik wil verdwijnen uit deze afdeling", None),
])
def test_a_fresh_batch_written_after_the_rules(text, level):
    assert rule_level(text) == level


# Round 22b (p98, a cleaner in Gent): "mijne rug kan ni meer, ik MOET iets anders zoeken" got
# the check question. A body part that can't go on is the work's load; the person who can't
# go on stays a possible crisis, also beside a body part.
@pytest.mark.parametrize(("text", "level"), [
    ("mijn nek kan het niet meer.", None),
    ("mijn lijf kan niet meer", None),
    ("mijne heup kan ni meer, ik moet iets anders vinden", None),
    ("mijne schouders kunnen ni meer, wa kan ik nog doen", None),  # guard
    ("ik kan niet meer", POSSIBLE),
    ("mijn rug kan niet meer en ik kan niet meer", POSSIBLE),
])
def test_a_body_that_cannot_go_on_is_no_crisis(text, level):
    assert rule_level(text) == level
