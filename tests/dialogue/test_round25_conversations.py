"""Failures of round 25 (docs/reviews/round25: p116, p120-p126), written as new cases. The
classifier's readings are those of the model the members talked to. Each failed on the engine
before its fix (checked by stashing the fix)."""

from __future__ import annotations

from conversation_support import Chat, knowledge


def test_a_yes_at_the_offer_that_names_the_easiest_channel_is_a_yes():
    # p116: "ja, graag. ik ben lid van het ACV. mailen is het makkelijkst voor mij: ..." at the
    # offer -> "In makkelijke woorden: deze chat kost niets ..."; her yes was lost.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik heb iets gehoord over loopbaancheques van de VDAB, is da iets voor mij?",
             "funding", confidence=0.64, knowledge=knowledge("loopbaancheque_vlaanderen",
                                                             "funding"))
    chat.say("ok, en kost da iets?", "career_change", confidence=0.51,
             knowledge=knowledge("is_dit_gratis", "ask_cost"))
    assert chat.slots["pending"] == "offer", chat.last
    names = chat.say("ja, graag. ik ben lid van het ACV. mailen is het makkelijkst voor mij: "
                     "sofie.d@example.be", "nlu_fallback", confidence=0.27,
                     entities=[{"entity": "email", "value": "sofie.d@example.be",
                                "start": 71, "end": 89}])
    assert "utter_explain_consent" in names, names
    assert not any((t or "").startswith("In makkelijke woorden") for t in chat.texts())


def test_worn_out_after_liking_the_work_is_no_joy_at_work():
    # p116: "ik heb altijd graag met mensen gewerkt ..., maar na 11 jaar nachten en weekends ben
    # ik gewoon op" (enjoy_work 0.55) -> "Mooi dat je werk je plezier geeft".
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("amai da's juist het probleem, ik weet het ni. ik heb altijd graag met mensen "
                     "gewerkt en ik kan goed organiseren, maar na 11 jaar nachten en weekends ben "
                     "ik gewoon op.", "enjoy_work", confidence=0.55, topics=["enjoy_work"])
    assert not any("enjoy_work" in n for n in names), names
    assert "enjoy_work" not in (chat.slots.get("topics") or [])


def test_ja_you_said_that_already_is_no_yes_to_the_offer():
    # p125: "Ja da hebt ge al gezegd 🙂 maar nie hoevéél. Enfin. Eerlijk gezegd zie ik het soms
    # nie meer zitten op't werk, ..." at the offer -> the consent text; she had not said yes.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik heb ergens gelezen over loopbaancheques van de VDAB, klopt da?", "funding",
             confidence=0.4, knowledge=knowledge("loopbaancheque_vlaanderen", "funding"))
    assert chat.slots["pending"] == "offer", chat.last
    names = chat.say("Ja da hebt ge al gezegd 🙂 maar nie hoevéél. Enfin. Eerlijk gezegd zie ik "
                     "het soms nie meer zitten op't werk, ik kom thuis en ik ben kapot en 's "
                     "nachts lig ik wakker te piekeren over mijn mails.", "workload_health",
                     confidence=0.62, topics=["workload_health"])
    assert "utter_explain_consent" not in names, names
    assert chat.slots.get("pending") != "consent"
