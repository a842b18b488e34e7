"""Bot texts: each question goes to the body that handles it, and no figure of speech that
hurts after a crisis statement."""

from __future__ import annotations

import yaml

from bot.settings import ROOT


def test_the_belgian_no_answer_sends_sickness_to_the_mutualiteit_not_the_rva():
    # Round 13, p52: "moet ik in tussentijd al iets vragen aan den adviserend arts van de
    # mutualiteit?" -> "... over uitkeringen bij verlof ook op rva.be." The RVA handles
    # unemployment and tijdskrediet; sickness benefit runs through the mutualiteit.
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    text = responses["utter_no_answer_declined_be"][0]["text"]
    assert "mutualiteit" in text
    assert "verlof ook op rva.be" not in text
    assert "tijdskrediet bij de RVA" in text



def test_the_belgian_no_answers_send_nobody_to_the_vdab_for_leave_or_pension():
    # Round 15, p64: her landingsbaan and pension questions -> "Je vakbond ... of VDAB kan het
    # nakijken", twice. VDAB finds work and training; the RVA decides on tijdskrediet, the
    # Federale Pensioendienst on pensions.
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    for name in ("utter_no_answer_again_be", "utter_no_answer_again_declined_be"):
        text = responses[name][0]["text"]
        assert "VDAB" not in text, name
        assert "RVA" in text and "mypension.be" in text, name

def test_no_bot_text_uses_words_of_jumping_or_ending_it():
    # Round 13c, p54: "Je hoeft niet meteen te springen" reached a woman who had just said
    # she sometimes thinks of ending her life. Career texts are said to anyone, also after
    # a crisis statement: no figure of speech about jumping, ending it or not being there.
    import re

    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    risky = re.compile(r"\b(spring\w*|sprong|er\s+een\s+eind\w*\s+aan|uit\s+het\s+raam|"
                       r"van\s+de\s+brug|de\s+sprong\s+wagen)\b", re.I)
    for name, variants in responses.items():
        if name.startswith("utter_crisis"):
            continue
        for variant in variants:
            assert not risky.search(variant.get("text") or ""), (name, variant.get("text"))
