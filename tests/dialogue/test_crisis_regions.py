"""The crisis answer gives the numbers that work where the person lives: 113 in the
Netherlands, 1813 in Flanders (role-play round 3: a Dutch member got Flemish lines,
and nobody heard that the GP can help). Each test failed before the Belgian versions."""

from __future__ import annotations

import pytest
from conversation_support import Chat
from domain_texts import load_responses

from bot.dialogue.patterns import BELGIAN_VERSIONS
from bot.nlu.flemish import sounds_flemish

RESPONSES = load_responses()


def test_someone_in_flanders_gets_the_belgian_crisis_answer():
    chat = Chat()
    names = chat.say("ik zie het nie meer zitten, ik wil er ni meer zijn", "crisis",
                     crisis_level="clear", flemish=True)
    assert names[:2] == ["utter_crisis_be", "utter_crisis_help_be"]
    assert chat.say("nee laat maar", "deny", flemish=True) == ["utter_crisis_declined_be"]


def test_someone_in_the_netherlands_gets_the_dutch_crisis_answer():
    chat = Chat()
    names = chat.say("ik wil er niet meer zijn", "crisis", crisis_level="clear")
    assert names[:2] == ["utter_crisis", "utter_crisis_help"]


@pytest.mark.parametrize("name", sorted(n for n in BELGIAN_VERSIONS
                                         if "crisis" in n or "safety" in n))
def test_each_country_version_names_its_own_helpline_first(name):
    dutch, belgian = RESPONSES[name], RESPONSES[f"{name}_be"]
    for text in dutch:
        assert "113" in text and "1813" not in text.split("(Woon je")[0], text
    for text in belgian:
        assert "1813" in text or "106" in text, text
        assert "0800-0113" not in text and "113.nl" not in text, text


def test_the_first_help_names_the_family_doctor():
    assert all("huisarts" in t for t in RESPONSES["utter_crisis_help"])
    assert all("huisarts" in t for t in RESPONSES["utter_crisis_help_be"])


@pytest.mark.parametrize("text", [
    "ge moogt mij niet bellen", "ik heb er gene goesting meer in", "amai da's zwaar",
    "ik zen interimkracht in mechelen", "ik werk in antwerpen", "kunde mij helpen",
    "via de vdab", "mijn mutualiteit betaalt"])
def test_flemish_words_are_heard(text):
    assert sounds_flemish(text)


@pytest.mark.parametrize("text", [
    "ik werk in de zorg in deventer", "mijn baas geeft me geen vaste uren",
    "kan ik eerder met pensioen", "generaal pardon", "ik ga even weg"])
def test_dutch_messages_are_not_taken_for_flemish(text):
    assert not sounds_flemish(text)


def test_the_conflict_referral_sends_no_dutch_member_to_a_flemish_body():
    # Round 5, p22: a Nijmegen member was sent to Unia (Flanders) and to discrimination
    # desks although she said nothing about discrimination.
    assert all("Unia" not in t and "discriminat" not in t
               for t in RESPONSES["utter_conflict_referral"])
    assert all("ACV" in t for t in RESPONSES["utter_conflict_referral_be"])
