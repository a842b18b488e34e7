"""Knowledge round 13d (2026-12-04): p53, a sceptical manager who is no union member, asked
"Wat kost mij dat als niet-lid?" and was told only that the chat needs no membership. The
phrasings below are his own message or were written apart from the example questions (a test
proves none is an example question)."""

from __future__ import annotations

import pytest
from knowledge_support import answer_of, found_id, overlapping, plain_and_sourced_problems

ROUND13D = [
    ("Dat is mij nog niet helemaal duidelijk. Wat kost mij dat als niet-lid? Ik ben namelijk "
     "geen lid van een vakbond.", "kosten_als_niet_lid"),
    ("en als ik geen lid ben, wat kost een consulent dan", "kosten_als_niet_lid"),
    ("moet ik betalen als ik geen lid ben van de fnv", "kosten_als_niet_lid"),
]
# Still the membership question, not the price.
NOT_PRICE = [
    ("ik ben geen lid, kan ik toch hulp krijgen", "moet_ik_lid_zijn"),
    ("moet je lid zijn van de bond om hier te chatten?", "moet_ik_lid_zijn"),
    ("is dit alleen voor vakbondsleden?", "moet_ik_lid_zijn"),
]


def test_the_round13d_phrasings_are_not_example_questions():
    assert not overlapping([text for text, _ in ROUND13D + NOT_PRICE])


@pytest.mark.parametrize(("text", "expected"), ROUND13D + NOT_PRICE)
def test_round13d_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


def test_the_price_answer_is_honest_about_what_we_do_not_know():
    assert not plain_and_sourced_problems("kosten_als_niet_lid", (2, 2), (2, 4), percent=False)
    answer = answer_of("kosten_als_niet_lid")
    for words in ("chat is gratis", "ook als je geen lid bent", "verschilt per bond",
                  "weet ik niet zeker", "vooraf"):
        assert words in answer, words
    assert "€" not in answer and "euro" not in answer
