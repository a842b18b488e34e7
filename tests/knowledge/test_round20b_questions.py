"""Questions of round 20b (docs/reviews/round20b/), in other words than the transcripts.
Each got no answer or the wrong one before the round-20b fixes (checked on 8b1cd07)."""

from __future__ import annotations

from bot.knowledge.entries import entry_by_id
from bot.knowledge.in_conversation import find_named_in_topic
from bot.knowledge.retriever import shared_retriever


def test_a_boss_without_light_work_gets_the_adapted_work_answer():
    # p89: "me baas zegt dat er geen licht werk is. wat kan ik dan doen?" -> "geen goed
    # antwoord"
    text = "mijn leidinggevende zegt er is geen licht werk voor mij, wat nu?"
    match = shared_retriever().find(text) or find_named_in_topic(
        shared_retriever(), text, ["workload_health"])
    assert match is not None and match.entry.id == "aangepast_werk_vragen", match


def test_min_max_counts_as_on_call_work():
    # p86: "telt min max daar ook onder? ben toch geen oproepkracht" -> the 4-day rule again;
    # the answers now say that min-max is on-call work (minmax_is_oproep).
    for entry_id in ("oproepkracht_rechten", "oproepkracht_vaste_uren"):
        entry = entry_by_id(entry_id)
        assert entry is not None and "minmax_is_oproep" in entry.facts
        assert any("min-maxcontract" in line for line in entry.answer), entry_id


def test_the_loan_written_apart_is_named_in_a_talk_about_money():
    # p90: "Een collega noemde iets van levenlang leren krediet. Is dat iets voor mij?" -> the
    # conflict-at-work script
    text = "mijn buurman had het over een levenlang leren krediet, is dat wat voor mij?"
    match = shared_retriever().find(text) or find_named_in_topic(
        shared_retriever(), text, ["funding", "training"])
    assert match is not None and match.entry.id == "levenlanglerenkrediet", match


def test_part_of_the_pension_earlier_gets_the_part_time_pension_answer():
    # p87 (round 20c): "kan ik dan een stuk van mijn pensioen al eerder laten ingaan" -> the
    # RVU text again with "Dit zei ik eerder al"
    match = shared_retriever().find("Als ik straks nog maar vier dagen op de bus zit, kan dan "
                                    "een stuk van mijn pensioen al beginnen?")
    assert match is not None and match.entry.id == "deeltijdpensioen", match
