"""Questions of rounds 25b and 26 (docs/reviews/round25b/, round26/) that got no answer or the
wrong one, in other words than the transcripts where the words matter less than the case. Each
failed before session 26's change (checked by stashing it), except the lines marked as guards."""

from __future__ import annotations

import pytest
from knowledge_support import answered_id
from rasa_sdk import Tracker

from actions.respond import turn_from
from bot.knowledge.in_conversation import find_each
from bot.knowledge.retriever import shared_retriever

_answer = answered_id


@pytest.mark.parametrize("text", [
    # p127 (security guard, 26, working): "zei ik toch bro, meldkamer. moet ik daar een
    # opleiding voor doen? en wie betaalt dat, ik of mn baas?" read "Ook na je 50e … Zit je in
    # de WW".
    "zei ik toch bro, meldkamer. moet ik daar een opleiding voor doen? en wie betaalt dat, ik of "
    "mn baas?",
    "welke cursus heb ik nodig voor de meldkamer en wie betaalt die",
])
def test_a_working_person_s_training_question_gets_no_ww_answer(text):
    assert _answer(text) != "omscholen_met_ww"


@pytest.mark.parametrize(("text", "expected"), [
    # guards: the WW said keeps the WW answer; an age doubt gets the age answer
    ("ik ben 54 en werkloos, kan ik nog omscholen", "omscholen_met_ww"),
    ("kan ik omscholen op mijn 50e?", "te_oud_voor_andere_functie"),
    # p127: "kan ik die uren vast krijgen?" on a min-max contract got no answer
    ("min max contract 16-32 uur maar ik draai elke week 30+ uur. kan ik die uren vast krijgen?",
     "oproepkracht_vaste_uren"),
    # p129 (sent home after a conflict): "krijg ik dan nog wel gewoon mijn loon?" got "Daar heb
    # ik geen goed antwoord op" twice
    ("ze hebben me op non-actief gezet na een ruzie met mijn manager. krijg ik dan nog wel "
     "gewoon mijn loon?", "non_actief_gesteld_loon"),
    ("ik ben naar huis gestuurd tot nader bericht, word ik dan nog doorbetaald?",
     "non_actief_gesteld_loon"),
    # p124 (operator, night shift ends): the new day-shift contract was read as a vso
    ("ze willen dat ik voor vrijdag een nieuw contract teken voor dagdienst, moet dat?",
     "nieuw_contract_andere_functie_tekenen"),
    ("als ik dat nieuwe contract niet teken, ben ik dan mijn baan kwijt?",
     "nieuw_contract_andere_functie_tekenen"),
    # p123 (cashier who wants care work): BBL beside her job and the children
    ("kan ik bbl doen en mijn baan bij de super houden? en de opvang van de kids, krijg ik daar "
     "toeslag voor?", "bbl_naast_werk_kinderopvang"),
])
def test_round_26_questions_get_their_answer(text, expected):
    assert _answer(text) == expected


def test_a_doubt_after_an_answer_links_back_by_the_words_after_the_question():
    # p127: "wollah? is dat echt zo? want ik heb nooit zon aanbod gehad ofzo en zit er al 2
    # jaar" after the answer on the offer of fixed hours -> a choice "Ontslag, werkloos /
    # Pensioen".
    assert _answer("wollah? is dat echt zo? want ik heb nooit zon aanbod gehad ofzo en zit er al "
                   "2 jaar", given=("vaste_uren_aanbod_werkgever",)) == \
        "vaste_uren_aanbod_werkgever"


def test_the_childcare_allowance_alone_is_not_the_bbl_answer():
    # guard: a question the knowledge base does not cover stays unanswered
    assert _answer("hoeveel kinderopvangtoeslag krijg ik?") is None


@pytest.mark.parametrize(("text", "expected", "situations"), [
    # p131 (passed over for team leader): "Mag ik gewoon een gesprek eisen met mijn manager
    # waarom ik het niet ben geworden? … Wie betaalt zoiets?" -> "Dat weet ik niet zeker".
    ("Mag ik een gesprek eisen met mijn manager waarom ik het niet ben geworden? En kan ik om een "
     "cursus leidinggeven vragen?", "gepasseerd_voor_promotie", frozenset()),
    ("ik ben gepasseerd voor de functie van teamleider, kan ik daar iets mee?",
     "gepasseerd_voor_promotie", frozenset()),
    # p132 (Polish agency worker): "wie betaalt de heftruck certificaat? ik of uitzendbureau?"
    # -> "zoek werk op internet (Indeed, werk.nl)".
    ("wie betaalt de heftruck certificaat? ik of uitzendbureau?",
     "uitzendkracht_cursus_wie_betaalt", frozenset()),
    # p126 (carer, off sick twice): "kan ze me er zo uit werken omdat ik twee keer ziek ben
    # geweest?" -> the sick-report text; "mogen ze me ontslaan omdat ik vaak uitval" -> comfort.
    ("mag mijn baas me ontslaan omdat ik al twee keer uitgevallen ben met mijn rug?",
     "ontslag_vaak_ziek", frozenset({"sick"})),
    # p125 (Flemish, sleeping badly): "Moet ik daarmee naar mijnen huisdokter of is da
    # overdreven?" -> "Daar heb ik voor België geen goed antwoord op".
    ("moet ik daarvoor naar mijnen huisdokter of is da overdreven?", "burnout_eerste_hulp_be",
     frozenset()),
])
def test_round_26_questions_of_the_second_round_get_their_answer(text, expected, situations):
    flemish = expected.endswith("_be")
    assert _answer(text, flemish=flemish, situations=situations) == expected


def test_a_choice_after_a_question_is_no_question_of_its_own():
    # p132: "ik of uitzendbureau?" was read alone and answered with job-search tips.
    found = find_each(shared_retriever(), "wie betaalt de heftruck certificaat? ik of "
                      "uitzendbureau?")
    assert "vacatures_zoeken" not in [m.entry.id for m in found], found


@pytest.mark.parametrize(("text", "expected"), [
    # p124 (operator): "en het TEKENEN?" after the day-shift paper read the vso text, and "het
    # gaat om een papier voor de DAGDIENST" the vso text again.
    ("het gaat om een papier voor de dagdienst, moet ik dat tekenen?",
     "nieuw_contract_andere_functie_tekenen"),
    ("ze willen dat ik voor eind van de maand teken voor die dagdienst",
     "nieuw_contract_andere_functie_tekenen"),
    # guard: a vso named stays the vso
    ("moet ik die vaststellingsovereenkomst tekenen?", "vaststellingsovereenkomst_tekenen"),
])
def test_signing_for_the_day_shift_is_a_change_of_contract_not_a_vso(text, expected):
    assert _answer(text) == expected


@pytest.mark.parametrize(("text", "not_expected"), [
    # p126 (carer): her long story about her back read "Wie jaren in een magazijn of productie
    # werkte … planner, coördinator of werkvoorbereider in de logistiek".
    ("ik werk 22 jaar als verzorgende IG in een verpleeghuis en mijn rug wil niet meer, ik ben al "
     "twee keer uitgevallen. wat voor werk kan ik nog kiezen dat minder zwaar is?",
     "ander_werk_minder_zwaar"),
    # p130 (waitress who wants out): "wat voor werk kan ik dan doen zonder diploma? iets met
    # mensen vind ik wel leuk" read "Laat je leidinggevende weten dat je wilt doorgroeien".
    ("ok wacht. wat voor werk kan ik dan doen zonder diploma? iets met mensen vind ik wel leuk",
     "doorgroeien"),
])
def test_an_answer_for_another_situation_is_not_given(text, not_expected):
    assert _answer(text) != not_expected


def test_when_phase_c_comes_gets_the_durations_after_the_phases():
    # p132: "ok. ik werk 4 jaar nu, dus wanneer ik krijg fase C?" after both phase answers read
    # the phases' first line again.
    assert _answer("ok. ik werk 4 jaar nu, dus wanneer ik krijg fase C? kan je simpel zeggen, ik "
                   "begrijp niet alles", given=("uitzend_fases", "uitzend_fase_duur")) == \
        "uitzend_fase_duur"


@pytest.mark.parametrize("text", [
    # p129 (sent home): "… Niemand heeft me precies uitgelegd waarom. Is dat toegestaan?" right
    # after the answer -> "Daar heb ik geen goed antwoord op"; "mag ik de reden voor de
    # non-actiefstelling schriftelijk opvragen" -> the Wet flexibel werken.
    "Ik ben naar huis gestuurd en mag voorlopig niet meer komen. Niemand heeft me uitgelegd "
    "waarom. Is dat toegestaan?",
    "mijn eerste vraag was: mag ik de reden voor de non-actiefstelling schriftelijk opvragen bij "
    "mijn werkgever?",
])
def test_questions_after_the_sent_home_answer_stay_with_it(text):
    assert _answer(text, given=("non_actief_gesteld_loon",)) == "non_actief_gesteld_loon"


@pytest.mark.parametrize("text", [
    # p125 (Flemish bediende): "Moet ik da eigenlijk aan mijne baas zeggen als ik zoiets begin?"
    # after the loopbaancheque answer -> a menu of two topics; asked again -> the cheque again.
    "Oké. Moet ik da eigenlijk aan mijne baas zeggen als ik zoiets begin? Ik wil nie dat ze "
    "denken dat ik weg wil",
    "Nee, ik bedoel: moet mijne werkgever weten da ik loopbaanbegeleiding volg?",
])
def test_whether_the_employer_must_know_about_career_guidance_in_flanders(text):
    assert _answer(text, flemish=True, given=("loopbaancheque_vlaanderen",)) == \
        "loopbaanbegeleiding_werkgever_weten_be"


def test_signing_after_the_day_shift_paper_is_the_contract_change_not_the_vso():
    # p124 (round 26b): "ze hebben me gister een papier gegeven voor de dagdienst, moet voor
    # vrijdag getekend" and then "MOET ik voor vrijdag tekenen of niet" -> "Je hoeft niet te
    # tekenen: meewerken aan een vaststellingsovereenkomst is niet verplicht".
    tracker = Tracker("sender-26b", {"knowledge_given": ["ploegentoeslag_afbouw"],
                                     "contract_change_paper": True},
                      {"intent": {"name": "nlu_fallback", "confidence": 0.27},
                       "text": "dat vroeg ik niet. MOET ik voor vrijdag tekenen of niet"},
                      [], False, None, None, "action_listen")
    turn = turn_from(tracker)
    assert turn.knowledge is not None and \
        turn.knowledge.entry.id == "nieuw_contract_andere_functie_tekenen", turn.knowledge


@pytest.mark.parametrize("text", [
    # p134 (round 26b): "een collega zei dat ik ook ouderschapsverlof kan opnemen in plaats van
    # echt minder uren. Wat is het verschil, en krijg ik dat dan betaald?" -> the Wet flexibel
    # werken text, twice.
    "een collega zei dat ik ook ouderschapsverlof kan opnemen in plaats van minder uren. wat is "
    "het verschil, en is dat betaald?",
    "kan ik ouderschapsverlof gebruiken om een tijdje minder te werken? krijg ik daar iets voor?",
])
def test_parental_leave_gets_its_own_answer_after_the_fewer_hours_answer(text):
    assert _answer(text, given=("vaste_werkdagen_vragen", "minder_uren_werken")) == \
        "ouderschapsverlof_of_minder_uren"


@pytest.mark.parametrize(("text", "expected"), [
    # p131 (round 26b): "… Ik ben trouwens lid van de FNV." -> "Voor deze chat hoef je geen lid
    # te zijn, ook niet als je nog nooit gewerkt hebt".
    ("Ok. Dan wil ik wel met zo'n consulent praten, of ik moet blijven of weg moet gaan. Ik ben "
     "trouwens lid van de FNV.", None),
    ("moet ik lid zijn?", "moet_ik_lid_zijn"),  # guard
    # p126 (round 26b): "… ik heb mijn IG diploma en 22 jaar ervaring" -> "Heb je geen papieren
    # van een opleiding …". Since round 27 the answer on care work without lifting exists.
    ("ok dat is goed om te weten. maar wat voor werk is er dan nog in de zorg wat minder zwaar "
     "is? ik heb mijn IG diploma en 22 jaar ervaring", "zorg_zonder_tillen"),
    ("geen diploma maar wel jaren ervaring in het vak", "ervaring_zonder_diploma"),  # guard
    # p130 (round 26b): "ok nee toch wel. maar wat kan ik dan zonder diploma, moet ik weer naar
    # school ofzo" -> "Ook dat weet ik niet zeker".
    ("ok nee toch wel. maar wat kan ik dan zonder diploma, moet ik weer naar school ofzo",
     "bbl_loon_en_instroom"),
])
def test_round_26b_questions(text, expected):
    assert _answer(text) == expected
