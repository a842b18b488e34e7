import pytest

from bot.nlu.input_guard import MAX_CHARS, classify_guard
from bot.nlu.validate import unjustified


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂🙂", "?!?!", "x" * (MAX_CHARS + 1), "ab\ufffdcd"])
def test_bad_input(text):
    assert classify_guard(text) == "bad_input"


@pytest.mark.parametrize("text", [
    "hello, can you help me with my job please",
    "I need help with my work contract, what can you do",
])
def test_english(text):
    assert classify_guard(text) == "other_language"


@pytest.mark.parametrize("text", [
    "hoi", "06-12345678", "ik wil graag een opleiding doen", "mn contract is op",
    "Fatima", "ok", "is het gratis?", "my job is weg en ik wil hulp",
])
def test_ordinary_dutch_input_passes(text):
    assert classify_guard(text) is None


def test_validator_accepts_only_justified_warnings():
    dispatched = "UserWarning: The utterance 'utter_topic_stuck' is not used in any story or rule."
    ask = "UserWarning: The utterance 'utter_ask_contact_phone' is not used in any story or rule."
    guard = ("UserWarning: The intent 'bad_input' is listed in the domain file, but is not "
             "found in the NLU training data.")
    unused = "UserWarning: The utterance 'utter_never_sent' is not used in any story or rule."
    other = "UserWarning: Something else entirely."
    assert unjustified([dispatched, ask, guard]) == []
    assert unjustified([unused, other]) == [unused, other]


@pytest.mark.parametrize("text", [
    "ik wil er niet meer zijn", "ik denk aan zelfmoord", "ik wil dood",
    "soms wil ik niet meer wakker worden", "ik wil er een einde aan maken",
    "ik wil mezelf iets aandoen", "ik heb geen zin meer in het leven",
    "Ik Denk Aan Suïcide", "zonder werk wil ik er niet meer zijn", "ik wil eigenlijk dood",
    # Flemish and hurried spellings of the same statements
    "ik wil er nie meer zijn", "'k wil er ni meer zijn", "ik wilt dood",
    "ik denk aan zelfmoort", "ik wil nie meer leven",
    # other plain wordings of a wish to die or to self-harm (intents.md: crisis)
    "ik wil slapen en nooit meer wakker worden", "mijn leven heeft geen zin meer",
    "was ik maar dood", "soms wou ik dat ik dood was", "ik wil mezelf wat aandoen",
])
def test_explicit_crisis_statements_are_always_crisis(text):
    assert classify_guard(text) == "crisis"


@pytest.mark.parametrize("text", [
    "ik heb geen zin meer in mijn werk", "ik wil niet meer in jullie bestand staan",
    "mijn contract is dood", "er komt een einde aan mijn contract",
    "ik zie het niet meer zitten met die planning",
    "toen was ik dood op", "ik was doodmoe na die dienst", "mijn oude baan is er nie meer",
    "ik wil nooit meer in de nachtdienst", "ik heb nie meer zin in mijn werk",
])
def test_ordinary_frustration_is_left_to_the_classifier(text):
    assert classify_guard(text) is None


def test_a_long_message_that_states_a_crisis_is_a_crisis_not_bad_input():
    from bot.nlu.input_guard import text_or_bad_input

    story = "het gaat al maanden slecht op mijn werk. " * 60 + "ik wil niet meer leven."
    assert len(story) > MAX_CHARS
    assert classify_guard(story) == "crisis"
    assert text_or_bad_input(story) == "/crisis"
    assert text_or_bad_input("bla " * 1000) == "/bad_input"
