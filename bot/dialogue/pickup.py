"""Pick up what a person says about themselves, in any message, at any moment.

"bellen. 06 41 27 83 90", "Ik ben Ingrid, mail me op ingrid@example.nl",
"niet bellen, mailen": name, phone, e-mail and the preferred way of contact
are read from free text, several at once, so the assistant never asks for
something the person already said. Corrections ("nee, mijn nummer is ...")
are the same thing said again: the newest value wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.handover import contact

# "06 41 27 83 90", "+32 470 12 34 56", "0612345678": digits with the separators people type.
_PHONE_RUN = re.compile(r"(?:\+|00)?\d[\d\s().\-/]{6,18}\d")
# Only a real name statement: "ik heet ...", "mijn naam is ...", "naam: ...", or a message
# that starts with "naam ..."; never the word after "naam" in a story ("ik denk dat het aan
# mijn naam ligt" made a member "Ligt", "die naam is ..." made another "Is"; round 10, p41).
_NAME_WORD = r"([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]{1,30})"
_NAME_CUE = re.compile(
    rf"(?:^|[\s,.!])(?:ik\s+heet|(?:mijn|m'?n|mn)\s+(?:voor)?naam\s+is|ik\s+ben)\s+{_NAME_WORD}|"
    rf"(?:^|[\s,.!])(?:voor)?naam\s*[:=]\s*{_NAME_WORD}|"
    rf"^\W*(?:voor)?naam\s+(?:is\s+)?{_NAME_WORD}",
    re.IGNORECASE,
)
# Words that follow "ik ben" without being a name ("ik ben moe", "ik ben 45").
_NOT_NAMES = frozenset({
    "al", "alleen", "anoniem", "bang", "benieuwd", "bezig", "bijna", "blij", "boos",
    "bouwvakker", "chauffeur", "daar", "dat", "de", "die", "docent", "echt", "een", "eerlijk",
    "er", "erg", "flink", "geen", "gek", "gepensioneerd", "gescheiden", "gestopt", "getrouwd",
    "gewoon", "heel", "helemaal", "het", "hier", "in", "jong", "klaar", "kok", "kwijt",
    "leraar", "lerares", "lid", "liever", "mantelzorger", "met", "moe", "moeder", "monteur",
    "na", "net", "niet", "nieuwsgierig", "nog", "nu", "ontslagen", "onzeker", "ook", "op",
    "oud", "ouder", "over", "overspannen", "pas", "ruim", "schoonmaker", "sinds", "student",
    "te", "teleurgesteld", "thuis", "toe", "uitzendkracht", "vader", "van", "verpleegkundige",
    "via", "volgens", "vrij", "weer", "wel", "werkloos", "zeker", "zelf", "ziek", "zo",
    "zzp'er", "zzper",
})
# "overdag … kan ik slecht bellen" refuses the phone as well (round 27, p134 was noted for a
# call beside "Liever mailen").
_NEGATED = r"(?:niet|nie|ni|geen|liever\s+niet|nooit|slecht|moeilijk|lastig|nauwelijks|amper)\s+" \
    r"(?:\w+\s+)?"
# "bel mij ni", "mail me liever niet": the no after the verb; "bel me niet voor 5 uur"
# is a time, not a refusal.
# "wel appen niet bellen": a no before the next way of contact belongs to that one (round
# 22d, p104's WhatsApp was refused with the call).
# "bel me niet overdag", "ik zei savonds bellen niet overdag": a time after the no says when,
# not that the phone is refused (round 26b, p133's number was erased at the card).
_NEGATED_AFTER = (r"(?:me\s+|mij\s+|mn\s+)?(?:liever\s+)?(?:niet|nie|ni|nooit)\b"
                  r"(?!\s+(?:voor|na|te|tussen|onder|tijdens|op|om|bellen|bel|mailen|mail|appen|"
                  r"app|whatsappen|whatsapp|sms|sms'en|gebeld|gemaild|overdag|vandaag|morgen|"
                  r"(?:in\s+de\s+)?(?:ochtend|middag|avond|voormiddag|namiddag)\w*|"
                  r"(?:['’‘]s\s*|s)(?:ochtends|morgens|middags|avonds)|"
                  r"(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*)\b)")


_NOT_AT_WORK = re.compile(
    r"\b(?:bel|bellen|app|appen)\s+(?:me|mij)?\s*(?:niet|nie|ni|nooit)\s+(?:op|naar)\s+"
    r"(?:'t|het|mijn|m'n|mn|mijne|de)\s+(?:werk|job|zaak)\b|"
    r"\b(?:niet|nie|ni|nooit)\s+(?:\w+\s+){0,2}(?:op|naar)\s+(?:'t|het|mijn|m'n|mn|mijne|de)\s+"
    r"(?:werk|job|zaak)\s+(?:\w+\s+)?(?:bellen|bel|gebeld\s+worden|appen)\b")
# "bellen vind ik niks", "mailen is niks voor mij": a dislike is a refusal (round 6, p30);
# "Bellen is moeilijk, ik begrijp niet alles aan telefoon" too (round 10, p40).
# "bellen vind ik op dit moment nog best veel" (round 24c, p120, off with burn-out: noted for
# a call twice).
_DISLIKED_AFTER = (r"(?:\s+vind\s+ik\s+(?:\w+\s+){0,5}?(?:te|best|erg|heel|nog)?\s*(?:veel|zwaar|"
                   r"eng|lastig|moeilijk|spannend)\b|"
                   r"\s+(?:(?:vind\s+ik|is|lijkt\s+me|haat\s+ik)\s+(?:echt\s+|maar\s+|wel\s+|"
                   r"erg\s+|heel\s+|een\s+beetje\s+|best\s+)?(?:niks|niets|vervelend|naar|"
                   r"niet\s+fijn|stom|eng|lastig|moeilijk|zwaar|onhandig|niet\s+handig|"
                   r"geen\s+optie|verschrikkelijk)|"
                   # "bellen op 't werk gaat moeilijk" (round 25b, p125 was asked her number)
                   r"(?:(?:op|onder|tijdens|in)\s+(?:'t|t|het|de|mijn|m'n|mn)\s+\w+\s+)?"
                   r"(?:gaat|lukt)\s+(?:(?:me|mij)\s+)?(?:"
                   # "bellen lukt moeilijk met mijn shiften" (round 24, p116 was noted for a
                   # call right after giving her e-mail)
                   r"niet|nie|ni|slecht|moeilijk|lastig|amper|bijna\s+(?:niet|nooit)))\b)")
# Someone else who calls, or stopped calling, says nothing about how a consultant may reach
# the person: "ze bellen me niet meer", "het uitzendbureau belt mij niet meer, mag dat
# zomaar" were three times stored as "geen bellen" (round 10, p38).
_OTHER_PARTY = re.compile(
    r"\b(baas|werkgever\w*|uitzendbureau\w*|bureau|bedrijf\w*|firma|manager|leidinggevende|"
    r"chef|collega\w*|planner|planning|recruiter\w*|klant\w*|opdrachtgever\w*|school|uwv|"
    r"gemeente|schuldeiser\w*|incasso\w*|deurwaarder\w*)\b", re.IGNORECASE)
# "ze bellen steeds over de rekeningen", "die bellen de hele tijd" (round 13b, p54): others
# calling again and again, not a way for us to reach the person.
_THEY_KEEP_CALLING = re.compile(
    r"\b(ze|zij|die)\s+(bellen|mailen|appen)\s+(me\s+|mij\s+)?(steeds|telkens|constant|"
    r"continu|de\s+hele\s+tijd|elke\s+dag|iedere\s+dag|altijd|ook\s+op)\b", re.IGNORECASE)
_WISH_VERBS = {"belt": "phone", "opbelt": "phone", "terugbelt": "phone", "mailt": "email",
               "appt": "whatsapp"}
_NOT_WISHED = re.compile(
    r"\b(?:niet|nie|ni|liever\s+niet)\s+(?:dat|da)\s+(?:\w+\s+){0,3}?(?:me|mij)\s+"
    r"(?P<verb>belt|opbelt|terugbelt|mailt|appt)\b", re.IGNORECASE)
_THEY = re.compile(r"\b(ze|zij|hij|die|men)\b", re.IGNORECASE)
_STOPPED = re.compile(r"\b(niet|nie|ni|nooit)\s+meer\b", re.IGNORECASE)
# "ze hebben mij niet eens gebeld of ik wilde solliciteren" is what they did (round 26b, p131
# heard "Goed, dat onthoud ik: geen bellen").
_THIRD_PERSON = re.compile(r"\b(belt|mailt|appt|whatsappt)\b|\b(hebben|heeft|had|hadden)\b"
                           r".{0,30}\b(gebeld|gemaild|geappt|gewhatsappt)\b", re.IGNORECASE)
_OUR_SIDE = re.compile(r"\b(consulent\w*|jullie|vakbond|bond|u)\b", re.IGNORECASE)
_CLAUSES = re.compile(r"[.;!?\n]+|,\s*|\s+(?:maar|want|omdat|dan|en)\s+", re.IGNORECASE)
# A call moment goes with the words of contact in its clause ("bel maar in de middag",
# "ik wil 's ochtends gebeld worden", "bij moment moet ochtend staan").
_CALL_CUE = re.compile(r"\b(bel|bellen|belt|gebeld|app|appen|geappt|whatsapp\w*|bereikbaar|"
                       r"moment|tijdstip|uitkomen|uitkomt|schikt)\b", re.IGNORECASE)
# A date in the story, not a moment to call: "mijn contract stopt morgen, 0612345678".
_STORY_DATE = re.compile(r"\b(contract\w*|stop\w*|loop\w*\s+af|eindig\w*|afgelopen|ontslag\w*|"
                         r"teken\w*|begin\w*|start\w*|gesprek\w*|afspraak|deadline)\b",
                         re.IGNORECASE)
_TIME_FILLER = re.compile(r"\b(graag|liefst|het\s+liefst|maar|bij\s+voorkeur|ook|ok|oké|"
                          r"oke|prima|goed|en|of|dan)\b", re.IGNORECASE)


def about_others(clause: str) -> bool:
    """A clause about someone else who calls, mails or apps (or stopped doing so)."""
    if _OUR_SIDE.search(clause):
        return False
    if _OTHER_PARTY.search(clause) or _THEY_KEEP_CALLING.search(clause):
        return True
    return bool(_THEY.search(clause) and (_STOPPED.search(clause)
                                          or _THIRD_PERSON.search(clause)))


def pick_time(text: str) -> str | None:
    """A moment to call said with a word of contact ("Bellen graag, bel maar in de middag";
    round 10, p37, p42), not a date in a story ("mijn contract stopt morgen")."""
    # "tussen 8 en 4" is one moment: its "en" splits no clause (round 16c, p68 got "niet
    # tussen 8").
    text = re.sub(r"\b(tussen\s+\S+)\s+en\s+", r"\1 tot ", text, flags=re.IGNORECASE)
    clauses = [c for c in _CLAUSES.split(text) if c.strip() and not about_others(c)]
    if not any(_CALL_CUE.search(c) for c in clauses) and not _PHONE_RUN.search(text):
        return None
    # With a phone number in the message, a moment is when to call: "bellen 06-12345960. wel
    # NA 6 uur want dan zijn de kids in bed" was asked for the time again (round 14, p60, p57).
    with_number = bool(_PHONE_RUN.search(text))
    chosen = []
    for clause in clauses:
        moment = contact.clean_time(clause)
        if not moment:
            continue
        rest = contact.without_time(clause)
        if _CALL_CUE.search(clause) or (with_number and not _STORY_DATE.search(clause)) or \
                not _TIME_FILLER.sub(" ", rest).strip():
            chosen.append(clause)
    moment = contact.clean_time(", ".join(chosen)) if chosen else None
    return re.sub(r"\b(tussen\s+\S+)\s+tot\s+", r"\1 en ", moment) if moment else None


@dataclass
class Picked:
    """What one message told about the person; None means "not said here"."""

    name: str | None = None
    phone: str | None = None
    phone_invalid: str | None = None  # digits that look like a phone number but are not valid
    email: str | None = None
    email_suggestion: str | None = None  # "gmial.com" -> "gmail.com"
    channel: str | None = None
    refused_channels: set[str] = field(default_factory=set)
    time: str | None = None  # a moment to call ("'s middags"), said with a word of contact

    def anything(self) -> bool:
        return any((self.name, self.phone, self.email, self.channel))

    def ticket_changes(self) -> dict[str, str]:
        """What this message would change in a request already sent (ticket field names)."""
        fields = (("phone", self.phone), ("email", self.email), ("name", self.name),
                  ("preferred_channel", self.channel))
        return {name: value for name, value in fields if value}


def pick_phone(text: str, prefer_belgium: bool) -> tuple[str | None, str | None]:
    """(valid E.164 number, or None; the raw digits when they look like a broken number)."""
    # "nul zes 1234 5977", as voice input writes a dictated number (round 18, p77).
    text = re.sub(r"\bnul\s+zes\b(?=[\s-]*\d)", "06", text, flags=re.IGNORECASE)
    broken = None
    for match in _PHONE_RUN.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 8:
            continue
        number = contact.normalise_phone(raw, prefer_belgium)
        if number:
            # "+48 601 234 132, polish nummer. of 06-12345132": the number we can use, wherever
            # it stands (round 26, p132 was refused and asked again).
            return number, None
        broken = broken or raw.strip()
    return None, broken


def pick_channel(text: str) -> tuple[str | None, set[str]]:
    """The way of contact the person asks for, and the ways they refuse ("niet bellen")."""
    # "juist níet bellen": an accent for stress is the same word (round 24c, p120).
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # "maakt niet uit, app gewoon" says yes to the app, not no.
    lowered = re.sub(r"\b(maakt|boeit)\s+(me\s+)?(niet|nie|ni|niks|geen)\s+(zoveel\s+)?uit\b",
                     " ", text.lower())
    lowered = " , ".join(c for c in _CLAUSES.split(lowered) if not about_others(c))
    # "moet ik een mailtje sturen ofzo?" is what they might do, not how we may reach them
    # (round 12, p48 heard "Genoteerd: contact via e-mail" before any consent).
    lowered = re.sub(r"(?<!\bme )(?<!\bmij )\b(een\s+)?(mailtje|mail|e-?mail|appje|brief)\s+"
                     r"(sturen|schrijven|versturen|te\s+sturen)\b", " ", lowered)
    # "Nee, ik bedoel niet de chat. Ik bedoel de kosten van het CIBG" says what the question was
    # about, not how we may reach him (round 21b, p93 heard "Goed, geen chat.").
    lowered = re.sub(r"\b(ik\s+)?(bedoel|bedoelde|vroeg|had\s+het)\s+(\w+\s+){0,2}?(niet|nie|ni)\s+"
                     r"(over\s+)?(de|deze|die|het)\s+(chat|app|mail)\b", " ", lowered)
    refused: set[str] = set()
    # "ik wil niet dat iemand me belt": the no sits before the wish, several words away.
    for match in _NOT_WISHED.finditer(lowered):
        refused.add(_WISH_VERBS[match.group("verb")])
    lowered = _NOT_WISHED.sub(" ", lowered)
    # "da ze mij ni op 't werk mogen bellen", "bel me niet op mijn werk": where not to call,
    # neither a wish for a call nor a refusal of one (round 23b, p110's e-mail became a call).
    lowered = _NOT_AT_WORK.sub(" ", lowered)
    for channel, words in contact.CHANNEL_WORDS.items():
        for word in words:
            if word == "wa":
                continue  # Flemish "wat": "da is ni wa ik vroeg" (round 10, p39)
            negated = re.search(rf"{_NEGATED}{re.escape(word)}\b", lowered)
            if word == "hier" and negated and not re.search(
                    r"\b(niet|nie|ni)\s+hier\s*(in\s+de\s+chat\s*)?([.,!?]|$)", lowered):
                # "ik heb geen diploma hier" says where, not how to be reached (round 20c,
                # p89 heard "Goed, dat onthoud ik: geen chat" twice).
                negated = None
            if negated and _time_beside_the_no(text, word):
                # "niet bellen tussen 8 en 4" says when, not how: no refusal of the phone
                # (round 16c, p68's number was erased).
                continue
            if negated or (
                    channel != "chat" and re.search(rf"\b{re.escape(word)}\s+{_NEGATED_AFTER}",
                                                    lowered)) or (
                    re.search(rf"\b{re.escape(word)}{_DISLIKED_AFTER}", lowered)):
                refused.add(channel)
    # Remove the refused phrases, then look for what is left ("niet bellen, mailen").
    remaining = re.sub(rf"{_NEGATED}\w+|\b\w+\s+{_NEGATED_AFTER}|\b\w+{_DISLIKED_AFTER}", " ",
                       lowered)
    # What is left of a refused way is no wish for it ("echt niet gebeld worden": "echt niet"
    # goes, "gebeld worden" stays).
    for channel in refused:
        for word in sorted(contact.CHANNEL_WORDS[channel], key=len, reverse=True):
            remaining = re.sub(rf"(^|\W){re.escape(word)}(?=$|\W)", " ", remaining)
    wanted = contact.clean_channel(remaining, strict=True)
    if wanted is None and re.search(r"\bapp\s+(maar|me|mij|gerust|gewoon)\b|"
                                    r"^\W*app\b(?!\s+(van|voor))|\bapp\W*\s*(\+|0)\d",
                                    text.lower()):
        # "app maar 😊 06-..." ("maar" splits clauses; round 11, p45); "app 06-12345104"
        # (round 22c, p104 was noted down for a call).
        wanted = "whatsapp"
    return (wanted if wanted not in refused else None), refused


def _time_beside_the_no(text: str, word: str) -> bool:
    """A time in the sentence that says "niet bellen": "niet bellen tussen 8 en 4" says when,
    not how. In "nee whatsapp zei ik niet bellen. na 5 uur" the time is a sentence of its
    own, and the phone is refused (round 22c, p104 was noted down for a call)."""
    return any(re.search(rf"{_NEGATED}{re.escape(word)}\b", sentence)
               and contact.clean_time(sentence)
               for sentence in re.split(r"[.!?\n]+", text.lower()))


# "ik ben gepasseerd voor …", "ik ben geschorst door …": what happened to them, never a name.
_PARTICIPLE = re.compile(r"ge[a-zà-ÿ]{3,}[dt]$", re.IGNORECASE)
_AFTER_PARTICIPLE = re.compile(r"\s+(voor|door|bij|om|met|op|in|naar|als|geworden)\b",
                               re.IGNORECASE)
# Any moment is fine, said beside a number or address.
_ANY_TIME = re.compile(r"\bmaakt\s+(me\s+)?(niet|niks|nie|ni)\s+uit\s+wanneer\b|"
                       r"\bwanneer\s+(je|u|ge)\s+wil\w*\b|\b(altijd|hele\s+dag)\s+bereikbaar\b|"
                       r"\bbel\w*\s+(maar\s+)?wanneer\s+(je|u|ge)\s+wil\w*\b", re.IGNORECASE)


def pick_name(text: str) -> str | None:
    """A first name introduced as such ("ik ben Ingrid", "mijn naam is fatima")."""
    for match in _NAME_CUE.finditer(text):
        word = next(group for group in match.groups() if group)
        cue = match.group(0).lower()
        if word.lower() in _NOT_NAMES:
            continue
        # "ik ben ..." is also "ik ben moe": only a capitalised word counts as a name there.
        if "ben" in cue and not word[:1].isupper():
            continue
        # "Ik ben GEPASSEERD voor teamleider" is shouted, and a participle before "voor" is
        # what happened to them (round 26, p131's card said "Naam: GEPASSEERD").
        if "ben" in cue and (len(word) > 3 and word.isupper() or _PARTICIPLE.match(word) and
                             _AFTER_PARTICIPLE.match(text[match.end():])):
            continue
        name = contact.clean_name(word)
        if name and name != contact.ANONYMOUS:
            return name
    return None


# Words typed next to a number that are never a name ("bellen. 06 ...", "mobiel 06 ...").
_BESIDE_NUMBER = frozenset({
    "nummer", "nr", "tel", "telnr", "telefoon", "telefoonnummer", "mobiel", "mobieltje", "gsm",
    "thuis", "werk", "prive", "privé", "zakelijk", "hier", "dit", "deze", "graag", "bereikbaar",
    "overdag", "altijd", "sms", "whatsappen", "nieuw", "nieuwe", "oud", "oude", "ander",
    "andere", "zelfde", "klopt", "juist", "correct", "fout", "zo", "alleen", "liefst", "eigen",
    "vast", "vaste", "na", "voor", "om", "tussen", "op", "via", "naar", "of", "en", "aub",
    "alsjeblieft", "alstublieft", "sorry", "oeps", "nogmaals", "hallo", "hoi", "hey", "dag",
    "mijn", "mn", "m'n", "is", "bel", "nee", "ja", "ok", "oke", "oké",
})


def name_beside_number(text: str) -> str | None:
    """ "mirjam. 06-12345954": a first name typed just before the number asked for, and
    nothing else (round 13, p54 became "anoniem"). One word, not a chat or contact word."""
    from bot.dialogue.patterns import FILLER

    match = _PHONE_RUN.search(text)
    if not match or len(re.sub(r"\D", "", match.group(0))) < 8:
        return None
    before = re.findall(r"[^\W\d_][^\W\d_'’-]*", text[:match.start()])
    after = re.findall(r"[^\W\d_][^\W\d_'’-]*", text[match.end():])
    if len(after) == 1 and all(w.lower() in FILLER | _BESIDE_NUMBER for w in before) and \
            re.fullmatch(r"\s*[,;-]\s*[^\W\d_][^\W\d_'’-]*\s*[.!]?\s*", text[match.end():]):
        # "ja. 06-12345969, Wim": the name after the number and a comma (round 16d, p69).
        return _one_name(after[0], strict=True)
    led = re.search(r"(?:^|[.!?]\s+)([A-ZÀ-Þ][^\W\d_'’-]{1,30})\s*,\s*$", text[:match.start()])
    if led and len(before) > 1:
        # "Ja vooruit, doe maar. Erik, 06-12345131. Wel bellen na 5 uur": a sentence that is a
        # capitalised word and the number (round 26, p131 was asked his name again).
        return _one_name(led[1], strict=True)
    if len(before) != 1 or any(w.lower() not in FILLER | _BESIDE_NUMBER for w in after):
        return None
    word = before[0]
    if re.search(r"[.,;:!?]\s*\S", text[match.end():]):
        return None
    return _one_name(word)


def _one_name(word: str, strict: bool = False) -> str | None:
    """One word typed beside contact details, when it is no chat, contact or time word;
    `strict`: nor any other Dutch word ("natuurlijk, bellen"), for a word that stands alone."""
    from bot.dialogue.patterns import FILLER

    lowered = word.lower()
    channel_words = {w for words in contact.CHANNEL_WORDS.values() for w in words}
    if len(word) < 2 or lowered in FILLER | _BESIDE_NUMBER | _NOT_NAMES | channel_words or \
            contact.clean_time(word):
        return None
    if strict and (lowered in _INTERJECTIONS or not _dutch_words() or lowered in _dutch_words()):
        return None  # without the word list there is no telling "snel." from "esther."
    name = contact.clean_name(word)
    return None if name == contact.ANONYMOUS else name


def name_first(text: str) -> str | None:
    """ "esther. bellen graag 06-..." asked for a name: the one word before the first full stop
    or comma is the name, when the rest gives contact details (round 16d, p68 was asked her
    name again). Never a chat, contact or time word ("bellen. 06-...")."""
    match = re.match(r"\s*([^\W\d_][^\W\d_'’-]*)\s*[.,;:]\s*\S", text)
    return _one_name(match.group(1), strict=True) if match else None


_INTERJECTIONS = frozenset({"tja", "tsja", "hmm", "hm", "ehm", "uhm", "eh", "uh", "pff", "nou",
                            "ah", "oh", "oja", "ok", "oki", "okido", "yes", "jup", "jep", "jaa",
                            "jazeker", "jawel", "tuurlijk", "zeker", "owja", "owh"})


@cache
def _dutch_words() -> frozenset[str]:
    """Dutch adjectives, adverbs, verbs, prepositions and articles (spaCy's lookup data, which
    the NLU pipeline installs): "natuurlijk, bellen" or "snel. 06-..." start with no name.
    Nouns are left out, because many first names are nouns too (Kees, Roos, Bas)."""
    try:
        import spacy_lookups_data
        import srsly
    except ImportError:  # the lookups are part of the NLU pipeline
        return frozenset()
    index = srsly.read_gzip_json(
        Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_index.json.gz")
    return frozenset(word for kind in ("adj", "verb", "adp", "det") for word in index[kind])


def pick_up(text: str, prefer_belgium: bool = False) -> Picked:
    picked = Picked()
    if not text or text.startswith("/"):
        return picked
    picked.phone, picked.phone_invalid = pick_phone(text, prefer_belgium)
    picked.email = contact.clean_email(text)
    if picked.email:
        picked.email_suggestion = contact.email_domain_suggestion(picked.email)
    else:
        picked.email_suggestion = None
    picked.channel, picked.refused_channels = pick_channel(text)
    picked.name = pick_name(text)
    picked.time = pick_time(text)
    if not picked.time and (picked.phone or picked.email) and _ANY_TIME.search(text):
        # "06-12345124. maakt niet uit wanneer" answers the time too (round 26, p124 was asked
        # it and wrote "ZEI ik toch").
        picked.time = "geen voorkeur"
    return picked
