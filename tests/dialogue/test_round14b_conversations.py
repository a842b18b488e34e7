"""Failures of round 14b (docs/reviews/round14b: the same six personas on the round-14 fixes),
written as new cases. The classifier's readings are those of the model the members talked to.
Each failed on the engine before its fix (checked on 48eee0d)."""

from __future__ import annotations

from conversation_support import Chat, knowledge


def _declined() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn werk bestaat uit storingen en vergaderingen", "job_crafting", confidence=0.9,
             topics=["job_crafting"])
    chat.say("nee, geen consulent, alleen ideeën", "deny", confidence=0.9)
    return chat


def test_should_i_see_a_coach_is_answered_whatever_the_classifier_says():
    # p58: "Moet ik naar een coach? Want daar zit ik eerlijk gezegd niet op te wachten." (read
    # as nlu_fallback) -> "Ook dat weet ik niet zeker, dus ik ga niet gokken."
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("Moet ik naar een coach? Want daar zit ik eerlijk gezegd niet op te wachten.",
                     "nlu_fallback", confidence=0.27)
    assert names[0] == "utter_coach_needed", names
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Moet ik naar een coach?", "nlu_fallback", confidence=0.27,
             knowledge=knowledge("coach_nodig", "ask_how_it_works"))
    assert chat.texts()[0] == "ANSWER coach_nodig"


def test_after_no_consultant_the_second_i_do_not_know_names_no_consultant():
    # p58, after "Nee, geen consulent, alleen ideeën": "Ook dat weet ik niet zeker ... Een
    # consulent kan het uitzoeken." four times.
    # (Since round 15b a request for ideas gets the topic's next step; two questions of fact
    # that the knowledge base cannot answer keep the check.)
    chat = _declined()
    chat.say("hoeveel focustijd per week mag ik eisen van mijn baas?", "nlu_fallback",
             confidence=0.27)
    names = chat.say("mag mijn baas eisen dat ik elke storing zelf oplos?", "nlu_fallback",
                     confidence=0.27)
    assert names == ["utter_no_answer_again_declined"], names


def test_i_leave_it_here_thanks_is_a_goodbye():
    # p58: "'Fijn dat je het zegt.' Dat is precies de cliché die ik niet wilde. Ik laat het
    # hierbij, bedankt." -> "Ik wil je goed begrijpen. Gaat het vooral over ..."
    chat = _declined()
    names = chat.say("'Fijn dat je het zegt.' Dat is precies de cliché die ik niet wilde. Ik "
                     "laat het hierbij, bedankt.", "nlu_fallback", confidence=0.27)
    assert names == ["utter_goodbye"], names


def _retirement() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik ben 63 en stratenmaker, knieen zijn op. kan ik eerder stoppen", "retirement",
             confidence=0.9, topics=["retirement"])
    return chat


def test_the_boss_saying_no_rvu_is_no_denial_of_the_topic():
    # p55: "nee gewoon over eerder stoppen. baas zegt geen rvu voor ons. klopt dat" -> "Sorry,
    # dan had ik dat verkeerd begrepen. Ik haal pensioen en je laatste werkjaren weg."
    chat = _retirement()
    names = chat.say("nee gewoon over eerder stoppen. baas zegt geen rvu voor ons. klopt dat",
                     "not_what_i_meant", confidence=0.5)
    assert "utter_sorry_topic" not in names, names
    assert "retirement" in chat.slots["topics"]
    assert "retirement" not in (chat.slots.get("denied_topics") or [])


def test_a_plain_no_rvu_for_me_still_denies():
    chat = _retirement()
    chat.say("het gaat niet over pensioen, ik wil ander werk", "career_change", confidence=0.8,
             topics=["career_change"])
    assert "retirement" in chat.slots.get("denied_topics", [])


def _at_consent() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik word boventallig bij de gemeente", "job_insecurity", confidence=0.9,
             topics=["job_insecurity"])
    chat.say("ik wil wel dat iemand meekijkt", "request_human", confidence=0.9)
    assert chat.slots["pending"] == "consent", chat.last
    return chat


def test_a_yes_with_a_privacy_question_answers_it_and_takes_the_yes():
    # p56: "Ja, dat is goed. Maar het gaat dus echt niet naar mijn werkgever toe?" -> "Fijn om
    # te horen dat je met plezier werkt!" and the consent question again.
    chat = _at_consent()
    names = chat.say("Ja, dat is goed. Maar het gaat dus echt niet naar mijn werkgever toe?",
                     "enjoy_work", confidence=0.5)
    assert names[0] == "utter_ask_privacy", names
    assert chat.slots.get("consent_given") is True
    assert "utter_ask_consent_given" not in names


def test_you_may_share_it_is_consent():
    # p56: "Maar ja, u mag het delen met de consulent." -> "Toestemming betekent: ..."
    chat = _at_consent()
    chat.say("Maar ja, u mag het delen met de consulent.", "inform", confidence=0.5)
    assert chat.slots.get("consent_given") is True, chat.last
    chat = _at_consent()
    chat.say("u mag het niet delen", "inform", confidence=0.5)
    assert chat.slots.get("consent_given") is not True


def test_a_question_on_the_card_stands_on_its_own():
    # p60's card: "Je vroeg: „dat mag toch niet? ?” / „opschrijven? ? …”"; p56's: "„Wat
    # betekent dat precies voor mij?”" without what "dat" was.
    from bot.dialogue.card_question import own_question

    assert own_question("ik krijg mijn rooster 2 DAGEN van tevoren. dat mag toch niet??") == (
        "ik krijg mijn rooster 2 DAGEN van tevoren. dat mag toch niet?")
    assert own_question("klopt dat??") is None
    assert own_question("dat mag toch niet??") is None
    assert own_question("wat is dat rvu. hoeveel krijg je dan?") == (
        "wat is dat rvu. hoeveel krijg je dan?")
    assert own_question("heeft de bouw een regeling voor vroegpensioen") == (
        "heeft de bouw een regeling voor vroegpensioen")


def test_not_until_my_retirement_is_a_figure_of_speech():
    # p59 (27, Gent): "ik zie mij da ni meer doen tot mijn pensioen. ik zou graag in ne
    # kinderopvang werken" -> "Goed dat je nu al over je pensioen nadenkt".
    chat = Chat()
    chat.say("hallo", "greet")
    names = chat.say("ander werk ja, ik sta 5 jaar in de winkel en ik zie mij dat niet meer "
                     "doen tot mijn pensioen. ik wil iets met kinderen", "career_change",
                     confidence=0.6, topics=["career_change", "retirement"])
    assert "retirement" not in chat.slots["topics"], names
    assert not [n for n in names if "retirement" in n], names


def test_retirement_is_still_far_away_drops_the_topic():
    # p59: "haha nee nee ik ben 27, pensioen is nog ver weg 😅 ik wil gewoon van job
    # veranderen" -> "Schrijf deze week op hoe je je laatste werkjaren voor je ziet".
    chat = Chat()
    chat.say("hallo", "greet")
    chat.say("ik wil ander werk, misschien tot mijn pensioen wel", "retirement", confidence=0.6,
             topics=["retirement"])
    names = chat.say("haha nee ik ben 29, pensioen is nog ver weg. ik wil gewoon ander werk",
                     "career_change", confidence=0.6, topics=["career_change", "retirement"])
    assert "retirement" not in chat.slots["topics"], names
    assert not [n for n in names if "retirement" in n], names


def test_holding_out_until_retirement_stays_a_retirement_question():
    # A worn-out 61-year-old means it: "ik hou dit niet vol tot mijn pensioen" keeps the topic.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik ben 61 en ik hou dit werk niet vol tot mijn pensioen", "retirement",
             confidence=0.8, topics=["retirement"])
    assert "retirement" in chat.slots["topics"]


def test_how_it_works_in_flanders_names_no_dutch_register():
    # p59 (Gent): the Dutch Noloc register was advised; a Flemish member gets the VDAB route.
    chat = Chat()
    chat.say("hallo", "greet")
    names = chat.say("wa is da juist, ne loopbaanbegeleider?", "ask_how_it_works",
                     confidence=0.9, flemish=True)
    assert "utter_ask_how_it_works_be" in names, names
