"""Failures of rounds 22c, 22d and 22e (docs/reviews/round22c|22d|22e/), fixed in session 22
and written as new cases in other words. Each failed on the engine before its fix (checked in a
git worktree on the commit before each fix), except the lines marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.patterns import EMPLOYER_SECRET
from bot.dialogue.pickup import pick_up
from bot.dialogue.turn import looks_like_question
from bot.handover.contact import clean_time
from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match


def test_a_flemish_secret_from_the_boss_is_heard():
    # p98: "nee ik wil ni dat mijne baas da weet he" was read as a correction of the topic.
    assert EMPLOYER_SECRET.search("ik wil ni dat mijne baas da te weten komt")
    assert EMPLOYER_SECRET.search("mijne chef moet da ni weten he")
    assert not EMPLOYER_SECRET.search("mijne baas weet het al lang")  # guard


def test_training_money_in_flanders_names_no_dutch_route_and_no_employer():
    # p98, a cleaner in Gent: "Soms is er ook een gratis ontwikkeladvies" and "heb je al
    # gevraagd of je werkgever meebetaalt?", twice, after she said her boss must not know.
    chat = Chat()
    names = chat.say("wie betaalt zo'n cursus eigenlijk, ik kuis in gent", "funding",
                     confidence=0.9, topics=["funding"], flemish=True)
    assert "utter_topic_funding" not in names, names
    assert "utter_topic_funding_be" in names, names
    assert "utter_deepen_funding" not in names, names


def test_a_secret_from_the_boss_takes_the_employer_out_of_the_funding_question():
    chat = Chat()
    chat.say("mijn baas mag hier niks van weten", "hr_conversation", confidence=0.6)
    names = chat.say("hoe betaal ik een opleiding", "funding", confidence=0.9,
                     topics=["funding"])
    assert "utter_deepen_funding" not in names, names
    assert "utter_deepen_funding_no_employer" in names, names


def test_an_hour_written_17u_is_a_time_to_call():
    # p98: "0470 12 34 98, liefst na 17u" was asked the time again, then "na 17u zei ik toch".
    assert clean_time("liefst na 17u") == "na 17 uur"
    assert clean_time("ik werk 38u per week") is None  # guard: hours of work, no moment
    chat = Chat()
    chat.walk_to_phone("Nathalie")
    names = chat.say("06 12 34 56 78, liefst na 17u want dan ben ik thuis", "inform")
    assert chat.slots.get("contact_time") == "na 17 uur", chat.slots.get("contact_time")
    assert "utter_ask_contact_time" not in names, names


def test_yes_with_thanks_at_the_card_sends_it():
    # p98: "ja klopt, merci" got "Je aanvraag is nog niet verstuurd. Zal ik hem zo versturen?"
    chat = Chat()
    chat.walk_to_summary()
    chat.say("ja dat klopt, dank je", "thank")
    assert chat.effects == ["create_ticket"], chat.effects
    chat = Chat()
    chat.walk_to_summary()
    names = chat.say("dank je wel", "thank")  # guard: thanks alone still waits for a yes
    assert chat.effects == [] and "utter_thanks_at_summary" in names, names


def test_app_before_a_number_is_whatsapp_and_a_later_no_to_calls_counts():
    # p104: "app 06-12345104" was noted as "contact via bellen", and "nee whatsapp zei ik niet
    # bellen. na 5 uur" kept the call.
    assert pick_up("app 06-11223344").channel == "whatsapp"
    picked = pick_up("nee via whatsapp zei ik, niet bellen. na 6 uur")
    assert picked.channel == "whatsapp" and "phone" in picked.refused_channels, picked
    assert pick_up("niet bellen tussen 9 en 5").refused_channels == set()  # guard: a time
    assert pick_up("de app van mijn werk doet raar").channel is None  # guard


def test_doubt_about_holding_on_is_no_question():
    # p103: "Eerlijk gezegd weet ik niet of ik dit hele traject nog trek. ... ik merk dat ik er
    # langzaam aan onderdoor ga." got "Ook dat weet ik niet zeker, dus ik ga niet gokken."
    assert not looks_like_question("Ik weet eerlijk gezegd niet of ik het nog volhoud. Elke "
                                   "brief van HR slaat me plat.")
    assert looks_like_question("ik weet niet of ik recht heb op een uitkering")  # guard


def test_told_it_was_no_question_the_bot_says_sorry_and_listens():
    # p103: "Dat was ook geen vraag. Ik probeerde uit te leggen hoe het met me gaat." got a
    # tip to keep an energy diary.
    chat = Chat()
    chat.say("ik zit al maanden thuis met een burn-out", "workload_health", confidence=0.8,
             topics=["workload_health"])
    names = chat.say("Het was helemaal geen vraag, ik vertelde hoe ik me voel.", "stuck",
                     confidence=0.5)
    assert names[0] == "utter_heard_not_a_question", names
    assert not any(n.startswith("utter_selfhelp") for n in names), names


def test_suitable_work_while_sick_gets_the_sickness_rule():
    # p103, off sick for months: "wie beslist of die functie passende arbeid is" got the rule
    # for a reorganisation.
    chat = Chat()
    chat.say("ik ben nu vier maanden ziek thuis", "workload_health", confidence=0.8,
             topics=["workload_health"])
    chat.say("wie bepaalt of die andere functie passend is?", "conflict_at_work",
             confidence=0.4, knowledge=Match(entry_by_id("passende_functie_reorganisatie"), 0.4))
    sick = entry_by_id("passend_werk_tijdens_ziekte")
    assert sick.answer[0] in chat.texts(), chat.texts()


def test_hard_words_of_our_own_are_explained_simply():
    # p105, learning Dutch: "ik begrijp niet moeilijk woord. wat is consulent? en
    # vrijblijvend?" got "Het lukt me niet goed om je te begrijpen, sorry."
    chat = Chat()
    chat.walk_to_consent()
    assert chat.slots["pending"] == "consent"
    names = chat.say("wat betekent vertrouwelijk? en samenvatting? moeilijk woord", "nlu_fallback",
                     confidence=0.3)
    assert names[:2] == ["utter_word_vertrouwelijk", "utter_word_samenvatting"], names
    assert names[-1] == "utter_ask_consent_given", names
    assert chat.slots["plain_language"] is True
    assert chat.slots["pending"] == "consent"
    # guard: a long story that names a consultant asks for no word
    story = ("ik heb vorig jaar al eens met een consulent gepraat maar wat is nou eigenlijk het "
             "plan, want mijn baas wil dat ik ander werk ga doen en ik weet niet of dat goed is")
    assert "utter_word_consulent" not in Chat().say(story, "stuck", confidence=0.5)


def test_a_flemish_no_after_the_word_takes_the_topic_out():
    # p106: "onzeker ni, ik heb nen vaste job als bediende" at the menu "onzekerheid over je
    # baan, of doorgroeien?" got the job-at-risk answer and "Wanneer gaat de verandering
    # gebeuren?".
    chat = Chat()
    chat.say("ik zit vast in mijne job, ik word er zot van", "job_insecurity", confidence=0.4,
             topics=["job_insecurity", "career_growth"])
    names = chat.say("onzeker ni, ik heb ne vaste job. ik wil iets anders gaan doen",
                     "career_change", confidence=0.4, topics=["career_change"], flemish=True)
    assert "utter_topic_job_insecurity" not in names, names
    assert "job_insecurity" not in (chat.slots.get("topics") or []), chat.slots.get("topics")


def test_agency_work_said_is_on_the_card_and_agency_work_wished_is_not():
    # p104: "ik werk in magazijn via uitzend" left contract_type empty; p107's card said
    # "uitzend" for a former zzp painter who only wished to work via an agency.
    chat = Chat()
    chat.say("ik werk in een magazijn via uitzend en wil iets anders", "career_change",
             confidence=0.6, topics=["career_change"])
    assert chat.slots.get("contract_type") == "uitzend", chat.slots.get("contract_type")
    chat = Chat()
    chat.say("ik wil gewoon bij een schildersbedrijf werken of via een uitzendbureau",
             "job_search", confidence=0.6, topics=["job_search"],
             entities=[{"entity": "contract_type", "value": "uitzend", "start": 60, "end": 73}])
    assert chat.slots.get("contract_type") is None, chat.slots.get("contract_type")
    chat = Chat()
    chat.say("ik werk niet via een uitzendbureau, ik heb een vast contract", "stuck",
             confidence=0.6)
    assert chat.slots.get("contract_type") == "vast", chat.slots.get("contract_type")  # guard


# Round 22d (docs/reviews/round22d/): the same personas on the fixes above.

def test_stopping_after_a_crisis_statement_gets_the_helpline():
    # p107: "laat maar ook. niemand zit op mij te wachten toch", after his request was sent,
    # got "Goed. Je kunt altijd later verder praten."
    chat = Chat()
    chat.say("soms denk ik dat het beter is als ik er niet meer ben", "crisis",
             crisis_level="clear")
    chat.say("nee hoeft niet", "deny")
    chat.say("ik zoek gewoon werk als schilder", "job_search", confidence=0.7,
             topics=["job_search"])
    names = chat.say("laat ook maar. ik doe er toch niet toe", "stop_form", confidence=0.7)
    assert names == ["utter_goodbye_safety"], names
    assert Chat().say("laat maar", "stop_form")[-1] == "utter_stopped_outside_form"  # guard


def test_the_reply_to_the_crisis_answer_is_not_on_the_card():
    # p107's card quoted "ja ja ik doe heus niks hoor" under what he asked.
    chat = Chat()
    chat.say("ik zie het niet meer zitten, iedereen is beter af zonder mij", "crisis",
             crisis_level="clear")
    chat.say("ja ja ik doe heus niks, kun je me nou gewoon helpen met werk zoeken?", "job_search",
             confidence=0.6, topics=["job_search"])
    asked = chat.slots.get("questions_asked") or []
    assert not any("heus niks" in q for q in asked), asked


def test_a_typed_yes_with_send_words_at_the_card_sends_it():
    # p106: "klopt ja, verstuur mor" got "Goede vraag" and the card again; "euh da was gene
    # vraag. ja, verstuur" got "Sorry, dan begreep ik je verkeerd" and the card a third time.
    for text, intent in (("klopt ja, stuur maar door", "affirm"),
                         ("da was gene vraag he. ja, verstuur", "not_what_i_meant")):
        chat = Chat()
        chat.walk_to_summary()
        chat.say(text, intent)
        assert chat.effects == ["create_ticket"], (text, chat.effects)
    assert looks_like_question("klopt het dat ik het zelf moet betalen")  # guard


def test_school_hours_and_care_hours_are_read_as_times():
    # p101: "het liefst onder schooltijd" was asked again; p105: "middag en avond ik zorg voor
    # man" stored the evening as a good time to call.
    assert clean_time("bel maar onder schooltijd") == "onder schooltijd"
    moment = clean_time("beter ochtend bellen, avond ik zorg voor man") or ""
    assert "ochtend" in moment and "avond" not in moment, moment


def test_wel_appen_niet_bellen_keeps_whatsapp():
    # p104: "06-12345104 maar wel appen niet bellen" refused both, and the channel was asked.
    picked = pick_up("06-11223344 maar wel appen, niet bellen")
    picked_tight = pick_up("wel appen niet bellen")
    assert picked.channel == "whatsapp" and picked_tight.channel == "whatsapp", picked_tight
    assert picked_tight.refused_channels == {"phone"}, picked_tight
    assert pick_up("mail me niet").refused_channels == {"email"}  # guard


def test_going_under_is_heard_and_no_question():
    # p103: "... 's nachts kan ik toch niet slapen. ... Ik ga er langzaam aan onderdoor,
    # eerlijk gezegd." got "Daar heb ik geen goed antwoord op".
    text = ("Dat wist ik al. Overdag kan ik ook niet rusten. Ik merk dat ik er zo langzaam "
            "aan onderdoor ga.")
    assert not looks_like_question(text)
    chat = Chat()
    chat.say("ik zit al maanden thuis met een burn-out", "workload_health", confidence=0.8,
             topics=["workload_health"])
    names = chat.say(text, "workload_health", confidence=0.8, topics=["workload_health"])
    assert "utter_weary_heard" in names and "utter_no_answer" not in names, names


def test_a_word_question_with_a_price_question_keeps_the_price_question():
    # Guard for the glossary: "wat is een consulent en kost dat geld?" still gets the price.
    names = Chat().say("wat is een consulent en kost dat geld?", "ask_cost", confidence=0.8)
    assert "utter_word_consulent" not in names, names


def test_the_foreign_diploma_answer_is_no_pharmacy_advice_for_everyone():
    # Round 22e, p111, a civil engineer from Syria: "werk zoeken in of rond een apotheek", twice.
    text = " ".join(entry_by_id("buitenlands_diploma").answer)
    assert "in of rond een apotheek" not in text
    assert "Alleen voor sommige beroepen" in text and "ervaring" in text


def test_dan_maar_met_een_consulent_praten_is_a_wish():
    # Round 22e, p99: "Nou. Dan maar met zo'n consulent praten. Over werk zoeken." got a
    # vacancy tip; the handover began only after he insisted.
    chat = Chat()
    chat.say("De fabriek is dicht. Ik zit in de WW.", "unemployed", confidence=0.8,
             topics=["unemployed"])
    chat.say("Goed. Dan toch maar met een consulent praten. Over een baan zoeken.", "job_search",
             confidence=0.6, topics=["job_search"])
    assert chat.slots["pending"] == "consent", chat.last


def test_ik_wil_weten_wat_asks_and_the_ww_duties_answer_it():
    # Round 22e, p99: "Eerst wil ik weten wat de WW van me wil. Ik krijg brieven van het UWV."
    # got "Wat zwaar dat je werk je zoveel kost" and a course-money line.
    text = "Nu wil ik graag weten wat het UWV van mij verwacht. Er komen steeds brieven."
    assert looks_like_question(text)
    assert not looks_like_question("Ik wil weten dat het goed komt met mijn zoon.")  # guard
    entry = entry_by_id("ww_plichten")
    chat = Chat()
    chat.say("de fabriek is dicht en ik zit nu in de ww", "unemployed", confidence=0.9,
             topics=["unemployed"])
    chat.say(text, "workload_health", confidence=0.8, topics=["workload_health"],
             knowledge=Match(entry, 0.5))
    assert entry.answer[0] in chat.texts(), chat.last.names()
