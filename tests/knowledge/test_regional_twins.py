"""An entry with a twin for the other country (``x`` and ``x_be``): the person's country picks
the twin, whatever the fourth decimal of the scores says. Adding round-14 entries moved
"moet ik mijn baas vertellen wat ik heb als ik ziek ben?" to the Belgian answer by 0.0001."""

from __future__ import annotations

import pytest
from knowledge_support import found_id

from bot.knowledge.retriever import shared_retriever


@pytest.mark.parametrize(("text", "flemish", "expected"), [
    ("moet mijn werkgever weten welke ziekte ik heb?", False, "ziek_wat_vertellen"),
    ("moet mijn werkgever weten welke ziekte ik heb?", True, "ziek_wat_vertellen_be"),
    ("moet ik aan mijne baas zeggen wa ik heb als ik ziek ben?", True, "ziek_wat_vertellen_be"),
    # Round 14b, p59 in Gent was sent to the Dutch Noloc register for a test.
    ("kan ik ook ne test doen om te weten wa bij mij past?", True, "loopbaantest_be"),
    ("kan ik een test doen om te zien wat bij me past?", False, "loopbaantest"),
    ("wat doet een loopbaanconsulent eigenlijk?", True, "wat_doet_loopbaanconsulent_be"),
    ("wat doet een loopbaanconsulent eigenlijk?", False, "wat_doet_loopbaanconsulent"),
])
def test_the_country_picks_the_twin(text, flemish, expected):
    assert found_id(text, flemish) == expected


def test_every_belgian_twin_has_its_dutch_entry():
    retriever = shared_retriever()
    for entry_id, twin in retriever._twins.items():
        assert retriever.entries[twin].id in (f"{entry_id}_be", entry_id.removesuffix("_be"))
