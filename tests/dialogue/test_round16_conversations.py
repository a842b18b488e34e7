"""Failures of round 16 (docs/conversation-review.md, "Round 16": p63, p66 to p72 against
`make run`), written as new cases. Each failed on the engine before its fix (checked on
a9503d0)."""

from __future__ import annotations

from conversation_support import Chat

from bot.knowledge.entries import entry_by_id
from bot.knowledge.retriever import Match

LINDA = ("Linda", "per e-mail, linda.k@example.nl", "Utrecht")


def _linda_at_the_card() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("Mijn moeder heeft dementie en ik zorg drie middagen per week voor haar. Bestaat "
             "er verlof voor mantelzorgers?", "work_life_balance", topics=["work_life_balance"])
    chat.say("Maar moet ik mijn werkgever dan vertellen wat mijn moeder heeft?",
             "work_life_balance", topics=["work_life_balance"])
    chat.say("Oké. Dan wil ik graag toch contact met een consulent.", "request_human")
    chat.say("Ja, dat is goed.", "affirm")
    for text in LINDA:
        chat.say(text, "inform")
    assert chat.slots["pending"] == "summary", chat.last
    return chat


def _real(entry_id: str) -> Match:
    entry = entry_by_id(entry_id)
    assert entry is not None, entry_id
    return Match(entry, 0.9)


def _card(chat: Chat) -> str:
    return str(chat.slots.get("summary") or "")


def test_a_diagnosis_of_someone_else_is_never_quoted_on_the_card():
    # p71: the card quoted "Mijn moeder heeft dementie …" under "Je vroeg:".
    chat = _linda_at_the_card()
    assert "dementie" not in _card(chat).lower(), _card(chat)
    assert "mijn moeder heeft?" in _card(chat), _card(chat)  # her other question stays


def _with_diagnosis_on_card(chat: Chat) -> None:
    chat.slots["questions_asked"] = ["Mijn moeder heeft dementie, krijg ik zorgverlof?"]
    chat.slots["summary_text"] = "Mijn moeder heeft dementie. Ik zorg drie middagen voor haar."


def test_taking_a_mothers_illness_out_keeps_the_topic():
    # p71: "Kunt u de ziekte van mijn moeder eruit laten?" -> "Ik haal werk en privé
    # combineren weg", and the diagnosis stayed.
    chat = _linda_at_the_card()
    _with_diagnosis_on_card(chat)
    names = chat.say("Bijna. Kunt u de ziekte van mijn moeder eruit laten? Dat is echt haar "
                     "privé. 'Mantelzorg voor mijn moeder' is genoeg.", "inform")
    assert "utter_health_removed" in names and "utter_sorry_topic" not in names, names
    assert "work_life_balance" in chat.slots["topics"], chat.slots["topics"]
    assert "dementie" not in _card(chat).lower(), _card(chat)
    assert "Ik zorg drie middagen voor haar." in _card(chat), _card(chat)


def test_the_word_still_on_the_card_goes_when_asked_again():
    # p71: "Het woord dementie staat er nog steeds in, in het eerste stukje. Wilt u dat
    # alstublieft weghalen?" -> the same card, unchanged, without a word.
    chat = _linda_at_the_card()
    _with_diagnosis_on_card(chat)
    names = chat.say("Het woord dementie staat er nog steeds in, in het eerste stukje. Wilt u "
                     "dat alstublieft weghalen?", "inform")
    assert "utter_health_removed" in names, names
    assert "dementie" not in _card(chat).lower(), _card(chat)


def test_her_own_words_after_aanpassen_replace_the_quotes_and_stay_whole():
    # p71: her rewrite was put after the quotes, and its second sentence (with "aanpassen")
    # was read as talk about the card and dropped.
    chat = _linda_at_the_card()
    chat.say("/deny", "deny")
    assert chat.slots["pending"] == "summary_edit", chat.last
    chat.say("Ik zorg drie middagen per week voor mijn moeder naast mijn werk van 32 uur. Ik wil "
             "weten welk verlof ik kan krijgen en of ik mijn werktijden kan aanpassen zonder "
             "minder te verdienen.", "inform")
    card = _card(chat)
    assert "Je vroeg" not in card, card
    assert "werktijden kan aanpassen zonder minder te verdienen" in card, card


def _esther_after_a_no() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik heb vandaag 14 clienten gehad en tussen door huil ik in de auto en dan weer "
             "door met een lach want ja de client kan er niks aan doen en morgen weer zo en ik "
             "weet niet hoe lang ik dit nog volhoud", "nlu_fallback", confidence=0.27,
             crisis_level="possible")
    assert chat.last.names() == ["utter_crisis_check"], chat.last
    chat.say("nee joh zo erg is het niet", "deny", confidence=0.93)
    chat.say("gewoon te veel clienten op een dag ik werk in de thuiszorg in tilburg en de "
             "planning zit zo vol dat je nergens tijd voor hebt", "workload_health",
             confidence=0.9, topics=["workload_health"])
    return chat


def test_i_cannot_go_on_after_a_no_is_not_asked_again():
    # p68: "dat zei ik toch. ik kan niet meer" -> the same suicide question, word for word,
    # after her "nee joh zo erg is het niet".
    chat = _esther_after_a_no()
    names = chat.say("dat zei ik toch. ik kan niet meer", "not_what_i_meant", confidence=0.7,
                     crisis_level="possible")
    assert "utter_crisis_check" not in names and "utter_crisis_soft" not in names, names
    assert names[:2] == ["utter_worn_out_heard", "utter_worn_out_steps"], names


def test_a_first_i_cannot_go_on_still_gets_the_check():
    chat = Chat()
    chat.say("hoi", "greet")
    assert chat.say("ik kan niet meer", "nlu_fallback", confidence=0.3,
                    crisis_level="possible") == ["utter_crisis_check"]


def test_no_113_line_in_an_answer_after_she_said_no():
    # p68: "moet ik me ziek melden dan?" after two noes -> "Zie je het helemaal niet meer
    # zitten, bel of chat dan met 113".
    chat = _esther_after_a_no()
    chat.say("moet ik me ziek melden dan?", "workload_health", confidence=0.42,
             knowledge=_real("burnout_eerste_hulp"))
    assert chat.texts() and not any("113" in text for text in chat.texts()), chat.texts()


def test_without_a_no_the_answer_keeps_its_113_line():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik zit er helemaal doorheen, wat nu?", "workload_health", confidence=0.8,
             knowledge=_real("burnout_eerste_hulp"))
    assert any("113" in text for text in chat.texts()), chat.texts()


def test_what_must_i_do_now_gets_steps_not_another_question():
    # p68: "al een jaar of zo. maar wat moet ik nou doen" -> the stuck opener and "Wat zit je
    # op dit moment het meest dwars in je werk?", after she had said it three times.
    # Since round 16d her no to the direct question gets the steps for being worn out, and
    # the next message the first tip; asked again, she hears that and is offered more help.
    chat = _esther_after_a_no()
    assert "utter_selfhelp_workload_health" in chat.last.names(), chat.last
    names = chat.say("al een jaar of zo. maar wat moet ik nou doen", "stuck", confidence=0.75,
                     topics=["stuck"])
    assert "utter_deepen_stuck" not in names and "utter_topic_stuck" not in names, names
    assert any(name.startswith("utter_selfhelp") or name == "utter_no_more_steps"
               for name in names), names


def _wim() -> Chat:
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik ben vorige maand ontslagen na 31 jaar als voorman in de metaal", "unemployed",
             confidence=0.8, topics=["unemployed"], entities=[{"entity": "age", "value": "58"}])
    return chat


def test_a_no_after_affairs_in_order_still_hears_of_113_once():
    # p69: "het hoeft allemaal niet meer zo voor mij. ik heb alles geregeld" -> the check;
    # "nee nee, zo bedoel ik het niet" -> thanks, and never a word of 113 in the whole talk.
    chat = _wim()
    assert chat.say("het hoeft allemaal niet meer zo voor mij. ik heb alles geregeld",
                    "nlu_fallback", confidence=0.3, crisis_level="possible") == \
        ["utter_crisis_check"]
    names = chat.say("nee nee, zo bedoel ik het niet", "deny", confidence=0.9)
    assert names[:2] == ["utter_crisis_check_no", "utter_crisis_soft"], names
    assert not chat.slots.get("safety_flag")


def test_a_no_after_worn_out_words_gets_no_113_line():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik kan niet meer", "nlu_fallback", confidence=0.3, crisis_level="possible")
    names = chat.say("nee joh, ik bedoel mijn werk", "deny", confidence=0.9)
    assert "utter_crisis_soft" not in names, names


def test_nothing_left_of_me_is_heard_not_answered_with_a_tip():
    # p69: "31 jaar gewerkt en nu ben ik niks meer" -> "Plan deze week elke dag een vast
    # moment voor je zoektocht".
    chat = _wim()
    names = chat.say("sinds begin november. 31 jaar gewerkt en nu ben ik niks meer",
                     "job_search", confidence=0.6, topics=["job_search"])
    assert names[0] == "utter_discouraged_heard", names
    assert "utter_selfhelp_job_search" not in names and "utter_topic_job_search" not in names, \
        names


def test_what_is_left_for_a_man_of_58_is_heard():
    # p69: "weet niet. wat moet een man van 58 nog" -> "Dat weet ik niet zeker, en gokken doe
    # ik liever niet."
    chat = _wim()
    names = chat.say("weet niet. wat moet een man van 58 nog", "nlu_fallback", confidence=0.3)
    assert "utter_discouraged_heard" in names, names
    assert "utter_no_answer" not in names and "utter_knowledge_unsure" not in names, names


def test_maybe_later_to_the_offer_is_no_goodbye():
    # p69: "misschien later" -> "Tot ziens! Als er later nog iets speelt, …".
    chat = _wim()
    chat.say("wat kan ik doen om weer werk te vinden?", "job_search", confidence=0.8,
             topics=["job_search"])
    chat.slots["pending"] = "offer"
    names = chat.say("misschien later", "goodbye", confidence=0.6)
    assert names == ["utter_offer_declined"], names
    assert chat.slots.get("offer_declined") is True
