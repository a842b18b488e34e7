"""Questions of round 20 (docs/reviews/round20/), in other words than the transcripts. Each
got no answer or the wrong one before session 19's round-20 fixes (checked on 148249c),
except the guards."""

from __future__ import annotations

import pytest

from bot.knowledge.in_conversation import find_in_context, find_named_in_topic
from bot.knowledge.retriever import shared_retriever


@pytest.mark.parametrize(("text", "flemish", "expected"), [
    # p88: "uitzendbureau zegt kamer weg in 1 week. mag dat?" -> "Dat mag vaak wel" (contract)
    ("contract stopt volgende maand. uitzendbureau zegt dan kamer weg binnen 1 week. mag dat?",
     False, "huisvesting_uitzendbureau"),
    # p88: "what is fairwork? is free?" -> what this chat costs
    ("fairwork, wat doen die en moet ik betalen?", False, "fairwork_wat_is_dat"),
    # p86: "werk 14 mnd op min max, krijg ik nu vaste uren?" -> "Wat voor contract heb je"
    ("zit 16 mnd op min-max, heb ik nu recht op vaste uren?", False, "oproepkracht_vaste_uren"),
    # p85: "als ik ZELF opstap, nie zij. krijg ik dan nog dop?" -> dop after a notice
    ("en als ik zelf mijn ontslag geef, heb ik dan nog recht op dop?", True, "zelf_ontslag_ww_be"),
    # guard (passed before): the employer's notice keeps the dop answer
    ("mijn baas heeft mij opzeg gegeven, krijg ik dan dop?", True, "dop_na_opzeg_be"),
])
def test_round20_question_gets_the_right_entry(text, flemish, expected):
    match = shared_retriever().find(text, flemish)
    # Both fixed-hours answers say the 12-month rule; either answers her question.
    same = {"oproepkracht_vaste_uren": {"vaste_uren_aanbod_werkgever"}}.get(expected, set())
    assert match is not None and match.entry.id in {expected, *same}, match


def test_not_having_seen_the_bedrijfsarts_is_no_summons_question():
    # p87: "minder werken ... Ik ben daar nog niet mee bij de bedrijfsarts geweest. Wat zijn dan
    # de mogelijkheden?" -> the duty to go when called in sick, with a wage stop
    match = shared_retriever().find("Misschien helpt vier dagen werken al. Mijn knie wordt "
                                    "slechter en ik ben er nog niet mee naar de bedrijfsarts "
                                    "gegaan. Wat kan ik doen?")
    assert match is None or match.entry.id not in ("bedrijfsarts_moet_ik_gaan",
                                                   "oneens_met_bedrijfsarts"), match
    guard = shared_retriever().find("ik ben ziek, moet ik naar de bedrijfsarts als die me "
                                    "oproept?")
    assert guard is not None and guard.entry.id == "bedrijfsarts_moet_ik_gaan", guard


def test_what_if_the_fixed_hours_are_not_offered_follows_up_the_answer():
    # p86: "ok en als hij het niet aanbiedt? heb nog niks gehad" -> "Dat kan ik je ook niet
    # zeker zeggen"
    match = find_in_context(shared_retriever(), "en als mijn baas het niet aanbiedt dan?",
                            ["oproepkracht_vaste_uren"])
    assert match is not None and match.entry.id == "oproepkracht_vaste_uren", match
    assert "loon over die gemiddelde uren" in match.line


def test_does_my_experience_count_follows_up_the_evc_answer():
    # p83: "mijn werk in eritrea met oom, dat telt ook hier?" after the EVC answer
    match = find_in_context(shared_retriever(), "mijn jaren met mijn vader in het vak, dat telt "
                            "hier?", ["ervaring_zonder_diploma"])
    assert match is not None and match.entry.id == "ervaring_zonder_diploma", match
    assert "ervaring toch tellen" in match.line


def test_how_do_i_become_one_in_a_talk_about_a_trade_gets_the_bbl_answer():
    # p83: "hoe ik word elektricien? moet naar school?" -> "Dat weet ik niet zeker"
    text = "eerst vraag. hoe ik word loodgieter? moet naar school?"
    match = shared_retriever().find(text) or find_named_in_topic(
        shared_retriever(), text, ["career_change", "training"])
    assert match is not None and match.entry.id == "leren_en_werken_bbl", match
