"""Follow-up questions on an answer given earlier in the conversation (role-play round
7b: "moet ik opnieuw solliciteren bij die nieuwe?" got "weet ik niet zeker" right after the
answer that says staff go over with their terms; "is het mijn schuld als ik meelach?" got
"geen goed antwoord" after the answer that says it is not her fault)."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.respond import turn_from
from bot.knowledge.in_conversation import find_in_context, follows_up_any
from bot.knowledge.retriever import shared_retriever


def tracker(text: str, given: list[str]) -> Tracker:
    return Tracker("sender-1", {"knowledge_given": given},
                   {"intent": {"name": "nlu_fallback", "confidence": 0.3}, "text": text},
                   [], False, None, None, "action_listen")


def test_a_follow_up_gets_the_line_of_the_earlier_answer_that_fits():
    match = find_in_context(shared_retriever(), "is het mijn schuld als ik meelach?",
                            ["seksuele_intimidatie"])
    assert match is not None and match.entry.id == "seksuele_intimidatie"
    assert "niet jouw schuld" in match.line


def test_an_unrelated_question_is_no_follow_up():
    for text in ("wat kost een kopje koffie in de kantine?",
                 "kan ik ook een fiets van de zaak krijgen?"):
        assert find_in_context(shared_retriever(), text, ["werkgever_failliet"]) is None


def test_without_an_earlier_answer_there_is_no_follow_up():
    assert find_in_context(shared_retriever(), "is het mijn schuld als ik meelach?", []) is None


def test_the_action_reads_a_follow_up_in_the_light_of_what_was_answered():
    turn = turn_from(tracker("Mijn dienstjaren. Als ik overga naar die nieuwe vervoerder, "
                             "neem ik die 25 jaar dan mee?", ["overgang_onderneming"]))
    assert turn.knowledge is not None
    assert turn.knowledge.entry.id == "overgang_onderneming" and turn.knowledge.line
    alone = turn_from(tracker("Mijn dienstjaren. Als ik overga naar die nieuwe vervoerder, "
                              "neem ik die 25 jaar dan mee?", []))
    assert alone.knowledge is None



def test_a_follow_up_needs_the_words_an_entry_requires():
    # p44 (round 10): after the agency-housing answer, "moet ik zelf vragen aan
    # uitzendbureau? met email of bellen?" got a housing line four times.
    retriever = shared_retriever()
    assert find_in_context(retriever, "moet ik zelf vragen aan uitzendbureau? met email of "
                           "bellen?", ["huisvesting_uitzendbureau"]) is None
    found = retriever.find("uitzendbureau zegt niks over nieuw contract. wat moet ik doen?")
    assert found is None or found.entry.id != "huisvesting_uitzendbureau"


def test_follow_up_words_count_only_for_an_answer_that_was_given():
    said = "dan zeg ik morgen gwn op"
    assert follows_up_any(shared_retriever(), said, ["zelf_ontslag_ww"])
    assert not follows_up_any(shared_retriever(), said, ["werkgever_failliet"])
    assert not follows_up_any(shared_retriever(), said, [])
