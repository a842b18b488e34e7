"""Debts are read in three places: the conversation (no training budget, money worries in the
summary), the cost question (her rent is not our price) and the knowledge base's offer of debt
help (knowledge/money.yml, offer_on, data rather than code). One list of phrases for all three,
so that they cannot drift apart again (round 13: "huurachterstand" was debt help but not debt)."""

from __future__ import annotations

import pytest

from bot.dialogue.patterns import DEBTS, LIVING_COSTS
from bot.knowledge.entries import load_entries
from bot.knowledge.retriever import mentioned

DEBT_PHRASES = [
    "ik heb schulden", "de deurwaarder staat steeds voor de deur",
    "ik heb een betalingsachterstand bij de energie", "2 maanden huurachterstand",
    "ik zit in de schuldsanering", "de schuldeisers bellen me", "ik heb hulp nodig met schuldhulp",
]
NOT_DEBT = ["het is mijn eigen schuld", "schuldgevoel naar mijn collega's",
            "wie is er schuld aan dat ik ontslagen ben"]


@pytest.mark.parametrize("text", DEBT_PHRASES)
def test_debts_are_debts_everywhere(text):
    assert DEBTS.search(text), text
    assert LIVING_COSTS.search(text), text
    found = mentioned(load_entries(), text)
    assert found is not None and found.id == "hulp_bij_schulden", (text, found)


@pytest.mark.parametrize("text", NOT_DEBT)
def test_fault_is_no_debt(text):
    assert not DEBTS.search(text), text
    found = mentioned(load_entries(), text)
    assert found is None or found.id != "hulp_bij_schulden", (text, found)
