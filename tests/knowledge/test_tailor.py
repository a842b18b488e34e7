"""Knowledge answers fitted to the person (bot/knowledge/tailor.py): round 19b, a returner
without an employer and a teacher whose school must not know were told to ask their employer
or HR, an agency worker was sent to "je werkgever of HR" (p81, p82, p83)."""

from __future__ import annotations

from bot.knowledge.tailor import tailored

LINE = ("Het budget is gestopt. Vraag je werkgever: die betaalt vaak mee. Een consulent kijkt "
        "met je mee.")


def test_advice_to_ask_the_employer_goes_for_who_has_none_or_keeps_it_secret():
    assert tailored([LINE], no_employer=True) == [
        "Het budget is gestopt. Een consulent kijkt met je mee."]
    simple = "In makkelijke woorden: vraag je baas om minder uren. Minder uren is minder loon."
    assert tailored([simple], no_employer=True) == [
        "In makkelijke woorden: minder uren is minder loon."]


def test_rules_about_the_employer_stay_they_are_the_answer():
    # guard: what an employer may or must do is no advice to ask him
    rule = "Je werkgever mag niet vragen wat je hebt. Vraag je leidinggevende om uitleg."
    assert tailored([rule], no_employer=True) == ["Je werkgever mag niet vragen wat je hebt."]
    only = "Vraag je werkgever om een opleiding."
    assert tailored([only], no_employer=True) == [only]  # nothing else left: kept
    assert tailored([LINE]) == [LINE]


def test_an_agency_worker_is_sent_to_the_agency():
    assert "Vraag je uitzendbureau: die betaalt vaak mee." in tailored([LINE], agency=True)[0]
