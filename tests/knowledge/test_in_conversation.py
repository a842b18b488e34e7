"""The one entry point that picks an answer given the conversation
(bot/knowledge/in_conversation.py): what actions/respond.py asks of it for every message."""

from __future__ import annotations

from bot.knowledge.in_conversation import answer_in_conversation
from bot.knowledge.retriever import shared_retriever


def _answer(text: str, **conversation):
    return answer_in_conversation(shared_retriever(), text,
                                  asks=conversation.pop("asks", True), **conversation)


def test_a_button_payload_or_an_empty_message_gets_no_answer():
    assert _answer("/affirm") == (None, None)
    assert _answer("") == (None, None)


def test_a_question_on_its_own_gets_its_entry_and_the_whole_answer():
    knowledge, _ = _answer("krijg ik een transitievergoeding als ik word ontslagen?")
    assert knowledge is not None and knowledge.entry.id == "transitievergoeding", knowledge
    assert knowledge.line is None  # not asked before: the whole answer


def test_the_same_question_again_gets_one_line_not_the_whole_answer_again():
    knowledge, _ = _answer("en die transitievergoeding, hoe zat dat nou?",
                           given=["transitievergoeding"])
    assert knowledge is not None and knowledge.entry.id == "transitievergoeding", knowledge
    assert knowledge.line in knowledge.entry.answer


def test_what_she_said_before_decides_which_leave_is_meant():
    text = "en als ze me niet verlengen, heb ik dan nog wel verlof?"
    knowledge, _ = _answer(text, given=["zwanger_niet_verlengd"],
                           situations=frozenset({"pregnant"}))
    assert knowledge is not None and \
        knowledge.entry.id == "zwanger_contract_eindigt_verlof_ww", knowledge
    # guard: without the pregnancy the same words are no question about pregnancy leave
    knowledge, _ = _answer(text, given=["zwanger_niet_verlengd"])
    assert knowledge is None or knowledge.entry.id != "zwanger_contract_eindigt_verlof_ww"


def test_a_second_question_in_the_message_comes_as_also():
    knowledge, also = _answer("Krijg ik een transitievergoeding als ik word ontslagen? En heb "
                              "ik dan recht op WW?")
    assert knowledge is not None and also is not None
    assert also.entry.id != knowledge.entry.id


def test_being_off_sick_is_read_with_a_question_about_resigning():
    # p120 (round 24b), off sick with burn-out: "misschien neem ik gewoon ontslag, wat gebeurt
    # er dan met mijn loon?" names no illness.
    text = "misschien neem ik gewoon ontslag, wat gebeurt er dan met mijn loon?"
    knowledge, _ = _answer(text, situations=frozenset({"sick"}))
    assert knowledge is not None and knowledge.entry.id == "ontslag_nemen_tijdens_ziekte", \
        knowledge
    # guard: from someone who is not sick it is the resigning answer, not the sick one
    knowledge, _ = _answer(text)
    assert knowledge is None or knowledge.entry.id != "ontslag_nemen_tijdens_ziekte"
