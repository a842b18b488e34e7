"""A place the person named decides the country of the rules they get (round 22c, p101: a
cashier from Rotterdam got the Flemish childcare course, then, after "vlaanderen? ik woon in
rotterdam hoor", the Flemish loopbaancheques). Failed before session 22's fix (checked on
7044386), except the Rotterdam question itself: the new mbo entry of that commit already
answers it, so it stays as a guard."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.common import country_known, is_flemish
from actions.respond import turn_from
from bot.tickets.routing import country_of


def _tracker(text: str, region: str | None, said: list[str] = ()) -> Tracker:
    events = [{"event": "user", "text": t} for t in [*said, text]]
    return Tracker("sender-22c", {"region": region},
                   {"intent": {"name": "training", "confidence": 0.7}, "text": text},
                   events, False, None, None, "action_listen")


def test_a_named_place_gives_its_country():
    assert country_of("Rotterdam") == "nl"
    assert country_of("Gent") == "be"
    assert country_of("ergens") is None
    # round 22e, p110 in Genk: "Limburg" is on both sides of the border
    assert country_of("Limburg") is None and country_of("limburg") is None
    assert country_of("Belgisch Limburg") == "be" and country_of("Maastricht") == "nl"
    assert country_of(None) is None


def test_a_dutch_place_outweighs_flemish_words_in_a_complaint():
    tracker = _tracker("vlaanderen? ik woon in rotterdam hoor, niet in belgie", "Rotterdam")
    assert country_known(tracker) == "nl"
    assert not is_flemish(tracker)


def test_no_flemish_answer_for_someone_in_rotterdam():
    text = ("pedagogisch medewerker in de kinderopvang. maar ik heb alleen vmbo, kan ik dan wel "
            "die opleiding doen?")
    turn = turn_from(_tracker(text, "Rotterdam"))
    assert turn.knowledge is not None, turn
    assert turn.knowledge.entry.region != "be", turn.knowledge.entry.id
    assert not turn.flemish


def test_no_dutch_answer_for_someone_in_gent():
    # p98: the Dutch "gratis ontwikkeladvies" went to a cleaner in Gent.
    turn = turn_from(_tracker("wie betaalt zo'n opleiding eigenlijk, is da gratis?", "Gent"))
    assert turn.flemish
    assert turn.knowledge is None or turn.knowledge.entry.region != "nl", turn.knowledge


def test_flemish_words_still_count_when_the_place_is_unknown():
    assert is_flemish(_tracker("amai, ik zit vast in mijne job", None))
    # round 22e: a man from Genk whose region slot says "Limburg" is still Flemish
    assert is_flemish(_tracker("ik werk al 30 jaar in een magazijn in genk", "Limburg"))


def test_someone_from_gent_who_works_in_the_netherlands_keeps_the_dutch_answers():
    # Guard for the strict rule: p04 (round 4) lives in Gent and works in Terneuzen.
    text = "ik werk in nederland, hoeveel transitievergoeding krijg ik bij ontslag"
    turn = turn_from(_tracker(text, "Gent"))
    assert turn.knowledge is not None and turn.knowledge.entry.region != "be", turn.knowledge
