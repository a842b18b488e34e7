"""Knowledge round 13d (2026-12-04): p53, a sceptical manager who is no union member, asked
"Wat kost mij dat als niet-lid?" and was told only that the chat needs no membership. The
phrasings below are his own message or were written apart from the example questions (a test
proves none is an example question)."""

from __future__ import annotations

import pytest
from knowledge_support import answer_of, found_id, overlapping, plain_and_sourced_problems
from rasa_sdk import Tracker

from actions.respond import turn_from
from bot.knowledge.in_conversation import find_each
from bot.knowledge.retriever import shared_retriever

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


@pytest.mark.parametrize(("text", "expected"), [
    ("Kost een gesprek met een consulent geld? En moet ik lid zijn van de vakbond?",
     ["is_dit_gratis", "moet_ik_lid_zijn"]),
    ("Wat is de transitievergoeding? En krijg ik ww als ik zelf ontslag neem?",
     ["transitievergoeding", "zelf_ontslag_ww"]),
    ("hoe gaat het? goed?", []),
])
def test_each_question_of_a_message_finds_its_own_answer(text, expected):
    # p53: "Kost een gesprek met die consulent mij geld, ja of nee? En bent u een echte
    # adviseur of een chatbot?" got half an answer; so did p57's three questions.
    assert [m.entry.id for m in find_each(shared_retriever(), text)] == expected


def test_the_action_hands_the_second_answer_to_the_dialogue():
    def tracker(text: str, given: list[str]) -> Tracker:
        return Tracker("sender-1", {"knowledge_given": given},
                       {"intent": {"name": "ask_cost", "confidence": 0.8}, "text": text},
                       [], False, None, None, "action_listen")

    text = "Kost een gesprek met een consulent geld? En moet ik lid zijn van de vakbond?"
    turn = turn_from(tracker(text, []))
    assert turn.knowledge is not None and turn.also is not None
    assert {turn.knowledge.entry.id, turn.also.entry.id} == {"is_dit_gratis", "moet_ik_lid_zijn"}
    # an answer given before is not given again as the second one
    assert turn_from(tracker(text, [turn.also.entry.id])).also is None
