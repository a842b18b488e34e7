"""A knowledge answer fitted to the person: no "vraag je werkgever" for someone without an
employer or who keeps this from the employer, and the agency named for an agency worker.

Round 19b: a returner without an employer and a teacher whose school must not know were told
to ask their employer or HR; an agency worker was sent to "je werkgever of HR" (p81, p82, p83).
Only advice sentences change (they start with "Vraag", "Bespreek", "Praat", "Overleg"); the
rules about what an employer may or must do stay, because they are the answer.
"""

from __future__ import annotations

import re

# An answer that has a version for agency workers: "wie betaalt mij als ik ziek ben?" from a
# man who works through an agency is about the agency's duty (round 21, p96 got the general
# 70% rule, which his agency had just denied him).
AGENCY_VERSIONS = {"loon_bij_ziekte": "uitzend_ziek"}
# An answer for someone who is sick, and its version for someone who is not: "Moet ik naar de
# bedrijfsarts?" from a carer who is not on sick leave got "Ja, als je ziek bent en de
# bedrijfsarts roept je op, moet je gaan ... loon stopzetten" (round 21b, p95).
NOT_SICK_VERSIONS = {"bedrijfsarts_moet_ik_gaan": "bedrijfsarts_wat_doet"}
# The same question from someone off sick: "wie beslist of die functie passende arbeid is?"
# from a man four months off with burn-out got the reorganisation rule (round 22c, p103).
SICK_VERSIONS = {"passend_werk_ww": "passend_werk_tijdens_ziekte",
                 "passende_functie_reorganisatie": "passend_werk_tijdens_ziekte"}
# An answer for someone still working, and its version for someone already retired: "mag ik
# bijverdienen naast mijn AOW?" from a retired teacher got the AOW age twice (round 22b, p102).
RETIRED_VERSIONS = {"aow_leeftijd": "doorwerken_na_aow"}
SICK_WORDS = re.compile(r"\b(ziek\w*|opgeroepen|oproep\w*|roept|uitgenodigd|afspraak|verplicht|"
                        r"verzuim\w*|thuis\s+zit)\b", re.IGNORECASE)

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_EMPLOYER = r"(je|jouw)\s+(werkgever|leidinggevende|baas|manager)|\bhr\b"
# "Vraag je werkgever: die betaalt vaak mee", "Bespreek het met je leidinggevende".
_ASK_EMPLOYER = re.compile(rf"^(in\s+makkelijke\s+woorden:\s+)?(vraag|bespreek|praat|overleg)\b"
                           rf"[^.!?]{{0,60}}({_EMPLOYER})", re.IGNORECASE)
_YOUR_EMPLOYER = re.compile(r"\bje\s+werkgever\b", re.IGNORECASE)


# A school has a medezeggenschapsraad, not an ondernemingsraad (round 24, p114, a teacher,
# was sent to "de ondernemingsraad").
_WORKS_COUNCIL = re.compile(r"\b(de\s+|je\s+)?ondernemingsraad\b(\s+\(or\))?", re.IGNORECASE)


def tailored(lines: list[str], *, no_employer: bool = False, agency: bool = False,
             school: bool = False) -> list[str]:
    """The lines without advice to ask the employer (``no_employer``), or with the agency
    for the employer (``agency``), and the school's council for the works council
    (``school``). A line that would be left empty is kept as it was."""
    if school:
        lines = [_WORKS_COUNCIL.sub(lambda m: f"{m.group(1) or ''}medezeggenschapsraad (mr)",
                                    line) for line in lines]
    if not (no_employer or agency):
        return lines
    result = []
    for line in lines:
        sentences = _SENTENCE.split(line)
        if no_employer:
            kept = [s for s in sentences if not _ASK_EMPLOYER.search(s)]
            if kept and len(kept) < len(sentences):
                if sentences[0].lower().startswith("in makkelijke woorden:") and \
                        not kept[0].lower().startswith("in makkelijke woorden:"):
                    kept[0] = "In makkelijke woorden: " + kept[0][0].lower() + kept[0][1:]
                sentences = kept
        elif agency:
            sentences = [_YOUR_EMPLOYER.sub("je uitzendbureau", s) if _ASK_EMPLOYER.search(s)
                         else s for s in sentences]
        result.append(" ".join(sentences))
    return result
