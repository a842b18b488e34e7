"""Round 13 (p54, a call-centre worker with debts who does not name suicide): her yes to
the direct question got the soft line meant for a doubtful answer, and after her "nee
laat maar" her question about her work got "geen goed antwoord"
(docs/reviews/round13/p54-schulden-donker.md)."""

from __future__ import annotations

import pytest
from conversation_support import Chat


def _asked() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("dat ik fouten maak. teamleider luistert mee en nu moet ik een verbetertraject",
             "conflict_at_work", confidence=0.68, topics=["conflict_at_work"])
    names = chat.say("het hoeft voor mij allemaal niet meer eigenlijk", "nlu_fallback",
                     confidence=0.27, crisis_level="possible")
    assert "utter_crisis_check" in names
    return chat


@pytest.mark.parametrize("answer", ["ja soms wel", "soms", "ja, af en toe", "soms wel ja",
                                    "wel eens", "eigenlijk wel", "ja"])
def test_a_yes_to_the_direct_question_gets_the_crisis_answer(answer):
    # "ja soms wel" -> "Ik neem het serieus, wat je ook bedoelde. Wordt het je ooit te
    # veel? ..." and then "Waar kan ik je nog mee helpen?"
    chat = _asked()
    names = chat.say(answer, "so_so", confidence=1.0)
    assert "utter_crisis" in names, names
    assert "utter_crisis_soft" not in names
    assert "utter_anything_else" not in names
    assert chat.slots["safety_flag"] is True


@pytest.mark.parametrize("answer", ["nee", "nee hoor, zo bedoel ik het niet",
                                    "soms denk ik: laat maar, grapje"])
def test_a_no_or_a_laugh_is_not_a_yes(answer):
    chat = _asked()
    names = chat.say(answer, "deny", confidence=0.9)
    assert "utter_crisis" not in names, names


def test_after_the_help_her_work_question_goes_back_to_her_work():
    # "nee laat maar" -> "Goed. Je kunt altijd later verder praten."; "en mijn werk dan?"
    # -> "Daar heb ik geen goed antwoord op, sorry." and the consultant offer.
    chat = _asked()
    chat.say("ja soms wel", "so_so", confidence=1.0)
    names = chat.say("nee laat maar", "stop_form", confidence=0.93)
    assert "utter_crisis_declined" in names, names
    names = chat.say("en mijn werk dan?", "nlu_fallback", confidence=0.27)
    assert "utter_no_answer" not in names, names
    assert "utter_offer_consultant" not in names
    assert "utter_after_crisis_checkin" in names
    assert "utter_deepen_conflict_at_work" in names


def test_a_dark_statement_after_her_yes_gets_the_answer_again():
    # "de schulden. en dat ik het niet meer zie zitten" -> "Dat klinkt niet makkelijk."
    chat = _asked()
    chat.say("ja soms wel", "so_so", confidence=1.0)
    chat.say("nee", "deny")
    names = chat.say("de schulden. en dat ik het niet meer zie zitten", "stuck",
                     confidence=0.66, crisis_level="possible", topics=["stuck"])
    assert "utter_crisis_again" in names, names


def test_saying_i_am_not_suicidal_after_a_crisis_answer_is_a_misread():
    # Round 13b, p51: after a wrong crisis answer, "wtf bro ik ben niet suicidaal ofzo 😂 ik
    # vraag of ik een uitkering kan krijgen" got no apology, and the ticket kept the flag.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik heb geen geld meer om van te leven", "crisis", confidence=1.0,
                     crisis_level="clear")
    assert "utter_crisis" in names
    names = chat.say("wtf bro ik ben niet suicidaal ofzo 😂 ik vraag of ik een uitkering kan "
                     "krijgen", "unemployed", confidence=0.6, topics=["unemployed"])
    assert "utter_sorry_misread" in names, names
    assert not chat.slots.get("safety_flag")


def _offered_after_an_answer() -> Chat:
    from conversation_support import knowledge

    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik maak fouten en ben bang mijn baan kwijt te raken", "job_insecurity",
             topics=["job_insecurity"])
    chat.say("kunnen ze me zomaar ontslaan om fouten?", "job_insecurity", confidence=0.7,
             knowledge=knowledge("ontslag_disfunctioneren", "job_insecurity"))
    return chat


def test_ok_and_then_something_new_is_no_yes_to_an_open_offer():
    # Round 13b, p54 (after she had said she sometimes thinks of ending her life): "ok. ik
    # slaap ook slecht. ze bellen steeds over de rekeningen" -> the consent text; "die
    # bellen de hele tijd" (the creditors) was read as her way to be reached.
    chat = _offered_after_an_answer()
    names = chat.say("ok. ik slaap ook slecht. ze bellen steeds over de rekeningen",
                     "nlu_fallback", confidence=0.27)
    assert "utter_explain_consent" not in names, names
    assert not chat.slots.get("handover")
    assert chat.slots.get("contact_channel") is None


def test_ok_and_a_yes_is_still_a_yes():
    chat = _offered_after_an_answer()
    names = chat.say("ok. doe maar", "affirm", confidence=0.8)
    assert "utter_explain_consent" in names, names


def test_thanks_after_a_crisis_statement_keep_the_help_in_view():
    # Round 13b, p54: "dankje. sorry voor alles" after her yes to the direct question ->
    # "Graag gedaan! Als er later nog iets is, staat de deur open."
    chat = _asked()
    chat.say("ja soms wel", "so_so", confidence=1.0)
    chat.say("nee", "deny")
    names = chat.say("dankje. sorry voor alles", "thank", confidence=0.9)
    assert "utter_thank_safety" in names, names
    assert "utter_thank" not in names


def test_thanks_without_a_crisis_are_plain_thanks():
    chat = Chat()
    chat.say("hoi", "greet")
    assert "utter_thank" in chat.say("dank je wel", "thank", confidence=0.9)


def _after_the_help() -> Chat:
    chat = _asked()
    chat.say("ja soms wel", "so_so", confidence=1.0)
    chat.say("nee laat maar", "stop_form", confidence=0.93)
    return chat


@pytest.mark.parametrize("intent", ["nlu_fallback", "inform"])
def test_a_number_with_a_wish_to_be_called_after_a_no_gets_the_consent_question(intent):
    # Round 13c, p54: "nee... laat maar. misschien wel dat iemand me belt. ik ben mirjam
    # 06-12345954" -> "Genoteerd: je nummer is +31612345954." and nothing else; no ticket.
    chat = _after_the_help()
    names = chat.say("nee... laat maar. misschien wel dat iemand me belt. ik ben mirjam "
                     "06-12345954", intent, confidence=0.5)
    assert "utter_ask_consent_given" in names, names
    assert chat.slots["pending"] == "consent"


@pytest.mark.parametrize("intent", ["nlu_fallback", "unemployed"])
def test_i_just_want_someone_to_call_me_starts_the_request(intent):
    # Round 13c, p54: "ik ben mijn baan niet kwijt... ik wil gewoon dat iemand me belt" ->
    # "Ik haal werk zoeken na ontslag weg." and "Is er nog iets anders ...?"
    chat = _after_the_help()
    chat.say("en nu?", "unemployed", confidence=0.5, topics=["unemployed"])
    names = chat.say("ik ben mijn baan niet kwijt... ik wil gewoon dat iemand me belt", intent,
                     confidence=0.6)
    assert "utter_ask_consent_given" in names, names


def test_not_wanting_a_call_is_no_request():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik wil niet dat iemand me belt", "inform", confidence=0.5)
    assert "utter_ask_consent_given" not in names, names


def test_iets_anders_typed_at_the_topic_menu_is_that_button():
    # Round 13c, p54: "iets anders" -> "Iets heel anders gaan doen is een grote stap ..."
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ok... ik heb al 2 maanden huurachterstand. sorry", "unemployed", confidence=0.4,
             topics=["unemployed", "flex_contract"])
    assert chat.slots.get("pending") == "topic_choice", chat.last
    names = chat.say("iets anders", "career_change", confidence=0.7, topics=["career_change"])
    assert "utter_topic_choice_other" in names, names
    assert "utter_topic_career_change" not in names


def test_her_rent_is_not_our_price():
    # Round 13c, p54: "nee. de huur. ik kan het niet betalen" -> "Deze chat is gratis. Of een
    # gesprek met een consulent iets kost, ..."
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("nee. de huur. ik kan het niet betalen", "ask_cost", confidence=0.6)
    assert "utter_cost" not in names and not any("cost" in n for n in names), names


def test_what_a_talk_costs_is_still_our_price():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("wat kost een gesprek met de consulent?", "ask_cost", confidence=0.9)
    assert any("cost" in n for n in names), names


@pytest.mark.parametrize("text", ["ok. lijkt me wel fijn eigenlijk", "oké, bel me morgen maar",
                                  "ja. dat lijkt me wel wat eigenlijk"])
def test_an_ok_or_yes_with_a_yes_after_it_still_takes_the_offer(text):
    chat = _offered_after_an_answer()
    names = chat.say(text, "inform", confidence=0.5)
    assert "utter_explain_consent" in names or chat.slots.get("handover"), names


def test_a_bill_from_the_consultant_is_still_our_price():
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("krijg ik een rekening van de consulent?", "ask_cost", confidence=0.9)
    assert any("cost" in n for n in names), names
