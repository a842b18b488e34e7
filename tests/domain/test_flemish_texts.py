"""Texts for people in Flanders send each question to the body that handles it."""

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
