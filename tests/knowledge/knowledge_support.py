"""Shared by the knowledge tests: how a question is compared with the knowledge base's own
example questions, so every held-out set proves its separation the same way, and how each
review round's new entries are found and checked (short, plain, sourced)."""

from __future__ import annotations

import re
from functools import cache

from bot.knowledge.entries import Entry, fact_ids, load_entries, load_not_covered
from bot.knowledge.in_conversation import answer_in_conversation
from bot.knowledge.retriever import shared_retriever


def norm(text: str) -> str:
    """Lower case, punctuation gone: "Krijg ik WW?" and "krijg ik ww" are the same question."""
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def known_questions() -> set[str]:
    """Every example question and every deliberately uncovered question, normalised."""
    known = {norm(q) for e in load_entries() for q in e.questions}
    return known | {norm(q) for q in load_not_covered()}


def overlapping(texts: list[str]) -> list[str]:
    """The texts that stand in the knowledge base already (should be none)."""
    known = known_questions()
    return [text for text in texts if norm(text) in known]


@cache
def entries_by_id() -> dict[str, Entry]:
    return {e.id: e for e in load_entries()}


def answer_of(entry_id: str) -> str:
    """An entry's whole answer in lower case, for the "says this, not that" checks."""
    return " ".join(entries_by_id()[entry_id].answer).lower()


def found_id(text: str, flemish: bool = False) -> str | None:
    """The entry the bot answers a message with (knowledge/keywords.yml included), or None."""
    found = shared_retriever().find(text, flemish)
    return found.entry.id if found else None


def near_miss_problem(text: str, expected: str | None, new_ids: list[str]) -> str | None:
    """What is wrong with the answer to a message that must not get one of a round's new
    entries (and, when `expected` names one, must get that entry); None when nothing is."""
    found = found_id(text)
    if found in new_ids:
        return f"{text!r} got the new entry {found}"
    if expected and found != expected:
        return f"{text!r} got {found}, not {expected}"
    return None


def plain_and_sourced_problems(entry_id: str, bubbles: tuple[int, int] = (2, 3),
                               sentences: tuple[int, int] = (2, 5),
                               region: str | None = None, percent: bool = True) -> list[str]:
    """What keeps an answer from being short B1 Dutch with sources (empty when it is): two or
    three bubbles of a few sentences, "je", no amounts in euros, facts from docs/facts.md."""
    entry = entries_by_id()[entry_id]
    answer = answer_of(entry_id)
    count = len([s for s in re.split(r"(?<=[.?!])\s+", answer) if s])
    checks = {
        f"{len(entry.answer)} bubbles": bubbles[0] <= len(entry.answer) <= bubbles[1],
        f"{count} sentences": sentences[0] <= count <= sentences[1],
        "no 'je'": bool(re.search(r"\bje\b", answer)),
        "an amount in euros": "€" not in answer and not re.search(r"\beuro\b", answer),
        "a percentage": percent or not re.search(r"\d+\s*%", answer),
        "not marked simple": entry.simple,
        f"region {entry.region}": region is None or entry.region == region,
        "facts missing or unknown": bool(entry.facts) and set(entry.facts) <= fact_ids(),
    }
    return [problem for problem, ok in checks.items() if not ok]


def answered_id(text: str, *, asks: bool = True, given: tuple[str, ...] = (),
                flemish: bool = False, situations: frozenset[str] = frozenset()) -> str | None:
    """The entry a message gets in a conversation (what came before: `given`, `situations`),
    or None: the one lookup the review rounds' question tests share."""
    knowledge, _ = answer_in_conversation(shared_retriever(), text, asks=asks, given=given,
                                          flemish=flemish, sure=flemish, situations=situations)
    return knowledge.entry.id if knowledge else None

