"""What happens on the date a person names, for the card the consultant reads: "over 4
maanden" alone did not say that it is the day the WW stops (round 15c, p63)."""

from __future__ import annotations

import re

# First match wins: the income that stops weighs more than the contract it came from.
SUBJECTS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "ik neem morgen ontslag, krijg ik dan ww?" is his own notice, not the WW that stops
    # (round 20, p84's card would have said "je WW stopt").
    (re.compile(r"\b(neem|nemen)\s+(\w+\s+){0,2}ontslag\b|\bzelf\s+(\w+\s+){0,2}(opzeg\w*|"
                r"ontslag|opstap\w*)|\bzeg\s+(ik\s+)?(\w+\s+){0,2}op\b|\bik\s+(\w+\s+){0,3}"
                r"opzeggen\b", re.I), "je wilt dan zelf opzeggen"),
    (re.compile(r"\b(ww|uitkering)\b", re.I), "je WW stopt"),
    # Who wants the signature, not that they must sign: "je moet tekenen" on the card of a woman
    # who may refuse the vso (round 26b, p129: "ik moet juist niks").
    (re.compile(r"\b(tekenen|vaststellingsovereenkomst|vso)\b", re.I),
     "je werkgever wil dan je handtekening"),
    (re.compile(r"\b(contract|uitzendwerk|uitzendbureau|fase\s*a)\b", re.I),
     "je contract stopt"),
    (re.compile(r"\breorgani[sz]atie\b", re.I), "de reorganisatie"),
    (re.compile(r"\b(ontslag|ontslagen)\b", re.I), "je ontslag"),
    (re.compile(r"\b(failliet|faillissement)\b", re.I), "het faillissement"),
    (re.compile(r"\b(pensioen|aow)\b", re.I), "je pensioen"),
    (re.compile(r"\b(gesprek|afspraak)\b", re.I), "je gesprek"),
)


def deadline_about(text: str) -> str | None:
    """A short phrase for what the named date is about, or None when the message does not
    say it (then the card shows the date alone)."""
    return next((about for pattern, about in SUBJECTS if pattern.search(text)), None)
