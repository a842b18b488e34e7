"""The person's own question as it can stand on the card a consultant reads ("Je vroeg:
..."): a whole question, never a fragment that points at a sentence the card does not show."""

from __future__ import annotations

import re

from bot.dialogue.turn import looks_like_question

_BACK_REFERENCE = re.compile(r"\b(dat|dit|het|die|zo'?n|daar|er|dan)\b", re.I)


_SWEARING = re.compile(r"\b(kut\w*|shit|fuck\w*|godverdomme|verdomme|klote\w*|tering|tyfus|wtf|"
                       r"kolere)\b[.,!]*", re.IGNORECASE)


def own_question(text: str) -> str | None:
    """The question of a message as it can stand on a card: its longest question sentence,
    with the sentence before it when it points back ("ik krijg mijn rooster 2 dagen van
    tevoren. dat mag toch niet?"); None for a fragment ("opschrijven??", "klopt dat?").
    Round 14b, p60 and p56 found such fragments on their cards."""
    # Swearing is no part of the question (round 20, p84's card quoted "kut. maar wat moet
    # ik dan, gewoon slikken?" and he had to ask twice to get it off).
    text = _SWEARING.sub(" ", text)
    text = " ".join(re.sub(r"([?!])[?!\s]*", r"\1 ", text).split())
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
    best = None
    for i, sentence in enumerate(sentences):
        if not sentence.endswith("?"):
            continue
        words = sentence.split()
        if _BACK_REFERENCE.search(sentence) and len(words) < 8:
            if i == 0 or sentences[i - 1].endswith("?"):
                continue
            sentence = f"{sentences[i - 1]} {sentence}"
        if len(sentence.split()) >= 4 and (best is None or len(sentence) > len(best)):
            best = sentence
    if best is None and "?" not in text:
        # A question without "?" ("heeft de bouw een regeling voor vroegpensioen"): the
        # sentence that asks, not the correction around it ("En over een opleiding heb ik
        # niks gezegd. Het gaat om de WW. Wat moet ik doen voor die uitkering"; round 22e,
        # p99's card quoted all of it).
        asking = [s for s in sentences if len(s.split()) >= 4 and looks_like_question(s)]
        if asking:
            best = max(asking, key=len).rstrip(".")
        elif len(sentences) == 1 and len(text.split()) >= 5:
            best = text
    if best and len(best) > 140:
        best = best[:137].rsplit(" ", 1)[0] + " …"
    return best
