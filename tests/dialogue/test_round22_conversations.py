"""Failures of round 22 (docs/reviews/round22/), fixed in session 21 and written as new
cases in other words. Each failed on the engine before its fix (checked on 98dbb87),
except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.patterns import wanted_job
from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match


def test_juist_is_no_job_she_wants():
    # p100, p101, p102: "ik wil juist NIET iets anders" put "Je wilt juist worden." on three
    # cards, and it stayed after a correction.
    assert wanted_job("ik wil juist niet weg, ik wil groeien in mijn winkel") is None
    assert wanted_job("ik wil juist bij de kinderen blijven") is None
    assert wanted_job("ik wil juist teamleider worden") == "teamleider"
    assert wanted_job("ik wil ook beter worden") is None
    assert wanted_job("ik wil elektricien") == "elektricien"  # guard
    chat = Chat()
    chat.say("ik vind mijn werk leuk en ik wil juist niet iets anders, ik wil hier verder",
             "career_growth", confidence=0.8, topics=["career_growth"])
    assert not chat.slots.get("wanted_job"), chat.slots


def test_a_follow_up_after_the_plain_answer_is_not_called_said_before():
    # p96: the plain version of the agency-sick answer, then a follow-up got "Dit zei ik
    # eerder al, en het geldt hier ook:" before a line of the full answer he had never seen.
    entry = entry_by_id("uitzend_ziek")
    chat = Chat()
    chat.slots["plain_language"] = True
    chat.say("ik werk via uitzendbureau en ben ziek, krijg ik geld?", "flex_contract",
             confidence=0.8, topics=["flex_contract"], knowledge=Match(entry, 0.6))
    assert chat.texts() == [entry.simple], chat.texts()
    chat.say("en wie betaalt mij nu, het bureau?", "flex_contract", confidence=0.7,
             knowledge=Match(entry, 0.6, line=entry.answer[0]))
    assert "utter_knowledge_follow_up" not in chat.last.names(), chat.last.names()
    assert entry.answer[0] in chat.texts(), chat.texts()


def test_a_line_of_an_answer_never_given_is_not_called_said_before():
    # The same untruth from a line match on an answer this conversation never had.
    entry = entry_by_id("uitzend_ziek")
    chat = Chat()
    chat.say("wie betaalt mij als ik ziek ben via het uitzendbureau?", "flex_contract",
             confidence=0.8, topics=["flex_contract"],
             knowledge=Match(entry, 0.6, line=entry.answer[1]))
    assert "utter_knowledge_follow_up" not in chat.last.names(), chat.last.names()
    assert entry.answer[1] in chat.texts(), chat.texts()


def test_a_follow_up_on_the_full_answer_still_says_so():
    # Guard: after the whole answer, its closest line is said as a follow-up.
    entry = entry_by_id("uitzend_ziek")
    chat = Chat()
    chat.say("ik werk via uitzendbureau en ben ziek, krijg ik geld?", "flex_contract",
             confidence=0.8, topics=["flex_contract"], knowledge=Match(entry, 0.6))
    chat.say("ok. en dat ongeluk, moet dat gemeld?", "flex_contract", confidence=0.7,
             knowledge=Match(entry, 0.6, line=entry.answer[-1]))
    assert "utter_knowledge_follow_up" in chat.last.names(), chat.last.names()


def test_a_question_in_a_later_sentence_without_a_question_mark_is_answered():
    # p99: "Dat cv dus. Dat heb ik niet. En wie wil er nou iemand van 58" got "Dank je dat je
    # dat vertelt." twice; "Ik weet niet goed hoe dat allemaal gaat" (the WW's applying) got a
    # letter tip.
    from bot.dialogue.turn import looks_like_question

    assert looks_like_question("Een cv heb ik nooit gehad. En wie neemt er nou iemand van 59")
    assert looks_like_question("UWV wil dat ik ga solliciteren. Ik weet niet goed hoe dat moet")
    assert not looks_like_question("Ik ben 58. Wie weet wat er nog komt")  # guard
    assert not looks_like_question("Ik werk in de zorg. Hoe ik me voel weet ik niet")  # guard
    entry = entry_by_id("werk_zoeken_als_oudere")
    chat = Chat()
    chat.say("de fabriek is dicht en ik zit in de ww", "unemployed", confidence=0.9,
             topics=["unemployed"])
    chat.say("Een cv heb ik nooit gehad. En wie neemt er nou iemand van 59", "job_search",
             confidence=0.6, topics=["job_search"], knowledge=Match(entry, 0.41))
    assert any(line in chat.texts() for line in entry.answer), chat.texts()


def test_someone_already_retired_hears_no_advice_for_the_last_working_years():
    # p102: "Sinds een jaar ben ik met pensioen en ik mis de kinderen" got "Goed dat je nu al
    # over je pensioen nadenkt, ook als het nog even duurt", "Hoeveel jaar werk je nog", and
    # later "Neem dat lijstje mee naar een gesprek met je leidinggevende".
    chat = Chat()
    chat.say("Ik ben sinds vorig jaar gepensioneerd, na 38 jaar in de bibliotheek. Ik mis "
             "mijn collega's en het werk erg.", "retirement", confidence=0.85,
             topics=["retirement"])
    names = chat.last.names()
    assert "utter_topic_retirement_retired" in names, names
    assert "utter_deepen_retirement_retired" in names, names
    assert "utter_topic_retirement" not in names, names
    assert chat.slots.get("retired") is True
    from bot.dialogue.patterns import ALREADY_RETIRED

    assert ALREADY_RETIRED.search("Vastzitten is het niet. Met pensioen ben ik al, dat is het punt")
    assert not ALREADY_RETIRED.search("ik werk niet meer met plezier, ik tel af tot mijn pensioen")


def test_someone_retiring_soon_still_hears_about_the_last_working_years():
    # Guard: "over twee jaar met pensioen" is not retired.
    chat = Chat()
    chat.say("ik ben 65 en over twee jaar met pensioen, hoe wil ik die laatste jaren?",
             "retirement", confidence=0.85, topics=["retirement"])
    assert "utter_topic_retirement" in chat.last.names(), chat.last.names()
    assert not chat.slots.get("retired")


def test_in_flanders_the_doctor_of_the_work_is_the_arbeidsgeneesheer():
    # p98: a cleaner in Gent with back pain heard "je huisarts of de bedrijfsarts" and "Naar
    # de bedrijfsarts mag je ook zonder het je baas te vragen", a Dutch rule.
    chat = Chat()
    chat.say("ik kuis al 15 jaar met dienstencheques in gent en mijne rug en schouders doen "
             "elke dag pijn", "workload_health", confidence=0.9, topics=["workload_health"],
             flemish=True)
    names = chat.last.names()
    assert "utter_health_referral_be" in names, names
    assert "utter_health_referral" not in names, names
    chat = Chat()
    chat.say("ik werk in een magazijn in tilburg en mijn rug doet elke dag pijn",
             "workload_health", confidence=0.9, topics=["workload_health"])
    assert "utter_health_referral" in chat.last.names(), chat.last.names()  # guard


def test_no_wish_for_other_work_is_no_career_change():
    # p100: "haha nee allebei niet. ik zit niet vast en wil ook niet ander werk, ik wil gwn
    # doorgroeien in de winkel" got "Iets heel anders gaan doen is een grote stap".
    chat = Chat()
    chat.say("ik werk echt graag in de winkel hoor", "enjoy_work", confidence=0.9,
             topics=["enjoy_work"])
    chat.say("nee hoor ik zit niet vast en ik wil ook geen ander werk, ik wil gewoon "
             "doorgroeien bij mijn eigen winkel", "career_change", confidence=0.55,
             topics=["career_change", "career_growth"])
    names = chat.last.names()
    assert "utter_topic_career_change" not in names, names
    assert "career_change" not in (chat.slots.get("topics") or []), chat.slots.get("topics")


def test_never_having_made_a_cv_gets_the_cv_answer_unasked():
    # p99: "Ik heb nooit een cv gemaakt. In 1994 ben ik daar gewoon begonnen" got a tip to
    # mark up a vacancy; "Dat cv dus. Dat heb ik niet." got "Dank je dat je dat vertelt."
    from bot.knowledge.retriever import mentioned, shared_retriever

    entries = shared_retriever().entries
    found = mentioned(entries, "Productiewerk zoek ik. Ik heb nog nooit een cv gemaakt, toen "
                               "ik begon ging dat zo")
    assert found is not None and found.id == "cv_schrijven", found
    assert mentioned(entries, "ik stuur liever geen cv maar bel ze op") is None  # guard
    entry = entry_by_id("cv_schrijven")
    chat = Chat()
    chat.say("de fabriek is dicht en ik zit in de ww", "unemployed", confidence=0.9,
             topics=["unemployed"])
    chat.say("Productiewerk zoek ik. Ik heb nog nooit een cv gemaakt, toen ik begon ging dat "
             "zo", "job_search", confidence=0.7, topics=["job_search"], mentioned=entry)
    assert entry.answer[0] in chat.texts(), chat.texts()



def test_saying_you_are_in_the_ww_is_no_request_for_its_conditions():
    # p99: "Sinds wanneer zit je zonder werk?" -> "Twee maanden nu. Ik zit in de WW" got the
    # conditions for getting WW, three bubbles, to a man who has had it for two months.
    chat = Chat()
    chat.say("de fabriek is dicht gegaan, 31 jaar heb ik daar gestaan", "unemployed",
             confidence=0.8, topics=["unemployed"])
    assert "utter_deepen_unemployed" in chat.last.names(), chat.last.names()
    chat.say("sinds augustus. ik heb nu ww", "unemployed", confidence=0.8,
             topics=["unemployed"])
    ww = entry_by_id("ww_voorwaarden")
    assert not set(ww.answer) & set(chat.texts()), chat.texts()


def test_a_flemish_no_to_the_check_question_is_believed():
    # p98: "wa? nee nee zeg, zo bedoel ik da toch ni. ik bedoel mijne rug" after the check
    # question got the 1813 line, no apology, and a safety flag on her ticket.
    chat = Chat()
    chat.say("ik kuis al 15 jaar in gent en ik kan ni meer", "workload_health",
             confidence=0.7, topics=["workload_health"], crisis_level="possible", flemish=True)
    assert chat.slots.get("pending") == "crisis_check", chat.slots.get("pending")
    chat.say("wat? nee nee zeg, zo bedoel ik dat toch ni. ik bedoel mijne schouders, ik kan da "
             "werk ni meer doen", "workload_health", confidence=0.6,
             topics=["workload_health"], flemish=True)
    names = chat.last.names()
    assert "utter_crisis_check_no" in names, names
    assert "utter_crisis_soft_be" not in names and "utter_crisis_soft" not in names, names
    assert not chat.slots.get("safety_flag"), chat.slots.get("safety_flag")


def test_someone_retired_is_not_asked_whether_she_is_stuck_and_gets_no_aow_age():
    # p102 (round 22b): "Sinds vorig jaar ben ik met pensioen ..." got a choice between
    # "laatste werkjaren" and "Vastgelopen"; "mag ik bijverdienen naast mijn AOW?" the AOW age
    # twice, although she has had her AOW for a year.
    chat = Chat()
    chat.say("Sinds een jaar ben ik gepensioneerd, na 35 jaar op een school. Ik mis het werk.",
             "retirement", confidence=0.45, topics=["retirement", "stuck"])
    assert "utter_topic_choice_two" not in chat.last.names(), chat.last.names()
    assert "utter_topic_retirement_retired" in chat.last.names(), chat.last.names()
    chat.say("Het is niet zo dat ik vastzit, ik werk gewoon niet meer. Ik wil iets met kinderen.",
             "stuck", confidence=0.5, topics=["stuck", "retirement"])
    assert "utter_topic_stuck" not in chat.last.names(), chat.last.names()
    age, working = entry_by_id("aow_leeftijd"), entry_by_id("doorwerken_na_aow")
    chat.say("Mag ik eigenlijk bijverdienen naast mijn AOW?", "retirement", confidence=0.7,
             topics=["retirement"], knowledge=Match(age, 0.5), mentioned=age)
    assert working.answer[0] in chat.texts(), chat.texts()
    assert age.answer[0] not in chat.texts(), chat.texts()


def test_a_wish_for_a_consultant_after_a_no_is_the_last_word():
    # p101: "nee ik bedoel de opleiding zelf, niet dit gesprek. maar laat maar, ik wil wel met
    # zo'n consulent praten ja" got "Prima, dan geef ik je alleen informatie."; p99's "Dan wil
    # ik wel met zo iemand van jullie praten" got "Fijn dat je het zegt."
    for text, intent in (
            ("nee ik bedoel de cursus zelf, niet deze chat. maar goed, ik wil wel met zo'n "
             "consulent praten", "deny"),
            ("Dan wil ik wel met zo iemand van jullie praten. Over dat cv", "inform")):
        chat = Chat()
        chat.say("ik wil een opleiding doen maar weet niet hoe", "training", confidence=0.9,
                 topics=["training"])
        chat.say(text, intent, confidence=0.6)
        assert chat.slots.get("pending") == "consent", (text, chat.last.names())
    chat = Chat()
    chat.say("ik wil een opleiding doen maar weet niet hoe", "training", confidence=0.9,
             topics=["training"])
    chat.say("nee, ik wil geen consulent, alleen informatie", "deny", confidence=0.8)
    assert chat.slots.get("pending") != "consent", chat.last.names()  # guard


def test_the_price_of_a_school_is_not_the_price_of_this_chat():
    # p101: "moet je lesgeld betalen als je 37 bent voor het mbo?" got "Deze chat is gratis".
    chat = Chat()
    chat.say("ik wil pedagogisch medewerker worden", "training", confidence=0.9,
             topics=["training"])
    chat.say("betaal je lesgeld voor het mbo als je al 40 bent?", "ask_cost", confidence=0.8)
    assert not {"utter_ask_cost", "utter_ask_cost_member"} & set(chat.last.names()), \
        chat.last.names()
    chat = Chat()
    chat.say("kost een gesprek met de consulent geld?", "ask_cost", confidence=0.9)
    assert {"utter_ask_cost", "utter_ask_cost_member"} & set(chat.last.names()), \
        chat.last.names()  # guard


def test_asking_for_english_gets_the_bilingual_answer():
    # p96 (round 22b): "sorry i dont understand good dutch. english ok?" got "Daar weet ik
    # helaas niets van" (out of scope).
    from bot.dialogue.patterns import ENGLISH_REQUEST

    assert ENGLISH_REQUEST.search("my dutch very bad sorry. english ok?")
    assert ENGLISH_REQUEST.search("you can english?")
    assert not ENGLISH_REQUEST.search("ik heb een cursus engels gedaan")  # guard
    assert not ENGLISH_REQUEST.search("is een cursus engels goed voor mijn cv?")  # guard
    chat = Chat()
    chat.say("my dutch very bad sorry. english ok?", "out_of_scope", confidence=0.5)
    assert "utter_english" in chat.last.names(), chat.last.names()


def test_a_simple_question_is_no_request_for_easier_words():
    # p103 (round 22b): "De vraag is simpel: mag mijn werkgever mij zomaar in een andere
    # functie terugzetten?" switched to "In makkelijke woorden" for the rest of the chat.
    from bot.dialogue.patterns import SIMPLER

    assert not SIMPLER.search("Mijn vraag is simpel: mag dat zomaar?")
    assert not SIMPLER.search("simpel gezegd: ik wil weg bij die afdeling")
    assert SIMPLER.search("kan het wat simpeler?")  # guard
    entry = entry_by_id("reintegratie_stappen")
    chat = Chat()
    chat.say("ik zit sinds augustus thuis met een burn-out", "workload_health", confidence=0.9,
             topics=["workload_health"])
    chat.say("Het gaat om mijn re-integratie. Mijn vraag is simpel: mag mijn werkgever mij "
             "zomaar in een andere functie terugzetten?", "workload_health", confidence=0.6,
             knowledge=Match(entry, 0.5))
    assert not chat.slots.get("plain_language"), chat.slots.get("plain_language")
    assert entry.simple not in chat.texts(), chat.texts()
