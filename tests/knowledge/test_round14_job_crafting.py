"""Knowledge round 14 (2026-12-04): p58, a system administrator who is not ill and does not
want to leave, asked how to make his job fit again, how to put that to his manager and
whether he needs a coach. He got "Daar heb ik geen goed antwoord op", work-life-balance texts
and a consent question. MEMBER holds his own messages verbatim (docs/reviews round 14,
p58-ict-jobcrafting); HELD_OUT was written apart from the example questions (a test proves
none is one). The new job_crafting training sentences are checked against every evaluation
set the same way tests/quality does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from knowledge_support import answer_of, found_id, overlapping, plain_and_sourced_problems

from bot.nlu import evalsets
from bot.settings import ROOT

CRAFT, PROPOSAL, COACH = "werk_anders_inrichten", "jobcrafting_voorstel_manager", "coach_nodig"

MEMBER = [
    ("Dat is nogal algemeen. Concreet: hoe breng ik dat bij mijn manager zonder dat het klinkt "
     "als zeuren? En moet ik daarvoor naar een coach of zo?", PROPOSAL),
    ("Moet ik naar een coach?", COACH),
    ("Goed. Terug naar mijn vraag dan: hoe leg ik dit aan mijn manager voor? Ik wil minder "
     "storingswerk en vaste blokken voor projecten.", PROPOSAL),
    ("Dat is precies het cliché dat ik niet wilde. Het gaat niet om dagen en uren maar om "
     "welke taken ik doe. Heeft u iets concreets over hoe ik mijn sterke punten weer meer kan "
     "inzetten?", CRAFT),
    ("Geen van beide. Ik wil mijn huidige baan beter passend maken, niet weg.", CRAFT),
]
# His messages that the knowledge base still does not answer (the dialogue has to: a reply to
# the bot's own question, a correction, a goodbye). Listed so a change shows up.
MEMBER_NOT_ANSWERED = [
    # His opening scores 0.369 for the right entry against the keyword threshold of 0.37 once
    # the other round-14 entries are in: the classifier's job-crafting topic has to carry it.
    "Goedemiddag. Ik ben niet ziek en ook niet depressief, maar mijn werk bestaat inmiddels "
    "voor 70% uit storingen en vergaderingen. Hoe maak ik er weer een baan van die bij me past?",
    "Nu niet. Ik vroeg eigenlijk iets vrij eenvoudigs: ik wil mijn huidige functie zo aanpassen "
    "dat ik weer meer doe waar ik goed in ben. Ik ben systeembeheerder. Weggaan is niet het plan.",
    "De storingen. Ik word de hele dag uit mijn werk getrokken door tickets die ook de "
    "servicedesk zou kunnen oppakken, en daarnaast zit ik in vier overleggen per dag. Aan de "
    "infrastructuurprojecten waar ik eigenlijk voor ben aangenomen kom ik niet meer toe.",
    "Dat storingen grotendeels naar de servicedesk gaan en dat ik twee ochtenden per week "
    "ongestoord aan projecten kan werken.",
    "Er botst thuis niets. Het gaat om de inhoud van mijn werk. En bespaar me alsjeblieft de "
    "tips over mindfulness en balans, ik ben niet ziek.",
    "Laat maar. Bedankt, ik zoek het zelf wel uit.",
]
# "hoe bereid ik een gesprek met mijn leidinggevende over mijn taken voor?" may get the
# general conversation answer or the proposal answer, both fit; never anything else.
PREPARE_TALK = ("Vreemd, dat lijkt me toch de kern. Anders gevraagd: hoe bereid ik een gesprek "
                "met mijn leidinggevende over mijn taken voor?")

HELD_OUT = [
    ("ik wil blijven waar ik werk maar mijn taken moeten anders, hoe begin ik daaraan", CRAFT),
    ("hoe pas ik mijn huidige job aan zodat hij terug bij mij past", CRAFT),
    ("mijn werk slurpt energie, ik wil niet weg, wat kan ik veranderen aan mijn taken", CRAFT),
    ("ik wil mijn sterke kanten meer gebruiken in mijn huidige rol", CRAFT),
    ("hoe maak ik mijn functie weer passend zonder te vertrekken", CRAFT),
    ("hoe vertel ik mijn manager dat ik andere taken wil zonder dat hij denkt dat ik klaag",
     PROPOSAL),
    ("hoe krijg ik mijn leidinggevende zover dat ik vaste projectdagen krijg", PROPOSAL),
    ("heb ik een coach nodig om mijn baan aan te passen", COACH),
    ("is een jobcoach nodig als ik gewoon andere taken wil", COACH),
]
# Written apart too, and still answered by a neighbouring entry (2026-12-04): known misses.
HELD_OUT_MISSED = [
    ("ik wil een voorstel doen aan mijn baas om mijn taken anders te verdelen, hoe pak ik dat "
     "aan", PROPOSAL),  # gesprek_leidinggevende, also a fair answer
    # wat_doet_loopbaanconsulent (what a consultant does) ties with coach_nodig:
    ("moet ik daar een loopbaancoach voor zoeken of lukt het zelf", COACH),
]
# Near misses: the neighbours keep their own questions.
NEAR = [
    ("wat neem ik mee naar mijn beoordelingsgesprek met de baas", "gesprek_leidinggevende"),
    ("ik wil mijn uren verminderen, hoe vraag ik dat", "minder_uren_werken"),
    ("wat kost een loopbaancoach bij jullie", "is_dit_gratis"),
    ("ik wil met een echte coach praten", "met_mens_praten"),
]

NLU_FILE = ROOT / "data" / "nlu" / "career_moves.yml"
NLU_MARK = "Round 14 (2026-12-04, p58)"


def round14_training_sentences(path: Path = NLU_FILE) -> list[str]:
    """The job_crafting examples added in round 14 (the block after NLU_MARK)."""
    text = path.read_text(encoding="utf-8")
    block = yaml.safe_load(text[text.index("- intent", text.index(NLU_MARK)):])
    examples = block[0]["examples"]
    return [re.sub(r"\[([^\]]+)\]\(\w+\)", r"\1", line[2:].strip())
            for line in examples.splitlines() if line.strip().startswith("- ")]


def test_the_round14_phrasings_are_not_example_questions():
    texts = [t for t, _ in MEMBER + HELD_OUT + HELD_OUT_MISSED + NEAR]
    assert not overlapping(texts + MEMBER_NOT_ANSWERED + [PREPARE_TALK])


@pytest.mark.parametrize(("text", "expected"), MEMBER + HELD_OUT + NEAR)
def test_round14_message_gets_the_right_entry(text, expected):
    assert found_id(text) == expected, text


@pytest.mark.xfail(reason="still answered by a neighbouring entry (2026-12-04)", strict=False)
@pytest.mark.parametrize(("text", "expected"), HELD_OUT_MISSED)
def test_round14_known_misses(text, expected):
    assert found_id(text) == expected, text


def test_preparing_the_talk_gets_a_talk_answer_or_none():
    assert found_id(PREPARE_TALK) in (None, "gesprek_leidinggevende", PROPOSAL)


@pytest.mark.parametrize("text", MEMBER_NOT_ANSWERED)
def test_his_other_messages_get_no_wrong_fact(text):
    assert found_id(text) in (None, CRAFT, PROPOSAL), text


@pytest.mark.parametrize("entry_id", [CRAFT, PROPOSAL, COACH])
def test_the_answers_are_short_plain_and_sourced(entry_id):
    assert not plain_and_sourced_problems(entry_id, (2, 2), (2, 4), region="any")


def test_no_cliches_and_no_illness_framing():
    for entry_id in (CRAFT, PROPOSAL, COACH):
        answer = answer_of(entry_id)
        for word in ("mindfulness", "balans", "burn-out", "huisarts", "bedrijfsarts", "ziek",
                     "rust nemen", "ontspann"):
            assert word not in answer, (entry_id, word)


def test_the_job_crafting_answer_is_concrete():
    answer = answer_of(CRAFT)
    for words in ("geven je energie", "kosten energie", "één ding", "vast blok", "storingen",
                  "sterke punten", "leidinggevende"):
        assert words in answer, words


def test_the_proposal_answer_names_manager_gain_talk_and_trial():
    answer = answer_of(PROPOSAL)
    for words in ("voorstel", "niet als klacht", "team", "leidinggevende", "ontwikkelgesprek",
                  "pop", "paar weken uit te proberen"):
        assert words in answer, words


def test_the_coach_answer_is_honest_and_promises_no_free_talk():
    answer = answer_of(COACH)
    assert answer.startswith("nee, dat hoeft niet")
    for words in ("loopbaanconsulent van de vakbond", "los van je werkgever", "vooraf"):
        assert words in answer, words
    assert "gratis" not in answer and "kosteloos" not in answer


def test_the_new_training_sentences_are_many_and_in_no_evaluation_set():
    sentences = round14_training_sentences()
    assert 25 <= len(sentences) <= 40
    new = {evalsets.normalise(t) for t in sentences}
    assert len(new) == len(sentences)
    for name in ("held_out", "real", "crisis"):
        rows = {evalsets.normalise(e.text) for e in getattr(evalsets, name)()}
        assert not new & rows, name


def test_the_new_training_sentences_are_not_the_test_messages():
    """Neither his own messages nor the held-out phrasings above are training sentences."""
    train = {evalsets.normalise(t) for t in evalsets.training_texts()}
    tested = [t for t, _ in MEMBER + HELD_OUT + HELD_OUT_MISSED + NEAR]
    tested += MEMBER_NOT_ANSWERED + [PREPARE_TALK]
    assert not {evalsets.normalise(t) for t in tested} & train
