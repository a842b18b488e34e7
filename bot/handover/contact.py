"""Validate and normalise what a person types into the handover form.

Each function returns the cleaned value, or None when the input cannot be used
(the form then asks again with a specific correction).
"""

from __future__ import annotations

import re

# Whole words only: "Jana", "Jasper", "Okke" and "Dagmar" start with a greeting or a yes
# ("Jana" was stored as "Na"; round 14, p59).
_NAME_PREFIXES = re.compile(
    r"^(?:(?:hoi|hallo|hey|dag|ja|ok(?:e|é)?|prima)\b[\s,!.]*)?"
    r"(?:ik\s+ben\b|ik\s+heet\b|mijn\s+naam\s+is\b|m'?n\s+naam\s+is\b|naam\b\s*:?|"
    r"noem\s+me\b(?:\s+maar\b)?)?\s*",
    re.IGNORECASE,
)
_NAME_OK = re.compile(r"^[^\W\d_][^\W\d_'’ .-]*([ '’.-][^\W\d_]+)*$")
ANONYMOUS = "anoniem"

CHANNEL_WORDS = {
    "phone": ("bel", "bellen", "belt", "telefoon", "telefonisch", "phone", "mobiel", "gsm",
              "opbellen", "terugbellen", "gebeld", "opgebeld", "telefoontje"),
    "whatsapp": ("whatsapp", "whats app", "app", "appen", "wa", "whatsappen", "geappt"),
    "email": ("mail", "e-mail", "email", "mailen", "e mail", "mailtje", "gmail", "gemaild"),
    "chat": ("chat", "hier", "in de chat", "deze chat", "hier in de chat", "chatten", "typen"),
}
# Outside the question "how may we reach you", only unmistakable words count: "hier"
# or "app" in a story ("ik werk hier al jaren") says nothing about contact.
_STRICT_CHANNEL_WORDS = {
    # "dat iemand me belt" says the way as plainly as "bellen" (round 13d, p54 was asked
    # "Hoe wil je dat de consulent contact met je opneemt?" right after it).
    "phone": ("bel me", "bellen", "bel mij", "telefonisch", "opbellen", "terugbellen",
              "me belt", "mij belt", "me opbelt", "mij opbelt", "me terugbelt",
              "mij terugbelt", "gebeld worden",
              # "dat die consulent belt" (round 16d, p69 was asked the way after it)
              "consulent belt", "consulent me belt", "consulent mij belt", "consulent bellen",
              "consulent me bellen", "consulent mij bellen", "iemand belt", "jullie bellen",
              "jullie me bellen", "dat die belt", "dat hij belt", "dat ze belt"),
    "whatsapp": ("whatsapp", "whats app", "appen", "whatsappen", "app maar", "app me", "app mij",
                 "stuur een app", "stuur me een app", "me appt", "mij appt"),
    "email": ("mail", "e-mail", "email", "mailen", "e mail", "mailtje", "me mailt", "mij mailt"),
    "chat": ("hier in de chat", "in deze chat", "via de chat", "in de chat", "chatten"),
}
# Common typos of the mail domains people use here ("gmial.com"): asked back, never fixed silently.
COMMON_MAIL_DOMAINS = (
    "gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.nl", "live.com",
    "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "icloud.com", "yahoo.com",
    "telenet.be", "skynet.be", "proximus.be", "msn.com", "home.nl", "xs4all.nl", "hetnet.nl",
)

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,185}\.[A-Za-z]{2,24}")


def clean_name(text: str | None) -> str | None:
    """First name as typed ("ik ben fatima" -> "Fatima"); "anoniem" is allowed."""
    if not text:
        return None
    value = _NAME_PREFIXES.sub("", text.strip(), count=1).strip(" .!,")
    if value.lower() in (ANONYMOUS, "anonymous", "liever anoniem", "geen naam"):
        return ANONYMOUS
    if not 1 < len(value) <= 40 or not _NAME_OK.match(value):
        return None
    return " ".join(part[:1].upper() + part[1:] for part in value.split())


def clean_channel(text: str | None, strict: bool = False) -> str | None:
    """phone | whatsapp | email | chat from what the person typed, or None.

    ``strict`` (a message that was not an answer to the channel question) only
    accepts unmistakable phrases.
    """
    if not text:
        return None
    lowered = text.strip().lower()
    if lowered in CHANNEL_WORDS:
        return lowered
    for channel, words in (_STRICT_CHANNEL_WORDS if strict else CHANNEL_WORDS).items():
        if any(re.search(rf"(^|\W){re.escape(w)}($|\W)", lowered) for w in words):
            return channel
    return None


def normalise_phone(text: str | None, prefer_belgium: bool = False) -> str | None:
    """Dutch or Belgian number in E.164 ("06-12345678" -> "+31612345678").

    Dutch numbers have ten digits with the leading 0; Belgian landlines nine.
    A ten-digit 04.. number is a Belgian mobile or a Dutch regional number
    (e.g. 040 Eindhoven): ``prefer_belgium`` (a Flemish region) decides.
    """
    if not text:
        return None
    raw = re.sub(r"[\s().\-/]", "", text.strip())
    match = re.search(r"(\+|00)?\d{8,13}", raw)
    if not match or len(raw) - len(match.group(0)) > 12:
        return None
    number = match.group(0)
    if number.startswith("00"):
        number = "+" + number[2:]
    if number.startswith("+31"):
        rest = number[3:].lstrip("0")
        return f"+31{rest}" if len(rest) == 9 else None
    if number.startswith("+32"):
        rest = number[3:].lstrip("0")
        return f"+32{rest}" if len(rest) in (8, 9) else None
    if number.startswith("+"):
        return None  # other countries: a consultant can't call abroad from here
    if not number.startswith("0"):
        return None
    if len(number) == 9:
        # Nine digits: a Belgian landline, or (far more often here) a Dutch mobile number
        # with a digit missing. Only a Flemish context makes it Belgian.
        return "+32" + number[1:] if prefer_belgium and not number.startswith("06") else None
    if len(number) == 10:
        belgian_mobile = number.startswith("04") and prefer_belgium
        return ("+32" if belgian_mobile else "+31") + number[1:]
    return None


def clean_email(text: str | None) -> str | None:
    if not text:
        return None
    match = _EMAIL.search(text.strip())
    if not match or len(match.group(0)) > 254:
        return None
    local, domain = match.group(0).rsplit("@", 1)
    if ".." in domain or domain.startswith(".") or domain.startswith("-"):
        return None
    return f"{local}@{domain.lower()}"


def email_domain_suggestion(email: str) -> str | None:
    """The common domain a typo was probably meant as ("noor@gmial.com" -> "gmail.com")."""
    import difflib

    domain = email.rsplit("@", 1)[-1].lower()
    if domain in COMMON_MAIL_DOMAINS:
        return None
    close = difflib.get_close_matches(domain, COMMON_MAIL_DOMAINS, n=1, cutoff=0.8)
    return close[0] if close else None


def clean_free_text(text: str | None, limit: int = 120) -> str | None:
    """Short free text (a good moment, a region): needs a letter or digit."""
    if not text:
        return None
    value = " ".join(text.split())
    if not re.search(r"[^\W_]", value) or len(value) > limit:
        return None
    return value


def foreign_phone(raw: str | None) -> bool:
    """A number with a country code that is not Dutch or Belgian ("+34 612 345 944"): the
    consultants call and app only Dutch and Belgian numbers (round 10, p44)."""
    if not raw:
        return False
    compact = re.sub(r"[\s().\-/]", "", raw.strip())
    match = re.match(r"^(?:\+|00)(\d{1,3})", compact)
    return bool(match) and not match.group(1).startswith(("31", "32"))


# A good moment to call, in the words people use: "bel maar in de middag", "na 15 uur",
# "niet op woensdag". Read into a short value for the ticket, without the reasons around it
# ("dan ben ik bij mijn moeder" is nobody's business; round 10, p37).
_DAYS = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
# Flemish "voormiddag" and "namiddag" stay as said (round 13, p52).
_DAYPARTS = {"ochtend": "'s ochtends", "morgen": "'s ochtends", "middag": "'s middags",
             "avond": "'s avonds", "voormiddag": "voormiddag", "namiddag": "namiddag",
             # "bel maar savonds overdag zit ik op de bus" (round 26b, p133's card said "niet
             # 's avonds": "overdag" was no time, so the busy words fell on the evening)
             "overdag": "overdag"}
_CLOCK = (r"(?:(?:half|kwart\s+(?:over|voor))\s+)?(?:\d{1,2}\b|een|twee|drie|vier|vijf|zes|"
          r"zeven|acht|negen|tien|elf|twaalf)")
_TIME_ITEMS = re.compile(
    rf"\b(?P<day>(?:{_DAYS})(?:ochtend|middag|avond|morgen)?|(?:over)?morgen(?:ochtend|middag|"
    r"avond)?|vandaag|(?:deze|volgende)\s+week|in\s+het\s+weekend|doordeweeks|"
    # "het liefst onder schooltijd" (round 22d, p101 was asked the time again)
    r"(?:onder|tijdens|binnen)\s+(?:de\s+)?school(?:tijd|tijden|uren))\b|"
    # "savonds", "'s avonds", "’s avonds" (round 13, p49: "na 6 uur savonds" lost it)
    r"(?P<part>(?:['’‘]s\s*|\bs)(?:ochtends|morgens|middags|avonds|voormiddags|namiddags)\b|"
    r"\b(?:in\s+de\s+|de\s+|elke\s+)?(?:voormiddag|namiddag|ochtend|middag|avond)(?:en|s)?\b|"
    r"\bin\s+de\s+morgen\b|\bmorgens\b|\boverdag\b)|"
    # "na half 3", "voor kwart over vier" (round 17, p68's "na half 3" was lost twice)
    rf"\b(?P<hour>(?:na|voor|vóór|vanaf|tot|om|rond|tussen)\s+{_CLOCK}(?:[.:]\d{{2}})?"
    rf"(?:\s*(?:en|-|tot)\s*{_CLOCK}(?:[.:]\d{{2}})?)?\s*(?:uur|u\b)?"
    # "na 2 jaar", "over 3 weken": a span of time, not a moment (round 24, p115's card said
    # "Moment: na 2")
    r"(?!\s*(?:jaar|jaren|maand|maanden|week|weken|dag|dagen)\b)|\d{1,2}[.:]\d{2}\s*(?:uur)?)",
    re.IGNORECASE,
)
# A full stop ends a clause, not the one in "15.30"; "niet tijdens mijn route dus na half 3"
# is two clauses (round 17, p68).
_TIME_CLAUSES = re.compile(r"(?<!\d)\.+|\.+(?!\d)|[;!?\n]+|,\s*|"
                           r"\s+(?:maar|want|omdat|dan|verder|dus)\s+", re.IGNORECASE)
# In the clause of a time: this is when it does NOT suit ("niet op woensdag", "in de ochtend
# ik werk", "'s avonds kan ik niet").
_NOT_THEN = re.compile(r"\b(niet|nie|ni|geen|nooit|behalve|liever\s+niet)\b|"
                       # "de namiddag ben ik rap moe" (round 13, p52)
                       r"\b((ben|zijn)\s+(ik|we)|ik\s+ben|we\s+zijn)\s+([\w'’]+\s+){0,2}"
                       r"(moe|doodmoe|kapot|uitgeput|op\s+van\s+de\s+vermoeidheid)\b|"
                       r"\b(ik\s+werk|werk\s+ik|ben\s+ik\s+(aan\s+het\s+werk|op\s+het\s+werk|"
                       r"aan\s+het\s+werken|weg|bezet)|heb\s+ik\s+(werk|dienst))\b|"
                       # "middag ik slaap, avond werk" (round 16b, p70, who cleans at night)
                       # ("'s avonds na mijn werk" is a moment that suits: only a part of the day
                       # with the bare word "werk" or "slaap" says it does not.)
                       # "middag en avond ik zorg voor man" (round 22d, p105, a carer)
                       # "overdag rij ik" (a driver, now that "overdag" is a time; round 26b)
                       r"\b(rij|rijd)\s+ik\W*$|"
                       r"\b(ik\s+slaap|slaap\s+ik|ik\s+zorg|zorg\s+ik|ik\s+pas\s+op|pas\s+ik\s+op)\b|^\W*('?s\s*)?(de\s+|in\s+de\s+)?(ochtend|"
                       r"middag|avond|nacht|voormiddag|namiddag)\w*\s+(werk|slaap)\W*$|"
                       # "s morgens zit ik op de bus" (round 18, p77, a bus driver)
                       r"\b(zit\s+ik|ik\s+zit|rij\s+ik|ik\s+rij|sta\s+ik|ik\s+sta)\s+"
                       r"(\w+\s+){0,2}(op|in|achter|aan)\s+(de|het|mijn|m'?n)\s+"
                       # "s ochtends sta ik op de afdeling" (round 25b, p126, a carer)
                       r"(bus|wagen|truck|vrachtwagen|auto|weg|route|lijn|band|kassa|school|"
                       # "want overdag zit ik op het werk" (round 27b, p137's card said
                       # "'s avonds na 6 uur overdag")
                       r"afdeling|vloer|werkvloer|groep|bouw|zaak|winkel|werk|kantoor|job)\b",
                       re.IGNORECASE)
# A negation right before a time names what does not suit; the times after it in the same
# clause do suit: "nee niet s ochtends na tweeën s middags" (round 18, p77's ticket said "na
# 2 uur 's middags 's ochtends, niet na twee").
_NOT_WORD = re.compile(r"\b(niet|nie|ni|geen|nooit|behalve)\b", re.IGNORECASE)
# "het moment klopt niet, het moet zijn na 14 uur": the "niet" is about the old value
# (round 18, p77's ticket said "niet na 14 uur"); "'s avonds is niet handig" still says when
# it does not suit, so only what is said of the card itself counts.
_WRONG_MARK = re.compile(r"\bklopt\s+(\w+\s+){0,2}?(niet|nie|ni)\b|\b(dat|dit|het|het\s+moment|"
                         r"de\s+tijd)\s+(is|was|staat)\s+(er\s+)?(niet|nie|ni)\s+(goed|juist)\b|"
                         r"\b(dat|dit|het)\s+is\s+fout\b", re.IGNORECASE)


_WORD_HOURS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
               "elf", "twaalf")


def _time_value(match: re.Match[str]) -> str:
    text = " ".join(match.group(0).lower().split())
    if match.group("part"):
        word = re.search(r"voormiddag|namiddag|overdag|ochtend|morgen|middag|avond", text)
        return _DAYPARTS[word.group(0)] if word else text
    if match.group("hour"):
        # "na tweeën" and "na 2 uur" are one moment on the card (round 18, p77).
        spoken = re.sub(rf"\b({'|'.join(_WORD_HOURS)})(ën|en)?\b",
                        lambda word: str(_WORD_HOURS.index(word[1].lower()) + 1), text)
        if spoken != text and not re.search(r"\b(uur|half|kwart)\b", text):
            spoken += " uur"
        text = spoken
        return re.sub(r"\s*-\s*", "-", text)
    return text


def _is_daypart(value: str) -> bool:
    return value in _DAYPARTS.values()


# "VOOR vrijdag" is the day by which, not the day to call (round 27b, p124's card said
# "Moment: vrijdag", the day he has to sign).
_SIGNING_DAY = re.compile(
    r"\b(?:voor\s+|uiterlijk\s+)?(?:morgen|overmorgen|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag)\s+(?:\w+\s+){0,3}?(?:tekenen|teken|ondertekenen|handtekening)\b|"
    r"\b(?:voor|vóór|uiterlijk)\s+(?:a\.?s\.?\s+|aanstaande\s+|deze\s+)?(?:morgen|overmorgen|maandag|"
    r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b", re.I)


def clean_time(text: str | None) -> str | None:
    """The moment to call, as a short value ("'s middags, niet op woensdag"); None when the
    text names no day, part of the day or hour."""
    if not text:
        return None
    # "na 17u", "tegen 9u30": the Flemish and short way to write an hour (round 22c, p98 was
    # asked for the time she gave with her number).
    text = re.sub(r"\b(\d{1,2})\s?u(?:\s?(\d{2}))?\b",
                  lambda m: f"{m[1]}:{m[2]} uur" if m[2] else f"{m[1]} uur", text)
    # "morgen moet tekenen" is the day of a signature, no moment to call (round 27, p135's
    # card said "Moment: vandaag morgen").
    text = _SIGNING_DAY.sub(" ", text)
    wanted: list[str] = []
    not_then: list[str] = []
    for clause in _TIME_CLAUSES.split(_WRONG_MARK.sub(",", text)):
        before = 0
        items = list(_TIME_ITEMS.finditer(clause))
        gaps = [clause[(items[i - 1].end() if i else 0):m.start()] for i, m in enumerate(items)]
        local = len(items) > 1 and any(_NOT_WORD.search(gap) for gap in gaps)
        marker = _NOT_THEN.search(clause)
        # "na 2 uur s middags s ochtends zit ik op de bus": what keeps them busy is said of
        # the time right before it, not of every time in the clause.
        busy_after = None
        if len(items) > 1 and not local and marker and not _NOT_WORD.match(marker[0]):
            earlier = [m for m in items if m.end() <= marker.start()]
            # "ik werk vroeg in de ochtend en avond": said before all of them, it holds for
            # all (round 20b, p89's ticket said "'s middags 's avonds", she cleans at night).
            busy_after = earlier[-1] if earlier else None
            # "pas bellen na 10 uur ik slaap s ochtends": the busy words name the time right
            # after them (round 24b, p117's card said "'s ochtends, niet na 10 uur").
            right_after = [m for m in items if m.start() >= marker.end()
                           and len(clause[marker.end():m.start()].split()) <= 1]
            if right_after and earlier:
                busy_after = right_after[0]
        for match, gap in zip(items, gaps, strict=True):
            value = _time_value(match)
            if wanted and re.search(r"\bof\b", clause[before:match.start()], re.IGNORECASE):
                # "na half 6 OF woensdag" is either, not both (round 17b, p68's ticket said
                # "na half 6 woensdag").
                value = "of " + value
            before = match.end()
            negated = bool(_NOT_WORD.search(gap)) if local else (
                match is busy_after if busy_after else bool(marker))
            if negated:
                value = ("niet op " if match.group("day") and not value.startswith(
                    ("vandaag", "morgen", "overmorgen", "deze", "volgende", "in het",
                     "doordeweeks")) else "niet ") + value
            target = not_then if negated else wanted
            if value.removesuffix(" uur") not in [v.removesuffix(" uur") for v in target]:
                target.append(value)
    if any(_is_daypart(w) for w in wanted):
        # "liefst in de voormiddag, de namiddag ben ik rap moe": "voormiddag"; the other
        # part of the day and the reason why are nobody's business (round 13, p52).
        not_then = [v for v in not_then if not _is_daypart(v.removeprefix("niet "))]
    return ", ".join(part for part in (" ".join(wanted), ", ".join(not_then)) if part) or None


def without_time(text: str) -> str:
    """The text with its days, parts of the day and hours taken out."""
    return _TIME_ITEMS.sub(" ", text)
