"""Words that place a message in Flanders: Belgian institutions and places, and
Flemish forms of everyday words ("ge", "goesting", "mijne baas").

One list for the whole assistant: the knowledge base picks the Belgian answer and
the crisis answer leads with the Belgian numbers when a message has one of these.
"""

from __future__ import annotations

import re

FLEMISH_WORDS = re.compile(
    r"vdab|loopbaancheque|vlaander|vlaams|belgi[eës]|brussel|antwerp|interimkantoor"
    r"|vlaming|\bbelg\b|mutualiteit|syndicaat|landingsbaan|tijdskrediet|brugpensioen"
    r"|\b(?:rva|acv|abvv|aclvb|riziv|mijne|uwe|ge|gij|kunde|zijde|amai|goesting|allez|awel"
    r"|efkes|ne\s+keer|nen|ik\s+zen|gent|leuven|brugge|hasselt|mechelen|kortrijk|oostende"
    r"|genk|aalst|limburgse\s+mijn"
    # "halftijds werken" is how Flanders says half-time (session 26: the Dutch parental-leave
    # answer came to "kan ik halftijds werken met ouderschapsverlof")
    r"|halftijds\w*)\b",
    re.IGNORECASE,
)


def sounds_flemish(text: str) -> bool:
    return bool(FLEMISH_WORDS.search(text or ""))
