"""Failures of round 20 (docs/reviews/round20/: p83 Eritrean order picker, p84 angry team
leader, p85 Flemish forklift driver, p86 min-max call-centre agent, p87 bus driver with a bad
back, p88 Polish agency worker), fixed in session 19 and written as new cases in other words.
Each failed on the engine before its fix (checked on 148249c), except those marked as
guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.card_question import own_question
from bot.dialogue.patterns import ASKS_EASIER, CONSULTANT_WISH, EMPLOYER_SECRET, OFFER_YES
from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match


def _answered(entry_id: str, text: str, intent: str = "flex_contract") -> Chat:
    entry = entry_by_id(entry_id)
    assert entry is not None
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say(text, intent, confidence=0.8, knowledge=Match(entry, 0.6), topics=[intent])
    return chat


def test_simple_please_with_a_topic_gets_the_last_answer_in_easy_words():
    # p88: "simple please. i not understand all. 1 week is ok or not ok?" -> "geen goed
    # antwoord" (the classifier read a flex topic, so it was no miss).
    chat = _answered("huisvesting_uitzendbureau", "het uitzendbureau zegt dat ik uit mijn kamer "
                     "moet als het werk stopt, mag dat?")
    chat.say("easy please, i not understand. it is allowed or not?", "flex_contract",
             confidence=0.55, topics=["flex_contract"])
    simple = entry_by_id("huisvesting_uitzendbureau").simple
    assert chat.texts() == [simple], chat.texts()
    assert ASKS_EASIER.search("ff kort pls")
    assert not ASKS_EASIER.search("ik zoek makkelijk werk")  # guard


def test_a_short_please_asks_for_the_plain_version():
    # p86: "zei ik toch min max 16-32 uur, loopt niet af. ff kort pls" -> "noteer de
    # einddatum" of a contract without one.
    chat = _answered("oproepkracht_vaste_uren", "ik werk 13 maanden op oproep, vaste uren nu?")
    names = chat.say("heb min max, loopt gewoon door. even kort aub", "flex_contract",
                     confidence=0.6, topics=["flex_contract"])
    assert "utter_selfhelp_flex_contract" not in names, names
    # Shorter, not "In makkelijke woorden" to a fluent speaker (round 20b, p86).
    simple = entry_by_id("oproepkracht_vaste_uren").simple
    assert chat.texts() == ["Kort: " + simple.removeprefix("In makkelijke woorden: ")]
    assert not chat.slots.get("plain_language")


def test_an_address_corrected_at_the_next_step_is_changed():
    # p86: "oeps verkeerd, is samira.b@example.nl" at the region question -> "Sorry, dan
    # begreep ik je verkeerd", and the card kept the typo.
    chat = Chat()
    chat.walk_to_channel("Roos")
    chat.say("mail. roos.k@exmaple.nl", "inform")
    assert chat.slots["pending"] == "region", chat.last
    names = chat.say("foutje, moet zijn roos.k@example.nl", "not_what_i_meant", confidence=0.3)
    assert "utter_sorry_misread" not in names, names
    assert chat.slots["contact_email"] == "roos.k@example.nl"
    assert chat.slots["pending"] == "region"


def test_waiting_for_the_mail_after_the_request_is_no_change():
    # p87: "Dank u wel, dan wacht ik de e-mail rustig af. Prettige avond nog." -> "Wil je dat
    # ik je aanvraag aanpas? Nieuw: manier van contact: e-mail."
    chat = Chat()
    chat.walk_to_summary()
    chat.say("ja", "affirm")
    names = chat.say("Bedankt, dan wacht ik zijn mail wel af. Prettig weekend.", "nlu_fallback",
                     confidence=0.3)
    assert names == ["utter_closing_after_request_no_date"], names
    names = chat.say("bedankt, liever toch per whatsapp", "nlu_fallback", confidence=0.3)
    assert "utter_ask_update_request" in names, names  # guard: a change stays a change


def test_a_goodbye_without_thanks_gets_no_you_are_welcome():
    # p86: "nvm doei" -> "Graag gedaan!"
    chat = Chat()
    chat.walk_to_summary()
    chat.say("ja", "affirm")
    assert chat.say("laat maar doei", "goodbye") == ["utter_closing_after_request_no_date_bye"]


def test_keeping_it_from_the_employer_at_the_offer_is_heard_not_read_as_yes():
    # p87: "Dat is goed om te weten. Maar ... mijn werkgever hoeft hier niets van te weten."
    # -> the consent text, as if he had said yes.
    assert not OFFER_YES.match("Dat is goed om te weten, maar ik twijfel nog")
    assert OFFER_YES.match("dat is goed, bel me maar")  # guard
    chat = _answered("eerder_stoppen", "kan ik eerder stoppen met werken, ik ben 63?",
                     intent="retirement")
    assert chat.slots["pending"] == "offer"
    names = chat.say("Fijn om te horen. Mijn baas hoeft hier niks van te weten, dat wil ik "
                     "eerst zelf uitzoeken.", "job_insecurity", confidence=0.4)
    assert "utter_ask_privacy" in names, names
    assert chat.slots.get("pending") != "consent"
    assert chat.slots.get("employer_secret") is True
    assert EMPLOYER_SECRET.search("mijn chef mag er niks van horen")


def test_experience_counting_is_no_privacy_question():
    # p83: "mijn werk in eritrea met oom, dat telt ook hier?" -> the privacy text.
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("ik deed bouwwerk met mijn broer in mijn land, telt dat hier ook?",
                     "ask_privacy", confidence=0.6)
    assert "utter_ask_privacy" not in names, names
    chat = Chat()
    chat.say("hoi", "greet")
    names = chat.say("telt mijn werkgever mee wie hier schrijft? ziet hij dit?", "ask_privacy",
                     confidence=0.8)
    assert "utter_ask_privacy" in names, names  # guard


def test_an_answer_given_unasked_counts_as_given_for_a_follow_up():
    # p83: the EVC answer came unasked; "dat telt ook hier?" after it got "geen goed
    # antwoord", because only asked answers counted for follow-ups.
    evc = entry_by_id("ervaring_zonder_diploma")
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik deed 6 jaar schilderwerk in polen, zonder diploma", "training",
             confidence=0.4, mentioned=evc)
    assert evc.answer[0] in chat.texts(), chat.texts()
    assert "ervaring_zonder_diploma" in chat.slots["knowledge_given"]


def test_flemish_yes_to_the_offer_and_a_wish_to_be_called_start_the_request():
    # p85: "pff. ja laat da maar eens bekijken door iemand dan" -> a topic menu; "ik wil da
    # iemand van de vakbond mij belt" -> a career-switch text.
    assert CONSULTANT_WISH.search("ok laat dat maar eens bekijken door iemand")
    assert CONSULTANT_WISH.search("ik wil da iemand van het acv mij belt")
    assert not CONSULTANT_WISH.search("ik wil da iemand anders die job doet")  # guard
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ze sluiten ons bedrijf", "job_insecurity", confidence=0.8,
             topics=["job_insecurity"], flemish=True)
    chat.say("ik wil da iemand van de vakbond mij belt over da brugpensioen", "career_change",
             confidence=0.37, flemish=True)
    assert chat.slots["pending"] == "consent", chat.last


def test_a_named_word_goes_off_the_card_and_the_rest_stays():
    # p84: "haal dat kut er wel even uit" and "dat woord kut moet eruit" -> the same card.
    chat = Chat(choices=None)
    chat.walk_to_consent()
    chat.slots["questions_asked"] = ["shit, moet ik dan gewoon blijven zitten?"]
    chat.say("ja", "affirm")
    for text in ("Dennis", "bellen", "0612345984", "morgen", "Utrecht"):
        chat.say(text, "inform")
    chat.say("nee", "deny")
    assert chat.slots["pending"] == "summary", chat.last
    chat.say("haal dat shit er even uit", "inform")
    assert chat.slots["questions_asked"] == ["moet ik dan gewoon blijven zitten?"], chat.slots
    assert own_question("kut. waarom doet HR hier niks mee?") == "waarom doet HR hier niks mee?"


def test_living_in_belgium_gets_the_belgian_resigning_warning():
    # p85: "als ik nu zelf opstap, ben ik dan alles kwijt?" -> the dop-after-notice text.
    be = entry_by_id("zelf_ontslag_ww_be")
    assert be is not None and be.region == "be"
    chat = Chat()
    chat.say("hoi", "greet", flemish=True)
    chat.say("als ik zelf opstap, krijg ik dan nog iets van de rva?", "job_insecurity",
             confidence=0.6, knowledge=Match(be, 0.5), flemish=True)
    assert be.answer[0] in chat.texts(), chat.texts()
    assert not any("UWV" in t for t in chat.texts())


def test_resigning_tomorrow_is_the_deadline_on_the_card():
    # p84: "bel me morgen voor 9 uur, dan wil ik ontslag nemen" -> a ticket without a deadline
    # (and deadline_about would have said "je WW stopt" for "ik neem morgen ontslag, ww?").
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik neem morgen ontslag, krijg ik dan nog ww?", "unemployed", confidence=0.9)
    assert chat.slots.get("deadline") == "morgen", chat.slots
    assert chat.slots.get("deadline_about") == "je wilt dan zelf opzeggen"
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("mijn ww stopt morgen, wat nu?", "unemployed", confidence=0.9)
    assert chat.slots.get("deadline_about") != "je wilt dan zelf opzeggen"  # guard


def test_marks_asked_for_at_the_card_are_set_not_pasted():
    # p87: "Kunt u er nog bij zetten dat mijn werkgever hier niets van mag weten?" -> "In je
    # eigen woorden: Mijn werkgever het niet mag weten." (after two tries); p84: "en zet erbij
    # dat het spoed is" -> "In je eigen woorden: Het spoed is."
    chat = Chat()
    chat.walk_to_summary()
    chat.say("zet er nog bij dat mijn baas er niks van mag weten", "inform", confidence=0.4)
    assert chat.slots.get("employer_secret") is True
    assert "Je werkgever mag niet weten" in chat.slots["summary"], chat.slots["summary"]
    assert not chat.slots.get("summary_text"), chat.slots.get("summary_text")
    chat = Chat()
    chat.walk_to_summary()
    chat.say("klopt, en zet erbij dat het dringend is", "inform", confidence=0.4)
    assert chat.slots.get("urgent_request") is True
    assert not chat.slots.get("summary_text"), chat.slots.get("summary_text")
    chat.say("nee wacht, het heeft toch geen haast", "inform", confidence=0.4)
    assert chat.slots.get("urgent_request") is False
