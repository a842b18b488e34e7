"""What the dialogue sees of one message, and what it decides to do about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.knowledge.entries import Entry
from bot.knowledge.retriever import Match

_QUESTION_START = re.compile(
    # "en wie leest dit allemaal mee dan" asks as much as "wie leest" (round 25, p124)
    r"^\s*(?:(?:en|maar|dus)\s+)?(wat|wie|waar|wanneer|hoe|hoeveel|hoelang|waarom|welke?|kan|kun|kunnen|mag|moet|"
    # "weet ik niet. gister gezegd door de directie ..." answers; it asks nothing (round 21, p94)
    # "klopt ja, verstuur mor" agrees (round 22d, p106's typed yes at the card was a question)
    r"krijg|is|zijn|wordt|word|klopt(?!\s*,?\s*(ja|jep|hoor|zo|helemaal|wel|precies)\b)|bestaat|geldt|weet(?!\s+ik\s+(\w+\s+)?(niet|nie|ni|veel)\b)|"
    r"wat's|wa|hoezo|"
    # "ben ik te oud", not "ben gestopt met mbo ict" (round 17b, p73 got "geen goed antwoord")
    r"(heb|ben)(?=\s+(ik|je|jij|u|we|jullie|ge|gij)\b))\b",
    re.IGNORECASE,
)
# "klopt, versturen maar" too (round 24, p114 saw the card again).
_AGREES = re.compile(r"^\W*(ja\W+)?(dat\s+)?klopt(\s+(zo|helemaal|ja|wel|hoor|precies))*"
                     r"(\W+(verstuur|versturen|stuur\s+(het|maar|dan)|opsturen)(\s+(\w+\s*){0,2})?)?\W*$",
                     re.IGNORECASE)
_QUESTION_INSIDE = re.compile(
    r"\b(wat is|wat zijn|wat betekent|wat houdt|hoe zit|hoe werkt|hoe lang|hoeveel|kan ik|"
    r"mag ik|moet ik|krijg ik|heb ik recht|kan hij|mag hij|mag mijn|kan mijn|wie betaalt|"
    r"wat kost|wat moet|wat kan|wat doe|wat doet|wat doen|wie is|wie zijn|"
    # "ik zit al 14 maanden thuis. wat gebeurt er als de ww op is" (round 16, p63)
    r"wat gebeurt|wat komt er|"
    # "Eerst wil ik weten wat de WW van me wil" asks (round 22e, p99 got the work-stress text)
    # (only with the verb first: "ik wil weten wat ik kan doen" at the card is their story)
    r"(wil|wou)\s+ik\s+(eerst\s+|graag\s+|wel\s+|nu\s+)*weten\s+(wat|of|hoe|wie|waar|wanneer|welke)|"
    r"welke|of ik|ja of nee|of niet|"
    r"werkt dat|werkt het|of is dat|hoe doe ik|hoe doe je|hoe vind ik|hoe schrijf|wdym|"
    r"wat bedoel je|hoe bedoel je|ik (vraag|vroeg) (\w+ )?(waar|wat|hoe|of|wie|wanneer)|"
    r"hoe (maak|kom|krijg|pak|regel|vraag|zoek|schrijf) (ik|je)|"
    # "ik weet niet eens meer hoe je een cv maakt", "het gaat over mijn cv, hoe ik dat maak"
    # ask without a question mark (round 19, p81 got a vacancy tip and a topic menu)
    r"weet\s+(\w+\s+){0,2}niet\s+(eens\s+|goed\s+|precies\s+|zo\s+goed\s+)?(meer\s+)?hoe|"
    # "Dat cv heb ik niet. En wie wil er nou iemand van 58": a later sentence that starts
    # with a question word asks (round 22, p99 got "Dank je dat je dat vertelt.")
    r"(?<=[.!…]\s)(?:en\s+|maar\s+)?(?:wie(?!\s+weet\b)|hoe|waarom|wanneer|hoeveel)\s+(?!ik\b)\w+\s+\w+|"
    r"hoe (ik|je) (\w+\s+){0,3}(maak|maakt|doe|doet|aanpak|aanpakt|schrijf|schrijft|opzet|begin)|"
    # "ok. en wat als hij zegt nee", "als mijn baas nee zegt ... wat dan" (round 13, p49)
    r"wat als(?! eerste| laatste)|als\b.{3,80}\bwat dan)\b",
    re.IGNORECASE,
)


# "is het", "ben ik" ask only at the start of a clause: "zo is het juist", "dan ben ik
# meestal vrij" are statements (round 12, p46's "Ja, zo is het juist. Versturen graag.").
# A verb first and then its subject asks too, also without "?": "nee het gaat over eerder
# stoppen. heeft de bouw een regeling voor vroegpensioen" got "Dank je dat je dat vertelt."
# (round 14, p55).
_QUESTION_CLAUSE = re.compile(
    # "en mijn ploegentoeslag dan. dat is 300 euro …" asks what happens to it (round 27, p124
    # got reorganisation tips).
    r"(?:^|[.;!?…]\s*)(?:en|maar)\s+(?:mijn|m'?n|mn|de|het|die|dat|me)\s+\w+\s+dan\s*(?:[.!?…]|$)|"
    r"(?:^|[,.;:!?…]\s*)(is\s+het|ben\s+ik|(heeft|hebben|hebt|heb|kan|kun|kunnen|mag|mogen|"
    r"moet|moeten|krijg|krijgt|bestaat|geldt|gelden|telt|tellen|klopt)\s+(de|het|die|dat|dit|ik|je|"
    r"jij|hij|zij|ze|we|wij|u|jullie|mijn|m'?n|mn|er|ge|gij)\b)\b", re.IGNORECASE)

# "als iemand ziek is krijg ik die er ook nog bij" tells, it does not ask: the verb comes first
# after an if-clause (round 16d, p68 got "Daar heb ik geen goed antwoord op"). "als ik
# ontslagen word krijg ik dan ww" and "als ik stop krijg ik nog ww" still ask.
_INVERTED_AFTER_IF = re.compile(r"\b(als|wanneer|zodra|omdat)\s+(\w+\s+){1,8}?(krijg|kan|mag|moet)"
                                r"\s+ik\b(?!\s+(dan|nog|wel|ook|recht|een|mijn|m.n|het)\b)",
                                re.IGNORECASE)

# "s avonds lig ik wakker of ik niks vergeten ben" tells a worry: "of ik" after lying awake or
# worrying is no question to us (round 18, p68 got "Dat weet ik niet zeker"). "ik wil weten
# of ik recht heb" still asks.
_WORRY_IF = re.compile(r"\b(wakker|pieker\w*|maal\w*|bang|zorgen|twijfel\w*|onzeker)\s+"
                       r"(\w+\s+){0,3}?of\s+ik\b", re.IGNORECASE)

# "dan bellen ze van de planning of ik er nog eentje bij kan doen": what others ask her, told
# (round 18b, p68's day got "Dat weet ik niet zeker"). "ik vraag me af of ik" still asks.
_REPORTED_IF = re.compile(r"\b((bellen|vragen|appen|vroegen|belden|appten)\s+ze|(ze|zij|hij|"
                          r"planning|baas|chef|teamleider|leidinggevende)\s+(\w+\s+){0,4}?"
                          r"(vragen|vraagt|vroeg|"
                          r"vroegen|bellen|belt|belde|appen|appt|wil\s+weten|willen\s+weten))\b"
                          r".{0,60}?\bof\s+ik\b", re.IGNORECASE)

# "heb ik al gedaan maar mijn teamleider zegt iedereen heeft het druk": "(dat) heb ik al gedaan"
# tells (round 18, p68's card quoted it under "Je vroeg").
_ALREADY_DONE = re.compile(r"^\W*(dat\s+)?(heb|had)\s+ik\s+(al|toch|net|ook|allemaal|gisteren)\s+"
                           r"(\w+\s+){0,2}?(gedaan|gezegd|geprobeerd|gevraagd|gemeld|verteld|"
                           r"besproken|gehad)\b", re.IGNORECASE)


# "Ik weet eerlijk gezegd niet goed of ik hier aan het juiste adres ben, maar ..." opens a story;
# it asks nothing we can look up (round 19b, p82's story got "Daar heb ik geen goed antwoord op").
_RIGHT_PLACE_DOUBT = re.compile(r"\b(weet|twijfel)\w*\s+(\w+\s+){0,4}?of\s+ik\s+hier\s+(wel\s+)?"
                                r"(goed|juist|aan\s+het\s+(juiste|goede)\s+adres)\b",
                                re.IGNORECASE)


# "Eerlijk gezegd weet ik niet of ik dit hele traject nog trek" tells how heavy it is; it asks
# nothing to look up (round 22c, p103, off with burn-out, got "Ook dat weet ik niet zeker").
_STRENGTH_DOUBT = re.compile(r"\b(weet|twijfel|vraag\s+me\s+af)\w*\s+(\w+\s+){0,3}?of\s+ik\s+"
                             r"(\w+\s+){0,5}?(trek|aankan|aan\s+kan|volhoud|red|uithoud|overleef|ertegen\s+kan|"
                             r"kan\s+(volhouden|opbrengen))\b", re.IGNORECASE)


# "'s nachts kan ik toch niet slapen" tells: "kan ik" after a word that puts the verb first,
# followed by "toch/ook niet" (round 22d, p103's story got "Daar heb ik geen goed antwoord op").
_CANNOT_ANYWAY = re.compile(r"\b(kan|mag|moet)\s+ik\s+(toch|ook|dus|eh)\s+"
                            r"(niet|nie|ni|nooit|geen)\b", re.IGNORECASE)


def looks_like_question(text: str) -> bool:
    """A question mark, or a sentence that asks something ("ja maar wat IS fase A dan")."""
    if not text or text.startswith("/"):
        return False
    if "?" not in text and _AGREES.match(text):
        return False  # "klopt" at the card is a yes, not "klopt het dat …?" (round 16c, p63)
    if "?" in text:
        return True
    if _ALREADY_DONE.match(text):
        return False
    inside = _REPORTED_IF.sub(" ", _WORRY_IF.sub(" ", _INVERTED_AFTER_IF.sub(
        " ", _RIGHT_PLACE_DOUBT.sub(" ", _STRENGTH_DOUBT.sub(
            " ", _CANNOT_ANYWAY.sub(" ", text))))))
    return bool(_QUESTION_START.search(text) or _QUESTION_INSIDE.search(inside)
                or _QUESTION_CLAUSE.search(text))


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """Start and end of the sentence of `text` that holds position `at` (sentences end at
    . ! ? or a line break)."""
    begin = max((text.rfind(mark, 0, at) for mark in ".!?\n"), default=-1) + 1
    ends = [i for i in (text.find(mark, at) for mark in ".!?\n") if i >= 0]
    return begin, (min(ends) + 1 if ends else len(text))


def sentence_around(text: str, at: int) -> str:
    begin, end = sentence_span(text, at)
    return text[begin:end]


@dataclass
class Turn:
    text: str
    intent: str
    confidence: float = 1.0
    entities: list[dict[str, Any]] = field(default_factory=list)
    crisis_level: str | None = None  # "clear" | "possible" | None (bot.nlu's crisis layer)
    topics: list[str] = field(default_factory=list)  # career intents in the message, main first
    ranking: list[str] = field(default_factory=list)  # the classifier's intents, best first
    knowledge: Match | None = None
    mentioned: Entry | None = None  # an answer worth giving unasked (knowledge offer_on)
    also: Match | None = None  # the answer to a second question in the same message
    flemish: bool = False

    @property
    def is_button(self) -> bool:
        return self.text.startswith("/")

    @property
    def is_question(self) -> bool:
        return looks_like_question(self.text)

    def entity(self, name: str) -> str | None:
        for entity in self.entities:
            if entity.get("entity") == name and entity.get("value"):
                return str(entity["value"])
        return None


@dataclass
class Say:
    """One bot message: a domain response by name, or a text (knowledge answers)."""

    response: str | None = None
    text: str | None = None
    buttons: list[dict[str, str]] | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    says: list[Say] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    # Something the action server must do with the outside world, then report on.
    effect: str | None = None
    effect_values: dict[str, Any] = field(default_factory=dict)

    def names(self) -> list[str]:
        return [s.response or "text" for s in self.says]
