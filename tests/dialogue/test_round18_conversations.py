"""Failures of round 18 (docs/conversation-review.md, "Round 18": p68, p77–p80 against
`make run`), fixed in session 16 and written as new cases. Each failed on the engine before
its fix (checked on 9bea644), except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.turn import looks_like_question

NO_ANSWERS = ("utter_no_answer", "utter_no_answer_again", "utter_no_answer_declined",
              "utter_no_answer_again_declined", "utter_not_sure")


def test_lying_awake_whether_i_forgot_something_is_no_question():
    # p68 answered "Wat weegt het zwaarst?" with her day and got "Dat weet ik niet zeker, en
    # gokken doe ik liever niet."
    assert not looks_like_question("en s avonds lig ik wakker of ik niks vergeten ben")
    assert looks_like_question("ik wil weten of ik recht heb op ww")  # guard


def test_already_done_is_told_not_asked():
    # p68's card: "Je vroeg: „heb ik al gedaan maar mijn teamleider zegt iedereen heeft het
    # druk”".
    assert not looks_like_question("heb ik al gedaan maar mijn teamleider zegt iedereen heeft "
                                   "het druk")
    assert looks_like_question("heb ik al recht op ww")  # guard
    assert looks_like_question("heb ik al gedaan?")  # guard


def test_too_much_work_in_too_little_time_is_named_back():
    chat = Chat()
    chat.say("hoi", "greet")
    chat.say("ik werk in de thuiszorg en heb vandaag 14 clienten gehad en tussendoor huil ik "
             "in de auto", "workload_health", topics=["workload_health"])
    names = chat.say("gewoon alles het zijn er te veel op een dag en je moet overal binnen "
                     "20 min klaar zijn en s avonds lig ik wakker of ik niks vergeten ben",
                     "workload_health", confidence=0.7, topics=["workload_health"])
    assert "utter_too_much_awake_heard" in names, names
    assert not set(names) & set(NO_ANSWERS), names


def test_a_health_question_with_the_choices_is_answered_as_the_card_says_and_the_choice_kept():
    # p68 at the two choices: "moet mijn rugpijn daar dan ook bij? ja mag allebei" -> "In de
    # samenvatting staat niets over je gezondheid" (the card said "Gezondheid speelt mee") and
    # the same two choices again.
    chat = Chat(choices=None)
    chat.walk_to_summary(topics=["workload_health"])
    assert chat.slots["pending"] == "choices", chat.last
    names = chat.say("moet mijn rugpijn daar dan ook bij? ja mag allebei", "workload_health",
                     confidence=0.32)
    assert "utter_choices_health_note" in names, names
    assert chat.slots["share_history"] is True and chat.slots["follow_up"] is True, chat.slots
    assert chat.slots["pending"] == "summary", chat.last


def test_put_workload_on_the_card_when_health_is_on_it_already():
    # p68 at the card: "zet er werkdruk bij aub" -> "Kies 'Ja, verstuur' als alles klopt, of
    # 'Aanpassen' ..." (workload_health was on the card as "Gezondheid speelt mee").
    chat = Chat()
    chat.walk_to_summary(topics=["workload_health"])
    names = chat.say("zet er werkdruk bij aub", "workload_health", confidence=0.44)
    assert "utter_summary_unclear" not in names, names
    assert "werkdruk" in (chat.slots.get("summary_text") or ""), chat.slots
