"""Failures of round 25 (docs/reviews/round25: p116, p120-p126), written as new cases. The
classifier's readings are those of the model the members talked to. Each failed on the engine
before its fix (checked by stashing the fix)."""

from __future__ import annotations

from conversation_support import Chat, knowledge

from bot.dialogue.patterns import HEALTH_WORDS
from bot.dialogue.pickup import pick_channel
from bot.handover.contact import clean_time


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


def test_who_reads_along_is_the_privacy_question_without_a_question_mark():
    # p124: "en wie leest dit allemaal mee dan. straks ligt het gewoon bij HR op het bureau"
    # (workload_health 0.38) -> "Gaat het vooral over werkdruk en gezondheid, of ...?"
    chat = Chat()
    chat.say("ben jij een robot of wat", "bot_challenge", confidence=1.0)
    names = chat.say("en wie leest dit allemaal mee dan. straks ligt het gewoon bij HR op het "
                     "bureau", "workload_health", confidence=0.38)
    assert names and names[0].startswith("utter_ask_privacy"), names
    assert "utter_topic_choice_two" not in names


def test_you_are_no_use_is_heard_as_anger_at_us_not_as_feeling_stuck():
    # p124: "laat maar. ik wist het wel, heb je niks aan" at the offer (stuck 0.59) -> "Wat
    # vervelend dat je niet meer met plezier naar je werk gaat", and "vastzitten" on his card.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("nu reorganisatie en de nachtdienst gaat eruit. moet kiezen dagdienst of opdonderen",
             "job_insecurity", confidence=0.77, topics=["job_insecurity"])
    chat.say("per 1 maart. moet ik dat tekenen", "nlu_fallback", confidence=0.27)
    assert chat.slots["pending"] == "offer", chat.last
    names = chat.say("laat maar. ik wist het wel, heb je niks aan", "stuck", confidence=0.59,
                     topics=["stuck"])
    assert names[0] == "utter_not_helped", names
    assert "stuck" not in (chat.slots.get("topics") or [])


def test_a_permanent_job_at_the_hirer_not_the_agency_keeps_the_agency_work_and_is_answered():
    # p121: "maar ik wil eigenlijk vast bij het dc zelf niet bij t uitzendbureau. kan ik gwn
    # vragen of ze me overnemen? 😅" -> "Sorry, dan had ik dat verkeerd begrepen. Ik haal een
    # flexcontract weg." and "Ook dat weet ik niet zeker".
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik werk via een uitzendbureau bij een dc", "flex_contract", confidence=0.9,
             topics=["flex_contract"])
    names = chat.say("maar ik wil eigenlijk vast bij het dc zelf niet bij t uitzendbureau. kan "
                     "ik gwn vragen of ze me overnemen? 😅", "flex_contract", confidence=0.53,
                     topics=["flex_contract"],
                     knowledge=knowledge("uitzendkracht_in_dienst_inlener", "flex_contract"))
    assert "utter_sorry_topic" not in names, names
    assert "ANSWER uitzendkracht_in_dienst_inlener" in chat.texts()
    assert "flex_contract" in chat.slots["topics"]


def test_not_working_for_an_agency_is_still_denied():
    # Guard (passed before): a plain denial stays a denial.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn contract loopt af", "flex_contract", confidence=0.9, topics=["flex_contract"])
    names = chat.say("ik werk niet bij een uitzendbureau hoor", "flex_contract", confidence=0.5,
                     topics=["flex_contract"])
    assert "utter_sorry_topic" in names, names


def test_agency_work_in_the_first_message_is_not_asked_again():
    # p121: "heyy ik pick nu al 14 maanden orders bij een dc bij venlo via een uitzendbureau,
    # hoe lang duurt het nog ...?" -> "Wat voor contract heb je, en wanneer loopt het af?"
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("heyy ik pick nu al 14 maanden orders bij een dc bij venlo via een "
                     "uitzendbureau, hoe lang duurt het nog voor ik vast kan bij dat bedrijf zelf?",
                     "flex_contract", confidence=0.55, topics=["flex_contract"])
    assert chat.slots.get("contract_type") == "uitzend"
    assert "utter_deepen_flex_contract" not in names, names
    assert "utter_deepen_flex_contract_end" in names, names


def test_an_agency_as_a_wish_is_no_agency_contract():
    # Guard (passed before): "liever via een uitzendbureau" is what they want, not what they have.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik zoek werk, liefst via een uitzendbureau", "job_search", confidence=0.8,
             topics=["job_search"])
    assert chat.slots.get("contract_type") is None


RIA = ("hallo, ik weet niet goed waar ik moet beginnen maar ik werk al 22 jaar in de zorg als "
       "verzorgende IG in een verpleeghuis hier in Apeldoorn en mijn rug wil niet meer, ik ben al "
       "twee keer uitgevallen de laatste keer was vorig jaar bijna 4 maanden en toen ben ik weer "
       "helemaal opgebouwd maar nu begint het weer te trekken en nu zegt mijn leidinggevende bij "
       "het functioneringsgesprek dat ik maar moet kijken of het nog wel gaat, ik heb een vast "
       "contract en ik doe mijn werk graag maar het tillen gaat gewoon niet meer zo als vroeger, "
       "ik zou eigenlijk iets lichters willen het liefst wel in de zorg maar ik weet niet wat er "
       "is of wat ik kan en of ik dat wel mag vragen aan mijn werkgever")


def test_a_long_story_the_classifier_cannot_place_is_read_by_its_words():
    # p126: her long first story (nlu_fallback 0.27) -> "Daar heb ik geen goed antwoord op,
    # sorry."
    chat = Chat()
    names = chat.say(RIA, "nlu_fallback", confidence=0.27)
    assert "utter_no_answer" not in names, names
    assert "utter_topic_workload_health" in names, names
    assert chat.slots["topics"] == ["workload_health"]


def test_calls_at_work_are_hard_so_mail_is_the_way():
    # p125 (25b): "Ja, doe maar. Liefst per mail, bellen op 't werk gaat moeilijk." -> "Op welk
    # telefoonnummer kan de consulent je bereiken?"
    assert pick_channel("Ja, doe maar. Liefst per mail, bellen op 't werk gaat moeilijk.") == \
        ("email", {"phone"})


def test_the_morning_on_the_ward_is_no_time_to_call():
    # p126 (25b): "bel maar in de middag, s ochtends sta ik op de afdeling" -> the card said
    # "'s middags 's ochtends".
    assert clean_time("bel maar in de middag, s ochtends sta ik op de afdeling") == "'s middags"


def test_allez_ja_at_consent_is_a_yes():
    # p128 (25b): "allez ja, da mag gedeeld worden" at "Mag ik dit delen met een consulent?"
    # (deny) -> "Geen probleem, ik stuur niets door."
    chat = Chat()
    chat.walk_to_consent()
    names = chat.say("allez ja, da mag gedeeld worden", "deny", confidence=0.5)
    assert "utter_ask_contact_name" in names, names
    assert chat.slots.get("consent_given") is True


def test_a_stomach_ache_is_health_and_stays_off_the_card():
    # p125 (25b): "Zondagavond begint da al, dan krijg ik al buikpijn als ik aan maandag denk"
    # was quoted on her card right after "Over je gezondheid zet ik alleen 'gezondheid speelt
    # mee'".
    assert HEALTH_WORDS.search("Zondagavond begint da al, dan krijg ik al buikpijn als ik aan "
                               "maandag denk")
