"""Which answer a message gets, given the conversation so far.

The Retriever (bot/knowledge/retriever.py) reads one message on its own. Here the
conversation counts: the answers already given (a follow-up gets the line that fits, a new
question its own answer, never a repeat), the topics talked about, and what the person made
clear before ("ik ben zwanger"). `answer_in_conversation` is the one entry point; the
functions it chains are public for their own tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bot.knowledge.entries import Entry
from bot.knowledge.retriever import (
    Match,
    Retriever,
    SentenceEncoder,
    normalise,
    without_filler,
)

# A new answer instead of a weakly linked given one: at least this score, and this much above.
FRESH_MIN_SCORE = 0.40
FRESH_MARGIN = 0.05
# A follow-up question ("tellen mijn 25 dienstjaren dan mee?") about an answer given in this
# conversation scores lower than a question on its own; below this it is not linked back.
CONTEXT_MIN_SCORE = 0.33


# "wie betaalt de heftruck certificaat? ik of uitzendbureau?": the choice after it belongs to
# the first question (round 26, p132 read job-search tips for "ik of uitzendbureau").
_POINTS_BACK = re.compile(r"(betekent|is|geldt|klopt|wil\s+zeggen)\s+(dat|dit|het)\b|(dat|dit)\s+"
                          r"(betekent|is|wil)\b|^(ik|ikke|jij|hij|zij|wij|mijn\s+\w+|de\s+\w+|het\s+\w+)"
                          r"\s+of\s+(\w+\s*){1,3}\??$", re.IGNORECASE)


def find_each(retriever: Retriever, text: str, flemish: bool = False,
              sure: bool = False, situations: frozenset[str] = frozenset()) -> list[Match]:
    """One answer per question of a message that asks several, in their order, each entry
    once: "Kost een gesprek geld? En moet ik lid zijn?" (rounds 13d and 14: the second and
    third question of a message went unanswered, and people asked again). Each question is
    read with what the person said of themselves when it bears on it (SITUATIONS)."""
    # "En moet ik lid zijn?": the joining word is no part of the question.
    questions = [re.sub(r"^(en|maar|of|ook|dus)\s+", "", s.strip(), flags=re.IGNORECASE)
                 for s in re.findall(r"[^?.!\n]*\?", text) if len(s.split()) >= 3]
    # "wat is spoor 2 precies? Betekent dat dat ik dan ontslagen word?": the second hangs on
    # the first and is no question of its own (round 19b, p82 got the settlement text).
    questions = questions[:1] + [q for q in questions[1:] if not _POINTS_BACK.match(q)]
    if len(questions) < 2:
        return []
    found: list[Match] = []
    for question in questions:
        context = situation_context(set(situations), question)
        match = retriever.find(f"{context}, {question}" if context else question, flemish, sure)
        if match and all(m.entry.id != match.entry.id for m in found):
            found.append(match)
    return found


def find_new(retriever: Retriever, text: str, given: list[str], flemish: bool = False,
             sure: bool = False, context: str = "") -> Match | None:
    """A question of the message that an answer not given yet answers, when the message as a
    whole found one given before: "Ik weet niet of het zo'n vaststellingsovereenkomst is. En
    als ze niks voor mij vinden, krijg ik dan een transitievergoeding?" (round 23, p112 read
    the vso text again). Each question sentence alone, and an entry it names by its own word
    when nothing clears the bar (on the evaluation sets as a whole that rule adds as many
    wrong answers as right ones, so only here, where the alternative is a repeat). `context`:
    what the conversation already made clear, read with each question ("ik ben zwanger")."""
    for question in re.findall(r"[^?.!\n]*\?", text):
        question = re.sub(r"^\s*(en|maar|of|ook|dus)\s+", "", question.strip(), flags=re.I)
        if len(question.split()) < 3:
            continue
        asked = f"{context}, {question}" if context else question  # one sentence
        match = retriever.find(asked, flemish, sure, named_first=True)
        if match is not None and match.entry.id in given:
            # The given answer scores best: a new one only when it scores almost as high
            # ("krijg ik dan nog wel verlof?" after the answer on not renewing a pregnant woman,
            # round 23b, p109: 0.519 against 0.522).
            other = retriever.find(asked, flemish, sure, named_first=True,
                                   exclude=frozenset(given))
            other_named = other is not None and retriever.keywords.get(other.entry.id) and \
                retriever.keywords[other.entry.id].search(asked.lower())
            # ... or when the question names it ("telt die halftijdse periode mee voor mijn
            # pensioen?" after the landingsbaan answer; round 23c, p110).
            match = other if other is not None and (
                other_named or other.score >= match.score - GIVEN_MARGIN) else None
        if match is None:
            continue
        required = retriever.requires.get(match.entry.id)
        if required is not None and not required.search(text.lower()):
            # What rules an answer out holds for the whole message: "ik ben helemaal geen lid
            # ... Kan ik dan wel met zo'n consulent praten?" is no question about what a
            # consultant does (round 25, p120).
            continue
        named = retriever.keywords.get(match.entry.id)
        if REFERS_BACK.search(question) and not (named and named.search(asked.lower())):
            continue  # "is da hetzelfde als tijdskrediet?" asks about the answer before
        return match
    return None


def find_named_in_topic(retriever: Retriever, text: str, topics: list[str],
                        flemish: bool = False) -> Match | None:
    """A question that names an entry's own words, in a conversation about that entry's
    topic, with less similarity than a question out of the blue needs: "moet ik nu al
    solliciteren of is dat dom?" in a talk about a reorganisation (round 18, p79 got the WW
    rules, then "geen goed antwoord"). The same bar as a follow-up on a given answer."""
    if not topics or len(text.split()) < 3:
        return None
    lowered = text.lower()
    # Sentence by sentence, as find reads it: "Maar sorry, ik weet niet eens meer hoe je een
    # cv maakt, de laatste keer ..." in a long story (round 19, p81).
    scores = retriever.message_scores(text)
    candidates = [(float(scores[i]), i) for i, e in enumerate(retriever.entries)
                  if e.topic in topics and retriever.keywords.get(e.id)
                  and retriever.keywords[e.id].search(lowered)
                  and e.region in ("any", "be" if flemish else "nl")
                  and (e.id not in retriever.requires or retriever.requires[e.id].search(lowered))]
    if not candidates:
        return None
    score, best = max(candidates)
    return Match(retriever.entries[best], score) if score >= CONTEXT_MIN_SCORE else None


def _question_part(text: str) -> str:
    """The first sentence of a message that asks something, or the whole message: in "is da
    nu hetzelfde als tijdskrediet? mijn collega had het daar over…" the story after the
    question says who else took it, not what is asked (round 15b, p64)."""
    # "Mag ik nog iets vragen? U schreef over WW, maar heb ik dan recht op iets van het
    # UWV?": the first question only asks leave to ask (round 18c, p81).
    asked = [s for s in re.findall(r"[^?.!\n]*\?", without_filler(text)) if len(s.split()) >= 3]
    return asked[0].strip() if asked else text


# What a question asks about, and the words an answer needs to say anything about it: "Hoeveel
# kost dat allemaal, de aanvraag bij het CIBG ...?" after the language answer got "Dit zei ik
# eerder al" and the B1 line (round 21b, p93); an answer without a word of cost is no answer
# to a cost question, and "weet ik niet zeker" is honest.
ASPECTS = (
    (re.compile(r"\b(hoeveel\s+kost|wat\s+kost|kost\s+(dat|het|dit|dat\s+allemaal)|kosten|"
                r"prijs|betalen|betaal|wie\s+betaalt)\b", re.I),
     re.compile(r"\b(kost\w*|betaal\w*|gratis|geld|prijs|vergoed\w*|lening|lenen|euro|"
                r"cursusgeld|loon|salaris|uitkering|krediet)\b", re.I)),
    (re.compile(r"\b(hoe\s+lang\s+(duurt|kost|ben)|duurt\s+(dat|het)|hoeveel\s+tijd)\b", re.I),
     re.compile(r"\b(\d+\s+(jaar|maanden|weken|dagen)|jaar|maanden|weken|duurt|lang)\b", re.I)),
)


def lacks_aspect(entry: Entry, question: str) -> bool:
    """Whether ``question`` asks something (cost, duration) that ``entry``'s answer says
    nothing about."""
    answer = " ".join(entry.answer)
    return any(asks.search(question) and not says.search(answer) for asks, says in ASPECTS)


def find_in_context(retriever: Retriever, text: str, given: list[str]) -> Match | None:
    """A question the knowledge base cannot answer on its own, read as a follow-up on one of
    the answers given in this conversation (round 7b: "moet ik opnieuw solliciteren bij die
    nieuwe?" got "weet ik niet zeker" right after the answer that says staff go over). The
    line of that answer closest to the question is what is said again."""
    if not given or len(text.split()) < 3:
        return None
    question = _question_part(text)
    scores = retriever.scores(text)
    if question != text:
        scores = np.maximum(scores, retriever.scores(question))
    position = {e.id: i for i, e in enumerate(retriever.entries)}
    lowered = text.lower()
    # An entry whose answer is wrong without certain words is no follow-up without them
    # either ("moet ik zelf vragen aan uitzendbureau?" after the housing answer; round 10).
    candidates = [(float(scores[position[i]]), i) for i in given if i in position
                  and (i not in retriever.requires or retriever.requires[i].search(lowered))]
    if not candidates:
        return None
    # An answer's own follow-up words ("recht op iets van het UWV" after the returner's
    # answer) link the question back to it however low it scores, and to no other answer.
    # In the whole message: "is dat echt zo? want ik heb nooit zon aanbod gehad" asks in its
    # first sentence and says what it is about in the next (round 25b, p127).
    linked = [(max(score, CONTEXT_MIN_SCORE), i) for score, i in candidates
              if follows_up(retriever.entries[position[i]], text)]
    score, entry_id = max(linked or candidates)
    if score < CONTEXT_MIN_SCORE:
        return None
    entry = retriever.entries[position[entry_id]]
    if lacks_aspect(entry, question):
        return None
    return Match(entry, score, line=closest_line(entry, question, follow_up=bool(linked)),
                 linked=bool(linked))


def follows_up(entry: Entry, question: str) -> bool:
    """Whether a question names words that make it a follow-up on this entry's answer."""
    return bool(entry.follow_up_on and re.search(entry.follow_up_on, question, re.IGNORECASE))


def follows_up_any(retriever: Retriever, text: str, given: list[str]) -> bool:
    """Whether a message uses the follow-up words of an answer given before: "dan zeg ik
    morgen gwn op" after the resigning warning asks without a question mark (round 18c)."""
    return any(follows_up(e, text) for e in retriever.entries if e.id in given)


# A short question that points back ("is da hetzelfde als tijdskrediet?", "geldt dat ook
# voor mij?") is about the answer just given, when that answer scores nearly as well as the
# best entry of its own (round 15, p64: a burn-out answer after the landingsbaan answer).
REFERS_BACK = re.compile(r"\b(da|dat|dit|die|hetzelfde|verschil)\b", re.IGNORECASE)
REFERS_BACK_MAX_WORDS = 10
# How close a new answer must score to a given one to be preferred in find_new.
GIVEN_MARGIN = 0.02
CONTEXT_MARGIN = 0.06


def prefer_given(retriever: Retriever, text: str, found: Match, given: list[str]) -> Match:
    """The answer given earlier in this conversation instead of ``found``, for a short
    question that refers back to it and scores within CONTEXT_MARGIN of ``found``."""
    question = _question_part(text)
    if found.entry.id in given or len(question.split()) > REFERS_BACK_MAX_WORDS or \
            not REFERS_BACK.search(question):
        return found
    lowered = without_filler(retriever.expand(question)).lower()
    if any(entry_id not in given and pattern.search(lowered)
           for entry_id, pattern in retriever.keywords.items()):
        # "die transitievergoeding, wat krijg je daar van na 14 jaar?" names its subject:
        # "daar" does not make it a question about the answer before (round 22, p94 read
        # the VSO line again instead of the transition payment and the works council).
        return found
    context = find_in_context(retriever, question, given)
    if context is None:
        return found
    scores = retriever.scores(question)
    best = scores[retriever.entries.index(found.entry)]
    return context if context.score >= best - CONTEXT_MARGIN else found


WHAT_IS = re.compile(r"\bwat\s+(is|zijn|betekent|betekenen|bedoel\w*)\b|\bafkorting\b",
                     re.IGNORECASE)
GLOSS = re.compile(r"(\w+)\s+\(([^)]+)\)")


def defining_line(entry: Entry, text: str) -> str | None:
    """For "wat is een vso eigenlijk?": the line that explains the word, "vaststellings-
    overeenkomst (vso)" or "outplacement (begeleiding naar nieuw werk)" (round 16, p67 got
    the line about the payment)."""
    if not WHAT_IS.search(text):
        return None
    words = set(re.findall(r"\w+", text.lower()))
    for line in entry.answer:
        for word, gloss in GLOSS.findall(line):
            if word.lower() in words or gloss.lower() in words:
                return line
    return None


def closest_line(entry: Entry, text: str, follow_up: bool = False) -> str:
    """The line of an entry's answer that is closest in meaning to the question; for a
    question in the entry's follow-up words, among the lines that use those words (the
    returner's WW line, not her cv line, for "recht op iets van het UWV?")."""
    defined = defining_line(entry, text)
    if defined is not None:
        return defined
    lines = list(entry.answer)
    if follow_up and entry.follow_up_on:
        lines = [line for line in lines
                 if re.search(entry.follow_up_on, line, re.IGNORECASE)] or lines
    closeness = SentenceEncoder.encode(lines) @ SentenceEncoder.encode([normalise(text)])[0]
    return lines[int(np.argmax(closeness))]


# Answers that show the person wants fewer hours (the situation "fewer_hours").
FEWER_HOURS_ANSWERS = frozenset({"minder_uren_werken", "vaste_werkdagen_vragen",
                                 "ouderschapsverlof_of_minder_uren",
                                 "minder_uren_werkgever_weigert", "gesprek_minder_uren"})


# What the conversation made clear, read with a question it bears on: a pregnant woman asking
# about leave, pay or telling her boss (round 23b, p109); someone off sick asking about
# resigning, pay or applying elsewhere (round 24b, p120: "misschien neem ik gewoon ontslag, wat
# gebeurt er dan met mijn loon?" named no illness).
SITUATIONS = (
    ("pregnant", "ik ben zwanger",
     re.compile(r"\b(verlof|uitkering|betaald|doorbetaald|vertellen|melden|zeggen)\b", re.I)),
    ("sick", "ik ben ziek",
     re.compile(r"\b(ontslag|opzeg\w*|loon|salaris|solliciter\w*|vacature\w*)\b", re.I)),
    # "MOET ik voor vrijdag tekenen of niet" after "een papier voor de dagdienst" (round 26b,
    # p124 read the vso answer).
    ("contract_change", "ik moet een wijzigingsvoorstel voor een ander rooster tekenen",
     re.compile(r"\b(teken\w*|getekend|handtekening|papier\w*|ontslagen|eruit)\b", re.I)),
    # "Hoe kan ik dat gesprek het beste aanpakken?" after the answers on fewer hours (round 27,
    # p134 got the job-application tip).
    ("fewer_hours", "ik wil minder uren werken",
     re.compile(r"\bgesprek\w*\b|\bnee\s+zeg\w*|\bweiger\w*", re.I)),
    # "nieuwe firma wil minder uur. mag dat?" from a cleaner (round 27b, p135 got "geen goed
    # antwoord"): the new company after a tender.
    ("cleaning", "ik werk in de schoonmaak",
     re.compile(r"\b(nieuw\w*|ander\w*)\s+(firma|bedrijf|werkgever|baas)\b|\baanbested\w*|"
                r"\bovergenomen\b|\bovername\b", re.I)),
    # "ik werk 4 jaar, dus ik krijg nu vast contract of niet?" from an agency worker asks
    # about the agency phases (round 26b, p132 got the transition payment).
    ("agency", "ik werk via een uitzendbureau",
     re.compile(r"\bvast(e)?\s+(contract|baan|dienst)|\bvast\s+(krijg|worden|word)|\bfase", re.I)),
)


# Said without a question, a plan to resign while off sick still wants the answer for that:
# "ik denk dat ik gewoon ontslag neem" got the dismissal ban (round 25, p120).
STATED_PLANS = {"sick": re.compile(r"\b(ontslag|opzeg\w*)\b", re.I)}


def situation_context(situations: set[str], text: str, asks: bool = True) -> str:
    """The context to read `text` with, "" when none applies."""
    return ", ".join(said for name, said, bears_on in SITUATIONS
                     if name in situations and bears_on.search(text) and
                     (asks or (name in STATED_PLANS and STATED_PLANS[name].search(text))))


def answer_in_conversation(retriever: Retriever, text: str, *, asks: bool,
                           given: Sequence[str] = (), topics: Sequence[str] = (),
                           flemish: bool = False, sure: bool = False,
                           situations: frozenset[str] = frozenset(),
                           ) -> tuple[Match | None, Match | None]:
    """The answer for `text` and a second one it also asks for (or None each).

    `asks`: the message asks something (bot.dialogue.turn.looks_like_question); `given`: the
    entries answered before in this conversation; `topics`: what it is about; `flemish`,
    `sure`: the person's country and whether that is known; `situations`: what the person
    said of themselves ("pregnant", "sick"; see SITUATIONS)."""
    if not text or text.startswith("/"):
        return None, None
    given = list(given)
    context = situation_context(set(situations), text, asks)
    asked = f"{context}, {text}" if context else text
    knowledge = retriever.find(asked, flemish, sure)
    if knowledge is None and (asks or follows_up_any(retriever, text, given)):
        # "Nee, over een uitkering van het UWV, omdat ik al twaalf jaar niet gewerkt heb"
        # after the returner's answer asks without a question mark (round 18c).
        knowledge = find_in_context(retriever, text, given)
        if knowledge is not None and not knowledge.linked:
            # A weak link back to a given answer is no reason to repeat it when an answer not
            # given yet fits the message clearly better: "blijf ik dan betaald? ik had iets
            # gehoord van opleidingsverlof" after the loopbaancheque answer (round 24, p116
            # read the cheque twice as "Dit zei ik eerder al").
            knowledge = retriever.find(
                asked, flemish, sure, exclude=frozenset(given),
                min_score=max(FRESH_MIN_SCORE, knowledge.score + FRESH_MARGIN)) or knowledge
    if knowledge is None and asks:
        knowledge = find_named_in_topic(retriever, text, list(topics), flemish)
    elif knowledge is not None and given and asks:
        knowledge = prefer_given(retriever, text, knowledge, given)
    if (knowledge is None or knowledge.entry.id in given) and asks:
        # A new question after an answer: its own answer, not a repeat or none (round 23:
        # p112's transitievergoeding, p108's "moet dat op papier of zo?"); and a question in
        # a longer message, read alone ("wat kost lid worden eigenlijk, bij de AOb of zo?
        # deze directeur blijft …", round 23c, p114).
        knowledge = find_new(retriever, text, given, flemish, sure, context=context) \
            or knowledge
    if knowledge is not None and knowledge.entry.id in given and \
            lacks_aspect(knowledge.entry, text):
        # Asked about its cost after the answer: no cost in it, so no repeat of it (round
        # 21b, p93 read the language line for his cost question).
        knowledge = None
    if knowledge is not None and knowledge.entry.id in given and knowledge.line is None:
        # Asked again in other words: the line that fits, not the whole answer.
        knowledge = replace(knowledge, line=closest_line(
            knowledge.entry, retriever.expand(text), follow_up=follows_up(knowledge.entry, text)))
    also = None
    if knowledge is not None:
        also = next((m for m in find_each(retriever, text, flemish, sure, situations)
                     if m.entry.id != knowledge.entry.id and m.entry.id not in given), None)
    return knowledge, also
