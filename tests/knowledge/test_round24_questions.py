"""Questions of round 24 (docs/reviews/round24/) that got no answer, "Dit zei ik eerder al" or
the wrong one, in other words than the transcripts. Each failed before session 24's change
(checked by stashing it), except the lines marked as guards."""

from __future__ import annotations

import pytest
from knowledge_support import answered_id

from bot.knowledge.in_conversation import answer_in_conversation
from bot.knowledge.retriever import shared_retriever

_answer = answered_id


@pytest.mark.parametrize("text", [
    # p114: "kan ik bezwaar maken tegen zo'n beoordeling …?" at the end of a long story, and
    # "als ik teken, ga ik dan akkoord met de inhoud?" got "Dat weet ik niet zeker".
    "Het speelt al ruim een jaar, sinds de nieuwe rector. De beoordeling zit vol vage woorden "
    "als 'te weinig betrokken' en 'onvoldoende zichtbaar', zonder één voorbeeld. Ik heb nog niet "
    "getekend. Eerlijke vraag, al verwacht ik er weinig van: heeft het zin om bezwaar te maken "
    "tegen zo'n beoordeling, of heeft hij toch altijd het laatste woord?",
    "Wat mij dwarszit is die beoordeling, dat zei ik al. Dus concreet: als ik teken, ben ik het "
    "dan eens met de inhoud? En kan ik mijn eigen verhaal op papier zetten en laten toevoegen?",
])
def test_a_question_about_an_evaluation_in_a_story_gets_the_evaluation_answer(text):
    assert _answer(text) == "beoordeling_onderwijs"


@pytest.mark.parametrize("text", [
    # p110 (Genk, 58): "bestaat da nog, zo'n landingsbaan? … moet ik 60 zen?" got the pension
    # text again, "vanaf welke leeftijd …?" got "geen goed antwoord".
    "bestaat die landingsbaan nog? ik ben 57, mag ik da al of moet ik wachten tot 60?",
    "tijdskrediet eindeloopbaan, vanaf hoe oud kan da eigenlijk?",
])
def test_the_age_for_a_landingsbaan_gets_the_landingsbaan_answer(text):
    assert _answer(text, given=("pensioen_landingsbaan_be",), flemish=True) == "landingsbaan_be"


def test_a_clearly_better_new_answer_beats_a_weak_link_to_the_given_one():
    # p116 (Gent): "blijf ik dan betaald? ik had iets gehoord van opleidingsverlof of
    # tijdskrediet" read the loopbaancheque answer twice as "Dit zei ik eerder al".
    text = ("nee, ik bedoel iets anders: als ik mij laat omscholen, krijg ik dan nog loon? "
            "iemand had het over opleidingsverlof maar ik weet ni hoe da werkt")
    assert _answer(text, given=("loopbaancheque_vlaanderen",), flemish=True) == \
        "opleidingsverlof_of_tijdskrediet_vl"
    # guard: a question about the given answer itself stays with it
    assert _answer("en die loopbaancheque, moet ik die zelf aanvragen bij de VDAB?",
                   given=("loopbaancheque_vlaanderen",), flemish=True) == \
        "loopbaancheque_vlaanderen"


def test_no_test_here_asks_the_bot():
    # p118: "maar dus geen test? zoiets als een beroepentest online" got "Ook dat weet ik niet
    # zeker".
    assert _answer("dus geen test bij jullie? gewoon zo'n online beroepentest") == \
        "test_hier_doen"


@pytest.mark.parametrize(("text", "given", "expected"), [
    # p117 (63, worn knees): three tries at "ziek thuis tot mn pensioen" got the bedrijfsarts,
    # the svb.nl line and "geen goed antwoord".
    ("kan ik me niet gewoon ziek melden en thuisblijven tot mijn pensioen?", ("rvu_uitleg",),
     "ziek_tot_pensioen"),
    ("nee ik vroeg of ik ziek thuis mag zitten tot de aow", ("rvu_uitleg", "aow_leeftijd"),
     "ziek_tot_pensioen"),
    # p117: "als ik eerder stop krijg ik dan minder aow" got "geen beter antwoord".
    ("wordt mijn aow lager als ik een paar jaar eerder stop met werken?",
     ("rvu_uitleg", "aow_leeftijd"), "aow_eerder_stoppen"),
    # p117: the fund's pension early or part-time got the RVU text again. (A guard: alone it
    # found its answer before too; the new entries must not take it.)
    ("kan mijn pensioen van het fonds eerder ingaan, of een deel, als ik minder ga werken?",
     ("rvu_uitleg",), "deeltijdpensioen"),
    # p115 (min-max): "mag hij me straffen met minder diensten als ik dit vraag" got the rule
    # for asking fewer hours, then "geen beter antwoord".
    ("als ik vaste uren vraag, mag mijn baas me dan als straf minder inroosteren?",
     ("oproepkracht_vaste_uren",), "minder_uren_als_straf"),
    # p109 (pregnant): "kan ik niet gwn vragen of ze me verlengen" got "Het lukt me niet goed
    # om je te begrijpen".
    ("ik wil geen ruzie. kan ik niet gewoon zelf vragen of mijn contract verlengd wordt?",
     ("zwanger_niet_verlengd",), "zelf_vragen_verlenging"),
])
def test_round_24_questions_get_their_answer(text, given, expected):
    assert _answer(text, given=given) == expected


def test_the_diplomawaardering_answer_says_it_is_paid_after_the_inburgeringsdiploma():
    # p111: "Ik heb mijn inburgeringsdiploma al. Kost een diplomawaardering dan geld?" got
    # "Inburgeraars en vluchtelingen krijgen er één gratis" twice.
    knowledge, _ = answer_in_conversation(
        shared_retriever(), "Mijn inburgering is al klaar. Moet ik dan betalen voor een "
        "diplomawaardering?", asks=True, given=["ingenieur_statushouder"])
    assert knowledge is not None
    said = knowledge.line or " ".join(knowledge.entry.answer)
    assert "inburgeringsdiploma al" in said and "betaal" in said, said


def test_resigning_while_sick_is_no_question_about_being_dismissed():
    # p120 (off sick): "misschien neem ik gewoon ontslag" got "je werkgever mag je niet
    # ontslaan terwijl je ziek bent".
    assert _answer("ik ben al maanden ziek thuis. als ik zelf ontslag neem, hoe zit het dan "
                   "met mijn loon?") != "ontslag_tijdens_ziekte"
    # guard: being dismissed while sick still gets it
    assert _answer("mag mijn baas me ontslaan nu ik al een half jaar ziek ben?") == \
        "ontslag_tijdens_ziekte"


@pytest.mark.parametrize(("text", "expected"), [
    # p120 (burn-out): "mag ik solliciteren terwijl ik ziek ben?" got the sick-report text
    # three times.
    ("ik zit al sinds de zomer thuis met een burn-out, mag ik ondertussen gewoon solliciteren?",
     "solliciteren_tijdens_ziekte"),
    # p119 (cleaner): the building's contract going to another company got the transfer-of-
    # undertaking answer ("je gaat vanzelf mee").
    ("Mijn kantoor waar ik schoonmaak krijgt ander schoonmaakbedrijf. Ik moet nieuw contract "
     "tekenen?", "contractwisseling_schoonmaak"),
])
def test_round_24b_questions_get_their_answer(text, expected):
    assert _answer(text) == expected


def test_a_cleaning_company_taken_over_is_still_a_transfer_of_undertaking():
    # guard: the employer itself taken over is no contract that moves
    assert _answer("mijn schoonmaakbedrijf wordt overgenomen door een groter bedrijf, wat "
                   "gebeurt er met mijn contract?") == "overgang_onderneming"


def test_the_fixed_hours_rule_asked_again_as_yes_or_no_gets_its_line():
    # p115 (round 24b): "ok maar dus moet ie me die 36 uur vast geven of niet. bro gewoon ja of
    # nee" got "Daar heb ik geen goed antwoord op", after the bot had said the rule itself.
    assert _answer("dus moet mijn baas me die 38 uur nou vast aanbieden of niet? ja of nee",
                   given=("oproepkracht_vaste_uren",)) == "oproepkracht_vaste_uren"


def test_when_an_agency_worker_gets_a_permanent_job_is_no_sick_leave_question():
    # p121 (round 24c): "wanneer krijg ik eigenlijk vast?" got the agency sick-report text.
    # (A guard: on its own the message found no answer before either; in her conversation the
    # sick text came in through the topic. The requires keeps it out of both.)
    assert _answer("hoi ik zit nu 15 mnd via een uitzendbureau bij een dc in venray, wanneer "
                   "krijg ik eigenlijk een vast contract?") != "uitzend_ziek"
    # guard: an agency worker who is sick still gets it
    assert _answer("ik ben uitzendkracht en nu ziek, moet ik me bij het uitzendbureau ziek "
                   "melden?") == "uitzend_ziek"


def test_van_werk_naar_werk_at_a_bank_is_no_municipal_answer():
    # p122 (round 24c): a bank employee's van-werk-naar-werk question got the cao gemeenten.
    # (A guard: this message alone did not get it before either; in his conversation it came
    # in as a follow-up. The requires keeps the municipal answer from a bank.)
    assert _answer("bij onze bank verdwijnt mijn functie, krijg ik een van-werk-naar-werktraject "
                   "of omscholing?") != "van_werk_naar_werk_gemeente"
    # guard: at a municipality it is still that answer
    assert _answer("ik word boventallig bij de gemeente, hoe lang duurt het van werk naar werk "
                   "traject?") == "van_werk_naar_werk_gemeente"
