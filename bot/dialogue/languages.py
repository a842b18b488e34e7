"""Which language goes best for the person, in a short note for the consultant.

A Polish cleaner wrote "Pools is beter dan Engels" and "Niet Engels, Pools gaat beter", and her
request still said "Engels gaat beter" (round 24c, p119). A note names the language the person
named; only Dutch-learners who named none get the general note."""

from __future__ import annotations

import re

# Language names as people write them (Dutch, Flemish, English, and a few in the language
# itself), mapped to the name the consultant reads. Adjectives ("Poolse collega's") are no
# language wish, so only the noun forms are listed.
_NAMES: dict[str, str] = {
    r"pools|polish|po\s+polsku|polski": "Pools",
    r"engels|english|inglese|ingl[eé]s": "Engels",
    r"turks|turkish|t[uü]rk[cç]e": "Turks",
    r"arabisch|arabic|arabies": "Arabisch",
    r"roemeens|romanian|rom[aâ]n[aă]": "Roemeens",
    r"bulgaars|bulgarian": "Bulgaars",
    r"spaans|spanish|espa[nñ]ol|castellano": "Spaans",
    r"portugees|portuguese|portugu[eê]s": "Portugees",
    r"frans|french|fran[cç]ais": "Frans",
    r"duits|german|deutsch": "Duits",
    r"oekra[iï]ens|ukrainian|ukra[iï]nsk\w*": "Oekraïens",
    r"russisch|russian|russk\w*": "Russisch",
    r"somalisch|somali": "Somalisch",
    r"tigrinya|tigrinia": "Tigrinya",
    r"farsi|perzisch|persian|dari": "Farsi/Dari",
    r"berbers|tamazight|tarifit": "Berbers (Tamazight)",
    r"papiaments|papiamento": "Papiaments",
    r"litouws|lithuanian": "Litouws",
    r"hongaars|hungarian|magyar": "Hongaars",
}
# "Frans is beter" is more often a colleague called Frans than French.
_ALSO_A_NAME = frozenset({"Frans"})
_LANGUAGE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in _NAMES) + r")\b", re.I)
_PATTERNS = [(re.compile(rf"^(?:{p})$", re.I), name) for p, name in _NAMES.items()]

# Said of a language, these make it the one that goes best: "Pools gaat beter", "liever in het
# Turks", "spreekt iemand Arabisch?".
_STRONG_BEFORE = re.compile(
    r"(?:\b(?:liefst|liever|spreekt\s+(?:er\s+)?(?:iemand|een\s+consulent|de\s+consulent|"
    r"consulent)|iemand\s+die|someone\s+who)\s+(?:\w+\s+){0,2})$", re.I)
_AFTER_CUE = re.compile(
    r"^\W*(?:(?:is|gaat|lukt|praat|spreek\w*)\s+)?(?:voor\s+mij\s+)?(?:\w+\s+)?"
    r"(?:beter|best|makkelijker|makkelijkst|liever)\b|^\s*\?", re.I)
# "ik spreek Pools", "mijn moedertaal is Roemeens": the best language only from someone who is
# still learning Dutch; a Fleming who "spreekt ook Frans" needs no note.
_WEAK_BEFORE = re.compile(
    r"(?:\b(?:spreek|spreken|praat|kan|speak|moedertaal|taal)\s+(?:\w+\s+){0,2})$", re.I)
# "niet Engels", "geen Engels", "Engels een beetje", "Engels niet goed": not the best language.
_NOT_BEFORE = re.compile(r"\b(?:niet|nie|geen|no|not)\s+(?:zo\s+)?$", re.I)
_LITTLE_AFTER = re.compile(
    r"^\W*(?:(?:is|gaat|spreek\w*)\s+)?(?:ook\s+)?(?:maar\s+)?(?:een\s+)?"
    r"(?:beetje|weinig|slecht|niet|nie|a\s+little|little|bad)\b", re.I)
_LITTLE_BEFORE = re.compile(r"\b(?:beetje|weinig|slecht|little|bad)\s+$", re.I)


def _name(word: str) -> str:
    for pattern, name in _PATTERNS:
        if pattern.match(word.strip()):
            return name
    return word.capitalize()


# "Pools spreekt? of english?", "Engels praten? of Pools?": a second language added after the
# question as another way (round 26, p132). "Spreekt consulent Pools of Engels? Czy ktoś mówi po
# polsku?" keeps Polish first and alone (round 24c, p119 said Polish goes better).
_OR_BETWEEN = re.compile(r"^[^?.!]{0,30}\?\s*(?:of|or|en|and)\s+(?:\w+\s+)?$", re.I)


def best_language(text: str, learner: bool = False) -> str | None:
    """The language the person says goes best for them, if they name one (Dutch never counts:
    a note is for those who want another language), with a second one offered beside it ("Pools
    of Engels", round 26, p132). `learner`: they said Dutch is hard."""
    text = text or ""
    named: list[tuple[int, int, str]] = []
    best = None
    for found in _LANGUAGE.finditer(text):
        before = text[max(0, found.start() - 40):found.start()]
        after = text[found.end():found.end() + 40]
        if _NOT_BEFORE.search(before) or _LITTLE_BEFORE.search(before) or \
                _LITTLE_AFTER.search(after):
            continue
        name = _name(found.group(1))
        named.append((found.start(), found.end(), name))
        if best is None and (_STRONG_BEFORE.search(before) or (
                learner and _WEAK_BEFORE.search(before)) or (
                _AFTER_CUE.search(after) and name not in _ALSO_A_NAME)):
            best = len(named) - 1
    if best is None:
        return None
    chosen = [named[best][2]]
    for i, (start, end, name) in enumerate(named):
        if i == best or name in chosen:
            continue
        left, right = sorted((named[best], (start, end, name)))
        if _OR_BETWEEN.match(text[left[1]:right[0]]):
            chosen.append(name)
    return " of ".join(chosen)


LANGUAGE_NOTES = {
    "english": "Spreekt weinig Nederlands; Engels gaat beter.",
    "little_dutch": "Spreekt nog weinig Nederlands.",
}


def language_note(value: str | None) -> str | None:
    """The note on the request: the two general ones, or the named language."""
    if not value:
        return None
    if value in LANGUAGE_NOTES:
        return LANGUAGE_NOTES[value]
    if value == "Engels":
        return LANGUAGE_NOTES["english"]
    return f"Spreekt weinig Nederlands; {value} gaat het best."
