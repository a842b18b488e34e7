"""Failures of round 15c (docs/conversation-review.md, "Round 15c": p63, p65 and p66 on the
round-15b fixes), written as new cases. The classifier's readings are those of the model the
members talked to. Each failed on the engine before its fix (checked on 8a5cba5)."""

from __future__ import annotations

from conversation_support import Chat, knowledge
from test_round15b_conversations import _offered  # the same graduate, offered

from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match

AGE_52 = [{"entity": "age", "value": "52"}]


def _real(entry_id: str) -> Match:
    entry = entry_by_id(entry_id)
    assert entry is not None, entry_id
    return Match(entry, 0.9)


def _ron() -> Chat:
    chat = Chat()
    chat.say("ww loopt over 4 maanden af. 80 afwijzingen. niemand wil een vent van 52",
             "unemployed", confidence=0.64, topics=["unemployed"], entities=AGE_52)
    assert "utter_discouraged_heard" in chat.last.names(), chat.last
    return chat


def test_no_point_in_applying_gets_no_cover_letter_tip():
    # p63: "het heeft toch geen zin om nog te solliciteren" -> "Goed dat je aan de slag gaat
    # met zoeken" and a tip for his letter, after 80 rejections.
    chat = _ron()
    names = chat.say("het heeft toch geen zin om nog te solliciteren", "job_search",
                     confidence=0.87, topics=["job_search"],
                     knowledge=knowledge("werk_zoeken_als_oudere", "job_search"))
    assert "utter_topic_job_search" not in names and "utter_selfhelp_job_search" not in names, \
        names
    assert names[0] == "utter_discouraged_heard_again", names
    assert "utter_offer_consultant" in names, names


def test_written_off_a_third_time_is_no_topic_question():
    # p63: "ik ben gewoon afgeschreven" -> the same line a third time and "Gaat het vooral
    # over ... of over ...?"
    chat = _ron()
    chat.say("het heeft toch geen zin om nog te solliciteren", "job_search", confidence=0.87,
             topics=["job_search"])
    chat.say("nee", "deny", confidence=0.9)
    names = chat.say("ik ben gewoon afgeschreven", "nlu_fallback", confidence=0.27)
    assert "utter_discouraged_heard" not in names, names
    assert not any(n.startswith("utter_topic_choice") for n in names), names


def test_after_the_ww_for_a_man_of_52_leaves_out_the_schemes_for_60():
    # p63 (52): "wat gebeurt er als die ww op is" -> bijstand, and the IOW (60 and 4 months)
    # and IOAW (born before 1965) as well.
    chat = _ron()
    chat.say("wat gebeurt er als die ww op is", "ask_how_it_works", confidence=0.33,
             knowledge=_real("na_de_ww"))
    text = " ".join(chat.texts())
    assert "bijstand" in text and "IOW" not in text and "IOAW" not in text, text
    chat = Chat()
    chat.say("wat gebeurt er als die ww op is, ik ben 61", "ask_how_it_works", confidence=0.5,
             knowledge=_real("na_de_ww"), entities=[{"entity": "age", "value": "61"}])
    assert "IOW" in " ".join(chat.texts()), chat.texts()


def test_too_old_at_52_gets_no_subsidy_from_56():
    # p63: "ben ik gewoon te oud?" -> "Werk zoeken na je 55e" and the subsidy for 56+.
    chat = _ron()
    chat.say("ja dat doe ik al 14 maanden. ben ik gewoon te oud?", "nlu_fallback",
             confidence=0.27, knowledge=_real("werk_zoeken_als_oudere"))
    text = " ".join(chat.texts())
    assert "discriminatie" in text and "56" not in text and "55e" not in text, text


def test_the_card_says_what_happens_on_the_date():
    # p63: "Belangrijke datum: over 4 maanden." did not say that his WW stops then.
    chat = Chat()
    chat.say("ww loopt over 4 maanden af. 80 afwijzingen", "unemployed", confidence=0.64,
             topics=["unemployed"], entities=[{"entity": "deadline", "value": "over 4 maanden"}])
    chat.walk_to_summary()
    assert "over 4 maanden (je WW stopt)" in chat.slots["summary"], chat.slots["summary"]


def test_english_before_any_request_asks_whether_he_wants_one():
    # p65: "can someone call me in English?" -> "Ik zet in je aanvraag dat Engels beter gaat"
    # with no request, and no question; "ok ja graag. maybe email is better" -> "Dat snap ik
    # helaas niet".
    chat = Chat()
    chat.say("hi", "greet")
    names = chat.say("can someone call me in English?", "other_language", confidence=0.8)
    assert names == ["utter_consultant_english_offer"], names
    assert chat.slots["pending"] == "offer", chat.last
    chat.say("ok ja graag. maybe email is better", "nlu_fallback", confidence=0.3)
    assert chat.slots["pending"] == "consent", chat.last


def test_the_ww_answer_names_no_months_he_never_said():
    # p65 never said 10 months, and "dagloon" / "buiten je schuld" were too hard at A2.
    chat = Chat()
    chat.say("ok ik probeer. mijn contract stopt in januari. krijg ik geld van de staat?",
             "unemployed", confidence=0.6, knowledge=_real("ww_voorwaarden"))
    text = " ".join(chat.texts())
    assert "WW" in text and "10 maanden" not in text and "dagloon" not in text and \
        "buiten je schuld" not in text, text


def test_the_card_quotes_no_question_about_english_or_a_visa():
    # p65's card: "Je vroeg: „Hi, do you speak English?” / „... mag ik blijven in nederland?”"
    chat = Chat()
    chat.say("Hi, do you speak English? My contract is not renewed and I don't know my rights.",
             "other_language", confidence=0.9)
    chat.say("ik ben kennismigrant. als mijn werk stopt, mag ik blijven in nederland?",
             "nlu_fallback", confidence=0.27)
    chat.say("krijg ik transitievergoeding als mijn contract niet verlengd wordt?", "unemployed",
             confidence=0.6,
             knowledge=knowledge("transitievergoeding", "unemployed"))
    asked = chat.slots.get("questions_asked") or []
    assert asked and not any("English" in q or "nederland" in q for q in asked), asked


def test_maybe_to_the_offer_is_heard_and_the_offer_stays_open_once():
    # p66: "hmm misschien" and "misschien wel ja" to the open offer -> "Sorry, dat begreep ik
    # niet goed" and "Waar kan ik je nog mee helpen?".
    chat = _offered()
    names = chat.say("hmm misschien", "nlu_fallback", confidence=0.27)
    assert names == ["utter_offer_maybe"], names
    assert chat.slots["pending"] == "offer"
    names = chat.say("misschien wel ja", "so_so", confidence=0.85)
    assert "utter_offer_maybe" not in names and "utter_offer_consultant" not in names, names
    assert chat.slots["pending"] is None, chat.last
    chat = _offered()
    chat.say("ja graag", "affirm")
    assert chat.slots["pending"] == "consent"


def test_her_parents_opinion_is_heard_and_is_no_contract_of_hers():
    # p66: "mijn ouders vinden dat ik gewoon moet blijven, een vast contract is toch fijn
    # zeggen ze" -> "Waar kan ik je nog mee helpen?", and "vast" on her card.
    chat = _offered()
    chat.say("nee nu nog niet", "deny", confidence=0.9)
    names = chat.say("mijn ouders vinden dat ik gewoon moet blijven, een vast contract is toch "
                     "fijn zeggen ze", "flex_contract", confidence=0.41)
    assert names[0] == "utter_others_opinion", names
    assert chat.slots.get("contract_type") != "vast", chat.slots.get("contract_type")
    chat = Chat()
    chat.say("ik heb een vast contract. mijn ouders zeggen dat ik moet blijven", "stuck",
             confidence=0.6, topics=["stuck"])
    assert chat.slots.get("contract_type") == "vast"
