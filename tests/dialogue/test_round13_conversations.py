"""Failures role-played members met in ordinary conversation in round 13 (docs/reviews,
/tmp/review13: p49, p50, p51, p52, p53, p54), written as new cases. The classifier's
readings are those of the model the members talked to. Each failed on the engine before
its fix (checked on b6d6056)."""

from __future__ import annotations

from conversation_support import Chat, knowledge


def _talking_about_a_career_change() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Ik ben 50 en zit al 25 jaar in de autoverkoop. Ik wil iets anders.",
             "career_change", confidence=0.9, topics=["career_change"])
    return chat


# 1. A pause is a pause, never a deletion request.

def test_thinking_it_over_is_no_request_to_erase_everything():
    # p53: "U ontwijkt wederom de vraag. Weet u wat, ik wil eerst nadenken voordat ik
    # ergens mijn gegevens achterlaat." -> "Wil je dat ik alles wis? ... Dat kan niet
    # ongedaan worden."
    chat = _talking_about_a_career_change()
    names = chat.say("U ontwijkt wederom de vraag. Weet u wat, ik wil eerst nadenken voordat "
                     "ik ergens mijn gegevens achterlaat.", "delete_my_data", confidence=0.38)
    assert names == ["utter_pause"], names
    assert chat.slots.get("pending") != "delete_confirm"
    assert chat.effects == []
    # p53: "Ik wil eerst nadenken." -> "Dank je dat je dat vertelt."
    names = chat.say("Ik wil eerst nadenken.", "career_change", confidence=0.57,
                     topics=["career_change"])
    assert names == ["utter_pause"], names
    assert chat.slots["topics"] == ["career_change"]


def test_asking_the_wife_first_pauses_the_consent_question():
    # p49, at "Mag ik dit delen met een consulent?": "hmm eerst ff mijn vrouw vragen" and
    # "ff wachten ik vraag mijn vrouw" -> "Toestemming betekent: ..." each time; "ik wil
    # het eerst met mijn vrouw overleggen. kan ik straks terug komen?" -> "Een ander vak
    # kiezen begint vaak met nieuwsgierigheid."
    chat = Chat()
    chat.walk_to_consent()
    for text, intent, confidence, topics in (
            ("hmm eerst ff mijn vrouw vragen", "out_of_scope", 0.37, []),
            ("ik wil het eerst met mijn vrouw overleggen. kan ik straks terug komen?",
             "career_change", 0.28, ["career_change"]),
            ("ff wachten ik vraag mijn vrouw", "nlu_fallback", 0.27, [])):
        names = chat.say(text, intent, confidence=confidence, topics=topics)
        assert names == ["utter_pause"], (text, names)
        assert chat.slots["pending"] == "consent"
        assert chat.slots.get("consent_given") is not True
        assert chat.slots.get("handover") is True
        assert "career_change" not in chat.slots["topics"]
    names = chat.say("verder", "inform")
    assert "utter_ask_consent_given" in names, names
    chat.say("ok vrouw zegt doen. ja is goed", "affirm")
    assert chat.slots["consent_given"] is True


def test_a_pause_in_the_form_keeps_what_was_given():
    chat = Chat()
    chat.walk_to_consent()
    chat.say("ja", "affirm")
    chat.say("Hans", "inform")
    assert chat.slots["contact_name"] == "Hans"
    step = chat.slots["pending"]
    names = chat.say("ik wil er eerst nog even over nadenken", "nlu_fallback", confidence=0.3)
    assert names == ["utter_pause"], names
    assert chat.slots["pending"] == step
    assert chat.slots["contact_name"] == "Hans"
    assert chat.slots["handover"] is True
    assert chat.effects == []


def test_a_pause_at_the_offer_leaves_the_offer_open():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn tijdelijk contract stopt", "flex_contract", confidence=0.9)
    chat.say("in de schoonmaak", "inform")
    assert chat.slots["pending"] == "offer"
    names = chat.say("eerst met mijn man overleggen", "nlu_fallback", confidence=0.3)
    assert names == ["utter_pause"], names
    assert chat.slots["pending"] == "offer"
    assert not chat.slots.get("handover")


def test_an_explicit_wish_to_erase_still_asks_to_confirm():
    chat = _talking_about_a_career_change()
    names = chat.say("verwijder mijn gegevens", "delete_my_data", confidence=0.95)
    assert "utter_ask_delete_confirm" in names, names


# 2. A third person saying no is not about our consent.

def test_the_boss_saying_no_is_a_question_not_a_consent_matter():
    # p49, at the consent question: "wacht eerst mijn vraag. als mijn baas nee zegt tegen
    # vaste uren wat dan" -> "Toestemming betekent: jij zegt 'ja, dat mag'. ..."
    chat = Chat()
    chat.walk_to_consent()
    names = chat.say("wacht eerst mijn vraag. als mijn baas nee zegt tegen vaste uren wat dan",
                     "hr_conversation", confidence=0.38)
    assert "utter_consent_simple" not in names, names
    assert "utter_consent_declined" not in names
    assert chat.slots["pending"] == "consent"
    assert "utter_question_for_consultant" in names, names
    # With an answer in the knowledge base, that answer.
    chat = Chat()
    chat.walk_to_consent()
    chat.say("wacht eerst mijn vraag. als mijn baas nee zegt tegen vaste uren wat dan",
             "deny", confidence=0.38, knowledge=knowledge("oproep_vaste_uren"))
    assert chat.texts() == ["ANSWER oproep_vaste_uren"]
    assert chat.slots["pending"] == "consent"
    assert chat.slots.get("handover") is True


def test_what_if_he_says_no_is_a_question_not_a_yes_to_the_offer():
    # p49, at "Zal ik je in contact brengen met een mens van de loopbaanservice?": "ok. en
    # wat als hij zegt nee" -> straight into the consent text; the question was dropped.
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn tijdelijk contract stopt", "flex_contract", confidence=0.9)
    chat.say("in de schoonmaak", "inform")
    assert chat.slots["pending"] == "offer"
    names = chat.say("ok. en wat als hij zegt nee", "not_what_i_meant", confidence=0.37)
    assert "utter_explain_consent" not in names, names
    assert "utter_sorry_misread" not in names
    assert not chat.slots.get("handover")


# 3. Privacy questions in other words.

def test_how_long_the_conversation_is_kept_gets_what_is_stored():
    # p53: "hoe lang bewaart u dit gesprek?" -> "Dat weet ik niet zeker" (the consent text
    # said 90 days six turns later).
    chat = _talking_about_a_career_change()
    names = chat.say("hoe lang bewaart u dit gesprek?", "ask_privacy", confidence=0.69)
    assert "utter_what_is_stored" in names, names


def test_recruitment_gets_an_honest_no_and_no_offer():
    # p53: "U ontwijkt het. Krijg ik daarna reclame of een belletje om lid te worden, ja of
    # nee? En hoe lang bewaart u dit gesprek?" -> "Dat weet ik niet zeker, en gokken doe ik
    # liever niet." + the consultant offer.
    chat = _talking_about_a_career_change()
    names = chat.say("U ontwijkt het. Krijg ik daarna reclame of een belletje om lid te worden, "
                     "ja of nee? En hoe lang bewaart u dit gesprek?", "nlu_fallback",
                     confidence=0.27)
    assert "utter_no_recruitment" in names, names
    assert "utter_what_is_stored" in names, names
    assert "utter_offer_consultant" not in names
    assert "utter_no_answer" not in names
    names = chat.say("Krijg ik daarna reclame of een belletje om lid te worden?",
                     "nlu_fallback", confidence=0.27)
    assert "utter_no_recruitment" in names, names
    # p53: "Wat gebeurt er met mijn gegevens als ik hier iets invul? Ik heb geen zin dat een
    # vakbond mij daarna gaat bestoken met ledenwerving." -> only the employer text.
    names = chat.say("Dat dacht ik al. Wat gebeurt er met mijn gegevens als ik hier iets "
                     "invul? Ik heb geen zin dat een vakbond mij daarna gaat bestoken met "
                     "ledenwerving.", "ask_privacy", confidence=0.28)
    assert "utter_no_recruitment" in names, names


def test_a_wish_that_the_boss_must_not_know_gets_the_confidentiality_answer():
    # p52 (Flemish), at the offer: "misschien wel, maar ik wil ni dat mijn baas da weet dat
    # ik met de vakbond bezig ben. en eigenlijk ook ni dat hij weet dat het een burn-out is"
    # -> "Sorry, dat begreep ik niet goed."
    chat = Chat()
    chat.say("dag, ik zit thuis met ne burn-out", "workload_health", confidence=0.9,
             topics=["workload_health"], flemish=True)
    chat.say("ja", "affirm", flemish=True)
    chat.slots["pending"] = "offer"
    names = chat.say("misschien wel, maar ik wil ni dat mijn baas da weet dat ik met de "
                     "vakbond bezig ben. en eigenlijk ook ni dat hij weet dat het een "
                     "burn-out is", "nlu_fallback", confidence=0.27, flemish=True)
    # In Flanders its version with the arbeidsarts (round 23, p110).
    assert "utter_ask_privacy_be" in names, names
    assert "utter_default" not in names
    assert chat.slots.get("employer_secret") is True
    # p50: "Misschien wel. Maar voordat ik ja zeg: ik wil absoluut niet dat mijn school of
    # mijn directeur hier iets van te weten komt. ... Hoe zit dat?" -> the stuck topic.
    chat = _talking_about_a_career_change()
    names = chat.say("Misschien wel. Maar voordat ik ja zeg: ik wil absoluut niet dat mijn "
                     "school of mijn directeur hier iets van te weten komt. Niet dat ik "
                     "twijfel, en zeker niet dat ik aan een andere baan denk. Hoe zit dat?",
                     "stuck", confidence=0.4, topics=["stuck"])
    assert "utter_ask_privacy" in names, names
    assert "utter_topic_stuck" not in names


# 4. An apology for talking is no correction.

def test_sorry_for_complaining_is_no_correction():
    # p54: "sorry dat ik zo zeur" -> "Sorry, dan begreep ik je verkeerd. Dank je dat je
    # het zegt."
    for text, intent, confidence in (("sorry dat ik zo zeur", "not_what_i_meant", 0.31),
                                     ("sorry", "deny", 0.49), ("sorry hoor", "deny", 0.31)):
        chat = Chat()
        chat.say("hoi", "greet")
        chat.say("ik moet een verbetertraject doen en ik ben zo moe", "workload_health",
                 confidence=0.9, topics=["workload_health"])
        before = list(chat.slots["topics"])
        names = chat.say(text, intent, confidence=confidence)
        assert names[0] == "utter_no_need_sorry", (text, names)
        assert "utter_sorry_misread" not in names
        assert "utter_ok_anything_else" not in names
        assert chat.slots["topics"] == before
        assert chat.slots["pending"] == "deepen"


# 5. "Dat begrijp ik" is no denial; sick at home and asking about a course keeps health.

def test_afraid_it_looks_as_if_not_really_sick_keeps_the_health_topic():
    # p50: "Dat begrijp ik. Laten we het dan één voor één doen. Mag ik een cursus of
    # opleiding volgen terwijl ik ziek thuis zit? Ik ben bang dat het lijkt alsof ik niet
    # echt ziek ben als ik ineens ga studeren." -> "Sorry, dan had ik dat verkeerd
    # begrepen. Ik haal werkdruk en gezondheid weg." + "Leuk dat je wilt bijleren!"
    chat = Chat()
    chat.say("Goedemiddag", "greet")
    chat.say("Ik sta al 15 jaar voor de klas en sinds half oktober ben ik thuis, overspannen. "
             "Kan ik omscholen terwijl ik ziek ben?", "workload_health", confidence=0.8,
             topics=["workload_health", "career_change"])
    names = chat.say("Dat begrijp ik. Laten we het dan één voor één doen. Mag ik een cursus of "
                     "opleiding volgen terwijl ik ziek thuis zit? Ik ben bang dat het lijkt "
                     "alsof ik niet echt ziek ben als ik ineens ga studeren.", "training",
                     confidence=0.71, topics=["training"])
    assert "utter_sorry_topic" not in names, names
    assert "workload_health" in chat.slots["topics"]
    assert "workload_health" not in (chat.slots.get("denied_topics") or [])
    assert "utter_topic_training" not in names, names


def test_i_understand_is_no_misread():
    chat = _talking_about_a_career_change()
    names = chat.say("Dat begrijp ik.", "not_what_i_meant", confidence=0.4)
    assert "utter_sorry_misread" not in names, names
    assert "career_change" in chat.slots["topics"]


# 6. "Ben ik gek dat ik dit wil?" gets a warm, normalising answer.

def test_am_i_crazy_gets_a_warm_answer():
    # p50: "... Ben ik gek dat ik dit wil, stoppen met lesgeven terwijl ik er zo lang voor
    # heb gestaan?" -> "Gaat het vooral over een conflict op het werk, of over onzekerheid
    # over je baan?"; later "ben ik gek dat ik dit wil?" -> "Daar heb ik geen goed antwoord
    # op, sorry."
    chat = Chat()
    chat.say("Goedemiddag", "greet")
    chat.say("Ik ben overspannen en zit thuis.", "workload_health", confidence=0.8,
             topics=["workload_health"])
    names = chat.say("Dat vroeg je net ook al. Ik ben al onder behandeling, dat is het punt "
                     "niet. Het punt is dat ik na vijftien jaar misschien iets heel anders "
                     "wil, en dat voelt als falen. Ben ik gek dat ik dit wil, stoppen met "
                     "lesgeven terwijl ik er zo lang voor heb gestaan?", "conflict_at_work",
                     confidence=0.36, topics=["conflict_at_work", "career_change"])
    assert "utter_not_crazy_sick" in names, names
    assert not any(n.startswith("utter_topic_choice") for n in names), names
    names = chat.say("Dat is een opluchting. Mag ik je nog iets persoonlijks vragen: ben ik "
                     "gek dat ik dit wil?", "hr_conversation", confidence=0.32,
                     topics=["hr_conversation"])
    assert "utter_not_crazy_sick" in names, names
    assert "utter_no_answer" not in names
    chat = _talking_about_a_career_change()
    names = chat.say("is het raar dat ik dit wil?", "career_change", confidence=0.4)
    assert "utter_not_crazy" in names, names


# 7. "boeie" is a shrug, not a greeting.

def test_boeie_is_no_greeting():
    # p51: "boeie" (after "Daar heb ik geen goed antwoord op") -> "Hoi! Waar wil je het
    # over hebben?"
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mn bbl leerbedrijf stopt volgende maand", "flex_contract", confidence=0.9,
             topics=["flex_contract"])
    names = chat.say("boeie", "greet", confidence=0.45)
    assert names == ["utter_shrug"], names
    assert chat.slots["topics"] == ["flex_contract"]


# 8. At home sick is no job loss; "ik zoek geen werk" denies job search.

def _flemish_sick_leave() -> Chat:
    chat = Chat()
    chat.say("dag, ik ben al vijf maand thuis me ne burn-out en ik zou efkes halftijds willen "
             "herbeginnen, kan da?", "workload_health", confidence=0.57,
             topics=["workload_health"], flemish=True)
    return chat


def test_returning_part_time_after_sickness_is_no_career_move():
    # p52: "... ik wil gewoon terug beginnen maar ni direct voltijds. ik werk op nen bureau
    # in leuven, administratie. zit nu op de mutualiteit" -> "Gaat het vooral over
    # overstappen naar ander werk, of over doorgroeien?"
    chat = _flemish_sick_leave()
    names = chat.say("ja mijn huisdokter weet da al hoor, ik ben daar al van in juni mee "
                     "bezig. het gaat nu wel beter, ik wil gewoon terug beginnen maar ni "
                     "direct voltijds. ik werk op nen bureau in leuven, administratie. zit nu "
                     "op de mutualiteit", "career_change", confidence=0.35,
                     ranking=["career_change", "workload_health", "career_growth"],
                     flemish=True)
    assert not any(n.startswith("utter_topic_choice") for n in names), names
    assert "career_change" not in chat.slots["topics"]
    assert "career_growth" not in chat.slots["topics"]


def test_at_home_sick_is_no_job_loss():
    # p52: "ik ben nu ni aan't werken he, ik zit thuis. mijn vraag is eigenlijk: moet da
    # via de mutualiteit of via mijn baas, da halftijds herbeginnen?" -> "Wat naar dat je
    # je baan kwijt bent."
    chat = _flemish_sick_leave()
    names = chat.say("ik ben nu ni aan't werken he, ik zit thuis. mijn vraag is eigenlijk: "
                     "moet da via de mutualiteit of via mijn baas, da halftijds herbeginnen?",
                     "unemployed", confidence=0.88, topics=["unemployed"], flemish=True)
    assert "utter_topic_unemployed" not in names, names
    assert "unemployed" not in chat.slots["topics"]
    assert not chat.slots.get("out_of_work")
    # Someone who did lose the job is still heard.
    chat = _flemish_sick_leave()
    names = chat.say("ik ben ontslagen tijdens mijn ziekte", "unemployed", confidence=0.88,
                     topics=["unemployed"], flemish=True)
    assert "unemployed" in chat.slots["topics"], names


def test_i_have_work_denies_job_search_and_unemployed():
    # p52: "welke zoektocht? ik zoek geen werk, ik héb werk. ge snapt mij ni denk ik 😅" ->
    # "Goed dat je aan de slag gaat met zoeken."; "NEE. ik solliciteer ni. ..." -> the
    # topics stayed.
    chat = _flemish_sick_leave()
    chat.slots["topics"] = ["workload_health", "unemployed", "job_search"]
    names = chat.say("welke zoektocht? ik zoek geen werk, ik héb werk. ge snapt mij ni denk "
                     "ik 😅", "job_search", confidence=0.72, topics=["job_search"],
                     flemish=True)
    assert not any("job_search" in n for n in names), names
    assert "job_search" not in chat.slots["topics"]
    assert "unemployed" not in chat.slots["topics"]
    chat = _flemish_sick_leave()
    chat.slots["topics"] = ["workload_health", "job_search"]
    chat.say("NEE. ik solliciteer ni. ik ben ziek met burn-out en wil terug naar mijn eigen "
             "werk, halftijds. in belgië. da is alles", "workload_health", confidence=0.88,
             topics=["workload_health", "job_search"], flemish=True)
    assert "job_search" not in chat.slots["topics"]
    assert "job_search" in chat.slots["denied_topics"]


def test_a_sector_named_as_an_idea_is_not_the_sector_they_work_in():
    # Round 13b, p53 (25 years in car sales): "Ik zou iets willen met mensen, misschien
    # opleiden of iets in de zorg, ..." -> the card said "Je werkt in de zorg."
    text = ("Ik verdien prima, maar het kunstje is op. Ik zou iets willen met mensen, misschien "
            "opleiden of iets in de zorg, maar op mijn 50e opnieuw beginnen zie ik niet zitten.")
    chat = Chat()
    chat.say(text, "career_change", entities=[
        {"entity": "sector", "value": "zorg", "start": text.index("zorg")}])
    assert not chat.slots.get("sector")
    chat = Chat()
    text = "ik werk in de zorg maar zou liever iets anders doen"
    chat.say(text, "career_change", entities=[
        {"entity": "sector", "value": "zorg", "start": text.index("zorg")}])
    assert chat.slots.get("sector") == "zorg"


def test_thinking_it_over_inside_a_long_story_is_the_story():
    # The pause rule is for a short "ik wil eerst nadenken", not for a story that says it.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("Ik werk al twintig jaar in de bouw en mijn knieen doen pijn. Ik moet eerst "
                     "nadenken over wat ik nog wil, want zo kan ik niet door tot mijn pensioen.",
                     "workload_health", confidence=0.7, topics=["workload_health"])
    assert "utter_pause" not in names, names
