"""What a person changes about their request at the summary card, in their own words.

"Pensioen moet er ook uit. En die opleiding ook, da heb ik ni gevraagd", "Ik werk NIET met
uitzendwerk. En haal overstappen naar ander werk weg. Het gaat over discriminatie bij
sollicitaties." (round 10, p39, p41): every topic, contract type or sector the message
takes out goes, what it is about ("het gaat over ...") becomes the person's own words, and
the correction sentences themselves ("Nog steeds fout", "dat heb ik twee keer gezegd")
never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.dialogue.patterns import (
    HAS_JOB,
    META_WORDS,
    NO_JOB_SEARCH,
    TOPIC_WORDS,
    both_choices_clause,
    changed_choices,
)
from bot.dialogue.pickup import pick_channel, pick_name, pick_phone, pick_time
from bot.handover import contact
from bot.handover.topics import LABELS, SECTOR_PHRASES

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
# A phrase quoted from the card: "er staat 'werk zoeken na ontslag'. da moet eruit".
_QUOTED = re.compile(r"['‘’\"“”„]([^'‘’\"“”„]{3,80})['‘’\"“”„]")
_CLAUSES = re.compile(r"\s*[,;:]\s*|\s+(?=maar\b)", re.IGNORECASE)
# A word of denial shortly before what is named: "geen conflict", "niet over geld voor een
# opleiding", "NIET met uitzendwerk", "niks over opleiding of overstappen".
_DENIED_BEFORE = re.compile(
    r"\b(geen|gene|genen|niet|nie|ni|niks|niets|nooit)\b(\s+[\w'-]+){0,3}\s*$", re.IGNORECASE
)
# A clause that takes something out: "moet er ook uit", "haal ... weg", "da heb ik ni gevraagd".
_TAKE_OUT = re.compile(
    # "ze zeggen ... moet ik weg uit kamer" is where the person must go, not what must go
    # from the card (round 15b, p61 lost that sentence).
    r"\b((?<!ik\smoet\s)(?<!moet\sik\s)(?<!ik\sga\s)weg(?!\s+uit\b)|eruit|schrappen|"
    r"verwijder\w*|er\s+(\w+\s+){0,3}uit)\b|"
    r"\b(niet|nie|ni|niks|niets|nooit)\s+(\w+\s+)?(gevraagd|gezegd|genoemd|gehad|over\s+gehad|"
    r"geschreven|verteld)\b|\bklopt\s+(ook\s+|echt\s+)?(niet|nie|ni)\b|"
    r"\b(hoort|hoeft)\s+er\s+(\w+\s+)?(niet|nie|ni)\s+(in|bij)\b|\bslaat\s+nergens\s+op\b|"
    r"\bgaat\s+(het\s+)?(niet|nie|ni)\s+(over|om)\b|"
    # "er staat nog altijd 'werk zoeken na ontslag'" (round 13, p52): it should not.
    r"\ber\s+sta(at|an)\s+(\w+\s+)?(nog\s+)?(altijd|steeds)\b|"
    r"\bsta(at|an)\s+er\s+(\w+\s+)?(nog\s+)?(altijd|steeds)\b|"
    r"\bnog\s+(altijd|steeds)\s+(\w+\s+)?(erin|er\s+in|erbij|op\s+de\s+kaart)\b",
    re.IGNORECASE,
)
# A denial right after a verb that names a topic: "ik solliciteer ni" (round 13, p52).
# "werkdruk is ook niet het probleem" takes it out too (round 20c, p87's card kept it); "de
# werkdruk is niet te doen" says the opposite.
_DENIED_AFTER = re.compile(
    r"^\s*((is|was|speelt|zijn)\s+)?((ook|eigenlijk|helemaal|echt)\s+)?(niet|nie|ni|nooit|geen)\b"
    r"(?!\s+(alleen|enkel|zo\b|zomaar|goed|lekker|makkelijk|te\s|normaal|meer\s+(te|vol)|vol\s+te))",
    re.IGNORECASE,
)
# Only a comment on the card, nothing to keep: "Dat klopt niet.", "Nog steeds fout.", "Bijna".
_COMMENT = re.compile(
    r"^\W*(nee+\W+)?(nee+|neen|nope|sorry|(dat|dit|het)\s+klopt\s+(niet|nie|ni)(\s+helemaal)?|"
    r"klopt\s+(niet|nie|ni)(\s+helemaal)?|bijna(\s+goed)?|(nog\s+steeds\s+)?(helemaal\s+)?fout|"
    r"nog\s+steeds\s+(niet\s+goed|fout)|niet\s+goed|aanpassen(\s+graag|\s+dan|\s+aub|"
    r"\s+alstublieft)?|en|ook|dus|(niet|nie|ni|geen)\W+[\w'’]+)\W*$",
    re.IGNORECASE,
)
# "dat heb ik twee keer gezegd", "Dan weet de consulent waar het over gaat": about the talk.
_ABOUT_THE_TALK = re.compile(
    r"\b(dat|da|die|wat)\s+(heb|had)\s+(ik|k)\s+(\w+\s+){0,3}(gezegd|gevraagd|geschreven|"
    r"verteld|gezegt)\b|\bdan\s+weet\s+(de\s+|die\s+)?consulent\b|"
    r"\bbij\s+(moment|naam|plaats|contact|waarover)\b|\beigen\s+woorden\b|"
    r"\bgeen\s+voorkeur\b|\bik\s+heet\s+(niet|nie|ni)\b|\bnaam\s+is\s+(niet|nie|ni)\b",
    re.IGNORECASE,
)
# "Het gaat over zorgverlof", "Het gaat erom dat mijn WW ... afloopt": what it is about.
ABOUT = re.compile(r"^\W*(en\s+|maar\s+)?het\s+gaat\s+(\w+\s+)?(over|om|erom)\b", re.IGNORECASE)
# "Kunt u schrijven: ...", "Kunt u er nog bij zetten dat ...", "zet er ff bij dat ...": an
# addition to the request (round 13, p49 found "zet er ff bij dat" on the card).
_ADD_FILLER = r"((ook|nog|even|ff|effe|efkes|eens|maar|aub|graag|wel)\s+)*"
ADD_WORDS = re.compile(
    rf"\b(kun\w*|kan|wil|zou)\s+(je|u|jij|ge|gij)\s+(er\s+|dat\s+|het\s+)?{_ADD_FILLER}"
    r"(bij\s+|in\s+)?(zetten|schrijven|toevoegen|vermelden|opschrijven|noteren|opnemen|"
    rf"erbij\s+zetten|erin\s+zetten)\b\s*:?|\b(zet|schrijf)\s+(er\s*)?{_ADD_FILLER}(bij|in)\b"
    r"\s*:?|\berbij\s+(zetten|schrijven)\b\s*:?|\btoevoegen\b\s*:?|\baanvullen\b\s*:?",
    re.IGNORECASE,
)
# "ik werkte in de grafische sector": a sector in the person's words.
_NEW_SECTOR = re.compile(
    r"\b(?:werk|werkte|werkt|zat|zit|was)\s+(?:\w+\s+){0,2}?(?:in|bij)\s+(?:de|het)\s+"
    r"([a-zà-ÿ]+e)\s+sector\b",
    re.IGNORECASE,
)
# "Ik werk niet in de logistiek": a sector denied, whatever the card said.
_SECTOR_DENIED = re.compile(
    r"\b(werk|zit)\w*\s+(\w+\s+){0,2}(niet|nie|ni|nergens)\s+(in|bij)\s+"
    r"(de\s+|het\s+)?\w+",
    re.IGNORECASE,
)
# "ik ben werkloos", "ik heb geen werk meer" (round 10, p41, p42).
OUT_OF_WORK = re.compile(
    r"\b(ik\s+ben|ben|ik\s+zit|zit)\s+([\w']+\s+){0,3}?(werkloos|zonder\s+(werk|baan|job))\b"
    r"(?!\s+(te\s+)?(worden|word|wordt|raken|raak))|\b(heb|hèb|heb\s+nu)\s+((dus|nu|al|gewoon|gwn|echt)\s+)*geen\s+(werk|"
    r"baan|job|werkgever)\b|\bgeen\s+(werk|baan|job)\s+meer\b|\bwerkzoekende\b"
    # "ww loopt over 4 maanden af", "ik zit in de ww": living on the WW (round 16, p63 was
    # told to ask his manager about a training)
    # "ben 26 en zit niet in de ww lol" is the opposite (round 25b, p127's card said "Je hebt
    # nu geen werk").
    r"|\b(ik\s+zit|zit|ik\s+ben|ben)\s+(al\s+|nu\s+)?((?!(niet|nie|ni|nooit|geen)\b)\w+\s+){0,2}"
    r"in\s+de\s+ww\b"
    r"|\b(mijn|m'?n|mn|de)?\s*ww\s+(loopt|stopt|houdt|is\s+(bijna\s+)?(op|klaar|afgelopen))\b"
    # "omdat ik al twaalf jaar niet gewerkt heb", "12 jaar thuis gezeten voor de kinderen",
    # "ik heb eigenlijk geen huidig werk": a returner (round 18c, p81 got "je huidige werk")
    r"|\bjaa?r(en)?\s+(niet|geen)\s+(meer\s+)?(gewerkt|betaald\s+werk|werk\s+gehad)\b"
    r"|\bjaa?r(en)?\s+(\w+\s+)?thuis\s+(gezeten|geweest|gebleven)\b"
    r"|\bgeen\s+huidig\w*\s+(werk|baan|job|werkgever)\b",
    re.IGNORECASE,
)
# The card's own words for it: "Je hebt nu geen werk."
_CARD_NO_WORK = re.compile(r"\bgeen\s+(werk|baan|job)\b|\bwerkloos\b|\bzonder\s+werk\b",
                           re.IGNORECASE)
_NOT_OUT_OF_WORK = re.compile(r"\b(niet|nie|ni|nog\s+niet)\s+(werkloos|zonder)\b", re.IGNORECASE)


def says_out_of_work(text: str) -> bool:
    """ "Ik ben 60 en werkloos", "ik heb geen werk meer"; not "ik ben niet werkloos"."""
    return bool(OUT_OF_WORK.search(text)) and not _NOT_OUT_OF_WORK.search(text)


# "ik werk nog", "ik zit nog in mijne opzeg": working (again).
AT_WORK = re.compile(
    r"\bik\s+werk\s+(nog|wel|weer)\b|\bnog\s+in\s+(mijn|mijne|m'?n)\s+"
    r"opzeg\w*|\bik\s+heb\s+(weer\s+)?(een\s+)?(nieuwe\s+)?(baan|job)\b"
    r"(?!\s+nodig)",
    re.IGNORECASE,
)

# Topics in the words people use and as the card names them. Money for training first: its
# words contain "opleiding", which is the training topic on its own.
# "ontslag" is first the label's word ("werk zoeken na ontslag"), then a worry about it.
_ORDER = ("funding", "unemployed", *[t for t in LABELS if t not in ("funding", "unemployed")])
_TOPIC_WORDS = {
    **TOPIC_WORDS,
    # "geen uitzendwerk" denies the contract type, not the topic: only "flex" is the topic.
    "flex_contract": r"flex\w*",
    "funding": r"budget|subsidie|geld\s+voor\s+(een\s+)?(opleiding|cursus)",
    # A word of the card's own label takes the topic out: "ontslag" of "werk zoeken na
    # ontslag", "ik solliciteer ni" (round 13, p52 could not remove either).
    "unemployed": TOPIC_WORDS["unemployed"] + r"|ontslag\w*|(werk|baan|job)\s*zoek\w*",
    "job_search": r"sollicit\w*|vacature\w*",
    # "ik ben ni ontslagen" says nothing about a worry for one's job.
    "job_insecurity": TOPIC_WORDS["job_insecurity"].replace(r"ontslag\w*", r"ontslag(?!en\b)\w*"),
}
_CONTRACT_WORDS = {
    "uitzend": r"uitzend\w*",
    "tijdelijk": r"tijdelijk\w*",
    "vast": r"vast(e)?\s+(contract|baan|aanstelling)",
    "nulurencontract": r"nulur\w*",
    "oproepcontract": r"oproep\w*",
    "min-max": r"min-?max\w*",
    "payroll": r"payroll\w*",
    "zzp": r"zzp\w*",
}
_ANY_CONTRACT = re.compile(rf"\b({'|'.join(_CONTRACT_WORDS.values())})", re.IGNORECASE)


def _topic_pattern(topic: str) -> re.Pattern[str]:
    words = [re.escape(LABELS[topic])]
    if topic in _TOPIC_WORDS:
        words.insert(0, _TOPIC_WORDS[topic])
    return re.compile(rf"\b({'|'.join(words)})\b", re.IGNORECASE)


_TOPIC_PATTERNS = {topic: _topic_pattern(topic) for topic in _ORDER}


def topic_named(topic: str, text: str) -> bool:
    """The text names the topic, in its label or in the words people use for it."""
    return bool(_TOPIC_PATTERNS[topic].search(text))


@dataclass
class Correction:
    """What one message at the summary card changes."""

    topics_out: list[str] = field(default_factory=list)
    # Named to be taken out, but not in the request (any more): said so, nothing pasted.
    not_there: list[str] = field(default_factory=list)
    contract_out: bool = False
    sector_out: bool = False
    new_sector: str | None = None
    out_of_work: bool = False
    at_work: bool = False  # "ik ben ni ontslagen", "ik heb werk": not out of work
    own_words_out: bool = False
    content: list[str] = field(default_factory=list)  # sentences for the own words
    about: bool = False  # "het gaat over ...": what it is about, said again
    comment: bool = False  # "Dat klopt niet", "Nog steeds fout": a correction is meant
    corrected: bool = False  # something in it corrects the card (more than a comment)
    addition: bool = False  # "Kunt u schrijven: ..."

    def changes(self) -> bool:
        return bool(
            self.topics_out
            or self.contract_out
            or self.sector_out
            or self.new_sector
            or self.out_of_work
            or self.at_work
            or self.own_words_out
        )


# A sentence after an addition that says why it is added, not what: "Dan weet de consulent
# waar het over gaat." (round 10, p37; it was cut to "n weet ..." until round 17b made "da" a
# whole word, which hid it).
_FOR_THE_READER = re.compile(r"\b(dan|zo)\s+(weet|snapt|begrijpt)\s+(de|die|hij|ze|zij)\b|"
                             r"\bconsulent\b.{0,30}\b(weet|snapt|begrijpt)\b", re.I)


def _denied(clause: str, match: re.Match[str]) -> bool:
    return bool(_DENIED_BEFORE.search(clause[: match.start()]))


def _sector_pattern(sector: str | None) -> re.Pattern[str] | None:
    if not sector:
        return None
    words = [re.escape(sector.replace("_", " "))]
    phrase = SECTOR_PHRASES.get(sector)
    if phrase:
        words.append(re.escape(phrase.split(" ", 2)[-1]))
    return re.compile(rf"\b({'|'.join(words)})\b", re.IGNORECASE)


def _as_sentence(text: str) -> str:
    text = text.strip(" ,;:-")
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


# Verbs as they end a clause after "dat ik ...", to put them back after the subject.
_FINITE_VERBS = frozenset({
    "ben", "bent", "is", "heb", "hebt", "heeft", "werk", "werkt", "draai", "draait", "wil",
    "wilt", "kan", "kun", "kunt", "moet", "mag", "zoek", "zoekt", "krijg", "krijgt", "doe",
    "doet", "zit", "sta", "staat", "ga", "gaat", "word", "wordt", "verdien", "verdient",
    "woon", "woont", "zorg", "zorgt", "volg", "volgt", "maak", "maakt", "voel", "voelt",
})
_SUBJECT = re.compile(r"^(ik|je|jij|ge|gij|hij|zij|ze|we|wij)\s+(.+)$", re.IGNORECASE)


def _main_clause(rest: str) -> str:
    """ "ik al 14 maande 38 uur per week draai en vaste uren wil" -> "ik draai al 14 maande
    38 uur per week en wil vaste uren"; left as it is when a part does not end on a verb."""
    subject = _SUBJECT.match(rest)
    if not subject or re.search(r"[,;:]", rest):
        return rest
    parts = []
    for part in re.split(r"\s+en\s+", subject[2]):
        words = part.split()
        # "... draai" or "... wil krijgen": the finite verb goes first.
        at = next((i for i in (-1, -2) if len(words) > -i and words[i].lower() in _FINITE_VERBS),
                  None)
        if at is None:
            return rest
        parts.append(" ".join([words[at], *words[:at], *words[at:][1:]]))
    return f"{subject[1]} " + " en ".join(parts)

# "zet er werkdruk bij aub": what to add named between "zet er" and "bij" (round 18, p68's card
# stayed as it was, because her topic was on it already as "gezondheid speelt mee").
_ADD_OBJECT = re.compile(r"\b(zet|schrijf)\s+er\s+(?P<what>(\w+\s+){0,2}?\w+)\s+(ook\s+)?bij\b",
                         re.IGNORECASE)
_NO_OBJECT = re.compile(rf"^{_ADD_FILLER}(ook|nog|even|ff|effe|efkes|eens|maar|aub|graag|wel)?$",
                        re.IGNORECASE)


def _addition_text(rest: str) -> str:
    """ "dat het over zorgverlof gaat, voor mijn moeder?" -> "Het gaat over zorgverlof, voor
    mijn moeder."; "dat ik 14 maande min max werk" -> "Ik werk 14 maande min max." """
    # "dat"/"da" as whole words: "daar gaat het om" stays whole (round 17b, p76's card read
    # "Ar gaat het om").
    rest = re.sub(r"^\W*((dat|da)\b|:)\s*", "", rest.strip(), flags=re.IGNORECASE).rstrip(" ?!.")
    rest = re.sub(
        r"^het\s+(over|om)\s+(.+?)\s+gaat\b", r"het gaat \1 \2", rest, flags=re.IGNORECASE
    )
    return _as_sentence(_main_clause(rest))


def read_correction(
    text: str, topics: list[str], contract_type: str | None, sector: str | None
) -> Correction:
    """Read a message typed at the summary card (or after "Aanpassen") against what the
    card says now: the topics, contract type and sector it takes out, and what is left to
    keep as the person's own words."""
    fix = Correction()
    sector_words = _sector_pattern(sector)
    contract_words = re.compile(
        rf"\b({_CONTRACT_WORDS.get(contract_type or '', '$^')})", re.IGNORECASE
    )
    # A quote from the card in a message that takes something out: what is quoted goes.
    quoted_out = bool(_QUOTED.search(text)) and any(
        _TAKE_OUT.search(sentence) for sentence in _SENTENCES.split(text.strip()))
    for sentence in _SENTENCES.split(text.strip()):
        added = ADD_WORDS.search(sentence)
        named = None if added else _ADD_OBJECT.search(sentence)
        if named and not _NO_OBJECT.match(named["what"]):
            fix.addition = True
            what = re.sub(rf"^{_ADD_FILLER}", "", named["what"]).strip()
            fix.content.append(f"Het gaat ook over {what}.")
            continue
        if added:
            fix.addition = True
            kept = _addition_text(sentence[added.end() :])
            if len(kept.split()) >= 2:
                fix.content.append(kept)
            continue
        if fix.addition and _FOR_THE_READER.search(sentence):
            continue  # "Dan weet de consulent waar het over gaat." says why, not what (p37)
        if fix.addition and not _TAKE_OUT.search(sentence):
            # "zet erbij dat ... en dat ik wil weten over omscholen, niet weer
            # sollicitatietraining": the addition goes on, its "niet" included (round 15b,
            # p63's card lost the "niet weer sollicitatietraining").
            kept = _addition_text(re.sub(r"^\W*(en|ook|en\s+ook)\s+", "", sentence, flags=re.I))
            if len(kept.split()) >= 2:
                fix.content.append(kept)
            continue
        kept_clauses, all_kept = [], True
        clauses = [c for c in _CLAUSES.split(sentence) if c and c.strip()]
        take_out_here = any(_TAKE_OUT.search(c) for c in clauses) or (
            quoted_out and bool(_QUOTED.search(sentence)))
        for clause in clauses:
            applied = _read_clause(clause, fix, topics, contract_words, sector_words, take_out_here)
            if applied:
                all_kept = False
            else:
                kept_clauses.append(clause)
        if all_kept:
            kept = _as_sentence(sentence)
        else:
            kept = _as_sentence(", ".join(c.strip() for c in kept_clauses))
        if kept and len(re.findall(r"\w+", kept)) >= 2:
            fix.content.append(kept)
            fix.about = fix.about or bool(ABOUT.search(kept))
    return fix


def _read_clause(
    clause: str,
    fix: Correction,
    topics: list[str],
    contract_words: re.Pattern[str],
    sector_words: re.Pattern[str] | None,
    take_out_here: bool,
) -> bool:
    """Apply one clause to `fix`; True when the clause is a correction (not own words)."""
    correction = False
    take_out = bool(_TAKE_OUT.search(clause))
    # "En die opleiding ook, da heb ik ni gevraagd": the sentence's "ni gevraagd" is about
    # the clause that names it, unless that clause says what it IS about.
    elliptic = (
        take_out_here
        and not ABOUT.search(clause)
        and not re.search(r"\b(wel|wil|graag|ook\s+over)\b", clause, re.IGNORECASE)
    )
    blank = clause
    # What the card shows is what the words mean first: "ontslag" is "werk zoeken na
    # ontslag" on the card, not a worry about one's job that is not on it (round 13, p52
    # heard "Dat staat er al niet meer in: onzekerheid over je baan").
    order = [t for t in _ORDER if t in topics] + [t for t in _ORDER if t not in topics]
    for topic in order:
        for match in _TOPIC_PATTERNS[topic].finditer(blank):
            if take_out or elliptic or _denied(blank, match) or \
                    _DENIED_AFTER.match(blank[match.end():]):
                correction = True
                # "geen opleiding!" takes out the money for one too (round 7, p32).
                for out in (topic, "funding") if topic == "training" else (topic,):
                    if out in topics and out not in fix.topics_out:
                        fix.topics_out.append(out)
                if topic not in topics and topic not in fix.not_there and (take_out or elliptic):
                    fix.not_there.append(topic)
            blank = (
                blank[: match.start()] + " " * (match.end() - match.start()) + blank[match.end() :]
            )
    for match in contract_words.finditer(clause):
        if take_out or _denied(clause, match):
            fix.contract_out = correction = True
    for match in _ANY_CONTRACT.finditer(clause):
        if _denied(clause, match):
            correction = True  # "ik doe geen uitzendwerk": a correction, never own words
    if sector_words:
        for match in sector_words.finditer(clause):
            if take_out or _denied(clause, match):
                fix.sector_out = correction = True
    if _SECTOR_DENIED.search(clause):
        fix.sector_out = correction = True
    # Said about themselves, these stay in the own words too.
    new_sector = _NEW_SECTOR.search(clause)
    if new_sector and not _denied(clause, new_sector):
        fix.new_sector = f"{new_sector[1].lower()} sector"
    if take_out and _CARD_NO_WORK.search(clause):
        # "haal dat 'je hebt nu geen werk' ff weg" takes the card's line out (round 25b, p127).
        fix.at_work = correction = True
    elif says_out_of_work(clause):
        fix.out_of_work = True
    # "ik zoek geen werk, ik heb werk" (round 13, p52): no job search, and no job loss.
    if NO_JOB_SEARCH.search(clause):
        correction = True
        for out in ("unemployed", "job_search"):
            if out in topics and out not in fix.topics_out:
                fix.topics_out.append(out)
    if HAS_JOB.search(clause) and not says_out_of_work(clause):
        fix.at_work = True
        # The engine may have taken the topic out already this turn (its own reading of
        # "ik heb werk"); a clause that says only this is still a correction, not her words.
        if len(clause.split()) <= 6:
            correction = True
        if "unemployed" in topics:
            correction = True
            if "unemployed" not in fix.topics_out:
                fix.topics_out.append("unemployed")
    if both_choices_clause(clause) or changed_choices(clause):
        # "en ik zei allebei ja", "de consulent mag de chat wel lezen": the choices,
        # applied as such, never the person's own words (round 13, p52).
        fix.corrected = True
        return True
    if re.search(r"\beigen\s+woorden\b", clause, re.IGNORECASE) and take_out:
        fix.own_words_out = correction = True
    if correction:
        fix.corrected = True
    if _COMMENT.match(clause):
        fix.comment = True
        return True
    if take_out or _ABOUT_THE_TALK.search(clause):
        correction = True
    elif META_WORDS.search(clause):
        # "Nee dat klopt niet": about the card, never own words, but nothing to apply.
        fix.comment = fix.comment or bool(re.search(r"\bklopt\b|\bfout\b", clause, re.I))
        return True
    if (
        pick_time(clause)
        or pick_name(clause)
        or contact.clean_email(clause)
        or pick_phone(clause, False) != (None, None)
        or pick_channel(clause)[0]
        or pick_channel(clause)[1]
    ):
        correction = True  # contact details: applied as such, not the person's story
    fix.corrected = fix.corrected or correction
    return correction
