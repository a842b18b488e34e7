"""Failures of round 17b (docs/conversation-review.md, "Round 17b": p73 and p74 against
`make run`), fixed in session 15 and written as new cases. Each failed on the engine before
its fix (checked on 9009d2b), except those marked as guards."""

from __future__ import annotations

from conversation_support import Chat

from bot.dialogue.turn import looks_like_question


def test_no_dismissal_in_passing_is_no_job_loss():
    # p73: "ben gestopt met mbo ict na 1 jaar. nu vakkenvullen bij de appie 16 uur. geen
    # ontslag ofzo" -> "Wat naar dat je je baan kwijt bent." and "Sinds wanneer zit je zonder
    # werk?"; the classifier heard "ontslag".
    chat = Chat()
    chat.say("ik weet nie wat ik wil", "stuck", topics=["stuck"])
    names = chat.say("werk nu in een magazijn, 20 uur. geen ontslag hoor", "unemployed",
                     confidence=0.88, topics=["unemployed"])
    assert "utter_topic_unemployed" not in names, names
    assert "unemployed" not in (chat.slots.get("topics") or [])


def test_a_statement_without_its_subject_is_no_question():
    # p73's "ben gestopt met mbo ict na 1 jaar ..." was read as a question ("ben ...?") and got
    # "Daar heb ik geen goed antwoord op".
    assert not looks_like_question("ben gestopt met de opleiding na een half jaar")
    assert not looks_like_question("heb gewoon een baan bij de lidl")
    assert looks_like_question("ben ik te jong voor een cursus")  # guard
    assert looks_like_question("heb je tips")  # guard


def test_a_typed_answer_to_the_two_choices_that_names_the_consultant_is_read():
    # p74 at the two choices: "Dan liever niet dat de consulent de chat leest. Later vragen mag
    # wel." -> "Daar ben ik mee bezig: we regelen nu je aanvraag" and the same question again.
    chat = Chat(choices=None)
    chat.walk_to_summary()
    assert chat.slots["pending"] == "choices", chat.last
    chat.say("Liever niet dat de consulent de chat doorleest. Later vragen is goed.",
             "request_human")
    assert chat.slots["share_history"] is False and chat.slots["follow_up"] is True, chat.slots
    assert chat.slots["pending"] == "summary", chat.last


def test_daar_in_an_addition_to_the_card_stays_a_whole_word():
    # p76's card: "In je eigen woorden: Het gaat om mijn zwangerschap. Ar gaat het om." after
    # "zet er wel bij dat het om mijn zwangerschap gaat!! daar gaat het om".
    from bot.dialogue.corrections import read_correction

    fix = read_correction("zet erbij dat het om mijn ontslag gaat!! daar draait het om",
                          ["flex_contract"], None, None)
    assert "Daar draait het om." in fix.content, fix.content


def test_put_workload_on_it_is_an_addition_to_the_card():
    # p68 at the card: "zet er werkdruk bij aub" -> "Kies 'Ja, verstuur' als alles klopt, of
    # 'Aanpassen' ...", and the card stayed without it.
    chat = Chat()
    chat.walk_to_summary(topics=["work_life_balance"])
    names = chat.say("zet er de werkdruk ook bij aub", "workload_health",
                     topics=["workload_health"], confidence=0.6)
    assert "utter_summary_unclear" not in names, names
    assert "workload_health" in (chat.slots.get("topics") or []), chat.slots


def test_either_moment_stays_either():
    # p68: "na half 6 OF woensdag de hele dag" went on the ticket as "na half 6 woensdag".
    from bot.handover.contact import clean_time

    assert clean_time("maandag of na 7 uur") == "maandag of na 7 uur"
    assert clean_time("dinsdag na 5") == "dinsdag na 5"  # guard


def test_what_the_chat_shares_about_health_is_answered_at_the_choices():
    # p74 at the two choices: "Wat ik over mijn rug schreef, komt dat er dan ook bij? Dat hoeft
    # eigenlijk niet." -> "Goede vraag. Die kan de consulent je in het gesprek het best
    # beantwoorden."
    chat = Chat(choices=None)
    chat.walk_to_summary()
    names = chat.say("Wat ik over mijn knie vertelde, leest de consulent dat dan ook?",
                     "ask_privacy")
    assert "utter_choices_health" in names, names
    assert "utter_question_for_consultant" not in names, names
    assert chat.slots["pending"] == "choices", chat.last
