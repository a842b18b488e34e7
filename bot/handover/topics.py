"""Career topics (intent names from intents.md) with their Dutch labels, and the
short summary a person confirms before a handover."""

from __future__ import annotations

LABELS = {
    "enjoy_work": "plezier in je werk houden",
    "stuck": "het gevoel dat je vastzit in je werk",
    "retirement": "pensioen en je laatste werkjaren",
    "flex_contract": "een flexcontract",
    "job_insecurity": "onzekerheid over je baan",
    "unemployed": "werk en inkomen als je baan stopt",
    "training": "een opleiding of cursus",
    "funding": "geld voor een opleiding",
    "career_change": "overstappen naar ander werk",
    "career_growth": "doorgroeien",
    "job_crafting": "je werk anders inrichten",
    "workload_health": "werkdruk en gezondheid",
    "work_life_balance": "werk en privé combineren",
    "conflict_at_work": "een conflict op het werk",
    "job_search": "solliciteren",
    "career_test": "ontdekken wat bij je past",
    "hr_conversation": "een gesprek met je leidinggevende voorbereiden",
}
CAREER_TOPICS = tuple(LABELS)
OUT_OF_WORK_LABELS = {"unemployed": "nieuw werk en je inkomen"}
# The same topics on a button: WhatsApp cuts button titles at 20 characters.
BUTTON_LABELS = {
    "enjoy_work": "Plezier in je werk",
    "stuck": "Vastgelopen",
    "retirement": "Pensioen",
    "flex_contract": "Flexcontract",
    "job_insecurity": "Baan onzeker",
    "unemployed": "Ontslag, werkloos",
    "training": "Opleiding",
    "funding": "Geld voor opleiding",
    "career_change": "Ander werk",
    "career_growth": "Doorgroeien",
    "job_crafting": "Werk anders doen",
    "workload_health": "Werkdruk, gezondheid",
    "work_life_balance": "Werk en privé",
    "conflict_at_work": "Conflict op werk",
    "job_search": "Solliciteren",
    "career_test": "Wat past bij mij",
    "hr_conversation": "Gesprek met je baas",
}
# Topics where offering a consultant fits; someone who enjoys their work gets
# self-help and an open door instead of an offer (never pushy).
OFFER_TOPICS = tuple(t for t in CAREER_TOPICS if t != "enjoy_work")
# Health is special-category data: in a ticket only this phrase, never details.
HEALTH_NOTE = "gezondheid speelt mee"
HEALTH_TOPICS = ("workload_health",)
# Work pressure itself is about the work, not health data: the card names it, and health only
# as HEALTH_NOTE (round 18c, p68's card said "Gezondheid speelt mee" and nothing of werkdruk).
HEALTH_TOPIC_LABELS = {"workload_health": "werkdruk"}

# "Je werkt ...": each sector with its own article ("in het onderwijs", not "in de").
SECTOR_PHRASES = {
    "onderwijs": "in het onderwijs", "ict": "in de ICT", "overheid": "bij de overheid",
    "metaal": "in de metaal", "transport": "in het transport", "landbouw": "in de landbouw",
    "financiele_dienstverlening": "in de financiële dienstverlening",
    "schoonheid": "in de schoonheidsbranche", "industrie": "in de industrie",
}
CONTRACT_LABELS = {
    "vast": "een vast contract", "tijdelijk": "een tijdelijk contract",
    "nulurencontract": "een nulurencontract", "oproepcontract": "een oproepcontract",
    "min-max": "een min-maxcontract", "uitzend": "uitzendwerk", "payroll": "een payrollcontract",
    "zzp": "werk als zzp'er",
}


def build_summary(
    topics: list[str],
    sector: str | None = None,
    contract_type: str | None = None,
    deadline_text: str | None = None,
    deadline_about: str | None = None,
    own_words: str | None = None,
    out_of_work: bool = False,
    returner: bool = False,
    note: str | None = None,
    money_worries: bool = False,
    employer_secret: bool = False,
    questions: list[str] | None = None,
    wanted_job: str | None = None,
    workload_said: bool = True,
    pregnant: bool = False,
) -> str:
    """Plain Dutch, second person, at most a few short sentences.

    Someone who said they have no work now is not told "Je werkt ..." (round 10, p41,
    p42), and a returner after years at home is not "without work" either; `note` is a
    short note for the consultant, such as the language that works."""
    parts: list[str] = []
    work = []
    if sector:
        work.append(SECTOR_PHRASES.get(sector, f"in de {sector.replace('_', ' ')}"))
    if contract_type:
        work.append(f"met {CONTRACT_LABELS.get(contract_type, contract_type)}")
    if returner:
        # "ik zou niet zeggen dat ik geen werk heb, ik was thuis voor de kinderen" (round
        # 19b, p81): back to paid work after years at home, in her words.
        parts.append("Je wilt weer aan het werk na een periode thuis.")
    elif out_of_work:
        parts.append("Je hebt nu geen werk.")
    elif work:
        parts.append("Je werkt " + " ".join(work) + ".")
    if pregnant:
        # What her question is about (round 22e, p109); she can take it off the card.
        parts.append("Je bent zwanger.")
    # Out of work already: "als je baan stopt" is past (round 16, p63 and p69, 14 months and
    # one month without work).
    # "werkdruk" only when the person spoke of the load of the work; knees, a hand or sleep
    # are "Gezondheid speelt mee" alone (round 21: p91, p96 and p97 never said werkdruk).
    labels = [HEALTH_TOPIC_LABELS[t] if t in HEALTH_TOPICS else
              OUT_OF_WORK_LABELS.get(t, LABELS[t]) if out_of_work else LABELS[t]
              for t in topics if t in LABELS and (workload_said or t not in HEALTH_TOPICS)]
    if labels:
        parts.append("Je wilt praten over " + ", ".join(labels) + ".")
    if wanted_job:
        # "ik wil elektricien worden" is what the consultant needs first (round 19c, p83's
        # card said only "overstappen naar ander werk").
        parts.append(f"Je wilt {wanted_job} worden.")
    if money_worries:
        parts.append("Geldzorgen spelen ook mee.")
    if deadline_text:
        about = f" ({deadline_about})" if deadline_about else ""
        parts.append(f"Belangrijke datum: {deadline_text}{about}.")
    if any(t in HEALTH_TOPICS for t in topics):
        parts.append(HEALTH_NOTE[:1].upper() + HEALTH_NOTE[1:] + ".")
    if questions:
        parts.append("Je vroeg: " + " / ".join(f"„{q}”" for q in questions))
    if own_words:
        parts.append(f"In je eigen woorden: {own_words}")
    if employer_secret:
        # The consultant must know before calling: not at work, not via the employer
        # (round 14, p56's wish was missing from her ticket).
        parts.append("Je werkgever mag niet weten dat je contact zoekt.")
    if note:
        if parts and parts[-1][-1:] not in ".!?…":
            parts[-1] += "."
        parts.append(f"Let op: {note}")
    return " ".join(parts) or "Je wilt graag praten met een loopbaanconsulent."
